"""Turning the kiosk's picture for a screen mounted sideways or upside down.

The window's root item is rotated inside Qt, so nothing needs changing in the operating system
and touches land where the visitor sees things (Qt Quick maps every touch through the turn).
When the operating system already turns the output (`xrandr --rotate right`, a compositor's
output transform), the window arrives taller than wide: a portrait setting is then already
satisfied and the kiosk does not turn the picture a second time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QSizeF, QTimer, Slot
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.fleet.screen_config import ROTATION_DEGREES

if TYPE_CHECKING:
    from kiosk.app.theme import Theme

log = logging.getLogger("kiosk.orientation")

_ROTATIONS: dict[int, ScreenRotation] = {}
"""The rotation of each window, by the window's id, for as long as the window lives."""


def rotation_needed(orientation: str, width: int, height: int) -> int:
    """Degrees (clockwise) to turn the picture in a window of this size; 0 for none."""
    degrees = ROTATION_DEGREES.get(orientation, 0)
    if degrees in (90, 270) and height > width:
        return 0  # the operating system turned the output already
    return degrees


class ScreenRotation(QObject):
    """Keeps the window's root item turned and sized for the screen's orientation."""

    def __init__(
        self, window: QQuickWindow, orientation: str, theme: Theme, parent: QObject | None = None
    ) -> None:
        super().__init__(parent or window)
        # the Python side lives as long as the window does, whoever holds the result; a second
        # rotation of the same window replaces the first
        key = id(window)
        previous = _ROTATIONS.pop(key, None)
        if previous is not None:
            previous.deleteLater()
        _ROTATIONS[key] = self
        window.destroyed.connect(lambda *_: _ROTATIONS.pop(key, None))
        self.window = window
        self.orientation = orientation
        self.theme = theme
        self.degrees = 0
        self._again = QTimer(self, singleShot=True, interval=0)
        self._again.timeout.connect(self.apply)
        root = window.contentItem()
        for signal in (window.widthChanged, window.heightChanged, root.widthChanged, root.heightChanged,
                       root.rotationChanged):
            signal.connect(self._later)
        self.apply()

    @Slot()
    def _later(self) -> None:
        """After Qt has finished its own resizing of the root item."""
        self._again.start()

    @Slot()
    def apply(self) -> None:
        """Turn and size the root item for the window's current size (again after a resize)."""
        width, height = self.window.width(), self.window.height()
        degrees = rotation_needed(self.orientation, width, height)
        root = self.window.contentItem()
        sideways = degrees in (90, 270)
        inner_width, inner_height = (height, width) if sideways else (width, height)
        x, y = {0: (0, 0), 90: (width, 0), 180: (width, height), 270: (0, height)}[degrees]
        self.theme.set_window_size(inner_width, inner_height)  # Main.qml sets the window's size
        if (root.width(), root.height(), root.x(), root.y(), root.rotation()) == (
                inner_width, inner_height, x, y, degrees):
            return
        root.setTransformOrigin(QQuickItem.TransformOrigin.TopLeft)
        root.setSize(QSizeF(inner_width, inner_height))
        root.setPosition(QPointF(x, y))
        root.setRotation(degrees)
        if degrees != self.degrees:
            log.info("screen mounted %s: picture turned %d degrees", self.orientation, degrees)
        self.degrees = degrees
