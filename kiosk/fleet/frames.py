"""Counting frames and the frames missed while the screen animates.

Qt Quick draws only when something changes, so a long pause between two frames is usually a
still screen, not a problem. A frame counts as dropped only inside an animation, seen from the
frame times alone (taken on the GUI thread as it hears of each swap, see kiosk.fleet.health):

- the frames before the gap and after it arrive at the display's pace (each at most 1.5
  refresh intervals apart): something was animating on both sides;
- the gap itself is longer than 2 refresh intervals but at most `still_seconds` (longer gaps
  are a still screen between two animations).

Such a gap counts as round(gap / refresh) - 1 dropped frames. A gap is judged when the frame
after it arrives. Two slow frames in a row, or a hitch right at an animation's first or last
frame, are not counted: the figure errs on the side of too few.
"""

from __future__ import annotations

import time

DEFAULT_REFRESH_HZ = 60.0
STILL_SECONDS = 0.5


class FrameTracker:
    """Feed it the time of every swapped frame; read `frames` and `drops`."""

    def __init__(self, refresh_hz: float = DEFAULT_REFRESH_HZ, still_seconds: float = STILL_SECONDS) -> None:
        self.frames = 0
        self.drops = 0
        self.set_refresh_rate(refresh_hz)
        self.still_seconds = still_seconds
        self._last: float | None = None
        self._previous_gap = float("inf")
        self._candidate: float | None = None

    def set_refresh_rate(self, refresh_hz: float) -> None:
        hz = refresh_hz if refresh_hz and 1.0 <= refresh_hz <= 1000.0 else DEFAULT_REFRESH_HZ
        self.interval = 1.0 / hz
        self._steady = 1.5 * self.interval
        self._late = 2.0 * self.interval

    def frame(self, now: float | None = None) -> None:
        """One frame was swapped at `now` (seconds, monotonic; default: perf_counter)."""
        now = time.perf_counter() if now is None else now
        self.frames += 1
        last, self._last = self._last, now
        if last is None:
            return
        gap = now - last
        if self._candidate is not None and gap <= self._steady:
            self.drops += max(1, round(self._candidate / self.interval) - 1)
        steady_before = self._previous_gap <= self._steady
        self._candidate = gap if steady_before and self._late < gap <= self.still_seconds else None
        self._previous_gap = gap
