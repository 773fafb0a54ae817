"""What the kiosk writes to its statistics file: one small record per thing that happened.

The visit recorder makes these on the UI thread and hands them to the writer, which turns them
into rows (see `kiosk.insights.schema` for the tables). Nothing here names or tracks a person:
a visit is a random id, the rest is screens, times, languages and modes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class VisitStarted:
    """A visitor touched the attract loop: a new row in `sessions`."""

    session: str
    started: float
    language: str

    sql = (
        "INSERT OR IGNORE INTO sessions (id, kiosk, started, ended, language, end_reason) "
        "VALUES (?, ?, ?, NULL, ?, NULL)"
    )

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (self.session, kiosk, self.started, self.language)


@dataclass(frozen=True, slots=True)
class VisitEnded:
    """Back on the attract loop (or the kiosk stopped): the visit's row is completed."""

    session: str
    ended: float
    language: str
    reason: str  # 'idle', 'closing', 'stopped', 'content' or 'error'

    sql = "UPDATE sessions SET ended = ?, language = ?, end_reason = ? WHERE id = ? AND kiosk = ?"

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (self.ended, self.language, self.reason, self.session, kiosk)


@dataclass(frozen=True, slots=True)
class ScreenSeen:
    """One screen of a visit and how long it stayed: a row in `views`."""

    session: str
    screen: str
    item: str
    started: float
    seconds: float
    language: str

    sql = (
        "INSERT INTO views (session, kiosk, screen, item, started, seconds, language) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    )

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (self.session, kiosk, self.screen, self.item, self.started, self.seconds, self.language)


@dataclass(frozen=True, slots=True)
class MediaPlayed:
    """A film, sound or narration the visitor played: a row in `media`."""

    session: str
    exhibit: str
    kind: str  # 'video', 'audio' or 'narration'
    started: float
    played: float
    duration: float | None
    furthest: float

    sql = (
        "INSERT INTO media (session, kiosk, exhibit, kind, started, played, duration, furthest) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (
            self.session,
            kiosk,
            self.exhibit,
            self.kind,
            self.started,
            self.played,
            self.duration,
            self.furthest,
        )


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    """A language switch or an accessibility mode turned on: a row in `choices`."""

    session: str
    at: float
    kind: str  # 'language' or 'mode'
    value: str

    sql = "INSERT INTO choices (session, kiosk, at, kind, value) VALUES (?, ?, ?, ?, ?)"

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (self.session, kiosk, self.at, self.kind, self.value)


@dataclass(frozen=True, slots=True)
class VoteCast:
    """An answer given in a poll: a row in `votes` (the day, not the time, and no visit id)."""

    day: str  # local date, e.g. '2026-05-01'
    poll: str
    answer: str

    sql = "INSERT INTO votes (day, poll, answer, kiosk) VALUES (?, ?, ?, ?)"

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (self.day, self.poll, self.answer, kiosk)


@dataclass(frozen=True, slots=True)
class PollReset:
    """Staff reset a poll's results: its votes on this screen are deleted."""

    poll: str

    sql = "DELETE FROM votes WHERE poll = ? AND kiosk = ?"

    def row(self, kiosk: str) -> tuple[object, ...]:
        return (self.poll, kiosk)


Record = VisitStarted | VisitEnded | ScreenSeen | MediaPlayed | ChoiceMade | VoteCast | PollReset

RETENTION_SQL = (
    "DELETE FROM sessions WHERE started < ?",
    "DELETE FROM views WHERE started < ?",
    "DELETE FROM media WHERE started < ?",
    "DELETE FROM choices WHERE at < ?",
    "DELETE FROM votes WHERE day < date(?, 'unixepoch', 'localtime')",
)
"""Forget everything older than the cut-off (Unix seconds)."""
