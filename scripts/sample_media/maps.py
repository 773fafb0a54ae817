"""Map pictures: the Liaodong Peninsula port map and the Dalian–Kitakyushu sea map."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen

from .paint import (
    CORAL,
    INK,
    MOSS,
    OCHRE,
    PAPER,
    SAGE,
    alpha,
    disc,
    font,
    grain,
    label,
    mix,
    text,
    vertical_gradient,
)

MAP_SEA_TOP = QColor("#a9cfd6")
MAP_SEA_DEEP = QColor("#7fb1c0")
MAP_LAND = QColor("#efe8d4")


def coastline(
    points: Sequence[tuple[float, float]],
    seed: int,
    roughness: float = 0.12,
    levels: int = 5,
    closed: bool = True,
) -> QPainterPath:
    """A natural-looking coast through the given points, by repeated midpoint displacement."""
    rng = random.Random(seed)
    pts = [QPointF(x, y) for x, y in points]
    if closed:
        pts.append(pts[0])
    for _ in range(levels):
        refined = [pts[0]]
        for a, b in itertools.pairwise(pts):
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            off = rng.uniform(-roughness, roughness) * length
            mid = QPointF(
                (a.x() + b.x()) / 2 - dy / (length or 1) * off, (a.y() + b.y()) / 2 + dx / (length or 1) * off
            )
            refined += [mid, b]
        pts = refined
    path = QPainterPath(pts[0])
    for pt in pts[1:]:
        path.lineTo(pt)
    if closed:
        path.closeSubpath()
    return path


def scaled(points: Sequence[tuple[float, float]], w: float, h: float) -> list[tuple[float, float]]:
    return [(x * w, y * h) for x, y in points]


def draw_land(
    p: QPainter, path: QPainterPath, fill: QColor, shore: QColor, depth: int = 4, step: float = 14.0
) -> None:
    """Land with the soft contour rings of shallow water around it."""
    p.setBrush(Qt.BrushStyle.NoBrush)
    for k in range(depth, 0, -1):
        stroker = QPainterPathStroker()
        stroker.setWidth(k * step * 2)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        ring = stroker.createStroke(path).united(path)
        p.setPen(QPen(alpha(PAPER, 0.12 + 0.05 * (depth - k)), 1.5))
        p.drawPath(ring)
    p.setPen(QPen(shore, 2.5))
    p.setBrush(fill)
    p.drawPath(path)


def graticule(p: QPainter, w: float, h: float, step: float) -> None:
    p.setPen(QPen(alpha(INK, 0.08), 1.5, Qt.PenStyle.DashLine))
    x = step
    while x < w:
        p.drawLine(QPointF(x, 0), QPointF(x, h))
        x += step
    y = step
    while y < h:
        p.drawLine(QPointF(0, y), QPointF(w, y))
        y += step


def compass(p: QPainter, x: float, y: float, r: float) -> None:
    p.setPen(QPen(INK, 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(x, y), r, r)
    needle = QPainterPath(QPointF(x, y - r * 1.3))
    needle.lineTo(x + r * 0.22, y)
    needle.lineTo(x, y + r * 1.3)
    needle.lineTo(x - r * 0.22, y)
    needle.closeSubpath()
    p.setBrush(CORAL)
    p.drawPath(needle)
    text(p, x, y - r * 2.1, "N", INK, r * 0.6, weight=QFont.Weight.DemiBold)


def place(
    p: QPainter,
    x: float,
    y: float,
    en: str,
    zh: str,
    size: float = 26,
    dot: QColor = CORAL,
    right: bool = True,
) -> None:
    """A city dot with its two names beside it, set on a pale halo for legibility."""
    disc(p, x, y, size * 0.45, PAPER)
    disc(p, x, y, size * 0.3, dot)
    align = Qt.AlignmentFlag.AlignLeft if right else Qt.AlignmentFlag.AlignRight
    tx = x + size * 0.8 if right else x - size * 0.8
    for dx, dy in ((-2, 0), (2, 0), (0, -2), (0, 2)):
        text(p, tx + dx, y - size * 0.95 + dy, en, PAPER, size, align=align, weight=QFont.Weight.DemiBold)
        text(p, tx + dx, y + size * 0.55 + dy, zh, PAPER, size * 0.9, True, align=align)
    text(p, tx, y - size * 0.95, en, INK, size, align=align, weight=QFont.Weight.DemiBold)
    text(p, tx, y + size * 0.55, zh, INK, size * 0.9, True, align=align)


def sea_name(p: QPainter, x: float, y: float, en: str, zh: str, size: float) -> None:
    p.save()
    p.setPen(alpha(QColor("#2f5f73"), 0.75))
    f = font(size, weight=QFont.Weight.Light)
    f.setItalic(True)
    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 140)
    p.setFont(f)
    p.drawText(QRectF(x - 600, y, 1200, size * 1.5), Qt.AlignmentFlag.AlignHCenter, en.upper())
    p.setFont(font(size * 0.95, chinese=True))
    p.drawText(QRectF(x - 600, y + size * 1.5, 1200, size * 1.6), Qt.AlignmentFlag.AlignHCenter, zh)
    p.restore()


LIAODONG = [
    (0.30, 0.0),
    (0.32, 0.12),
    (0.36, 0.26),
    (0.30, 0.36),
    (0.33, 0.48),
    (0.36, 0.6),
    (0.38, 0.72),
    (0.41, 0.79),
    (0.47, 0.76),
    (0.52, 0.71),
    (0.57, 0.64),
    (0.62, 0.58),
    (0.7, 0.5),
    (0.8, 0.42),
    (0.9, 0.36),
    (1.0, 0.3),
    (1.05, 0.0),
]


def port_map(p: QPainter, w: float, h: float) -> None:
    """The Liaodong Peninsula between the Bohai and Yellow Seas, with the port of Dalian."""
    vertical_gradient(p, QRectF(0, 0, w, h), [(0.0, MAP_SEA_TOP), (1.0, MAP_SEA_DEEP)])
    graticule(p, w, h, 200)
    west = coastline(
        scaled([(-0.05, 0.0), (0.22, 0.0), (0.18, 0.1), (0.1, 0.2), (-0.05, 0.26)], w, h), 201, 0.1
    )
    draw_land(p, west, MAP_LAND, alpha(INK, 0.4))
    land = coastline(scaled(LIAODONG, w, h), 202, 0.09)
    draw_land(p, land, MAP_LAND, alpha(INK, 0.45))
    shandong = coastline(
        scaled([(-0.05, 0.9), (0.12, 0.86), (0.28, 0.93), (0.34, 1.05), (-0.05, 1.05)], w, h), 203, 0.1
    )
    draw_land(p, shandong, MAP_LAND, alpha(INK, 0.4))
    # relief: hills along the spine of the peninsula
    p.setPen(Qt.PenStyle.NoPen)
    rng = random.Random(204)
    for _ in range(70):
        t = rng.random()
        x = w * (0.38 + 0.4 * t + rng.uniform(-0.05, 0.05))
        y = h * (0.62 - 0.5 * t + rng.uniform(-0.05, 0.05))
        if land.contains(QPointF(x, y)):
            p.setBrush(alpha(mix(SAGE, MOSS, rng.random()), 0.22))
            p.drawEllipse(QPointF(x, y), rng.uniform(12, 30), rng.uniform(6, 12))
    # sea lanes out of the port
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(alpha(QColor("#2f5f73"), 0.6), 3, Qt.PenStyle.DashLine))
    port = QPointF(w * 0.47, h * 0.82)
    for end, bend in (
        ((0.1, 1.0), (0.3, 0.95)),
        ((0.9, 1.0), (0.6, 0.95)),
        ((1.0, 0.7), (0.8, 0.8)),
        ((0.0, 0.5), (0.2, 0.82)),
    ):
        lane = QPainterPath(port)
        lane.quadTo(QPointF(w * bend[0], h * bend[1]), QPointF(w * end[0], h * end[1]))
        p.drawPath(lane)
    # railway north to Shenyang and on to Europe
    rail = QPainterPath(QPointF(w * 0.5, h * 0.7))
    rail.cubicTo(w * 0.56, h * 0.5, w * 0.6, h * 0.3, w * 0.58, h * 0.0)
    p.setPen(QPen(INK, 6))
    p.drawPath(rail)
    p.setPen(QPen(PAPER, 3.5, Qt.PenStyle.DashLine))
    p.drawPath(rail)
    # terminals around the bays
    for x, y in ((0.42, 0.72), (0.55, 0.62), (0.47, 0.7)):
        p.setPen(QPen(INK, 2))
        p.setBrush(OCHRE)
        p.drawRect(QRectF(w * x - 12, h * y - 12, 24, 24))
    place(p, w * 0.5, h * 0.7, "Dalian", "大连", 34)
    place(p, w * 0.6, h * 0.12, "To Shenyang", "至沈阳", 26, right=True)
    place(p, w * 0.34, h * 0.2, "Yingkou", "营口", 24, dot=INK, right=False)
    place(p, w * 0.72, h * 0.47, "Zhuanghe", "庄河", 24, dot=INK)
    sea_name(p, w * 0.16, h * 0.45, "Bohai Sea", "渤海", 40)
    sea_name(p, w * 0.74, h * 0.76, "Yellow Sea", "黄海", 40)
    text(p, w * 0.6, h * 0.95, "Liaodong Peninsula  辽东半岛", alpha(INK, 0.6), 24, True)
    compass(p, w - 110, 150, 34)
    # scale bar
    p.setPen(Qt.PenStyle.NoPen)
    for k in range(4):
        p.setBrush(INK if k % 2 == 0 else PAPER)
        p.drawRect(QRectF(60 + k * 60, h - 70, 60, 10))
    text(p, 60, h - 110, "0     50 km", INK, 20, align=Qt.AlignmentFlag.AlignLeft)
    p.fillRect(QRectF(40, 40, 480, 130), alpha(PAPER, 0.85))
    label(p, 70, 80, "The port of Dalian", "大连港", INK, 32)
    grain(p, w, h, 0.04)


def kitakyushu_dalian(p: QPainter, w: float, h: float) -> None:
    """Dalian and Kitakyushu facing each other across the Yellow Sea, joined by a link line."""
    vertical_gradient(p, QRectF(0, 0, w, h), [(0.0, MAP_SEA_TOP), (1.0, MAP_SEA_DEEP)])
    graticule(p, w, h, 160)
    lands = [
        # Liaodong and the mainland to the north
        [
            (-0.05, -0.05),
            (0.6, -0.05),
            (0.52, 0.08),
            (0.42, 0.14),
            (0.36, 0.22),
            (0.3, 0.31),
            (0.26, 0.27),
            (0.2, 0.2),
            (0.1, 0.22),
            (-0.05, 0.3),
        ],
        # Korean Peninsula
        [
            (0.6, -0.05),
            (0.72, -0.05),
            (0.7, 0.1),
            (0.66, 0.25),
            (0.63, 0.4),
            (0.6, 0.5),
            (0.54, 0.5),
            (0.52, 0.38),
            (0.5, 0.24),
            (0.53, 0.12),
            (0.56, 0.04),
        ],
        # Shandong
        [(-0.05, 0.42), (0.1, 0.4), (0.2, 0.44), (0.24, 0.5), (0.14, 0.56), (0.06, 0.64), (-0.05, 0.66)],
        # Kyushu and western Honshu
        [
            (0.7, 0.66),
            (0.74, 0.62),
            (0.8, 0.58),
            (0.88, 0.5),
            (0.98, 0.42),
            (1.05, 0.4),
            (1.05, 0.7),
            (0.92, 0.66),
            (0.84, 0.9),
            (0.74, 0.94),
            (0.7, 0.82),
            (0.68, 0.72),
        ],
    ]
    for i, pts in enumerate(lands):
        draw_land(p, coastline(scaled(pts, w, h), 300 + i, 0.08), MAP_LAND, alpha(INK, 0.4))
    dalian = QPointF(w * 0.3, h * 0.3)
    kita = QPointF(w * 0.72, h * 0.65)
    link = QPainterPath(dalian)
    link.cubicTo(QPointF(w * 0.36, h * 0.62), QPointF(w * 0.55, h * 0.72), kita)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(alpha(PAPER, 0.9), 12))
    p.drawPath(link)
    pen = QPen(CORAL, 6, Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawPath(link)
    mid = link.pointAtPercent(0.5)
    disc(p, mid.x(), mid.y(), 26, PAPER)
    disc(p, mid.x(), mid.y(), 18, CORAL)
    place(p, dalian.x(), dalian.y(), "Dalian", "大连", 36, dot=CORAL)
    place(p, kita.x(), kita.y(), "Kitakyushu", "北九州", 36, dot=CORAL, right=False)
    sea_name(p, w * 0.38, h * 0.4, "Yellow Sea", "黄海", 38)
    sea_name(p, w * 0.2, h * 0.1, "Bohai Sea", "渤海", 28)
    sea_name(p, w * 0.86, h * 0.2, "Sea of Japan", "日本海", 30)
    text(p, w * 0.6, h * 0.28, "Korea  朝鲜半岛", alpha(INK, 0.55), 24, True)
    text(p, w * 0.1, h * 0.5, "Shandong  山东", alpha(INK, 0.55), 24, True)
    compass(p, w - 100, h - 170, 30)
    p.fillRect(QRectF(w - 620, 40, 580, 130), alpha(PAPER, 0.85))
    label(p, w - 590, 80, "Friends across the sea", "隔海相望的友好城市", INK, 30)
    grain(p, w, h, 0.04)
