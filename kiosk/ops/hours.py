"""Opening hours on screen (QML: `Hours`): outside the exhibition's hours the kiosk shows the
closed slide (or stays dark), ignores visitors' touches and asks the display to sleep.

A timer fires exactly when the state next changes (ScheduleState.until); the clock is
injected so tests can live in any hour. "open" and "closed" are logged as the schedule
working, not as faults.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.images import picture_url
from kiosk.app.registry import PerEngine
from kiosk.ops.schedule import Schedule, ScheduleState

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Hours", "set_display_power"]

log = logging.getLogger("kiosk.hours")

MAX_TIMER_MS = 3600 * 1000
"""Look again at least every hour (clock changes, daylight saving time)."""


def set_display_power(on: bool) -> bool:
    """Wake or sleep the display where the platform allows it (X11 with xset); never fatal."""
    xset = shutil.which("xset")
    if not os.environ.get("DISPLAY") or xset is None:
        log.info("display %s requested; no X11 xset here, the screen shows %s instead",
                 "wake" if on else "sleep", "the exhibition" if on else "the closed slide")
        return False
    try:
        subprocess.run([xset, "dpms", "force", "on" if on else "off"], check=True, timeout=5,
                       capture_output=True)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("xset dpms force %s failed: %s", "on" if on else "off", error)
        return False
    log.info("display switched %s (xset dpms)", "on" if on else "off")
    return True


@QmlElement
@QmlSingleton
class Hours(QObject):
    """Whether the kiosk is open now, and the timer that follows the opening hours."""

    stateChanged = Signal()
    opened = Signal()
    closed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        display_power: Callable[[bool], Any] = set_display_power,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.display_power = display_power
        self.schedule = Schedule(None)
        self.state = ScheduleState(True, None)
        self._closed_slide = ""
        self._timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)

    @staticmethod
    def create(engine: object) -> Hours:
        return Hours.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Hours:
        return _HOURS.get(engine, Hours)

    def configure(self, hours: Any | None, root: Path | None = None) -> None:
        """Follow these hours (None: always open); called at start and after each reload.

        `root` is the content folder the closed slide's path is relative to."""
        self.schedule = Schedule(hours)
        slide = getattr(hours, "closed_slide", None)
        self._closed_slide = picture_url(root or Path.cwd(), slide) if slide else ""
        self.refresh()

    def next_change_ms(self) -> int | None:
        if self.state.until is None:
            return None
        milliseconds = (self.state.until - self.clock()).total_seconds() * 1000
        return max(0, round(milliseconds))

    def refresh(self) -> None:
        """Look at the clock, switch open/closed if needed and set the timer to the next change."""
        before = self.state.open
        self.state = self.schedule.state(self.clock())
        wait = self.next_change_ms()
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(min(wait, MAX_TIMER_MS))
        if self.state.open != before:
            until = self.state.until.strftime("%a %H:%M") if self.state.until else "further notice"
            note = f" ({self.state.note})" if self.state.note else ""
            log.info("schedule state %s until %s%s", "open" if self.state.open else "closed", until, note)
            self.display_power(self.state.open)
            self.stateChanged.emit()
            (self.opened if self.state.open else self.closed).emit()

    @property
    def is_open(self) -> bool:
        return self.state.open

    def describe(self) -> str:
        """For the staff panel: 'open until 17:00' or 'closed until Wed 09:00'."""
        word = "open" if self.state.open else "closed"
        if self.state.until is None:
            return word
        return f"{word} until {self.state.until.strftime('%a %H:%M')}"

    isOpen = Property(bool, lambda self: self.state.open, notify=stateChanged)
    closedSlide = Property(str, lambda self: self._closed_slide, notify=stateChanged)


_HOURS: PerEngine[Hours] = PerEngine()
