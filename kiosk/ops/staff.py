"""Staff access: the hidden corner gesture, the PIN pad and the staff panel (QML: `Staff`).

The gesture (kiosk.ops.gesture) opens a PIN pad; each PIN is checked on a worker thread (a
check takes about half a second on purpose), so the pad stays responsive and says it is
checking. The right PIN opens the panel with the kiosk's
health (content status, snapshot, last reload, uptime, today's visits from the statistics file,
opening hours, last error)
and a few actions. The panel and the pad close by themselves after a while without touch, so
a panel left open never stays in front of visitors.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.registry import PerEngine
from kiosk.base.durations import format_duration
from kiosk.base.worker import run_in_worker
from kiosk.ops.gesture import CornerGesture
from kiosk.ops.pin import PinCheck, PinGate, check_pin, lockout_file, read_pin_hash, write_pin_hash
from kiosk.words import Words
from kiosk.words import words as words_in

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Staff", "format_duration"]

log = logging.getLogger("kiosk.staff")

PANEL_TIMEOUT_MS = 120_000
NO_PIN_MESSAGE = words_in("en").text("staff_no_pin")


@QmlElement
@QmlSingleton
class Staff(QObject):
    """The staff PIN pad and panel; the kiosk's operations fill in what the panel shows."""

    changed = Signal()
    pinChanged = Signal()
    uptimeChanged = Signal()
    reloadRequested = Signal()
    restartRequested = Signal()
    exitRequested = Signal()
    volumeChosen = Signal(float)
    panelOpened = Signal()
    panelClosed = Signal()
    pinChecked = Signal(bool)
    """After each PIN check: whether the PIN was right."""
    wordsChanged = Signal()

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._started = clock()
        self.gesture = CornerGesture(clock=clock)
        self.gate = PinGate(None, clock=clock, lockout_path=lockout_file())
        self._pin_path_hash: Callable[[], str | None] = read_pin_hash
        self._pin_store: Callable[[str], object] | None = write_pin_hash
        self._checking = False
        self._entered = ""
        self._message = ""
        """The key of the pad's message (kiosk.words), shown in the staff's language."""
        self._words: Words = words_in("en")
        self._pad_open = False
        self._panel_open = False
        self._screen_test = False
        self.allow_exit = True
        self.status: dict[str, Any] = {
            "contentValid": True, "contentErrors": [], "showingSnapshot": False, "lastReload": "",
            "sessionsToday": 0, "schedule": "open", "lastError": "", "volume": 1.0,
            "today": {},
        }
        self._timeout = QTimer(self, singleShot=True, interval=PANEL_TIMEOUT_MS)
        self._timeout.timeout.connect(self._timed_out)
        self._second = QTimer(self, interval=1000)
        self._second.timeout.connect(self._each_second)
        self._hold = QTimer(self, singleShot=True)
        self._hold.timeout.connect(self._check_gesture)

    @staticmethod
    def create(engine: object) -> Staff:
        return Staff.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Staff:
        return _STAFF.get(engine, Staff)

    # -- set-up ----------------------------------------------------------------------------

    def configure(self, hold_seconds: float, window_seconds: float, allow_exit: bool) -> None:
        self.gesture.hold_seconds = hold_seconds
        self.gesture.window_seconds = window_seconds
        self.allow_exit = allow_exit
        self.changed.emit()

    def set_language(self, tag: str) -> None:
        """The language the pad and panel speak: the exhibition's default language (the staff's),
        whatever language the visitor's screen shows."""
        if tag == self._words.language:
            return
        self._words = words_in(tag)
        self.wordsChanged.emit()
        self.changed.emit()
        self.pinChanged.emit()
        self.uptimeChanged.emit()

    def set_pin_source(
        self, source: Callable[[], str | None], store: Callable[[str], object] | None = None
    ) -> None:
        """Where the PIN hash comes from (the staff-pin file; tests give their own), and where a
        stronger hash of an older one is written after a right PIN (None: not written)."""
        self._pin_path_hash = source
        self._pin_store = store

    def set_timeout_ms(self, milliseconds: int) -> None:
        self._timeout.setInterval(milliseconds)

    def update_status(self, **values: object) -> None:
        """Fill in what the panel shows (contentValid, contentErrors, lastReload ...)."""
        self.status.update(values)
        self.changed.emit()

    # -- the gesture (fed by the lockdown event filter) ------------------------------------

    def pointer_pressed(self, x: float, y: float, width: float, height: float) -> None:
        if self._pad_open or self._panel_open:
            return
        self.gesture.press(x, y, width, height)
        deadline = self.gesture.hold_deadline()
        if deadline is not None:
            self._hold.start(max(1, int((deadline - self._clock()) * 1000) + 1))

    def pointer_moved(self, x: float, y: float, width: float, height: float) -> None:
        self.gesture.move(x, y, width, height)

    def pointer_released(self) -> None:
        self._hold.stop()
        if self.gesture.release():
            self.openPinPad()

    def _check_gesture(self) -> None:
        deadline = self.gesture.hold_deadline()
        if deadline is not None and self._clock() < deadline:
            self._hold.start(max(1, int((deadline - self._clock()) * 1000) + 1))
            return
        if self.gesture.check():
            self.openPinPad()

    # -- PIN pad ---------------------------------------------------------------------------

    @Slot()
    def openPinPad(self) -> None:
        self.gate.stored_hash = self._pin_path_hash()
        self._entered = ""
        self._message = "" if self.gate.configured else "staff_no_pin"
        self._pad_open = True
        log.info("staff gesture: PIN pad opened")
        self._touched()
        self._second.start()
        self.changed.emit()
        self.pinChanged.emit()

    @Slot(str)
    def digit(self, value: str) -> None:
        self._touched()
        if self._checking or self.locked_seconds() > 0 or not value.isdigit() or len(self._entered) >= 12:
            return
        self._entered += value
        self._message = ""
        self.pinChanged.emit()

    @Slot()
    def erase(self) -> None:
        self._touched()
        self._entered = self._entered[:-1]
        self.pinChanged.emit()

    @Slot()
    def submit(self) -> None:
        self._touched()
        if self._checking:
            return
        entered, self._entered = self._entered, ""
        if not self.gate.configured:
            self._message = "staff_no_pin"
        elif self.locked_seconds() > 0:
            self._message = "staff_locked"
        else:
            self._checking = True
            self._message = ""
            stored = self.gate.stored_hash
            run_in_worker(lambda: check_pin(entered, stored), self._on_checked, name="staff-pin-check",
                          failed=self._on_check_failed)
        self.pinChanged.emit()

    def _on_checked(self, outcome: PinCheck) -> None:
        """A PIN check finished (on the GUI thread): open the panel or count a wrong PIN."""
        self._checking = False
        self.gate.record(outcome.right)
        if outcome.right:
            if outcome.new_hash is not None:
                self._store_stronger_hash(outcome.new_hash)
            if self._pad_open:
                log.info("staff panel opened")
                self._pad_open = False
                self._panel_open = True
                self._message = ""
                self._touched()
                self.changed.emit()
                self.panelOpened.emit()
        else:
            log.warning("wrong staff PIN (%d in a row)", self.gate.failures)
            self._message = "staff_wrong_pin"
        self.pinChanged.emit()
        self.pinChecked.emit(outcome.right)

    def _on_check_failed(self, error: BaseException) -> None:
        log.error("the staff PIN could not be checked: %s", error)
        self._on_checked(PinCheck(False))

    def _store_stronger_hash(self, new_hash: str) -> None:
        if self._pin_store is None:
            return
        try:
            self._pin_store(new_hash)
        except OSError as error:
            log.warning("could not store the staff PIN with the stronger hash: %s", error)
            return
        self.gate.stored_hash = new_hash
        log.info("staff PIN hash made stronger (scrypt N=2^17)")

    def locked_seconds(self) -> int:
        return int(-(-self.gate.seconds_locked() // 1))

    # -- panel -----------------------------------------------------------------------------

    @Slot()
    def closeAll(self) -> None:
        was_open = self._panel_open
        self._pad_open = self._panel_open = self._screen_test = False
        self._entered = ""
        self._timeout.stop()
        self._second.stop()
        self.changed.emit()
        self.pinChanged.emit()
        if was_open:
            log.info("staff panel closed")
            self.panelClosed.emit()

    def _timed_out(self) -> None:
        if self._checking:  # never close the pad under a PIN being checked
            self._timeout.start()
            return
        self.closeAll()

    @Slot()
    def touched(self) -> None:
        """Any touch while the pad or panel is open keeps it open."""
        if self._pad_open or self._panel_open:
            self._touched()

    def _touched(self) -> None:
        self._timeout.start()

    @Slot()
    def reloadNow(self) -> None:
        self._touched()
        log.info("staff asked for a content reload")
        self.reloadRequested.emit()

    @Slot()
    def restartKiosk(self) -> None:
        log.info("staff asked for a restart")
        self.restartRequested.emit()

    @Slot()
    def exitToDesktop(self) -> None:
        if not self.allow_exit:
            log.warning("exit to desktop is switched off in exhibition.yaml (staff.allow_exit)")
            return
        log.info("staff asked to exit to the desktop")
        self.exitRequested.emit()

    @Slot(float)
    def setVolume(self, volume: float) -> None:
        self._touched()
        self.status["volume"] = max(0.0, min(1.0, volume))
        self.volumeChosen.emit(self.status["volume"])
        self.changed.emit()

    @Slot(bool)
    def showScreenTest(self, shown: bool) -> None:
        self._touched()
        self._screen_test = shown
        self.changed.emit()

    def record_error(self, text: str) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.update_status(lastError=f"{stamp} {text}")

    def _content_state(self) -> str:
        if self.status["contentValid"]:
            return self._words.text("staff_content_valid")
        return self._words.count("staff_content_errors", len(self.status["contentErrors"]))

    def _each_second(self) -> None:
        self.uptimeChanged.emit()
        if self._pad_open:
            self.pinChanged.emit()  # the lockout countdown

    # -- properties ------------------------------------------------------------------------

    pinPadOpen = Property(bool, lambda self: self._pad_open, notify=changed)
    panelOpen = Property(bool, lambda self: self._panel_open, notify=changed)
    screenTestOpen = Property(bool, lambda self: self._screen_test, notify=changed)
    allowExit = Property(bool, lambda self: self.allow_exit, notify=changed)
    pinConfigured = Property(bool, lambda self: self.gate.configured, notify=pinChanged)
    digits = Property(int, lambda self: len(self._entered), notify=pinChanged)
    pinMessage = Property(str, lambda self: self._words.text(self._message) if self._message else "",
                          notify=pinChanged)
    lockedText = Property(
        str, lambda self: self._words.count("staff_locked_countdown", self.locked_seconds()),
        notify=pinChanged)
    words = Property(  # type: ignore[arg-type]
        "QVariantMap", lambda self: self._words.table(), notify=wordsChanged  # type: ignore[arg-type]
    )
    """Every message of the kiosk (kiosk.words) in the staff's language: `Staff.words.staff_reload`."""
    contentState = Property(str, lambda self: self._content_state(), notify=changed)
    errorsHeading = Property(
        str, lambda self: self._words.text("staff_errors_heading", count=len(self.status["contentErrors"])),
        notify=changed)
    volumeHeading = Property(
        str, lambda self: self._words.text("staff_volume", percent=round(float(self.status["volume"]) * 100)),
        notify=changed)
    checking = Property(bool, lambda self: self._checking, notify=pinChanged)
    lockedSeconds = Property(int, lambda self: self.locked_seconds(), notify=pinChanged)
    contentValid = Property(bool, lambda self: bool(self.status["contentValid"]), notify=changed)
    contentErrors = Property(  # type: ignore[arg-type]
        "QVariantList", lambda self: list(self.status["contentErrors"]), notify=changed  # type: ignore[arg-type]
    )
    showingSnapshot = Property(bool, lambda self: bool(self.status["showingSnapshot"]), notify=changed)
    lastReload = Property(str, lambda self: str(self.status["lastReload"]), notify=changed)
    sessionsToday = Property(int, lambda self: int(self.status["sessionsToday"]), notify=changed)
    today = Property(  # type: ignore[arg-type]
        "QVariantMap", lambda self: dict(self.status["today"]), notify=changed  # type: ignore[arg-type]
    )
    """Today's visits for the panel: visits, median, topExhibit, languages, note (kiosk.insights.today)."""
    schedule = Property(str, lambda self: str(self.status["schedule"]), notify=changed)
    lastError = Property(str, lambda self: str(self.status["lastError"]), notify=changed)
    volume = Property(float, lambda self: float(self.status["volume"]), notify=changed)
    uptime = Property(
        str, lambda self: self._words.duration(self._clock() - self._started, with_seconds=False),
        notify=uptimeChanged)


_STAFF: PerEngine[Staff] = PerEngine()
