"""The long-running process caps glibc's malloc arenas, so film decoding does not creep memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.app.memory import limit_malloc_arenas


def test_limit_malloc_arenas_on_glibc() -> None:
    assert limit_malloc_arenas(2) is True


def test_kiosk_run_caps_arenas_before_qt_starts() -> None:
    code = (
        "import kiosk.app.run as run, inspect;"
        "src = inspect.getsource(run.main);"
        "print(src.index('limit_malloc_arenas()') < src.index('QGuiApplication('))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_release_free_memory_on_glibc() -> None:
    from kiosk.app.memory import release_free_memory

    assert release_free_memory() in (True, False)  # True when memory went back, never raises


def test_the_end_of_a_visit_hands_memory_back(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import screens
    from tests.ui_helpers import load_sample

    calls: list[int] = []
    monkeypatch.setattr(screens, "release_free_memory", lambda: calls.append(1) or True)
    monkeypatch.setattr(screens.KioskWindow, "RELEASE_DELAY_MS", 10)
    kiosk = screens.KioskWindow(load_sample(tmp_path), tmp_path, reduced_motion=True)
    kiosk.window.show()
    try:
        kiosk.navigator.touch()
        qtbot.waitUntil(kiosk.settled)
        assert calls == []
        kiosk.navigator.resetToAttract()
        qtbot.waitUntil(lambda: calls == [1])
    finally:
        kiosk.close()
