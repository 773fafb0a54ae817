"""The `Navigator` QML singleton: the visitor's place in the exhibition and the way around it.

QML shows what the Navigator says and sends visitor intents back (touch, open a floor, back,
change language). The Navigator is the QML face of an `ExhibitionSession`: the exhibition, its
folder, the languages and the visits are the session's; the Navigator follows its events
(another exhibition, another language, the end of a visit) and tells it when a visitor leaves
the attract loop. The visitor's moves are `journey.Journey`'s, testable without pixels.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, pyramids
from kiosk.app.attract import attract_slides, back_soon_notices, invitations
from kiosk.app.cards import Words
from kiosk.app.date_watch import DateWatch
from kiosk.app.journey import Journey, Place
from kiosk.app.languages import language_name
from kiosk.app.models import CardListModel
from kiosk.app.places import ExhibitionPlaces, PlaceData
from kiosk.app.registry import PerEngine
from kiosk.app.theme import Theme
from kiosk.content.dates import shown_on
from kiosk.content.model import Exhibition
from kiosk.session import ExhibitionChanged, ExhibitionSession, LanguageChanged, VisitEnded
from kiosk.words import words as words_in

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
    navigated = Signal(str, str)
    """Emitted after every move: the new screen and the id it shows (for insights and idle)."""
    dismissed = Signal()
    """Open pickers close: something is about to cover the screen (the idle countdown)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ExhibitionSession | None = None
        self._listening: list[Callable[[], None]] = []
        self._journey = Journey()
        self._theme: Theme | None = None
        self._places = ExhibitionPlaces(self)
        self._spoken = ""
        """The language the cards were last filled in."""
        self._shown: Exhibition | None = None
        """The session's exhibition less what is out of its dates now (kiosk.content.dates)."""
        self._dates = DateWatch(self)
        self._dates.crossed.connect(self._on_dates_crossed)
        self._dates_waiting = False

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

    # -- set-up from Python ------------------------------------------------------------------

    def bind_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._sync_theme()

    def attach(self, session: ExhibitionSession) -> None:
        """Be the QML face of this session from now on (and show what it shows now)."""
        for stop in self._listening:
            stop()
        self._session = session
        self._listening = [
            session.subscribe(ExhibitionChanged, self._on_exhibition),
            session.subscribe(LanguageChanged, self._on_language),
            session.subscribe(VisitEnded, self._on_visit_ended),
        ]
        self._on_exhibition(ExhibitionChanged(session.exhibition, session.root))

    @property
    def session(self) -> ExhibitionSession:
        """The session this Navigator shows (one of its own until one is attached)."""
        if self._session is None:
            self.attach(ExhibitionSession())
        assert self._session is not None
        return self._session

    def load(self, exhibition: Exhibition | None, root: Path, language: str | None = None) -> None:
        """Show an exhibition (None: nothing to show); keeps the visitor's place if it exists."""
        self.session.show(exhibition, root, language)

    def set_screen_settings(self, start: str | None, languages: Sequence[str] | None) -> None:
        """This screen's start place and language order (kiosk.fleet.screen_config).

        Languages the exhibition does not have are left out; with none left, every language of
        the exhibition is offered. Out of a visit the first language is chosen at once."""
        self._journey.start = start or ""
        self.session.set_screen_languages(languages)
        self.contentChanged.emit()

    def set_clock(self, clock: Callable[[], dt.datetime]) -> None:
        """The clock that decides which dated content is shown (local time); shown again at once."""
        self._dates.clock = clock
        self._show_dated()

    @property
    def journey(self) -> Journey:
        return self._journey

    @property
    def exhibition(self) -> Exhibition | None:
        """The exhibition shown now, less what is out of its dates (None while the content cannot be
        loaded)."""
        return self._shown

    @property
    def content_root(self) -> Path:
        return self.session.root

    # -- what the session tells ------------------------------------------------------------

    def _on_exhibition(self, event: ExhibitionChanged) -> None:
        exhibition = event.exhibition
        if exhibition is not None:  # zoom tiles of large pictures, made in the background
            pyramids.prepare(pyramids.zoomable_pictures(exhibition, event.root))
        if self._theme is not None:
            self._theme.configure(exhibition.settings.theme if exhibition else None,
                                  list(exhibition.settings.languages) if exhibition else None)
        self._show_dated()

    def _show_dated(self) -> None:
        """Show the session's exhibition as on the clock's day and time, and watch for the next
        moment when something dated appears or disappears."""
        whole = self.session.exhibition
        self._dates_waiting = False
        self._shown = shown_on(whole, self._dates.clock()) if whole is not None else None
        self._dates.watch(whole)
        self._journey.set_exhibition(self._shown)
        self._refresh()
        self.contentChanged.emit()
        self.languageChanged.emit()
        self.screenChanged.emit()
        self.placeChanged.emit()

    def _on_language(self, event: LanguageChanged) -> None:
        if event.language == self._spoken:
            return  # already shown in it (new content arrived in this language)
        self._refresh()
        self.languageChanged.emit()
        self.placeChanged.emit()

    def _on_visit_ended(self, event: VisitEnded) -> None:
        self._moved(self._journey.reset())
        if self._dates_waiting:
            self._show_dated()

    def _on_dates_crossed(self) -> None:
        """Something dated appears or disappears now: shown at once, or after the visit going on."""
        waiting = self.session.visiting
        log.info("dated content appears or ends now%s", ", after the visit" if waiting else "")
        if waiting:
            self._dates_waiting = True
        else:
            self._show_dated()

    # -- visitor moves -----------------------------------------------------------------------

    def dismiss_popups(self) -> None:
        """Close the language picker and any other popup (the idle countdown is coming)."""
        self.dismissed.emit()

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
        exhibition = self.exhibition
        if not moved and exhibition and exhibition.locate(exhibit_id) is None:
            log.warning("no exhibit with id %r to open", exhibit_id)

    @Slot()
    def back(self) -> None:
        self._moved(self._journey.back())

    @Slot()
    def resetToAttract(self) -> None:
        """The visit is over: the attract loop in the starting language for the next visitor."""
        self.session.end_visit("home")  # the session's VisitEnded brings the journey back
        self._moved(self._journey.reset())

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        self.session.choose_language(code)

    def _moved(self, changed: bool) -> bool:
        if not changed:
            return False
        place = self._journey.place
        if not self._journey.on_attract and not self.session.visiting:
            self.session.begin_visit()  # a visitor left the attract loop
        self._sync_theme()
        self.screenChanged.emit()
        self.placeChanged.emit()
        self.navigated.emit(place.screen, place.exhibit or place.section or place.floor)
        return True

    # -- what the screens show ---------------------------------------------------------------

    def _words(self) -> Words:
        session = self.session
        return Words(session.language, session.default_language, session.root)

    def _refresh(self) -> None:
        words = self._words()
        self._spoken = words.language
        self._places.show(self.exhibition, words)
        self._sync_theme()

    def _sync_theme(self) -> None:
        if self._theme is None:
            return
        self._theme.set_language(self.session.language)
        floor = self._places.floor(self._journey.place.floor)
        self._theme.set_floor_colour(floor.color if floor else None)

    @Slot(str, result=CardListModel)
    def sectionsOf(self, floor_id: str) -> CardListModel:
        """The section cards of one floor (a model that lives as long as the Navigator)."""
        return self._places.sections_of(floor_id)

    @Slot(str, result=CardListModel)
    def exhibitsOf(self, section_id: str) -> CardListModel:
        """The exhibit cards of one section."""
        return self._places.exhibits_of(section_id)

    @Slot(str, result=PlaceData)
    def floorData(self, floor_id: str) -> PlaceData:
        """A floor's title, summary, colour and cover (`fields`), following language and content."""
        return self._places.data("floor", floor_id)

    @Slot(str, result=PlaceData)
    def sectionData(self, section_id: str) -> PlaceData:
        """A section's card with its floor's id and title (`fields`)."""
        return self._places.data("section", section_id)

    @Slot(str, result=PlaceData)
    def exhibitData(self, exhibit_id: str) -> PlaceData:
        """An exhibit prepared for its view (`fields`), in the current language."""
        return self._places.data("exhibit", exhibit_id)

    # -- properties ----------------------------------------------------------------------

    def _screen(self) -> str:
        return self._journey.place.screen

    def _place(self) -> dict[str, str]:
        place: Place = self._journey.place
        return {"screen": place.screen, "floor": place.floor, "section": place.section,
                "exhibit": place.exhibit}

    def _breadcrumb(self) -> list[dict[str, object]]:
        return self._places.breadcrumb(self._journey.place)

    def _can_go_back(self) -> bool:
        return self._journey.place.screen not in ("attract", "home")

    def _get_language(self) -> str:
        return self.session.language

    def _languages(self) -> list[dict[str, str]]:
        return [{"code": code, "name": language_name(code)} for code in self.session.languages]

    def _words_map(self) -> dict[str, str]:
        words = self._words()
        return words_in(words.language, words.fallback).table()

    def _title(self) -> str:
        exhibition = self.exhibition
        return self._words().text(exhibition.settings.title) if exhibition else ""

    def _subtitle(self) -> str:
        exhibition = self.exhibition
        return self._words().text(exhibition.settings.subtitle) if exhibition else ""

    def _available(self) -> bool:
        return self.exhibition is not None

    def _attract_slides(self) -> list[dict[str, str]]:
        return attract_slides(self.exhibition, self.content_root)

    def _invitations(self) -> list[dict[str, str]]:
        return invitations(self.exhibition)

    def _notices(self) -> list[dict[str, str]]:
        return back_soon_notices(self.exhibition)

    def _slide_seconds(self) -> int:
        exhibition = self.exhibition
        return exhibition.settings.attract.slide_seconds if exhibition else 8

    def _floors_model(self) -> CardListModel:
        return self._places.floors

    screen = Property(str, _screen, notify=screenChanged)
    place = Property(dict, _place, notify=placeChanged)
    breadcrumb = Property(list, _breadcrumb, notify=placeChanged)
    canGoBack = Property(bool, _can_go_back, notify=placeChanged)
    language = Property(str, _get_language, notify=languageChanged)
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


_NAVIGATORS: PerEngine[Navigator] = PerEngine()
