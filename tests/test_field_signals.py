"""SIGTERM and SIGINT reach the kiosk through a wakeup socket watched by the Qt event loop, and the
handlers that were there before come back when the kiosk closes."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QObject, QTimer

from kiosk.app.screens import KioskWindow
from kiosk.composition import Kiosk, assemble
from kiosk.content.load import load_exhibition
from kiosk.ops import stopping
from kiosk.ops.stop_signals import StopSignals
from tests.ops_helpers import QUIET_MEDIA, SHORT, STAFF_PIN_HASH
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA


class Exits:
    """Stands in for QCoreApplication: records exit codes and ends the loop the test runs."""

    def __init__(self) -> None:
        self.codes: list[int] = []
        self.loop: QEventLoop | None = None

    def exit(self, code: int) -> None:
        self.codes.append(code)
        if self.loop is not None:
            self.loop.quit()


@contextmanager
def kiosk_with_hooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Kiosk, Exits]]:
    """A kiosk whose operations install their process-wide hooks, as `kiosk run` does."""
    exits = Exits()
    monkeypatch.setattr(stopping, "QCoreApplication", exits)
    content = write_sample_exhibition(tmp_path / "content")
    result = load_exhibition(content)
    assert result.exhibition is not None
    kiosk = KioskWindow(result.exhibition, content)
    kiosk.window.show()
    ops = assemble(kiosk, content, kiosk_mode=False, timings=SHORT, snapshot_dir=tmp_path / "last-good",
                   pin_source=lambda: STAFF_PIN_HASH, display_power=lambda on: None, install_hooks=True)
    try:
        yield ops, exits
    finally:
        ops.close()
        kiosk.close()


def run_loop_until_exit(exits: Exits, timeout_ms: int = 10_000) -> None:
    """Run a Qt event loop (no Python runs unless Qt calls it) until the kiosk asks to exit."""
    loop = QEventLoop()
    exits.loop = loop
    guard = QTimer(singleShot=True, interval=timeout_ms)
    guard.timeout.connect(loop.quit)
    guard.start()
    loop.exec()
    guard.stop()
    exits.loop = None


def current_wakeup_fd() -> int:
    fd = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(fd)
    return fd


@pytest.mark.parametrize(("number", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_wakes_the_event_loop_and_stops_the_kiosk(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: signal.Signals, code: int
) -> None:
    before = signal.getsignal(number)
    with kiosk_with_hooks(tmp_path, monkeypatch) as (ops, exits):
        assert current_wakeup_fd() != -1, "signals are not written to a wakeup socket"
        timers = ops.kiosk_window.engine.findChildren(QTimer)  # every part's timers
        polling = [timer for timer in timers if timer.isActive() and timer.interval() == 500]
        assert not polling, "a timer polls for signals"
        os.kill(os.getpid(), number)
        run_loop_until_exit(exits)
        assert exits.codes == [code]
        assert ops.lockdown.released
    assert signal.getsignal(number) is before


def test_closing_puts_back_the_handlers_and_the_wakeup_socket(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def earlier_handler(number: int, frame: object) -> None:
        raise AssertionError("not called in this test")

    previous = signal.signal(signal.SIGTERM, earlier_handler)
    reader, writer = os.pipe()
    os.set_blocking(writer, False)
    previous_fd = signal.set_wakeup_fd(writer)
    try:
        with kiosk_with_hooks(tmp_path, monkeypatch):
            assert current_wakeup_fd() not in (-1, writer)
            assert signal.getsignal(signal.SIGTERM) is not earlier_handler
        assert current_wakeup_fd() == writer
        assert signal.getsignal(signal.SIGTERM) is earlier_handler
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.set_wakeup_fd(previous_fd)
        signal.signal(signal.SIGTERM, previous)
        os.close(reader)
        os.close(writer)


def test_other_signals_on_the_wakeup_socket_do_not_stop_the_kiosk(qtbot: Any) -> None:
    stops: list[int] = []
    parent = QObject()
    previous = signal.signal(signal.SIGUSR1, lambda *_: None)
    watcher = StopSignals(stops.append, parent)
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: stops == [143], timeout=10_000)
    finally:
        watcher.close()
        signal.signal(signal.SIGUSR1, previous)
    assert not watcher.active
