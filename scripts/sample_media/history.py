"""Floor 1 pictures: the harbour town, the street plan, the squares, industry, the city today."""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from . import things
from .paint import (
    CORAL,
    INK,
    MOSS,
    NAVY,
    OCHRE,
    PAPER,
    SAGE,
    SAND,
    SEA,
    STEEL,
    TEAL,
    alpha,
    captions_on,
    disc,
    glow,
    grain,
    hills,
    label,
    mix,
    skyline,
    text,
    vertical_gradient,
    vignette,
    water,
)

SEPIA_PAPER = QColor("#eadcbf")
SEPIA_INK = QColor("#5b4330")


def old_harbour(p: QPainter, w: float, h: float) -> None:
    """An ink-and-wash sketch of the fishing harbour around 1899."""
    vertical_gradient(p, QRectF(0, 0, w, h), [(0.0, QColor("#efe3c8")), (1.0, SEPIA_PAPER)])
    horizon = h * 0.55
    wash = alpha(SEPIA_INK, 0.16)
    hills(p, w, horizon - 90, 80, wash, seed=41, bottom=horizon)
    hills(p, w, horizon - 30, 50, alpha(SEPIA_INK, 0.24), seed=42, bottom=horizon)
    # hatching on the far hills
    p.setPen(QPen(alpha(SEPIA_INK, 0.35), 1.2))
    rng = random.Random(43)
    for _ in range(260):
        x = rng.uniform(0, w)
        y = rng.uniform(horizon - 120, horizon - 10)
        p.drawLine(QPointF(x, y), QPointF(x + 10, y - 8))
    # low houses along the shore
    for i in range(14):
        x = w * 0.52 + i * 50 + rng.uniform(-8, 8)
        hh = rng.uniform(30, 46)
        p.setPen(QPen(SEPIA_INK, 2))
        p.setBrush(alpha(QColor("#d9c7a4"), 1.0))
        p.drawRect(QRectF(x, horizon - hh, 42, hh))
        roof = QPainterPath(QPointF(x - 6, horizon - hh))
        roof.lineTo(x + 21, horizon - hh - 18)
        roof.lineTo(x + 48, horizon - hh)
        p.setBrush(alpha(SEPIA_INK, 0.55))
        p.drawPath(roof)
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#e3d4b4"), QColor("#cdb894"), 44, SEPIA_INK)
    # a lighthouse on the headland
    p.setPen(QPen(SEPIA_INK, 2))
    p.setBrush(QColor("#efe3c8"))
    tower = QPainterPath(QPointF(w * 0.12 - 14, horizon - 70))
    tower.lineTo(w * 0.12 - 9, horizon - 160)
    tower.lineTo(w * 0.12 + 9, horizon - 160)
    tower.lineTo(w * 0.12 + 14, horizon - 70)
    tower.closeSubpath()
    p.drawPath(tower)
    p.setBrush(alpha(SEPIA_INK, 0.6))
    p.drawRect(QRectF(w * 0.12 - 12, horizon - 176, 24, 16))
    p.drawLine(QPointF(w * 0.12 - 11, horizon - 120), QPointF(w * 0.12 + 11, horizon - 120))
    # wooden jetty on piles
    p.setPen(QPen(SEPIA_INK, 3))
    p.setBrush(alpha(QColor("#c9a97a"), 0.8))
    deck = QPainterPath(QPointF(w * 0.5, horizon + 2))
    deck.lineTo(w * 0.88, horizon + 66)
    deck.lineTo(w * 0.88, horizon + 76)
    deck.lineTo(w * 0.5, horizon + 12)
    deck.closeSubpath()
    p.drawPath(deck)
    for k in range(12):
        x = w * 0.5 + k * (w * 0.38 / 11)
        y = horizon + 6 + k * 64 / 11
        p.drawLine(QPointF(x, y), QPointF(x, y + 30))
    for x, y, s in ((0.18, 0.74, 1.9), (0.36, 0.66, 1.2), (0.5, 0.84, 2.3), (0.08, 0.6, 0.8)):
        things.sailboat(p, w * x, h * y, s, SEPIA_INK, alpha(QColor("#c9a97a"), 0.9))
    # foreground shore: rocks, reeds and poles with drying nets
    shore = QPainterPath(QPointF(w * 0.55, h))
    shore.cubicTo(w * 0.7, h * 0.9, w * 0.85, h * 0.88, w, h * 0.86)
    shore.lineTo(w, h)
    shore.closeSubpath()
    p.setPen(QPen(SEPIA_INK, 2.5))
    p.setBrush(QColor("#ddc9a2"))
    p.drawPath(shore)
    for rx, ry, rr in ((0.74, 0.95, 38), (0.8, 0.93, 26), (0.93, 0.92, 44)):
        p.setBrush(alpha(SEPIA_INK, 0.35))
        p.drawChord(QRectF(w * rx - rr, h * ry - rr * 0.7, rr * 2, rr * 1.4), 0, 180 * 16)
    p.setPen(QPen(SEPIA_INK, 2))
    for k in range(18):
        bx = w * 0.6 + k * 16 + rng.uniform(-4, 4)
        p.drawLine(QPointF(bx, h * 0.98), QPointF(bx + rng.uniform(-8, 8), h * 0.98 - rng.uniform(30, 60)))
    p.setPen(QPen(SEPIA_INK, 3))
    for px in (0.84, 0.9, 0.96):
        p.drawLine(QPointF(w * px, h * 0.9), QPointF(w * px, h * 0.76))
    p.setPen(QPen(alpha(SEPIA_INK, 0.55), 1.2))
    for k in range(8):
        y = h * 0.77 + k * 9
        p.drawLine(QPointF(w * 0.84, y), QPointF(w * 0.96, y + 4 * math.sin(k)))
    # birds
    p.setPen(QPen(SEPIA_INK, 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for k in range(6):
        bx, by = w * 0.3 + k * 46 + rng.uniform(-10, 10), h * 0.2 + rng.uniform(-20, 20)
        path = QPainterPath(QPointF(bx - 10, by))
        path.quadTo(bx - 4, by - 7, bx, by)
        path.quadTo(bx + 4, by - 7, bx + 10, by)
        p.drawPath(path)
    p.setPen(QPen(alpha(SEPIA_INK, 0.6), 3))
    p.drawRect(QRectF(30, 30, w - 60, h - 60))
    label(p, 80, h - 150, "The harbour, about 1899", "约1899年的海港", SEPIA_INK, 30)
    grain(p, w, h, 0.12)


def street_plan_1930(p: QPainter, w: float, h: float) -> None:
    """An old printed city plan: round squares joined by radiating avenues."""
    p.fillRect(QRectF(0, 0, w, h), QColor("#efe4c9"))
    p.setClipRect(QRectF(36, 36, w - 72, h - 72))
    squares = [(0.32, 0.5, 95), (0.66, 0.42, 70), (0.55, 0.76, 60), (0.15, 0.78, 50)]
    road = QPen(QColor("#b98a5a"), 10)
    road.setCapStyle(Qt.PenCapStyle.FlatCap)
    # street grid in the blocks between the avenues
    p.setPen(QPen(alpha(SEPIA_INK, 0.35), 2))
    for x in range(60, int(w), 44):
        p.drawLine(QPointF(x, h * 0.26), QPointF(x + 30, h - 60))
    for y in range(int(h * 0.26), int(h - 50), 44):
        p.drawLine(QPointF(50, y), QPointF(w - 50, y - 20))
    p.setPen(road)
    for i, (ax, ay, _) in enumerate(squares):
        for bx, by, _ in squares[i + 1 :]:
            p.drawLine(QPointF(w * ax, h * ay), QPointF(w * bx, h * by))
        for k in range(8):
            ang = k * math.pi / 4 + 0.2 * i
            p.drawLine(
                QPointF(w * ax, h * ay), QPointF(w * ax + math.cos(ang) * 260, h * ay + math.sin(ang) * 260)
            )
    sea = QPainterPath(QPointF(0, 0))
    sea.lineTo(w, 0)
    sea.lineTo(w, h * 0.16)
    for i in range(20):
        sx = w - i * w / 19
        sea.lineTo(sx, h * 0.16 + 30 * math.sin(i * 1.3) + (60 if 8 < i < 13 else 0))
    sea.closeSubpath()
    p.setPen(QPen(alpha(SEA, 0.8), 3))
    p.setBrush(QColor("#cfd8cc"))
    p.drawPath(sea)
    for ax, ay, r in squares:
        p.setPen(QPen(SEPIA_INK, 3))
        p.setBrush(QColor("#efe4c9"))
        p.drawEllipse(QPointF(w * ax, h * ay), r, r)
        p.setBrush(alpha(SAGE, 0.8))
        p.drawEllipse(QPointF(w * ax, h * ay), r * 0.6, r * 0.6)
        for k in range(12):
            ang = k * math.pi / 6
            disc(p, w * ax + math.cos(ang) * r * 0.8, h * ay + math.sin(ang) * r * 0.8, 5, MOSS)
    p.setClipping(False)
    # compass rose
    cx, cy = w - 140, h - 150
    p.setPen(QPen(SEPIA_INK, 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(cx, cy), 60, 60)
    star = QPainterPath(QPointF(cx, cy - 80))
    star.lineTo(cx + 12, cy)
    star.lineTo(cx, cy + 80)
    star.lineTo(cx - 12, cy)
    star.closeSubpath()
    p.setBrush(alpha(CORAL, 0.9))
    p.drawPath(star)
    text(p, cx, cy - 118, "N", SEPIA_INK, 26)
    p.setPen(QPen(SEPIA_INK, 4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(24, 24, w - 48, h - 48))
    p.setPen(QPen(SEPIA_INK, 1.5))
    p.drawRect(QRectF(36, 36, w - 72, h - 72))
    if captions_on[0]:
        p.fillRect(QRectF(60, h - 190, 520, 130), alpha(QColor("#efe4c9"), 0.92))
        label(p, 84, h - 160, "Street plan, 1930", "1930年街道规划图", SEPIA_INK, 32)
    grain(p, w, h, 0.1)


def zhongshan_square(p: QPainter, w: float, h: float) -> None:
    """The round square ringed by classical bank buildings on a bright morning."""
    horizon = h * 0.52
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#a8cfdc")), (1.0, PAPER)])
    glow(p, w * 0.15, h * 0.12, 260, OCHRE, 0.35)
    skyline(p, 0, w, horizon - 40, 240, mix(SEA, PAPER, 0.55), None, seed=61, lit=0, gap=4)
    stones = [QColor("#d9c9a8"), QColor("#e6d8bd"), QColor("#cdb48e"), QColor("#dccfb5")]
    specs = [
        (-0.02, 0.2, 170, False),
        (0.17, 0.18, 210, False),
        (0.37, 0.26, 250, True),
        (0.63, 0.19, 200, False),
        (0.83, 0.2, 180, False),
    ]
    for i, (x, bw, bh, dome) in enumerate(specs):
        things.classical(
            p, w * x, horizon + 40, w * bw - 12, bh, stones[i % 4], mix(stones[i % 4], INK, 0.35), dome
        )
    # the round plaza seen at an angle
    plaza = QRectF(w * 0.08, horizon + 40, w * 0.84, h * 0.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#d8cbb0"))
    p.drawRect(QRectF(0, horizon + 40, w, h))
    p.setBrush(QColor("#cbbb9a"))
    p.drawEllipse(plaza)
    p.setBrush(SAGE)
    p.drawEllipse(plaza.adjusted(80, 40, -80, -40))
    p.setPen(QPen(QColor("#e6dcc6"), 12))
    c = plaza.center()
    for k in range(8):
        ang = k * math.pi / 4
        p.drawLine(
            c,
            QPointF(
                c.x() + math.cos(ang) * plaza.width() * 0.45, c.y() + math.sin(ang) * plaza.height() * 0.45
            ),
        )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e6dcc6"))
    p.drawEllipse(c, 70, 24)
    p.setBrush(SEA)
    p.drawEllipse(c, 50, 16)
    rng = random.Random(62)
    for k in range(16):
        ang = k * math.pi / 8 + 0.2
        things.tree(
            p,
            c.x() + math.cos(ang) * plaza.width() * 0.47,
            c.y() + math.sin(ang) * plaza.height() * 0.47 + 10,
            1.3,
            mix(MOSS, TEAL, rng.random() * 0.5),
        )
    things.crowd(p, w * 0.1, w * 0.9, h * 0.95, 1.6, 63, 18, [INK, CORAL, NAVY, STEEL])
    label(p, 80, 110, "Zhongshan Square", "中山广场", INK, 32)
    grain(p, w, h)


def industry_1970s(p: QPainter, w: float, h: float) -> None:
    """Factory halls, tall chimneys and heavy smoke under a hazy ochre sky."""
    ground = h * 0.72
    vertical_gradient(
        p,
        QRectF(0, 0, w, ground),
        [(0.0, QColor("#b9ad96")), (0.6, QColor("#d8c39a")), (1.0, QColor("#e3cf9f"))],
    )
    glow(p, w * 0.72, h * 0.3, 240, QColor("#f0d9a0"), 0.7)
    hills(p, w, ground - 80, 50, QColor("#a99c84"), seed=71, bottom=ground)
    base_colour = QColor("#7a6a58")
    for i, (x, ch) in enumerate(((0.2, 380), (0.28, 330), (0.55, 420), (0.78, 350))):
        things.smoke(p, w * x + 4, ground - ch - 40, 46, QColor("#8c8174"), seed=72 + i, drift=1.6, puffs=12)
    for x, ch in ((0.2, 380), (0.28, 330), (0.55, 420), (0.78, 350)):
        things.chimney(p, w * x, ground - 30, 44, ch, QColor("#9a5b45"), PAPER)
    things.factory(p, w * 0.05, ground, w * 0.4, 130, base_colour, QColor("#5f5245"))
    things.factory(p, w * 0.48, ground, w * 0.45, 150, QColor("#6f6152"), QColor("#54483c"))
    # storage tanks
    for k in range(3):
        x = w * 0.08 + k * 110
        p.setBrush(QColor("#a59886"))
        p.drawRect(QRectF(x, ground - 90, 90, 90))
        p.drawEllipse(QRectF(x, ground - 102, 90, 24))
    p.fillRect(QRectF(0, ground, w, h - ground), QColor("#6b5e50"))
    p.setPen(QPen(QColor("#3b332c"), 4))
    for y in (ground + 60, ground + 80):
        p.drawLine(QPointF(0, y), QPointF(w, y))
    p.setPen(QPen(QColor("#3b332c"), 6))
    for x in range(0, int(w), 30):
        p.drawLine(QPointF(x, ground + 56), QPointF(x, ground + 84))
    # a freight wagon line
    p.setPen(Qt.PenStyle.NoPen)
    for k in range(7):
        p.setBrush(QColor("#8a4b3b") if k % 2 else QColor("#5a4a3d"))
        p.drawRect(QRectF(w * 0.25 + k * 120, ground + 12, 112, 46))
    vignette(p, w, h, 0.35)
    label(p, 80, h - 120, "Industry in the 1970s", "二十世纪七十年代的工业", PAPER, 30)
    grain(p, w, h, 0.08)


def city_1990s(p: QPainter, w: float, h: float) -> None:
    """Mid-rise blocks and the first towers by the bay, in faded print colours."""
    horizon = h * 0.6
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#b8d0d6")), (1.0, SAND)])
    hills(p, w, horizon - 110, 60, QColor("#9fb3a4"), seed=81, bottom=horizon)
    skyline(p, w * 0.1, w * 0.9, horizon, 300, QColor("#7d8c96"), PAPER, seed=82, lit=0.5)
    skyline(p, -20, w + 20, horizon, 140, QColor("#a28f7b"), PAPER, seed=83, lit=0.55, towers=False)
    p.fillRect(QRectF(0, horizon, w, 30), QColor("#8a8478"))
    rng = random.Random(84)
    for _k in range(9):
        p.setBrush(rng.choice([CORAL, OCHRE, SEA, PAPER]))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(rng.uniform(0, w - 80), horizon + 6, 70, 20), 4, 4)
    water(p, QRectF(0, horizon + 30, w, h - horizon - 30), QColor("#8fb4b8"), QColor("#567e8a"), 85, PAPER)
    things.ship(p, w * 0.55, h * 0.84, 360, QColor("#4b5563"), seed=86)
    things.sailboat(p, w * 0.25, h * 0.78, 1.0, INK, PAPER)
    label(p, 80, 100, "The city in the 1990s", "二十世纪九十年代的城市", INK, 30)
    grain(p, w, h, 0.07)


def bridge(p: QPainter, x0: float, x1: float, deck: float, tower_h: float, colour: QColor) -> None:
    """A suspension bridge across the bay."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRect(QRectF(x0, deck, x1 - x0, 10))
    towers = (x0 + (x1 - x0) * 0.3, x0 + (x1 - x0) * 0.7)
    for tx in towers:
        p.drawRect(QRectF(tx - 7, deck - tower_h, 14, tower_h + 40))
    p.setPen(QPen(colour, 2.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(x0, deck))
    path.quadTo(x0 + (x1 - x0) * 0.18, deck - tower_h * 0.25, towers[0], deck - tower_h)
    path.quadTo((towers[0] + towers[1]) / 2, deck + tower_h * 0.8, towers[1], deck - tower_h)
    path.quadTo(x1 - (x1 - x0) * 0.18, deck - tower_h * 0.25, x1, deck)
    p.drawPath(path)
    p.setPen(QPen(alpha(colour, 0.6), 1))
    for k in range(60):
        x = x0 + k * (x1 - x0) / 59
        y = path.pointAtPercent(k / 59).y()
        p.drawLine(QPointF(x, min(y, deck)), QPointF(x, deck))


def city_today(p: QPainter, w: float, h: float) -> None:
    """The modern skyline, the cross-sea bridge and a clean bay in afternoon light."""
    horizon = h * 0.6
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#6fa9c4")), (1.0, PAPER)])
    glow(p, w * 0.82, h * 0.16, 260, OCHRE, 0.4)
    hills(p, w, horizon - 150, 90, mix(SAGE, SEA, 0.5), seed=91, bottom=horizon)
    hills(p, w, horizon - 80, 50, mix(SAGE, MOSS, 0.4), seed=92, bottom=horizon)
    skyline(p, w * 0.08, w * 0.92, horizon, 420, QColor("#3f5b72"), QColor("#d9eef2"), seed=93, lit=0.5)
    skyline(
        p, -20, w + 20, horizon, 180, QColor("#557189"), QColor("#d9eef2"), seed=94, lit=0.5, towers=False
    )
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#7fb6c2"), QColor("#2f6f80"), 95, PAPER)
    bridge(p, -40, w + 40, h * 0.74, 150, QColor("#f1ece0"))
    things.sailboat(p, w * 0.62, h * 0.9, 1.2, INK, PAPER)
    vignette(p, w, h, 0.2)
    label(p, 80, 100, "Dalian today", "今日大连", INK, 30)
    grain(p, w, h, 0.06)
