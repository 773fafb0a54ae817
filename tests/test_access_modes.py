"""The visitor's accessibility modes: what each does to the Theme, the always-visible button and
its panel, reach mode's lower part, read-aloud narration, and the reset when a visit ends."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QColor, QPointingDevice
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app.access import MODES, Access
from kiosk.app.bootstrap import make_engine
from kiosk.app.contrast import HIGH_CONTRAST, contrast_ratio
from kiosk.app.exhibit_data import narration_file
from kiosk.app.screens import KioskWindow
from kiosk.app.theme import Theme
from kiosk.content.model import Theme as ThemeSettings
from kiosk.ops.gesture import CORNER_PX
from kiosk.ops.idle import Idle
from kiosk.render.scene import scene_rect, visible_rect
from tests.ui_helpers import every_place, go, handlers_of, walk, write_sample_exhibition

CONTENT = Path(__file__).resolve().parent.parent / "content"
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)

QUIET_MEDIA = pytest.mark.qt_log_ignore(
    r"Could not open media.*", r".*Immediate exit requested.*", r"No audio device detected",
    r".*No HW decoder found.*")
"""This machine has no sound card; leaving an exhibit while FFmpeg still opens its sound
interrupts the open, which Qt reports on its own thread in a few wordings."""

NARRATED_FLOOR = """\
      - id: harbour-plan
        type: image
        title: {en: The Harbour Plan, zh: 港口规划图}
        narration: {"*": media/voice.wav}
"""


def write_voice(path: Path) -> None:
    """A quarter of a second of silence: a narration file for the tests."""
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\0" * 2000)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The small test exhibition; its harbour plan has a spoken description for every language."""
    from kiosk.content.load import load_exhibition

    root = write_sample_exhibition(tmp_path_factory.mktemp("access"))
    write_voice(root / "media" / "voice.wav")
    floor = root / "floors" / "1-port.yaml"
    text = floor.read_text(encoding="utf-8")
    plain = NARRATED_FLOOR.replace('        narration: {"*": media/voice.wav}\n', "")
    assert plain in text
    floor.write_text(text.replace(plain, NARRATED_FLOOR), encoding="utf-8")
    result = load_exhibition(root)
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    return result.exhibition, root.resolve()


@pytest.fixture(scope="module")
def bundled() -> Any:
    from kiosk.content.load import load_exhibition

    result = load_exhibition(CONTENT)
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    return result.exhibition


@pytest.fixture(scope="module")
def touchscreen(qapp: Any) -> QPointingDevice:
    return QTest.createTouchDevice()


def open_kiosk(qtbot: Any, exhibition: Any, root: Path | None,
               size: tuple[int, int] = LANDSCAPE) -> KioskWindow:
    kiosk = KioskWindow(exhibition, root, size=size, reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    qtbot.waitUntil(kiosk.settled)
    return kiosk


@pytest.fixture
def kiosk(qtbot: Any, sample: tuple[Any, Path]) -> Iterator[KioskWindow]:
    window = open_kiosk(qtbot, *sample)
    yield window
    window.close()


def access_of(kiosk: KioskWindow) -> Access:
    return Access.for_engine(kiosk.engine)


def find(kiosk: KioskWindow, object_name: str) -> QQuickItem | None:
    return next((item for item in walk(kiosk.window.contentItem())
                 if item.objectName() == object_name), None)


def controls(root: QQuickItem) -> Iterator[QQuickItem]:
    """Every visible, enabled item a visitor can touch (a tap handler or a mouse area)."""
    for item in walk(root):
        taps = [h for h in handlers_of(item) if h.inherits("QQuickTapHandler") and h.property("enabled")]
        if item.isEnabled() and (taps or item.inherits("QQuickMouseArea")):
            yield item


def laid_out(kiosk: KioskWindow) -> None:
    """Wait until the screen has settled and a frame is drawn with its new layout."""
    assert kiosk.settle()


def centre(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def tap(kiosk: KioskWindow, device: QPointingDevice, item: QQuickItem | None) -> None:
    assert item is not None, "nothing to tap there"
    point = centre(item)
    QTest.touchEvent(kiosk.window, device, False).press(0, point, kiosk.window).commit()
    QTest.touchEvent(kiosk.window, device, False).release(0, point, kiosk.window).commit()


# -- the modes and the Theme -----------------------------------------------------------------


def theme_values(theme: Theme) -> dict[str, Any]:
    names = ["textScale", "bodySize", "smallSize", "titleSize", "highContrast", "contrastTarget",
             "reach", "reachTop", "reducedMotion", "transitionMs", "borderWidth"]
    values = {name: theme.property(name) for name in names}
    for colour in ("background", "surface", "text", "accent", "borderColor", "focusRing"):
        values[colour] = QColor(theme.property(colour)).name()
    return values


def test_each_mode_changes_the_theme_as_specified(qapp: Any, bundled: Any) -> None:
    engine = make_engine(bundled, CONTENT, size=LANDSCAPE)
    theme, access = Theme.for_engine(engine), Access.for_engine(engine)
    standard = theme_values(theme)
    assert standard["textScale"] == 1.0 and standard["reachTop"] == 0
    assert standard["contrastTarget"] == 4.5 and not standard["highContrast"]
    turned_on: list[str] = []
    access.modeTurnedOn.connect(turned_on.append)
    expected_changes = {
        "large-text": {"textScale": 1.5, "bodySize": 42, "smallSize": 36, "titleSize": 96},
        "high-contrast": {"highContrast": True, "contrastTarget": 7.0, "background": "#000000",
                          "text": "#ffffff", "accent": HIGH_CONTRAST["accent"], "borderColor": "#ffffff",
                          "borderWidth": 3, "surface": HIGH_CONTRAST["surface"]},
        "reach": {"reach": True, "reachTop": 432},
        "reduced-motion": {"reducedMotion": True, "transitionMs": 0},
        "captions": {},
        "read-aloud": {},
    }
    assert set(expected_changes) == set(MODES)
    for mode, changes in expected_changes.items():
        access.set_mode(mode, True)
        now = theme_values(theme)
        changed = {name: value for name, value in now.items() if value != standard[name]}
        assert changed == changes, mode
        assert access.property("modes") == [mode] and access.property("active")
        assert access.property(
            {"large-text": "largeText", "high-contrast": "highContrast", "reach": "reach",
             "reduced-motion": "reducedMotion", "captions": "captions",
             "read-aloud": "readAloud"}[mode]) is True
        access.toggle(mode)  # the panel's way of turning it off again
        assert theme_values(theme) == standard and access.property("modes") == []
    assert turned_on == list(MODES)
    engine.deleteLater()


def test_reach_mode_starts_lower_on_a_portrait_screen(qapp: Any, bundled: Any) -> None:
    engine = make_engine(bundled, CONTENT, size=PORTRAIT)
    Access.for_engine(engine).set_mode("reach", True)
    assert Theme.for_engine(engine).property("reachTop") == 864  # 45 % of 1920
    engine.deleteLater()


def test_every_text_and_background_pair_reads_at_seven_to_one_in_high_contrast(
    qapp: Any, bundled: Any
) -> None:
    engine = make_engine(bundled, CONTENT)
    theme = Theme.for_engine(engine)
    Access.for_engine(engine).set_mode("high-contrast", True)

    def colour(name: str) -> QColor:
        return QColor(theme.property(name))

    backgrounds = [colour(name) for name in ("background", "surface", "surfaceRaised")]
    for text in ("text", "mutedText", "accent", "floorAccent", "borderColor"):
        for background in backgrounds:
            assert contrast_ratio(colour(text), background) >= 7.0, (text, background.name())
    assert contrast_ratio(colour("accentText"), colour("accent")) >= 7.0
    floor_colours = [floor.color for floor in bundled.floors] + ["#ffe066", "#7fd1ff", "#e0a43a"]
    for floor_colour in floor_colours:
        theme.set_floor_colour(floor_colour)
        assert contrast_ratio(colour("fillText"), colour("floorColor")) >= 7.0, floor_colour
        assert contrast_ratio(colour("floorAccent"), colour("surfaceRaised")) >= 7.0, floor_colour
        fill = theme.fill(floor_colour, theme.property("contrastTarget"))
        assert contrast_ratio(colour("fillText"), fill) >= 7.0, floor_colour
    engine.deleteLater()


@pytest.mark.parametrize("settings", [ThemeSettings(), None], ids=["default", "bundled"])
def test_the_focus_ring_stands_out_on_every_background_of_both_palettes(
    qapp: Any, bundled: Any, settings: ThemeSettings | None
) -> None:
    theme = Theme()
    theme.configure(settings or bundled.settings.theme)
    backgrounds: list[QColor] = []
    for high_contrast in (False, True):
        theme.set_visitor_modes(large_text=False, high_contrast=high_contrast, reach=False,
                                reduced_motion=False)
        backgrounds += [QColor(theme.property(name))
                        for name in ("background", "surface", "surfaceRaised")]
    ring = QColor(theme.property("focusRing"))
    for background in backgrounds:
        assert contrast_ratio(ring, background) >= 3.0, (ring.name(), background.name())


def test_a_visit_ending_turns_every_mode_off(qapp: Any, bundled: Any) -> None:
    engine = make_engine(bundled, CONTENT)
    theme, access = Theme.for_engine(engine), Access.for_engine(engine)
    from kiosk.app.navigator import Navigator

    navigator = Navigator.for_engine(engine)
    standard = theme_values(theme)
    navigator.touch()
    for mode in MODES:
        access.set_mode(mode, True)
    access.openPanel()
    navigator.openFloor(bundled.floors[0].id)
    navigator.home()
    assert access.property("modes") == list(MODES), "the modes stay on through the visit"
    idle = Idle.for_engine(engine)
    idle.attach(navigator.session, None)
    idle.reset_visit()  # nobody touched the screen: back to the attract loop
    assert navigator.property("screen") == "attract"
    assert access.property("modes") == [] and not access.property("panelOpen")
    assert not access.property("active")
    assert theme_values(theme) == standard
    engine.deleteLater()


def test_modes_turn_off_when_the_session_ends_the_visit_whatever_the_screen(
    qapp: Any, bundled: Any
) -> None:
    from kiosk.session import ExhibitionSession

    session, theme, access = ExhibitionSession(), Theme(), Access()
    session.show(bundled, CONTENT)
    access.attach(theme, session)  # no Navigator and no screen at all: the session alone decides
    standard = theme_values(theme)
    session.begin_visit()
    access.set_mode("large-text", True)
    access.openPanel()
    session.end_visit("content")  # e.g. new content arrived while the screen showed a floor
    assert access.property("modes") == [] and not access.property("panelOpen")
    assert theme_values(theme) == standard
    access.set_mode("reach", True)  # the next visitor's choice stays while nothing ends
    session.show(bundled, CONTENT)
    assert access.property("modes") == ["reach"]


def test_narration_falls_back_to_one_file_for_all_then_the_default_language() -> None:
    both = {"en": "en.wav", "zh": "zh.wav"}
    assert narration_file(both, "zh", "en") == "zh.wav"
    assert narration_file(both, "fr", "en") == "en.wav"
    assert narration_file({"*": "all.wav", "en": "en.wav"}, "zh", "en") == "all.wav"
    assert narration_file({"en": "en.wav"}, "zh-Hant", "en") == "en.wav"
    assert narration_file(None, "en", "en") is None
    assert narration_file({}, "en", "en") is None


def test_the_bundled_exhibition_offers_spoken_descriptions(qapp: Any, bundled: Any) -> None:
    from kiosk.app.exhibit_data import exhibit_to_qml

    narrated = [exhibit for floor in bundled.floors for section in floor.sections
                for exhibit in section.exhibits if exhibit.narration]
    assert len(narrated) >= 2
    for exhibit in narrated:
        for language in ("en", "zh"):
            url = exhibit_to_qml(exhibit, language, "en", CONTENT)["narration"]
            assert url.startswith("file://") and Path(url.removeprefix("file://")).is_file()


# -- the button and the panel ----------------------------------------------------------------


def outside_the_corners(rect: QRectF, width: int, height: int) -> bool:
    corners = [QRectF(x, y, CORNER_PX, CORNER_PX)
               for x in (0, width - CORNER_PX) for y in (0, height - CORNER_PX)]
    return not any(rect.intersects(corner) for corner in corners)


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("modes", [(), ("large-text", "reach")], ids=["standard", "large+reach"])
def test_the_access_button_is_on_every_screen(
    qtbot: Any, sample: tuple[Any, Path], size: tuple[int, int], modes: tuple[str, ...]
) -> None:
    kiosk = open_kiosk(qtbot, *sample, size=size)
    try:
        for move in every_place(sample[0]):
            go(kiosk, move)
            for mode in modes:
                access_of(kiosk).set_mode(mode, True)
            laid_out(kiosk)
            where = move[1] or move[0]
            button = find(kiosk, "accessButton")
            assert button is not None, f"{where}: no accessibility button"
            rect = scene_rect(button)
            assert min(rect.width(), rect.height()) >= 48, where
            assert QRectF(0, 0, *size).contains(rect), f"{where}: the button is off the screen"
            assert outside_the_corners(rect, *size), f"{where}: the button is in a staff corner"
            assert button.property("accessibleName") == kiosk.navigator.property("words")["access"]
    finally:
        kiosk.close()


def test_the_access_button_is_there_when_the_content_cannot_be_shown(qtbot: Any) -> None:
    kiosk = open_kiosk(qtbot, None, None)
    try:
        button = find(kiosk, "accessButton")
        assert button is not None and min(button.width(), button.height()) >= 48
    finally:
        kiosk.close()


def test_touching_the_button_on_attract_starts_the_visit_and_opens_the_panel(
    qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice
) -> None:
    access = access_of(kiosk)
    assert kiosk.navigator.property("screen") == "attract"
    tap(kiosk, touchscreen, find(kiosk, "accessButton"))
    qtbot.waitUntil(lambda: bool(access.property("panelOpen")))
    laid_out(kiosk)
    assert kiosk.navigator.property("screen") == "home"
    words = kiosk.navigator.property("words")
    switches = {name: find(kiosk, f"mode-{name}") for name in MODES}
    for name, switch in switches.items():
        assert switch is not None, name
        assert min(switch.width(), switch.height()) >= 48
    large_text = switches["large-text"]
    assert large_text is not None and large_text.property("accessibleName") == words["access_large_text"]

    tap(kiosk, touchscreen, large_text)
    qtbot.waitUntil(lambda: bool(access.property("largeText")))
    assert kiosk.theme.property("textScale") == 1.5
    laid_out(kiosk)  # the panel grew with the text: tap where the switches are now
    tap(kiosk, touchscreen, find(kiosk, "mode-high-contrast"))
    qtbot.waitUntil(lambda: bool(access.property("highContrast")))
    laid_out(kiosk)
    tap(kiosk, touchscreen, find(kiosk, "accessReset"))
    qtbot.waitUntil(lambda: access.property("modes") == [])
    assert access.property("panelOpen"), "standard settings keep the panel open"
    laid_out(kiosk)
    tap(kiosk, touchscreen, find(kiosk, "mode-reach"))
    qtbot.waitUntil(lambda: bool(access.property("reach")))
    laid_out(kiosk)
    card = find(kiosk, "accessCard")
    assert card is not None and scene_rect(card).top() >= kiosk.theme.property("reachTop")
    tap(kiosk, touchscreen, find(kiosk, "accessDone"))
    qtbot.waitUntil(lambda: not access.property("panelOpen"))
    assert access.property("modes") == ["reach"]
    assert find(kiosk, "accessCard") is None


def test_touches_in_the_panel_count_as_the_visitor_being_there(
    qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice
) -> None:
    """The kiosk's guard reports every touch as activity (the visitor guard feeds it to Idle), so the
    "Still there?" countdown does not end a visit while the visitor reads the panel."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.ops.lockdown import Lockdown

    guard = Lockdown(kiosk.window, kiosk_mode=False)
    touches: list[bool] = []
    guard.activity.connect(lambda: touches.append(True))
    app = QGuiApplication.instance()
    assert app is not None
    app.installEventFilter(guard)
    try:
        tap(kiosk, touchscreen, find(kiosk, "accessButton"))
        qtbot.waitUntil(lambda: bool(access_of(kiosk).property("panelOpen")))
        opened = len(touches)
        assert opened > 0
        tap(kiosk, touchscreen, find(kiosk, "mode-captions"))
        qtbot.waitUntil(lambda: bool(access_of(kiosk).property("captions")))
        assert len(touches) > opened
    finally:
        app.removeEventFilter(guard)


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_header_keeps_its_controls_apart_with_large_text(
    qtbot: Any, sample: tuple[Any, Path], size: tuple[int, int], language: str
) -> None:
    """Home, Back, Listen, the accessibility button and the languages never overlap: in a
    narrow window with large text, Listen moves down to the breadcrumb's row."""
    kiosk = open_kiosk(qtbot, *sample, size=size)
    try:
        kiosk.navigator.setLanguage(language)
        kiosk.navigator.touch()
        kiosk.navigator.openExhibit("harbour-plan")
        access_of(kiosk).set_mode("large-text", True)
        laid_out(kiosk)
        header = find(kiosk, "header")
        assert header is not None and find(kiosk, "listenButton") is not None
        bottom = scene_rect(header).bottom()
        window = QRectF(0, 0, *size)
        shown = [(str(item.property("accessibleName")), scene_rect(item))
                 for item in controls(kiosk.window.contentItem())
                 if scene_rect(item).bottom() <= bottom + 0.5 and item.property("accessibleName")]
        assert len(shown) >= 5
        for index, (name, rect) in enumerate(shown):
            assert window.contains(rect), f"{name} is off the screen"
            for other, other_rect in shown[index + 1:]:
                assert not rect.intersects(other_rect), f"{name} overlaps {other}"
    finally:
        kiosk.close()


# -- reach mode: everything to touch in the lower part ----------------------------------------


def controls_above(kiosk: KioskWindow, reach_top: int) -> list[str]:
    """Controls on screen whose top edge is above the reachable part (full-screen surfaces,
    like the attract loop's "touch anywhere", are reachable everywhere)."""
    window = QRectF(0, 0, kiosk.window.width(), kiosk.window.height())
    found = []
    for item in controls(kiosk.window.contentItem()):
        shown = visible_rect(item, window)
        if shown.isEmpty() or shown == window:
            continue
        if shown.top() < reach_top - 0.5:
            found.append(f"{item.property('accessibleName') or item.objectName() or item} "
                         f"at y={shown.top():.0f}")
    return found


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_reach_mode_puts_every_control_below_the_reach_line(
    qtbot: Any, sample: tuple[Any, Path], size: tuple[int, int]
) -> None:
    kiosk = open_kiosk(qtbot, *sample, size=size)
    problems: list[str] = []
    try:
        for move in every_place(sample[0]):
            go(kiosk, move)
            access_of(kiosk).set_mode("reach", True)
            access_of(kiosk).set_mode("large-text", True)
            laid_out(kiosk)
            reach_top = kiosk.theme.property("reachTop")
            assert reach_top == round(size[1] * (0.45 if size[1] > size[0] else 0.40))
            where = move[1] or move[0]
            problems += [f"{where}: {control}" for control in controls_above(kiosk, reach_top)]
            if move[0] == "openFloor":
                access_of(kiosk).openPanel()
                laid_out(kiosk)
                problems += [f"{where} (panel): {c}" for c in controls_above(kiosk, reach_top)]
                access_of(kiosk).closePanel()
    finally:
        kiosk.close()
    assert not problems, "\n".join(problems)


# -- read aloud ------------------------------------------------------------------------------


@QUIET_MEDIA
def test_listen_plays_the_spoken_description_and_read_aloud_starts_it(
    qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice
) -> None:
    from kiosk.app.playback import Playback

    playback = Playback.for_engine(kiosk.engine)
    voice = kiosk.navigator.exhibitData("harbour-plan").property("fields")["narration"]
    assert voice.endswith("media/voice.wav")
    kiosk.navigator.touch()
    kiosk.navigator.openExhibit("harbour-story")  # an article without a spoken description
    laid_out(kiosk)
    assert find(kiosk, "listenButton") is None

    kiosk.navigator.openExhibit("harbour-plan")
    laid_out(kiosk)
    listen = find(kiosk, "listenButton")
    assert listen is not None and listen.property("accessibleName") == "Listen"
    assert playback.property("source") == "", "nothing plays until the visitor asks"
    tap(kiosk, touchscreen, listen)
    qtbot.waitUntil(lambda: playback.property("source") == voice)

    kiosk.navigator.back()
    laid_out(kiosk)
    assert playback.property("source") == "", "leaving the exhibit stops its description"

    access_of(kiosk).set_mode("read-aloud", True)
    kiosk.navigator.openExhibit("harbour-plan")
    laid_out(kiosk)
    assert playback.property("source") == voice, "read aloud starts the description by itself"
    kiosk.navigator.resetToAttract()
    laid_out(kiosk)
    assert playback.property("source") == ""
    assert not access_of(kiosk).property("readAloud")


@QUIET_MEDIA
def test_captions_mode_shows_film_captions_with_no_switch_to_hide_them(
    qtbot: Any, bundled: Any
) -> None:
    kiosk = open_kiosk(qtbot, bundled, CONTENT.resolve())
    try:
        kiosk.navigator.touch()
        kiosk.navigator.openExhibit("city-growth")
        laid_out(kiosk)
        assert find(kiosk, "captions") is not None, "a film offers its captions switch"
        access_of(kiosk).set_mode("captions", True)
        qtbot.waitUntil(lambda: find(kiosk, "captions") is None)
        film = next(item for item in walk(kiosk.window.contentItem())
                    if item.property("captionsShown") is not None)
        film.setProperty("captionsOn", False)  # even a visitor's earlier choice gives way
        assert film.property("captionsShown") is True
    finally:
        kiosk.close()


# -- every screen in every mode ---------------------------------------------------------------


@pytest.mark.slow
@QUIET_MEDIA
@pytest.mark.parametrize("mode", MODES)
def test_every_screen_of_the_bundled_exhibition_loads_in_each_mode(
    qtbot: Any, bundled: Any, mode: str
) -> None:
    """Qt and QML warnings fail the test (pyproject: qt_log_level_fail)."""
    kiosk = open_kiosk(qtbot, bundled, CONTENT.resolve())
    screens = 0
    try:
        for move in every_place(bundled):
            go(kiosk, move)
            access_of(kiosk).set_mode(mode, True)
            assert kiosk.settle(), f"{move} did not settle in {mode}"
            assert access_of(kiosk).property("modes") == [mode]
            screens += 1
    finally:
        kiosk.close()
    assert screens > 40
