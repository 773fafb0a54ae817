"""Multilingual text: either one string for every language or one string per language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")

ANY_LANGUAGE = "*"
"""Key under which a plain string is kept: it reads the same in every language."""
T = TypeVar("T")


def _to_text(value: Any) -> dict[str, str]:
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError(
            "text_type",
            "expected text here, got {got}",
            {"got": repr(value), "hint": "put the text in quotes, e.g. 'yes'"},
        )
    if isinstance(value, (int, float, dt.date)):
        return {ANY_LANGUAGE: str(value)}
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("text_empty", "this text is empty", {})
        return {ANY_LANGUAGE: value.strip()}
    if isinstance(value, Mapping):
        result: dict[str, str] = {}
        for language, text in value.items():
            if text is None or (isinstance(language, str) and not _LANGUAGE.match(language)):
                raise PydanticCustomError(
                    "text_language",
                    "{language} is not a language code",
                    {
                        "language": repr(language),
                        "hint": "if the text contains a comma, put it in quotes: {en: \"Then, and now\"}",
                    },
                )
            if not isinstance(language, str) or not language.isascii() or not language.strip():
                raise PydanticCustomError(
                    "text_language",
                    "{language} is not a language code",
                    {"language": repr(language), "hint": "use codes such as en or zh"},
                )
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                raise PydanticCustomError(
                    "text_type",
                    "the {language} text should be text, got {got}",
                    {"language": language, "got": type(text).__name__},
                )
            if not text.strip():
                raise PydanticCustomError(
                    "text_empty", "the {language} text is empty", {"language": language}
                )
            result[language] = text.strip()
        if not result:
            raise PydanticCustomError("text_empty", "this text has no languages", {})
        return result
    raise PydanticCustomError(
        "text_type",
        "expected text, or one text per language like {{en: ..., zh: ...}}",
        {},
    )


Text = Annotated[
    dict[str, str],
    BeforeValidator(_to_text),
    WithJsonSchema(
        {
            "description": "Text in every language, or one text per language: {en: ..., zh: ...}.",
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"},
                    "minProperties": 1,
                },
            ],
        }
    ),
]


def resolve(text: Mapping[str, str] | None, language: str, fallback: str) -> str:
    """The text in `language`, else the fallback language, else any text there is."""
    return pick(text, language, fallback) if text else ""


def pick(values: Mapping[str, T], language: str, fallback: str) -> T:
    """The value for `language`, else for every language, else the fallback's, else the first."""
    for key in (language, ANY_LANGUAGE, fallback):
        if key in values:
            return values[key]
    return next(iter(values.values()))


def missing_languages(text: Mapping[str, str], languages: list[str]) -> list[str]:
    """Languages of the exhibition that this text has no translation for."""
    if ANY_LANGUAGE in text:
        return []
    return [language for language in languages if language not in text]


def missing_translation(
    text: Mapping[str, str], languages: list[str], default: str
) -> tuple[str, str] | None:
    """The one warning for a text without some of the exhibition's languages, as (message, hint),
    e.g. ("missing 'fr', 'es' translations", "visitors reading them will see the 'en' text");
    None when every language is there."""
    missing = missing_languages(text, languages)
    if not missing:
        return None
    shown = default if default in text else next(iter(text))
    codes = ", ".join(f"'{code}'" for code in missing)
    if len(missing) == 1:
        return f"missing {codes} translation", f"visitors reading '{missing[0]}' will see the '{shown}' text"
    return f"missing {codes} translations", f"visitors reading them will see the '{shown}' text"


def unknown_languages(text: Mapping[str, str], languages: list[str]) -> Iterator[str]:
    """Language keys in this text that the exhibition does not list."""
    for key in text:
        if key != ANY_LANGUAGE and key not in languages:
            yield key
