"""Languages as Qt knows them (CLDR through QLocale): each language's own name and its direction.

The language picker names every language in that language (简体中文, العربية, Português) and the
theme turns the layout around for languages written from right to left; both come from QLocale,
so a language the exhibition adds needs no table here.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QLocale, Qt

from kiosk.content.i18n import normal_tag

__all__ = ["is_right_to_left", "language_name"]


@functools.cache
def _locale(tag: str) -> QLocale | None:
    """Qt's locale for a language tag; None when Qt does not know the language."""
    normal = normal_tag(tag)
    if normal is None:
        return None
    locale = QLocale(normal)
    if locale.language() == QLocale.Language.C or (
        locale.language() == QLocale.Language.English and not normal.startswith("en")
    ):
        return None
    return locale


@functools.cache
def language_name(tag: str) -> str:
    """A language's name in that language: 简体中文 for zh, 繁體中文 for zh-Hant, português for pt-BR;
    the tag itself when Qt does not know the language. Without a region the name most places
    use (Español for es, English for en), with a capital first letter as in a menu."""
    locale = _locale(tag)
    if locale is None:
        return tag
    name = locale.nativeLanguageName()
    if "-" not in tag or len(tag.split("-")[-1]) == 4:
        # no region written: the name most places use (español, not español de España)
        names = [other.nativeLanguageName() for other in QLocale.matchingLocales(
            locale.language(), locale.script(), QLocale.Country.AnyTerritory)]
        name = max(names, key=lambda each: (names.count(each), each == name), default=name)
    return (name[:1].upper() + name[1:]) if name else tag


def is_right_to_left(tag: str) -> bool:
    """Whether the language is written from right to left (Arabic, Hebrew, Persian, Urdu ...)."""
    locale = _locale(tag)
    return locale is not None and locale.textDirection() == Qt.LayoutDirection.RightToLeft
