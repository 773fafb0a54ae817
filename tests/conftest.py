"""Test set-up: Qt runs offscreen on one fixed 1920x1080 screen, whatever machine runs the tests."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={HERE / 'offscreen.json'}"
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/kiosk-test-runtime")
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
# The kiosk's own files (statistics, logs, last good content, PIN, metrics) stay out of the home folder
_OWN_FILES = Path(tempfile.mkdtemp(prefix="kiosk-test-home-"))
os.environ["XDG_STATE_HOME"] = str(_OWN_FILES / "state")
os.environ["XDG_CONFIG_HOME"] = str(_OWN_FILES / "config")
atexit.register(shutil.rmtree, _OWN_FILES, ignore_errors=True)
