"""What a report shows: the figures of a period, gathered from a statistics file, and the
exhibition's exhibit titles to name them by."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.insights import queries

DEFAULT_CONTENT = Path("content")


@dataclass(frozen=True)
class Exhibits:
    """The exhibition's exhibits in order and their titles in the report's language."""

    ids: list[str]
    titles: dict[str, str]
    spans: dict[str, tuple[dt.datetime | None, dt.datetime | None]] = field(default_factory=dict)
    """When each dated exhibit is shown: from, and the first moment after (kiosk.content.dates)."""
    polls: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    """Each poll's question and its answers (id, text) in the report's language."""

    def title(self, exhibit: str) -> str:
        return self.titles.get(exhibit, exhibit)

    def shown_between(self, first: dt.date, last: dt.date) -> list[str]:
        """The exhibits shown on at least one of the days first..last: a dated exhibit is listed
        with no views only for a period in which visitors could have opened it."""
        from kiosk.content.dates import overlaps

        start = dt.datetime.combine(first, dt.time())
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        return [exhibit for exhibit in self.ids
                if exhibit not in self.spans or overlaps(self.spans[exhibit], start, end)]


def load_exhibits(folder: Path | None, language: str) -> tuple[Exhibits, Any]:
    """Exhibit ids and titles from the content folder (nothing when there is none or it has errors)."""
    from kiosk.content.dates import exhibit_spans
    from kiosk.content.exhibits import Poll
    from kiosk.content.i18n import resolve
    from kiosk.content.load import load_exhibition

    chosen = folder or DEFAULT_CONTENT
    if not (chosen / "exhibition.yaml").is_file():
        if folder is not None:
            print(f"kiosk report: {folder} holds no exhibition.yaml; showing exhibit ids", file=sys.stderr)
        return Exhibits([], {}), None
    result = load_exhibition(chosen)
    if result.exhibition is None or result.has_errors:
        if folder is not None:
            print(f"kiosk report: the content in {folder} has errors; showing exhibit ids", file=sys.stderr)
        return Exhibits([], {}), None
    exhibition = result.exhibition
    fallback = exhibition.settings.default_language
    titles = {
        exhibit_id: resolve(exhibit.title, language, fallback)
        for exhibit_id, exhibit in exhibition.exhibits().items()
    }
    polls = {
        exhibit_id: (resolve(exhibit.question, language, fallback),
                     [(answer.id, resolve(answer.text, language, fallback)) for answer in exhibit.answers])
        for exhibit_id, exhibit in exhibition.exhibits().items()
        if isinstance(exhibit, Poll)
    }
    return Exhibits(list(titles), titles, exhibit_spans(exhibition), polls), exhibition


def local_midnight(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time()).timestamp()


@dataclass(frozen=True)
class Figures:
    """Everything the report shows, for the days first..last (local dates, both included)."""

    first: dt.date
    last: dt.date
    kiosks: list[tuple[str, int]]
    sessions: int
    median_seconds: float
    per_day: list[tuple[dt.date, int, float]]  # every day of the period, with visits and median length
    per_hour: list[int]
    exhibits: list[queries.ExhibitFigures]
    languages: list[tuple[str, int]]
    switches: dict[str, int]
    media: list[queries.MediaFigures]
    media_completion: float | None
    modes: list[tuple[str, int]]
    visits_with_modes: int
    votes: list[queries.VoteCount] = field(default_factory=list)
    """Poll answers per day."""
    links: list[tuple[str, int]] = field(default_factory=list)
    """(exhibit, visits that saw its QR code), most first."""


def gather(connection: Any, first: dt.date, last: dt.date, exhibit_ids: list[str]) -> Figures:
    start, end = local_midnight(first), local_midnight(last + dt.timedelta(days=1))
    visits = queries.visits(connection, start, end)
    days = {day: (count, middle) for day, count, middle in queries.days_of(visits)}
    per_day = []
    day = first
    while day <= last:
        count, middle = days.get(day, (0, 0.0))
        per_day.append((day, count, middle))
        day += dt.timedelta(days=1)
    used_modes = dict(queries.modes_used(connection, start, end))
    from kiosk.insights.generate import MODES

    modes = sorted(
        ((mode, used_modes.get(mode, 0)) for mode in set(MODES) | set(used_modes)),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return Figures(
        first=first,
        last=last,
        kiosks=queries.kiosks(connection, start, end),
        sessions=len(visits),
        median_seconds=queries.median(sorted(seconds for _, seconds in visits)),
        per_day=per_day,
        per_hour=queries.hours_of(visits),
        exhibits=queries.exhibit_figures(connection, start, end, exhibit_ids),
        languages=queries.language_counts(connection, start, end),
        switches=dict(queries.language_switches(connection, start, end)),
        media=queries.media_figures(connection, start, end),
        media_completion=queries.media_completion(connection, start, end),
        modes=modes,
        visits_with_modes=queries.visits_with_modes(connection, start, end),
        votes=queries.poll_votes(connection, start, end),
        links=queries.links_shown(connection, start, end),
    )
