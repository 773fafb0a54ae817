"""Walks over loaded content models: ids, hotspot links and language maps, with their YAML paths."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from kiosk.content.i18n import _to_text
from kiosk.content.model import Floor, Hotspot, Section
from kiosk.content.yaml_nodes import Path_


def _has_text_marker(metadata: list[Any]) -> bool:
    return any(isinstance(item, BeforeValidator) and item.func is _to_text for item in metadata)


def _annotation_is_text(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _has_text_marker(list(annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        return any(_annotation_is_text(arg) for arg in typing.get_args(annotation))
    return False


@cache
def _text_fields(model: type[BaseModel]) -> frozenset[str]:
    names = set()
    for name, info in model.model_fields.items():
        if _is_text_field(info):
            names.add(name)
    return frozenset(names)


def _is_text_field(info: FieldInfo) -> bool:
    return _has_text_marker(info.metadata) or _annotation_is_text(info.annotation)


def iter_language_maps(
    model: BaseModel, path: Path_ = ()
) -> Iterator[tuple[Path_, dict[str, str], bool]]:
    """Every multilingual text (True) and language-keyed media map (False) in a model."""
    texts = _text_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*path, name)
        if isinstance(value, BaseModel):
            yield from iter_language_maps(value, here)
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_language_maps(item, (*here, index))
        elif isinstance(value, dict):
            yield here, value, name in texts


def iter_ids(floor: Floor) -> Iterator[tuple[str, str, Path_]]:
    """(kind, id, path of the id) for the floor, its sections and their exhibits."""
    yield "floor", floor.id, ("id",)
    for s_index, section in enumerate(floor.sections):
        yield "section", section.id, ("sections", s_index, "id")
        for e_index, exhibit in enumerate(section.exhibits):
            yield "exhibit", exhibit.id, ("sections", s_index, "exhibits", e_index, "id")


def iter_links(floor: Floor) -> Iterator[tuple[str, Path_]]:
    """(target exhibit id, path) for every map hotspot on the floor."""
    for s_index, section in enumerate(floor.sections):
        yield from _section_links(section, ("sections", s_index))


def _section_links(section: Section, path: Path_) -> Iterator[tuple[str, Path_]]:
    for e_index, exhibit in enumerate(section.exhibits):
        for h_index, hotspot in enumerate(getattr(exhibit, "hotspots", ())):
            assert isinstance(hotspot, Hotspot)
            yield hotspot.exhibit, (*path, "exhibits", e_index, "hotspots", h_index, "exhibit")
