"""Health metrics: the Prometheus text format, versions from git, frame drops, the running kiosk, status."""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.version import content_version, git_commit
from kiosk.fleet import status
from kiosk.fleet.frames import FrameTracker
from kiosk.fleet.health import Health
from kiosk.fleet.metrics import METRIC_NAMES, escape_label, render, write_atomic
from kiosk.fleet.screen_config import load_screen_config
from kiosk.fleet.screen_state import ScreenState
from kiosk.ops.snapshot import fingerprint
from tests.ops_helpers import QUIET_MEDIA, running_kiosk
from tests.ui_helpers import FLOOR_ONE, write_sample_exhibition

CONTRACT = (
    "kiosk_up", "kiosk_build_info", "kiosk_content_info", "kiosk_content_valid", "kiosk_content_errors",
    "kiosk_content_last_reload_timestamp_seconds", "kiosk_content_last_check_timestamp_seconds",
    "kiosk_sessions_today", "kiosk_unexpected_errors_total", "kiosk_start_time_seconds",
    "kiosk_restarts_total", "kiosk_memory_rss_bytes", "kiosk_frames_total", "kiosk_frame_drops_total",
    "kiosk_open", "kiosk_metrics_written_timestamp_seconds",
)

# -- a strict reader of the text format (version 0.0.4), written from the format's description ---

NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*")
FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|[+-]?Inf$|NaN$")


def read_label_value(text: str, at: int) -> tuple[str, int]:
    assert text[at] == '"', f"label value must be quoted at {at}"
    at += 1
    value = []
    while text[at] != '"':
        if text[at] == "\\":
            escaped = text[at + 1]
            assert escaped in '\\"n', f"bad escape \\{escaped}"
            value.append("\n" if escaped == "n" else escaped)
            at += 2
            continue
        assert text[at] != "\n"
        value.append(text[at])
        at += 1
    return "".join(value), at + 1


def strict_parse(text: str) -> dict[str, dict[str, Any]]:
    """{family: {"type", "help", "samples": [(labels, value)]}}; asserts on any deviation."""
    assert text.endswith("\n")
    families: dict[str, dict[str, Any]] = {}
    finished: set[str] = set()
    current = ""
    for line in text.split("\n")[:-1]:
        assert line.strip() == line and line, f"stray blank or spaces: {line!r}"
        if line.startswith("# "):
            kind, name, rest = line[2:].split(" ", 2)
            assert NAME.fullmatch(name) and kind in ("HELP", "TYPE")
            family = families.setdefault(name, {"samples": []})
            assert kind.lower() not in family, f"second {kind} for {name}"
            assert not family["samples"], f"{kind} after samples of {name}"
            if kind == "TYPE":
                assert rest in ("counter", "gauge", "histogram", "summary", "untyped")
            family[kind.lower()] = rest
            continue
        name = NAME.match(line)
        assert name, line
        at = name.end()
        labels: dict[str, str] = {}
        if line[at] == "{":
            at += 1
            while line[at] != "}":
                label = LABEL_NAME.match(line, at)
                assert label and line[label.end()] == "=", line
                assert label.group() not in labels
                labels[label.group()], at = read_label_value(line, label.end() + 1)
                if line[at] == ",":
                    at += 1
            at += 1
        assert line[at] == " ", line
        value = line[at + 1:].split(" ")[0]
        assert FLOAT.match(value), value
        family_name = name.group()
        assert family_name not in finished or family_name == current, f"{family_name} samples not together"
        if current and current != family_name:
            finished.add(current)
        current = family_name
        families.setdefault(family_name, {"samples": []})["samples"].append((labels, float(value)))
    return families


def sample_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {name: 0 for name in CONTRACT}
    values["kiosk_build_info"] = (1, {"version": "0.1.0"})
    values["kiosk_content_info"] = (1, {"shown": "abc", "latest": "def"})
    values.update(changes)
    return values


def test_every_contract_metric_is_written_with_help_type_and_the_screen_label() -> None:
    assert METRIC_NAMES == CONTRACT
    families = strict_parse(render("floor-3", sample_values(kiosk_memory_rss_bytes=123456789.0)))
    assert tuple(families) == CONTRACT
    for name, family in families.items():
        assert family["help"] and family["type"] in ("gauge", "counter")
        assert family["type"] == ("counter" if name.endswith("_total") else "gauge"), name
        [(labels, _)] = family["samples"]
        assert labels["screen"] == "floor-3"
    assert families["kiosk_content_info"]["samples"][0][0] == {"screen": "floor-3", "shown": "abc",
                                                               "latest": "def"}
    assert families["kiosk_memory_rss_bytes"]["samples"][0][1] == 123456789


ODD_NAMES = ['hall "A"', "back\\slash", "two\nlines", "大厅-3", 'all \\ "of" {them}\n\nat once\n', "\\n", ""]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_label_values_are_escaped(name: str) -> None:
    families = strict_parse(render(name, sample_values()))
    assert families["kiosk_up"]["samples"][0][0]["screen"] == name
    assert "\n" not in escape_label(name)


def test_the_pull_script_escapes_labels_as_the_kiosk_does() -> None:
    """Both writers of .prom files (the kiosk and the pull script) escape label values alike."""
    script = (Path(__file__).resolve().parent.parent / "deploy" / "fleet" / "kiosk-content-pull").read_text(
        encoding="utf-8")
    found = re.search(r"^label\(\) \{.*?^\}$", script, re.MULTILINE | re.DOTALL)
    assert found, "the pull script has a label function"
    for name in ODD_NAMES:
        done = subprocess.run(["sh", "-c", found.group() + '\nlabel "$1"', "sh", name],
                              capture_output=True, text=True, check=True, timeout=30)
        assert done.stdout == escape_label(name), name
        line = f'kiosk_up{{screen="{done.stdout}"}} 1\n'
        assert strict_parse(line)["kiosk_up"]["samples"] == [({"screen": name}, 1.0)]


def test_a_screen_name_with_a_line_break_is_a_warning_and_the_host_name_is_used(tmp_path: Path) -> None:
    settings_file = tmp_path / "screen.yaml"
    settings_file.write_text('volume: 0.5\nname: "hall\\n1"\n', encoding="utf-8")
    config = load_screen_config(settings_file)
    (problem,) = config.problems
    assert not problem.is_error and config.settings.name is None and config.settings.volume == 0.5
    assert problem.format() == (
        f"{settings_file}:2:7: warning: the screen name contains a line break or another control character "
        "(use letters, digits, dots, dashes and underscores; this screen goes by its host name meanwhile)")
    settings_file.write_text("name: hall 1\n", encoding="utf-8")
    (problem,) = load_screen_config(settings_file).problems
    assert problem.is_error and problem.message == "'hall 1' cannot be a screen name"


def test_special_values() -> None:
    text = render("s", {"kiosk_up": 1, "kiosk_memory_rss_bytes": math.nan, "kiosk_open": 0.5})
    families = strict_parse(text)
    assert math.isnan(families["kiosk_memory_rss_bytes"]["samples"][0][1])
    assert families["kiosk_open"]["samples"][0][1] == 0.5


def test_the_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "textfile" / "kiosk.prom"
    write_atomic(target, "a 1\n")
    inode = target.stat().st_ino
    write_atomic(target, "a 2\n")
    assert target.read_text() == "a 2\n" and target.stat().st_ino != inode, "renamed over, not rewritten"
    assert sorted(path.name for path in target.parent.iterdir()) == ["kiosk.prom"], "no temporary files left"
    assert target.stat().st_mode & 0o044 == 0o044, "node_exporter can read it"


# -- content versions --------------------------------------------------------------------------

def git(folder: Path, *args: str) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                   "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}
    done = subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True,
                          env=environment)
    return done.stdout.strip()


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    write_sample_exhibition(repo / "content")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    return repo


def test_the_version_is_the_commit_of_a_branch_loose_or_packed(repository: Path) -> None:
    head = git(repository, "rev-parse", "HEAD")
    assert git_commit(repository / "content") == head
    assert content_version(repository / "content") == head[:12]
    git(repository, "pack-refs", "--all")
    assert not (repository / ".git" / "refs" / "heads" / "main").exists()
    assert git_commit(repository / "content") == head
    (repository / "content" / "exhibition.yaml").write_text("title: x\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "second")
    assert content_version(repository / "content") == git(repository, "rev-parse", "HEAD")[:12]


def test_the_version_of_a_detached_head_and_a_worktree(repository: Path, tmp_path: Path) -> None:
    first = git(repository, "rev-parse", "HEAD")
    (repository / "content" / "exhibition.yaml").write_text("title: y\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "second")
    git(repository, "checkout", "-q", "--detach", first)
    assert git_commit(repository) == first
    git(repository, "checkout", "-q", "main")
    second = git(repository, "rev-parse", "HEAD")
    git(repository, "worktree", "add", "-q", str(tmp_path / "screen-2"), "-b", "screen-2", first)
    assert git_commit(tmp_path / "screen-2" / "content") == first
    assert git_commit(repository / "content") == second
    git(repository, "pack-refs", "--all")
    assert git_commit(tmp_path / "screen-2" / "content") == first, "packed refs live in the main repository"


def test_a_folder_outside_git_has_a_content_hash(tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    before = content_version(content)
    assert re.fullmatch(r"[0-9a-f]{12}", before) and before == fingerprint(content)
    (content / "exhibition.yaml").write_text("title: changed\n", encoding="utf-8")
    assert content_version(content) != before


def test_a_repository_without_commits_falls_back_to_the_hash(tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    git(content, "init", "-q")
    assert git_commit(content) is None
    assert content_version(content) == fingerprint(content)


# -- frames ------------------------------------------------------------------------------------

def feed(tracker: FrameTracker, gaps_ms: list[float]) -> None:
    now = 100.0
    tracker.frame(now)
    for gap in gaps_ms:
        now += gap / 1000
        tracker.frame(now)


def test_a_steady_animation_drops_nothing() -> None:
    tracker = FrameTracker(60)
    feed(tracker, [16.7] * 120)
    assert (tracker.frames, tracker.drops) == (121, 0)


def test_a_hitch_inside_an_animation_counts_the_missed_frames() -> None:
    tracker = FrameTracker(60)
    feed(tracker, [16.7] * 10 + [66.7] + [16.7] * 10)
    assert tracker.drops == 3


def test_a_still_screen_or_a_single_update_is_not_a_drop() -> None:
    tracker = FrameTracker(60)
    feed(tracker, [16.7] * 10 + [2000] + [16.7] * 10)  # still for two seconds between animations
    feed(tracker, [300, 400, 16.7, 16.7])  # a press, a release, then an animation
    feed(tracker, [16.7] * 10 + [120, 900])  # an animation ends; a picture appears a little later
    assert tracker.drops == 0


# -- the running kiosk -------------------------------------------------------------------------

def read_metrics(path: Path) -> dict[str, tuple[dict[str, str], float]]:
    return {name: family["samples"][0] for name, family in strict_parse(path.read_text()).items()}


@QUIET_MEDIA
def test_a_running_kiosk_reports_its_content_through_a_bad_and_a_good_commit(
    qtbot: Any, tmp_path: Path, repository: Path
) -> None:
    content = repository / "content"
    metrics_file = tmp_path / "metrics" / "kiosk.prom"
    state = ScreenState.for_screen("hall-1", tmp_path / "state")
    first = git(repository, "rev-parse", "HEAD")[:12]
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        health = Health(ops, kiosk.window, content, screen="hall-1", metrics_file=metrics_file,
                        state=state, interval_ms=60_000)
        metrics = read_metrics(metrics_file)
        assert set(metrics) == set(CONTRACT)
        assert metrics["kiosk_up"][1] == 1 and metrics["kiosk_content_valid"][1] == 1
        versions = metrics["kiosk_content_info"][0]
        assert versions["shown"] == first == versions["latest"]
        assert metrics["kiosk_memory_rss_bytes"][1] > 10_000_000
        assert metrics["kiosk_restarts_total"][1] == 0

        bad = FLOOR_ONE.replace("number: 1", "number: one")
        (content / "floors" / "1-port.yaml").write_text(bad, encoding="utf-8")
        git(repository, "commit", "-q", "-am", "broken")
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000):
            ops.reloader.reload_now()
        metrics = read_metrics(metrics_file)
        broken = git(repository, "rev-parse", "HEAD")[:12]
        assert metrics["kiosk_content_valid"][1] == 0 and metrics["kiosk_content_errors"][1] >= 1
        assert metrics["kiosk_content_info"][0] == {"screen": "hall-1", "shown": first, "latest": broken}

        (content / "floors" / "1-port.yaml").write_text(FLOOR_ONE.replace("The Port", "The Docks"),
                                                       encoding="utf-8")
        git(repository, "commit", "-q", "-am", "fixed")
        fixed = git(repository, "rev-parse", "HEAD")[:12]
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            ops.reloader.reload_now()
        metrics = read_metrics(metrics_file)
        assert metrics["kiosk_content_valid"][1] == 1 and metrics["kiosk_content_errors"][1] == 0
        assert metrics["kiosk_content_info"][0]["shown"] == fixed
        assert metrics["kiosk_content_last_reload_timestamp_seconds"][1] >= metrics[
            "kiosk_start_time_seconds"][1]

        kiosk.navigator.touch()
        qtbot.waitUntil(lambda: health.frames.frames > 0)
        health.write()
        metrics = read_metrics(metrics_file)
        assert metrics["kiosk_sessions_today"][1] == 1
        assert metrics["kiosk_frames_total"][1] > 0
        health.close()
    assert read_metrics(metrics_file)["kiosk_up"][1] == 0
    next_start = ScreenState.for_screen("hall-1", tmp_path / "state")
    assert next_start.count_start() == 1, "the next start is a restart"
    assert state.last_good(content.resolve()) == fixed


@QUIET_MEDIA
def test_metrics_are_written_on_a_timer_and_count_restarts(qtbot: Any, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    metrics_file = tmp_path / "kiosk.prom"
    state_folder = tmp_path / "state"
    ScreenState.for_screen("lobby", state_folder).count_start()
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        health = Health(ops, kiosk.window, content, screen="lobby", metrics_file=metrics_file,
                        state=ScreenState.for_screen("lobby", state_folder), interval_ms=50)
        assert read_metrics(metrics_file)["kiosk_restarts_total"][1] == 1
        first = read_metrics(metrics_file)["kiosk_metrics_written_timestamp_seconds"][1]
        qtbot.waitUntil(lambda: read_metrics(metrics_file)[
            "kiosk_metrics_written_timestamp_seconds"][1] > first, timeout=5000)
        assert read_metrics(metrics_file)["kiosk_content_info"][0]["shown"] == fingerprint(content)
        ops.crash.report(RuntimeError, RuntimeError("a broken exhibit view"), None)
        health.write()
        assert read_metrics(metrics_file)["kiosk_unexpected_errors_total"][1] == 1
        health.close()


@QUIET_MEDIA
def test_an_unwritable_metrics_file_never_stops_the_kiosk(tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        health = Health(ops, kiosk.window, content, screen="x", metrics_file=blocker / "kiosk.prom",
                        state=ScreenState.for_screen("x", tmp_path / "state"))
        assert health.write() is False
        health.metrics_file = tmp_path / "kiosk.prom"
        assert health.write() is True
        health.close()


# -- kiosk status ------------------------------------------------------------------------------

def status_args(metrics: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    status.add_arguments(parser)
    return parser.parse_args(["--metrics", str(metrics), *extra])


def write_status_file(path: Path, **changes: Any) -> None:
    now = time.time()
    values = sample_values(kiosk_up=1, kiosk_content_valid=1, kiosk_start_time_seconds=now - 3600,
                           kiosk_metrics_written_timestamp_seconds=now, kiosk_memory_rss_bytes=300e6,
                           kiosk_open=1, kiosk_sessions_today=12, kiosk_restarts_total=2)
    values.update(changes)
    write_atomic(path, render("hall-1", values))


def test_status_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kiosk.prom"
    assert status.main(status_args(path)) == 2
    assert "no metrics file" in capsys.readouterr().err

    write_status_file(path)
    assert status.main(status_args(path)) == 0
    out = capsys.readouterr().out
    assert out.startswith("hall-1: OK") and "12 sessions today" in out and "restarts 2" in out

    write_status_file(path, kiosk_content_valid=0, kiosk_content_errors=3)
    assert status.main(status_args(path)) == 1
    assert "content folder has 3 error(s)" in capsys.readouterr().out

    write_status_file(path, kiosk_metrics_written_timestamp_seconds=time.time() - 300)
    assert status.main(status_args(path)) == 1
    assert "the kiosk is not running" in capsys.readouterr().out

    write_status_file(path, kiosk_memory_rss_bytes=3e9)
    assert status.main(status_args(path, "--json")) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["healthy"] and "memory" in report["problems"][0]

    path.write_text("kiosk_up{screen=hall} 1\n")
    assert status.main(status_args(path)) == 1
    assert "not a valid metrics file" in capsys.readouterr().err


def test_status_finds_the_file_through_the_screen_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "screen.yaml").write_text("metrics_file: here.prom\n", encoding="utf-8")
    write_status_file(tmp_path / "here.prom", kiosk_up=0)
    parser = argparse.ArgumentParser()
    status.add_arguments(parser)
    args = parser.parse_args(["--screen-config", str(tmp_path / "screen.yaml")])
    assert status.main(args) == 1
    assert "closed at" in capsys.readouterr().out


# -- the Grafana dashboard ---------------------------------------------------------------------

def test_the_dashboard_uses_the_metric_names_and_its_variables() -> None:
    repo = Path(__file__).resolve().parent.parent
    dashboard = json.loads((repo / "deploy" / "grafana-dashboard.json").read_text(encoding="utf-8"))
    assert dashboard["schemaVersion"] >= 36 and dashboard["uid"] and dashboard["title"]
    variables = {variable["name"]: variable for variable in dashboard["templating"]["list"]}
    source = variables["datasource"]
    assert source["type"] == "datasource" and source["query"] == "prometheus"
    assert variables["screen"]["includeAll"] and "kiosk_up" in variables["screen"]["definition"]
    panels = dashboard["panels"]
    assert len({panel["id"] for panel in panels}) == len(panels)
    kinds = {panel["type"] for panel in panels}
    assert {"table", "stat", "timeseries"} <= kinds
    used: set[str] = set()
    for panel in panels:
        assert panel["datasource"]["uid"] == "${datasource}"
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == "${datasource}"
            assert 'screen=~"$screen"' in target["expr"], target["expr"]
            used |= set(re.findall(r"kiosk_[a-z_]+", target["expr"]))
    pull_script = (repo / "deploy" / "fleet" / "kiosk-content-pull").read_text(encoding="utf-8")
    pulled = set(re.findall(r"# TYPE (kiosk_content_pull_[a-z_]+)", pull_script))
    assert "kiosk_content_pull_success" in pulled
    assert used <= set(METRIC_NAMES) | pulled, used - set(METRIC_NAMES) - pulled
    for needed in ("kiosk_up", "kiosk_content_info", "kiosk_content_valid", "kiosk_sessions_today",
                   "kiosk_memory_rss_bytes", "kiosk_restarts_total", "kiosk_frame_drops_total"):
        assert needed in used, needed
