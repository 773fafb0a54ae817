"""The `Navigator` QML singleton: the visitor's place in the exhibition and the way around it.

QML shows what the Navigator says and sends visitor intents back (touch, open a floor, back,
change language). All decisions live here and in `journey.Journey`, testable without pixels.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QJSEngine, QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, pyramids
from kiosk.app.attract import attract_slides, back_soon_notices, invitations
from kiosk.app.cards import Words, exhibit_card, exhibit_view_data, fill_colour, floor_card, section_card
from kiosk.app.journey import Journey, Place
from kiosk.app.models import CardListModel
from kiosk.app.registry import PerEngine
from kiosk.app.theme import Theme
from kiosk.app.ui_words import language_name, words_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Navigator"]

log = logging.getLogger("kiosk.navigator")


@QmlElement
@QmlSingleton
class Navigator(QObject):
    """Where the visitor is, what each screen shows, and the visitor's moves."""

    screenChanged = Signal()
    placeChanged = Signal()
    languageChanged = Signal()
    contentChanged = Signal()
    versionChanged = Signal()
    navigated = Signal(str, str)
    """Emitted after every move: the new screen and the id it shows (for insights and idle)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibition: Any | None = None
        self._root = Path.cwd()
        self._journey = Journey()
        self._language = "en"
        self._theme: Theme | None = None
        self._floors = self._own(CardListModel(self))
        self._sections: dict[str, CardListModel] = {}
        self._exhibits: dict[str, CardListModel] = {}
        self._empty = self._own(CardListModel(self))
        self._generation = 0
        self._screen_languages: list[str] = []

    # -- registration ------------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Navigator:
        return Navigator.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Navigator:
        return _NAVIGATORS.get(engine, Navigator)

    @staticmethod
    def forget_engine(key: int) -> None:
        _NAVIGATORS.forget(key)

    @staticmethod
    def _own(model: CardListModel) -> CardListModel:
        QJSEngine.setObjectOwnership(model, QJSEngine.ObjectOwnership.CppOwnership)
        return model

    # -- set-up from Python ------------------------------------------------------------------

    def bind_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._sync_theme()

    def load(self, exhibition: Any | None, root: Path, language: str | None = None) -> None:
        """Show an exhibition (None: nothing to show); keeps the visitor's place if it exists."""
        self._exhibition = exhibition
        self._root = root
        if exhibition is not None:  # zoom tiles of large pictures, made in the background
            pyramids.prepare(pyramids.zoomable_pictures(exhibition, root))
        self._journey.set_exhibition(exhibition)
        self._generation += 1
        if self._theme is not None:
            self._theme.configure(exhibition.settings.theme if exhibition else None,
                                  list(exhibition.settings.languages) if exhibition else None)
        languages = self._language_codes()
        wanted = language or self._default_language()
        self._language = wanted if wanted in languages else languages[0]
        self._refresh()
        self.contentChanged.emit()
        self.languageChanged.emit()
        self.versionChanged.emit()
        self.screenChanged.emit()
        self.placeChanged.emit()

    def set_screen_settings(self, start: str | None, languages: Sequence[str] | None) -> None:
        """This screen's start place and language order (kiosk.fleet.screen_config).

        Languages the exhibition does not have are left out; with none left, every language of
        the exhibition is offered. On the attract loop the first language is chosen at once."""
        self._journey.start = start or ""
        self._screen_languages = list(languages or ())
        self.contentChanged.emit()
        if self._journey.place.screen == "attract" and self._language != self._default_language():
            self.setLanguage(self._default_language())

    @property
    def journey(self) -> Journey:
        return self._journey

    @property
    def exhibition(self) -> Any | None:
        """The exhibition shown now (None while the content cannot be loaded)."""
        return self._exhibition

    @property
    def content_root(self) -> Path:
        return self._root

    # -- visitor moves -----------------------------------------------------------------------

    @Slot()
    def touch(self) -> None:
        self._moved(self._journey.touch())

    @Slot()
    def home(self) -> None:
        self._moved(self._journey.home())

    @Slot(str)
    def openFloor(self, floor_id: str) -> None:
        self._moved(self._journey.open_floor(floor_id))

    @Slot(str)
    def openSection(self, section_id: str) -> None:
        self._moved(self._journey.open_section(section_id))

    @Slot(str)
    def openExhibit(self, exhibit_id: str) -> None:
        moved = self._moved(self._journey.open_exhibit(exhibit_id))
        if not moved and self._exhibition and self._exhibition.locate(exhibit_id) is None:
            log.warning("no exhibit with id %r to open", exhibit_id)

    @Slot()
    def back(self) -> None:
        self._moved(self._journey.back())

    @Slot()
    def resetToAttract(self) -> None:
        changed = self._journey.reset()
        default = self._default_language()
        if default != self._language:
            self.setLanguage(default)
        self._moved(changed)

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if code == self._language or code not in self._language_codes():
            return
        self._language = code
        self._refresh()
        self.languageChanged.emit()
        self.versionChanged.emit()
        self.placeChanged.emit()

    def _moved(self, changed: bool) -> bool:
        if changed:
            self._refresh()
            self.screenChanged.emit()
            self.placeChanged.emit()
            place = self._journey.place
            self.navigated.emit(place.screen, place.exhibit or place.section or place.floor)
        return changed

    # -- what the screens show ---------------------------------------------------------------

    def _words(self) -> Words:
        fallback = self._exhibition.settings.default_language if self._exhibition else "en"
        return Words(self._language, fallback, self._root)

    def _refresh(self) -> None:
        words = self._words()
        floors = self._exhibition.floors if self._exhibition else ()
        self._floors.set_cards([floor_card(floor, words) for floor in floors])
        for floor_id in list(self._sections):
            self._fill_sections(floor_id)
        for section_id in list(self._exhibits):
            self._fill_exhibits(section_id)
        self._sync_theme()

    def _sync_theme(self) -> None:
        if self._theme is None:
            return
        self._theme.set_language(self._language)
        floor = self._find_floor(self._journey.place.floor)
        self._theme.set_floor_colour(floor.color if floor else None)

    def _find_floor(self, floor_id: str) -> Any | None:
        floors = self._exhibition.floors if self._exhibition else ()
        return next((floor for floor in floors if floor.id == floor_id), None)

    def _find_section(self, section_id: str) -> tuple[Any, Any] | None:
        floors = self._exhibition.floors if self._exhibition else ()
        for floor in floors:
            for section in floor.sections:
                if section.id == section_id:
                    return floor, section
        return None

    def _fill_sections(self, floor_id: str) -> None:
        floor = self._find_floor(floor_id)
        sections = floor.sections if floor else ()
        words = self._words()
        cards = [section_card(s, floor, n, words) for n, s in enumerate(sections, start=1)]
        self._sections[floor_id].set_cards(cards)

    def _fill_exhibits(self, section_id: str) -> None:
        found = self._find_section(section_id)
        words = self._words()
        cards = []
        if found is not None:
            floor, section = found
            cards = [exhibit_card(e, floor, n, words) for n, e in enumerate(section.exhibits, 1)]
        self._exhibits[section_id].set_cards(cards)

    @Slot(str, result=CardListModel)
    def sectionsOf(self, floor_id: str) -> CardListModel:
        """The section cards of one floor (a model that lives as long as the Navigator)."""
        if floor_id not in self._sections:
            self._sections[floor_id] = self._own(CardListModel(self))
            self._fill_sections(floor_id)
        return self._sections[floor_id]

    @Slot(str, result=CardListModel)
    def exhibitsOf(self, section_id: str) -> CardListModel:
        """The exhibit cards of one section."""
        if section_id not in self._exhibits:
            self._exhibits[section_id] = self._own(CardListModel(self))
            self._fill_exhibits(section_id)
        return self._exhibits[section_id]

    @Slot(str, str, result=dict)
    def floorData(self, floor_id: str, version: str = "") -> dict[str, Any]:
        """A floor's title, summary, colour and cover. QML passes `Navigator.dataVersion`, so
        its binding is read again after a language switch or a content reload."""
        floor = self._find_floor(floor_id)
        return floor_card(floor, self._words()) if floor else {}

    @Slot(str, str, result=dict)
    def sectionData(self, section_id: str, version: str = "") -> dict[str, Any]:
        found = self._find_section(section_id)
        if found is None:
            return {}
        floor, section = found
        number = list(floor.sections).index(section) + 1
        card = section_card(section, floor, number, self._words())
        card["floorId"] = floor.id
        card["floorTitle"] = self._words().text(floor.title)
        return card

    @Slot(str, str, result=dict)
    def exhibitData(self, exhibit_id: str, version: str = "") -> dict[str, Any]:
        """An exhibit prepared for its view, in the current language."""
        found = self._exhibition.locate(exhibit_id) if self._exhibition else None
        if found is None:
            return {}
        data = exhibit_view_data(found[2], self._words(), self._root)
        data.setdefault("colour", fill_colour(found[0].color))
        return data

    # -- properties ----------------------------------------------------------------------

    def _screen(self) -> str:
        return self._journey.place.screen

    def _place(self) -> dict[str, str]:
        place: Place = self._journey.place
        return {"screen": place.screen, "floor": place.floor, "section": place.section,
                "exhibit": place.exhibit}

    def _current_floor(self) -> dict[str, Any]:
        return self.floorData(self._journey.place.floor)

    def _current_section(self) -> dict[str, Any]:
        return self.sectionData(self._journey.place.section)

    def _current_exhibit(self) -> dict[str, Any]:
        return self.exhibitData(self._journey.place.exhibit)

    def _breadcrumb(self) -> list[dict[str, Any]]:
        place, words = self._journey.place, self._words()
        crumbs: list[dict[str, Any]] = []
        floor = self._find_floor(place.floor)
        if floor is not None and place.screen in ("floor", "section", "exhibit"):
            crumbs.append({"kind": "floor", "id": floor.id, "title": words.text(floor.title),
                           "label": words.word("floor", number=floor.number)})
        found = self._find_section(place.section)
        if found is not None and place.screen in ("section", "exhibit"):
            crumbs.append({"kind": "section", "id": found[1].id, "label": "",
                           "title": words.text(found[1].title)})
        return crumbs

    def _can_go_back(self) -> bool:
        return self._journey.place.screen not in ("attract", "home")

    def _data_version(self) -> str:
        return f"{self._language}#{self._generation}"

    def _get_language(self) -> str:
        return self._language

    def _language_codes(self) -> list[str]:
        """The languages offered, in order: this screen's choice, else the exhibition's."""
        if self._exhibition is None:
            return ["en"]
        return self._screen_choice() or list(self._exhibition.settings.languages)

    def _screen_choice(self) -> list[str]:
        """This screen's languages that the exhibition has (empty: no choice made)."""
        known = set(self._exhibition.settings.languages) if self._exhibition else set()
        return [code for code in self._screen_languages if code in known]

    def _default_language(self) -> str:
        """Each visitor's starting language: this screen's first, else the exhibition's default."""
        if self._exhibition is None:
            return "en"
        chosen = self._screen_choice()
        return chosen[0] if chosen else str(self._exhibition.settings.default_language)

    def _languages(self) -> list[dict[str, str]]:
        return [{"code": code, "name": language_name(code)} for code in self._language_codes()]

    def _words_map(self) -> dict[str, str]:
        return words_for(self._language, self._words().fallback)

    def _title(self) -> str:
        return self._words().text(self._exhibition.settings.title) if self._exhibition else ""

    def _subtitle(self) -> str:
        return self._words().text(self._exhibition.settings.subtitle) if self._exhibition else ""

    def _available(self) -> bool:
        return self._exhibition is not None

    def _attract_slides(self) -> list[dict[str, str]]:
        return attract_slides(self._exhibition, self._root)

    def _invitations(self) -> list[dict[str, str]]:
        return invitations(self._exhibition)

    def _notices(self) -> list[dict[str, str]]:
        return back_soon_notices(self._exhibition)

    def _slide_seconds(self) -> int:
        return self._exhibition.settings.attract.slide_seconds if self._exhibition else 8

    def _floors_model(self) -> CardListModel:
        return self._floors

    def _sections_model(self) -> CardListModel:
        place = self._journey.place
        return self.sectionsOf(place.floor) if place.floor else self._empty

    def _exhibits_model(self) -> CardListModel:
        place = self._journey.place
        return self.exhibitsOf(place.section) if place.section else self._empty

    screen = Property(str, _screen, notify=screenChanged)
    place = Property(dict, _place, notify=placeChanged)
    currentFloor = Property(dict, _current_floor, notify=placeChanged)
    currentSection = Property(dict, _current_section, notify=placeChanged)
    currentExhibit = Property(dict, _current_exhibit, notify=placeChanged)
    breadcrumb = Property(list, _breadcrumb, notify=placeChanged)
    canGoBack = Property(bool, _can_go_back, notify=placeChanged)
    language = Property(str, _get_language, notify=languageChanged)
    dataVersion = Property(str, _data_version, notify=versionChanged)
    languages = Property(list, _languages, notify=contentChanged)
    words = Property(dict, _words_map, notify=languageChanged)
    title = Property(str, _title, notify=languageChanged)
    subtitle = Property(str, _subtitle, notify=languageChanged)
    available = Property(bool, _available, notify=contentChanged)
    attractSlides = Property(list, _attract_slides, notify=contentChanged)
    invitations = Property(list, _invitations, notify=contentChanged)
    slideSeconds = Property(int, _slide_seconds, notify=contentChanged)
    notices = Property(list, _notices, notify=contentChanged)
    floors = Property(CardListModel, _floors_model, constant=True)
    sections = Property(CardListModel, _sections_model, notify=placeChanged)
    exhibits = Property(CardListModel, _exhibits_model, notify=placeChanged)


_NAVIGATORS: PerEngine[Navigator] = PerEngine()
