"""What each screen shows of the exhibition, in one language, as plain dicts for QML."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.app.contrast import safe_fill_for_white
from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.images import picture_url
from kiosk.content.i18n import resolve
from kiosk.content.media import SUFFIXES
from kiosk.words import words as words_in

if TYPE_CHECKING:
    from kiosk.content.model import Exhibit, Floor, Section

log = logging.getLogger("kiosk.app")



class Words:
    """Resolves content text and interface words for one language."""

    def __init__(self, language: str, fallback: str, root: Path | None = None) -> None:
        self.language = language
        self.fallback = fallback
        self.root = root or Path.cwd()

    def text(self, value: dict[str, str] | None) -> str:
        return resolve(value, self.language, self.fallback)

    def word(self, key: str, **values: object) -> str:
        return words_in(self.language, self.fallback).text(key, **values)


def count_words(words: Words, key: str, count: int) -> str:
    """'3 themes', but '1 theme' (Russian '21 тема', Arabic 'موضوعان' for two): the language's plural."""
    return words_in(words.language, words.fallback).count(key, count)


def cover(path: str | None, root: Path) -> str:
    return picture_url(root, path) if path else ""


def fill_colour(colour: str) -> str:
    """A floor colour that white text reads well on."""
    from PySide6.QtGui import QColor

    return str(safe_fill_for_white(QColor(colour)).name())


def floor_card(floor: Floor, words: Words) -> dict[str, Any]:
    return {
        "cardId": floor.id,
        "title": words.text(floor.title),
        "summary": words.text(floor.summary),
        "cover": cover(floor.cover, words.root),
        "coverAlt": words.text(floor.cover_alt),
        "colour": fill_colour(floor.color),
        "number": floor.number,
        "kind": "floor",
        "kindLabel": words.word("floor", number=floor.number),
        "detail": count_words(words, "sections", len(floor.sections)),
    }


def section_card(section: Section, floor: Floor, number: int, words: Words) -> dict[str, Any]:
    return {
        "cardId": section.id,
        "title": words.text(section.title),
        "summary": words.text(section.summary),
        "cover": cover(section.cover or _first_picture(section), words.root),
        "coverAlt": words.text(section.cover_alt if section.cover else _first_picture_alt(section)),
        "colour": fill_colour(floor.color),
        "number": number,
        "kind": "section",
        "kindLabel": words.word("floor", number=floor.number),
        "detail": count_words(words, "exhibits", len(section.exhibits)),
    }


def exhibit_card(exhibit: Exhibit, floor: Floor, number: int, words: Words) -> dict[str, Any]:
    return {
        "cardId": exhibit.id,
        "title": words.text(exhibit.title),
        "summary": words.text(exhibit.summary),
        "cover": cover(exhibit.cover or picture_of(exhibit), words.root),
        "coverAlt": words.text(card_picture(exhibit)[1]),
        "colour": fill_colour(floor.color),
        "number": number,
        "kind": exhibit.type,
        "kindLabel": words.word(f"type_{exhibit.type}"),
        "detail": "",
    }


def picture_of(exhibit: Exhibit) -> str | None:
    """The picture that best stands for an exhibit on its card when it has no cover."""
    return _stand_in(exhibit)[0]


Alt = dict[str, str] | None
"""What a picture shows, in each language (None when nobody wrote it)."""


def _stand_in(exhibit: Exhibit) -> tuple[str | None, Alt]:
    """The picture that best stands for an exhibit when it has no cover, with its alt text."""
    for name, alt in (("image", "alt"), ("poster", "poster_alt")):
        value = getattr(exhibit, name, None)
        if isinstance(value, str):
            return value, getattr(exhibit, alt, None)
    items = getattr(exhibit, "items", None)
    if items and hasattr(items[0], "image"):
        return str(items[0].image), items[0].alt
    after = getattr(exhibit, "after", None)
    if after is not None:
        return str(after.image), after.alt
    return None, None


def card_picture(exhibit: Exhibit) -> tuple[str | None, Alt]:
    """The picture on an exhibit's card (its cover, else its stand-in) and what it shows."""
    return (exhibit.cover, exhibit.cover_alt) if exhibit.cover else _stand_in(exhibit)


def _first_picture(section: Section) -> str | None:
    for exhibit in section.exhibits:
        picture = exhibit.cover or picture_of(exhibit)
        if picture:
            return str(picture)
    return None


def _first_picture_alt(section: Section) -> Alt:
    """What the picture on a section's card shows when the section has no cover of its own."""
    for exhibit in section.exhibits:
        picture, alt = card_picture(exhibit)
        if picture:
            return alt
    return None


def exhibit_view_data(exhibit: Exhibit, words: Words, root: Path) -> dict[str, Any]:
    """The exhibit for its view (`exhibit_data`), or a plain card when it cannot be prepared."""
    try:
        return dict(exhibit_to_qml(exhibit, words.language, words.fallback, root))
    except Exception:  # one broken exhibit must not take the exhibition down
        log.exception("exhibit %s could not be prepared; showing its card instead", exhibit.id)
    return {
        "id": exhibit.id,
        "type": exhibit.type,
        "view": "",
        "title": words.text(exhibit.title),
        "summary": words.text(exhibit.summary),
        "cover": cover(exhibit.cover or picture_of(exhibit), words.root),
        "coverAlt": words.text(card_picture(exhibit)[1]),
    }


def media_kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES["video"]:
        return "video"
    return "image" if suffix in SUFFIXES["image"] else "other"
