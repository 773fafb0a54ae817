"""The staff PIN's hash and its lockout, without a window: scrypt settings, older hashes, and a
lockout that a restart, a clock set wrong or a damaged file cannot undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.ops import pin

PIN = "2468"
HASH = pin.hash_pin(PIN)
OLDER_HASH = pin.hash_pin(PIN, n=2**14)


class Clocks:
    """A monotonic clock that starts again at each restart, and a wall clock."""

    def __init__(self) -> None:
        self.monotonic = 50.0
        self.wall = 1_800_000_000.0

    def advance(self, seconds: float) -> None:
        self.monotonic += seconds
        self.wall += seconds

    def restart(self) -> None:
        self.monotonic = 7.0


def gate(path: Path, clocks: Clocks) -> pin.PinGate:
    return pin.PinGate(HASH, clock=lambda: clocks.monotonic, lockout_path=path,
                       wall_clock=lambda: clocks.wall)


@pytest.fixture
def lockout(tmp_path: Path) -> Path:
    return tmp_path / "state" / "kiosk" / "staff-pin-lockout.json"


def test_new_hashes_use_scrypt_with_n_2_17_r_8_p_1(tmp_path: Path) -> None:
    path = pin.write_pin(PIN, tmp_path / "staff-pin")
    scheme, n, r, p, salt, digest = path.read_text(encoding="ascii").strip().split("$")
    assert (scheme, n, r, p) == ("scrypt", "131072", "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert pin.verify_pin(PIN, path.read_text(encoding="ascii"))
    assert not pin.needs_new_hash(HASH)
    assert not pin.verify_pin(PIN, "scrypt$1073741824$8$1$00$00"), "128 GiB: refused, never tried"


def test_an_older_hash_still_verifies_and_a_right_pin_brings_a_stronger_one() -> None:
    assert OLDER_HASH.split("$")[1] == "16384" and pin.needs_new_hash(OLDER_HASH)
    assert pin.verify_pin(PIN, OLDER_HASH)
    assert pin.check_pin("1111", OLDER_HASH) == pin.PinCheck(False)
    upgraded = pin.check_pin(PIN, OLDER_HASH)
    assert upgraded.right and upgraded.new_hash is not None
    assert upgraded.new_hash.split("$")[1:4] == ["131072", "8", "1"]
    assert pin.verify_pin(PIN, upgraded.new_hash)
    assert pin.check_pin(PIN, HASH) == pin.PinCheck(True), "a current hash stays as it is"
    assert pin.check_pin(PIN, None) == pin.PinCheck(False)


def test_the_lockout_survives_a_restart(lockout: Path) -> None:
    clocks = Clocks()
    first = gate(lockout, clocks)
    for _ in range(pin.FREE_TRIES):
        first.record(False)
    assert first.seconds_locked() == pin.FIRST_LOCKOUT_SECONDS
    clocks.advance(10)

    clocks.restart()
    again = gate(lockout, clocks)

    assert again.failures == pin.FREE_TRIES
    assert again.seconds_locked() == pytest.approx(pin.FIRST_LOCKOUT_SECONDS - 10, abs=0.01)
    assert not again.attempt(PIN), "the right PIN waits too"
    clocks.advance(pin.FIRST_LOCKOUT_SECONDS)
    again.record(False)
    assert again.seconds_locked() == 2 * pin.FIRST_LOCKOUT_SECONDS, "and the next one is longer"
    assert oct(lockout.stat().st_mode & 0o777) == "0o600"
    assert oct(lockout.parent.stat().st_mode & 0o777) == "0o700"


def test_a_right_pin_clears_the_kept_lockout(lockout: Path) -> None:
    clocks = Clocks()
    first = gate(lockout, clocks)
    first.record(False)
    first.record(True)
    assert json.loads(lockout.read_text(encoding="utf-8")) == {"failures": 0, "locked_until": 0.0}
    assert gate(lockout, clocks).failures == 0


@pytest.mark.parametrize("jump", [10 * 365 * 86400.0, -10 * 365 * 86400.0])
def test_a_clock_set_wrong_never_locks_for_longer_than_the_longest_lockout(
    lockout: Path, jump: float
) -> None:
    clocks = Clocks()
    first = gate(lockout, clocks)
    for _ in range(pin.FREE_TRIES + 10):
        first.record(False)
    assert first.seconds_locked() == pin.MAX_LOCKOUT_SECONDS
    if jump > 0:  # the lock-until written while the clock was years ahead
        data = json.loads(lockout.read_text(encoding="utf-8"))
        lockout.write_text(json.dumps({**data, "locked_until": data["locked_until"] + jump}))
    else:  # or the clock went back by years after the lockout was written
        clocks.wall += jump

    clocks.restart()
    assert gate(lockout, clocks).seconds_locked() == pin.MAX_LOCKOUT_SECONDS


@pytest.mark.parametrize("text", [
    "{not json", '{"failures": -1, "locked_until": 0}', '{"failures": "3", "locked_until": 0}',
    '{"failures": 3}', '[1, 2]', '{"failures": 3, "locked_until": NaN}', "\x00\xff",
])
def test_a_damaged_lockout_file_keeps_the_pad_locked(lockout: Path, text: str) -> None:
    lockout.parent.mkdir(parents=True)
    lockout.write_text(text, encoding="latin-1")
    clocks = Clocks()

    damaged = gate(lockout, clocks)

    assert damaged.seconds_locked() == pin.MAX_LOCKOUT_SECONDS
    assert pin.lockout_seconds(damaged.failures + 1) == pin.MAX_LOCKOUT_SECONDS
    clocks.advance(60)
    clocks.restart()
    assert gate(lockout, clocks).seconds_locked() == pytest.approx(pin.MAX_LOCKOUT_SECONDS - 60, abs=0.01), \
        "the file is whole again: the lockout runs on, it does not start over"


def test_a_huge_count_is_the_longest_lockout_at_once() -> None:
    assert pin.lockout_seconds(10**12) == pin.MAX_LOCKOUT_SECONDS
    assert [pin.lockout_seconds(n) for n in range(pin.FREE_TRIES + 2)][-3:] == [0.0, 30.0, 60.0]


def test_an_unwritable_state_folder_keeps_the_lockout_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    clocks = Clocks()
    stuck = gate(blocker / "staff-pin-lockout.json", clocks)
    for _ in range(pin.FREE_TRIES):
        stuck.record(False)
    assert stuck.seconds_locked() == pin.FIRST_LOCKOUT_SECONDS
