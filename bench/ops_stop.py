"""Benchmark: how long `kiosk run` takes to stop on SIGTERM (what `systemctl stop` sends).

Each round starts the kiosk on the bundled exhibition, waits until it reports READY=1 (its first
frame is on screen) through a NOTIFY_SOCKET this bench listens on, sends SIGTERM and measures
until the process has exited. A kiosk still running 15 s after SIGTERM counts as a hang and is
killed. Runs in both test rigs: offscreen (Qt's basic render loop) and on a real X display
(Xvfb, Mesa OpenGL, Qt's threaded render loop: what kiosks in the field run).

Prints one JSON object: per rig the median and longest stop, how many took longer than 2 s
(target: none, 100 rounds of 100 within 2 s), hangs, and the exit codes seen (143 expected).

    .venv/bin/python bench/ops_stop.py                 # 100 rounds in each rig
    .venv/bin/python bench/ops_stop.py --rounds 5 --rig x11
"""

from __future__ import annotations

import argparse
import collections
import json
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ops_common import notify_environment, rig_environment, wait_ready  # noqa: E402  (after the path is set)

TARGET_S = 2.0
HANG_S = 15.0
READY_TIMEOUT_S = 60.0


def one_stop(command: list[str], env: dict[str, str], server: socket.socket,
             log_path: Path) -> tuple[float | None, int | None]:
    """Start, wait for READY=1, SIGTERM: the seconds to exit (None: a hang) and the exit code."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT)
    try:
        if not wait_ready(server, READY_TIMEOUT_S, process):
            raise RuntimeError("the kiosk never reported READY=1:\n"
                               + log_path.read_text(errors="replace")[-3000:])
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(HANG_S)
        except subprocess.TimeoutExpired:
            return None, None
        return time.monotonic() - sent, code
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def measure(rig: str, rounds: int, content: Path, windowed: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kiosk-stop-bench-") as temporary, \
            rig_environment(rig) as base:
        folder = Path(temporary)
        server, env = notify_environment(base, folder)
        command = [sys.executable, "-m", "kiosk.cli", "run", str(content.resolve())]
        if windowed:
            command.append("--windowed")
        times: list[float] = []
        codes: collections.Counter[str] = collections.Counter()
        hangs = 0
        for number in range(rounds):
            seconds, code = one_stop(command, env, server, folder / f"kiosk-{number}.log")
            if seconds is None:
                hangs += 1
                codes["hang"] += 1
                continue
            times.append(seconds)
            codes[str(code)] += 1
        server.close()
    return {
        "rounds": rounds,
        "stop_median_s": round(statistics.median(times), 3) if times else None,
        "stop_max_s": round(max(times), 3) if times else None,
        "over_2s": sum(1 for seconds in times if seconds > TARGET_S) + hangs,
        "hangs": hangs,
        "exit_codes": dict(codes),
        "within_target": f"{sum(1 for seconds in times if seconds <= TARGET_S)} of {rounds}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--rig", choices=("offscreen", "x11", "both"), default="both")
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of kiosk mode")
    args = parser.parse_args()
    rigs = ("offscreen", "x11") if args.rig == "both" else (args.rig,)
    result: dict[str, object] = {"bench": "ops_stop", "target_s": TARGET_S,
                                 "mode": "windowed" if args.windowed else "kiosk"}
    for rig in rigs:
        result[rig] = measure(rig, args.rounds, args.content, args.windowed)
    measured = [figures for rig, figures in result.items() if rig in rigs and isinstance(figures, dict)]
    result["meets_target"] = all(figures["over_2s"] == 0 and figures["exit_codes"] == {"143": args.rounds}
                                 for figures in measured)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
