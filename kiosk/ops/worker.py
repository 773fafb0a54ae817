"""Work off the UI thread whose result comes back to a UI-thread method, safely.

A worker thread must never emit a signal of an object the UI thread may delete meanwhile (a
kiosk window closing, a panel going away): the emit would touch freed memory. Each job gets its
own small relay object, kept alive by the worker until it has emitted; the result reaches the
receiver through a queued connection, which Qt drops if the receiver is gone by then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class _Relay(QObject):
    result = Signal(object)


def run_in_worker(
    work: Callable[[], Any], deliver: Callable[[Any], None], *, name: str
) -> threading.Thread:
    """Run `work()` on a new daemon thread, then call `deliver(result)` on the UI thread.

    `deliver` should be a method of a QObject living on the UI thread: it is not called if that
    object was deleted before the result arrived."""
    relay = _Relay()
    relay.result.connect(deliver, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        relay.result.emit(work())

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
