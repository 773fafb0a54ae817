"""Bench: memory over many random visitor moves, films included, offscreen or on a real X display.

Moves are random Navigator calls (open a floor, a section, an exhibit, a film, back, home,
language, back to attract), each waited on until the screen is fully shown. Resting memory is
read on the attract loop once the kiosk has handed back the memory of the visit (as between two
visitors): after a warm-up (caches full, every view type loaded once) and at the end. The peak
is the largest resident size from the first move to the last (the kernel's VmHWM, so a picture
decoded between two samples counts too).

Targets: resting growth < 10 MB over 10,000 moves; peak < 300 MB offscreen. The real-display
peak is printed as well (the real-display rig draws with OpenGL, whose textures are memory here).

    --rig offscreen   Qt's offscreen platform with software drawing, like the tests (default)
    --rig x11         starts Xvfb and runs the same moves there: xcb, Mesa's OpenGL and Qt's
                      threaded render loop, as on a kiosk in the field

Prints one JSON line. Usage: python bench/ui_memory.py [--moves N] [--seed S] [--rig offscreen|x11]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import Xvfb, content, memory_mb, offscreen, reset_peak, rss_mb, stop_process

TARGET_GROWTH_MB = 10
TARGET_PEAK_MB = 300  # offscreen


def resting(kiosk: Any, nav: Any) -> dict[str, float]:
    """Memory at rest: back on the attract loop, as between two visitors, once the kiosk has
    handed back the memory of the visit (KioskWindow.RELEASE_DELAY_MS after the move)."""
    nav.resetToAttract()
    kiosk.settle()
    gc.collect()
    kiosk.wait_until(lambda: False, kiosk.RELEASE_DELAY_MS + 400)
    return memory_mb()


def measure(args: argparse.Namespace) -> dict[str, Any]:
    if args.rig == "offscreen":
        offscreen()
    else:
        from kiosk.app.memory import configure_malloc

        configure_malloc()  # as `kiosk run` does
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow

    exhibition, root, name = content()
    app = QGuiApplication(sys.argv[:1])
    kiosk = KioskWindow(exhibition, root, reduced_motion=True)
    kiosk.window.show()
    kiosk.settle()
    nav = kiosk.navigator
    rng = random.Random(args.seed)
    floors = [floor.id for floor in exhibition.floors]
    sections = [s.id for floor in exhibition.floors for s in floor.sections]
    exhibits = list(exhibition.exhibits())
    videos = [e.id for e in exhibition.exhibits().values() if e.type == "video"]
    languages = list(exhibition.settings.languages)
    moves = [
        (10, lambda: nav.openFloor(rng.choice(floors))),
        (10, lambda: nav.openSection(rng.choice(sections))),
        (30, lambda: nav.openExhibit(rng.choice(exhibits))),
        (10, lambda: nav.openExhibit(rng.choice(videos)) if videos else nav.home()),
        (20, nav.back),
        (6, nav.home),
        (4, lambda: nav.setLanguage(rng.choice(languages))),
        (2, nav.resetToAttract),
        (8, nav.touch),
    ]
    actions = [action for weight, action in moves for _ in range(weight)]
    video_opens = 0
    baseline: dict[str, float] = {}
    series: list[float] = []
    reset_peak()
    started = time.monotonic()
    for number in range(args.warmup + args.moves):
        if number == args.warmup:
            baseline = resting(kiosk, nav)
            started = time.monotonic()
        rng.choice(actions)()
        if nav.property("place")["exhibit"] in videos:
            video_opens += 1
        kiosk.settle()
        app.processEvents()
        if number >= args.warmup and (number - args.warmup) % 1000 == 999:
            series.append(round(rss_mb(), 1))
    elapsed = time.monotonic() - started
    peak = memory_mb()["peak"]
    final = resting(kiosk, nav)
    figures = {
        "bench": "ui_memory",
        "rig": args.rig,
        "content": name,
        "moves": args.moves,
        "video_screens_shown": video_opens,
        "rss_after_warmup_mb": baseline["rss"],
        "rss_end_mb": final["rss"],
        "growth_mb": round(final["rss"] - baseline["rss"], 1),
        "growth_own_memory_mb": round(final["anon"] - baseline["anon"], 1),
        "growth_file_pages_mb": round(final["file"] - baseline["file"], 1),
        "rss_every_1000_moves_mb": series,
        "peak_rss_mb": peak,
        "moves_per_s": round(args.moves / elapsed, 1),
        "target_growth_mb": TARGET_GROWTH_MB,
    }
    if args.rig == "offscreen":
        figures["target_peak_mb"] = TARGET_PEAK_MB
    print(json.dumps(figures), flush=True)
    if args.on_display:
        os._exit(0)  # figures are out; the parent ends this process if it does not end itself
    kiosk.close()
    return figures


def on_xvfb(args: argparse.Namespace) -> None:
    """Run the moves in a child process on a fresh Xvfb; print its figures and how it stopped.

    The child is stopped with SIGTERM, then SIGKILL, if it has not ended by itself shortly after
    printing its figures: a kiosk that hangs while closing must not hang the bench."""
    command = [sys.executable, __file__, "--moves", str(args.moves), "--warmup", str(args.warmup),
               "--seed", str(args.seed), "--rig", "x11", "--on-display"]
    deadline = time.monotonic() + 120 + (args.moves + args.warmup) * 3
    with Xvfb() as display:
        child = subprocess.Popen(command, env=display.env(), stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        figures: dict[str, Any] | None = None
        while figures is None and time.monotonic() < deadline:
            ready, _, _ = select.select([child.stdout], [], [], 5)
            if ready:
                line = child.stdout.readline()
                if not line:
                    break  # the child ended without figures
                if line.startswith("{"):
                    figures = json.loads(line)
        try:
            child.wait(10)
            ended = {"exit_code": child.returncode, "killed": False}
        except subprocess.TimeoutExpired:
            ended = stop_process(child, deadline_s=5)
    if figures is None:
        print(json.dumps({"bench": "ui_memory", "rig": "x11", "error": "no figures", "ended": ended}))
        sys.exit(1)
    figures["ended"] = ended
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rig", choices=("offscreen", "x11"), default="offscreen")
    parser.add_argument("--on-display", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rig == "x11" and not args.on_display:
        on_xvfb(args)
    else:
        measure(args)


if __name__ == "__main__":
    main()
