"""The hidden staff gesture: hold one corner, then hold the opposite corner soon after.

Visitors do not do this by chance: each hold lasts seconds, in a small square at the very corner,
and the second corner must be the diagonally opposite one. Pure logic with an injected clock;
the Qt side feeds it presses, moves and releases in window coordinates and asks `check()`
when a hold could have completed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
OPPOSITE: dict[Corner, Corner] = {
    "top-left": "bottom-right",
    "bottom-right": "top-left",
    "top-right": "bottom-left",
    "bottom-left": "top-right",
}
CORNER_PX = 120.0


def corner_at(x: float, y: float, width: float, height: float, size: float = CORNER_PX) -> Corner | None:
    """The corner square (size x size) that holds the point, if any."""
    left, right = x < size, x >= width - size
    top, bottom = y < size, y >= height - size
    if top and left:
        return "top-left"
    if top and right:
        return "top-right"
    if bottom and left:
        return "bottom-left"
    if bottom and right:
        return "bottom-right"
    return None


class CornerGesture:
    """Detects: hold a corner `hold_seconds`, then within `window_seconds` hold the opposite one."""

    def __init__(
        self,
        hold_seconds: float = 3.0,
        window_seconds: float = 5.0,
        corner_px: float = CORNER_PX,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.hold_seconds = hold_seconds
        self.window_seconds = window_seconds
        self.corner_px = corner_px
        self.clock = clock
        self._pressed: Corner | None = None
        self._pressed_at = 0.0
        self._first: Corner | None = None
        self._first_done_at = 0.0

    def press(self, x: float, y: float, width: float, height: float) -> None:
        corner = corner_at(x, y, width, height, self.corner_px)
        if corner is not None and corner == self._pressed:
            return  # the same finger seen twice (touch and mouse)
        self._pressed = corner
        self._pressed_at = self.clock()

    def move(self, x: float, y: float, width: float, height: float) -> None:
        if self._pressed is not None and corner_at(x, y, width, height, self.corner_px) != self._pressed:
            self._pressed = None  # slid out of the corner: that hold does not count

    def release(self) -> bool:
        """The finger lifted; True if that completed the gesture."""
        done = self.check()
        self._pressed = None
        return done

    def hold_deadline(self) -> float | None:
        """When the current hold would be long enough (the Qt side checks again then)."""
        return self._pressed_at + self.hold_seconds if self._pressed is not None else None

    def check(self) -> bool:
        """True once, at the moment the whole gesture is complete."""
        now = self.clock()
        if self._pressed is None or now - self._pressed_at < self.hold_seconds:
            return False
        corner = self._pressed
        if (
            self._first is not None
            and corner == OPPOSITE[self._first]
            and self._pressed_at - self._first_done_at <= self.window_seconds
        ):
            self.reset()
            return True
        if self._first != corner or self._pressed_at > self._first_done_at:
            # this hold is the (new) first corner
            self._first = corner
            self._first_done_at = self._pressed_at + self.hold_seconds
        return False

    def reset(self) -> None:
        self._pressed = None
        self._first = None
        self._first_done_at = 0.0
