"""What the staff panel shows, kept up to date, and its settings from the exhibition.

The panel's lines: whether the content is valid and its errors (at start, and after each check
of a change), whether the last good copy is showing, the last reload, the opening hours now,
today's visitor figures from the statistics, and the visits since midnight (the exhibition
session counts them). "Reload content now" asks the reloader. The staff gesture's timings and
whether "Exit to desktop" is offered follow each exhibition shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance

from kiosk.ops.hours import Hours
from kiosk.ops.reload import ContentReloader
from kiosk.ops.staff import Staff
from kiosk.ops.timings import Timings
from kiosk.session import ExhibitionChanged, ExhibitionSession, VisitStarted
from kiosk.words import words

if TYPE_CHECKING:
    from kiosk.content.errors import ContentError
    from kiosk.content.load import LoadResult
    from kiosk.content.model import Exhibition


class TodayFigures(Protocol):
    """Today's visitor figures (`kiosk.insights.today.TodaySummary`): `refresh()` asks for them,
    `ready` brings them."""

    ready: SignalInstance

    def refresh(self) -> None: ...

    def set_language(self, tag: str) -> None: ...


def _stamp() -> str:
    return dt.datetime.now().strftime("%H:%M:%S")


class StaffDesk(QObject):
    """Fills in the staff panel's status lines and follows the exhibition's staff settings."""

    def __init__(
        self,
        staff: Staff,
        session: ExhibitionSession,
        reloader: ContentReloader,
        hours: Hours,
        today: TodayFigures,
        timings: Timings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.staff, self.session, self.hours, self.timings = staff, session, hours, timings
        self.today = today
        staff.set_timeout_ms(timings.panel_timeout_ms)
        staff.reloadRequested.connect(reloader.reload_now)
        staff.panelOpened.connect(self.refresh_schedule)
        staff.panelOpened.connect(today.refresh)
        today.ready.connect(lambda lines: staff.update_status(today=lines))
        hours.closed.connect(self.refresh_schedule)
        hours.opened.connect(self.refresh_schedule)
        reloader.checked.connect(self._on_checked)
        reloader.swapped.connect(self._on_swapped)
        self._unsubscribe = [
            session.subscribe(VisitStarted, self._on_visit),
            session.subscribe(ExhibitionChanged, lambda event: self._follow(event.exhibition)),
        ]
        self._follow(session.exhibition)

    def show_startup(self, from_snapshot: bool, problems: Sequence[ContentError]) -> None:
        """What the kiosk started with: the last good copy or not, and the content's errors."""
        errors = [problem.format() for problem in problems if problem.is_error]
        self.staff.update_status(showingSnapshot=from_snapshot, contentValid=not errors, contentErrors=errors)

    def _follow(self, exhibition: Exhibition | None) -> None:
        self.staff.configure(*self.timings.staff(exhibition))
        language = exhibition.settings.default_language if exhibition is not None else "en"
        self.staff.set_language(language)  # the panel speaks the staff's language
        self.today.set_language(language)
        self.refresh_schedule()

    def _on_visit(self, _event: VisitStarted) -> None:
        self.staff.update_status(sessionsToday=self.session.visits_today())

    def _on_checked(self, result: LoadResult) -> None:
        errors = [problem.format() for problem in result.problems if problem.is_error]
        said = words(self.session.default_language)
        outcome = said.text("staff_reload_kept" if errors else "staff_reload_waiting", time=_stamp())
        self.staff.update_status(contentValid=not errors, contentErrors=errors, lastReload=outcome)

    def _on_swapped(self, _exhibition: Exhibition | None) -> None:
        self.staff.update_status(showingSnapshot=False, lastReload=_stamp())

    def refresh_schedule(self) -> None:
        text = self.hours.describe(self.session.default_language)
        if self.staff.status.get("schedule") != text:
            self.staff.update_status(schedule=text)

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
