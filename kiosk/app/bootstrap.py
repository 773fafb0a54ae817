"""Putting the visitor application together: QML types, the theme, the session, the engine.

`register_qml_types()` makes the visitor front end's Python types visible to `import Kiosk`
(the operations' singletons are registered with them by `kiosk.composition`);
`make_engine(exhibition, root)` gives a QML engine whose Theme and Navigator singletons follow an
exhibition session that shows that exhibition, ready to load Main.qml or a single exhibit view.
Its network access is off: it reads local files and Qt's resources only (`kiosk.app.network`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.app.network import keep_offline
from kiosk.app.registry import engine_key
from kiosk.session import ExhibitionSession

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

    from kiosk.content.model import Exhibition

log = logging.getLogger("kiosk.app")

QML_DIR = Path(__file__).resolve().parent.parent / "qml"
MAIN_QML = QML_DIR / "Main.qml"


def register_qml_types() -> None:
    """Register the front end's types under `import Kiosk`: each module registers its own when
    it is first imported (Python imports a module once per process)."""
    from kiosk.app import (
        access,
        exhibit_data,
        models,
        navigator,
        playback,
        poll,
        speech,
        theme,
        tiled_picture,
    )

    del access, exhibit_data, models, navigator, playback, poll, speech, theme, tiled_picture


_SCREENS: list[QScreen] = []
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
    exhibition: Exhibition | None = None,
    root: Path | None = None,
    *,
    size: tuple[int, int] = (1920, 1080),
    language: str | None = None,
    session: ExhibitionSession | None = None,
    parent: QObject | None = None,
) -> QQmlApplicationEngine:
    """A QML engine whose Theme, Navigator and access modes follow `session` (a new one if not
    given), which shows this exhibition; no network access.

    With no exhibition the Theme has its defaults and the Navigator is empty, which is what
    a stand-alone exhibit view needs. `root` is the content folder that media paths are
    relative to (the current folder if not given).
    """
    register_qml_types()
    hold_screens()
    from kiosk.app.access import Access
    from kiosk.app.navigator import Navigator
    from kiosk.app.poll import Polls
    from kiosk.app.theme import Theme

    engine = QQmlApplicationEngine(parent)
    keep_offline(engine)
    theme = Theme.for_engine(engine)
    theme.set_window_size(*size)
    navigator = Navigator.for_engine(engine)
    navigator.bind_theme(theme)
    session = session or ExhibitionSession()
    navigator.attach(session)
    session.show(exhibition, root or Path.cwd(), language)
    Access.for_engine(engine).attach(theme, session)
    Polls.for_engine(engine).attach(session)
    key = engine_key(engine)
    engine.destroyed.connect(lambda *_: _forget(key))
    return engine


def _forget(key: int) -> None:
    from kiosk.app.access import Access
    from kiosk.app.navigator import Navigator
    from kiosk.app.poll import Polls
    from kiosk.app.speech import Speech
    from kiosk.app.theme import Theme

    Polls.forget_engine(key)
    Theme.forget_engine(key)
    Navigator.forget_engine(key)
    Access.forget_engine(key)
    Speech.forget_engine(key)


def main_qml_url() -> QUrl:
    return QUrl.fromLocalFile(str(MAIN_QML))
