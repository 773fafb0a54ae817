"""What the operations benches share: a kiosk's environment in each test rig, and READY=1."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def rig_environment(rig: str) -> contextlib.AbstractContextManager[dict[str, str]]:
    """The environment of a kiosk in this rig: offscreen (Qt's basic render loop), or on an Xvfb
    started for the bench (Mesa OpenGL, Qt's threaded render loop: what kiosks in the field run)."""
    if rig == "x11":
        from tests.xdisplay import xvfb

        return xvfb()
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return contextlib.nullcontext({**env, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"})


def wait_ready(server: socket.socket, timeout: float,
               process: subprocess.Popen[bytes] | None = None) -> bool:
    """Wait for READY=1 on the notify socket; False after `timeout`, or once `process` has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        server.settimeout(min(0.2, max(0.01, deadline - time.monotonic())))
        try:
            message = server.recv(4096)
        except TimeoutError:
            if process is not None and process.poll() is not None:
                return False
            continue
        if b"READY=1" in message.split(b"\n"):
            return True
    return False


def notify_environment(base: dict[str, str], folder: Path) -> tuple[socket.socket, dict[str, str]]:
    """A notify socket in `folder` the kiosk reports READY=1 on, and the kiosk's environment:
    `base` with that socket, its own state and settings folders under `folder`, and this checkout
    on the path."""
    address = str(folder / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(address)
    env = {**base, "NOTIFY_SOCKET": address, "QT_LOGGING_RULES": "qt.multimedia.*=false",
           "XDG_STATE_HOME": str(folder / "state"), "XDG_CONFIG_HOME": str(folder / "config"),
           "PYTHONPATH": str(REPO)}
    return server, env
