"""`kiosk status`: this kiosk's health as monitoring sees it, read from its metrics file.

    $ kiosk status
    floor-3: OK
      content d4b89c757432, valid (checked 14:17:07)
      running since Wed 09:00 (5 h 17 min), restarts 0, memory 260 MB, 42 sessions today, open

Exit codes: 0 healthy, 1 a problem (listed), 2 no metrics file (the kiosk never ran here, or
writes its metrics somewhere else: see --metrics and the screen settings' metrics_file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from kiosk.base.durations import format_duration
from kiosk.fleet.exposition import ExpositionError, Sample, parse
from kiosk.fleet.metrics import default_metrics_file
from kiosk.fleet.screen_config import load_screen_config, resolve_screen_file

STALE_SECONDS = 60.0
MEMORY_LIMIT_MB = 1500.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `kiosk status`."""
    parser.add_argument("--metrics", type=Path, metavar="FILE",
                        help="the metrics file (default: the screen settings' metrics_file, "
                        "else $XDG_STATE_HOME/kiosk/metrics/kiosk.prom)")
    parser.add_argument("--screen-config", type=Path, metavar="FILE",
                        help="this screen's settings (default: $XDG_CONFIG_HOME/kiosk/screen.yaml)")
    parser.add_argument("--json", action="store_true", help="print the status as JSON")
    parser.add_argument("--stale-seconds", type=float, default=STALE_SECONDS, metavar="S",
                        help=f"a file older than this means the kiosk is not running ({STALE_SECONDS:.0f})")
    parser.add_argument("--memory-limit-mb", type=float, default=MEMORY_LIMIT_MB, metavar="MB",
                        help=f"more memory than this is a problem ({MEMORY_LIMIT_MB:.0f})")


def metrics_path(args: argparse.Namespace) -> Path:
    if args.metrics is not None:
        return Path(args.metrics)
    settings = load_screen_config(resolve_screen_file(args.screen_config)).settings
    return settings.metrics_file or default_metrics_file()


def _clock_time(stamp: float) -> str:
    return dt.datetime.fromtimestamp(stamp).strftime("%H:%M:%S") if stamp > 0 else "never"


def power_failures(devices: list[Sample]) -> list[str]:
    """A problem line for each display or projector whose last switch failed."""
    return [f"the display power switch of {sample.labels.get('device', '?')} "
            f"({sample.labels.get('method', '?')}) failed the last time: see the kiosk's log, "
            "and run `kiosk doctor` on the screen" for sample in devices if sample.value == 0]


def judge(metrics: dict[str, Sample], now: float, stale_seconds: float,
          memory_limit_mb: float, devices: list[Sample] | None = None) -> tuple[list[str], list[str]]:
    """Problem lines and information lines for one screen's metrics (`devices`: the samples of
    kiosk_display_power_ok, one per display or projector)."""

    def value(name: str) -> float:
        sample = metrics.get(name)
        return sample.value if sample is not None else 0.0

    problems: list[str] = []
    written = value("kiosk_metrics_written_timestamp_seconds")
    age = now - written
    if value("kiosk_up") == 0:
        problems.append(f"the kiosk is not running: it closed at {_clock_time(written)}")
    elif age > stale_seconds:
        problems.append(f"metrics file not updated for {format_duration(age)}: the kiosk is not running "
                        "(or is stuck)")
    info = metrics.get("kiosk_content_info")
    shown = info.labels.get("shown", "") if info else ""
    latest = info.labels.get("latest", "") if info else ""
    errors = int(value("kiosk_content_errors"))
    if value("kiosk_content_valid") == 0:
        problems.append(f"content folder has {errors} error(s) (version {latest}); "
                        f"visitors still see {shown or 'the Back soon screen'}: run `kiosk validate`")
    unexpected = int(value("kiosk_unexpected_errors_total"))
    if unexpected:
        problems.append(f"{unexpected} unexpected error(s) since the start; see the kiosk's log")
    memory_mb = value("kiosk_memory_rss_bytes") / 1024 / 1024
    if memory_mb > memory_limit_mb:
        problems.append(f"memory {memory_mb:.0f} MB is above {memory_limit_mb:.0f} MB")
    problems.extend(power_failures(devices or []))

    lines = [f"content {shown or 'none'}"
             + (f", new content {latest} waits for the attract loop"
                if value("kiosk_content_valid") and latest and latest != shown else "")
             + f" (checked {_clock_time(value('kiosk_content_last_check_timestamp_seconds'))})"]
    started = value("kiosk_start_time_seconds")
    since = f"{dt.datetime.fromtimestamp(started):%a %H:%M}"
    running = (f"running since {since} ({format_duration(now - started)})"
               if not problems or not problems[0].startswith(("the kiosk is", "metrics file not"))
               else f"last started {dt.datetime.fromtimestamp(started):%a %H:%M}")
    lines.append(
        f"{running}, "
        f"restarts {int(value('kiosk_restarts_total'))}, memory {memory_mb:.0f} MB, "
        f"{int(value('kiosk_sessions_today'))} sessions today, "
        f"{'open' if value('kiosk_open') else 'closed'}")
    return problems, lines


def main(args: argparse.Namespace) -> int:
    path = metrics_path(args)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        print(f"kiosk status: no metrics file at {path}: the kiosk has not run here yet, "
              "or writes its metrics elsewhere (--metrics FILE)", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"kiosk status: cannot read {path}: {error.strerror or error}", file=sys.stderr)
        return 2
    try:
        exposition = parse(text)
        screens = exposition.by_screen()
    except ExpositionError as error:
        print(f"kiosk status: {path} is not a valid metrics file: {error}", file=sys.stderr)
        return 1
    if not screens:
        print(f"kiosk status: {path} holds no metrics", file=sys.stderr)
        return 1
    now = time.time()
    report: list[dict[str, Any]] = []
    for screen, metrics in sorted(screens.items()):
        devices = [sample for sample in exposition.samples if sample.name == "kiosk_display_power_ok"
                   and sample.labels.get("screen", "") == screen]
        problems, lines = judge(metrics, now, args.stale_seconds, args.memory_limit_mb, devices)
        report.append({"screen": screen, "healthy": not problems, "problems": problems, "info": lines,
                       "metrics": {name: sample.value for name, sample in metrics.items()
                                   if name != "kiosk_display_power_ok"},
                       "display_power": [{"device": sample.labels.get("device", ""),
                                          "method": sample.labels.get("method", ""),
                                          "ok": bool(sample.value)} for sample in devices],
                       "file": str(path)})
    if args.json:
        print(json.dumps(report if len(report) > 1 else report[0], indent=2, ensure_ascii=False))
    else:
        for entry in report:
            print(f"{entry['screen']}: {'OK' if entry['healthy'] else 'PROBLEM'}")
            for line in entry["problems"]:
                print(f"  problem: {line}")
            for line in entry["info"]:
                print(f"  {line}")
    return 0 if all(entry["healthy"] for entry in report) else 1
