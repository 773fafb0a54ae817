"""Opening hours: is the kiosk open now, and when does that change? Pure Python, clock injected."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.content.model import Hours

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LOOK_AHEAD_DAYS = 400
"""How far ahead the next opening is looked for: a long closure written as dated exceptions
still ends with a known opening day."""


def _parse(day: dt.date, text: str) -> tuple[dt.datetime, dt.datetime]:
    start, end = text.split("-")
    start_time = dt.datetime.combine(day, dt.time.fromisoformat(start))
    if end == "24:00":
        end_time = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    else:
        end_time = dt.datetime.combine(day, dt.time.fromisoformat(end))
    return start_time, end_time


@dataclass(frozen=True)
class ScheduleState:
    open: bool
    until: dt.datetime | None
    """When the state next changes; None when it never does (no hours, or no opening time in
    the next LOOK_AHEAD_DAYS days)."""
    note: str = ""


class Schedule:
    """The exhibition's weekly hours with dated exceptions. No hours at all means always open."""

    def __init__(self, hours: Hours | None) -> None:
        self.hours = hours

    def ranges(self, day: dt.date) -> tuple[list[tuple[dt.datetime, dt.datetime]], str]:
        """Opening ranges of one day, and the staff note when an exception applies."""
        assert self.hours is not None
        for exception in self.hours.exceptions:
            if exception.date == day:
                return [_parse(day, r) for r in exception.hours], exception.note
        times: list[str] = getattr(self.hours.weekly, WEEKDAYS[day.weekday()])
        return [_parse(day, r) for r in times], ""

    def state(self, now: dt.datetime) -> ScheduleState:
        if self.hours is None:
            return ScheduleState(True, None)
        today, note = self.ranges(now.date())
        for start, end in today:
            if start <= now < end:
                return ScheduleState(True, end, note)
        return ScheduleState(False, self.next_opening(now), note)

    def next_opening(self, now: dt.datetime) -> dt.datetime | None:
        """The first opening time after `now` (weekly hours and dated exceptions), or None when
        there is none in the next LOOK_AHEAD_DAYS days or no hours at all."""
        if self.hours is None:
            return None
        for offset in range(LOOK_AHEAD_DAYS + 1):
            day_ranges, _ = self.ranges(now.date() + dt.timedelta(days=offset))
            for start, _end in day_ranges:
                if start > now:
                    return start
        return None

    def is_open(self, now: dt.datetime) -> bool:
        return self.state(now).open
