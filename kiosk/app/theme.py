"""The `Theme` QML singleton: colours, fonts and sizes of the exhibition.

Colours come from the exhibition's `settings.theme`; sizes are designed for a 1080-pixel
short side and scale with the window, so a 4K landscape screen and a 1080x1920 portrait
screen keep the same proportions. The current floor's colour is an accent on its screens.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.contrast import readable_on_dark, safe_fill_for_white
from kiosk.app.registry import PerEngine
from kiosk.content.model import Theme as ThemeSettings

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Theme"]

DESIGN_HEIGHT = 1080
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})
LANGUAGE_FONTS = {"ar": "Noto Sans Arabic", "he": "Noto Sans Hebrew", "fa": "Noto Sans Arabic"}
DEFAULT_FLOOR_COLOUR = "#1f6f8b"


def _lighter(colour: QColor, factor: int) -> QColor:
    return QColor(colour).lighter(factor)


@QmlElement
@QmlSingleton
class Theme(QObject):
    """Colours, fonts and sizes every screen and exhibit view reads."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = ThemeSettings()  # type: ignore[call-arg]
        self._language = "en"
        self._scale = 1.0
        self._width = 1920
        self._height = 1080
        self._floor = QColor(DEFAULT_FLOOR_COLOUR)
        self._reduced_motion = False

    # -- registration ------------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Theme:
        """The theme of this engine; QML asks for it on the first `Theme.` it meets."""
        return Theme.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Theme:
        return _THEMES.get(engine, Theme)

    @staticmethod
    def forget_engine(key: int) -> None:
        _THEMES.forget(key)

    # -- configuration from Python ---------------------------------------------------------

    def configure(self, settings: ThemeSettings | None) -> None:
        self._settings = settings or ThemeSettings()  # type: ignore[call-arg]
        self.changed.emit()

    def set_window_size(self, width: int, height: int) -> None:
        short_side = max(1, min(width, height))
        scale = short_side / DESIGN_HEIGHT
        if abs(scale - self._scale) > 1e-6 or (width, height) != (self._width, self._height):
            self._scale = scale
            self._width, self._height = width, height
            self.changed.emit()

    def set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self.changed.emit()

    def set_floor_colour(self, colour: str | None) -> None:
        new = QColor(colour or DEFAULT_FLOOR_COLOUR)
        if new != self._floor:
            self._floor = new
            self.changed.emit()

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced != self._reduced_motion:
            self._reduced_motion = reduced
            self.changed.emit()

    @Slot(int, int)
    def setWindowSize(self, width: int, height: int) -> None:
        self.set_window_size(width, height)

    # -- colours ---------------------------------------------------------------------------

    def _colour(self, name: str) -> QColor:
        return QColor(getattr(self._settings, name))

    def _background(self) -> QColor:
        return self._colour("background")

    def _surface(self) -> QColor:
        return self._colour("surface")

    def _surface_raised(self) -> QColor:
        return _lighter(self._colour("surface"), 125)

    def _text(self) -> QColor:
        return self._colour("text")

    def _muted_text(self) -> QColor:
        return self._colour("muted_text")

    def _accent(self) -> QColor:
        return self._colour("accent")

    def _accent_text(self) -> QColor:
        """Text drawn on the accent colour: dark on a light accent, light on a dark one."""
        accent = self._colour("accent")
        return QColor("#111111") if accent.lightnessF() > 0.5 else QColor("#ffffff")

    def _floor_color(self) -> QColor:
        """The floor colour, darkened if needed so white text on it reads at 4.5:1."""
        return safe_fill_for_white(self._floor)

    def _floor_accent(self) -> QColor:
        """The floor colour, lightened if needed to read as text on the dark background."""
        return readable_on_dark(self._floor, self._background())

    def _focus_ring(self) -> QColor:
        return self._colour("accent")

    background = Property(QColor, _background, notify=changed)
    surface = Property(QColor, _surface, notify=changed)
    surfaceRaised = Property(QColor, _surface_raised, notify=changed)
    text = Property(QColor, _text, notify=changed)
    mutedText = Property(QColor, _muted_text, notify=changed)
    accent = Property(QColor, _accent, notify=changed)
    accentText = Property(QColor, _accent_text, notify=changed)
    floorColor = Property(QColor, _floor_color, notify=changed)
    floorAccent = Property(QColor, _floor_accent, notify=changed)
    focusRing = Property(QColor, _focus_ring, notify=changed)

    # -- fonts and direction ---------------------------------------------------------------

    def _font_family(self) -> str:
        return self.fontFor(self._language)

    def _latin_font_family(self) -> str:
        return self._settings.font_family

    def _cjk_font_family(self) -> str:
        return self._settings.cjk_font_family

    def _right_to_left(self) -> bool:
        return self._language.split("-")[0] in RIGHT_TO_LEFT

    def _language_code(self) -> str:
        return self._language

    @Slot(str, result=str)
    def fontFor(self, language: str) -> str:
        """The font for text in a given language, e.g. a language's own name on its button."""
        base = language.split("-")[0]
        if base == "zh":
            return self._settings.cjk_font_family
        return LANGUAGE_FONTS.get(base, self._settings.font_family)

    fontFamily = Property(str, _font_family, notify=changed)
    latinFontFamily = Property(str, _latin_font_family, notify=changed)
    cjkFontFamily = Property(str, _cjk_font_family, notify=changed)
    rightToLeft = Property(bool, _right_to_left, notify=changed)
    language = Property(str, _language_code, notify=changed)

    # -- sizes (px, scaled to the window) --------------------------------------------------

    def _px(self, design: float, minimum: float = 1.0) -> int:
        return max(round(minimum), round(design * self._scale))

    def _get_scale(self) -> float:
        return self._scale

    def _unit(self) -> int:
        return self._px(8, 4)

    def _small_size(self) -> int:
        return self._px(24, 14)

    def _body_size(self) -> int:
        return self._px(28, 16)

    def _heading_size(self) -> int:
        return self._px(40, 22)

    def _title_size(self) -> int:
        return self._px(64, 30)

    def _display_size(self) -> int:
        return self._px(120, 48)

    def _touch_target(self) -> int:
        return self._px(72, 48)

    def _radius(self) -> int:
        return self._px(14, 4)

    def _margin(self) -> int:
        return self._px(48, 16)

    def _compact_header(self) -> bool:
        """A narrow (portrait) window puts the breadcrumb on a second header row."""
        return self._width < 1500 * self._scale

    def _header_height(self) -> int:
        """Height of the bar with Home, Back, breadcrumb and languages."""
        rows = 2 if self._compact_header() else 1
        return rows * self._touch_target() + (rows + 3) * self._unit()

    def _header_row_height(self) -> int:
        """Height of the bar without a breadcrumb row (the home screen has no breadcrumb)."""
        return self._touch_target() + 4 * self._unit()

    def _transition_ms(self) -> int:
        return 0 if self._reduced_motion else 250

    def _get_reduced_motion(self) -> bool:
        return self._reduced_motion

    scale = Property(float, _get_scale, notify=changed)
    unit = Property(int, _unit, notify=changed)
    smallSize = Property(int, _small_size, notify=changed)
    bodySize = Property(int, _body_size, notify=changed)
    headingSize = Property(int, _heading_size, notify=changed)
    titleSize = Property(int, _title_size, notify=changed)
    displaySize = Property(int, _display_size, notify=changed)
    touchTarget = Property(int, _touch_target, notify=changed)
    radius = Property(int, _radius, notify=changed)
    margin = Property(int, _margin, notify=changed)
    headerHeight = Property(int, _header_height, notify=changed)
    compactHeader = Property(bool, _compact_header, notify=changed)
    headerRowHeight = Property(int, _header_row_height, notify=changed)
    transitionMs = Property(int, _transition_ms, notify=changed)
    reducedMotion = Property(bool, _get_reduced_motion, notify=changed)


_THEMES: PerEngine[Theme] = PerEngine()
