"""This screen's own settings: one small YAML file per screen, beside one shared content folder.

    name: floor-3-east              # how monitoring names this screen (default: the host name)
    start: ecology                  # a floor, section or exhibit id: where a touch on attract leads
    orientation: portrait           # how the screen is mounted
    languages: [zh, en]             # which languages, in this order; the first is the starting one
    idle_seconds: 90
    volume: 0.6
    metrics_file: /var/lib/node_exporter/textfile/kiosk.prom
    insights_db: ~/kiosk-insights.db
    display_power:                  # how the display and projectors are switched with the hours
      - {method: ddc, display: 1}
      - {method: pjlink, host: 192.168.1.50, password: secret}

The file is checked like content (every problem with file:line:col and a hint). A bad setting
never stops the kiosk: that one key keeps its default, and the problem is printed and logged.
No Qt here, so `kiosk validate` and `kiosk status` can use it without a display.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from kiosk.base.paths import config_dir
from kiosk.content.errors import ContentError, Severity
from kiosk.content.explain import explain_all
from kiosk.content.model import Exhibition, Id, Language
from kiosk.content.yaml_nodes import Document, read_yaml
from kiosk.ops.power_settings import DevicePower, as_device_list, duplicate_labels

SCREEN_FILE = "screen.yaml"
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
NAME_LENGTH = 64

Orientation = Literal["landscape", "portrait", "landscape-flipped", "portrait-flipped"]
ROTATION_DEGREES: dict[str, int] = {
    "landscape": 0, "portrait": 90, "landscape-flipped": 180, "portrait-flipped": 270,
}
"""Clockwise turn of the picture for each mounting, as xrandr/wlr-randr name them."""


class ScreenSettings(BaseModel):
    """The keys of screen.yaml; every key is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str | None = Field(
        None, min_length=1, max_length=NAME_LENGTH, pattern=NAME_PATTERN,
        description="This screen's name in monitoring; default: the computer's host name.",
    )
    start: Id | None = Field(
        None, description="A floor, section or exhibit id: a touch on the attract loop opens it.")
    orientation: Orientation = Field(
        "landscape", description="How the screen is mounted: landscape, portrait, "
        "landscape-flipped or portrait-flipped.")
    languages: list[Language] | None = Field(
        None, min_length=1, description="The languages offered here, in order; the first is the "
        "language each visitor starts in. A subset of the exhibition's languages.")
    idle_seconds: float | None = Field(
        None, ge=5, le=3600, description="Seconds without a touch before the visit ends "
        "(default: the exhibition's attract.idle_seconds).")
    volume: float | None = Field(None, ge=0, le=1, description="Starting volume, 0 to 1.")
    renderer: Literal["auto", "gpu", "software"] = Field(
        "auto", description="How the screen is drawn: auto (the graphics processor, or Qt Quick's "
        "software renderer where OpenGL is itself software or missing), gpu or software.")
    metrics_file: Path | None = Field(
        None, description="Where to write the Prometheus metrics; relative paths start at this file.")
    insights_db: Path | None = Field(
        None, description="The visitor statistics file; relative paths start at this file.")
    display_power: list[DevicePower] | None = Field(
        None, min_length=1, description="How this screen's displays and projectors are switched off "
        "and on with the opening hours: a method (auto, x11, wayland, cec, ddc, pjlink, none), one "
        "device's settings, or a list of devices. Default: auto.")

    @field_validator("display_power", mode="before")
    @classmethod
    def _one_device_is_a_list(cls, value: Any) -> Any:
        return as_device_list(value)

    @field_validator("display_power")
    @classmethod
    def _each_device_named_once(cls, devices: list[DevicePower] | None) -> list[DevicePower] | None:
        twice = duplicate_labels(devices or [])
        if twice:
            raise PydanticCustomError(
                "value_error", "two devices are both called '{label}'",
                {"label": twice[0], "hint": "give each device its own 'name'"})
        return devices


@dataclass
class ScreenConfig:
    """The settings to use (bad keys left at their defaults) and the problems found."""

    settings: ScreenSettings = field(default_factory=ScreenSettings)
    problems: list[ContentError] = field(default_factory=list)
    path: Path | None = None

    @property
    def errors(self) -> list[ContentError]:
        return [problem for problem in self.problems if problem.is_error]


def default_screen_file() -> Path:
    return config_dir() / SCREEN_FILE


def resolve_screen_file(given: Path | None) -> Path | None:
    """The file named on the command line, else config_dir()/screen.yaml when it exists."""
    if given is not None:
        return given
    default = default_screen_file()
    return default if default.is_file() else None


def load_screen_config(path: Path | None, exhibition: Exhibition | None = None) -> ScreenConfig:
    """Read and check a screen file; with an exhibition, also check `start` and `languages`."""
    if path is None:
        return ScreenConfig()
    shown = str(path)
    if not path.is_file():
        return ScreenConfig(problems=[ContentError(
            str(path), 0, 0, "the screen settings file does not exist",
            "this screen runs with the default settings")], path=path)
    document, reading = read_yaml(path)
    problems = [ContentError(shown, p.line, p.col, p.message, p.hint) for p in reading]
    if document is None or reading:
        return ScreenConfig(problems=problems, path=path)
    settings, invalid = _validate(document, shown, problems)
    if exhibition is not None:
        settings = _check_against(exhibition, settings, document, shown, problems, invalid)
    settings = _absolute_paths(settings, path.parent)
    return ScreenConfig(settings, sorted(problems), path)


def _validate(
    document: Document, shown: str, problems: list[ContentError]
) -> tuple[ScreenSettings, set[str]]:
    """The settings with every key that has a problem dropped (so it keeps its default)."""
    data = dict(document.data)
    invalid: set[str] = set()
    if "name" in data and not _name_usable(data["name"], document, shown, problems):
        invalid.add("name")
        del data["name"]
    try:
        return ScreenSettings.model_validate(data), invalid
    except ValidationError as error:
        for line, col, message, hint in explain_all(error, ScreenSettings, document):
            problems.append(ContentError(shown, line, col, message, hint))
        for item in error.errors(include_url=False):
            invalid.add(str(item["loc"][0]) if item["loc"] else "")
    kept = {key: value for key, value in data.items() if key not in invalid}
    return ScreenSettings.model_validate(kept), invalid


def _name_usable(name: object, document: Document, shown: str, problems: list[ContentError]) -> bool:
    """Whether the screen's name can be used in monitoring; a plain problem at its line if not.

    A line break or another control character would garble every line the name is written on
    (log lines, metrics): that is a warning, and the host name is used instead."""
    if not isinstance(name, str):
        return True  # pydantic says what is wrong with it
    text = name.strip()
    line, col = document.place(("name",))
    if any(unicodedata.category(char) == "Cc" for char in text):
        problems.append(ContentError(
            shown, line, col, "the screen name contains a line break or another control character",
            "use letters, digits, dots, dashes and underscores; this screen goes by its host name "
            "meanwhile", Severity.WARNING))
        return False
    if text and len(text) <= NAME_LENGTH and not re.fullmatch(NAME_PATTERN, text):
        shown_name = text if len(text) <= 40 else text[:37] + "..."
        problems.append(ContentError(
            shown, line, col, f"'{shown_name}' cannot be a screen name",
            "use letters, digits, dots, dashes and underscores, e.g. floor-3-east"))
        return False
    return True


def _place_ids(exhibition: Exhibition) -> list[str]:
    ids: list[str] = []
    for floor in exhibition.floors:
        ids.append(floor.id)
        for section in floor.sections:
            ids.append(section.id)
            ids.extend(exhibit.id for exhibit in section.exhibits)
    return ids


def _check_against(
    exhibition: Exhibition, settings: ScreenSettings, document: Document, shown: str,
    problems: list[ContentError], invalid: set[str],
) -> ScreenSettings:
    """`start` must name a place of this exhibition; `languages` must be the exhibition's."""
    changes: dict[str, Any] = {}
    if settings.start is not None and "start" not in invalid:
        ids = _place_ids(exhibition)
        if settings.start not in ids:
            line, col = document.place(("start",))
            close = difflib.get_close_matches(settings.start, ids, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "use a floor, section or exhibit id"
            problems.append(ContentError(
                shown, line, col, f"'{settings.start}' is not a floor, section or exhibit", hint))
            changes["start"] = None
    if settings.languages is not None and "languages" not in invalid:
        known = list(exhibition.settings.languages)
        kept: list[str] = []
        for index, code in enumerate(settings.languages):
            line, col = document.place(("languages", index))
            if code in kept:
                problems.append(ContentError(shown, line, col, f"'{code}' is listed twice",
                                             "list each language once"))
            elif code not in known:
                close = difflib.get_close_matches(code, known, n=1, cutoff=0.5)
                hint = f"did you mean '{close[0]}'?" if close else f"the exhibition has {', '.join(known)}"
                problems.append(ContentError(
                    shown, line, col, f"'{code}' is not one of the exhibition's languages", hint))
            else:
                kept.append(code)
        if len(kept) != len(settings.languages):
            changes["languages"] = kept or None
    return settings.model_copy(update=changes) if changes else settings


def _absolute_paths(settings: ScreenSettings, base: Path) -> ScreenSettings:
    changes: dict[str, Path] = {}
    for key in ("metrics_file", "insights_db"):
        value: Path | None = getattr(settings, key)
        if value is not None:
            value = value.expanduser()
            changes[key] = value if value.is_absolute() else (base / value).resolve()
    return settings.model_copy(update=changes) if changes else settings

