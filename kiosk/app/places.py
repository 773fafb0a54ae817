"""What each place of the exhibition shows, kept ready for QML in the language now spoken.

The floor tiles, the section panels and the exhibit cards are list models; a floor, a section
or an exhibit opened on a screen is a `PlaceData` whose `fields` say what that screen shows.
Both live as long as the Navigator and change in place when the language or the content
changes, so a screen binds to them once and follows every change by itself (a screen on its
way out during a transition keeps showing its own place).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QJSEngine, QmlElement, QmlUncreatable

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.cards import Words, exhibit_card, exhibit_view_data, fill_colour, floor_card, section_card
from kiosk.app.journey import Place
from kiosk.app.models import CardListModel
from kiosk.content.model import Exhibition, Floor, Section

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ExhibitionPlaces", "PlaceData"]

_Owned = TypeVar("_Owned", bound=QObject)


@QmlElement
@QmlUncreatable("The Navigator gives each screen its place's data.")  # type: ignore[operator]
class PlaceData(QObject):  # type: ignore[operator]
    """What one floor, section or exhibit screen shows (QML: `Navigator.exhibitData(id).fields`)."""

    changed = Signal()

    def __init__(self, build: Callable[[], dict[str, Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._fields: dict[str, Any] | None = None

    def refresh(self) -> None:
        """The language or the content changed: the screen showing this place reads it again."""
        self._fields = None
        self.changed.emit()

    def _read(self) -> dict[str, Any]:
        if self._fields is None:
            self._fields = self._build()
        return self._fields

    fields = Property(dict, _read, notify=changed)
    """The place's title, texts, pictures and colour, in the current language ({} if it is gone)."""


def _own(item: _Owned) -> _Owned:
    """Keep QML's garbage collector away from an object the Navigator hands out."""
    QJSEngine.setObjectOwnership(item, QJSEngine.ObjectOwnership.CppOwnership)
    return item


class ExhibitionPlaces:
    """The card lists and the place data of one Navigator, for one exhibition in one language."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._exhibition: Exhibition | None = None
        self._words = Words("en", "en")
        self.floors: CardListModel = _own(CardListModel(owner))
        self.empty: CardListModel = _own(CardListModel(owner))
        self._sections: dict[str, CardListModel] = {}
        self._exhibits: dict[str, CardListModel] = {}
        self._data: dict[tuple[str, str], PlaceData] = {}

    @property
    def words(self) -> Words:
        return self._words

    def show(self, exhibition: Exhibition | None, words: Words) -> None:
        """Fill everything again for this exhibition in these words (cards change in place)."""
        self._exhibition, self._words = exhibition, words
        floors = exhibition.floors if exhibition else ()
        self.floors.set_cards([floor_card(floor, words) for floor in floors])
        for floor_id in list(self._sections):
            self._fill_sections(floor_id)
        for section_id in list(self._exhibits):
            self._fill_exhibits(section_id)
        for data in self._data.values():
            data.refresh()

    # -- finding places ------------------------------------------------------------------

    def floor(self, floor_id: str) -> Floor | None:
        floors = self._exhibition.floors if self._exhibition else ()
        return next((floor for floor in floors if floor.id == floor_id), None)

    def section(self, section_id: str) -> tuple[Floor, Section] | None:
        floors = self._exhibition.floors if self._exhibition else ()
        for floor in floors:
            for section in floor.sections:
                if section.id == section_id:
                    return floor, section
        return None

    # -- card lists ------------------------------------------------------------------------

    def sections_of(self, floor_id: str) -> CardListModel:
        """The section cards of one floor (a model that lives as long as the Navigator)."""
        if floor_id not in self._sections:
            self._sections[floor_id] = _own(CardListModel(self._owner))
            self._fill_sections(floor_id)
        return self._sections[floor_id]

    def exhibits_of(self, section_id: str) -> CardListModel:
        """The exhibit cards of one section."""
        if section_id not in self._exhibits:
            self._exhibits[section_id] = _own(CardListModel(self._owner))
            self._fill_exhibits(section_id)
        return self._exhibits[section_id]

    def _fill_sections(self, floor_id: str) -> None:
        floor = self.floor(floor_id)
        cards = ([section_card(s, floor, n, self._words) for n, s in enumerate(floor.sections, start=1)]
                 if floor else [])
        self._sections[floor_id].set_cards(cards)

    def _fill_exhibits(self, section_id: str) -> None:
        found = self.section(section_id)
        cards = []
        if found is not None:
            floor, section = found
            cards = [exhibit_card(e, floor, n, self._words) for n, e in enumerate(section.exhibits, 1)]
        self._exhibits[section_id].set_cards(cards)

    # -- one place's data ------------------------------------------------------------------

    def data(self, kind: str, place_id: str) -> PlaceData:
        """The data of one floor, section or exhibit screen; the same object every time."""
        key = (kind, place_id)
        if key not in self._data:
            build = {"floor": self.floor_fields, "section": self.section_fields,
                     "exhibit": self.exhibit_fields}[kind]
            self._data[key] = _own(PlaceData(lambda: build(place_id), self._owner))
        return self._data[key]

    def floor_fields(self, floor_id: str) -> dict[str, Any]:
        """A floor's title, summary, colour and cover."""
        floor = self.floor(floor_id)
        return floor_card(floor, self._words) if floor else {}

    def section_fields(self, section_id: str) -> dict[str, Any]:
        found = self.section(section_id)
        if found is None:
            return {}
        floor, section = found
        number = list(floor.sections).index(section) + 1
        card = section_card(section, floor, number, self._words)
        card["floorId"] = floor.id
        card["floorTitle"] = self._words.text(floor.title)
        return card

    def exhibit_fields(self, exhibit_id: str) -> dict[str, Any]:
        """An exhibit prepared for its view."""
        found = self._exhibition.locate(exhibit_id) if self._exhibition else None
        if found is None:
            return {}
        data = exhibit_view_data(found[2], self._words, self._words.root)
        data.setdefault("colour", fill_colour(found[0].color))
        return data

    def breadcrumb(self, place: Place) -> list[dict[str, Any]]:
        """The floor and section above a place, for the header."""
        crumbs: list[dict[str, Any]] = []
        floor = self.floor(place.floor)
        if floor is not None and place.screen in ("floor", "section", "exhibit"):
            crumbs.append({"kind": "floor", "id": floor.id, "title": self._words.text(floor.title),
                           "label": self._words.word("floor", number=floor.number)})
        found = self.section(place.section)
        if found is not None and place.screen in ("section", "exhibit"):
            crumbs.append({"kind": "section", "id": found[1].id, "label": "",
                           "title": self._words.text(found[1].title)})
        return crumbs
