"""Telling systemd that the kiosk is up, and that it still is.

The kiosk is ready when its first frame is on the screen: then systemd hears READY=1 (a
`Type=notify` unit counts the start as done), and from then on the Qt event loop pets the
watchdog (WATCHDOG=1) at half the interval systemd asked for. A hung event loop stops the
heartbeat, and systemd restarts the kiosk.

The first frame is heard through the window's `FrameSwaps` relay, on the GUI thread (never on
Qt Quick's render thread: see `kiosk.app.screens`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtQuick import QQuickWindow

from kiosk.app.screens import FrameSwaps
from kiosk.ops import watchdog

log = logging.getLogger("kiosk.ops")


class Readiness(QObject):
    """READY=1 after the window's first frame, then the watchdog's heartbeat."""

    ready = Signal()
    """The first frame is on the screen (systemd has been told READY=1)."""

    def __init__(self, window: QQuickWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ready = False
        self._heartbeat: object | None = None
        self._swaps = FrameSwaps.of(window)
        self._swaps.swapped.connect(self._on_first_frame)

    @property
    def is_ready(self) -> bool:
        """Whether the first frame has been shown (systemd has been told READY=1)."""
        return self._ready

    @Slot()
    def _on_first_frame(self) -> None:
        if self._ready:
            return
        self._ready = True
        self._swaps.swapped.disconnect(self._on_first_frame)
        log.info("first frame shown: the kiosk is ready")
        watchdog.sd_notify("READY=1")
        self._heartbeat = watchdog.start_heartbeat(self)
        self.ready.emit()
