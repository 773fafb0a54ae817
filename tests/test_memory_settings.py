"""The long-running process caps glibc's malloc arenas, so film decoding does not creep memory."""

from __future__ import annotations

import subprocess
import sys

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
