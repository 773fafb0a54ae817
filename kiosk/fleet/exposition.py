"""Reading a Prometheus text file back (for `kiosk status`): strict, small, no dependencies."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
_SAMPLE = re.compile(rf"^(?P<name>{_NAME})(?:\{{(?P<labels>.*)\}})?[ \t]+(?P<value>\S+)(?:[ \t]+-?\d+)?$")
_LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)')
_COMMENT = re.compile(rf"^#[ \t]+(HELP|TYPE)[ \t]+({_NAME})(?:[ \t]+(.*))?$")
TYPES = {"counter", "gauge", "histogram", "summary", "untyped"}


class ExpositionError(ValueError):
    """The text is not valid Prometheus exposition format (with the line number)."""


@dataclass
class Sample:
    name: str
    labels: dict[str, str]
    value: float


@dataclass
class Exposition:
    samples: list[Sample] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)
    helps: dict[str, str] = field(default_factory=dict)

    def by_screen(self) -> dict[str, dict[str, Sample]]:
        """Each screen's samples by metric name (the kiosk writes one sample per metric)."""
        screens: dict[str, dict[str, Sample]] = {}
        for sample in self.samples:
            screens.setdefault(sample.labels.get("screen", ""), {})[sample.name] = sample
        return screens


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "\\": "\\", '"': '"'}.get(m.group(1), "\\" + m.group(1)),
                  text)


def parse_labels(text: str, line: int) -> dict[str, str]:
    labels: dict[str, str] = {}
    position = 0
    while position < len(text):
        match = _LABEL.match(text, position)
        if match is None:
            raise ExpositionError(f"line {line}: bad labels {{{text}}}")
        if match.group(1) in labels:
            raise ExpositionError(f"line {line}: label {match.group(1)} given twice")
        labels[match.group(1)] = unescape(match.group(2))
        position = match.end()
    return labels


def parse_value(text: str, line: int) -> float:
    special = {"NaN": math.nan, "+Inf": math.inf, "-Inf": -math.inf, "Inf": math.inf}
    if text in special:
        return special[text]
    try:
        return float(text)
    except ValueError:
        raise ExpositionError(f"line {line}: '{text}' is not a number") from None


def parse(text: str) -> Exposition:
    """Every sample, TYPE and HELP line; raises ExpositionError on anything malformed."""
    result = Exposition()
    if text and not text.endswith("\n"):
        raise ExpositionError("the file does not end with a line feed (written partly?)")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            comment = _COMMENT.match(line)
            if comment is None:
                continue  # a plain comment
            kind, name, rest = comment.group(1), comment.group(2), comment.group(3) or ""
            if kind == "TYPE":
                if rest not in TYPES:
                    raise ExpositionError(f"line {number}: unknown type '{rest}'")
                if name in result.types:
                    raise ExpositionError(f"line {number}: second TYPE line for {name}")
                if any(sample.name == name for sample in result.samples):
                    raise ExpositionError(f"line {number}: TYPE for {name} after its samples")
                result.types[name] = rest
            else:
                result.helps[name] = unescape(rest)
            continue
        match = _SAMPLE.match(line)
        if match is None:
            raise ExpositionError(f"line {number}: not a sample: {line[:60]}")
        labels = parse_labels(match.group("labels") or "", number)
        value = parse_value(match.group("value"), number)
        result.samples.append(Sample(match.group("name"), labels, value))
    return result
