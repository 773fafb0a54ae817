"""Helpers for the operations tests: a kiosk window with its operations parts and short timings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtQuick import QQuickItem

from kiosk.app.screens import KioskWindow
from kiosk.composition import Kiosk, assemble, register_qml_types
from kiosk.content.load import load_exhibition
from kiosk.ops.pin import hash_pin
from kiosk.ops.timings import Timings

QUIET_MEDIA = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .*(va|pipewire)", r"PulseAudioService", r"Using Qt multimedia"
)
"""QtMultimedia's start-up notes on a machine without sound server or video acceleration."""

STAFF_PIN = "2468"
STAFF_PIN_HASH = hash_pin(STAFF_PIN)
SHORT = Timings(idle_seconds=0.2, countdown_seconds=0.3, max_media_seconds=0.6, hold_seconds=0.1,
                window_seconds=2.0, cursor_hide_ms=100, debounce_ms=50, panel_timeout_ms=60_000)


@contextmanager
def running_kiosk(
    content: Path,
    tmp_path: Path,
    *,
    kiosk_mode: bool = True,
    timings: Timings = SHORT,
    **options: Any,
) -> Iterator[tuple[KioskWindow, Kiosk]]:
    """The kiosk on `content`, shown, with its operations parts (as `kiosk.composition` puts them
    together); everything undone after."""
    result = load_exhibition(content)
    assert result.exhibition is not None, [p.format() for p in result.problems]
    register_qml_types()
    window = KioskWindow(result.exhibition, content)
    window.window.show()
    options.setdefault("pin_source", lambda: STAFF_PIN_HASH)
    options.setdefault("display_power", lambda on: None)
    kiosk = assemble(window, content, kiosk_mode=kiosk_mode, timings=timings,
                     snapshot_dir=tmp_path / "last-good", install_hooks=False, **options)
    try:
        yield window, kiosk
    finally:
        kiosk.close()
        window.close()


def visit(kiosk: KioskWindow, ops: Kiosk, *moves: Callable[[], Any], enable: bool = True) -> None:
    """Make visitor moves from Python, each after the screen has settled (pictures decoded).

    Idle is paused meanwhile so short test timings cannot end the visit half-way; `enable`
    starts a fresh idle period afterwards.
    """
    ops.idle.set_enabled(False)
    for move in moves:
        assert kiosk.settle()
        move()
    assert kiosk.settle()
    if enable:
        ops.idle.set_enabled(True)


def item(kiosk: KioskWindow, name: str) -> QQuickItem:
    """The item with this objectName anywhere in the window's item tree (delegates included)."""

    def find(parent: QQuickItem) -> QQuickItem | None:
        for child in parent.childItems():
            if child.objectName() == name:
                return child
            found = find(child)
            if found is not None:
                return found
        return None

    found = find(kiosk.window.contentItem())
    assert found is not None, f"no item named {name!r}"
    return found


def centre_of(target: QQuickItem) -> QPoint:
    point = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
    return point.toPoint()
