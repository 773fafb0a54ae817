"""Staff access: the hidden corner gesture, the PIN pad with its lockout, and the panel's actions."""

from __future__ import annotations

import dataclasses
import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

import kiosk.ops.stopping as stopping_module
from kiosk.ops import pin
from kiosk.ops.crash import RESTART_EXIT_CODE, CrashHandler, defer_to_ui_thread, prepare_ui_thread
from kiosk.ops.gesture import CornerGesture, corner_at
from kiosk.ops.staff import NO_PIN_MESSAGE, Staff, format_duration
from tests.ops_helpers import (
    QUIET_MEDIA,
    SHORT,
    STAFF_PIN,
    STAFF_PIN_HASH,
    centre_of,
    item,
    running_kiosk,
    visit,
)
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA
W, H = 1920, 1080


@pytest.fixture(autouse=True)
def own_state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps its PIN lockout in its own state folder (a lockout outlives the kiosk)."""
    folder = tmp_path / "own-state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def hold(gesture: CornerGesture, clock: Clock, x: float, y: float, seconds: float) -> bool:
    gesture.press(x, y, W, H)
    clock.now += seconds
    done = gesture.check()
    return gesture.release() or done


# -- the gesture (pure logic) ------------------------------------------------------------------

def test_corners_are_small_squares() -> None:
    assert corner_at(5, 5, W, H) == "top-left"
    assert corner_at(W - 1, H - 1, W, H) == "bottom-right"
    assert corner_at(W - 100, 50, W, H) == "top-right"
    assert corner_at(130, 5, W, H) is None
    assert corner_at(960, 540, W, H) is None


def test_hold_one_corner_then_the_opposite_opens() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, 10, 10, 3.0)
    clock.now += 2.0
    assert hold(gesture, clock, W - 10, H - 10, 3.0)


def test_the_other_diagonal_works_too() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, W - 10, 10, 3.0)
    assert hold(gesture, clock, 10, H - 10, 3.0)


def test_one_corner_only_never_opens() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    for _ in range(4):
        assert not hold(gesture, clock, 10, 10, 4.0)


def test_an_adjacent_corner_does_not_count() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, 10, 10, 3.0)
    assert not hold(gesture, clock, W - 10, 10, 3.0)  # top-right is not opposite top-left
    assert hold(gesture, clock, 10, H - 10, 3.0)  # ... but it became the first corner


def test_short_presses_do_not_count() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, 10, 10, 2.9)
    assert not hold(gesture, clock, W - 10, H - 10, 3.0)


def test_too_slow_between_corners() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, 10, 10, 3.0)
    clock.now += 5.5
    assert not hold(gesture, clock, W - 10, H - 10, 3.0)


def test_sliding_out_of_the_corner_cancels_the_hold() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, 10, 10, 3.0)
    gesture.press(W - 10, H - 10, W, H)
    clock.now += 1.0
    gesture.move(W - 400, H - 10, W, H)
    clock.now += 2.5
    assert not gesture.check()
    assert not gesture.release()


def test_wrong_order_second_corner_held_before_the_first_is_done() -> None:
    clock = Clock()
    gesture = CornerGesture(3, 5, clock=clock)
    assert not hold(gesture, clock, 10, 10, 1.0)  # too short: no first corner yet
    assert not hold(gesture, clock, W - 10, H - 10, 3.0)  # so this is only the first corner


def test_uptime_reads_well() -> None:
    assert format_duration(42) == "42 s"
    assert format_duration(3 * 60) == "3 min"
    assert format_duration(2 * 3600 + 14 * 60) == "2 h 14 min"
    assert format_duration(50 * 3600) == "2 d 2 h"


# -- gesture, PIN pad and panel in the running kiosk ------------------------------------------

def press_corner(qtbot, kiosk, ops, point: QPoint) -> None:
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    deadline = ops.staff.gesture.hold_deadline()
    qtbot.waitUntil(lambda: ops.staff.gesture.clock() >= deadline and not ops.staff._hold.isActive(),
                    timeout=5000)
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_the_corner_gesture_opens_the_pin_pad(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        press_corner(qtbot, kiosk, ops, QPoint(10, 10))
        assert not ops.staff.property("pinPadOpen")
        press_corner(qtbot, kiosk, ops, QPoint(1910, 1070))
        assert ops.staff.property("pinPadOpen")
        assert item(kiosk, "pinPad").isVisible()


def tap(kiosk, name: str) -> None:
    QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre_of(item(kiosk, name)))


def test_the_right_pin_on_the_pad_opens_the_panel(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        ops.staff.openPinPad()
        assert kiosk.wait_for_frame()
        for digit in STAFF_PIN:
            tap(kiosk, f"pinKey{digit}")
        assert ops.staff.property("digits") == len(STAFF_PIN)
        assert item(kiosk, "pinDots").childItems().__len__() >= len(STAFF_PIN)
        with qtbot.waitSignal(ops.staff.pinChecked, timeout=CHECK_MS) as checked:
            tap(kiosk, "pinKeyOK")
            # the slow check runs on a worker: the pad is drawn meanwhile, saying so, keys off
            assert ops.staff.property("checking") and not ops.staff.property("panelOpen")
            assert kiosk.wait_for_frame()
            assert item(kiosk, "pinMessage").property("text") == "Checking the PIN…"
            assert not item(kiosk, "pinKey1").isEnabled()
        assert checked.args == [True]
        assert ops.staff.property("panelOpen")
        assert not ops.staff.property("pinPadOpen")
        assert item(kiosk, "staffPanel").isVisible()
        assert min(item(kiosk, "pinKey1").width(), item(kiosk, "pinKey1").height()) >= 72


def test_wrong_pins_lock_the_pad_with_a_countdown(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        staff = ops.staff
        staff.openPinPad()
        for _attempt in range(pin.FREE_TRIES):
            enter(qtbot, staff, "0000", right=False)
            assert not staff.property("panelOpen")
        assert staff.property("lockedSeconds") == int(pin.FIRST_LOCKOUT_SECONDS)
        staff.digit("1")
        assert staff.property("digits") == 0, "the pad takes no digits while locked"
        for digit in STAFF_PIN:
            staff.digit(digit)
        with qtbot.assertNotEmitted(staff.pinChecked):
            staff.submit()
        assert not staff.property("panelOpen"), "even the right PIN waits for the lockout"
        assert "Try again in" in item(kiosk, "pinMessage").property("text")


def test_without_a_pin_the_pad_says_how_to_set_one(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, pin_source=lambda: None) as (_kiosk, ops):
        ops.staff.openPinPad()
        assert ops.staff.property("pinMessage") == NO_PIN_MESSAGE
        assert not ops.staff.property("pinConfigured")


CHECK_MS = 20_000
"""Generous: one scrypt check takes about half a second, longer on a busy test computer."""


def enter(qtbot, staff, digits: str, *, right: bool) -> None:
    """Type a PIN on the pad and wait for its check."""
    for digit in digits:
        staff.digit(digit)
    with qtbot.waitSignal(staff.pinChecked, timeout=CHECK_MS) as checked:
        staff.submit()
    assert checked.args == [right]


def open_panel(qtbot, ops) -> None:
    ops.staff.openPinPad()
    enter(qtbot, ops.staff, STAFF_PIN, right=True)
    assert ops.staff.property("panelOpen")


def test_panel_actions_call_the_right_things(qtbot, tmp_path: Path, monkeypatch) -> None:
    exits: list[int] = []

    class FakeApplication:
        @staticmethod
        def exit(code: int) -> None:
            exits.append(code)

    monkeypatch.setattr(stopping_module, "QCoreApplication", FakeApplication)
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        open_panel(qtbot, ops)
        assert kiosk.wait_for_frame()
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000):
            tap(kiosk, "reloadButton")
        tap(kiosk, "screenTestButton")
        assert item(kiosk, "screenTest").isVisible()
        tap(kiosk, "closeScreenTest")
        assert item(kiosk, "staffPanel").isVisible()
        ops.staff.setVolume(0.4)
        assert abs(ops.playback.property("volume") - 0.4) < 1e-6
        tap(kiosk, "restartButton")
        assert exits == [RESTART_EXIT_CODE]
        assert ops.lockdown.released
        tap(kiosk, "exitButton")
        assert exits == [RESTART_EXIT_CODE, 0]
        tap(kiosk, "closePanelButton")
        assert not ops.staff.property("panelOpen")


def test_exit_is_hidden_when_not_allowed(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        ops.staff.configure(3, 5, allow_exit=False)
        open_panel(qtbot, ops)
        assert not item(kiosk, "exitButton").isVisible()
        with qtbot.assertNotEmitted(ops.staff.exitRequested):
            ops.staff.exitToDesktop()


def test_screen_test_draws_a_dot_where_touched(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        open_panel(qtbot, ops)
        ops.staff.showScreenTest(True)
        assert kiosk.wait_for_frame()
        before = len(item(kiosk, "screenTest").childItems())
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(700, 400))
        assert len(item(kiosk, "screenTest").childItems()) == before + 1


def test_the_panel_closes_by_itself(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    timings = dataclasses.replace(SHORT, panel_timeout_ms=200)
    with running_kiosk(content, tmp_path, timings=timings) as (_kiosk, ops):
        open_panel(qtbot, ops)
        with qtbot.waitSignal(ops.staff.panelClosed, timeout=5000):
            pass
        assert not ops.staff.property("panelOpen")


def test_visits_are_counted(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        for _ in range(3):
            visit(kiosk, ops, lambda: kiosk.navigator.touch(), lambda: kiosk.navigator.resetToAttract())
        assert ops.staff.property("sessionsToday") == 3


def test_an_unexpected_error_is_logged_shown_to_staff_and_resets_the_visit(
    qtbot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        handler = CrashHandler(ops.on_unexpected_error, lambda callback: callback())
        visit(kiosk, ops, lambda: kiosk.navigator.touch())
        try:
            raise ValueError("a broken exhibit")
        except ValueError:
            with caplog.at_level(logging.ERROR, logger="kiosk.crash"):
                handler.excepthook(*sys.exc_info())
        assert "Traceback" in caplog.text and "a broken exhibit" in caplog.text
        assert "ValueError: a broken exhibit" in ops.staff.property("lastError")
        assert kiosk.navigator.property("screen") == "attract"


def test_an_error_in_a_worker_thread_reaches_the_ui_thread(qtbot) -> None:
    prepare_ui_thread()
    seen: list[str] = []
    handler = CrashHandler(seen.append, defer_to_ui_thread)
    handler.install()
    try:
        def fail() -> None:
            raise OSError("disk gone")

        worker = threading.Thread(target=fail, name="content-check")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: seen == ["OSError: disk gone"], timeout=5000)
    finally:
        handler.uninstall()


# -- the PIN pad across a restart ----------------------------------------------------------------

def test_a_restart_does_not_reset_the_lockout(qtbot, own_state_folder: Path) -> None:
    first = Staff()
    first.set_pin_source(lambda: STAFF_PIN_HASH)
    first.openPinPad()
    for _attempt in range(pin.FREE_TRIES):
        enter(qtbot, first, "0000", right=False)
    assert first.property("lockedSeconds") == int(pin.FIRST_LOCKOUT_SECONDS)

    restarted = Staff()  # the kiosk started again, with the same state folder
    restarted.set_pin_source(lambda: STAFF_PIN_HASH)
    restarted.openPinPad()
    assert 0 < restarted.property("lockedSeconds") <= int(pin.FIRST_LOCKOUT_SECONDS)
    assert restarted.gate.failures == pin.FREE_TRIES
    for digit in STAFF_PIN:
        restarted.digit(digit)
    with qtbot.assertNotEmitted(restarted.pinChecked):
        restarted.submit()
    assert not restarted.property("panelOpen")
    lockout = own_state_folder / "kiosk" / "staff-pin-lockout.json"
    assert oct(lockout.stat().st_mode & 0o777) == "0o600"
    first.closeAll()
    restarted.closeAll()


def test_an_older_pin_hash_is_made_stronger_by_the_next_right_pin(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "staff-pin"
    pin.write_pin_hash(pin.hash_pin(STAFF_PIN, n=2**14), path)
    staff = Staff()
    staff.set_pin_source(lambda: pin.read_pin_hash(path), lambda stronger: pin.write_pin_hash(stronger, path))
    staff.openPinPad()
    enter(qtbot, staff, "1357", right=False)
    assert (pin.read_pin_hash(path) or "").split("$")[1] == "16384", "a wrong PIN changes nothing"

    enter(qtbot, staff, STAFF_PIN, right=True)

    assert staff.property("panelOpen")
    stored = pin.read_pin_hash(path)
    assert stored is not None and stored.split("$")[1:4] == ["131072", "8", "1"]
    assert pin.verify_pin(STAFF_PIN, stored) and not pin.verify_pin("1357", stored)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    staff.closeAll()
