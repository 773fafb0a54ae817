"""Showing the kiosk window and waiting until a screen is really on it (for render, tests, benches).

A screen is "settled" when the window shows the Navigator's place, no transition is running,
no picture is still loading, and a frame with all that has been swapped to the screen.

On a real display Qt Quick draws on its own render thread, and that thread emits the window's
`frameSwapped`. Python code must never run there: the GUI thread holds Python's lock while it
waits for the render thread (closing, grabbing or resizing the window), so a Python slot on
the render thread would wait for the lock forever and the kiosk could not even be stopped.
`FrameSwaps` is the one way Python hears of swapped frames: on the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.app.bootstrap import main_qml_url, make_engine
from kiosk.app.memory import release_free_memory
from kiosk.app.navigator import Navigator
from kiosk.app.theme import Theme
from kiosk.content.model import Exhibition
from kiosk.session import ExhibitionSession, VisitEnded


class FrameSwaps(QObject):
    """The window's `frameSwapped`, emitted again as `swapped` on the GUI thread.

    The connection is queued and made between two Qt signals, so the render thread only posts
    an event and never runs Python; slots connected to `swapped` run on the GUI thread when
    it takes that event. `count` is the number of frames swapped so far. One per window:
    `FrameSwaps.of(window)`.
    """

    swapped = Signal()

    OBJECT_NAME = "kioskFrameSwaps"

    def __init__(self, window: QQuickWindow) -> None:
        super().__init__(window)  # lives on the GUI thread, and goes with the window
        self.setObjectName(self.OBJECT_NAME)
        self.count = 0
        self.swapped.connect(self._count)
        window.frameSwapped.connect(self.swapped, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _count(self) -> None:
        self.count += 1

    @classmethod
    def of(cls, window: QQuickWindow) -> FrameSwaps:
        """The window's relay, made on first use."""
        found = window.findChild(cls, cls.OBJECT_NAME)
        return found if isinstance(found, cls) else cls(window)


class KioskWindow:
    """Main.qml in a window, with its Navigator and Theme at hand."""

    def __init__(
        self,
        exhibition: Exhibition | None,
        root: Path | None,
        size: tuple[int, int] = (1920, 1080),
        language: str | None = None,
        reduced_motion: bool = False,
        url: QUrl | None = None,
        session: ExhibitionSession | None = None,
    ) -> None:
        self.engine: QQmlApplicationEngine = make_engine(exhibition, root, size=size, language=language,
                                                         session=session)
        self.navigator = Navigator.for_engine(self.engine)
        self.session: ExhibitionSession = self.navigator.session
        self.theme = Theme.for_engine(self.engine)
        self.theme.set_reduced_motion(reduced_motion)
        self.engine.load(url or main_qml_url())
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError("the kiosk's main window could not be created (see the log above)")
        self.window: QQuickWindow = roots[0]
        self.window.resize(*size)
        self.swaps = FrameSwaps.of(self.window)
        # Keys (an assistive keypad, a keyboard) reach the screens' shortcuts only in the active
        # window, and with no window manager (X11 without a desktop) nobody else activates it:
        # the window asks for the keyboard once its first frame is on the screen.
        self._asking_for_keyboard = False
        self.window.visibleChanged.connect(self._on_visible)
        self._stop_listening = self.navigator.session.subscribe(VisitEnded, self._on_visit_ended)

    FOCUS_TRIES = 20
    FOCUS_RETRY_MS = 100

    def _on_visible(self, visible: bool) -> None:
        if visible and not self._asking_for_keyboard:
            self._asking_for_keyboard = True
            self.swaps.swapped.connect(self._take_keyboard_focus)

    def _take_keyboard_focus(self) -> None:
        self.swaps.swapped.disconnect(self._take_keyboard_focus)
        self._ask_for_keyboard(self.FOCUS_TRIES)

    def _ask_for_keyboard(self, tries: int) -> None:
        # X ignores a request older than the last change of focus (another window that just
        # closed): ask again, a little later, until the window has the keyboard.
        if tries <= 0 or not self.window.isVisible() or self.window.isActive():
            self._asking_for_keyboard = False
            return
        self.window.requestActivate()
        QTimer.singleShot(self.FOCUS_RETRY_MS, self.window, lambda: self._ask_for_keyboard(tries - 1))

    def on_screen(self) -> bool:
        """The shown window has drawn its first frame and has the keyboard (or stopped asking)."""
        if not self.window.isVisible():
            return True
        return self.swaps.count > 0 and not self._asking_for_keyboard

    RELEASE_DELAY_MS = 600
    """After the move to attract has finished and the old screen is gone."""

    def _on_visit_ended(self, event: VisitEnded) -> None:
        # The visit is over: once the attract loop is on screen and the visit's last screen has
        # gone, hand the memory its pictures and films needed back to the system.
        QTimer.singleShot(self.RELEASE_DELAY_MS, release_free_memory)

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
        return self.on_screen() and self.shows_current_place() and self.pending_loads() == 0

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
        target = self.swaps.count + 1
        self.window.update()
        return self.wait_until(lambda: self.swaps.count >= target, timeout_ms)

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
        self._stop_listening()
        self.window.close()
        self.engine.deleteLater()

    def shut_down(self) -> None:
        """The end of the process: close the window and free the QML engine now, while the
        application still exists, and stop Qt's threads from calling Python.

        From here on Qt's messages go to standard error (the journal under systemd) rather than
        through Python's logging: the render thread and the picture reader may still report
        something while the GUI thread waits for them with Python's lock held, or once Python
        has begun to shut down, and a Python message handler cannot run then.
        """
        qInstallMessageHandler(None)
        from kiosk.app import pyramids

        pyramids.builder().close()  # no picture work announces itself to a closing application
        self.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

