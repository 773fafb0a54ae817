"""Bench: process start to the first painted frame of the kiosk (target < 0.5 s).

Each run starts a fresh Python process that loads the content, builds the QML window and
exits on its first `frameSwapped`; the time is taken from just before the process is
started. Prints one JSON object. Usage: python bench/ui_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import REPO, content, offscreen, rss_mb


def child(root: Path) -> None:
    marks = {"python": time.monotonic()}
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow
    from kiosk.content.load import load_exhibition

    marks["imports"] = time.monotonic()
    exhibition = load_exhibition(root).exhibition
    marks["content"] = time.monotonic()
    app = QGuiApplication(sys.argv[:1])
    kiosk = KioskWindow(exhibition, root)
    marks["qml"] = time.monotonic()

    def first_frame() -> None:
        marks["frame"] = time.monotonic()
        marks["rss_mb"] = rss_mb()
        print(json.dumps(marks))
        app.exit(0)

    kiosk.swaps.swapped.connect(first_frame)  # on the GUI thread
    kiosk.window.show()
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", type=Path)
    args = parser.parse_args()
    offscreen()
    if args.child:
        child(args.child)
        return
    _, root, name = content()
    runs = []
    for _ in range(args.runs):
        started = time.monotonic()
        result = subprocess.run([sys.executable, __file__, "--child", str(root)], cwd=REPO,
                                capture_output=True, text=True, check=True)
        marks = json.loads(result.stdout.strip().splitlines()[-1])
        runs.append({
            "first_frame_s": marks["frame"] - started,
            "interpreter_s": marks["python"] - started,
            "imports_s": marks["imports"] - marks["python"],
            "content_s": marks["content"] - marks["imports"],
            "qml_s": marks["qml"] - marks["content"],
            "to_frame_s": marks["frame"] - marks["qml"],
            "rss_mb": marks["rss_mb"],
        })
    def median(key: str) -> float:
        return round(statistics.median(run[key] for run in runs), 3)

    print(json.dumps({
        "bench": "ui_startup",
        "content": name,
        "runs": len(runs),
        "first_frame_s_median": median("first_frame_s"),
        "first_frame_s_best": round(min(run["first_frame_s"] for run in runs), 3),
        "phases_s_median": {key: median(key) for key in
                            ("interpreter_s", "imports_s", "content_s", "qml_s", "to_frame_s")},
        "rss_mb_at_first_frame": median("rss_mb"),
        "target_s": 0.5,
    }, indent=2))


if __name__ == "__main__":
    main()
