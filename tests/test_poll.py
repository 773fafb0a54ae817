"""The poll exhibit: its content checks, one vote per visit, results that outlive a restart,
the staff's reset, the report's poll results and the view's accessible names."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.app.bootstrap import make_engine
from kiosk.app.poll import MemoryVotes, Polls, shares
from kiosk.content.load import load_exhibition
from kiosk.insights import report, schema
from kiosk.insights.station import KioskInsights
from kiosk.insights.writer import InsightsWriter
from kiosk.session import ExhibitionSession
from tests.content_factory import FLOOR, line_of, make_content
from tests.ops_helpers import QUIET_MEDIA, STAFF_PIN, centre_of, item, running_kiosk
from tests.test_ops_staff import enter

POLL = textwrap.indent(
    textwrap.dedent(
        """\
        - id: next-project
          type: poll
          title: {en: Have your say, zh: 说说你的想法}
          intro: {en: The city builds for people., zh: 城市为人而建。}
          question: {en: What should the city build next?, zh: 城市下一步该建什么？}
          answers:
            - id: parks
              text: {en: Pocket parks, zh: 口袋公园}
            - id: walks
              text: {en: Waterfront walks, zh: 滨海步道}
            - id: cycling
              text: {en: Cycle paths, zh: 自行车道}
        """
    ),
    "      ",
)


def poll_content(root: Path, poll: str = POLL) -> Path:
    return make_content(root, floor=FLOOR + poll)


def problems_of(root: Path) -> list[Any]:
    """The content's problems, less the shared sample's own (its pictures' missing alt texts)."""
    return [p for p in load_exhibition(root).problems if "alt text" not in p.message]


# -- the content checks -----------------------------------------------------------------------


def test_a_poll_loads(tmp_path: Path) -> None:
    result = load_exhibition(poll_content(tmp_path))
    assert result.exhibition is not None and not problems_of(tmp_path)
    _floor, _section, poll = result.exhibition.locate("next-project")  # type: ignore[misc]
    assert [answer.id for answer in poll.answers] == ["parks", "walks", "cycling"]


def test_fewer_than_two_answers_is_an_error_at_the_answers(tmp_path: Path) -> None:
    poll = POLL[: POLL.index("- id: walks")].rstrip(" ")
    root = poll_content(tmp_path, poll)
    (error,) = [p for p in problems_of(root) if p.is_error]
    floor = (root / "floors" / "1-ground.yaml").read_text(encoding="utf-8")
    assert error.line == line_of(floor, "- id: parks")  # the list of answers
    assert error.message == "'answers' has 1 item; it needs at least 2"


def test_more_than_six_answers_is_an_error(tmp_path: Path) -> None:
    extra = "".join(
        f"          - id: extra-{n}\n            text: {{en: Extra {n}, zh: 其他{n}}}\n" for n in range(4)
    )
    root = poll_content(tmp_path, POLL + extra)
    (error,) = [p for p in problems_of(root) if p.is_error]
    assert error.message == "'answers' has 7 items; it needs at most 6"
    assert "split them over two exhibits" in error.hint


def test_an_answer_id_used_twice_points_at_the_second(tmp_path: Path) -> None:
    root = poll_content(tmp_path, POLL.replace("- id: cycling", "- id: parks"))
    (error,) = [p for p in problems_of(root) if p.is_error]
    floor = (root / "floors" / "1-ground.yaml").read_text(encoding="utf-8")
    assert error.message == "the answer id 'parks' is used twice in this poll"
    second = [n for n, line in enumerate(floor.splitlines(), start=1) if line.strip() == "- id: parks"][1]
    assert error.line == second and error.path.endswith("1-ground.yaml")


def test_a_missing_translation_is_a_warning(tmp_path: Path) -> None:
    root = poll_content(tmp_path, POLL.replace("{en: Cycle paths, zh: 自行车道}", "{en: Cycle paths}"))
    (warning,) = problems_of(root)
    floor = (root / "floors" / "1-ground.yaml").read_text(encoding="utf-8")
    assert not warning.is_error and warning.message == "missing 'zh' translation"
    assert warning.line == line_of(floor, "{en: Cycle paths}")


# -- voting ---------------------------------------------------------------------------------


@pytest.fixture
def shown(tmp_path: Path, qapp: Any) -> tuple[Any, ExhibitionSession, Polls]:
    root = poll_content(tmp_path / "content")
    exhibition = load_exhibition(root).exhibition
    session = ExhibitionSession()
    engine = make_engine(exhibition, root, session=session)
    yield engine, session, Polls.for_engine(engine)
    engine.deleteLater()


def test_one_vote_per_visit(shown: tuple[Any, ExhibitionSession, Polls]) -> None:
    _engine, session, polls = shown
    session.begin_visit()
    assert polls.chosen("next-project") == ""
    assert polls.vote("next-project", "walks")
    assert not polls.vote("next-project", "parks"), "a second vote in the same visit"
    assert not polls.vote("next-project", "nonsense") and not polls.vote("harbour-text", "walks")
    assert polls.chosen("next-project") == "walks"
    results = polls.results("next-project")
    assert [a["count"] for a in results["answers"]] == [0, 1, 0]
    assert results["answers"][1]["chosen"] and results["answers"][1]["countText"] == "1 vote"
    session.end_visit("idle")
    assert polls.chosen("next-project") == ""
    session.begin_visit()
    assert polls.vote("next-project", "parks")
    assert [a["count"] for a in polls.results("next-project")["answers"]] == [1, 1, 0]
    assert polls.results("next-project")["totalText"] == "2 answers so far on this screen"


def test_shares_add_up_to_a_hundred() -> None:
    assert shares([1, 1, 1]) == [34, 33, 33]
    assert shares([0, 0]) == [0, 0]
    assert sum(shares([7, 5, 3, 2, 1, 1])) == 100


def _kiosk_on(db: Path, content: Path) -> tuple[Any, ExhibitionSession, KioskInsights]:
    exhibition = load_exhibition(content).exhibition
    session = ExhibitionSession()
    engine = make_engine(exhibition, content, session=session)
    from kiosk.app.navigator import Navigator

    insights = KioskInsights(session, Navigator.for_engine(engine), engine=engine, db_path=db,
                             screen_name="hall-1", parent=engine)
    insights.configure(None)
    return engine, session, insights


def _votes(db: Path) -> list[tuple[str, str, str, str]]:
    connection = sqlite3.connect(db)
    try:
        return list(connection.execute("SELECT day, poll, answer, kiosk FROM votes ORDER BY rowid"))
    finally:
        connection.close()


def test_results_come_from_the_database_after_a_restart(tmp_path: Path, qapp: Any) -> None:
    content, db = poll_content(tmp_path / "content"), tmp_path / "insights.db"
    engine, session, insights = _kiosk_on(db, content)
    for answer in ("walks", "walks", "cycling"):
        session.begin_visit()
        assert Polls.for_engine(engine).vote("next-project", answer)
        session.end_visit("idle")
    insights.close()
    engine.deleteLater()
    today = dt.date.today().isoformat()
    assert _votes(db) == [(today, "next-project", a, "hall-1") for a in ("walks", "walks", "cycling")]

    engine, session, insights = _kiosk_on(db, content)  # a new kiosk on the same file
    polls = Polls.for_engine(engine)
    results = polls.results("next-project")
    assert [a["count"] for a in results["answers"]] == [0, 2, 1]
    assert [a["percent"] for a in results["answers"]] == [0, 67, 33]
    assert not any(a["chosen"] for a in results["answers"]), "the last visit's choice is not kept"
    insights.close()
    engine.deleteLater()


def test_staff_reset_deletes_the_polls_votes(tmp_path: Path, qapp: Any) -> None:
    content, db = poll_content(tmp_path / "content"), tmp_path / "insights.db"
    engine, session, insights = _kiosk_on(db, content)
    polls = Polls.for_engine(engine)
    session.begin_visit()
    polls.vote("next-project", "parks")
    polls.reset("next-project")
    assert polls.results("next-project")["total"] == 0 and polls.chosen("next-project") == ""
    assert polls.vote("next-project", "cycling"), "after a reset the visitor may vote again"
    insights.close()
    assert [row[2] for row in _votes(db)] == ["cycling"]


def test_without_statistics_votes_are_counted_in_memory(shown: tuple[Any, ExhibitionSession, Polls]) -> None:
    _engine, session, polls = shown
    assert isinstance(polls.store, MemoryVotes)
    session.begin_visit()
    polls.vote("next-project", "parks")
    assert polls.store.totals("next-project") == {"parks": 1}


def test_an_old_statistics_file_gets_the_votes_table(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    connection = sqlite3.connect(db)
    connection.executescript(schema.TABLES.split("CREATE TABLE IF NOT EXISTS votes")[0])
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    writer = InsightsWriter(db, kiosk="hall-1")
    assert writer.flush()
    writer.close()
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT COUNT(*) FROM votes").fetchone() == (0,)
    assert connection.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)
    connection.close()


# -- the report -------------------------------------------------------------------------------


def test_report_shows_poll_results_per_day_and_in_total(tmp_path: Path, qapp: Any) -> None:
    content, db = poll_content(tmp_path / "content"), tmp_path / "insights.db"
    connection = schema.connect(db)
    first, second = dt.date(2026, 3, 2), dt.date(2026, 3, 3)
    for number, (day, answer) in enumerate(
        [(first, "walks"), (first, "walks"), (first, "parks"), (second, "walks"), (second, "cycling")]
    ):
        started = dt.datetime.combine(day, dt.time(10, number)).timestamp()
        connection.execute("INSERT INTO sessions VALUES (?, 'hall-1', ?, ?, 'en', 'idle')",
                           (f"v{number}", started, started + 60))
        connection.execute("INSERT INTO votes VALUES (?, 'next-project', ?, 'hall-1')",
                           (day.isoformat(), answer))
    connection.commit()
    connection.close()
    out = tmp_path / "report"
    args = argparse.Namespace(db=[db], first=None, last=None, out=out, content=content, language="zh",
                              demo_data=None)
    assert report.main(args) == 0
    csv_rows = (out / "poll_votes.csv").read_text(encoding="utf-8").splitlines()
    assert csv_rows[0] == "date,poll,question,answer,answer_text,votes"
    assert "2026-03-02,next-project,城市下一步该建什么？,walks,滨海步道,2" in csv_rows
    assert "total,next-project,城市下一步该建什么？,walks,滨海步道,3" in csv_rows
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "城市下一步该建什么？" in page and "滨海步道" in page and "自行车道" in page
    assert 'class="poll"' in page and "60" in page  # walks: 3 of 5 votes


# -- the view ---------------------------------------------------------------------------------


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_voting_on_screen_shows_the_results_and_they_stay_for_the_visit(qtbot: Any, tmp_path: Path) -> None:
    content = poll_content(tmp_path / "content")
    with running_kiosk(content, tmp_path, insights_db=tmp_path / "insights.db") as (kiosk, ops):
        ops.idle.set_enabled(False)
        kiosk.navigator.touch()
        kiosk.navigator.openExhibit("next-project")
        assert kiosk.settle()
        answer = item(kiosk, "pollAnswer_walks")
        assert min(answer.width(), answer.height()) >= 72
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         centre_of(answer))
        vote = item(kiosk, "pollVote")
        qtbot.waitUntil(lambda: vote.isEnabled())
        assert min(vote.width(), vote.height()) >= 48
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         centre_of(vote))
        qtbot.waitUntil(lambda: item(kiosk, "pollResults").isVisible())
        assert not item(kiosk, "pollAnswers").isVisible()
        assert item(kiosk, "pollYourChoice_walks").isVisible()
        assert not item(kiosk, "pollYourChoice_parks").isVisible()
        kiosk.navigator.back()
        assert kiosk.settle()
        kiosk.navigator.openExhibit("next-project")  # back to the poll in the same visit
        assert kiosk.settle()
        assert item(kiosk, "pollResults").isVisible()


def _accessible_name(target: Any) -> str:
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(target)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Name))


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_answers_and_bars_have_accessible_names_and_keys_vote(qtbot: Any, tmp_path: Path) -> None:
    content = poll_content(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        ops.idle.set_enabled(False)
        kiosk.navigator.touch()
        kiosk.navigator.openExhibit("next-project")
        assert kiosk.settle()
        answer = item(kiosk, "pollAnswer_cycling")
        assert _accessible_name(answer) == "Cycle paths"
        QTest.keyClick(kiosk.window, Qt.Key.Key_Down)  # the first key only shows where the focus is
        answer.forceActiveFocus()
        QTest.keyClick(kiosk.window, Qt.Key.Key_Return)  # choose
        assert item(kiosk, "pollVote").isEnabled()
        QTest.keyClick(kiosk.window, Qt.Key.Key_Return)  # and vote
        qtbot.waitUntil(lambda: item(kiosk, "pollResults").isVisible())
        assert _accessible_name(item(kiosk, "pollBar_cycling")) == "Cycle paths: 100 %, 1 vote, Your choice"
        assert _accessible_name(item(kiosk, "pollBar_parks")) == "Pocket parks: 0 %, 0 votes"
        kiosk.navigator.setLanguage("zh")
        assert kiosk.settle()
        assert _accessible_name(item(kiosk, "pollBar_cycling")).startswith("自行车道: 100")
        assert item(kiosk, "pollResults").isVisible()


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_staff_reset_from_the_panel_asks_first(qtbot: Any, tmp_path: Path) -> None:
    content = poll_content(tmp_path / "content")
    with running_kiosk(content, tmp_path, insights_db=tmp_path / "insights.db") as (kiosk, ops):
        polls = Polls.for_engine(kiosk.engine)
        kiosk.navigator.touch()
        assert polls.vote("next-project", "parks")
        ops.staff.openPinPad()
        enter(qtbot, ops.staff, STAFF_PIN, right=True)
        assert kiosk.wait_for_frame()

        def tap(name: str) -> None:
            QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             centre_of(item(kiosk, name)))

        tap("resetPollButton")
        assert kiosk.wait_for_frame()
        assert polls.results("next-project")["total"] == 1, "nothing is deleted before the confirmation"
        tap("cancelResetButton")
        assert kiosk.wait_for_frame()
        tap("resetPollButton")
        assert kiosk.wait_for_frame()
        tap("confirmResetButton")
        assert polls.results("next-project")["total"] == 0
