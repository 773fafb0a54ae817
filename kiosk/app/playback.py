"""The one media player of the kiosk: every film and narration plays through it.

A single QMediaPlayer and QAudioOutput are kept for the life of the screen and only their source
changes, because making a new player for every exhibit has leaked memory in some Qt versions.
Playback problems (a missing file, a missing codec, no loudspeaker) become `errorText` and a log
line; the exhibit stays on screen.
"""

from __future__ import annotations

import contextlib
import logging

import shiboken6
from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlComponent, QQmlEngine

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.registry import PerEngine

try:
    from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
except ImportError:  # QtMultimedia needs libpulse; without it the kiosk runs without media
    QMediaPlayer = None  # type: ignore[assignment,misc]

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Playback"]

log = logging.getLogger("kiosk.playback")

MEDIA_QML = b"""
import QtQml
import QtMultimedia
QtObject {
    property QtObject player: MediaPlayer {}
    property QtObject audio: AudioOutput {}
}
"""
"""The player and its audio output, made in C++ by the QML engine (see `Playback._make_media`)."""

INFINITE = -1
"""Value of `loops` that repeats the media without end (QMediaPlayer.Infinite)."""


@QmlElement
@QmlSingleton
class Playback(QObject):
    """Plays the exhibit's film or narration; views bind to its properties and call its slots."""

    sourceChanged = Signal()
    playingChanged = Signal()
    positionChanged = Signal()
    durationChanged = Signal()
    volumeChanged = Signal()
    loopsChanged = Signal()
    videoOutputChanged = Signal()
    errorTextChanged = Signal()
    sessionChanged = Signal()
    visitorMediaStarted = Signal()
    """The film or narration has started playing (a visitor is watching or listening)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = ""
        self._session = 0
        self._error_text = ""
        self._video_output: QObject | None = None
        self._player_object: QMediaPlayer | None = None
        self._audio_object: QAudioOutput | None = None
        if QMediaPlayer is None:
            self._error_text = "Films and narrations are not available on this computer."
            log.error("QtMultimedia cannot be loaded; media exhibits will not play")
            return
        self._player_object, self._audio_object = self._make_media(parent)
        # Without a loudspeaker the player gets no audio output (films and narrations still run,
        # silently): Qt's audio thread then never starts, and cannot wait on Python's lock while
        # the UI thread waits on it. The output is attached as soon as a loudspeaker appears.
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._attach_sound)
        if not self._attach_sound():
            log.warning("no sound output found: films will play without sound")
        player, audio = self._player_object, self._audio_object
        player.playbackStateChanged.connect(self._on_state)
        player.positionChanged.connect(self.positionChanged)
        player.durationChanged.connect(self.durationChanged)
        player.loopsChanged.connect(self.loopsChanged)
        player.errorOccurred.connect(self._on_error)
        audio.volumeChanged.connect(self.volumeChanged)

    def _make_media(self, parent: QObject | None) -> tuple[QMediaPlayer, QAudioOutput]:
        """The player and its audio output, made in C++ by a QML engine, not by Python.

        Qt's audio thread makes virtual calls on the audio output and the player while it tears
        its renderer down; on objects made by Python each such call waits for Python's lock, which
        the UI thread may hold while it waits for the audio thread: a hang, seen with gdb when a
        narration stopped. Objects made by QML have no Python side to ask."""
        engine = parent if isinstance(parent, QQmlEngine) else QQmlEngine(self)
        component = QQmlComponent(engine)
        component.setData(MEDIA_QML, QUrl())
        holder = component.create()
        player = holder.findChild(QMediaPlayer) if holder is not None else None
        audio = holder.findChild(QAudioOutput) if holder is not None else None
        if not isinstance(player, QMediaPlayer) or not isinstance(audio, QAudioOutput):
            errors = "; ".join(error.toString() for error in component.errors())
            raise RuntimeError(f"the media player could not be made: {errors}")
        QQmlEngine.setObjectOwnership(holder, QQmlEngine.ObjectOwnership.CppOwnership)
        holder.setParent(self)  # the player and its output go with this Playback
        self._component = component
        return player, audio

    @property
    def _player(self) -> QMediaPlayer | None:
        """The player, or None once it is gone (a closing window takes it before its views)."""
        player = self._player_object
        return player if player is not None and shiboken6.isValid(player) else None

    @property
    def _audio(self) -> QAudioOutput | None:
        audio = self._audio_object
        return audio if audio is not None and shiboken6.isValid(audio) else None

    def _attach_sound(self) -> bool:
        """Give the player its audio output if the computer has a loudspeaker."""
        if self._player is None or self._audio is None:
            return False
        if self._player.audioOutput() is None and QMediaDevices.audioOutputs():
            self._player.setAudioOutput(self._audio)
            log.info("sound output: %s", QMediaDevices.defaultAudioOutput().description())
        return self._player.audioOutput() is not None

    # -- registration ----------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Playback:
        """The player of this engine; QML asks for it on the first `Playback.` it meets."""
        return Playback.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Playback:
        return _PLAYERS.get(engine, Playback)

    @staticmethod
    def forget_engine(key: int) -> None:
        _PLAYERS.forget(key)

    # -- properties ------------------------------------------------------------------------

    def _get_source(self) -> str:
        return self._source

    def _set_source(self, source: str) -> None:
        if source == self._source:
            return
        self._source = source
        self._set_error("")
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl(source) if source else QUrl())
        self.sourceChanged.emit()

    source = Property(str, _get_source, _set_source, notify=sourceChanged)

    def _get_playing(self) -> bool:
        return self._player is not None and (
            self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        )

    playing = Property(bool, _get_playing, notify=playingChanged)

    def _get_position(self) -> int:
        return int(self._player.position()) if self._player is not None else 0

    position = Property(int, _get_position, notify=positionChanged)

    def _get_duration(self) -> int:
        return int(self._player.duration()) if self._player is not None else 0

    duration = Property(int, _get_duration, notify=durationChanged)

    def _get_volume(self) -> float:
        return float(self._audio.volume()) if self._audio is not None else 0.0

    def _set_volume(self, volume: float) -> None:
        if self._audio is not None:
            self._audio.setVolume(max(0.0, min(1.0, volume)))

    volume = Property(float, _get_volume, _set_volume, notify=volumeChanged)

    def _get_loops(self) -> int:
        return int(self._player.loops()) if self._player is not None else 1

    def _set_loops(self, loops: int) -> None:
        if self._player is not None:
            self._player.setLoops(INFINITE if loops < 0 else max(1, loops))

    loops = Property(int, _get_loops, _set_loops, notify=loopsChanged)

    def _get_video_output(self) -> QObject | None:
        return self._video_output

    def _set_video_output(self, output: QObject | None) -> None:
        if output is self._video_output:
            return
        if self._video_output is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the old output is already gone
                self._video_output.destroyed.disconnect(self._on_output_destroyed)
        self._video_output = output
        if output is not None:
            output.destroyed.connect(self._on_output_destroyed)
        if self._player is not None:
            self._player.setVideoOutput(output)  # type: ignore[arg-type]  # None detaches
        self.videoOutputChanged.emit()

    videoOutput = Property(QObject, _get_video_output, _set_video_output, notify=videoOutputChanged)

    def _get_error_text(self) -> str:
        return self._error_text

    errorText = Property(str, _get_error_text, notify=errorTextChanged)

    def _get_session(self) -> int:
        return self._session

    session = Property(int, _get_session, notify=sessionChanged)
    """Changes each time a view opens media; a view owns the player while it holds the latest."""

    # -- slots -----------------------------------------------------------------------------

    @Slot(str, bool, result=int)
    def open(self, source: str, loop: bool) -> int:
        """Load a film or narration, ready to play; `loop` repeats it without a pause.

        Returns the session number the view gives back to `release` when it closes.
        """
        self._set_source(source)
        self._set_loops(INFINITE if loop else 1)
        self._session += 1
        self.sessionChanged.emit()
        return self._session

    @Slot(int)
    def release(self, session: int) -> None:
        """A view is closing: stop its media, unless another view has opened media since."""
        if session == self._session:
            self.stop()

    @Slot()
    def play(self) -> None:
        if self._player is None or not self._source:
            return
        if self._player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
            self._player.setPosition(0)
        self._player.play()

    @Slot()
    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    @Slot()
    def toggle(self) -> None:
        if self._get_playing():
            self.pause()
        else:
            self.play()

    @Slot(int)
    def seek(self, position_ms: int) -> None:
        if self._player is not None:
            self._player.setPosition(max(0, position_ms))

    @Slot()
    def stop(self) -> None:
        """Stop and forget the current media, so nothing plays behind the next screen."""
        if self._player is not None:
            self._player.stop()
        self._set_source("")

    # -- player events ---------------------------------------------------------------------

    def _on_state(self, state: object) -> None:
        self.playingChanged.emit()
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self.visitorMediaStarted.emit()

    def _on_error(self, error: object, message: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        log.error("cannot play %s: %s", self._source, message or error)
        self._set_error(message or "This media cannot be played.")

    def _on_output_destroyed(self) -> None:
        self._video_output = None
        if self._player is not None:
            self._player.setVideoOutput(None)  # type: ignore[arg-type]
        self.videoOutputChanged.emit()

    def _set_error(self, text: str) -> None:
        if text != self._error_text:
            self._error_text = text
            self.errorTextChanged.emit()


_PLAYERS: PerEngine[Playback] = PerEngine()
"""One player per QML engine."""
