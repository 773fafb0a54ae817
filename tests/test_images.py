"""`image://kiosk`: pictures decoded at the size shown, cached within a budget, never a crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.app.images import ImageCache, KioskImageProvider, image_url, parse_region, target_size


@pytest.fixture
def pictures(qapp: Any, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    media.mkdir()
    image = QImage(4000, 2000, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    painter = QPainter(image)
    painter.fillRect(2000, 0, 2000, 2000, QColor("#cc3300"))  # a red right half, for regions
    painter.end()
    image.save(str(media / "wide.jpg"), quality=90)
    (media / "broken.png").write_bytes(b"not a picture at all")
    return tmp_path


def test_urls_name_pictures_relative_to_the_content_folder() -> None:
    assert image_url("media/a.png") == "image://kiosk/media/a.png"
    assert image_url("/media/a.png") == "image://kiosk/media/a.png"


def test_pictures_are_decoded_to_cover_the_box_they_fill() -> None:
    assert target_size(QSize(4000, 2000), QSize(400, 400)) == QSize(800, 400)
    assert target_size(QSize(4000, 2000), QSize(1000, 0)) == QSize(1000, 500)
    assert target_size(QSize(4000, 2000), QSize(0, 0)) == QSize(1920, 960)
    assert target_size(QSize(400, 200), QSize(1920, 1080)) == QSize(400, 200)  # never upscaled
    assert target_size(QSize(16384, 16384), QSize(8000, 8000)) == QSize(4096, 4096)


def test_a_picture_is_read_at_display_size(pictures: Path) -> None:
    provider = KioskImageProvider(pictures)
    image = provider.requestImage("media/wide.jpg", QSize(), QSize(400, 200))
    assert (image.width(), image.height()) == (400, 200)


def test_a_region_reads_only_that_part(pictures: Path) -> None:
    region = parse_region("a.jpg?region=0.5,0,0.5,1", QSize(4000, 2000))
    assert region is not None and region.getRect() == (2000, 0, 2000, 2000)
    assert parse_region("a.jpg", QSize(4000, 2000)) is None
    assert parse_region("a.jpg?region=bad", QSize(4000, 2000)) is None
    provider = KioskImageProvider(pictures)
    tile = provider.requestImage("media/wide.jpg?region=0.5,0,0.5,1", QSize(), QSize(200, 200))
    assert (tile.width(), tile.height()) == (200, 200)
    assert tile.pixelColor(100, 100).red() > 150  # the red right half only


def test_missing_broken_and_escaping_paths_give_a_placeholder(pictures: Path) -> None:
    provider = KioskImageProvider(pictures)
    for name in ("media/missing.png", "media/broken.png", "../../etc/passwd"):
        image = provider.requestImage(name, QSize(), QSize(320, 180))
        assert not image.isNull()
        assert (image.width(), image.height()) == (320, 180), name


def test_the_cache_keeps_to_its_budget() -> None:
    cache = ImageCache(budget_bytes=4 * 400 * 400 * 4)
    for number in range(10):
        image = QImage(400, 400, QImage.Format.Format_RGB32)
        cache.put((f"p{number}", 400, 400), image)
    assert cache.used_bytes <= cache.budget_bytes
    assert cache.get(("p9", 400, 400)) is not None
    assert cache.get(("p0", 400, 400)) is None


def test_a_second_request_comes_from_the_cache(pictures: Path) -> None:
    provider = KioskImageProvider(pictures)
    first = provider.requestImage("media/wide.jpg", QSize(), QSize(400, 200))
    second = provider.requestImage("media/wide.jpg", QSize(), QSize(400, 200))
    assert first.cacheKey() == second.cacheKey()
