"""Bench: `kiosk run` from process start to the attract loop's first frame with its picture.

Each run starts a fresh Python process that runs the real command (`kiosk.cli.main(["run", ...])`,
the composition root, offscreen at 1920x1080) with a fresh state folder, config folder and no
screen settings. Times are taken from just before the process is started to:

    imports      `kiosk.cli` and `kiosk.composition` imported
    content      the content checked and its checked copy made (`load_for_startup`)
    qml          the window and its QML built (`KioskWindow`)
    operations   the operations parts around the window (`assemble`)
    first_frame  the first frame swapped (what systemd hears as READY=1)
    picture      the first frame swapped after the attract loop's first picture was decoded:
                 the screen a visitor walking past would see

and the peak resident size (VmHWM) at that last frame. `--state kept` keeps one state folder for
all runs (as a kiosk that restarts: its last good copy and its media answers already there); the
default `fresh` is a kiosk's first start. Qt's QML cache folder is shared by all runs, as on a
kiosk (a first run, not counted, fills it). `--tree DIR` runs the kiosk from another copy of the
source (e.g. `git archive HEAD | tar -x -C /tmp/before`), `--against DIR` alternates runs of this
tree and DIR and prints both.

Prints one JSON object. Usage: python bench/ui_cold_start.py [--runs N] [--state fresh|kept]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import OFFSCREEN, REPO

PHASES = ("interpreter", "imports", "content", "qml", "operations", "first_frame", "picture")
TIMEOUT_S = 60
OPEN_TIME = dt.datetime(2026, 6, 9, 11, 0)
"""A Tuesday morning: the bundled exhibition is open, so the kiosk starts on its attract loop."""


def peak_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(root: Path) -> None:
    """In the measured process: run `kiosk run`, print the marks at the first picture frame, exit."""
    marks: dict[str, float] = {"python": time.monotonic()}
    import kiosk.cli
    import kiosk.composition as composition

    marks["imports"] = time.monotonic()

    def timed(name: str, function: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            value = function(*args, **kwargs)
            marks[name] = time.monotonic()
            return value
        return run

    composition.load_for_startup = timed("content", composition.load_for_startup)
    composition.KioskWindow = timed("qml", composition.KioskWindow)
    assemble = timed("operations", composition.assemble)

    def watched(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("clock", lambda: OPEN_TIME)  # the attract loop, not the closed screen
        kiosk = assemble(*args, **kwargs)
        kiosk.hours.refresh()  # Hours looked at the real clock when Main.qml made it
        watch(kiosk, marks)
        return kiosk

    composition.assemble = watched
    code = kiosk.cli.main(["run", str(root), "--windowed", "--size", "1920x1080"])
    print(json.dumps({"error": f"kiosk run ended with {code} before its first picture"}), flush=True)
    os._exit(1)


def watch(kiosk: Any, marks: dict[str, float]) -> None:
    from PySide6.QtQuick import QQuickItem

    window = kiosk.kiosk_window.window
    state = {"decoded": False}

    def decoded(item: QQuickItem) -> bool:
        if not item.isVisible():
            return False
        if item.metaObject().className().startswith("QQuickImage") and item.property("progress") == 1.0 \
                and item.property("source").toString():
            return True
        return any(decoded(child) for child in item.childItems())

    def picture_decoded() -> bool:
        """A picture of the attract loop is decoded and would be drawn (a visual item, not hidden)."""
        return window.property("shownScreen") == "attract" and decoded(window.contentItem())

    def on_frame() -> None:
        marks.setdefault("first_frame", time.monotonic())
        if state["decoded"]:
            marks["picture"] = time.monotonic()
            marks["peak_mib"] = peak_mib()
            print(json.dumps(marks), flush=True)
            os._exit(0)  # the figures are out; closing the kiosk is not part of its start
        if picture_decoded():
            state["decoded"] = True
            window.update()  # the frame that shows it

    kiosk.kiosk_window.swaps.swapped.connect(on_frame)


def environment(base: Path, cache: Path, tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": f"offscreen:configfile={OFFSCREEN}",
        "QT_QUICK_BACKEND": "software",
        "XDG_STATE_HOME": str(base / "state"),
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_CACHE_HOME": str(cache),
        "PYTHONPATH": str(tree),
    })
    env.pop("QML_DISK_CACHE", None)
    env.pop("QML_DISABLE_DISK_CACHE", None)
    return env


def one_run(tree: Path, root: Path, base: Path, cache: Path) -> dict[str, float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, __file__, "--child", str(root)], cwd=tree,
                            env=environment(base, cache, tree), capture_output=True, text=True,
                            timeout=TIMEOUT_S)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    marks = json.loads(lines[-1]) if lines else {"error": result.stderr[-2000:]}
    if "error" in marks:
        raise SystemExit(f"the kiosk did not start: {marks['error']}")
    times = {"interpreter": marks["python"] - started}
    previous = marks["python"]
    for phase in PHASES[1:]:
        times[phase] = marks[phase] - previous
        previous = marks[phase]
    return {"total_s": marks["picture"] - started, "ready_s": marks["first_frame"] - started,
            **{f"{phase}_s": value for phase, value in times.items()}, "peak_mib": marks["peak_mib"]}


def summary(runs: list[dict[str, float]]) -> dict[str, Any]:
    def median(key: str) -> float:
        return round(statistics.median(run[key] for run in runs), 3)

    return {
        "runs": len(runs),
        "start_to_picture_s_median": median("total_s"),
        "start_to_picture_s_best": round(min(run["total_s"] for run in runs), 3),
        "start_to_first_frame_s_median": median("ready_s"),
        "phases_s_median": {phase: median(f"{phase}_s") for phase in PHASES},
        "peak_mib_median": round(statistics.median(run["peak_mib"] for run in runs), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--state", choices=("fresh", "kept"), default="fresh")
    parser.add_argument("--tree", type=Path, default=REPO, help="the source tree to run the kiosk from")
    parser.add_argument("--against", type=Path, help="another source tree, run alternately")
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    trees = {"this": args.tree.resolve()}
    if args.against:
        trees["against"] = args.against.resolve()
    work = Path(tempfile.mkdtemp(prefix="kiosk-cold-start-"))
    try:
        caches = {name: work / f"cache-{name}" for name in trees}
        kept = {name: work / f"kept-{name}" for name in trees}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for number in range(args.runs + 1):
            for name, tree in trees.items():
                base = kept[name] if args.state == "kept" else work / f"run-{name}-{number}"
                figures = one_run(tree, args.content.resolve(), base, caches[name])
                if number > 0:  # the first run fills the QML cache (and the kept state)
                    runs[name].append(figures)
        report: dict[str, Any] = {"bench": "ui_cold_start", "state": args.state, "content": str(args.content)}
        for name, tree in trees.items():
            report[name] = {"tree": str(tree), **summary(runs[name])}
        print(json.dumps(report, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
