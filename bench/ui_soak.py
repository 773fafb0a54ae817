"""Bench: a long soak of `kiosk run` on a real X display, driven by random touches and drags.

Starts Xvfb (xcb, Mesa's OpenGL, Qt's threaded render loop, as on a kiosk in the field) and
`kiosk run` on a copy of the content whose idle time and countdown are short and which is open
every day, then sends random taps, double taps and drags with xdotool, many per xdotool call.
After every `--rest-every` touches it stops touching and waits for the kiosk to go back to the
attract loop by itself ("visit ended" in its log) and to hand back the visit's memory, then
reads its resident memory. Reports crashes (is the process still there?), Qt and kiosk warnings
(lines of its output with "warning"), resident memory at rest and its peak, and how the kiosk
stopped (SIGTERM, then SIGKILL after a deadline: a kiosk that hangs on stop is reported, not
waited for). Prints one JSON line.

Usage: python bench/ui_soak.py [--touches 10000] [--rest-every 1000] [--seed 7] [--content DIR]
Needs Xvfb and xdotool (scripts/system-deps.sh).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import REPO, SCREEN, Xvfb, memory_mb, stop_process

IDLE_S = 10  # the shortest idle time the content allows
COUNTDOWN_S = 5
MEDIA_HOLD_S = 60  # a playing film holds the reset off for at most this long
REST_SETTLE_S = 2.0  # after "visit ended": the kiosk hands memory back 0.6 s later
VISIT_ENDED = "visit ended"
STOP_DEADLINE_S = 5.0
EXPECTED = re.compile(r"Couldn't (load|resolve) (va|pipewire)|pa_context_connect\(\) failed"
                      r"|No audio device detected|no sound output found")
"""Messages about the machine, not the kiosk (no VA-API driver, no sound server or device): the
tests' qt_log_ignore list in pyproject.toml, and the kiosk's own note that films play silent."""


def soak_content(source: Path, folder: Path) -> Path:
    """A copy of the content that is open every day, with short idle and countdown times."""
    target = folder / "content"
    shutil.copytree(source, target, symlinks=False)
    settings_file = target / "exhibition.yaml"
    settings = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    settings.pop("hours", None)
    attract = settings.setdefault("attract", {})
    attract.update(idle_seconds=IDLE_S, countdown_seconds=COUNTDOWN_S, max_media_seconds=MEDIA_HOLD_S)
    settings_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def gestures(rng: random.Random, count: int, gap_s: float) -> list[str]:
    """xdotool words for `count` touches: taps (most), double taps and drags, anywhere."""
    width, height = SCREEN
    words: list[str] = []
    for _ in range(count):
        x, y = rng.randrange(width), rng.randrange(height)
        kind = rng.random()
        if kind < 0.72:
            words += ["mousemove", str(x), str(y), "click", "1"]
        elif kind < 0.80:
            words += ["mousemove", str(x), str(y), "click", "--repeat", "2", "--delay", "90", "1"]
        else:
            dx, dy = rng.randint(-700, 700), rng.randint(-300, 300)
            words += ["mousemove", str(x), str(y), "mousedown", "1"]
            for step in (1, 2, 3, 4):
                words += ["sleep", "0.02", "mousemove",
                          str(min(width - 1, max(0, x + dx * step // 4))),
                          str(min(height - 1, max(0, y + dy * step // 4)))]
            words += ["mouseup", "1"]
        words += ["sleep", f"{gap_s:.3f}"]
    return words


def count_lines(path: Path, needle: str) -> int:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    return sum(1 for line in text.splitlines() if needle in line.lower())


def warnings_in(path: Path) -> tuple[int, int, list[str]]:
    """Lines with "warning" in the kiosk's output: all of them, those not about the machine, and
    a few distinct ones of the latter to read."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0, 0, []
    every = [line for line in lines if "warning" in line.lower()]
    found = [line for line in every if not EXPECTED.search(line)]
    distinct: list[str] = []
    for line in found:
        short = re.sub(r"^\S+ \S+ ", "", line)[:200]  # without the time stamp
        if short not in distinct:
            distinct.append(short)
    return len(every), len(found), distinct[:8]


def wait_for_rest(process: subprocess.Popen[Any], log: Path, ended_before: int) -> float | None:
    """Seconds until the kiosk went back to the attract loop by itself; None if it did not."""
    started = time.monotonic()
    deadline = started + IDLE_S + MEDIA_HOLD_S + COUNTDOWN_S + 30
    while time.monotonic() < deadline and process.poll() is None:
        if count_lines(log, VISIT_ENDED) > ended_before:
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--touches", type=int, default=10000)
    parser.add_argument("--rest-every", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=50, help="touches per xdotool call")
    parser.add_argument("--gap", type=float, default=0.12, help="seconds between two touches")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--content", type=Path, default=REPO / "content")
    args = parser.parse_args()
    for program in ("Xvfb", "xdotool"):
        if shutil.which(program) is None:
            raise SystemExit(f"this bench needs {program}: run `bash scripts/system-deps.sh` as root")
    rng = random.Random(args.seed)
    home = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    content = soak_content(args.content, home)
    output = home / "kiosk-output.txt"
    figures: dict[str, Any] = {"bench": "ui_soak", "rig": "x11", "touches_asked": args.touches}
    with Xvfb() as display, output.open("w") as sink:
        env = display.env()
        env.update(XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_CACHE_HOME=str(home / "cache"), PYTHONUNBUFFERED="1")
        started = time.monotonic()
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", str(content)], cwd=REPO,
                                 env=env, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT)
        try:
            figures.update(drive(kiosk, env, output, args, rng, started))
        finally:
            figures["stop"] = stop_process(kiosk, STOP_DEADLINE_S)
    for folder in ("content", "state", "config", "cache"):  # the kiosk's output stays, to read
        shutil.rmtree(home / folder, ignore_errors=True)
    every, unexpected, lines = warnings_in(output)
    figures.update(warnings=every, warnings_not_about_the_machine=unexpected, warning_lines=lines)
    figures["output"] = str(output)
    print(json.dumps(figures))


def drive(kiosk: subprocess.Popen[Any], env: dict[str, str], log: Path, args: argparse.Namespace,
          rng: random.Random, started: float) -> dict[str, Any]:
    """Touch, rest, measure; `log` is the kiosk's output (its log lines included)."""
    window = ""
    while not window and time.monotonic() - started < 60 and kiosk.poll() is None:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(kiosk.pid)],
                               env=env, capture_output=True, text=True, check=False)
        window = found.stdout.split()[-1] if found.stdout.split() else ""
        time.sleep(0.5)
    if not window:
        return {"crashed": kiosk.poll() is not None, "error": "the kiosk showed no window within 60 s"}
    time.sleep(3)  # the first attract slide and its pictures
    figures: dict[str, Any] = {"window_after_s": round(time.monotonic() - started, 1),
                               "rss_start_mb": memory_mb(kiosk.pid)["rss"]}
    rest: list[float] = []
    own: list[float] = []
    rest_waits: list[float | None] = []
    sent = 0
    soak_started = time.monotonic()
    while sent < args.touches and kiosk.poll() is None:
        block = min(args.rest_every, args.touches - sent)
        done = 0
        while done < block and kiosk.poll() is None:
            count = min(args.batch, block - done)
            subprocess.run(["xdotool", *gestures(rng, count, args.gap)], env=env,
                           capture_output=True, check=False, timeout=count * 5 + 30)
            done += count
        sent += done
        if kiosk.poll() is not None:
            break
        ended_before = count_lines(log, VISIT_ENDED)
        waited = wait_for_rest(kiosk, log, ended_before)
        rest_waits.append(None if waited is None else round(waited, 1))
        time.sleep(REST_SETTLE_S)
        if kiosk.poll() is not None:
            break
        memory = memory_mb(kiosk.pid)
        rest.append(memory["rss"])
        own.append(memory["anon"])
    alive = kiosk.poll() is None
    peak = memory_mb(kiosk.pid)["peak"] if alive else None
    return {
        **figures,
        "touches_sent": sent,
        "crashed": not alive,
        "exit_code": None if alive else kiosk.returncode,
        "rest_every_touches": args.rest_every,
        "rss_at_rest_mb": rest,
        "own_memory_at_rest_mb": own,
        "rest_growth_mb": round(rest[-1] - rest[0], 1) if len(rest) > 1 else None,
        "peak_rss_mb": peak,
        "seconds_to_attract_after_each_block": rest_waits,
        "touches_per_s": round(sent / max(1e-6, time.monotonic() - soak_started), 1),
    }


if __name__ == "__main__":
    main()
