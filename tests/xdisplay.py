"""A real X display for tests and benches: Xvfb, Mesa's OpenGL and Qt's threaded render loop.

This is what every kiosk in the field runs: the xcb platform, OpenGL, and Qt Quick drawing on its
own render thread. (The offscreen platform draws everything on the GUI thread, so it cannot show
what goes wrong between the two threads.)

    from tests.xdisplay import xvfb

    with xvfb() as env:                      # an X server on a free display, stopped afterwards
        subprocess.run(["kiosk", "run", "content", "--windowed"], env=env)

`env` is a copy of `os.environ` set up for a Qt program on that display (see `qt_environment`).
`XServer.start()` and `server.stop()` do the same without a `with` block (the test set-up keeps
one server for a whole pytest run). `window_of(pid, env)` finds a program's window and
`request_close(window, env)` asks it to close, as a window manager's close button does.

Needs the Debian packages xvfb, libgl1-mesa-dri, libglx-mesa0, libegl-mesa0 and xdotool.
"""

from __future__ import annotations

import ctypes
import os
import select
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_SIZE = (1920, 1080)
PR_SET_PDEATHSIG = 1
START_TIMEOUT_S = 15.0

QT_X11_SETTINGS = {
    "QT_QPA_PLATFORM": "xcb",
    "QSG_RENDER_LOOP": "threaded",  # what Qt picks with working OpenGL; said here so it cannot change
    # OpenGL even where it is Mesa's software one: `kiosk run` would draw in software there
    # (kiosk.app.drawing), and this rig is where the render thread's OpenGL path is tried
    "QT_QUICK_BACKEND": "rhi",
}
"""What a Qt program needs on the X server besides DISPLAY."""

NOT_FOR_X11 = ("QT_QUICK_BACKEND", "WAYLAND_DISPLAY", "QT_QPA_PLATFORMTHEME", "XAUTHORITY")
"""Settings of the offscreen rig (software drawing) or of the desktop that must not leak in."""


def qt_environment(display: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of `base` (default os.environ) for a Qt program on `display`, with OpenGL."""
    env = {key: value for key, value in (os.environ if base is None else base).items()
           if key not in NOT_FOR_X11}
    env.update(QT_X11_SETTINGS)
    env["DISPLAY"] = display
    return env


def missing_programs() -> list[str]:
    """The programs this module needs that are not installed."""
    return [name for name in ("Xvfb", "xdotool") if shutil.which(name) is None]


@dataclass
class XServer:
    """One running Xvfb."""

    display: str
    process: subprocess.Popen[bytes]

    @property
    def number(self) -> int:
        return int(self.display.lstrip(":"))

    @property
    def env(self) -> dict[str, str]:
        """The environment for a Qt program on this display (see `qt_environment`)."""
        return qt_environment(self.display)

    @classmethod
    def start(cls, size: tuple[int, int] = DEFAULT_SIZE, timeout: float = START_TIMEOUT_S) -> XServer:
        """Start Xvfb on a free display number and return once it accepts clients."""
        missing = missing_programs()
        if missing:
            raise RuntimeError(f"the real-display test rig needs {', '.join(missing)}: "
                               "run `bash scripts/system-deps.sh` as root")
        reader, writer = os.pipe()
        try:
            process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(writer), "-screen", "0", f"{size[0]}x{size[1]}x24",
                 "-nolisten", "tcp", "-noreset", "+extension", "GLX"],
                pass_fds=(writer,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_end_with_parent,
            )
        finally:
            os.close(writer)
        try:
            number = _read_display_number(reader, process, timeout)
        finally:
            os.close(reader)
        server = cls(f":{number}", process)
        try:
            server.wait_for_clients(timeout)
        except BaseException:
            server.stop()
            raise
        return server

    def wait_for_clients(self, timeout: float = START_TIMEOUT_S) -> None:
        """Return once a client can connect to the server's socket."""
        path = f"/tmp/.X11-unix/X{self.number}"
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"Xvfb {self.display} ended with {self.process.returncode}")
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                try:
                    probe.connect(path)
                    return
                except OSError:
                    pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb {self.display} accepted no client within {timeout:.0f} s")
            select.select([], [], [], 0.02)

    def stop(self) -> None:
        """End the server (politely, then for good)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()


def _end_with_parent() -> None:
    """In the new Xvfb process: end it when the process that started it ends, even by kill -9."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _read_display_number(reader: int, process: subprocess.Popen[bytes], timeout: float) -> int:
    """Xvfb writes its display number to the -displayfd pipe once it is ready."""
    deadline = time.monotonic() + timeout
    text = b""
    while not text.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([reader], [], [], max(0.0, remaining))
        if not ready:
            process.kill()
            process.wait()
            raise RuntimeError(f"Xvfb did not start within {timeout:.0f} s")
        chunk = os.read(reader, 64)
        if not chunk:
            process.wait()
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"Xvfb could not start (exit {process.returncode}): {error[-2000:]}")
        text += chunk
    return int(text.strip())


@contextmanager
def xvfb(size: tuple[int, int] = DEFAULT_SIZE) -> Iterator[dict[str, str]]:
    """An X server for the length of the block; gives the environment for a Qt program on it."""
    server = XServer.start(size)
    try:
        yield server.env
    finally:
        server.stop()


# -- windows on the display ----------------------------------------------------------------------

def window_of(pid: int, env: Mapping[str, str], timeout: float = 30.0) -> int:
    """The id of the visible window of process `pid` (once it has one)."""
    deadline = time.monotonic() + timeout
    while True:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                               env=dict(env), capture_output=True, text=True, check=False)
        ids = [int(line) for line in found.stdout.split()]
        if ids:
            return ids[-1]
        if time.monotonic() > deadline:
            raise RuntimeError(f"process {pid} showed no window within {timeout:.0f} s")
        select.select([], [], [], 0.1)


class _ClientMessage(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    )


class _Event(ctypes.Union):
    _fields_ = (("client", _ClientMessage), ("pad", ctypes.c_long * 24))


CLIENT_MESSAGE = 33
CURRENT_TIME = 0


def request_close(window: int, env: Mapping[str, str]) -> None:
    """Ask `window` to close: the WM_DELETE_WINDOW message a window manager sends when the close
    button is pressed (Xvfb runs no window manager)."""
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
    x11.XSendEvent.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.POINTER(_Event))
    x11.XFlush.argtypes = (ctypes.c_void_p,)
    x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    connection = x11.XOpenDisplay(env["DISPLAY"].encode())
    if not connection:
        raise RuntimeError(f"cannot open the X display {env['DISPLAY']}")
    try:
        event = _Event()
        message = event.client
        message.type = CLIENT_MESSAGE
        message.window = window
        message.message_type = x11.XInternAtom(connection, b"WM_PROTOCOLS", 0)
        message.format = 32
        message.data[0] = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
        message.data[1] = CURRENT_TIME
        if not x11.XSendEvent(connection, window, 0, 0, ctypes.byref(event)):
            raise RuntimeError("the X server refused the close request")
        x11.XFlush(connection)
    finally:
        x11.XCloseDisplay(connection)

