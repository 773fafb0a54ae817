"""The Navigator's visitor logic: every move, the trail behind Back, hotspots, languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor

from kiosk.app.contrast import WHITE, contrast_ratio
from kiosk.app.journey import HISTORY_LIMIT, Journey, Place
from kiosk.app.languages import language_name
from kiosk.app.models import CardListModel
from kiosk.app.navigator import Navigator
from kiosk.app.theme import Theme
from kiosk.session import ExhibitionSession, VisitStarted
from tests.ui_helpers import load_sample, navigator_on
from tests.ui_helpers import place_of as place


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = tmp_path_factory.mktemp("sample")
    return load_sample(root), root


@pytest.fixture
def nav(qapp: Any, sample: tuple[Any, Path]) -> Navigator:
    return navigator_on(*sample)  # type: ignore[no-any-return]


def test_a_visit_starts_on_the_attract_loop_and_a_touch_opens_home(nav: Navigator) -> None:
    assert nav.property("screen") == "attract"
    nav.touch()
    assert nav.property("screen") == "home"
    nav.touch()
    assert nav.property("screen") == "home"


def test_home_floor_section_exhibit_and_back_again(nav: Navigator) -> None:
    nav.touch()
    nav.openFloor("port")
    assert place(nav) == ("floor", "port", "", "")
    nav.openSection("old-harbour")
    assert place(nav) == ("section", "port", "old-harbour", "")
    nav.openExhibit("harbour-plan")
    assert place(nav) == ("exhibit", "port", "old-harbour", "harbour-plan")
    assert [crumb["id"] for crumb in nav.property("breadcrumb")] == ["port", "old-harbour"]
    nav.back()
    assert place(nav) == ("section", "port", "old-harbour", "")
    nav.back()
    assert place(nav) == ("floor", "port", "", "")
    nav.back()
    assert place(nav) == ("home", "", "", "")
    nav.back()
    assert place(nav) == ("home", "", "", "")
    assert not nav.property("canGoBack")


def test_home_forgets_the_trail(nav: Navigator) -> None:
    nav.touch()
    nav.openExhibit("port-figures")
    nav.home()
    assert place(nav) == ("home", "", "", "")
    nav.back()
    assert place(nav) == ("home", "", "", "")


def test_a_hotspot_opens_an_exhibit_on_another_floor_and_back_returns_to_the_map(
    nav: Navigator,
) -> None:
    nav.touch()
    nav.openFloor("green")
    nav.openSection("coast")
    nav.openExhibit("coast-map")
    nav.openExhibit("harbour-story")  # a hotspot on the map
    assert place(nav) == ("exhibit", "port", "old-harbour", "harbour-story")
    assert [crumb["id"] for crumb in nav.property("breadcrumb")] == ["port", "old-harbour"]
    assert nav.floorData("port").property("fields")["cardId"] == "port"
    nav.back()
    assert place(nav) == ("exhibit", "green", "coast", "coast-map")
    nav.back()
    assert place(nav) == ("section", "green", "coast", "")


def test_back_without_a_trail_goes_one_level_up(nav: Navigator) -> None:
    nav.touch()
    nav.openExhibit("coast-then-now")  # e.g. straight from a hotspot or a staff shortcut
    nav.journey.history.clear()
    nav.back()
    assert place(nav) == ("section", "green", "coast", "")
    nav.journey.history.clear()
    nav.back()
    assert place(nav) == ("floor", "green", "", "")


def test_repeated_taps_do_not_stack_screens(nav: Navigator) -> None:
    nav.touch()
    for _ in range(5):
        nav.openFloor("port")
        nav.touch()
    assert len(nav.journey.history) == 1
    nav.back()
    assert place(nav) == ("home", "", "", "")


def test_unknown_ids_change_nothing(nav: Navigator) -> None:
    nav.touch()
    nav.openFloor("basement")
    nav.openSection("nowhere")
    nav.openExhibit("missing-exhibit")
    assert place(nav) == ("home", "", "", "")


def test_switching_language_keeps_the_place_and_translates_everything(nav: Navigator) -> None:
    nav.touch()
    nav.openExhibit("harbour-story")
    cards: CardListModel = nav.exhibitsOf("old-harbour")
    resets: list[bool] = []
    cards.modelReset.connect(lambda: resets.append(True))
    assert nav.property("title") == "Harbour City Exhibition"
    nav.setLanguage("zh")
    assert nav.property("language") == "zh"
    assert place(nav) == ("exhibit", "port", "old-harbour", "harbour-story")
    assert nav.property("title") == "港城规划展"
    assert nav.exhibitData("harbour-story").property("fields")["title"] == "避风的海湾"
    assert nav.property("breadcrumb")[0]["title"] == "港口"
    assert cards.get(0)["title"] == "避风的海湾"
    assert nav.property("words")["back"] == "返回"
    assert not resets, "a language switch updates cards in place (lists keep their scroll)"


def test_unknown_language_is_ignored(nav: Navigator) -> None:
    nav.setLanguage("xx")
    assert nav.property("language") == "en"


def test_languages_are_named_in_their_own_language(nav: Navigator) -> None:
    assert nav.property("languages") == [
        {"code": "en", "name": "English"},
        {"code": "zh", "name": language_name("zh")},  # Qt's name for it, in Chinese
    ]


def test_the_attract_loop_invites_in_every_language(nav: Navigator) -> None:
    invitations = nav.property("invitations")
    assert [item["code"] for item in invitations] == ["en", "zh"]
    assert invitations[0]["text"] == "Touch to explore"
    assert "触摸" in invitations[1]["text"]
    assert [slide["kind"] for slide in nav.property("attractSlides")] == ["image", "image"]


def test_reset_returns_to_attract_in_the_default_language(nav: Navigator) -> None:
    nav.touch()
    nav.setLanguage("zh")
    nav.openSection("coast")
    nav.resetToAttract()
    assert place(nav) == ("attract", "", "", "")
    assert nav.property("language") == "en"
    nav.back()
    assert place(nav) == ("attract", "", "", "")


def test_every_move_is_announced(nav: Navigator) -> None:
    moves: list[tuple[str, str]] = []
    nav.navigated.connect(lambda screen, item: moves.append((screen, item)))
    nav.touch()
    nav.openFloor("green")
    nav.openFloor("green")
    nav.openExhibit("coast-map")
    nav.back()
    assert moves == [("home", ""), ("floor", "green"), ("exhibit", "coast-map"), ("floor", "green")]


def test_cards_carry_what_tiles_and_cards_show(nav: Navigator, sample: tuple[Any, Path]) -> None:
    floors: CardListModel = nav.floors
    assert [card["cardId"] for card in floors.cards()] == ["port", "green"]
    first = floors.get(0)
    assert first["number"] == 1
    assert first["cover"] == (sample[1] / "media" / "port.png").as_uri()
    assert first["kindLabel"] == "Floor 1"
    exhibits = nav.exhibitsOf("old-harbour").cards()
    assert [card["kind"] for card in exhibits] == ["article", "image", "quote"]
    assert exhibits[1]["cover"].endswith("/media/plan.png")  # the picture itself


def test_floor_colours_keep_white_text_readable(nav: Navigator) -> None:
    for card in nav.floors.cards():
        assert contrast_ratio(QColor(card["colour"]), WHITE) >= 4.5, card


def test_the_theme_follows_the_floor_and_the_language(qapp: Any, sample: tuple[Any, Path]) -> None:
    theme = Theme()
    nav = Navigator()
    nav.bind_theme(theme)
    nav.load(sample[0], sample[1])
    nav.touch()
    nav.openFloor("green")
    assert contrast_ratio(theme.property("floorColor"), WHITE) >= 4.5
    assert theme.property("floorColor").green() > theme.property("floorColor").red()
    nav.setLanguage("zh")
    assert theme.property("fontFamily") == "Noto Sans CJK SC"


def test_a_reload_keeps_the_place_when_it_still_exists(nav: Navigator, sample: tuple[Any, Path]) -> None:
    nav.touch()
    nav.openSection("coast")
    nav.load(sample[0], sample[1])
    assert place(nav) == ("section", "green", "coast", "")


def test_without_content_the_navigator_is_empty_and_unavailable(qapp: Any) -> None:
    nav = Navigator()
    nav.load(None, Path.cwd())
    assert not nav.property("available")
    nav.touch()
    nav.openFloor("port")
    assert nav.property("screen") == "home"
    assert nav.floors.rowCount() == 0


def test_the_trail_is_bounded(sample: tuple[Any, Path]) -> None:
    journey = Journey(sample[0])
    journey.touch()
    for number in range(HISTORY_LIMIT * 3):
        journey.open_exhibit("coast-map" if number % 2 else "harbour-story")
    assert len(journey.history) == HISTORY_LIMIT
    assert journey.place == Place("exhibit", "green", "coast", "coast-map")


def test_screens_read_their_data_again_after_a_switch_or_a_reload(
    nav: Navigator, sample: tuple[Any, Path]
) -> None:
    floor, section = nav.floorData("port"), nav.sectionData("coast")
    assert nav.floorData("port") is floor, "one object per place: a screen binds to it once"
    assert (floor.property("fields")["title"], section.property("fields")["floorTitle"]) == (
        "The Port", "A Greener City")
    changes: list[str] = []
    floor.changed.connect(lambda: changes.append("floor"))
    section.changed.connect(lambda: changes.append("section"))
    nav.setLanguage("zh")
    assert changes == ["floor", "section"]
    assert floor.property("fields")["title"] == "港口"
    assert section.property("fields")["floorTitle"] == "更绿色的城市"
    changes.clear()
    nav.load(sample[0], sample[1], language="zh")  # new content: read again, still in Chinese
    assert changes == ["floor", "section"]
    assert floor.property("fields")["title"] == "港口"
    assert nav.sectionsOf("port").get(0)["title"] == "老港湾"
    assert nav.exhibitData("no-such-exhibit").property("fields") == {}


def test_the_navigator_shows_its_session(qapp: Any, sample: tuple[Any, Path]) -> None:
    session = ExhibitionSession()
    nav = Navigator()
    nav.attach(session)
    session.show(sample[0], sample[1], "zh")
    assert nav.exhibition is sample[0] and nav.content_root == sample[1]
    assert nav.property("title") == "港城规划展" and nav.floors.get(0)["title"] == "港口"
    nav.setLanguage("en")
    assert session.language == "en"
    session.choose_language("zh")
    assert nav.property("language") == "zh"


def test_leaving_the_attract_loop_starts_a_visit_and_its_end_brings_the_loop_back(
    qapp: Any, sample: tuple[Any, Path]
) -> None:
    session = ExhibitionSession()
    nav = Navigator()
    nav.attach(session)
    nav.load(*sample)
    started: list[int] = []
    session.subscribe(VisitStarted, lambda event: started.append(event.number))
    nav.touch()
    nav.openFloor("port")
    assert started == [1] and session.visiting
    nav.setLanguage("zh")
    session.end_visit("idle")  # e.g. nobody touched the screen for a while
    assert place(nav) == ("attract", "", "", "")
    assert nav.property("language") == "en"
    nav.touch()
    assert started == [1, 2]
    nav.resetToAttract()
    assert not session.visiting and place(nav) == ("attract", "", "", "")


THEME_NAMES = [
    "background", "surface", "surfaceRaised", "text", "mutedText", "accent", "accentText",
    "floorColor", "focusRing", "fontFamily", "unit", "smallSize", "bodySize", "headingSize",
    "titleSize", "displaySize", "touchTarget", "radius", "margin", "transitionMs",
    "reducedMotion", "headerHeight",
]


def test_the_theme_offers_every_name_the_views_use(qapp: Any) -> None:
    theme = Theme()
    meta = theme.metaObject()
    names = {meta.property(i).name() for i in range(meta.propertyCount())}
    assert set(THEME_NAMES) <= names
    assert (theme.property("smallSize"), theme.property("bodySize")) == (24, 28)
    assert theme.property("touchTarget") == 72


def test_theme_sizes_follow_the_screen_but_targets_stay_touchable(qapp: Any) -> None:
    theme = Theme()
    theme.set_window_size(3840, 2160)
    assert (theme.property("bodySize"), theme.property("touchTarget")) == (56, 144)
    theme.set_window_size(1080, 1920)  # portrait: the short side sets the scale
    assert theme.property("bodySize") == 28
    assert theme.property("compactHeader")  # the breadcrumb gets its own row
    theme.set_window_size(640, 360)
    assert theme.property("touchTarget") >= 48


def test_chinese_is_drawn_with_the_simplified_chinese_face(qapp: Any) -> None:
    theme = Theme()
    assert theme.fontFor("zh") == "Noto Sans CJK SC"
    assert theme.fontFor("en") == "Noto Sans"
    theme.set_language("ar")
    assert theme.property("rightToLeft")
