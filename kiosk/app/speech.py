"""The `Speech` QML singleton: read-aloud mode reads every screen with a speech engine.

In read-aloud mode, each screen a visitor opens is read out (`kiosk.app.read_aloud` says what):
the home screen, a floor, a section, an exhibit without a recorded narration. An exhibit with a
narration plays the recording instead. Keyboard focus is read too: the name of each control the
keys move to. Speech stops when the visitor leaves the screen, when the mode is turned off and
when the visit ends; it pauses while a film or recording plays and goes on after.

The engine is Qt's text-to-speech: `speechd` (Speech Dispatcher with espeak-ng) in the field,
`mock` in tests; with none (`use_engine(None)`) the kiosk says nothing. Its voice follows the
visitor's language; for a language with no voice nothing is said, and the log says so once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Property, QLocale, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.read_aloud import VoiceInfo, choose_voice, place_speech, voices_of
from kiosk.app.registry import PerEngine
from kiosk.session import ExhibitionSession, VisitEnded

if TYPE_CHECKING:  # imported where used: it loads QtMultimedia, which the first frame does not need
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

    from kiosk.app.access import Access
    from kiosk.app.navigator import Navigator
    from kiosk.app.playback import Playback

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "EngineVoices", "Speech", "engine_voices",
           "english_name", "voice_infos", "voices_for"]

log = logging.getLogger("kiosk.speech")

FIELD_ENGINE = "speechd"
"""The engine `kiosk run` reads with (Speech Dispatcher, Debian's speech-dispatcher-espeak-ng)."""

DUCKED_VOLUME = 0.3
"""Share of the speech volume kept while a film plays, for an engine that cannot pause."""


def voice_infos(voices: list[QVoice]) -> list[VoiceInfo]:
    """Qt's voices as plain data: name and language tag ('' where Qt does not know the code)."""
    return [VoiceInfo(voice.name(), "" if voice.locale().language() == QLocale.Language.C
                      else voice.locale().bcp47Name()) for voice in voices]


def english_name(language: str) -> str:
    """The English name of a language ('Chinese' for zh, '' for a code Qt does not know)."""
    locale = QLocale(language)
    return QLocale.languageToString(locale.language()) if locale.language() != QLocale.Language.C else ""


def voices_for(voices: list[QVoice], language: str) -> QVoice | None:
    """The voice to read this language (a content language tag such as 'zh' or 'zh-Hant')."""
    locale = QLocale(language)
    preferred = [locale.bcp47Name(), locale.name().replace("_", "-")]
    index = choose_voice(voice_infos(voices), language, preferred, english_name(language))
    return voices[index] if index is not None else None


@dataclass(frozen=True)
class EngineVoices:
    """What `kiosk doctor` tells of text-to-speech: the engines, and the voices per language."""

    engines: list[str]
    problem: str
    """Why the engine cannot read ('' when it can)."""
    voices: dict[str, list[str]] = field(default_factory=dict)


def engine_voices(name: str, languages: list[str]) -> EngineVoices:
    """Start the engine `name` once and list, for each language, the voices that speak it."""
    from PySide6.QtTextToSpeech import QTextToSpeech
    engines = list(QTextToSpeech.availableEngines())
    if name not in engines:
        return EngineVoices(engines, f"no {name} engine")
    tts = QTextToSpeech(name)
    try:
        if tts.state() == QTextToSpeech.State.Error:
            return EngineVoices(engines, f"{name} cannot start ({tts.errorString() or 'no reason given'})")
        infos = voice_infos(list(tts.allVoices(None)))  # type: ignore[arg-type]  # None: every language
    finally:
        tts.deleteLater()
    return EngineVoices(engines, "", {code: voices_of(infos, code, english_name(code)) for code in languages})


@QmlElement
@QmlSingleton
class Speech(QObject):
    """Reads screens and focused controls aloud in read-aloud mode (QML: `Speech`)."""

    speakingChanged = Signal()
    duckedChanged = Signal()
    spoken = Signal(str)
    """A text was handed to the speech engine (for tests, benches and the log)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine_name: str | None = None
        self._tts: QTextToSpeech | None = None
        self._tried = False
        self._voices: dict[str, QVoice | None] = {}
        self._voice_of_engine = ""
        self._said_nothing_in: set[str] = set()
        self._session: ExhibitionSession | None = None
        self._navigator: Navigator | None = None
        self._access: Access | None = None
        self._playback: Playback | None = None
        self._listening: list[Callable[[], None]] = []
        self._read: tuple[str, ...] | None = None
        """The place and language last read (a screen is read once, again after a language change)."""
        self._ducked = False
        self._volume_before: float | None = None

    # -- registration ----------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Speech:
        return Speech.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Speech:
        return _SPEECH.get(engine, Speech)

    @staticmethod
    def forget_engine(key: int) -> None:
        _SPEECH.forget(key)

    # -- set-up ----------------------------------------------------------------------------

    def use_engine(self, name: str | None) -> None:
        """Read with this text-to-speech engine ('speechd', 'mock'); None: say nothing. The engine
        is started on first use, or by `prepare`."""
        if name == self._engine_name:
            return
        self.stop()
        if self._tts is not None and shiboken6.isValid(self._tts):
            self._tts.deleteLater()
        self._engine_name, self._tts, self._tried = name, None, False
        self._voices.clear()
        self._voice_of_engine = ""

    def prepare(self) -> bool:
        """Start the engine now (it takes a moment; `kiosk run` does it once the first frame is
        shown). True when it can speak."""
        return self._engine() is not None

    def attach(self, session: ExhibitionSession, navigator: Navigator, access: Access,
               playback: Playback | None) -> None:
        """Follow the visitor's place and language, the read-aloud mode, films and the visits."""
        self.detach()
        self._session, self._navigator, self._access, self._playback = session, navigator, access, playback
        navigator.placeChanged.connect(self._on_place)
        access.modesChanged.connect(self._on_modes)
        if playback is not None:
            playback.playingChanged.connect(self._on_playing)
        self._listening = [session.subscribe(VisitEnded, self._on_visit_ended)]

    def detach(self) -> None:
        for stop in self._listening:
            stop()
        self._listening = []
        if self._navigator is not None and shiboken6.isValid(self._navigator):
            self._navigator.placeChanged.disconnect(self._on_place)
        if self._access is not None and shiboken6.isValid(self._access):
            self._access.modesChanged.disconnect(self._on_modes)
        if self._playback is not None and shiboken6.isValid(self._playback):
            self._playback.playingChanged.disconnect(self._on_playing)
        self._session = self._navigator = self._access = self._playback = None

    # -- the engine ------------------------------------------------------------------------

    def _engine(self) -> QTextToSpeech | None:
        from PySide6.QtTextToSpeech import QTextToSpeech
        if self._tts is not None and shiboken6.isValid(self._tts):
            return self._tts
        if self._tried or not self._engine_name:
            return None
        self._tried = True
        if self._engine_name not in QTextToSpeech.availableEngines():
            log.error("no speech engine %r (found: %s): read-aloud mode stays silent", self._engine_name,
                      ", ".join(QTextToSpeech.availableEngines()) or "none")
            return None
        tts = QTextToSpeech(self._engine_name, self)
        if tts.state() == QTextToSpeech.State.Error:
            log.error("the speech engine %r cannot start (%s): read-aloud mode stays silent",
                      self._engine_name, tts.errorString())
            tts.deleteLater()
            return None
        tts.stateChanged.connect(self._on_engine_state)
        tts.errorOccurred.connect(self._on_engine_error)
        self._tts = tts
        log.info("speech engine %s ready", self._engine_name)
        return tts

    def _voice(self, tts: QTextToSpeech, language: str) -> QVoice | None:
        if language not in self._voices:
            every = tts.allVoices(None)  # type: ignore[arg-type]  # None: the voices of every language
            voice = voices_for(list(every), language)
            self._voices[language] = voice
            if voice is not None:
                log.info("read-aloud voice for %s: %s", language, voice.name())
        voice = self._voices[language]
        if voice is None and language not in self._said_nothing_in:
            self._said_nothing_in.add(language)
            log.warning("the speech engine %r has no voice for %s: read-aloud mode says nothing in it "
                        "(install speech-dispatcher-espeak-ng)", self._engine_name, language)
        return voice

    def _language(self) -> str:
        return self._session.language if self._session is not None else "en"

    # -- speaking --------------------------------------------------------------------------

    def speak(self, text: str, *, after: bool = False) -> bool:
        """Read a text in the visitor's language (`after`: when what is being read has ended,
        otherwise at once, instead of it). False when nothing can be said."""
        from PySide6.QtTextToSpeech import QTextToSpeech
        text = " ".join(text.split())
        tts = self._engine() if text else None
        if tts is None:
            return False
        voice = self._voice(tts, self._language())
        if voice is None:
            return False
        if voice.name() != self._voice_of_engine:
            tts.setVoice(voice)
            self._voice_of_engine = voice.name()
        if after and tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused):
            tts.enqueue(text)
        else:
            self._forget_duck()
            tts.say(text)
        self.spoken.emit(text)
        if self._playback is not None and self._playback.property("playing"):
            self._duck()
        return True

    @Slot(str)
    def say(self, text: str) -> None:
        """Read a text now, in the visitor's language (whatever the mode)."""
        self.speak(text)

    @Slot()
    def stop(self) -> None:
        """Stop reading at once."""
        from PySide6.QtTextToSpeech import QTextToSpeech
        self._forget_duck()
        tts = self._tts
        if tts is not None and shiboken6.isValid(tts) and tts.state() != QTextToSpeech.State.Ready:
            tts.stop()

    @Slot(str, bool)
    def sayFocused(self, name: str, after: bool) -> None:
        """Keyboard focus moved to a control with this accessible name: read it, in read-aloud
        mode (`after` a screen's own text when the focus comes with a new screen)."""
        if self._reading() and name.strip():
            self.speak(name, after=after)

    def _reading(self) -> bool:
        return bool(self._access is not None and self._access.property("readAloud"))

    # -- what the kiosk tells ------------------------------------------------------------

    def _on_place(self) -> None:
        if not self._reading() or self._navigator is None:
            return
        place: dict[str, str] = self._navigator.property("place")
        key = (place["screen"], place["floor"], place["section"], place["exhibit"], self._language())
        if key == self._read:
            return
        self._read = key
        self.stop()
        text = self.place_text(place)
        if text:
            self.speak(text)

    def place_text(self, place: dict[str, str]) -> str:
        """What the screen at this place says aloud ('' for an exhibit with a narration)."""
        navigator = self._navigator
        if navigator is None or not navigator.property("available"):
            return ""
        screen = place["screen"]
        fields: dict[str, Any] = {}
        if screen == "floor":
            fields = navigator.floorData(place["floor"]).property("fields")
        elif screen == "section":
            fields = navigator.sectionData(place["section"]).property("fields")
        elif screen == "exhibit":
            fields = navigator.exhibitData(place["exhibit"]).property("fields")
        return place_speech(screen, fields, self._language(), navigator.property("title"),
                            navigator.property("subtitle"))

    def _on_modes(self) -> None:
        if self._reading():
            self._on_place()  # the mode was just turned on: read the screen shown
        elif self._read is not None:
            self._read = None
            self.stop()

    def _on_visit_ended(self, event: VisitEnded) -> None:
        self._read = None
        self.stop()

    def _on_playing(self) -> None:
        if self._playback is not None and self._playback.property("playing"):
            self._duck()
        elif self._ducked:
            self._set_ducked(False)

    # -- ducking ---------------------------------------------------------------------------

    def _duck(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech
        tts = self._tts
        if tts is None or not shiboken6.isValid(tts) or tts.state() != QTextToSpeech.State.Speaking:
            return
        self._set_ducked(True)

    def _set_ducked(self, ducked: bool) -> None:
        """A film plays: pause the reading (or, for an engine that cannot pause, read quietly);
        the film stops: go on as before."""
        from PySide6.QtTextToSpeech import QTextToSpeech
        if ducked == self._ducked:
            return
        self._ducked = ducked
        tts = self._tts
        if tts is not None and shiboken6.isValid(tts):
            can_pause = bool(tts.engineCapabilities() & QTextToSpeech.Capability.PauseResume)
            if can_pause and ducked and tts.state() == QTextToSpeech.State.Speaking:
                tts.pause()
            elif can_pause and not ducked and tts.state() == QTextToSpeech.State.Paused:
                tts.resume()
            elif not can_pause and ducked:
                self._volume_before = tts.volume()
                tts.setVolume(self._volume_before * DUCKED_VOLUME)
            else:
                self._restore_volume(tts)
        self.duckedChanged.emit()

    def _restore_volume(self, tts: QTextToSpeech) -> None:
        if self._volume_before is not None:
            tts.setVolume(self._volume_before)
            self._volume_before = None

    def _forget_duck(self) -> None:
        """Reading stops or starts afresh: no longer waiting for a film (the volume back)."""
        if not self._ducked:
            return
        self._ducked = False
        tts = self._tts
        if tts is not None and shiboken6.isValid(tts):
            self._restore_volume(tts)
        self.duckedChanged.emit()

    # -- engine events and properties ----------------------------------------------------

    def _on_engine_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech
        self.speakingChanged.emit()
        if state == QTextToSpeech.State.Speaking and self._playback is not None \
                and self._playback.property("playing"):
            self._duck()  # a film started before the reading did

    def _on_engine_error(self, reason: object, message: str) -> None:
        log.error("the speech engine %r reports: %s", self._engine_name, message or reason)

    def _get_speaking(self) -> bool:
        tts = self._tts  # (made once QtTextToSpeech is loaded: its enums through the instance)
        return bool(tts is not None and shiboken6.isValid(tts)
                    and tts.state() in (tts.State.Speaking, tts.State.Paused))

    def _get_ducked(self) -> bool:
        return self._ducked

    speaking = Property(bool, _get_speaking, notify=speakingChanged)
    """Something is being read (or waits, paused, while a film plays)."""
    ducked = Property(bool, _get_ducked, notify=duckedChanged)
    """A film or recording plays, and the reading waits for it."""

    @property
    def engine_name(self) -> str | None:
        return self._engine_name

    @property
    def engine(self) -> QTextToSpeech | None:
        """The running engine (None until first used, or when there is none)."""
        return self._tts if self._tts is not None and shiboken6.isValid(self._tts) else None


_SPEECH: PerEngine[Speech] = PerEngine()
"""One reader per QML engine (per kiosk window)."""
