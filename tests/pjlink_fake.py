"""A PJLink class 1 projector on 127.0.0.1, for tests: greeting with or without a password,
%1POWR 0/1/?, ERRA for a wrong password, ERR3 while warming up or cooling down, ERR4 on a
failure, and a projector that accepts the connection and never says a word."""

from __future__ import annotations

import hashlib
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Projector:
    password: str | None = None
    power: str = "0"  # 0 off, 1 on, 2 cooling down, 3 warming up
    warms_up: bool = False
    """Switching on leaves it warming up ("3") until `warmed()`; a command meanwhile gets ERR3."""
    failure: bool = False
    silent: bool = False
    random: str = "498e4a67"
    commands: list[str] = field(default_factory=list)
    """Every command received, without the authentication prefix."""
    refused_passwords: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    quiet: threading.Event = field(default_factory=threading.Event)

    def warmed(self) -> None:
        with self.lock:
            if self.power == "3":
                self.power = "1"

    def answer(self, line: str) -> str:
        """The reply to one command line (authentication prefix included)."""
        if self.password is not None:
            digest = hashlib.md5((self.random + self.password).encode(), usedforsecurity=False).hexdigest()
            if not line.startswith(digest):
                with self.lock:
                    self.refused_passwords += 1
                return "PJLINK ERRA"
            line = line[len(digest):]
        with self.lock:
            self.commands.append(line)
            if not line.startswith("%1POWR "):
                return f"{line[:6]}=ERR1"
            parameter = line[len("%1POWR "):]
            if parameter == "?":
                return f"%1POWR={self.power}"
            if parameter not in ("0", "1"):
                return "%1POWR=ERR2"
            if self.failure:
                return "%1POWR=ERR4"
            if self.power in ("2", "3"):
                return "%1POWR=ERR3"
            self.power = "3" if parameter == "1" and self.warms_up else parameter
            return "%1POWR=OK"


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        projector = self.server.projector
        if projector.silent:
            projector.quiet.wait(30)  # until the test ends
            return
        greeting = "PJLINK 0" if projector.password is None else f"PJLINK 1 {projector.random}"
        self.request.sendall(greeting.encode() + b"\r")
        data = b""
        while b"\r" not in data:
            chunk = self.request.recv(256)
            if not chunk:
                return
            data += chunk
        line = data.split(b"\r", 1)[0].decode("ascii")
        self.request.sendall(projector.answer(line).encode() + b"\r")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, projector: Projector) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.projector = projector


@contextmanager
def fake_projector(projector: Projector | None = None) -> Iterator[tuple[Projector, int]]:
    """The projector, listening on 127.0.0.1: yields it and its port."""
    projector = projector or Projector()
    server = _Server(projector)
    thread = threading.Thread(target=server.serve_forever, name="fake pjlink", daemon=True)
    thread.start()
    try:
        yield projector, server.server_address[1]
    finally:
        projector.quiet.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
