"""Field types shared by the content models: ids, colours, language tags, the strict base."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kiosk.content.i18n import LanguageTag

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


Colour = Annotated[
    str,
    BeforeValidator(_colour_input),
    Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as #rrggbb, e.g. `#1f6f8b`."),
]
Language = LanguageTag
"""A BCP 47 language tag such as `en`, `ja`, `pt-BR` or `zh-Hant-TW`, read in any case."""


class Strict(BaseModel):
    """Base of every content model: immutable, unknown keys are errors.

    Validators are built when a model first checks content (`defer_build`), not when the module is
    imported: commands that never read content start sooner, and the kiosk builds only what it needs."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

    @model_validator(mode="after")
    def _alt_has_its_picture(self) -> Any:
        """An alt text describes a picture written beside it: without the picture it is a mistake."""
        fields = type(self).model_fields
        for alt, picture in ALT_OF.items():
            if alt in fields and picture in fields and getattr(self, alt) is not None \
                    and getattr(self, picture) is None:
                raise PydanticCustomError(
                    "alt_without_picture", "{alt} describes a picture, but there is no {picture}",
                    {"alt": alt, "picture": picture,
                     "hint": f"add {picture}: with the picture's file, or remove {alt}"},
                )
        return self


ALT_OF = {"alt": "image", "cover_alt": "cover", "poster_alt": "poster"}
"""Each alt-text field and the picture field beside it that it describes (an attract slide's `alt`
describes its `file`, which is always there)."""


def alt_of(picture: str) -> Any:
    """The optional field holding what `picture` shows, for visitors who cannot see it."""
    return Field(
        None,
        description=f"What {picture} shows, in one short sentence per language (at most 25 words), "
        "e.g. {en: Fishing boats moored at a wooden pier, zh: 木栈桥边停泊的渔船}. Read aloud, given to "
        "screen readers and shown under the picture in high contrast.",
    )



_WHEN_FORMS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
WHEN_HINT = "write a date like 2027-02-05, or a date and time like 2027-02-05 18:00"


def _when_input(value: Any) -> dt.date | dt.datetime:
    """A date or a local date and time, from YAML (which reads 2027-02-05 as a date itself) or text."""
    if isinstance(value, dt.datetime):
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text) if len(text) == 10 else _datetime_from(text)
        except ValueError:
            pass
    raise PydanticCustomError(
        "when_malformed", "{shown} is not a date", {"shown": repr(value), "hint": WHEN_HINT}
    )


def _datetime_from(text: str) -> dt.datetime:
    for form in _WHEN_FORMS:
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    raise ValueError(text)


When = Annotated[
    dt.date | dt.datetime,
    PlainValidator(_when_input),
    WithJsonSchema({
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$",
        "description": "A date such as 2027-02-05, or a date and local time such as 2027-02-05 18:00.",
    }),
]
"""A day, or a moment in local time: `2027-02-05` or `2027-02-05 18:00`."""


class Dated(Strict):
    """Content that may be shown only between two dates (`from` and `until`, both optional)."""

    from_: When | None = Field(
        None, alias="from",
        description="Shown from this day (from midnight) or from this date and time, e.g. 2027-02-05 "
        "or 2027-02-05 18:00. Without it: from now on.",
    )
    until: When | None = Field(
        None,
        description="Shown until this day (to the end of it) or until this date and time, e.g. "
        "2027-02-15 or 2027-02-15 18:00. Without it: with no end.",
    )
