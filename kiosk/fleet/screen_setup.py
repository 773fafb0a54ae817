"""Putting this screen's settings to work in `kiosk run`: start place, languages, orientation,
idle time, volume, the statistics file, and the health metrics.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path
from typing import Any

from kiosk.fleet.screen_config import ScreenConfig, ScreenSettings, load_screen_config, resolve_screen_file

log = logging.getLogger("kiosk.screen")

INTERVAL_VARIABLE = "KIOSK_METRICS_INTERVAL_S"


def screen_name(settings: ScreenSettings) -> str:
    """The name monitoring shows for this screen: the settings' `name`, else the host name."""
    return settings.name or socket.gethostname() or "kiosk"


def load_for_run(given: Path | None, exhibition: Any | None) -> ScreenConfig:
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
    """Keyword arguments for Operations from the screen settings."""
    from kiosk.ops.operations import Timings

    return {"timings": Timings(idle_seconds=settings.idle_seconds),
            "screen_name": screen_name(settings), "insights_db": settings.insights_db}


def apply_to_window(kiosk: Any, settings: ScreenSettings) -> Any | None:
    """Start place and languages on the Navigator; the picture turned for the mounting."""
    kiosk.navigator.set_screen_settings(settings.start, settings.languages)
    if settings.orientation == "landscape":
        return None
    from kiosk.fleet.orientation import ScreenRotation

    return ScreenRotation(kiosk.window, settings.orientation, kiosk.theme)


def apply_volume(operations: Any, volume: float | None) -> None:
    """The volume every visitor starts with (staff can still change it in the staff panel)."""
    if volume is None:
        return
    if operations.playback is not None:
        operations.playback.setProperty("volume", volume)
    operations.idle.set_default_volume(volume)
    operations.staff.update_status(volume=volume)


def recheck_after_reload(operations: Any, config: ScreenConfig) -> None:
    """After each content swap, say if the screen settings no longer fit the new content."""
    if config.path is None:
        return

    def recheck(exhibition: Any) -> None:
        for problem in load_screen_config(config.path, exhibition).errors:
            log.error("%s (kept the default)", problem.format())

    operations.reloader.swapped.connect(recheck)


def write_interval_ms() -> int:
    """How often the metrics are written: 15 s, or KIOSK_METRICS_INTERVAL_S (tests, fleets)."""
    from kiosk.fleet.health import WRITE_INTERVAL_MS

    try:
        seconds = float(os.environ.get(INTERVAL_VARIABLE, ""))
    except ValueError:
        return WRITE_INTERVAL_MS
    return max(50, round(seconds * 1000)) if seconds > 0 else WRITE_INTERVAL_MS


def start_health(
    operations: Any, kiosk: Any, content_root: Path, settings: ScreenSettings, shown_root: Path
) -> Any:
    from kiosk.fleet.health import Health
    from kiosk.fleet.metrics import default_metrics_file

    metrics_file = settings.metrics_file or default_metrics_file()
    health = Health(operations, kiosk.window, content_root, screen=screen_name(settings),
                    metrics_file=metrics_file, shown_root=shown_root, interval_ms=write_interval_ms())
    log.info("health metrics for screen %r in %s", health.screen, metrics_file)
    return health
