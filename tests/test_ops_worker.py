"""Results of background work reach the UI thread, and never a receiver that is gone."""

from __future__ import annotations

import threading
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread

from kiosk.base.worker import run_in_worker


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[tuple[Any, bool]] = []

    def take(self, result: Any) -> None:
        self.results.append((result, QThread.currentThread() is self.thread()))


def test_the_result_arrives_on_the_ui_thread(qtbot) -> None:
    receiver = Receiver()
    run_in_worker(lambda: threading.current_thread().name, receiver.take, name="test-worker")
    qtbot.waitUntil(lambda: receiver.results != [])
    assert receiver.results == [("test-worker", True)]


LATE: list[Any] = []


class ClosingReceiver(QObject):
    def take(self, result: Any) -> None:
        LATE.append(result)


def test_a_receiver_deleted_meanwhile_is_left_alone(qtbot) -> None:
    receiver = ClosingReceiver()
    started, release = threading.Event(), threading.Event()

    def work() -> str:
        started.set()
        release.wait(10)
        return "late"

    late = run_in_worker(work, receiver.take, name="slow-worker")
    assert started.wait(10)
    shiboken6.delete(receiver)  # the window closed while the work was running
    release.set()
    late.join(10)
    assert not late.is_alive()
    other = Receiver()
    run_in_worker(lambda: "after", other.take, name="next-worker")  # its result queues behind
    qtbot.waitUntil(lambda: other.results != [])
    assert LATE == []


class PanicException(BaseException):
    """What pydantic-core raises when its Rust code panics (pyo3_runtime.PanicException)."""


class FailureReceiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.errors: list[tuple[BaseException, bool]] = []

    def take(self, error: BaseException) -> None:
        self.errors.append((error, QThread.currentThread() is self.thread()))


def test_a_job_that_raises_still_reports_back_on_the_ui_thread(qtbot) -> None:
    for error in (PanicException("a panic in compiled code"), SystemExit(3), ValueError("a bug")):
        receiver, failures = Receiver(), FailureReceiver()

        def work(error: BaseException = error) -> str:
            raise error

        thread = run_in_worker(work, receiver.take, name="failing-worker", failed=failures.take)
        qtbot.waitUntil(lambda failures=failures: failures.errors != [])
        thread.join(10)
        assert failures.errors == [(error, True)]
        assert receiver.results == []
