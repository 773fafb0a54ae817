"""The statistics writer: records go on a queue, one background thread writes them to SQLite.

The UI thread only calls `put`, which never waits: it adds the record to a bounded queue, or
counts it as dropped when the queue is full (the disk stalled) or statistics are off. The
writer thread owns its own connection and commits what arrived at least every quarter of a
second, so stopping the kiosk with `kill -9` loses at most the last moment of a visit.

Any database or file problem (disk full, read-only folder, damaged file) turns statistics off
with one log line; the kiosk itself never notices. Old rows are deleted when the file is opened
and once a day after that (`retention_days`).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.insights import schema
from kiosk.insights.records import RETENTION_SQL, Record

log = logging.getLogger("kiosk.insights")

BATCH_SECONDS = 0.25
QUEUE_LIMIT = 20_000
MAX_BATCH = 5_000
DAY_SECONDS = 24 * 3600.0


@dataclass
class _Flush:
    """Asks the thread to commit now; `done` is set once everything before it is on disk."""

    done: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Retain:
    """Apply a new retention period now."""

    days: int


_STOP = object()


class InsightsWriter:
    """Writes visit records to one statistics file from a background thread."""

    def __init__(
        self,
        path: Path,
        *,
        kiosk: str,
        retention_days: int = 365,
        batch_seconds: float = BATCH_SECONDS,
        queue_limit: int = QUEUE_LIMIT,
        clock: Callable[[], float] = time.time,
        connect: Callable[[Path], sqlite3.Connection] = schema.connect,
        on_commit: Callable[[int], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.kiosk = kiosk
        self.retention_days = retention_days
        self.batch_seconds = batch_seconds
        self.committed = 0
        """Records written and committed so far (read from any thread)."""
        self.dropped = 0
        """Records thrown away: queue full, or statistics off."""
        self.off_reason = ""
        self._clock = clock
        self._connect = connect
        self._on_commit = on_commit
        self._queue: queue.Queue[object] = queue.Queue(maxsize=queue_limit)
        self._enabled = True
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="insights-writer", daemon=True)
        self._thread.start()

    # -- the UI thread's side ----------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """False once statistics were turned off by a problem, or after `close()`."""
        return self._enabled and not self._closed

    def put(self, record: Record) -> bool:
        """Hand a record to the writer thread; never waits. False: dropped."""
        if not self._enabled or self._closed:
            self.dropped += 1
            return False
        try:
            self._queue.put_nowait(record)
        except queue.Full:
            if not self.dropped:
                log.warning("visitor statistics: the writer is behind (disk too slow?); records are dropped")
            self.dropped += 1
            return False
        return True

    def set_retention(self, days: int) -> None:
        """Keep `days` of records from now on (the old ones are deleted straight away)."""
        if days != self.retention_days and self.enabled:
            self.retention_days = days
            self._send(_Retain(days))

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every record put so far is committed (not for the UI thread)."""
        if not self.enabled or not self._thread.is_alive():
            return False
        request = _Flush()
        if not self._send(request, block=True, timeout=timeout):
            return False
        deadline = time.monotonic() + timeout
        while not request.done.wait(0.05):
            if not self._thread.is_alive() or time.monotonic() > deadline:
                return False
        return self.enabled

    def close(self, timeout: float = 5.0, *, wait: bool = True) -> None:
        """Write what is queued, then stop the thread and close the file.

        `wait=False` returns at once (the UI thread, when new content switches statistics off);
        the thread finishes the queue on its own.
        """
        if not self._closed:
            self._closed = True
            self._send(_STOP)  # when the queue is full, the thread stops once it has emptied it
        if wait:
            self._thread.join(timeout)

    def _send(self, message: object, *, block: bool = False, timeout: float = 1.0) -> bool:
        try:
            self._queue.put(message, block=block, timeout=timeout if block else None)
        except queue.Full:
            return False
        return True

    # -- the writer thread -------------------------------------------------------------------

    def _run(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = self._connect(self.path)
            self._forget_old(connection)
            self._loop(connection)
        except (sqlite3.Error, OSError) as error:
            self._turn_off(error)
        finally:
            if connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    connection.close()
            self._release_waiters()

    def _loop(self, connection: sqlite3.Connection) -> None:
        next_retention = time.monotonic() + DAY_SECONDS
        while True:
            wait = max(0.0, next_retention - time.monotonic())
            try:
                first = self._queue.get(timeout=wait)
            except queue.Empty:
                first = None
            batch, controls = self._gather(first)
            stop = self._write(connection, batch, controls)
            if time.monotonic() >= next_retention:
                self._forget_old(connection)
                next_retention = time.monotonic() + DAY_SECONDS
            if stop or (self._closed and self._queue.empty()):
                return

    def _gather(self, first: object) -> tuple[list[Record], list[object]]:
        """Collect records for one commit: for at most `batch_seconds` after the first one."""
        batch: list[Record] = []
        controls: list[object] = []
        item = first
        deadline = time.monotonic() + self.batch_seconds
        while item is not None:
            if isinstance(item, (_Flush, _Retain)) or item is _STOP:
                controls.append(item)
                if not isinstance(item, _Retain):
                    break  # commit now
            else:
                batch.append(item)  # type: ignore[arg-type]
                if len(batch) >= MAX_BATCH:
                    break
            remaining = deadline - time.monotonic()
            try:
                item = self._queue.get(timeout=remaining) if remaining > 0 else self._queue.get_nowait()
            except queue.Empty:
                item = None
        return batch, controls

    def _write(self, connection: sqlite3.Connection, batch: list[Record], controls: list[object]) -> bool:
        if batch:
            with connection:  # one transaction, committed on leaving
                for record in batch:
                    connection.execute(record.sql, record.row(self.kiosk))
            self.committed += len(batch)
            if self._on_commit is not None:
                self._on_commit(self.committed)
        stop = False
        for control in controls:
            if isinstance(control, _Retain):
                self._forget_old(connection)
            elif isinstance(control, _Flush):
                control.done.set()
            else:
                stop = True
        return stop

    def _forget_old(self, connection: sqlite3.Connection) -> None:
        cutoff = self._clock() - self.retention_days * DAY_SECONDS
        with connection:
            deleted = sum(connection.execute(sql, (cutoff,)).rowcount for sql in RETENTION_SQL)
        if deleted:
            log.info(
                "visitor statistics: deleted %d records older than %d days", deleted, self.retention_days
            )

    def _turn_off(self, error: BaseException) -> None:
        self._enabled = False
        self.off_reason = str(error)
        log.error(
            "visitor statistics are off: cannot write %s (%s); the kiosk keeps running", self.path, error
        )

    def _release_waiters(self) -> None:
        """After the thread ends: throw queued records away and let flush() callers go."""
        self._enabled = False
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Flush):
                item.done.set()
            elif item is not _STOP and not isinstance(item, _Retain):
                self.dropped += 1
