"""Text alternatives of pictures: the `alt` fields, their warnings, the exhibit data and the views."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.app.bootstrap import QML_DIR, make_engine
from kiosk.app.cards import Words, exhibit_card, section_card
from kiosk.app.contrast import contrast_ratio
from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.theme import Theme
from kiosk.content.alt_text import pictures
from kiosk.content.load import load_exhibition
from kiosk.content.model import AttractSlide, Exhibition, GalleryItem
from tests.content_factory import FLOOR, line_of, make_content
from tests.test_exhibit_views import HOST_QML, QUIET_MEDIA

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
MAP_ALT = "alt: {en: A map of the harbour with one pier, zh: 有一座码头的港口地图}"
FILM_CAPTIONS = "captions: {en: media/film.en.vtt}"
FILM_WITH_POSTER = FILM_CAPTIONS + "\n        poster: media/map.png"

pytestmark = pytest.mark.qt_log_ignore(*QUIET_MEDIA)


def alt_warnings(result: Any) -> list[Any]:
    return [problem for problem in result.warnings if "alt text" in problem.message]


@pytest.fixture(scope="module")
def bundled() -> Exhibition:
    result = load_exhibition(CONTENT)
    assert result.exhibition is not None, result.errors
    return result.exhibition


# -- the content format -----------------------------------------------------------------------


def test_alt_is_plain_text_or_one_text_per_language() -> None:
    one = GalleryItem.model_validate({"image": "media/a.png", "alt": "Ships at the pier"})
    both = GalleryItem.model_validate({"image": "media/a.png", "alt": {"en": "Ships", "zh": "船"}})
    slide = AttractSlide.model_validate({"file": "media/a.png", "alt": {"en": "Ships", "zh": "船"}})
    assert one.alt == {"*": "Ships at the pier"}
    assert both.alt == {"en": "Ships", "zh": "船"}
    assert slide.alt == {"en": "Ships", "zh": "船"}
    assert GalleryItem.model_validate({"image": "media/a.png"}).alt is None


def test_an_alt_that_is_not_text_is_an_error_at_its_line(tmp_path: Path) -> None:
    floor = FLOOR.replace(MAP_ALT, "alt: [1, 2]")
    result = load_exhibition(make_content(tmp_path / "content", floor=floor))
    [error] = result.errors
    assert error.path.endswith("floors/1-ground.yaml") and error.line == line_of(floor, "alt: [1, 2]")


def test_an_alt_without_its_picture_is_an_error(tmp_path: Path) -> None:
    floor = FLOOR.replace(
        "body: {en: Ships come and go., zh: 船来船往。}",
        "body: {en: Ships come and go., zh: 船来船往。}\n        cover_alt: {en: Ships, zh: 船}",
    )
    result = load_exhibition(make_content(tmp_path / "content", floor=floor))
    [error] = result.errors
    assert error.path.endswith("floors/1-ground.yaml")
    assert "cover_alt describes a picture, but there is no cover" in error.message
    assert "add cover:" in error.hint


# -- kiosk validate ---------------------------------------------------------------------------


def test_a_picture_without_alt_is_one_warning_at_its_place_with_a_two_language_hint(tmp_path: Path) -> None:
    floor = FLOOR.replace(MAP_ALT + "\n        ", "").replace(FILM_CAPTIONS, FILM_WITH_POSTER)
    result = load_exhibition(make_content(tmp_path / "content", floor=floor))
    assert not result.errors
    [warning] = alt_warnings(result)  # the map's picture twice, one warning
    assert warning.path.endswith("floors/1-ground.yaml")
    assert warning.line == line_of(floor, "image: media/map.png")
    assert "'media/map.png' has no alt text" in warning.message
    assert "alt: {en: what the picture shows, zh: 图片里有什么}" in warning.hint


def test_an_attract_slide_without_alt_is_warned_with_the_slide_form(tmp_path: Path) -> None:
    from tests.content_factory import ATTRACT_MEDIA, EXHIBITION

    exhibition = EXHIBITION.replace(ATTRACT_MEDIA, "media: [media/a.png]")
    result = load_exhibition(make_content(tmp_path / "content", exhibition=exhibition))
    [warning] = alt_warnings(result)
    assert warning.path.endswith("exhibition.yaml")
    assert warning.line == line_of(exhibition, "media: [media/a.png]")
    assert "- file: media/a.png" in warning.hint and "alt: {en:" in warning.hint


def test_pictures_with_alt_give_no_warning_and_share_it_with_the_same_file(tmp_path: Path) -> None:
    floor = FLOOR.replace(FILM_CAPTIONS, FILM_WITH_POSTER)
    result = load_exhibition(make_content(tmp_path / "content", floor=floor))
    assert not result.problems
    assert result.exhibition is not None
    film = result.exhibition.exhibits()["harbour-film"]
    assert film.poster_alt == {"en": "A map of the harbour with one pier", "zh": "有一座码头的港口地图"}


def test_the_bundled_exhibition_describes_every_picture(bundled: Exhibition) -> None:
    result = load_exhibition(CONTENT)
    assert not alt_warnings(result), "\n".join(map(str, alt_warnings(result)))
    shown = [*pictures(bundled.settings)]
    shown += [picture for floor in bundled.floors for picture in pictures(floor)]
    assert len(shown) > 60
    assert all(picture.alt for picture in shown), [picture.file for picture in shown if not picture.alt]


# -- exhibit data -----------------------------------------------------------------------------


def test_exhibit_data_carries_the_alt_text_in_the_visitors_language(bundled: Exhibition) -> None:
    exhibits = bundled.exhibits()
    image = exhibit_to_qml(exhibits["early-harbour"], "zh", "en", CONTENT)
    assert image["alt"] == "约1899年渔港的水墨速写：帆船、木栈桥和低矮的山丘。"
    assert image["coverAlt"] == image["alt"]  # the cover is the same file
    gallery = exhibit_to_qml(exhibits["city-through-time"], "en", "en", CONTENT)
    assert all(item["alt"] for item in gallery["items"])
    assert gallery["items"][0]["alt"] == exhibit_to_qml(exhibits["early-harbour"], "en", "en", CONTENT)["alt"]
    pair = exhibit_to_qml(exhibits["bay-then-now"], "en", "en", CONTENT)
    assert pair["before"]["alt"].startswith("The bay before the clean-up")
    assert pair["after"]["alt"].startswith("The bay after the clean-up")
    chart = exhibit_to_qml(exhibits["port-map"], "en", "en", CONTENT)
    assert chart["alt"].startswith("A map of the Liaodong Peninsula")


def test_cards_carry_what_their_picture_shows(bundled: Exhibition) -> None:
    floor = bundled.floors[0]
    words = Words("en", "en", CONTENT)
    for number, exhibit in enumerate(floor.sections[0].exhibits, start=1):
        card = exhibit_card(exhibit, floor, number, words)
        assert card["cover"] and card["coverAlt"], exhibit.id
    assert section_card(floor.sections[0], floor, 1, words)["coverAlt"]


# -- the views --------------------------------------------------------------------------------


def _items(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from _items(child)


def _accessible(item: QObject) -> tuple[Any, str] | None:
    """The role and name that Accessible gives an item, or None when it gives none."""
    for child in item.children():
        if child.inherits("QQuickAccessibleAttached"):
            return child.property("role"), str(child.property("name") or "")
    return None


def _graphics(view: QQuickItem) -> list[str]:
    """The names of every picture that tells screen readers it is a picture."""
    found = [_accessible(item) for item in _items(view)]
    return [shown[1] for shown in found if shown is not None and shown[0] == QAccessible.Role.Graphic]


@pytest.fixture
def open_view(qtbot: Any, bundled: Exhibition) -> Iterator[Any]:
    made: list[QObject] = []

    def opened(exhibit_id: str, *, high_contrast: bool = False) -> tuple[QQuickItem, dict[str, Any]]:
        engine = make_engine(None, CONTENT)
        Theme.for_engine(engine).set_visitor_modes(
            large_text=False, high_contrast=high_contrast, reach=False, reduced_motion=False
        )
        data = exhibit_to_qml(bundled.exhibits()[exhibit_id], "en", "en", CONTENT)
        component = QQmlComponent(engine)
        component.setData(HOST_QML.encode(), QUrl.fromLocalFile(str(QML_DIR / "exhibits/host.qml")))
        view_url = QUrl.fromLocalFile(str(QML_DIR / "exhibits" / f"{data['view']}.qml"))
        window = component.createWithInitialProperties({"exhibit": data, "viewUrl": view_url})
        assert window is not None, component.errorString()
        made.extend([window, component, engine])
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.property("view") is not None)
        return window.property("view"), data

    yield opened
    for window in made[::3]:
        window.close()
    for obj in made:
        obj.deleteLater()


@pytest.mark.both_rigs
def test_each_picture_is_named_by_its_alt_text(open_view: Any, qtbot: Any) -> None:
    view, data = open_view("early-harbour")
    assert data["alt"] in _graphics(view)
    view, data = open_view("port-map")
    assert data["alt"] in _graphics(view)
    view, data = open_view("bay-then-now")
    names = _graphics(view)
    assert data["before"]["alt"] in names and data["after"]["alt"] in names
    view, data = open_view("city-through-time")
    qtbot.waitUntil(lambda: data["items"][0]["alt"] in _graphics(view))


def _alt_captions(view: QQuickItem) -> list[QQuickItem]:
    return [item for item in _items(view) if item.objectName() == "altText"]


@pytest.mark.both_rigs
@pytest.mark.parametrize("exhibit_id", ["early-harbour", "city-through-time", "bay-then-now", "port-map"])
def test_the_alt_text_is_a_caption_in_high_contrast_only(open_view: Any, qtbot: Any, exhibit_id: str) -> None:
    view, _ = open_view(exhibit_id)
    qtbot.waitUntil(lambda: bool(_alt_captions(view)))
    assert not any(caption.isVisible() for caption in _alt_captions(view))

    view, data = open_view(exhibit_id, high_contrast=True)
    qtbot.waitUntil(lambda: any(caption.isVisible() for caption in _alt_captions(view)))
    caption = next(caption for caption in _alt_captions(view) if caption.isVisible())
    [words] = [item for item in _items(caption) if item.inherits("QQuickText")]
    alt = data.get("alt") or (data["items"][0]["alt"] if "items" in data else data["before"]["alt"])
    assert alt in words.property("text")
    assert words.property("font").pixelSize() >= 24
    background = QColor(caption.property("color"))
    assert contrast_ratio(QColor(words.property("color")), background) >= 4.5
    assert caption.height() > words.height() and words.width() > 0
