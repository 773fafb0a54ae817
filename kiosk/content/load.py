"""Load and check a content folder: every problem in every file, in one pass.

    result = load_exhibition(Path("content"))
    result.exhibition   # the immutable Exhibition, or None when there are errors
    result.problems     # every ContentError and warning, in file and line order
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.content.errors import ContentError, Severity, display_path
from kiosk.content.explain import explain_all
from kiosk.content.files import FileProblem, cannot_read, exists, list_folder, resolve_inside
from kiosk.content.i18n import missing_translation, unknown_languages
from kiosk.content.markup import markup_warnings
from kiosk.content.media import MediaContext
from kiosk.content.migrate import MigrationError, migrate
from kiosk.content.model import Exhibition, ExhibitionFile, Floor
from kiosk.content.walk import iter_ids, iter_language_maps, iter_links
from kiosk.content.yaml_nodes import Document, read_yaml

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


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[ContentError] = []
        self.media = MediaContext(root)

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
        document, problems = read_yaml(resolved, self.shown(file.path))
        for problem in problems:
            self.report(file, problem.line, problem.col, problem.message, problem.hint)
        file.document = document if not problems else None

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


def load_exhibition(root: Path) -> LoadResult:
    """Read, migrate and check every file of the content folder at `root`. Every file that cannot be
    read is a problem at its path; no OSError escapes."""
    root = Path(root)
    try:
        return _load(root)
    except OSError as error:  # each read reports its own failure; this only keeps a surprise out
        where = Path(os.fsdecode(error.filename)) if error.filename else root
        problem = cannot_read(str(where), error)
        shown = display_path(where, root)
        return LoadResult(None, [ContentError(shown, 0, 0, problem.message, problem.hint)])


def _load(root: Path) -> LoadResult:
    try:
        if list_folder(root, str(root)) is None:
            return LoadResult(None, [ContentError(str(root), 0, 0, "the content folder does not exist")])
    except FileProblem as problem:
        return LoadResult(None, [ContentError(str(root), 0, 0, problem.message, problem.hint)])
    loader = _Loader(root)

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
    loader.validate(settings, ExhibitionFile, version)
    for floor in floors:
        loader.validate(floor, Floor, version)

    exhibition_settings: ExhibitionFile | None = settings.model
    if exhibition_settings is not None:
        languages = list(exhibition_settings.languages)
        for file in files:
            if file.model is not None:
                loader.check_languages(file, languages, exhibition_settings.default_language)
    _check_floors_and_ids(loader, [f for f in floors if f.model is not None])
    loader.problems.extend(markup_warnings((f.name, f.model, f.document) for f in files))

    problems = sorted(loader.problems, key=lambda p: (p.path, p.line, p.col))
    exhibition = None
    if exhibition_settings is not None and not any(p.is_error for p in problems):
        ordered = sorted((f.model for f in floors), key=lambda floor: floor.number)
        exhibition = Exhibition.model_construct(settings=exhibition_settings, floors=tuple(ordered))
    return LoadResult(exhibition, problems, [f.path for f in files])


def _check_floors_and_ids(loader: _Loader, floors: list[_File]) -> None:
    numbers: dict[int, _File] = {}
    seen: dict[str, tuple[str, _File, int]] = {}
    exhibit_ids: list[str] = []
    for file in floors:
        assert file.document is not None
        model: Floor = file.model
        if model.number in numbers:
            line, col = file.document.place(("number",))
            loader.report(
                file, line, col, f"floor number {model.number} is used twice",
                f"{numbers[model.number].name} has the same number",
            )
        numbers.setdefault(model.number, file)
        for kind, identifier, path in iter_ids(model):
            line, col = file.document.place(path)
            if identifier in seen:
                other_kind, other_file, other_line = seen[identifier]
                loader.report(
                    file, line, col, f"the id '{identifier}' is used twice",
                    f"{'an' if other_kind == 'exhibit' else 'a'} {other_kind} in {other_file.name} "
                    f"line {other_line} has it; ids must be unique",
                )
                continue
            seen[identifier] = (kind, file, line)
            if kind == "exhibit":
                exhibit_ids.append(identifier)
    for file in floors:
        assert file.document is not None
        for target, path in iter_links(file.model):
            if target not in exhibit_ids:
                line, col = file.document.place(path)
                close = difflib.get_close_matches(target, exhibit_ids, n=1, cutoff=0.6)
                loader.report(
                    file, line, col, f"the hotspot links to '{target}', which is not an exhibit",
                    f"did you mean '{close[0]}'?" if close else "use the id of an exhibit",
                )
