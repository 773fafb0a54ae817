"""Visitor statistics for one kiosk: the writer, the visit recorder and the staff panel's summary.

    insights = KioskInsights(session, navigator, engine=engine, playback=playback,
                             db_path=state_dir() / "insights.db", screen_name="hall-1")
    insights.configure(exhibition.settings.insights)   # at start (new content: it follows by itself)
    ...
    insights.close()                                   # ends the visit ('stopped'), writes the rest

`exhibition.yaml` can switch statistics off (`insights: {enabled: false}`) and sets how many days
of records are kept. A file that cannot be written turns statistics off; the kiosk runs on.
Visits begin and end with the exhibition session's; nobody needs to tell the statistics.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.app.poll import Polls
from kiosk.base.paths import state_dir
from kiosk.content.i18n import resolve
from kiosk.insights.recorder import VisitRecorder
from kiosk.insights.today import TodaySummary
from kiosk.insights.votes import StoredVotes
from kiosk.insights.writer import InsightsWriter
from kiosk.session import ExhibitionChanged, ExhibitionSession

if TYPE_CHECKING:
    from kiosk.app.navigator import Navigator
    from kiosk.app.playback import Playback
    from kiosk.content.model import Insights

log = logging.getLogger("kiosk.insights")


def default_db_path() -> Path:
    return state_dir() / "insights.db"


def default_screen_name() -> str:
    return socket.gethostname() or "kiosk"


class KioskInsights(QObject):
    """Owns the statistics writer of one kiosk window and what feeds it."""

    def __init__(
        self,
        session: ExhibitionSession,
        navigator: Navigator,
        *,
        engine: object | None = None,
        playback: Playback | None = None,
        db_path: Path | None = None,
        screen_name: str | None = None,
        make_writer: Callable[..., InsightsWriter] = InsightsWriter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.navigator = navigator
        self.db_path = db_path or default_db_path()
        self.screen_name = screen_name or default_screen_name()
        self._make_writer = make_writer
        self.writer: InsightsWriter | None = None
        self.recorder = VisitRecorder(session, navigator, None, playback=playback, engine=engine, parent=self)
        self.today = TodaySummary(self.exhibit_title, parent=self)
        self._polls = Polls.for_engine(engine) if engine is not None else None
        """Poll votes go to the statistics file while statistics are on (kiosk.insights.votes)."""
        self._stop_listening = session.subscribe(ExhibitionChanged, self._on_exhibition)

    def _on_exhibition(self, event: ExhibitionChanged) -> None:
        """New content: a visit going on gets a new record, kept as the new settings say."""
        recording = self.recorder.session is not None
        self.recorder.end_visit("content")
        self.configure(event.exhibition.settings.insights if event.exhibition is not None else None)
        if recording:
            self.recorder.resume()

    def configure(self, settings: Insights | None) -> None:
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
        if self._polls is not None and not isinstance(self._polls.store, StoredVotes):
            self._polls.set_store(StoredVotes(self.writer))

    def exhibit_title(self, exhibit_id: str) -> str:
        """An exhibit's title for staff (in the exhibition's default language), or its id."""
        exhibition = self.session.exhibition
        found = exhibition.locate(exhibit_id) if exhibition is not None else None
        if exhibition is None or found is None:
            return exhibit_id
        default = exhibition.settings.default_language
        return resolve(found[2].title, default, default) or exhibit_id

    def close(self) -> None:
        """The kiosk stops: end the visit's record ('stopped') and write everything still queued."""
        self._stop_listening()
        self.recorder.stop()
        self.recorder.end_visit("stopped")
        self._close_writer()

    def _close_writer(self, *, wait: bool = True) -> None:
        writer, self.writer = self.writer, None
        self.recorder.set_writer(None)
        self.today.writer = None
        if self._polls is not None:
            self._polls.set_store(None)
        if writer is not None:
            writer.close(wait=wait)
