"""How many visitor-statistics events the writer takes while the screen animates, and at what cost.

1. Raw: records put as fast as possible (no window); events per second the writer thread commits.
2. With a Qt Quick window animating (offscreen, software rendering): frame intervals without
   events, then with the UI thread putting events at rising rates. A dropped frame is an interval
   longer than twice the median of the quiet run. A visitor makes a few events a minute; the
   kiosk needs tens per second at most.

    .venv/bin/python bench/insights_writer.py [--seconds 2] [--rates 100,1000,10000,50000]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import offscreen

QML = b"""
import QtQuick
Rectangle {
    width: 1920; height: 1080; color: "#20242c"
    Repeater {
        model: 12
        Rectangle {
            required property int index
            x: 120 + index * 140; y: 440; width: 110; height: 110; radius: 16
            color: Qt.hsla(index / 12, 0.6, 0.55, 1)
            RotationAnimation on rotation {
                from: 0; to: 360; duration: 1500 + index * 90; loops: Animation.Infinite
            }
            SequentialAnimation on y {
                loops: Animation.Infinite
                NumberAnimation { to: 200; duration: 700; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 760; duration: 900; easing.type: Easing.InOutQuad }
            }
        }
    }
}
"""


def record(number: int):  # type: ignore[no-untyped-def]
    from kiosk.insights.records import ScreenSeen

    return ScreenSeen("bench-visit", "exhibit", f"exhibit-{number % 40}", 1_780_000_000.0 + number, 4.5, "en")


def raw_rate(folder: Path, count: int) -> tuple[float, int]:
    """Events per second committed when records arrive faster than the disk takes them."""
    from kiosk.insights.writer import InsightsWriter

    writer = InsightsWriter(folder / "raw.db", kiosk="bench", queue_limit=count + 10)
    assert writer.flush()
    records = [record(number) for number in range(count)]
    started = time.perf_counter()
    for item in records:
        writer.put(item)
    assert writer.flush(timeout=120)
    elapsed = time.perf_counter() - started
    writer.close()
    return writer.committed / elapsed, writer.dropped


def frames(app, window, seconds: float, writer=None, rate: int = 0):  # type: ignore[no-untyped-def]
    """Frame intervals (ms) for `seconds` while putting `rate` events per second on the UI thread."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from kiosk.app.screens import FrameSwaps

    stamps: list[float] = []
    swaps = FrameSwaps.of(window).swapped  # heard on the GUI thread, never on the render thread

    def stamp() -> None:
        stamps.append(time.perf_counter())

    swaps.connect(stamp)
    put = [0]
    clock = QElapsedTimer()
    clock.start()
    feeder = QTimer(interval=5)  # like signal handlers: small bursts between frames

    def feed() -> None:
        due = int(rate * clock.elapsed() / 1000) - put[0]
        for _ in range(max(0, due)):
            writer.put(record(put[0]))
            put[0] += 1

    if writer is not None and rate:
        feeder.timeout.connect(feed)
        feeder.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    feeder.stop()
    elapsed = clock.elapsed() / 1000
    swaps.disconnect(stamp)
    intervals = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    return intervals, put[0] / elapsed


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))] if values else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each animated run")
    parser.add_argument("--rates", default="100,1000,5000,10000,20000,50000", help="events per second to try")
    parser.add_argument("--raw", type=int, default=200_000, help="records for the raw run")
    args = parser.parse_args()
    offscreen()
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickView

    from kiosk.insights.writer import InsightsWriter

    folder = Path(tempfile.mkdtemp(prefix="kiosk-insights-bench-"))
    rate, dropped = raw_rate(folder, args.raw)
    print(f"raw: {rate:,.0f} events/s committed by the writer thread "
          f"({args.raw:,} records, {dropped} dropped)")

    app = QGuiApplication(sys.argv)
    view = QQuickView()
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    (folder / "Scene.qml").write_bytes(QML)
    view.setSource(QUrl.fromLocalFile(str(folder / "Scene.qml")))
    view.resize(1920, 1080)
    view.show()
    frames(app, view, 0.5)  # warm up
    quiet, _ = frames(app, view, args.seconds)
    median = statistics.median(quiet)
    limit = 2 * median
    print(f"quiet: {len(quiet)} frames, median {median:.1f} ms, p95 {p95(quiet):.1f} ms, "
          f"dropped {sum(i > limit for i in quiet)}")
    quiet_drops = sum(i > limit for i in quiet)
    smooth = 0
    for wanted in (int(r) for r in args.rates.split(",")):
        writer = InsightsWriter(folder / f"ui-{wanted}.db", kiosk="bench", queue_limit=1_000_000)
        assert writer.flush()
        intervals, put_rate = frames(app, view, args.seconds, writer, wanted)
        started = time.perf_counter()
        writer.flush(timeout=120)
        backlog = time.perf_counter() - started
        writer.close()
        drops = sum(i > limit for i in intervals)
        print(f"{wanted:>7,} events/s wanted: put {put_rate:,.0f}/s, committed {writer.committed:,}, "
              f"dropped {writer.dropped}; frames {len(intervals)}, p95 {p95(intervals):.1f} ms, "
              f"dropped frames {drops}, backlog {backlog * 1000:.0f} ms")
        if drops <= quiet_drops and p95(intervals) <= 2 * p95(quiet):
            smooth = max(smooth, wanted)
    print(f"highest rate tried with no more dropped frames than the quiet run: {smooth:,} events/s")
    view.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
