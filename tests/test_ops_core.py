"""Operations without a screen: opening hours, the staff PIN, last-good snapshots, systemd hooks."""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

import pytest

from kiosk.content.model import Hours
from kiosk.ops import pin, watchdog
from kiosk.ops.install import unit_text
from kiosk.ops.schedule import Schedule
from kiosk.ops.snapshot import fingerprint, load_for_startup
from tests.content_factory import FLOOR, make_content

HOURS = Hours.model_validate(
    {
        "weekly": {
            "tuesday": ["09:00-12:00", "13:00-17:00"],
            "wednesday": ["09:00-17:00"],
            "saturday": ["10:00-24:00"],
        },
        "exceptions": [{"date": "2026-12-02", "hours": [], "note": "Inventory day"}],
    }
)
TUESDAY = dt.date(2026, 11, 24)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def test_no_hours_means_always_open() -> None:
    state = Schedule(None).state(at(TUESDAY, "03:00"))
    assert state.open and state.until is None


@pytest.mark.parametrize(
    ("hhmm", "is_open", "until"),
    [
        ("08:59", False, "09:00"),
        ("09:00", True, "12:00"),
        ("12:30", False, "13:00"),
        ("16:59", True, "17:00"),
    ],
)
def test_weekly_hours_with_a_lunch_break(hhmm: str, is_open: bool, until: str) -> None:
    state = Schedule(HOURS).state(at(TUESDAY, hhmm))
    assert state.open is is_open
    assert state.until == at(TUESDAY, until)


def test_closed_in_the_evening_until_the_next_opening_day() -> None:
    state = Schedule(HOURS).state(at(TUESDAY, "17:00"))
    assert not state.open
    assert state.until == at(TUESDAY + dt.timedelta(days=1), "09:00")


def test_open_until_midnight() -> None:
    saturday = TUESDAY + dt.timedelta(days=4)
    state = Schedule(HOURS).state(at(saturday, "23:30"))
    assert state.open
    assert state.until == at(saturday + dt.timedelta(days=1), "00:00")


def test_dated_exception_closes_a_normal_day() -> None:
    state = Schedule(HOURS).state(at(dt.date(2026, 12, 2), "10:00"))
    assert not state.open
    assert state.note == "Inventory day"


def test_pin_is_stored_only_as_a_salted_scrypt_hash(tmp_path: Path) -> None:
    path = pin.write_pin("482913", tmp_path / "staff-pin")
    stored = path.read_text().strip()
    assert "482913" not in stored
    assert stored.startswith("scrypt$")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert pin.verify_pin("482913", stored)
    assert not pin.verify_pin("482914", stored)
    assert pin.hash_pin("482913") != pin.hash_pin("482913")  # salted
    with pytest.raises(ValueError):
        pin.write_pin("12", tmp_path / "other")


def test_wrong_pins_lock_the_pad_for_longer_each_time() -> None:
    now = [1000.0]
    gate = pin.PinGate(pin.hash_pin("2468"), clock=lambda: now[0])
    for _ in range(pin.FREE_TRIES - 1):
        assert not gate.attempt("0000")
        assert gate.seconds_locked() == 0
    assert not gate.attempt("0000")
    assert gate.seconds_locked() == pin.FIRST_LOCKOUT_SECONDS
    assert not gate.attempt("2468"), "the right PIN is refused while locked"
    now[0] += pin.FIRST_LOCKOUT_SECONDS
    assert not gate.attempt("1111")
    assert gate.seconds_locked() == 2 * pin.FIRST_LOCKOUT_SECONDS
    now[0] += 1000
    assert gate.attempt("2468")
    assert gate.failures == 0


def test_no_pin_configured_never_opens() -> None:
    gate = pin.PinGate(None)
    assert not gate.configured
    assert not gate.attempt("0000")


def test_bad_edit_falls_back_to_the_last_good_snapshot(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    snapshot = tmp_path / "state" / "last-good"
    first = load_for_startup(content, snapshot)
    assert first.shown.exhibition is not None and not first.from_snapshot
    assert (snapshot / "current" / "floors" / "1-ground.yaml").is_file()
    assert first.root == (snapshot / "current").resolve() and first.root.name.startswith(fingerprint(content))

    (content / "floors" / "1-ground.yaml").write_text(FLOOR.replace("number: 1", "number: ???"))
    (content / "media" / "map.png").unlink()
    after = load_for_startup(content, snapshot)
    assert after.current.has_errors
    assert after.from_snapshot
    assert after.shown.exhibition is not None
    assert after.root == first.root


def test_bad_edit_without_a_snapshot_reports_errors(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", floor=FLOOR.replace("number: 1", "number: x"))
    started = load_for_startup(content, tmp_path / "none")
    assert started.shown.exhibition is None
    assert started.current.has_errors and not started.from_snapshot


def test_sd_notify_reaches_a_listening_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        assert watchdog.sd_notify("READY=1")
        assert server.recv(64) == b"READY=1"
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not watchdog.sd_notify("READY=1")


def test_watchdog_interval_is_half_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert watchdog.heartbeat_interval_ms() == 15000
    monkeypatch.setenv("WATCHDOG_PID", "1")
    assert watchdog.heartbeat_interval_ms() is None


def test_systemd_unit_restarts_and_watches(tmp_path: Path) -> None:
    text = unit_text(tmp_path / "my content", kiosk_command="/opt/kiosk/bin/kiosk")
    assert "Restart=always" in text
    assert "WatchdogSec=30" in text
    assert "Type=notify" in text
    assert f"ExecStart=/opt/kiosk/bin/kiosk run '{tmp_path / 'my content'}'" in text


def test_each_content_folder_has_its_own_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.ops.snapshot import default_snapshot_dir

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    first = default_snapshot_dir(tmp_path / "hall-a" / "content")
    second = default_snapshot_dir(tmp_path / "hall-b" / "content")
    assert first != second
    assert first.parent == tmp_path / "state" / "kiosk" / "last-good"
