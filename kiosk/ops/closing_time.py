"""Opening hours, idle and visits, kept in step.

At closing time the visit ends (`session.end_visit("closing")`) and idle rests until opening;
idle also rests while staff are at the panel, and counts again when they leave if the kiosk is
open. The hours follow each exhibition shown (`exhibition.yaml` `hours`, its closed slide
relative to the exhibition's folder).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.ops.hours import Hours
from kiosk.ops.idle import Idle
from kiosk.ops.staff import Staff
from kiosk.session import ExhibitionChanged, ExhibitionSession

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.content.model import Exhibition

log = logging.getLogger("kiosk.hours")


class ClosingTime(QObject):
    """Ends the visit at closing, and says when idle counts (open, and no staff at the panel)."""

    def __init__(
        self,
        session: ExhibitionSession,
        hours: Hours,
        idle: Idle,
        staff: Staff,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.hours, self.idle, self.staff = session, hours, idle, staff
        hours.closed.connect(self._on_closed)
        hours.opened.connect(self._let_idle_count)
        staff.panelOpened.connect(lambda: idle.set_enabled(False))
        staff.panelClosed.connect(self._let_idle_count)
        self._unsubscribe = session.subscribe(ExhibitionChanged, self._on_exhibition)
        self._follow(session.exhibition, session.root)

    def _on_exhibition(self, event: ExhibitionChanged) -> None:
        self._follow(event.exhibition, event.root)

    def _follow(self, exhibition: Exhibition | None, root: Path) -> None:
        self.hours.configure(exhibition.settings.hours if exhibition is not None else None, root)
        self._let_idle_count()

    def _on_closed(self) -> None:
        self.session.end_visit("closing")
        self.idle.set_enabled(False)

    def _let_idle_count(self) -> None:
        self.idle.set_enabled(self.hours.is_open and not self.staff.property("panelOpen"))

    def close(self) -> None:
        self._unsubscribe()
