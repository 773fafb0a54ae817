"""A simulated fleet: three real kiosk processes (offscreen) on this computer, each with its own
copy of one content repository, made and updated by the real pull script (the content path is
a link switched to each new version in one rename; the kiosk follows it).

A good commit reaches every screen; a broken commit reaches none: every kiosk keeps showing the
last good version and reports the broken one in its metrics (kiosk_content_valid 0). A file
copied onto one screen by hand is taken away by the next pull. Every metrics file is read with
the strict Prometheus text-format parser.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fleet_helpers import (
    ContentState,
    Fleet,
    Screen,
    commit_and_push,
    git_env,
    make_content_repo,
    read_metrics,
    value_of,
)
from tests.fleet_helpers import (
    content_state as state_of,
)
from tests.ui_helpers import write_sample_exhibition

SCREENS = 3
TITLE = "Harbour City Exhibition"
BROKEN_YAML = "schema_version: 1\ntitle: {en: Broken hall, zh: 坏\n  languages: [en, zh\n"


@pytest.fixture
def fleet(tmp_path: Path, qapp: object) -> Iterator[tuple[Fleet, Path, str]]:
    """Three kiosks showing the first commit of a small exhibition (pictures drawn with Qt)."""
    env = git_env(tmp_path)
    remote, staff = tmp_path / "exhibition.git", tmp_path / "staff"
    first = make_content_repo(remote, staff, write_sample_exhibition, env)
    fleet = Fleet(tmp_path / "fleet", remote, SCREENS, env)
    try:
        fleet.start()
        yield fleet, staff, first
    finally:
        fleet.stop()


def content_state(screen: Screen) -> ContentState:
    families = screen.metrics()
    assert families is not None
    return state_of(families, screen.name)


def kiosk_status(screen: Screen) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kiosk.cli", "status", "--metrics", str(screen.metrics_file)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def showing(version: str) -> Callable[[Screen, ContentState], bool]:
    def wanted(_screen: Screen, state: ContentState) -> bool:
        return state.shown == version[:12] and state.latest == version[:12] and state.valid == 1 \
            and state.errors == 0 and state.up == 1
    return wanted


def pull_everywhere(fleet: Fleet, commit: str) -> None:
    for result in fleet.pull_all():
        assert result.returncode == 0, result.stderr
        assert f"to {commit[:12]} (fast-forward" in result.stderr, result.stderr


@pytest.mark.slow
def test_good_content_spreads_and_broken_content_is_stopped(fleet: tuple[Fleet, Path, str]) -> None:
    fleet_, staff, first = fleet
    fleet_.wait_until(showing(first), "showed the first version")

    # a good commit: every screen shows it
    exhibition = staff / "exhibition.yaml"
    exhibition.write_text(exhibition.read_text(encoding="utf-8").replace(TITLE, f"{TITLE} 2"),
                          encoding="utf-8")
    good = commit_and_push(staff, "New title", env=fleet_.env)
    pull_everywhere(fleet_, good)
    fleet_.wait_until(showing(good), "showed the good commit")

    # a floor file copied onto one screen by hand: that screen reports it, and the next pull
    # (with nothing new in the repository) takes it away again
    extra = fleet_.screens[0].content / "floors" / "9-extra.yaml"
    extra.write_text("id: extra\nnumber: 9\n", encoding="utf-8")
    fleet_.wait_until(lambda screen, state: state.valid == (0 if screen is fleet_.screens[0] else 1),
                      "reported the extra floor file")
    results = fleet_.pull_all()
    assert all(result.returncode == 0 for result in results), results
    assert "not in the repository: floors/9-extra.yaml" in results[0].stderr, results[0].stderr
    assert all("up to date" in result.stderr for result in results[1:]), results
    fleet_.wait_until(showing(good), "showed the good commit again")
    assert not extra.exists()

    # a broken commit: no screen shows it, every screen reports it
    good_text = exhibition.read_text(encoding="utf-8")
    exhibition.write_text(BROKEN_YAML, encoding="utf-8")
    bad = commit_and_push(staff, "Broken title", env=fleet_.env)
    pull_everywhere(fleet_, bad)
    for screen in fleet_.screens:
        assert (screen.content / "exhibition.yaml").read_text(encoding="utf-8") == BROKEN_YAML

    def reports_broken(_screen: Screen, state: ContentState) -> bool:
        return state.valid == 0 and state.errors > 0 and state.latest == bad[:12]

    fleet_.wait_until(reports_broken, "reported the broken commit")
    for screen in fleet_.screens:
        families = screen.metrics()
        assert families is not None
        state_labels = families["kiosk_content_info"].samples[0][1]
        assert state_labels == {"screen": screen.name, "shown": good[:12], "latest": bad[:12]}
        assert value_of(families, "kiosk_up", screen=screen.name) == 1
        pulled = read_metrics(screen.metrics_dir / "kiosk-content-pull.prom")
        assert value_of(pulled, "kiosk_content_pull_success", screen=screen.name) == 1
        assert not set(pulled) & set(families), "one metric name in two textfiles"
        status = kiosk_status(screen)  # what the technician sees on the screen's computer
        assert status.returncode == 1 and status.stdout.startswith(f"{screen.name}: PROBLEM"), status
        assert f"content folder has {int(value_of(families, 'kiosk_content_errors'))} error(s)" \
            in status.stdout

    # the fix: every screen shows it again
    exhibition.write_text(good_text.replace(f"{TITLE} 2", f"{TITLE} 3"), encoding="utf-8")
    fixed = commit_and_push(staff, "Fixed", env=fleet_.env)
    pull_everywhere(fleet_, fixed)
    fleet_.wait_until(showing(fixed), "showed the fixed commit")
    for screen in fleet_.screens:
        status = kiosk_status(screen)
        assert status.returncode == 0 and status.stdout.startswith(f"{screen.name}: OK"), status


@pytest.mark.slow
def test_a_partly_synced_folder_never_reaches_visitors(tmp_path: Path, qapp: object) -> None:
    """Syncthing writes each file as `.syncthing.NAME.tmp` and renames it when complete, one file
    at a time: the floor may arrive before the picture it names. The kiosk ignores the hidden
    temporary files, reports the half-synced folder as invalid, and shows it only once whole."""
    source = write_sample_exhibition(tmp_path / "source")
    fleet = Fleet(tmp_path / "fleet", tmp_path / "unused.git", 1, git_env(tmp_path), shared_folder=source)
    try:
        fleet.start()
        (screen,) = fleet.screens
        fleet.wait_until(lambda _s, state: state.valid == 1 and state.shown == state.latest != "",
                         "showed the shared folder")
        before = content_state(screen)

        floor = screen.content / "floors" / "1-port.yaml"
        temporary = floor.with_name(".syncthing.1-port.yaml.tmp")
        temporary.write_text(floor.read_text(encoding="utf-8").replace(
            "cover: media/port.png", "cover: media/port-2.png", 1), encoding="utf-8")
        temporary.rename(floor)  # the floor is complete; its new picture is not there yet

        fleet.wait_until(lambda _s, state: state.valid == 0 and state.latest != before.latest,
                         "reported the half-synced folder")
        half = content_state(screen)
        assert half.shown == before.shown and half.errors >= 1

        picture = screen.content / "media" / ".syncthing.port-2.png.tmp"
        picture.write_bytes((screen.content / "media" / "port.png").read_bytes())
        picture.rename(screen.content / "media" / "port-2.png")

        fleet.wait_until(lambda _s, state: state.valid == 1 and state.shown == state.latest
                         not in (before.latest, half.latest), "showed the whole folder")
    finally:
        fleet.stop()
