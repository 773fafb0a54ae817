"""Field types shared by the content models: ids, colours, language tags, the strict base."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
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
