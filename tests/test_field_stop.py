"""Stopping and restarting `kiosk run`, as a separate process, in the rig this test run uses.

In the x11 rig the kiosk draws on Qt Quick's render thread, where stopping once hung for good
(the GUI thread closed the window and waited for the render thread, which waited for Python to
run a slot). Each case is repeated: a stop that works most of the time is not good enough.
The timeouts only catch a hang; `bench/ops_stop.py` measures how fast the kiosk stops.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import HERE, REPO, RIG
from tests.xdisplay import request_close, window_of

CONTENT = REPO / "content"
HANG_S = 15.0
"""A kiosk still running this long after being asked to stop has hung."""
READY_S = 90.0
REPEAT = 3

STAFF_RESTARTS = """
import sys

from kiosk import composition

assemble = composition.assemble


def staff_restarts(*args, **options):
    # Staff press "Restart the kiosk" in the staff panel (the button calls Staff.restartKiosk)
    # as soon as the kiosk is ready.
    kiosk = assemble(*args, **options)
    kiosk.ready.connect(kiosk.staff.restartKiosk)
    return kiosk


composition.assemble = staff_restarts
from kiosk.cli import main

sys.exit(main(sys.argv[1:]))
"""
"""`kiosk run` exactly as the command starts it, with a staff member who restarts it."""


@dataclass
class Kiosk:
    process: subprocess.Popen[bytes]
    log: Path
    env: dict[str, str]

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def ended_within(self, seconds: float) -> int | None:
        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return None


class Rig:
    """Starts kiosks in this test run's rig and hears their READY=1 on a notify socket."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(str(folder / "notify"))
        self.env = {**os.environ, "NOTIFY_SOCKET": str(folder / "notify"),
                    "XDG_STATE_HOME": str(folder / "state"), "XDG_CONFIG_HOME": str(folder / "config"),
                    "PYTHONPATH": str(REPO), "QT_LOGGING_RULES": "qt.multimedia.*=false"}
        if RIG == "offscreen":
            self.env["QT_QPA_PLATFORM"] = f"offscreen:configfile={HERE / 'offscreen.json'}"
        self.started: list[Kiosk] = []

    def start(self, *arguments: str, child: str | None = None, content: Path = CONTENT,
              env: dict[str, str] | None = None) -> Kiosk:
        log = self.folder / f"kiosk-{len(self.started)}.log"
        command = [sys.executable, "-c", child] if child else [sys.executable, "-m", "kiosk.cli"]
        env = env or self.env
        with log.open("wb") as out:
            process = subprocess.Popen([*command, "run", str(content), *arguments], env=env,
                                       stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        kiosk = Kiosk(process, log, env)
        self.started.append(kiosk)
        return kiosk

    def wait_ready(self, kiosk: Kiosk) -> None:
        """Until the kiosk says READY=1 (its first frame is on the screen)."""
        deadline = time.monotonic() + READY_S
        while time.monotonic() < deadline:
            self.notify.settimeout(0.5)
            try:
                message = self.notify.recv(4096)
            except TimeoutError:
                assert kiosk.process.poll() is None, f"the kiosk ended before it was ready:\n{kiosk.output()}"
                continue
            if b"READY=1" in message.split(b"\n"):
                return
        raise AssertionError(f"the kiosk was not ready within {READY_S:.0f} s:\n{kiosk.output()}")

    def close(self) -> None:
        for kiosk in self.started:
            if kiosk.process.poll() is None:
                kiosk.process.kill()
                kiosk.process.wait()
        self.notify.close()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    started = Rig(tmp_path)
    try:
        yield started
    finally:
        started.close()


def render_threads(pid: int) -> int:
    names = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            names.append((task / "comm").read_text().strip())
        except OSError:
            continue
    return names.count("QSGRenderThread")


def stop_with(rig: Rig, number: signal.Signals, *arguments: str) -> None:
    kiosk = rig.start(*arguments)
    rig.wait_ready(kiosk)
    if RIG == "x11":
        assert render_threads(kiosk.process.pid) >= 1, "the kiosk does not draw on a render thread"
    kiosk.process.send_signal(number)
    code = kiosk.ended_within(HANG_S)
    assert code is not None, f"the kiosk still runs {HANG_S:.0f} s after {number.name}:\n{kiosk.output()}"
    assert code == 128 + number, kiosk.output()
    assert f"kiosk closing with exit code {128 + number}" in kiosk.output()


@pytest.mark.slow
@pytest.mark.parametrize("arguments", [(), ("--windowed",)], ids=["kiosk-mode", "windowed"])
def test_sigterm_ends_the_kiosk_with_143(rig: Rig, arguments: tuple[str, ...]) -> None:
    for _ in range(REPEAT):
        stop_with(rig, signal.SIGTERM, *arguments)


@pytest.mark.slow
def test_sigint_ends_the_kiosk_with_130(rig: Rig) -> None:
    for _ in range(REPEAT):
        stop_with(rig, signal.SIGINT)


@pytest.mark.slow
def test_the_staff_restart_ends_the_kiosk_with_75_for_systemd_to_start_it_again(rig: Rig) -> None:
    for _ in range(REPEAT):
        kiosk = rig.start(child=STAFF_RESTARTS)
        rig.wait_ready(kiosk)
        code = kiosk.ended_within(HANG_S)
        assert code is not None, f"the kiosk still runs {HANG_S:.0f} s after the restart:\n{kiosk.output()}"
        assert code == 75, kiosk.output()
        assert "staff asked for a restart" in kiosk.output()


@pytest.mark.slow
@pytest.mark.x11_only
def test_closing_the_window_ends_a_windowed_kiosk(rig: Rig) -> None:
    for _ in range(REPEAT):
        kiosk = rig.start("--windowed")
        rig.wait_ready(kiosk)
        request_close(window_of(kiosk.process.pid, kiosk.env), kiosk.env)
        code = kiosk.ended_within(HANG_S)
        assert code is not None, f"the kiosk still runs {HANG_S:.0f} s after its window was closed:\n" \
                                 f"{kiosk.output()}"
        assert code == 0, kiosk.output()
        assert "the kiosk window was closed" in kiosk.output()


@pytest.mark.slow
@pytest.mark.x11_only
def test_in_kiosk_mode_a_close_request_is_refused_and_sigterm_still_stops(rig: Rig) -> None:
    kiosk = rig.start()
    rig.wait_ready(kiosk)
    request_close(window_of(kiosk.process.pid, kiosk.env), kiosk.env)
    deadline = time.monotonic() + HANG_S
    while "a request to close the kiosk window was refused" not in kiosk.output():
        assert kiosk.process.poll() is None, kiosk.output()
        assert time.monotonic() < deadline, f"the close request never arrived:\n{kiosk.output()}"
        kiosk.ended_within(0.1)
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.ended_within(HANG_S) == 143, kiosk.output()


@pytest.mark.slow
@pytest.mark.x11_only
def test_where_opengl_is_software_the_kiosk_draws_in_software_and_still_stops(rig: Rig) -> None:
    """As installed on a computer without a graphics driver: nothing chooses how Qt Quick draws, and
    the kiosk finds Mesa's software OpenGL and draws with Qt Quick's software renderer instead."""
    field = {key: value for key, value in rig.env.items()
             if key not in ("QT_QUICK_BACKEND", "QSG_RENDER_LOOP")}
    for _ in range(REPEAT):
        kiosk = rig.start(env=field)
        rig.wait_ready(kiosk)
        assert "drawing in software: this computer's OpenGL is itself software (llvmpipe" in kiosk.output()
        assert render_threads(kiosk.process.pid) == 0, "Qt Quick draws with OpenGL on a render thread"
        assert (rig.folder / "state" / "kiosk" / "drawing.json").exists(), "the answer was not kept"
        kiosk.process.send_signal(signal.SIGTERM)
        assert kiosk.ended_within(HANG_S) == 143, kiosk.output()
