"""Turns what happens on screen into visit records for the statistics writer.

A visit is the exhibition session's: its record starts when the session says a visitor left
the attract loop and ends when the session says the visit is over (with the session's reason).
New content under a visitor ends the record ('content') and starts another at the screen shown.
Each screen seen becomes a `views` row with its dwell time, each film, sound or narration
played a `media` row, each language switch or accessibility mode turned on a `choices` row, and
each exhibit's QR code seen (once a visit) a `choices` row of kind 'link'.
Durations come from a monotonic clock (a clock change cannot make them negative), times of
day from the wall clock. A visit is a random id: nothing about the person is kept.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from kiosk.insights import records
from kiosk.insights.records import ChoiceMade, MediaPlayed, Record, ScreenSeen
from kiosk.insights.writer import InsightsWriter
from kiosk.session import ExhibitionSession, LanguageChanged, VisitEnded, VisitStarted

if TYPE_CHECKING:
    from kiosk.app.navigator import Navigator
    from kiosk.app.playback import Playback

log = logging.getLogger("kiosk.insights")

AUDIO_SUFFIXES = (".wav", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".flac", ".aac")


@dataclass
class _View:
    screen: str
    item: str
    started: float  # wall clock
    since: float  # monotonic


@dataclass
class _Play:
    playback_session: int
    source: str
    exhibit: str
    kind: str
    started: float  # wall clock
    played: float = 0.0
    playing_since: float | None = None  # monotonic, while playing
    duration_ms: int = 0
    furthest: float = 0.0


def new_visit_id() -> str:
    return secrets.token_hex(8)


class VisitRecorder(QObject):
    """Follows the exhibition session, and watches the Navigator, the player and the
    accessibility modes of one kiosk window."""

    def __init__(
        self,
        session: ExhibitionSession,
        navigator: Navigator,
        writer: InsightsWriter | None,
        *,
        playback: Playback | None = None,
        engine: object | None = None,
        wall: Callable[[], float] = time.time,
        mono: Callable[[], float] = time.monotonic,
        new_id: Callable[[], str] = new_visit_id,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.exhibition_session = session
        self.navigator = navigator
        self.writer = writer
        self.playback = playback
        self.wall, self.mono, self.new_id = wall, mono, new_id
        """The clocks (tests give their own): wall for times of day, mono for durations."""
        self.session: str | None = None
        """The open visit record's id (None between visits)."""
        self.visit_number = 0
        """The session's number of the visit recorded now or last (1 = the day's first)."""
        self._language = session.language
        self._returning = False
        self._view: _View | None = None
        self._play: _Play | None = None
        self._waiting_choices: list[tuple[float, str, str]] = []
        self._links_shown: set[str] = set()
        """Exhibits whose QR code this visit has seen (each is counted once per visit)."""
        self._stop_listening = [
            session.subscribe(VisitStarted, self._on_visit_started),
            session.subscribe(VisitEnded, self._on_visit_ended),
            session.subscribe(LanguageChanged, self._on_language),
        ]
        navigator.navigated.connect(self._on_navigated)
        if playback is not None:
            playback.playingChanged.connect(self._on_playing)
            playback.positionChanged.connect(self._on_position)
            playback.durationChanged.connect(self._on_duration)
            playback.sourceChanged.connect(self._on_source)
            playback.sessionChanged.connect(self._on_source)
        if engine is not None:
            self._watch_access(engine)

    def _watch_access(self, engine: object) -> None:
        try:
            from kiosk.app.access import Access

            Access.for_engine(engine).modeTurnedOn.connect(self._on_mode)
        except (ImportError, AttributeError):  # a kiosk without accessibility modes
            log.debug("no accessibility modes to record")

    def set_writer(self, writer: InsightsWriter | None) -> None:
        """Write to another writer from now on (None: record nothing)."""
        self.writer = writer

    def _put(self, record: Record) -> None:
        if self.writer is not None:
            self.writer.put(record)

    # -- visits and screens ------------------------------------------------------------------

    def stop(self) -> None:
        """Hear nothing more from the session (the kiosk stops)."""
        for stop in self._stop_listening:
            stop()
        self._stop_listening = []

    def _on_visit_started(self, event: VisitStarted) -> None:
        self.visit_number = event.number
        self._start_visit()

    def _on_visit_ended(self, event: VisitEnded) -> None:
        self.end_visit(event.reason)
        # the session goes back to the starting language next: not a visitor's choice
        session = self.exhibition_session
        self._returning = session.language != session.starting_language

    def resume(self) -> None:
        """A new record for a visit going on, at the screen shown now (new content replaced the
        exhibition under the visitor, and the old record ended with 'content')."""
        place = self.navigator.journey.place
        if self.session is None and self.exhibition_session.visiting:
            self._start_visit()
            self._view = _View(place.screen, place.exhibit or place.section or place.floor,
                               self.wall(), self.mono())

    def _on_navigated(self, screen: str, item: str) -> None:
        self._end_view()
        if self.session is None:
            return  # the attract loop, or no visitor: nothing to record
        if self._play is not None and (screen != "exhibit" or item != self._play.exhibit):
            self._end_play()
        if self.exhibition_session.visiting:  # not the return to the attract loop
            self._view = _View(screen, item, self.wall(), self.mono())
            if screen == "exhibit":
                self._link_shown(item)

    def _link_shown(self, exhibit_id: str) -> None:
        """A `choices` row ('link', the exhibit) the first time this visit sees its QR code."""
        exhibition = self.exhibition_session.exhibition
        found = exhibition.locate(exhibit_id) if exhibition is not None else None
        if found is None or getattr(found[2], "link", None) is None or exhibit_id in self._links_shown:
            return
        self._links_shown.add(exhibit_id)
        self._choice("link", exhibit_id)

    def _start_visit(self) -> None:
        self.session = self.new_id()
        self._links_shown = set()
        self._language = self.exhibition_session.language
        log.info("visit %d recorded as %s", self.visit_number, self.session)
        self._put(records.VisitStarted(self.session, self.wall(), self._language))
        for at, kind, value in self._waiting_choices:
            self._put(ChoiceMade(self.session, at, kind, value))
        self._waiting_choices.clear()

    def _end_view(self) -> None:
        view, self._view = self._view, None
        if view is None or self.session is None:
            return
        seconds = max(0.0, self.mono() - view.since)
        self._put(ScreenSeen(self.session, view.screen, view.item, view.started, seconds, self._language))

    def end_visit(self, reason: str) -> None:
        """Complete the open record: the session's reason, 'content' or 'stopped'."""
        if self.session is None:
            return
        self._end_view()
        self._end_play()
        self._put(records.VisitEnded(self.session, self.wall(), self._language, reason))
        self.session = None
        self._waiting_choices.clear()

    # -- choices -----------------------------------------------------------------------------

    def _on_language(self, event: LanguageChanged) -> None:
        returning, self._returning = self._returning, False
        previous, self._language = self._language, event.language
        if returning or event.language == previous:
            return  # back to the starting language after a visit, or new content in the same one
        self._choice("language", event.language)

    def _on_mode(self, name: str) -> None:
        self._choice("mode", str(name))

    def _choice(self, kind: str, value: str) -> None:
        if self.session is None:
            self._waiting_choices = [*self._waiting_choices[-20:], (self.wall(), kind, value)]
        else:
            self._put(ChoiceMade(self.session, self.wall(), kind, value))

    # -- media -------------------------------------------------------------------------------

    def _on_playing(self) -> None:
        playback = self.playback
        if playback is None:
            return
        playing = bool(playback.property("playing"))
        now = self.mono()
        play = self._play
        if playing:
            source = str(playback.property("source"))
            session = int(playback.property("session"))
            if play is None or play.source != source or play.playback_session != session:
                self._end_play()
                play = self._play = self._new_play(source, session)
            if play is not None and play.playing_since is None:
                play.playing_since = now
        elif play is not None and play.playing_since is not None:
            play.played += max(0.0, now - play.playing_since)
            play.playing_since = None

    def _new_play(self, source: str, playback_session: int) -> _Play | None:
        place = self.navigator.journey.place
        if self.session is None or place.screen != "exhibit" or not source:
            return None  # the attract loop's films are not a visitor's choice
        play = _Play(
            playback_session, source, place.exhibit, self._media_kind(place.exhibit, source), self.wall()
        )
        self._on_duration(play)
        return play

    def _media_kind(self, exhibit_id: str, source: str) -> str:
        exhibition = self.exhibition_session.exhibition
        found = exhibition.locate(exhibit_id) if exhibition is not None else None
        exhibit = found[2] if found else None
        path = QUrl(source).toLocalFile() or source
        narration = getattr(exhibit, "narration", None) or {}
        if any(path.endswith("/" + str(file).lstrip("./")) for file in narration.values()):
            return "narration"
        kind = getattr(exhibit, "type", "")
        if kind in ("audio", "video"):
            return str(kind)
        return "audio" if path.lower().endswith(AUDIO_SUFFIXES) else "video"

    def _on_position(self) -> None:
        play = self._play
        if play is None or self.playback is None or play.duration_ms <= 0:
            return
        position = int(self.playback.property("position"))
        play.furthest = max(play.furthest, min(1.0, position / play.duration_ms))

    def _on_duration(self, play: _Play | None = None) -> None:
        play = play if isinstance(play, _Play) else self._play
        if play is None or self.playback is None:
            return
        duration = int(self.playback.property("duration"))
        if duration > 0:
            play.duration_ms = duration

    def _on_source(self) -> None:
        play = self._play
        if play is None or self.playback is None:
            return
        if (
            str(self.playback.property("source")) != play.source
            or int(self.playback.property("session")) != play.playback_session
        ):
            self._end_play()  # the film was stopped or another one opened

    def _end_play(self) -> None:
        play, self._play = self._play, None
        if play is None or self.session is None:
            return
        if play.playing_since is not None:
            play.played += max(0.0, self.mono() - play.playing_since)
        duration = play.duration_ms / 1000.0 if play.duration_ms > 0 else None
        self._put(
            MediaPlayed(
                self.session, play.exhibit, play.kind, play.started, play.played, duration, play.furthest
            )
        )
