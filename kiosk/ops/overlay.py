"""The operations layer over the kiosk window: the closed screen, the "Still there?" countdown,
the staff PIN pad, panel and screen test (kiosk/qml/ops/OpsLayer.qml).

It is put over the window's content from Python, so Main.qml needs no change; it goes with the
window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlApplicationEngine, QQmlComponent
from PySide6.QtQuick import QQuickItem, QQuickWindow

log = logging.getLogger("kiosk.ops")

OPS_LAYER_QML = Path(__file__).resolve().parent.parent / "qml" / "ops" / "OpsLayer.qml"


def attach_overlay(engine: QQmlApplicationEngine, window: QQuickWindow) -> QQuickItem | None:
    """Create the operations layer over the window's content (None, and a log line, on failure)."""
    component = QQmlComponent(engine, QUrl.fromLocalFile(str(OPS_LAYER_QML)))
    if component.isError():
        for error in component.errors():
            log.error("operations overlay: %s", error.toString())
        return None
    item = component.beginCreate(engine.rootContext())
    if not isinstance(item, QQuickItem):
        log.error("operations overlay could not be created")
        return None
    item.setParentItem(window.contentItem())
    item.setParent(window.contentItem())  # dies with the window
    component.setParent(item)  # the component lives as long as the layer it made
    component.completeCreate()
    return item
