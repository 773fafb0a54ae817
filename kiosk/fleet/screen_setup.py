"""Putting this screen's settings to work in `kiosk run` (kiosk.composition): start place,
languages, orientation, idle time, volume, the statistics file, the display and projector power,
and the health metrics; and, after each content reload, whether the settings still fit the new
content.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.fleet.screen_config import ScreenConfig, ScreenSettings, load_screen_config, resolve_screen_file
from kiosk.session import ExhibitionChanged, ExhibitionSession

if TYPE_CHECKING:
    from kiosk.app.screens import KioskWindow
    from kiosk.content.model import Exhibition
    from kiosk.fleet.health import Health, MonitoredKiosk
    from kiosk.fleet.orientation import ScreenRotation
    from kiosk.ops.idle import Idle
    from kiosk.ops.staff import Staff

    # For the type checker only: the health metrics (and Qt) load when they start.
    class RunningKiosk(MonitoredKiosk, Protocol):
        """The parts of the running kiosk (`kiosk.composition.Kiosk`) the screen settings reach."""

        @property
        def kiosk_window(self) -> KioskWindow: ...

        @property
        def idle(self) -> Idle: ...

        @property
        def staff(self) -> Staff: ...


log = logging.getLogger("kiosk.screen")

INTERVAL_VARIABLE = "KIOSK_METRICS_INTERVAL_S"


def screen_name(settings: ScreenSettings) -> str:
    """The name monitoring shows for this screen: the settings' `name`, else the host name."""
    return settings.name or socket.gethostname() or "kiosk"


def load_for_run(given: Path | None, exhibition: Exhibition | None) -> ScreenConfig:
    """This screen's settings; every problem printed for staff and logged (the kiosk runs on)."""
    config = load_screen_config(resolve_screen_file(given), exhibition)
    for problem in config.problems:
        print(problem.format(), file=sys.stderr)
        log.error("%s", problem.format())
    if config.errors:
        print(f"kiosk run: {len(config.errors)} problem(s) in the screen settings; "
              "those settings keep their defaults", file=sys.stderr)
    if config.path is not None and not config.problems:
        log.info("screen settings from %s", config.path)
    return config


def operations_options(settings: ScreenSettings) -> dict[str, Any]:
    """Keyword arguments for `kiosk.composition.assemble` from the screen settings."""
    from kiosk.ops.display_power import DisplayPower
    from kiosk.ops.timings import Timings

    return {"timings": Timings(idle_seconds=settings.idle_seconds),
            "screen_name": screen_name(settings), "insights_db": settings.insights_db,
            "display_power": DisplayPower(settings.display_power or [])}


def apply_to_window(kiosk_window: KioskWindow, settings: ScreenSettings) -> ScreenRotation | None:
    """Start place and languages on the Navigator; the picture turned for the mounting."""
    kiosk_window.navigator.set_screen_settings(settings.start, settings.languages)
    if settings.orientation == "landscape":
        return None
    from kiosk.fleet.orientation import ScreenRotation

    return ScreenRotation(kiosk_window.window, settings.orientation, kiosk_window.theme)


def apply_volume(kiosk: RunningKiosk, volume: float | None) -> None:
    """The volume every visitor starts with (staff can still change it in the staff panel)."""
    if volume is None:
        return
    kiosk.idle.set_volume(volume)
    kiosk.staff.update_status(volume=volume)


def recheck_after_reload(session: ExhibitionSession, config: ScreenConfig) -> None:
    """From now on, each time other content is shown, say if the screen settings no longer fit it."""
    if config.path is None:
        return
    path = config.path

    def recheck(event: ExhibitionChanged) -> None:
        for problem in load_screen_config(path, event.exhibition).errors:
            log.error("%s (kept the default)", problem.format())

    session.subscribe(ExhibitionChanged, recheck)


def write_interval_ms() -> int:
    """How often the metrics are written: 15 s, or KIOSK_METRICS_INTERVAL_S (tests, fleets)."""
    from kiosk.fleet.health import WRITE_INTERVAL_MS

    try:
        seconds = float(os.environ.get(INTERVAL_VARIABLE, ""))
    except ValueError:
        return WRITE_INTERVAL_MS
    return max(50, round(seconds * 1000)) if seconds > 0 else WRITE_INTERVAL_MS


def start_health(kiosk: RunningKiosk, content_root: Path, settings: ScreenSettings,
                 shown_root: Path) -> Health:
    """The health metrics of the running kiosk (`kiosk.composition.Kiosk`), every 15 seconds."""
    from kiosk.fleet.health import Health
    from kiosk.fleet.metrics import default_metrics_file

    metrics_file = settings.metrics_file or default_metrics_file()
    health = Health(kiosk, kiosk.kiosk_window.window, content_root, screen=screen_name(settings),
                    metrics_file=metrics_file, shown_root=shown_root, interval_ms=write_interval_ms())
    log.info("health metrics for screen %r in %s", health.screen, metrics_file)
    return health
