"""Shared drawing kit for the sample exhibition's flat, poster-style illustrations.

Every picture is built from the same few layers (sky, far hills, city, water, foreground),
the same palette and the same two typefaces, so the exhibition reads as one designed set.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QImageWriter,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)

LATIN_FONT = "Noto Sans"
CHINESE_FONT = "Noto Sans CJK SC"

# The exhibition palette: ink, sea, sage, sand, coral, ochre and paper.
INK = QColor("#1d2b3a")
NAVY = QColor("#24364a")
SEA = QColor("#3d7a94")
TEAL = QColor("#2f6f73")
SAGE = QColor("#81b29a")
MOSS = QColor("#5a8f6e")
SAND = QColor("#e8dcc4")
PAPER = QColor("#f4f1de")
CORAL = QColor("#e07a5f")
OCHRE = QColor("#f2cc8f")
DUSK = QColor("#8d6a9f")
STEEL = QColor("#52606d")


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour a fraction `t` of the way from `a` to `b`."""
    t = max(0.0, min(1.0, t))
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
        round(a.alpha() + (b.alpha() - a.alpha()) * t),
    )


def alpha(c: QColor, a: float) -> QColor:
    out = QColor(c)
    out.setAlphaF(max(0.0, min(1.0, a)))
    return out


def vertical_gradient(p: QPainter, rect: QRectF, stops: Sequence[tuple[float, QColor]]) -> None:
    g = QLinearGradient(rect.topLeft(), rect.bottomLeft())
    for pos, colour in stops:
        g.setColorAt(pos, colour)
    p.fillRect(rect, QBrush(g))


def glow(p: QPainter, x: float, y: float, r: float, colour: QColor, strength: float = 0.6) -> None:
    """A soft round light: a sun, a moon halo, a street lamp."""
    g = QRadialGradient(QPointF(x, y), r)
    g.setColorAt(0.0, alpha(colour, strength))
    g.setColorAt(1.0, alpha(colour, 0.0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(g))
    p.drawEllipse(QPointF(x, y), r, r)


def disc(p: QPainter, x: float, y: float, r: float, colour: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QPointF(x, y), r, r)


def ridge_heights(
    width: float, seed: int, amplitude: float, waves: int = 4, step: float = 8.0
) -> list[tuple[float, float]]:
    """A smooth, repeatable skyline of hills as (x, offset) pairs."""
    rng = random.Random(seed)
    parts = [
        (rng.uniform(0.6, 1.0) / (k + 1), rng.uniform(0.7, 1.3) * (k + 1), rng.uniform(0, 6.3))
        for k in range(waves)
    ]
    total = sum(a for a, _, _ in parts)
    points = []
    n = int(width / step) + 2
    for i in range(n):
        x = i * step
        u = x / width * math.pi * 2
        v = sum(a * math.sin(u * f + ph) for a, f, ph in parts) / total
        points.append((x, v * amplitude))
    return points


def hills(
    p: QPainter,
    width: float,
    base_y: float,
    amplitude: float,
    fill: QColor | QBrush,
    seed: int,
    bottom: float,
    waves: int = 4,
) -> QPainterPath:
    """Fill a band of rolling hills from `base_y` down to `bottom`; returns the outline."""
    path = QPainterPath(QPointF(0, bottom))
    for x, dy in ridge_heights(width, seed, amplitude, waves):
        path.lineTo(x, base_y - dy)
    path.lineTo(width, bottom)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fill)
    p.drawPath(path)
    return path


def water(p: QPainter, rect: QRectF, top: QColor, bottom: QColor, seed: int, shimmer: QColor) -> None:
    """A calm sea: a gradient with short horizontal ripples that thin out towards the horizon."""
    vertical_gradient(p, rect, [(0.0, top), (1.0, bottom)])
    rng = random.Random(seed)
    p.setBrush(Qt.BrushStyle.NoBrush)
    rows = int(rect.height() / 9)
    for i in range(rows):
        depth = i / max(1, rows - 1)
        y = rect.top() + 4 + depth * (rect.height() - 6)
        p.setPen(QPen(alpha(shimmer, 0.10 + 0.18 * depth), 1.2 + depth * 1.8))
        for _ in range(2 + int(depth * 4)):
            x = rng.uniform(rect.left(), rect.right())
            length = rng.uniform(20, 60) * (0.4 + depth)
            p.drawLine(QPointF(x, y), QPointF(x + length, y))


def reflection(p: QPainter, x: float, y: float, w: float, h: float, colour: QColor) -> None:
    """Broken vertical light on water below a lit object."""
    p.setPen(Qt.PenStyle.NoPen)
    steps = 10
    for i in range(steps):
        t = i / steps
        p.setBrush(alpha(colour, 0.35 * (1 - t)))
        ww = w * (1 - 0.5 * t) * (0.7 + 0.3 * math.sin(i * 2.1))
        p.drawRect(QRectF(x - ww / 2, y + t * h, ww, h / steps * 0.55))


def building(
    p: QPainter,
    x: float,
    base: float,
    w: float,
    h: float,
    body: QColor,
    window: QColor | None,
    rng: random.Random,
    lit: float = 0.5,
    roof: str = "flat",
) -> None:
    """One building of the city: a block with a shaded side, a roof detail and windows."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(body)
    top = base - h
    p.drawRect(QRectF(x, top, w, h))
    p.setBrush(alpha(QColor("black"), 0.12))
    p.drawRect(QRectF(x + w * 0.62, top, w * 0.38, h))
    p.setBrush(body)
    if roof == "spire":
        p.drawRect(QRectF(x + w * 0.2, top - h * 0.08, w * 0.6, h * 0.08))
        path = QPainterPath(QPointF(x + w * 0.42, top - h * 0.08))
        path.lineTo(x + w * 0.5, top - h * 0.3)
        path.lineTo(x + w * 0.58, top - h * 0.08)
        p.drawPath(path)
    elif roof == "step":
        p.drawRect(QRectF(x + w * 0.15, top - h * 0.06, w * 0.7, h * 0.06))
        p.drawRect(QRectF(x + w * 0.3, top - h * 0.11, w * 0.4, h * 0.05))
    elif roof == "slant":
        path = QPainterPath(QPointF(x, top))
        path.lineTo(x + w, top - w * 0.5)
        path.lineTo(x + w, top)
        p.drawPath(path)
    if window is None or w < 10:
        return
    cols = max(1, int(w / 9))
    rows = max(1, int(h / 12))
    cw = w / cols
    for r in range(1, rows):
        for c in range(cols):
            if rng.random() < lit:
                p.setBrush(alpha(window, rng.uniform(0.55, 1.0)))
                p.drawRect(QRectF(x + c * cw + cw * 0.25, top + r * 12, cw * 0.5, 5))


def skyline(
    p: QPainter,
    x0: float,
    x1: float,
    base: float,
    max_h: float,
    body: QColor,
    window: QColor | None,
    seed: int,
    lit: float = 0.4,
    gap: float = 2.0,
    towers: bool = True,
) -> None:
    """A row of buildings, tall in the middle of the range, lower towards the ends."""
    rng = random.Random(seed)
    x = x0
    while x < x1:
        w = rng.uniform(26, 64)
        centre = 1 - abs((x + w / 2 - (x0 + x1) / 2) / ((x1 - x0) / 2 + 1))
        h = max_h * (0.25 + 0.75 * centre) * rng.uniform(0.45, 1.0)
        roof = "flat"
        if towers and h > max_h * 0.7:
            roof = rng.choice(["spire", "step", "slant", "flat"])
        shade = mix(body, QColor("white"), rng.uniform(0.0, 0.12))
        building(p, x, base, w, h, shade, window, rng, lit, roof)
        x += w + gap


def grain(p: QPainter, width: float, height: float, strength: float = 0.05, seed: int = 7) -> None:
    """A faint printed-paper grain over the whole picture."""
    rng = random.Random(seed)
    tile = QImage(96, 96, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(Qt.GlobalColor.transparent)
    tp = QPainter(tile)
    tp.setPen(Qt.PenStyle.NoPen)
    for _ in range(700):
        shade = rng.choice([QColor(255, 255, 255, 90), QColor(0, 0, 0, 90)])
        tp.setBrush(shade)
        tp.drawRect(QRectF(rng.randrange(96), rng.randrange(96), 1, 1))
    tp.end()
    p.save()
    p.setOpacity(strength)
    p.fillRect(QRectF(0, 0, width, height), QBrush(tile))
    p.restore()


def vignette(p: QPainter, width: float, height: float, strength: float = 0.35) -> None:
    g = QRadialGradient(QPointF(width / 2, height / 2), max(width, height) * 0.75)
    g.setColorAt(0.55, QColor(0, 0, 0, 0))
    g.setColorAt(1.0, alpha(INK, strength))
    p.fillRect(QRectF(0, 0, width, height), QBrush(g))


def font(size: float, chinese: bool = False, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    f = QFont(CHINESE_FONT if chinese else LATIN_FONT)
    f.setPixelSize(max(1, round(size)))
    f.setWeight(weight)
    if not chinese:
        f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    return f


def label(
    p: QPainter,
    x: float,
    y: float,
    en: str,
    zh: str,
    colour: QColor,
    size: float = 28,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    rule: bool = True,
) -> None:
    """A bilingual caption: a short rule, the English line, the Chinese line beneath it."""
    if not captions_on[0]:
        return
    p.save()
    flags = align | Qt.AlignmentFlag.AlignTop
    box_w = 2000.0
    left = x if align == Qt.AlignmentFlag.AlignLeft else x - box_w
    if align == Qt.AlignmentFlag.AlignHCenter:
        left = x - box_w / 2
    if rule:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(CORAL)
        rx = x if align == Qt.AlignmentFlag.AlignLeft else x - size * 1.6
        if align == Qt.AlignmentFlag.AlignHCenter:
            rx = x - size * 0.8
        p.drawRect(QRectF(rx, y - size * 0.55, size * 1.6, max(2.0, size * 0.12)))
    p.setPen(colour)
    p.setFont(font(size, weight=QFont.Weight.DemiBold))
    p.drawText(QRectF(left, y, box_w, size * 1.5), flags, en.upper())
    p.setFont(font(size * 0.9, chinese=True))
    p.drawText(QRectF(left, y + size * 1.45, box_w, size * 1.5), flags, zh)
    p.restore()


def text(
    p: QPainter,
    x: float,
    y: float,
    words: str,
    colour: QColor,
    size: float,
    chinese: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
    weight: QFont.Weight = QFont.Weight.Normal,
) -> None:
    """One line of text centred (by default) on x, top at y."""
    p.save()
    p.setPen(colour)
    p.setFont(font(size, chinese, weight))
    left = x - 1000 if align == Qt.AlignmentFlag.AlignHCenter else x
    if align == Qt.AlignmentFlag.AlignRight:
        left = x - 2000
    p.drawText(QRectF(left, y, 2000, size * 1.6), align | Qt.AlignmentFlag.AlignTop, words)
    p.restore()


# Floor covers reuse scenes without their captions; the kiosk prints the floor title itself.
captions_on = [True]

DrawFn = Callable[[QPainter, float, float], None]


def render(
    draw: DrawFn, width: int, height: int, out_w: int | None = None, out_h: int | None = None
) -> QImage:
    """Draw a picture designed at width x height, optionally scaled to another output size."""
    out_w = out_w or width
    out_h = out_h or height
    image = QImage(out_w, out_h, QImage.Format.Format_RGB32)
    image.fill(PAPER)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.scale(out_w / width, out_h / height)
    draw(p, float(width), float(height))
    p.end()
    return image


def save_png(image: QImage, path: str) -> None:
    """Save at the strongest PNG compression (pictures are committed, so size matters)."""
    writer = QImageWriter(path, b"png")
    writer.setQuality(0)
    if not writer.write(image):
        raise OSError(f"could not write {path}: {writer.errorString()}")
