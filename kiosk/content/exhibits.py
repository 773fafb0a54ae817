"""The exhibit types' content models: what staff write for an article, a film, a map, ...

`Exhibit` reads any of them, chosen by its `type`. Each type's view and interface word are
listed with its model in `kiosk.content.exhibit_types`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from kiosk.content.fields import Colour, Dated, Id, Language, Strict, alt_of
from kiosk.content.i18n import ANY_LANGUAGE, LanguageKey, Text
from kiosk.content.links import LinkField
from kiosk.content.media import AudioPath, CaptionsPath, ImagePath, ModelPath, VideoPath


def _one_file_for_all_languages(value: Any) -> Any:
    return {ANY_LANGUAGE: value} if isinstance(value, str) else value


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


class ExhibitBase(Dated):
    id: Id
    title: Text
    summary: Text | None = Field(None, description="One line shown on the exhibit's card.")
    cover: ImagePath | None = Field(None, description="Image on the exhibit's card.")
    cover_alt: Text | None = alt_of("the cover")
    narration: SoundPerLanguage | None = Field(
        None,
        description="Spoken description of the exhibit for visitors who cannot see it well: one sound "
        "file, or one per language. Offered by a Listen button; plays by itself in 'Read aloud' mode.",
    )
    link: LinkField | None = Field(
        None,
        description="A web page about the exhibit for visitors to read at home: shown as a QR code with "
        "its host name, never opened by the kiosk. An https address, or `url` (one, or one per language) "
        "with a `label`.",
    )


class Article(ExhibitBase):
    """Text to read, optionally with a picture. Separate paragraphs with a blank line."""

    type: Literal["article"]
    body: Text
    image: ImagePath | None = None
    alt: Text | None = alt_of("the picture")
    caption: Text | None = None


class ImageExhibit(ExhibitBase):
    """One picture visitors can zoom into."""

    type: Literal["image"]
    image: ImagePath
    alt: Text | None = alt_of("the picture")
    caption: Text | None = None
    credit: Text | None = None


class GalleryItem(Strict):
    image: ImagePath
    alt: Text | None = alt_of("the picture")
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
    poster_alt: Text | None = alt_of("the still image")
    loop: bool = Field(False, description="Play again from the start without a pause.")
    autoplay: bool = Field(False, description="Start playing when the exhibit opens.")
    caption: Text | None = None


class Audio(ExhibitBase):
    """A narration with its transcript. `audio` may differ per language."""

    type: Literal["audio"]
    audio: SoundPerLanguage = Field(min_length=1)
    transcript: Text
    image: ImagePath | None = None
    alt: Text | None = alt_of("the picture")


class TimelineEvent(Strict):
    year: int = Field(ge=-5000, le=3000)
    title: Text
    text: Text | None = None
    image: ImagePath | None = None
    alt: Text | None = alt_of("the picture")


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
    alt: Text | None = alt_of("the picture")
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
    alt: Text | None = alt_of("the map")
    hotspots: list[Hotspot] = Field(default_factory=list)
    caption: Text | None = None


class Quote(ExhibitBase):
    """A short quotation with who said it."""

    type: Literal["quote"]
    text: Text
    author: Text
    role: Text | None = None
    image: ImagePath | None = None
    alt: Text | None = alt_of("the picture")


class PollAnswer(Strict):
    id: Id = Field(description="Short name of the answer, kept with each vote, e.g. `pocket-parks`.")
    text: Text
    image: ImagePath | None = Field(None, description="Small picture beside the answer.")


class Poll(ExhibitBase):
    """A question visitors answer with one touch; then they see how everyone at this screen answered."""

    type: Literal["poll"]
    question: Text
    answers: list[PollAnswer] = Field(min_length=2, max_length=6)
    intro: Text | None = Field(None, description="A sentence or two above the question.")

    @model_validator(mode="after")
    def _answers_differ(self) -> Poll:
        seen: set[str] = set()
        for answer in self.answers:
            if answer.id in seen:
                raise ValueError(f"the answer id '{answer.id}' is used twice in this poll")
            seen.add(answer.id)
        return self


class ModelExhibit(ExhibitBase):
    """A 3D object visitors turn in their hands: drag to turn it, pinch to look closer."""

    type: Literal["model"]
    file: ModelPath = Field(description="The 3D model: a glTF 2.0 file (.glb, or .gltf with its files "
                                        "beside it) in the content folder, at most 50 MB.")
    picture: ImagePath = Field(description="A still picture of the object, shown where the screen "
                                           "cannot draw in 3D.")
    text: Text | None = Field(None, description="A few sentences about the object.")
    caption: Text | None = None


# The same models as kiosk.content.exhibit_types.REGISTRY, in its order (a test keeps them equal).
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
    | Quote
    | Poll
    | ModelExhibit,
    Field(discriminator="type"),
]
