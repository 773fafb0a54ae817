"""Idle and attract: when nobody has touched the screen for a while, ask "Still there?" and then
return to the attract loop, ready for the next visitor.

Idle counts only during a visit (the exhibition session's `VisitStarted` to `VisitEnded`).
Activity is every touch, mouse or key event the window receives (see `kiosk.ops.lockdown`).
After `idle_seconds` without activity a countdown overlay appears; a touch cancels it, and when
it runs out the visit ends (`session.end_visit("idle")`): whoever follows the session takes the
screen back to the attract loop in the starting language, and idle stops the media and puts the
default volume back. A film or narration the visitor started holds the countdown off, for at most
`max_media_seconds` after the last touch. The timings follow each exhibition shown (`Timings`).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.registry import PerEngine
from kiosk.ops.timings import Timings
from kiosk.session import ExhibitionChanged, ExhibitionSession, LanguageChanged, VisitEnded, VisitStarted
from kiosk.words import words

if TYPE_CHECKING:
    from kiosk.app.playback import Playback
    from kiosk.content.model import Exhibition

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Idle", "countdown_words"]

log = logging.getLogger("kiosk.idle")


def countdown_words(languages: list[str], current: str) -> list[dict[str, str]]:
    """'Still there? Touch to continue' in every content language, the visitor's own first
    (the words live with the rest of the interface's in `kiosk.words`)."""
    ordered = [current] + [code for code in languages if code != current]
    result = []
    for code in ordered:
        said = words(code)
        result.append({"code": code, "title": said.text("still_there"),
                       "detail": said.text("touch_to_continue")})
    return result


@QmlElement
@QmlSingleton
class Idle(QObject):
    """Counts down to the attract loop when the kiosk is left alone (QML: `Idle`)."""

    countdownChanged = Signal()
    secondsLeftChanged = Signal()
    wordsChanged = Signal()
    countdownStarted = Signal()
    heldByMedia = Signal()
    """Idle time ran out but a film or narration is playing, so the countdown waits."""
    resetDone = Signal()
    """The visit was reset to the attract loop because nobody was there."""

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._idle_s = 60.0
        self._countdown_s = 20.0
        self._max_media_s = 900.0
        self._session: ExhibitionSession | None = None
        self._playback: Playback | None = None
        self._timings = Timings()
        self._unsubscribe: list[Callable[[], None]] = []
        self._default_volume = 1.0
        self._enabled = True
        self._counting = False
        self._seconds_left = 0
        self._last_activity = clock()
        self._countdown_ends = 0.0
        self._idle_timer = QTimer(self, singleShot=True)
        self._idle_timer.timeout.connect(self._on_idle)
        self._end_timer = QTimer(self, singleShot=True)
        self._end_timer.timeout.connect(self.reset_visit)
        self._tick = QTimer(self, interval=200)
        self._tick.timeout.connect(self._update_seconds_left)

    # -- registration ----------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Idle:
        return Idle.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Idle:
        return _MONITORS.get(engine, Idle)

    # -- set-up ----------------------------------------------------------------------------

    def attach(
        self, session: ExhibitionSession, playback: Playback | None, timings: Timings | None = None
    ) -> None:
        """Follow this session (visits, languages, the exhibition's idle settings, overridden by
        `timings`) and this Playback (what is playing)."""
        self.detach()
        self._session, self._playback = session, playback
        self._timings = timings or Timings()
        self._unsubscribe = [
            session.subscribe(VisitStarted, lambda _event: self.activity()),
            session.subscribe(VisitEnded, self._on_visit_ended),
            session.subscribe(LanguageChanged, lambda _event: self.wordsChanged.emit()),
            session.subscribe(ExhibitionChanged, lambda event: self._follow(event.exhibition)),
        ]
        if playback is not None:
            playback.playingChanged.connect(self._on_playing_changed)
            self._default_volume = float(playback.property("volume") or 1.0)
        self._follow(session.exhibition)

    def detach(self) -> None:
        """Stop following the session (the kiosk closes)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def _follow(self, exhibition: Exhibition | None) -> None:
        self.set_timing(*self._timings.idle(exhibition))
        self.wordsChanged.emit()

    def set_timing(self, idle_seconds: float, countdown_seconds: float, max_media_seconds: float) -> None:
        self._idle_s = max(0.01, idle_seconds)
        self._countdown_s = max(0.01, countdown_seconds)
        self._max_media_s = max(self._idle_s, max_media_seconds)
        self.activity()

    def set_default_volume(self, volume: float) -> None:
        """The volume each new visitor starts with (staff set it in the staff panel)."""
        self._default_volume = max(0.0, min(1.0, volume))

    def set_volume(self, volume: float) -> None:
        """The volume from now on, and for each new visitor (the staff panel, the screen settings)."""
        self.set_default_volume(volume)
        if self._playback is not None:
            self._playback.setProperty("volume", self._default_volume)

    def set_enabled(self, enabled: bool) -> None:
        """Off while the kiosk is closed or staff are at the panel."""
        self._enabled = enabled
        if not enabled:
            self._cancel_countdown()
            self._idle_timer.stop()
        else:
            self.activity()

    # -- activity --------------------------------------------------------------------------

    @property
    def counting(self) -> bool:
        return self._counting

    def activity(self) -> None:
        """A touch, click or key press: the visitor is here."""
        self._last_activity = self._clock()
        if self._counting:
            self._cancel_countdown()
        self._arm(self._idle_s)

    def _on_attract(self) -> bool:
        """Nobody is visiting: nothing to count down to."""
        return self._session is None or not self._session.visiting

    def _media_playing(self) -> bool:
        return bool(self._playback is not None and self._playback.property("playing"))

    def _arm(self, seconds: float) -> None:
        if not self._enabled or self._on_attract():
            self._idle_timer.stop()
            return
        self._idle_timer.start(max(1, math.ceil(seconds * 1000)))

    def _on_idle(self) -> None:
        if not self._enabled or self._on_attract():
            return
        quiet = self._clock() - self._last_activity
        if quiet < self._idle_s:
            self._arm(self._idle_s - quiet)
            return
        if self._media_playing() and quiet < self._max_media_s:
            self._arm(min(self._idle_s, self._max_media_s - quiet))
            self.heldByMedia.emit()
            return
        self._start_countdown()

    def _on_playing_changed(self) -> None:
        if not self._media_playing():
            self.activity()  # the film just ended: the visitor gets a full idle period from now

    # -- countdown and reset ---------------------------------------------------------------

    def _start_countdown(self) -> None:
        log.info("nobody has touched the screen for %.0f s: counting down to attract", self._idle_s)
        self._counting = True
        self._countdown_ends = self._clock() + self._countdown_s
        self._update_seconds_left()
        self._end_timer.start(max(1, math.ceil(self._countdown_s * 1000)))
        self._tick.start()
        self.countdownChanged.emit()
        self.countdownStarted.emit()

    def _cancel_countdown(self) -> None:
        self._end_timer.stop()
        self._tick.stop()
        if self._counting:
            self._counting = False
            self.countdownChanged.emit()

    def _update_seconds_left(self) -> None:
        left = max(0, math.ceil(self._countdown_ends - self._clock())) if self._counting else 0
        if left != self._seconds_left:
            self._seconds_left = left
            self.secondsLeftChanged.emit()

    @Slot()
    def reset_visit(self) -> None:
        """Nobody is there: the visit ends (back to the attract loop, as for a new visitor)."""
        if self._session is not None and self._session.visiting:
            self._session.end_visit("idle")
        else:
            self._rest()

    def _on_visit_ended(self, event: VisitEnded) -> None:
        self._rest()
        if event.reason == "idle":
            log.info("nobody was there: back to the attract loop")
            self.resetDone.emit()

    def _rest(self) -> None:
        """No countdown, nothing playing, the default volume: ready for the next visitor."""
        self._cancel_countdown()
        self._idle_timer.stop()
        if self._playback is not None:
            self._playback.stop()
            self._playback.setProperty("volume", self._default_volume)

    @Slot()
    def stillHere(self) -> None:
        """The visitor answered the countdown."""
        self.activity()

    # -- properties ------------------------------------------------------------------------

    def _get_counting(self) -> bool:
        return self._counting

    def _get_seconds_left(self) -> int:
        return self._seconds_left

    def _get_words(self) -> list[dict[str, str]]:
        if self._session is None:
            return countdown_words(["en"], "en")
        return countdown_words(self._session.languages, self._session.language)

    countdownActive = Property(bool, _get_counting, notify=countdownChanged)
    secondsLeft = Property(int, _get_seconds_left, notify=secondsLeftChanged)
    words = Property("QVariantList", _get_words, notify=wordsChanged)  # type: ignore[arg-type]


_MONITORS: PerEngine[Idle] = PerEngine()
