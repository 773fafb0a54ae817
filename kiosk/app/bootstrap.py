"""Putting the visitor application together: QML types, the theme, the image provider, the engine.

`register_qml_types()` makes every Python type visible to `import Kiosk`;
`make_engine(exhibition, root)` gives a QML engine whose Theme and Navigator singletons are
already set up for that exhibition, ready to load Main.qml or a single exhibit view. Its network
access is off: it reads local files and Qt's resources only (`kiosk.app.network`).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.app.images import PROVIDER_ID, KioskImageProvider
from kiosk.app.network import keep_offline
from kiosk.app.registry import engine_key

log = logging.getLogger("kiosk.app")

QML_DIR = Path(__file__).resolve().parent.parent / "qml"
MAIN_QML = QML_DIR / "Main.qml"
CORE_QML_MODULES = ["kiosk.app.theme", "kiosk.app.models", "kiosk.app.navigator", "kiosk.app.access"]
OPTIONAL_QML_MODULES = [
    "kiosk.app.exhibit_data", "kiosk.app.tiled_picture", "kiosk.app.playback", "kiosk.ops.idle",
    "kiosk.ops.staff", "kiosk.ops.hours",
]

_registered = False


def register_qml_types() -> None:
    """Import every module that registers QML types under `import Kiosk` (once per process)."""
    global _registered
    if _registered:
        return
    for name in CORE_QML_MODULES:
        importlib.import_module(name)
    for name in OPTIONAL_QML_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    _registered = True


_SCREENS: list[Any] = []
"""Python wrappers of the computer's screens, held for the life of the process."""


def hold_screens() -> None:
    """Keep one Python wrapper of every screen alive, now and for screens plugged in later.

    In a long-running process a wrapper of a QScreen was seen to end up owned by Python; when
    the garbage collector took it, the screen itself was deleted and the next window created
    on it crashed (in QWindowPrivate::connectToScreen). With one wrapper held from the start,
    every later wrap of that screen reuses it and the screen stays Qt's.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication) or _SCREENS:
        return
    _SCREENS.extend(app.screens())
    app.screenAdded.connect(_SCREENS.append)


def make_engine(
    exhibition: Any | None = None,
    root: Path | None = None,
    *,
    size: tuple[int, int] = (1920, 1080),
    language: str | None = None,
    parent: QObject | None = None,
) -> QQmlApplicationEngine:
    """A QML engine with Theme, Navigator and `image://kiosk` ready for this exhibition, and no
    network access.

    With no exhibition the Theme has its defaults and the Navigator is empty, which is what
    a stand-alone exhibit view needs. `root` is the content folder that media paths are
    relative to (the current folder if not given).
    """
    register_qml_types()
    hold_screens()
    from kiosk.app.access import Access
    from kiosk.app.navigator import Navigator
    from kiosk.app.theme import Theme

    engine = QQmlApplicationEngine(parent)
    keep_offline(engine)
    engine.addImageProvider(PROVIDER_ID, KioskImageProvider(root))
    theme = Theme.for_engine(engine)
    theme.set_window_size(*size)
    navigator = Navigator.for_engine(engine)
    navigator.bind_theme(theme)
    navigator.load(exhibition, root or Path.cwd(), language=language)
    Access.for_engine(engine).attach(theme, navigator)
    key = engine_key(engine)
    engine.destroyed.connect(lambda *_: _forget(key))
    return engine


def _forget(key: int) -> None:
    from kiosk.app.access import Access
    from kiosk.app.navigator import Navigator
    from kiosk.app.theme import Theme

    Theme.forget_engine(key)
    Navigator.forget_engine(key)
    Access.forget_engine(key)


def main_qml_url() -> QUrl:
    return QUrl.fromLocalFile(str(MAIN_QML))
