"""The kiosk never dies quietly: an unexpected error is logged with its traceback, shown to staff
in the staff panel, and the visitor is taken back to the attract loop instead of a frozen screen.

Errors in Qt slots reach `sys.excepthook` (PySide prints them through it); errors in worker
threads reach `threading.excepthook`. Both end up in `report`.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger("kiosk.crash")

RESTART_EXIT_CODE = 75
"""`kiosk run` exits with this code when staff ask for a restart (EX_TEMPFAIL; systemd's
Restart=always and the cage service start the kiosk again)."""
EXIT_TO_DESKTOP_CODE = 0
"""Exit to desktop: the units say RestartPreventExitStatus=0, so the kiosk stays closed."""


class CrashHandler:
    """Installs the hooks; `on_error(summary)` runs on the UI thread after each logged error."""

    def __init__(self, on_error: Callable[[str], None], defer: Callable[[Callable[[], None]], None]) -> None:
        self.on_error = on_error
        self.defer = defer
        self.count = 0
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        self.report(kind, error, trace)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a worker thread"
        log.error("unexpected error in %s", name)
        self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def report(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Log the traceback, then tell staff and reset the visit on the UI thread."""
        self.count += 1
        text = "".join(traceback.format_exception(kind, error, trace)).rstrip()
        log.error("unexpected error; visitors go back to the attract loop\n%s", text)
        summary = f"{kind.__name__}: {error}"
        try:
            self.defer(lambda: self.on_error(summary))
        except Exception:  # the error path itself must not raise
            log.exception("could not recover from the error above")


class _Carrier(QObject):
    """Lives on the UI thread; its queued signal carries callbacks from other threads."""

    run_soon = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.run_soon.connect(self._run)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


_CARRIER: _Carrier | None = None


def prepare_ui_thread() -> None:
    """Create the carrier on the UI thread (once, after the QGuiApplication exists)."""
    global _CARRIER
    if _CARRIER is None:
        _CARRIER = _Carrier()


def defer_to_ui_thread(callback: Callable[[], None]) -> None:
    """Run `callback` soon on the Qt event loop (safe from any thread)."""
    if threading.current_thread() is threading.main_thread() or _CARRIER is None:
        QTimer.singleShot(0, callback)
    else:
        _CARRIER.run_soon.emit(callback)
