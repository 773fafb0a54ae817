"""Safe YAML reading that remembers where every value came from.

PyYAML composes the file into nodes (no object is ever constructed from a tag), then this module turns
the nodes into plain dicts, lists and scalars, recording the line and column of each value and key.
Along the way it rejects what a content file must never hold: unknown tags, duplicate keys,
alias bombs (too many values, or too much text, repeated through aliases), files that are too large or
not UTF-8 text, and anything that is not an ordinary file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.files import FileProblem, read_regular

MAX_FILE_BYTES = 1024 * 1024
"""Content files are small; a larger one is almost certainly a mistake (or an attack)."""
MAX_VALUES = 200_000
"""Values after aliases are expanded: stops 'billion laughs' alias bombs at once."""
MAX_ALIAS_TEXT = 4_000_000
"""Characters of text that aliases (*) may repeat in one file, counted each time an alias is used:
stops a few aliases to one long text from filling the memory, before the data is built."""
MAX_DEPTH = 60

Path_ = tuple[str | int, ...]

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class Problem:
    """A reading problem, before it is given its file name."""

    line: int
    col: int
    message: str
    hint: str = ""


@dataclass
class Document:
    """A content file read into plain Python data, with the place of every value and key."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def place(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at `path`, else of its nearest parent."""
        marks = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            part = path[:end]
            if key and part in self.keys:
                return self.keys[part]
            if part in self.values:
                return self.values[part]
        return marks.get((), (1, 1))


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _where(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _alias_text_problem(line: int, col: int) -> Problem:
    return Problem(
        line, col,
        f"this file repeats text through aliases too much (more than {MAX_ALIAS_TEXT:,} characters)",
        "write the text out where it is needed instead of repeating it with anchors (&) and aliases (*)",
    )


def _alias_place(text: str) -> tuple[int, int] | None:
    """Line and column of the alias that takes the repeated text over MAX_ALIAS_TEXT.

    Only called once the limit is known to be passed; reads the file's events, never its data."""
    anchored: dict[str, int] = {}
    open_sizes: list[tuple[str | None, int]] = []
    repeated = 0

    def add(size: int, anchor: str | None) -> None:
        if anchor is not None:
            anchored[anchor] = size
        if open_sizes:
            name, total = open_sizes[-1]
            open_sizes[-1] = (name, total + size)

    for event in yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader):
        if isinstance(event, ScalarEvent):
            add(len(event.value), event.anchor)
        elif isinstance(event, AliasEvent):
            size = anchored.get(event.anchor or "", 0)
            repeated += size
            if repeated > MAX_ALIAS_TEXT and event.start_mark is not None:
                return event.start_mark.line + 1, event.start_mark.column + 1
            add(size, None)
        elif isinstance(event, CollectionStartEvent):
            open_sizes.append((event.anchor, 0))
        elif isinstance(event, CollectionEndEvent) and open_sizes:
            anchor, size = open_sizes.pop()
            add(size, anchor)
    return None


class _Builder:
    def __init__(self, text: str) -> None:
        self.document = Document(data=None)
        self.count = 0
        self.scalars = SafeConstructor()
        self.problems: list[Problem] = []
        self.text = text
        self.seen: set[int] = set()
        self.sizes: dict[int, int] = {}
        self.repeated = 0
        self.replaying = False

    def build(self, node: Node, path: Path_, stack: frozenset[int]) -> Any:
        """The data of `node`. A node met a second time is an alias (*): the text it repeats is counted
        once at that alias, before any of it is built."""
        key = id(node)
        if key in self.seen and not self.replaying:
            self._count_repeat(node)
            self.replaying = True
            try:
                return self.build(node, path, stack)
            finally:
                self.replaying = False
        self.seen.add(key)
        self.count += 1
        if self.count > MAX_VALUES:
            line, col = _where(node)
            raise _Stop(
                Problem(
                    line, col,
                    f"the file expands to more than {MAX_VALUES:,} values",
                    "anchors (&) and aliases (*) are repeating content too often",
                )
            )
        if len(path) > MAX_DEPTH:
            line, col = _where(node)
            raise _Stop(Problem(line, col, "the file is nested too deeply"))
        if id(node) in stack:
            line, col = _where(node)
            raise _Stop(Problem(line, col, "an alias (*) refers to itself", "remove the loop"))
        self.document.values.setdefault(path, _where(node))
        if node.tag not in _SAFE_TAGS:
            line, col = _where(node)
            self.problems.append(
                Problem(
                    line, col,
                    f"the tag '{node.tag}' is not allowed",
                    "content files hold plain text, numbers, lists and fields; remove the '!' tag",
                )
            )
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        inner = stack | {id(node)}
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, index), inner) for index, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path, inner)
        return None

    def _count_repeat(self, node: Node) -> None:
        self.repeated += self._text_size(node, set())
        if self.repeated > MAX_ALIAS_TEXT:
            line, col = _alias_place(self.text) or _where(node)
            raise _Stop(_alias_text_problem(line, col))

    def _text_size(self, node: Node, active: set[int]) -> int:
        """Characters of scalar text in `node` with every alias in it expanded (each node once)."""
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in active:  # an alias to itself, reported when it is built
            return 0
        size = 0
        if isinstance(node, ScalarNode):
            size = len(node.value)
        elif isinstance(node, SequenceNode):
            active.add(key)
            size = sum(self._text_size(child, active) for child in node.value)
        elif isinstance(node, MappingNode):
            active.add(key)
            size = sum(self._text_size(k, active) + self._text_size(v, active) for k, v in node.value)
        active.discard(key)
        self.sizes[key] = size
        return size

    def _scalar(self, node: ScalarNode) -> Any:
        try:
            return self.scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            line, col = _where(node)
            if node.tag == "tag:yaml.org,2002:timestamp":  # such as 2027-02-30
                self.problems.append(Problem(line, col, f"'{node.value}' is not a date", "write a date "
                                             "like 2027-02-05, or a date and time like 2027-02-05 18:00"))
                return node.value
            self.problems.append(Problem(line, col, f"'{node.value}' cannot be read as a value"))
            return node.value

    def _mapping(self, node: MappingNode, path: Path_, stack: frozenset[int]) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _where(key_node)
                self.problems.append(
                    Problem(line, col, "merge keys (<<) are not supported", "write the fields out")
                )
                continue
            if not isinstance(key_node, ScalarNode):
                line, col = _where(key_node)
                self.problems.append(Problem(line, col, "a field name must be plain text"))
                continue
            key = self._scalar(key_node)
            if isinstance(key, (dt.date, bool)) or key is None:
                key = key_node.value
            if key in first_seen:
                line, col = _where(key_node)
                self.problems.append(
                    Problem(
                        line, col,
                        f"'{key}' appears twice in the same block",
                        f"the first '{key}' is on line {first_seen[key]}; keep one",
                    )
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            child = (*path, key)
            self.document.keys[child] = _where(key_node)
            result[key] = self.build(value_node, child, stack)
        return result


def _utf8_problem(raw: bytes, error: UnicodeDecodeError) -> Problem:
    before = raw[: error.start]
    line = before.count(b"\n") + 1
    col = error.start - (before.rfind(b"\n") + 1) + 1
    return Problem(
        line, col,
        "the file is not valid UTF-8 text",
        "save it as UTF-8 in your editor (in VS Code: 'Save with Encoding')",
    )


def _yaml_problem(error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    hint = ""
    if "'\\t'" in problem or "tab" in problem.lower():
        message = "a tab character is used for indentation"
        hint = "indent with spaces only; set your editor to insert spaces"
    elif "mapping values are not allowed" in problem:
        message = "unexpected ':' in this line"
        hint = "put text that contains ': ' in quotes, or check the indentation of this line"
    elif "another document" in problem or "expected '<document start>'" in problem:
        message = "the file holds more than one document"
        hint = "remove the '---' line; one file holds one floor or the exhibition settings"
    elif "could not find expected ':'" in problem:
        message = "this line is missing its ':' after the field name"
        hint = "each field is written 'name: value'"
        marked = getattr(error, "context_mark", None)
        if context == "while scanning a simple key" and marked is not None:
            line, col = marked.line + 1, marked.column + 1  # the line that lacks it, not the next
        else:
            message = "a line is missing its ':' or is indented wrongly"
            hint = "each field is written 'name: value'; check the line above too"
    elif "found undefined alias" in problem:
        message = "an alias (*) refers to an anchor (&) that is not defined"
    else:
        message = f"YAML syntax error: {problem}"
        if context:
            hint = context
    return Problem(line, col, message, hint)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> Node | None:
    """Compose with libyaml when present (several times faster); on a syntax error, compose again
    with the pure-Python reader, whose messages are clearer, so staff get the better explanation."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)  # type: ignore[no-any-return]
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)  # type: ignore[no-any-return]


@dataclass
class Reading:
    """What reading one content file gave: the document (None when it could not be built), the
    problems, and the file's text (None when the file could not be read at all)."""

    document: Document | None
    problems: list[Problem]
    text: str | None = None
    garbled: bool = False
    """True when the text holds characters that could not be decoded: parts of it may be missing."""


def read_yaml(path: Path, shown: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read one content file (named `shown` in messages). Returns the document (None when unreadable)
    and the problems. Only an ordinary file is read, and never with a wait."""
    reading = read_content_file(path, shown)
    return reading.document, reading.problems


def read_content_file(path: Path, shown: str | None = None) -> Reading:
    """Read one content file, keeping its text and, where it could be built despite problems (a key
    written twice, a tag), its document: other files' checks use what can be read from it."""
    try:
        raw, size = read_regular(path, shown or str(path), MAX_FILE_BYTES)
    except FileProblem as problem:
        return Reading(None, [Problem(0, 0, problem.message, problem.hint)])
    if size > MAX_FILE_BYTES:
        return Reading(None, [
            Problem(
                1, 1,
                f"the file is {size / 1024 / 1024:.1f} MB; content files may be at most "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB",
                "split it, or move long texts and media out of it",
            )
        ])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Reading(None, [_utf8_problem(raw, error)], raw.decode("utf-8-sig", errors="replace"), True)
    if "\x00" in text:
        return Reading(None, [Problem(1, 1, "the file is not a text file", "is it an image saved as .yaml?")])
    try:
        root = _compose(text)
    except yaml.YAMLError as error:
        return Reading(None, [_yaml_problem(error)], text)
    except RecursionError:
        return Reading(None, [Problem(1, 1, "the file is nested too deeply")], text)
    if root is None:
        empty = Problem(1, 1, "the file is empty", "it needs at least the required fields")
        return Reading(None, [empty], text)
    builder = _Builder(text)
    try:
        data = builder.build(root, (), frozenset())
    except _Stop as stop:
        return Reading(None, [stop.problem], text)
    except RecursionError:
        return Reading(None, [Problem(1, 1, "the file is nested too deeply")], text)
    if not isinstance(data, dict):
        line, col = _where(root)
        builder.problems.append(
            Problem(line, col, "the file should hold fields such as 'title: ...' at the top level")
        )
        return Reading(None, builder.problems, text)
    builder.document.data = data
    return Reading(builder.document, builder.problems, text)
