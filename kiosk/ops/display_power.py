"""Switching this screen's displays and projectors on and off with the opening hours.

    power = DisplayPower([DevicePower(method="ddc"), DevicePower(method="pjlink", host="10.0.0.5")])
    power(False)        # closing: every device is asked to switch off, each on its own thread

Each device is switched off the GUI thread (a projector on the network may take seconds to
answer) with a timeout; the outcome comes back to the GUI thread (`kiosk.base.worker`), is logged
in plain words and kept for the health metrics (`kiosk_display_power_ok`). A device that failed
never stops the kiosk. Requests to one device are sent one after the other: while one runs, only
the newest wish waits. A projector that is warming up or cooling down answers "busy": the kiosk
asks again every `retry_ms` for a few minutes, as long as the wish still holds.

`set_display_power` is the plain X11 switch on the calling thread (the default for a kiosk
assembled without screen settings).
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.base.worker import run_in_worker
from kiosk.ops import pjlink
from kiosk.ops.power_settings import TOOLS, DevicePower, command_for, resolve, why_auto_found_nothing

log = logging.getLogger("kiosk.display_power")

RETRY_MS = 30_000
RETRIES = 10
"""A busy projector is asked again every 30 s, up to 10 times (warming up takes about a minute)."""


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    busy: bool = False


def run_tool(command: list[str], timeout: float) -> Outcome:
    """Run one program with a timeout; on timeout its whole process group is stopped."""
    tool = os.path.basename(command[0])
    shown = " ".join([tool, *command[1:]])
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
    except OSError as error:
        return Outcome(False, f"{tool} could not start: {error.strerror or error}")
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            process.kill()
        process.communicate()
        return Outcome(False, f"{shown} did not finish within {timeout:g} s")
    if process.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        said = f": {lines[-1][:200]}" if lines else ""
        return Outcome(False, f"{shown} failed (exit code {process.returncode}){said}")
    return Outcome(True, "")


def switch_device(device: DevicePower, on: bool,
                  which: Callable[[str], str | None] = shutil.which) -> Outcome:
    """Switch one (resolved) device now, on the calling thread; never raises."""
    if device.method == "none":
        return Outcome(False, "no way to switch this display is set up")
    if device.method == "pjlink":
        projector = pjlink.Projector(str(device.host), device.port, device.password, device.timeout_seconds)
        try:
            pjlink.set_power(projector, on)
        except pjlink.PJLinkError as error:
            return Outcome(False, str(error), busy=error.busy)
        return Outcome(True, "")
    tool_name = TOOLS[device.method]
    tool = which(tool_name)
    if tool is None:
        return Outcome(False, f"{tool_name} is not installed")
    for command in command_for(device, on, tool):
        outcome = run_tool(command, device.timeout_seconds)
        if not outcome.ok:
            return outcome
    return Outcome(True, "")


def set_display_power(on: bool) -> bool:
    """Wake or sleep the display where the platform allows it (X11 with xset), on the calling
    thread; never fatal. True when the display was really switched."""
    if not os.environ.get("DISPLAY") or shutil.which("xset") is None:
        log.info("display %s requested; no X11 xset here, the screen shows %s instead",
                 "wake" if on else "sleep", "the exhibition" if on else "the closed screen")
        return False
    outcome = switch_device(DevicePower(method="x11"), on)
    if not outcome.ok:
        log.warning("the display did not switch %s: %s", "on" if on else "off", outcome.message)
        return False
    log.info("display switched %s (xset dpms)", "on" if on else "off")
    return True


class _Device:
    """One device's queue: the request running, the newest wish waiting, the last outcome."""

    def __init__(self, settings: DevicePower, retry: QTimer) -> None:
        self.settings = settings
        self.retry = retry
        self.running: bool | None = None
        self.waiting: bool | None = None
        self.wanted: bool | None = None
        self.tries = 0
        self.ok: bool | None = None


class DisplayPower(QObject):
    """Every display and projector of this screen, switched together (`power(on)`)."""

    switched = Signal(str, bool, bool)
    """A device answered: its label, on (True) or off, and whether it worked."""
    finished = Signal(bool, bool)
    """Every device has answered the latest request: on or off, and whether all of them worked."""

    def __init__(self, devices: Sequence[DevicePower], *, environ: Mapping[str, str] | None = None,
                 which: Callable[[str], str | None] = shutil.which, retry_ms: int = RETRY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.which = which
        self.retry_ms = retry_ms
        devices = list(devices) or [DevicePower()]
        resolved = [resolve(device, environ, which) for device in devices]
        self.devices: list[_Device] = []
        for device in resolved:
            if device.method != "none":
                index = len(self.devices)
                retry = QTimer(self, singleShot=True, interval=retry_ms)
                retry.timeout.connect(lambda index=index: self._retry(index))
                self.devices.append(_Device(device, retry))
        if not self.devices:
            reason = (why_auto_found_nothing(environ, which) if any(d.method == "auto" for d in devices)
                      else "display_power is 'none' in the screen settings")
            log.info("the kiosk does not switch the display: %s; the closed screen stays lit", reason)
        self._request: bool | None = None
        self._answers: dict[int, bool] = {}

    def __call__(self, on: bool) -> bool:
        """Ask every device to switch; True when at least one will try (the outcome comes later)."""
        self._request, self._answers = on, {}
        for index, device in enumerate(self.devices):
            device.wanted, device.tries = on, 0
            device.retry.stop()
            self._send(index, on)
        return bool(self.devices)

    def states(self) -> list[tuple[str, str, bool]]:
        """Each device that has been switched: its label, method, and whether the last switch worked."""
        return [(device.settings.label, device.settings.method, device.ok)
                for device in self.devices if device.ok is not None]

    def _send(self, index: int, on: bool) -> None:
        device = self.devices[index]
        if device.running is not None:
            device.waiting = on
            return
        device.running, device.waiting = on, None
        settings, which = device.settings, self.which
        run_in_worker(lambda: (index, on, switch_device(settings, on, which)), self._answered,
                      name=f"display power {settings.label}")

    def _answered(self, result: tuple[int, bool, Outcome]) -> None:
        index, on, outcome = result
        device = self.devices[index]
        device.running = None
        label, word = device.settings.label, "on" if on else "off"
        if device.waiting is not None and device.waiting != on:
            self._send(index, device.waiting)  # a newer wish: this outcome no longer counts
            return
        device.waiting = None
        device.ok = outcome.ok
        if outcome.ok:
            log.info("%s switched %s (%s)", label, word, device.settings.method)
        elif outcome.busy and device.wanted == on and device.tries < RETRIES:
            device.tries += 1
            log.warning("%s did not switch %s: %s; trying again in %g s", label, word, outcome.message,
                        self.retry_ms / 1000)
            device.retry.start()
        else:
            log.warning("%s did not switch %s: %s", label, word, outcome.message)
        self.switched.emit(label, on, outcome.ok)
        if on == self._request:
            self._answers[index] = outcome.ok
            if len(self._answers) == len(self.devices):
                self.finished.emit(on, all(self._answers.values()))

    def _retry(self, index: int) -> None:
        wanted = self.devices[index].wanted
        if wanted is not None:
            self._send(index, wanted)
