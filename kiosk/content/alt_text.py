"""Text alternatives of pictures: what each picture shows, for visitors who cannot see it.

Every picture field has an alt field beside it: `image` and `alt`, `cover` and `cover_alt`,
`poster` and `poster_alt`, an attract slide's `file` and `alt`. A picture needs its alt only once:
wherever the same file appears again without its own alt (as a cover, in a gallery, as an attract
slide), the kiosk uses the alt written for it elsewhere. A picture that has none anywhere gets one
warning, at its first place, for example

    floors/1-history.yaml:85:16: warning: picture 'media/history/old-harbour.png' has no alt text,
    so visitors who cannot see it are told nothing about it (describe what it shows beside it:
    alt: {en: ..., zh: ...})
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from kiosk.content.errors import ContentError, Severity
from kiosk.content.media import SUFFIXES
from kiosk.content.yaml_nodes import Document, Path_

ALT_FIELDS = {"image": "alt", "picture": "alt", "cover": "cover_alt", "poster": "poster_alt", "file": "alt"}
"""Each picture field, with the field beside it that says what the picture shows."""

EXAMPLE = {"en": "what the picture shows", "zh": "图片里有什么"}
"""The example alt text of a hint, in the languages it is shown in; others get an ellipsis."""


@dataclass(frozen=True)
class Picture:
    """One place where a picture is shown."""

    path: Path_
    """The YAML path of the picture's file name."""
    file: str
    alt: dict[str, str] | None
    alt_field: str


def is_picture(file: str) -> bool:
    """Whether a media file is a picture (an attract slide may also be a film)."""
    return PurePosixPath(file).suffix.lower() in SUFFIXES["image"]


def pictures(model: BaseModel, path: Path_ = ()) -> Iterator[Picture]:
    """Every picture in a content model, with its alt text as written (None when there is none)."""
    fields = type(model).model_fields
    for name in fields:
        value = getattr(model, name)
        here: Path_ = (*path, name)
        if isinstance(value, BaseModel):
            yield from pictures(value, here)
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from pictures(item, (*here, index))
        elif isinstance(value, str) and ALT_FIELDS.get(name) in fields and is_picture(value):
            alt_field = ALT_FIELDS[name]
            yield Picture(here, value, getattr(model, alt_field), alt_field)


def written_alts(models: Iterable[BaseModel]) -> dict[str, dict[str, str]]:
    """The alt text written for each picture file, the first one where a file has several."""
    found: dict[str, dict[str, str]] = {}
    for model in models:
        for picture in pictures(model):
            if picture.alt is not None:
                found.setdefault(picture.file, picture.alt)
    return found


def alt_hint(picture: Picture, languages: Sequence[str]) -> str:
    """How to give a picture its alt text, in the exhibition's languages."""
    shown = ", ".join(f"{code}: {EXAMPLE.get(code, '...')}" for code in (languages or ["en"]))
    if picture.path[-1] == "file":
        return (f"write the slide as '- file: {picture.file}' with 'alt: {{{shown}}}' under it, "
                "saying what the picture shows")
    return f"say what the picture shows beside it: {picture.alt_field}: {{{shown}}}"


def alt_warnings(
    files: Iterable[tuple[str, BaseModel | None, Document | None]], languages: Sequence[str]
) -> list[ContentError]:
    """A warning for each picture file that has no alt text anywhere, at its first place, given the
    files as (name as staff see it, its model, its YAML document). None while a file could not be
    checked (its model is None): its alt text may be the one missing, and its errors come first."""
    checked: list[tuple[str, BaseModel, Document]] = []
    for name, model, document in files:
        if model is None or document is None:
            return []
        checked.append((name, model, document))
    described = written_alts(model for _, model, _ in checked)
    warned: set[str] = set()
    warnings = []
    for name, model, document in checked:
        for picture in pictures(model):
            if picture.file in described or picture.file in warned:
                continue
            warned.add(picture.file)
            line, col = document.place(picture.path)
            message = (f"picture '{picture.file}' has no alt text, so visitors who cannot see it are "
                       "told nothing about it")
            warnings.append(ContentError(name, line, col, message, alt_hint(picture, languages),
                                         Severity.WARNING))
    return warnings


def share_alt_text(model: Any, alts: dict[str, dict[str, str]] | None = None) -> Any:
    """The model with the alt text written for each picture file given to every other place that
    shows the same file without its own (the model itself when nothing changes)."""
    if alts is None:
        alts = written_alts([model])
    fields = type(model).model_fields
    updates: dict[str, Any] = {}
    for name in fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            shared = share_alt_text(value, alts)
            if shared is not value:
                updates[name] = shared
        elif isinstance(value, (list, tuple)) and any(isinstance(item, BaseModel) for item in value):
            items = [share_alt_text(item, alts) if isinstance(item, BaseModel) else item for item in value]
            if any(new is not old for new, old in zip(items, value, strict=True)):
                updates[name] = type(value)(items)
        elif isinstance(value, str) and ALT_FIELDS.get(name) in fields:
            alt_field = ALT_FIELDS[name]
            if getattr(model, alt_field) is None and value in alts:
                updates[alt_field] = alts[value]
    return model.model_copy(update=updates) if updates else model
