"""systemd integration: readiness and a watchdog heartbeat sent from the Qt event loop.

When the event loop hangs, heartbeats stop, systemd's WatchdogSec runs out and the kiosk is restarted.
"""

from __future__ import annotations

import os
import socket


def sd_notify(message: str) -> bool:
    """Send one sd_notify message (READY=1, WATCHDOG=1, STATUS=...). False when not under systemd."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode("utf-8"), address)
    except OSError:
        return False
    return True


def heartbeat_interval_ms() -> int | None:
    """Half the watchdog timeout systemd asked for, in ms; None when no watchdog is set."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or (pid and pid != str(os.getpid())):
        return None
    return max(100, int(usec) // 2000)


def start_heartbeat(parent: object) -> object | None:
    """Start a QTimer on the event loop that pets the watchdog; returns it (keep a reference)."""
    interval = heartbeat_interval_ms()
    if interval is None:
        return None
    from PySide6.QtCore import QObject, QTimer

    timer = QTimer(parent if isinstance(parent, QObject) else None)
    timer.setInterval(interval)
    timer.timeout.connect(lambda: sd_notify("WATCHDOG=1"))
    timer.start()
    return timer
