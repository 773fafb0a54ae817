"""Multilingual text: either one string for every language or one string per language.

Languages are named by BCP 47 tags: a language (`en`, `zh`, `ja`), then optionally a script
(`zh-Hant`, `sr-Latn`), a region (`pt-BR`, `zh-TW`, `es-419`) and variants. Tags are read in any
case and kept in the usual one (`zh-hant-tw` becomes `zh-Hant-TW`). Text, captions, narration and
the kiosk's own words all follow one order when a language is missing: `fallback_order`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_LANGUAGE, _SCRIPT, _REGION = r"[a-z]{2,3}", r"[a-z]{4}", r"[a-z]{2}|[0-9]{3}"
_VARIANTS = r"(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
"""The parts of a BCP 47 language tag: language, optional script, optional region, variants."""
TAG_PATTERN = rf"^{_LANGUAGE}(-[A-Z][a-z]{{3}})?(-([A-Z]{{2}}|[0-9]{{3}}))?{_VARIANTS}$"
"""A language tag as the kiosk keeps it (and the schema shows it): each part in its usual case."""
_TAG = re.compile(
    rf"^(?P<language>{_LANGUAGE})(-(?P<script>{_SCRIPT}))?(-(?P<region>{_REGION}))?(?P<variants>{_VARIANTS})$"
)
"""A language tag in lower case, its parts named."""
COUNTRY_NOT_LANGUAGE = {
    "jp": ("ja", "Japanese"), "cn": ("zh", "Chinese"), "gr": ("el", "Greek"), "dk": ("da", "Danish"),
    "cz": ("cs", "Czech"), "ua": ("uk", "Ukrainian"), "vn": ("vi", "Vietnamese"), "ir": ("fa", "Persian"),
    "il": ("he", "Hebrew"), "us": ("en", "English"), "gb": ("en", "English"),
}
"""Country codes staff write where a language belongs, with the language's own code."""
LANGUAGE_WORDS = {
    "english": "en", "chinese": "zh", "japanese": "ja", "korean": "ko", "french": "fr", "german": "de",
    "spanish": "es", "italian": "it", "portuguese": "pt", "russian": "ru", "arabic": "ar",
}
"""Languages staff may write by name, with their tags."""
TAG_HINT = "use tags such as en, ja, pt-BR or zh-Hant-TW"
ANY_LANGUAGE = "*"
"""Key under which a plain string is kept: it reads the same in every language."""
T = TypeVar("T")


def tag_problem(value: object) -> tuple[str, str] | None:
    """What is wrong with a language tag, as (message, hint); None when it is a tag."""
    if not isinstance(value, str) or not value.strip():
        return f"{value!r} is not a language code", TAG_HINT
    written = value.strip()
    if "_" in written and normal_tag(written.replace("_", "-")):
        return (f"'{written}' is not a language code",
                f"write '{normal_tag(written.replace('_', '-'))}', with '-' between the parts")
    normal = normal_tag(written)
    if normal is None and written.lower() in LANGUAGE_WORDS:
        return f"'{written}' is not a language code", f"write '{LANGUAGE_WORDS[written.lower()]}'"
    if normal is None:
        return f"'{written}' is not a language code", (
            "a tag is a language of 2 or 3 letters, then, joined by '-', an optional script of 4 letters "
            "and an optional region of 2 letters or 3 digits: en, pt-BR, zh-Hant-TW, sr-Latn-RS"
        )
    language, _, rest = normal.partition("-")
    if language in COUNTRY_NOT_LANGUAGE:
        code, name = COUNTRY_NOT_LANGUAGE[language]
        right = f"{code}-{rest}" if rest else code
        return (f"'{written}' names a country, not a language",
                f"{name} is '{code}'" + (f"; write '{right}'" if rest else ""))
    return None


def normal_tag(value: str) -> str | None:
    """A language tag in its usual case (`zh-hant-tw` -> `zh-Hant-TW`); None when it is not one."""
    match = _TAG.match(value.strip().lower())
    if match is None:
        return None
    parts = [match["language"]]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    if match["variants"]:
        parts.extend(match["variants"].strip("-").split("-"))
    return "-".join(parts)


def read_tag(value: Any) -> str:
    """A language tag from content, in its usual case; a plain error when it is not one."""
    problem = tag_problem(value)
    if problem is not None:
        raise PydanticCustomError("language_tag", problem[0], {"hint": problem[1]})
    return normal_tag(str(value)) or str(value)


def _read_key(value: Any) -> str:
    return ANY_LANGUAGE if value == ANY_LANGUAGE else read_tag(value)


LanguageTag = Annotated[
    str,
    BeforeValidator(read_tag),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": TAG_PATTERN,
            "description": "A language tag such as `en`, `ja`, `pt-BR` or `zh-Hant-TW`.",
        }
    ),
]
"""A language named in content: any case is read, the usual case kept."""
KEY_PATTERN = r"^(\*|" + TAG_PATTERN[1:-1] + r")$"
LanguageKey = Annotated[
    str, BeforeValidator(_read_key), WithJsonSchema({"type": "string", "pattern": KEY_PATTERN})
]
"""A key of a per-language mapping: a language tag, or '*' for one value in every language."""


def prefixes(tag: str) -> list[str]:
    """A tag and each shorter prefix: `zh-Hant-TW` -> [`zh-Hant-TW`, `zh-Hant`, `zh`]."""
    parts = tag.split("-")
    return ["-".join(parts[:count]) for count in range(len(parts), 0, -1)]


def fallback_order(language: str, default: str) -> list[str]:
    """Where the kiosk looks for something in a visitor's language, in order: the language's
    tag, each shorter prefix, one version for every language ('*'), then the exhibition's
    default language (and its prefixes). Text, captions, narration and interface words all
    follow it; what is not found anywhere falls back to whatever exists."""
    order: list[str] = []
    for key in (*prefixes(language), ANY_LANGUAGE, *prefixes(default)):
        if key not in order:
            order.append(key)
    return order


def best_key(keys: Iterable[str], language: str, default: str) -> str | None:
    """The first key in `fallback_order` that `keys` holds; None when none is there."""
    present = set(keys)
    return next((key for key in fallback_order(language, default) if key in present), None)


def pick_or_none(values: Mapping[str, T] | None, language: str, default: str) -> T | None:
    """The value for the visitor's language in `fallback_order`; None when none fits."""
    if not values:
        return None
    key = best_key(values, language, default)
    return values[key] if key is not None else None


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
        return _text_map(value)
    raise PydanticCustomError(
        "text_type",
        "expected text, or one text per language like {example}",
        {"example": "{en: ..., zh: ...}"},
    )


def _text_map(value: Mapping[Any, Any]) -> dict[str, str]:
    result: dict[str, str] = {}
    for language, text in value.items():
        if text is None and isinstance(language, str) and normal_tag(language) is None:
            raise PydanticCustomError(
                "text_language",
                "{language} is not a language code",
                {
                    "language": repr(language),
                    "hint": "if the text contains a comma, put it in quotes: {en: \"Then, and now\"}",
                },
            )
        code = read_tag(language)
        if text is None:
            raise PydanticCustomError("text_empty", "the {language} text is empty", {"language": code})
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            text = str(text)
        if not isinstance(text, str):
            raise PydanticCustomError(
                "text_type",
                "the {language} text should be text, got {got}",
                {"language": code, "got": type(text).__name__},
            )
        if not text.strip():
            raise PydanticCustomError("text_empty", "the {language} text is empty", {"language": code})
        result[code] = text.strip()
    if not result:
        raise PydanticCustomError("text_empty", "this text has no languages", {})
    return result


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
                    "propertyNames": {"pattern": TAG_PATTERN},
                    "minProperties": 1,
                },
            ],
        }
    ),
]


def resolve(text: Mapping[str, str] | None, language: str, fallback: str) -> str:
    """The text in the visitor's language (`fallback_order`), else any text there is."""
    return pick(text, language, fallback) if text else ""


def pick(values: Mapping[str, T], language: str, fallback: str) -> T:
    """The value for the visitor's language in `fallback_order`, else the first there is."""
    found = pick_or_none(values, language, fallback)
    return found if found is not None else next(iter(values.values()))


def missing_languages(text: Mapping[str, str], languages: list[str]) -> list[str]:
    """Languages of the exhibition that this text has no translation for."""
    if ANY_LANGUAGE in text:
        return []
    return [language for language in languages if not any(key in text for key in prefixes(language))]


def missing_translation(
    text: Mapping[str, str], languages: list[str], default: str
) -> tuple[str, str] | None:
    """The one warning for a text without some of the exhibition's languages, as (message, hint),
    e.g. ("missing 'fr', 'es' translations", "visitors reading them will see the 'en' text");
    None when every language is there."""
    missing = missing_languages(text, languages)
    if not missing:
        return None
    shown = best_key(text, default, default) or next(iter(text))
    codes = ", ".join(f"'{code}'" for code in missing)
    if len(missing) == 1:
        seen = best_key(text, missing[0], default) or shown
        return f"missing {codes} translation", f"visitors reading '{missing[0]}' will see the '{seen}' text"
    return f"missing {codes} translations", f"visitors reading them will see the '{shown}' text"


def unknown_languages(text: Mapping[str, str], languages: list[str]) -> Iterator[str]:
    """Language keys in this text that no language of the exhibition reads: neither one of its
    languages nor a shorter tag of one (`pt` is read by `pt-BR` visitors)."""
    readable = {prefix for language in languages for prefix in prefixes(language)}
    for key in text:
        if key != ANY_LANGUAGE and key not in readable:
            yield key
