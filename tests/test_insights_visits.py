"""Visit records follow the exhibition session: one record per visit of the session, with its
number; the visitor's language choices are recorded, the session's own return to the starting
language is not; new content under a visitor splits the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.app.navigator import Navigator
from kiosk.insights import records
from kiosk.insights.recorder import VisitRecorder
from kiosk.insights.station import KioskInsights
from kiosk.session import ExhibitionSession
from tests.ui_helpers import load_sample


class Records:
    """A statistics writer that keeps what it is given."""

    def __init__(self) -> None:
        self.items: list[Any] = []

    def put(self, record: Any) -> None:
        self.items.append(record)

    def set_retention(self, days: int) -> None:
        self.days = days

    def close(self, wait: bool = True) -> None:
        self.closed = True

    def of(self, kind: type) -> list[Any]:
        return [item for item in self.items if isinstance(item, kind)]

    def languages(self) -> list[tuple[str, str]]:
        return [(item.session, item.value) for item in self.of(records.ChoiceMade) if item.kind == "language"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = tmp_path_factory.mktemp("sample")
    return load_sample(root), root


@pytest.fixture
def kiosk(qapp: Any, sample: tuple[Any, Path]) -> tuple[ExhibitionSession, Navigator, VisitRecorder, Records]:
    session, navigator, written = ExhibitionSession(), Navigator(), Records()
    navigator.attach(session)
    session.show(*sample)
    recorder = VisitRecorder(session, navigator, written)  # type: ignore[arg-type]
    return session, navigator, recorder, written


def test_a_visit_is_recorded_once_with_the_sessions_number(kiosk: Any) -> None:
    session, nav, recorder, written = kiosk
    nav.touch()
    nav.openFloor("port")
    session.begin_visit()  # a visit going on does not start again
    nav.home()
    assert recorder.visit_number == session.visits_today() == 1
    session.end_visit("idle")
    nav.touch()
    assert recorder.visit_number == session.visits_today() == 2
    nav.resetToAttract()
    started, ended = written.of(records.VisitStarted), written.of(records.VisitEnded)
    assert len(started) == 2 and len({item.session for item in started}) == 2
    assert [(item.session, item.reason) for item in ended] == [
        (started[0].session, "idle"), (started[1].session, "home")]
    assert [(item.screen, item.item) for item in written.of(records.ScreenSeen)] == [
        ("home", ""), ("floor", "port"), ("home", ""), ("home", "")]


def test_the_visitors_language_is_recorded_and_the_return_after_the_visit_is_not(kiosk: Any) -> None:
    session, nav, _, written = kiosk
    nav.touch()
    nav.setLanguage("zh")  # mid-visit: the visitor's choice
    session.end_visit("idle")  # the session goes back to English by itself
    assert session.language == "en"
    nav.setLanguage("zh")  # the next visitor chooses on the attract loop
    nav.touch()
    nav.setLanguage("en")
    session.end_visit("closing")
    first, second = (item.session for item in written.of(records.VisitStarted))
    assert written.languages() == [(first, "zh"), (second, "zh"), (second, "en")]
    assert [(item.language, item.reason) for item in written.of(records.VisitEnded)] == [
        ("zh", "idle"), ("en", "closing")]
    assert [item.language for item in written.of(records.VisitStarted)] == ["en", "zh"]


def test_new_content_under_a_visitor_starts_a_new_record_at_the_same_screen(
    qapp: Any, sample: tuple[Any, Path], tmp_path: Path
) -> None:
    session, nav = ExhibitionSession(), Navigator()
    nav.attach(session)
    session.show(*sample)
    insights = KioskInsights(session, nav, db_path=tmp_path / "insights.db", screen_name="hall",
                             make_writer=lambda *args, **options: Records())
    insights.configure(None)
    written = insights.writer
    nav.touch()
    nav.openFloor("green")
    session.show(*sample)  # new content, and the visitor stays on the floor
    assert session.visiting and nav.property("screen") == "floor"
    session.end_visit("idle")
    first, second = (item.session for item in written.of(records.VisitStarted))  # type: ignore[union-attr]
    assert [(item.session, item.reason) for item in written.of(records.VisitEnded)] == [  # type: ignore[union-attr]
        (first, "content"), (second, "idle")]
    assert [(item.session, item.screen) for item in written.of(records.ScreenSeen)] == [  # type: ignore[union-attr]
        (first, "home"), (first, "floor"), (second, "floor")]
    assert insights.exhibit_title("harbour-plan") == "The Harbour Plan"
    insights.close()
