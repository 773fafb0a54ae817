"""The content format: pydantic models for exhibition.yaml and the floor files.

Every model forbids unknown keys, so a typo such as `titel` is reported instead of ignored.
Field names are the YAML keys; the JSON Schema that editors use is generated from these models.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator, model_validator

from kiosk.content.exhibit_types import EXHIBIT_TYPES
from kiosk.content.exhibits import (
    Article,
    Audio,
    BeforeAfter,
    Chart,
    Exhibit,
    ExhibitBase,
    Gallery,
    GalleryItem,
    Hotspot,
    ImageExhibit,
    MapExhibit,
    Quote,
    Series,
    Side,
    Stat,
    Stats,
    Timeline,
    TimelineEvent,
    Video,
)
from kiosk.content.fields import Colour, Dated, Id, Language, Strict, When, alt_of
from kiosk.content.i18n import Text
from kiosk.content.media import ImagePath, MediaPath

__all__ = [
    "EXHIBIT_TYPES", "SCHEMA_VERSION", "Article", "Attract", "AttractSlide", "Audio", "BeforeAfter", "Chart",
    "Colour", "Dated", "Exhibit", "ExhibitBase", "Exhibition", "ExhibitionFile", "Floor", "Gallery",
    "GalleryItem", "Hotspot", "Hours", "HoursException", "Id", "ImageExhibit", "Insights", "Language",
    "MapExhibit", "Quote", "Section", "Series", "Side", "Staff", "Stat", "Stats", "Strict", "Theme",
    "Timeline", "TimelineEvent", "Video", "WeeklyHours", "When",
]

SCHEMA_VERSION = 1

# ---------------------------------------------------------------------------------------------
# exhibition.yaml
# ---------------------------------------------------------------------------------------------


class Theme(Strict):
    """Colours and fonts of the whole exhibition. Floors add their own accent colour."""

    background: Colour = Field("#10161d", description="Screen background.")
    surface: Colour = Field("#1b2530", description="Cards and panels.")
    text: Colour = Field("#f4f1ea", description="Main text colour.")
    muted_text: Colour = Field("#b9c2cc", description="Secondary text colour.")
    accent: Colour = Field("#e0a43a", description="Buttons and highlights.")
    font_family: str = Field("Noto Sans", description="Font for Latin text.")
    cjk_font_family: str = Field(
        "Noto Sans CJK SC",
        description="Font for Chinese, Japanese and Korean text. With a Noto Sans CJK or Noto Serif "
        "CJK font the kiosk takes each language's own face (SC, TC, JP, KR) of that font.",
    )


class AttractSlide(Dated):
    """An attract picture or film shown only between two dates, e.g. during a festival."""

    file: MediaPath = Field(description="The picture or film, e.g. media/attract/festival.png.")
    alt: Text | None = alt_of("the picture")


def _slide_from_path(value: Any) -> Any:
    return {"file": value} if isinstance(value, str) else value


Slide = Annotated[AttractSlide, BeforeValidator(_slide_from_path, json_schema_input_type=str | AttractSlide)]
"""An attract slide: a file's path, or a file with `from` and `until`."""


class Attract(Strict):
    """What the screen shows when nobody is using it, and when it goes back to that."""

    idle_seconds: int = Field(60, ge=10, le=3600, description="Seconds without touch before the countdown.")
    countdown_seconds: int = Field(20, ge=5, le=120, description="Length of the 'Still there?' countdown.")
    max_media_seconds: int = Field(
        900, ge=60, le=7200, description="A playing video or narration holds off idle for at most this long."
    )
    slide_seconds: int = Field(8, ge=2, le=120, description="Seconds each attract image stays on screen.")
    media: list[Slide] = Field(
        default_factory=list,
        description="Highlight images or videos shown in a loop, in order: a file's path, or a file "
        "with dates (`file`, `from`, `until`) to show it only then, and with `alt`, what it shows.",
    )
    message: Text | None = Field(None, description="Invitation over the loop, e.g. 'Touch to explore'.")


_TIME_RANGE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$")


def _check_ranges(ranges: list[str]) -> list[str]:
    for item in ranges:
        if not _TIME_RANGE.match(item):
            raise ValueError(f"'{item}' is not a time range like 09:00-17:30")
        start, end = item.split("-")
        if end <= start:
            raise ValueError(f"'{item}' ends before it starts")
    return ranges


DayHours = Annotated[
    list[str],
    Field(description="Opening times that day, e.g. ['09:00-12:00', '13:00-17:00']; [] means closed."),
]


class WeeklyHours(Strict):
    monday: DayHours = Field(default_factory=list)
    tuesday: DayHours = Field(default_factory=list)
    wednesday: DayHours = Field(default_factory=list)
    thursday: DayHours = Field(default_factory=list)
    friday: DayHours = Field(default_factory=list)
    saturday: DayHours = Field(default_factory=list)
    sunday: DayHours = Field(default_factory=list)

    @field_validator("*")
    @classmethod
    def _ranges(cls, value: list[str]) -> list[str]:
        return _check_ranges(value)


class HoursException(Strict):
    date: dt.date = Field(description="The day, as YYYY-MM-DD.")
    hours: DayHours = Field(default_factory=list)
    note: str = Field("", description="Why, for staff, e.g. 'National Day'.")

    @field_validator("hours")
    @classmethod
    def _ranges(cls, value: list[str]) -> list[str]:
        return _check_ranges(value)


class Hours(Strict):
    """When the kiosk is open. Without this section it is always open."""

    weekly: WeeklyHours
    exceptions: list[HoursException] = Field(default_factory=list, description="Dated changes.")
    closed_slide: ImagePath | None = Field(
        None, description="Image shown while closed; none means a dark screen."
    )


class Staff(Strict):
    """How staff reach the hidden staff panel."""

    hold_seconds: float = Field(3.0, ge=1.0, le=10.0, description="Press time in each corner.")
    window_seconds: float = Field(5.0, ge=2.0, le=30.0, description="Time allowed between the two corners.")
    allow_exit: bool = Field(True, description="Whether the staff panel offers 'Exit to desktop'.")


class Insights(Strict):
    """Anonymous visitor statistics kept on the kiosk (no names, faces or personal data)."""

    enabled: bool = Field(True, description="Record visits: screens seen, time spent, language, media.")
    retention_days: int = Field(
        365, ge=1, le=3650, description="Days of visit records to keep; older ones are deleted."
    )


class ExhibitionFile(Strict):
    """exhibition.yaml: the exhibition as a whole. Floors live in floors/*.yaml."""

    schema_version: int = Field(description=f"Version of this format; currently {SCHEMA_VERSION}.")
    title: Text
    subtitle: Text | None = None
    languages: list[Language] = Field(min_length=1, description="Content languages, in switch order.")
    default_language: Language
    theme: Theme = Field(default_factory=Theme)  # type: ignore[arg-type]
    attract: Attract = Field(default_factory=Attract)  # type: ignore[arg-type]
    hours: Hours | None = None
    staff: Staff = Field(default_factory=Staff)  # type: ignore[arg-type]
    insights: Insights = Field(default_factory=Insights)  # type: ignore[arg-type]

    @model_validator(mode="after")
    def _default_is_listed(self) -> ExhibitionFile:
        if self.default_language not in self.languages:
            raise ValueError(
                f"default_language '{self.default_language}' is not in languages {self.languages}"
            )
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("a language is listed twice in languages")
        return self


# ---------------------------------------------------------------------------------------------
# Floors and sections
# ---------------------------------------------------------------------------------------------


class Section(Dated):
    id: Id
    title: Text
    summary: Text | None = Field(None, description="One line shown under the section's title.")
    cover: ImagePath | None = None
    cover_alt: Text | None = alt_of("the cover")
    exhibits: list[Exhibit] = Field(min_length=1)


class Floor(Dated):
    """One file in floors/: a floor of the building and its sections."""

    id: Id
    number: int = Field(ge=-5, le=200, description="Floor number; floors are shown in this order.")
    title: Text
    summary: Text | None = None
    color: Colour = Field(description="The floor's own colour on tiles and headers.")
    cover: ImagePath | None = None
    cover_alt: Text | None = alt_of("the cover")
    sections: list[Section] = Field(min_length=1)


class Exhibition(Strict):
    """The loaded exhibition: settings plus floors in number order. Built by the loader."""

    settings: ExhibitionFile
    floors: tuple[Floor, ...]

    def exhibits(self) -> dict[str, Exhibit]:
        """Every exhibit by id."""
        return {
            exhibit.id: exhibit
            for floor in self.floors
            for section in floor.sections
            for exhibit in section.exhibits
        }

    def locate(self, exhibit_id: str) -> tuple[Floor, Section, Exhibit] | None:
        """The floor and section that hold an exhibit, with the exhibit."""
        for floor in self.floors:
            for section in floor.sections:
                for exhibit in section.exhibits:
                    if exhibit.id == exhibit_id:
                        return floor, section, exhibit
        return None
