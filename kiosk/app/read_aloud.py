"""What read-aloud mode says, and in which voice: plain Python, tested without Qt.

A screen is read as a sighted visitor reads it: its title, then its text. An exhibit is read
from the data its view shows (`kiosk.app.exhibit_data`): title, summary, text, captions and the
text alternatives (`alt`) of its pictures where content gives them. An exhibit with a recorded
narration is not read: the recording is played instead (the exhibit screen starts it).

The voice is one of the speech engine's voices for the visitor's language; with none, nothing is
said (a Chinese text read by an English voice helps nobody).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

__all__ = ["VoiceInfo", "choose_voice", "exhibit_speech", "place_speech", "sentences", "voices_of"]

FULL_STOPS = ".!?。！？…:;：；؟"
"""A part ending in one of these is already a sentence; others get a full stop."""

WIDE_STOP_LANGUAGES = ("zh", "ja")
"""Languages whose full stop is '。' (the speech engine pauses on it as on '.')."""


def _stop_for(language: str) -> str:
    return "。" if language.split("-")[0] in WIDE_STOP_LANGUAGES else "."


def sentences(parts: Iterable[object], language: str) -> str:
    """The non-empty parts, each ending as a sentence, one after the other."""
    stop = _stop_for(language)
    said: list[str] = []
    for part in parts:
        text = " ".join(str(part or "").split())
        if not text:
            continue
        said.append(text if text[-1] in FULL_STOPS else text + stop)
    return (" " if stop == "." else "").join(said)


def _alt(value: object) -> str:
    """The text alternative of a picture (the `alt` key of its data), or ''."""
    if isinstance(value, Mapping):
        alt = value.get("alt")
        return alt if isinstance(alt, str) else ""
    return ""


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return list(value) if isinstance(value, (list, tuple)) else []


def _exhibit_parts(data: Mapping[str, Any]) -> list[object]:
    """What one exhibit's view shows in words, in reading order."""
    kind = data.get("type", "")
    parts: list[object] = [data.get("title"), data.get("summary")]
    if kind != "quote":
        parts.append(_alt(data))
    if kind in ("article", "model"):
        parts += _list(data, "paragraphs")
        parts.append(data.get("caption"))
    elif kind in ("image", "video", "map"):
        parts += [data.get("posterAlt"), data.get("caption")]
        parts += [spot.get("label") for spot in _list(data, "hotspots") if isinstance(spot, Mapping)]
    elif kind == "gallery":
        for item in _list(data, "items"):
            if isinstance(item, Mapping):
                parts += [_alt(item), item.get("caption")]
    elif kind == "timeline":
        for event in _list(data, "events"):
            if isinstance(event, Mapping):
                parts += [event.get("yearText"), event.get("title"), event.get("text"), _alt(event)]
    elif kind == "stats":
        for item in _list(data, "items"):
            if isinstance(item, Mapping):
                figure = f"{item.get('prefix') or ''}{item.get('formatted') or ''} {item.get('unit') or ''}"
                parts.append(f"{figure.strip()} {item.get('label') or ''}".strip())
        parts.append(data.get("note"))
    elif kind == "chart":
        categories = [str(c) for c in _list(data, "categories")]
        for series in _list(data, "series"):
            if isinstance(series, Mapping):
                values = [str(v) for v in _list(series, "valueTexts")]
                pairs = ", ".join(f"{c} {v}" for c, v in zip(categories, values, strict=False))
                parts.append(f"{series.get('name') or ''}: {pairs} {data.get('unit') or ''}".strip(" :"))
        parts.append(data.get("sourceLine"))
    elif kind == "before_after":
        for side in ("before", "after"):
            picture = data.get(side)
            if isinstance(picture, Mapping):
                parts += [picture.get("label"), _alt(picture)]
        parts.append(data.get("caption"))
    elif kind == "quote":
        parts += [data.get("text"), data.get("author"), data.get("role"), _alt(data)]
    elif kind == "poll":
        parts += [data.get("intro"), data.get("question")]
        parts += [answer.get("text") for answer in _list(data, "answers") if isinstance(answer, Mapping)]
    # audio: its recording says the transcript; only the title, summary and picture are read
    return parts


def exhibit_speech(data: Mapping[str, Any]) -> str:
    """What read-aloud says for an exhibit (its view's data); '' when it has a recorded narration
    (which plays instead) or nothing to read."""
    if data.get("narration"):
        return ""
    return sentences(_exhibit_parts(data), str(data.get("language") or "en"))


def place_speech(screen: str, fields: Mapping[str, Any], language: str,
                 title: str = "", subtitle: str = "") -> str:
    """What read-aloud says when a screen opens: home (the exhibition's title and subtitle), a
    floor or a section (its label, title and summary), an exhibit (`exhibit_speech`)."""
    if screen == "home":
        return sentences([title, subtitle], language)
    if screen == "floor":
        return sentences([fields.get("kindLabel"), fields.get("title"), fields.get("summary")], language)
    if screen == "section":
        return sentences([fields.get("title"), fields.get("summary")], language)
    if screen == "exhibit":
        return exhibit_speech(fields)
    return ""


class VoiceInfo(NamedTuple):
    """One voice of a speech engine: its name and its language tag ('' when the engine's language
    code means nothing to Qt, as espeak-ng's 'cmn' for Mandarin)."""

    name: str
    tag: str


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def _closeness(voice: VoiceInfo, language: str, preferred: Sequence[str], language_name: str) -> int | None:
    """How well a voice fits a language: 0 a preferred tag, 1 the plain language, 2 another region,
    3 a voice with an unknown tag named for the language; None: another language."""
    if voice.tag:
        if _primary(voice.tag) != _primary(language):
            return None
        tag = voice.tag.replace("_", "-").lower()
        if tag in {t.replace("_", "-").lower() for t in (language, *preferred)}:
            return 0
        return 1 if tag == _primary(language) else 2
    if language_name and voice.name.lower().startswith(language_name.lower()):
        return 3
    return None


def choose_voice(voices: Sequence[VoiceInfo], language: str, preferred: Sequence[str] = (),
                 language_name: str = "") -> int | None:
    """The index of the voice to read `language` with, or None when no voice speaks it.

    A voice of the same language comes first, best one whose tag is in `preferred` (e.g. zh-TW for
    zh-Hant), then the plain language, then any region; base voices before variants ('+' in the
    name). A voice whose tag is unknown counts when its name starts with the language's English
    name (`language_name`: 'Chinese' for zh finds espeak-ng's 'Chinese (Mandarin)')."""
    ranked: list[tuple[int, int, int]] = []
    for index, voice in enumerate(voices):
        closeness = _closeness(voice, language, preferred, language_name)
        if closeness is not None:
            ranked.append((closeness, 1 if "+" in voice.name else 0, index))
    return min(ranked)[2] if ranked else None


def voices_of(voices: Sequence[VoiceInfo], language: str, language_name: str = "") -> list[str]:
    """The names of the voices that speak a language, variants ('+' in the name) left out."""
    return [voice.name for voice in voices
            if "+" not in voice.name and _closeness(voice, language, (), language_name) is not None]
