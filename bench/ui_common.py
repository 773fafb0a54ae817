"""Shared set-up for the visitor-interface benches: an offscreen Qt, and content to show."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OFFSCREEN = REPO / "tests" / "offscreen.json"


def offscreen() -> None:
    """Run Qt offscreen on one 1920x1080 screen, software-rendered, like the tests."""
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={OFFSCREEN}")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    from kiosk.app.memory import limit_malloc_arenas

    limit_malloc_arenas()  # as `kiosk run` does


def content() -> tuple[Any, Path, str]:
    """The bundled exhibition if it is valid, else the small test exhibition; and its name."""
    from kiosk.content.load import load_exhibition

    bundled = REPO / "content"
    result = load_exhibition(bundled)
    if not result.has_errors and result.exhibition is not None:
        return result.exhibition, bundled, "content"
    sys.path.insert(0, str(REPO))
    from tests.ui_helpers import load_sample

    root = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    return load_sample(root), root, "sample (bundled content has errors)"


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
