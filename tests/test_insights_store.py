"""The statistics writer: batches, retention, a bounded queue, and problems that turn it off."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from kiosk.insights import schema
from kiosk.insights.records import ChoiceMade, MediaPlayed, ScreenSeen, VisitEnded, VisitStarted
from kiosk.insights.writer import DAY_SECONDS, InsightsWriter

REPO = Path(__file__).resolve().parent.parent
NOW = 1_780_000_000.0
OFF_LINE = "visitor statistics are off"


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = schema.connect(path, readonly=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def choice(number: int, at: float = NOW) -> ChoiceMade:
    return ChoiceMade("visit-1", at, "language", f"lang-{number}")


def off_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    messages = [record.getMessage() for record in caplog.records if record.name == "kiosk.insights"]
    return [message for message in messages if OFF_LINE in message]


def test_every_kind_of_record_becomes_a_row_with_the_screen_name(tmp_path: Path) -> None:
    path = tmp_path / "insights.db"
    writer = InsightsWriter(path, kiosk="hall-1", clock=lambda: NOW)
    writer.put(VisitStarted("v1", NOW, "en"))
    writer.put(ScreenSeen("v1", "exhibit", "harbour-map", NOW + 1, 12.5, "zh"))
    writer.put(MediaPlayed("v1", "harbour-film", "video", NOW + 2, 30.0, 60.0, 0.5))
    writer.put(ChoiceMade("v1", NOW + 3, "mode", "large-text"))
    writer.put(VisitEnded("v1", NOW + 20, "zh", "idle"))
    writer.close()
    assert rows(path, "SELECT * FROM sessions") == [("v1", "hall-1", NOW, NOW + 20, "zh", "idle")]
    assert rows(path, "SELECT * FROM views") == [
        ("v1", "hall-1", "exhibit", "harbour-map", NOW + 1, 12.5, "zh")]
    assert rows(path, "SELECT * FROM media") == [
        ("v1", "hall-1", "harbour-film", "video", NOW + 2, 30.0, 60.0, 0.5)]
    assert rows(path, "SELECT * FROM choices") == [("v1", "hall-1", NOW + 3, "mode", "large-text")]
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert writer.committed == 5 and writer.dropped == 0


def test_records_are_committed_in_batches_without_being_asked(tmp_path: Path) -> None:
    commits: list[int] = []
    first_commit = threading.Event()

    def committed(total: int) -> None:
        commits.append(total)
        first_commit.set()

    path = tmp_path / "insights.db"
    writer = InsightsWriter(path, kiosk="hall-1", on_commit=committed)
    assert writer.put(choice(0))
    assert first_commit.wait(30), "a lone record is committed by the thread's own timer"
    assert rows(path, "SELECT value FROM choices") == [("lang-0",)]  # readable by another connection
    for number in range(1, 3001):
        writer.put(choice(number))
    assert writer.flush()
    assert commits[-1] == writer.committed == 3001
    assert len(commits) < 100, f"3001 records took {len(commits)} commits"
    assert rows(path, "SELECT COUNT(*) FROM choices") == [(3001,)]
    writer.close()


def test_close_writes_what_is_still_queued(tmp_path: Path) -> None:
    path = tmp_path / "insights.db"
    writer = InsightsWriter(path, kiosk="hall-1", batch_seconds=60)
    for number in range(500):
        writer.put(choice(number))
    writer.close()
    assert rows(path, "SELECT COUNT(*) FROM choices") == [(500,)]
    assert not writer.enabled
    assert not writer.put(choice(501)), "a closed writer drops records"


def test_old_records_are_deleted_on_open_and_when_retention_shortens(tmp_path: Path) -> None:
    path = tmp_path / "insights.db"
    connection = schema.connect(path)
    with connection:
        for age_days in (400, 100, 2, 0.5):
            at, name = NOW - age_days * DAY_SECONDS, f"v{age_days}"
            connection.execute("INSERT INTO sessions VALUES (?, 'k', ?, ?, 'en', 'idle')", (name, at, at))
            connection.execute("INSERT INTO views VALUES (?, 'k', 'home', '', ?, 3, 'en')", (name, at))
            connection.execute("INSERT INTO media VALUES (?, 'k', 'e', 'video', ?, 1, 2, 0.5)", (name, at))
            connection.execute("INSERT INTO choices VALUES (?, 'k', ?, 'mode', 'reach')", (name, at))
    connection.close()

    writer = InsightsWriter(path, kiosk="k", retention_days=365, clock=lambda: NOW)
    assert writer.flush()
    tables = (("sessions", "id"), ("views", "session"), ("media", "session"), ("choices", "session"))
    for table, column in tables:
        kept = rows(path, f"SELECT {column} FROM {table} ORDER BY {column}")
        assert kept == [("v0.5",), ("v100",), ("v2",)], table
    writer.set_retention(7)
    assert writer.flush()
    assert rows(path, "SELECT id FROM sessions ORDER BY id") == [("v0.5",), ("v2",)]
    assert rows(path, "SELECT COUNT(*) FROM choices") == [(2,)]
    writer.close()


def test_a_stuck_writer_drops_and_counts_instead_of_growing(tmp_path: Path) -> None:
    release = threading.Event()

    def slow_connect(path: Path) -> sqlite3.Connection:
        release.wait(60)  # the disk hangs
        return schema.connect(path)

    path = tmp_path / "insights.db"
    writer = InsightsWriter(path, kiosk="k", queue_limit=10, connect=slow_connect)
    accepted = [writer.put(choice(number)) for number in range(15)]
    assert accepted == [True] * 10 + [False] * 5
    assert writer.dropped == 5
    release.set()
    assert writer.flush()
    assert rows(path, "SELECT COUNT(*) FROM choices") == [(10,)]
    writer.close()


def test_a_full_disk_turns_statistics_off_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def tiny_disk(path: Path) -> sqlite3.Connection:
        connection = schema.connect(path)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk has 2 pages left
        return connection

    caplog.set_level(logging.INFO, logger="kiosk.insights")
    path = tmp_path / "insights.db"
    writer = InsightsWriter(path, kiosk="k", connect=tiny_disk)
    assert writer.put(choice(0))
    assert writer.flush()
    long = "x" * 2000
    for number in range(200):
        writer.put(ChoiceMade("visit-1", NOW, "language", f"{number}-{long}"))
    assert not writer.flush(), "the writer reports that it is off"
    assert not writer.enabled
    assert "full" in writer.off_reason
    assert not writer.put(choice(1)) and not writer.put(choice(2))
    writer.close()
    assert len(off_lines(caplog)) == 1, caplog.text
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert ("lang-0",) in rows(path, "SELECT value FROM choices"), "what was committed before stays"


def test_a_damaged_file_turns_statistics_off_and_is_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "insights.db"
    damaged = b"these bytes are not a database " * 200
    path.write_bytes(damaged)
    writer = InsightsWriter(path, kiosk="k")
    assert not writer.flush()
    assert not writer.put(choice(0))
    writer.close()
    assert len(off_lines(caplog)) == 1
    assert str(path) in off_lines(caplog)[0]
    assert path.read_bytes() == damaged


CHILD = """
import json, logging, os, sys
from pathlib import Path
from kiosk.insights.records import ChoiceMade
from kiosk.insights.writer import InsightsWriter
logging.basicConfig(level=logging.INFO, stream=sys.stderr)
if os.geteuid() == 0:  # root may write anywhere: continue as an ordinary user, like a kiosk account
    os.setegid(65534)
    os.seteuid(65534)
writer = InsightsWriter(Path(sys.argv[1]), kiosk="k")
flushed = writer.flush()
accepted = [writer.put(ChoiceMade("v", 0.0, "mode", "reach")) for _ in range(3)]
writer.close()
print(json.dumps({"flushed": flushed, "enabled": writer.enabled, "accepted": accepted,
                  "dropped": writer.dropped, "reason": writer.off_reason}))
"""


def test_a_read_only_folder_turns_statistics_off_and_the_program_goes_on() -> None:
    """The writer runs as an ordinary user (nobody when the tests run as root, who may write anywhere)."""
    with tempfile.TemporaryDirectory() as base:
        os.chmod(base, 0o755)
        folder = Path(base) / "state"
        folder.mkdir(mode=0o555)
        folder.chmod(0o555)
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder / "insights.db")],
            capture_output=True, text=True, cwd="/", check=False,
            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report == {"flushed": False, "enabled": False, "accepted": [False] * 3, "dropped": 3,
                          "reason": report["reason"]}
        assert "unable to open" in report["reason"] or "ermission" in report["reason"], report
        assert result.stderr.count(OFF_LINE) == 1, result.stderr
        assert not (folder / "insights.db").exists()
