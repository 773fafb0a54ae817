"""Display copies of large pictures that Qt can only decode at full size.

Qt decodes a JPEG at about the size it is shown (its decoder scales by 1/2, 1/4 or 1/8 on the
way), but a PNG, WebP, GIF, BMP or TIFF only at full size, and then scales it down: a 4096 x 4096
PNG plan took 67 MB for a moment every time it appeared, even on a small card, and raised the
kiosk's peak memory by that much (80 MB with the scaled result).

So a large opaque picture in such a format is shown from a JPEG copy of the same size (quality
95), which Qt decodes at the size asked for. The copy is made once by a separate process, so the
kiosk itself never holds the full picture, and is kept in the cache folder
(`$XDG_CACHE_HOME/kiosk/pictures`); it is made again when the picture changes, and the copy of
the earlier version is removed. Pictures with transparency keep their own file (JPEG has none).
When a copy cannot be made, the picture itself is shown, as before.

    python -m kiosk.app.display_copies SOURCE TARGET     makes one copy (what the kiosk runs)
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from stat import S_ISREG

log = logging.getLogger("kiosk.images")

HEAVY_PIXELS = 3840 * 2160
"""Above this (a 4K picture, 33 MB decoded), a picture Qt cannot decode smaller gets a copy."""
SCALED_IN_DECODER = (b"jpeg", b"jpg")
QUALITY = 95
MAKE_TIMEOUT_S = 120
DECODE_LIMIT_MB = 2048
"""The copy is made in its own process, so it may decode a picture far larger than the kiosk would."""

_known: dict[tuple[str, int, int], Path | None] = {}
_making: set[tuple[str, int, int]] = set()
_lock = threading.Lock()


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kiosk" / "pictures"


def display_copy(path: Path) -> Path | None:
    """The file to show instead of `path`, or None to show `path` itself.

    Never waits for a copy: the first time a picture needs one, it is shown itself while the copy
    is made on a thread of its own (a separate process does the work), and every later showing
    uses the copy, also after a restart. So a tap never waits for a copy to be made."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if not S_ISREG(stat.st_mode):
        return None  # never opened: a pipe or a device would block the reader
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    known = _known.get(key)
    if key in _known and (known is None or known.is_file()):
        return known
    if not needs_copy(path):
        _known[key] = None
        return None
    target = _target(key)
    if target.is_file():
        _known[key] = target
        return target
    with _lock:
        if key not in _making:
            _making.add(key)
            threading.Thread(target=_make_in_background, args=(path, key), name="display-copy",
                             daemon=True).start()
    return None


def _make_in_background(path: Path, key: tuple[str, int, int]) -> None:
    try:
        made = _copy_for(path, key)
    except Exception:  # never let a copy take the kiosk down; the picture itself is shown
        log.exception("making a display copy of %s failed", path)
        made = None
    _known[key] = made
    with _lock:
        _making.discard(key)


def _target(key: tuple[str, int, int]) -> Path:
    source_id = hashlib.sha256(key[0].encode()).hexdigest()[:16]
    version = hashlib.sha256(f"{key[1]}:{key[2]}".encode()).hexdigest()[:16]
    return cache_dir() / f"{source_id}-{version}.jpg"


def needs_copy(path: Path) -> bool:
    """Whether Qt would decode this picture at full size although it is large and opaque.
    Reads only the file's header."""
    from PySide6.QtGui import QImage, QImageReader

    reader = QImageReader(str(path))
    kind = bytes(reader.format().data()).lower()
    if not kind or kind in SCALED_IN_DECODER:
        return False
    size = reader.size()
    if not size.isValid() or size.width() * size.height() <= HEAVY_PIXELS:
        return False
    pixel_format = reader.imageFormat()
    if pixel_format == QImage.Format.Format_Invalid:
        return False
    return not QImage(1, 1, pixel_format).hasAlphaChannel()


def _copy_for(path: Path, key: tuple[str, int, int]) -> Path | None:
    target = _target(key)
    folder, source_id = target.parent, target.name.split("-", 1)[0]
    if target.is_file():
        return target
    partial = target.with_suffix(f".{os.getpid()}.part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [sys.executable, "-m", "kiosk.app.display_copies", str(path), str(partial)],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=MAKE_TIMEOUT_S, check=False,
        )
        if done.returncode != 0 or not partial.is_file():
            raise OSError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no copy written")
        os.replace(partial, target)
    except (OSError, subprocess.SubprocessError) as error:
        _remove(partial)
        log.warning("picture %s is shown at full size: no smaller copy could be made (%s)", path, error)
        return None
    for earlier in folder.glob(f"{source_id}-*.jpg"):
        if earlier != target:
            _remove(earlier)
    log.info("picture %s is shown from a copy that decodes at display size (%s)", path, target)
    return target


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def make_copy(source: Path, target: Path) -> bool:
    """Write `source` as a JPEG the same size at `target` (runs in its own process)."""
    from PySide6.QtGui import QImage, QImageReader, QImageWriter

    QImageReader.setAllocationLimit(DECODE_LIMIT_MB)
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        print(f"cannot read {source}: {reader.errorString()}", file=sys.stderr)
        return False
    writer = QImageWriter(str(target), b"jpeg")
    writer.setQuality(QUALITY)
    writer.setOptimizedWrite(True)
    if not writer.write(image.convertToFormat(QImage.Format.Format_RGB32)):
        print(f"cannot write {target}: {writer.errorString()}", file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.rsplit("\n\n", 1)[-1].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(0 if make_copy(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
