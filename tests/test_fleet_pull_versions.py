"""The content pull is all or nothing: each version is checked out into a folder of its own and
the content link is switched in one rename. A pull killed in the middle leaves the screen on a
whole version and the next pull goes ahead at once; files that are not in the repository go
(and are named), files the repository ignores (films shared by Syncthing) stay; old versions
go, the one before stays; an older screen's plain clone moves to this layout by itself."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.fleet_helpers import PULL_SCRIPT, Inotify, commit_and_push, git, run_pull
from tests.pull_helpers import Setup, assert_whole_version, make_setup, tree


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return make_setup(tmp_path)


def push_many_files(setup: Setup, count: int) -> str:
    notes = setup.staff / "notes"
    notes.mkdir()
    for number in range(count):
        (notes / f"{number:04}.txt").write_text(f"Note {number}\n" * 40, encoding="utf-8")
    return commit_and_push(setup.staff, f"{count} notes", env=setup.env)


def kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL to the pull and every git it started (as a power cut or systemd's kill would),
    then wait (woken by pidfds, within a deadline) until none of them runs any more."""
    group = process.pid
    os.killpg(group, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 30
    while True:
        members = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                members.append(int(stat.parent.name))
        if not members:
            return
        assert time.monotonic() < deadline, f"processes {members} outlived SIGKILL"
        descriptors = []
        for pid in members:
            try:
                descriptors.append(os.pidfd_open(pid))
            except ProcessLookupError:
                continue
        try:
            select.select(descriptors, [], [], max(0.0, deadline - time.monotonic()))
        finally:
            for descriptor in descriptors:
                os.close(descriptor)


def pull_until_files_appear(setup: Setup, watch: Inotify) -> Path | None:
    """Start a pull and kill it once the new version's first files appear; the half-made
    version folder, or None when the check-out finished before the kill."""
    known = {path.name for path in setup.versions.iterdir()}
    command = [str(PULL_SCRIPT), str(setup.screen)]
    environment = {key: value for key, value in setup.env.items() if key != "JOURNAL_STREAM"}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    watched: set[Path] = set()
    deadline = time.monotonic() + 60
    try:
        while process.poll() is None:
            for folder in setup.versions.iterdir():
                if folder.name in known:
                    continue
                if folder not in watched:
                    watch.watch(folder)
                    watched.add(folder)
                if any(entry.name != ".git" for entry in folder.iterdir()):
                    kill_group(process)
                    return folder
            assert time.monotonic() < deadline, "the pull never began its check-out"
            select.select([watch.fd], [], [], 0.05)
            watch.drain()
    finally:
        if process.poll() is None:
            kill_group(process)
    return None


@pytest.mark.slow
def test_a_pull_killed_mid_checkout_leaves_a_whole_version_and_the_next_pull_goes_ahead(
    setup: Setup
) -> None:
    old = push_many_files(setup, 1500)
    assert setup.pull().returncode == 0 and setup.head() == old
    watch = Inotify()
    try:
        watch.watch(setup.versions)
        half_made = None
        for attempt in range(5):  # a fast computer may finish a check-out before the kill lands
            setup.edit_title(f"Attempt {attempt}")  # one file changed: each version is a whole check-out
            new = commit_and_push(setup.staff, f"Attempt {attempt}", env=setup.env)
            half_made = pull_until_files_appear(setup, watch)
            assert_whole_version(setup, (old, new))
            if half_made is not None:
                break
            old = setup.head()
    finally:
        watch.close()
    assert half_made is not None, "no pull was caught in the middle of its check-out"
    assert len(list(half_made.rglob("*.txt"))) < 1500, "the kill came in the middle"
    assert setup.head() == old, "the link still leads to the version before"

    # a fetch cut off at the same moment would leave this one
    (setup.store / "repo.git" / "refs" / "remotes" / "origin" / "main.lock").write_text("")
    done = setup.pull()

    assert done.returncode == 0, done.stderr
    assert "removed git's stale lock files" in done.stderr
    assert f"removed content versions left half-made by an update that was cut off: {half_made.name}" \
        in done.stderr
    assert assert_whole_version(setup, (new,)) == new
    assert not half_made.exists()


def test_old_versions_go_and_the_one_before_stays(setup: Setup) -> None:
    exhibition = setup.staff / "exhibition.yaml"
    original = exhibition.read_text(encoding="utf-8")
    shown = [setup.shown_folder()]
    for number in range(3):
        exhibition.write_text(original.replace("Test Hall", f"Hall {number}", 1), encoding="utf-8")
        commit_and_push(setup.staff, f"Version {number}", env=setup.env)
        assert setup.pull().returncode == 0
        shown.append(setup.shown_folder())
    assert sorted(setup.versions.iterdir()) == sorted(shown[-2:])
    assert (setup.store / "previous").resolve() == shown[-2]
    worktrees = git(setup.screen, "worktree", "list", "--porcelain", env=setup.env)
    assert worktrees.count("worktree ") == 3, worktrees  # the repository and the two versions


def test_files_not_in_the_repository_go_and_ignored_media_stay(setup: Setup) -> None:
    """Films shared by Syncthing in a folder the repository ignores stay; anything else that is
    not in the repository (an extra floor file copied onto the screen) goes, and is named."""
    (setup.staff / ".gitignore").write_text("/media/films/\n", encoding="utf-8")
    with_ignore = commit_and_push(setup.staff, "Films come by Syncthing", env=setup.env)
    assert setup.pull().returncode == 0 and setup.head() == with_ignore
    films = setup.screen / "media" / "films"
    (films / ".stfolder").mkdir(parents=True)
    (films / "harbour.mp4").write_bytes(b"film" * 1000)
    extra = setup.screen / "floors" / "9-extra.yaml"
    extra.write_text("id: extra\nnumber: 9\n", encoding="utf-8")

    done = setup.pull()  # nothing new in the repository

    assert done.returncode == 0, done.stderr
    assert "removing files on this screen that are not in the repository: floors/9-extra.yaml" \
        in done.stderr
    assert not extra.exists()
    assert (films / "harbour.mp4").read_bytes() == b"film" * 1000
    assert (films / ".stfolder").is_dir()
    assert "up to date" in setup.pull().stderr

    setup.edit_title("With films")
    pushed = commit_and_push(setup.staff, "New title", env=setup.env)
    assert setup.pull().returncode == 0 and setup.head() == pushed
    assert (films / "harbour.mp4").read_bytes() == b"film" * 1000
    ignored = git(setup.screen, "status", "--porcelain", "--ignored", env=setup.env)
    assert ignored == "!! media/films/"


def test_a_screen_with_a_plain_clone_moves_to_the_link(setup: Setup, tmp_path: Path) -> None:
    """Screens set up by the older pull script have a plain git clone as their content folder."""
    older = tmp_path / "older" / "content"
    git(tmp_path, "clone", "--quiet", str(setup.remote), str(older), env=setup.env)
    setup.edit_title("Moved")
    pushed = commit_and_push(setup.staff, "Moved", env=setup.env)

    done = run_pull(older, env=setup.env)

    assert done.returncode == 0, done.stderr
    assert f"moved {older} to one folder per version in {older}.store; it is now a link" in done.stderr
    assert older.is_symlink() and git(older, "rev-parse", "HEAD", env=setup.env) == pushed
    assert tree(older) == tree(setup.staff)
    (kept,) = [path for path in (older.parent / "content.store" / "versions").iterdir()
               if path.name.endswith("-clone")]
    assert (kept / ".git").is_dir() and (older.parent / "content.store" / "previous").resolve() == kept
    assert git(older, "remote", "get-url", "origin", env=setup.env) == str(setup.remote)
    assert "up to date" in run_pull(older, env=setup.env).stderr
