"""Everything that lets the kiosk run unattended, put together around one kiosk window.

    kiosk = KioskWindow(exhibition, root)
    operations = Operations(kiosk, content_root, kiosk_mode=not args.windowed)

gives idle reset, lockdown, the staff gesture, PIN pad and panel, live content reload, opening
hours, the crash handler, the systemd readiness and watchdog hooks and the visitor statistics
(kiosk.insights). The overlays
(kiosk/qml/ops/OpsLayer.qml) are placed over the window's content by Python, so Main.qml needs
no change.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.app.images import PROVIDER_ID
from kiosk.app.screens import FrameSwaps
from kiosk.insights.station import KioskInsights
from kiosk.ops import watchdog
from kiosk.ops.crash import (
    EXIT_TO_DESKTOP_CODE,
    RESTART_EXIT_CODE,
    CrashHandler,
    defer_to_ui_thread,
    prepare_ui_thread,
)
from kiosk.ops.hours import Hours, keep_display_on, set_display_power
from kiosk.ops.idle import Idle
from kiosk.ops.lockdown import CURSOR_HIDE_MS, Lockdown
from kiosk.ops.reload import DEBOUNCE_MS, ContentReloader
from kiosk.ops.staff import PANEL_TIMEOUT_MS, Staff
from kiosk.ops.stop_signals import StopSignals

log = logging.getLogger("kiosk.ops")

OPS_LAYER_QML = Path(__file__).resolve().parent.parent / "qml" / "ops" / "OpsLayer.qml"


@dataclass
class Timings:
    """Overrides for the exhibition's timings (tests use fractions of a second)."""

    idle_seconds: float | None = None
    countdown_seconds: float | None = None
    max_media_seconds: float | None = None
    hold_seconds: float | None = None
    window_seconds: float | None = None
    cursor_hide_ms: int = CURSOR_HIDE_MS
    debounce_ms: int = DEBOUNCE_MS
    panel_timeout_ms: int = PANEL_TIMEOUT_MS


@dataclass
class Startup:
    """What the kiosk started with (see kiosk.ops.snapshot.load_for_startup)."""

    from_snapshot: bool = False
    problems: list[Any] = field(default_factory=list)


def _playback_for(engine: object) -> Any | None:
    try:
        from kiosk.app.playback import Playback
    except ImportError:
        return None
    return Playback.for_engine(engine)


class Operations(QObject):
    """Idle, lockdown, staff access, reload, hours and crash handling for one kiosk window."""

    ready = Signal()
    """The first frame is on the screen (systemd has been told READY=1)."""

    def __init__(
        self,
        kiosk: Any,
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
    ) -> None:
        super().__init__(kiosk.engine)
        self.kiosk = kiosk
        self.timings = timings or Timings()
        self.startup = startup or Startup()
        engine, window = kiosk.engine, kiosk.window
        self.navigator = kiosk.navigator
        self.playback = _playback_for(engine)
        self.idle = Idle.for_engine(engine)
        self.staff = Staff.for_engine(engine)
        self.hours = Hours.for_engine(engine)
        # in a window on a desktop the computer's display is never switched off
        self.hours.clock, self.hours.display_power = clock, display_power if kiosk_mode else keep_display_on
        self.lockdown = Lockdown(window, kiosk_mode=kiosk_mode,
                                 cursor_hide_ms=self.timings.cursor_hide_ms, parent=self)
        self.reloader = ContentReloader(content_root, self.navigator, debounce_ms=self.timings.debounce_ms,
                                        snapshot_dir=snapshot_dir, parent=self)
        self.crash = CrashHandler(self.on_unexpected_error, defer_to_ui_thread)
        self.insights = KioskInsights(self.navigator, engine=engine, playback=self.playback,
                                      db_path=insights_db, screen_name=screen_name, parent=self)
        self._visits_today = 0
        self._visit_day = dt.date.today()
        self._last_screen = str(self.navigator.property("screen"))
        self._heartbeat: object | None = None
        self._ready_sent = False
        self._stop_signals: StopSignals | None = None
        self._hooks_installed = False

        self.idle.attach(self.navigator, self.playback)
        if pin_source is not None:
            self.staff.set_pin_source(pin_source)
        self.staff.set_timeout_ms(self.timings.panel_timeout_ms)
        self._wire()
        self.configure(self.navigator_exhibition())
        self.staff.update_status(
            showingSnapshot=self.startup.from_snapshot,
            contentValid=not any(p.is_error for p in self.startup.problems),
            contentErrors=[p.format() for p in self.startup.problems if p.is_error],
        )
        QGuiApplication.instance().installEventFilter(self.lockdown)  # type: ignore[union-attr]
        if install_hooks:
            prepare_ui_thread()
            self.crash.install()
            self._stop_on_signals()
        if kiosk_mode:
            self.lockdown.inhibit_screensaver()
        self.overlay = self._attach_overlay()
        self._swaps = FrameSwaps.of(window)  # heard on the GUI thread, never on the render thread
        self._swaps.swapped.connect(self._on_first_frame)

    # -- wiring ----------------------------------------------------------------------------

    def navigator_exhibition(self) -> Any | None:
        return self.navigator.exhibition

    def _wire(self) -> None:
        lockdown, staff, idle, hours = self.lockdown, self.staff, self.idle, self.hours
        lockdown.swallow_presses = lambda: idle.counting
        lockdown.activity.connect(idle.activity)
        lockdown.activity.connect(staff.touched)
        lockdown.pointerPressed.connect(
            lambda x, y: staff.pointer_pressed(x, y, lockdown.window.width(), lockdown.window.height()))
        lockdown.pointerMoved.connect(
            lambda x, y: staff.pointer_moved(x, y, lockdown.window.width(), lockdown.window.height()))
        lockdown.pointerReleased.connect(staff.pointer_released)
        staff.reloadRequested.connect(self.reloader.reload_now)
        staff.restartRequested.connect(lambda: self.quit(RESTART_EXIT_CODE))
        staff.exitRequested.connect(lambda: self.quit(EXIT_TO_DESKTOP_CODE))
        staff.volumeChosen.connect(self._set_volume)
        staff.panelOpened.connect(lambda: idle.set_enabled(False))
        staff.panelClosed.connect(lambda: idle.set_enabled(hours.is_open))
        staff.panelOpened.connect(self._refresh_schedule_text)
        staff.panelOpened.connect(self.insights.today.refresh)
        self.insights.today.ready.connect(self._show_today)
        hours.closed.connect(self._on_closed)
        hours.opened.connect(self._on_opened)
        self.reloader.checked.connect(self._on_checked)
        self.reloader.swapped.connect(self._on_swapped)
        self.navigator.screenChanged.connect(self._on_screen)

    def configure(self, exhibition: Any | None) -> None:
        """Take timings, staff settings and hours from the exhibition (at start and each reload)."""
        settings = exhibition.settings if exhibition is not None else None
        t = self.timings
        attract, staff = (settings.attract, settings.staff) if settings else (None, None)
        self.idle.set_timing(
            t.idle_seconds or (attract.idle_seconds if attract else 60),
            t.countdown_seconds or (attract.countdown_seconds if attract else 20),
            t.max_media_seconds or (attract.max_media_seconds if attract else 900),
        )
        self.staff.configure(
            t.hold_seconds or (staff.hold_seconds if staff else 3.0),
            t.window_seconds or (staff.window_seconds if staff else 5.0),
            staff.allow_exit if staff else True,
        )
        self.hours.configure(settings.hours if settings else None, self.navigator.content_root)
        self.idle.set_enabled(self.hours.is_open and not self.staff.property("panelOpen"))
        self.insights.configure(settings.insights if settings else None)

    def _attach_overlay(self) -> QQuickItem | None:
        """Put the operations layer (countdown, closed screen, PIN pad, panel) over the window."""
        component = QQmlComponent(self.kiosk.engine, QUrl.fromLocalFile(str(OPS_LAYER_QML)))
        if component.isError():
            for error in component.errors():
                log.error("operations overlay: %s", error.toString())
            return None
        item = component.beginCreate(self.kiosk.engine.rootContext())
        if not isinstance(item, QQuickItem):
            log.error("operations overlay could not be created")
            return None
        item.setParentItem(self.kiosk.window.contentItem())
        item.setParent(self.kiosk.window.contentItem())  # dies with the window
        component.completeCreate()
        self._component = component
        return item

    # -- events ----------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """Whether the first frame has been shown (systemd has been told READY=1)."""
        return self._ready_sent

    @Slot()
    def _on_first_frame(self) -> None:
        if self._ready_sent:
            return
        self._ready_sent = True
        self._swaps.swapped.disconnect(self._on_first_frame)
        log.info("first frame shown: the kiosk is ready")
        watchdog.sd_notify("READY=1")
        self._heartbeat = watchdog.start_heartbeat(self)
        self.ready.emit()

    def _on_screen(self) -> None:
        screen = str(self.navigator.property("screen"))
        previous, self._last_screen = self._last_screen, screen
        if previous == "attract" and screen != "attract":
            self._visits_today = self.visits_today() + 1
            self._visit_day = dt.date.today()
            log.info("visitor session started (%d today)", self._visits_today)
            self.staff.update_status(sessionsToday=self._visits_today)
        elif screen == "attract" and previous != "attract":
            log.info("visitor session ended")

    def visits_today(self) -> int:
        """Visits since midnight (the staff panel and the monitoring metrics show it)."""
        return self._visits_today if self._visit_day == dt.date.today() else 0

    def _on_checked(self, result: Any) -> None:
        errors = [problem.format() for problem in result.problems if problem.is_error]
        outcome = " (had errors; kept the previous content)" if errors else " (shown on next attract)"
        self.staff.update_status(contentValid=not errors, contentErrors=errors,
                                 lastReload=dt.datetime.now().strftime("%H:%M:%S") + outcome)

    def _on_swapped(self, exhibition: Any) -> None:
        provider = self.kiosk.engine.imageProvider(PROVIDER_ID)
        if provider is not None and hasattr(provider, "root"):
            provider.root = self.navigator.content_root
            provider.cache.clear()
        visiting = self.insights.recorder.session is not None
        self.insights.end_visit("content")
        self.configure(exhibition)
        if visiting:
            self.insights.recorder.resume()
        self.staff.update_status(showingSnapshot=False,
                                 lastReload=dt.datetime.now().strftime("%H:%M:%S"))

    def _on_closed(self) -> None:
        self.insights.end_visit("closing")
        self.idle.reset_visit()
        self.idle.set_enabled(False)
        self._refresh_schedule_text()

    def _on_opened(self) -> None:
        self.idle.set_enabled(not self.staff.property("panelOpen"))
        self._refresh_schedule_text()

    def _refresh_schedule_text(self) -> None:
        text = self.hours.describe()
        if self.staff.status.get("schedule") != text:
            self.staff.update_status(schedule=text)

    def _show_today(self, lines: dict[str, str]) -> None:
        self.staff.update_status(today=lines)

    def _set_volume(self, volume: float) -> None:
        if self.playback is not None:
            self.playback.setProperty("volume", volume)
        self.idle.set_default_volume(volume)

    def on_unexpected_error(self, summary: str) -> None:
        self.staff.record_error(summary)
        self.insights.end_visit("error")
        self.idle.reset_visit()

    def _stop_on_signals(self) -> None:
        """Ctrl+C in a terminal and `systemctl stop` end the kiosk cleanly (exit 130 / 143); so does
        closing a normal window (exit 0; in kiosk mode the lockdown refuses close requests)."""
        self._stop_signals = StopSignals(self.quit, parent=self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.lastWindowClosed.connect(self._on_last_window_closed)
        self._hooks_installed = True

    @Slot()
    def _on_last_window_closed(self) -> None:
        log.info("the kiosk window was closed")
        self.quit(0)

    def quit(self, code: int) -> None:
        log.info("kiosk closing with exit code %d", code)
        self.insights.close()
        self.lockdown.release()
        QCoreApplication.exit(code)

    def close(self) -> None:
        """Undo the global hooks and write the last statistics (tests, and the end of `kiosk run`)."""
        self.insights.close()
        self.crash.uninstall()
        self.lockdown.release()
        if self._stop_signals is not None:
            self._stop_signals.close()
            self._stop_signals = None
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self.lockdown)
        if isinstance(app, QGuiApplication) and self._hooks_installed:
            app.lastWindowClosed.disconnect(self._on_last_window_closed)
            self._hooks_installed = False
