"""`kill -9` of a kiosk in the middle of writing statistics: the file opens clean, nothing committed
is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.insights import schema

REPO = Path(__file__).resolve().parent.parent

FLOOD = """
import os, sys
from pathlib import Path
from kiosk.insights.records import ChoiceMade, ScreenSeen
from kiosk.insights.writer import InsightsWriter

def committed(total):
    os.write(1, f"committed {total}\\n".encode())  # unbuffered: the test reads it at once

writer = InsightsWriter(Path(sys.argv[1]), kiosk="flood", on_commit=committed)
number = 0
while True:  # as fast as the writer takes them, until killed
    if number % 2:
        record = ChoiceMade("visit", float(number), "language", str(number))
    else:
        record = ScreenSeen("visit", "exhibit", str(number), float(number), 1.0, "en")
    if writer.put(record):
        number += 1
    else:
        os.sched_yield()  # the queue is full: let the writer thread catch up
"""

TARGET = 40_000
MIN_COMMITS = 4


def test_kill_9_while_writing_loses_nothing_that_was_committed(tmp_path: Path) -> None:
    path = tmp_path / "insights.db"
    child = subprocess.Popen(
        [sys.executable, "-c", FLOOD, str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    reported, commits = 0, 0
    try:
        assert child.stdout is not None
        while reported < TARGET or commits < MIN_COMMITS:
            line = child.stdout.readline()
            assert line, f"the writer stopped before committing {TARGET} rows: {child.stderr.read()}"  # type: ignore[union-attr]
            reported = int(line.split()[1])
            commits += 1
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL

    connection = schema.connect(path)  # opens for writing, as the restarted kiosk does
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        views = {int(item) for (item,) in connection.execute("SELECT item FROM views")}
        choices = {int(value) for (value,) in connection.execute("SELECT value FROM choices")}
    finally:
        connection.close()
    written = views | choices
    assert len(written) == len(views) + len(choices), "no record was written twice"
    assert set(range(reported)) <= written, f"lost {len(set(range(reported)) - written)} committed records"
    assert written == set(range(len(written))), "records reach the file in the order they were made"
