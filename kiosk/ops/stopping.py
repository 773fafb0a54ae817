"""How the kiosk stops, and what it does instead of dying on an unexpected error.

The kiosk ends with an exit code that says why (systemd's unit and `cage` act on it):

    0    the window was closed (a normal window), or staff chose "Exit to desktop"
    75   staff chose "Restart the kiosk" (RESTART_EXIT_CODE: systemd starts it again)
    130  Ctrl+C in a terminal (SIGINT)
    143  `systemctl stop`, or a restart by systemd (SIGTERM)

Before it goes, the last statistics are written (`before_exit`) and the lockdown lets the window
close. An unexpected error anywhere (`kiosk.ops.crash`) is logged, shown to staff in the panel,
and ends the visit (`session.end_visit("error")`): visitors are back on the attract loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QGuiApplication

from kiosk.ops.crash import (
    EXIT_TO_DESKTOP_CODE,
    RESTART_EXIT_CODE,
    CrashHandler,
    defer_to_ui_thread,
    prepare_ui_thread,
)
from kiosk.ops.lockdown import Lockdown
from kiosk.ops.staff import Staff
from kiosk.ops.stop_signals import StopSignals
from kiosk.session import ExhibitionSession

log = logging.getLogger("kiosk.ops")


class Stopping(QObject):
    """Exit codes, SIGTERM/SIGINT, the closed window, staff's restart and exit, the crash handler."""

    def __init__(
        self,
        session: ExhibitionSession,
        staff: Staff,
        lockdown: Lockdown,
        *,
        before_exit: Callable[[], None],
        install_hooks: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.staff, self.lockdown = session, staff, lockdown
        self.before_exit = before_exit
        self.crash = CrashHandler(self.on_unexpected_error, defer_to_ui_thread)
        self._stop_signals: StopSignals | None = None
        self._window_hook = False
        staff.restartRequested.connect(lambda: self.quit(RESTART_EXIT_CODE))
        staff.exitRequested.connect(lambda: self.quit(EXIT_TO_DESKTOP_CODE))
        if install_hooks:
            self._install()

    def _install(self) -> None:
        """The crash handler; Ctrl+C in a terminal and `systemctl stop` end the kiosk cleanly
        (exit 130 / 143); so does closing a normal window (exit 0; in kiosk mode the lockdown
        refuses close requests)."""
        prepare_ui_thread()
        self.crash.install()
        self._stop_signals = StopSignals(self.quit, parent=self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.lastWindowClosed.connect(self._on_last_window_closed)
            self._window_hook = True

    @Slot()
    def _on_last_window_closed(self) -> None:
        log.info("the kiosk window was closed")
        self.quit(0)

    def on_unexpected_error(self, summary: str) -> None:
        """Tell staff (the panel's last error) and take visitors back to the attract loop."""
        self.staff.record_error(summary)
        self.session.end_visit("error")

    def quit(self, code: int) -> None:
        log.info("kiosk closing with exit code %d", code)
        self.before_exit()
        self.lockdown.release()
        QCoreApplication.exit(code)

    def close(self) -> None:
        """Put back the hooks that were there before (the end of `kiosk run`, tests)."""
        self.crash.uninstall()
        if self._stop_signals is not None:
            self._stop_signals.close()
            self._stop_signals = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._window_hook:
            app.lastWindowClosed.disconnect(self._on_last_window_closed)
            self._window_hook = False
