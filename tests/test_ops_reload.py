"""Live reload: good edits show up on the attract loop, bad edits change nothing on screen."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from kiosk.ops.snapshot import fingerprint
from tests.content_factory import line_of
from tests.content_factory import make_content as make_small_content
from tests.ops_helpers import QUIET_MEDIA, SHORT, running_kiosk, visit
from tests.ui_helpers import EXHIBITION_YAML, FLOOR_ONE, write_sample_exhibition

pytestmark = QUIET_MEDIA


TITLE = "Harbour City Exhibition"


def make_content(root: Path) -> Path:
    return write_sample_exhibition(root)


def retitle(content: Path, title: str) -> None:
    text = EXHIBITION_YAML.replace(TITLE, title)
    (content / "exhibition.yaml").write_text(text, encoding="utf-8")


def test_a_good_edit_is_swapped_in_on_the_attract_loop(qtbot, tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        assert kiosk.navigator.property("title") == TITLE
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            retitle(content, "New Hall")
        assert kiosk.navigator.property("title") == "New Hall"
        assert ops.staff.property("contentValid")
        assert ops.staff.property("lastReload") != ""
        copy = kiosk.navigator.content_root
        assert copy == (tmp_path / "last-good" / "current").resolve(), "shown from the checked copy"
        assert copy.name.startswith(fingerprint(content))
        assert "New Hall" in (copy / "exhibition.yaml").read_text(encoding="utf-8")


def test_a_bad_edit_keeps_the_current_exhibition_and_lists_the_errors(qtbot, tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        bad = FLOOR_ONE.replace("number: 1", "number: one")
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000) as checked:
            (content / "floors" / "1-port.yaml").write_text(bad, encoding="utf-8")
        assert checked.args[0].has_errors
        assert kiosk.navigator.property("title") == TITLE
        assert kiosk.navigator.property("available")
        assert not ops.staff.property("contentValid")
        assert ops.staff.property("lastReload").endswith(": had errors, the previous content stays")
        errors = ops.staff.property("contentErrors")
        assert any(f"1-port.yaml:{line_of(bad, 'number: one')}:" in error for error in errors), errors
        assert not (tmp_path / "last-good").exists(), "a bad edit never becomes the last good content"


def test_the_swap_waits_while_a_visitor_is_active(qtbot, tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        visit(kiosk, ops, lambda: kiosk.navigator.touch(), lambda: kiosk.navigator.openFloor("port"))
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000):
            retitle(content, "Later Hall")
        assert kiosk.navigator.property("title") == TITLE, "not while a visitor is looking"
        assert kiosk.navigator.property("screen") == "floor"
        with qtbot.waitSignal(ops.reloader.swapped, timeout=1000):
            kiosk.navigator.resetToAttract()
        assert kiosk.navigator.property("title") == "Later Hall"


def test_new_files_and_replaced_files_are_watched(qtbot, tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000):
            (content / "media" / "extra").mkdir()
        assert str(content / "media" / "extra") in ops.reloader._watcher.directories()
        # an editor that saves by writing a new file and renaming it over the old one
        replacement = content / "exhibition.yaml.new"
        replacement.write_text(EXHIBITION_YAML.replace(TITLE, "Renamed Hall"), encoding="utf-8")
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            replacement.replace(content / "exhibition.yaml")
        assert kiosk.navigator.property("title") == "Renamed Hall"
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            retitle(content, "Twice Edited Hall")
        assert kiosk.navigator.property("title") == "Twice Edited Hall"


def test_staff_reload_now_checks_the_content(qtbot, tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    with running_kiosk(content, tmp_path) as (_kiosk, ops):
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000) as checked:
            ops.staff.reloadNow()
        assert not checked.args[0].has_errors


def test_started_from_the_snapshot_then_fixed_content_takes_over(qtbot, tmp_path: Path) -> None:
    from kiosk.app.screens import KioskWindow
    from kiosk.composition import Startup, assemble
    from kiosk.content.load import load_exhibition
    from kiosk.ops.snapshot import load_for_startup, save_snapshot

    content = make_content(tmp_path / "content")
    snapshot = tmp_path / "last-good"
    first = save_snapshot(content, snapshot).root
    (content / "floors" / "1-port.yaml").write_text(FLOOR_ONE.replace("number: 1", "number: x"))
    startup = load_for_startup(content, snapshot)
    assert startup.from_snapshot and startup.shown.exhibition is not None and startup.root == first
    kiosk = KioskWindow(startup.shown.exhibition, startup.root)
    kiosk.window.show()
    ops = assemble(kiosk, content, kiosk_mode=False, snapshot_dir=snapshot, install_hooks=False,
                   startup=Startup(startup.from_snapshot, startup.current.problems),
                   display_power=lambda on: None)
    try:
        assert ops.staff.property("showingSnapshot")
        assert not ops.staff.property("contentValid")
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            (content / "floors" / "1-port.yaml").write_text(FLOOR_ONE)
        assert not ops.staff.property("showingSnapshot")
        assert ops.staff.property("contentValid")
        fixed = kiosk.navigator.content_root
        assert fixed == first, "the fix restored the last good content: its copy is shown again"
        assert load_exhibition(content).exhibition is not None
    finally:
        ops.close()
        kiosk.close()


def test_a_folder_that_changes_during_the_check_is_checked_again(tmp_path: Path, monkeypatch) -> None:
    """A copy still in progress is never judged, or kept as last good, half-written."""
    from kiosk.ops import snapshot

    content = make_content(tmp_path / "content")
    real_load = snapshot.load_exhibition
    calls: list[Path] = []

    def load_while_a_copy_finishes(root: Path):  # type: ignore[no-untyped-def]
        result = real_load(root)
        if Path(root) == content:  # not the check of the new copy
            calls.append(Path(root))
            if len(calls) == 1:  # the copy lands while the first check reads the folder
                retitle(content, "Copied Hall")
        return result

    monkeypatch.setattr(snapshot, "load_exhibition", load_while_a_copy_finishes)
    checked = snapshot.check_and_copy(content, tmp_path / "last-good")
    assert len(calls) == 2
    result = checked.result
    assert result.exhibition is not None and "Copied Hall" in str(result.exhibition.settings.title)
    current = tmp_path / "last-good" / "current"
    assert "Copied Hall" in (current / "exhibition.yaml").read_text(encoding="utf-8")


def test_a_folder_that_never_settles_is_reported_not_shown(tmp_path: Path, monkeypatch) -> None:
    from kiosk.ops import snapshot

    content = make_content(tmp_path / "content")
    real_load = snapshot.load_exhibition
    count = iter(range(100))

    def load_during_an_endless_copy(root: Path):  # type: ignore[no-untyped-def]
        retitle(content, f"Hall {next(count)}")
        return real_load(root)

    monkeypatch.setattr(snapshot, "load_exhibition", load_during_an_endless_copy)
    result = snapshot.check_and_copy(content, tmp_path / "last-good").result
    assert result.exhibition is None
    (problem,) = result.problems
    assert "kept changing" in problem.message
    assert not (tmp_path / "last-good").exists()


# -- visitors see only checked content ---------------------------------------------------------


@contextmanager
def kiosk_as_started(content: Path, tmp_path: Path) -> Iterator[tuple[Any, Any]]:
    """The kiosk as `kiosk run` starts it (from the checked copy), with its operations."""
    from kiosk.app.screens import KioskWindow
    from kiosk.composition import assemble
    from kiosk.ops.snapshot import load_for_startup

    startup = load_for_startup(content, tmp_path / "last-good")
    assert startup.shown.exhibition is not None
    kiosk = KioskWindow(startup.shown.exhibition, startup.root)
    kiosk.window.show()
    ops = assemble(kiosk, content, kiosk_mode=False, timings=SHORT, snapshot_dir=tmp_path / "last-good",
                   install_hooks=False, display_power=lambda on: None)
    try:
        yield kiosk, ops
    finally:
        ops.close()
        kiosk.close()


def assert_shown_from_the_checked_copy(kiosk: Any, tmp_path: Path, good: dict[str, bytes]) -> None:
    pictures = [Path(QUrl(slide["url"]).toLocalFile()) for slide in kiosk.navigator.property("attractSlides")]
    assert pictures
    for picture in pictures:
        assert picture.is_relative_to(tmp_path / "last-good"), picture
    copy = kiosk.navigator.content_root
    for name, data in good.items():
        assert (copy / "media" / name).read_bytes() == data


def test_random_bytes_over_an_attract_picture_never_reach_the_screen(qtbot, tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    good = {"attract-1.png": (content / "media" / "attract-1.png").read_bytes()}
    with kiosk_as_started(content, tmp_path) as (kiosk, ops):
        assert_shown_from_the_checked_copy(kiosk, tmp_path, good)
        damaged = b"\x00" + random.Random(3).randbytes(len(good["attract-1.png"]))
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000) as checked:
            (content / "media" / "attract-1.png").write_bytes(damaged)
        errors = [problem.format() for problem in checked.args[0].errors]
        assert any("media/attract-1.png" in error and "not a picture" in error for error in errors), errors
        assert_shown_from_the_checked_copy(kiosk, tmp_path, good)


def test_deleted_media_never_reach_the_screen_and_old_copies_go_after_a_swap(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ops import reload

    monkeypatch.setattr(reload, "PRUNE_DELAY_MS", 50)
    content = make_content(tmp_path / "content")
    good = {name: (content / "media" / name).read_bytes() for name in ("attract-1.png", "attract-2.jpg")}
    with kiosk_as_started(content, tmp_path) as (kiosk, ops):
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000) as checked:
            shutil.rmtree(content / "media")
        assert checked.args[0].has_errors
        assert_shown_from_the_checked_copy(kiosk, tmp_path, good)
        before = kiosk.navigator.content_root
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            write_sample_exhibition(content)  # the pictures are back
        after = kiosk.navigator.content_root
        assert after != before and after.parent == before.parent
        qtbot.waitUntil(lambda: not before.exists(), timeout=5000)
        assert after.is_dir()


# -- a reloader that cannot be stopped ---------------------------------------------------------


CHECK_AS_NOBODY = """
import json, os, sys
from pathlib import Path
from kiosk.content.load import load_exhibition
from kiosk.ops.reload import check_safely
if os.geteuid() == 0:  # root may read anything: continue as an ordinary user, like a kiosk account
    load_exhibition(Path(sys.argv[1]))  # first import, as root, what the standard library loads late
    os.setegid(65534)
    os.seteuid(65534)
result = check_safely(Path(sys.argv[1]), Path(sys.argv[2])).result
print(json.dumps({"valid": result.exhibition is not None, "problems": [p.format() for p in result.problems]}))
"""


def check_as_nobody(unreadable: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as base:
        os.chmod(base, 0o755)
        content = make_small_content(Path(base) / "content")
        (content / "notes.md").write_text("what to change next week\n")
        (content / "drafts").mkdir()
        (content / "drafts" / "idea.yaml").write_text("title: a later floor\n")
        state = Path(base) / "state"
        state.mkdir()
        os.chown(state, 65534, 65534)
        for name in unreadable:
            (content / name).chmod(0o000)
        outcome = subprocess.run(
            [sys.executable, "-c", CHECK_AS_NOBODY, str(content), str(state / "last-good")],
            capture_output=True, text=True, cwd="/", check=False, timeout=120,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
                 "PYTHONDONTWRITEBYTECODE": "1"},
        )
    assert outcome.returncode == 0, outcome.stderr
    report: dict[str, Any] = json.loads(outcome.stdout)
    return report


def test_an_unreadable_file_nobody_uses_does_not_stop_reloads() -> None:
    report = check_as_nobody(["notes.md", "drafts/idea.yaml"])
    assert report == {"valid": True, "problems": []}


def test_an_unreadable_floor_file_is_an_error_at_its_path_not_a_folder_that_kept_changing() -> None:
    report = check_as_nobody(["floors/1-ground.yaml"])
    assert not report["valid"]
    assert not any("kept changing" in problem for problem in report["problems"]), report
    assert any("1-ground.yaml" in problem for problem in report["problems"]), report


def test_a_folder_that_vanishes_while_it_is_listed_is_skipped(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content")
    doomed = content / "media" / "old"
    doomed.mkdir()
    (doomed / "unused.png").write_bytes(b"not used")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        real_scandir = os.scandir

        def vanishing(path: Any = ".") -> Any:  # the folder is deleted between listing and reading it
            if isinstance(path, (str, os.PathLike)) and Path(path) == doomed and doomed.exists():
                shutil.rmtree(doomed)
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", vanishing)
        ops.reloader._on_changed(str(content / "media"))  # the watcher's own call, on the UI thread
        monkeypatch.undo()
        assert not doomed.exists(), "the folder went while it was being listed"
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            retitle(content, "Still Watching Hall")
        assert kiosk.navigator.property("title") == "Still Watching Hall"


class PanicException(BaseException):
    """What pydantic-core raises when its Rust code panics (pyo3_runtime.PanicException)."""


def test_a_panic_inside_a_check_is_reported_and_the_next_edit_is_checked(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ops import snapshot

    content = make_content(tmp_path / "content")
    real_load = snapshot.load_exhibition
    panics = iter([True])

    def load_once_panicking(root: Path, **options):  # type: ignore[no-untyped-def]
        if next(panics, False):
            raise PanicException("called `Option::unwrap()` on a `None` value")
        return real_load(root, **options)

    monkeypatch.setattr(snapshot, "load_exhibition", load_once_panicking)
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000) as checked:
            ops.reloader.reload_now()
        (problem,) = checked.args[0].problems
        assert "PanicException" in problem.message and "unwrap" in problem.message
        assert not ops.reloader._running
        assert kiosk.navigator.property("title") == TITLE
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            retitle(content, "After The Panic")
        assert kiosk.navigator.property("title") == "After The Panic"


def test_a_check_that_exits_its_thread_still_reports_back(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ops import reload

    content = make_content(tmp_path / "content")
    real_check = reload.check_safely
    exits = iter([True])

    def check_once_exiting(*args: Any):  # type: ignore[no-untyped-def]
        if next(exits, False):
            raise SystemExit(3)
        return real_check(*args)

    monkeypatch.setattr(reload, "check_safely", check_once_exiting)
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        with qtbot.waitSignal(ops.reloader.checked, timeout=10_000) as checked:
            ops.reloader.reload_now()
        assert checked.args[0].has_errors and not ops.reloader._running
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            retitle(content, "After The Exit")
        assert kiosk.navigator.property("title") == "After The Exit"


def test_a_content_link_switched_to_a_new_pull_is_followed(qtbot, tmp_path: Path) -> None:
    first = make_content(tmp_path / "releases" / "a")
    second = make_content(tmp_path / "releases" / "b")
    retitle(second, "Pulled Hall")
    link = tmp_path / "content"
    link.symlink_to(first)
    with running_kiosk(link, tmp_path) as (kiosk, ops):
        switch = tmp_path / "content.new"
        switch.symlink_to(second)
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            switch.replace(link)  # how a fleet pull puts a new commit in place
        assert kiosk.navigator.property("title") == "Pulled Hall"
        assert kiosk.navigator.content_root.is_relative_to(tmp_path / "last-good")
