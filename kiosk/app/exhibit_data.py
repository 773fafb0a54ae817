"""An exhibit as plain data for its QML view: texts in the visitor's language, media as URLs.

Views never read files or pick languages; everything they show is prepared here and is plain
Python data (dicts, lists, strings, numbers), so this module is tested without a display.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk.app.captions import Cue, load_captions
from kiosk.app.images import local_url
from kiosk.app.qr import link_to_qml
from kiosk.app.typography import labelled, no_lone_last_character, quoted
from kiosk.content import exhibits, model
from kiosk.content.exhibit_types import VIEWS
from kiosk.content.exhibits import Poll
from kiosk.content.gltf import model_bounds
from kiosk.content.i18n import pick, pick_or_none, resolve
from kiosk.words import words

InLanguage = Callable[[Mapping[str, str] | None], str]
"""A content text in the visitor's language."""

SERIES_COLOURS = ("#e0a43a", "#5fb3d9", "#8fcf7a", "#e57f6f", "#b59ce6", "#f0d46a")
"""Chart colours for series without their own; each reads well on the dark background."""


def labels_for(language: str, fallback: str | None = None) -> dict[str, str]:
    """Interface words in the visitor's language, in the order of every text; English last."""
    return words(language, fallback).table()


def file_url(root: Path, path: str | None) -> str:
    """A file URL for a content media file, or '' when there is none."""
    return local_url(root / path) if path else ""


def paragraphs(text: str) -> list[str]:
    """Text split on blank lines; lines inside a paragraph are joined with spaces."""
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))]
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks if block]


def pick_language(files: Mapping[str, str], language: str, fallback: str) -> str | None:
    """The file for the language in the kiosk's one order (`kiosk.content.i18n.fallback_order`:
    the tag, each shorter prefix, one file for every language, the default language), else None."""
    return pick_or_none(files, language, fallback)


def narration_file(files: Mapping[str, str] | None, language: str, fallback: str) -> str | None:
    """The spoken description for the language, in the same order as every text; None when the
    exhibit has none."""
    return pick_or_none(files, language, fallback)


def natural_decimals(value: float) -> int:
    """The decimals a figure is written with: 5.721 has 3, 572.1 has 1, 95 has none."""
    text = f"{value:.3f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def format_number(value: float, decimals: int, grouping: bool = True) -> str:
    """A figure with thousands separators, e.g. 12,345.6 (without: 12345.6, as for a year)."""
    return f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"


def looks_like_year(item: model.Stat, value: float) -> bool:
    """A whole number from 1000 to 2999 with no unit or prefix is read as a year, e.g. 1963."""
    return (item.unit is None and not item.prefix and not item.decimals
            and float(value).is_integer() and 1000 <= value <= 2999)


def nice_axis(low: float, high: float, most_steps: int = 6) -> tuple[float, float, list[float]]:
    """Round axis limits around the data, zero included, with at most `most_steps` intervals."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    magnitude = 10 ** math.floor(math.log10((high - low) / most_steps))
    candidates = [m * magnitude * scale for scale in (1, 10, 100) for m in (1, 2, 2.5, 5)]
    for step in candidates:
        if math.ceil(high / step) - math.floor(low / step) <= most_steps:
            break
    axis_min = math.floor(low / step) * step
    axis_max = math.ceil(high / step) * step
    count = round((axis_max - axis_min) / step)
    ticks = [round(axis_min + i * step, 10) for i in range(count + 1)]
    return axis_min, axis_max, ticks


def exhibit_to_qml(exhibit: model.Exhibit, language: str, fallback: str, root: Path) -> dict[str, Any]:
    """Everything an exhibit's view shows, ready for QML."""

    def text(value: Mapping[str, str] | None) -> str:
        return resolve(value, language, fallback)

    def prose(value: Mapping[str, str] | None) -> str:
        """Running text: in Chinese, Japanese or Korean no paragraph ends with one character alone."""
        return no_lone_last_character(text(value))

    data: dict[str, Any] = {
        "id": exhibit.id,
        "type": exhibit.type,
        "view": VIEWS[exhibit.type],
        "language": language,
        "title": text(exhibit.title),
        "summary": text(exhibit.summary),
        "cover": file_url(root, exhibit.cover),
        "coverAlt": text(exhibit.cover_alt),
        "labels": labels_for(language, fallback),
        "narration": file_url(root, narration_file(exhibit.narration, language, fallback)),
    }
    data["link"] = link_to_qml(exhibit.link, language, fallback, data["labels"])
    if isinstance(exhibit, model.Article):
        data |= {
            "paragraphs": paragraphs(prose(exhibit.body)),
            "image": file_url(root, exhibit.image),
            "alt": text(exhibit.alt),
            "caption": prose(exhibit.caption),
        }
    elif isinstance(exhibit, model.ImageExhibit):
        data |= {
            "image": file_url(root, exhibit.image),
            "alt": text(exhibit.alt),
            "caption": prose(exhibit.caption),
            "credit": prose(exhibit.credit),
        }
    elif isinstance(exhibit, model.Gallery):
        data["items"] = [
            {"image": file_url(root, item.image), "alt": text(item.alt), "caption": prose(item.caption)}
            for item in exhibit.items
        ]
    elif isinstance(exhibit, model.Video):
        data |= _video(exhibit, language, fallback, root) | {
            "caption": prose(exhibit.caption), "posterAlt": text(exhibit.poster_alt),
        }
    elif isinstance(exhibit, model.Audio):
        audio = pick_language(exhibit.audio, language, fallback)
        audio = audio or next(iter(exhibit.audio.values()))
        data |= {
            "audio": file_url(root, audio),
            "transcript": paragraphs(prose(exhibit.transcript)),
            "image": file_url(root, exhibit.image),
            "alt": text(exhibit.alt),
        }
    elif isinstance(exhibit, model.Timeline):
        data["events"] = [
            {
                "year": event.year,
                "yearText": str(event.year) if event.year >= 0 else f"{-event.year} BC",
                "title": text(event.title),
                "text": prose(event.text),
                "image": file_url(root, event.image),
                "alt": text(event.alt),
            }
            for event in exhibit.events
        ]
    elif isinstance(exhibit, model.Stats):
        data |= {
            "items": [_stat(item, text, pick(item.value, language, fallback)) for item in exhibit.items],
            "note": prose(exhibit.note),
        }
    elif isinstance(exhibit, model.Chart):
        data |= _chart(exhibit, text)
        data["sourceLine"] = labelled(data["labels"]["source"], data["source"], language)
    elif isinstance(exhibit, model.BeforeAfter):
        data |= {
            "before": _side(exhibit.before, text, root),
            "after": _side(exhibit.after, text, root),
            "caption": prose(exhibit.caption),
        }
    elif isinstance(exhibit, model.MapExhibit):
        data |= {
            "image": file_url(root, exhibit.image),
            "alt": text(exhibit.alt),
            "caption": prose(exhibit.caption),
            "hotspots": [
                {"x": spot.x, "y": spot.y, "label": text(spot.label), "exhibit": spot.exhibit}
                for spot in exhibit.hotspots
            ],
        }
    elif isinstance(exhibit, model.Quote):
        data |= {
            "text": quoted(prose(exhibit.text), language),
            "author": text(exhibit.author),
            "role": text(exhibit.role),
            "image": file_url(root, exhibit.image),
            "alt": text(exhibit.alt),
        }
    elif isinstance(exhibit, Poll):
        data |= {
            "question": text(exhibit.question),
            "intro": prose(exhibit.intro),
            "answers": [
                {"id": answer.id, "text": text(answer.text), "image": file_url(root, answer.image)}
                for answer in exhibit.answers
            ],
        }
    elif isinstance(exhibit, exhibits.ModelExhibit):
        data |= {
            "model": file_url(root, exhibit.file),
            "modelBounds": model_bounds(root / exhibit.file),
            "picture": file_url(root, exhibit.picture),
            "paragraphs": paragraphs(prose(exhibit.text)),
            "caption": prose(exhibit.caption),
        }
    return data


def _side(side: model.Side, text: InLanguage, root: Path) -> dict[str, str]:
    """One picture of a before/after pair: its file, its label and what it shows."""
    return {"image": file_url(root, side.image), "label": text(side.label), "alt": text(side.alt)}


def _video(exhibit: model.Video, language: str, fallback: str, root: Path) -> dict[str, Any]:
    captions_path = pick_language(exhibit.captions, language, fallback)
    cues: list[Cue] = load_captions(root / captions_path) if captions_path else []
    return {
        "video": file_url(root, exhibit.video),
        "poster": file_url(root, exhibit.poster),
        "cues": [dict(cue) for cue in cues],
        "hasCaptions": bool(cues),
        "loop": exhibit.loop,
        "autoplay": exhibit.autoplay,
    }


def _stat(item: model.Stat, text: InLanguage, value: float) -> dict[str, Any]:
    decimals = item.decimals if item.decimals is not None else natural_decimals(value)
    year = item.grouping is None and looks_like_year(item, value)
    grouping = item.grouping if item.grouping is not None else not year
    return {
        "value": value,
        "decimals": decimals,
        "prefix": item.prefix,
        "grouping": grouping,
        "countUp": not year,  # a year appears as it is; counting up to it would mean nothing
        "formatted": format_number(value, decimals, grouping),
        "label": text(item.label),
        "unit": text(item.unit),
    }


def _chart(exhibit: model.Chart, text: InLanguage) -> dict[str, Any]:
    values = [value for series in exhibit.series for value in series.values]
    axis_min, axis_max, ticks = nice_axis(min(values), max(values))
    decimals = 0 if all(float(v).is_integer() for v in values) else 1
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    tick_decimals = 0 if float(step).is_integer() else (1 if (step * 10).is_integer() else 2)
    return {
        "kind": exhibit.kind,
        "categories": [text(category) for category in exhibit.categories],
        "series": [
            {
                "name": text(series.name),
                "color": series.color or SERIES_COLOURS[index % len(SERIES_COLOURS)],
                "values": list(series.values),
                "valueTexts": [format_number(value, decimals) for value in series.values],
            }
            for index, series in enumerate(exhibit.series)
        ],
        "min": min(values),
        "max": max(values),
        "axisMin": axis_min,
        "axisMax": axis_max,
        "ticks": ticks,
        "tickTexts": [format_number(tick, tick_decimals) for tick in ticks],
        "unit": text(exhibit.unit),
        "source": text(exhibit.source),
    }
