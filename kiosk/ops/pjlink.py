"""PJLink class 1: switching a projector on and off over the network (TCP port 4352). No Qt here.

A short exchange per command, on a fresh connection each time:

    projector: PJLINK 0                     no password set on the projector
               PJLINK 1 498e4a67            a password is set: this is the random number
    kiosk:     %1POWR 0                     switch off ("1" on, "?" asks the power state); with a
                                            password, prefixed with MD5(random + password) in hex
    projector: %1POWR=OK                    or ERR1 (unknown command), ERR2 (bad parameter),
                                            ERR3 (not now: warming up or cooling down), ERR4
                                            (projector failure); PJLINK ERRA: wrong password

Every line ends with a carriage return. The whole exchange has one deadline; nothing here blocks
longer than the timeout given.
"""

from __future__ import annotations

import hashlib
import socket
import time
from dataclasses import dataclass

PORT = 4352
TERMINATOR = b"\r"
MAX_LINE = 256
POWER_STATES = {"0": "off", "1": "on", "2": "cooling down", "3": "warming up"}
ERRORS = {
    "ERR1": "the projector does not know the power command",
    "ERR2": "the projector refused the power command's parameter",
    "ERR3": "the projector is busy (warming up or cooling down) and cannot switch now",
    "ERR4": "the projector reports a failure (lamp, fan, temperature or cover: see its front panel)",
}


class PJLinkError(Exception):
    """A command that did not work, in plain words; `kind` says which way it failed."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "auth", "busy", "failure", "refused", "timeout", "unreachable", "protocol"

    @property
    def busy(self) -> bool:
        return self.kind == "busy"


@dataclass(frozen=True)
class Projector:
    host: str
    port: int = PORT
    password: str | None = None
    timeout: float = 5.0

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


class _Line:
    """Reads carriage-return terminated lines before a deadline."""

    def __init__(self, connection: socket.socket, deadline: float, where: str) -> None:
        self.connection, self.deadline, self.where = connection, deadline, where
        self.buffer = b""

    def read(self) -> str:
        while TERMINATOR not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise PJLinkError("timeout", f"the projector at {self.where} did not answer in time")
            self.connection.settimeout(left)
            try:
                chunk = self.connection.recv(MAX_LINE)
            except TimeoutError:
                raise PJLinkError("timeout", f"the projector at {self.where} did not answer in time") \
                    from None
            except OSError as error:
                raise PJLinkError("unreachable", f"the connection to {self.where} broke: {_reason(error)}") \
                    from None
            if not chunk:
                raise PJLinkError("protocol", f"the projector at {self.where} closed the connection "
                                  "without answering")
            self.buffer += chunk
            if len(self.buffer) > MAX_LINE and TERMINATOR not in self.buffer:
                raise PJLinkError("protocol", f"{self.where} does not speak PJLink (a line too long)")
        line, _, self.buffer = self.buffer.partition(TERMINATOR)
        return line.decode("ascii", "replace").strip()


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def exchange(projector: Projector, command: str) -> str:
    """Send one class 1 command ("POWR 1") and return the projector's answer after '='
    ("OK", "0".."3"); raises PJLinkError with a plain message for anything else."""
    deadline = time.monotonic() + projector.timeout
    where = projector.where
    try:
        connection = socket.create_connection((projector.host, projector.port), timeout=projector.timeout)
    except TimeoutError:
        raise PJLinkError("timeout", f"no answer from {where} (is the projector on the network?)") from None
    except ConnectionRefusedError:
        raise PJLinkError("refused", f"{where} refused the connection (is PJLink switched on in the "
                          "projector's network menu, and is the port right?)") from None
    except OSError as error:
        raise PJLinkError("unreachable", f"cannot reach {where}: {_reason(error)}") from None
    with connection:
        lines = _Line(connection, deadline, where)
        greeting = lines.read()
        prefix = ""
        if greeting == "PJLINK ERRA":
            raise PJLinkError("auth", f"the projector at {where} refused the password")
        if greeting.startswith("PJLINK 1 "):
            if not projector.password:
                raise PJLinkError("auth", f"the projector at {where} asks for a password: add 'password' "
                                  "to its display_power entry")
            random = greeting.removeprefix("PJLINK 1 ").strip()
            secret = (random + projector.password).encode("utf-8")
            prefix = hashlib.md5(secret, usedforsecurity=False).hexdigest()
        elif greeting != "PJLINK 0":
            raise PJLinkError("protocol", f"{where} does not speak PJLink (it said {greeting[:40]!r})")
        try:
            connection.sendall(f"{prefix}%1{command}".encode("ascii") + TERMINATOR)
        except OSError as error:
            raise PJLinkError("unreachable", f"cannot send to {where}: {_reason(error)}") from None
        return _answer(lines.read(), command, where)


def _answer(reply: str, command: str, where: str) -> str:
    if reply == "PJLINK ERRA":
        raise PJLinkError("auth", f"the projector at {where} refused the password")
    name = command.split(" ", 1)[0]
    head = f"%1{name}="
    if not reply.upper().startswith(head):
        raise PJLinkError("protocol", f"{where} gave an answer that is not PJLink: {reply[:40]!r}")
    value = reply[len(head):].strip()
    if value.upper() in ERRORS:
        kind = {"ERR3": "busy", "ERR4": "failure"}.get(value.upper(), "protocol")
        raise PJLinkError(kind, f"{ERRORS[value.upper()]} ({where})")
    return value


def set_power(projector: Projector, on: bool) -> None:
    """Switch the projector on or off; raises PJLinkError."""
    answer = exchange(projector, f"POWR {1 if on else 0}")
    if answer.upper() != "OK":
        raise PJLinkError("protocol", f"{projector.where} answered {answer[:40]!r} to the power command")


def power_state(projector: Projector) -> str:
    """'on', 'off', 'cooling down' or 'warming up' (asking changes nothing); raises PJLinkError."""
    answer = exchange(projector, "POWR ?")
    if answer not in POWER_STATES:
        raise PJLinkError("protocol", f"{projector.where} answered {answer[:40]!r} to the power question")
    return POWER_STATES[answer]
