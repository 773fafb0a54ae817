"""Statistics files from several kiosks read as one: find them, check them, merge them.

Each kiosk writes its own file; staff copy them into one folder (or a fleet sync does) and the
report reads them together. A file that cannot be read is skipped with a plain reason, never a
traceback. One file is read where it lies (read-only, while its kiosk keeps writing); several are
copied, only the rows of the chosen period that the report asks about, into a temporary file
that is deleted afterwards.
Copying was measured against attaching the files and querying a UNION ALL of them
(bench/insights_report.py, a year of 10 kiosks, every question of the report): 3.0 s by copying,
8.6 s by attaching, which also stops at 10 files (SQLite's limit on attached files).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.insights.queries import VISIT_SLACK_SECONDS, visit_rows_sql
from kiosk.insights.schema import SCHEMA_VERSION, connect

# (table, its time column)
TIMED_TABLES = (("sessions", "started"), ("views", "started"), ("media", "started"), ("choices", "at"))

# The merged copy holds what the report asks about: visits with their ends filled in, exhibit
# screens (not the home, floor and section screens: two thirds of all rows), media and choices.
# It has no indexes: every question reads all of it.
MERGED_TABLES = """
CREATE TABLE sessions (id TEXT, kiosk TEXT, started REAL, ended REAL, language TEXT, end_reason TEXT);
CREATE TABLE views (session TEXT, kiosk TEXT, screen TEXT, item TEXT, started REAL, seconds REAL,
                    language TEXT);
CREATE TABLE media (session TEXT, kiosk TEXT, exhibit TEXT, kind TEXT, started REAL, played REAL,
                    duration REAL, furthest REAL);
CREATE TABLE choices (session TEXT, kiosk TEXT, at REAL, kind TEXT, value TEXT);
CREATE TABLE votes (day TEXT, poll TEXT, answer TEXT, kiosk TEXT);
"""


@dataclass
class Sources:
    """The statistics files that could be read, and a plain reason for each one that could not."""

    readable: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the *.db files in them; each file once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        files = sorted(path.glob("*.db")) if path.is_dir() else [path]
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def problem_with(path: Path) -> str | None:
    """Why a statistics file cannot be read, in a few plain words; None when it can."""
    if not path.exists():
        return "no such file"
    if not path.is_file():
        return "not a file"
    try:
        connection = connect(path, readonly=True)
    except sqlite3.Error as error:
        return f"cannot open it ({error})"
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            return f"written by a newer kiosk (format {version}; this one reads {SCHEMA_VERSION})"
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [table for table, _ in TIMED_TABLES if table not in names]
        if missing:
            return "not a kiosk statistics file (no " + ", ".join(missing) + " table)"
        connection.execute("SELECT started FROM sessions LIMIT 1").fetchall()
    except sqlite3.Error as error:
        return f"not a readable statistics file ({error})"
    finally:
        connection.close()
    return None


def check(paths: Iterable[Path]) -> Sources:
    sources = Sources()
    for path in expand(paths):
        problem = problem_with(path)
        if problem is None:
            sources.readable.append(path)
        else:
            sources.skipped.append((path, problem))
    return sources


def time_span(paths: Iterable[Path]) -> tuple[float, float] | None:
    """The first and last visit start over all the files (None when none holds a visit)."""
    firsts: list[float] = []
    lasts: list[float] = []
    for path in paths:
        connection = connect(path, readonly=True)
        try:
            first, last = connection.execute("SELECT MIN(started), MAX(started) FROM sessions").fetchone()
        finally:
            connection.close()
        if first is not None:
            firsts.append(float(first))
            lasts.append(float(last))
    return (min(firsts), max(lasts)) if firsts else None


def _attach(connection: sqlite3.Connection, path: Path, name: str) -> None:
    connection.execute(f"ATTACH DATABASE ? AS {name}", (f"{path.resolve().as_uri()}?mode=ro",))


def copy_into(connection: sqlite3.Connection, paths: Iterable[Path], start: float, end: float) -> None:
    """Copy the rows of [start, end) from every file into the tables of `connection`."""
    limits = {"start": start, "end": end, "slack": VISIT_SLACK_SECONDS}
    for path in paths:
        _attach(connection, path, "source")
        try:
            with connection:
                connection.execute("INSERT INTO main.sessions " + visit_rows_sql("source."), limits)
                connection.execute(
                    "INSERT INTO main.views SELECT * FROM source.views "
                    "WHERE screen = 'exhibit' AND started >= :start AND started < :end",
                    limits,
                )
                for table, column in TIMED_TABLES[2:]:
                    connection.execute(
                        f"INSERT INTO main.{table} SELECT * FROM source.{table} "
                        f"WHERE {column} >= :start AND {column} < :end",
                        limits,
                    )
                _copy_votes(connection, start, end)
        finally:
            connection.execute("DETACH DATABASE source")


def _copy_votes(connection: sqlite3.Connection, start: float, end: float) -> None:
    """The poll votes of the local days of [start, end), from a file that has them."""
    tables = connection.execute("SELECT name FROM source.sqlite_master WHERE type = 'table'").fetchall()
    if ("votes",) in tables:
        days = (dt.date.fromtimestamp(start).isoformat(), dt.date.fromtimestamp(end).isoformat())
        connection.execute(
            "INSERT INTO main.votes SELECT day, poll, answer, kiosk FROM source.votes "
            "WHERE day >= ? AND day < ?",
            days,
        )


def _scratch_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, uri=True, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA temp_store=MEMORY")
    connection.execute("PRAGMA cache_size=-65536")  # 64 MB
    return connection


@contextmanager
def copied(paths: list[Path], start: float, end: float) -> Iterator[sqlite3.Connection]:
    """One connection over the rows of [start, end) of all the files, copied into a temporary file."""
    with tempfile.TemporaryDirectory(prefix="kiosk-report-") as folder:
        connection = _scratch_connection(Path(folder) / "merged.db")
        try:
            connection.executescript(MERGED_TABLES)
            copy_into(connection, paths, start, end)
            yield connection
        finally:
            connection.close()


@contextmanager
def attached(paths: list[Path]) -> Iterator[sqlite3.Connection]:
    """One connection whose tables are UNION ALL views over the attached files (10 files at most)."""
    connection = sqlite3.connect(":memory:", uri=True, check_same_thread=False)
    try:
        names = [f"kiosk{number}" for number in range(len(paths))]
        for path, name in zip(paths, names, strict=True):
            _attach(connection, path, name)
        for table, _ in TIMED_TABLES:
            union = " UNION ALL ".join(f"SELECT * FROM {name}.{table}" for name in names)
            connection.execute(f"CREATE TEMP VIEW {table} AS {union}")
        yield connection
    finally:
        connection.close()


@contextmanager
def opened(paths: list[Path], start: float, end: float) -> Iterator[sqlite3.Connection]:
    """The files as one read-only connection: a single file as it is, several merged."""
    if len(paths) == 1:
        connection = connect(paths[0], readonly=True)
        try:
            yield connection
        finally:
            connection.close()
        return
    with copied(paths, start, end) as connection:
        yield connection
