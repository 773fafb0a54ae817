"""Load and check a content folder: every problem in every file, in one pass.

    result = load_exhibition(Path("content"))
    result.exhibition   # the immutable Exhibition, or None when there are errors
    result.problems     # every ContentError and warning, in file and line order
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.content.alt_text import alt_warnings, share_alt_text
from kiosk.content.crossfile import FloorMarks, check_across_files, marks_from_document, marks_from_text
from kiosk.content.dates import date_problems
from kiosk.content.errors import ContentError, Severity, display_path
from kiosk.content.explain import explain_all
from kiosk.content.files import FileProblem, cannot_read, exists, list_folder, resolve_inside
from kiosk.content.i18n import missing_translation, unknown_languages
from kiosk.content.markup import markup_warnings
from kiosk.content.media import MediaContext
from kiosk.content.migrate import MigrationError, migrate
from kiosk.content.model import Exhibition, ExhibitionFile, Floor
from kiosk.content.streams import MediaProbe
from kiosk.content.walk import iter_language_maps
from kiosk.content.yaml_nodes import Document, read_content_file

EXHIBITION_FILE = "exhibition.yaml"
FLOORS_DIR = "floors"


@dataclass
class LoadResult:
    exhibition: Exhibition | None
    problems: list[ContentError] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)

    @property
    def errors(self) -> list[ContentError]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[ContentError]:
        return [problem for problem in self.problems if not problem.is_error]


@dataclass
class _File:
    path: Path
    name: str
    document: Document | None = None
    model: Any = None
    built: Document | None = None
    """The document as far as it could be built, also when it has reading problems."""
    text: str | None = None
    """The file's text, when it could be read."""
    garbled: bool = False

    def marks(self) -> FloorMarks:
        """What other files may depend on, read from as much of this file as can be read."""
        if self.built is not None:
            return marks_from_document(self.name, self.built)
        if self.text is not None:
            marks = marks_from_text(self.name, self.text)
            marks.readable = not self.garbled
            return marks
        return FloorMarks(self.name, readable=False)


class _Loader:
    def __init__(self, root: Path, probe: MediaProbe | None = None) -> None:
        self.root = root
        self.problems: list[ContentError] = []
        self.media = MediaContext(root, probe)

    def report(
        self, file: _File | str, line: int, col: int, message: str, hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        name = file if isinstance(file, str) else file.name
        self.problems.append(ContentError(name, line, col, message, hint, severity))

    def shown(self, path: Path) -> str:
        """A path as messages name it: from the content folder, such as floors/1-history.yaml."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def confined(self, file: _File) -> Path | None:
        """The file with its links followed, or None (reported) when it leads outside the content
        folder or cannot be followed."""
        try:
            resolved = resolve_inside(file.path, self.media.root)
        except OSError as error:
            problem = cannot_read(self.shown(file.path), error)
            self.report(file, 0, 0, problem.message, problem.hint)
            return None
        if resolved is None:
            self.report(
                file, 0, 0, "this file links outside the content folder",
                "copy the file into the content folder instead of linking to it",
            )
        return resolved

    def read(self, file: _File) -> None:
        """Read one YAML file, only when it stays inside the content folder."""
        resolved = self.confined(file)
        if resolved is None:
            return
        reading = read_content_file(resolved, self.shown(file.path))
        for problem in reading.problems:
            self.report(file, problem.line, problem.col, problem.message, problem.hint)
        file.document = reading.document if not reading.problems else None
        file.built, file.text, file.garbled = reading.document, reading.text, reading.garbled

    def validate(self, file: _File, model: type[BaseModel], version: int) -> None:
        if file.document is None:
            return
        kind = "exhibition" if model is ExhibitionFile else "floor"
        try:
            data = migrate(file.document.data, version, kind)
        except MigrationError as error:
            line, col = file.document.place(("schema_version",))
            self.report(file, line, col, str(error), error.hint)
            return
        try:
            file.model = model.model_validate(data, context={"media": self.media})
        except ValidationError as error:
            for line, col, message, hint in explain_all(error, model, file.document):
                self.report(file, line, col, message, hint)

    def check_languages(self, file: _File, languages: list[str], default: str) -> None:
        assert file.document is not None
        for path, text, is_text in iter_language_maps(file.model):
            line, col = file.document.place(path)
            for code in unknown_languages(text, languages):
                close = difflib.get_close_matches(code, languages, n=1, cutoff=0.5)
                self.report(
                    file, line, col, f"'{code}' is not one of the exhibition's languages",
                    f"did you mean '{close[0]}'?" if close else f"languages are {', '.join(languages)}",
                    Severity.WARNING,
                )
            if not is_text:
                continue
            warning = missing_translation(text, languages, default)
            if warning is not None:
                self.report(file, line, col, warning[0], warning[1], Severity.WARNING)


CONFLICT_MARKERS = (".sync-conflict-", ".orig.", "~")
"""Copies that sync tools and editors leave beside a file (Syncthing conflicts, merge leftovers,
backups): never floors of their own."""


def _floor_files(loader: _Loader) -> tuple[list[Path], list[Path]] | None:
    """The floor files, and the conflict or backup copies beside them that are left out; None (and
    a reported problem) when the floors folder cannot be read."""
    folder = loader.root / FLOORS_DIR
    try:
        names = list_folder(folder, f"{FLOORS_DIR}/")
    except FileProblem as problem:
        loader.report(display_path(folder, loader.root), 0, 0, problem.message, problem.hint)
        return None
    candidates = sorted(
        folder / name for name in names or ()
        if name.endswith((".yaml", ".yml")) and not name.startswith(".")
    )
    copies = [path for path in candidates if any(mark in path.name for mark in CONFLICT_MARKERS)]
    return [path for path in candidates if path not in copies], copies


def _schema_version(document: Document | None) -> int:
    if document is None:
        return 1
    value = document.data.get("schema_version", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def load_exhibition(
    root: Path, *, probe: MediaProbe | None = None, now: dt.datetime | None = None
) -> LoadResult:
    """Read, migrate and check every file of the content folder at `root`. Every file that cannot be
    read is a problem at its path; no OSError escapes. With a `probe`, films and sounds are checked
    for a stream the kiosk can play (kiosk.app.media_probe.probe_media). Dated items that ended
    before `now` (default: this moment) are warned about."""
    root = Path(root)
    try:
        return _load(root, probe, now or dt.datetime.now())
    except OSError as error:  # each read reports its own failure; this only keeps a surprise out
        where = Path(os.fsdecode(error.filename)) if error.filename else root
        problem = cannot_read(str(where), error)
        shown = display_path(where, root)
        return LoadResult(None, [ContentError(shown, 0, 0, problem.message, problem.hint)])


def _load(root: Path, probe: MediaProbe | None, now: dt.datetime) -> LoadResult:
    try:
        if list_folder(root, str(root)) is None:
            missing = ContentError(display_path(root, root), 0, 0, "the content folder does not exist")
            return LoadResult(None, [missing])
    except FileProblem as problem:
        return LoadResult(None, [ContentError(display_path(root, root), 0, 0, problem.message, problem.hint)])
    loader = _Loader(root, probe)

    settings = _File(root / EXHIBITION_FILE, display_path(root / EXHIBITION_FILE, root))
    listed = _floor_files(loader)
    floor_paths, copies = listed or ([], [])
    floors = [_File(path, display_path(path, root)) for path in floor_paths]
    for copy in copies:
        loader.report(
            display_path(copy, root), 0, 0, "this looks like a conflict or backup copy; it is not shown",
            "compare it with the floor file of the same name, keep what is right, then delete the copy",
            Severity.WARNING,
        )
    files = [settings, *floors]
    try:
        present = exists(settings.path, EXHIBITION_FILE)
    except FileProblem as problem:
        loader.report(settings, 0, 0, problem.message, problem.hint)
    else:
        if present:
            loader.read(settings)
        else:
            loader.report(settings, 0, 0, "exhibition.yaml is missing", "every content folder needs one")
    if not floors and listed is not None:
        loader.report(
            display_path(root / FLOORS_DIR, root), 0, 0, "there are no floor files",
            "add at least one file such as floors/1-history.yaml",
        )
    for floor in floors:
        loader.read(floor)

    version = _schema_version(settings.document)
    loader.media.prepare(file.document.data for file in files if file.document is not None)
    loader.validate(settings, ExhibitionFile, version)
    for floor in floors:
        loader.validate(floor, Floor, version)
    loader.problems.extend(loader.media.problems)

    exhibition_settings: ExhibitionFile | None = settings.model
    if exhibition_settings is not None:
        languages = list(exhibition_settings.languages)
        for file in files:
            if file.model is not None:
                loader.check_languages(file, languages, exhibition_settings.default_language)
    loader.problems.extend(check_across_files([floor.marks() for floor in floors]))
    loader.problems.extend(markup_warnings((f.name, f.model, f.document) for f in files))
    languages_shown = list(exhibition_settings.languages) if exhibition_settings is not None else []
    loader.problems.extend(alt_warnings(((f.name, f.model, f.document) for f in files), languages_shown))
    loader.problems.extend(date_problems(((f.name, f.model, f.document) for f in files), now))

    problems = sorted(loader.problems, key=lambda p: (p.path, p.line, p.col))
    exhibition = None
    if exhibition_settings is not None and not any(p.is_error for p in problems):
        ordered = sorted((f.model for f in floors), key=lambda floor: floor.number)
        built = Exhibition.model_construct(settings=exhibition_settings, floors=tuple(ordered))
        exhibition = share_alt_text(built)
    return LoadResult(exhibition, problems, [f.path for f in files])

