"""Work off the UI thread whose result comes back to a UI-thread method, safely.

A worker thread must never emit a signal of an object the UI thread may delete meanwhile (a
kiosk window closing, a panel going away): the emit would touch freed memory. Each job gets its
own small relay object, kept alive by the worker until it has emitted; the result reaches the
receiver through a queued connection, which Qt drops if the receiver is gone by then.

A job that raises still reports back when it was given a `failed` receiver, so whoever waits for
it (the reloader's "a check is running") is never left waiting forever.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger("kiosk.worker")


class _Relay(QObject):
    result = Signal(object)
    failure = Signal(object)


def run_in_worker(
    work: Callable[[], Any],
    deliver: Callable[[Any], None],
    *,
    name: str,
    failed: Callable[[BaseException], None] | None = None,
) -> threading.Thread:
    """Run `work()` on a new daemon thread, then call `deliver(result)` on the UI thread.

    When `work()` raises anything, `failed(error)` is called on the UI thread instead (the error
    is logged first); without `failed`, the error goes to threading.excepthook as usual. Both
    receivers should be methods of QObjects living on the UI thread: neither is called if its
    object was deleted before the outcome arrived."""
    relay = _Relay()
    relay.result.connect(deliver, Qt.ConnectionType.QueuedConnection)
    if failed is not None:
        relay.failure.connect(failed, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            outcome = work()
        except BaseException as error:
            if failed is None:
                raise
            log.error("background work %r failed", name, exc_info=error)
            relay.failure.emit(error)
            return
        relay.result.emit(outcome)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
