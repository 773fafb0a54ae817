"""The recurring objects of the port city: cranes, ships, chimneys, trees, people, columns."""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .paint import CORAL, OCHRE, PAPER, SAGE, SEA, TEAL, alpha, mix

CONTAINER_COLOURS = [CORAL, OCHRE, SEA, TEAL, SAGE, QColor("#b5654a"), QColor("#d9b26f")]


def crane(
    p: QPainter,
    x: float,
    base: float,
    s: float,
    colour: QColor,
    boom: float = 0.0,
    light: QColor | None = None,
) -> None:
    """A ship-to-shore container crane; `boom` (0..1) slides the trolley along the boom."""
    pen = QPen(colour, max(1.0, 5 * s))
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    p.setPen(pen)
    leg_h = 170 * s
    span = 80 * s
    top = base - leg_h
    # two A-frame legs and the portal beam
    for lx in (x, x + span):
        p.drawLine(QPointF(lx, base), QPointF(lx, top))
    p.drawLine(QPointF(x, base - leg_h * 0.45), QPointF(x + span, base - leg_h * 0.45))
    p.drawLine(QPointF(x, top), QPointF(x + span, top))
    p.drawLine(QPointF(x, base - leg_h * 0.45), QPointF(x + span, top))
    # the boom reaching out over the water and the back girder
    boom_y = top - 18 * s
    p.drawLine(QPointF(x - 150 * s, boom_y), QPointF(x + span + 60 * s, boom_y))
    p.setPen(QPen(colour, max(1.0, 3 * s)))
    apex = QPointF(x + span * 0.6, top - 80 * s)
    p.drawLine(QPointF(x + span * 0.35, top), apex)
    p.drawLine(QPointF(x + span * 0.8, top), apex)
    p.setPen(QPen(colour, max(1.0, 1.6 * s)))
    p.drawLine(apex, QPointF(x - 140 * s, boom_y))
    p.drawLine(apex, QPointF(x + span + 55 * s, boom_y))
    # machinery house, trolley and hanging spreader
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRect(QRectF(x + span * 0.55, boom_y - 22 * s, 38 * s, 20 * s))
    tx = x - 130 * s + boom * 170 * s
    p.drawRect(QRectF(tx, boom_y, 16 * s, 9 * s))
    p.setPen(QPen(colour, max(1.0, 1.0 * s)))
    drop = 60 * s + 40 * s * math.sin(boom * math.pi)
    p.drawLine(QPointF(tx + 8 * s, boom_y + 9 * s), QPointF(tx + 8 * s, boom_y + drop))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRect(QRectF(tx - 6 * s, boom_y + drop, 28 * s, 6 * s))
    if light is not None:
        p.setBrush(light)
        p.drawEllipse(QPointF(apex.x(), apex.y() - 3 * s), 3.5 * s, 3.5 * s)
        p.drawEllipse(QPointF(x - 150 * s, boom_y), 3 * s, 3 * s)


def ship(
    p: QPainter,
    x: float,
    waterline: float,
    length: float,
    hull: QColor,
    seed: int,
    containers: bool = True,
    deck: QColor = PAPER,
) -> None:
    """A cargo ship seen side-on, bow to the right, with stacked containers."""
    rng = random.Random(seed)
    h = length * 0.11
    path = QPainterPath(QPointF(x, waterline - h))
    path.lineTo(x + length * 0.96, waterline - h)
    path.lineTo(x + length, waterline - h * 1.25)
    path.quadTo(x + length * 0.97, waterline, x + length * 0.86, waterline + h * 0.25)
    path.lineTo(x + length * 0.05, waterline + h * 0.25)
    path.lineTo(x, waterline - h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(hull)
    p.drawPath(path)
    p.setBrush(alpha(CORAL, 0.85))
    p.drawRect(QRectF(x + length * 0.04, waterline, length * 0.84, h * 0.22))
    # bridge at the stern
    p.setBrush(deck)
    p.drawRect(QRectF(x + length * 0.04, waterline - h * 3.2, length * 0.1, h * 2.2))
    p.setBrush(hull)
    p.drawRect(QRectF(x + length * 0.05, waterline - h * 2.9, length * 0.08, h * 0.3))
    p.drawRect(QRectF(x + length * 0.085, waterline - h * 3.9, length * 0.03, h * 0.7))
    if not containers:
        return
    cw = length * 0.06
    ch = h * 0.5
    cx = x + length * 0.17
    while cx + cw < x + length * 0.9:
        stack = rng.randint(1, 4)
        for k in range(stack):
            p.setBrush(rng.choice(CONTAINER_COLOURS))
            p.drawRect(QRectF(cx, waterline - h - (k + 1) * ch, cw - 1.5, ch - 1.2))
        cx += cw


def chimney(p: QPainter, x: float, base: float, w: float, h: float, body: QColor, band: QColor) -> None:
    """A tapering brick chimney with two painted bands."""
    path = QPainterPath(QPointF(x - w / 2, base))
    path.lineTo(x - w * 0.36, base - h)
    path.lineTo(x + w * 0.36, base - h)
    path.lineTo(x + w / 2, base)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(body)
    p.drawPath(path)
    p.setBrush(band)
    for f in (0.08, 0.2):
        top = base - h * (1 - f)
        half = w * (0.36 + 0.14 * f)
        p.drawRect(QRectF(x - half, top, half * 2, h * 0.04))


def smoke(
    p: QPainter,
    x: float,
    y: float,
    size: float,
    colour: QColor,
    seed: int,
    drift: float = 1.0,
    puffs: int = 9,
) -> None:
    """A plume of overlapping soft puffs leaning with the wind."""
    rng = random.Random(seed)
    p.setPen(Qt.PenStyle.NoPen)
    for i in range(puffs):
        t = i / max(1, puffs - 1)
        r = size * (0.35 + t * 1.1) * rng.uniform(0.8, 1.2)
        cx = x + drift * size * (t * 4.2) + rng.uniform(-0.2, 0.2) * size
        cy = y - size * (t * 1.6) - r * 0.3
        p.setBrush(alpha(colour, 0.75 - 0.45 * t))
        p.drawEllipse(QPointF(cx, cy), r, r * 0.78)


def tree(p: QPainter, x: float, base: float, s: float, leaf: QColor, kind: str = "round") -> None:
    trunk = mix(leaf, QColor("#3b2f2a"), 0.7)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(trunk)
    p.drawRect(QRectF(x - 2 * s, base - 16 * s, 4 * s, 16 * s))
    p.setBrush(leaf)
    if kind == "pine":
        path = QPainterPath(QPointF(x, base - 58 * s))
        path.lineTo(x + 14 * s, base - 12 * s)
        path.lineTo(x - 14 * s, base - 12 * s)
        path.closeSubpath()
        p.drawPath(path)
    else:
        p.drawEllipse(QPointF(x, base - 28 * s), 15 * s, 18 * s)
        p.setBrush(alpha(QColor("white"), 0.12))
        p.drawEllipse(QPointF(x - 5 * s, base - 34 * s), 7 * s, 8 * s)


def person(p: QPainter, x: float, base: float, s: float, colour: QColor, pose: float = 0.0) -> None:
    """A simple standing or walking figure; `pose` swings the legs."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QPointF(x, base - 33 * s), 4.2 * s, 4.2 * s)
    p.drawRoundedRect(QRectF(x - 5 * s, base - 28 * s, 10 * s, 15 * s), 4 * s, 4 * s)
    pen = QPen(colour, 3.2 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    swing = 4 * s * pose
    p.drawLine(QPointF(x - 2 * s, base - 14 * s), QPointF(x - 2 * s - swing, base))
    p.drawLine(QPointF(x + 2 * s, base - 14 * s), QPointF(x + 2 * s + swing, base))


def crowd(
    p: QPainter,
    x0: float,
    x1: float,
    base: float,
    s: float,
    seed: int,
    count: int,
    colours: list[QColor],
) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        x = rng.uniform(x0, x1)
        k = rng.uniform(0.85, 1.1)
        person(p, x, base + rng.uniform(-6, 6) * s, s * k, rng.choice(colours), rng.choice([0.0, 0.6, -0.6]))


def classical(
    p: QPainter,
    x: float,
    base: float,
    w: float,
    h: float,
    wall: QColor,
    shade: QColor,
    dome: bool = False,
) -> None:
    """A classical bank or hall: plinth, columns, cornice, pediment or dome."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(wall)
    p.drawRect(QRectF(x, base - h, w, h))
    p.setBrush(shade)
    p.drawRect(QRectF(x - w * 0.03, base - h * 0.08, w * 1.06, h * 0.08))
    p.drawRect(QRectF(x - w * 0.03, base - h, w * 1.06, h * 0.07))
    cols = 6
    for i in range(cols):
        cx = x + w * 0.12 + i * (w * 0.76) / (cols - 1)
        p.setBrush(mix(wall, QColor("white"), 0.35))
        p.drawRect(QRectF(cx - w * 0.022, base - h * 0.9, w * 0.044, h * 0.8))
        p.setBrush(alpha(shade, 0.5))
        p.drawRect(QRectF(cx + w * 0.006, base - h * 0.9, w * 0.016, h * 0.8))
    p.setBrush(shade)
    if dome:
        p.drawRect(QRectF(x + w * 0.35, base - h * 1.22, w * 0.3, h * 0.22))
        p.setBrush(mix(shade, SEA, 0.4))
        p.drawChord(QRectF(x + w * 0.36, base - h * 1.5, w * 0.28, h * 0.55), 0, 180 * 16)
    else:
        path = QPainterPath(QPointF(x - w * 0.03, base - h))
        path.lineTo(x + w / 2, base - h * 1.28)
        path.lineTo(x + w * 1.03, base - h)
        path.closeSubpath()
        p.drawPath(path)


def sailboat(p: QPainter, x: float, waterline: float, s: float, hull: QColor, sail: QColor) -> None:
    """A small junk or fishing boat with a lug sail."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(hull)
    path = QPainterPath(QPointF(x - 30 * s, waterline - 8 * s))
    path.lineTo(x + 34 * s, waterline - 10 * s)
    path.quadTo(x + 24 * s, waterline + 4 * s, x - 20 * s, waterline + 3 * s)
    path.closeSubpath()
    p.drawPath(path)
    p.setBrush(sail)
    sp = QPainterPath(QPointF(x - 2 * s, waterline - 12 * s))
    sp.lineTo(x - 20 * s, waterline - 60 * s)
    sp.lineTo(x + 18 * s, waterline - 66 * s)
    sp.lineTo(x + 16 * s, waterline - 12 * s)
    sp.closeSubpath()
    p.drawPath(sp)
    p.setPen(QPen(alpha(hull, 0.45), 1.2 * s))
    for k in range(1, 5):
        y = waterline - 12 * s - k * 11 * s
        p.drawLine(QPointF(x - 2 * s - k * 3.6 * s, y), QPointF(x + 16 * s + k * 0.3 * s, y - k * 0.8 * s))


def factory(p: QPainter, x: float, base: float, w: float, h: float, body: QColor, roof: QColor) -> None:
    """A saw-tooth roofed factory hall."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(body)
    p.drawRect(QRectF(x, base - h, w, h))
    teeth = max(2, int(w / (h * 0.7)))
    tw = w / teeth
    p.setBrush(roof)
    for i in range(teeth):
        path = QPainterPath(QPointF(x + i * tw, base - h))
        path.lineTo(x + i * tw, base - h - tw * 0.55)
        path.lineTo(x + (i + 1) * tw, base - h)
        path.closeSubpath()
        p.drawPath(path)
    p.setBrush(alpha(QColor("black"), 0.18))
    for i in range(teeth):
        p.drawRect(QRectF(x + i * tw + tw * 0.2, base - h * 0.6, tw * 0.6, h * 0.22))
