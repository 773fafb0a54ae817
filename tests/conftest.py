"""Test set-up: Qt runs offscreen on one fixed 1920x1080 screen, whatever machine runs the tests."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={HERE / 'offscreen.json'}"
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/kiosk-test-runtime")
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
