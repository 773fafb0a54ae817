"""Floor 3 pictures: the bay and the plant before and after, parks, training, the award."""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QRadialGradient

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


def _bay(p: QPainter, w: float, h: float, clean: bool) -> None:
    """One bay drawn twice with the same layout; only the colours and the haze change."""
    horizon = h * 0.5
    if clean:
        sky = [(0.0, QColor("#7fb8d0")), (1.0, PAPER)]
        sea = (QColor("#6fb7b5"), QColor("#2c7a86"))
        hill_far, hill_near, city = mix(SAGE, SEA, 0.45), SAGE, QColor("#5d7d92")
        beach = SAND
    else:
        sky = [(0.0, QColor("#9d9a8e")), (1.0, QColor("#c9bfa6"))]
        sea = (QColor("#8f8468"), QColor("#5c5040"))
        hill_far, hill_near, city = QColor("#8d8a78"), QColor("#8a8368"), QColor("#6f6a62")
        beach = QColor("#a89a7c")
    vertical_gradient(p, QRectF(0, 0, w, horizon), sky)
    glow(p, w * 0.75, h * 0.16, 220, OCHRE if clean else QColor("#d8cfb8"), 0.4 if clean else 0.2)
    hills(p, w, horizon - 100, 70, hill_far, seed=401, bottom=horizon)
    skyline(p, w * 0.55, w * 0.98, horizon, 200, city, None, seed=402, lit=0)
    water(p, QRectF(0, horizon, w, h - horizon), sea[0], sea[1], 403, PAPER if clean else QColor("#3f382c"))
    # the curving beach and the headland in front
    shore = QPainterPath(QPointF(0, h * 0.7))
    shore.cubicTo(w * 0.25, h * 0.62, w * 0.45, h * 0.9, w * 0.7, h * 0.92)
    shore.lineTo(w * 0.75, h)
    shore.lineTo(0, h)
    shore.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(beach)
    p.drawPath(shore)
    hills(p, w * 0.45, h * 0.82, 50, hill_near, seed=404, bottom=h)
    rng = random.Random(405)
    for k in range(14):
        x = 30 + k * 45 + rng.uniform(-10, 10)
        if clean:
            things.tree(p, x, h * 0.86 + rng.uniform(0, 40), 1.8, mix(MOSS, TEAL, rng.random() * 0.5))
        else:
            p.setPen(QPen(QColor("#5c5142"), 3))
            p.drawLine(QPointF(x, h * 0.88), QPointF(x + 4, h * 0.82))
    if clean:
        things.sailboat(p, w * 0.48, h * 0.64, 1.1, INK, PAPER)
        things.crowd(p, w * 0.32, w * 0.6, h * 0.9, 1.4, 406, 7, [CORAL, INK, TEAL])
        p.setPen(Qt.PenStyle.NoPen)
        for k in range(5):
            p.setBrush(alpha(PAPER, 0.9))
            bx, by = w * 0.2 + k * 70, h * 0.2 + math.sin(k) * 30
            p.drawEllipse(QPointF(bx, by), 6, 3)
    else:
        # a drain pipe pouring into the bay and a dirty slick on the water
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#4f473c"))
        p.drawRect(QRectF(w * 0.6, h * 0.86, 120, 26))
        p.setBrush(alpha(QColor("#3b3228"), 0.6))
        p.drawEllipse(QRectF(w * 0.4, h * 0.74, w * 0.3, 70))
        p.drawEllipse(QRectF(w * 0.2, h * 0.6, w * 0.2, 40))
        p.fillRect(QRectF(0, 0, w, h), alpha(QColor("#8c7f62"), 0.22))
    label(
        p,
        80,
        100,
        "The bay, after" if clean else "The bay, before",
        "治理后的海湾" if clean else "治理前的海湾",
        INK if clean else QColor("#3b3228"),
        30,
    )
    grain(p, w, h, 0.05)


def bay_before(p: QPainter, w: float, h: float) -> None:
    _bay(p, w, h, clean=False)


def bay_after(p: QPainter, w: float, h: float) -> None:
    _bay(p, w, h, clean=True)


def _chimney_plant(p: QPainter, w: float, h: float, clean: bool) -> None:
    """The same power plant with heavy smoke, then with filters and a clear sky."""
    ground = h * 0.72
    sky = (
        [(0.0, QColor("#86bcd2")), (1.0, PAPER)]
        if clean
        else [(0.0, QColor("#7d776c")), (1.0, QColor("#bdb29b"))]
    )
    vertical_gradient(p, QRectF(0, 0, w, ground), sky)
    hills(p, w, ground - 70, 50, mix(SAGE, SEA, 0.4) if clean else QColor("#8c8574"), seed=411, bottom=ground)
    positions = ((0.3, 460), (0.42, 420), (0.54, 440))
    for i, (x, ch) in enumerate(positions):
        if clean:
            things.smoke(
                p, w * x, ground - ch - 20, 14, alpha(QColor("white"), 0.7), seed=412 + i, drift=0.6, puffs=4
            )
        else:
            things.smoke(p, w * x, ground - ch - 30, 60, QColor("#4f4a44"), seed=412 + i, drift=1.8, puffs=14)
    for x, ch in positions:
        things.chimney(
            p,
            w * x,
            ground - 40,
            60,
            ch,
            QColor("#c9c3b6") if clean else QColor("#7b5142"),
            CORAL if clean else QColor("#d8cfbe"),
        )
    things.factory(
        p,
        w * 0.18,
        ground,
        w * 0.5,
        170,
        QColor("#e3ded2") if clean else QColor("#6b6257"),
        SEA if clean else QColor("#4a433b"),
    )
    # cooling towers
    for k in range(2):
        x = w * 0.72 + k * 200
        tower = QPainterPath(QPointF(x, ground))
        tower.quadTo(x + 40, ground - 160, x + 20, ground - 260)
        tower.lineTo(x + 160, ground - 260)
        tower.quadTo(x + 140, ground - 160, x + 180, ground)
        tower.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#dcd6c9") if clean else QColor("#8a8175"))
        p.drawPath(tower)
        steam = alpha(QColor("white"), 0.75) if clean else QColor("#6e675e")
        things.smoke(
            p,
            x + 90,
            ground - 290,
            30 if clean else 56,
            steam,
            seed=420 + k,
            drift=0.4,
            puffs=5 if clean else 10,
        )
    p.fillRect(QRectF(0, ground, w, h - ground), mix(SAGE, MOSS, 0.4) if clean else QColor("#6a6052"))
    if clean:
        rng = random.Random(430)
        for k in range(24):
            things.tree(
                p, 20 + k * 68, ground + 80 + rng.uniform(-6, 6), 2.2, mix(MOSS, TEAL, rng.random() * 0.5)
            )
    else:
        p.fillRect(QRectF(0, 0, w, h), alpha(QColor("#5a5246"), 0.18))
    label(
        p,
        80,
        100,
        "Clean chimneys" if clean else "Heavy smoke",
        "烟囱变清洁了" if clean else "浓烟滚滚",
        INK if clean else PAPER,
        30,
    )
    grain(p, w, h, 0.05)


def chimney_before(p: QPainter, w: float, h: float) -> None:
    _chimney_plant(p, w, h, clean=False)


def chimney_after(p: QPainter, w: float, h: float) -> None:
    _chimney_plant(p, w, h, clean=True)


def coastal_park(p: QPainter, w: float, h: float) -> None:
    """A seaside park: lawns, a boardwalk along the water, families and trees."""
    horizon = h * 0.42
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#8cc6d8")), (1.0, PAPER)])
    water(p, QRectF(0, horizon, w, h * 0.2), QColor("#78bcc0"), QColor("#3e8d98"), 501, PAPER)
    things.sailboat(p, w * 0.7, horizon + 50, 1.0, INK, PAPER)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c8a97e"))
    p.drawRect(QRectF(0, h * 0.6, w, 40))
    p.setPen(QPen(alpha(INK, 0.25), 2))
    for plank in range(0, int(w), 26):
        p.drawLine(QPointF(plank, h * 0.6), QPointF(plank, h * 0.6 + 40))
    p.setPen(QPen(PAPER, 4))
    p.drawLine(QPointF(0, h * 0.6 - 18), QPointF(w, h * 0.6 - 18))
    for post in range(0, int(w), 80):
        p.drawLine(QPointF(post, h * 0.6 - 18), QPointF(post, h * 0.6))
    p.setPen(Qt.PenStyle.NoPen)
    hills(p, w, h * 0.68, 16, SAGE, seed=502, bottom=h)
    hills(p, w, h * 0.82, 30, mix(SAGE, MOSS, 0.5), seed=503, bottom=h)
    rng = random.Random(504)
    for _k in range(16):
        x = rng.uniform(0, w)
        things.tree(
            p,
            x,
            h * 0.74 + rng.uniform(0, 30),
            rng.uniform(2.2, 3.0),
            mix(MOSS, TEAL, rng.random() * 0.5),
            rng.choice(["round", "pine"]),
        )
    things.crowd(p, 0, w, h * 0.66, 1.8, 505, 22, [CORAL, INK, TEAL, NAVY, OCHRE])
    # a picnic blanket and a kite
    p.setBrush(CORAL)
    p.drawPolygon(
        [
            QPointF(w * 0.3, h * 0.9),
            QPointF(w * 0.4, h * 0.88),
            QPointF(w * 0.42, h * 0.94),
            QPointF(w * 0.31, h * 0.96),
        ]
    )
    kite = QPointF(w * 0.55, h * 0.2)
    p.setBrush(OCHRE)
    p.drawPolygon(
        [
            kite,
            QPointF(kite.x() + 30, kite.y() + 40),
            QPointF(kite.x(), kite.y() + 90),
            QPointF(kite.x() - 30, kite.y() + 40),
        ]
    )
    p.setPen(QPen(alpha(INK, 0.5), 1.5))
    p.drawLine(QPointF(kite.x(), kite.y() + 90), QPointF(w * 0.5, h * 0.86))
    label(p, 80, 100, "A park by the sea", "滨海公园", INK, 30)
    grain(p, w, h, 0.05)


def _seated(p: QPainter, x: float, base: float, s: float, body: QColor, hair: QColor) -> None:
    """A trainee seen from behind: shoulders, neck and head above the desk line."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(body)
    p.drawRoundedRect(QRectF(x - 34 * s, base - 52 * s, 68 * s, 70 * s), 26 * s, 26 * s)
    p.setBrush(QColor("#d9a77f"))
    p.drawRect(QRectF(x - 7 * s, base - 62 * s, 14 * s, 14 * s))
    p.setBrush(hair)
    p.drawEllipse(QPointF(x, base - 78 * s), 17 * s, 19 * s)


def training(p: QPainter, w: float, h: float) -> None:
    """Trainees at desks facing a teacher and a screen showing a clean-air chart."""
    vertical_gradient(p, QRectF(0, 0, w, h * 0.62), [(0.0, QColor("#efe9da")), (1.0, SAND)])
    p.fillRect(QRectF(0, h * 0.62, w, h * 0.38), QColor("#c9b28e"))
    p.fillRect(QRectF(0, h * 0.62, w, 10), QColor("#b39a74"))
    # windows with trees outside
    for k in range(2):
        win = QRectF(w * 0.05 + k * 200, h * 0.1, 160, 300)
        p.save()
        p.setClipRect(win)
        vertical_gradient(p, win, [(0.0, QColor("#9fd0dc")), (1.0, QColor("#d8ecec"))])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SAGE)
        p.drawEllipse(QRectF(win.left() - 40, win.bottom() - 120, 160, 170))
        p.setBrush(MOSS)
        p.drawEllipse(QRectF(win.left() + 70, win.bottom() - 80, 140, 130))
        p.restore()
        p.setPen(QPen(PAPER, 10))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(win)
        p.drawLine(QPointF(win.center().x(), win.top()), QPointF(win.center().x(), win.bottom()))
    # screen with a falling pollution chart
    screen = QRectF(w * 0.4, h * 0.08, w * 0.46, h * 0.38)
    p.fillRect(screen.adjusted(-12, -12, 12, 12), INK)
    p.fillRect(screen, PAPER)
    values = [0.9, 0.8, 0.7, 0.55, 0.42, 0.3, 0.22]
    bw = (screen.width() - 80) / (len(values) * 1.5)
    p.setPen(Qt.PenStyle.NoPen)
    for i, v in enumerate(values):
        p.setBrush(mix(CORAL, TEAL, i / (len(values) - 1)))
        p.drawRect(QRectF(screen.left() + 40 + i * bw * 1.5, screen.bottom() - 30 - v * 250, bw, v * 250))
    text(p, screen.center().x(), screen.top() + 18, "CLEANER AIR  空气更清洁", INK, 26, True)
    # the teacher beside the screen, pointing
    things.person(p, w * 0.91, h * 0.6, 5.2, TEAL, 0.15)
    p.setPen(QPen(INK, 4))
    p.drawLine(QPointF(w * 0.9, h * 0.6 - 120), QPointF(w * 0.83, h * 0.36))
    # rows of desks with trainees seen from behind, nearer rows larger
    rng = random.Random(601)
    bodies = [INK, CORAL, NAVY, STEEL, TEAL, OCHRE]
    hair = [QColor("#2b2420"), QColor("#3b2f2a"), QColor("#4a3a2c")]
    for row, (y, s, n) in enumerate(((h * 0.7, 0.85, 6), (h * 0.84, 1.15, 5), (h * 1.0, 1.5, 4))):
        gap = w / n
        for c in range(n):
            x = gap * (c + 0.5) + (gap * 0.25 if row == 1 else 0)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#8a6a4c"))
            p.drawRect(QRectF(x - 90 * s, y - 60 * s, 180 * s, 12 * s))
            p.setBrush(PAPER)
            p.drawRect(QRectF(x + 38 * s, y - 66 * s, 44 * s, 8 * s))
            _seated(p, x, y, s, rng.choice(bodies), rng.choice(hair))
    label(p, 80, h * 0.5, "Sharing what we learned", "分享环保经验", INK, 28)
    grain(p, w, h, 0.05)


def global_500(p: QPainter, w: float, h: float) -> None:
    """The Global 500 environmental award: a medal on its ribbon, framed on a dark wall."""
    g = QRadialGradient(QPointF(w / 2, h * 0.45), w * 0.6)
    g.setColorAt(0.0, QColor("#2d4a5c"))
    g.setColorAt(1.0, INK)
    p.fillRect(QRectF(0, 0, w, h), g)
    cx, cy, r = w / 2, h * 0.56, 210
    p.setPen(Qt.PenStyle.NoPen)
    for side in (-1, 1):
        ribbon = QPainterPath(QPointF(cx + side * 40, cy - r + 20))
        ribbon.lineTo(cx + side * 170, 0)
        ribbon.lineTo(cx + side * 60, 0)
        ribbon.lineTo(cx - side * 40, cy - r + 20)
        ribbon.closeSubpath()
        p.setBrush(TEAL if side < 0 else SEA)
        p.drawPath(ribbon)
    glow(p, cx, cy, r * 1.8, OCHRE, 0.25)
    medal = QRadialGradient(QPointF(cx - 60, cy - 70), r * 1.4)
    medal.setColorAt(0.0, QColor("#fbe6ae"))
    medal.setColorAt(0.6, QColor("#e2b25c"))
    medal.setColorAt(1.0, QColor("#9c6f2c"))
    p.setBrush(medal)
    p.drawEllipse(QPointF(cx, cy), r, r)
    p.setPen(QPen(alpha(QColor("#7a5420"), 0.6), 4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(cx, cy), r * 0.86, r * 0.86)
    # laurel leaves
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(alpha(QColor("#8a6024"), 0.7))
    for side in (-1, 1):
        for k in range(9):
            ang = math.radians(110 + k * 16) if side < 0 else math.radians(70 - k * 16)
            lx, ly = cx + math.cos(ang) * r * 0.7, cy + math.sin(ang) * r * 0.7
            p.save()
            p.translate(lx, ly)
            p.rotate(math.degrees(ang) + 90 * side)
            p.drawEllipse(QRectF(-7, -16, 14, 32))
            p.restore()
    # a globe in the middle
    disc(p, cx, cy - 10, 70, alpha(QColor("#7a5420"), 0.3))
    p.setPen(QPen(alpha(QColor("#7a5420"), 0.8), 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(cx, cy - 10), 70, 70)
    p.drawEllipse(QRectF(cx - 30, cy - 80, 60, 140))
    p.drawLine(QPointF(cx - 70, cy - 10), QPointF(cx + 70, cy - 10))
    text(p, cx, cy + 80, "GLOBAL 500", QColor("#6b4716"), 34, weight=QFont.Weight.Bold)
    text(p, w / 2, h * 0.86, "Global 500 Roll of Honour, 2001", PAPER, 32)
    text(p, w / 2, h * 0.86 + 52, "联合国环境“全球500佳”，2001年", alpha(PAPER, 0.85), 30, True)
    grain(p, w, h, 0.05)


def people_plaza(p: QPainter, w: float, h: float) -> None:
    """A people-centred square: fountains, shade trees, benches, children and cyclists."""
    horizon = h * 0.4
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#92c7d9")), (1.0, PAPER)])
    skyline(p, 0, w, horizon, 220, mix(SEA, PAPER, 0.45), None, seed=701, lit=0, gap=6)
    p.fillRect(QRectF(0, horizon, w, h - horizon), QColor("#e3d9c3"))
    # paving pattern in perspective
    p.setPen(QPen(alpha(INK, 0.1), 2))
    for k in range(-20, 21):
        p.drawLine(QPointF(w / 2 + k * 40, horizon), QPointF(w / 2 + k * 220, h))
    for k in range(10):
        y = horizon + (h - horizon) * (k / 10) ** 1.6
        p.drawLine(QPointF(0, y), QPointF(w, y))
    # fountain
    c = QPointF(w / 2, h * 0.62)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#cfc4ac"))
    p.drawEllipse(c, 300, 70)
    p.setBrush(QColor("#8cc8cf"))
    p.drawEllipse(c, 270, 58)
    p.setPen(QPen(alpha(QColor("white"), 0.85), 4))
    for k in range(9):
        x = c.x() - 160 + k * 40
        jet = QPainterPath(QPointF(x, c.y()))
        jet.quadTo(x + 10, c.y() - 160 - 40 * math.sin(k), x + 24, c.y() - 10)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(jet)
    rng = random.Random(702)
    for k in range(8):
        things.tree(p, 80 + k * 210, horizon + 60, 3.0, mix(MOSS, TEAL, rng.random() * 0.5))
    things.crowd(p, 0, w, h * 0.86, 3.0, 703, 20, [CORAL, INK, TEAL, NAVY, OCHRE, STEEL])
    things.crowd(p, 0, w, h * 0.5, 1.8, 704, 18, [CORAL, INK, TEAL, NAVY])
    # benches
    p.setPen(Qt.PenStyle.NoPen)
    for x in (0.1, 0.78):
        p.setBrush(QColor("#8a6a4c"))
        p.drawRect(QRectF(w * x, h * 0.74, 200, 18))
        p.drawRect(QRectF(w * x + 10, h * 0.74 + 18, 10, 30))
        p.drawRect(QRectF(w * x + 180, h * 0.74 + 18, 10, 30))
    label(p, 80, 100, "A square for people", "以人为本的广场", INK, 30)
    grain(p, w, h, 0.05)


def green_corridor(p: QPainter, w: float, h: float) -> None:
    """A tree-lined green corridor with a cycle path running between city blocks."""
    horizon = h * 0.38
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#8ec4d6")), (1.0, PAPER)])
    skyline(p, 0, w * 0.35, horizon, 260, mix(SEA, PAPER, 0.35), None, seed=801, lit=0)
    skyline(p, w * 0.65, w, horizon, 260, mix(SEA, PAPER, 0.35), None, seed=802, lit=0)
    p.fillRect(QRectF(0, horizon, w, h - horizon), mix(SAGE, MOSS, 0.3))
    vp = QPointF(w / 2, horizon)
    # cycle path and footpath converging on the horizon
    for half, colour in ((170, QColor("#c7ad84")), (90, QColor("#3f7f86"))):
        path = QPainterPath(vp)
        path.lineTo(w / 2 + half * 3.2, h)
        path.lineTo(w / 2 - half * 3.2, h)
        path.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPath(path)
    p.setPen(QPen(PAPER, 4, Qt.PenStyle.DashLine))
    p.drawLine(vp, QPointF(w / 2, h))
    # rows of trees on both sides, large in front
    rng = random.Random(803)
    for k in range(14, -1, -1):
        t = (k / 14) ** 1.8
        y = horizon + 10 + (h - horizon) * (1 - t) * 0.95
        s = 0.6 + (1 - t) * 5.0
        for side in (-1, 1):
            x = w / 2 + side * (80 + (1 - t) * w * 0.42)
            things.tree(p, x, y, s, mix(MOSS, TEAL, rng.random() * 0.5))
    things.person(p, w * 0.47, h * 0.7, 3.0, CORAL, 0.6)
    things.person(p, w * 0.55, h * 0.6, 2.2, INK, -0.6)
    label(p, 80, 100, "A green corridor", "城市绿廊", INK, 30)
    grain(p, w, h, 0.05)
