"""The kiosk's words in one language at run time: a chain of compiled gettext catalogs.

`words(language, default)` gives a `Words` whose chain is the language's own catalog, each
shorter tag's (pt for pt-BR), the exhibition default language's, and last the English source
in `kiosk.words.messages`. Catalogs and chains are read once and kept: a chain is a few
dictionary look-ups per message.
"""

from __future__ import annotations

import copy
import functools
import gettext
import itertools
from pathlib import Path
from typing import Final

from kiosk.content.i18n import ANY_LANGUAGE, fallback_order
from kiosk.words.messages import MESSAGES

DOMAIN: Final = "kiosk"
LOCALE_DIR: Final = Path(__file__).with_name("locale")
"""Holds kiosk.pot and <tag>/LC_MESSAGES/kiosk.po and kiosk.mo for every language below."""
LANGUAGES: Final = ("en", "zh", "zh-Hant", "ar", "fr", "de", "es", "it", "pt", "ru", "ja", "ko")
"""The languages the kiosk's own words are written in (English is the source)."""
SINGULAR: Final = {message.key: message.text for message in MESSAGES}
PLURAL: Final = {message.key: message.plural for message in MESSAGES if message.plural}


def catalog_file(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


@functools.cache
def _catalog(language: str) -> gettext.GNUTranslations | None:
    """One language's compiled catalog, read once; None when the kiosk has none."""
    path = catalog_file(language)
    if not path.is_file():
        return None
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


class Words:
    """The kiosk's words in one language, falling back as every text does."""

    def __init__(self, language: str, default: str | None = None) -> None:
        self.language = language
        self.default = default or language
        chain: list[gettext.NullTranslations] = []
        for code in fallback_order(language, self.default):
            found = _catalog(code) if code != ANY_LANGUAGE else None
            if found is not None:
                # a copy: the messages are shared, the next catalog to ask is this chain's own
                chain.append(copy.copy(found))
        chain.append(gettext.NullTranslations())  # the English source text answers last
        for catalog, after in itertools.pairwise(chain):
            catalog.add_fallback(after)
        self._chain = chain[0]
        self._table: dict[str, str] | None = None

    def text(self, key: str, **values: object) -> str:
        """One message, with its {placeholders} filled in."""
        template = self._chain.pgettext(key, SINGULAR[key])
        return template.format(**values) if values else template

    def count(self, key: str, n: int, **values: object) -> str:
        """A message that counts: the plural form the language's rules pick for n; {count} is n
        unless `values` gives it written another way (e.g. with thousands separators)."""
        template = self._chain.npgettext(key, SINGULAR[key], PLURAL[key], n)
        return template.format(**({"count": n} | values))

    def duration(self, seconds: float, *, with_seconds: bool = True) -> str:
        """A length of time, short, two units at most: `42 s`, `3 min 5 s`, `2 h 14 min`, `2 d 2 h`
        (`3 min` without its seconds when `with_seconds` is false). Below zero reads as `0 s`."""
        days, rest = divmod(max(0, round(seconds)), 86400)
        hours, rest = divmod(rest, 3600)
        minutes, rest = divmod(rest, 60)
        if days:
            return self.text("duration_days_hours", days=days, hours=hours)
        if hours:
            return self.text("duration_hours_minutes", hours=hours, minutes=minutes)
        if minutes:
            if rest and with_seconds:
                return self.text("duration_minutes_seconds", minutes=minutes, seconds=rest)
            return self.text("duration_minutes", minutes=minutes)
        return self.text("duration_seconds", seconds=rest)

    def table(self) -> dict[str, str]:
        """Every message (plurals in their singular form) by key, placeholders unfilled: the map
        QML binds to (`Navigator.words.home`)."""
        if self._table is None:
            self._table = {key: self._chain.pgettext(key, text) for key, text in SINGULAR.items()}
        return dict(self._table)


@functools.cache
def words(language: str, default: str | None = None) -> Words:
    """The kiosk's words in a language (kept: one per language and default language)."""
    return Words(language, default)
