"""Bench: deep zoom of a 16384 x 16384 plan, PNG and JPEG (targets: first view < 300 ms, < 100 MB extra).

For each picture: how long the screen-size copy and the tile pyramid take to make (each in its own
process, as the kiosk makes them), then, in a zoom view (ZoomArea.qml, offscreen, 1920x1080):
the first view once they are made (until the screen-size picture is drawn), the first zoomed-in
view (until its tiles are drawn), and the extra memory while the view pans across the whole
picture at full size, row by row, waiting for the tiles of every step. The plans are drawn once by
libvips and kept in /tmp/kiosk-bench; copies and pyramids go to a fresh cache folder each run.
Prints one JSON object.
Usage: python bench/ui_bigimage.py [--side 16384] [--huge]   (--huge adds a 40000 x 20000 PNG)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import offscreen, rss_mb

PLANS = Path("/tmp/kiosk-bench")
HOST = """
import QtQuick
import "parts"

Window {
    width: 1920
    height: 1080
    visible: true

    ZoomArea {
        objectName: "zoomArea"
        anchors.fill: parent
    }
}
"""


def draw_plan(path: Path, width: int, height: int) -> None:
    """A city plan: blocks between streets every 256 px, fine lines inside each block, a river."""
    import pyvips

    xyz = pyvips.Image.xyz(width, height)
    x, y = xyz[0], xyz[1]
    street = ((x % 256) < 24) | ((y % 256) < 24)
    lines = ((x % 8) == 0) | ((y % 8) == 0)
    shade = ((x / 256).floor() * 7 + (y / 256).floor() * 13) % 40 + 200
    river = ((y - x * (height / 3 / width) - height / 3).abs() < width / 80)
    red = street.ifthenelse(250, lines.ifthenelse(shade - 60, shade))
    blue = river.ifthenelse(168, street.ifthenelse(240, shade - 50))
    plan = red.bandjoin([red - 20, blue]).cast("uchar")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".png":
        plan.pngsave(str(path), compression=6)
    else:
        plan.jpegsave(str(path), Q=85)


def timed_process(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", *args], check=True, stdin=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 2)


def wait(app: Any, condition: Any, timeout_s: float = 120) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the zoom view did not settle")
        app.processEvents()
        time.sleep(0.002)


def images(item: Any) -> list[Any]:
    found = [item] if item.inherits("QQuickImage") else []
    for child in item.childItems():
        found += images(child)
    return found


def drawn(app: Any, area: Any, window: Any) -> None:
    """Wait until every picture in the view is decoded, and one frame is drawn."""
    wait(app, lambda: all(image.property("progress") == 1.0 for image in images(area)))
    window.grabWindow()


def view(app: Any, picture: Path) -> dict[str, object]:
    from PySide6.QtCore import QEvent, QUrl
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuick import QQuickItem

    from kiosk.app.bootstrap import QML_DIR, make_engine

    engine = make_engine(None, picture.parent)
    component = QQmlComponent(engine)
    component.setData(HOST.encode(), QUrl.fromLocalFile(str(QML_DIR / "exhibits" / "bench.qml")))
    window = component.create()
    area = window.findChild(QQuickItem, "zoomArea")
    wait(app, lambda: window.isExposed())
    window.grabWindow()
    before = rss_mb()
    started = time.perf_counter()
    area.setProperty("source", QUrl.fromLocalFile(str(picture)))
    wait(app, lambda: area.property("pictureWidth") > 0)
    drawn(app, area, window)
    first_view = (time.perf_counter() - started) * 1000
    zoom = float(area.property("maxZoom"))
    width, height = float(area.property("pictureWidth")), float(area.property("pictureHeight"))
    started = time.perf_counter()
    area.setProperty("zoomLevel", zoom)
    area.setProperty("panX", -(width * zoom - 1920) / 2)
    area.setProperty("panY", -(height * zoom - 1080) / 2)
    wait(app, lambda: area.property("tileCount") > 0)
    drawn(app, area, window)
    first_zoom = (time.perf_counter() - started) * 1000
    most, steps, tiles = rss_mb(), 0, 0
    rows = max(1, round(height * zoom / 1080))
    for row in range(0, rows, max(1, rows // 6)):  # six rows across, from edge to edge
        for column in range(round(width * zoom / 1920) + 1):
            area.setProperty("panX", -column * 1920.0)
            area.setProperty("panY", -row * 1080.0)
            wait(app, lambda: area.property("tileCount") > 0)
            drawn(app, area, window)
            steps += 1
            tiles = max(tiles, int(area.property("tileCount")))
            most = max(most, rss_mb())
    window.close()
    gone: list[bool] = []
    window.destroyed.connect(lambda *_: gone.append(True))
    window.deleteLater()  # before its engine
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    wait(app, lambda: bool(gone))
    return {"first_view_ms": round(first_view, 1), "first_zoomed_view_ms": round(first_zoom, 1),
            "max_zoom": round(zoom, 1), "pan_steps": steps, "most_tiles_at_once": tiles,
            "extra_rss_mb_while_zooming": round(most - before, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", type=int, default=16384)
    parser.add_argument("--huge", action="store_true", help="also a 40000 x 20000 PNG")
    args = parser.parse_args()
    offscreen()
    sizes = [(args.side, args.side, ".png"), (args.side, args.side, ".jpg")]
    if args.huge:
        sizes.append((40000, 20000, ".png"))
    cache = tempfile.mkdtemp(prefix="kiosk-bench-cache-")
    os.environ["XDG_CACHE_HOME"] = cache
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import display_copies, pyramids

    app = QGuiApplication(sys.argv[:1])
    results: dict[str, object] = {}
    for width, height, suffix in sizes:
        plan = PLANS / f"plan-{width}x{height}{suffix}"
        if not plan.exists():
            draw_plan(plan, width, height)
        copy = display_copies.cache_dir() / f"bench-{plan.stem}{suffix}.jpg"
        copy.parent.mkdir(parents=True, exist_ok=True)
        figures: dict[str, object] = {"file_mb": round(plan.stat().st_size / 1e6, 1)}
        figures["screen_copy_s"] = timed_process("kiosk.app.display_copies", str(plan), str(copy))
        copy.unlink()
        display_copies.display_copy(plan)  # the kiosk's own copy, as at content load
        wait(app, lambda plan=plan: not display_copies.is_pending(plan), 600)  # type: ignore[misc]
        started = time.perf_counter()
        pyramids.prepare([plan])
        wait(app, lambda plan=plan: pyramids.find(plan) is not None, 1800)  # type: ignore[misc]
        figures["pyramid_build_s"] = round(time.perf_counter() - started, 2)
        figures |= view(app, plan)
        results[f"{width}x{height} {suffix[1:].upper()}"] = figures
    shutil.rmtree(cache, ignore_errors=True)
    print(json.dumps({"bench": "ui_bigimage", **results,
                      "targets": {"first_view_ms": 300, "extra_rss_mb_while_zooming": 100}}))


if __name__ == "__main__":
    main()
