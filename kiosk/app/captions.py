"""Captions for films: the cues of a WebVTT file, for the caption band under a playing film.

A caption file that cannot be read gives no captions and one log line; the film still plays. The
reader itself, and the check that names each problem's line for staff, are in kiosk.content.vtt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.content.vtt import MAX_CAPTION_BYTES, Cue, parse_vtt

__all__ = ["Cue", "cue_at", "load_captions", "parse_vtt"]

log = logging.getLogger("kiosk.captions")


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
