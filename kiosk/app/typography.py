"""Typography that follows the language: quotation marks, the colon after a label, italics, the
last line of Chinese, Japanese and Korean text, and the face of the CJK font for each language.

Plain Python (no Qt), so every rule is tested without a display. The kiosk shows no bulleted or
numbered lists, so it needs no list marks.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.content.i18n import prefixes

WORD_JOINER = "\u2060"
"""Invisible; Qt's line breaking never breaks a line on either side of it."""
NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"

LIKELY_SCRIPTS = {
    "zh": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "zh-MO": "Hant", "yue": "Hant",
    "ja": "Jpan", "ko": "Kore",
    "ar": "Arab", "fa": "Arab", "ur": "Arab", "ps": "Arab", "he": "Hebr", "yi": "Hebr",
    "ru": "Cyrl", "uk": "Cyrl", "be": "Cyrl", "bg": "Cyrl", "mk": "Cyrl", "sr": "Cyrl", "mn": "Cyrl",
    "kk": "Cyrl", "el": "Grek", "hi": "Deva", "mr": "Deva", "ne": "Deva", "th": "Thai",
}
"""The script a language is written in when its tag does not say (most likely, as in CLDR)."""
CJK_SCRIPTS = frozenset({"Hans", "Hant", "Jpan", "Kore", "Hani"})
CJK_FACES = {"Hans": "SC", "Hant": "TC", "Hani": "SC", "Jpan": "JP", "Kore": "KR"}
"""The face of Noto Sans CJK (or Noto Serif CJK) drawn for each script."""
_NOTO_CJK = re.compile(r"^(Noto (?:Sans|Serif) CJK) (?:SC|TC|HK|JP|KR)$")

QUOTE_MARKS = {
    "en": ("\u201c", "\u201d"), "zh": ("\u201c", "\u201d"), "zh-Hant": ("\u300c", "\u300d"),
    "ja": ("\u300c", "\u300d"), "ko": ("\u201c", "\u201d"),
    "fr": ("\u00ab" + NARROW_NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE + "\u00bb"),
    "de": ("\u201e", "\u201c"), "cs": ("\u201e", "\u201c"), "pl": ("\u201e", "\u201d"),
    "nl": ("\u2018", "\u2019"), "sv": ("\u201d", "\u201d"), "fi": ("\u201d", "\u201d"),
    "es": ("\u00ab", "\u00bb"), "it": ("\u00ab", "\u00bb"), "pt": ("\u201c", "\u201d"),
    "ru": ("\u00ab", "\u00bb"), "uk": ("\u00ab", "\u00bb"), "ar": ("\u00ab", "\u00bb"),
    "fa": ("\u00ab", "\u00bb"), "he": ("\u201d", "\u201d"), "el": ("\u00ab", "\u00bb"),
}
"""Opening and closing quotation marks per language (the first a tag's prefixes find)."""
COLONS = {"zh": "\uff1a", "ja": "\uff1a", "fr": NO_BREAK_SPACE + ": "}
"""What follows a label such as 'Source': full-width for Chinese and Japanese, a no-break space
before the colon in French; ': ' elsewhere."""

_ITALIC_RANGES = ((0x41, 0x24F), (0x250, 0x2AF), (0x370, 0x52F), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF),
                  (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFB00, 0xFB06))
"""Letters of the scripts fonts draw true italics for: Latin, Greek, Cyrillic."""


def script_of(language: str) -> str:
    """The script of a language tag: its own script subtag, else the language's usual script."""
    parts = language.split("-")
    if len(parts) > 1 and len(parts[1]) == 4:
        return parts[1]
    for key in prefixes(language):
        if key in LIKELY_SCRIPTS:
            return LIKELY_SCRIPTS[key]
    return "Latn"


def is_cjk(language: str) -> bool:
    """Chinese, Japanese or Korean, whatever the region."""
    return script_of(language) in CJK_SCRIPTS


def _first(table: dict[str, tuple[str, str]] | dict[str, str], language: str) -> str | tuple[str, str] | None:
    tags = prefixes(language)
    if language.split("-")[0] == "zh":
        tags.insert(len(tags) - 1, f"zh-{script_of(language)}")  # zh-TW reads like zh-Hant
    return next((table[tag] for tag in tags if tag in table), None)


def quote_marks(language: str) -> tuple[str, str]:
    """The opening and closing quotation marks of a language: 「」 for Japanese, “” for English."""
    marks = _first(QUOTE_MARKS, language)
    return marks if isinstance(marks, tuple) else QUOTE_MARKS["en"]


def quoted(text: str, language: str) -> str:
    """Text between the language's quotation marks."""
    opening, closing = quote_marks(language)
    return f"{opening}{text}{closing}" if text else ""


def label_colon(language: str) -> str:
    """What follows a label in this language: '：' in Chinese and Japanese, ': ' in English."""
    colon = _first(COLONS, language)
    return colon if isinstance(colon, str) else ": "


def labelled(label: str, text: str, language: str) -> str:
    """A label and its text, e.g. 'Source: Dalian Statistics Bureau' or '出典：大連市'."""
    return f"{label}{label_colon(language)}{text}" if text else ""


def italic_suits(text: str) -> bool:
    """Whether text may be set in italics: only Latin, Greek and Cyrillic letters have true
    italics; Chinese, Japanese, Korean, Arabic and other scripts would be slanted by force."""
    return all(
        any(low <= ord(char) <= high for low, high in _ITALIC_RANGES)
        for char in text
        if char.isalpha()
    )


def _is_cjk_letter(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA",
                            "HANGUL", "IDEOGRAPHIC ITERATION"))


def _keep_tail(line: str) -> str:
    """One line of text with its last two CJK letters joined (punctuation after them already
    stays with the letter before it: Qt never starts a line with 。 or 」)."""
    end = len(line.rstrip())
    while end > 0 and unicodedata.category(line[end - 1])[0] in "PZ":
        end -= 1
    if end < 2 or not (_is_cjk_letter(line[end - 1]) and _is_cjk_letter(line[end - 2])):
        return line
    return line[:end - 1] + WORD_JOINER + line[end - 1:]


def no_lone_last_character(text: str) -> str:
    """Chinese, Japanese or Korean text whose lines never end a paragraph with a single character:
    the last two letters of each paragraph are joined with invisible word joiners, so Qt moves them
    to the last line together. Text in other scripts is returned as it is."""
    if not any(_is_cjk_letter(char) for char in text):
        return text
    return "\n".join(_keep_tail(line) for line in text.split("\n"))


def cjk_font(language: str, family: str) -> str:
    """The CJK font for a language: the language's own face of a Noto CJK family (`Noto Sans CJK
    JP` for ja, `SC` for zh and zh-Hans, `TC` for zh-Hant and zh-TW, `KR` for ko), or the
    exhibition's chosen family as it is when it is another font."""
    match = _NOTO_CJK.match(family)
    if match is None:
        return family
    return f"{match[1]} {CJK_FACES.get(script_of(language), 'SC')}"
