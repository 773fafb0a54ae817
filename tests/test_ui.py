"""The real QML on an offscreen 1920x1080 screen: touch navigation, drawing, text, targets,
contrast (the accessibility audit of `kiosk.render.audit`; every mode: test_access_audit.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app.languages import language_name
from kiosk.app.screens import KioskWindow
from kiosk.render.audit import audit_screen
from tests.ui_helpers import every_place, go, load_sample, walk


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = tmp_path_factory.mktemp("sample")
    return load_sample(root), root


@pytest.fixture(scope="module")
def touchscreen(qapp: Any) -> QPointingDevice:
    return QTest.createTouchDevice()


def open_kiosk(qtbot: Any, sample: tuple[Any, Path] | None, size: tuple[int, int] = (1920, 1080),
               reduced_motion: bool = False) -> KioskWindow:
    exhibition, root = sample if sample else (None, None)
    kiosk = KioskWindow(exhibition, root, size=size, reduced_motion=reduced_motion)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    qtbot.waitUntil(kiosk.settled)
    return kiosk


@pytest.fixture
def kiosk(qtbot: Any, sample: tuple[Any, Path]) -> Iterator[KioskWindow]:
    window = open_kiosk(qtbot, sample)
    yield window
    window.close()


def centre(item: QQuickItem) -> QPoint:
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return point.toPoint()


def tap(kiosk: KioskWindow, device: QPointingDevice, point: QPoint) -> None:
    QTest.touchEvent(kiosk.window, device, False).press(0, point, kiosk.window).commit()
    QTest.touchEvent(kiosk.window, device, False).release(0, point, kiosk.window).commit()


def tappable(kiosk: KioskWindow, name: str) -> QQuickItem:
    """The visible tappable item a visitor would read as `name`."""
    screen = kiosk.window.contentItem()
    for item in walk(screen):
        if item.property("accessibleName") == name:
            return item
    raise AssertionError(f"nothing on screen is called {name!r}")


def settle(qtbot: Any, kiosk: KioskWindow) -> None:
    qtbot.waitUntil(kiosk.settled)


def screen_of(kiosk: KioskWindow) -> tuple[str, str, str, str]:
    place = kiosk.navigator.property("place")
    return place["screen"], place["floor"], place["section"], place["exhibit"]


def test_a_visitor_walks_through_the_exhibition_by_touch(
    qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice
) -> None:
    tap(kiosk, touchscreen, QPoint(900, 500))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("home", "", "", "")

    tap(kiosk, touchscreen, centre(tappable(kiosk, "Floor 1 The Port")))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("floor", "port", "", "")

    tap(kiosk, touchscreen, centre(tappable(kiosk, "The Old Harbour")))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("section", "port", "old-harbour", "")

    tap(kiosk, touchscreen, centre(tappable(kiosk, "Picture: The Harbour Plan")))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("exhibit", "port", "old-harbour", "harbour-plan")

    tap(kiosk, touchscreen, centre(tappable(kiosk, "Back")))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("section", "port", "old-harbour", "")

    tap(kiosk, touchscreen, centre(tappable(kiosk, "Home")))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("home", "", "", "")


def test_a_press_shows_at_once(qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice) -> None:
    kiosk.navigator.touch()
    settle(qtbot, kiosk)
    tile = tappable(kiosk, "Floor 2 A Greener City")
    point = centre(tile)
    QTest.touchEvent(kiosk.window, touchscreen, False).press(0, point, kiosk.window).commit()
    assert tile.property("pressed") is True
    QTest.touchEvent(kiosk.window, touchscreen, False).release(0, point, kiosk.window).commit()
    settle(qtbot, kiosk)
    assert screen_of(kiosk)[:2] == ("floor", "green")


def test_taps_during_a_transition_never_break_the_state(
    qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice
) -> None:
    kiosk.navigator.touch()
    settle(qtbot, kiosk)
    first = centre(tappable(kiosk, "Floor 1 The Port"))
    second = centre(tappable(kiosk, "Floor 2 A Greener City"))
    tap(kiosk, touchscreen, first)
    tap(kiosk, touchscreen, second)  # lands while the floor slides in
    tap(kiosk, touchscreen, QPoint(60, 40))  # and a third finger on the header
    settle(qtbot, kiosk)
    assert kiosk.shows_current_place()
    assert screen_of(kiosk)[0] in ("home", "floor")


def test_the_language_switch_translates_the_screen_in_place(
    qtbot: Any, kiosk: KioskWindow, touchscreen: QPointingDevice
) -> None:
    kiosk.navigator.touch()
    kiosk.navigator.openSection("old-harbour")
    settle(qtbot, kiosk)
    tap(kiosk, touchscreen, centre(tappable(kiosk, language_name("zh"))))
    qtbot.waitUntil(lambda: kiosk.navigator.property("language") == "zh")
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("section", "port", "old-harbour", "")
    titles = [t for t in walk(kiosk.window.contentItem()) if t.inherits("QQuickText")
              and t.property("text") == "老港湾"]
    assert titles, "the section title is shown in Chinese"
    assert titles[0].property("font").family() == "Noto Sans CJK SC"


def is_blank(image: QImage) -> bool:
    small = image.scaled(48, 27)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    return len(colours) < 4


def audit(kiosk: KioskWindow) -> list[str]:
    """Small targets, clipped or cut-short text and low contrast (the standard kiosk's 4.5:1)."""
    return [finding.description for finding in audit_screen(kiosk, min_contrast=4.5)]


def screen_problems(qtbot: Any, exhibition: Any, root: Path, language: str,
                    size: tuple[int, int] = (1920, 1080)) -> list[str]:
    """Visit every screen; list blank screens, audit findings and fallback views."""
    kiosk = open_kiosk(qtbot, (exhibition, root), size=size, reduced_motion=True)
    problems: list[str] = []
    for move in every_place(exhibition):
        go(kiosk, move)
        kiosk.navigator.setLanguage(language)
        settle(qtbot, kiosk)
        assert kiosk.wait_for_frame()
        where = "/".join(screen_of(kiosk)).rstrip("/")
        if is_blank(kiosk.grab()):
            problems.append(f"{where} is blank")
        problems += [f"{where}: {problem}" for problem in audit(kiosk)]
        if any(item.objectName() == "exhibitFallback" for item in walk(kiosk.window.contentItem())):
            problems.append(f"{where}: its view could not be shown")
    kiosk.close()
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_of_the_sample_draws_text_in_its_box_and_large_targets(
    qtbot: Any, sample: tuple[Any, Path], language: str
) -> None:
    problems = screen_problems(qtbot, sample[0], sample[1], language)
    assert not problems, "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize(("language", "size"), [("en", (1920, 1080)), ("zh", (1920, 1080)),
                                                ("en", (1080, 1920))])
def test_every_screen_of_the_bundled_exhibition_is_whole(
    qtbot: Any, language: str, size: tuple[int, int]
) -> None:
    from kiosk.content.load import load_exhibition

    root = Path(__file__).resolve().parent.parent / "content"
    result = load_exhibition(root)
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    problems = screen_problems(qtbot, result.exhibition, root.resolve(), language, size)
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_a_portrait_screen_reflows(qtbot: Any, sample: tuple[Any, Path]) -> None:
    kiosk = open_kiosk(qtbot, sample, size=(1080, 1920), reduced_motion=True)
    problems: list[str] = []
    tile_columns: set[int] = set()
    for move in [("home", ""), ("openFloor", "port"), ("openSection", "old-harbour")]:
        go(kiosk, move)
        settle(qtbot, kiosk)
        problems += audit(kiosk)
        if move[0] == "home":
            tile_columns = {round(item.x()) for item in walk(kiosk.window.contentItem())
                            if str(item.property("accessibleName") or "").startswith("Floor ")}
    kiosk.close()
    assert not problems, "\n".join(problems)
    assert len(tile_columns) == 1, "floor tiles stack in portrait"


def test_content_with_errors_shows_back_soon(qtbot: Any) -> None:
    kiosk = open_kiosk(qtbot, None)
    texts = [item.property("text") for item in walk(kiosk.window.contentItem())
             if item.inherits("QQuickText")]
    kiosk.close()
    assert "Back soon" in texts


def test_a_hotspot_in_an_exhibit_view_opens_another_floor(qtbot: Any, kiosk: KioskWindow) -> None:
    from PySide6.QtCore import Q_ARG, QMetaObject

    kiosk.navigator.touch()
    kiosk.navigator.openExhibit("coast-map")
    settle(qtbot, kiosk)
    screen = kiosk.current_screen()
    assert screen is not None
    view = screen.property("view")
    QMetaObject.invokeMethod(view, "openExhibit", Q_ARG(str, "harbour-story"))
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("exhibit", "port", "old-harbour", "harbour-story")
    kiosk.navigator.back()
    settle(qtbot, kiosk)
    assert screen_of(kiosk) == ("exhibit", "green", "coast", "coast-map")
