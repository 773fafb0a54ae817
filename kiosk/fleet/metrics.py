"""The kiosk's health as a Prometheus text file (the node_exporter "textfile" collector format).

    # HELP kiosk_up 1 while the kiosk runs; 0 after it closed cleanly.
    # TYPE kiosk_up gauge
    kiosk_up{screen="floor-3"} 1

Every metric carries the label `screen`. The file is written to a temporary file in the same
folder and renamed over the old one, so node_exporter never reads half a file. No Qt here.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.base.paths import state_dir


@dataclass(frozen=True)
class Metric:
    name: str
    kind: str  # "gauge" or "counter"
    help: str


METRICS: tuple[Metric, ...] = (
    Metric("kiosk_up", "gauge", "1 while the kiosk runs; 0 after it closed cleanly."),
    Metric("kiosk_build_info", "gauge", "The kiosk software version (value 1)."),
    Metric("kiosk_content_info", "gauge",
           "Content version on screen (shown) and in the content folder (latest); value 1."),
    Metric("kiosk_content_valid", "gauge", "1 when the content folder's latest state validates."),
    Metric("kiosk_content_errors", "gauge", "Errors found by the latest content check."),
    Metric("kiosk_content_last_reload_timestamp_seconds", "gauge",
           "When content was last put on screen (Unix time)."),
    Metric("kiosk_content_last_check_timestamp_seconds", "gauge",
           "When the content folder was last checked (Unix time)."),
    Metric("kiosk_sessions_today", "gauge", "Visitor sessions since midnight."),
    Metric("kiosk_unexpected_errors_total", "counter",
           "Unexpected errors caught since start (each sends the visitor back to attract)."),
    Metric("kiosk_start_time_seconds", "gauge", "When this kiosk process started (Unix time)."),
    Metric("kiosk_restarts_total", "counter",
           "Times this screen's kiosk started again after its first start."),
    Metric("kiosk_memory_rss_bytes", "gauge", "Resident memory of the kiosk process."),
    Metric("kiosk_frames_total", "counter", "Frames shown since start."),
    Metric("kiosk_frame_drops_total", "counter",
           "Frames missed while the screen was animating (see deploy/screen-config.md)."),
    Metric("kiosk_open", "gauge", "1 during opening hours, 0 while closed."),
    Metric("kiosk_metrics_written_timestamp_seconds", "gauge", "When this file was written (Unix time)."),
)
METRIC_NAMES = tuple(metric.name for metric in METRICS)
"""The metrics every running kiosk writes, one sample each."""
DEVICE_METRICS: tuple[Metric, ...] = (
    Metric("kiosk_display_power_ok", "gauge",
           "1 when the last switch of this display or projector worked, 0 when it failed."),
)
"""One sample per device (labels device and method), written once devices have been switched."""
ALL_METRIC_NAMES = METRIC_NAMES + tuple(metric.name for metric in DEVICE_METRICS)

Labels = Mapping[str, str]
Sample = tuple[float, Labels]
"""A metric's value and its labels besides `screen`."""


def default_metrics_file() -> Path:
    return state_dir() / "metrics" / "kiosk.prom"


def escape_label(value: str) -> str:
    """A label value as the text format wants it: backslash, double quote and line feed escaped.

    The one escaping of label values for every `.prom` file the kiosk writes (through
    `format_labels`); the pull script's `label` function does the same in shell."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def format_labels(labels: Mapping[str, object]) -> str:
    """`{name="value",...}` with every value escaped (an empty string when there are none)."""
    if not labels:
        return ""
    return "{" + ",".join(f'{name}="{escape_label(str(value))}"' for name, value in labels.items()) + "}"


def format_value(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))


def render(screen: str, values: Mapping[str, Sample | float | Sequence[Sample]]) -> str:
    """The exposition text: HELP and TYPE for each known metric that has a value, in order, then
    its samples (a list gives one sample per device; an empty list writes nothing)."""
    lines: list[str] = []
    for metric in METRICS + DEVICE_METRICS:
        given = values.get(metric.name)
        if given is None:
            continue
        samples = given if isinstance(given, list) else [given]
        if not samples:
            continue
        lines.append(f"# HELP {metric.name} {metric.help}")
        lines.append(f"# TYPE {metric.name} {metric.kind}")
        for sample in samples:
            value, extra = sample if isinstance(sample, tuple) else (sample, {})
            labels = {"screen": screen, **extra}
            lines.append(f"{metric.name}{format_labels(labels)} {format_value(float(value))}")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` so readers see the old file or the new one, never a part (temp + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)  # node_exporter usually runs as another user
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def memory_rss_bytes() -> int:
    """Resident memory of this process from /proc/self/statm (0 where there is no /proc)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            resident_pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return resident_pages * os.sysconf("SC_PAGE_SIZE")
