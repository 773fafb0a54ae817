"""Benchmark: what health monitoring costs the kiosk.

- one metrics write as the kiosk does it every 15 s: gather the figures (resident memory from
  /proc), render the Prometheus text, write a temporary file and rename it;
- the content version read after each content check: the git commit (bundled content, in this
  repository) and the content hash of a copy outside git;
- frame tracking, per frame: the tracker alone, and with the Qt signal that calls it.

Prints one JSON object (medians; microseconds unless named otherwise).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def median_us(run: object, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        run()  # type: ignore[operator]
        timings.append(time.perf_counter_ns() - start)
    return round(statistics.median(timings) / 1000, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writes", type=int, default=2000)
    parser.add_argument("--frames", type=int, default=200_000)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

    from kiosk.content.version import content_version
    from kiosk.fleet.frames import FrameTracker
    from kiosk.fleet.metrics import METRIC_NAMES, memory_rss_bytes, render, write_atomic

    def figures() -> dict[str, object]:
        values: dict[str, object] = {name: 1.0 for name in METRIC_NAMES}
        values["kiosk_build_info"] = (1, {"version": "0.1.0"})
        values["kiosk_content_info"] = (1, {"shown": "3f9c2a1b7d04", "latest": "3f9c2a1b7d04"})
        values["kiosk_memory_rss_bytes"] = memory_rss_bytes()
        values["kiosk_metrics_written_timestamp_seconds"] = time.time()
        return values

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "kiosk.prom"
        write_us = median_us(lambda: write_atomic(target, render("floor-3", figures())), args.writes)  # type: ignore[arg-type]
        render_us = median_us(lambda: render("floor-3", figures()), args.writes)  # type: ignore[arg-type]
        size = target.stat().st_size
        copy = Path(folder) / "content"
        shutil.copytree(REPO / "content", copy)
        git_us = median_us(lambda: content_version(REPO / "content"), 200)
        hash_ms = median_us(lambda: content_version(copy), 20) / 1000

    tracker = FrameTracker(60)
    now = 0.0
    start = time.perf_counter_ns()
    for _ in range(args.frames):
        now += 1 / 60
        tracker.frame(now)
    tracker_us = (time.perf_counter_ns() - start) / args.frames / 1000

    class Window(QObject):
        frameSwapped = Signal()

    QCoreApplication.instance() or QCoreApplication([])
    window = Window()
    live = FrameTracker(60)
    window.frameSwapped.connect(lambda: live.frame(), Qt.ConnectionType.DirectConnection)
    start = time.perf_counter_ns()
    for _ in range(args.frames):
        window.frameSwapped.emit()
    signal_us = (time.perf_counter_ns() - start) / args.frames / 1000

    print(json.dumps({
        "metrics_write_us": write_us,
        "metrics_render_us": render_us,
        "metrics_file_bytes": size,
        "content_version_git_us": git_us,
        "content_version_hash_ms": round(hash_ms, 2),
        "frame_tracker_us_per_frame": round(tracker_us, 3),
        "frame_tracker_with_signal_us_per_frame": round(signal_us, 3),
        "frame_budget_share_at_60hz_percent": round(signal_us / (1e6 / 60) * 100, 4),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
