"""Benchmark: crash-to-attract time under a restarting supervisor.

A small Python supervisor stands in for systemd's Restart=always (RestartSec as in the unit):
it starts the kiosk with NOTIFY_SOCKET pointing at a socket this bench listens on, and starts
it again whenever it exits. Each round kills the kiosk with SIGKILL and measures until the new
process reports READY=1, which the kiosk sends once its first frame (the attract loop) is on
screen. It does so offscreen and on a real X display (Xvfb, Mesa's OpenGL, Qt's threaded render
loop), and prints one JSON object with the figures of each. Target: under 3 s.

The child is `kiosk run` itself when it starts the operations (`--child-mode auto`, the default);
`--child-mode self` runs the same start-up from this file (the kiosk window, the operations,
READY=1 on the first frame).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ops_common import notify_environment, rig_environment, wait_ready  # noqa: E402  (after the path is set)

TARGET_S = 3.0


def child(root: Path) -> int:
    """The kiosk as `kiosk run` starts it, with its operations (used with --child-mode self)."""
    sys.path.insert(0, str(REPO))
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.placement import place_window
    from kiosk.app.screens import KioskWindow
    from kiosk.base.logs import route_qt_messages, setup_logging
    from kiosk.composition import Startup, assemble, register_qml_types
    from kiosk.ops.snapshot import load_for_startup

    setup_logging()
    startup = load_for_startup(root)
    app = QGuiApplication(sys.argv[:1])
    route_qt_messages()
    register_qml_types()
    window = KioskWindow(startup.shown.exhibition, startup.root.resolve())
    place_window(window.window, app, argparse.Namespace(screen=0, windowed=False, size=None))
    kiosk = assemble(window, root.resolve(), kiosk_mode=True,
                     startup=Startup(startup.from_snapshot, startup.current.problems))
    code = app.exec()
    kiosk.close()
    window.shut_down()
    return int(code)


class Supervisor(threading.Thread):
    """Restart=always: start the command again `restart_sec` after every exit."""

    def __init__(self, command: list[str], env: dict[str, str], restart_sec: float) -> None:
        super().__init__(daemon=True)
        self.command, self.env, self.restart_sec = command, env, restart_sec
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = False
        self.starts = 0

    def run(self) -> None:
        while not self.stopping:
            self.process = subprocess.Popen(self.command, env=self.env, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
            self.starts += 1
            self.process.wait()
            if not self.stopping:
                time.sleep(self.restart_sec)

    def stop(self) -> None:
        self.stopping = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def measure(rig: str, args: argparse.Namespace) -> dict[str, object]:
    """Kill the kiosk `args.rounds` times under the supervisor; the figures of one rig."""
    with tempfile.TemporaryDirectory(prefix="kiosk-crash-bench-") as temporary, \
            rig_environment(rig) as base:
        folder = Path(temporary)
        server, env = notify_environment(base, folder)
        if args.child_mode == "self":
            command = [sys.executable, __file__, "--child", str(args.content.resolve())]
        else:
            command = [sys.executable, "-m", "kiosk.cli", "run", str(args.content.resolve())]
        supervisor = Supervisor(command, env, args.restart_sec)
        start = time.monotonic()
        supervisor.start()
        if not wait_ready(server, 60):
            supervisor.stop()
            return {"error": "the kiosk never reported READY=1"}
        first_start = time.monotonic() - start
        times: list[float] = []
        for _ in range(args.rounds):
            process = supervisor.process
            assert process is not None
            killed_at = time.monotonic()
            os.kill(process.pid, signal.SIGKILL)
            if not wait_ready(server, 60):
                break
            times.append(time.monotonic() - killed_at)
        supervisor.stop()
        server.close()
    if not times:
        return {"error": "no restart reported READY=1"}
    return {
        "rounds": len(times),
        "first_start_s": round(first_start, 2),
        "crash_to_attract_p50_s": round(statistics.median(times), 2),
        "crash_to_attract_max_s": round(max(times), 2),
        "startup_without_restart_delay_p50_s": round(statistics.median(times) - args.restart_sec, 2),
        "meets_target": max(times) < TARGET_S,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--restart-sec", type=float, default=1.0, help="as RestartSec= in the unit")
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--rig", choices=("offscreen", "x11", "both"), default="both",
                        help="offscreen, a real X display (Xvfb, OpenGL, threaded render loop), or both")
    parser.add_argument("--child-mode", choices=("auto", "kiosk-run", "self"), default="auto",
                        help="auto: `kiosk run` when it assembles the operations, else this file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    if args.child_mode == "auto":
        run_source = (REPO / "kiosk" / "composition.py").read_text(encoding="utf-8")
        args.child_mode = "kiosk-run" if "kiosk = assemble(" in run_source else "self"

    result: dict[str, object] = {"bench": "ops_crash", "child": args.child_mode,
                                 "restart_sec": args.restart_sec, "target_s": TARGET_S}
    rigs = ("offscreen", "x11") if args.rig == "both" else (args.rig,)
    for rig in rigs:
        result[rig] = measure(rig, args)
    print(json.dumps(result))
    failed = any("error" in figures for rig, figures in result.items() if rig in rigs
                 and isinstance(figures, dict))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
