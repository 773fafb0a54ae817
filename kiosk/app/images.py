"""Pictures from the content folder, decoded at the size they are shown.

Visitor screens use `picture_url()`: plain file URLs that Qt's own picture thread decodes
in C++ at the Image's `sourceSize` (a 16k x 16k JPEG plan shown on a 1920 screen is decoded
at about 1920 wide, never at full size) and keeps in its pixmap cache. A picture larger than a
4K screen, in any format, is shown from a screen-size copy (`kiosk.app.display_copies`); zoom
views add the sharp tiles of its pyramid (`kiosk.app.pyramids`, `kiosk.app.tiled_picture`).

`KioskImageProvider` (`image://kiosk/<path>`) does the same in Python, with a memory-budgeted
cache, `?region=` tiles and a calm placeholder plus a log line for a missing or broken file.
It answers on the thread that asks; QML Images must not load it asynchronously, because
Qt's picture thread would then wait for Python's GIL (see `picture_url`).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPen
from PySide6.QtQml import QQmlImageProviderBase
from PySide6.QtQuick import QQuickImageProvider

from kiosk.app.display_copies import display_copy

log = logging.getLogger("kiosk.images")

PROVIDER_ID = "kiosk"
DEFAULT_BUDGET_BYTES = 24 * 1024 * 1024  # Qt keeps its own pixmap cache too
DEFAULT_LONG_SIDE = 1920
MAX_LONG_SIDE = 4096
DECODE_LIMIT_MB = 512
"""Largest picture decoded at once; JPEG plans are decoded scaled down, so they stay far below."""


def image_url(relative_path: str) -> str:
    """The `image://kiosk/` URL of a picture in the content folder (synchronous use only)."""
    return f"image://{PROVIDER_ID}/{relative_path.lstrip('/')}"


def picture_url(root: Path, relative_path: str) -> str:
    """The URL QML Images use for a picture in the content folder: a plain file URL.

    Qt's own reader decodes it off the GUI thread in C++, at the Image's `sourceSize`
    (JPEG scaled in the decoder), clipped by `sourceClipRect`, and caches it. A Python
    provider would have to take the GIL on Qt's picture thread, which can deadlock against
    a Python slot that makes QML drop a picture while another one is loading.
    """
    path = root / relative_path
    return QUrl.fromLocalFile(str(display_copy(path) or path)).toString()


def target_size(original: QSize, requested: QSize) -> QSize:
    """The size to decode at: what QML asked for, keeping the aspect ratio, never upscaled."""
    if not original.isValid() or original.isEmpty():
        return original
    width, height = original.width(), original.height()
    req_w, req_h = max(0, requested.width()), max(0, requested.height())
    if req_w == 0 and req_h == 0:
        factor = min(1.0, DEFAULT_LONG_SIDE / max(width, height))
    elif req_w == 0:
        factor = req_h / height
    elif req_h == 0:
        factor = req_w / width
    else:
        # fill the requested box (PreserveAspectCrop needs the larger of the two)
        factor = max(req_w / width, req_h / height)
    factor = min(factor, 1.0, MAX_LONG_SIDE / max(width, height))
    return QSize(max(1, round(width * factor)), max(1, round(height * factor)))


def parse_region(image_id: str, original: QSize) -> QRect | None:
    """`path?region=x,y,w,h` (fractions of the picture) asks for one part of a large picture,
    e.g. a tile of a zoomed-in plan; None when the whole picture is wanted."""
    if "?region=" not in image_id or not original.isValid():
        return None
    try:
        x, y, w, h = (float(part) for part in image_id.split("?region=", 1)[1].split(","))
    except ValueError:
        return None
    left, top = round(x * original.width()), round(y * original.height())
    rect = QRect(left, top, max(1, round(w * original.width())), max(1, round(h * original.height())))
    return rect.intersected(QRect(0, 0, original.width(), original.height())) or None


def placeholder(size: QSize, label: str = "") -> QImage:
    """A quiet dark tile with a thin frame, shown when a picture cannot be read."""
    width = size.width() if size.width() > 0 else 640
    height = size.height() if size.height() > 0 else round(width * 9 / 16)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1b2530"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor("#3a4856"))
    pen.setWidth(max(2, width // 200))
    painter.setPen(pen)
    inset = max(8, min(width, height) // 12)
    painter.drawRoundedRect(QRect(inset, inset, width - 2 * inset, height - 2 * inset), 12, 12)
    # a simple picture symbol: a sun and two hills
    unit = min(width, height) / 10
    cx, cy = width / 2, height / 2
    painter.setBrush(QColor("#3a4856"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(round(cx + unit * 0.6), round(cy - unit * 1.4), round(unit), round(unit))
    painter.setBrush(QColor("#2c3944"))
    painter.drawEllipse(round(cx - unit * 2.2), round(cy - unit * 0.2), round(unit * 3), round(unit * 3))
    if label and height > 120:
        font = QFont("Noto Sans")
        font.setPixelSize(max(12, round(unit * 0.45)))
        painter.setFont(font)
        painter.setPen(QColor("#6f7f8e"))
        painter.drawText(
            QRect(0, round(cy + unit * 1.6), width, round(unit)), Qt.AlignmentFlag.AlignHCenter, label
        )
    painter.end()
    return image


class ImageCache:
    """Decoded pictures by (path, size), least recently used dropped first past the budget."""

    def __init__(self, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        self.budget_bytes = budget_bytes
        self._images: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def used_bytes(self) -> int:
        return self._bytes

    def get(self, key: tuple[str, int, int]) -> QImage | None:
        with self._lock:
            image = self._images.get(key)
            if image is not None:
                self._images.move_to_end(key)
            return image

    def put(self, key: tuple[str, int, int], image: QImage) -> None:
        size = image.sizeInBytes()
        if size > self.budget_bytes // 4:
            return  # one giant picture must not push every other out
        with self._lock:
            old = self._images.pop(key, None)
            if old is not None:
                self._bytes -= old.sizeInBytes()
            self._images[key] = image
            self._bytes += size
            while self._bytes > self.budget_bytes and self._images:
                _, dropped = self._images.popitem(last=False)
                self._bytes -= dropped.sizeInBytes()

    def clear(self) -> None:
        with self._lock:
            self._images.clear()
            self._bytes = 0


class KioskImageProvider(QQuickImageProvider):
    """Serves `image://kiosk/<path relative to the content folder>` to synchronous callers."""

    def __init__(self, root: Path | None, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        super().__init__(QQmlImageProviderBase.ImageType.Image)
        self.root = (root or Path.cwd()).resolve()
        QImageReader.setAllocationLimit(DECODE_LIMIT_MB)
        self.cache = ImageCache(budget_bytes)
        self._reported: set[str] = set()

    def resolve(self, image_id: str) -> Path | None:
        """The file for an id, or None if it would leave the content folder."""
        relative = image_id.split("?", 1)[0].split("#", 1)[0]
        path = (self.root / relative).resolve()
        if path != self.root and self.root not in path.parents:
            return None
        return path

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        try:
            image = self.load(image_id, requested)
        except Exception:  # a picture must never take the exhibition down
            log.exception("could not show picture %s", image_id)
            image = placeholder(requested)
        if size is not None:
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image

    def load(self, image_id: str, requested: QSize) -> QImage:
        key = (image_id, max(0, requested.width()), max(0, requested.height()))
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        path = self.resolve(image_id)
        if path is None:
            return self._missing(image_id, requested, "is outside the content folder")
        if not path.is_file():
            return self._missing(image_id, requested, "does not exist")
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        original = reader.size()
        region = parse_region(image_id, original)
        if region is not None:
            reader.setClipRect(region)
            reader.setScaledSize(target_size(region.size(), requested))
        elif original.isValid():
            reader.setScaledSize(target_size(original, requested))
        image = reader.read()
        if image.isNull():
            return self._missing(image_id, requested, f"cannot be read ({reader.errorString()})")
        self.cache.put(key, image)
        return image

    def _missing(self, image_id: str, requested: QSize, reason: str) -> QImage:
        if image_id not in self._reported:
            self._reported.add(image_id)
            log.warning("picture %s %s; showing a placeholder", image_id, reason)
        return placeholder(requested)
