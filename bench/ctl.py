"""Benchmark: `kiosk ctl` against `kiosk run` at 1920x1080, in each test rig.

The bundled exhibition runs as `kiosk run --windowed --size 1920x1080` in its own process. This
process then asks it, through the control socket:
  - `status`, 50 times: the round trip (median, 95th percentile), and once as a whole
    `kiosk ctl status` command (a new Python process, as an installer types it);
  - `screenshot`, a few times: the round trip until the PNG is written, the time the GUI thread
    spends in grabWindow (blocked), and the time the PNG takes to encode on its worker thread;
  - `status` again, over and over while screenshots are encoded: the slowest answer shows how long
    the GUI thread is kept from other work meanwhile (by the grab, or by the encoder holding the GIL).
Prints one JSON object; times in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ops_common import REPO, notify_environment, rig_environment, wait_ready

from kiosk.fleet.ctl_client import request

READY_TIMEOUT_S = 120.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(command: str, arguments: dict[str, Any] | None, socket_path: Path) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    reply = request(command, arguments, socket_path=socket_path, timeout=60)
    if not reply.get("ok"):
        raise RuntimeError(f"kiosk ctl {command} was refused: {reply.get('error')}")
    return (time.perf_counter() - started) * 1000, reply


def status_while_screenshots(socket_path: Path, folder: Path, shots: int) -> list[float]:
    """Status round trips, back to back, while `shots` screenshots are taken one after another."""
    done = threading.Event()
    times: list[float] = []

    def keep_asking() -> None:
        while not done.is_set():
            times.append(timed("status", None, socket_path)[0])

    asker = threading.Thread(target=keep_asking, daemon=True)
    asker.start()
    for number in range(shots):
        timed("screenshot", {"path": str(folder / f"busy-{number}.png")}, socket_path)
    done.set()
    asker.join()
    return times


def measure(rig: str, content: Path, rounds: int, shots: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="ctl-", dir="/tmp") as temporary, rig_environment(rig) as base:
        folder = Path(temporary)
        if rig == "offscreen":  # one 1920x1080 screen, as in the tests
            base = {**base, "QT_QPA_PLATFORM": f"offscreen:configfile={REPO / 'tests' / 'offscreen.json'}"}
        server, env = notify_environment(base, folder)
        socket_path = folder / "control.sock"
        env["KIOSK_CONTROL_SOCKET"] = str(socket_path)
        log_path = folder / "kiosk.log"
        with log_path.open("wb") as log:
            kiosk = subprocess.Popen(
                [sys.executable, "-m", "kiosk.cli", "run", str(content), "--windowed", "--size", "1920x1080"],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        try:
            if not wait_ready(server, READY_TIMEOUT_S, kiosk):
                raise RuntimeError("the kiosk never reported READY=1:\n" + log_path.read_text()[-3000:])
            status = [timed("status", None, socket_path)[0] for _ in range(rounds)]
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kiosk.cli", "ctl", "status"], env=env, check=True,
                           capture_output=True)
            command_ms = (time.perf_counter() - started) * 1000
            shot_times, grabs, encodes, sizes = [], [], [], set()
            for number in range(shots):
                target = {"path": str(folder / f"shot-{number}.png")}
                elapsed, reply = timed("screenshot", target, socket_path)
                shot_times.append(elapsed)
                grabs.append(float(reply["grab_ms"]))
                encodes.append(float(reply["encode_ms"]))
                sizes.add(f"{reply['width']}x{reply['height']}")
            busy = status_while_screenshots(socket_path, folder, shots)
            request("restart", socket_path=socket_path)
            kiosk.wait(30)
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
                kiosk.wait()
            server.close()
    return {
        "status_median_ms": round(statistics.median(status), 2),
        "status_p95_ms": round(percentile(status, 0.95), 2),
        "kiosk_ctl_status_command_ms": round(command_ms, 1),
        "screenshot_size": sorted(sizes),
        "screenshot_median_ms": round(statistics.median(shot_times), 1),
        "grab_window_median_ms": round(statistics.median(grabs), 1),
        "grab_window_max_ms": round(max(grabs), 1),
        "encode_median_ms": round(statistics.median(encodes), 1),
        "status_during_screenshots_median_ms": round(statistics.median(busy), 2) if busy else None,
        "status_during_screenshots_max_ms": round(max(busy), 1) if busy else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rig", choices=("offscreen", "x11", "both"), default="both")
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--rounds", type=int, default=50, help="status round trips")
    parser.add_argument("--shots", type=int, default=5, help="screenshots")
    args = parser.parse_args()
    rigs = ("offscreen", "x11") if args.rig == "both" else (args.rig,)
    result: dict[str, Any] = {"bench": "ctl"}
    for rig in rigs:
        result[rig] = measure(rig, args.content.resolve(), args.rounds, args.shots)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
