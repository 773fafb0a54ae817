"""The kiosk window's guard at work: what visitors do reaches idle and the staff gesture.

The lockdown (`kiosk.ops.lockdown`) watches every event of the application. Here its reports go
where they count: each touch, click or key is activity for idle and keeps an open staff pad or
panel open; presses, moves and releases feed the hidden staff gesture in the corner. While the
"Still there?" countdown shows, a press only says "still here" and reaches nothing under it.
In kiosk mode the screen saver is asked not to blank the display.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.ops.idle import Idle
from kiosk.ops.lockdown import CURSOR_HIDE_MS, Lockdown
from kiosk.ops.staff import Staff


class VisitorGuard(QObject):
    """The lockdown of one window, wired to idle and to the staff gesture."""

    def __init__(
        self,
        window: QQuickWindow,
        idle: Idle,
        staff: Staff,
        *,
        kiosk_mode: bool,
        cursor_hide_ms: int = CURSOR_HIDE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.lockdown = Lockdown(window, kiosk_mode=kiosk_mode, cursor_hide_ms=cursor_hide_ms, parent=self)
        lockdown = self.lockdown
        lockdown.swallow_presses = lambda: idle.counting
        lockdown.activity.connect(idle.activity)
        lockdown.activity.connect(staff.touched)
        lockdown.pointerPressed.connect(lambda x, y: staff.pointer_pressed(x, y, *self._size()))
        lockdown.pointerMoved.connect(lambda x, y: staff.pointer_moved(x, y, *self._size()))
        lockdown.pointerReleased.connect(staff.pointer_released)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(lockdown)
        if kiosk_mode:
            lockdown.inhibit_screensaver()

    def _size(self) -> tuple[float, float]:
        return self.window.width(), self.window.height()

    def close(self) -> None:
        """Stop watching the application's events; let the window close."""
        self.lockdown.release()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self.lockdown)
