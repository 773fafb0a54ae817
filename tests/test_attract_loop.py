"""The attract loop: the first picture is whole from the first frame it is ready in, the slow movements
step with one slow clock instead of asking for a frame at the display's rate, and with less motion
nothing moves at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk.app.screens import KioskWindow
from tests.ui_helpers import load_sample, walk

pytestmark = pytest.mark.both_rigs


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = tmp_path_factory.mktemp("sample")
    return load_sample(root), root


@pytest.fixture
def fresh(sample: tuple[Any, Path]) -> Iterator[KioskWindow]:
    exhibition, root = sample
    kiosk = KioskWindow(exhibition, root)
    yield kiosk
    kiosk.close()


def every_item(item: QQuickItem) -> Iterator[QQuickItem]:
    """Every item under `item`, shown or not."""
    yield item
    for child in item.childItems():
        yield from every_item(child)


def slide_pictures(kiosk: KioskWindow) -> list[QQuickItem]:
    """The attract slides' pictures (the Image in each Cover), in slide order."""
    return [item for item in every_item(kiosk.window.contentItem())
            if item.inherits("QQuickImage")
            and item.parentItem() is not None
            and item.parentItem().metaObject().className().startswith("Cover")]


def mean_grey(image: QImage, area: QRect) -> float:
    step = 8
    values = [image.pixelColor(x, y).lightness()
              for x in range(area.left(), area.right(), step) for y in range(area.top(), area.bottom(), step)]
    return sum(values) / len(values)


PICTURE_AREA = QRect(1300, 260, 400, 200)
"""A part of the window where the attract picture shows through the shade, away from the words."""


def test_the_first_slide_is_whole_in_the_first_frame_after_its_picture_is_ready(
        qtbot: Any, fresh: KioskWindow) -> None:
    first = slide_pictures(fresh)[0]
    seen: dict[str, Any] = {}

    def on_swap() -> None:
        if "opacity" not in seen and first.property("progress") == 1.0:  # the picture is ready
            seen["opacity"] = first.opacity() * first.parentItem().parentItem().opacity()
            seen["grab"] = fresh.window.grabWindow()
            seen["frames"] = fresh.swaps.count

    fresh.swaps.swapped.connect(on_swap)  # on the GUI thread
    fresh.window.show()
    qtbot.waitUntil(lambda: "opacity" in seen, timeout=15000)
    assert seen["opacity"] == 1.0
    # a few frames later, once any fade would be over, the picture looks the same
    qtbot.waitUntil(lambda: fresh.swaps.count >= seen["frames"] + 10, timeout=15000)
    later = fresh.window.grabWindow()
    assert abs(mean_grey(seen["grab"], PICTURE_AREA) - mean_grey(later, PICTURE_AREA)) < 6


def attract_clock(kiosk: KioskWindow) -> QObject:
    """The attract screen's slow clock (found through the screen, which keeps it)."""
    for item in every_item(kiosk.window.contentItem()):
        if item.metaObject().className().startswith("AttractScreen"):
            clock = item.property("clock")
            assert isinstance(clock, QObject), "the attract screen has no slow clock"
            return clock
    raise AssertionError("the attract screen is not shown")


def test_between_crossfades_the_window_is_drawn_at_the_slow_clocks_rate(
        qtbot: Any, sample: tuple[Any, Path]) -> None:
    exhibition, root = sample
    kiosk = KioskWindow(exhibition, root)
    try:
        kiosk.window.show()
        assert kiosk.settle()
        clock = attract_clock(kiosk)
        qtbot.waitUntil(lambda: clock.property("time") > 2000, timeout=15000)  # the first fade is long over
        start_time, start_frames = clock.property("time"), kiosk.swaps.count
        qtbot.waitUntil(lambda: clock.property("time") > start_time + 1000, timeout=15000)
        ticks = (clock.property("time") - start_time) / clock.property("interval")
        assert clock.property("rate") <= 24
        # a frame per tick at most, and one more for a tick late in its frame
        assert kiosk.swaps.count - start_frames <= ticks + 2
    finally:
        kiosk.close()


def test_with_less_motion_nothing_moves_on_the_attract_loop(qtbot: Any, sample: tuple[Any, Path]) -> None:
    exhibition, root = sample
    kiosk = KioskWindow(exhibition, root, reduced_motion=True)
    try:
        kiosk.window.show()
        assert kiosk.settle()
        assert not attract_clock(kiosk).property("running")
        scaled = [item for item in walk(kiosk.window.contentItem()) if item.scale() != 1.0]
        assert scaled == []
        pictures = slide_pictures(kiosk)
        assert pictures and all(picture.parentItem().scale() == 1.0 for picture in pictures)
    finally:
        kiosk.close()
