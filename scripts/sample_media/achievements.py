"""Floor 2 pictures: the exhibition centre, the port, the trains, industry and the future."""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

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
    disc,
    glow,
    grain,
    hills,
    label,
    mix,
    skyline,
    text,
    vertical_gradient,
    water,
)


def exhibition_center(p: QPainter, w: float, h: float) -> None:
    """The planning exhibition centre: a long glass hall under a sweeping white roof."""
    ground = h * 0.72
    vertical_gradient(p, QRectF(0, 0, w, ground), [(0.0, QColor("#8fbfd3")), (1.0, PAPER)])
    glow(p, w * 0.2, h * 0.15, 300, OCHRE, 0.35)
    skyline(p, w * 0.5, w, ground - 30, 260, mix(SEA, PAPER, 0.5), None, seed=101, lit=0)
    hills(p, w, ground - 60, 40, mix(SAGE, SEA, 0.4), seed=102, bottom=ground)
    # glass hall with mullions
    hall = QRectF(w * 0.14, ground - 230, w * 0.72, 230)
    p.setPen(Qt.PenStyle.NoPen)
    vertical_gradient(p, hall, [(0.0, QColor("#4f7f96")), (1.0, QColor("#9cc4cf"))])
    p.setPen(QPen(alpha(PAPER, 0.7), 3))
    for k in range(1, 24):
        x = hall.left() + k * hall.width() / 24
        p.drawLine(QPointF(x, hall.top()), QPointF(x, hall.bottom()))
    p.drawLine(QPointF(hall.left(), hall.top() + 110), QPointF(hall.right(), hall.top() + 110))
    # reflections of sky on glass
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(alpha(PAPER, 0.25))
    for k in range(5):
        x = hall.left() + 80 + k * 220
        band = QPainterPath(QPointF(x, hall.bottom()))
        band.lineTo(x + 60, hall.bottom())
        band.lineTo(x + 160, hall.top())
        band.lineTo(x + 100, hall.top())
        band.closeSubpath()
        p.drawPath(band)
    # the sweeping roof
    roof = QPainterPath(QPointF(w * 0.06, ground - 250))
    roof.cubicTo(w * 0.3, ground - 330, w * 0.6, ground - 200, w * 0.95, ground - 300)
    roof.lineTo(w * 0.95, ground - 270)
    roof.cubicTo(w * 0.6, ground - 170, w * 0.3, ground - 300, w * 0.06, ground - 222)
    roof.closeSubpath()
    p.setBrush(QColor("#f7f5ee"))
    p.drawPath(roof)
    p.setBrush(alpha(INK, 0.12))
    p.drawRect(QRectF(hall.left(), hall.bottom() - 10, hall.width(), 10))
    # plaza, steps and visitors
    p.fillRect(QRectF(0, ground, w, h - ground), QColor("#d9d2c0"))
    p.setPen(QPen(alpha(INK, 0.12), 2))
    for k in range(12):
        y = ground + 8 + k * k * 2.2
        p.drawLine(QPointF(0, y), QPointF(w, y))
    rng = random.Random(103)
    for k in range(10):
        things.tree(p, w * 0.04 + k * w * 0.105, ground + 30, 2.0, mix(MOSS, TEAL, rng.random() * 0.4))
    things.crowd(p, w * 0.1, w * 0.9, ground + 150, 2.2, 104, 16, [INK, CORAL, NAVY, TEAL])
    label(p, 80, 100, "Planning exhibition centre", "城市规划展示中心", INK, 30)
    grain(p, w, h, 0.05)


def port_terminal(p: QPainter, w: float, h: float) -> None:
    """Oil tanks, an ore yard and rows of new cars on the terminal piers."""
    horizon = h * 0.42
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#9cc3d3")), (1.0, PAPER)])
    hills(p, w, horizon - 50, 40, mix(SAGE, SEA, 0.5), seed=111, bottom=horizon)
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#7fb0bd"), QColor("#3b7285"), 112, PAPER)
    # three piers running out into the water
    piers = [(0.04, "Oil", "油品"), (0.37, "Ore", "矿石"), (0.7, "Vehicles", "汽车")]
    for i, (x, en, zh) in enumerate(piers):
        px = w * x
        pier = QRectF(px, horizon + 40, w * 0.26, h * 0.4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#c9c2b2"))
        p.drawRect(pier)
        p.setBrush(alpha(INK, 0.15))
        p.drawRect(QRectF(pier.left(), pier.bottom() - 12, pier.width(), 12))
        if i == 0:
            for r in range(2):
                for c in range(3):
                    cx = pier.left() + 70 + c * 130
                    cy = pier.top() + 100 + r * 150
                    p.setBrush(QColor("#e8e4da"))
                    p.drawRect(QRectF(cx - 50, cy - 40, 100, 80))
                    p.setBrush(QColor("#d5d0c4"))
                    p.drawEllipse(QRectF(cx - 50, cy - 56, 100, 32))
                    p.setBrush(CORAL)
                    p.drawRect(QRectF(cx - 50, cy + 10, 100, 8))
        elif i == 1:
            for k in range(3):
                mound = QPainterPath(QPointF(pier.left() + 20, pier.top() + 120 + k * 120))
                mound.quadTo(
                    pier.center().x(),
                    pier.top() + k * 120 - 10,
                    pier.right() - 20,
                    pier.top() + 120 + k * 120,
                )
                mound.closeSubpath()
                p.setBrush(mix(QColor("#7b5a48"), INK, k * 0.15))
                p.drawPath(mound)
        else:
            rng = random.Random(113)
            for r in range(9):
                for c in range(11):
                    p.setBrush(rng.choice([PAPER, CORAL, SEA, INK, STEEL, OCHRE]))
                    p.drawRoundedRect(
                        QRectF(pier.left() + 16 + c * 34, pier.top() + 20 + r * 44, 26, 16), 5, 5
                    )
        text(p, pier.center().x(), pier.bottom() + 20, en.upper(), INK, 26, weight=QFont.Weight.DemiBold)
        text(p, pier.center().x(), pier.bottom() + 58, zh, INK, 24, chinese=True)
    things.ship(p, w * 0.28, h * 0.4 + 30, 300, QColor("#3d4b5c"), seed=114, containers=False)
    label(p, 80, 80, "Port terminals", "港口专业码头", INK, 30)
    grain(p, w, h, 0.05)


def freight_train(p: QPainter, w: float, h: float) -> None:
    """A long China–Europe container train crossing the open steppe at sunrise."""
    ground = h * 0.66
    vertical_gradient(
        p,
        QRectF(0, 0, w, ground),
        [(0.0, QColor("#7da6c4")), (0.7, QColor("#f3d9b1")), (1.0, QColor("#f6c48f"))],
    )
    glow(p, w * 0.8, ground - 60, 300, OCHRE, 0.6)
    disc(p, w * 0.8, ground - 60, 54, QColor("#fde6b8"))
    hills(p, w, ground - 60, 40, mix(SAGE, SEA, 0.4), seed=121, bottom=ground)
    hills(p, w, ground - 10, 20, mix(SAGE, SAND, 0.3), seed=122, bottom=h)
    p.fillRect(QRectF(0, ground + 40, w, h - ground - 40), mix(SAGE, SAND, 0.45))
    rail_y = ground + 120
    p.setPen(QPen(QColor("#6d645a"), 18))
    p.drawLine(QPointF(0, rail_y + 10), QPointF(w, rail_y + 10))
    p.setPen(QPen(INK, 3))
    p.drawLine(QPointF(0, rail_y), QPointF(w, rail_y))
    # locomotive
    p.setPen(Qt.PenStyle.NoPen)
    loco = QPainterPath(QPointF(w * 0.72, rail_y - 8))
    loco.lineTo(w * 0.72, rail_y - 110)
    loco.lineTo(w * 0.86, rail_y - 110)
    loco.quadTo(w * 0.9, rail_y - 106, w * 0.9, rail_y - 60)
    loco.lineTo(w * 0.9, rail_y - 8)
    loco.closeSubpath()
    p.setBrush(QColor("#2f6f73"))
    p.drawPath(loco)
    p.setBrush(PAPER)
    p.drawRect(QRectF(w * 0.72, rail_y - 60, w * 0.18, 10))
    p.setBrush(INK)
    p.drawRoundedRect(QRectF(w * 0.855, rail_y - 98, 44, 32), 4, 4)
    rng = random.Random(123)
    x = w * 0.72
    while x > -200:
        x -= 170
        p.setBrush(QColor("#4a4f55"))
        p.drawRect(QRectF(x, rail_y - 18, 164, 10))
        p.setBrush(rng.choice(things.CONTAINER_COLOURS))
        p.drawRect(QRectF(x + 4, rail_y - 84, 156, 66))
        p.setPen(QPen(alpha(INK, 0.25), 2))
        for k in range(1, 12):
            p.drawLine(QPointF(x + 4 + k * 13, rail_y - 80), QPointF(x + 4 + k * 13, rail_y - 22))
        p.setPen(Qt.PenStyle.NoPen)
    for k in range(60):
        wx = w * 0.88 - k * 42.5
        disc(p, wx, rail_y - 6, 7, INK)
    label(p, 80, 100, "China–Europe freight train", "中欧班列", INK, 30)
    grain(p, w, h, 0.05)


def cold_chain(p: QPainter, w: float, h: float) -> None:
    """A refrigerated warehouse with reefer trucks, and a district heating plant beside it."""
    ground = h * 0.7
    vertical_gradient(p, QRectF(0, 0, w, ground), [(0.0, QColor("#c8dfe8")), (1.0, PAPER)])
    # frost pattern on the sky
    p.setPen(QPen(alpha(QColor("white"), 0.6), 2))
    for cx, cy, r in ((0.12, 0.18, 60), (0.3, 0.1, 40), (0.5, 0.22, 50)):
        for k in range(6):
            ang = k * math.pi / 3
            p.drawLine(
                QPointF(w * cx, h * cy), QPointF(w * cx + math.cos(ang) * r, h * cy + math.sin(ang) * r)
            )
    hills(p, w, ground - 40, 30, mix(SAGE, SEA, 0.4), seed=131, bottom=ground)
    p.fillRect(QRectF(0, ground + 10, w, h - ground), QColor("#cfcabd"))
    p.fillRect(QRectF(0, ground, w, 12), QColor("#b9b3a4"))
    p.setPen(Qt.PenStyle.NoPen)
    store = QRectF(w * 0.06, ground - 260, w * 0.52, 260)
    p.setBrush(QColor("#eef3f4"))
    p.drawRect(store)
    p.setBrush(QColor("#cfe1e8"))
    for k in range(10):
        p.drawRect(QRectF(store.left() + k * store.width() / 10, store.top(), 4, store.height()))
    p.setBrush(SEA)
    p.drawRect(QRectF(store.left(), store.top(), store.width(), 26))
    for k in range(5):
        p.setBrush(QColor("#9fb5bf"))
        p.drawRect(QRectF(store.left() + 40 + k * 160, ground - 110, 120, 110))
    text(p, store.center().x(), store.top() + 60, "COLD CHAIN  冷链物流", SEA, 34, chinese=True)
    # reefer trucks
    for k, x in enumerate((0.1, 0.34)):
        tx = w * x
        p.setBrush(QColor("#f7f7f4"))
        p.drawRect(QRectF(tx, ground + 40, 260, 100))
        p.setBrush(TEAL if k else CORAL)
        p.drawRect(QRectF(tx + 264, ground + 70, 80, 70))
        p.setBrush(SEA)
        p.drawRect(QRectF(tx + 10, ground + 48, 40, 24))
        for wx in (tx + 40, tx + 200, tx + 310):
            disc(p, wx, ground + 146, 18, INK)
    # heating plant with heat exchanger and insulated pipes
    plant = QRectF(w * 0.64, ground - 220, w * 0.3, 220)
    p.setBrush(QColor("#b65b43"))
    p.drawRect(plant)
    p.setBrush(alpha(INK, 0.2))
    for k in range(6):
        p.drawRect(QRectF(plant.left() + 20 + k * 76, plant.top() + 40, 40, 60))
    things.chimney(p, w * 0.9, ground - 220, 40, 200, QColor("#e6e1d6"), CORAL)
    things.smoke(p, w * 0.9, ground - 430, 22, alpha(QColor("white"), 0.8), seed=132, puffs=5)
    p.setPen(QPen(QColor("#d9a25f"), 16))
    p.drawLine(QPointF(plant.left(), ground - 40), QPointF(w * 0.58, ground - 40))
    p.setPen(QPen(QColor("#c55d46"), 16))
    p.drawLine(QPointF(plant.left(), ground - 70), QPointF(w * 0.58, ground - 70))
    p.setPen(Qt.PenStyle.NoPen)
    label(p, w * 0.64, h * 0.9 - 40, "Cold chain and heating", "冷链与供热装备", INK, 26)
    grain(p, w, h, 0.05)


def green_factory(p: QPainter, w: float, h: float) -> None:
    """A modern factory with solar roofs, wind turbines and a planted green belt."""
    ground = h * 0.68
    vertical_gradient(p, QRectF(0, 0, w, ground), [(0.0, QColor("#8ec5d6")), (1.0, PAPER)])
    glow(p, w * 0.15, h * 0.18, 200, OCHRE, 0.4)
    hills(p, w, ground - 90, 60, mix(SAGE, SEA, 0.45), seed=141, bottom=ground)
    # wind turbines on the hills
    p.setPen(Qt.PenStyle.NoPen)
    for k, (x, s) in enumerate(((0.62, 1.0), (0.74, 0.8), (0.86, 1.1))):
        bx, by = w * x, ground - 260 * s
        p.setBrush(PAPER)
        p.drawRect(QRectF(bx - 4 * s, by, 8 * s, 240 * s))
        for b in range(3):
            ang = math.radians(k * 25 + b * 120)
            blade = QPainterPath(QPointF(bx, by))
            blade.lineTo(bx + math.cos(ang + 0.08) * 110 * s, by + math.sin(ang + 0.08) * 110 * s)
            blade.lineTo(bx + math.cos(ang) * 118 * s, by + math.sin(ang) * 118 * s)
            blade.closeSubpath()
            p.drawPath(blade)
        disc(p, bx, by, 7 * s, STEEL)
    things.factory(p, w * 0.08, ground, w * 0.55, 170, QColor("#e8e4da"), QColor("#2f5d7c"))
    # solar panels on a flat annex roof
    annex = QRectF(w * 0.08, ground - 120, w * 0.22, 120)
    p.setBrush(QColor("#dcd7cb"))
    p.drawRect(annex)
    for k in range(8):
        p.setBrush(QColor("#2f5d7c"))
        p.drawRect(QRectF(annex.left() + 8 + k * 42, annex.top() - 20, 36, 16))
    p.fillRect(QRectF(0, ground, w, h - ground), mix(SAGE, MOSS, 0.4))
    rng = random.Random(142)
    for k in range(22):
        things.tree(
            p,
            30 + k * 74 + rng.uniform(-10, 10),
            ground + 60 + rng.uniform(-8, 8),
            2.0,
            mix(MOSS, TEAL, rng.random() * 0.5),
        )
    for k in range(18):
        things.tree(p, 60 + k * 92, ground + 200, 2.6, mix(SAGE, MOSS, rng.random() * 0.7))
    label(p, 80, 100, "A green factory", "绿色工厂", INK, 30)
    grain(p, w, h, 0.05)


def future_waterfront(p: QPainter, w: float, h: float) -> None:
    """A blueprint of the planned waterfront: grid, plots, promenade and a marina."""
    p.fillRect(QRectF(0, 0, w, h), QColor("#1f4e79"))
    line = QColor("#cfe6f5")
    p.setPen(QPen(alpha(line, 0.12), 1))
    for x in range(0, int(w), 40):
        p.drawLine(QPointF(x, 0), QPointF(x, h))
    for y in range(0, int(h), 40):
        p.drawLine(QPointF(0, y), QPointF(w, y))
    p.setPen(QPen(alpha(line, 0.25), 1.5))
    for x in range(0, int(w), 200):
        p.drawLine(QPointF(x, 0), QPointF(x, h))
    for y in range(0, int(h), 200):
        p.drawLine(QPointF(0, y), QPointF(w, y))
    shore = QPainterPath(QPointF(0, h * 0.62))
    shore.cubicTo(w * 0.3, h * 0.55, w * 0.45, h * 0.75, w * 0.7, h * 0.66)
    shore.cubicTo(w * 0.85, h * 0.6, w * 0.95, h * 0.7, w, h * 0.64)
    p.setPen(QPen(line, 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(shore)
    p.setPen(QPen(alpha(line, 0.5), 1.5, Qt.PenStyle.DashLine))
    p.drawPath(shore.translated(0, 40))
    p.drawPath(shore.translated(0, 80))
    rng = random.Random(151)
    p.setPen(QPen(line, 2))
    for r in range(4):
        for c in range(12):
            x = 60 + c * 125
            y = 90 + r * 110
            if rng.random() < 0.15:
                p.setBrush(alpha(SAGE, 0.35))
                p.drawEllipse(QRectF(x, y, 100, 84))
                continue
            p.setBrush(alpha(line, 0.08))
            p.drawRect(QRectF(x, y, 100, 84))
            if rng.random() < 0.4:
                p.drawRect(QRectF(x + 20, y + 18, 60, 48))
                p.drawLine(QPointF(x + 20, y + 18), QPointF(x + 80, y + 66))
    # pier and marina
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(w * 0.5, h * 0.7, 40, 200))
    for k in range(6):
        p.drawLine(QPointF(w * 0.5 + 40, h * 0.74 + k * 28), QPointF(w * 0.5 + 110, h * 0.74 + k * 28))
    p.setPen(QPen(OCHRE, 3))
    p.drawEllipse(QPointF(w * 0.78, h * 0.5), 70, 70)
    p.drawLine(QPointF(w * 0.78 - 90, h * 0.5), QPointF(w * 0.78 + 90, h * 0.5))
    p.drawLine(QPointF(w * 0.78, h * 0.5 - 90), QPointF(w * 0.78, h * 0.5 + 90))
    # title block
    p.setPen(QPen(line, 2))
    box = QRectF(w - 520, h - 200, 460, 150)
    p.setBrush(QColor("#1f4e79"))
    p.drawRect(box)
    p.drawLine(QPointF(box.left(), box.top() + 100), QPointF(box.right(), box.top() + 100))
    label(p, box.left() + 24, box.top() + 26, "Future waterfront", "未来滨水区", line, 26)
    text(
        p,
        box.left() + 24,
        box.top() + 112,
        "PLAN  规划  1:5000",
        alpha(line, 0.8),
        20,
        chinese=True,
        align=Qt.AlignmentFlag.AlignLeft,
    )
    grain(p, w, h, 0.04)
