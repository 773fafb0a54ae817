"""The staff PIN: stored only as a salted scrypt hash, checked with a growing lockout."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.ops.paths import config_dir, ensure

N, R, P = 2**14, 8, 1
FREE_TRIES = 3
FIRST_LOCKOUT_SECONDS = 30.0
MAX_LOCKOUT_SECONDS = 15 * 60.0


def pin_file() -> Path:
    return config_dir() / "staff-pin"


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.strip().split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(
            pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def valid_pin_text(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


def write_pin(pin: str, path: Path | None = None) -> Path:
    """Store the hash of `pin` (readable by the kiosk's user only)."""
    if not valid_pin_text(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    path = path or pin_file()
    ensure(path.parent)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(hash_pin(pin) + "\n")
    os.replace(temporary, path)
    return path


def read_pin_hash(path: Path | None = None) -> str | None:
    try:
        text = (path or pin_file()).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


class PinGate:
    """Checks PIN attempts. After FREE_TRIES wrong PINs, each further one locks the pad for
    twice as long as the last (30 s, 60 s, 120 s ... up to 15 minutes). A right PIN resets it."""

    def __init__(self, stored_hash: str | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.stored_hash = stored_hash
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    @property
    def configured(self) -> bool:
        return self.stored_hash is not None

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        if self.stored_hash is None or self.seconds_locked() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= FREE_TRIES:
            steps = self.failures - FREE_TRIES
            lockout = min(FIRST_LOCKOUT_SECONDS * 2**steps, MAX_LOCKOUT_SECONDS)
            self.locked_until = self.clock() + lockout
        return False
