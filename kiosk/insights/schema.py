"""The visitor statistics file: one SQLite database per kiosk, in WAL mode.

Nothing personal is stored: a visit is a random id, times, the screens seen, the media played,
the languages and accessibility modes chosen. No names, faces, network or device identifiers.

Tables (times are Unix seconds, UTC; `kiosk` is the screen's name, so files from many screens
can be merged for one report):

sessions   one row per visit, written when it starts and completed when it ends
    id TEXT          random hex, meaningless outside this file
    kiosk TEXT       screen name
    started REAL     first touch on the attract loop
    ended REAL       back on the attract loop (NULL: still going, or the kiosk stopped mid-visit)
    language TEXT    the language shown when the visit ended (at first: the starting language)
    end_reason TEXT  'idle' (walked away), 'closing' (opening hours), 'stopped' (kiosk stopped),
                     'content' (new content arrived), 'error' (the kiosk recovered from an
                     unexpected error), NULL while going on
views      one row per screen seen, written when the visitor leaves it
    session, kiosk   as above
    screen TEXT      'home', 'floor', 'section' or 'exhibit'
    item TEXT        the floor, section or exhibit id ('' for home)
    started REAL     when it appeared
    seconds REAL     how long it stayed on screen (dwell time)
    language TEXT    language shown while it was on screen (at its end)
media      one row per film or sound the visitor played, written when it stops or is left
    session, kiosk   as above
    exhibit TEXT     exhibit id
    kind TEXT        'video', 'audio' or 'narration'
    started REAL     when it first played
    played REAL      seconds actually played
    duration REAL    its length in seconds (NULL when unknown)
    furthest REAL    furthest point reached, as a fraction 0..1 of the length (0 when unknown)
choices    one row per language switch or accessibility mode turned on during a visit, and one
           per exhibit whose QR code the visit saw (its scans cannot be known offline)
    session, kiosk   as above
    at REAL          when
    kind TEXT        'language', 'mode' or 'link'
    value TEXT       language code, mode name ('large-text', 'high-contrast', 'reach',
                     'reduced-motion', 'captions', 'read-aloud'), or for 'link' the exhibit id
votes      one row per answer given in a poll exhibit (no visit id: a vote cannot be traced to a visit)
    day TEXT         the local date of the vote, e.g. '2026-05-01'
    poll TEXT        the poll exhibit's id
    answer TEXT      the answer's id
    kiosk TEXT       screen name
    Staff resetting a poll deletes its rows for that screen.

Format 2 added `votes`; a format 1 file gets the table when a kiosk opens it for writing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 2

TABLES = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    kiosk TEXT NOT NULL,
    started REAL NOT NULL,
    ended REAL,
    language TEXT NOT NULL,
    end_reason TEXT
);
CREATE TABLE IF NOT EXISTS views (
    session TEXT NOT NULL,
    kiosk TEXT NOT NULL,
    screen TEXT NOT NULL,
    item TEXT NOT NULL,
    started REAL NOT NULL,
    seconds REAL NOT NULL,
    language TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS media (
    session TEXT NOT NULL,
    kiosk TEXT NOT NULL,
    exhibit TEXT NOT NULL,
    kind TEXT NOT NULL,
    started REAL NOT NULL,
    played REAL NOT NULL,
    duration REAL,
    furthest REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS choices (
    session TEXT NOT NULL,
    kiosk TEXT NOT NULL,
    at REAL NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS votes (
    day TEXT NOT NULL,
    poll TEXT NOT NULL,
    answer TEXT NOT NULL,
    kiosk TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS votes_poll ON votes (poll, kiosk);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions (started);
CREATE INDEX IF NOT EXISTS views_started ON views (started);
CREATE INDEX IF NOT EXISTS media_started ON media (started);
CREATE INDEX IF NOT EXISTS choices_at ON choices (at);
"""


def connect(path: Path | str, *, readonly: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (and for writing, create) a statistics file with the tables above.

    Writers use WAL with synchronous=NORMAL: a committed visit survives the kiosk being killed;
    readers (reports) never block the kiosk's writer.
    """
    if readonly:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        return connection
    connection = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        connection.close()
        raise sqlite3.DatabaseError(
            f"{path} was written by a newer kiosk (format {version}; this one reads {SCHEMA_VERSION})"
        )
    connection.executescript(TABLES)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()
    return connection
