"""`DateWatch`: wakes the Navigator when dated content next appears or disappears.

Floors, sections, exhibits and attract slides may carry `from` and `until` (kiosk.content.dates).
The watch sets one timer to the next such boundary, so a temporary exhibition opens and closes by
itself without a restart. It wakes at least once an hour as well and looks at the clock again, so a
clock that is set (by the network, after a start with a wrong time) is followed within the hour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kiosk.content.dates import next_change
from kiosk.content.model import Exhibition

LONGEST_WAIT = dt.timedelta(hours=1)
"""The watch looks at the clock at least this often while something dated is still to come."""

LATE_MS = 20
"""The timer fires this much after the boundary, so the clock has surely passed it."""


class DateWatch(QObject):
    """Emits `crossed` when the clock passes the next `from` or `until` of the exhibition watched."""

    crossed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], dt.datetime] = dt.datetime.now
        self._exhibition: Exhibition | None = None
        self._boundary: dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)

    @property
    def boundary(self) -> dt.datetime | None:
        """The next moment at which something dated appears or disappears (None: nothing to come)."""
        return self._boundary

    def watch(self, exhibition: Exhibition | None) -> None:
        """Watch this exhibition's dates (the whole exhibition, before any is hidden) from now on."""
        self._exhibition = exhibition
        self._arm(self.clock())

    def _arm(self, now: dt.datetime) -> None:
        self._timer.stop()
        self._boundary = next_change(self._exhibition, now) if self._exhibition is not None else None
        if self._boundary is None:
            return
        wait = min(self._boundary - now, LONGEST_WAIT)
        self._timer.start(max(0, int(wait.total_seconds() * 1000)) + LATE_MS)

    def _wake(self) -> None:
        now = self.clock()
        if self._boundary is not None and now >= self._boundary:
            self.crossed.emit()
        self._arm(now)
