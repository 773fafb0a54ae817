"""Helpers for the fleet tests: a strict Prometheus text-format parser, git content repositories,
and the content pull script.

The parser follows the text exposition format as node_exporter's textfile collector reads it:
`# HELP` / `# TYPE` comments before their samples, one family's samples together, label values
with only the escapes \\\\, \\" and \\n, no repeated series, and no sample timestamps (the textfile
collector rejects them). Any deviation raises `MetricsFormatError` with the line number.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PULL_SCRIPT = REPO / "deploy" / "fleet" / "kiosk-content-pull"
PULL_METRICS = (
    "kiosk_content_pull_success",
    "kiosk_content_pull_last_attempt_timestamp_seconds",
    "kiosk_content_pull_last_success_timestamp_seconds",
    "kiosk_content_pull_duration_seconds",
    "kiosk_content_pull_failures_total",
    "kiosk_content_pull_consecutive_failures",
    "kiosk_content_pull_updates_total",
    "kiosk_content_pull_info",
)

METRIC_NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*")
TYPES = {"counter", "gauge", "histogram", "summary", "untyped"}
SUFFIXES = ("_bucket", "_count", "_sum")


class MetricsFormatError(ValueError):
    """The text is not valid Prometheus text exposition format."""


@dataclass
class Family:
    name: str
    type: str = "untyped"
    help: str | None = None
    samples: list[tuple[str, dict[str, str], float]] = field(default_factory=list)


def _parse_value(text: str, number: int) -> float:
    if text in ("+Inf", "Inf"):
        return math.inf
    if text == "-Inf":
        return -math.inf
    if text == "NaN":
        return math.nan
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
        raise MetricsFormatError(f"line {number}: '{text}' is not a sample value")
    return float(text)


def _parse_labels(text: str, number: int) -> tuple[dict[str, str], str]:
    """Labels from just after '{'; returns them and the rest of the line after '}'."""
    labels: dict[str, str] = {}
    position = 0
    while True:
        if text[position:position + 1] == "}":
            return labels, text[position + 1:]
        match = LABEL_NAME.match(text, position)
        if not match or text[match.end():match.end() + 2] != '="':
            raise MetricsFormatError(f"line {number}: bad label at '{text[position:]}'")
        name = match.group()
        if name in labels:
            raise MetricsFormatError(f"line {number}: label {name} given twice")
        position = match.end() + 2
        value: list[str] = []
        while True:
            if position >= len(text):
                raise MetricsFormatError(f"line {number}: label {name} has no closing quote")
            char = text[position]
            if char == "\\":
                escaped = text[position + 1:position + 2]
                if escaped not in ("\\", '"', "n"):
                    raise MetricsFormatError(f"line {number}: bad escape '\\{escaped}' in label {name}")
                value.append("\n" if escaped == "n" else escaped)
                position += 2
            elif char == '"':
                position += 1
                break
            else:
                value.append(char)
                position += 1
        labels[name] = "".join(value)
        if text[position:position + 1] == ",":
            position += 1
        elif text[position:position + 1] != "}":
            raise MetricsFormatError(f"line {number}: expected ',' or '}}' after label {name}")


def _family_name(sample: str, families: dict[str, Family]) -> str:
    for suffix in SUFFIXES:
        base = sample.removesuffix(suffix)
        if base != sample and base in families and families[base].type in ("histogram", "summary"):
            return base
    return sample


def parse_metrics(text: str) -> dict[str, Family]:
    """Every metric family in `text`, strictly checked."""
    if text and not text.endswith("\n"):
        raise MetricsFormatError("the last line has no newline")
    families: dict[str, Family] = {}
    finished: set[str] = set()
    current: str | None = None
    series: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = line.split(None, 3)
            if len(parts) >= 2 and parts[1] in ("HELP", "TYPE"):
                if len(parts) < 3 or not METRIC_NAME.fullmatch(parts[2]):
                    raise MetricsFormatError(f"line {number}: {parts[1]} without a valid metric name")
                name = parts[2]
                if name in finished or (name in families and families[name].samples):
                    raise MetricsFormatError(f"line {number}: {parts[1]} for {name} after its samples")
                family = families.setdefault(name, Family(name))
                if current is not None and current != name:
                    finished.add(current)
                current = name
                if parts[1] == "HELP":
                    if family.help is not None:
                        raise MetricsFormatError(f"line {number}: second HELP for {name}")
                    family.help = parts[3] if len(parts) > 3 else ""
                else:
                    kind = parts[3] if len(parts) > 3 else ""
                    if kind not in TYPES or family.type != "untyped":
                        raise MetricsFormatError(f"line {number}: bad or repeated TYPE for {name}")
                    family.type = kind
            continue
        match = METRIC_NAME.match(line)
        if not match:
            raise MetricsFormatError(f"line {number}: '{line}' does not start with a metric name")
        sample = match.group()
        rest = line[match.end():]
        labels: dict[str, str] = {}
        if rest.startswith("{"):
            labels, rest = _parse_labels(rest[1:], number)
        if not rest.startswith(" "):
            raise MetricsFormatError(f"line {number}: no space before the value")
        fields = rest.split()
        if len(fields) != 1:
            raise MetricsFormatError(f"line {number}: a sample is a name, labels and a value; no timestamp")
        value = _parse_value(fields[0], number)
        name = _family_name(sample, families)
        if name in finished:
            raise MetricsFormatError(f"line {number}: samples of {name} are not together")
        if current is not None and current != name:
            finished.add(current)
        current = name
        key = (sample, tuple(sorted(labels.items())))
        if key in series:
            raise MetricsFormatError(f"line {number}: {sample}{labels} appears twice")
        series.add(key)
        family = families.setdefault(name, Family(name))
        if family.type == "counter" and (value < 0 or math.isnan(value)):
            raise MetricsFormatError(f"line {number}: counter {name} is {value}")
        family.samples.append((sample, labels, value))
    return families


def read_metrics(path: Path) -> dict[str, Family]:
    return parse_metrics(path.read_text(encoding="utf-8"))


def value_of(families: dict[str, Family], name: str, **labels: str) -> float:
    """The one sample of `name` whose labels include `labels`."""
    found = [value for sample, have, value in families[name].samples
             if sample == name and all(have.get(key) == wanted for key, wanted in labels.items())]
    assert len(found) == 1, f"{name}{labels}: {len(found)} samples in {families[name].samples}"
    return found[0]


def labels_of(families: dict[str, Family], name: str) -> dict[str, str]:
    """The labels of the single sample of `name`."""
    samples = families[name].samples
    assert len(samples) == 1, f"{name}: {samples}"
    return samples[0][1]


# -- git --------------------------------------------------------------------------------------

def git_env(home: Path) -> dict[str, str]:
    """An environment where git reads no user or system settings and commits as a test user."""
    return {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Exhibition staff",
        "GIT_AUTHOR_EMAIL": "staff@example.org",
        "GIT_COMMITTER_NAME": "Exhibition staff",
        "GIT_COMMITTER_EMAIL": "staff@example.org",
        "LC_ALL": "C",
    }


def git(folder: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def make_content_repo(
    folder: Path, staff: Path, write_content: Callable[[Path], object], env: dict[str, str]
) -> str:
    """A bare repository `folder` with one commit made in the staff clone `staff`; its commit."""
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(folder)], env=env, check=True)
    subprocess.run(["git", "clone", "--quiet", str(folder), str(staff)], env=env, check=True,
                   capture_output=True)
    git(staff, "checkout", "--quiet", "-B", "main", env=env)
    write_content(staff)
    return commit_and_push(staff, "First version of the exhibition", env=env)


def commit_and_push(staff: Path, message: str, *, env: dict[str, str], force: bool = False,
                    amend: bool = False) -> str:
    """Commit everything in the staff clone and push it; the new commit."""
    git(staff, "add", "--all", env=env)
    git(staff, "commit", "--quiet", *(["--amend"] if amend else []), "-m", message, env=env)
    git(staff, "push", "--quiet", *(["--force"] if force else []), "origin", "main", env=env)
    return git(staff, "rev-parse", "HEAD", env=env)


def run_pull(content: Path, *args: str, env: dict[str, str],
             metrics_dir: Path | None = None, screen: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real pull script once (never under a journal, so lines carry no priority)."""
    command = [str(PULL_SCRIPT), *args]
    if metrics_dir is not None:
        command += ["--metrics-dir", str(metrics_dir)]
    if screen is not None:
        command += ["--screen", screen]
    environment = {key: value for key, value in env.items() if key != "JOURNAL_STREAM"}
    return subprocess.run([*command, str(content)], env=environment, capture_output=True, text=True,
                          check=False, timeout=120)


# -- a simulated fleet: real kiosk processes, each with its own clone ---------------------------

IN_CLOSE_WRITE = 0x008
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC


class Inotify:
    """Linux inotify through libc: a file descriptor that turns readable when a watched folder changes."""

    def __init__(self) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self.fd = int(self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")

    def watch(self, folder: Path) -> None:
        mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE
        if self._libc.inotify_add_watch(self.fd, os.fsencode(folder), mask) < 0:
            raise OSError(ctypes.get_errno(), f"cannot watch {folder}")

    def drain(self) -> None:
        try:
            while os.read(self.fd, 65536):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        os.close(self.fd)


@dataclass
class Screen:
    """One kiosk of the simulated fleet: its clone, settings, metrics folder and process."""

    name: str
    folder: Path
    process: subprocess.Popen[bytes] | None = None
    pidfd: int = -1

    @property
    def content(self) -> Path:
        return self.folder / "content"

    @property
    def metrics_dir(self) -> Path:
        return self.folder / "textfile"

    @property
    def metrics_file(self) -> Path:
        return self.metrics_dir / "kiosk.prom"

    @property
    def screen_config(self) -> Path:
        return self.folder / "config" / "kiosk" / "screen.yaml"

    @property
    def log(self) -> Path:
        return self.folder / "kiosk-stderr.log"

    def metrics(self) -> dict[str, Family] | None:
        """The kiosk's metrics, or None before the first file is written."""
        try:
            return read_metrics(self.metrics_file)
        except FileNotFoundError:
            return None


@dataclass(frozen=True)
class ContentState:
    shown: str
    latest: str
    valid: float
    errors: float
    up: float


def content_state(families: dict[str, Family], screen: str) -> ContentState:
    info = [labels for _, labels, _ in families["kiosk_content_info"].samples]
    assert len(info) == 1 and info[0]["screen"] == screen, info
    return ContentState(
        shown=info[0]["shown"], latest=info[0]["latest"],
        valid=value_of(families, "kiosk_content_valid", screen=screen),
        errors=value_of(families, "kiosk_content_errors", screen=screen),
        up=value_of(families, "kiosk_up", screen=screen),
    )


class Fleet:
    """Several kiosks on this computer sharing one bare content repository."""

    def __init__(self, root: Path, remote: Path, count: int, env: dict[str, str], *,
                 shared_folder: Path | None = None) -> None:
        """`shared_folder`: copy this folder for each screen instead of cloning `remote`
        (a folder shared by Syncthing: no git, the version is a content hash)."""
        self.root, self.remote, self.env = root, remote, env
        self.shared_folder = shared_folder
        names = [f"screen-{number}" for number in range(1, count + 1)]
        self.screens = [Screen(name, root / name) for name in names]
        self.inotify = Inotify()

    def start(self) -> None:
        """Clone the content for every screen and start its kiosk."""
        self.root.mkdir(parents=True, exist_ok=True)
        for screen in self.screens:
            if self.shared_folder is not None:
                shutil.copytree(self.shared_folder, screen.content)
            else:  # as on a real screen: the first pull clones, and the content path is a link
                cloned = run_pull(screen.content, "--clone", str(self.remote), env=self.env)
                assert cloned.returncode == 0, cloned.stderr
            screen.screen_config.parent.mkdir(parents=True)
            screen.metrics_dir.mkdir()
            screen.screen_config.write_text(
                f"name: {screen.name}\nmetrics_file: {screen.metrics_file}\n", encoding="utf-8")
            self.inotify.watch(screen.metrics_dir)
        for screen in self.screens:
            env = {
                **self.env,
                "QT_QPA_PLATFORM": "offscreen",
                "QT_QUICK_BACKEND": "software",
                "QT_LOGGING_RULES": "qt.multimedia.*=false",
                "XDG_STATE_HOME": str(screen.folder / "state"),
                "XDG_CONFIG_HOME": str(screen.folder / "config"),
                "XDG_RUNTIME_DIR": str(screen.folder / "runtime"),
                "PYTHONPATH": str(REPO),
            }
            (screen.folder / "runtime").mkdir(mode=0o700)
            env.pop("NOTIFY_SOCKET", None)
            env.pop("LC_ALL", None)
            with screen.log.open("wb") as log:
                screen.process = subprocess.Popen(
                    [sys.executable, "-m", "kiosk.cli", "run", str(screen.content), "--windowed",
                     "--screen-config", str(screen.screen_config)],
                    env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                )
            screen.pidfd = os.pidfd_open(screen.process.pid)

    def pull_all(self) -> list[subprocess.CompletedProcess[str]]:
        """Run every screen's pull script at once, as their timers would."""
        commands = [
            [str(PULL_SCRIPT), "--metrics-dir", str(screen.metrics_dir), "--screen", screen.name,
             str(screen.content)]
            for screen in self.screens
        ]
        environment = {key: value for key, value in self.env.items() if key != "JOURNAL_STREAM"}
        running = [subprocess.Popen(command, env=environment, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for command in commands]
        results = []
        for command, process in zip(commands, running, strict=True):
            out, err = process.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
        return results

    def wait_until(self, wanted: Callable[[Screen, ContentState], bool], what: str,
                   timeout: float = 60.0) -> None:
        """Wait until every screen's metrics satisfy `wanted`: woken by each new metrics file
        (inotify) or by a kiosk exiting (pidfd), never by a fixed sleep."""
        deadline = time.monotonic() + timeout
        while True:
            self.inotify.drain()
            states: dict[str, ContentState | None] = {}
            for screen in self.screens:
                assert screen.process is not None
                if screen.process.poll() is not None:
                    raise AssertionError(f"{screen.name} exited with {screen.process.returncode}:\n"
                                         f"{screen.log.read_text(errors='replace')[-4000:]}")
                families = screen.metrics()
                states[screen.name] = None if families is None else content_state(families, screen.name)
            if all(state is not None and wanted(screen, state)
                   for screen, state in zip(self.screens, states.values(), strict=True)):
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                logs = "\n".join(f"--- {screen.name}\n{screen.log.read_text(errors='replace')[-3000:]}"
                                 for screen in self.screens)
                raise AssertionError(f"not every screen {what} within {timeout:.0f} s: {states}\n{logs}")
            select.select([self.inotify.fd, *(screen.pidfd for screen in self.screens)], [], [], remaining)

    def stop(self) -> None:
        """End every kiosk (politely first) and release the watches."""
        for screen in self.screens:
            if screen.process is not None and screen.process.poll() is None:
                screen.process.terminate()
        for screen in self.screens:
            if screen.process is None:
                continue
            try:
                screen.process.wait(10)
            except subprocess.TimeoutExpired:
                screen.process.kill()
                screen.process.wait()
            if screen.pidfd >= 0:
                os.close(screen.pidfd)
                screen.pidfd = -1
        self.inotify.close()
