"""Attract-loop pictures: the city at dusk, the port at night, the green coast."""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from . import things
from .paint import (
    CORAL,
    DUSK,
    INK,
    MOSS,
    NAVY,
    OCHRE,
    PAPER,
    SAGE,
    SAND,
    SEA,
    TEAL,
    alpha,
    disc,
    glow,
    grain,
    hills,
    label,
    mix,
    reflection,
    skyline,
    vertical_gradient,
    vignette,
    water,
)


def skyline_dusk(p: QPainter, w: float, h: float) -> None:
    horizon = h * 0.66
    vertical_gradient(
        p,
        QRectF(0, 0, w, horizon),
        [(0.0, QColor("#2c3e5c")), (0.45, DUSK), (0.8, QColor("#e49a7c")), (1.0, OCHRE)],
    )
    glow(p, w * 0.8, horizon - 150, 420, OCHRE, 0.55)
    disc(p, w * 0.8, horizon - 150, 64, QColor("#fbe3b0"))
    # thin clouds lit from below
    rng = random.Random(11)
    for _ in range(9):
        cx, cy = rng.uniform(0, w), rng.uniform(h * 0.12, h * 0.45)
        p.setBrush(alpha(QColor("#f6c6a8"), 0.35))
        p.drawRoundedRect(QRectF(cx, cy, rng.uniform(180, 420), 10), 5, 5)
    hills(p, w, horizon - 120, 70, mix(DUSK, NAVY, 0.35), seed=3, bottom=horizon)
    hills(p, w, horizon - 60, 40, mix(DUSK, NAVY, 0.6), seed=5, bottom=horizon)
    skyline(p, w * 0.05, w * 0.95, horizon, 330, QColor("#2a3550"), OCHRE, seed=21, lit=0.28)
    skyline(p, -20, w + 20, horizon, 150, QColor("#1f2a40"), OCHRE, seed=22, lit=0.35, towers=False)
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#c98a78"), QColor("#2b3550"), 4, QColor("#ffe2b8"))
    reflection(p, w * 0.8, horizon, 160, h * 0.3, QColor("#fbe3b0"))
    things.sailboat(p, w * 0.42, h * 0.84, 1.4, INK, alpha(PAPER, 0.9))
    vignette(p, w, h, 0.45)
    label(p, 96, h - 170, "Dalian at dusk", "暮色中的大连", PAPER, 34)
    grain(p, w, h)


def port_cranes(p: QPainter, w: float, h: float) -> None:
    horizon = h * 0.62
    vertical_gradient(
        p,
        QRectF(0, 0, w, horizon),
        [(0.0, QColor("#0f1a2b")), (0.7, QColor("#1e3550")), (1.0, QColor("#355a72"))],
    )
    rng = random.Random(8)
    p.setPen(Qt.PenStyle.NoPen)
    for _ in range(140):
        p.setBrush(alpha(PAPER, rng.uniform(0.2, 0.8)))
        r = rng.uniform(0.8, 2.0)
        p.drawEllipse(QPointF(rng.uniform(0, w), rng.uniform(0, horizon * 0.7)), r, r)
    glow(p, w * 0.16, h * 0.16, 120, QColor("#dfe8f0"), 0.35)
    disc(p, w * 0.16, h * 0.16, 34, QColor("#eef2f2"))
    hills(p, w, horizon - 50, 40, QColor("#1a2c40"), seed=9, bottom=horizon)
    skyline(p, w * 0.6, w, horizon, 120, QColor("#16263a"), OCHRE, seed=3, lit=0.3, towers=False)
    quay = horizon + 40
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#254660"), QColor("#0c1624"), 12, QColor("#8fb7cc"))
    p.setBrush(QColor("#2a3a4c"))
    p.drawRect(QRectF(w * 0.3, horizon + 10, w * 0.7, 36))
    for i in range(5):
        x = w * 0.38 + i * 230
        things.crane(p, x, quay, 1.6, mix(CORAL, INK, 0.25), boom=(i * 0.37) % 1, light=OCHRE)
        reflection(p, x + 60, quay + 10, 90, 150, alpha(CORAL, 0.5))
    # container stacks on the quay
    for i in range(60):
        p.setBrush(mix(rng.choice(things.CONTAINER_COLOURS), INK, 0.4))
        col, row = i % 20, i // 20
        p.drawRect(QRectF(w * 0.33 + col * 60, quay - 14 - row * 14, 56, 12))
    things.ship(p, w * 0.05, h * 0.8, 620, QColor("#1b2636"), seed=4, deck=QColor("#c9d3da"))
    for k in range(10):
        glow(p, w * 0.06 + k * 60, h * 0.8 - 120, 40, OCHRE, 0.25)
    vignette(p, w, h, 0.5)
    label(p, 96, h - 170, "The port at night", "夜色中的港口", PAPER, 34)
    grain(p, w, h)


def green_coast(p: QPainter, w: float, h: float) -> None:
    horizon = h * 0.5
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#9cc9d6")), (1.0, QColor("#eef1e2"))])
    p.setPen(Qt.PenStyle.NoPen)
    for cx, cy, s in ((0.2, 0.16, 1.0), (0.62, 0.1, 1.3), (0.85, 0.24, 0.8)):
        p.setBrush(alpha(QColor("white"), 0.85))
        for dx, dy, r in ((0, 0, 50), (55, -18, 62), (120, 0, 46), (60, 10, 50)):
            p.drawEllipse(QPointF(w * cx + dx * s, h * cy + dy * s), r * s * 1.3, r * s)
    water(p, QRectF(0, horizon, w, h * 0.2), QColor("#7fbcc0"), QColor("#3f8d9a"), 3, PAPER)
    hills(p, w, horizon - 40, 90, mix(SAGE, SEA, 0.45), seed=31, bottom=horizon + 30)
    hills(p, w, horizon + 60, 110, SAGE, seed=32, bottom=h)
    hills(p, w, horizon + 190, 90, MOSS, seed=33, bottom=h)
    # a winding coastal path from the foreground over the hill
    path = QPainterPath(QPointF(w * 0.52, h))
    path.cubicTo(w * 0.35, h * 0.88, w * 0.72, h * 0.78, w * 0.55, h * 0.66)
    path.cubicTo(w * 0.47, h * 0.6, w * 0.6, h * 0.56, w * 0.58, h * 0.52)
    pen = QPen(SAND, 34)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen)
    p.drawPath(path)
    p.setPen(QPen(alpha(PAPER, 0.7), 3, Qt.PenStyle.DashLine))
    p.drawPath(path)
    rng = random.Random(5)
    spots = sorted(
        ((rng.uniform(0, w), rng.uniform(h * 0.62, h * 0.98)) for _ in range(46)), key=lambda xy: xy[1]
    )
    for x, y in spots:
        if abs(x - w * 0.55) < 160 or (x < 760 and y > h - 300):
            continue
        things.tree(
            p,
            x,
            y,
            rng.uniform(1.2, 2.4) * (y / h),
            mix(MOSS, TEAL, rng.random() * 0.6),
            rng.choice(["round", "pine"]),
        )
    things.person(p, w * 0.56, h * 0.74, 2.0, CORAL, 0.5)
    things.person(p, w * 0.58, h * 0.745, 1.8, INK, -0.5)
    things.sailboat(p, w * 0.4, horizon + 14, 0.7, INK, PAPER)
    vignette(p, w, h, 0.25)
    label(p, 96, h - 170, "Green hills, clean coast", "青山碧海", INK, 34)
    grain(p, w, h)
