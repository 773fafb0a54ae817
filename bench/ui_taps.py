"""Bench: a finger on the screen to the next screen painted, over many taps (target p95 < 50 ms).

Taps are synthesized touch events on the real QML: floor tile, section card, exhibit card,
then Back three times, again and again. For each tap the time runs from the touch release
(the finger's press) to the first frame swapped that shows the new screen, and to the end of
the screen transition; the frame times while the screen
transition runs are collected too. Prints one JSON object.
Usage: python bench/ui_taps.py [--taps N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import REPO, content, offscreen

sys.path.insert(0, str(REPO))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--taps", type=int, default=500)
    args = parser.parse_args()
    offscreen()
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.app.screens import KioskWindow
    from tests.ui_helpers import walk

    exhibition, root, name = content()
    app = QGuiApplication(sys.argv[:1])
    kiosk = KioskWindow(exhibition, root)
    window = kiosk.window
    window.show()
    device = QTest.createTouchDevice()
    swaps: list[float] = []
    kiosk.swaps.swapped.connect(lambda: swaps.append(time.perf_counter()))  # on the GUI thread
    kiosk.navigator.touch()
    kiosk.settle()
    del app

    def target(predicate) -> QPointF:  # type: ignore[no-untyped-def]
        for item in walk(window.contentItem()):
            if item.property("accessibleName") and predicate(item):
                return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        raise RuntimeError("nothing to tap")

    floors = [floor.id for floor in exhibition.floors]
    round_trip = ["floor", "section", "exhibit", "back", "back", "back"]
    latencies: list[float] = []
    frame_gaps: list[float] = []
    settled: list[float] = []
    turn = 0
    while len(latencies) < args.taps:
        step = round_trip[turn % len(round_trip)]
        cycle = turn // len(round_trip)
        turn += 1
        words = kiosk.navigator.property("words")
        if step == "floor":
            floor = exhibition.floors[cycle % len(floors)]
            label = f"{words['floor'].format(number=floor.number)} "
            point = target(lambda item, label=label: str(item.property("accessibleName"))
                           .startswith(label))
        elif step == "back":
            point = target(lambda item, back=words["back"]: item.property("accessibleName") == back)
        else:
            kind = "SectionCard" if step == "section" else "ExhibitCard"
            cards = [item for item in walk(window.contentItem())
                     if item.metaObject().className().startswith(kind)]
            card = cards[cycle % len(cards)]
            point = card.mapToScene(QPointF(card.width() / 2, min(card.height() / 2, 200)))
        before = kiosk.navigator.property("place")
        start = len(swaps)
        tapped = time.perf_counter()
        QTest.touchEvent(window, device, False).press(0, point.toPoint(), window).commit()
        QTest.touchEvent(window, device, False).release(0, point.toPoint(), window).commit()
        if kiosk.navigator.property("place") == before:
            raise RuntimeError(f"tap on {step} changed nothing")
        kiosk.wait_until(lambda start=start: len(swaps) > start)
        latencies.append((swaps[start] - tapped) * 1000)
        kiosk.wait_until(kiosk.shows_current_place)
        settled.append((time.perf_counter() - tapped) * 1000)
        kiosk.settle()
        frame_gaps += [(b - a) * 1000 for a, b in zip(swaps[start:], swaps[start + 1:], strict=False)]
    kiosk.close()
    print(json.dumps({
        "bench": "ui_taps",
        "content": name,
        "taps": len(latencies),
        "tap_to_next_frame_ms": {
            "p50": round(percentile(latencies, 0.5), 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "max": round(max(latencies), 1),
        },
        "tap_to_transition_end_ms": {
            "p50": round(percentile(settled, 0.5), 1),
            "p95": round(percentile(settled, 0.95), 1),
            "designed_transition_ms": 250,
        },
        "transition_frame_ms": {
            "p50": round(percentile(frame_gaps, 0.5), 1),
            "p95": round(percentile(frame_gaps, 0.95), 1),
            "mean": round(statistics.fmean(frame_gaps), 1),
        },
        "renderer": "software, offscreen 1920x1080",
        "target_p95_ms": 50,
    }, indent=2))


if __name__ == "__main__":
    main()
