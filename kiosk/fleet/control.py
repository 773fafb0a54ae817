"""`kiosk ctl`'s other end: the running kiosk answers requests on a local socket.

    $ kiosk ctl status                       (kiosk.fleet.ctl_client)
    request  {"command": "status"}
    reply    {"ok": true, "screen": "floor-3", "place": {...}, ...}

Nothing listens on the network. The socket is a file in the state folder,
$XDG_STATE_HOME/kiosk/control.sock (KIOSK_CONTROL_SOCKET names another), that only the kiosk's
own user may open (mode 0600); a screen is reached from elsewhere through SSH. Each connection
carries one request, a JSON object on one line of at most 64 KiB, and gets one reply, a JSON
object on one line: `{"ok": true, ...}` or `{"ok": false, "error": "a plain sentence"}`; then the
kiosk closes it. A request that is not JSON, names no known command or gives an argument of the
wrong type gets such a refusal, never an exception. Everything runs on the GUI thread, apart from
encoding a screenshot (kiosk.fleet.control_actions holds the commands).
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kiosk.base.paths import ensure
from kiosk.fleet.control_actions import IDENTIFY_MS, ControlActions, ControlledKiosk, refusal
from kiosk.fleet.ctl_client import MAX_REQUEST_BYTES, MAX_SOCKET_PATH_BYTES, control_socket_path

log = logging.getLogger("kiosk.control")

CLIENT_TIMEOUT_MS = 10_000
"""A client that has not sent a whole request line within this time is dropped."""
MAX_REQUEST_NOTE = "A request is one line of JSON of at most 64 KiB."
EXAMPLE = '{"command": "status"}'


def answers(path: Path) -> bool:
    """Whether a program (another kiosk) accepts connections on the socket at `path` now."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(0.5)
    try:
        probe.connect(os.fspath(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


class _Client(QObject):
    """One connection: reads its request line, hands it over, writes the reply, closes."""

    def __init__(self, connection: QLocalSocket, handle: Callable[[bytes, _Client], None]) -> None:
        super().__init__(connection)  # goes with its connection
        self.connection = connection
        self._handle = handle
        self._buffer = bytearray()
        self._asked = False
        self._after: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=CLIENT_TIMEOUT_MS)
        self._timer.timeout.connect(self._drop)
        connection.readyRead.connect(self._on_ready_read)
        connection.disconnected.connect(self._on_disconnected)
        self._timer.start()
        if connection.bytesAvailable():
            self._on_ready_read()

    @Slot()
    def _on_ready_read(self) -> None:
        chunk = bytes(self.connection.readAll().data())
        if self._asked:
            return  # one request per connection: the rest is ignored
        self._buffer += chunk
        end = self._buffer.find(b"\n")
        if end < 0 and len(self._buffer) <= MAX_REQUEST_BYTES:
            return  # more to come
        self._asked = True
        self._timer.stop()
        if end < 0 or end > MAX_REQUEST_BYTES:
            self.reply(refusal(MAX_REQUEST_NOTE))
            return
        line = bytes(self._buffer[:end])
        self._buffer.clear()
        self._handle(line, self)

    def reply(self, answer: dict[str, Any], after: Callable[[], None] | None = None) -> None:
        """Write the reply line and close; `after` runs once the reply has left (or the client went)."""
        self._after = after
        if not shiboken6.isValid(self.connection) or (
                self.connection.state() != QLocalSocket.LocalSocketState.ConnectedState):
            self._finish()
            return
        self.connection.write((json.dumps(answer, ensure_ascii=False) + "\n").encode("utf-8"))
        self.connection.flush()
        self.connection.disconnectFromServer()  # after the pending bytes are written
        if self.connection.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._finish()

    def reply_failure(self, error: BaseException) -> None:
        """Work off the GUI thread ended with an error (already logged): say so."""
        self.reply(refusal(f"The kiosk could not finish the request: {error}. The log file has the details."))

    @Slot()
    def _drop(self) -> None:
        log.info("a control client sent no whole request within %d s; closed", CLIENT_TIMEOUT_MS // 1000)
        self._asked = True
        self.connection.abort()

    @Slot()
    def _on_disconnected(self) -> None:
        self._timer.stop()
        self._finish()
        self.connection.deleteLater()

    def _finish(self) -> None:
        after, self._after = self._after, None
        if after is not None:
            QTimer.singleShot(0, after)


class ControlServer(QObject):
    """Listens on the control socket and answers `kiosk ctl` for the running kiosk."""

    def __init__(
        self,
        kiosk: ControlledKiosk,
        *,
        screen_name: str,
        path: Path | None = None,
        identify_ms: int = IDENTIFY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or kiosk.kiosk_window.engine)
        self.path = path or control_socket_path()
        self.actions = ControlActions(kiosk, screen_name, identify_ms=identify_ms, parent=self)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.setMaxPendingConnections(16)
        self._server.newConnection.connect(self._on_new_connection)
        self.listening = self._listen()

    def _listen(self) -> bool:
        path = self.path
        if len(os.fsencode(path)) > MAX_SOCKET_PATH_BYTES:
            log.error("the control socket path %s is longer than %d bytes; kiosk ctl is off",
                      path, MAX_SOCKET_PATH_BYTES)
            return False
        try:
            ensure(path.parent)
        except OSError as error:
            log.error("cannot make the folder for the control socket %s: %s; kiosk ctl is off", path, error)
            return False
        if answers(path):
            log.error("another kiosk already answers on %s; kiosk ctl reaches that one, not this one", path)
            return False
        QLocalServer.removeServer(os.fspath(path))  # left by a kiosk that did not close cleanly
        if not self._server.listen(os.fspath(path)):
            log.error("cannot listen on the control socket %s: %s; kiosk ctl is off",
                      path, self._server.errorString())
            return False
        try:
            os.chmod(path, 0o600)
        except OSError as error:
            log.warning("cannot make the control socket %s owner-only: %s", path, error)
        log.info("kiosk ctl answers on %s", path)
        return True

    @Slot()
    def _on_new_connection(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            _Client(connection, self._handle)

    def _handle(self, line: bytes, client: _Client) -> None:
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            client.reply(refusal(f"The request is not valid JSON; send one line such as {EXAMPLE}."))
            return
        if not isinstance(request, dict) or not isinstance(request.get("command"), str):
            client.reply(refusal(f'A request is a JSON object with a "command", such as {EXAMPLE}.'))
            return
        command: str = request["command"]
        action = self.actions.commands.get(command)
        if action is None:
            known = ", ".join(self.actions.commands)
            client.reply(refusal(f"There is no command '{command[:80]}'; the commands are {known}."))
            return
        try:
            action(request, client)
        except Exception as error:  # a request must never take the kiosk down
            log.exception("kiosk ctl %s failed", command)
            client.reply(refusal(f"The kiosk could not carry out '{command}': {error}. "
                                 "The log file has the details."))

    def close(self) -> None:
        """Stop answering and remove the socket file (the kiosk closes)."""
        self.actions.close()
        if self._server.isListening():
            self._server.close()
            log.info("kiosk ctl no longer answers on %s", self.path)
