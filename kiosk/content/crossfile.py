"""Checks across floor files: ids used twice, floor numbers used twice, hotspots that link nowhere.

Every floor file counts, also one with mistakes: its ids are read from its checked model when it has
one, else from its YAML data, else from the lines of its text. So a mistake in one file is reported
in that file only, and never makes a correct link or id in another file look wrong. A link is reported
only when no file defines its target; while a floor file cannot be read at all, no link is reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kiosk.content.errors import ContentError
from kiosk.content.yaml_nodes import Document, Path_


@dataclass(frozen=True)
class Mark:
    """An id (or a link's target) and where it is written. `kind` is 'floor', 'section' or 'exhibit';
    None when it was read from the text of a file that YAML could not read."""

    kind: str | None
    value: str
    line: int
    col: int


@dataclass
class FloorMarks:
    """What one floor file says that other files depend on."""

    name: str
    readable: bool = True
    number: Mark | None = None
    ids: list[Mark] = field(default_factory=list)
    links: list[Mark] = field(default_factory=list)


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[Any, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def marks_from_document(name: str, document: Document) -> FloorMarks:
    """Ids, links and the floor number from a file's YAML data, whatever mistakes its fields have."""
    marks = FloorMarks(name)
    data = document.data

    def mark(kind: str | None, value: Any, path: Path_) -> Mark | None:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return None
        line, col = document.place(path)
        return Mark(kind, str(value), line, col)

    number = data.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        marks.number = mark(None, number, ("number",))
    found = [mark("floor", data.get("id"), ("id",))]
    for s_index, section in _items(data, "sections"):
        here: Path_ = ("sections", s_index)
        found.append(mark("section", section.get("id"), (*here, "id")))
        for e_index, exhibit in _items(section, "exhibits"):
            there: Path_ = (*here, "exhibits", e_index)
            found.append(mark("exhibit", exhibit.get("id"), (*there, "id")))
            for h_index, hotspot in _items(exhibit, "hotspots"):
                link = mark(None, hotspot.get("exhibit"), (*there, "hotspots", h_index, "exhibit"))
                if link is not None:
                    marks.links.append(link)
    marks.ids = [item for item in found if item is not None]
    return marks


_ID_LINE = re.compile(r"""(?<![\w.-])id\s*:\s+["']?([A-Za-z0-9][\w.-]*)["']?\s*(?:[,}#]|$)""")
_NUMBER_LINE = re.compile(r"^number\s*:\s*(-?\d+)\s*(?:#.*)?$")
_BLOCK_KEY = re.compile(r"^([\s-]*)(sections|exhibits)\s*:")


def _kind_from_text(lines: list[str], index: int, col: int) -> str:
    """'floor', 'section' or 'exhibit' for an id on line `index` at column `col` (from 0): from the
    nearest 'sections:' or 'exhibits:' above it that is less indented."""
    if col == 0:
        return "floor"
    for above in range(index - 1, -1, -1):
        found = _BLOCK_KEY.match(lines[above])
        if found and len(found.group(1)) < col:
            return "exhibit" if found.group(2) == "exhibits" else "section"
    return "section"


def marks_from_text(name: str, text: str) -> FloorMarks:
    """Ids and the floor number from the lines of a file that YAML could not read: every 'id: ...'
    (also inside '{...}'), and a 'number: ...' line at the left margin."""
    marks = FloorMarks(name)
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            continue
        for found in _ID_LINE.finditer(line):
            kind = _kind_from_text(lines, index, found.start())
            marks.ids.append(Mark(kind, found.group(1), index + 1, found.start(1) + 1))
        number = _NUMBER_LINE.match(line)
        if number and marks.number is None:
            marks.number = Mark(None, number.group(1), index + 1, number.start(1) + 1)
    return marks


def _article(kind: str | None) -> str:
    return {"exhibit": "an exhibit", "section": "a section", "floor": "a floor"}.get(kind or "", "an entry")


def check_across_files(floors: list[FloorMarks]) -> list[ContentError]:
    """Floor numbers and ids used twice, and links to exhibits that no file defines."""
    problems: list[ContentError] = []
    numbers: dict[str, FloorMarks] = {}
    for floor in floors:
        if floor.number is None:
            continue
        if floor.number.value in numbers:
            problems.append(ContentError(
                floor.name, floor.number.line, floor.number.col,
                f"floor number {floor.number.value} is used twice",
                f"{numbers[floor.number.value].name} has the same number",
            ))
        numbers.setdefault(floor.number.value, floor)
    seen: dict[str, tuple[Mark, FloorMarks]] = {}
    for floor in floors:
        for item in floor.ids:
            if item.value not in seen:
                seen[item.value] = (item, floor)
                continue
            first, where = seen[item.value]
            problems.append(ContentError(
                floor.name, item.line, item.col, f"the id '{item.value}' is used twice",
                f"{_article(first.kind)} in {where.name} line {first.line} has it; ids must be unique",
            ))
    if not all(floor.readable for floor in floors):
        return problems  # a target may be in the file that cannot be read
    targets = {value for value, (item, _) in seen.items() if item.kind in ("exhibit", None)}
    exhibits = sorted(value for value, (item, _) in seen.items() if item.kind == "exhibit")
    for floor in floors:
        for link in floor.links:
            if link.value in targets:
                continue
            close = difflib.get_close_matches(link.value, exhibits, n=1, cutoff=0.6)
            problems.append(ContentError(
                floor.name, link.line, link.col,
                f"the hotspot links to '{link.value}', which is not an exhibit",
                f"did you mean '{close[0]}'?" if close else "use the id of an exhibit",
            ))
    return problems
