"""Zoomable pictures and maps survive language switches and leaving, without QML binding loops;
a large picture is shown at once and zooms in sharp, drawing only the tiles on screen.

Qt reports a binding loop as a warning, and warnings fail the test run, so walking these screens
is the whole check.
"""

from __future__ import annotations

import threading
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.app import pyramids
from kiosk.app.bootstrap import QML_DIR, make_engine
from kiosk.app.screens import KioskWindow
from kiosk.content.load import load_exhibition
from tests.vips_pictures import stripes

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_zoom_views_through_language_switches_and_back(qtbot: Any) -> None:
    exhibition = load_exhibition(CONTENT).exhibition
    assert exhibition is not None
    kiosk = KioskWindow(exhibition, CONTENT, reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    try:
        for exhibit_id, language in product(["master-plan", "port-map", "early-harbour"], ["zh", "en"]):
            kiosk.navigator.openExhibit(exhibit_id)
            assert kiosk.settle()
            kiosk.navigator.setLanguage(language)
            assert kiosk.settle()
            assert kiosk.navigator.property("language") == language
            kiosk.navigator.back()
            assert kiosk.settle()
            kiosk.navigator.resetToAttract()
            assert kiosk.settle()
            kiosk.navigator.touch()
            assert kiosk.settle()
        assert kiosk.navigator.property("screen") == "home"
    finally:
        kiosk.close()


# -- deep zoom: the screen-size picture at once, then sharp tiles of only the part on screen --

HOST = """
import QtQuick
import "parts"

Window {
    width: 1920
    height: 1080
    visible: true
    color: "black"

    ZoomArea {
        objectName: "zoomArea"
        anchors.fill: parent
        source: pictureUrl
    }
}
"""
HANG_MS = 120_000


class HeldBuilder(pyramids.Builder):
    """Builds only once the test lets it: until then the pyramid is 'not ready yet'."""

    def __init__(self) -> None:
        super().__init__()
        self.go = threading.Event()

    def _run(self, path: Path, target: Path) -> pyramids.Pyramid | None:
        self.go.wait(HANG_MS / 1000)
        return super()._run(path, target)


def contrast(window: Any) -> float:
    """How far the middle row of the drawn picture swings from dark to light (standard deviation)."""
    image = window.grabWindow()
    row = [image.pixelColor(x, 540).value() for x in range(700, 1220)]
    mean = sum(row) / len(row)
    return float((sum((value - mean) ** 2 for value in row) / len(row)) ** 0.5)


def images(item: Any) -> list[Any]:
    found = [item] if item.inherits("QQuickImage") else []
    for child in item.childItems():
        found += images(child)
    return found


def tile_images(area: Any) -> list[Any]:
    return [image for image in images(area) if "/pyramids/" in image.property("source").toString()]


def test_a_large_picture_zooms_sharp_with_only_the_tiles_on_screen(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    held = HeldBuilder()
    monkeypatch.setattr(pyramids, "_builder", held)
    picture = stripes(tmp_path / "plan.png")
    engine = make_engine(None, tmp_path)
    component = QQmlComponent(engine)
    engine.rootContext().setContextProperty("pictureUrl", QUrl.fromLocalFile(str(picture)))
    component.setData(HOST.encode(), QUrl.fromLocalFile(str(QML_DIR / "exhibits" / "host.qml")))
    window = component.create()
    assert window is not None, component.errorString()
    try:
        qtbot.waitExposed(window)
        area = window.findChild(QQuickItem, "zoomArea")
        # the pyramid is not ready yet: the screen-size copy is shown, magnified
        qtbot.waitUntil(lambda: base_image(area) is not None, timeout=HANG_MS)
        qtbot.waitUntil(lambda: base_image(area).property("progress") == 1.0, timeout=HANG_MS)
        assert base_image(area).property("implicitWidth") == 3240  # the copy, 3240 x 2160
        area.setProperty("zoomLevel", 5.0)
        area.setProperty("panX", -(1620 * 5 - 1920) / 2)
        area.setProperty("panY", -(1080 * 5 - 1080) / 2)
        assert not tile_images(area) and area.property("tileCount") == 0
        blurred = contrast(window)

        held.go.set()  # now the pyramid is built, and the tiles on screen are drawn over the copy
        qtbot.waitUntil(lambda: area.property("tileCount") > 0, timeout=HANG_MS)
        tiles = tile_images(area)
        qtbot.waitUntil(lambda: all(tile.property("progress") == 1.0 for tile in tiles), timeout=HANG_MS)
        qtbot.waitUntil(lambda: all(tile.property("implicitWidth") > 0 for tile in tiles), timeout=HANG_MS)
        sharp = contrast(window)
        assert sharp > 3 * blurred + 20, (blurred, sharp)

        # only the tiles on screen: each one overlaps the view, and they are far fewer than all
        view = QRectF(0, 0, 1920, 1080)
        for tile in tiles:
            corner = tile.mapToScene(QPointF(0, 0))
            far = tile.mapToScene(QPointF(tile.width(), tile.height()))
            assert QRectF(corner, far).intersects(view), tile.property("source").toString()
        assert len(tiles) == area.property("tileCount") <= 5 * 4  # of 12 x 8 at full size
        assert {tile.property("source").toString().split("/tiles_files/")[1].split("/")[0]
                for tile in tiles} == {"13"}

        area.setProperty("zoomLevel", 1.0)  # back to the whole picture: the copy is as sharp
        qtbot.waitUntil(lambda: area.property("tileCount") == 0)
    finally:
        window.close()
        with qtbot.waitSignal(window.destroyed):
            window.deleteLater()  # before the engine it belongs to


def base_image(area: Any) -> Any:
    """The zoom view's screen-size picture, once it is the copy made for it."""
    found = [image for image in images(area) if "/pictures/" in image.property("source").toString()]
    return found[0] if found else None
