"""What a film or sound file holds, as a media probe reports it, and the checks made with that.

The content checker never opens a film itself: whoever loads content may hand it a `MediaProbe`,
a function that looks at many files at once (the kiosk's own runs Qt's media player in a separate
process, so a hostile file can neither hang nor crash the check). Without a probe, films and sounds
are checked by name and file only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".mov", ".webm", ".mkv"})
AUDIO_SUFFIXES = frozenset({".wav", ".mp3", ".ogg", ".oga", ".m4a", ".flac", ".opus"})
CONVERT = "convert it to MP4 (H.264 video, AAC sound), e.g. with HandBrake or ffmpeg"


@dataclass(frozen=True)
class Streams:
    """A media file as the kiosk's player sees it: whether it opens, and what it holds."""

    playable: bool
    has_video: bool = False
    has_audio: bool = False
    reason: str = ""
    """Why it cannot be played, in plain words (empty when it can)."""


class MediaProbe(Protocol):
    """Looks at many media files at once; a file left out of the answer could not be looked at."""

    def __call__(self, paths: Sequence[Path], /) -> Mapping[Path, Streams]: ...


def stream_problem(shown: str, kind: str, streams: Streams) -> tuple[str, str] | None:
    """A (message, hint) when the file cannot serve as `kind` ('video', 'audio' or 'media')."""
    if not streams.playable:
        reason = f" ({streams.reason})" if streams.reason else ""
        if kind == "audio":
            return (f"{shown} is not a sound file the kiosk can play{reason}",
                    "convert it to MP3, AAC (.m4a) or WAV")
        return f"{shown} is not a film the kiosk can play{reason}", CONVERT
    if kind in ("video", "media") and not streams.has_video:
        what = "sound only" if streams.has_audio else "no picture"
        return (f"{shown} has no picture to show ({what})",
                "use the film itself; for a narration use an audio exhibit")
    if kind == "audio" and not streams.has_audio:
        return f"{shown} has no sound", "use the sound file itself, or the film with its sound track"
    return None
