"""Live reload: good edits show up on the attract loop, bad edits change nothing on screen."""

from __future__ import annotations

from pathlib import Path

from kiosk.ops.snapshot import fingerprint
from tests.content_factory import line_of
from tests.ops_helpers import QUIET_MEDIA, running_kiosk, visit
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
        snapshot = tmp_path / "last-good"
        assert (snapshot / ".fingerprint").read_text() == fingerprint(content)
        assert "New Hall" in (snapshot / "exhibition.yaml").read_text(encoding="utf-8")


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
    from kiosk.app.images import PROVIDER_ID
    from kiosk.app.screens import KioskWindow
    from kiosk.content.load import load_exhibition
    from kiosk.ops.operations import Operations, Startup
    from kiosk.ops.snapshot import load_for_startup, save_snapshot

    content = make_content(tmp_path / "content")
    snapshot = save_snapshot(content, tmp_path / "last-good")
    (content / "floors" / "1-port.yaml").write_text(FLOOR_ONE.replace("number: 1", "number: x"))
    startup = load_for_startup(content, snapshot)
    assert startup.from_snapshot and startup.shown.exhibition is not None
    kiosk = KioskWindow(startup.shown.exhibition, startup.root)
    kiosk.window.show()
    ops = Operations(kiosk, content, kiosk_mode=False, snapshot_dir=snapshot, install_hooks=False,
                     startup=Startup(startup.from_snapshot, startup.current.problems),
                     display_power=lambda on: None)
    try:
        assert ops.staff.property("showingSnapshot")
        assert not ops.staff.property("contentValid")
        with qtbot.waitSignal(ops.reloader.swapped, timeout=10_000):
            (content / "floors" / "1-port.yaml").write_text(FLOOR_ONE)
        assert not ops.staff.property("showingSnapshot")
        assert ops.staff.property("contentValid")
        assert kiosk.engine.imageProvider(PROVIDER_ID).root == content.resolve()
        assert load_exhibition(content).exhibition is not None
    finally:
        ops.close()
        kiosk.close()


def test_a_folder_that_changes_during_the_check_is_checked_again(tmp_path: Path, monkeypatch) -> None:
    """A copy still in progress is never judged, or kept as last good, half-written."""
    from kiosk.ops import reload

    content = make_content(tmp_path / "content")
    real_load = reload.load_exhibition
    calls: list[str] = []

    def load_while_a_copy_finishes(root: Path):  # type: ignore[no-untyped-def]
        result = real_load(root)
        calls.append(str(result.exhibition.settings.title) if result.exhibition else "")
        if len(calls) == 1:  # the copy lands while the first check reads the folder
            retitle(content, "Copied Hall")
        return result

    monkeypatch.setattr(reload, "load_exhibition", load_while_a_copy_finishes)
    result = reload.check_when_still(content, tmp_path / "last-good")
    assert len(calls) == 2
    assert result.exhibition is not None and "Copied Hall" in str(result.exhibition.settings.title)
    assert "Copied Hall" in (tmp_path / "last-good" / "exhibition.yaml").read_text(encoding="utf-8")


def test_a_folder_that_never_settles_is_reported_not_shown(tmp_path: Path, monkeypatch) -> None:
    from kiosk.ops import reload

    content = make_content(tmp_path / "content")
    real_load = reload.load_exhibition
    count = iter(range(100))

    def load_during_an_endless_copy(root: Path):  # type: ignore[no-untyped-def]
        retitle(content, f"Hall {next(count)}")
        return real_load(root)

    monkeypatch.setattr(reload, "load_exhibition", load_during_an_endless_copy)
    result = reload.check_when_still(content, tmp_path / "last-good")
    assert result.exhibition is None
    (problem,) = result.problems
    assert "kept changing" in problem.message
    assert not (tmp_path / "last-good").exists()
