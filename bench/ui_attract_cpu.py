"""Bench: CPU and frame rate of the attract loop (target: a quarter of Chromium's CPU on the same loop).

A fresh kiosk process shows the bundled exhibition's attract loop (pictures crossfading with a slow
zoom, the breathing invitation) and, once the first slide is on the screen, measures for N seconds
the CPU time it uses (all its threads, from /proc/self/stat: user + system, as a percentage of one
core) and the frames it swaps per second (counted on the GUI thread through `FrameSwaps`).

Rigs: `offscreen` (software drawing on the GUI thread, like the tests); `x11` (Xvfb, xcb, drawn as
`kiosk run` chooses on this computer: with no graphics processor, Qt Quick's software renderer); and
`x11-gl` (Xvfb with Mesa's OpenGL and Qt's threaded render loop, the real-display test rig). On the
X rigs the X server's own CPU over the same seconds is given apart.
With `--frames DIR` the kiosk also writes a picture of its window every half second after the
measurement, to compare how the loop looks. Prints one JSON line.

Usage: python bench/ui_attract_cpu.py [--rig offscreen|x11|x11-gl|both|all] [--seconds N] [--frames DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import (
    REPO,
    RIG_CHOICES,
    RIGS_HELP,
    SCREEN,
    Xvfb,
    content,
    draw_as_kiosk_run,
    offscreen,
    rigs_of,
)

WARM_UP_S = 1.0
"""After the first slide is on the screen, before measuring: start-up work is not the loop's."""


def cpu_seconds(pid: int | str = "self") -> float:
    """User + system CPU time of a process (all its threads) so far, in seconds."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    # fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(root: Path, seconds: float, frames: Path | None, reduced_motion: bool,
          main_qml: Path | None) -> None:
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow
    from kiosk.content.load import load_exhibition
    from kiosk.ops.qml_types import register_qml_types

    def run_for(ms: float) -> None:  # the event loop, sleeping while there is nothing to do
        loop = QEventLoop()
        QTimer.singleShot(round(ms), loop.quit)
        loop.exec()

    exhibition = load_exhibition(root).exhibition
    app = QGuiApplication(sys.argv[:1])
    drawn = draw_as_kiosk_run()
    register_qml_types()  # as `kiosk run` does: the screens use the operations' singletons
    url = QUrl.fromLocalFile(str(main_qml.resolve())) if main_qml else None
    kiosk = KioskWindow(exhibition, root, size=SCREEN, reduced_motion=reduced_motion, url=url)
    kiosk.window.show()
    if not kiosk.settle():
        raise SystemExit("the attract loop did not settle")
    run_for(WARM_UP_S * 1000)
    print("measuring", flush=True)  # the parent starts counting the X server's CPU here
    swaps, cpu, started = kiosk.swaps.count, cpu_seconds(), time.monotonic()
    run_for(seconds * 1000)
    elapsed = time.monotonic() - started
    used, swapped = cpu_seconds() - cpu, kiosk.swaps.count - swaps
    result: dict[str, Any] = {
        "cpu_percent_of_core": round(100 * used / elapsed, 1),
        "frames_per_s": round(swapped / elapsed, 1),
        "seconds": round(elapsed, 1),
        "drawing": drawn,
    }
    print(json.dumps(result), flush=True)
    if frames is not None:
        frames.mkdir(parents=True, exist_ok=True)
        for shot in range(16):
            run_for(500)
            kiosk.window.grabWindow().save(str(frames / f"attract-{shot:02d}.png"))
    kiosk.shut_down()
    del app


def run_rig(rig: str, root: Path, seconds: float, frames: Path | None, reduced_motion: bool,
            main_qml: Path | None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(root), "--seconds", str(seconds)]
    if main_qml is not None:
        command += ["--main-qml", str(main_qml)]
    if frames is not None:
        command += ["--frames", str(frames / rig)]
    if reduced_motion:
        command.append("--reduced-motion")
    if rig == "offscreen":
        return _measure(command, dict(os.environ), None)
    with Xvfb() as server:
        return _measure(command, server.env(own_choice=rig == "x11"), server.server.process.pid)


def _measure(command: list[str], env: dict[str, str], server_pid: int | None) -> dict[str, Any]:
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    server_cpu = 0.0
    result: dict[str, Any] = {}
    for line in process.stdout:
        if line.strip() == "measuring" and server_pid is not None:
            server_cpu = cpu_seconds(server_pid)
        elif line.startswith("{"):
            result = json.loads(line)
            if server_pid is not None:
                result["x_server_cpu_percent_of_core"] = round(
                    100 * (cpu_seconds(server_pid) - server_cpu) / result["seconds"], 1)
    if process.wait() != 0 or not result:
        raise SystemExit(f"the kiosk ended with {process.returncode} before its figures")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rig", choices=RIG_CHOICES, default="both", help=RIGS_HELP)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--frames", type=Path, help="write pictures of the loop into this folder")
    parser.add_argument("--reduced-motion", action="store_true", help="with less motion (nothing moves)")
    parser.add_argument("--main-qml", type=Path, help="another copy of Main.qml, to compare two versions")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "xcb":  # the x11 rig: keep its OpenGL settings
        from kiosk.app.memory import configure_malloc

        configure_malloc()
    else:
        offscreen()
    if args.child:
        child(args.child, args.seconds, args.frames, args.reduced_motion, args.main_qml)
        return
    _, root, name = content()
    rigs = rigs_of(args.rig)
    figures = {rig: run_rig(rig, root, args.seconds, args.frames, args.reduced_motion, args.main_qml)
               for rig in rigs}
    print(json.dumps({
        "bench": "ui_attract_cpu",
        "content": name,
        "screen": f"{SCREEN[0]}x{SCREEN[1]}",
        "reduced_motion": args.reduced_motion,
        "main_qml": str(args.main_qml or "kiosk/qml/Main.qml"),
        **figures,
        "method": "whole kiosk process, all threads, /proc/self/stat over the seconds after the first "
                  "slide settled; frames counted on the GUI thread",
    }))


if __name__ == "__main__":
    main()
