"""The contrast part of the accessibility audit: each Text against what is drawn behind it.

What counts and what is exempt is told in `kiosk.render.audit`; the ratio is WCAG 2's
(`kiosk.app.contrast`).

How contrast is measured. The text colour is the Text's `color`, its alpha multiplied by the
opacity of the Text and of every ancestor (semi-transparent text is blended with the background
it sits on). The background comes from the window's own picture (`grabWindow`): the part of
the Text's laid-out rectangle that is on screen (clipping ancestors and the window edge cut it)
is split into patches about one line high and three lines wide. In each patch the pixels (every
row, every second column) are sorted into colour buckets (16 levels a channel); the background
is the mean colour of the most common bucket that is not close to the text colour. Glyph cores
are close to the text colour and anti-aliased edge pixels spread thinly over many buckets
between text and background, so the dominant remaining bucket is the background even for bold
Chinese headings. Over pictures (a cover behind a scrim) every patch has its own background and
the worst patch counts. Only
patches where the text is really drawn (some pixels close to the text colour) count; when no
bucket is far enough from the text colour, the text is nearly invisible and the dominant bucket
is used, which reports a ratio near 1:1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.app.contrast import contrast_ratio
from kiosk.render.scene import (
    Finding,
    effective_opacity,
    is_decorative,
    label_of,
    origin,
    scene_rect,
    texts,
    visible_rect,
    whole,
)

BUCKET_MASK = 0xF0F0F0
"""Colour buckets of 16 levels per channel (RGB32 pixels)."""
CLOSE_TO_TEXT = 40
"""A colour within this many levels (of 255) on every channel reads as the text colour."""
MIN_PATCH_PIXELS = 32
COLUMN_STEP = 2
"""Every row but every second pixel of it is sampled: strokes are at least 2 px wide."""


class Picture:
    """The window's picture as RGB32 pixels, read by scene rectangle."""

    def __init__(self, image: QImage) -> None:
        self.image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.ratio = self.image.devicePixelRatio() or 1.0
        self.stride = self.image.bytesPerLine() // 4
        self.pixels = memoryview(self.image.constBits()).cast("I")

    def pixels_in(self, rect: QRectF) -> list[int]:
        left = max(0, int(rect.left() * self.ratio))
        right = min(self.image.width(), int(rect.right() * self.ratio + 0.999))
        top = max(0, int(rect.top() * self.ratio))
        bottom = min(self.image.height(), int(rect.bottom() * self.ratio + 0.999))
        out: list[int] = []
        for row in range(top, bottom):
            start = row * self.stride
            out.extend(self.pixels[start + left:start + right:COLUMN_STEP])
        return out


RGB = tuple[float, float, float]


def _rgb(pixel: int) -> RGB:
    return float((pixel >> 16) & 0xFF), float((pixel >> 8) & 0xFF), float(pixel & 0xFF)


def _bucket_centre(key: int) -> RGB:
    red, green, blue = _rgb(key)
    return red + 8, green + 8, blue + 8


def _close(first: RGB, second: RGB) -> bool:
    return max(abs(a - b) for a, b in zip(first, second, strict=True)) <= CLOSE_TO_TEXT


def blend(front: QColor, alpha: float, back: RGB) -> RGB:
    """The colour a `front` colour with this alpha shows over `back`."""
    return (alpha * front.red() + (1 - alpha) * back[0],
            alpha * front.green() + (1 - alpha) * back[1],
            alpha * front.blue() + (1 - alpha) * back[2])


def patch_background(pixels: list[int], text: QColor, alpha: float) -> tuple[RGB, bool]:
    """The background colour of one patch, and whether the text is drawn in it."""
    buckets = Counter(map(BUCKET_MASK.__and__, pixels))
    pure: RGB = (text.red(), text.green(), text.blue())
    chosen = None
    for key, _count in buckets.most_common():
        centre = _bucket_centre(key)
        if not _close(centre, pure) and not _close(centre, blend(text, alpha, centre)):
            chosen = key
            break
    if chosen is None:  # nothing far from the text colour: the text is (nearly) invisible
        chosen = buckets.most_common(1)[0][0]
    members = [pixel for pixel in pixels if pixel & BUCKET_MASK == chosen]
    background: RGB = (sum((p >> 16) & 0xFF for p in members) / len(members),
                       sum((p >> 8) & 0xFF for p in members) / len(members),
                       sum(p & 0xFF for p in members) / len(members))
    drawn_text = blend(text, alpha, background)
    glyphs = sum(count for key, count in buckets.items()
                 if _close(_bucket_centre(key), drawn_text))
    return background, glyphs >= max(3, len(pixels) // 200)


def patches(rect: QRectF, line: float) -> Iterator[QRectF]:
    height = max(8.0, line)
    width = max(48.0, 3 * height)
    y = rect.top()
    while y < rect.bottom() - 1:
        x = rect.left()
        while x < rect.right() - 1:
            yield QRectF(x, y, min(width, rect.right() - x), min(height, rect.bottom() - y))
            x += width
        y += height


def text_contrast(item: QQuickItem, picture: Picture, window_rect: QRectF
                  ) -> tuple[float, QColor] | None:
    """The worst contrast of the Text against what is drawn behind it, and that background."""
    colour = QColor(item.property("color"))
    alpha = colour.alphaF() * effective_opacity(item)
    if alpha <= 0.01:
        return None
    area = visible_rect(item, window_rect)
    if area.isEmpty():
        return None
    font = item.property("font")
    line = float(font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 4 / 3) * 1.3
    results = []
    for patch in patches(area, line):
        pixels = picture.pixels_in(patch)
        if len(pixels) < MIN_PATCH_PIXELS:
            continue
        background, drawn = patch_background(pixels, colour, alpha)
        if not drawn:
            continue
        shown = QColor.fromRgbF(*(c / 255 for c in blend(colour, alpha, background)))
        back = QColor.fromRgbF(*(c / 255 for c in background))
        results.append((contrast_ratio(shown, back), back))
    return min(results, key=lambda result: result[0]) if results else None


def low_contrast_texts(root: QQuickItem, image: QImage, window_rect: QRectF,
                       min_contrast: float) -> list[Finding]:
    picture = Picture(image)
    findings = []
    for item in texts(root):
        if not item.isEnabled() or is_decorative(item):
            continue
        measured = text_contrast(item, picture, window_rect)
        if measured is None or round(measured[0], 2) >= min_contrast:
            continue
        ratio, background = measured
        findings.append(Finding(
            "contrast", f"text {label_of(item)}",
            f"{ratio:.1f}:1 < {min_contrast:g}:1 ({QColor(item.property('color')).name()} "
            f"on {background.name()})", ratio, whole(scene_rect(item)), *origin(item)))
    return findings
