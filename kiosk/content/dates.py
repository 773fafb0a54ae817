"""Dated content: floors, sections, exhibits and attract slides shown only between two dates.

`from` and `until` are optional on each. A date alone starts at midnight (`from`) or runs to the
end of that day (`until`); a date with a time is that moment in local time. Out of its dates an
item is hidden; a section whose exhibits are all hidden is hidden, and a floor likewise.

    shown = shown_on(exhibition, dt.datetime.now())   # the exhibition as visitors see it now
    next_change(exhibition, now)                       # when that will next differ (or None)
    date_problems(files, now)                          # 'until' before 'from', and ended items
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from pydantic import BaseModel

from kiosk.content.errors import ContentError, Severity
from kiosk.content.fields import Dated
from kiosk.content.model import AttractSlide, Exhibition, Floor, Section
from kiosk.content.yaml_nodes import Document, Path_

__all__ = ["Span", "date_problems", "day_summary", "day_text", "end_of", "exhibit_spans", "hidden_items",
           "is_shown", "moment_from_text", "next_change", "overlaps", "shown_on", "start_of"]


def start_of(value: dt.date | dt.datetime) -> dt.datetime:
    """The moment a `from` starts: a day's midnight, or the date and time itself."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time())


def end_of(value: dt.date | dt.datetime) -> dt.datetime:
    """The first moment after an `until`: the midnight after that day, or the date and time itself."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value + dt.timedelta(days=1), dt.time())


def is_shown(item: Dated, when: dt.datetime) -> bool:
    """Whether an item's own dates include the moment `when` (local time)."""
    if item.from_ is not None and when < start_of(item.from_):
        return False
    return item.until is None or when < end_of(item.until)


def _same(kept: Sequence[object], whole: Sequence[object]) -> bool:
    """Whether nothing was left out (each item kept is the very item it was)."""
    return len(kept) == len(whole) and all(a is b for a, b in zip(kept, whole, strict=True))


def _section_on(section: Section, when: dt.datetime) -> Section | None:
    if not is_shown(section, when):
        return None
    exhibits = [exhibit for exhibit in section.exhibits if is_shown(exhibit, when)]
    if not exhibits:
        return None
    return section if _same(exhibits, section.exhibits) else section.model_copy(update={"exhibits": exhibits})


def _floor_on(floor: Floor, when: dt.datetime) -> Floor | None:
    if not is_shown(floor, when):
        return None
    sections = [shown for section in floor.sections if (shown := _section_on(section, when)) is not None]
    if not sections:
        return None
    return floor if _same(sections, floor.sections) else floor.model_copy(update={"sections": sections})


def shown_on(exhibition: Exhibition, when: dt.datetime) -> Exhibition:
    """The exhibition as visitors see it at `when`: items out of their dates left out, and sections
    and floors left with nothing to show. The same object when nothing is hidden."""
    floors = tuple(shown for floor in exhibition.floors if (shown := _floor_on(floor, when)) is not None)
    attract = exhibition.settings.attract
    slides = [slide for slide in attract.media if is_shown(slide, when)]
    if _same(floors, exhibition.floors) and _same(slides, attract.media):
        return exhibition
    settings = exhibition.settings
    if not _same(slides, attract.media):
        settings = settings.model_copy(update={"attract": attract.model_copy(update={"media": slides})})
    return exhibition.model_copy(update={"settings": settings, "floors": floors})


def _dated(model: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, Dated]]:
    """Every dated item in a content model with its YAML path, the model itself first."""
    if isinstance(model, Dated):
        yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = type(model).model_fields[name].alias or name
        if isinstance(value, BaseModel):
            yield from _dated(value, (*path, key))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _dated(item, (*path, key, index))


def _boundaries(exhibition: Exhibition) -> Iterator[dt.datetime]:
    items: list[BaseModel] = [exhibition.settings, *exhibition.floors]
    for model in items:
        for _, item in _dated(model):
            if item.from_ is not None:
                yield start_of(item.from_)
            if item.until is not None:
                yield end_of(item.until)


def next_change(exhibition: Exhibition, after: dt.datetime) -> dt.datetime | None:
    """The first `from` or `until` boundary later than `after`; None when there is none."""
    later = [moment for moment in _boundaries(exhibition) if moment > after]
    return min(later) if later else None


def day_text(value: dt.date | dt.datetime) -> str:
    """A date as staff read it: '5 Feb 2026', with ' at 18:00' for a date and time."""
    text = f"{value.day} {value:%b %Y}"
    return f"{text} at {value:%H:%M}" if isinstance(value, dt.datetime) else text


def _kind(item: Dated) -> str:
    if isinstance(item, Floor):
        return "this floor"
    if isinstance(item, Section):
        return "this section"
    if isinstance(item, AttractSlide):
        return "this attract slide"
    return "this exhibit"


def date_problems(files: Iterable[tuple[str, BaseModel | None, Document | None]],
                  now: dt.datetime) -> list[ContentError]:
    """An error for each `until` before its `from`, a warning for each item whose `until` has passed
    by `now`; files given as (name as staff see it, its model, its YAML document)."""
    problems = []
    for name, model, document in files:
        if model is None or document is None:
            continue
        for path, item in _dated(model):
            if item.until is None:
                continue
            line, col = document.place((*path, "until"))
            if item.from_ is not None and end_of(item.until) <= start_of(item.from_):
                problems.append(ContentError(
                    name, line, col,
                    f"'until' ({day_text(item.until)}) is before 'from' ({day_text(item.from_)})",
                    "it would never be shown; correct one of the dates",
                ))
            elif end_of(item.until) <= now:
                problems.append(ContentError(
                    name, line, col, f"{_kind(item)} ended on {day_text(item.until)}; it is hidden",
                    "remove it or change the date", Severity.WARNING,
                ))
    return problems


def hidden_items(exhibition: Exhibition, when: dt.datetime) -> list[str]:
    """What is hidden at `when`, one short line each, e.g. "section 'festival' (until 15 Feb 2027)";
    a floor or section hidden as a whole is named, not each item in it."""
    lines: list[str] = []

    def out_of_dates(kind: str, ident: str, item: Dated) -> None:
        dates = []
        if item.from_ is not None:
            dates.append(f"from {day_text(item.from_)}")
        if item.until is not None:
            dates.append(f"until {day_text(item.until)}")
        lines.append(f"{kind} '{ident}' ({', '.join(dates)})")

    for index, slide in enumerate(exhibition.settings.attract.media, start=1):
        if not is_shown(slide, when):
            out_of_dates(f"attract slide {index}", slide.file, slide)
    for floor in exhibition.floors:
        if not is_shown(floor, when):
            out_of_dates("floor", floor.id, floor)
            continue
        for section in floor.sections:
            if not is_shown(section, when):
                out_of_dates("section", section.id, section)
                continue
            hidden = [exhibit for exhibit in section.exhibits if not is_shown(exhibit, when)]
            for exhibit in hidden:
                out_of_dates("exhibit", exhibit.id, exhibit)
            if len(hidden) == len(section.exhibits):
                lines.append(f"section '{section.id}' (all its exhibits are hidden)")
        if _floor_on(floor, when) is None and is_shown(floor, when):
            lines.append(f"floor '{floor.id}' (all its sections are hidden)")
    return lines


def moment_from_text(text: str) -> dt.datetime:
    """A moment staff give on the command line: `2027-02-05` (the start of that day) or
    `2027-02-05 18:00`, in local time; ValueError for anything else."""
    text = text.strip()
    if len(text) == 10:
        return start_of(dt.date.fromisoformat(text))
    for form in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"):
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date like 2027-02-05 or 2027-02-05 18:00")


def day_summary(exhibition: Exhibition, when: dt.datetime) -> list[str]:
    """What visitors see at `when`, for `kiosk validate --date`: a count of what is shown, then one
    line for each thing hidden by its dates."""
    shown = shown_on(exhibition, when)
    sections = [section for floor in shown.floors for section in floor.sections]
    exhibits = sum(len(section.exhibits) for section in sections)
    moment = day_text(when.date()) if when.time() == dt.time() else day_text(when)
    counts = (f"{len(shown.floors)} floors, {len(sections)} sections, {exhibits} exhibits, "
              f"{len(shown.settings.attract.media)} attract slides")
    hidden = hidden_items(exhibition, when)
    lines = [f"On {moment}: shown {counts}; " + (f"hidden {len(hidden)}:" if hidden else "nothing hidden.")]
    return lines + [f"  hidden: {line}" for line in hidden]


Span = tuple[dt.datetime | None, dt.datetime | None]
"""When something is shown: from (None: always before), and the first moment after (None: no end)."""


def _narrow(span: Span, item: Dated) -> Span:
    start, end = span
    if item.from_ is not None:
        start = max(start, start_of(item.from_)) if start else start_of(item.from_)
    if item.until is not None:
        end = min(end, end_of(item.until)) if end else end_of(item.until)
    return start, end


def exhibit_spans(exhibition: Exhibition) -> dict[str, Span]:
    """When each exhibit with dates of its own, its section's or its floor's is shown."""
    spans: dict[str, Span] = {}
    for floor in exhibition.floors:
        for section in floor.sections:
            for exhibit in section.exhibits:
                span = _narrow(_narrow(_narrow((None, None), floor), section), exhibit)
                if span != (None, None):
                    spans[exhibit.id] = span
    return spans


def overlaps(span: Span, start: dt.datetime, end: dt.datetime) -> bool:
    """Whether something shown during `span` is shown at some moment in [start, end)."""
    return (span[0] is None or span[0] < end) and (span[1] is None or span[1] > start)
