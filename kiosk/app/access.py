"""The `Access` QML singleton: the visitor's accessibility modes, chosen on the kiosk itself.

One always-visible button opens a panel with six modes: larger text, high contrast, reach
(everything in the lower part of the screen, for seated visitors), less motion, captions
always on and read aloud (narration starts by itself). The modes change the `Theme`; films
and exhibits read `Access` directly. When the visit ends (the exhibition session says so, for
whatever reason) every mode turns off, so the next visitor starts with the standard kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.registry import PerEngine
from kiosk.app.theme import Theme
from kiosk.session import ExhibitionSession, VisitEnded

__all__ = ["MODES", "QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Access"]

log = logging.getLogger("kiosk.access")

MODES: tuple[str, ...] = ("large-text", "high-contrast", "reach", "reduced-motion", "captions", "read-aloud")
"""Every mode, in the order the panel shows them."""


@QmlElement
@QmlSingleton
class Access(QObject):
    """Which accessibility modes are on for the current visitor (QML: `Access`)."""

    modesChanged = Signal()
    modeTurnedOn = Signal(str)
    """A visitor turned a mode on (for insights: which modes are used)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on: set[str] = set()
        self._panel_open = False
        self._theme: Theme | None = None
        self._stop_listening: Callable[[], None] | None = None

    # -- registration ----------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Access:
        return Access.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Access:
        return _ACCESS.get(engine, Access)

    @staticmethod
    def forget_engine(key: int) -> None:
        _ACCESS.forget(key)

    # -- set-up ----------------------------------------------------------------------------

    def attach(self, theme: Theme, session: ExhibitionSession) -> None:
        """Push the modes into this Theme; turn them off whenever this session's visit ends."""
        self._theme = theme
        if self._stop_listening is not None:
            self._stop_listening()
        self._stop_listening = session.subscribe(VisitEnded, self._on_visit_ended)
        self._push()

    def _on_visit_ended(self, event: VisitEnded) -> None:
        self.reset()

    # -- changing modes --------------------------------------------------------------------

    def set_mode(self, name: str, on: bool) -> None:
        if name not in MODES:
            log.warning("no accessibility mode called %r", name)
            return
        if (name in self._on) == on:
            return
        if on:
            self._on.add(name)
        else:
            self._on.discard(name)
        self._push()
        self.modesChanged.emit()
        if on:
            self.modeTurnedOn.emit(name)

    @Slot()
    def reset(self) -> None:
        """Every mode off and the panel closed: the standard kiosk for the next visitor."""
        if not self._on and not self._panel_open:
            return
        self._on.clear()
        self._panel_open = False
        self._push()
        self.modesChanged.emit()

    def _push(self) -> None:
        if self._theme is None:
            return
        self._theme.set_visitor_modes(
            large_text="large-text" in self._on,
            high_contrast="high-contrast" in self._on,
            reach="reach" in self._on,
            reduced_motion="reduced-motion" in self._on,
        )

    def _set_panel(self, open_: bool) -> None:
        if open_ != self._panel_open:
            self._panel_open = open_
            self.modesChanged.emit()

    # -- QML slots -------------------------------------------------------------------------

    @Slot(str)
    def toggle(self, name: str) -> None:
        self.set_mode(name, name not in self._on)

    @Slot(str, bool)
    def setMode(self, name: str, on: bool) -> None:
        self.set_mode(name, on)

    @Slot()
    def openPanel(self) -> None:
        self._set_panel(True)

    @Slot()
    def closePanel(self) -> None:
        self._set_panel(False)

    @Slot(str, result=bool)
    def isOn(self, name: str) -> bool:
        return name in self._on

    # -- properties ------------------------------------------------------------------------

    def _is(self, name: str) -> bool:
        return name in self._on

    def _large_text(self) -> bool:
        return self._is("large-text")

    def _high_contrast(self) -> bool:
        return self._is("high-contrast")

    def _reach(self) -> bool:
        return self._is("reach")

    def _reduced_motion(self) -> bool:
        return self._is("reduced-motion")

    def _captions(self) -> bool:
        return self._is("captions")

    def _read_aloud(self) -> bool:
        return self._is("read-aloud")

    def _active(self) -> bool:
        return bool(self._on)

    def _panel(self) -> bool:
        return self._panel_open

    def _modes(self) -> list[str]:
        return [name for name in MODES if name in self._on]

    largeText = Property(bool, _large_text, notify=modesChanged)
    highContrast = Property(bool, _high_contrast, notify=modesChanged)
    reach = Property(bool, _reach, notify=modesChanged)
    reducedMotion = Property(bool, _reduced_motion, notify=modesChanged)
    captions = Property(bool, _captions, notify=modesChanged)
    readAloud = Property(bool, _read_aloud, notify=modesChanged)
    active = Property(bool, _active, notify=modesChanged)
    panelOpen = Property(bool, _panel, notify=modesChanged)
    modes = Property(list, _modes, notify=modesChanged)
    """The modes that are on, in the panel's order."""


_ACCESS: PerEngine[Access] = PerEngine()
"""One set of modes per QML engine (per kiosk window)."""
