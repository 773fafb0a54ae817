"""Captions for films: a small, forgiving reader of WebVTT files.

A caption file that cannot be read gives no captions and one log line; the film still plays.
Cue settings (position, alignment) are ignored: the kiosk draws every caption in one band.

Cue text becomes plain text: cue tags (`<b>`, `<i>`, `<u>`, `<c.class>`, `<v Name>`, `<lang en>`,
`<ruby>`, timestamps such as `<00:01.500>`) and any other tag are removed first, then character
references (`&amp;`, `&lt;`, `&#60;`, `&#x3C;`, `&nbsp;`, ...) are decoded once. So `&lt;img&gt;`
reaches the screen as the five visible characters `<img>` (the caption band shows plain text,
never formatting), and `&amp;lt;` as `&lt;`.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import TypedDict

log = logging.getLogger("kiosk.captions")

MAX_CAPTION_BYTES = 2 * 1024 * 1024

_TIMESTAMP = r"(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIMESTAMP}\s*-->\s*{_TIMESTAMP}(?:\s+.*)?$")
_TAG = re.compile(r"<(?:/?[A-Za-z][^\s<>]*(?:\s[^<>]*)?|\d[\d:.]*)>")
"""A cue tag, end tag or timestamp; a '<' that starts none (as in "a < b") stays."""


class Cue(TypedDict):
    """One caption: shown from `start` to `end` (milliseconds into the film)."""

    start: int
    end: int
    text: str


def _milliseconds(hours: str | None, minutes: str, seconds: str, fraction: str) -> int:
    millis = int(fraction.ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


def _clean(line: str) -> str:
    """One line of cue text as plain text: tags removed, then character references decoded once."""
    return html.unescape(_TAG.sub("", line)).strip()


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT document in time order. Blocks that make no sense are skipped."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t]*\n", text)
    if not blocks or not blocks[0].lstrip().startswith("WEBVTT"):
        raise ValueError("the file does not start with WEBVTT")
    cues: list[Cue] = []
    for block in blocks[1:]:
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines or lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if timing_at is None:
            continue
        match = _TIMING.match(lines[timing_at])
        if match is None:
            log.debug("skipping a caption with unreadable timing: %r", lines[timing_at])
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


def load_captions(path: Path) -> list[Cue]:
    """The cues of a caption file, or an empty list (and a log line) if it cannot be used."""
    try:
        if path.stat().st_size > MAX_CAPTION_BYTES:
            raise ValueError("the file is larger than 2 MB")
        data = path.read_bytes()
        return parse_vtt(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        log.warning("captions %s not shown: %s", path, error)
        return []


def cue_at(cues: list[Cue], position_ms: int) -> str:
    """The caption text showing at a moment of the film ('' between captions)."""
    showing = [cue["text"] for cue in cues if cue["start"] <= position_ms < cue["end"]]
    return "\n".join(showing)
