"""Bench: a 16384 x 16384 plan shown at screen size (targets: < 300 ms, < 100 MB extra).

Measured the way visitors' screens load pictures: a QML Image with a file URL and
`sourceSize` 1920x1080 (Qt decodes the JPEG scaled), then one zoomed-in tile through
`sourceClipRect`; and, for comparison, the Python `image://kiosk` provider directly. The
plan is drawn once (a JPEG, cached under /tmp) by a separate process, so drawing it does not
count. Prints one JSON object.
Usage: python bench/ui_bigimage.py [--side 16384]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import offscreen, rss_mb

CACHE = Path("/tmp/kiosk-bench")


def draw_plan(path: Path, side: int) -> None:
    """A city plan: blocks, streets every 256 px, a river; saved as a JPEG."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(side, side, QImage.Format.Format_RGB888)
    image.fill(QColor("#efe8d8"))
    painter = QPainter(image)
    step = 256
    for row in range(0, side, step):
        for column in range(0, side, step):
            shade = 200 + ((row * 7 + column * 13) // step) % 40
            painter.fillRect(QRect(column + 24, row + 24, step - 48, step - 48),
                             QColor(shade, shade - 20, shade - 50))
    pen = QPen(QColor("#5a87a8"))
    pen.setWidth(side // 40)
    painter.setPen(pen)
    painter.drawLine(0, side // 3, side, side * 2 // 3)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path), "JPEG", 80)


QML = """
import QtQuick
Image {
    asynchronous: true
    fillMode: Image.PreserveAspectFit
    sourceSize.width: 1920
    sourceSize.height: 1080
}
"""


def qml_image(plan: Path) -> dict[str, object]:
    """Load the plan in a QML Image as visitor screens do; time until it is ready."""
    from PySide6.QtCore import QByteArray, QEventLoop, QRectF, QUrl
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(QByteArray(QML.encode()), QUrl("bench.qml"))
    figures: dict[str, object] = {}
    for name, clip in [("screen", None), ("tile", QRectF(4096, 4096, 2048, 2048))]:
        item = component.create()
        if clip is not None:
            item.setProperty("sourceClipRect", clip)
        loop = QEventLoop()
        item.statusChanged.connect(loop.quit)
        before_rss, before_peak = rss_mb(), peak_rss_mb()
        started = time.perf_counter()
        item.setProperty("source", QUrl.fromLocalFile(str(plan)))
        while item.property("progress") < 1.0 and item.property("sourceSize").width() >= 0:
            loop.exec()
            if item.property("paintedWidth") or item.property("implicitWidth"):
                break
        elapsed = (time.perf_counter() - started) * 1000
        figures[name] = {
            "ms": round(elapsed, 1),
            "image": f"{item.property('implicitWidth'):.0f}x{item.property('implicitHeight'):.0f}",
            "extra_rss_mb": round(rss_mb() - before_rss, 1),
            "extra_peak_rss_mb": round(max(0.0, peak_rss_mb() - before_peak), 1),
        }
        item.deleteLater()
    return figures


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", type=int, default=16384)
    parser.add_argument("--draw", type=Path)
    args = parser.parse_args()
    offscreen()
    if args.draw:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication(sys.argv[:1])
        draw_plan(args.draw, args.side)
        del app
        return
    plan = CACHE / f"plan-{args.side}.jpg"
    if not plan.exists():
        subprocess.run([sys.executable, __file__, "--side", str(args.side), "--draw", str(plan)],
                       check=True)
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.images import KioskImageProvider

    app = QGuiApplication(sys.argv[:1])
    results: dict[str, object] = {"qml": qml_image(plan)}
    provider = KioskImageProvider(CACHE)
    provider.requestImage("missing-warm-up.png", QSize(), QSize(64, 64))  # code paths warm
    for name, request in [("screen", ("", QSize(1920, 1080))),
                          ("tile", ("?region=0.25,0.25,0.125,0.125", QSize(1024, 1024)))]:
        suffix, size = request
        before_rss, before_peak = rss_mb(), peak_rss_mb()
        started = time.perf_counter()
        image = provider.requestImage(plan.name + suffix, QSize(), size)
        elapsed = (time.perf_counter() - started) * 1000
        results[f"provider_{name}"] = {
            "ms": round(elapsed, 1),
            "image": f"{image.width()}x{image.height()}",
            "extra_rss_mb": round(rss_mb() - before_rss, 1),
            "extra_peak_rss_mb": round(max(0.0, peak_rss_mb() - before_peak), 1),
        }
        provider.cache.clear()
    del app
    print(json.dumps({
        "bench": "ui_bigimage",
        "file": f"{args.side}x{args.side} JPEG, {plan.stat().st_size / 1e6:.1f} MB",
        **results,
        "targets": {"ms": 300, "extra_mb": 100},
    }, indent=2))


if __name__ == "__main__":
    main()
