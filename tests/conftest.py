"""Test set-up: two rigs.

The offscreen rig (the default) runs Qt offscreen on one fixed 1920x1080 screen, whatever
machine runs the tests, drawing in software on the GUI thread.

The real-display rig (`KIOSK_TEST_RIG=x11`) is the field: the whole pytest run talks to an Xvfb
started here (on a free display, stopped at the end) through Qt's xcb platform, draws with Mesa's
OpenGL, and Qt Quick renders on its own thread (the threaded render loop every kiosk in the field
gets). It runs the tests that open a kiosk window, play media, exercise the operations or stop
and restart the kiosk: the files in `X11_FILES` and every `test_field_*.py`, less the few
tests in `OFFSCREEN_ONLY`, and any test marked `both_rigs`. Tests marked `x11_only` need a real
display and run only there.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

RIG = os.environ.get("KIOSK_TEST_RIG", "offscreen")
if RIG not in ("offscreen", "x11"):
    raise pytest.UsageError(f"KIOSK_TEST_RIG must be 'offscreen' or 'x11', not {RIG!r}")

X11_FILES = {
    "test_ui.py", "test_exhibit_views.py", "test_zoom_views.py", "test_keyboard.py",
    "test_access_modes.py", "test_languages.py", "test_memory_settings.py",
    "test_ops_idle.py", "test_ops_lockdown.py", "test_ops_staff.py", "test_ops_reload.py",
    "test_ops_hours.py", "test_ops_cli.py", "test_ops_worker.py",
    "test_fleet_metrics.py", "test_fleet_screen_config.py", "test_insights_recorder.py",
    "test_no_network.py",
}
"""Test files that show kiosk windows, play media or run the operations: both rigs."""

_MORE_OF_THE_SAME = "walks every screen again in one more variant; the x11 rig walks two"
OFFSCREEN_ONLY: dict[str, str] = {
    "tests/test_ui.py::test_every_screen_of_the_bundled_exhibition_is_whole[en-size2]": _MORE_OF_THE_SAME,
    **{f"tests/test_access_modes.py::test_every_screen_of_the_bundled_exhibition_loads_in_each_mode[{mode}]":
       _MORE_OF_THE_SAME for mode in ("high-contrast", "reach", "reduced-motion", "read-aloud")},
}
"""Tests of those files that stay in the offscreen rig (node id: why), to keep `make test` short."""

if RIG == "x11":
    from tests.xdisplay import XServer

    _SERVER = XServer.start()
    atexit.register(_SERVER.stop)
    os.environ.update(_SERVER.env)
    os.environ.pop("WAYLAND_DISPLAY", None)
    # The application (pytest-qt's `qapp`) connects to the display before any test module is
    # imported: the xcb platform sets up the input devices when it starts and would drop a touch
    # screen a test module made before.
    from PySide6.QtWidgets import QApplication

    _APP = QApplication.instance() or QApplication(["pytest-qt-qapp"])
else:
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={HERE / 'offscreen.json'}"
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/kiosk-test-runtime")
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
# The kiosk's own files (statistics, logs, last good content, PIN, metrics) stay out of the home folder
_OWN_FILES = Path(tempfile.mkdtemp(prefix="kiosk-test-home-"))
os.environ["XDG_STATE_HOME"] = str(_OWN_FILES / "state")
os.environ["XDG_CONFIG_HOME"] = str(_OWN_FILES / "config")
os.environ["XDG_CACHE_HOME"] = str(_OWN_FILES / "cache")  # display copies of large pictures
atexit.register(shutil.rmtree, _OWN_FILES, ignore_errors=True)


def in_x11_rig(item: pytest.Item) -> bool:
    if item.nodeid in OFFSCREEN_ONLY or item.nodeid.split("[")[0] in OFFSCREEN_ONLY:
        return False
    name = item.path.name
    return (name in X11_FILES or name.startswith("test_field_")
            or any(item.iter_markers("both_rigs")) or any(item.iter_markers("x11_only")))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "x11_only: needs a real X display; runs only in the x11 rig")
    config.addinivalue_line("markers", "both_rigs: runs in the offscreen rig and in the x11 rig")


def pytest_report_header(config: pytest.Config) -> str:
    if RIG == "x11":
        return (f"test rig: x11 (Xvfb {os.environ['DISPLAY']}, xcb platform, OpenGL, "
                "threaded render loop)")
    return "test rig: offscreen (software drawing, basic render loop)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each rig runs its own tests; the others are deselected (not skipped)."""
    if RIG == "x11":
        keep = [item for item in items if in_x11_rig(item)]
    else:
        keep = [item for item in items if item.get_closest_marker("x11_only") is None]
    kept = {id(item) for item in keep}
    dropped = [item for item in items if id(item) not in kept]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
