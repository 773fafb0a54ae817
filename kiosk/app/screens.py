"""Showing the kiosk window and waiting until a screen is really on it (for render, tests, benches).

A screen is "settled" when the window shows the Navigator's place, no transition is running,
no picture is still loading, and a frame with all that has been swapped to the screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.app.bootstrap import main_qml_url, make_engine
from kiosk.app.memory import release_free_memory
from kiosk.app.navigator import Navigator
from kiosk.app.theme import Theme


class KioskWindow:
    """Main.qml in a window, with its Navigator and Theme at hand."""

    def __init__(
        self,
        exhibition: Any | None,
        root: Path | None,
        size: tuple[int, int] = (1920, 1080),
        language: str | None = None,
        reduced_motion: bool = False,
        url: QUrl | None = None,
    ) -> None:
        self.engine: QQmlApplicationEngine = make_engine(exhibition, root, size=size, language=language)
        self.navigator = Navigator.for_engine(self.engine)
        self.theme = Theme.for_engine(self.engine)
        self.theme.set_reduced_motion(reduced_motion)
        self.engine.load(url or main_qml_url())
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError("the kiosk's main window could not be created (see the log above)")
        self.window: QQuickWindow = roots[0]
        self.window.resize(*size)
        self._swapped = 0
        self.window.frameSwapped.connect(self._on_swapped)
        self.navigator.screenChanged.connect(self._on_screen_changed)

    RELEASE_DELAY_MS = 600
    """After the move to attract has finished and the old screen is gone."""

    def _on_screen_changed(self) -> None:
        if self.navigator.property("screen") == "attract":
            # The visit is over: hand the memory its pictures and films needed back to the system.
            QTimer.singleShot(self.RELEASE_DELAY_MS, release_free_memory)

    def _on_swapped(self) -> None:
        self._swapped += 1

    @property
    def stack(self) -> QQuickItem:
        stack = self.window.findChild(QQuickItem, "stack")
        assert stack is not None, "Main.qml has no StackView named 'stack'"
        return stack

    def current_screen(self) -> QQuickItem | None:
        item = self.stack.property("currentItem")
        return item if isinstance(item, QQuickItem) else None

    def shows_current_place(self) -> bool:
        key = self.window.property("shownKey")
        place = self.navigator.property("place")
        expected = (
            "unavailable"
            if not self.navigator.property("available")
            else "/".join([place["screen"], place["floor"], place["section"], place["exhibit"]])
        )
        return bool(key == expected and not self.stack.property("busy"))

    def settled(self) -> bool:
        return self.shows_current_place() and self.pending_loads() == 0

    def pending_loads(self) -> int:
        """Pictures and exhibit views on screen that are still loading."""
        return int(getattr(self.window, "pendingLoads")())  # noqa: B009 - a QML function

    def wait_until(self, condition: Callable[[], bool], timeout_ms: int = 10000) -> bool:
        """Run the event loop until the condition holds (or the timeout passes)."""
        app = QGuiApplication.instance()
        assert app is not None, "a QGuiApplication must exist"
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        deadline = time.monotonic() + timeout_ms / 1000
        while not condition():
            if time.monotonic() > deadline:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            # screens left behind are deleted later; a running event loop would do it now
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return True

    def wait_for_frame(self, timeout_ms: int = 5000) -> bool:
        """Ask for a new frame and wait until it has been swapped."""
        target = self._swapped + 1
        self.window.update()
        return self.wait_until(lambda: self._swapped >= target, timeout_ms)

    def settle(self, timeout_ms: int = 15000) -> bool:
        """Wait until the current place is fully on screen, pictures included."""
        ok = self.wait_until(self.settled, timeout_ms)
        # Pictures that finished loading change the scene, and lists create their delegates
        # (which may start loading more pictures) while polishing the next frame: draw frames
        # until one is drawn with nothing left loading.
        for _ in range(5):
            drawn = self.wait_for_frame()
            if self.pending_loads() == 0:
                return drawn and ok
            ok = self.wait_until(self.settled, timeout_ms) and ok
        return self.wait_for_frame() and ok

    def grab(self) -> QImage:
        return self.window.grabWindow()

    def close(self) -> None:
        self.window.close()
        self.engine.deleteLater()

