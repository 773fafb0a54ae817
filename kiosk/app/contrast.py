"""Colour contrast by the WCAG 2 formula, so floor colours stay readable with text on them.

Also the high-contrast palette (every text and background pair at 7:1 or better: black and
near-black surfaces, white text, a yellow accent) and the focus ring colour, which must stand
out (3:1) against every background of the exhibition's palette and the high-contrast one.
"""

from __future__ import annotations

from collections.abc import Iterable

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


HIGH_CONTRAST: dict[str, str] = {
    "background": "#000000",
    "surface": "#0d0d0d",
    "surface_raised": "#262626",
    "text": "#ffffff",
    "muted_text": "#e6e6e6",
    "accent": "#ffd60a",
    "border": "#ffffff",
}
"""Colours of the high-contrast mode (the same keys as the exhibition's theme)."""

HIGH_CONTRAST_TEXT = ("text", "muted_text", "accent", "border")
HIGH_CONTRAST_BACKGROUNDS = ("background", "surface", "surface_raised")

FOCUS_RING_CANDIDATES = ("#ffd60a", "#ffffff", "#00e5ff", "#000000")
FOCUS_RING_RATIO = 3.0


def focus_ring_for(backgrounds: Iterable[str], preferred: str | None = None) -> str:
    """The first colour with 3:1 against every background: the preferred one if it qualifies."""
    fills = [QColor(colour) for colour in backgrounds]
    candidates = ([preferred] if preferred else []) + list(FOCUS_RING_CANDIDATES)
    best, best_ratio = candidates[0], 0.0
    for candidate in candidates:
        worst = min(contrast_ratio(QColor(candidate), fill) for fill in fills)
        if worst >= FOCUS_RING_RATIO:
            return candidate
        if worst > best_ratio:
            best, best_ratio = candidate, worst
    return best
