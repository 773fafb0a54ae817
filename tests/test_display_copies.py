"""A large picture Qt can only decode at full size is shown from a copy it decodes at display size."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter

from kiosk.app import display_copies
from kiosk.app.images import picture_url

PLAN = (4096, 2304)  # 9.4 megapixels: above a 4K picture
HANG = 120
"""Seconds after which making one copy is taken to hang."""


@pytest.fixture
def media(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "content"
    (folder / "media").mkdir(parents=True)
    return folder


def draw(path: Path, size: tuple[int, int], alpha: bool = False) -> None:
    image = QImage(*size, QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("#efe8d8"))
    painter = QPainter(image)
    painter.fillRect(size[0] // 2, 0, size[0] // 2, size[1], QColor("#5a87a8"))  # a blue right half
    painter.end()
    assert image.save(str(path))


def copies(media: Path) -> Path:
    """Where copies go: the cache folder (XDG_CACHE_HOME is the test's own)."""
    return media.parent / "cache" / "kiosk" / "pictures"


def shown_file(root: Path, relative: str) -> Path:
    """The file shown once any copy being made has been made (copies are made in the background)."""
    picture_url(root, relative)
    with display_copies._lock:
        making = [thread for thread in threading.enumerate() if thread.name == "display-copy"]
    for thread in making:
        thread.join(timeout=HANG)
        assert not thread.is_alive(), "a display copy is still being made: it hangs"
    return Path(QUrl(picture_url(root, relative)).toLocalFile())


def test_the_first_showing_never_waits_for_the_copy(media: Path) -> None:
    draw(media / "media" / "plan.png", PLAN)
    # the picture itself is shown at once; the copy is made on its own thread meanwhile
    assert Path(QUrl(picture_url(media, "media/plan.png")).toLocalFile()) == media / "media" / "plan.png"
    assert shown_file(media, "media/plan.png").parent == copies(media)


def test_a_large_png_is_shown_from_a_copy_decoded_at_display_size(media: Path) -> None:
    draw(media / "media" / "plan.png", PLAN)
    original = QImageReader(str(media / "media" / "plan.png"))
    assert not original.supportsOption(QImageIOHandler.ImageOption.ScaledSize)  # full size, every time

    shown = shown_file(media, "media/plan.png")
    assert shown.parent == copies(media) and shown.suffix == ".jpg"
    reader = QImageReader(str(shown))
    assert reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    assert (reader.size().width(), reader.size().height()) == PLAN  # nothing lost to a smaller copy
    reader.setScaledSize(reader.size() / 8)
    small = reader.read()
    assert small.width() == PLAN[0] // 8
    assert small.pixelColor(small.width() * 3 // 4, 10).blue() > 150  # the same picture
    assert shown_file(media, "media/plan.png") == shown  # made once


def test_only_a_large_opaque_picture_qt_decodes_at_full_size_gets_a_copy(
        media: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draw(media / "media" / "plan.png", PLAN)
    assert shown_file(media, "media/plan.png").parent == copies(media)
    draw(media / "media" / "small.png", (1920, 1080))
    draw(media / "media" / "plan.jpg", PLAN)
    draw(media / "media" / "overlay.png", PLAN, alpha=True)
    os.mkfifo(media / "media" / "pipe.png")  # never opened: reading it would wait for a writer
    for name in ("small.png", "plan.jpg", "overlay.png", "missing.png", "pipe.png"):
        assert shown_file(media, f"media/{name}") == media / "media" / name
    # no copy can be made (the cache folder cannot be created): the picture itself, as before
    (tmp_path / "not-a-folder").write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    draw(media / "media" / "second-plan.png", PLAN)
    assert shown_file(media, "media/second-plan.png") == media / "media" / "second-plan.png"


def test_a_changed_picture_gets_a_new_copy_and_the_old_one_goes(media: Path) -> None:
    picture = media / "media" / "plan.png"
    draw(picture, PLAN)
    first = shown_file(media, "media/plan.png")
    draw(picture, (PLAN[0], PLAN[1] + 8))
    os.utime(picture, ns=(1, 2))  # surely another version, even within the same clock tick
    second = shown_file(media, "media/plan.png")
    assert second != first and second.is_file() and not first.exists()
    assert QImageReader(str(second)).size().height() == PLAN[1] + 8
