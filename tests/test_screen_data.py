"""Floor, section and exhibit screens follow the language and the content by themselves: each is
bound to its own place's data, which changes in place (no version number passed around)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.app.screens import KioskWindow
from tests.ui_helpers import load_sample, walk

pytestmark = pytest.mark.both_rigs


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Iterator[KioskWindow]:
    window = KioskWindow(load_sample(tmp_path), tmp_path, reduced_motion=True)
    window.window.show()
    try:
        yield window
    finally:
        window.close()


def texts(kiosk: KioskWindow) -> set[str]:
    """Every visible text on the screen shown now."""
    screen = kiosk.current_screen()
    assert isinstance(screen, QQuickItem)
    return {str(item.property("text")) for item in walk(screen)
            if item.isVisible() and isinstance(item.property("text"), str)}


def test_the_navigator_offers_no_version_number_to_pass_around(kiosk: KioskWindow) -> None:
    meta = kiosk.navigator.metaObject()
    assert meta.indexOfProperty("dataVersion") == -1
    assert meta.indexOfProperty("exhibits") == -1 and meta.indexOfProperty("currentExhibit") == -1


def test_an_open_exhibit_changes_language_with_the_visitor(qtbot: Any, kiosk: KioskWindow) -> None:
    nav = kiosk.navigator
    nav.touch()
    nav.openExhibit("harbour-story")
    assert kiosk.settle()
    screen = kiosk.current_screen()
    assert "A Sheltered Bay" in texts(kiosk)
    nav.setLanguage("zh")
    qtbot.waitUntil(lambda: "避风的海湾" in texts(kiosk))
    assert kiosk.current_screen() is screen, "the same screen, now in Chinese"
    assert "A Sheltered Bay" not in texts(kiosk)


def test_floor_and_section_screens_change_language_and_follow_new_content(
    qtbot: Any, kiosk: KioskWindow, tmp_path: Path
) -> None:
    nav = kiosk.navigator
    nav.touch()
    nav.openFloor("port")
    assert kiosk.settle()
    assert {"The Port", "Where the city began."} <= texts(kiosk)
    nav.setLanguage("zh")
    qtbot.waitUntil(lambda: {"港口", "城市从这里开始。"} <= texts(kiosk))
    nav.openSection("old-harbour")
    assert kiosk.settle()
    assert "老港湾" in texts(kiosk)
    floor = tmp_path / "floors" / "1-port.yaml"
    floor.write_text(floor.read_text(encoding="utf-8").replace("zh: 老港湾", "zh: 旧港湾"), encoding="utf-8")
    nav.load(load_sample_again(tmp_path), tmp_path)  # new content, same place, same language
    qtbot.waitUntil(lambda: "旧港湾" in texts(kiosk))
    assert nav.property("language") == "zh"


def load_sample_again(root: Path) -> Any:
    from kiosk.content.load import load_exhibition

    result = load_exhibition(root)
    assert result.exhibition is not None
    return result.exhibition
