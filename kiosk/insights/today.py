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
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.app.ui_words import language_name
from kiosk.base.worker import run_in_worker
from kiosk.insights import schema
from kiosk.insights.writer import InsightsWriter

log = logging.getLogger("kiosk.insights")

EMPTY: dict[str, str] = {"visits": "", "median": "", "topExhibit": "", "languages": "", "note": ""}


def day_range(now: dt.datetime) -> tuple[float, float]:
    """Local midnight to the next one, as Unix seconds."""
    start = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + dt.timedelta(days=1)
    return start.timestamp(), end.timestamp()


def short_duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60} min"
    if minutes:
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    return f"{rest} s"


def describe(summary: Any, title_of: Callable[[str], str]) -> dict[str, str]:
    """A DaySummary (kiosk.insights.queries) as the panel's lines."""
    if summary.sessions == 0:
        return EMPTY | {
            "visits": "0",
            "median": "no visits yet",
            "topExhibit": "none yet",
            "languages": "none yet",
        }
    top = "none yet"
    if summary.top_exhibits:
        exhibit, views = summary.top_exhibits[0]
        top = f"{title_of(exhibit)} ({views} {'view' if views == 1 else 'views'})"
    shares = sorted(summary.language_share.items(), key=lambda item: -item[1])
    languages = ", ".join(f"{language_name(code)} {round(share * 100)} %" for code, share in shares)
    return EMPTY | {
        "visits": str(summary.sessions),
        "median": short_duration(summary.median_seconds),
        "topExhibit": top,
        "languages": languages or "none yet",
    }


def read_summary(path: Path, start: float, end: float) -> Any:
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
        self._running = False

    def refresh(self) -> None:
        """Read the summary again (the staff panel just opened)."""
        writer = self.writer
        if writer is None or not writer.enabled:
            reason = "switched off in exhibition.yaml" if writer is None else "off after a write problem"
            self.ready.emit(EMPTY | {"note": f"Visitor statistics are {reason}."})
            return
        if self._running:
            return
        self._running = True
        start, end = day_range(self.clock())
        title_of = self.title_of
        run_in_worker(lambda: read_lines(writer, start, end, title_of), self._deliver, name="insights-today")

    def _deliver(self, lines: dict[str, str]) -> None:
        self._running = False
        self.ready.emit(lines)


def read_lines(
    writer: InsightsWriter, start: float, end: float, title_of: Callable[[str], str]
) -> dict[str, str]:
    """The panel's lines for today (runs on a worker thread; never raises)."""
    try:
        writer.flush(timeout=1.0)  # the visit that just ended is counted too
        return describe(read_summary(writer.path, start, end), title_of)
    except (sqlite3.Error, OSError, ImportError) as error:
        log.warning("today's visitor statistics cannot be read: %s", error)
    except Exception:  # the panel must open whatever the file holds
        log.exception("today's visitor statistics failed")
    return EMPTY | {"note": "Today's statistics cannot be read now."}
