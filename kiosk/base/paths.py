"""Where the kiosk keeps its own files, following the XDG base directory rules."""

from __future__ import annotations

import os
from pathlib import Path

APP = "kiosk"


def _base(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / fallback


def state_dir() -> Path:
    """Logs, the last good content snapshot, analytics: $XDG_STATE_HOME/kiosk."""
    return _base("XDG_STATE_HOME", ".local/state") / APP


def config_dir() -> Path:
    """The staff PIN and per-screen settings: $XDG_CONFIG_HOME/kiosk."""
    return _base("XDG_CONFIG_HOME", ".config") / APP


def ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
