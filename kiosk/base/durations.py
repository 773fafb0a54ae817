"""How long something has lasted, in the short form staff read: `42 s`, `3 min`, `2 h 14 min`."""

from __future__ import annotations


def format_duration(seconds: float) -> str:
    """A length of time for staff: whole seconds under a minute, then minutes, hours and days,
    two units at most (`2 d 2 h`). A negative length (a clock set back) reads as `0 s`."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min" if minutes else f"{seconds} s"
