"""What visitors see: years without thousands separators, chart values and map labels that never
cover each other, nothing left under a fade at the end of a page, and a film's caption under it."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app.bootstrap import QML_DIR, make_engine
from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.screens import KioskWindow
from kiosk.app.theme import Theme
from kiosk.content.media import MediaContext
from kiosk.content.model import Exhibit
from tests.test_exhibit_data import make_sample_media
from tests.test_exhibit_views import (
    HOST_QML,
    QUIET_MEDIA,
    SAMPLE_VIDEO,
    Shown,
    _items,
    _record_clip,
    _settled,
)
from tests.ui_helpers import class_name, go, walk

pytestmark = [pytest.mark.both_rigs, pytest.mark.qt_log_ignore(*QUIET_MEDIA)]

TITLE = {"en": "Test"}


def stat(value: Any, **more: Any) -> dict[str, Any]:
    return {"value": value, "label": {"en": "A figure"}, **more}


@pytest.fixture(scope="module")
def film(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("film") / "clip.mp4"
    if SAMPLE_VIDEO.is_file():
        shutil.copy(SAMPLE_VIDEO, path)
    else:
        _record_clip(path)
    return path


def make(root: Path, data: dict[str, Any], film: Path | None = None) -> Any:
    """One checked exhibit from its YAML data, with the sample media under `root`."""
    if not (root / "media").is_dir():
        make_sample_media(root, film)
    adapter: TypeAdapter[Any] = TypeAdapter(Exhibit)
    return adapter.validate_python({"id": "probe", "title": TITLE, **data},
                                   context={"media": MediaContext(root)})


@pytest.fixture
def show(qtbot: Any, tmp_path: Path, film: Path) -> Iterator[Callable[[dict[str, Any]], Shown]]:
    """Shows an exhibit (its YAML data) on a 1920x1080 window, as the kiosk does, with less motion."""
    made: list[QObject] = []

    def shown(data: dict[str, Any]) -> Shown:
        engine = make_engine(None, tmp_path)
        Theme.for_engine(engine).set_reduced_motion(True)
        exhibit = exhibit_to_qml(make(tmp_path, data, film), "en", "en", tmp_path)
        component = QQmlComponent(engine)
        component.setData(HOST_QML.encode(), QUrl.fromLocalFile(str(QML_DIR / "exhibits/host.qml")))
        view_url = QUrl.fromLocalFile(str(QML_DIR / "exhibits" / f"{exhibit['view']}.qml"))
        window = component.createWithInitialProperties({"exhibit": exhibit, "viewUrl": view_url})
        assert window is not None, component.errorString()
        made.extend([window, component, engine])
        result = Shown(engine, window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: result.view is not None)
        qtbot.waitUntil(lambda: all(_settled(item) for item in _items(result.view)
                                    if item.inherits("QQuickImage")))
        return result

    yield shown
    for window in made[::3]:
        window.close()
    for obj in made:
        obj.deleteLater()


def texts(view: QQuickItem) -> list[QQuickItem]:
    return [item for item in _items(view) if item.inherits("QQuickText") and item.isVisible()
            and item.opacity() > 0 and item.property("text")]


def painted(item: QQuickItem) -> QRectF:
    """Where a text's letters are, in the window (the views' longer texts start at the left)."""
    width = min(item.width(), item.property("contentWidth"))
    height = min(item.height(), item.property("contentHeight"))
    return item.mapRectToScene(QRectF(0, 0, width, height))


def shown_text(view: QQuickItem, wanted: str) -> QQuickItem:
    found = [item for item in texts(view) if item.property("text") == wanted]
    assert found, f"{wanted!r} is not shown"
    return found[0]


# --- stats: years ------------------------------------------------------------------------------

def test_a_year_in_stats_has_no_thousands_separator(show: Any) -> None:
    shown = show({"type": "stats", "items": [stat(1963, label={"en": "Year the port opened"}),
                                             stat(12574, unit="km²")]})
    assert shown_text(shown.view, "1963")
    assert shown_text(shown.view, "12,574")


def test_grouping_false_prints_a_number_without_separators(show: Any) -> None:
    shown = show({"type": "stats", "items": [stat(116023, grouping=False, label={"en": "Post code"}),
                                             stat(1906, unit="km")]})
    assert shown_text(shown.view, "116023")
    assert shown_text(shown.view, "1,906")


def test_a_year_appears_without_counting_up(qtbot: Any, show: Any, tmp_path: Path) -> None:
    data = exhibit_to_qml(make(tmp_path, {"type": "stats", "items": [stat(2001), stat(2001, prefix="¥")]}),
                          "en", "en", tmp_path)
    year, money = data["items"]
    assert (year["formatted"], year["countUp"]) == ("2001", False)
    assert (money["formatted"], money["countUp"]) == ("2,001", True)


# --- charts: values never cover each other -----------------------------------------------------

CROSSING = {
    "type": "chart",
    "kind": "line",
    "categories": [str(year) for year in range(2000, 2012)],
    "series": [
        {"name": {"en": "Ships"}, "values": [100, 1200, 2300, 3400, 4500, 5000, 5000, 4400, 3300, 2200,
                                              1100, 100]},
        {"name": {"en": "Trains"}, "values": [5000, 3900, 2800, 3400, 4500, 4990, 5000, 4450, 3350, 2200,
                                               1150, 50]},
        {"name": {"en": "Lorries"}, "values": [2600, 2500, 2600, 3450, 4400, 5010, 4900, 4400, 3300,
                                                2250, 1100, 120]},
    ],
    "unit": {"en": "thousand tonnes"},
}


def overlapping(rects: list[tuple[str, QRectF]]) -> list[str]:
    return [f"{a} and {b}" for (a, first), (b, second) in itertools.combinations(rects, 2)
            if first.intersects(second)]


WIDE_BARS = {
    "type": "chart",
    "kind": "bar",
    "categories": [str(year) for year in range(2013, 2021)],
    "series": [{"name": {"en": "Containers"}, "values": [1234567 + 1000 * n for n in range(8)]},
               {"name": {"en": "Cars"}, "values": [7654321 - 1000 * n for n in range(8)]}],
}


def test_line_chart_values_never_cover_each_other_or_any_other_words(show: Any) -> None:
    shown = show(CROSSING)
    words = [(item.property("text"), painted(item)) for item in texts(shown.view)]
    assert not overlapping(words), overlapping(words)
    values = [item for item in texts(shown.view) if item.objectName() == "value"]
    assert len(values) >= 20, "most values are still written on the chart"


def test_bar_values_too_wide_for_their_bars_are_left_to_a_tap(show: Any) -> None:
    shown = show(WIDE_BARS)
    words = [(item.property("text"), painted(item)) for item in texts(shown.view)]
    assert not overlapping(words), overlapping(words)


def test_a_tap_on_the_chart_shows_every_value_of_that_year(qtbot: Any, show: Any) -> None:
    shown = show(CROSSING)
    year = shown_text(shown.view, "2006")
    point = year.mapToScene(QPointF(year.width() / 2, -200)).toPoint()
    QTest.mouseClick(shown.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    readout = shown.child("readout")
    qtbot.waitUntil(readout.isVisible)
    lines = {item.property("text") for item in texts(readout)}
    assert {"2006", "Ships  5,000", "Trains  5,000", "Lorries  4,900"} <= lines


# --- maps: markers for nearby spots are spread apart ------------------------------------------

CROWDED_MAP = {
    "type": "map",
    "image": "media/coast.png",
    "hotspots": [
        {"x": 0.50, "y": 0.50, "label": {"en": "Oil, ore and vehicle terminals"}, "exhibit": "a"},
        {"x": 0.51, "y": 0.51, "label": {"en": "The port in numbers"}, "exhibit": "b"},
        {"x": 0.49, "y": 0.52, "label": {"en": "The port at work"}, "exhibit": "c"},
        {"x": 0.52, "y": 0.49, "label": {"en": "Trains to Europe"}, "exhibit": "d"},
        {"x": 0.15, "y": 0.20, "label": {"en": "A quiet bay"}, "exhibit": "e"},
    ],
}


def test_nearby_map_spots_are_spread_with_a_line_to_their_place(show: Any) -> None:
    shown = show(CROWDED_MAP)
    names = [spot["label"]["en"] for spot in CROWDED_MAP["hotspots"]]
    chips = [(name, shown_text(shown.view, name).parentItem()) for name in names]
    boxes = [(name, chip.mapRectToScene(chip.boundingRect())) for name, chip in chips]
    numbers = {str(n) for n in range(1, 6)}
    markers = [(f"marker {item.childItems()[-1].property('text')}", item.mapRectToScene(item.boundingRect()))
               for item in _items(shown.view) if item.inherits("QQuickRectangle")
               and any(child.property("text") in numbers for child in item.childItems())]
    assert len(markers) == 5
    assert not overlapping(boxes + markers), overlapping(boxes + markers)
    leaders = {item.objectName(): item for item in _items(shown.view)
               if item.objectName().startswith("leader-")}
    moved = [key for key in "abcd" if leaders[f"leader-{key}"].isVisible()]
    assert len(moved) >= 2, "crowded markers are moved apart and lead back to their places"
    assert all(leaders[f"leader-{key}"].width() > 20 for key in moved)
    assert not leaders["leader-e"].isVisible(), "a spot with room keeps its marker on its place"


def test_a_spread_marker_still_opens_its_exhibit(qtbot: Any, show: Any) -> None:
    shown = show(CROWDED_MAP)
    for key in "abcd":
        marker = shown.child(f"marker-{key}")
        with qtbot.waitSignal(shown.view.openExhibit) as opened:
            QTest.mouseClick(shown.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             shown.centre_of(marker))
        assert opened.args == [key]


# --- films: the line about the film goes under it ---------------------------------------------

def test_a_films_caption_is_under_the_film(
    qtbot: Any, show: Any
) -> None:
    shown = show({"type": "video", "video": "media/port.mp4", "poster": "media/city.png",
                  "captions": {"en": "media/port.en.vtt"}, "summary": {"en": "Cranes at work."},
                  "caption": {"en": "Filmed in 2024."}})
    film = next(item for item in _items(shown.view) if item.inherits("QQuickVideoOutput"))
    picture = film.mapRectToScene(film.boundingRect())
    caption = painted(shown_text(shown.view, "Filmed in 2024."))
    controls = shown.child("playPause")
    assert picture.bottom() <= caption.top() < caption.bottom() <= controls.mapToScene(QPointF(0, 0)).y()
    assert abs(caption.left() - picture.left()) < 2, "the caption starts where the film starts"
    assert painted(shown_text(shown.view, "Cranes at work.")).bottom() <= picture.top()


# --- pages: nothing under the fade at the end -------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> tuple[Any, Path]:
    from kiosk.content.load import load_exhibition

    root = (Path(__file__).resolve().parent.parent / "content").resolve()
    result = load_exhibition(root)
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    return result.exhibition, root


def _under_fades(kiosk: Any, wanted: Callable[[QQuickItem], bool]) -> list[str]:
    """Scrolls every page on screen to its end and names what is then under a fade."""
    screen = kiosk.window.contentItem()
    pages = [item for item in walk(screen) if item.inherits("QQuickFlickable") and item.isVisible()
             and item.property("contentHeight") > item.height() + 1]
    assert pages, "the screen scrolls"
    for page in pages:
        end = page.property("originY") + page.property("contentHeight") - page.height()
        page.setProperty("contentY", end)
    fades = [item.mapRectToScene(item.boundingRect()) for item in walk(screen)
             if item.isVisible() and item.opacity() > 0.05 and item.inherits("QQuickRectangle")
             and (item.objectName() == "scrollFade" or class_name(item).startswith("ScrollHint"))]
    found = []
    for page in pages:
        seen = page.mapRectToScene(page.boundingRect())
        for item in walk(page):
            if item.isVisible() and wanted(item):
                box = item.mapRectToScene(item.boundingRect()).intersected(seen)
                found += [f"{class_name(item)} {item.property('text') or ''}" for fade in fades
                          if box.height() > 1 and box.intersected(fade).height() > 1]
    return found


@pytest.mark.parametrize(("move", "size"), [(("openSection", "port"), (1920, 1080)),
                                            (("openFloor", "achievements"), (1920, 1080)),
                                            (("openSection", "port"), (1080, 1920))])
def test_no_card_is_under_the_fade_at_the_end_of_a_page(
    qtbot: Any, bundled: tuple[Any, Path], move: tuple[str, str], size: tuple[int, int]
) -> None:
    kiosk = KioskWindow(*bundled, size=size)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    go(kiosk, move)
    qtbot.waitUntil(kiosk.settled)
    found = _under_fades(kiosk, lambda item: class_name(item).startswith(("ExhibitCard", "SectionCard")))
    kiosk.close()
    assert not found, found
