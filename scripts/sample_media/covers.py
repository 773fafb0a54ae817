"""Floor cover pictures: a scene from the floor, washed in the floor's colour.

The kiosk prints the floor number on the tile itself, so the picture carries none."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter

from . import attract, ecology, history
from .paint import DrawFn, alpha, captions_on


def _cover(p: QPainter, w: float, h: float, scene: DrawFn, colour: str) -> None:
    captions_on[0] = False
    try:
        scene(p, w, h)
    finally:
        captions_on[0] = True
    tint = QColor(colour)
    g = QLinearGradient(QPointF(0, 0), QPointF(w, 0))
    g.setColorAt(0.0, alpha(tint, 0.6))
    g.setColorAt(0.45, alpha(tint, 0.3))
    g.setColorAt(1.0, alpha(tint, 0.0))
    p.fillRect(QRectF(0, 0, w, h), QBrush(g))


def floor1_history(p: QPainter, w: float, h: float) -> None:
    _cover(p, w, h, history.street_plan_1930, "#9a4a2e")


def floor2_achievements(p: QPainter, w: float, h: float) -> None:
    _cover(p, w, h, attract.port_cranes, "#1f5f8b")


def floor3_ecology(p: QPainter, w: float, h: float) -> None:
    _cover(p, w, h, ecology.green_corridor, "#2e6b46")
