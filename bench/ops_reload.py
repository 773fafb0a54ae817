"""Benchmark: save-to-visible content reload time while the kiosk shows the attract loop, and the
cost of the checked copy visitors are shown.

A copy of the bundled exhibition runs offscreen with its operations, started as `kiosk run` starts
it (from its checked copy). Each round edits the title in exhibition.yaml and measures, through
the file watcher, the 300 ms debounce, the check on a worker thread, the new checked copy and the
swap on attract, until the Navigator shows the new title, and until the next frame is on screen.
Then, in a fresh process, the checked copy of the bundled exhibition is made with a 1.5 GB stray
file (sparse) in the folder: its time and the process's peak memory. Prints one JSON object;
times in milliseconds. Target: reload under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


SNAPSHOT_CHILD = """
import json, sys, time
from pathlib import Path
from kiosk.ops.snapshot import check_and_copy


def peak_rss_mb() -> float:  # this process's own peak (VmHWM), not the parent's it was forked from
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


content, destination = Path(sys.argv[1]), Path(sys.argv[2])
start = time.monotonic()
first = check_and_copy(content, destination)
first_ms = (time.monotonic() - start) * 1000
start = time.monotonic()
again = check_and_copy(content, destination)
again_ms = (time.monotonic() - start) * 1000
copied = sum(path.stat().st_size for path in first.root.rglob("*") if path.is_file())
print(json.dumps({"valid": first.root is not None and again.root == first.root,
                  "first_ms": round(first_ms, 1), "unchanged_ms": round(again_ms, 1),
                  "copied_mb": round(copied / 1024 / 1024, 1),
                  "peak_rss_mb": round(peak_rss_mb(), 1)}))
"""


def snapshot_figures(source: Path, stray_gb: float) -> dict[str, object]:
    """Make the checked copy of `source` plus a sparse stray file, in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="kiosk-snapshot-bench-") as temporary:
        content = Path(temporary) / "content"
        shutil.copytree(source, content)
        with (content / "media" / "stray-disk-image.img").open("wb") as stray:
            stray.truncate(int(stray_gb * 1024 ** 3))
        outcome = subprocess.run(
            [sys.executable, "-c", SNAPSHOT_CHILD, str(content), str(Path(temporary) / "last-good")],
            capture_output=True, text=True, check=False,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    if outcome.returncode != 0:
        return {"error": outcome.stderr.strip().splitlines()[-1:]}
    figures: dict[str, object] = json.loads(outcome.stdout)
    figures["stray_gb"] = stray_gb
    return figures


def main() -> int:
    if os.environ.get("KIOSK_BENCH_LOG"):
        import logging

        logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--stray-gb", type=float, default=1.5)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    from kiosk.app.screens import KioskWindow
    from kiosk.composition import assemble, register_qml_types
    from kiosk.ops.snapshot import load_for_startup

    with tempfile.TemporaryDirectory(prefix="kiosk-reload-bench-") as temporary:
        content = Path(temporary) / "content"
        shutil.copytree(args.content, content)
        original = (content / "exhibition.yaml").read_text(encoding="utf-8")
        snapshot = Path(temporary) / "snap"
        startup = load_for_startup(content, snapshot)
        exhibition = startup.shown.exhibition
        assert exhibition is not None and not startup.from_snapshot, "the bundled content must be valid"
        register_qml_types()
        kiosk = KioskWindow(exhibition, startup.root)
        kiosk.window.show()
        operations = assemble(kiosk, content, kiosk_mode=False, snapshot_dir=snapshot,
                              install_hooks=False, display_power=lambda on: None)
        assert kiosk.settle()
        english_title = str(kiosk.navigator.property("title"))
        loaded: list[float] = []
        visible: list[float] = []
        for edit in range(args.edits):
            marker = f"{english_title} (edit {edit})"
            changed = original.replace(english_title, marker, 1)
            start = time.monotonic()
            (content / "exhibition.yaml").write_text(changed, encoding="utf-8")
            if not kiosk.wait_until(lambda m=marker: kiosk.navigator.property("title") == m, 10_000):
                shown = kiosk.navigator.property("title")
                print(json.dumps({"error": f"edit {edit} never showed", "title": shown, "marker": marker}))
                return 1
            loaded.append((time.monotonic() - start) * 1000)
            kiosk.wait_for_frame()
            visible.append((time.monotonic() - start) * 1000)
            if not kiosk.navigator.content_root.is_relative_to(snapshot):
                print(json.dumps({"error": f"edit {edit} is not shown from its checked copy"}))
                return 1
        operations.close()
        kiosk.close()
    del app
    result = {
        "bench": "ops_reload",
        "edits": args.edits,
        "debounce_ms": 300,
        "loaded_p50_ms": round(statistics.median(loaded), 1),
        "loaded_p95_ms": round(percentile(loaded, 0.95), 1),
        "visible_p50_ms": round(statistics.median(visible), 1),
        "visible_p95_ms": round(percentile(visible, 0.95), 1),
        "visible_max_ms": round(max(visible), 1),
        "target_ms": 1000,
        "meets_target": percentile(visible, 0.95) < 1000,
        "snapshot": snapshot_figures(args.content, args.stray_gb),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
