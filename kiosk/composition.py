"""The kiosk put together: `kiosk run` from the first log line to the exit code.

Read from top to bottom, `main` is the whole start-up, in order, and the way data flows:

    content folder -> Exhibition (its checked copy, or the last good copy)
        -> ExhibitionSession (what is shown, the languages, the visits)
        -> Navigator and its models -> QML screens
    and every operations part, the statistics and the fleet's health follow the session.

1. logging, and malloc settings (before any thread starts)
2. the content, checked at start; with errors, the last good copy
3. this screen's settings (`kiosk.fleet.screen_config`)
4. the Qt application
5. the exhibition session
6. the window and its QML engine (`KioskWindow`); the Navigator follows the session
7. the operations parts and the visitor statistics (`assemble`); `kiosk ctl`'s socket
8. the fleet's health metrics
9. the event loop; then everything closes in reverse order

`assemble` is also how the tests and the benches build a running kiosk around a window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.app import drawing
from kiosk.app.navigator import Navigator
from kiosk.app.placement import NO_DISPLAY, has_display, kiosk_mode, place_window
from kiosk.app.screens import KioskWindow
from kiosk.app.speech import FIELD_ENGINE, Speech
from kiosk.fleet import screen_setup
from kiosk.fleet.control import ControlServer
from kiosk.insights.station import KioskInsights
from kiosk.ops.closing_time import ClosingTime
from kiosk.ops.crash import CrashHandler
from kiosk.ops.hours import Hours, closed_at_start, keep_display_on, set_display_power
from kiosk.ops.idle import Idle
from kiosk.ops.lockdown import Lockdown
from kiosk.ops.overlay import attach_overlay
from kiosk.ops.qml_types import register_qml_types
from kiosk.ops.readiness import Readiness
from kiosk.ops.reload import ContentReloader
from kiosk.ops.snapshot import current_copy, default_snapshot_dir, load_for_startup
from kiosk.ops.staff import Staff
from kiosk.ops.staff_desk import StaffDesk
from kiosk.ops.stopping import Stopping
from kiosk.ops.timings import Timings
from kiosk.ops.visitor_guard import VisitorGuard
from kiosk.session import ExhibitionSession

if TYPE_CHECKING:
    from kiosk.app.drawing import Probe
    from kiosk.app.playback import Playback
    from kiosk.content.errors import ContentError
    from kiosk.content.model import Exhibition
    from kiosk.ops.snapshot import StartupContent

log = logging.getLogger("kiosk.run")

SPEECH_AFTER_READY_MS = 30_000
"""After the first frame, when the speech engine starts: it holds the GUI thread for a second or two
while the speech server lists its voices, so not while the first pictures come in; a visitor who
turns on read aloud sooner starts it then."""


@dataclass
class Startup:
    """What the kiosk started with (see kiosk.ops.snapshot.load_for_startup)."""

    from_snapshot: bool = False
    problems: list[ContentError] = field(default_factory=list)


@dataclass
class Kiosk:
    """The running kiosk: its window, its session and every part that follows the session."""

    kiosk_window: KioskWindow
    session: ExhibitionSession
    startup: Startup
    timings: Timings
    playback: Playback
    idle: Idle
    staff: Staff
    hours: Hours
    insights: KioskInsights
    reloader: ContentReloader
    guard: VisitorGuard
    desk: StaffDesk
    closing_time: ClosingTime
    stopping: Stopping
    readiness: Readiness
    overlay: QQuickItem | None
    speech: Speech | None = None

    @property
    def navigator(self) -> Navigator:
        return self.kiosk_window.navigator

    @property
    def lockdown(self) -> Lockdown:
        return self.guard.lockdown

    @property
    def crash(self) -> CrashHandler:
        return self.stopping.crash

    @property
    def ready(self) -> SignalInstance:
        """The first frame is on the screen (systemd has been told READY=1)."""
        return self.readiness.ready

    @property
    def is_ready(self) -> bool:
        return self.readiness.is_ready

    def quit(self, code: int) -> None:
        self.stopping.quit(code)

    def on_unexpected_error(self, summary: str) -> None:
        self.stopping.on_unexpected_error(summary)

    def close(self) -> None:
        """Undo the process-wide hooks and write the last statistics, in reverse order of start."""
        self.stopping.close()
        self.desk.close()
        self.closing_time.close()
        self.guard.close()
        self.reloader.close()
        self.insights.close()
        self.idle.detach()
        if self.speech is not None and shiboken6.isValid(self.speech):
            self.speech.detach()


def assemble(
    kiosk_window: KioskWindow,
    content_root: Path,
    *,
    kiosk_mode: bool,
    startup: Startup | None = None,
    timings: Timings | None = None,
    snapshot_dir: Path | None = None,
    clock: Callable[[], dt.datetime] = dt.datetime.now,
    display_power: Callable[[bool], Any] = set_display_power,
    pin_source: Callable[[], str | None] | None = None,
    install_hooks: bool = True,
    screen_name: str | None = None,
    insights_db: Path | None = None,
    overlay_after_first_frame: bool = False,
    speech_engine: str | None = None,
) -> Kiosk:
    """Everything that lets the kiosk in this window run unattended, each part subscribed to the
    window's session: idle, the visitor guard (lockdown and staff gesture), opening hours, the
    staff desk, live content reload, readiness for systemd, stopping and the crash handler, the
    visitor statistics, and the operations layer over the window.

    With `overlay_after_first_frame` (`kiosk run`) the operations layer is made just after the
    first frame while the exhibition is open, so the attract loop appears without waiting for the
    staff panel's QML; when the kiosk starts closed, the closed screen is in the first frame.
    `speech_engine` reads screens aloud in read-aloud mode ('speechd' for `kiosk run`; None: silent)."""
    from kiosk.app.access import Access
    from kiosk.app.playback import Playback  # QtMultimedia: loaded once there is a window

    engine, window, session = kiosk_window.engine, kiosk_window.window, kiosk_window.session
    startup, timings = startup or Startup(), timings or Timings()

    playback = Playback.for_engine(engine)
    idle = Idle.for_engine(engine)
    idle.attach(session, playback, timings)
    # read-aloud mode: each screen read out, quiet while a film plays, stopped when the visit ends
    speech = Speech.for_engine(engine)
    speech.use_engine(speech_engine)
    speech.attach(session, kiosk_window.navigator, Access.for_engine(engine), playback)
    navigator = kiosk_window.navigator
    navigator.set_clock(clock)  # one clock for the opening hours and the dated content
    # the countdown covers the screen: open pickers close first
    idle.countdownStarted.connect(navigator.dismiss_popups)
    staff = Staff.for_engine(engine)
    if pin_source is not None:
        staff.set_pin_source(pin_source)
    hours = Hours.for_engine(engine)
    # in a window on a desktop the computer's display is never switched off
    hours.clock, hours.display_power = clock, display_power if kiosk_mode else keep_display_on

    # the visitor statistics: visits from the session, page views from the Navigator
    insights = KioskInsights(session, kiosk_window.navigator, engine=engine, playback=playback,
                             db_path=insights_db, screen_name=screen_name, parent=engine)
    insights.configure(session.exhibition.settings.insights if session.exhibition else None)

    reloader = ContentReloader(content_root, session, debounce_ms=timings.debounce_ms,
                               snapshot_dir=snapshot_dir, parent=engine)
    guard = VisitorGuard(window, idle, staff, kiosk_mode=kiosk_mode, cursor_hide_ms=timings.cursor_hide_ms,
                         parent=engine)
    desk = StaffDesk(staff, session, reloader, hours, insights.today, timings, parent=engine)
    desk.show_startup(startup.from_snapshot, startup.problems)
    staff.volumeChosen.connect(idle.set_volume)
    closing_time = ClosingTime(session, hours, idle, staff, parent=engine)
    stopping = Stopping(session, staff, guard.lockdown, before_exit=insights.close,
                        install_hooks=install_hooks, parent=engine)
    readiness = Readiness(window, parent=engine)
    kiosk = Kiosk(kiosk_window, session, startup, timings, playback, idle, staff, hours, insights, reloader,
                  guard, desk, closing_time, stopping, readiness, None, speech)
    if speech_engine is not None:
        # starting the speech engine holds the GUI thread for a moment (it asks the speech server
        # for its voices): not before the attract loop's first picture is on the screen
        readiness.ready.connect(lambda: QTimer.singleShot(SPEECH_AFTER_READY_MS, engine, speech.prepare))
    if overlay_after_first_frame and hours.is_open:
        readiness.ready.connect(lambda: _attach_overlay_soon(kiosk))
    else:
        kiosk.overlay = attach_overlay(engine, window)
    return kiosk


def _attach_overlay_soon(kiosk: Kiosk) -> None:
    """The operations layer, once the first frame has been handed over (the attract loop's first
    picture goes on decoding on its own thread meanwhile)."""

    def attach() -> None:
        if kiosk.overlay is None and shiboken6.isValid(kiosk.kiosk_window.window):
            kiosk.overlay = attach_overlay(kiosk.kiosk_window.engine, kiosk.kiosk_window.window)

    QTimer.singleShot(0, kiosk.kiosk_window.engine, attach)


def main(args: argparse.Namespace, probe: Probe | None = None) -> int:
    """`kiosk run [DIR]`: the exhibition, full screen on the chosen screen, ready for visitors.

    Content with errors does not stop the kiosk: the problems are printed for staff (as `kiosk
    validate` prints them) and visitors see the last good content, or a calm "Back soon" screen."""
    root: Path = args.dir
    if not root.is_dir() and current_copy(default_snapshot_dir(root)) is None:
        print(f"kiosk run: '{root}' is not a folder", file=sys.stderr)
        return 2
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1

    # 1. logging, and malloc settings before any thread starts
    from kiosk.app.memory import configure_malloc
    from kiosk.base.logs import quiet_media_notes, route_qt_messages, setup_logging

    configure_malloc()
    log_file = setup_logging()

    # 2. the content: its checked copy, or with errors the last good copy (if there is one)
    startup = load_for_startup(root)
    exhibition = _report_startup(startup, root)

    # 3. this screen's settings
    screen = screen_setup.load_for_run(getattr(args, "screen_config", None), exhibition)
    settings = screen.settings

    # 4. the Qt application, drawing with the graphics processor or in software (kiosk.app.drawing)
    drawing.apply(drawing.decide(settings.renderer, (probe or drawing.Probe.start()).answer()))
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    route_qt_messages()
    quiet_media_notes()
    register_qml_types()

    # 5. the exhibition session, and 6. the window and its QML engine, which show it
    session = ExhibitionSession()
    try:
        kiosk_window = KioskWindow(exhibition, startup.root.resolve(), size=args.size or (1920, 1080),
                                   session=session)
    except RuntimeError as error:
        print(f"kiosk run: {error}", file=sys.stderr)
        return 1
    place_window(kiosk_window.window, app, args)
    rotation = screen_setup.apply_to_window(kiosk_window, settings)  # noqa: F841 - lives with the window

    # 7. the operations parts and the visitor statistics
    # (the content path not resolved: a content folder that is a link switched by each pull is followed)
    kiosk = assemble(kiosk_window, root.absolute(), kiosk_mode=kiosk_mode(args),
                     startup=Startup(startup.from_snapshot, startup.current.problems),
                     overlay_after_first_frame=True, speech_engine=FIELD_ENGINE,
                     **screen_setup.operations_options(settings))
    screen_setup.apply_volume(kiosk, settings.volume)
    screen_setup.recheck_after_reload(session, screen)

    # `kiosk ctl` (status, screenshot, reload, ...) on a socket only this user can open
    control = ControlServer(kiosk, screen_name=screen_setup.screen_name(settings))

    # 8. the fleet's health metrics
    health = screen_setup.start_health(kiosk, root, settings, startup.root)

    # 9. run, then close in reverse order
    if closed_note := closed_at_start(exhibition, root):  # say why the screen shows no exhibition
        print(closed_note, file=sys.stderr)
    log.info("showing %s; log file %s", startup.root.resolve() if exhibition else "the 'Back soon' screen",
             log_file)
    code = app.exec()
    health.close()
    control.close()
    kiosk.close()
    kiosk_window.shut_down()
    return int(code)


def _report_startup(startup: StartupContent, root: Path) -> Exhibition | None:
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
