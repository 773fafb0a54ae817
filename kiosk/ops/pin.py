"""The staff PIN: stored only as a salted scrypt hash, checked with a growing lockout that a
restart does not undo.

New hashes use scrypt with N = 2^17, r = 8, p = 1 (128 MiB and about half a second a guess, so
a stolen hash of a short PIN does not fall in minutes). Hashes made with other settings (older
kiosks used N = 2^14) still verify, and are made again with the current ones after the next
right PIN. The wrong-PIN count and the end of a lockout are kept in the state folder.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.base.paths import config_dir, ensure, state_dir

log = logging.getLogger("kiosk.staff")

N, R, P = 2**17, 8, 1
MAX_SCRYPT_MEMORY = 1024**3
"""A stored hash asking for more memory than this is refused rather than computed."""
FREE_TRIES = 3
FIRST_LOCKOUT_SECONDS = 30.0
MAX_LOCKOUT_SECONDS = 15 * 60.0


def pin_file() -> Path:
    return config_dir() / "staff-pin"


def lockout_file() -> Path:
    return state_dir() / "staff-pin-lockout.json"


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    memory = 128 * r * (n + p + 2)  # what scrypt itself needs, with room to spare below
    if memory > MAX_SCRYPT_MEMORY:
        raise ValueError("scrypt settings ask for too much memory")
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=2 * memory)


def hash_pin(pin: str, *, salt: bytes | None = None, n: int = N) -> str:
    """`scrypt$N$r$p$salt$digest` (hex); `n` other than N only to make older hashes in tests."""
    salt = salt or secrets.token_bytes(16)
    return f"scrypt${n}${R}${P}${salt.hex()}${_scrypt(pin, salt, n, R, P).hex()}"


def _settings(stored: str) -> tuple[int, int, int] | None:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        return int(parts[1]), int(parts[2]), int(parts[3])
    except ValueError:
        return None


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.strip().split("$")
        if scheme != "scrypt":
            return False
        candidate = _scrypt(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    except (ValueError, MemoryError, OverflowError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def needs_new_hash(stored: str) -> bool:
    """Whether a stored hash was made with other settings than today's."""
    return _settings(stored) != (N, R, P)


@dataclass(frozen=True)
class PinCheck:
    """The outcome of checking one PIN: right or not, and a stronger hash to store, if any."""

    right: bool
    new_hash: str | None = None


def check_pin(pin: str, stored: str | None) -> PinCheck:
    """Check `pin` against `stored` (slow on purpose: call it off the GUI thread)."""
    if stored is None or not verify_pin(pin, stored):
        return PinCheck(False)
    return PinCheck(True, hash_pin(pin) if needs_new_hash(stored) else None)


def valid_pin_text(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


def write_atomic_private(path: Path, text: str) -> None:
    """Write `text` readable by the kiosk's user only, all at once (temporary file, rename)."""
    ensure(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:  # mkstemp makes it 0600
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_pin_hash(stored: str, path: Path | None = None) -> Path:
    path = path or pin_file()
    write_atomic_private(path, stored.strip() + "\n")
    return path


def write_pin(pin: str, path: Path | None = None) -> Path:
    """Store the hash of `pin` (readable by the kiosk's user only)."""
    if not valid_pin_text(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    return write_pin_hash(hash_pin(pin), path)


def read_pin_hash(path: Path | None = None) -> str | None:
    try:
        text = (path or pin_file()).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def lockout_seconds(failures: int) -> float:
    """How long the pad stays locked after `failures` wrong PINs in a row (0 for the free tries)."""
    if failures < FREE_TRIES:
        return 0.0
    steps = min(failures - FREE_TRIES, 32)  # far past the maximum already
    return float(min(FIRST_LOCKOUT_SECONDS * 2**steps, MAX_LOCKOUT_SECONDS))


def _failures_for_longest_lockout() -> int:
    failures = FREE_TRIES
    while lockout_seconds(failures) < MAX_LOCKOUT_SECONDS:
        failures += 1
    return failures


class PinGate:
    """Checks PIN attempts. After FREE_TRIES wrong PINs, each further one locks the pad for
    twice as long as the last (30 s, 60 s, 120 s ... up to 15 minutes). A right PIN resets it.

    With a `lockout_path` the count and the end of the lockout are kept in that file, so a
    restart changes nothing. The end is stored as wall-clock time but never waits longer than
    MAX_LOCKOUT_SECONDS from now (a clock set wrong cannot lock staff out for years); a damaged
    file counts as the longest lockout, just begun."""

    def __init__(
        self,
        stored_hash: str | None,
        clock: Callable[[], float] = time.monotonic,
        *,
        lockout_path: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.stored_hash = stored_hash
        self.clock = clock
        self.wall_clock = wall_clock
        self.lockout_path = lockout_path
        self.failures = 0
        self.locked_until = 0.0
        """On `clock`'s scale."""
        self._save_failed = False
        if lockout_path is not None:
            self._load(lockout_path)

    @property
    def configured(self) -> bool:
        return self.stored_hash is not None

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        """Check `pin` here and now (slow: the PIN pad checks on a worker with `check_pin`)."""
        if self.stored_hash is None or self.seconds_locked() > 0:
            return False
        right = check_pin(pin, self.stored_hash).right
        self.record(right)
        return right

    def record(self, right: bool) -> None:
        """Count one checked attempt: a right PIN resets the count, a wrong one may lock."""
        if right:
            self.failures, self.locked_until = 0, 0.0
        else:
            self.failures += 1
            lockout = lockout_seconds(self.failures)
            if lockout > 0:
                self.locked_until = self.clock() + lockout
        self._save()

    # -- the lockout file ---------------------------------------------------------------------

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            failures, until = data["failures"], data["locked_until"]
            if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
                raise ValueError("the count is not a whole number")
            if isinstance(until, bool) or not isinstance(until, int | float) or not math.isfinite(until):
                raise ValueError("the end of the lockout is not a time")
        except (FileNotFoundError, NotADirectoryError):  # no lockout kept yet
            return
        except (OSError, ValueError, TypeError, KeyError) as error:
            log.warning("the staff PIN lockout file %s is damaged (%s): the PIN pad stays locked for "
                        "%d minutes", path, error, MAX_LOCKOUT_SECONDS // 60)
            self.failures = _failures_for_longest_lockout()
            self.locked_until = self.clock() + MAX_LOCKOUT_SECONDS
            self._save()
            return
        self.failures = failures
        remaining = min(max(0.0, float(until) - self.wall_clock()), MAX_LOCKOUT_SECONDS)
        self.locked_until = self.clock() + remaining if remaining > 0 else 0.0

    def _save(self) -> None:
        if self.lockout_path is None:
            return
        until = self.wall_clock() + self.seconds_locked() if self.seconds_locked() > 0 else 0.0
        text = json.dumps({"failures": self.failures, "locked_until": round(until, 3)}) + "\n"
        try:
            write_atomic_private(self.lockout_path, text)
        except OSError as error:
            if not self._save_failed:
                log.warning("cannot keep the staff PIN lockout in %s: %s", self.lockout_path, error)
            self._save_failed = True
            return
        self._save_failed = False
