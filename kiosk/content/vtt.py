"""Captions for films: a reader of WebVTT files, and a check of one that names each problem's line.

The reader (`parse_vtt`) is forgiving, for the screen: a cue that makes no sense is skipped. The
check (`check_vtt`) is strict, for staff: every such cue is a problem at its own line of the caption
file, so it can be corrected before visitors miss a caption. Cue settings (position, alignment) are
ignored: the kiosk draws every caption in one band.

Cue text becomes plain text: cue tags (`<b>`, `<i>`, `<u>`, `<c.class>`, `<v Name>`, `<lang en>`,
`<ruby>`, timestamps such as `<00:01.500>`) and any other tag are removed first, then character
references (`&amp;`, `&lt;`, `&#60;`, `&#x3C;`, `&nbsp;`, ...) are decoded once. So `&lt;img&gt;`
reaches the screen as the five visible characters `<img>` (the caption band shows plain text,
never formatting), and `&amp;lt;` as `&lt;`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict

MAX_CAPTION_BYTES = 2 * 1024 * 1024

_TIMESTAMP = r"(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIMESTAMP}\s*-->\s*{_TIMESTAMP}(?:\s+.*)?$")
_TAG = re.compile(r"<(?:/?[A-Za-z][^\s<>]*(?:\s[^<>]*)?|\d[\d:.]*)>")
"""A cue tag, end tag or timestamp; a '<' that starts none (as in "a < b") stays."""
_SPECIAL_BLOCKS = ("NOTE", "STYLE", "REGION")
TIMING_HINT = "write the times as 00:01.500 --> 00:04.000 (minutes:seconds.milliseconds)"


class Cue(TypedDict):
    """One caption: shown from `start` to `end` (milliseconds into the film)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CaptionProblem:
    """One problem of a caption file, at its line (1-based; column 1 unless known better)."""

    line: int
    col: int
    message: str
    hint: str = ""


def _milliseconds(hours: str | None, minutes: str, seconds: str, fraction: str) -> int:
    millis = int(fraction.ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


def _clean(line: str) -> str:
    """One line of cue text as plain text: tags removed, then character references decoded once."""
    return html.unescape(_TAG.sub("", line)).strip()


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """The blocks of a WebVTT text (runs of non-blank lines), each with its first line's number."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def _normalise(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _has_header(first_line: str) -> bool:
    return first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT document in time order. Blocks that make no sense are skipped."""
    text = _normalise(text)
    blocks = list(_blocks(text))
    if not blocks or not blocks[0][1][0].lstrip().startswith("WEBVTT"):
        raise ValueError("the file does not start with WEBVTT")
    cues: list[Cue] = []
    for _, lines in blocks[1:]:
        if lines[0].startswith(_SPECIAL_BLOCKS):
            continue
        timing_at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if timing_at is None:
            continue
        match = _TIMING.match(lines[timing_at])
        if match is None:
            continue
        start = _milliseconds(*match.groups()[0:4])
        end = _milliseconds(*match.groups()[4:8])
        if end <= start:
            continue
        words = "\n".join(cleaned for cleaned in map(_clean, lines[timing_at + 1 :]) if cleaned)
        if words:
            cues.append(Cue(start=start, end=end, text=words))
    cues.sort(key=lambda cue: (cue["start"], cue["end"]))
    return cues


def decode_vtt(data: bytes) -> tuple[str | None, list[CaptionProblem]]:
    """The text of a caption file, or None and the problem when it is not UTF-8 text."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        hint = "save it again as UTF-8 text; most editors offer it under Save with Encoding"
        return None, [CaptionProblem(line, col, "this caption file is not UTF-8 text", hint)]


def check_vtt(data: bytes) -> list[CaptionProblem]:
    """Every problem of a caption file, each at its own line; [] for a good file."""
    text, problems = decode_vtt(data)
    if text is None:
        return problems
    text = _normalise(text)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return [CaptionProblem(line, 1, "this caption file holds binary data, not text",
                               "save the captions again as a WebVTT text file")]
    blocks = list(_blocks(text))
    first_line = text.split("\n", 1)[0]
    if not _has_header(first_line):
        return [CaptionProblem(1, 1, "a caption file must start with the line WEBVTT",
                               "write WEBVTT alone on the first line, then an empty line")]
    cues = 0
    for number, lines in blocks[1:]:
        if lines[0].startswith(_SPECIAL_BLOCKS):
            continue
        timing_at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if timing_at is None:
            problems.append(CaptionProblem(
                number, 1, "these lines have no times, so they are never shown",
                f"{TIMING_HINT}, on the line above the words; leave an empty line between captions"))
            continue
        line_number = number + timing_at
        match = _TIMING.match(lines[timing_at])
        if match is None:
            problems.append(CaptionProblem(line_number, 1, "the caption's times cannot be read",
                                           TIMING_HINT))
            continue
        start = _milliseconds(*match.groups()[0:4])
        end = _milliseconds(*match.groups()[4:8])
        if end <= start:
            problems.append(CaptionProblem(
                line_number, match.start(5) + 1 if match.start(5) >= 0 else match.start(6) + 1,
                "the caption ends before it starts", "the second time must be later than the first"))
            continue
        if not any(_clean(line) for line in lines[timing_at + 1 :]):
            problems.append(CaptionProblem(line_number, 1, "the caption has no words",
                                           "write the words on the line after the times"))
            continue
        cues += 1
    if cues == 0 and not problems:
        problems.append(CaptionProblem(1, 1, "the caption file holds no captions",
                                       f"add captions after an empty line: {TIMING_HINT}, then the words"))
    return problems
