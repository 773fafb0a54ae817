"""Logging: a rotating file in the state folder, the terminal, and Qt's own messages routed in."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from kiosk.base.paths import ensure, state_dir

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to `folder`/kiosk.log (5 files of 2 MB) and to stderr. Returns the log file's path."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter(FORMAT))
    console._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(console)
    path: Path | None = None
    try:
        path = ensure(folder or state_dir()) / "kiosk.log"
        rotating = logging.handlers.RotatingFileHandler(
            path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger("kiosk").warning("cannot write log files: %s", error)
        return None
    rotating.setFormatter(logging.Formatter(FORMAT))
    rotating._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(rotating)
    return path


def route_qt_messages() -> None:
    """Send qDebug/qWarning/... (QML errors included) into Python logging under 'qt'."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        category = getattr(context, "category", "") or "default"
        qt_log.log(levels.get(kind, logging.WARNING), "[%s] %s", category, message)

    qInstallMessageHandler(handler)


def quiet_media_notes() -> None:
    """Leave out FFmpeg's notes on every file it opens (format, duration, streams); its warnings
    stay. QT_LOGGING_RULES in the environment still overrides this for troubleshooting."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules("qt.multimedia.ffmpeg*.info=false\nqt.multimedia.ffmpeg*.debug=false")
