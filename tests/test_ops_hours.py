"""Opening hours on screen: the closed screen at the right time, the timer set to the next change."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest

from kiosk.content.model import Hours as HoursSettings
from kiosk.ops.hours import Hours
from tests.ops_helpers import QUIET_MEDIA, item, running_kiosk, visit
from tests.test_ops_idle import touch
from tests.ui_helpers import EXHIBITION_YAML, write_sample_exhibition

pytestmark = QUIET_MEDIA

TUESDAY = dt.date(2026, 11, 24)
WEEKLY = HoursSettings.model_validate({"weekly": {"tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"]}})
HOURS_YAML = """\
hours:
  weekly:
    tuesday: ["09:00-17:00"]
    wednesday: ["09:00-17:00"]
  closed_slide: media/plan.png
"""


def running_clock(start: dt.datetime) -> object:
    """A clock that starts at `start` and runs at the real pace (so Qt timers line up with it)."""
    origin = time.monotonic()
    return lambda: start + dt.timedelta(seconds=time.monotonic() - origin)


def test_timer_is_set_to_the_next_change(qtbot) -> None:
    hours = Hours(clock=lambda: dt.datetime.combine(TUESDAY, dt.time(16, 0)), display_power=lambda on: None)
    hours.configure(WEEKLY)
    assert hours.is_open
    assert hours.next_change_ms() == 3600 * 1000
    assert hours._timer.isActive() and hours._timer.remainingTime() <= 3600 * 1000
    assert hours.describe() == "open until Tue 17:00"


def test_no_hours_means_always_open_and_no_timer(qtbot) -> None:
    hours = Hours(display_power=lambda on: None)
    hours.configure(None)
    assert hours.is_open and not hours._timer.isActive()


def test_closes_exactly_at_closing_time(qtbot) -> None:
    power: list[bool] = []
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(16, 59, 59, 800_000)))
    hours = Hours(clock=clock, display_power=power.append)
    hours.configure(WEEKLY)
    assert hours.is_open
    with qtbot.waitSignal(hours.closed, timeout=5000):
        pass
    assert clock() >= dt.datetime.combine(TUESDAY, dt.time(17, 0))
    assert not hours.is_open
    assert power == [False]
    assert hours.state.until == dt.datetime.combine(TUESDAY + dt.timedelta(days=1), dt.time(9, 0))


def test_closed_screen_hides_the_exhibition_and_ignores_touches(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + HOURS_YAML, encoding="utf-8")
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(16, 59, 59)))
    with running_kiosk(content, tmp_path, clock=clock) as (kiosk, ops):
        closed = item(kiosk, "closedScreen")
        assert not closed.isVisible()
        visit(kiosk, ops, lambda: kiosk.navigator.touch(), enable=False)
        qtbot.waitUntil(lambda: not ops.hours.is_open, timeout=5000)
        assert closed.isVisible()
        assert kiosk.navigator.property("screen") == "attract", "closing ends the visit"
        assert QUrl(ops.hours.property("closedSlide")).toLocalFile() == str(content / "media/plan.png")
        assert "closed until Wed 09:00" in ops.staff.property("schedule")
        touch(kiosk.window, QPoint(960, 540))
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(960, 540))
        assert kiosk.navigator.property("screen") == "attract", "touches do nothing while closed"
        assert not ops.idle._idle_timer.isActive()


def test_opens_at_opening_time(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + HOURS_YAML, encoding="utf-8")
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(8, 59, 59, 800_000)))
    with running_kiosk(content, tmp_path, clock=clock) as (kiosk, ops):
        assert item(kiosk, "closedScreen").isVisible()
        with qtbot.waitSignal(ops.hours.opened, timeout=5000):
            pass
        assert not item(kiosk, "closedScreen").isVisible()
        assert ops.staff.property("schedule") == "open until Tue 17:00"
