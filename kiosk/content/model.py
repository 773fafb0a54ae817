"""The content format: pydantic models for exhibition.yaml and the floor files.

Every model forbids unknown keys, so a typo such as `titel` is reported instead of ignored.
Field names are the YAML keys; the JSON Schema that editors use is generated from these models.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kiosk.content.i18n import ANY_LANGUAGE, LanguageKey, LanguageTag, Text
from kiosk.content.media import AudioPath, CaptionsPath, ImagePath, MediaPath, VideoPath

SCHEMA_VERSION = 1

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=64,
        description="Short unique name: lower-case letters, digits and dashes, e.g. `port-today`.",
    ),
]
def _colour_input(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError(
            "colour_missing",
            "the colour is empty",
            {"hint": 'put colours in quotes, e.g. "#1f6f8b": an unquoted # starts a comment'},
        )
    return value


def _one_file_for_all_languages(value: Any) -> Any:
    return {ANY_LANGUAGE: value} if isinstance(value, str) else value


Colour = Annotated[
    str,
    BeforeValidator(_colour_input),
    Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as #rrggbb, e.g. `#1f6f8b`."),
]
Language = LanguageTag
"""A BCP 47 language tag such as `en`, `ja`, `pt-BR` or `zh-Hant-TW`, read in any case."""


class Strict(BaseModel):
    """Base of every content model: immutable, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


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


class Attract(Strict):
    """What the screen shows when nobody is using it, and when it goes back to that."""

    idle_seconds: int = Field(60, ge=10, le=3600, description="Seconds without touch before the countdown.")
    countdown_seconds: int = Field(20, ge=5, le=120, description="Length of the 'Still there?' countdown.")
    max_media_seconds: int = Field(
        900, ge=60, le=7200, description="A playing video or narration holds off idle for at most this long."
    )
    slide_seconds: int = Field(8, ge=2, le=120, description="Seconds each attract image stays on screen.")
    media: list[MediaPath] = Field(
        default_factory=list, description="Highlight images or videos shown in a loop, in order."
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
# Exhibits
# ---------------------------------------------------------------------------------------------


SoundPerLanguage = Annotated[
    dict[LanguageKey, AudioPath],
    BeforeValidator(_one_file_for_all_languages),
    WithJsonSchema(
        {
            "description": "One sound file, or one per language: {en: media/x.en.wav, zh: ...}.",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1},
            ],
        }
    ),
]


class ExhibitBase(Strict):
    id: Id
    title: Text
    summary: Text | None = Field(None, description="One line shown on the exhibit's card.")
    cover: ImagePath | None = Field(None, description="Image on the exhibit's card.")
    narration: SoundPerLanguage | None = Field(
        None,
        description="Spoken description of the exhibit for visitors who cannot see it well: one sound "
        "file, or one per language. Offered by a Listen button; plays by itself in 'Read aloud' mode.",
    )


class Article(ExhibitBase):
    """Text to read, optionally with a picture. Separate paragraphs with a blank line."""

    type: Literal["article"]
    body: Text
    image: ImagePath | None = None
    caption: Text | None = None


class ImageExhibit(ExhibitBase):
    """One picture visitors can zoom into."""

    type: Literal["image"]
    image: ImagePath
    caption: Text | None = None
    credit: Text | None = None


class GalleryItem(Strict):
    image: ImagePath
    caption: Text | None = None


class Gallery(ExhibitBase):
    """Pictures to swipe through."""

    type: Literal["gallery"]
    items: list[GalleryItem] = Field(min_length=1)


class Video(ExhibitBase):
    """A film with captions (WebVTT files, one per language)."""

    type: Literal["video"]
    video: VideoPath
    captions: dict[Language, CaptionsPath] = Field(
        default_factory=dict, description="Caption file per language, e.g. {en: media/x.en.vtt}."
    )
    poster: ImagePath | None = Field(None, description="Still image shown before playing.")
    loop: bool = Field(False, description="Play again from the start without a pause.")
    autoplay: bool = Field(False, description="Start playing when the exhibit opens.")
    caption: Text | None = None


class Audio(ExhibitBase):
    """A narration with its transcript. `audio` may differ per language."""

    type: Literal["audio"]
    audio: SoundPerLanguage = Field(min_length=1)
    transcript: Text
    image: ImagePath | None = None


class TimelineEvent(Strict):
    year: int = Field(ge=-5000, le=3000)
    title: Text
    text: Text | None = None
    image: ImagePath | None = None


class Timeline(ExhibitBase):
    """Dated events, shown on a line visitors can flick through."""

    type: Literal["timeline"]
    events: list[TimelineEvent] = Field(min_length=2)

    @model_validator(mode="after")
    def _in_order(self) -> Timeline:
        years = [event.year for event in self.events]
        if years != sorted(years):
            raise ValueError("timeline events must be in year order, earliest first")
        return self


def _number_for_all_languages(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {ANY_LANGUAGE: value}
    return value


LocalNumber = Annotated[
    dict[LanguageKey, float],
    BeforeValidator(_number_for_all_languages),
    WithJsonSchema(
        {
            "description": "A number, or one per language when languages count differently: "
            "{en: 1.68, zh: 16.8} with units {en: billion yuan, zh: 亿元}.",
            "anyOf": [
                {"type": "number"},
                {"type": "object", "additionalProperties": {"type": "number"}, "minProperties": 1},
            ],
        }
    ),
]


class Stat(Strict):
    value: LocalNumber
    label: Text
    unit: Text | None = Field(None, description="Shown after the number, e.g. 'km²'.")
    prefix: str = Field("", description="Shown before the number, e.g. '¥'.")
    decimals: int | None = Field(
        None, ge=0, le=3, description="Digits after the point; by default as many as the value has."
    )
    grouping: bool | None = Field(
        None,
        description="Thousands separators: false never (a year, a number), true always; by default "
        "every number has them except a whole number from 1000 to 2999 with no unit, which is a year.",
    )


class Stats(ExhibitBase):
    """Large figures that count up when the exhibit opens."""

    type: Literal["stats"]
    items: list[Stat] = Field(min_length=1, max_length=8)
    note: Text | None = None


class Series(Strict):
    name: Text
    values: list[float] = Field(min_length=1)
    color: Colour | None = None


class Chart(ExhibitBase):
    """A bar or line chart. Each series has one value per category."""

    type: Literal["chart"]
    kind: Literal["bar", "line"]
    categories: list[Text] = Field(min_length=1, description="Labels along the bottom, e.g. years.")
    series: list[Series] = Field(min_length=1, max_length=6)
    unit: Text | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _lengths(self) -> Chart:
        for number, series in enumerate(self.series, start=1):
            if len(series.values) != len(self.categories):
                values, categories = len(series.values), len(self.categories)
                raise ValueError(
                    f"series {number} has {values} value{'' if values == 1 else 's'} "
                    f"but there {'is 1 category' if categories == 1 else f'are {categories} categories'}"
                )
        return self


class Side(Strict):
    image: ImagePath
    label: Text


class BeforeAfter(ExhibitBase):
    """Two pictures of one place; visitors drag a handle to compare."""

    type: Literal["before_after"]
    before: Side
    after: Side
    caption: Text | None = None


class Hotspot(Strict):
    x: float = Field(ge=0.0, le=1.0, description="Across the map: 0 left edge, 1 right edge.")
    y: float = Field(ge=0.0, le=1.0, description="Down the map: 0 top edge, 1 bottom edge.")
    label: Text
    exhibit: Id = Field(description="The id of the exhibit this spot opens.")


class MapExhibit(ExhibitBase):
    """A map with spots that open other exhibits."""

    type: Literal["map"]
    image: ImagePath
    hotspots: list[Hotspot] = Field(default_factory=list)
    caption: Text | None = None


class Quote(ExhibitBase):
    """A short quotation with who said it."""

    type: Literal["quote"]
    text: Text
    author: Text
    role: Text | None = None
    image: ImagePath | None = None


Exhibit = Annotated[
    Article
    | ImageExhibit
    | Gallery
    | Video
    | Audio
    | Timeline
    | Stats
    | Chart
    | BeforeAfter
    | MapExhibit
    | Quote,
    Field(discriminator="type"),
]

EXHIBIT_TYPES: tuple[str, ...] = (
    "article",
    "image",
    "gallery",
    "video",
    "audio",
    "timeline",
    "stats",
    "chart",
    "before_after",
    "map",
    "quote",
)


# ---------------------------------------------------------------------------------------------
# Floors and sections
# ---------------------------------------------------------------------------------------------


class Section(Strict):
    id: Id
    title: Text
    summary: Text | None = Field(None, description="One line shown under the section's title.")
    cover: ImagePath | None = None
    exhibits: list[Exhibit] = Field(min_length=1)


class Floor(Strict):
    """One file in floors/: a floor of the building and its sections."""

    id: Id
    number: int = Field(ge=-5, le=200, description="Floor number; floors are shown in this order.")
    title: Text
    summary: Text | None = None
    color: Colour = Field(description="The floor's own colour on tiles and headers.")
    cover: ImagePath | None = None
    sections: list[Section] = Field(min_length=1)


class Exhibition(Strict):
    """The loaded exhibition: settings plus floors in number order. Built by the loader."""

    settings: ExhibitionFile
    floors: tuple[Floor, ...]

    def exhibits(self) -> dict[str, Any]:
        """Every exhibit by id."""
        return {
            exhibit.id: exhibit
            for floor in self.floors
            for section in floor.sections
            for exhibit in section.exhibits
        }

    def locate(self, exhibit_id: str) -> tuple[Floor, Section, Any] | None:
        """The floor and section that hold an exhibit, with the exhibit."""
        for floor in self.floors:
            for section in floor.sections:
                for exhibit in section.exhibits:
                    if exhibit.id == exhibit_id:
                        return floor, section, exhibit
        return None
