"""`ExhibitionSession`: the current exhibition, the language policy and the visit boundaries."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.session.events import (
    END_REASONS,
    EndReason,
    Event,
    ExhibitionChanged,
    LanguageChanged,
    VisitEnded,
    VisitStarted,
)

if TYPE_CHECKING:
    from kiosk.content.model import Exhibition

log = logging.getLogger("kiosk.session")

E = TypeVar("E", ExhibitionChanged, VisitStarted, VisitEnded, LanguageChanged)
Handler = Callable[[Any], None]


class ExhibitionSession:
    """What this screen shows and whether someone is visiting; subscribers hear every change.

    Events are delivered at once, in the order of subscription, on the caller's thread (the
    GUI thread in the kiosk). A subscriber that fails does not keep the others from hearing
    the event; the first failure is raised to the caller after all have heard it.
    """

    def __init__(
        self,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._monotonic, self._today = monotonic, today
        self._subscribers: dict[type, list[Handler]] = {}
        self._exhibition: Exhibition | None = None
        self._root = Path.cwd()
        self._screen_languages: list[str] = []
        self._language = "en"
        self._visit_started: float | None = None
        self._visits = 0
        self._visit_day = today()

    # -- subscribing -----------------------------------------------------------------------

    def subscribe(self, kind: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        """Call `handler(event)` for every event of this kind; returns a function that stops it."""
        handlers = self._subscribers.setdefault(kind, [])
        handlers.append(handler)

        def unsubscribe() -> None:
            if handler in handlers:
                handlers.remove(handler)

        return unsubscribe

    def _emit(self, event: Event) -> None:
        failure: BaseException | None = None
        for handler in list(self._subscribers.get(type(event), ())):
            try:
                handler(event)
            except Exception as error:  # the others still hear it; the caller learns of it
                log.exception("a subscriber failed on %s", type(event).__name__)
                failure = failure or error
        if failure is not None:
            raise failure

    # -- the exhibition --------------------------------------------------------------------

    @property
    def exhibition(self) -> Exhibition | None:
        """The exhibition shown now (None while the content cannot be shown)."""
        return self._exhibition

    @property
    def root(self) -> Path:
        """The folder the exhibition's media paths are relative to (its checked copy)."""
        return self._root

    def show(self, exhibition: Exhibition | None, root: Path, language: str | None = None) -> None:
        """Show this exhibition from now on. During a visit the language stays when the new
        content offers it (a visitor reading in Chinese keeps Chinese); otherwise, and out of a
        visit, it is the starting language (the first screen of a kiosk too)."""
        self._exhibition, self._root = exhibition, root
        wanted = language or (self._language if self.visiting else self.starting_language)
        previous = self._language
        self._language = wanted if wanted in self.languages else self.starting_language
        self._emit(ExhibitionChanged(exhibition, root))
        if self._language != previous:
            self._emit(LanguageChanged(self._language, previous))

    # -- languages ---------------------------------------------------------------------------

    def set_screen_languages(self, languages: Sequence[str] | None) -> None:
        """This screen's language order (its settings); out of a visit its first is chosen."""
        self._screen_languages = list(languages or ())
        if not self.visiting or self._language not in self.languages:
            self.choose_language(self.starting_language)

    @property
    def languages(self) -> list[str]:
        """The languages offered, in order: this screen's choice, else the exhibition's."""
        if self._exhibition is None:
            return ["en"]
        return self._screen_choice() or list(self._exhibition.settings.languages)

    @property
    def default_language(self) -> str:
        """The exhibition's own default language (the staff's language; the last fallback
        before English for any text)."""
        return str(self._exhibition.settings.default_language) if self._exhibition else "en"

    @property
    def starting_language(self) -> str:
        """Each visitor's starting language: this screen's first, else the exhibition's default."""
        chosen = self._screen_choice()
        return chosen[0] if chosen else self.default_language

    def _screen_choice(self) -> list[str]:
        known = set(self._exhibition.settings.languages) if self._exhibition else set()
        return [code for code in self._screen_languages if code in known]

    @property
    def language(self) -> str:
        return self._language

    def choose_language(self, code: str) -> bool:
        """Speak `code` from now on, if it is offered; whether the language changed."""
        if code == self._language or code not in self.languages:
            return False
        previous, self._language = self._language, code
        self._emit(LanguageChanged(code, previous))
        return True

    # -- visits ------------------------------------------------------------------------------

    @property
    def visiting(self) -> bool:
        return self._visit_started is not None

    def begin_visit(self) -> None:
        """A visitor has started (nothing happens while a visit is already going on)."""
        if self._visit_started is not None:
            return
        self._visit_started = self._monotonic()
        self._visits = self.visits_today() + 1
        self._visit_day = self._today()
        log.info("visitor session started (%d today)", self._visits)
        self._emit(VisitStarted(self._visits))

    def end_visit(self, reason: EndReason) -> None:
        """The visit is over (nothing happens when nobody is visiting). Subscribers hear
        `VisitEnded` first, then the return to the starting language."""
        if reason not in END_REASONS:
            raise ValueError(f"unknown reason for the end of a visit: {reason!r}")
        if self._visit_started is None:
            self.choose_language(self.starting_language)
            return
        seconds = max(0.0, self._monotonic() - self._visit_started)
        self._visit_started = None
        log.info("visitor session ended (%s) after %.0f s", reason, seconds)
        try:
            self._emit(VisitEnded(reason, seconds))
        finally:
            self.choose_language(self.starting_language)

    def visits_today(self) -> int:
        """Visits started since midnight (the staff panel and the monitoring show it)."""
        return self._visits if self._visit_day == self._today() else 0
