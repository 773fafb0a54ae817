"""The `Theme` QML singleton: colours, fonts and sizes of the exhibition.

Colours come from the exhibition's `settings.theme`; sizes are designed for a 1080-pixel
short side and scale with the window, so a 4K landscape screen and a 1080x1920 portrait
screen keep the same proportions. The current floor's colour is an accent on its screens.

The visitor's accessibility modes (see `kiosk.app.access`) change the theme: larger text,
a high-contrast palette, reduced motion and reach mode (everything in the lower part).
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.contrast import (
    HIGH_CONTRAST,
    contrast_ratio,
    focus_ring_for,
    luminance,
    readable_on_dark,
    safe_fill_for_white,
)
from kiosk.app.languages import is_right_to_left
from kiosk.app.registry import PerEngine
from kiosk.app.typography import cjk_font, is_cjk, italic_suits
from kiosk.content.i18n import prefixes
from kiosk.content.model import Theme as ThemeSettings

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Theme"]

DESIGN_HEIGHT = 1080
LANGUAGE_FONTS = {
    "ar": "Noto Sans Arabic", "fa": "Noto Sans Arabic", "ur": "Noto Sans Arabic",
    "he": "Noto Sans Hebrew", "hi": "Noto Sans Devanagari", "th": "Noto Sans Thai",
}
"""Fonts for scripts the exhibition's Latin and CJK fonts do not cover. Chinese, Japanese and
Korean take the face of the exhibition's CJK font for their script (`typography.cjk_font`)."""
DEFAULT_FLOOR_COLOUR = "#1f6f8b"
LARGE_TEXT_SCALE = 1.5
TEXT_SIZES = {
    "small": (24, 14), "body": (28, 16), "heading": (40, 22), "title": (64, 30), "display": (120, 48),
}
"""Text sizes in px at 1080 (design size, smallest size), before the visitor's text scale."""
REACH_TOP_LANDSCAPE = 0.40
REACH_TOP_PORTRAIT = 0.45
NORMAL_CONTRAST = 4.5
HIGH_CONTRAST_TARGET = 7.0


def _lighter(colour: QColor, factor: int) -> QColor:
    return QColor(colour).lighter(factor)


@QmlElement
@QmlSingleton
class Theme(QObject):
    """Colours, fonts and sizes every screen and exhibit view reads."""

    changed = Signal()
    headerChanged = Signal()
    """The header's height: follows `changed`, and the breadcrumb's own needs (kept apart so a
    breadcrumb that wraps does not re-evaluate every colour, font and direction binding)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = ThemeSettings()  # type: ignore[call-arg]
        self._language = "en"
        self._scale = 1.0
        self._width = 1920
        self._height = 1080
        self._floor = QColor(DEFAULT_FLOOR_COLOUR)
        self._reduced_motion = False
        self._visitor_reduced_motion = False
        self._text_scale = 1.0
        self._high_contrast = False
        self._reach = False
        self._breadcrumb_needs = 0
        self.changed.connect(self.headerChanged)

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

    def configure(self, settings: ThemeSettings | None, languages: list[str] | None = None) -> None:
        """The exhibition's colours and fonts; `languages` (its languages, in order) choose the
        CJK face drawn for Chinese, Japanese or Korean characters inside Latin text."""
        self._settings = settings or ThemeSettings()  # type: ignore[call-arg]
        # CJK characters in Latin text are drawn with the face of the exhibition's first CJK
        # language (Chinese forms for an exhibition in Chinese, Japanese forms for one in
        # Japanese), not with fontconfig's first CJK fallback: the right glyph forms, and one
        # face of that 20 MB file open instead of two (see kiosk.app.memory)
        first_cjk = next((code for code in languages or () if is_cjk(code)), "zh")
        QFont.removeSubstitutions(self._settings.font_family)
        cjk_face = cjk_font(first_cjk, self._settings.cjk_font_family)
        QFont.insertSubstitution(self._settings.font_family, cjk_face)
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
        """Motion off for the whole kiosk (a setting, renders, tests); visitors add their own."""
        if reduced != self._reduced_motion:
            self._reduced_motion = reduced
            self.changed.emit()

    def set_visitor_modes(
        self, *, large_text: bool, high_contrast: bool, reach: bool, reduced_motion: bool
    ) -> None:
        """The accessibility modes the visitor chose (all False for a new visitor)."""
        wanted = (LARGE_TEXT_SCALE if large_text else 1.0, high_contrast, reach, reduced_motion)
        now = (self._text_scale, self._high_contrast, self._reach, self._visitor_reduced_motion)
        if wanted != now:
            self._text_scale, self._high_contrast, self._reach, self._visitor_reduced_motion = wanted
            self.changed.emit()

    @Slot(int, int)
    def setWindowSize(self, width: int, height: int) -> None:
        self.set_window_size(width, height)

    # -- colours ---------------------------------------------------------------------------

    def _colour(self, name: str) -> QColor:
        if self._high_contrast:
            return QColor(HIGH_CONTRAST[name])
        return QColor(getattr(self._settings, name))

    def _contrast_target(self) -> float:
        return HIGH_CONTRAST_TARGET if self._high_contrast else NORMAL_CONTRAST

    def _surface_raised(self) -> QColor:
        if self._high_contrast:
            return QColor(HIGH_CONTRAST["surface_raised"])
        return _lighter(self._colour("surface"), 125)

    def _accent_text(self) -> QColor:
        """Text drawn on the accent colour: dark on a light accent, light on a dark one."""
        accent = self._colour("accent")
        dark, light = QColor("#000000" if self._high_contrast else "#111111"), QColor("#ffffff")
        return dark if contrast_ratio(accent, dark) >= contrast_ratio(accent, light) else light

    def _floor_color(self) -> QColor:
        """The floor colour, darkened if needed so white text on it reads at the target ratio."""
        return safe_fill_for_white(self._floor, self._contrast_target())

    def _floor_accent(self) -> QColor:
        """The floor colour, lightened if needed to read as text on the background and cards."""
        backgrounds = (self._colour("background"), self._colour("surface"), self._surface_raised())
        lightest = max(backgrounds, key=luminance)
        return readable_on_dark(self._floor, lightest, self._contrast_target())

    def _focus_ring(self) -> QColor:
        """Bright against every background, in the exhibition's palette and in high contrast."""
        backgrounds = [self._settings.background, self._settings.surface,
                       _lighter(QColor(self._settings.surface), 125).name(),
                       HIGH_CONTRAST["background"], HIGH_CONTRAST["surface"],
                       HIGH_CONTRAST["surface_raised"]]
        return QColor(focus_ring_for(backgrounds, preferred=self._settings.accent))

    def _border_color(self) -> QColor:
        """Outline of cards, buttons and panels: strong in high contrast, a soft edge otherwise."""
        if self._high_contrast:
            return QColor(HIGH_CONTRAST["border"])
        return _lighter(self._colour("surface"), 150)

    def _border_width(self) -> int:
        return self._px(3, 2) if self._high_contrast else 1

    @Slot(str, float, result=QColor)
    def fill(self, colour: str, ratio: float) -> QColor:
        """A floor or card colour that white text reads on at this ratio. QML passes
        `Theme.contrastTarget`, so the binding is read again when high contrast changes."""
        return safe_fill_for_white(QColor(colour or DEFAULT_FLOOR_COLOUR), max(ratio, NORMAL_CONTRAST))

    background = Property(QColor, lambda self: self._colour("background"), notify=changed)
    surface = Property(QColor, lambda self: self._colour("surface"), notify=changed)
    surfaceRaised = Property(QColor, _surface_raised, notify=changed)
    text = Property(QColor, lambda self: self._colour("text"), notify=changed)
    mutedText = Property(QColor, lambda self: self._colour("muted_text"), notify=changed)
    accent = Property(QColor, lambda self: self._colour("accent"), notify=changed)
    accentText = Property(QColor, _accent_text, notify=changed)
    floorColor = Property(QColor, _floor_color, notify=changed)
    floorAccent = Property(QColor, _floor_accent, notify=changed)
    focusRing = Property(QColor, _focus_ring, notify=changed)
    fillText = Property(QColor, lambda self: QColor("#ffffff"), notify=changed)
    """Text on a floor's colour or on a picture's dark shade."""
    borderColor = Property(QColor, _border_color, notify=changed)
    borderWidth = Property(int, _border_width, notify=changed)
    highContrast = Property(bool, lambda self: self._high_contrast, notify=changed)
    contrastTarget = Property(float, _contrast_target, notify=changed)

    # -- fonts and direction ---------------------------------------------------------------

    def _font_family(self) -> str:
        return self.fontFor(self._language)

    def _latin_font_family(self) -> str:
        return self._settings.font_family

    def _cjk_font_family(self) -> str:
        return self._settings.cjk_font_family

    def _right_to_left(self) -> bool:
        return is_right_to_left(self._language)

    def _language_code(self) -> str:
        return self._language

    @Slot(str, result=str)
    def fontFor(self, language: str) -> str:
        """The font for text in a given language, e.g. a language's own name on its button:
        `Noto Sans CJK JP` for ja, `SC` for zh and zh-Hans, `TC` for zh-Hant and zh-TW, `KR` for ko."""
        if is_cjk(language):
            return cjk_font(language, self._settings.cjk_font_family)
        found = next((LANGUAGE_FONTS[key] for key in prefixes(language) if key in LANGUAGE_FONTS), None)
        return found or self._settings.font_family

    @Slot(str, result=bool)
    def italicFor(self, text: str) -> bool:
        """Whether a credit or note may be set in italics: only for Latin, Greek and Cyrillic
        letters; Chinese, Japanese, Korean or Arabic would be slanted by force."""
        return italic_suits(text)

    fontFamily = Property(str, _font_family, notify=changed)
    latinFontFamily = Property(str, _latin_font_family, notify=changed)
    cjkFontFamily = Property(str, _cjk_font_family, notify=changed)
    rightToLeft = Property(bool, _right_to_left, notify=changed)
    language = Property(str, _language_code, notify=changed)

    # -- sizes (px, scaled to the window) --------------------------------------------------

    def _px(self, design: float, minimum: float = 1.0) -> int:
        return max(round(minimum), round(design * self._scale))

    def _text_px(self, design: float, minimum: float) -> int:
        """A text size: scaled to the window and by the visitor's text scale."""
        return self._px(design * self._text_scale, minimum * self._text_scale)

    def _get_scale(self) -> float:
        return self._scale

    def _unit(self) -> int:
        return self._px(8, 4)

    def _touch_target(self) -> int:
        return self._px(72, 48)

    def _radius(self) -> int:
        return self._px(14, 4)

    def _margin(self) -> int:
        return self._px(48, 16)

    def _compact_header(self) -> bool:
        """A narrow (portrait) window, or large text, puts the breadcrumb on a second header row."""
        return self._width < 1500 * self._scale * self._text_scale

    def _breadcrumb_height(self) -> int:
        """Height of the breadcrumb: one touch target, or what its words need (the header
        reports it: a long breadcrumb in large text may take two lines)."""
        line = round(self._text_px(*TEXT_SIZES["small"]) * 1.8)
        return max(self._touch_target(), line, self._breadcrumb_needs)

    @Slot(int)
    def setBreadcrumbHeight(self, height: int) -> None:
        """The height the header's breadcrumb needs at the current width and text size."""
        if height != self._breadcrumb_needs:
            self._breadcrumb_needs = height
            self.headerChanged.emit()

    def _header_height(self) -> int:
        """Height of the bar with Home, Back, breadcrumb and languages."""
        if self._compact_header():
            return self._touch_target() + self._breadcrumb_height() + 5 * self._unit()
        return self._touch_target() + 4 * self._unit()

    def _header_row_height(self) -> int:
        """Height of the bar without a breadcrumb row (the home screen has no breadcrumb)."""
        return self._touch_target() + 4 * self._unit()

    def _transition_ms(self) -> int:
        return 0 if self._get_reduced_motion() else 250

    def _get_reduced_motion(self) -> bool:
        return self._reduced_motion or self._visitor_reduced_motion

    def _reach_top(self) -> int:
        """Where the reachable part of the window begins (0 when reach mode is off)."""
        if not self._reach:
            return 0
        share = REACH_TOP_PORTRAIT if self._height > self._width else REACH_TOP_LANDSCAPE
        return round(self._height * share)

    scale = Property(float, _get_scale, notify=changed)
    unit = Property(int, _unit, notify=changed)
    smallSize = Property(int, lambda self: self._text_px(*TEXT_SIZES["small"]), notify=changed)
    bodySize = Property(int, lambda self: self._text_px(*TEXT_SIZES["body"]), notify=changed)
    headingSize = Property(int, lambda self: self._text_px(*TEXT_SIZES["heading"]), notify=changed)
    titleSize = Property(int, lambda self: self._text_px(*TEXT_SIZES["title"]), notify=changed)
    displaySize = Property(int, lambda self: self._text_px(*TEXT_SIZES["display"]), notify=changed)
    touchTarget = Property(int, _touch_target, notify=changed)
    radius = Property(int, _radius, notify=changed)
    margin = Property(int, _margin, notify=changed)
    headerHeight = Property(int, _header_height, notify=headerChanged)
    breadcrumbHeight = Property(int, _breadcrumb_height, notify=headerChanged)
    compactHeader = Property(bool, _compact_header, notify=changed)
    headerRowHeight = Property(int, _header_row_height, notify=changed)
    transitionMs = Property(int, _transition_ms, notify=changed)
    reducedMotion = Property(bool, _get_reduced_motion, notify=changed)
    textScale = Property(float, lambda self: self._text_scale, notify=changed)
    reach = Property(bool, lambda self: self._reach, notify=changed)
    reachTop = Property(int, _reach_top, notify=changed)


_THEMES: PerEngine[Theme] = PerEngine()
