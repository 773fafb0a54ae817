"""Bench: read-aloud mode, from an exhibit opening to its reading starting, and what reading costs.

The kiosk is built as `kiosk run` builds it (`assemble`, offscreen), once with Qt's `mock`
engine and once with Speech Dispatcher (`speechd`, espeak-ng's voices). For Speech Dispatcher the
bench starts a daemon of its own that plays to ALSA's null device (a machine without a sound card
otherwise never finishes a sentence); with a sound card the audio path differs, the synthesis not.

Figures per engine: the engine's start (`Speech.prepare`, on the GUI thread: `kiosk run` does it
once after the first frame), then for every exhibit without a narration, in both languages: the
time from `openExhibit` to the engine saying it speaks (p50/p95/max), and the CPU seconds the
kiosk process and the speech daemon with its voice module used per second of reading, once the
exhibit is on screen. The mock engine has no Chinese voice: it reads the English visit only.

Prints one JSON line.
Usage: python bench/speech.py [--engines mock,speechd] [--exhibits N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import REPO, content, offscreen, stop_process

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TICKS = 100.0  # clock ticks per second of /proc/<pid>/stat on Linux


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def process_cpu_s(pid: int) -> float:
    """User and system CPU seconds of one process and its ended children."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / TICKS


def family(pid: int) -> list[int]:
    """A process and its children (the speech daemon and its voice modules)."""
    found = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def start_daemon(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    daemon = shutil.which("speech-dispatcher")
    if daemon is None:
        raise SystemExit("speech-dispatcher is not installed (scripts/system-deps.sh installs it)")
    config = folder / "speechd"
    shutil.copytree("/etc/speech-dispatcher", config)
    with (config / "speechd.conf").open("a", encoding="utf-8") as conf:
        conf.write('\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\n')
    socket = folder / "speechd.sock"
    process = subprocess.Popen([daemon, "-s", "-C", str(config), "-c", "unix_socket", "-S", str(socket),
                                "-P", str(folder / "pid"), "-t", "0", "-L", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not socket.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    return process, f"unix_socket:{socket}"


def run_engine(engine_name: str, limit: int) -> dict[str, Any]:
    import os

    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.app.access import Access
    from kiosk.app.screens import KioskWindow
    from kiosk.app.speech import Speech
    from kiosk.composition import assemble, register_qml_types

    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-speech-"))
    daemon = None
    if engine_name == "speechd":
        daemon, address = start_daemon(folder)
        os.environ["SPEECHD_ADDRESS"] = address
    app = QGuiApplication.instance() or QGuiApplication([])
    register_qml_types()
    exhibition, root, _name = content()
    window = KioskWindow(exhibition, root)
    window.window.show()
    kiosk = assemble(window, root, kiosk_mode=False, snapshot_dir=folder / "last-good", install_hooks=False,
                     display_power=lambda on: None, insights_db=folder / "insights.db",
                     speech_engine=engine_name)
    speech = Speech.for_engine(window.engine)
    window.settle()
    speech.use_engine(None)  # started again here, to time its start
    speech.use_engine(engine_name)
    started = time.perf_counter()
    ready = speech.prepare()
    start_s = time.perf_counter() - started
    tts = speech.engine
    if not ready or tts is None:
        return {"engine": engine_name, "error": "the engine cannot start"}
    kiosk.idle.set_enabled(False)
    window.navigator.touch()
    Access.for_engine(window.engine).set_mode("read-aloud", True)
    exhibits = [e for floor in exhibition.floors for section in floor.sections for e in section.exhibits
                if not e.narration][:limit]
    waits: list[float] = []
    reading_s, kiosk_cpu, daemon_cpu = 0.0, 0.0, 0.0
    for language in exhibition.settings.languages[:2]:
        window.navigator.setLanguage(language)
        for exhibit in exhibits:
            began = time.perf_counter()
            window.navigator.openExhibit(exhibit.id)
            deadline = began + 10
            while tts.state() != QTextToSpeech.State.Speaking and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            if tts.state() == QTextToSpeech.State.Speaking:
                waits.append((time.perf_counter() - began) * 1000)
            window.settle()  # the exhibit on screen: from here on only the reading costs
            pids = family(daemon.pid) if daemon else []
            cpu0, daemon0 = time.process_time(), sum(process_cpu_s(pid) for pid in pids)
            reading0 = time.perf_counter()
            while time.perf_counter() < reading0 + 2.0:  # two seconds of reading, then the next exhibit
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
            reading_s += time.perf_counter() - reading0
            kiosk_cpu += time.process_time() - cpu0
            daemon_cpu += sum(process_cpu_s(pid) for pid in pids) - daemon0
            window.navigator.back()
    kiosk.close()
    window.close()
    stopped = stop_process(daemon) if daemon else {}
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "engine": engine_name,
        "engine_start_s": round(start_s, 3),
        "readings": len(waits), "exhibits": len(exhibits) * 2,
        "open_to_speaking_ms": {"p50": round(percentile(waits, 0.5), 1),
                                "p95": round(percentile(waits, 0.95), 1),
                                "max": round(max(waits), 1)} if waits else None,
        "kiosk_cpu_per_s": round(kiosk_cpu / reading_s, 3) if reading_s else None,
        "speech_daemon_cpu_per_s": round(daemon_cpu / reading_s, 3) if daemon and reading_s else None,
        "daemon_stop": stopped or None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="mock,speechd")
    parser.add_argument("--exhibits", type=int, default=6, help="exhibits read per language")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        offscreen()
        print(json.dumps(run_engine(args.child, args.exhibits)))
        return
    results = []
    for name in args.engines.split(","):  # each engine in a process of its own
        done = subprocess.run([sys.executable, __file__, "--child", name, "--exhibits", str(args.exhibits)],
                              capture_output=True, text=True, timeout=600)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        results.append(json.loads(lines[-1]) if lines else {"engine": name, "error": done.stderr[-400:]})
    print(json.dumps({"bench": "speech", "engines": results}))


if __name__ == "__main__":
    main()
