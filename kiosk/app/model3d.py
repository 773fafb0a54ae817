"""Whether this screen shows 3D models in 3D, and why, in a sentence for `kiosk doctor`.

The model view itself decides from its window's graphics API (QML `GraphicsInfo.api`): Qt Quick's
software renderer cannot draw Qt Quick 3D scenes, so there the view shows the model's still
picture. This module answers the same question before any window exists, from the choice the
kiosk makes about drawing (`kiosk.app.drawing`) and from Qt Quick 3D's presence.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.app.drawing import Answer, Setting, decide


@dataclass(frozen=True)
class ThreeD:
    """`shown`: models turn in 3D here; `reason`: why, or why they show their still picture."""

    shown: bool
    reason: str


def runtime_loader_installed() -> bool:
    """Whether Qt Quick 3D's runtime loader (QtQuick3D.AssetUtils, in PySide6-Addons) is installed."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath)) / "QtQuick3D" / "AssetUtils"
    return (folder / "qmldir").is_file()


def three_d(setting: Setting, answer: Answer | None, environ: Mapping[str, str] = os.environ,
            installed: bool | None = None) -> ThreeD:
    """Whether 3D models show in 3D with these drawing settings and this OpenGL."""
    still = "3D models show their still picture"
    if not (runtime_loader_installed() if installed is None else installed):
        return ThreeD(False, f"{still}: Qt Quick 3D is not installed (it comes with PySide6-Addons)")
    backend = environ.get("QT_QUICK_BACKEND", "")
    if backend in ("software", "softwarecontext"):
        return ThreeD(False, f"{still}: QT_QUICK_BACKEND={backend} makes Qt Quick draw in software")
    drawing = decide(setting, answer, dict(environ))
    if drawing is not None and drawing.software:
        return ThreeD(False, f"{still}: {drawing.reason}")
    if backend:
        return ThreeD(True, f"3D models turn in 3D (QT_QUICK_BACKEND={backend})")
    if answer is None or answer.renderer is None:
        return ThreeD(False, f"{still}: {answer.problem if answer else 'there is no OpenGL here'}")
    return ThreeD(True, f"3D models turn in 3D, drawn by {answer.renderer}")
