"""Turns pydantic's validation errors into plain sentences, placed on the right line."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.content.yaml_nodes import Document, Path_

TYPE_NAMES = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "string": "text",
    "list": "a list (lines starting with '- ')",
    "dict": "a group of fields (lines like 'name: value')",
    "model": "a group of fields (lines like 'name: value')",
    "date": "a date like 2026-10-01",
}


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (Optional, Union and Annotated removed)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    return [annotation]


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that the location `loc` (from pydantic) points into, if any."""
    current: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for candidate in current:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                fields = candidate.model_fields
                if isinstance(part, str) and part in fields:
                    following.extend(_unwrap(fields[part].annotation))
                elif _type_tag(candidate) == part:
                    following.append(candidate)
                continue
            origin = typing.get_origin(candidate)
            if origin in (list, tuple) and isinstance(part, int):
                following.extend(_unwrap(typing.get_args(candidate)[0]))
            elif origin is dict and typing.get_args(candidate):
                following.extend(_unwrap(typing.get_args(candidate)[1]))
            elif isinstance(part, str):
                # A union's tag in pydantic's location: keep the member it names.
                following.extend(
                    member for member in _unwrap(candidate) if _type_tag(member) == part
                )
        if not following:
            return None
        current = following
    for candidate in current:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _type_tag(model: Any) -> str | None:
    if isinstance(model, type) and issubclass(model, BaseModel) and "type" in model.model_fields:
        args = typing.get_args(model.model_fields["type"].annotation)
        return str(args[0]) if args else None
    return None


def data_path(loc: tuple[Any, ...], data: Any) -> Path_:
    """The path in the YAML data that pydantic's `loc` refers to (union tags skipped)."""
    path: list[str | int] = []
    node = data
    after_index = False
    for part in loc:
        if isinstance(node, dict):
            if after_index and node.get("type") == part:
                after_index = False  # the exhibit type's tag, not a field
                continue
            if part in node:
                path.append(part)
                node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
            after_index = True
            continue
        after_index = False
    return tuple(path)


def _closest(word: str, options: list[str]) -> str | None:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(word: str, options: list[str]) -> str:
    close = _closest(word, options)
    return f"did you mean '{close}'?" if close else ""


def _shown(value: Any) -> str:
    """A value as staff wrote it: text in quotes, a list or a group of fields by name."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "..."


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "this field"


def _empty(kind: str, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Message and hint for a field written with nothing after its ':' (or a '-' with nothing after)."""
    field = _field_name(loc)
    if loc and isinstance(loc[-1], int):
        item = f"item {loc[-1] + 1} of '{field}'"
        return f"{item} is empty", "write the item after its '- ', or delete the line"
    if kind.startswith(("list", "tuple", "too_short")):
        return (
            f"'{field}' is empty: it has no items",
            f"add at least one item on the lines below '{field}:', each starting with '- ' and indented "
            "further; docs/content.md has examples",
        )
    if kind.startswith(("dict", "model")):
        return (
            f"'{field}' is empty: it has no fields",
            f"add its fields on the lines below '{field}:', indented further, or delete the line",
        )
    return f"'{field}' is empty", f"write its value after '{field}: ', or delete the line if it is optional"


_PY_LIST = re.compile(r"\[('[^'\]]*'(?:, '[^'\]]*')*)\]")


def _plain_lists(message: str) -> str:
    """"['en', 'zh']" in a message becomes "en, zh"."""
    return _PY_LIST.sub(lambda found: found.group(1).replace("'", ""), message)


def _item(data: Any, path: Path_) -> Any:
    """The value at `path` in the YAML data, or None."""
    for part in path:
        if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            continue
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _culprit(data: Any, message: str) -> Path_:
    """Where in a group of fields a check of the whole group failed: the series one value short,
    the event out of order, the default language, the language listed twice."""
    if not isinstance(data, dict):
        return ()
    series, categories = data.get("series"), data.get("categories")
    if message.startswith("series ") and isinstance(series, list) and isinstance(categories, list):
        for index, item in enumerate(series):
            values = item.get("values") if isinstance(item, dict) else None
            if isinstance(values, list) and len(values) != len(categories):
                return ("series", index, "values")
    events = data.get("events")
    if "year order" in message and isinstance(events, list):
        years = [event.get("year") if isinstance(event, dict) else None for event in events]
        for index in range(1, len(years)):
            now, before = years[index], years[index - 1]
            if isinstance(now, int) and isinstance(before, int) and now < before:
                return ("events", index, "year")
    answers = data.get("answers")
    if message.startswith("the answer id") and isinstance(answers, list):
        ids = [answer.get("id") if isinstance(answer, dict) else None for answer in answers]
        for index in range(1, len(ids)):
            if ids[index] is not None and ids[index] in ids[:index]:
                return ("answers", index, "id")
    if message.startswith("default_language") and "default_language" in data:
        return ("default_language",)
    languages = data.get("languages")
    if "listed twice" in message and isinstance(languages, list):
        for index, code in enumerate(languages):
            if code in languages[:index]:
                return ("languages", index)
    return ()


def explain(
    error: dict[str, Any], root: type[BaseModel], document: Document
) -> tuple[int, int, str, str]:
    """Line, column, message and hint for one pydantic error in `document`."""
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    path = data_path(loc, document.data)
    line, col = document.place(path)
    message = error["msg"]
    hint = str(ctx.get("hint", ""))
    value = error.get("input")

    if value is None and kind not in ("missing", "colour_missing", "extra_forbidden") and loc:
        message, hint = _empty(kind, loc)
    elif kind == "extra_forbidden":
        key = str(loc[-1])
        line, col = document.place(path, key=True)
        model = model_at(root, loc[:-1])
        allowed = sorted(info.alias or name for name, info in model.model_fields.items()) if model else []
        message = f"unknown field '{key}'"
        hint = _suggest(key, allowed) or (f"fields allowed here: {', '.join(allowed)}" if allowed else "")
    elif kind == "missing":
        field = str(loc[-1])
        message = f"missing required field '{field}'"
        parent = document.data
        for part in path:
            parent = parent[part]
        if isinstance(parent, dict):
            typo = _closest(field, [str(k) for k in parent])
            hint = f"is '{typo}' a misspelling of '{field}'?" if typo else ""
    elif kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        options = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        path = (*path, "type")
        line, col = document.place(path)
        message = f"unknown exhibit type '{tag}'"
        hint = _suggest(tag, options) or f"use one of: {', '.join(options)}"
    elif kind == "union_tag_not_found":
        message = "this exhibit has no 'type'"
        hint = "add a line such as 'type: article'; docs/content.md lists every type"
    elif kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [t.strip(" '") for t in expected.replace(" or ", ",").split(",") if t.strip()]
        message = f"{_shown(error.get('input'))} is not allowed here"
        hint = _suggest(str(error.get("input")), options) or f"use one of: {', '.join(options)}"
    elif kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        value = _shown(error.get("input"))
        if pattern.startswith("^#"):
            message = f"{value} is not a colour"
            hint = "write colours as #rrggbb, e.g. #1f6f8b"
        elif pattern.startswith("^[a-z0-9]"):
            message = f"{value} is not a valid id"
            hint = "use lower-case letters, digits and dashes, e.g. port-today"
        else:
            message = f"{value} is not a language code"
            hint = "use codes such as en, zh or ar"
    elif kind in ("too_short", "too_long"):
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        field = _field_name(loc)
        count = len(value) if isinstance(value, (list, tuple, dict)) else 0
        if kind == "too_short" and count == 0:
            message, hint = _empty(kind, loc)
        else:
            limit = "at least" if kind == "too_short" else "at most"
            items = "item" if count == 1 else "items"
            message = f"'{field}' has {count} {items}; it needs {limit} {bound}"
            hint = "add items" if kind == "too_short" else "remove items, or split them over two exhibits"
    elif kind in ("string_too_short", "string_too_long"):
        bound = ctx.get("min_length") if kind == "string_too_short" else ctx.get("max_length")
        limit = "at least" if kind == "string_too_short" else "at most"
        message = f"{_shown(value)} is too {'short' if kind == 'string_too_short' else 'long'}"
        hint = f"it must have {limit} {bound} characters"
    elif kind == "int_from_float":
        message = f"expected a whole number, got {_shown(value)}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        word = {"greater_than_equal": "at least", "less_than_equal": "at most",
                "greater_than": "more than", "less_than": "less than"}[kind]
        bound = next(iter(ctx.values()), "")
        message = f"{_shown(error.get('input'))} is too {'small' if 'greater' in kind else 'large'}"
        hint = f"it must be {word} {bound}"
    elif kind == "value_error":
        message = _plain_lists(str(error["msg"]).removeprefix("Value error, "))
        line, col = document.place((*path, *_culprit(_item(document.data, path), message)))
    elif kind.endswith(("_type", "_parsing")) and kind.split("_")[0] in TYPE_NAMES:
        message = f"expected {TYPE_NAMES[kind.split('_')[0]]}, got {_shown(error.get('input'))}"
    elif kind.startswith(("date", "datetime")):
        message = f"expected a date like 2026-10-01, got {_shown(error.get('input'))}"
    elif message.startswith("Input should be "):
        message = "expected " + message.removeprefix("Input should be ") + f", got {_shown(value)}"
    message = _PY_TYPE.sub(lambda found: "got " + _TYPE_WORDS[found.group(1)], message)
    return line, col, message.replace("{{", "{").replace("}}", "}"), hint


_TYPE_WORDS = {
    "NoneType": "nothing", "list": "a list", "dict": "a group of fields", "tuple": "a list",
    "int": "a number", "float": "a number", "bool": "a yes/no value", "str": "text",
}
_PY_TYPE = re.compile(r"got (NoneType|list|dict|tuple|int|float|bool|str)\b")


def explain_all(
    error: ValidationError, root: type[BaseModel], document: Document
) -> list[tuple[int, int, str, str]]:
    return [explain(dict(item), root, document) for item in error.errors(include_url=False)]
