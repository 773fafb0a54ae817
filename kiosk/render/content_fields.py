"""Where a finding of the accessibility audit is to be fixed: the screen and the content field.

Staff fix a finding in the content, not in the kiosk's program, so every finding names the screen
it was seen on (`exhibit 'port-figures'`, `section 'old-harbour'`, `floor 'port'`, the home
screen, the attract loop) and, when the words come from the content, the field they come from:
`exhibit 'port-figures' field items[1].label`. A card on a section screen names its own exhibit:
`section 'old-harbour', exhibit 'harbour-story' field title`. Words that are the kiosk's own
(Back, Home, "Swipe or use the arrows") name only the screen; the QML file stays in audit.txt.

How the field is found. Every text of the exhibition, in the language shown, is listed with its
field path (walking the content models: `title`, `body`, `items[1].label`, `events[3].text`,
`hotspots[0].label`, `series[1].name`, `categories[2]`). The words of a Text on screen (or a
control's accessible name) are compared with them, letters and digits only, so that punctuation,
quotation marks, thousands separators and line breaks the views add do not matter: the same words,
else a field the Text shows a part of (one paragraph of a `body`), else a field whose words the
Text shows among others ("Floor 1 · The Port"). Fields of the screen on view come first, then
those of what it lists (the exhibits of a section), then the rest of the exhibition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kiosk.content.i18n import resolve
from kiosk.render.scene import Finding

if TYPE_CHECKING:
    from kiosk.app.navigator import Navigator
    from kiosk.content.model import Exhibition

OWNED = ("floors", "sections", "exhibits")
"""Fields holding the floors, sections and exhibits: each is named by its own id."""
NOT_SHOWN = ("id", "type", "color", "colour", "schema_version")
SHORTEST_PART = 8
"""A Text shows part of a field (a paragraph of a body) only with this many letters or more."""
SHORTEST_WHOLE = 4
"""A field is found among other words only with this many letters or more."""


@dataclass(frozen=True)
class Entry:
    """One text of the exhibition: its owner, field and the letters and digits of its words."""

    owner: str  # "exhibit 'port-figures'"
    chain: tuple[str, ...]  # the owners it lies in, outermost first, itself last
    field: str  # "items[1].label"
    key: str
    number: bool

    def __str__(self) -> str:
        return f"{self.owner} field {self.field}"


def letters(words: str) -> str:
    """The letters and digits of some words, in lower case: what the comparison looks at."""
    return "".join(character for character in words.casefold() if character.isalnum())


def texts_of(value: Any, path: str, language: str, fallback: str) -> Iterator[tuple[str, str, bool]]:
    """Every (field path, words, is a number) of a content model and what it holds."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in OWNED and name not in NOT_SHOWN:
                yield from texts_of(getattr(value, name), f"{path}.{name}" if path else name,
                                    language, fallback)
    elif isinstance(value, dict):
        if value and all(isinstance(words, str) for words in value.values()):
            yield path, resolve(value, language, fallback), False
        elif value and all(isinstance(n, (int, float)) for n in value.values()):
            number = value.get(language, value.get(fallback, next(iter(value.values()))))
            yield path, _number(number), True
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from texts_of(item, f"{path}[{index}]", language, fallback)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, _number(value), True
    elif isinstance(value, str):
        yield path, value, False


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class ContentIndex:
    """Every text of an exhibition in one language, to look up where words on screen come from."""

    def __init__(self, exhibition: Exhibition, language: str) -> None:
        fallback = str(exhibition.settings.default_language)
        self.entries: list[Entry] = []

        def add(model: BaseModel, owner: str, chain: tuple[str, ...]) -> None:
            for field, words, number in texts_of(model, "", language, fallback):
                key = letters(words)
                if key:
                    self.entries.append(Entry(owner, chain, field, key, number))

        add(exhibition.settings, "exhibition.yaml", ("exhibition.yaml",))
        for floor in exhibition.floors:
            floor_owner = f"floor '{floor.id}'"
            add(floor, floor_owner, (floor_owner,))
            for section in floor.sections:
                section_owner = f"section '{section.id}'"
                add(section, section_owner, (floor_owner, section_owner))
                for exhibit in section.exhibits:
                    owner = f"exhibit '{exhibit.id}'"
                    add(exhibit, owner, (floor_owner, section_owner, owner))

    def field_of(self, words: str, screen: str) -> Entry | None:
        """The field these words on `screen` most likely come from (None: the kiosk's own words)."""
        key = letters(words)
        if not key:
            return None
        best: tuple[tuple[int, int, int], Entry] | None = None
        for entry in self.entries:
            if entry.key == key:
                closeness = 0
            elif entry.number:
                continue
            elif len(key) >= SHORTEST_PART and key in entry.key:
                closeness = 1
            elif len(entry.key) >= SHORTEST_WHOLE and entry.key in key:
                closeness = 2
            else:
                continue
            nearness = 0 if entry.owner == screen else (1 if screen in entry.chain else 2)
            rank = (nearness, closeness, -len(entry.key))
            if best is None or rank < best[0]:
                best = (rank, entry)
        return best[1] if best else None


def screen_on_view(navigator: Navigator) -> str:
    """The screen as staff know it: `exhibit 'x'`, `section 'y'`, `floor 'z'`, `home screen`."""
    place = navigator.property("place") or {}
    screen = str(place.get("screen", ""))
    if screen in ("floor", "section", "exhibit") and place.get(screen):
        return f"{screen} '{place[screen]}'"
    return {"home": "home screen", "attract": "attract loop"}.get(screen, screen or "screen")


_INDEXES: dict[tuple[int, str], ContentIndex] = {}


def index_for(exhibition: Exhibition, language: str) -> ContentIndex:
    """The index of this exhibition in this language (made once)."""
    key = (id(exhibition), language)
    if key not in _INDEXES:
        _INDEXES.clear()  # one exhibition at a time: a reload replaces it
        _INDEXES[key] = ContentIndex(exhibition, language)
    return _INDEXES[key]


def name_places(findings: list[Finding], navigator: Navigator, screen: str | None = None) -> list[Finding]:
    """The findings, each naming the screen and, for content words, the field they come from."""
    exhibition = navigator.exhibition
    if exhibition is None:
        return findings
    screen = screen or screen_on_view(navigator)
    index = index_for(exhibition, str(navigator.property("language")))
    named = []
    for finding in findings:
        entry = index.field_of(finding.words, screen) if finding.words else None
        if entry is None:
            place = screen
        elif entry.owner == screen:
            place = str(entry)
        else:
            place = f"{screen}, {entry}"
        named.append(replace(finding, place=place))
    return named
