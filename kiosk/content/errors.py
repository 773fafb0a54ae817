"""Content problems as data: where they are, what is wrong, and what might fix it."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, replace
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in the content folder. Lines and columns count from 1 (0 means unknown)."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """`path:line:col: error: message (hint)`, the form editors and terminals link."""
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        text = f"{where}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


def display_path(path: Path, root: Path) -> str:
    """A path as the staff panel and stored messages show it: relative to the content folder's parent
    (content/floors/1-history.yaml) when possible."""
    path = Path(os.path.abspath(path))
    try:
        return str(path.relative_to(Path(os.path.abspath(root)).parent))
    except ValueError:
        return str(path)


def from_here(problem: ContentError, root: Path, here: Path | None = None) -> ContentError:
    """The problem with its path as a terminal opens it: relative to the current folder `here`, or
    absolute when the file is outside it. `problem.path` is as `display_path` gives it for `root`."""
    path = Path(problem.path)
    if not path.is_absolute():
        path = Path(os.path.abspath(root)).parent / path
    try:
        shown = str(path.relative_to(os.path.abspath(here or Path.cwd())))
    except ValueError:
        shown = str(path)
    return replace(problem, path=shown)


def summary(problems: list[ContentError]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if not problems:
        return "Content is valid: no errors, no warnings."

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    verdict = "Content has errors" if errors else "Content is valid"
    return f"{verdict}: {plural(errors, 'error')}, {plural(warnings, 'warning')}."
