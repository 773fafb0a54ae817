"""`kiosk ctl` against a running kiosk: every command through the real socket and the real
command line (`kiosk.cli.main` in a thread, so the kiosk's event loop answers meanwhile), refusals
of bad requests, no kiosk at all, and `kiosk run` with `kiosk ctl` as two processes.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk import cli
from kiosk.app.contrast import contrast_ratio
from kiosk.fleet.control import ControlServer
from kiosk.fleet.ctl_client import control_socket_path, send_line
from kiosk.ops import stopping as stopping_module
from kiosk.ops.crash import RESTART_EXIT_CODE
from kiosk.ops.timings import Timings
from tests.conftest import HERE, REPO, RIG
from tests.ops_helpers import QUIET_MEDIA, item, running_kiosk
from tests.ui_helpers import write_sample_exhibition

pytestmark = [QUIET_MEDIA, pytest.mark.both_rigs]

HANG_MS = 30_000
"""A command not answered within this time has hung (the client itself gives up after 15 s)."""
STATUS = b'{"command": "status"}\n'
T = TypeVar("T")


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder with a short path: a local socket's path holds at most 107 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="ctl-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def controlled(qtbot: Any, tmp_path: Path, short_dir: Path) -> Iterator[tuple[Any, Any, ControlServer]]:
    """A running kiosk on the sample exhibition, answering on its control socket."""
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=False, timings=Timings()) as (window, kiosk):
        assert window.wait_for_frame()
        server = ControlServer(kiosk, screen_name="hall-3", path=short_dir / "control.sock", identify_ms=400)
        assert server.listening
        try:
            yield window, kiosk, server
        finally:
            server.close()


def in_thread(qtbot: Any, work: Callable[[], T]) -> T:
    """Run blocking client work on a thread while the kiosk's event loop goes on answering."""
    outcome: list[T] = []
    thread = threading.Thread(target=lambda: outcome.append(work()), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=HANG_MS)
    assert outcome, "the client failed (see the thread's error above)"
    return outcome[0]


def ctl(qtbot: Any, capsys: Any, server: ControlServer, *argv: str) -> tuple[int, str, str]:
    """`kiosk ctl --socket PATH ARGV...`: exit code, standard output, standard error."""
    capsys.readouterr()
    code = in_thread(qtbot, lambda: cli.main(["ctl", "--socket", str(server.path), *argv]))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def raw(qtbot: Any, server: ControlServer, line: bytes) -> dict[str, Any]:
    return in_thread(qtbot, lambda: send_line(server.path, line))


def test_status_tells_the_place_language_content_and_health(qtbot: Any, capsys: Any, controlled: Any) -> None:
    window, _kiosk, server = controlled
    window.navigator.openSection("old-harbour")
    code, out, err = ctl(qtbot, capsys, server, "status")
    assert code == 0, err
    status = json.loads(out)
    assert status["screen"] == "hall-3"
    assert status["place"] == {"screen": "section", "floor": "port", "section": "old-harbour", "exhibit": ""}
    assert status["language"] == "en"
    content = status["content"]
    assert len(content["version"]) == 12 and content["valid"] and content["errors"] == 0
    assert content["first_errors"] == [] and content["showing"]
    assert status["uptime_seconds"] > 0 and status["memory_mib"] > 10
    assert status["visits_today"] == 1, "opening the section started a visit"
    assert status["open"] is True and status["pid"] == os.getpid()


def test_the_socket_is_for_its_owner_only_and_a_stale_one_is_replaced(qtbot: Any, controlled: Any,
                                                                     short_dir: Path) -> None:
    _window, kiosk, server = controlled
    assert stat.S_ISSOCK(os.stat(server.path).st_mode)
    assert stat.S_IMODE(os.stat(server.path).st_mode) == 0o600
    # a kiosk killed without closing leaves its socket file behind; the next one replaces it
    stale_path = short_dir / "stale.sock"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(stale_path))
    stale.close()
    second = ControlServer(kiosk, screen_name="hall-3b", path=stale_path)
    try:
        assert second.listening
        assert in_thread(qtbot, lambda: send_line(stale_path, STATUS))["screen"] == "hall-3b"
        # while a kiosk answers, a second one leaves its socket alone
        third = ControlServer(kiosk, screen_name="hall-3c", path=stale_path)
        assert not third.listening
        third.close()
        assert in_thread(qtbot, lambda: send_line(stale_path, STATUS))["screen"] == "hall-3b"
    finally:
        second.close()
    assert not stale_path.exists(), "the socket file goes with the kiosk"


def test_screenshot_is_a_png_of_the_window(qtbot: Any, capsys: Any, controlled: Any, tmp_path: Path) -> None:
    window, _kiosk, server = controlled
    window.navigator.openFloor("port")
    assert window.settle()
    target = tmp_path / "shots" / "screen.png"
    target.parent.mkdir()
    code, out, err = ctl(qtbot, capsys, server, "screenshot", str(target))
    assert code == 0, err
    size = window.window.size()
    assert out.strip() == f"Saved a {size.width()}x{size.height()} screenshot to {target}."
    image = QImage(str(target))
    assert (image.width(), image.height()) == (size.width(), size.height())
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 20, "the screenshot shows the screen, not a blank picture"
    assert [path.name for path in target.parent.iterdir()] == ["screen.png"], "no temporary file is left"

    code, _out, err = ctl(qtbot, capsys, server, "screenshot", str(tmp_path / "no-such-folder" / "s.png"))
    assert code == 1 and "no folder" in err
    reply = raw(qtbot, server, b'{"command": "screenshot", "path": "relative.png"}\n')
    assert reply == {"ok": False, "error": "The screenshot path must be absolute, not 'relative.png'."}


def test_a_client_that_goes_away_early_leaves_the_kiosk_answering(qtbot: Any, capsys: Any, controlled: Any,
                                                                  tmp_path: Path) -> None:
    _window, _kiosk, server = controlled
    half = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    half.connect(str(server.path))
    half.sendall(b'{"command": "sta')  # and goes
    half.close()
    target = tmp_path / "gone.png"
    hasty = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hasty.connect(str(server.path))
    hasty.sendall(json.dumps({"command": "screenshot", "path": str(target)}).encode() + b"\n")
    hasty.close()  # before the reply
    qtbot.waitUntil(target.exists, timeout=HANG_MS)
    code, out, _err = ctl(qtbot, capsys, server, "status")
    assert code == 0 and json.loads(out)["screen"] == "hall-3"


def test_bad_requests_are_refused_in_plain_words(qtbot: Any, controlled: Any) -> None:
    _window, _kiosk, server = controlled
    assert raw(qtbot, server, b"{not json\n") == {
        "ok": False, "error": 'The request is not valid JSON; send one line such as {"command": "status"}.'}
    not_an_object = raw(qtbot, server, b'["status"]\n')
    assert not_an_object["error"].startswith('A request is a JSON object with a "command"')
    assert raw(qtbot, server, b'{"command": 7}\n')["ok"] is False
    unknown = raw(qtbot, server, b'{"command": "self-destruct"}\n')
    assert unknown["error"] == ("There is no command 'self-destruct'; the commands are status, screenshot, "
                                "reload, restart, identify, volume, go.")
    assert raw(qtbot, server, b'{"command": "volume", "level": "loud"}\n') == {
        "ok": False, "error": "The volume is a number from 0 to 1, not loud."}
    assert raw(qtbot, server, b'{"command": "go", "place": ["port"]}\n')["ok"] is False
    assert raw(qtbot, server, b'{"command": "screenshot"}\n')["ok"] is False
    too_long = b'{"command": "status", "padding": "' + b"x" * 70_000 + b'"}\n'
    assert raw(qtbot, server, too_long) == {"ok": False,
                                            "error": "A request is one line of JSON of at most 64 KiB."}
    assert raw(qtbot, server, STATUS)["ok"] is True


def test_reload_checks_the_folder_now_and_says_what_came_of_it(qtbot: Any, capsys: Any,
                                                               controlled: Any) -> None:
    _window, kiosk, server = controlled
    code, out, err = ctl(qtbot, capsys, server, "reload")
    assert code == 0, err
    assert out.startswith("The content is valid; it shows now")
    assert kiosk.reloader.last is not None and kiosk.reloader.last.exhibition is not None

    floor = kiosk.reloader.root / "floors" / "1-port.yaml"
    floor.write_text(floor.read_text(encoding="utf-8") + "\ntitel: Port\n", encoding="utf-8")
    code, _out, err = ctl(qtbot, capsys, server, "reload")
    assert code == 1
    assert "The content has 1 error(s); visitors still see the content shown before" in err
    assert "1-port.yaml" in err and "titel" in err


def test_restart_answers_then_closes_with_the_restart_code(qtbot: Any, capsys: Any, controlled: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    exits: list[int] = []

    class FakeApplication:
        @staticmethod
        def exit(code: int) -> None:
            exits.append(code)

    monkeypatch.setattr(stopping_module, "QCoreApplication", FakeApplication)
    _window, kiosk, server = controlled
    code, out, err = ctl(qtbot, capsys, server, "restart")
    assert code == 0, err
    assert out.strip() == ("The kiosk is restarting (it closes with exit code 75; systemd starts it again).")
    qtbot.waitUntil(lambda: exits == [RESTART_EXIT_CODE], timeout=HANG_MS)
    assert kiosk.lockdown.released


def test_identify_shows_the_screen_name_large_over_everything_for_a_while(qtbot: Any, capsys: Any,
                                                                         controlled: Any) -> None:
    window, _kiosk, server = controlled
    code, out, err = ctl(qtbot, capsys, server, "identify")
    assert code == 0, err
    assert out.strip() == "The name 'hall-3' shows on the screen for 0.4 s."
    layer, name = item(window, "identifyScreen"), item(window, "identifyName")
    band = item(window, "identifyBand")
    assert layer.isVisible() and name.property("text") == "hall-3"
    assert layer.z() > item(window, "opsLayer").z(), "above the staff panel and the closed screen"
    assert band.height() >= window.window.height() / 3
    assert contrast_ratio(QColor(name.property("color")), QColor(band.property("color"))) >= 4.5
    qtbot.waitUntil(lambda: not layer.isVisible(), timeout=HANG_MS)


def test_volume_is_set_as_the_staff_panel_sets_it(qtbot: Any, capsys: Any, controlled: Any) -> None:
    _window, kiosk, server = controlled
    code, out, err = ctl(qtbot, capsys, server, "volume", "0.3")
    assert code == 0, err
    assert out.strip() == "The volume is 30%."
    assert abs(kiosk.playback.property("volume") - 0.3) < 1e-6
    assert abs(kiosk.staff.property("volume") - 0.3) < 1e-6, "the staff panel shows it too"
    assert ctl(qtbot, capsys, server, "volume")[1].strip() == "The volume is 30%."
    code, _out, err = ctl(qtbot, capsys, server, "volume", "2")
    assert code == 1 and "The volume is a number from 0 to 1, not 2.0." in err


def test_go_opens_a_floor_a_section_or_an_exhibit(qtbot: Any, capsys: Any, controlled: Any) -> None:
    window, _kiosk, server = controlled
    for place_id, place in [("green", {"screen": "floor", "floor": "green"}),
                            ("coast", {"screen": "section", "floor": "green", "section": "coast"}),
                            ("harbour-plan", {"screen": "exhibit", "floor": "port", "section": "old-harbour",
                                              "exhibit": "harbour-plan"})]:
        code, out, err = ctl(qtbot, capsys, server, "go", place_id)
        assert code == 0, err
        assert out.strip() == f"The screen shows {place['screen']} '{place_id}'."
        shown = window.navigator.property("place")
        assert {key: value for key, value in shown.items() if value} == place
    code, _out, err = ctl(qtbot, capsys, server, "go", "atlantis")
    assert code == 1
    assert err.strip() == ("kiosk ctl: There is no floor, section or exhibit 'atlantis' "
                           "in the exhibition shown.")


def test_without_a_running_kiosk_ctl_says_so_and_exits_2(capsys: Any, short_dir: Path) -> None:
    path = short_dir / "control.sock"
    assert cli.main(["ctl", "--socket", str(path), "status"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"kiosk ctl: No kiosk is running here (no control socket at {path}). "
        "Start it with 'kiosk run' or 'systemctl --user start kiosk'.")
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # a socket file nobody answers on
    left.bind(str(path))
    left.close()
    assert cli.main(["ctl", "reload", "--socket", str(path)]) == 2


@pytest.mark.slow
def test_kiosk_ctl_talks_to_kiosk_run_in_another_process(tmp_path: Path, short_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(short_dir / "notify"))
    state = tmp_path / ("a-state-folder-deeper-than-a-socket-address-may-be-" * 2)  # a short name then
    env = {**os.environ, "NOTIFY_SOCKET": str(short_dir / "notify"), "KIOSK_CONTROL_SOCKET": "",
           "XDG_STATE_HOME": str(state), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": str(REPO), "QT_LOGGING_RULES": "qt.multimedia.*=false"}
    if RIG == "offscreen":
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={HERE / 'offscreen.json'}"
    log = tmp_path / "kiosk.log"
    with log.open("wb") as out:
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", str(content), "--windowed"],
                                 env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        notify.settimeout(0.5)
        while True:  # until the kiosk says READY=1 (its first frame is on the screen)
            assert time.monotonic() < deadline, f"the kiosk was not ready in time:\n{log.read_text()}"
            assert kiosk.poll() is None, f"the kiosk ended:\n{log.read_text()}"
            try:
                if b"READY=1" in notify.recv(4096).split(b"\n"):
                    break
            except TimeoutError:
                continue
        monkeypatch.setenv("XDG_STATE_HOME", str(state))
        socket_path = control_socket_path()
        assert socket_path.parent == Path(os.environ["XDG_RUNTIME_DIR"])
        ctl = [sys.executable, "-m", "kiosk.cli", "ctl"]
        status = subprocess.run([*ctl, "status"], env=env, capture_output=True, text=True, timeout=60)
        assert status.returncode == 0, status.stderr
        reply = json.loads(status.stdout)
        assert reply["pid"] == kiosk.pid and reply["place"]["screen"] == "attract"
        assert stat.S_IMODE(os.stat(socket_path).st_mode) == 0o600
        restart = subprocess.run([*ctl, "restart"], env=env, capture_output=True, text=True, timeout=60)
        assert restart.returncode == 0, restart.stderr
        assert kiosk.wait(30) == RESTART_EXIT_CODE, log.read_text()
        assert not socket_path.exists(), "the socket file went with the kiosk"
        gone = subprocess.run([*ctl, "status"], env=env, capture_output=True, text=True, timeout=60)
        assert gone.returncode == 2 and "No kiosk is running here" in gone.stderr
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        notify.close()
