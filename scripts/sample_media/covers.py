"""Floor cover pictures: a scene from the floor, washed in the floor's colour, with its number."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainter, QPen

from . import attract, ecology, history
from .paint import PAPER, DrawFn, alpha, captions_on, font


def _cover(p: QPainter, w: float, h: float, scene: DrawFn, colour: str, number: str) -> None:
    captions_on[0] = False
    try:
        scene(p, w, h)
    finally:
        captions_on[0] = True
    tint = QColor(colour)
    g = QLinearGradient(QPointF(0, 0), QPointF(w, 0))
    g.setColorAt(0.0, alpha(tint, 0.92))
    g.setColorAt(0.45, alpha(tint, 0.55))
    g.setColorAt(1.0, alpha(tint, 0.0))
    p.fillRect(QRectF(0, 0, w, h), QBrush(g))
    p.save()
    f = font(520, weight=QFont.Weight.Black)
    p.setFont(f)
    p.setPen(QPen(alpha(PAPER, 0.9), 6))
    corner = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    p.drawText(QRectF(60, h - 640, 600, 640), corner, number)
    p.restore()


def floor1_history(p: QPainter, w: float, h: float) -> None:
    _cover(p, w, h, history.street_plan_1930, "#9a4a2e", "1")


def floor2_achievements(p: QPainter, w: float, h: float) -> None:
    _cover(p, w, h, attract.port_cranes, "#1f5f8b", "2")


def floor3_ecology(p: QPainter, w: float, h: float) -> None:
    _cover(p, w, h, ecology.green_corridor, "#2e6b46", "3")
