"""`kiosk ctl`: act on the kiosk running on this computer, through its control socket.

    kiosk ctl status                 the kiosk's state as JSON (screen, place, language, content ...)
    kiosk ctl screenshot FILE        a PNG of exactly what visitors see
    kiosk ctl reload                 check the content folder now and show it if valid
    kiosk ctl restart                close the kiosk with exit code 75 (systemd starts it again)
    kiosk ctl identify               the screen's name, large, for 10 seconds
    kiosk ctl volume [LEVEL]         the volume (0 to 1), set or shown
    kiosk ctl go PLACE               open a floor, section or exhibit by its id

From another computer: `ssh kiosk@screen kiosk ctl screenshot /tmp/s.png`. Exit codes: 0 done,
1 the kiosk refused or failed (the reason is printed), 2 no kiosk answers here. No Qt here, so the
command starts at once; the other end is kiosk.fleet.control.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk.base.paths import state_dir

SOCKET_VARIABLE = "KIOSK_CONTROL_SOCKET"
MAX_REQUEST_BYTES = 64 * 1024
MAX_SOCKET_PATH_BYTES = 107
"""The longest path a local socket may have on Linux (sun_path holds 108 bytes, with its end)."""
MAX_REPLY_BYTES = 1024 * 1024
TIMEOUT_S = 15.0
SLOW_TIMEOUT_S = {"reload": 120.0, "screenshot": 60.0}
"""Commands that may take longer: a content check of a large folder, a screenshot of a busy screen."""


class NoKiosk(Exception):
    """Nothing answers on the control socket."""


class NoAnswer(Exception):
    """The kiosk did not answer in time, or its answer was cut off."""


def control_socket_path() -> Path:
    """$KIOSK_CONTROL_SOCKET, else $XDG_STATE_HOME/kiosk/control.sock.

    A state folder too deep for a socket's address (107 bytes) gets a short name in the runtime
    folder instead, the same for the kiosk and for `kiosk ctl`."""
    given = os.environ.get(SOCKET_VARIABLE, "")
    if given:
        return Path(given)
    path = state_dir() / "control.sock"
    if len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES:
        return path
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and Path(runtime).is_absolute() else Path(tempfile.gettempdir())
    return folder / f"kiosk-control-{hashlib.sha256(os.fsencode(path)).hexdigest()[:16]}.sock"


def no_kiosk_message(path: Path) -> str:
    return (f"No kiosk is running here (no control socket at {path}). "
            "Start it with 'kiosk run' or 'systemctl --user start kiosk'.")


def send_line(path: Path, line: bytes, timeout: float = TIMEOUT_S) -> dict[str, Any]:
    """Send one request line as it is, and return the kiosk's reply (a JSON object)."""
    deadline = time.monotonic() + timeout
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.settimeout(timeout)
        try:
            connection.connect(os.fspath(path))
        except (FileNotFoundError, ConnectionRefusedError, NotADirectoryError) as error:
            raise NoKiosk(no_kiosk_message(path)) from error
        connection.sendall(line)
        received = bytearray()
        while b"\n" not in received:
            connection.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
            if len(received) > MAX_REPLY_BYTES:
                raise NoAnswer("The kiosk's reply was too long to be one.")
    except TimeoutError:
        raise NoAnswer(f"The kiosk did not answer within {timeout:.0f} s; it may be busy or stuck "
                       "(its log file tells more).") from None
    except PermissionError:
        raise NoAnswer(f"This user may not open the control socket {path}; "
                       "run kiosk ctl as the user that runs the kiosk.") from None
    finally:
        connection.close()
    reply_line = bytes(received).split(b"\n", 1)[0]
    try:
        reply = json.loads(reply_line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise NoAnswer("The kiosk closed the connection without a whole answer.") from None
    if not isinstance(reply, dict):
        raise NoAnswer("The kiosk's answer was not a JSON object.")
    return reply


def request(command: str, arguments: dict[str, Any] | None = None, *, socket_path: Path | None = None,
            timeout: float | None = None) -> dict[str, Any]:
    """One command to the running kiosk; its reply: {"ok": true, ...} or {"ok": false, "error": ...}."""
    line = json.dumps({**(arguments or {}), "command": command}, ensure_ascii=False).encode("utf-8") + b"\n"
    wait = timeout if timeout is not None else SLOW_TIMEOUT_S.get(command, TIMEOUT_S)
    return send_line(socket_path or control_socket_path(), line, wait)


# -- the command line ----------------------------------------------------------------------

def _level(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a volume from 0 to 1, like 0.6") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options and actions of `kiosk ctl`."""
    socket_help = f"the control socket (default: ${SOCKET_VARIABLE}, else $XDG_STATE_HOME/kiosk/control.sock)"
    parser.add_argument("--socket", type=Path, metavar="PATH", help=socket_help)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("status", help="the kiosk's state as JSON")
    shot = actions.add_parser("screenshot", help="a PNG of exactly what visitors see")
    shot.add_argument("file", type=Path, help="where to write the PNG")
    actions.add_parser("reload", help="check the content folder now; show it when valid")
    actions.add_parser("restart", help="close the kiosk with exit code 75 (systemd starts it again)")
    actions.add_parser("identify", help="the screen's name, large, for 10 seconds")
    volume = actions.add_parser("volume", help="show the volume, or set it (0 to 1)")
    volume.add_argument("level", nargs="?", type=_level, help="from 0 (silent) to 1 (full)")
    go = actions.add_parser("go", help="open a floor, section or exhibit by its id")
    go.add_argument("place", help="a floor, section or exhibit id")
    for action in actions.choices.values():
        action.add_argument("--socket", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                            help=socket_help)


def _arguments(args: argparse.Namespace) -> dict[str, Any]:
    if args.action == "screenshot":
        return {"path": os.path.abspath(args.file)}
    if args.action == "volume" and args.level is not None:
        return {"level": args.level}
    if args.action == "go":
        return {"place": args.place}
    return {}


def describe(action: str, reply: dict[str, Any]) -> str:
    """The one-line sentence for a successful reply (status prints its JSON instead)."""
    if action == "screenshot":
        return f"Saved a {reply.get('width')}x{reply.get('height')} screenshot to {reply.get('path')}."
    if action == "volume":
        return f"The volume is {round(float(reply.get('level', 0)) * 100)}%."
    return str(reply.get("message", "Done."))


def main(args: argparse.Namespace) -> int:
    path = args.socket or control_socket_path()
    try:
        reply = request(args.action, _arguments(args), socket_path=path)
    except NoKiosk as error:
        print(f"kiosk ctl: {error}", file=sys.stderr)
        return 2
    except NoAnswer as error:
        print(f"kiosk ctl: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kiosk ctl: cannot talk to the kiosk at {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    if not reply.get("ok"):
        print(f"kiosk ctl: {reply.get('error') or 'The kiosk refused without saying why.'}", file=sys.stderr)
        return 1
    if args.action == "status":
        print(json.dumps({key: value for key, value in reply.items() if key != "ok"},
                         indent=2, ensure_ascii=False))
    else:
        print(describe(args.action, reply))
    return 0
