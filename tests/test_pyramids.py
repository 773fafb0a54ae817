"""Tile pyramids of large pictures: built once per file in the background, in their own process;
a changed picture gets a new one; a zoom view asks only for the tiles on screen."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QImageReader

from kiosk.app import pyramids
from kiosk.app.tiled_picture import visible_tiles
from tests.vips_pictures import striped

PICTURE = (6000, 4000)
HANG_MS = 120_000
"""A pyramid not built after this long is taken to hang."""


@pytest.fixture
def builder(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pyramids.Builder:
    """A builder of its own, with the test's own cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh = pyramids.Builder()
    monkeypatch.setattr(pyramids, "_builder", fresh)
    pyramids.notifier()
    return fresh


def draw(path: Path, size: tuple[int, int] = PICTURE, alpha: bool = False, shade: int = 0) -> Path:
    """Fine stripes one pixel wide over the whole picture, and a shade that tells versions apart."""
    return striped(path, size, alpha=alpha, shade=shade)


def built(qtbot: Any, builder: pyramids.Builder, picture: Path) -> pyramids.Pyramid:
    """The picture's pyramid, once the background build has announced it."""
    with qtbot.waitSignal(pyramids.notifier().built, timeout=HANG_MS,
                          check_params_cb=lambda source: source == str(picture)):
        assert builder.find(picture) is None, "the first request never waits for the build"
    pyramid = builder.find(picture)
    assert pyramid is not None
    return pyramid


@pytest.mark.parametrize("name", ["plan.png", "plan.jpg"])
def test_a_large_picture_gets_a_pyramid_once(qtbot: Any, builder: pyramids.Builder, tmp_path: Path,
                                             name: str) -> None:
    picture = draw(tmp_path / "content" / name)
    pyramid = built(qtbot, builder, picture)
    assert pyramid.folder.parent == tmp_path / "cache" / "kiosk" / "pyramids"
    assert (pyramid.width, pyramid.height, pyramid.extension) == (*PICTURE, "jpg")
    assert pyramid.top_level == 13  # 2**13 = 8192 >= 6000
    top = pyramid.tile_path(13, 0, 0).parent
    columns, rows = -(-PICTURE[0] // pyramid.tile_size), -(-PICTURE[1] // pyramid.tile_size)
    assert len(list(top.iterdir())) == columns * rows
    corner = QImageReader(str(pyramid.tile_path(13, 1, 1))).size()
    assert (corner.width(), corner.height()) == (512, 512)  # 510 and a pixel of each neighbour
    assert pyramid.tile_path(0, 0, 0).is_file()  # down to a single pixel
    made = pyramid.tile_path(0, 0, 0).stat()  # a new build writes new files
    assert builder.find(picture) == pyramid
    assert pyramids.Builder().find(picture) == pyramid, "after a restart the pyramid is found, not made"
    again = pyramid.tile_path(0, 0, 0).stat()
    assert (again.st_ino, again.st_mtime_ns) == (made.st_ino, made.st_mtime_ns)


def test_a_picture_with_transparency_gets_png_tiles(qtbot: Any, builder: pyramids.Builder,
                                                   tmp_path: Path) -> None:
    pyramid = built(qtbot, builder, draw(tmp_path / "content" / "overlay.png", alpha=True))
    assert pyramid.extension == "png"
    assert QImage(str(pyramid.tile_path(13, 2, 2))).hasAlphaChannel()


def test_a_changed_picture_gets_a_new_pyramid_and_the_old_one_goes(
        qtbot: Any, builder: pyramids.Builder, tmp_path: Path) -> None:
    picture = draw(tmp_path / "content" / "plan.png")
    first = built(qtbot, builder, picture)
    draw(picture, shade=200)
    os.utime(picture, ns=(1, 2))  # surely another version, even within the same clock tick
    second = built(qtbot, builder, picture)
    assert second.folder != first.folder and second.folder.is_dir()
    assert not first.folder.exists()
    tile = QImage(str(second.tile_path(13, 0, 0)))
    assert tile.pixelColor(5, 5).blue() > 150  # the new version's tiles


def test_loading_content_builds_pyramids_of_large_pictures_only(
        qtbot: Any, builder: pyramids.Builder, tmp_path: Path) -> None:
    earlier = draw(tmp_path / "content" / "earlier.jpg")
    earlier_pyramid = built(qtbot, builder, earlier)
    large = draw(tmp_path / "content" / "plan.jpg")
    small = draw(tmp_path / "content" / "photo.jpg", (1920, 1080))
    pyramids.prepare([small, large])  # new content, without the earlier picture
    qtbot.waitUntil(lambda: builder.find(large) is not None, timeout=HANG_MS)
    qtbot.waitUntil(lambda: builder.find(small) is None and not builder._queue, timeout=HANG_MS)
    folders = {folder.name for folder in pyramids.cache_dir().iterdir()}
    assert folders == {builder.find(large).folder.name, earlier_pyramid.folder.name}  # type: ignore[union-attr]
    pyramids.prepare([large])  # and again: the pyramid of two content versions ago goes
    qtbot.waitUntil(lambda: not earlier_pyramid.folder.exists(), timeout=HANG_MS)


def test_a_broken_picture_gets_no_pyramid_and_no_crash(qtbot: Any, builder: pyramids.Builder,
                                                      tmp_path: Path) -> None:
    picture = draw(tmp_path / "content" / "plan.png")
    picture.write_bytes(picture.read_bytes()[:200_000])  # the header is whole, the pixels are cut
    assert builder.find(picture) is None
    qtbot.waitUntil(lambda: not builder._queue and builder._running is None and picture_known(builder),
                    timeout=HANG_MS)
    assert builder.find(picture) is None
    assert not [folder for folder in pyramids.cache_dir().iterdir() if not folder.name.startswith(".")]


def picture_known(builder: pyramids.Builder) -> bool:
    return bool(builder._known)


def test_only_the_tiles_on_screen_are_asked_for() -> None:
    pyramid = pyramids.Pyramid(Path("/p"), 6000, 4000, 510, 1, "jpg")
    content = (1620.0, 1080.0)  # the picture fitted to a 1920 x 1080 view
    assert visible_tiles(pyramid, content, (0, 0, 1620, 1080), 1.0, 3240) == {}, "the copy is sharp enough"
    # zoomed 4x around the middle: the part on screen is a quarter of the picture each way
    shown = (810 - 240, 540 - 135, 810 + 240, 540 + 135)
    tiles = visible_tiles(pyramid, content, shown, 4.0, 3240)
    assert {level for level, _, _ in tiles} == {13}  # 6480 pixels across on screen: full size
    columns = {column for _, column, _ in tiles}
    rows = {row for _, _, row in tiles}
    # the picture pixels on screen: 2111 to 3889 across, 1500 to 2500 down
    assert columns == {4, 5, 6, 7} and rows == {2, 3, 4}
    assert len(tiles) == len(columns) * len(rows) < 12 * 8 // 4
    everything = {(13, column, row) for column in range(12) for row in range(8)}
    assert visible_tiles(pyramid, content, shown, 2.5, 3240).keys() <= everything
    # with a smaller screen-size picture, a little zoom takes the level below, half the size
    tiles = visible_tiles(pyramid, content, shown, 1.8, 1620)
    assert {level for level, _, _ in tiles} == {12}
    placed = tiles[(12, 2, 1)]  # each tile but the first starts a pixel early: the overlap
    assert (placed[b"tileX"], placed[b"tileY"]) == pytest.approx((1019 * 1620 / 3000, 509 * 1080 / 2000))
    assert placed[b"tileXScale"] == pytest.approx(1620 / 3000)


def test_a_pyramid_another_kiosk_process_uses_is_kept_and_a_removed_one_is_made_again(
        qtbot: Any, builder: pyramids.Builder, tmp_path: Path) -> None:
    """A `kiosk render` beside the running kiosk shares the cache: neither removes what the other
    shows, unless nobody has used it for 30 days; a pyramid removed under a kiosk is made again."""
    other = pyramids.Builder()  # the other process's builder, on the same cache folder
    other.notifier = pyramids.notifier()
    theirs = built(qtbot, other, draw(tmp_path / "other" / "their-plan.jpg"))
    forgotten = built(qtbot, other, draw(tmp_path / "other" / "old-plan.jpg", shade=90))
    month_ago = time.time() - (pyramids.UNUSED_DAYS + 1) * 86400
    os.utime(forgotten.folder / pyramids.INFO, (month_ago, month_ago))
    ours = draw(tmp_path / "content" / "plan.jpg", shade=40)
    pyramids.prepare([ours])
    qtbot.waitUntil(lambda: builder.find(ours) is not None and not builder._queue, timeout=HANG_MS)
    qtbot.waitUntil(lambda: not forgotten.folder.exists(), timeout=HANG_MS)
    assert theirs.folder.is_dir(), "another process's pyramid in use stays"
    mine = builder.find(ours)
    assert mine is not None
    shutil.rmtree(mine.folder)  # removed by another process
    assert builder.find(ours) is None, "never a pyramid whose tiles are gone"
    qtbot.waitUntil(lambda: builder.find(ours) is not None, timeout=HANG_MS)
    assert builder.find(ours).tile_path(0, 0, 0).is_file()  # type: ignore[union-attr]


def test_a_closing_kiosk_gets_no_more_announcements_and_starts_no_builds(
        qtbot: Any, builder: pyramids.Builder, tmp_path: Path) -> None:
    """At the end of the process the application goes away: a copy or pyramid finished then must
    not emit on its notifier, and no new build starts."""
    heard: list[str] = []
    pyramids.notifier().built.connect(heard.append)
    builder.announce(tmp_path / "plan.jpg")
    qtbot.waitUntil(lambda: heard == [str(tmp_path / "plan.jpg")], timeout=HANG_MS)
    builder.close()
    builder.announce(tmp_path / "plan.jpg")
    builder.prepare([draw(tmp_path / "content" / "plan.jpg")])
    assert not builder._queue and builder.notifier is None
    assert heard == [str(tmp_path / "plan.jpg")]
