"""Idle and attract: when nobody has touched the screen for a while, ask "Still there?" and then
return to the attract loop, ready for the next visitor.

Activity is every touch, mouse or key event the window receives (see `kiosk.ops.events`).
After `idle_seconds` without activity a countdown overlay appears; a touch cancels it, and when
it runs out the visit is reset: attract screen, default language, media stopped, default volume.
A film or narration the visitor started holds the countdown off, for at most `max_media_seconds`
after the last touch.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.registry import PerEngine
from kiosk.app.ui_words import words_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Idle", "countdown_words"]

log = logging.getLogger("kiosk.idle")


def countdown_words(languages: list[str], current: str) -> list[dict[str, str]]:
    """'Still there? Touch to continue' in every content language, the visitor's own first
    (the words live with the rest of the interface's in `kiosk.app.ui_words`)."""
    ordered = [current] + [code for code in languages if code != current]
    result = []
    for code in ordered:
        words = words_for(code)
        result.append({"code": code, "title": words["still_there"], "detail": words["touch_to_continue"]})
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
        self._navigator: Any = None
        self._playback: Any = None
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

    def attach(self, navigator: Any, playback: Any | None) -> None:
        """Watch this Navigator (where the visitor is) and Playback (what is playing)."""
        self._navigator = navigator
        self._playback = playback
        navigator.screenChanged.connect(self._on_screen)
        navigator.languageChanged.connect(self.wordsChanged)
        navigator.contentChanged.connect(self.wordsChanged)
        if playback is not None:
            playback.playingChanged.connect(self._on_playing_changed)
            self._default_volume = float(playback.property("volume") or 1.0)
        self._on_screen()

    def set_timing(self, idle_seconds: float, countdown_seconds: float, max_media_seconds: float) -> None:
        self._idle_s = max(0.01, idle_seconds)
        self._countdown_s = max(0.01, countdown_seconds)
        self._max_media_s = max(self._idle_s, max_media_seconds)
        self.activity()

    def set_default_volume(self, volume: float) -> None:
        """The volume each new visitor starts with (staff set it in the staff panel)."""
        self._default_volume = max(0.0, min(1.0, volume))

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
        return self._navigator is None or self._navigator.property("screen") == "attract"

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

    def _on_screen(self) -> None:
        if self._on_attract():
            self._cancel_countdown()
            self._idle_timer.stop()
        else:
            self.activity()

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
        """Back to the attract loop, as for a new visitor: default language, nothing playing."""
        self._cancel_countdown()
        self._idle_timer.stop()
        if self._playback is not None:
            self._playback.stop()
            self._playback.setProperty("volume", self._default_volume)
        if self._navigator is not None:
            self._navigator.resetToAttract()
        log.info("visit ended: back to the attract loop")
        self.resetDone.emit()

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
        if self._navigator is None:
            return countdown_words(["en"], "en")
        codes = [entry["code"] for entry in self._navigator.property("languages") or []]
        return countdown_words(codes or ["en"], str(self._navigator.property("language") or "en"))

    countdownActive = Property(bool, _get_counting, notify=countdownChanged)
    secondsLeft = Property(int, _get_seconds_left, notify=secondsLeftChanged)
    words = Property("QVariantList", _get_words, notify=wordsChanged)  # type: ignore[arg-type]


_MONITORS: PerEngine[Idle] = PerEngine()
