"""One resolver for every media path: confined to the content folder, present, readable, the right kind.

Each file is opened (never with a wait) to prove that the kiosk may read it. Nothing is decoded:
a picture's header says what it really is and its size in pixels (kept in `MediaContext.pictures`
for the rest of the kiosk), a caption file is read as text and checked line by line (its problems
are reported at its own lines), and films and sounds are handed to the media probe, when one is
given, in one batch before the checks (`MediaContext.prepare`).
"""

from __future__ import annotations

import difflib
import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from kiosk.content.errors import ContentError, display_path
from kiosk.content.files import FileProblem, cannot_read, check_regular, open_regular, resolve_inside
from kiosk.content.gltf import MAX_MODEL_BYTES, ModelProblem, check_glb, check_gltf
from kiosk.content.sniff import Picture, PictureProblem, is_picture, sniff_picture
from kiosk.content.streams import AUDIO_SUFFIXES, VIDEO_SUFFIXES, MediaProbe, Streams, stream_problem
from kiosk.content.vtt import check_vtt

SUFFIXES: dict[str, frozenset[str]] = {
    "image": frozenset({".png", ".jpg", ".jpeg", ".webp"}),
    "video": VIDEO_SUFFIXES,
    "audio": AUDIO_SUFFIXES,
    "captions": frozenset({".vtt"}),
    "model": frozenset({".glb", ".gltf"}),
}
SUFFIXES["media"] = SUFFIXES["image"] | SUFFIXES["video"]

MAX_BYTES: dict[str, int] = {
    "image": 400 * 1024 * 1024,
    "video": 4 * 1024 * 1024 * 1024,
    "audio": 1024 * 1024 * 1024,
    "captions": 2 * 1024 * 1024,
    "media": 4 * 1024 * 1024 * 1024,
    "model": MAX_MODEL_BYTES,
}

KIND_NAMES = {
    "image": "an image",
    "video": "a video",
    "audio": "a sound file",
    "captions": "a WebVTT caption file",
    "media": "an image or a video",
    "model": "a 3D model (glTF 2.0)",
}


class MediaContext:
    """What media checks need to know and what they found: the content folder, a cache of folder
    listings, the media probe, every picture's format and size, the caption files' problems."""

    def __init__(self, root: Path, probe: MediaProbe | None = None) -> None:
        self.given = Path(root)
        self.root = self.given.resolve()
        self.probe = probe
        self.pictures: dict[str, Picture] = {}
        """Format and size of each picture checked, by its path in the content ('media/a.png')."""
        self.problems: list[ContentError] = []
        """Problems found inside media files, at their own lines (caption files)."""
        self._listings: dict[Path, list[str]] = {}
        self._streams: dict[Path, Streams] = {}
        self._captions: set[Path] = set()

    def prepare(self, documents: Iterable[Any]) -> None:
        """Probe, in one batch, every film and sound file the read YAML documents name."""
        if self.probe is None:
            return
        wanted: list[Path] = []
        for text in _strings(documents):
            relative = PurePosixPath(text.strip().replace("\\", "/"))
            if relative.suffix.lower() not in VIDEO_SUFFIXES | AUDIO_SUFFIXES or ".." in relative.parts:
                continue
            try:
                resolved = resolve_inside(self.root / relative, self.root)
            except OSError:
                continue
            if resolved is not None and resolved.is_file() and resolved not in wanted:
                wanted.append(resolved)
        self._probe(wanted)

    def _probe(self, paths: list[Path]) -> None:
        if self.probe is not None and paths:
            self._streams.update(self.probe(paths))

    def streams(self, resolved: Path) -> Streams | None:
        """What the probe found in a file (probing it now if `prepare` did not); None: not known."""
        if resolved not in self._streams:
            self._probe([resolved])
        return self._streams.get(resolved)

    def check_captions(self, resolved: Path, relative: PurePosixPath, shown: str) -> None:
        """Check a caption file once; its problems are kept, at its own lines."""
        if resolved in self._captions:
            return
        self._captions.add(resolved)
        with open_regular(resolved, shown) as (file, _):
            try:
                data = file.read(MAX_BYTES["captions"] + 1)
            except OSError as error:
                raise cannot_read(shown, error) from None
        name = display_path(self.given / Path(relative), self.given)
        for problem in check_vtt(data):
            self.problems.append(ContentError(name, problem.line, problem.col, problem.message, problem.hint))

    def check_not_picture(self, resolved: Path, shown: str) -> None:
        """A picture saved with a film's or sound's name is refused (the player would show a still)."""
        with open_regular(resolved, shown) as (file, _):
            try:
                head = file.read(16)
            except OSError as error:
                raise cannot_read(shown, error) from None
        if is_picture(head):
            raise PictureProblem("is a picture, not a film or a sound",
                                 "use a picture exhibit for it, or name the real film")

    def check_picture(self, resolved: Path, relative: PurePosixPath, shown: str) -> Picture:
        key = str(relative)
        if key not in self.pictures:
            with open_regular(resolved, shown) as (file, opened):
                try:
                    self.pictures[key] = sniff_picture(file, opened.st_size)
                except OSError as error:
                    raise cannot_read(shown, error) from None
        return self.pictures[key]

    def check_model(self, resolved: Path, shown: str) -> None:
        """A 3D model: a GLB file's header, or a glTF file's description and the files it uses."""
        with open_regular(resolved, shown) as (file, opened):
            try:
                if resolved.suffix.lower() == ".glb":
                    check_glb(file, opened.st_size)
                    return
                data = file.read(MAX_BYTES["model"] + 1)
            except OSError as error:
                raise cannot_read(shown, error) from None
        used = check_gltf(data, resolved.parent, self.root)
        total = len(data) + sum(path.stat().st_size for path in used)
        if total > MAX_BYTES["model"]:
            limit = MAX_BYTES["model"] // (1024 * 1024)
            raise ModelProblem(f"and the files it uses are larger than the {limit} MB limit together",
                               "make the model lighter (fewer triangles, smaller pictures)")

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


def _strings(values: Iterable[Any]) -> Iterable[str]:
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from _strings(value.values())
        elif isinstance(value, (list, tuple)):
            yield from _strings(value)


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
    _check_inside(value, kind, resolved, relative, context)
    return str(relative)


def _check_inside(
    value: str, kind: str, resolved: Path, relative: PurePosixPath, context: MediaContext
) -> None:
    """What the file holds: a picture's header, a caption file's lines, a film's or sound's streams."""
    shown = f"'{value}'"
    suffix = relative.suffix.lower()
    try:
        if suffix in SUFFIXES["image"]:
            context.check_picture(resolved, relative, shown)
        elif kind == "captions":
            context.check_captions(resolved, relative, shown)
        elif kind == "model":
            context.check_model(resolved, shown)
        else:
            context.check_not_picture(resolved, shown)
            streams = context.streams(resolved)
            role = "audio" if kind == "audio" else "video"
            found = stream_problem(shown, role, streams) if streams else None
            if found is not None:
                raise _fail(*found)
    except (PictureProblem, ModelProblem) as problem:
        raise _fail(f"{shown} {problem.message}", problem.hint) from None
    except FileProblem as problem:
        raise _fail(problem.message, problem.hint) from None


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
ModelPath = Annotated[str, AfterValidator(_validator("model"))]
