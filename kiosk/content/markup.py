"""Markup in visitor text: HTML-like tags and character references, found so staff can remove them.

The kiosk shows every text exactly as it is written: `<b>word</b>` appears with its angle brackets,
`&lt;` as four characters, and a picture tag never loads anything. Staff who paste text from a web
page or a word processor get a warning at the line and column of the text, for example

    floors/1-history.yaml:12:10: warning: this text contains markup ('<img'); it is shown as
    written, not as formatting (remove the tags)

Found: tags such as `<b>`, `</p>`, `<br/>`, `<img src="...">` and `<font color=red>`, comments
(`<!--`), and references such as `&lt;`, `&amp;`, `&#60;` and `&#x3C;`. Not found: a lone `<` or
`&` in ordinary writing ("a < b", "5 <10 km", "R&D", "Tom & Jerry").
"""

from __future__ import annotations

import html
import html.entities
import re
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, BeforeValidator

from kiosk.content.errors import ContentError, Severity
from kiosk.content.i18n import ANY_LANGUAGE, _to_text
from kiosk.content.yaml_nodes import Document, Path_

PLAIN_STRING_FIELDS = frozenset({"prefix"})
"""Fields that hold one plain string visitors see (a figure's prefix such as '¥')."""

HTML_ELEMENTS = frozenset({
    "a", "abbr", "b", "big", "blockquote", "body", "br", "center", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "img",
    "kbd", "li", "meta", "nobr", "ol", "p", "pre", "q", "s", "samp", "script", "small", "span",
    "strike", "strong", "style", "sub", "sup", "table", "tbody", "td", "th", "thead", "title", "tr",
    "tt", "u", "ul", "var",
})
"""Tag names that are markup even without a closing '>' (a pasted or cut-off tag)."""

_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_CLOSED_TAG = re.compile(r"\s*/?>")
_ATTRIBUTES = re.compile(r"\s[^<>]*>")
_OPEN_ATTRIBUTE = re.compile(r"\s+[A-Za-z-]+\s*=")
_SPECIAL = re.compile(r"<!--|<!doctype|<\?xml", re.IGNORECASE)
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _tag_at(text: str, match: re.Match[str]) -> bool:
    """Whether the `<name` at this match starts a tag rather than ordinary writing."""
    closing, name = match.group(1), match.group(2).lower()
    rest = text[match.end():]
    if _CLOSED_TAG.match(rest):  # <b>, </p>, <br/>, <br />
        return True
    if closing:
        return False
    if _ATTRIBUTES.match(rest):  # <font color=red>, <img src="...">, but not "x <y and y> z"
        return name in HTML_ELEMENTS or "=" in rest[: rest.index(">")]
    return name in HTML_ELEMENTS and _OPEN_ATTRIBUTE.match(rest) is not None  # <img src="... cut off


def find_markup(text: str) -> str | None:
    """The first piece of markup in `text` as staff would search for it ('<img', '</b', '&lt;'),
    or None when the text is plain writing."""
    found: list[tuple[int, str]] = []
    special = _SPECIAL.search(text)
    if special:
        found.append((special.start(), special.group(0)))
    for match in _TAG_START.finditer(text):
        if _tag_at(text, match):
            found.append((match.start(), match.group(0)))
            break
    for match in _REFERENCE.finditer(text):
        if match.group(0).startswith("&#") or match.group(0)[1:] in html.entities.html5:
            found.append((match.start(), match.group(0)))
            break
    return min(found)[1] if found else None


def markup_message(piece: str) -> tuple[str, str]:
    """The warning for a text holding `piece`, as (message, hint)."""
    message = f"this text contains markup ('{piece}'); it is shown as written, not as formatting"
    if piece.startswith("&"):
        return message, f"write the character itself, '{html.unescape(piece)}', instead of '{piece}'"
    return message, "remove the tags"


def _marks_text(metadata: Iterable[Any]) -> bool:
    return any(isinstance(item, BeforeValidator) and item.func is _to_text for item in metadata)


def _is_text(annotation: Any) -> bool:
    """Whether a field's type holds multilingual text (Text, Text | None, list[Text])."""
    if typing.get_origin(annotation) is typing.Annotated and _marks_text(annotation.__metadata__):
        return True
    return any(_is_text(argument) for argument in typing.get_args(annotation))


@cache
def _text_fields(model: type[BaseModel]) -> frozenset[str]:
    names = set()
    for name, info in model.model_fields.items():
        if _marks_text(info.metadata) or _is_text(info.annotation):
            names.add(name)
    return frozenset(names)


def visible_texts(model: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text visitors can see in a content model, with the YAML path of its value."""
    texts = _text_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        here: Path_ = (*path, name)
        if isinstance(value, BaseModel):
            yield from visible_texts(value, here)
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from visible_texts(item, (*here, index))
                elif isinstance(item, dict) and name in texts:
                    yield from _languages(item, (*here, index))
        elif isinstance(value, dict) and name in texts:
            yield from _languages(value, here)
        elif isinstance(value, str) and name in PLAIN_STRING_FIELDS:
            yield here, value


def _languages(text: dict[str, str], path: Path_) -> Iterator[tuple[Path_, str]]:
    for language, words in text.items():
        yield (path if language == ANY_LANGUAGE else (*path, language)), words


def markup_warnings(files: Iterable[tuple[str, BaseModel | None, Document | None]]) -> list[ContentError]:
    """A warning for each visible text with markup in the checked files, given as
    (name as staff see it, its model, its YAML document); files not checked (None) are skipped."""
    warnings = []
    for name, model, document in files:
        if model is None or document is None:
            continue
        for path, text in visible_texts(model):
            piece = find_markup(text)
            if piece is None:
                continue
            line, col = document.place(path)
            message, hint = markup_message(piece)
            warnings.append(ContentError(name, line, col, message, hint, Severity.WARNING))
    return warnings
