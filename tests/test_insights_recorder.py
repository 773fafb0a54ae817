"""Visits as the kiosk records them: screens and dwell times, language, modes, media, end reasons,
and today's summary in the staff panel."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Property, QObject, Signal

from kiosk.app.languages import language_name
from kiosk.insights import schema
from kiosk.insights.recorder import VisitRecorder
from kiosk.insights.writer import InsightsWriter
from tests.ops_helpers import QUIET_MEDIA, STAFF_PIN, item, running_kiosk, visit
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA
SAMPLE_FILM = Path(__file__).resolve().parent.parent / "content" / "media" / "video" / "port-loop.mp4"


class FakeClock:
    """Wall and monotonic time that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 100.0
        self.started = time.time()  # today, so retention keeps the rows and the summary finds them

    def mono(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.started + self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = schema.connect(path, readonly=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def sample(tmp_path: Path, *, statistics: str = "") -> Path:
    """The small sample exhibition, its first article narrated, and a film in the old harbour."""
    content = write_sample_exhibition(tmp_path / "content")
    floor = content / "floors" / "1-port.yaml"
    body = "        body: {en: \"The bay is deep and calm.\\n\\nShips came first.\", zh: 海湾水深浪静。}\n"
    text = floor.read_text(encoding="utf-8")
    assert body in text
    floor.write_text(text.replace(body, body + "        narration: media/story.wav\n"), encoding="utf-8")
    with wave.open(str(content / "media" / "story.wav"), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 800)
    shutil.copy(SAMPLE_FILM, content / "media" / "port.mp4")
    floor.write_text(floor.read_text(encoding="utf-8").replace(
        "  - id: new-port\n",
        "      - id: port-film\n        type: video\n        title: {en: The Port Today, zh: 今日港口}\n"
        "        video: media/port.mp4\n  - id: new-port\n"), encoding="utf-8")
    if statistics:
        with (content / "exhibition.yaml").open("a", encoding="utf-8") as exhibition:
            exhibition.write(statistics)
    return content


@contextmanager
def recorded_kiosk(
    qtbot: Any, tmp_path: Path, statistics: str = ""
) -> Iterator[tuple[Any, Any, FakeClock, Path]]:
    content = sample(tmp_path, statistics=statistics)
    db = tmp_path / "state" / "insights.db"
    clock = FakeClock()
    with running_kiosk(content, tmp_path, insights_db=db, screen_name="hall-test") as (kiosk, ops):
        recorder = ops.insights.recorder
        recorder.wall, recorder.mono = clock.wall, clock.mono
        ops.insights.today.clock = lambda: dt.datetime.fromtimestamp(clock.wall())
        yield kiosk, ops, clock, db


def flush(ops: Any) -> None:
    assert ops.insights.writer is not None and ops.insights.writer.flush()


def test_a_visit_records_screens_dwell_language_and_ends_on_idle(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, clock, db):
        nav = kiosk.navigator

        def wait(seconds: float) -> None:
            clock.advance(seconds)

        visit(kiosk, ops, nav.touch, lambda: wait(5), lambda: nav.openFloor("port"), lambda: wait(7),
              lambda: nav.setLanguage("zh"), lambda: nav.openSection("old-harbour"), lambda: wait(3),
              lambda: nav.openExhibit("harbour-story"), lambda: wait(11))
        with qtbot.waitSignal(ops.idle.resetDone, timeout=20_000):
            pass  # nobody touches: the countdown runs out
        assert nav.property("screen") == "attract" and nav.property("language") == "en"
        flush(ops)
        (visit_row,) = rows(db, "SELECT id, kiosk, started, ended, language, end_reason FROM sessions")
        session, kiosk_name, started, ended, language, reason = visit_row
        assert (kiosk_name, language, reason) == ("hall-test", "zh", "idle")
        assert ended - started == pytest.approx(26)
        assert len(session) == 16
        assert rows(db, "SELECT session, screen, item, seconds, language FROM views ORDER BY started") == [
            (session, "home", "", 5.0, "en"),
            (session, "floor", "port", 7.0, "zh"),
            (session, "section", "old-harbour", 3.0, "zh"),
            (session, "exhibit", "harbour-story", 11.0, "zh"),
        ]
        assert rows(db, "SELECT session, kind, value FROM choices") == [(session, "language", "zh")]


def test_each_visit_gets_its_own_id_and_modes_are_recorded(qtbot, tmp_path: Path) -> None:
    from kiosk.app.access import Access

    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, _, db):
        nav, access = kiosk.navigator, Access.for_engine(kiosk.engine)
        visit(kiosk, ops, nav.touch, lambda: access.set_mode("large-text", True), nav.resetToAttract)
        visit(kiosk, ops, lambda: nav.setLanguage("zh"), nav.touch,  # chosen on the attract loop
              lambda: access.set_mode("high-contrast", True), nav.resetToAttract)
        flush(ops)
        sessions = [row[0] for row in rows(db, "SELECT id FROM sessions ORDER BY rowid")]
        assert len(set(sessions)) == 2
        assert rows(db, "SELECT session, kind, value FROM choices ORDER BY rowid") == [
            (sessions[0], "mode", "large-text"),
            (sessions[1], "language", "zh"),
            (sessions[1], "mode", "high-contrast"),
        ]
        assert rows(db, "SELECT language FROM sessions ORDER BY rowid") == [("en",), ("zh",)]


def test_closing_time_and_stopping_the_kiosk_are_end_reasons(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, clock, db):
        nav = kiosk.navigator
        visit(kiosk, ops, nav.touch, lambda: nav.openFloor("port"), lambda: clock.advance(4),
              ops.hours.closed.emit)
        assert nav.property("screen") == "attract"
        visit(kiosk, ops, nav.touch, lambda: clock.advance(2))
    assert rows(db, "SELECT end_reason FROM sessions ORDER BY started") == [("closing",), ("stopped",)]
    assert rows(db, "SELECT screen, seconds FROM views ORDER BY started") == [
        ("home", 0.0), ("floor", 4.0), ("home", 2.0)]


def test_staff_panel_shows_todays_summary_from_the_file(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, clock, _):
        nav = kiosk.navigator
        for language in ("en", "zh", "zh"):
            visit(kiosk, ops, nav.touch, lambda lang=language: nav.setLanguage(lang),
                  lambda: nav.openFloor("port"), lambda: nav.openSection("old-harbour"),
                  lambda: nav.openExhibit("harbour-plan"), lambda: clock.advance(30), nav.resetToAttract)
        with qtbot.waitSignal(ops.insights.today.ready, timeout=10_000):
            ops.staff.openPinPad()
            for digit in STAFF_PIN:
                ops.staff.digit(digit)
            ops.staff.submit()
        assert ops.staff.property("panelOpen")
        today = ops.staff.property("today")
        assert today["visits"] == "3"
        assert today["median"] == "30 s"
        assert today["topExhibit"] == "The Harbour Plan (3 views)"
        chinese = language_name("zh")
        assert today["languages"].startswith(f"{chinese} 67 %") and "English 33 %" in today["languages"]
        assert kiosk.settle()
        shown = {name: item(kiosk, name).childItems()[1].property("text")
                 for name in ("visitsToday", "medianVisit", "mostViewed", "languageShare")}
        assert shown == {"visitsToday": "3", "medianVisit": "30 s",
                         "mostViewed": "The Harbour Plan (3 views)", "languageShare": today["languages"]}
        assert not item(kiosk, "statisticsNote").isVisible()


def test_statistics_switched_off_in_the_exhibition_write_nothing(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path, "insights: {enabled: false}\n") as (kiosk, ops, _, db):
        visit(kiosk, ops, kiosk.navigator.touch, kiosk.navigator.resetToAttract)
        assert ops.insights.writer is None
        with qtbot.waitSignal(ops.insights.today.ready, timeout=10_000):
            ops.staff.panelOpened.emit()
        assert "switched off" in ops.staff.property("today")["note"]
        assert ops.staff.property("sessionsToday") == 1
    assert not db.exists()


def test_an_unwritable_place_turns_statistics_off_and_the_kiosk_runs_on(
    qtbot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.insights")
    content = sample(tmp_path)
    blocker = tmp_path / "state"
    blocker.write_text("a file where the statistics folder should be")
    with running_kiosk(content, tmp_path, insights_db=blocker / "insights.db") as (kiosk, ops):
        nav = kiosk.navigator
        with qtbot.waitSignal(ops.insights.today.ready, timeout=10_000):
            ops.insights.today.refresh()  # waits for the writer to give up
        visit(kiosk, ops, nav.touch, lambda: nav.openFloor("port"), nav.resetToAttract, nav.touch)
        assert nav.property("screen") == "home"
        assert ops.insights.writer is not None and not ops.insights.writer.enabled
        with qtbot.waitSignal(ops.insights.today.ready, timeout=10_000):
            ops.insights.today.refresh()
        assert "write problem" in ops.staff.property("today")["note"]
    off = [r for r in caplog.records if r.name == "kiosk.insights" and "statistics are off" in r.getMessage()]
    assert len(off) == 1


class FakePlayback(QObject):
    """The parts of the kiosk's player the recorder listens to, driven by the test."""

    playingChanged = Signal()
    positionChanged = Signal()
    durationChanged = Signal()
    sourceChanged = Signal()
    sessionChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._source, self._session, self._playing, self._position, self._duration = "", 0, False, 0, 0

    def open(self, source: str, duration_ms: int) -> None:
        self._source, self._duration = source, duration_ms
        self._session += 1
        self.sourceChanged.emit()
        self.sessionChanged.emit()
        self.durationChanged.emit()

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        self.playingChanged.emit()

    def move_to(self, position_ms: int) -> None:
        self._position = position_ms
        self.positionChanged.emit()

    def stop(self) -> None:
        self._playing, self._source, self._duration, self._position = False, "", 0, 0
        self.playingChanged.emit()
        self.sourceChanged.emit()

    source = Property(str, lambda self: self._source, notify=sourceChanged)
    session = Property(int, lambda self: self._session, notify=sessionChanged)
    playing = Property(bool, lambda self: self._playing, notify=playingChanged)
    position = Property(int, lambda self: self._position, notify=positionChanged)
    duration = Property(int, lambda self: self._duration, notify=durationChanged)


def test_films_and_narrations_played_are_recorded_with_how_far(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, clock, _):
        nav, player = kiosk.navigator, FakePlayback()
        writer = InsightsWriter(tmp_path / "media.db", kiosk="hall-test")
        recorder = VisitRecorder(ops.session, nav, writer, playback=player, wall=clock.wall, mono=clock.mono)
        root = kiosk.navigator.content_root
        # the kind comes from the file when the exhibit does not say (a film here, a narration below)
        film, narration = (root / "media" / "plan.mp4").as_uri(), (root / "media" / "story.wav").as_uri()
        visit(kiosk, ops, nav.touch, lambda: nav.openFloor("port"), lambda: nav.openSection("old-harbour"),
              lambda: nav.openExhibit("harbour-plan"))
        player.open(film, 60_000)
        player.set_playing(True)
        clock.advance(20)
        player.move_to(30_000)
        player.set_playing(False)  # paused: still the same play
        clock.advance(5)
        player.set_playing(True)
        clock.advance(4)
        player.move_to(12_000)  # sought back: the furthest point stays
        visit(kiosk, ops, lambda: nav.openExhibit("harbour-story"))  # the visitor leaves mid-film
        player.stop()
        player.open(narration, 0)  # length not known yet
        player.set_playing(True)
        clock.advance(3)
        player.stop()
        visit(kiosk, ops, nav.back)
        player.open(film, 60_000)  # opened but never played: not a play
        recorder.end_visit("stopped")
        writer.close()
        assert rows(tmp_path / "media.db", "SELECT exhibit, kind, played, duration, furthest FROM media "
                    "ORDER BY started") == [
            ("harbour-plan", "video", 24.0, 60.0, 0.5),
            ("harbour-story", "narration", 3.0, None, 0.0),
        ]


def test_new_content_mid_visit_ends_it_and_can_switch_statistics_off(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, clock, db):
        nav, exhibition = kiosk.navigator, ops.reloader.root / "exhibition.yaml"
        original = exhibition.read_text(encoding="utf-8")
        ops.reloader.can_swap = lambda: True  # swap at once, even with a visitor on the floor

        def new_content(statistics: str) -> None:
            exhibition.write_text(original + statistics, encoding="utf-8")
            with qtbot.waitSignal(ops.reloader.swapped, timeout=20_000):
                ops.reloader.reload_now()
            assert nav.property("screen") == "floor"

        # idle stays paused: checking the new content (films probed in a child process) may take
        # longer than the short test timings give a visitor
        visit(kiosk, ops, nav.touch, lambda: nav.openFloor("port"), lambda: clock.advance(6), enable=False)
        writer = ops.insights.writer
        new_content("insights: {retention_days: 30}\n")
        assert ops.insights.writer is writer and writer.retention_days == 30
        clock.advance(2)
        new_content("insights: {enabled: false}\n")
        assert ops.insights.writer is None, "statistics follow the new exhibition.yaml"
        assert not writer.enabled
        writer.close()  # waits for the thread, which finishes the queue by itself
        assert rows(db, "SELECT end_reason FROM sessions ORDER BY started") == [("content",), ("content",)]
        assert rows(db, "SELECT screen, item, seconds FROM views ORDER BY started") == [
            ("home", "", 0.0), ("floor", "port", 6.0), ("floor", "port", 2.0)]


def test_a_film_the_visitor_plays_on_the_kiosk_is_recorded(qtbot, tmp_path: Path) -> None:
    with recorded_kiosk(qtbot, tmp_path) as (kiosk, ops, clock, db):
        nav, playback = kiosk.navigator, ops.playback
        visit(kiosk, ops, nav.touch, lambda: nav.openFloor("port"), lambda: nav.openSection("old-harbour"),
              lambda: nav.openExhibit("port-film"))
        assert playback.property("source").endswith("port.mp4")
        with qtbot.waitSignal(playback.visitorMediaStarted, timeout=20_000):
            playback.play()
        clock.advance(3)
        qtbot.waitUntil(lambda: playback.property("position") > 500, timeout=20_000)
        length = playback.property("duration") / 1000
        visit(kiosk, ops, nav.back)
        flush(ops)
        ((exhibit, kind, played, duration, furthest),) = rows(
            db, "SELECT exhibit, kind, played, duration, furthest FROM media")
        assert (exhibit, kind, played) == ("port-film", "video", 3.0)
        assert duration == pytest.approx(length) and length > 1
        assert 0 < furthest <= 1
