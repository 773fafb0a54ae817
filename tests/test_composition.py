"""The composition root: one session, and every part of the running kiosk follows it.

`kiosk.composition.assemble` builds the kiosk around a window; these tests check that its parts
hear the same session (a visit that ends, ends once, for all of them), and that each part is
small enough to read: no more than six collaborators.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest

from kiosk import composition
from kiosk.app.access import Access
from kiosk.insights import schema
from kiosk.ops.closing_time import ClosingTime
from kiosk.ops.readiness import Readiness
from kiosk.ops.staff_desk import StaffDesk
from kiosk.ops.stopping import Stopping
from kiosk.ops.visitor_guard import VisitorGuard
from kiosk.session import VisitEnded, VisitStarted
from tests.ops_helpers import QUIET_MEDIA, running_kiosk, visit
from tests.ui_helpers import write_sample_exhibition

pytestmark = [QUIET_MEDIA, pytest.mark.both_rigs]

REPO = Path(__file__).resolve().parent.parent
PARTS = (VisitorGuard, StaffDesk, ClosingTime, Stopping, Readiness)
"""The operations parts the composition root puts together."""


def visit_ends(session: Any) -> list[str]:
    """The reasons of the visits `session` ends from now on."""
    reasons: list[str] = []
    session.subscribe(VisitEnded, lambda event: reasons.append(event.reason))
    return reasons


def end_reasons(db: Path) -> list[str]:
    connection = schema.connect(db, readonly=True)
    try:
        return [row[0] for row in connection.execute("SELECT end_reason FROM sessions ORDER BY started")]
    finally:
        connection.close()


def test_an_idle_timeout_ends_the_visit_once_for_every_part(qtbot: Any, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    db = tmp_path / "state" / "insights.db"
    with running_kiosk(content, tmp_path, insights_db=db, screen_name="hall-test") as (window, kiosk):
        session = kiosk.session
        assert window.session is session and window.navigator.session is session
        assert kiosk.reloader.session is session
        ended = visit_ends(session)
        started: list[int] = []
        session.subscribe(VisitStarted, lambda event: started.append(event.number))
        access = Access.for_engine(window.engine)
        visit(window, kiosk, window.navigator.touch, lambda: window.navigator.openFloor("port"),
              lambda: access.set_mode("large-text", True))
        assert session.visiting and started == [1]
        assert kiosk.staff.property("sessionsToday") == 1, "the panel counts the session's visits"
        assert access.property("modes") == ["large-text"]
        with qtbot.waitSignals([window.navigator.dismissed, kiosk.idle.resetDone], timeout=10_000,
                               order="strict"):
            pass  # nobody touches: open pickers close as the countdown starts, then it runs out
        assert ended == ["idle"], "one visit ended, once"
        assert not session.visiting and not kiosk.idle.counting
        assert window.navigator.property("screen") == "attract"
        assert access.property("modes") == [], "the access modes went with the visitor"
        assert kiosk.insights.writer is not None and kiosk.insights.writer.flush()
        assert end_reasons(db) == ["idle"], "the statistics recorded that one visit"

        visit(window, kiosk, window.navigator.touch)
        assert started == [1, 2] and session.visits_today() == 2
        assert kiosk.staff.property("sessionsToday") == 2


def test_an_error_and_closing_time_end_the_visit_through_the_session(qtbot: Any, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (window, kiosk):
        ended = visit_ends(kiosk.session)
        visit(window, kiosk, window.navigator.touch)
        kiosk.on_unexpected_error("RuntimeError: a broken exhibit view")
        assert ended == ["error"] and window.navigator.property("screen") == "attract"
        assert "a broken exhibit view" in kiosk.staff.property("lastError")

        visit(window, kiosk, window.navigator.touch)
        kiosk.hours.closed.emit()  # closing time
        assert ended == ["error", "closing"] and not kiosk.session.visiting
        assert not kiosk.idle._idle_timer.isActive(), "idle rests while the kiosk is closed"


def test_new_content_waits_for_the_end_of_the_visit(qtbot: Any, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (window, kiosk):
        visit(window, kiosk, window.navigator.touch, enable=False)
        shown = kiosk.session.root
        with qtbot.waitSignal(kiosk.reloader.checked, timeout=10_000):
            kiosk.reloader.reload_now()
        assert kiosk.reloader.pending is not None and kiosk.session.root == shown, "not during a visit"
        with qtbot.waitSignal(kiosk.reloader.swapped, timeout=10_000):
            kiosk.session.end_visit("home")
        assert kiosk.session.root != shown and kiosk.reloader.shown_root == kiosk.session.root


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__name__)
def test_no_part_holds_more_than_six_collaborators(part: type) -> None:
    names = [name for name in inspect.signature(part.__init__).parameters if name not in ("self", "parent")]
    assert len(names) <= 6, f"{part.__name__} takes {names}"


def test_one_composition_root_builds_the_kiosk() -> None:
    assert not (REPO / "kiosk" / "ops" / "operations.py").exists()
    assert not (REPO / "kiosk" / "app" / "run.py").exists()
    run = inspect.getsource(composition.main)
    steps = ["setup_logging()", "load_for_startup(", "load_for_run(", "QGuiApplication(",
             "ExhibitionSession()", "KioskWindow(", "assemble(", "start_health(", "app.exec()",
             "health.close()", "kiosk.close()", "kiosk_window.shut_down()"]
    places = [run.index(step) for step in steps]
    assert places == sorted(places), "start-up in order, and closing in reverse"
    start_up = [REPO / "kiosk" / "composition.py", REPO / "kiosk" / "app" / "bootstrap.py"]
    start_up += [REPO / "kiosk" / "ops" / f"{part.__module__.rsplit('.', 1)[1]}.py" for part in PARTS]
    for source in start_up:
        text = source.read_text(encoding="utf-8")
        assert "find_spec" not in text and "except ImportError" not in text, source
        assert "hasattr(" not in text and '"attract"' not in text, source
