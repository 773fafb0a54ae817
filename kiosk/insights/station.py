"""Visitor statistics for one kiosk: the writer, the visit recorder and the staff panel's summary.

    insights = KioskInsights(navigator, engine=engine, playback=playback,
                             db_path=state_dir() / "insights.db", screen_name="hall-1")
    insights.configure(exhibition.settings.insights)   # at start and after every content swap
    ...
    insights.close()                                   # ends the visit ('stopped'), writes the rest

`exhibition.yaml` can switch statistics off (`insights: {enabled: false}`) and sets how many days
of records are kept. A file that cannot be written turns statistics off; the kiosk runs on.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from kiosk.app.cards import Words
from kiosk.base.paths import state_dir
from kiosk.insights.recorder import VisitRecorder
from kiosk.insights.today import TodaySummary
from kiosk.insights.writer import InsightsWriter

log = logging.getLogger("kiosk.insights")


def default_db_path() -> Path:
    return state_dir() / "insights.db"


def default_screen_name() -> str:
    return socket.gethostname() or "kiosk"


class KioskInsights(QObject):
    """Owns the statistics writer of one kiosk window and what feeds it."""

    def __init__(
        self,
        navigator: Any,
        *,
        engine: object | None = None,
        playback: Any | None = None,
        db_path: Path | None = None,
        screen_name: str | None = None,
        make_writer: Callable[..., InsightsWriter] = InsightsWriter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.db_path = db_path or default_db_path()
        self.screen_name = screen_name or default_screen_name()
        self._make_writer = make_writer
        self.writer: InsightsWriter | None = None
        self.recorder = VisitRecorder(navigator, None, playback=playback, engine=engine, parent=self)
        self.today = TodaySummary(self.exhibit_title, parent=self)

    def configure(self, settings: Any | None) -> None:
        """Follow `exhibition.settings.insights` (None: the defaults, on and one year)."""
        enabled = bool(getattr(settings, "enabled", True))
        days = int(getattr(settings, "retention_days", 365))
        if not enabled:
            if self.writer is not None:
                log.info("visitor statistics switched off in exhibition.yaml")
                self._close_writer(wait=False)
            return
        if self.writer is None:
            self.writer = self._make_writer(self.db_path, kiosk=self.screen_name, retention_days=days)
            log.info("visitor statistics go to %s (kept %d days)", self.db_path, days)
        else:
            self.writer.set_retention(days)
        self.recorder.set_writer(self.writer)
        self.today.writer = self.writer

    def exhibit_title(self, exhibit_id: str) -> str:
        """An exhibit's title for staff (English when it has one), or its id."""
        exhibition = self.navigator.exhibition
        found = exhibition.locate(exhibit_id) if exhibition is not None else None
        if not found:
            return exhibit_id
        return Words("en", exhibition.settings.default_language).text(found[2].title) or exhibit_id

    def end_visit(self, reason: str) -> None:
        self.recorder.end_visit(reason)

    def close(self) -> None:
        """The kiosk stops: end the visit and write everything still queued."""
        self.recorder.end_visit("stopped")
        self._close_writer()

    def _close_writer(self, *, wait: bool = True) -> None:
        writer, self.writer = self.writer, None
        self.recorder.set_writer(None)
        self.today.writer = None
        if writer is not None:
            writer.close(wait=wait)
