"""Bench: memory after many random visitor moves, videos included (target growth < 10 MB).

Moves are random Navigator calls (open a floor, a section, an exhibit, back, home, language,
back to attract), each waited on until the screen is fully shown. RSS is read after a warm-up
(caches full, every view type loaded once) and at the end. Prints one JSON object.
Usage: python bench/ui_memory.py [--moves N] [--seed S]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import content, offscreen, rss_mb


def resting_rss(kiosk: Any, nav: Any) -> float:
    """RSS at rest: back on the attract loop, as between two visitors, once the kiosk has
    handed back the memory of the visit (KioskWindow.RELEASE_DELAY_MS after the move)."""
    nav.resetToAttract()
    kiosk.settle()
    gc.collect()
    kiosk.wait_until(lambda: False, kiosk.RELEASE_DELAY_MS + 400)
    return rss_mb()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    offscreen()
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow

    exhibition, root, name = content()
    app = QGuiApplication(sys.argv[:1])
    kiosk = KioskWindow(exhibition, root, reduced_motion=True)
    kiosk.window.show()
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
    baseline = 0.0
    series: list[float] = []
    started = time.monotonic()
    for number in range(args.warmup + args.moves):
        if number == args.warmup:
            baseline = resting_rss(kiosk, nav)
            started = time.monotonic()
        rng.choice(actions)()
        if nav.property("place")["exhibit"] in videos:
            video_opens += 1
        kiosk.settle()
        app.processEvents()
        if number >= args.warmup and (number - args.warmup) % 1000 == 999:
            series.append(round(rss_mb(), 1))
    final = resting_rss(kiosk, nav)
    elapsed = time.monotonic() - started
    print(json.dumps({
        "bench": "ui_memory",
        "content": name,
        "moves": args.moves,
        "video_screens_shown": video_opens,
        "rss_after_warmup_mb": round(baseline, 1),
        "rss_end_mb": round(final, 1),
        "growth_mb": round(final - baseline, 1),
        "rss_every_1000_moves_mb": series,
        "moves_per_s": round(args.moves / elapsed, 1),
        "target_growth_mb": 10,
    }, indent=2))
    kiosk.close()


if __name__ == "__main__":
    main()
