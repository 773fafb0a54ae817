"""Content problems as data: where they are, what is wrong, and what might fix it."""

from __future__ import annotations

import enum
from dataclasses import dataclass
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
    """A path as staff see it: relative to the content folder's parent when possible."""
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def summary(problems: list[ContentError]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if not problems:
        return "Content is valid: no errors, no warnings."

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    verdict = "Content has errors" if errors else "Content is valid"
    return f"{verdict}: {plural(errors, 'error')}, {plural(warnings, 'warning')}."
