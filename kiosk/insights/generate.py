"""Made-up but realistic visitor statistics, for demonstrations, tests and benchmarks.

A kiosk is open 09:00-17:00 and closed on Mondays; weekends and holidays are busier; visitors
arrive in a morning and an afternoon wave, one at a time per screen. Visit lengths are log-normal;
some exhibits are far more popular than others (Zipf-like); most visitors read Chinese or switch
to it, a few turn on an accessibility mode, many start the films and sounds and fewer finish them.
The same seed gives the same file. Nothing here is a real visit.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.content.model import Exhibition

# Bump when the generated data changes, so cached benchmark files are made again.
GENERATOR_VERSION = 1

OPENS_HOUR = 9
CLOSES_HOUR = 17
IDLE_SECONDS = 110.0  # "Still there?" after 90 s, then a 20 s countdown back to the loop
MODES = ("large-text", "captions", "high-contrast", "read-aloud", "reach", "reduced-motion")
MODE_WEIGHTS = (40, 20, 15, 10, 10, 5)


@dataclass(frozen=True)
class Place:
    """An exhibit and where it hangs; `media` is 'video', 'audio', 'narration' or None."""

    floor: str
    section: str
    exhibit: str
    media: str | None = None


@dataclass(frozen=True)
class Counts:
    sessions: int = 0
    views: int = 0
    media: int = 0
    choices: int = 0

    @property
    def rows(self) -> int:
        return self.sessions + self.views + self.media + self.choices

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.sessions + other.sessions,
            self.views + other.views,
            self.media + other.media,
            self.choices + other.choices,
        )


def places_of(exhibition: Exhibition) -> list[Place]:
    """Every exhibit of a loaded exhibition, with the kind of sound or film it offers."""
    places = []
    for floor in exhibition.floors:
        for section in floor.sections:
            for exhibit in section.exhibits:
                media = {"video": "video", "audio": "audio"}.get(exhibit.type)
                if media is None and getattr(exhibit, "narration", None):
                    media = "narration"
                places.append(Place(floor.id, section.id, exhibit.id, media))
    return places


def made_up_places(count: int = 40) -> list[Place]:
    """An invented exhibition: three floors, sections of five, every fifth exhibit a film."""
    kinds = ("video", None, "audio", None, None, "narration", None, None, None, "video")
    return [
        Place(
            f"floor-{number // 15 + 1}",
            f"section-{number // 5 + 1}",
            f"exhibit-{number + 1:02d}",
            kinds[number % len(kinds)],
        )
        for number in range(count)
    ]


def _opening(day: dt.date, hour: float) -> float:
    start = dt.datetime.combine(day, dt.time(OPENS_HOUR))
    return start.timestamp() + (hour - OPENS_HOUR) * 3600.0


def _day_factor(day: dt.date) -> float:
    weekday = day.weekday()
    factor = {4: 1.15, 5: 1.8, 6: 1.7}.get(weekday, 1.0)
    if (day.month, day.day) >= (10, 1) and (day.month, day.day) <= (10, 7):
        factor *= 2.2  # National Day holiday week
    if day.month in (7, 8):
        factor *= 1.3  # school holidays
    return factor


class _Visitors:
    """Draws the visits of one kiosk; holds its random source and exhibit popularity."""

    def __init__(self, kiosk: str, places: Sequence[Place], seed: int, chinese_share: float) -> None:
        self.kiosk = kiosk
        self.rng = random.Random(f"{seed}:{kiosk}")
        order = list(places)
        self.rng.shuffle(order)  # each kiosk has its own favourites
        self.places = order
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(order))]
        self.cumulative = [sum(weights[: rank + 1]) for rank in range(len(weights))]
        self.lengths = {place.exhibit: self.rng.uniform(30.0, 240.0) for place in order}
        self.chinese_share = chinese_share
        self.sessions: list[tuple[Any, ...]] = []
        self.views: list[tuple[Any, ...]] = []
        self.media: list[tuple[Any, ...]] = []
        self.choices: list[tuple[Any, ...]] = []

    def _place(self) -> Place:
        point = self.rng.random() * self.cumulative[-1]
        return self.places[min(bisect.bisect_left(self.cumulative, point), len(self.places) - 1)]

    def day(self, day: dt.date, visits_per_day: float) -> None:
        rng = self.rng
        mean = visits_per_day * _day_factor(day) * (1.0 + 0.15 * math.sin(day.timetuple().tm_yday / 58.0))
        count = max(0, round(rng.gauss(mean, math.sqrt(mean))))
        hours = sorted(
            min(CLOSES_HOUR - 0.02, max(OPENS_HOUR, rng.gauss(10.8 if rng.random() < 0.45 else 14.6, 1.3)))
            for _ in range(count)
        )
        closing = _opening(day, CLOSES_HOUR)
        free_from = 0.0
        for hour in hours:
            start = _opening(day, hour)
            if start < free_from:  # the screen is in use: half the people wait, half walk on
                if rng.random() < 0.5:
                    continue
                start = free_from + rng.uniform(5.0, 40.0)
            if start >= closing - 10.0:
                break
            free_from = self.visit(start, closing)

    def visit(self, start: float, closing: float) -> float:
        """Write one visit starting at `start`; returns when the screen is free again."""
        rng = self.rng
        session = f"{rng.getrandbits(64):016x}"
        language = "en"
        final = "zh" if rng.random() < self.chinese_share else "en"
        target = min(2400.0, rng.lognormvariate(math.log(100.0), 0.8))
        t = start
        views: list[list[Any]] = []
        home = rng.lognormvariate(math.log(6.0), 0.5)
        views.append(["home", "", t, home])
        if final != language or rng.random() < 0.04:
            switch_to = final if final != language else "zh"
            self.choices.append((session, self.kiosk, t + home * 0.6, "language", switch_to))
            if switch_to != final:
                self.choices.append((session, self.kiosk, t + home * 0.8, "language", final))
        if rng.random() < 0.05:
            for mode in set(rng.choices(MODES, MODE_WEIGHTS, k=rng.choice((1, 1, 2)))):
                self.choices.append((session, self.kiosk, t + home * 0.5, "mode", mode))
        t += home
        floor = section = ""
        while t - start < target:
            place = self._place()
            if place.floor != floor:
                views.append(["floor", place.floor, t, rng.uniform(2.0, 8.0)])
                t += views[-1][3]
                floor, section = place.floor, ""
            if place.section != section:
                views.append(["section", place.section, t, rng.uniform(3.0, 12.0)])
                t += views[-1][3]
                section = place.section
            dwell = rng.lognormvariate(math.log(22.0), 0.9)
            if place.media and rng.random() < (0.65 if place.media == "video" else 0.45):
                dwell = self._play(session, place, t + 2.0, dwell)
            views.append(["exhibit", place.exhibit, t, dwell])
            t += dwell
        views[-1][3] += IDLE_SECONDS  # the last screen stays until the kiosk gives up waiting
        ended: float | None = views[-1][2] + views[-1][3]
        reason: str | None = "idle"
        while len(views) > 1 and views[-1][2] >= closing:
            views.pop()
        if ended is not None and ended > closing:
            views[-1][3] = closing - views[-1][2]
            ended, reason = closing, "closing"
        roll = rng.random()
        if roll < 0.006:
            ended, reason = None, None  # the kiosk was switched off mid-visit
            if len(views) > 1:
                views.pop()  # the screen on show was never written
        elif roll < 0.01:
            reason = "stopped"
        self.sessions.append((session, self.kiosk, start, ended, final, reason))
        for screen, item, started, seconds in views:
            shown = final if started > start + home * 0.6 else language
            self.views.append((session, self.kiosk, screen, item, started, seconds, shown))
        return float(views[-1][2] + views[-1][3])

    def _play(self, session: str, place: Place, started: float, dwell: float) -> float:
        rng = self.rng
        length = self.lengths[place.exhibit]
        fraction = 1.0 if rng.random() < 0.35 else rng.uniform(0.03, 0.92)
        played = length * fraction
        known = rng.random() > 0.03
        self.media.append(
            (
                session,
                self.kiosk,
                place.exhibit,
                place.media,
                started,
                played,
                length if known else None,
                fraction if known else 0.0,
            )
        )
        return max(dwell, played + rng.uniform(3.0, 15.0))


def generate(
    connection: sqlite3.Connection,
    *,
    kiosk: str,
    first_day: dt.date,
    days: int,
    places: Sequence[Place] | None = None,
    seed: int = 1,
    visits_per_day: float = 55.0,
    chinese_share: float = 0.6,
) -> Counts:
    """Write `days` days of made-up visits of one kiosk into an open statistics file."""
    visitors = _Visitors(kiosk, places or made_up_places(), seed, chinese_share)
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        if day.weekday() != 0:  # closed on Mondays
            visitors.day(day, visits_per_day)
    with connection:
        connection.executemany("INSERT INTO sessions VALUES (?,?,?,?,?,?)", visitors.sessions)
        connection.executemany("INSERT INTO views VALUES (?,?,?,?,?,?,?)", visitors.views)
        connection.executemany("INSERT INTO media VALUES (?,?,?,?,?,?,?,?)", visitors.media)
        connection.executemany("INSERT INTO choices VALUES (?,?,?,?,?)", visitors.choices)
    return Counts(len(visitors.sessions), len(visitors.views), len(visitors.media), len(visitors.choices))


def generate_files(
    paths: Iterable[Any],
    *,
    first_day: dt.date,
    days: int,
    places: Sequence[Place] | None = None,
    seed: int = 1,
) -> Counts:
    """One statistics file per kiosk (named kiosk-01, kiosk-02, ...), each with its own visitors."""
    from kiosk.insights.schema import connect

    total = Counts()
    for number, path in enumerate(paths, start=1):
        connection = connect(path)
        try:
            total = total + generate(
                connection,
                kiosk=f"kiosk-{number:02d}",
                first_day=first_day,
                days=days,
                places=places,
                seed=seed,
            )
        finally:
            connection.close()
    return total
