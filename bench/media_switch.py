"""Memory over many film and narration switches on the kiosk's one media player.

Switches the Playback source between two films and a narration N times (play, then stop each
time, as visitors do going from exhibit to exhibit) and prints JSON: resident memory before and
after, and the growth in MB. The target is under 10 MB of growth for 2000 switches.

    python bench/media_switch.py [--switches 2000] [--content content]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;*.warning=false")

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QVideoSink

from kiosk.app.playback import Playback

TARGET_MB = 10.0


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def media_files(content: Path) -> list[Path]:
    """Two films and a narration from the content folder."""
    films = sorted((content / "media").rglob("*.mp4"))[:2]
    narrations = sorted((content / "media").rglob("*.wav"))[:1]
    if len(films) < 2 or not narrations:
        raise SystemExit(f"need two .mp4 films and a .wav narration under {content}/media")
    return [*films, *narrations]


def switch_once(playback: Playback, source: str) -> bool:
    """Open a source, wait until it plays (or fails), stop. True if it played."""
    loop = QEventLoop()
    playback.visitorMediaStarted.connect(loop.quit)
    playback.errorTextChanged.connect(loop.quit)
    QTimer.singleShot(5000, loop.quit)
    playback.open(source, False)
    playback.play()
    if not playback.property("playing"):
        loop.exec()
    played = bool(playback.property("playing"))
    playback.visitorMediaStarted.disconnect(loop.quit)
    playback.errorTextChanged.disconnect(loop.quit)
    playback.stop()
    return played


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--content", type=Path, default=Path("content"))
    args = parser.parse_args()

    app = QGuiApplication(sys.argv[:1])
    playback = Playback()
    sink = QVideoSink()  # stands in for the VideoOutput of the film exhibit: frames are decoded
    playback.setProperty("videoOutput", sink)
    sources = [QUrl.fromLocalFile(str(path.resolve())).toString() for path in media_files(args.content)]
    for index in range(args.warmup):
        switch_once(playback, sources[index % len(sources)])
    app.processEvents()
    before = rss_mb()
    started = time.perf_counter()
    played = 0
    checkpoints: list[float] = []
    quarter = max(1, args.switches // 4)
    for index in range(args.switches):
        played += switch_once(playback, sources[index % len(sources)])
        if (index + 1) % quarter == 0:
            checkpoints.append(round(rss_mb(), 1))
    app.processEvents()
    after = rss_mb()
    seconds = time.perf_counter() - started
    growth = after - before
    print(
        json.dumps(
            {
                "benchmark": "media_switch",
                "switches": args.switches,
                "played": played,
                "sources": [Path(QUrl(source).toLocalFile()).name for source in sources],
                "rss_before_mb": round(before, 1),
                "rss_after_mb": round(after, 1),
                "growth_mb": round(growth, 2),
                "rss_each_quarter_mb": checkpoints,
                "growth_after_first_quarter_mb": round(after - checkpoints[0], 2) if checkpoints else None,
                "target_mb": TARGET_MB,
                "within_target": growth < TARGET_MB,
                "ms_per_switch": round(seconds * 1000 / max(1, args.switches), 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
