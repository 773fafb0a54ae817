"""Every type of `import Kiosk`: the visitor front end's and the operations' singletons.

The front end registers its own types (`kiosk.app.bootstrap.register_qml_types`); the operations'
singletons `Idle`, `Staff` and `Hours` are registered when their modules are imported, here. The
visitor screens listen to `Idle` (the language picker closes when the countdown starts), so
whatever loads Main.qml calls this first: `kiosk run` (kiosk.composition), `kiosk render`, tests.
"""

from __future__ import annotations

from kiosk.app import bootstrap
from kiosk.ops import hours, idle, staff

__all__ = ["register_qml_types"]

OPS_QML_MODULES = (hours, idle, staff)
"""The modules whose classes are QML singletons of the operations (registered on import)."""


def register_qml_types() -> None:
    """Register every Python type QML can use (each once per process)."""
    bootstrap.register_qml_types()
