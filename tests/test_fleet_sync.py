"""The content pull script (deploy/fleet/kiosk-content-pull) against real git repositories.

Each test makes a bare repository (the exhibition's central copy, as on a NAS or a git host), a
staff clone that edits and pushes, and a screen whose content path the real script made on its
first run: a link to one folder per version, switched in one rename.
"""

from __future__ import annotations

import fcntl
import os
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.content_factory import make_content
from tests.fleet_helpers import (
    PULL_METRICS,
    PULL_SCRIPT,
    MetricsFormatError,
    commit_and_push,
    git,
    git_env,
    labels_of,
    parse_metrics,
    read_metrics,
    run_pull,
    value_of,
)
from tests.pull_helpers import Setup, make_setup, tree


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return make_setup(tmp_path)


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
    lock = setup.store / "kiosk-content-pull.lock"
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
    lock = setup.store / "kiosk-content-pull.lock"
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


@pytest.mark.parametrize("odd_name", ['Hall "A" \\ level 2', 'two\nlines "x" \\ {a="b"} 5\n'])
def test_metrics_are_valid_prometheus_text(setup: Setup, odd_name: str) -> None:
    """Any screen name, even with quotes, backslashes, braces and line breaks, gives a file the
    strict parser reads back to the same name, run after run (the counters carry on)."""
    path = setup.metrics / "kiosk-content-pull.prom"
    setup.edit_title("Odd names")
    pushed = commit_and_push(setup.staff, "Odd names", env=setup.env)
    assert setup.pull(screen=odd_name).returncode == 0
    text = path.read_text(encoding="utf-8")
    metrics = parse_metrics(text)

    assert sorted(metrics) == sorted(PULL_METRICS)
    for family in metrics.values():
        assert family.help and family.type in ("gauge", "counter")
        assert [labels["screen"] for _, labels, _ in family.samples] == [odd_name]
    assert value_of(metrics, "kiosk_content_pull_success") == 1
    assert value_of(metrics, "kiosk_content_pull_failures_total") == 0
    assert value_of(metrics, "kiosk_content_pull_updates_total") == 1
    succeeded = value_of(metrics, "kiosk_content_pull_last_success_timestamp_seconds")
    assert succeeded > 1.7e9
    assert labels_of(metrics, "kiosk_content_pull_info") == {
        "screen": odd_name, "commit": pushed[:12], "branch": "main"}
    assert [p.name for p in setup.metrics.iterdir()] == ["kiosk-content-pull.prom"]
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)

    git(setup.screen, "remote", "set-url", "origin", str(setup.screen.parent / "gone.git"), env=setup.env)
    assert setup.pull(screen=odd_name).returncode == 1
    metrics = read_metrics(path)
    assert value_of(metrics, "kiosk_content_pull_updates_total", screen=odd_name) == 1
    assert value_of(metrics, "kiosk_content_pull_failures_total", screen=odd_name) == 1
    assert value_of(metrics, "kiosk_content_pull_consecutive_failures", screen=odd_name) == 1
    assert value_of(metrics, "kiosk_content_pull_last_success_timestamp_seconds") == succeeded


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
    assert sorted(path.name for path in fresh.parent.iterdir()) == ["content", "content.store"]
    assert fresh.is_symlink() and not os.path.isabs(os.readlink(fresh)), "a relative link"
    assert [path.name for path in (fresh.parent / "content.store" / "versions").iterdir()] == [
        fresh.resolve().name]


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


def test_gits_lock_files_from_a_cut_off_update_are_cleared_at_once(setup: Setup) -> None:
    """A fetch or a checkout cut off by a power cut leaves git's lock files behind; under the
    script's own lock nothing else works in the store, so they go at once, however new."""
    setup.edit_title("After the power cut")
    pushed = commit_and_push(setup.staff, "After", env=setup.env)
    repository = setup.store / "repo.git"
    stale = [repository / "refs" / "remotes" / "origin" / "main.lock",
             repository / "worktrees" / setup.shown_folder().name / "index.lock",
             repository / "packed-refs.lock"]
    for lock in stale:
        lock.write_text("")

    done = setup.pull()

    assert done.returncode == 0, done.stderr
    assert "removed git's stale lock files (left by an update that was cut off): " in done.stderr
    assert all(str(lock) in done.stderr and not lock.exists() for lock in stale), done.stderr
    assert setup.head() == pushed
    assert (setup.store / "kiosk-content-pull.lock").exists(), "the script's own lock stays"


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
