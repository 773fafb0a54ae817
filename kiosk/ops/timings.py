"""The timings the operations follow, and what overrides the exhibition's own.

Idle time, the countdown, how long a film may hold the countdown off and the staff gesture's
hold and window come from `exhibition.yaml` (`attract`, `staff`) and follow each content reload.
A screen's settings (`idle_seconds`) and the tests (fractions of a second) override them here;
a field left at None keeps the exhibition's value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.ops.lockdown import CURSOR_HIDE_MS
from kiosk.ops.reload import DEBOUNCE_MS
from kiosk.ops.staff import PANEL_TIMEOUT_MS

if TYPE_CHECKING:
    from kiosk.content.model import Exhibition

IDLE_SECONDS = 60.0
COUNTDOWN_SECONDS = 20.0
MAX_MEDIA_SECONDS = 900.0
HOLD_SECONDS = 3.0
WINDOW_SECONDS = 5.0


@dataclass
class Timings:
    """Overrides for the exhibition's timings (tests use fractions of a second)."""

    idle_seconds: float | None = None
    countdown_seconds: float | None = None
    max_media_seconds: float | None = None
    hold_seconds: float | None = None
    window_seconds: float | None = None
    cursor_hide_ms: int = CURSOR_HIDE_MS
    debounce_ms: int = DEBOUNCE_MS
    panel_timeout_ms: int = PANEL_TIMEOUT_MS

    def idle(self, exhibition: Exhibition | None) -> tuple[float, float, float]:
        """Idle time, countdown and the longest a film holds the countdown off, in seconds."""
        attract = exhibition.settings.attract if exhibition is not None else None
        return (
            self.idle_seconds or (attract.idle_seconds if attract else IDLE_SECONDS),
            self.countdown_seconds or (attract.countdown_seconds if attract else COUNTDOWN_SECONDS),
            self.max_media_seconds or (attract.max_media_seconds if attract else MAX_MEDIA_SECONDS),
        )

    def staff(self, exhibition: Exhibition | None) -> tuple[float, float, bool]:
        """The staff gesture's hold and window in seconds, and whether exit to desktop is offered."""
        staff = exhibition.settings.staff if exhibition is not None else None
        return (
            self.hold_seconds or (staff.hold_seconds if staff else HOLD_SECONDS),
            self.window_seconds or (staff.window_seconds if staff else WINDOW_SECONDS),
            staff.allow_exit if staff else True,
        )
