"""Today's visits for the staff panel, read from the statistics file on a worker thread.

The panel asks when it opens; a worker thread waits for the writer to commit what is queued,
reads the day's summary through a read-only connection and hands four short lines back to the
UI thread: visits, median visit length, most viewed exhibit, language share.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.app.languages import language_name
from kiosk.base.worker import run_in_worker
from kiosk.insights import schema
from kiosk.insights.writer import InsightsWriter
from kiosk.words import Words, words

if TYPE_CHECKING:
    from kiosk.insights.queries import DaySummary

log = logging.getLogger("kiosk.insights")

EMPTY: dict[str, str] = {"visits": "", "median": "", "topExhibit": "", "languages": "", "note": ""}


def day_range(now: dt.datetime) -> tuple[float, float]:
    """Local midnight to the next one, as Unix seconds."""
    start = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + dt.timedelta(days=1)
    return start.timestamp(), end.timestamp()


def describe(summary: DaySummary, title_of: Callable[[str], str],
             said: Words | None = None) -> dict[str, str]:
    """A DaySummary (kiosk.insights.queries) as the panel's lines, in the staff's language."""
    said = said or words("en")
    none_yet = said.text("staff_none_yet")
    if summary.sessions == 0:
        return EMPTY | {
            "visits": "0",
            "median": said.text("staff_no_visits_yet"),
            "topExhibit": none_yet,
            "languages": none_yet,
        }
    top = none_yet
    if summary.top_exhibits:
        exhibit, views = summary.top_exhibits[0]
        top = said.text("staff_top_exhibit", title=title_of(exhibit), views=said.count("staff_views", views))
    shares = sorted(summary.language_share.items(), key=lambda item: -item[1])
    languages = ", ".join(said.text("staff_language_share", language=language_name(code),
                                    percent=round(share * 100)) for code, share in shares)
    return EMPTY | {
        "visits": str(summary.sessions),
        "median": said.duration(summary.median_seconds),
        "topExhibit": top,
        "languages": languages or none_yet,
    }


def read_summary(path: Path, start: float, end: float) -> DaySummary:
    """Today's DaySummary from the statistics file (read-only; raises sqlite3.Error)."""
    from kiosk.insights.queries import day_summary

    connection = schema.connect(path, readonly=True, timeout=1.0)
    try:
        return day_summary(connection, start, end)
    finally:
        connection.close()


class TodaySummary(QObject):
    """Reads today's summary off the UI thread; `ready` carries the panel's lines."""

    ready = Signal(dict)

    def __init__(
        self,
        title_of: Callable[[str], str],
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.title_of = title_of
        self.clock = clock
        self.writer: InsightsWriter | None = None
        self.language = "en"
        """The staff's language (the exhibition's default language): the lines are written in it."""
        self._running = False

    def set_language(self, tag: str) -> None:
        self.language = tag

    def refresh(self) -> None:
        """Read the summary again (the staff panel just opened)."""
        writer = self.writer
        said = words(self.language)
        if writer is None or not writer.enabled:
            reason = "staff_statistics_off" if writer is None else "staff_statistics_failed"
            self.ready.emit(EMPTY | {"note": said.text(reason)})
            return
        if self._running:
            return
        self._running = True
        start, end = day_range(self.clock())
        title_of = self.title_of
        run_in_worker(lambda: read_lines(writer, start, end, title_of, said), self._deliver,
                      name="insights-today")

    def _deliver(self, lines: dict[str, str]) -> None:
        self._running = False
        self.ready.emit(lines)


def read_lines(
    writer: InsightsWriter,
    start: float,
    end: float,
    title_of: Callable[[str], str],
    said: Words | None = None,
) -> dict[str, str]:
    """The panel's lines for today (runs on a worker thread; never raises)."""
    try:
        writer.flush(timeout=1.0)  # the visit that just ended is counted too
        return describe(read_summary(writer.path, start, end), title_of, said)
    except (sqlite3.Error, OSError, ImportError) as error:
        log.warning("today's visitor statistics cannot be read: %s", error)
    except Exception:  # the panel must open whatever the file holds
        log.exception("today's visitor statistics failed")
    return EMPTY | {"note": (said or words("en")).text("staff_statistics_unreadable")}
