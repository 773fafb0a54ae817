"""On X11 with no window manager, nothing gives a new window the keyboard: the kiosk window takes
it itself once it is on the screen, so an assistive keypad or a keyboard works from the first key.
(Full screen, Qt already did; a normal window, as `kiosk run --windowed` under `xvfb-run` opens,
had no keyboard at all.)"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_field_stop import HANG_S, Rig
from tests.ui_helpers import write_sample_exhibition
from tests.xdisplay import window_of


def keyboard_focus(env: dict[str, str]) -> int | None:
    """The X window that has the keyboard (None: the window under the pointer)."""
    found = subprocess.run(["xdotool", "getwindowfocus", "-f"], env=env, capture_output=True, text=True)
    return int(found.stdout) if found.returncode == 0 and found.stdout.strip().isdigit() else None


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    started = Rig(tmp_path)
    try:
        yield started
    finally:
        started.close()


@pytest.mark.slow
@pytest.mark.x11_only
def test_the_first_key_on_a_window_without_window_manager_starts_a_visit(rig: Rig, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")  # no opening hours: always open
    kiosk = rig.start("--windowed", content=content)
    rig.wait_ready(kiosk)
    window = window_of(kiosk.process.pid, kiosk.env)
    deadline = time.monotonic() + HANG_S
    while keyboard_focus(kiosk.env) != window:
        assert time.monotonic() < deadline, "the kiosk window never took the keyboard"
        kiosk.ended_within(0.1)
    subprocess.run(["xdotool", "key", "Right"], env=kiosk.env, check=True)  # as a keypad does
    deadline = time.monotonic() + HANG_S
    while "visitor session started" not in kiosk.output():
        assert kiosk.process.poll() is None, kiosk.output()
        assert time.monotonic() < deadline, f"the key started no visit:\n{kiosk.output()}"
        kiosk.ended_within(0.1)
