"""Colour contrast by the WCAG 2 formula, so floor colours stay readable with text on them."""

from __future__ import annotations

from PySide6.QtGui import QColor

WHITE = QColor("#ffffff")
MINIMUM_RATIO = 4.5


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance, 0 for black to 1 for white."""
    red, green, blue = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Contrast between two colours, from 1:1 (same) to 21:1 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def safe_fill_for_white(colour: QColor, ratio: float = MINIMUM_RATIO) -> QColor:
    """The colour, darkened step by step until white text on it reaches the ratio."""
    result = QColor(colour)
    for _ in range(40):
        if contrast_ratio(result, WHITE) >= ratio:
            return result
        result = result.darker(108)
    return result


def readable_on_dark(colour: QColor, background: QColor, ratio: float = MINIMUM_RATIO) -> QColor:
    """The colour, lightened step by step until it reads as text on the background."""
    result = QColor(colour)
    for _ in range(40):
        if contrast_ratio(result, background) >= ratio:
            return result
        result = QColor.fromHslF(
            max(result.hslHueF(), 0.0),
            result.hslSaturationF(),
            min(1.0, result.lightnessF() + 0.04),
            result.alphaF(),
        )
    return result
