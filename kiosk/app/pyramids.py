"""Tile pyramids of large pictures, so a zoomed-in picture is sharp at every zoom level.

A picture larger than the screen is cut once into tiles at every halving of its size (libvips'
Deep Zoom layout: `tiles_files/<level>/<column>_<row>.jpg`, 512-pixel tiles that overlap their
neighbours by one pixel; PNG tiles only for a picture with transparency). A zoom view shows the
screen-size picture and, over it, only the tiles of the level that matches the zoom and that are
on screen, so memory stays small whatever the size of the picture.

Pyramids are made by a separate process (`python -m kiosk.app.pyramids SOURCE FOLDER`), so the
kiosk never holds the full picture, one at a time on a thread of their own, and are kept in the
cache folder (`$XDG_CACHE_HOME/kiosk/pyramids`). A pyramid is named after the file's identity
(device, inode, size and modification time): a picture left unchanged by a content reload keeps
its pyramid (the checked copy links unchanged files), a changed picture gets a new one and the old
one is removed. Building starts when the content is loaded; a view that needs a pyramid sooner
moves it to the front. `notifier().built` tells the GUI thread when one is ready.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import math
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Signal

from kiosk.app.display_copies import ordinary_file

if TYPE_CHECKING:
    from kiosk.content.model import Exhibition

log = logging.getLogger("kiosk.images")

TILE_SIZE = 510
"""Tiles are 512 pixels with the one-pixel overlap on each side."""
OVERLAP = 1
JPEG_TILE = ".jpg[Q=88,strip]"
PNG_TILE = ".png[compression=3,strip]"
BUILD_TIMEOUT_S = 1800
UNUSED_DAYS = 30
"""A pyramid no kiosk has shown for this long is removed."""
INFO = "pyramid.json"
TILES = "tiles"
SCREEN_BOX = (3840, 2160)
"""A picture that does not fit in this box (either way round) is larger than the screen can show."""


@dataclass(frozen=True)
class Pyramid:
    """A finished pyramid: where its tiles are and how they are laid out."""

    folder: Path
    width: int
    height: int
    tile_size: int
    overlap: int
    extension: str

    @property
    def top_level(self) -> int:
        """The level with the picture at full size (level 0 is one pixel)."""
        return math.ceil(math.log2(max(self.width, self.height, 1)))

    def level_size(self, level: int) -> tuple[int, int]:
        shrink = 2 ** (self.top_level - level)
        return math.ceil(self.width / shrink), math.ceil(self.height / shrink)

    def tile_path(self, level: int, column: int, row: int) -> Path:
        return self.folder / f"{TILES}_files" / str(level) / f"{column}_{row}.{self.extension}"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kiosk" / "pyramids"


def larger_than_screen(size: QSize | tuple[int, int]) -> bool:
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    long_side, short_side = max(width, height), min(width, height)
    return long_side > SCREEN_BOX[0] or short_side > SCREEN_BOX[1]


def picture_size(path: Path) -> tuple[int, int] | None:
    """Width and height from the file's header (nothing decoded), or None when unreadable."""
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None
    if reader.transformation().value & 4:  # a quarter turn: width and height swap
        return size.height(), size.width()
    return size.width(), size.height()


def _identity(path: Path) -> str | None:
    stat = ordinary_file(path)
    if stat is None:
        return None
    text = f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class Notifier(QObject):
    """Lives on the GUI thread; its signals reach the views there, queued, from the builder."""

    built = Signal(str)
    """The source path of a picture whose pyramid (or screen-size copy) is now ready."""


class Builder:
    """Builds pyramids one at a time on its own thread, each in a separate process."""

    def __init__(self) -> None:
        self._queue: deque[Path] = deque()
        self._known: dict[str, Pyramid | None] = {}
        self._by_path: dict[str, str] = {}
        self._wanted: set[str] = set()
        self._wanted_before: set[str] = set()
        self._viewed: set[str] = set()
        self._ever: set[str] = set()
        self._closed = False
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._running: subprocess.Popen[str] | None = None
        self.notifier: Notifier | None = None

    def find(self, path: Path) -> Pyramid | None:
        """The finished pyramid of this picture, or None (and it is built soon, first in line)."""
        identity = _identity(path)
        if identity is None:
            return None
        with self._condition:
            self._viewed.add(identity)
            self._ever.add(identity)
        known = self._known.get(identity)
        if identity in self._known and (known is None or _in_use(known.folder)):
            return known
        pyramid = read_pyramid(cache_dir() / identity)  # also when another process removed it
        if pyramid is not None:
            self._known[identity] = pyramid
            _in_use(pyramid.folder)
            return pyramid
        self._known.pop(identity, None)
        self._enqueue([path], first=True)
        return None

    def prepare(self, paths: list[Path]) -> None:
        """Build the pyramids of these pictures in the background; drop those of earlier content."""
        identities = {identity for path in paths if (identity := _identity(path))}
        with self._condition:
            self._wanted_before, self._wanted = self._wanted | self._viewed, identities
            self._viewed = set()
            self._ever |= identities
        for identity in identities:
            _in_use(cache_dir() / identity)
        self._enqueue(paths, first=False)

    def _enqueue(self, paths: list[Path], first: bool) -> None:
        with self._condition:
            if self._closed:
                return
            for path in paths:
                if path in self._queue:
                    self._queue.remove(path)
                if first:
                    self._queue.appendleft(path)
                else:
                    self._queue.append(path)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="tile-pyramids", daemon=True)
                self._thread.start()
            self._condition.notify()

    def _work(self) -> None:
        while True:
            with self._condition:
                while not self._queue:
                    if not self._condition.wait(timeout=30):
                        self._thread = None
                        return
                path = self._queue.popleft()
            try:
                self._build(path)
            except Exception:  # never let a pyramid take the kiosk down; the picture is shown as before
                log.exception("making the zoom tiles of %s failed", path)
            with self._condition:
                idle = not self._queue
            if idle:
                self._prune()

    def _build(self, path: Path) -> None:
        identity = _identity(path)
        if identity is None or self._known.get(identity) is not None:
            return
        target = cache_dir() / identity
        pyramid = read_pyramid(target)
        size = picture_size(path) if pyramid is None else (pyramid.width, pyramid.height)
        if size is None or not larger_than_screen(size):
            self._known[identity] = None
            return
        if pyramid is None:
            pyramid = self._run(path, target)
        self._known[identity] = pyramid
        earlier = self._by_path.get(str(path))
        self._by_path[str(path)] = identity
        if earlier and earlier != identity and earlier not in self._by_path.values():
            _remove_folder(cache_dir() / earlier)
            self._known.pop(earlier, None)
        if pyramid is not None:
            self.announce(path)

    def announce(self, path: Path) -> None:
        """Tell the views, queued to the GUI thread, that a pyramid or copy of `path` is ready;
        nothing once the kiosk is closing (the notifier may be gone with the application)."""
        with self._condition:
            if self.notifier is not None and not self._closed:
                self.notifier.built.emit(str(path))

    def _run(self, path: Path, target: Path) -> Pyramid | None:
        partial = target.with_name(f".{target.name}.{os.getpid()}.part")
        _remove_folder(partial)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._running = subprocess.Popen(
                [sys.executable, "-m", "kiosk.app.pyramids", str(path), str(partial)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            _, errors = self._running.communicate(timeout=BUILD_TIMEOUT_S)
            if self._running.returncode != 0 or read_pyramid(partial) is None:
                raise OSError(errors.strip().splitlines()[-1] if errors.strip() else "no tiles written")
            os.replace(partial, target)
        except (OSError, subprocess.SubprocessError) as error:
            if self._running is not None and self._running.poll() is None:
                self._running.kill()
            _remove_folder(partial)
            log.warning("picture %s is zoomed without sharper tiles: none could be made (%s)", path, error)
            return None
        finally:
            self._running = None
        log.info("picture %s has zoom tiles (%s)", path, target)
        return read_pyramid(target)

    def _prune(self) -> None:
        """Remove the pyramids of this kiosk's earlier content that neither the content shown now
        nor the one just before uses, and any pyramid no kiosk has used for UNUSED_DAYS. A pyramid
        another process may be showing (a `kiosk render` beside the running kiosk, say) is left
        alone until it has gone unused that long."""
        with self._condition:
            keep = self._wanted | self._wanted_before | self._viewed
            ours = set(self._ever)
        if not self._wanted:
            return
        oldest = time.time() - UNUSED_DAYS * 86400
        with contextlib.suppress(OSError):
            for folder in cache_dir().iterdir():
                if folder.name in keep or folder.name.startswith("."):
                    continue
                if folder.name in ours or _last_used(folder) < oldest:
                    _remove_folder(folder)
                    self._known.pop(folder.name, None)
                    with self._condition:
                        self._ever.discard(folder.name)

    def close(self) -> None:
        """The kiosk is closing: no more builds and no more announcements; a build in progress
        ends (called while the application still exists, before Python shuts down)."""
        with self._condition:
            self._closed = True
            self._queue.clear()
            self.notifier = None
        self.stop()

    def stop(self) -> None:
        """Ends a build in progress (at exit: no process is left behind)."""
        running = self._running
        if running is not None and running.poll() is None:
            running.kill()


def read_pyramid(folder: Path) -> Pyramid | None:
    try:
        info = json.loads((folder / INFO).read_text(encoding="utf-8"))
        return Pyramid(folder, int(info["width"]), int(info["height"]), int(info["tileSize"]),
                       int(info["overlap"]), str(info["extension"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _in_use(folder: Path) -> bool:
    """Mark a pyramid as used now; False when it is gone."""
    try:
        os.utime(folder / INFO)
    except OSError:
        return False
    return True


def _last_used(folder: Path) -> float:
    try:
        return (folder / INFO).stat().st_mtime
    except OSError:
        return 0.0  # an unfinished or broken pyramid


def _remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


_builder = Builder()
atexit.register(_builder.stop)


def builder() -> Builder:
    return _builder


def notifier() -> Notifier:
    """The GUI thread's notifier (made on first use, which must be on the GUI thread)."""
    if _builder.notifier is None:
        _builder.notifier = Notifier()
    return _builder.notifier


def find(path: Path) -> Pyramid | None:
    return _builder.find(path)


def prepare(paths: list[Path]) -> None:
    """Start the screen-size copies and the pyramids of these pictures (content was loaded)."""
    from kiosk.app.display_copies import display_copy

    notifier()
    for path in paths:
        display_copy(path)
    _builder.prepare(paths)


def zoomable_pictures(exhibition: Exhibition | None, root: Path) -> list[Path]:
    """The pictures visitors can zoom into (image and map exhibits)."""
    from kiosk.content import model

    found: list[Path] = []
    for floor in exhibition.floors if exhibition is not None else ():
        for section in floor.sections:
            for exhibit in section.exhibits:
                if isinstance(exhibit, model.ImageExhibit | model.MapExhibit) and exhibit.image:
                    found.append(root / exhibit.image)
    return list(dict.fromkeys(found))


def build(source: Path, target: Path) -> None:
    """Cut `source` into a pyramid in the folder `target` (runs in its own process)."""
    import pyvips

    from kiosk.app.display_copies import eight_bit_srgb, open_upright

    image = eight_bit_srgb(open_upright(pyvips, source))
    extension = "png" if image.hasalpha() else "jpg"
    target.mkdir(parents=True)
    image.dzsave(str(target / TILES), layout="dz", tile_size=TILE_SIZE, overlap=OVERLAP, depth="onepixel",
                 suffix=PNG_TILE if extension == "png" else JPEG_TILE)
    info = {"width": image.width, "height": image.height, "tileSize": TILE_SIZE, "overlap": OVERLAP,
            "extension": extension}
    (target / INFO).write_text(json.dumps(info), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("python -m kiosk.app.pyramids SOURCE FOLDER", file=sys.stderr)
        sys.exit(2)
    try:
        build(Path(sys.argv[1]), Path(sys.argv[2]))
    except Exception as error:
        print(f"cannot make tiles of {sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(1)
