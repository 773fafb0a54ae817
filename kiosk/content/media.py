"""One resolver for every media path: confined to the content folder, present, readable, the right kind.

Paths are checked by name and file metadata only: each file is opened (never with a wait) to prove that
the kiosk may read it, but no image, video or sound is read.
"""

from __future__ import annotations

import difflib
import errno
import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from kiosk.content.files import FileProblem, cannot_read, check_regular, resolve_inside

SUFFIXES: dict[str, frozenset[str]] = {
    "image": frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp"}),
    "video": frozenset({".mp4", ".m4v", ".mov", ".webm", ".mkv"}),
    "audio": frozenset({".wav", ".mp3", ".ogg", ".oga", ".m4a", ".flac", ".opus"}),
    "captions": frozenset({".vtt"}),
}
SUFFIXES["media"] = SUFFIXES["image"] | SUFFIXES["video"]

MAX_BYTES: dict[str, int] = {
    "image": 400 * 1024 * 1024,
    "video": 4 * 1024 * 1024 * 1024,
    "audio": 1024 * 1024 * 1024,
    "captions": 2 * 1024 * 1024,
    "media": 4 * 1024 * 1024 * 1024,
}

KIND_NAMES = {
    "image": "an image",
    "video": "a video",
    "audio": "a sound file",
    "captions": "a WebVTT caption file",
    "media": "an image or a video",
}


class MediaContext:
    """What media checks need to know: the content folder, and a cache of folder listings."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._listings: dict[Path, list[str]] = {}

    def listing(self, folder: Path) -> list[str]:
        if folder not in self._listings:
            try:
                self._listings[folder] = sorted(os.listdir(folder))
            except OSError:
                self._listings[folder] = []
        return self._listings[folder]

    def suggest(self, relative: PurePosixPath) -> str:
        """A 'did you mean' for a path that does not exist, from the nearest existing folder."""
        parts = relative.parts
        folder = self.root
        known: list[str] = []
        for index, part in enumerate(parts):
            names = self.listing(folder)
            if part in names:
                known.append(part)
                folder = folder / part
                continue
            close = difflib.get_close_matches(part, names, n=1, cutoff=0.6)
            if close:
                guess = PurePosixPath(*known, close[0], *parts[index + 1 :])
                if os.path.isfile(self.root / guess):
                    return f"did you mean {guess}?"
            where = PurePosixPath(*known) if known else PurePosixPath(".")
            return f"no such file in {where}/"
        return ""


def _fail(message: str, hint: str = "") -> PydanticCustomError:
    return PydanticCustomError("media", "{message}", {"message": message, "hint": hint})


def check_media_path(value: str, kind: str, context: MediaContext | None) -> str:
    """Normalise a media path and check it; raises PydanticCustomError with a plain message."""
    text = value.strip().replace("\\", "/")
    if not text:
        raise _fail("the media path is empty")
    if text.startswith(("/", "~")) or (len(text) > 1 and text[1] == ":"):
        raise _fail(
            f"'{value}' is an absolute path",
            "media paths are relative to the content folder, e.g. media/floor1/cover.png",
        )
    relative = PurePosixPath(text)
    if ".." in relative.parts:
        raise _fail(
            f"'{value}' points outside the content folder",
            "copy the file into the content folder and name it from there",
        )
    suffix = relative.suffix.lower()
    if suffix not in SUFFIXES[kind]:
        allowed = ", ".join(sorted(SUFFIXES[kind]))
        raise _fail(f"'{value}' is not {KIND_NAMES[kind]}", f"use a file ending in {allowed}")
    if context is None:
        return str(relative)
    shown = f"'{value}'"
    try:
        resolved = resolve_inside(context.root / relative, context.root)
        if resolved is None:
            raise _fail(
                f"'{value}' links to a file outside the content folder",
                "copy the file into the content folder instead of linking to it",
            )
        stat = check_regular(resolved, shown)
    except OSError as error:  # links that go round in a loop
        problem = cannot_read(shown, error)
        raise _fail(problem.message, problem.hint) from None
    except FileProblem as problem:
        if problem.errno in (errno.ENOENT, errno.ENOTDIR):
            raise _fail(f"media file '{value}' not found", context.suggest(relative)) from None
        raise _fail(problem.message, problem.hint) from None
    if stat.st_size == 0:
        raise _fail(f"media file '{value}' is empty")
    if stat.st_size > MAX_BYTES[kind]:
        limit = MAX_BYTES[kind] // (1024 * 1024)
        raise _fail(f"'{value}' is larger than the {limit} MB limit", "make a smaller copy of it")
    return str(relative)


def _validator(kind: str) -> Callable[[str, ValidationInfo], str]:
    def validate(value: str, info: ValidationInfo) -> str:
        context: Any = info.context.get("media") if isinstance(info.context, dict) else None
        return check_media_path(value, kind, context)

    return validate


ImagePath = Annotated[str, AfterValidator(_validator("image"))]
VideoPath = Annotated[str, AfterValidator(_validator("video"))]
AudioPath = Annotated[str, AfterValidator(_validator("audio"))]
CaptionsPath = Annotated[str, AfterValidator(_validator("captions"))]
MediaPath = Annotated[str, AfterValidator(_validator("media"))]
