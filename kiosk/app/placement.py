"""Where the kiosk window goes: full screen on the chosen screen, or a normal window.

Qt aborts when there is no display at all (a server, an SSH shell) unless it is told a
platform, so `kiosk run` asks `has_display()` first and says in one plain sentence what to do
instead (`NO_DISPLAY`).
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWindow

NO_DISPLAY = (
    "kiosk run: there is no display here; use `kiosk render` for pictures of every screen, "
    "or start a display with `xvfb-run kiosk run` or `cage -- kiosk run`."
)


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt can open a window: a display server, or a platform chosen explicitly."""
    if not sys.platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def kiosk_mode(args: argparse.Namespace) -> bool:
    """Full screen and locked down, unless `--windowed` or `--size` asks for a normal window."""
    return not (args.windowed or args.size)


def place_window(window: QWindow, app: QGuiApplication, args: argparse.Namespace) -> None:
    """Full screen on the chosen screen (`--screen N`), or a normal window with --windowed or --size."""
    screens = app.screens()
    index = args.screen if 0 <= args.screen < len(screens) else 0
    if index != args.screen:
        print(f"kiosk run: there is no screen {args.screen}; using screen 0 "
              f"(this computer has {len(screens)})", file=sys.stderr)
    screen = screens[index]
    window.setScreen(screen)
    geometry = screen.geometry()
    if not kiosk_mode(args):
        width, height = args.size or (min(1920, geometry.width()), min(1080, geometry.height()))
        window.resize(width, height)
        window.setPosition(geometry.x() + max(0, (geometry.width() - width) // 2),
                           geometry.y() + max(0, (geometry.height() - height) // 2))
        window.show()
        return
    # without a window manager showFullScreen() may keep a small window: take the screen first
    window.setGeometry(geometry)
    window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint)
    window.showFullScreen()  # the visitor guard's lockdown hides the cursor until the mouse moves
