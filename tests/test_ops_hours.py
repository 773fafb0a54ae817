"""Opening hours on screen: the closed screen at the right time, the timer set to the next change."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTime, QUrl
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.content.load import load_exhibition
from kiosk.content.model import Hours as HoursSettings
from kiosk.ops.hours import Hours, closed_at_start, closed_notice, opening_in_english, set_display_power
from kiosk.ops.schedule import WEEKDAYS, Schedule
from tests.ops_helpers import QUIET_MEDIA, item, running_kiosk, visit
from tests.rtl_content import SIX_LANGUAGES, write_six_language_exhibition
from tests.test_ops_idle import touch
from tests.test_ops_staff import press_corner
from tests.ui_helpers import EXHIBITION_YAML, walk, write_sample_exhibition

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


REPO = Path(__file__).resolve().parent.parent


def running_clock(start: dt.datetime) -> object:
    """A clock that starts at `start` and runs at the real pace (so Qt timers line up with it)."""
    origin = time.monotonic()
    return lambda: start + dt.timedelta(seconds=time.monotonic() - origin)


class HeldClock:
    """A clock that shows `start` until `release()`, then runs from there at the real pace: the
    kiosk may take its time to start (a busy computer) without the moment under test passing."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self.released: float | None = None

    def release(self) -> None:
        self.released = time.monotonic()

    def __call__(self) -> dt.datetime:
        if self.released is None:
            return self.start
        return self.start + dt.timedelta(seconds=time.monotonic() - self.released)


def texts_in(root: QQuickItem) -> list[str]:
    """The text of every visible Text under `root`."""
    return [str(child.property("text")) for child in walk(root)
            if child.isVisible() and child.inherits("QQuickText")]


def test_timer_is_set_to_the_next_change(qtbot) -> None:
    hours = Hours(clock=lambda: dt.datetime.combine(TUESDAY, dt.time(16, 0)), display_power=lambda on: None)
    hours.configure(WEEKLY)
    assert hours.is_open
    assert hours.next_change_ms() == 3600 * 1000
    assert hours._timer.isActive() and hours._timer.remainingTime() <= 3600 * 1000
    assert hours.describe() == "open until Tue 17:00"
    assert hours.describe("zh") == "开放至 周二 17:00"
    assert hours.describe("de") == "geöffnet bis Di. 17:00"


def test_no_hours_means_always_open_and_no_timer(qtbot) -> None:
    hours = Hours(display_power=lambda on: None)
    hours.configure(None)
    assert hours.is_open and not hours._timer.isActive()
    assert hours.describe() == "open" and hours.describe("ru") == "открыто"


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
    now = [dt.datetime.combine(TUESDAY, dt.time(16, 59))]
    with running_kiosk(content, tmp_path, clock=lambda: now[0]) as (kiosk, ops):
        closed = item(kiosk, "closedScreen")
        assert not closed.isVisible()
        visit(kiosk, ops, lambda: kiosk.navigator.touch(), enable=False)
        now[0] = dt.datetime.combine(TUESDAY, dt.time(17, 0))
        ops.hours.refresh()  # what the timer does at closing time (test_closes_exactly_at_closing_time)
        assert not ops.hours.is_open
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
    clock = HeldClock(dt.datetime.combine(TUESDAY, dt.time(8, 59, 59, 800_000)))
    with running_kiosk(content, tmp_path, clock=clock) as (kiosk, ops):
        assert item(kiosk, "closedScreen").isVisible()
        with qtbot.waitSignal(ops.hours.opened, timeout=5000):
            clock.release()
        assert not item(kiosk, "closedScreen").isVisible()
        assert ops.staff.property("schedule") == "open until Tue 17:00"


# -- closed hours that visitors understand ----------------------------------------------------

MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0)
TWELVE = ("en", "zh", "zh-Hant", "ar", "fr", "de", "es", "it", "pt", "ru", "ja", "ko")
NO_SLIDE_YAML = HOURS_YAML.replace("  closed_slide: media/plan.png\n", "")


def short_time(code: str, hour: int, minute: int = 0) -> str:
    return QLocale(code).toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)


@pytest.mark.parametrize(
    ("opening", "english", "chinese"),
    [
        (dt.datetime(2026, 11, 23, 13, 0), "Closed now · Opens today at 1:00\u202fPM",
         "现已闭馆 · 今天 13:00 开放"),
        (dt.datetime(2026, 11, 24, 9, 0), "Closed now · Opens tomorrow at 9:00\u202fAM",
         "现已闭馆 · 明天 09:00 开放"),
        (dt.datetime(2026, 11, 26, 9, 30), "Closed now · Opens Thursday at 9:30\u202fAM",
         "现已闭馆 · 星期四 09:30 开放"),
        (dt.datetime(2026, 12, 5, 10, 0), "Closed now · Opens Saturday, December 5, 2026 at 10:00\u202fAM",
         "现已闭馆 · 2026年12月5日星期六 10:00 开放"),
        (None, "Closed", "闭馆"),
    ],
)
def test_the_closed_words_name_the_next_opening(
    opening: dt.datetime | None, english: str, chinese: str
) -> None:
    lines = closed_notice(["en", "zh"], opening, MONDAY_NOON)
    assert [line["line"] for line in lines] == [english, chinese]
    assert lines[0]["closed"] == ("Closed now" if opening else "Closed")


def test_every_interface_language_says_closed_and_when_it_opens_in_its_own_way() -> None:
    thursday = dt.datetime(2026, 11, 26, 9, 30)
    lines = closed_notice(TWELVE, thursday, MONDAY_NOON)
    for code, line in zip(TWELVE, lines, strict=True):
        assert line["code"] == code
        assert short_time(code, 9, 30) in line["opens"], line
        assert QLocale(code).dayName(4, QLocale.FormatType.LongFormat) in line["opens"], line
        assert line["line"] == f"{line['closed']} · {line['opens']}"
    assert len({line["closed"] for line in lines}) == len(TWELVE), "each language has its own words"
    tomorrow = closed_notice(TWELVE, dt.datetime(2026, 11, 24, 9, 0), MONDAY_NOON)
    assert all(line["opens"] != week["opens"] for line, week in zip(tomorrow, lines, strict=True))


def test_a_long_closure_still_names_the_day_it_opens_again() -> None:
    closure = HoursSettings.model_validate({
        "weekly": {"tuesday": ["09:00-17:00"]},
        "exceptions": [{"date": f"2026-{day}", "hours": []} for day in ("11-24", "12-01", "12-08", "12-15")],
    })
    state = Schedule(closure).state(MONDAY_NOON)
    assert not state.open and state.until == dt.datetime(2026, 12, 22, 9, 0)
    never = HoursSettings.model_validate({"weekly": {}})
    assert Schedule(never).state(MONDAY_NOON).until is None


def test_the_words_change_from_tomorrow_to_today_at_midnight(qtbot) -> None:
    hours = Hours(clock=running_clock(dt.datetime(2026, 11, 23, 23, 59, 59, 500_000)),
                  display_power=lambda on: None)
    hours.configure(WEEKLY)
    assert hours.notice()[0]["opens"] == f"Opens tomorrow at {short_time('en', 9)}"
    with qtbot.waitSignal(hours.noticeChanged, timeout=5000):
        pass
    assert hours.notice()[0]["opens"] == f"Opens today at {short_time('en', 9)}"
    assert not hours.is_open


def test_the_run_sentence_says_when_it_opens(tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + HOURS_YAML, encoding="utf-8")
    exhibition = load_exhibition(content).exhibition
    monday = dt.datetime(2026, 11, 23, 20, 0)
    assert closed_at_start(exhibition, Path("content"), monday) == (
        "kiosk run: the exhibition is closed now (opening hours in content/exhibition.yaml); "
        "it opens tomorrow 09:00. The closed screen is showing.")
    assert closed_at_start(exhibition, Path("content"), monday.replace(hour=8)).endswith(
        "it opens tomorrow 09:00. The closed screen is showing.")
    wednesday_evening = dt.datetime(2026, 11, 25, 18, 0)
    assert "it opens Tuesday 09:00." in str(closed_at_start(exhibition, content, wednesday_evening))
    assert closed_at_start(exhibition, content, dt.datetime(2026, 11, 24, 10, 0)) is None, "open"
    far = dt.datetime(2026, 12, 22, 9, 0)
    assert opening_in_english(far, MONDAY_NOON) == "Tuesday 22 December 2026 09:00"


def test_the_closed_slide_is_shown_with_the_words_and_the_display_stays_on(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_display_power import calls, fake_tools

    monkeypatch.setenv("DISPLAY", ":99")
    xset_log = fake_tools(tmp_path / "bin", monkeypatch, xset="")
    content = write_sample_exhibition(tmp_path / "content")
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + HOURS_YAML, encoding="utf-8")
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(16, 59, 59, 500_000)))
    with running_kiosk(content, tmp_path, clock=clock, display_power=set_display_power) as (kiosk, ops):
        qtbot.waitUntil(lambda: not ops.hours.is_open, timeout=5000)
        assert calls(xset_log) == [], "the display stays on to show the closed slide"
        closed = item(kiosk, "closedScreen")
        qtbot.waitUntil(lambda: not closed.property("loading"), timeout=5000)
        slide = item(kiosk, "closedSlideImage")
        assert slide.isVisible() and slide.property("source").toLocalFile() == str(content / "media/plan.png")
        assert slide.property("paintedWidth") > 0
        assert item(kiosk, "closedNotice").isVisible()
        assert item(kiosk, "closedTitle").property("text") == "Closed now"
        assert item(kiosk, "closedOpens").property("text") == f"Opens tomorrow at {short_time('en', 9)}"
        assert "现已闭馆 · 明天 09:00 开放" in texts_in(closed)
        touch(kiosk.window, QPoint(960, 300))
        qtbot.waitUntil(lambda: item(kiosk, "closedNotice").property("pulsing"), timeout=2000)
        assert kiosk.navigator.property("screen") == "attract"
        assert calls(xset_log) == []


def test_waking_the_display_leaves_its_sleep_to_the_kiosk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_display_power import calls, fake_tools

    monkeypatch.setenv("DISPLAY", ":99")
    log = fake_tools(tmp_path / "bin", monkeypatch, xset="")
    assert set_display_power(False) and calls(log) == ["xset dpms force off"]
    assert set_display_power(True)
    assert calls(log)[1:] == ["xset dpms force on", "xset -dpms"], \
        "no X server timeout blanks the screen during opening hours"
    fake_tools(tmp_path / "bin", monkeypatch, xset="exit 1")
    assert not set_display_power(False), "a failed switch is not a dark display"


def test_without_a_slide_the_display_sleeps_and_a_touch_shows_the_words(qtbot, tmp_path: Path) -> None:
    power: list[bool] = []

    def switch(on: bool) -> bool:
        power.append(on)
        return True

    content = write_sample_exhibition(tmp_path / "content")
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + NO_SLIDE_YAML, encoding="utf-8")
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(16, 59, 59, 500_000)))
    with running_kiosk(content, tmp_path, clock=clock, display_power=switch) as (kiosk, ops):
        ops.hours.wake_ms = 400
        qtbot.waitUntil(lambda: not ops.hours.is_open, timeout=5000)
        notice = item(kiosk, "closedNotice")
        assert power == [False] and not notice.isVisible() and not item(kiosk, "closedSlideImage").isVisible()
        touch(kiosk.window, QPoint(960, 540))
        assert power == [False, True], "a touch wakes the display at once"
        assert notice.isVisible() and item(kiosk, "closedTitle").property("text") == "Closed now"
        qtbot.waitUntil(lambda: power == [False, True, False], timeout=5000)
        assert not notice.isVisible()
        assert kiosk.navigator.property("screen") == "attract"


def test_staff_reach_the_pin_pad_on_a_sleeping_closed_screen(qtbot, tmp_path: Path) -> None:
    power: list[bool] = []
    content = write_sample_exhibition(tmp_path / "content")
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + NO_SLIDE_YAML, encoding="utf-8")
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(18, 0)))
    with running_kiosk(content, tmp_path, clock=clock,
                       display_power=lambda on: power.append(on) or True) as (kiosk, ops):
        ops.hours.wake_ms = 200
        assert power == [False]
        press_corner(qtbot, kiosk, ops, QPoint(10, 10))
        press_corner(qtbot, kiosk, ops, QPoint(1910, 1070))
        assert ops.staff.property("pinPadOpen") and item(kiosk, "pinPad").isVisible()
        assert power[-1] is True
        with qtbot.assertNotEmitted(ops.hours.displayChanged, wait=600):
            pass  # the PIN pad keeps the display awake longer than a touch would
        assert power[-1] is True
        ops.staff.closeAll()
        qtbot.waitUntil(lambda: power[-1] is False, timeout=5000)


def test_each_exhibition_language_is_on_the_closed_screen(qtbot, tmp_path: Path) -> None:
    content = write_six_language_exhibition(tmp_path / "content")
    yaml = (content / "exhibition.yaml").read_text(encoding="utf-8")
    (content / "exhibition.yaml").write_text(yaml + NO_SLIDE_YAML, encoding="utf-8")
    clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(20, 0)))
    with running_kiosk(content, tmp_path, clock=clock) as (kiosk, _ops):
        closed = item(kiosk, "closedScreen")
        assert closed.isVisible() and item(kiosk, "closedNotice").isVisible()
        shown = texts_in(closed)
        for code in SIX_LANGUAGES[1:]:
            expected = closed_notice([code], dt.datetime(2026, 11, 25, 9, 0), clock())[0]["line"]
            assert expected in shown, (code, shown)
        assert "明天 09:00 开放" in " ".join(shown) and "غدًا" in " ".join(shown)


def test_kiosk_run_windowed_says_in_the_terminal_that_it_is_closed(tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    in_two_days = WEEKDAYS[(dt.date.today().weekday() + 2) % 7]
    hours = f"hours:\n  weekly:\n    {in_two_days}: [\"09:00-17:00\"]\n  closed_slide: media/plan.png\n"
    (content / "exhibition.yaml").write_text(EXHIBITION_YAML + hours, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    errors = tmp_path / "stderr.txt"
    with errors.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", str(content), "--windowed"],
                                   cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 90  # detects a hang, not a speed
        while "The closed screen is showing." not in errors.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, errors.read_text(encoding="utf-8")
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
            assert process.poll() is None, errors.read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    output = errors.read_text(encoding="utf-8")
    assert f"kiosk run: the exhibition is closed now (opening hours in {content / 'exhibition.yaml'}); " \
           "it opens " in output
