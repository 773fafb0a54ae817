"""A picture larger than a 4K screen is shown from a screen-size copy libvips makes in its own process,
whatever its format and size (Qt refuses pictures over 256 MB decoded)."""

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
from tests.vips_pictures import halves

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


def test_a_large_png_is_shown_from_a_screen_size_copy_decoded_at_display_size(media: Path) -> None:
    draw(media / "media" / "plan.png", PLAN)
    original = QImageReader(str(media / "media" / "plan.png"))
    assert not original.supportsOption(QImageIOHandler.ImageOption.ScaledSize)  # full size, every time

    shown = shown_file(media, "media/plan.png")
    assert shown.parent == copies(media) and shown.suffix == ".jpg"
    reader = QImageReader(str(shown))
    assert reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    assert (reader.size().width(), reader.size().height()) == (3840, 2160)  # fits a 4K screen
    reader.setScaledSize(reader.size() / 8)
    small = reader.read()
    assert small.width() == 3840 // 8
    assert small.pixelColor(small.width() * 3 // 4, 10).blue() > 150  # the same picture
    assert shown_file(media, "media/plan.png") == shown  # made once


@pytest.mark.qt_log_ignore("^QImageIOHandler: Rejecting image as it exceeds")  # what Qt says of it
@pytest.mark.parametrize("name", ["huge.png", "huge.jpg"])
def test_a_picture_qt_refuses_is_shown_from_a_copy(media: Path, name: str) -> None:
    picture = media / "media" / name
    halves(picture, (11000, 14000))
    assert QImageReader(str(picture)).read().isNull()  # 154 megapixels: over Qt's limit, even raised

    shown = shown_file(media, f"media/{name}")
    assert shown.parent == copies(media) and shown.suffix == ".jpg"
    copy = QImageReader(str(shown)).read()
    assert copy.width() == 2160 and abs(copy.height() - 2749) <= 1  # a tall picture fits in 2160 x 3840
    assert copy.pixelColor(1800, 100).blue() > 150 and copy.pixelColor(100, 100).blue() < 230


def test_only_a_picture_larger_than_the_screen_gets_a_copy(
        media: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draw(media / "media" / "plan.png", PLAN)
    assert shown_file(media, "media/plan.png").parent == copies(media)
    draw(media / "media" / "plan.jpg", PLAN)
    assert shown_file(media, "media/plan.jpg").parent == copies(media)  # a JPEG too: faster to show
    draw(media / "media" / "overlay.png", PLAN, alpha=True)
    overlay = shown_file(media, "media/overlay.png")
    assert overlay.parent == copies(media) and overlay.suffix == ".png"  # transparency kept
    assert QImageReader(str(overlay)).read().pixelColor(10, 10).alpha() == 0
    draw(media / "media" / "small.png", (1920, 1080))
    os.mkfifo(media / "media" / "pipe.png")  # never opened: reading it would wait for a writer
    for name in ("small.png", "missing.png", "pipe.png"):
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
    assert QImageReader(str(second)).size().width() == round(2160 * PLAN[0] / (PLAN[1] + 8))


def test_a_checked_copy_of_the_content_reuses_the_copies_and_unused_copies_go(media: Path) -> None:
    """Each content version is shown from its own folder, with unchanged files linked: the linked
    picture is shown from the same copy; a copy not shown for 30 days goes when a copy is made."""
    picture = media / "media" / "plan.png"
    draw(picture, PLAN)
    first = shown_file(media, "media/plan.png")
    version = media.parent / "last-good" / "2"
    (version / "media").mkdir(parents=True)
    os.link(picture, version / "media" / "plan.png")
    assert shown_file(version, "media/plan.png") == first, "the same file: no second copy"
    stale = copies(media) / "0123456789abcdef01234567.jpg"
    stale.write_bytes(b"a copy of a picture no content shows any more")
    month_ago = first.stat().st_mtime - (display_copies.UNUSED_DAYS + 1) * 86400
    os.utime(stale, (month_ago, month_ago))
    draw(media / "media" / "other.png", PLAN)
    shown_file(media, "media/other.png")
    assert not stale.exists() and first.is_file()
    assert len(list(copies(media).iterdir())) == 2
