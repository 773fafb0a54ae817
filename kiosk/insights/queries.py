"""Questions asked of a statistics file (or a merged one): visits, exhibits, languages, media, modes.

Every function takes an open SQLite connection and a time range [start, end) in Unix seconds.
A visit belongs to the range when it started in it; a screen seen, a film played or a choice made
belongs to it by its own start time. Hours and days are the local time of the computer running
the question (the museum's time on the kiosk and on the staff laptop).

A visit whose end was never written (the kiosk was switched off mid-visit) lasts until the end of
the last screen it showed. No Qt here: the staff panel and `kiosk report` both use these.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

# A visit lasts hours at most; screens of a visit are looked for this long after the range ends.
VISIT_SLACK_SECONDS = 6 * 3600.0
# A film or sound counts as watched to the end when it reached this fraction of its length.
COMPLETE_FRACTION = 0.9


def visit_rows_sql(schema: str = "") -> str:
    """SQL for the sessions of [:start, :end) with `ended` filled in where it was never written.

    Such a visit lasts until the end of its last screen. A kiosk shows one visit at a time, so
    that visit's screens all started before the same kiosk's next visit began: only that short
    stretch of the time index is searched. `schema` names an attached file, e.g. "source.".
    """
    return f"""
WITH ordered AS (
    SELECT id, kiosk, started, ended, language, end_reason,
           LEAD(started) OVER (PARTITION BY kiosk ORDER BY started) AS next_start
    FROM {schema}sessions WHERE started >= :start AND started < :end
)
SELECT id, kiosk, started,
       COALESCE(ended, (
           SELECT MAX(shown.started + shown.seconds) FROM {schema}views AS shown
           WHERE shown.started >= ordered.started
             AND shown.started < COALESCE(ordered.next_start, ordered.started + :slack)
             AND shown.session = ordered.id AND shown.kiosk = ordered.kiosk
       ), started) AS ended,
       language, end_reason
FROM ordered"""


def _range(start: float, end: float) -> dict[str, float]:
    return {"start": start, "end": end, "slack": VISIT_SLACK_SECONDS}


@dataclass(frozen=True)
class DaySummary:
    """What the staff panel shows for today: visits, their median length, favourites, languages."""

    sessions: int
    median_seconds: float
    top_exhibits: list[tuple[str, int]]  # (exhibit id, views), most viewed first
    language_share: dict[str, float]  # final language of each visit -> share of visits (sums to 1)


@dataclass(frozen=True)
class ExhibitFigures:
    """How one exhibit was used: views, time spent on it, and how far its films were watched."""

    exhibit: str
    views: int
    median_dwell: float
    mean_dwell: float
    total_dwell: float
    plays: int  # films, sounds and narrations started from this exhibit
    completed_share: float | None  # share of plays of known length that reached 90 %
    mean_furthest: float | None  # mean furthest point reached, as a fraction 0..1


@dataclass(frozen=True)
class MediaFigures:
    """Plays of one exhibit's film, sound or narration."""

    exhibit: str
    kind: str
    plays: int
    completed: int  # plays that reached 90 % of a known length
    known_length: int  # plays whose length was known
    mean_furthest: float  # over plays of known length (0 when none)
    mean_played_seconds: float

    @property
    def completed_share(self) -> float | None:
        return self.completed / self.known_length if self.known_length else None


def _covers(connection: sqlite3.Connection, table: str, column: str, start: float, end: float) -> bool:
    """Whether (nearly) every row of the table lies in [start, end): then a plain scan is faster."""
    indexed = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
    ).fetchone()
    if indexed is None:
        return True  # nothing to choose: the table is read whole anyway
    (first,) = connection.execute(f"SELECT MIN({column}) FROM {table}").fetchone()
    (last,) = connection.execute(f"SELECT MAX({column}) FROM {table}").fetchone()
    return first is None or (first >= start and last < end + VISIT_SLACK_SECONDS)


def session_count(connection: sqlite3.Connection, start: float, end: float) -> int:
    row = connection.execute(
        "SELECT COUNT(*) FROM sessions WHERE started >= ? AND started < ?", (start, end)
    ).fetchone()
    return int(row[0])


def visits(connection: sqlite3.Connection, start: float, end: float) -> list[tuple[float, float]]:
    """(start, length in seconds) of every visit, in the order they started."""
    rows = connection.execute(
        f"SELECT started, MAX(0.0, ended - started) FROM ({visit_rows_sql()}) ORDER BY started",
        _range(start, end),
    )
    return [(float(started), float(seconds)) for started, seconds in rows]


def session_lengths(connection: sqlite3.Connection, start: float, end: float) -> list[float]:
    """Every visit's length in seconds, shortest first."""
    return sorted(seconds for _, seconds in visits(connection, start, end))


def median(sorted_values: list[float]) -> float:
    """The middle of sorted values (the mean of the two middle ones for an even count); 0 if none."""
    count = len(sorted_values)
    if count == 0:
        return 0.0
    middle = count // 2
    if count % 2:
        return sorted_values[middle]
    return (sorted_values[middle - 1] + sorted_values[middle]) / 2.0


def median_session_seconds(connection: sqlite3.Connection, start: float, end: float) -> float:
    return median(session_lengths(connection, start, end))


def days_of(visit_list: list[tuple[float, float]]) -> list[tuple[dt.date, int, float]]:
    """(local date, visits, median length in seconds) for each day with visits, from visits()."""
    by_day: dict[dt.date, list[float]] = {}
    for started, seconds in visit_list:
        by_day.setdefault(dt.date.fromtimestamp(started), []).append(seconds)
    return [(day, len(lengths), median(sorted(lengths))) for day, lengths in sorted(by_day.items())]


def hours_of(visit_list: list[tuple[float, float]]) -> list[int]:
    """Visits started in each local hour of the day (24 numbers), from visits()."""
    counts = [0] * 24
    for started, _ in visit_list:
        counts[dt.datetime.fromtimestamp(started).hour] += 1
    return counts


def sessions_per_day(
    connection: sqlite3.Connection, start: float, end: float
) -> list[tuple[dt.date, int, float]]:
    """(local date, visits, median length in seconds) for each day that had visits."""
    return days_of(visits(connection, start, end))


def sessions_per_hour(connection: sqlite3.Connection, start: float, end: float) -> list[int]:
    """Visits started in each local hour of the day, 24 numbers from 00:00-01:00 on."""
    counts = [0] * 24
    rows = connection.execute(
        "SELECT CAST(strftime('%H', started, 'unixepoch', 'localtime') AS INTEGER), COUNT(*) "
        "FROM sessions WHERE started >= ? AND started < ? GROUP BY 1",
        (start, end),
    )
    for hour, count in rows:
        counts[int(hour)] = int(count)
    return counts


def exhibit_figures(
    connection: sqlite3.Connection, start: float, end: float, exhibits: Iterable[str] = ()
) -> list[ExhibitFigures]:
    """Views and dwell time of every exhibit seen, most viewed first.

    `exhibits` (the exhibition's exhibit ids) adds the ones nobody opened, with zero views.
    """
    seen: dict[str, list[float]] = {}
    # Reading the whole table in order beats the time index when the period holds every view.
    started = "+started" if _covers(connection, "views", "started", start, end) else "started"
    for item, seconds in connection.execute(
        f"SELECT item, seconds FROM views WHERE screen = 'exhibit' AND {started} >= ? AND {started} < ?",
        (start, end),
    ):
        seen.setdefault(item, []).append(seconds)
    dwell = {}
    for item, lengths in seen.items():
        lengths.sort()
        total = math.fsum(lengths)
        dwell[str(item)] = (len(lengths), median(lengths), total / len(lengths), total)
    plays = {
        str(exhibit): (int(count), int(known), int(done), furthest)
        for exhibit, count, known, done, furthest in connection.execute(
            """SELECT exhibit, COUNT(*),
                      SUM(duration IS NOT NULL AND duration > 0),
                      SUM(duration IS NOT NULL AND duration > 0 AND furthest >= :complete),
                      AVG(CASE WHEN duration IS NOT NULL AND duration > 0 THEN furthest END)
               FROM media WHERE started >= :start AND started < :end GROUP BY exhibit""",
            {"start": start, "end": end, "complete": COMPLETE_FRACTION},
        )
    }
    figures = []
    for exhibit in set(dwell) | set(exhibits):
        views, middle, mean, total = dwell.get(exhibit, (0, 0.0, 0.0, 0.0))
        count, known, done, furthest = plays.get(exhibit, (0, 0, 0, None))
        figures.append(
            ExhibitFigures(
                exhibit=exhibit,
                views=views,
                median_dwell=middle,
                mean_dwell=mean,
                total_dwell=total,
                plays=count,
                completed_share=done / known if known else None,
                mean_furthest=float(furthest) if furthest is not None else None,
            )
        )
    figures.sort(key=lambda figure: (-figure.views, figure.exhibit))
    return figures


def top_exhibits(
    connection: sqlite3.Connection, start: float, end: float, count: int = 5
) -> list[tuple[str, int]]:
    """The most viewed exhibits as (id, views)."""
    rows = connection.execute(
        "SELECT item, COUNT(*) AS views FROM views "
        "WHERE screen = 'exhibit' AND started >= ? AND started < ? "
        "GROUP BY item ORDER BY views DESC, item LIMIT ?",
        (start, end, count),
    )
    return [(str(item), int(views)) for item, views in rows]


def language_counts(connection: sqlite3.Connection, start: float, end: float) -> list[tuple[str, int]]:
    """(language, visits that ended in it), most used first."""
    rows = connection.execute(
        "SELECT language, COUNT(*) AS visits FROM sessions WHERE started >= ? AND started < ? "
        "GROUP BY language ORDER BY visits DESC, language",
        (start, end),
    )
    return [(str(language), int(visits)) for language, visits in rows]


def language_share(connection: sqlite3.Connection, start: float, end: float) -> dict[str, float]:
    """Final language of each visit -> share of visits (0..1, summing to 1; empty when no visits)."""
    counts = language_counts(connection, start, end)
    total = sum(visits for _, visits in counts)
    return {language: visits / total for language, visits in counts} if total else {}


def language_switches(connection: sqlite3.Connection, start: float, end: float) -> list[tuple[str, int]]:
    """(language, visits that switched to it at least once), most first."""
    rows = connection.execute(
        "SELECT value, COUNT(DISTINCT session || ' ' || kiosk) AS visits FROM choices "
        "WHERE kind = 'language' AND at >= ? AND at < ? GROUP BY value ORDER BY visits DESC, value",
        (start, end),
    )
    return [(str(value), int(visits)) for value, visits in rows]


def media_figures(connection: sqlite3.Connection, start: float, end: float) -> list[MediaFigures]:
    """Plays per exhibit and kind (video, audio, narration), most played first."""
    rows = connection.execute(
        """SELECT exhibit, kind, COUNT(*),
                  SUM(duration IS NOT NULL AND duration > 0 AND furthest >= :complete),
                  SUM(duration IS NOT NULL AND duration > 0),
                  COALESCE(AVG(CASE WHEN duration IS NOT NULL AND duration > 0 THEN furthest END), 0),
                  AVG(played)
           FROM media WHERE started >= :start AND started < :end
           GROUP BY exhibit, kind ORDER BY COUNT(*) DESC, exhibit, kind""",
        {"start": start, "end": end, "complete": COMPLETE_FRACTION},
    )
    return [
        MediaFigures(str(exhibit), str(kind), int(plays), int(done), int(known), float(far), float(played))
        for exhibit, kind, plays, done, known, far, played in rows
    ]


def media_completion(connection: sqlite3.Connection, start: float, end: float) -> float | None:
    """Share of all plays of known length that reached 90 % (None when there were none)."""
    done, known = connection.execute(
        "SELECT SUM(furthest >= ?), COUNT(*) FROM media "
        "WHERE duration IS NOT NULL AND duration > 0 AND started >= ? AND started < ?",
        (COMPLETE_FRACTION, start, end),
    ).fetchone()
    return int(done) / int(known) if known else None


def modes_used(connection: sqlite3.Connection, start: float, end: float) -> list[tuple[str, int]]:
    """(accessibility mode, visits that turned it on), most used first."""
    rows = connection.execute(
        "SELECT value, COUNT(DISTINCT session || ' ' || kiosk) AS visits FROM choices "
        "WHERE kind = 'mode' AND at >= ? AND at < ? GROUP BY value ORDER BY visits DESC, value",
        (start, end),
    )
    return [(str(value), int(visits)) for value, visits in rows]


def links_shown(connection: sqlite3.Connection, start: float, end: float) -> list[tuple[str, int]]:
    """(exhibit, visits that saw its QR code), most first. Scans are not counted: no kiosk sees them."""
    rows = connection.execute(
        "SELECT value, COUNT(DISTINCT session || ' ' || kiosk) AS visits FROM choices "
        "WHERE kind = 'link' AND at >= ? AND at < ? GROUP BY value ORDER BY visits DESC, value",
        (start, end),
    )
    return [(str(value), int(visits)) for value, visits in rows]


def visits_with_modes(connection: sqlite3.Connection, start: float, end: float) -> int:
    """Visits that turned on at least one accessibility mode."""
    row = connection.execute(
        "SELECT COUNT(DISTINCT session || ' ' || kiosk) FROM choices "
        "WHERE kind = 'mode' AND at >= ? AND at < ?",
        (start, end),
    ).fetchone()
    return int(row[0])


def kiosks(connection: sqlite3.Connection, start: float, end: float) -> list[tuple[str, int]]:
    """(screen name, visits) for every kiosk with visits in the range."""
    rows = connection.execute(
        "SELECT kiosk, COUNT(*) FROM sessions WHERE started >= ? AND started < ? "
        "GROUP BY kiosk ORDER BY kiosk",
        (start, end),
    )
    return [(str(kiosk), int(visits)) for kiosk, visits in rows]


def time_span(connection: sqlite3.Connection) -> tuple[float, float] | None:
    """The first and last visit start in the file, or None when it holds no visits."""
    first, last = connection.execute("SELECT MIN(started), MAX(started) FROM sessions").fetchone()
    return (float(first), float(last)) if first is not None else None


@dataclass(frozen=True)
class VoteCount:
    """How many chose one answer of a poll on one day."""

    poll: str
    answer: str
    day: dt.date
    votes: int


def poll_votes(connection: sqlite3.Connection, start: float, end: float) -> list[VoteCount]:
    """Votes per poll, answer and day, for the local days of [start, end) (none in a file
    written before polls)."""
    first = dt.date.fromtimestamp(start).isoformat()
    after = dt.date.fromtimestamp(end).isoformat()
    try:
        rows = connection.execute(
            "SELECT poll, answer, day, COUNT(*) FROM votes WHERE day >= ? AND day < ? "
            "GROUP BY poll, answer, day ORDER BY poll, day, answer",
            (first, after),
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    return [
        VoteCount(str(poll), str(answer), dt.date.fromisoformat(day), int(n)) for poll, answer, day, n in rows
    ]


def day_summary(connection: sqlite3.Connection, start: float, end: float) -> DaySummary:
    """Visits, median visit length, five most viewed exhibits and language share in [start, end)."""
    return DaySummary(
        sessions=session_count(connection, start, end),
        median_seconds=median_session_seconds(connection, start, end),
        top_exhibits=top_exhibits(connection, start, end),
        language_share=language_share(connection, start, end),
    )
