"""The content pull script (deploy/fleet/kiosk-content-pull) against real git repositories.

Each test makes a bare repository (the exhibition's central copy, as on a NAS or a git host), a
staff clone that edits and pushes, and a screen's clone that the real script updates.
"""

from __future__ import annotations

import configparser
import fcntl
import os
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.content_factory import make_content
from tests.fleet_helpers import (
    PULL_SCRIPT,
    REPO,
    MetricsFormatError,
    commit_and_push,
    git,
    git_env,
    labels_of,
    make_content_repo,
    parse_metrics,
    read_metrics,
    run_pull,
    value_of,
)

FLEET = REPO / "deploy" / "fleet"
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


@dataclass
class Setup:
    env: dict[str, str]
    remote: Path
    staff: Path
    screen: Path
    metrics: Path
    first: str

    def pull(self, *args: str, screen: str = "hall-1") -> subprocess.CompletedProcess[str]:
        return run_pull(self.screen, *args, env=self.env, metrics_dir=self.metrics, screen=screen)

    def edit_title(self, title: str) -> None:
        path = self.staff / "exhibition.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Test Hall", title, 1), encoding="utf-8")

    def head(self) -> str:
        return git(self.screen, "rev-parse", "HEAD", env=self.env)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a work tree (without .git) and its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(folder).parts
    }


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    env = git_env(tmp_path)
    remote, staff, screen = tmp_path / "exhibition.git", tmp_path / "staff", tmp_path / "screen"
    first = make_content_repo(remote, staff, make_content, env)
    git(tmp_path, "clone", "--quiet", str(remote), str(screen), env=env)
    return Setup(env, remote, staff, screen, tmp_path / "metrics", first)


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port with nothing listening on it (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    yield port


def test_a_new_commit_reaches_the_screen(setup: Setup) -> None:
    setup.edit_title("Harbour Hall")
    pushed = commit_and_push(setup.staff, "New title", env=setup.env)

    done = setup.pull()

    assert done.returncode == 0, done.stderr
    assert setup.head() == pushed
    assert tree(setup.screen) == tree(setup.staff)
    assert f"updated content from {setup.first[:12]} to {pushed[:12]} (fast-forward; 1 file changed)" \
        in done.stderr
    again = setup.pull()
    assert again.returncode == 0 and f"up to date at {pushed[:12]}" in again.stderr
    metrics = read_metrics(setup.metrics / "kiosk-content-pull.prom")
    assert value_of(metrics, "kiosk_content_pull_updates_total") == 1
    assert labels_of(metrics, "kiosk_content_pull_info")["commit"] == pushed[:12]


@pytest.mark.parametrize("where", ["closed-port", "missing-folder"])
def test_an_unreachable_remote_leaves_the_content_untouched(
    setup: Setup, closed_port: int, where: str, tmp_path: Path
) -> None:
    assert setup.pull().returncode == 0
    succeeded = value_of(read_metrics(setup.metrics / "kiosk-content-pull.prom"),
                         "kiosk_content_pull_last_success_timestamp_seconds")
    setup.edit_title("Never arrives")
    commit_and_push(setup.staff, "Unseen", env=setup.env)
    url = (f"http://127.0.0.1:{closed_port}/exhibition.git" if where == "closed-port"
           else str(tmp_path / "gone.git"))
    git(setup.screen, "remote", "set-url", "origin", url, env=setup.env)
    before = tree(setup.screen)

    done = setup.pull()

    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"kiosk-content-pull: could not fetch main from origin ({url}): ")
    assert lines[0].endswith(f"The content on this screen is unchanged (commit {setup.first[:12]}).")
    assert tree(setup.screen) == before
    assert setup.head() == setup.first
    metrics = read_metrics(setup.metrics / "kiosk-content-pull.prom")
    assert value_of(metrics, "kiosk_content_pull_success") == 0
    assert value_of(metrics, "kiosk_content_pull_failures_total") == 1
    assert value_of(metrics, "kiosk_content_pull_consecutive_failures") == 1
    assert value_of(metrics, "kiosk_content_pull_last_success_timestamp_seconds") == succeeded
    assert labels_of(metrics, "kiosk_content_pull_info")["commit"] == setup.first[:12]


def test_a_remote_that_never_answers_is_given_up(setup: Setup) -> None:
    """A server that takes the connection and then says nothing: the fetch is stopped.
    (The kernel completes the connection for a listening socket; nobody ever answers.)"""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        url = f"http://127.0.0.1:{server.getsockname()[1]}/exhibition.git"
        git(setup.screen, "remote", "set-url", "origin", url, env=setup.env)
        before = tree(setup.screen)
        done = setup.pull("--timeout", "1")
    assert done.returncode == 1
    assert "no answer within 1 seconds. The content on this screen is unchanged" in done.stderr
    assert tree(setup.screen) == before


def test_a_second_run_does_not_start_while_one_holds_the_lock(setup: Setup) -> None:
    setup.edit_title("After the lock")
    pushed = commit_and_push(setup.staff, "Waiting", env=setup.env)
    lock = setup.screen / ".git" / "kiosk-content-pull.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        blocked = setup.pull()
    assert blocked.returncode == 75
    assert "another kiosk-content-pull is running" in blocked.stderr
    assert setup.head() == setup.first
    assert not (setup.metrics / "kiosk-content-pull.prom").exists()

    done = setup.pull()
    assert done.returncode == 0 and setup.head() == pushed


def test_two_runs_started_together_never_overlap(setup: Setup) -> None:
    setup.edit_title("Raced")
    pushed = commit_and_push(setup.staff, "Race", env=setup.env)
    lock = setup.screen / ".git" / "kiosk-content-pull.lock"
    with lock.open("w") as held:  # both start while the lock is held: both stand back
        fcntl.flock(held, fcntl.LOCK_EX)
        runs = [threading.Thread(target=lambda: results.append(setup.pull())) for _ in range(2)]
        results: list[subprocess.CompletedProcess[str]] = []
        for run in runs:
            run.start()
        for run in runs:
            run.join()
    assert [result.returncode for result in results] == [75, 75]
    assert setup.head() == setup.first
    assert setup.pull().returncode == 0 and setup.head() == pushed


def test_metrics_are_valid_prometheus_text(setup: Setup) -> None:
    odd_name = 'Hall "A" \\ level 2'
    assert setup.pull(screen=odd_name).returncode == 0
    path = setup.metrics / "kiosk-content-pull.prom"
    text = path.read_text(encoding="utf-8")
    metrics = parse_metrics(text)

    assert sorted(metrics) == sorted(PULL_METRICS)
    for family in metrics.values():
        assert family.help and family.type in ("gauge", "counter")
        assert [labels["screen"] for _, labels, _ in family.samples] == [odd_name]
    assert value_of(metrics, "kiosk_content_pull_success") == 1
    assert value_of(metrics, "kiosk_content_pull_failures_total") == 0
    assert value_of(metrics, "kiosk_content_pull_last_success_timestamp_seconds") > 1.7e9
    assert labels_of(metrics, "kiosk_content_pull_info") == {
        "screen": odd_name, "commit": setup.first[:12], "branch": "main"}
    assert [p.name for p in setup.metrics.iterdir()] == ["kiosk-content-pull.prom"]
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)


def test_rewritten_history_is_followed(setup: Setup) -> None:
    setup.edit_title("Second")
    second = commit_and_push(setup.staff, "Second", env=setup.env)
    assert setup.pull().returncode == 0 and setup.head() == second
    setup.edit_title("Rewritten")  # staff replace the last commit and force-push
    (setup.staff / "floors" / "1-ground.yaml").unlink()
    rewritten = commit_and_push(setup.staff, "Second, done again", env=setup.env, amend=True, force=True)
    git(setup.staff, "reflog", "expire", "--expire=now", "--all", env=setup.env)

    done = setup.pull()

    assert done.returncode == 0, done.stderr
    assert "history of main was rewritten on origin; reset to it" in done.stderr
    assert setup.head() == rewritten
    assert tree(setup.screen) == tree(setup.staff)
    assert not (setup.screen / "floors" / "1-ground.yaml").exists()


def test_local_edits_on_a_screen_are_replaced(setup: Setup) -> None:
    (setup.screen / "exhibition.yaml").write_text("edited on the screen\n", encoding="utf-8")
    done = setup.pull()
    assert done.returncode == 0
    assert "discarding local changes on this screen: exhibition.yaml" in done.stderr
    assert tree(setup.screen) == tree(setup.staff)


def test_the_first_run_clones_the_content(setup: Setup, tmp_path: Path) -> None:
    fresh = tmp_path / "srv" / "content"
    fresh.parent.mkdir()
    done = run_pull(fresh, "--clone", str(setup.remote), env=setup.env)
    assert done.returncode == 0, done.stderr
    assert tree(fresh) == tree(setup.staff)
    assert [path.name for path in fresh.parent.iterdir()] == ["content"]


def test_a_folder_that_is_not_a_clone_is_refused(tmp_path: Path) -> None:
    plain = make_content(tmp_path / "content")
    done = run_pull(plain, env=git_env(tmp_path))
    assert done.returncode == 2
    assert "is not a git clone" in done.stderr


@pytest.mark.parametrize("text", [
    "kiosk_up 1",  # no final newline
    "kiosk_up{screen=\"a\"} 1 1700000000000\n",  # a timestamp
    "kiosk_up{screen=\"a\",screen=\"b\"} 1\n",
    "kiosk_up{screen=\"a\\t\"} 1\n",
    "kiosk_up{screen=a} 1\n",
    "kiosk_up one\n",
    "kiosk_up 1\nkiosk_up 2\n",
    "# TYPE kiosk_up gauge\n# TYPE kiosk_up gauge\nkiosk_up 1\n",
    "kiosk_a 1\nkiosk_b 1\nkiosk_a{x=\"1\"} 1\n",
    "kiosk_up 1\n# HELP kiosk_up late\n",
    "# TYPE kiosk_errors_total counter\nkiosk_errors_total -1\n",
    "# TYPE kiosk_up kind\nkiosk_up 1\n",
    "0kiosk 1\n",
])
def test_the_metrics_parser_is_strict(text: str) -> None:
    with pytest.raises(MetricsFormatError):
        parse_metrics(text)


def test_the_metrics_parser_reads_the_format() -> None:
    text = ('# HELP kiosk_info Build.\n# TYPE kiosk_info gauge\n'
            'kiosk_info{screen="a\\"b\\\\c\\nd",version="1.0"} 1\n\n'
            '# TYPE kiosk_seconds histogram\nkiosk_seconds_bucket{le="+Inf"} 3\n'
            'kiosk_seconds_sum 1.5e0\nkiosk_seconds_count 3\nkiosk_nan NaN\n')
    families = parse_metrics(text)
    assert labels_of(families, "kiosk_info") == {"screen": 'a"b\\c\nd', "version": "1.0"}
    assert [sample for sample, _, _ in families["kiosk_seconds"].samples] == [
        "kiosk_seconds_bucket", "kiosk_seconds_sum", "kiosk_seconds_count"]
    assert families["kiosk_info"].help == "Build."


# -- the deployment files ---------------------------------------------------------------------

def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_the_pull_units_run_the_installed_script() -> None:
    service = unit(FLEET / "kiosk-content-pull.service")
    timer = unit(FLEET / "kiosk-content-pull.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].startswith("/usr/local/bin/kiosk-content-pull")
    assert "75" in service["Service"]["SuccessExitStatus"]
    assert timer["Timer"]["Unit"] == "kiosk-content-pull.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert PULL_SCRIPT.stat().st_mode & 0o111, "the script must be executable"
    assert PULL_SCRIPT.read_text(encoding="utf-8").startswith("#!/bin/sh\n")


ANSIBLE = FLEET / "ansible"


def ansible_files() -> list[Path]:
    return sorted(path for path in ANSIBLE.rglob("*") if path.suffix in (".yml", ".yaml"))


def test_the_ansible_playbook_is_yaml_and_its_files_exist() -> None:
    """CI has no Ansible: check the YAML and that every file a task names is there."""
    assert ansible_files(), "the playbook is missing"
    playbook = yaml.safe_load((ANSIBLE / "kiosk.yml").read_text(encoding="utf-8"))
    assert isinstance(playbook, list) and playbook[0]["hosts"] == "kiosks"
    roles = [role if isinstance(role, str) else role["role"] for role in playbook[0]["roles"]]
    names: list[str] = []
    for role in roles:
        folder = ANSIBLE / "roles" / role
        tasks = yaml.safe_load((folder / "tasks" / "main.yml").read_text(encoding="utf-8"))
        handlers = folder / "handlers" / "main.yml"
        if handlers.exists():
            tasks += yaml.safe_load(handlers.read_text(encoding="utf-8"))
        for task in tasks:
            assert task.get("name"), f"{role}: every task has a name: {task}"
            names.append(task["name"])
            for module in ("ansible.builtin.template", "ansible.builtin.copy"):
                source = (task.get(module) or {}).get("src")
                if source and "{{" not in source:
                    kind = "templates" if module.endswith("template") else "files"
                    assert (folder / kind / source).exists() or (ANSIBLE / source).exists(), source
    assert len(names) == len(set(names)), "task names are unique"
    for path in ansible_files():
        yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (ANSIBLE / "inventory.example.ini").exists()


def role_tasks() -> list[dict[str, object]]:
    tasks = yaml.safe_load((ANSIBLE / "roles" / "kiosk" / "tasks" / "main.yml").read_text(encoding="utf-8"))
    assert isinstance(tasks, list)
    return tasks


def test_the_playbook_sets_the_pin_from_stdin_and_never_logs_it() -> None:
    (pin,) = [task for task in role_tasks() if "set-pin" in str(task.get("ansible.builtin.command"))]
    command = pin["ansible.builtin.command"]
    assert isinstance(command, dict)
    assert command["argv"][1:] == ["set-pin", "--pin-stdin"]
    assert command["stdin"] == "{{ kiosk_staff_pin }}"
    assert pin["no_log"] is True and pin["become_user"] == "{{ kiosk_user }}"
    (key,) = [task for task in role_tasks() if "id_ed25519" in str(task.get("ansible.builtin.copy"))]
    assert key["no_log"] is True


def test_the_playbook_starts_the_kiosk_the_pull_timer_and_node_exporter() -> None:
    (start,) = [task for task in role_tasks() if "ansible.builtin.systemd_service" in task
                and task.get("loop")]
    assert start["loop"] == ["prometheus-node-exporter.service", "kiosk-content-pull.timer",
                             "cage-kiosk.service"]
    text = (ANSIBLE / "roles" / "kiosk" / "templates" / "screen.yaml.j2").read_text(encoding="utf-8")
    assert "metrics_file: {{ kiosk_metrics_file | to_json }}" in text


def render_defaults(template: str) -> str:
    """Fill a role template's {{ variables }} with the role's defaults (no Jinja needed)."""
    defaults_file = ANSIBLE / "roles" / "kiosk" / "defaults" / "main.yml"
    defaults = yaml.safe_load(defaults_file.read_text(encoding="utf-8"))
    defaults["ansible_managed"] = "managed by Ansible"

    def fill(text: str) -> str:
        for _ in range(5):  # defaults may name other defaults
            text = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda match: str(defaults[match.group(1)]), text)
        return text

    return fill(template)


def test_the_playbooks_kiosk_unit_is_the_documented_one() -> None:
    """With the default paths, the role installs exactly deploy/cage-kiosk.service."""
    rendered = render_defaults(
        (ANSIBLE / "roles" / "kiosk" / "templates" / "cage-kiosk.service.j2").read_text(encoding="utf-8"))
    installed, documented = configparser.ConfigParser(strict=False, interpolation=None), unit(
        REPO / "deploy" / "cage-kiosk.service")
    installed.optionxform = str  # type: ignore[assignment,method-assign]
    installed.read_string(rendered)
    assert {name: dict(installed[name]) for name in installed.sections()} == {
        name: dict(documented[name]) for name in documented.sections()}


def test_the_alert_rules_use_metrics_that_exist() -> None:
    """Every kiosk metric an alert names is written by the kiosk or by the pull script."""
    from kiosk.fleet.metrics import METRIC_NAMES

    rules = yaml.safe_load((FLEET / "prometheus" / "kiosk-alerts.rules.yml").read_text(encoding="utf-8"))
    alerts = [rule for group in rules["groups"] for rule in group["rules"]]
    assert len(alerts) >= 5
    named: set[str] = set()
    for alert in alerts:
        assert alert["alert"] and alert["expr"] and alert["annotations"]["summary"]
        named |= set(re.findall(r"\bkiosk_[a-z_]+\b", alert["expr"]))
    assert named <= set(METRIC_NAMES) | set(PULL_METRICS)
    assert {"kiosk_content_valid", "kiosk_content_pull_consecutive_failures"} <= named
    tests = yaml.safe_load((FLEET / "prometheus" / "kiosk-alerts.test.yml").read_text(encoding="utf-8"))
    assert tests["rule_files"] == ["kiosk-alerts.rules.yml"]


def test_gits_stale_lock_from_a_cut_off_update_is_cleared(setup: Setup) -> None:
    setup.edit_title("After the power cut")
    pushed = commit_and_push(setup.staff, "After", env=setup.env)
    stale = setup.screen / ".git" / "index.lock"
    stale.write_text("")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))

    done = setup.pull()

    assert done.returncode == 0, done.stderr
    assert f"removed git's stale lock files (left by an update that was cut off): {stale}" in done.stderr
    assert setup.head() == pushed and not stale.exists()
    assert (setup.screen / ".git" / "kiosk-content-pull.lock").exists()


def test_a_first_clone_that_fails_leaves_nothing_behind(
    setup: Setup, closed_port: int, tmp_path: Path
) -> None:
    fresh = tmp_path / "srv" / "content"
    fresh.parent.mkdir()
    done = run_pull(fresh, "--clone", f"http://127.0.0.1:{closed_port}/exhibition.git", env=setup.env)
    assert done.returncode == 1
    assert done.stderr.startswith(f"kiosk-content-pull: could not clone http://127.0.0.1:{closed_port}/")
    assert list(fresh.parent.iterdir()) == []


def test_under_systemd_each_line_carries_its_journal_priority(setup: Setup) -> None:
    setup.edit_title("Journal")
    commit_and_push(setup.staff, "Journal", env=setup.env)
    (setup.screen / "exhibition.yaml").write_text("edited on the screen\n", encoding="utf-8")
    environment = {**setup.env, "JOURNAL_STREAM": "8:12345"}
    done = subprocess.run([str(PULL_SCRIPT), str(setup.screen)], env=environment, capture_output=True,
                          text=True, check=False, timeout=120)
    lines = done.stderr.splitlines()
    assert lines[0] == "<4>kiosk-content-pull: discarding local changes on this screen: exhibition.yaml"
    assert lines[1].startswith("<6>kiosk-content-pull: updated content from ")
    git(setup.screen, "remote", "set-url", "origin", str(setup.screen / "nowhere.git"), env=setup.env)
    failed = subprocess.run([str(PULL_SCRIPT), str(setup.screen)], env=environment, capture_output=True,
                            text=True, check=False, timeout=120)
    assert failed.returncode == 1 and failed.stderr.startswith("<3>kiosk-content-pull: could not fetch")
