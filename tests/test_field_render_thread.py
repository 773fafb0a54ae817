"""Qt Quick's render thread never runs Python.

On a real display Qt Quick draws on its own thread and emits `frameSwapped`, `afterRendering`,
`beforeSynchronizing`... there. A Python slot connected to one of them needs Python's lock on
that thread while the GUI thread, holding the lock, waits for the render thread (closing the
window): the kiosk then never stops. Python hears of frames only through `FrameSwaps`, a queued
relay to the GUI thread.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL, QThread
from PySide6.QtGui import QOpenGLContext
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
from shiboken6 import Shiboken

from kiosk.app.screens import FrameSwaps, KioskWindow
from kiosk.composition import Kiosk
from kiosk.content.load import load_exhibition
from kiosk.fleet.health import Health
from tests.conftest import RIG
from tests.ops_helpers import QUIET_MEDIA, running_kiosk
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA

RENDER_THREAD_SIGNALS = (
    "frameSwapped()", "afterRendering()", "beforeRendering()", "beforeSynchronizing()",
    "afterSynchronizing()", "beforeRenderPassRecording()", "afterRenderPassRecording()",
    "beforeFrameBegin()", "afterFrameEnd()", "sceneGraphInitialized()", "sceneGraphInvalidated()",
)
"""QQuickWindow's signals that the threaded render loop emits on the render thread."""


def thread_names() -> list[str]:
    """The names of this process's threads (Linux)."""
    names = []
    for task in Path("/proc/self/task").iterdir():
        try:
            names.append((task / "comm").read_text().strip())
        except OSError:
            continue  # a thread that ended meanwhile
    return names


def qt_own_listeners() -> dict[str, int]:
    """The connections Qt Quick makes itself, in a QML window with nothing in it."""
    engine = QQmlApplicationEngine()
    engine.loadData(b"import QtQuick\nWindow { }")
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    listeners = listeners_of(window)
    engine.deleteLater()
    return listeners


def listeners_of(window: QQuickWindow) -> dict[str, int]:
    return {name: window.receivers(SIGNAL(name)) for name in RENDER_THREAD_SIGNALS}


def shown_kiosk(tmp_path: Path) -> KioskWindow:
    content = write_sample_exhibition(tmp_path / "content")
    result = load_exhibition(content)
    assert result.exhibition is not None
    kiosk = KioskWindow(result.exhibition, content)
    kiosk.window.show()
    assert kiosk.settle(), "the attract screen never settled"
    return kiosk


@pytest.mark.x11_only
def test_the_real_display_rig_renders_with_opengl_on_a_render_thread(qtbot: Any, tmp_path: Path) -> None:
    assert RIG == "x11" and os.environ["QT_QPA_PLATFORM"] == "xcb"
    assert os.environ["QT_QUICK_BACKEND"] == "rhi"  # Qt Quick's default, OpenGL, chosen explicitly
    kiosk = shown_kiosk(tmp_path)
    try:
        renderer = kiosk.window.rendererInterface()
        assert renderer.graphicsApi() == QSGRendererInterface.GraphicsApi.OpenGL
        assert "QSGRenderThread" in thread_names(), "Qt Quick is not drawing on a render thread"
        # The window's OpenGL context belongs to the thread that draws with it: not this one.
        address = int(renderer.getResource(kiosk.window, QSGRendererInterface.Resource.OpenGLContextResource))
        assert address, "the window has no OpenGL context"
        context = Shiboken.wrapInstance(address, QOpenGLContext)
        assert context.thread() is not QThread.currentThread()
    finally:
        kiosk.close()


def test_the_offscreen_rig_renders_on_the_gui_thread(qtbot: Any, tmp_path: Path) -> None:
    kiosk = shown_kiosk(tmp_path)
    try:
        threaded = "QSGRenderThread" in thread_names()
        assert threaded == (RIG == "x11")
    finally:
        kiosk.close()


def test_python_hears_of_swapped_frames_on_the_gui_thread(qtbot: Any, tmp_path: Path) -> None:
    kiosk = shown_kiosk(tmp_path)
    try:
        threads: list[int] = []
        kiosk.swaps.swapped.connect(lambda: threads.append(threading.get_ident()))
        for _ in range(3):
            assert kiosk.wait_for_frame()
        assert threads and set(threads) == {threading.main_thread().ident}
        assert FrameSwaps.of(kiosk.window) is kiosk.swaps, "one relay per window"
    finally:
        kiosk.close()


@pytest.mark.parametrize("kiosk_mode", [True, False])
def test_nothing_but_the_relay_listens_to_the_render_thread(
    qtbot: Any, tmp_path: Path, kiosk_mode: bool
) -> None:
    """The kiosk window, its operations and its health: one queued relay for frameSwapped, and no
    other connection to any signal of the render thread."""
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=kiosk_mode) as (kiosk, ops):
        assert isinstance(ops, Kiosk)
        health = Health(ops, kiosk.window, content, screen="hall-1",
                        metrics_file=tmp_path / "metrics" / "kiosk.prom", interval_ms=60_000)
        qt_own = qt_own_listeners()
        listeners = listeners_of(kiosk.window)
        assert listeners == {name: qt_own[name] + (name == "frameSwapped()") for name in qt_own}
        kiosk.navigator.touch()
        qtbot.waitUntil(lambda: health.frames.frames > 0 and ops.is_ready, timeout=10_000)
        health.close()
