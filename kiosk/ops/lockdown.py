"""Lockdown: visitors cannot close, leave or break out of the kiosk window.

One application-wide event filter watches what reaches the kiosk window. It reports every touch,
click and key press as activity (for idle), reports presses and moves (for the staff gesture),
and in kiosk mode it refuses close requests and the keys that close windows (Alt+F4, Ctrl+Q,
Ctrl+W). Escape is not one of them: it reaches the screens as Back (KeyboardNavigation.qml),
and no Qt Quick window closes on Escape. Keys the screens take as shortcuts (arrows, Enter,
Escape...) never reach the window as key presses, so the question Qt asks the focused item
first (a ShortcutOverride event) is what counts as activity for them. The mouse cursor hides
after a few seconds without mouse movement, and the screen saver is asked not to blank the
display while the kiosk runs. Nothing here is fatal: a missing session bus or screen saver is a
log line.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputDevice, QKeyEvent, QWindow

log = logging.getLogger("kiosk.lockdown")

CURSOR_HIDE_MS = 3000
ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress, QEvent.Type.Wheel,
}
PRESS_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
RELEASE_EVENTS = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
MOVE_EVENTS = {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate}


def is_closing_key(event: QKeyEvent) -> bool:
    """Alt+F4, Ctrl+Q and Ctrl+W: the keys that close a window or an application."""
    key, mods = event.key(), event.modifiers()
    if key == Qt.Key.Key_F4 and mods & Qt.KeyboardModifier.AltModifier:
        return True
    return key in (Qt.Key.Key_Q, Qt.Key.Key_W) and bool(mods & Qt.KeyboardModifier.ControlModifier)


def _from_touchscreen(event: QEvent) -> bool:
    device = getattr(event, "device", lambda: None)()
    return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen


class Lockdown(QObject):
    """The kiosk window's guard (install with `QGuiApplication.installEventFilter`)."""

    activity = Signal()
    pointerPressed = Signal(float, float)
    pointerMoved = Signal(float, float)
    pointerReleased = Signal()

    def __init__(
        self,
        window: QWindow,
        *,
        kiosk_mode: bool,
        cursor_hide_ms: int = CURSOR_HIDE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.kiosk_mode = kiosk_mode
        self.released = False
        self.swallow_presses: Callable[[], bool] = lambda: False
        """While this says True (the countdown or the closed screen), presses and keys only count
        as activity."""
        self._cursor_hidden = False
        self._swallowing = False
        self._cursor_timer = QTimer(self, singleShot=True, interval=cursor_hide_ms)
        self._cursor_timer.timeout.connect(self.hide_cursor)
        self._inhibit_cookie: int | None = None
        if kiosk_mode:
            self._cursor_timer.start()

    # -- the event filter ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            # Qt asks the focus object of the window with keyboard focus: while the kiosk window
            # is active, this is a key the kiosk got (perhaps taken by a shortcut next).
            if not self.window.isActive():
                return False
            swallow = self.swallow_presses()
            self.activity.emit()
            if swallow:
                event.accept()  # "taken here": no shortcut acts on the key
            return swallow
        if watched is not self.window:
            return False
        if kind == QEvent.Type.Close:
            return self._on_close(event)
        if kind not in ACTIVITY_EVENTS and kind not in RELEASE_EVENTS:
            return False
        if kind == QEvent.Type.KeyPress and self._on_key(event):  # type: ignore[arg-type]
            return True
        if kind == QEvent.Type.KeyPress and self.swallow_presses():
            self.activity.emit()  # like a touch, a key on the countdown only says "still here"
            return True
        if kind == QEvent.Type.MouseMove and not _from_touchscreen(event):
            self._on_mouse_moved()
        position = self._position(event)
        if kind in PRESS_EVENTS and position is not None:
            self._swallowing = self.swallow_presses()
            self.activity.emit()
            self.pointerPressed.emit(*position)
            return self._swallowing
        swallow = self._swallowing and (kind in RELEASE_EVENTS or kind in MOVE_EVENTS)
        if kind in RELEASE_EVENTS:
            self._swallowing = False
            self.pointerReleased.emit()
        elif kind in MOVE_EVENTS and position is not None:
            self.pointerMoved.emit(*position)
        if kind in ACTIVITY_EVENTS:
            self.activity.emit()
        return swallow

    @staticmethod
    def _position(event: QEvent) -> tuple[float, float] | None:
        points = getattr(event, "points", None)
        if callable(points):
            found = points()
            if not found:
                return None
            where = found[0].position()
            return where.x(), where.y()
        position = getattr(event, "position", None)
        if callable(position):
            where = position()
            return where.x(), where.y()
        return None

    def _on_close(self, event: QEvent) -> bool:
        if not self.kiosk_mode or self.released:
            return False
        log.info("a request to close the kiosk window was refused (kiosk mode)")
        event.ignore()
        return True

    def _on_key(self, event: QKeyEvent) -> bool:
        if not is_closing_key(event):
            return False
        if self.kiosk_mode and not self.released:
            log.info("key %s swallowed (kiosk mode)", event.keyCombination().toCombined())
            return True
        if event.key() in (Qt.Key.Key_Q, Qt.Key.Key_W):
            self.window.close()  # a normal window closes with Ctrl+Q / Ctrl+W
            return True
        return False

    def release(self) -> None:
        """Let the window close (staff chose restart or exit to desktop)."""
        self.released = True
        self.show_cursor()
        self.uninhibit_screensaver()

    # -- the mouse cursor ------------------------------------------------------------------

    @property
    def cursor_hidden(self) -> bool:
        return self._cursor_hidden

    def hide_cursor(self) -> None:
        if self._cursor_hidden or not self.kiosk_mode or self.released:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        self._cursor_hidden = True

    def show_cursor(self) -> None:
        if self._cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_hidden = False

    def _on_mouse_moved(self) -> None:
        if not self.kiosk_mode:
            return
        self.show_cursor()
        self._cursor_timer.start()

    # -- screen blanking -------------------------------------------------------------------

    def inhibit_screensaver(self) -> bool:
        """Ask the desktop's screen saver (org.freedesktop.ScreenSaver) not to blank the screen."""
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            log.info("no session bus: screen blanking not inhibited over D-Bus (see deploy/README.md)")
            return False
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

            bus = QDBusConnection.sessionBus()
            if not bus.isConnected():
                log.info("session bus not reachable: screen blanking not inhibited")
                return False
            saver = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                                   "org.freedesktop.ScreenSaver", bus)
            if not saver.isValid():
                log.info("no org.freedesktop.ScreenSaver service: screen blanking not inhibited")
                return False
            reply = saver.call("Inhibit", "kiosk", "Exhibition kiosk on display")
            if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
                log.warning("the screen saver refused to be inhibited: %s", reply.errorMessage())
                return False
            self._inhibit_cookie = int(reply.arguments()[0])
        except Exception as error:  # never fatal: a blanking screen is better than a dead kiosk
            log.warning("could not inhibit screen blanking: %s", error)
            return False
        log.info("screen blanking inhibited while the kiosk runs")
        return True

    def uninhibit_screensaver(self) -> None:
        if self._inhibit_cookie is None:
            return
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface

            saver = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                                   "org.freedesktop.ScreenSaver", QDBusConnection.sessionBus())
            saver.call("UnInhibit", self._inhibit_cookie)
        except Exception as error:
            log.warning("could not release the screen blanking inhibition: %s", error)
        self._inhibit_cookie = None
