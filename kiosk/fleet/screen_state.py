"""What a screen remembers across starts: how often it started, and its last good content version.

One small JSON file per screen name in the state folder, so several kiosks sharing a computer
(or a test fleet sharing a folder) keep their own counts. A damaged file starts again from zero.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from kiosk.base.paths import state_dir
from kiosk.fleet.metrics import write_atomic

log = logging.getLogger("kiosk.health")


def _safe_name(screen: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", screen)[:64] or "screen"


class ScreenState:
    """The per-screen state file: {"starts": n, "last_good": {content folder: version}}."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = self._read()

    @classmethod
    def for_screen(cls, screen: str, folder: Path | None = None) -> ScreenState:
        return cls((folder or state_dir() / "fleet") / f"{_safe_name(screen)}.json")

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("screen state %s unreadable (%s); counting from zero", self.path, error)
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self) -> None:
        try:
            write_atomic(self.path, json.dumps(self.data, indent=1, sort_keys=True) + "\n")
        except OSError as error:
            log.warning("cannot save the screen state %s: %s", self.path, error)

    def count_start(self) -> int:
        """Record one start; returns the restarts so far (starts after the first)."""
        starts = self.data.get("starts")
        starts = (starts if isinstance(starts, int) and starts >= 0 else 0) + 1
        self.data["starts"] = starts
        self._save()
        return starts - 1

    def last_good(self, content_root: Path) -> str:
        versions = self.data.get("last_good")
        value = versions.get(str(content_root)) if isinstance(versions, dict) else None
        return value if isinstance(value, str) else ""

    def remember_good(self, content_root: Path, version: str) -> None:
        if not version or self.last_good(content_root) == version:
            return
        versions = self.data.get("last_good")
        if not isinstance(versions, dict):
            versions = self.data["last_good"] = {}
        versions[str(content_root)] = version
        self._save()
