"""Stopping on SIGTERM (`systemctl stop`, a restart by systemd) and SIGINT (Ctrl+C in a terminal).

Python runs a signal handler only between two steps of Python code, and while Qt's event loop
waits for the next event no Python code runs at all. So the signals are not handled in Python's
handler: Python writes the number of each signal it catches to a socket (`signal.set_wakeup_fd`),
a `QSocketNotifier` on the other end of that socket wakes the Qt event loop at once, and the
kiosk stops from there, on the GUI thread, like after any other event. Nothing polls.

    stops = StopSignals(kiosk.quit)        # quit(143) on SIGTERM, quit(130) on SIGINT
    ...
    stops.close()                          # the handlers and wakeup socket that were there before
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Slot

log = logging.getLogger("kiosk.ops")

EXIT_CODES: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}
"""The exit code for each signal, as a shell reports a process ended by it (128 + number)."""


def _wake_only(_number: int, _frame: FrameType | None) -> None:
    """Python's own handler: nothing to do here, the wakeup socket carries the signal."""


class StopSignals(QObject):
    """Calls `on_stop(exit_code)` on the GUI thread when SIGTERM or SIGINT arrives."""

    def __init__(self, on_stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_stop = on_stop
        self._reader, self._writer = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous_handlers: dict[int, Any] = {}
        for number in EXIT_CODES:
            self._previous_handlers[number] = signal.signal(number, _wake_only)
        self._notifier: QSocketNotifier | None = QSocketNotifier(
            self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    @property
    def active(self) -> bool:
        return self._notifier is not None

    @Slot()
    def _on_readable(self) -> None:
        try:
            numbers = self._reader.recv(256)
        except (BlockingIOError, InterruptedError):
            return
        # Other signals Python catches are written here too; only these two stop the kiosk.
        codes = [EXIT_CODES[number] for number in numbers if number in EXIT_CODES]
        if codes:
            name = signal.Signals(next(n for n in numbers if n in EXIT_CODES)).name
            log.info("%s received", name)
            self.on_stop(codes[0])

    def close(self) -> None:
        """Put back the signal handlers and the wakeup socket that were there before."""
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._notifier = None
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
