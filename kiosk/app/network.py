"""No network for QML: every engine the kiosk makes reads local files and Qt's resources, nothing else.

Visitors see only the checked content folder. A picture or page fetched from the network could
change after the check, or tell a server that someone is standing at the kiosk; so no text,
picture source or QML file can make the kiosk open a connection, to another computer or to this
one.

How it works, and on which threads:

- `OfflineFactory`, installed on every engine by `make_engine` (`keep_offline`), gives each
  engine thread a plain Qt `QNetworkAccessManager` with a proxy of a kind that cannot carry web
  requests (an FTP caching proxy with no address). Qt answers every `http:`, `https:`,
  `unix+http:` and `local+http:` request at once with "No suitable proxy found" and opens no
  socket. A proxy set on the manager itself is used for every host, loopback included (Qt skips
  its application-wide proxy for `localhost`, so that would not do). `file:`, `qrc:` and `data:`
  are read by Qt itself, on this computer, as before; other schemes are unknown to Qt.
- The manager is Qt's own class with no Python override, so no request ever runs Python code.
  Only `create()` is Python. Qt calls it on the thread that needs a manager: `keep_offline` asks
  for the engine's own manager at once, on the GUI thread; Qt's picture thread and QML loader
  thread ask only when they meet a URL that is not local (a picture or QML file on the network).
  Nothing the kiosk shows produces one: every text is shown as plain text (a picture tag in a
  title is shown as characters, never loaded), pictures and films are file URLs made from paths
  checked to stay in the content folder, and the QML files are the kiosk's own. `create()`
  counts and logs any call off the GUI thread, and the tests check that a visit makes none.
- Not used: a `QQmlAbstractUrlInterceptor`. Qt 6.11 calls `intercept()` on its QML loader thread
  for every QML and qmldir file it loads (seen: 234 of 387 calls during one short visit), which
  would put Python on that thread for every screen, where it can deadlock against the GUI thread.
- Films are read by QtMultimedia's FFmpeg, not through these managers; their sources are always
  file URLs made from checked content paths.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QThread
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkProxy
from PySide6.QtQml import QQmlEngine, QQmlNetworkAccessManagerFactory

log = logging.getLogger("kiosk.network")


def offline_manager(parent: QObject | None = None) -> QNetworkAccessManager:
    """A network access manager that reads only local URLs and refuses every request to a host."""
    manager = QNetworkAccessManager(parent)
    manager.setProxy(QNetworkProxy(QNetworkProxy.ProxyType.FtpCachingProxy))
    return manager


class OfflineFactory(QQmlNetworkAccessManagerFactory):
    """Makes the managers of every QML engine the kiosk has: all of them offline."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self.made = 0
        self.made_off_gui_thread = 0

    def create(self, parent: QObject) -> QNetworkAccessManager:
        manager = offline_manager(parent)
        on_gui_thread = QThread.isMainThread()
        with self._lock:
            self.made += 1
            self.made_off_gui_thread += 0 if on_gui_thread else 1
        if not on_gui_thread:
            log.warning("a QML picture or file on the network was asked for; it is refused, not fetched")
        return manager


_FACTORY: OfflineFactory | None = None


def offline_factory() -> OfflineFactory:
    """The one factory all engines share (an engine does not own its factory)."""
    global _FACTORY
    if _FACTORY is None:
        _FACTORY = OfflineFactory()
    return _FACTORY


def keep_offline(engine: QQmlEngine) -> None:
    """Make every network access manager of this engine offline; its own one is made now, here
    on the GUI thread. Call before the engine loads anything."""
    engine.setNetworkAccessManagerFactory(offline_factory())
    engine.networkAccessManager()
