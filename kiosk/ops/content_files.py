"""The files a loaded exhibition uses: its YAML files and every media file its models name.

Only these go into the last-good copy. Media paths are found by walking the content models and
looking at each field's type: a field typed as an image, film, sound, caption or attract media
path (kiosk.content.media) names a file, wherever it sits (a cover, a gallery item, a
narration per language, a map, the closed-hours slide, ...). A new media field in the format is
found without any change here.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import AfterValidator, BaseModel

from kiosk.content import media
from kiosk.content.gltf import files_beside
from kiosk.content.load import LoadResult


def _kinds() -> dict[Callable[..., Any], str]:
    aliases = {"image": media.ImagePath, "video": media.VideoPath, "audio": media.AudioPath,
               "captions": media.CaptionsPath, "media": media.MediaPath, "model": media.ModelPath}
    found: dict[Callable[..., Any], str] = {}
    for kind, alias in aliases.items():
        for marker in typing.get_args(alias)[1:]:
            if isinstance(marker, AfterValidator):
                found[marker.func] = kind
    return found


_MEDIA_CHECKS = _kinds()


def _kind_of(metadata: Iterable[Any]) -> str | None:
    for marker in metadata:
        if isinstance(marker, AfterValidator) and marker.func in _MEDIA_CHECKS:
            return _MEDIA_CHECKS[marker.func]
    return None


def media_paths(model: BaseModel) -> Iterator[tuple[str, str]]:
    """(kind, relative path) of every media file a content model names, nested models included."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        kind = _kind_of(info.metadata)
        if kind is not None and isinstance(value, str):
            yield kind, value
        else:
            yield from _within(info.annotation, value)


def _within(annotation: Any, value: Any) -> Iterator[tuple[str, str]]:
    if value is None:
        return
    if isinstance(value, BaseModel):
        yield from media_paths(value)
        return
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        kind = _kind_of(arguments[1:])
        if kind is not None and isinstance(value, str):
            yield kind, value
        else:
            yield from _within(arguments[0], value)
    elif origin in (typing.Union, types.UnionType):
        for option in arguments:
            yield from _within(option, value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _within(arguments[0] if arguments else Any, item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _within(arguments[1] if len(arguments) == 2 else Any, item)


def referenced_files(result: LoadResult, root: Path) -> dict[str, str]:
    """{relative path: kind} of the YAML files and media files of a loaded exhibition.

    Kinds are 'yaml', 'image', 'video', 'audio', 'captions', 'media' (a picture or a film) and
    'model' (a 3D model and the files a .gltf model uses)."""
    files: dict[str, str] = {}
    for path in result.files:
        files[Path(path).relative_to(root).as_posix()] = "yaml"
    if result.exhibition is not None:
        for kind, relative in media_paths(result.exhibition):
            files.setdefault(PurePosixPath(relative).as_posix(), kind)
            for used in files_beside(root, relative):  # a .gltf model's buffers and pictures
                files.setdefault(used, "model")
    return files


PICTURE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"BM")
"""How PNG, JPEG and BMP files begin (a WebP file begins with RIFF, then its size, then WEBP)."""


def is_picture_path(kind: str, relative: str) -> bool:
    """Whether the file is shown as a picture (attract media may be a picture or a film)."""
    return kind == "image" or (kind == "media" and PurePosixPath(relative).suffix.lower()
                                in media.SUFFIXES["image"])


def looks_like_picture(head: bytes) -> bool:
    """Whether a file's first bytes are those of a PNG, JPEG, WebP or BMP picture."""
    return head.startswith(PICTURE_SIGNATURES) or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
