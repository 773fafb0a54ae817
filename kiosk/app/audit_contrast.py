"""The contrast part of the accessibility audit: each Text against what is drawn behind it.

What counts and what is exempt is told in `kiosk.app.audit`, how the background is read from
the window's picture in `kiosk.app.audit_pixels`.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.app.audit import (
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
from kiosk.app.audit_pixels import MIN_PATCH_PIXELS, Picture, blend, patch_background, patches
from kiosk.app.contrast import contrast_ratio


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
