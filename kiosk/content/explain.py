"""Turns pydantic's validation errors into plain sentences, placed on the right line."""

from __future__ import annotations

import difflib
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
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "..."


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

    if kind == "extra_forbidden":
        key = str(loc[-1])
        line, col = document.place(path, key=True)
        model = model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
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
        message = f"needs at {'least' if kind == 'too_short' else 'most'} {bound} item(s) here"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        word = {"greater_than_equal": "at least", "less_than_equal": "at most",
                "greater_than": "more than", "less_than": "less than"}[kind]
        bound = next(iter(ctx.values()), "")
        message = f"{_shown(error.get('input'))} is too {'small' if 'greater' in kind else 'large'}"
        hint = f"it must be {word} {bound}"
    elif kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
    elif kind.endswith(("_type", "_parsing")) and kind.split("_")[0] in TYPE_NAMES:
        message = f"expected {TYPE_NAMES[kind.split('_')[0]]}, got {_shown(error.get('input'))}"
    elif kind.startswith(("date", "datetime")):
        message = f"expected a date like 2026-10-01, got {_shown(error.get('input'))}"
    return line, col, message, hint


def explain_all(
    error: ValidationError, root: type[BaseModel], document: Document
) -> list[tuple[int, int, str, str]]:
    return [explain(dict(item), root, document) for item in error.errors(include_url=False)]
