"""Bench: the 3D model exhibit in the x11-gl rig: how long the sample crane takes to open, and the
frame times while a visitor turns it.

The bundled exhibition is shown as `kiosk run` shows it (Xvfb, Mesa's OpenGL, Qt Quick's threaded
render loop). The crane exhibit is opened from the Navigator; the figures are the time to the
model loaded (`modelStatus` ready) and to the first frame swapped after that. Then the object is
turned a little every frame, as a drag does, and the time between swapped frames is collected.
Frames are counted through `FrameSwaps`, on the GUI thread: no Python runs on the render thread.

Prints one JSON line.
Usage: python bench/model_view.py [--frames N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import REPO, Xvfb

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

EXHIBIT = "gantry-crane"
TIMEOUT_S = 30.0


def _wait(app: Any, done: Any, timeout_s: float = TIMEOUT_S) -> float:
    """Process events until `done()`; the time it took in ms."""
    started = time.perf_counter()
    while not done():
        if time.perf_counter() - started > timeout_s:
            raise SystemExit(f"gave up after {timeout_s:.0f} s")
        app.processEvents()
        time.sleep(0.001)
    return (time.perf_counter() - started) * 1000


def child(frames: int, rounds: int) -> dict[str, Any]:
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import FrameSwaps, KioskWindow
    from kiosk.content.load import load_exhibition

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    content = REPO / "content"
    exhibition = load_exhibition(content).exhibition
    assert exhibition is not None
    kiosk = KioskWindow(exhibition, content, reduced_motion=True)
    kiosk.window.show()
    _wait(app, kiosk.settled)
    swaps = FrameSwaps.of(kiosk.window)
    opened: list[dict[str, float]] = []
    intervals: list[float] = []
    for _ in range(rounds):
        kiosk.navigator.touch()
        started = time.perf_counter()
        kiosk.navigator.openExhibit(EXHIBIT)
        view: list[Any] = []

        def ready(view: list[Any] = view) -> bool:
            found = kiosk.current_screen().property("view")
            if found is not None and found.property("modelStatus") == "ready":
                view[:] = [found]
                return True
            return False

        loaded = _wait(app, ready)
        before = swaps.count
        first = loaded + _wait(app, lambda before=before: swaps.count > before)
        opened.append({"loaded_ms": loaded, "first_frame_ms": first,
                       "total_ms": (time.perf_counter() - started) * 1000})
        # turn it as a drag does: a little more before every frame
        view[0].setProperty("autoTurn", False)
        last = time.perf_counter()
        for step in range(frames):
            view[0].setProperty("yaw", -35 + step * 2)
            count = swaps.count
            _wait(app, lambda count=count: swaps.count > count)
            now = time.perf_counter()
            intervals.append((now - last) * 1000)
            last = now
        kiosk.navigator.back()
        _wait(app, kiosk.settled)
    kiosk.close()

    def summary(values: list[float]) -> dict[str, float]:
        ordered = sorted(values)
        return {"median": round(statistics.median(ordered), 1),
                "p95": round(ordered[int(len(ordered) * 0.95) - 1], 1), "max": round(ordered[-1], 1)}

    return {
        "open_first_round": {key: round(value, 1) for key, value in opened[0].items()},
        "open_later_rounds_median_ms": {key: round(statistics.median(round_[key] for round_ in opened[1:]), 1)
                                        for key in opened[0]} if len(opened) > 1 else None,
        "turning_frame_ms": summary(intervals),
        "turning_fps": round(1000 / statistics.median(intervals), 1),
        "frames": len(intervals),
        "model_bytes": (content / "media/achievements/gantry-crane.glb").stat().st_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.frames, args.rounds)), flush=True)
        return
    with Xvfb() as server:
        command = [sys.executable, __file__, "--child", "--frames", str(args.frames),
                   "--rounds", str(args.rounds)]
        process = subprocess.run(command, cwd=REPO, env=server.env(), stdout=subprocess.PIPE, text=True,
                                 check=False, timeout=300)
    lines = process.stdout.strip().splitlines()
    if process.returncode != 0 or not lines:
        raise SystemExit(f"the bench child failed (exit code {process.returncode})")
    figures = json.loads(lines[-1])
    print(json.dumps({"bench": "model_view", "rig": "x11-gl",
                      "rig_note": "OpenGL (Mesa llvmpipe, no GPU), threaded render loop, Xvfb 1920x1080",
                      **figures}))


if __name__ == "__main__":
    main()
