"""Screen-size copies of large pictures, made by libvips in a separate process.

Qt decodes a JPEG at about the size it is shown (its decoder scales by 1/2, 1/4 or 1/8 on the
way), but a PNG, WebP, GIF, BMP or TIFF only at full size, and then scales it down: a 4096 x 4096
PNG plan took 67 MB for a moment every time it appeared, and Qt refuses any picture over 512 MB
decoded (a 20000 x 20000 PNG is shown blank). Even a JPEG of 40000 x 20000 takes seconds.

So every picture larger than a 4K screen is shown from a copy that fits in 3840 x 2160 (either
way round): a JPEG (quality 90), or a PNG for a picture with transparency. libvips makes it
(`thumbnail`, which shrinks JPEGs while decoding them and reads a PNG a strip at a time), in a
separate process, so the kiosk itself never holds the full picture. Zoomed-in views draw the
sharper detail from a tile pyramid (`kiosk.app.pyramids`). The copy is made once and kept in the
cache folder (`$XDG_CACHE_HOME/kiosk/pictures`), named after the file's identity (device, inode,
size and modification time), so a picture left unchanged by a content reload keeps its copy (the
checked copy of the content links unchanged files) and a changed picture gets a new one. A copy
not shown for 30 days is removed whenever a new copy is made, so the folder never grows without
end on a kiosk that runs for months. When a copy cannot be made, the picture itself is shown.

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
from typing import Any

log = logging.getLogger("kiosk.images")

HEAVY_PIXELS = 3840 * 2160
"""Above this (a 4K picture, 33 MB decoded), a picture is shown from a screen-size copy."""
COPY_BOX = (3840, 2160)
"""A copy fits in this box, turned to match the picture (a tall picture: 2160 x 3840)."""
QUALITY = 90
MAKE_TIMEOUT_S = 300
UNUSED_DAYS = 30
"""A copy not shown for this long is removed (a changed or removed picture's copy, say)."""

_known: dict[tuple[str, int, int], Path | None] = {}
_shown_for: dict[str, Path] = {}
"""The copy each picture path was last shown from: a changed picture's old copy goes at once."""
_making: set[tuple[str, int, int]] = set()
_lock = threading.Lock()


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kiosk" / "pictures"


def ordinary_file(path: Path) -> os.stat_result | None:
    """The status of an ordinary file; None for a missing file, a folder, a pipe or a device
    (a pipe or a device is never opened: it would block the reader)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat if S_ISREG(stat.st_mode) else None


def display_copy(path: Path) -> Path | None:
    """The file to show instead of `path`, or None to show `path` itself.

    Never waits for a copy: the first time a picture needs one, it is shown itself while the copy
    is made on a thread of its own (a separate process does the work), and every later showing
    uses the copy, also after a restart. So a tap never waits for a copy to be made."""
    stat = ordinary_file(path)
    if stat is None:
        return None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    known = _known.get(key)
    if key in _known and (known is None or known.is_file()):
        return known
    kind = copy_kind(path)
    if kind is None:
        _known[key] = None
        return None
    target = _target(stat, kind)
    if target.is_file():
        _known[key] = target
        with _lock:
            _shown_for[str(path)] = target
        with contextlib.suppress(OSError):
            os.utime(target)  # shown now: kept while it is in use
        return target
    with _lock:
        if key not in _making:
            _making.add(key)
            threading.Thread(target=_make_in_background, args=(path, key, target),
                             name="display-copy", daemon=True).start()
    return None


def _make_in_background(path: Path, key: tuple[str, int, int], target: Path) -> None:
    try:
        made = _copy_for(path, target)
    except Exception:  # never let a copy take the kiosk down; the picture itself is shown
        log.exception("making a display copy of %s failed", path)
        made = None
    _known[key] = made
    with _lock:
        _making.discard(key)
    if made is not None:
        from kiosk.app.pyramids import builder

        builder().announce(path)  # queued to the views on the GUI thread


def _target(stat: os.stat_result, kind: str) -> Path:
    identity = f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"
    return cache_dir() / f"{hashlib.sha256(identity.encode()).hexdigest()[:24]}.{kind}"


def copy_kind(path: Path) -> str | None:
    """'jpg' or 'png' (transparency) when this picture is too large to show as it is, else None.
    Reads only the file's header."""
    from PySide6.QtGui import QImage, QImageReader

    reader = QImageReader(str(path))
    if not reader.format().data():
        return None
    size = reader.size()
    if not size.isValid():
        return None
    long_side, short_side = max(size.width(), size.height()), min(size.width(), size.height())
    fits = long_side <= COPY_BOX[0] and short_side <= COPY_BOX[1]
    if fits and size.width() * size.height() <= HEAVY_PIXELS:
        return None
    pixel_format = reader.imageFormat()
    alpha = pixel_format != QImage.Format.Format_Invalid and QImage(1, 1, pixel_format).hasAlphaChannel()
    return "png" if alpha else "jpg"


def needs_copy(path: Path) -> bool:
    """Whether this picture is shown from a screen-size copy."""
    return copy_kind(path) is not None


def is_pending(path: Path) -> bool:
    """Whether a copy of this picture is being made now."""
    try:
        stat = path.stat()
    except OSError:
        return False
    with _lock:
        return (str(path), stat.st_size, stat.st_mtime_ns) in _making


def _copy_for(path: Path, target: Path) -> Path | None:
    folder = target.parent
    if target.is_file():
        return target
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
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
    with _lock:
        earlier = _shown_for.get(str(path))
        _shown_for[str(path)] = target
    if earlier is not None and earlier != target:
        _remove(earlier)
    _prune(folder, keep=target)
    log.info("picture %s is shown from a copy that decodes at display size (%s)", path, target)
    return target


def _prune(folder: Path, keep: Path) -> None:
    """Remove the copies not shown for UNUSED_DAYS, and parts left by a copy that was cut short."""
    import time

    oldest = time.time() - UNUSED_DAYS * 86400
    with contextlib.suppress(OSError):
        for earlier in folder.iterdir():
            with contextlib.suppress(OSError):
                if earlier != keep and earlier.stat().st_mtime < oldest:
                    earlier.unlink()


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def open_upright(vips: Any, source: Path) -> Any:
    """The picture as libvips reads it, turned upright as its camera said (EXIF orientation)."""
    image = vips.Image.new_from_file(str(source), access="sequential", fail_on="error")
    if image.get_typeof("orientation") and image.get("orientation") not in (0, 1):
        image = vips.Image.new_from_file(str(source), fail_on="error").autorot()  # needs the whole picture
    return image


def eight_bit_srgb(image: Any) -> Any:
    """8-bit sRGB (or grey), as JPEG and the screen want: 16-bit, CMYK or Lab pictures converted."""
    if image.interpretation not in ("srgb", "b-w") or image.format != "uchar":
        image = image.colourspace("srgb")
    return image.cast("uchar") if image.format != "uchar" else image


def make_copy(source: Path, target: Path) -> bool:
    """Write `source` at screen size at `target`, JPEG or PNG by its suffix (runs in its own process)."""
    import pyvips

    try:
        header = pyvips.Image.new_from_file(str(source))
        turned = header.get_typeof("orientation") and header.get("orientation") in (5, 6, 7, 8)
        upright_wide = (header.height >= header.width) if turned else (header.width >= header.height)
        width, height = COPY_BOX if upright_wide else COPY_BOX[::-1]
        image = eight_bit_srgb(pyvips.Image.thumbnail(str(source), width, height=height, size="down",
                                                           fail_on="error"))
        if ".png" in target.name:
            image.pngsave(str(target), compression=3, strip=True)
        else:
            image.jpegsave(str(target), Q=QUALITY, strip=True, optimize_coding=True)
    except pyvips.Error as error:
        lines = str(error).strip().splitlines()
        print(f"cannot make a copy of {source}: {lines[0] if lines else 'unknown error'}", file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.rsplit("\n\n", 1)[-1].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(0 if make_copy(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
