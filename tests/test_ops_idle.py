"""Idle and attract: the "Still there?" countdown, a touch that cancels it, and the full reset."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Property, QObject, QPoint, Signal, Slot
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest

from kiosk.ops.idle import Idle, countdown_words
from kiosk.session import ExhibitionSession, VisitEnded
from tests.ops_helpers import QUIET_MEDIA, SHORT, item, running_kiosk, visit
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA


TOUCHSCREEN = QTest.createTouchDevice()


def touch(window: QWindow, point: QPoint) -> None:
    """One finger tap, as a touch screen sends it."""
    QTest.touchEvent(window, TOUCHSCREEN).press(0, point, window).commit()
    QTest.touchEvent(window, TOUCHSCREEN).release(0, point, window).commit()


class FakePlayback(QObject):
    """Stands in for the media player: tests say when something is playing."""

    playingChanged = Signal()
    volumeChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._playing = False
        self._volume = 1.0
        self.stopped = 0

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        self.playingChanged.emit()

    def _get_volume(self) -> float:
        return self._volume

    def _set_volume(self, volume: float) -> None:
        self._volume = volume

    playing = Property(bool, lambda self: self._playing, notify=playingChanged)
    volume = Property(float, _get_volume, _set_volume, notify=volumeChanged)

    @Slot()
    def stop(self) -> None:
        self.stopped += 1
        self.set_playing(False)


def test_countdown_words_put_the_visitors_language_first() -> None:
    words = countdown_words(["en", "zh"], "zh")
    assert [w["code"] for w in words] == ["zh", "en"]
    assert words[0]["title"] == "您还在吗？"
    assert words[1]["detail"] == "Touch to continue"
    assert countdown_words(["xx"], "xx")[0]["title"] == "Still there?"  # unknown language: English


def test_countdown_appears_after_idle_and_shows_every_language(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        overlay = item(kiosk, "idleCountdown")
        assert not overlay.isVisible()
        visit(kiosk, ops, lambda: kiosk.navigator.touch(), lambda: kiosk.navigator.setLanguage("zh"))
        with qtbot.waitSignal(ops.idle.countdownStarted, timeout=5000):
            pass
        assert overlay.isVisible()
        assert ops.idle.property("secondsLeft") == 1
        assert [w["code"] for w in ops.idle.property("words")] == ["zh", "en"]


def test_no_countdown_on_the_attract_loop(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        assert kiosk.navigator.property("screen") == "attract"
        ops.idle.activity()
        assert not ops.idle._idle_timer.isActive()


def test_a_touch_cancels_the_countdown_without_pressing_what_is_below(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    timings = dataclasses.replace(SHORT, idle_seconds=0.3, countdown_seconds=60)
    with running_kiosk(content, tmp_path, timings=timings) as (kiosk, ops):
        visit(kiosk, ops, lambda: kiosk.navigator.touch(), lambda: kiosk.navigator.openFloor("port"))
        qtbot.waitUntil(lambda: ops.idle.counting, timeout=5000)
        touch(kiosk.window, QPoint(960, 600))
        assert not ops.idle.counting
        assert not item(kiosk, "idleCountdown").isVisible()
        assert kiosk.navigator.property("place")["floor"] == "port"
        assert kiosk.navigator.property("screen") == "floor", "the touch only answered the question"


def test_reset_returns_everything_to_the_default(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        playback = ops.playback
        assert playback is not None
        visit(kiosk, ops, lambda: kiosk.navigator.touch(), lambda: kiosk.navigator.setLanguage("zh"),
              lambda: kiosk.navigator.openExhibit("harbour-story"), enable=False)
        playback.open((content / "media" / "port.png").as_uri(), False)
        playback.setProperty("volume", 0.3)
        ops.idle.set_enabled(True)
        with qtbot.waitSignal(ops.idle.resetDone, timeout=5000):
            pass
        assert kiosk.navigator.property("screen") == "attract"
        assert kiosk.navigator.property("language") == "en"
        assert playback.property("source") == ""
        assert abs(playback.property("volume") - 1.0) < 1e-6
        assert not ops.idle.counting
        assert kiosk.settle()
        assert kiosk.current_screen().metaObject().className().startswith("AttractScreen")


def test_playing_media_holds_off_idle_up_to_the_maximum(qtbot) -> None:
    now = [100.0]
    session, ended = visiting_session()
    playback = FakePlayback()
    idle = Idle(clock=lambda: now[0])
    idle.attach(session, playback)
    idle.set_timing(idle_seconds=0.05, countdown_seconds=5, max_media_seconds=10)
    playback.set_playing(True)  # the visitor started a film
    idle.activity()
    now[0] += 1.0  # past idle_seconds, well within max_media_seconds
    with qtbot.waitSignal(idle.heldByMedia, timeout=5000):
        pass
    assert not idle.counting
    now[0] += 10.0  # past the maximum: the countdown starts although the film plays on
    with qtbot.waitSignal(idle.countdownStarted, timeout=5000):
        pass
    with qtbot.waitSignal(idle.resetDone, timeout=5000):
        now[0] += 6.0
        idle._end_timer.setInterval(1)
        idle._end_timer.start()
    assert playback.stopped == 1
    assert [event.reason for event in ended] == ["idle"] and not session.visiting


def test_media_ending_restarts_the_idle_period(qtbot) -> None:
    now = [0.0]
    session, _ended = visiting_session()
    playback = FakePlayback()
    idle = Idle(clock=lambda: now[0])
    idle.attach(session, playback)
    idle.set_timing(idle_seconds=30, countdown_seconds=5, max_media_seconds=600)
    playback.set_playing(True)
    now[0] = 100.0
    playback.set_playing(False)
    assert idle._last_activity == 100.0


def visiting_session() -> tuple[ExhibitionSession, list[VisitEnded]]:
    """A session with a visit going on, and the list of the visits it ends."""
    session = ExhibitionSession()
    ended: list[VisitEnded] = []
    session.subscribe(VisitEnded, ended.append)
    session.begin_visit()
    return session, ended
