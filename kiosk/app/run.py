"""`kiosk run [DIR]`: the exhibition, full screen on the chosen screen, ready for visitors.

Content with errors does not stop the kiosk: the problems are printed for staff (as
`kiosk validate` prints them) and visitors see a calm "Back soon" screen instead.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.run")

NO_DISPLAY = (
    "kiosk run: there is no display here; use `kiosk render` for pictures of every screen, "
    "or start a display with `xvfb-run kiosk run` or `cage -- kiosk run`."
)


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt can open a window: a display server, or a platform chosen explicitly."""
    if not sys.platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def place_window(window: Any, app: Any, args: argparse.Namespace) -> None:
    """Full screen on the chosen screen, or a normal window with --windowed or --size."""
    from PySide6.QtCore import Qt

    screens = app.screens()
    index = args.screen if 0 <= args.screen < len(screens) else 0
    if index != args.screen:
        print(f"kiosk run: there is no screen {args.screen}; using screen 0 "
              f"(this computer has {len(screens)})", file=sys.stderr)
    screen = screens[index]
    window.setScreen(screen)
    geometry = screen.geometry()
    if args.windowed or args.size:
        width, height = args.size or (min(1920, geometry.width()), min(1080, geometry.height()))
        window.resize(width, height)
        window.setPosition(geometry.x() + max(0, (geometry.width() - width) // 2),
                           geometry.y() + max(0, (geometry.height() - height) // 2))
        window.show()
        return
    # without a window manager showFullScreen() may keep a small window: take the screen first
    window.setGeometry(geometry)
    window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint)
    window.showFullScreen()  # the operations' lockdown hides the cursor until the mouse moves


def main(args: argparse.Namespace) -> int:
    root: Path = args.dir
    from kiosk.ops.snapshot import current_copy, default_snapshot_dir

    if not root.is_dir() and current_copy(default_snapshot_dir(root)) is None:
        print(f"kiosk run: '{root}' is not a folder", file=sys.stderr)
        return 2
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from kiosk.app.memory import configure_malloc
    from kiosk.base.logs import quiet_media_notes, route_qt_messages, setup_logging
    from kiosk.ops.snapshot import load_for_startup

    configure_malloc()

    log_file = setup_logging()
    startup = load_for_startup(root)  # content with errors: the last good copy, if there is one
    exhibition = _report_startup(startup, root)

    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow
    from kiosk.fleet import screen_setup
    from kiosk.ops.hours import closed_at_start
    from kiosk.ops.operations import Operations, Startup

    screen = screen_setup.load_for_run(getattr(args, "screen_config", None), exhibition)
    settings = screen.settings
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    route_qt_messages()
    quiet_media_notes()
    size = args.size or (1920, 1080)
    try:
        kiosk = KioskWindow(exhibition, startup.root.resolve(), size=size)
    except RuntimeError as error:
        print(f"kiosk run: {error}", file=sys.stderr)
        return 1
    place_window(kiosk.window, app, args)
    rotation = screen_setup.apply_to_window(kiosk, settings)  # noqa: F841 - lives with the window
    # not resolved: a content path that is a link switched by each pull is followed
    operations = Operations(kiosk, root.absolute(), kiosk_mode=not (args.windowed or args.size),
                            startup=Startup(startup.from_snapshot, startup.current.problems),
                            **screen_setup.operations_options(settings))
    screen_setup.apply_volume(operations, settings.volume)
    screen_setup.recheck_after_reload(operations, screen)
    health = screen_setup.start_health(operations, kiosk, root, settings, startup.root)
    if closed_note := closed_at_start(exhibition, root):  # say why the screen shows no exhibition
        print(closed_note, file=sys.stderr)
    log.info("showing %s; log file %s", startup.root.resolve() if exhibition else "the 'Back soon' screen",
             log_file)
    code = app.exec()
    health.close()
    operations.close()
    kiosk.shut_down()
    return int(code)


def _report_startup(startup: Any, root: Path) -> Any | None:
    """Print the content folder's problems for staff, with paths as `kiosk validate` prints them
    (from the current folder, so a click opens the file); the exhibition to show (or None)."""
    from kiosk.content.errors import from_here, summary

    for problem in startup.current.problems:
        print(from_here(problem, root).format(), file=sys.stderr)
    if startup.current.has_errors:
        print(summary(startup.current.problems), file=sys.stderr)
        if startup.from_snapshot:
            print(f"kiosk run: showing the last good content from {startup.root}", file=sys.stderr)
        else:
            print("kiosk run: showing 'Back soon' until the content is fixed", file=sys.stderr)
    return startup.shown.exhibition
