"""Poll votes kept in the statistics file: one row per vote in `votes`, written by the writer.

The kiosk shows a poll's results as soon as a visitor votes, so the totals are also counted in
memory: read once from the file when statistics start (every day of this screen's votes, so the
results survive a restart), then counted up with each vote. Votes and resets go through the
same writer thread as every other record, in order, so the file always agrees with the screen.
A reset deletes the poll's rows of this screen (`PollReset`).
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kiosk.insights import schema
from kiosk.insights.records import PollReset, VoteCast
from kiosk.insights.writer import InsightsWriter

log = logging.getLogger("kiosk.insights")

TOTALS_SQL = "SELECT poll, answer, COUNT(*) FROM votes WHERE kiosk = ? GROUP BY poll, answer"


def read_totals(path: Path, kiosk: str) -> dict[str, Counter[str]]:
    """Every poll's votes on this screen, by answer, from the statistics file (empty when there
    is no file yet, or it has no votes table; a file that cannot be read is logged)."""
    if not path.is_file():
        return {}
    totals: dict[str, Counter[str]] = {}
    try:
        connection = schema.connect(path, readonly=True, timeout=1.0)
        try:
            for poll, answer, count in connection.execute(TOTALS_SQL, (kiosk,)):
                totals.setdefault(str(poll), Counter())[str(answer)] = int(count)
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            log.warning("poll results cannot be read from %s: %s", path, error)
    except sqlite3.Error as error:
        log.warning("poll results cannot be read from %s: %s", path, error)
    return totals


class StoredVotes:
    """The vote store of a kiosk with statistics (`kiosk.app.poll.VoteStore`)."""

    def __init__(self, writer: InsightsWriter, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.writer = writer
        self._today = today
        self._totals = read_totals(writer.path, writer.kiosk)

    def totals(self, poll: str) -> dict[str, int]:
        return dict(self._totals.get(poll, Counter()))

    def add(self, poll: str, answer: str) -> None:
        self._totals.setdefault(poll, Counter())[answer] += 1
        self.writer.put(VoteCast(self._today().isoformat(), poll, answer))

    def reset(self, poll: str) -> None:
        self._totals.pop(poll, None)
        self.writer.put(PollReset(poll))
