"""The running kiosk's health, written as Prometheus metrics for the fleet's monitoring.

    health = Health(kiosk, kiosk_window.window, content_root, screen="floor-3",
                    metrics_file=Path("/var/lib/node_exporter/textfile/kiosk.prom"))

`kiosk` is the running kiosk (`kiosk.composition.Kiosk`): its session, startup, reloader, crash
handler and opening hours.

The file is written at start, after every content check and swap, every 15 seconds, and once
more when the kiosk closes (with kiosk_up 0). A file that stops changing means the kiosk is
not running: `kiosk status` and the Grafana dashboard look at its age.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

from kiosk import __version__
from kiosk.app.screens import FrameSwaps
from kiosk.content.load import LoadResult
from kiosk.content.model import Exhibition
from kiosk.content.version import content_version
from kiosk.fleet.frames import FrameTracker
from kiosk.fleet.metrics import Sample, memory_rss_bytes, render, write_atomic
from kiosk.fleet.screen_state import ScreenState

if TYPE_CHECKING:
    from kiosk.content.errors import ContentError
    from kiosk.ops.crash import CrashHandler
    from kiosk.ops.hours import Hours
    from kiosk.ops.reload import ContentReloader
    from kiosk.session import ExhibitionSession

log = logging.getLogger("kiosk.health")

WRITE_INTERVAL_MS = 15_000


class StartedWith(Protocol):
    """What the kiosk started with (`kiosk.composition.Startup`)."""

    @property
    def from_snapshot(self) -> bool: ...

    @property
    def problems(self) -> Sequence[ContentError]: ...


class MonitoredKiosk(Protocol):
    """The parts of the running kiosk (`kiosk.composition.Kiosk`) the health metrics read."""

    @property
    def startup(self) -> StartedWith: ...

    @property
    def session(self) -> ExhibitionSession: ...

    @property
    def reloader(self) -> ContentReloader: ...

    @property
    def crash(self) -> CrashHandler: ...

    @property
    def hours(self) -> Hours: ...


class Health(QObject):
    """Collects the kiosk's figures from its parts and window and writes the metrics file."""

    def __init__(
        self,
        kiosk: MonitoredKiosk,
        window: QQuickWindow,
        content_root: Path,
        *,
        screen: str,
        metrics_file: Path,
        shown_root: Path | None = None,
        state: ScreenState | None = None,
        interval_ms: int = WRITE_INTERVAL_MS,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.kiosk = kiosk
        self.content_root = content_root.absolute()  # a link switched by each pull is followed
        self.screen = screen
        self.metrics_file = metrics_file
        self.clock = clock
        self.state = state or ScreenState.for_screen(screen)
        self.restarts = self.state.count_start()
        self.started = clock()
        self.up = True
        self._write_failed = False

        startup = kiosk.startup
        problems = [problem for problem in startup.problems if problem.is_error]
        self.valid = not problems
        self.errors = len(problems)
        self.latest = content_version(self.content_root)
        self.shown = self._startup_shown(kiosk.session.exhibition is not None,
                                         startup.from_snapshot, shown_root)
        self.last_check = self.started
        self.last_reload = self.started if self.shown else 0.0
        self._pending_version = ""

        self.frames = FrameTracker()
        screen_object = window.screen()
        if screen_object is not None:
            self.frames.set_refresh_rate(screen_object.refreshRate())
        # Each frame is counted, and its time taken, on the GUI thread when the news that it
        # was swapped arrives there (never on the render thread: see kiosk.app.screens). Every
        # frame really shown is counted. The time comes a little after the swap; the GUI thread
        # is also the one that advances the animations, so when it is too busy to hear of a swap
        # in time, the next frame is late too and the pause is a real one that visitors saw.
        FrameSwaps.of(window).swapped.connect(self._on_frame)

        kiosk.reloader.checked.connect(self._on_checked)
        kiosk.reloader.swapped.connect(self._on_swapped)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.write)
        self._timer.start()
        self.write()

    @Slot()
    def _on_frame(self) -> None:
        self.frames.frame()

    # -- content versions ----------------------------------------------------------------------

    def _startup_shown(self, showing: bool, from_snapshot: bool, shown_root: Path | None) -> str:
        if not showing:
            return ""
        if not from_snapshot:
            self.state.remember_good(self.content_root, self.latest)
            return self.latest
        remembered = self.state.last_good(self.content_root)
        if remembered:
            return remembered
        return content_version(shown_root) if shown_root is not None else ""

    def _on_checked(self, result: LoadResult) -> None:
        self.last_check = self.clock()
        self.errors = sum(1 for problem in result.problems if problem.is_error)
        self.valid = result.exhibition is not None and self.errors == 0
        self.latest = content_version(self.content_root)
        self._pending_version = self.latest if self.valid else ""
        self.write()

    def _on_swapped(self, _exhibition: Exhibition) -> None:
        self.last_reload = self.clock()
        self.shown = self._pending_version or content_version(self.content_root)
        self.state.remember_good(self.content_root, self.shown)
        self.write()

    # -- the figures -----------------------------------------------------------------------

    def sessions_today(self) -> int:
        return int(self.kiosk.session.visits_today())

    def values(self) -> dict[str, Sample | float | list[Sample]]:
        crash, hours = self.kiosk.crash, self.kiosk.hours
        return {
            "kiosk_up": 1 if self.up else 0,
            "kiosk_build_info": (1, {"version": __version__}),
            "kiosk_content_info": (1, {"shown": self.shown, "latest": self.latest}),
            "kiosk_content_valid": 1 if self.valid else 0,
            "kiosk_content_errors": self.errors,
            "kiosk_content_last_reload_timestamp_seconds": round(self.last_reload, 3),
            "kiosk_content_last_check_timestamp_seconds": round(self.last_check, 3),
            "kiosk_sessions_today": self.sessions_today(),
            "kiosk_unexpected_errors_total": int(crash.count),
            "kiosk_start_time_seconds": round(self.started, 3),
            "kiosk_restarts_total": self.restarts,
            "kiosk_memory_rss_bytes": memory_rss_bytes(),
            "kiosk_frames_total": self.frames.frames,
            "kiosk_frame_drops_total": self.frames.drops,
            "kiosk_open": 1 if hours.is_open else 0,
            "kiosk_display_power_ok": [(1 if ok else 0, {"device": device, "method": method})
                                       for device, method, ok in hours.display_power_states()],
            "kiosk_metrics_written_timestamp_seconds": round(self.clock(), 3),
        }

    def write(self) -> bool:
        """Write the metrics file now; a failure is logged once and never stops the kiosk."""
        try:
            write_atomic(self.metrics_file, render(self.screen, self.values()))
        except OSError as error:
            if not self._write_failed:
                log.warning("cannot write the metrics file %s: %s", self.metrics_file, error)
            self._write_failed = True
            return False
        if self._write_failed:
            log.info("metrics file %s written again", self.metrics_file)
        self._write_failed = False
        return True

    def close(self) -> None:
        """The kiosk is closing: say so in the file (kiosk_up 0) and stop writing."""
        self._timer.stop()
        self.up = False
        self.write()
