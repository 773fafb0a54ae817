"""The last good copy: an independent copy of only what the content names, made without following
links or reading stray files, that a restart falls back to whatever happens to the live folder."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.content.load import load_exhibition
from kiosk.content.version import content_version
from kiosk.ops import snapshot
from kiosk.ops.snapshot import default_snapshot_dir, load_for_startup
from tests.content_factory import ATTRACT_MEDIA, EXHIBITION, FLOOR, TINY_PNG, make_content

REPO = Path(__file__).resolve().parent.parent
BROKEN_FLOOR = FLOOR.replace("number: 1", "number: one")
NOBODY = 65534


class PanicException(BaseException):
    """What pydantic-core raises when its Rust code panics (pyo3_runtime.PanicException)."""


def files_below(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")}


def test_start_up_shows_the_content_from_its_checked_copy(tmp_path: Path) -> None:
    from kiosk.ops.content_files import referenced_files

    content = make_content(tmp_path / "content")
    (content / "notes.md").write_text("ideas for the next exhibition\n")
    (content / "media" / "unused.png").write_bytes(TINY_PNG)
    started = load_for_startup(content, tmp_path / "last-good")
    assert started.shown.exhibition is not None and not started.from_snapshot
    copy = started.root
    assert copy.parent == tmp_path / "last-good" and copy == (tmp_path / "last-good" / "current").resolve()
    names = referenced_files(load_exhibition(content), content)
    assert set(files_below(copy)) == set(names), "only the files the content names are copied"
    assert {"exhibition.yaml", "floors/1-ground.yaml", "media/film.en.vtt", "media/a.png"} <= set(names)
    for relative in names:
        assert (copy / relative).read_bytes() == (content / relative).read_bytes()
        assert (copy / relative).stat().st_ino != (content / relative).stat().st_ino, "a copy, not a link"
    assert content_version(copy) == content_version(content), "monitoring sees the version it came from"


def test_an_in_place_write_after_a_good_copy_leaves_the_copy_intact(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good")
    with (content / "media" / "a.png").open("r+b") as picture:  # truncated where it lies
        picture.truncate(0)
    (content / "floors" / "1-ground.yaml").write_text(BROKEN_FLOOR)
    again = load_for_startup(content, tmp_path / "last-good")
    assert again.current.has_errors
    assert again.from_snapshot and again.shown.exhibition is not None, "not 'Back soon'"
    assert again.root == first.root
    assert (again.root / "media" / "a.png").read_bytes() == TINY_PNG


def test_unchanged_files_are_shared_between_copies_never_with_the_live_folder(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good").root
    first_map = (first / "media" / "map.png").stat().st_ino
    for path in [path for path in content.rglob("*") if path.is_file()]:  # a pull writes every file anew
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
    (content / "exhibition.yaml").write_text(EXHIBITION.replace("Test Hall", "Pulled Hall"))
    second = load_for_startup(content, tmp_path / "last-good").root
    assert second != first and not first.exists(), "the copy no longer shown is deleted"
    assert (second / "media" / "map.png").stat().st_ino == first_map, "the same bytes are not copied again"
    assert (second / "media" / "map.png").stat().st_ino != (content / "media" / "map.png").stat().st_ino
    assert "Pulled Hall" in (second / "exhibition.yaml").read_text()


def test_a_link_to_a_file_outside_the_folder_is_neither_copied_nor_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "outside" / "shadow"
    secret.parent.mkdir()
    secret.write_bytes(b"root:$6$secret-hash:19000:0:99999:7:::\n")
    content = make_content(tmp_path / "content")
    (content / "media" / "shadow.png").symlink_to(secret)
    (content / "notes.yaml").symlink_to(secret)
    opened: list[Path] = []
    real_os_open, real_open = os.open, open

    def os_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(path, (str, Path)):
            opened.append(Path(path))
        return real_os_open(path, *args, **kwargs)

    def builtin_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(path, (str, Path)):
            opened.append(Path(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr("builtins.open", builtin_open)
    monkeypatch.setattr(io, "open", builtin_open)
    started = load_for_startup(content, tmp_path / "last-good")
    monkeypatch.undo()
    assert started.shown.exhibition is not None
    assert not any(path.name in ("shadow.png", "notes.yaml", "shadow") for path in opened), opened
    copied = files_below(tmp_path / "last-good")
    assert not any(b"secret-hash" in data for data in copied.values())
    assert secret.stat().st_nlink == 1, "not linked into the copy either"


def test_a_linked_media_file_is_reported_and_never_shown(tmp_path: Path) -> None:
    from kiosk.ops.snapshot import check_and_copy

    content = make_content(tmp_path / "content")
    good = load_for_startup(content, tmp_path / "last-good")
    (content / "media" / "map.png").unlink()
    (content / "media" / "map.png").symlink_to(content / "media" / "a.png")
    (content / "shots").symlink_to(content / "media")  # a linked folder inside the content folder
    linked_media = ATTRACT_MEDIA.replace("media/a.png", "shots/a.png")
    attract_through_the_link = EXHIBITION.replace(ATTRACT_MEDIA, linked_media)
    (content / "exhibition.yaml").write_text(attract_through_the_link)
    checked = check_and_copy(content, tmp_path / "last-good")
    assert checked.root is None and checked.result.exhibition is None
    assert [(problem.path, "link" in problem.message) for problem in checked.result.errors] == [
        ("content/media/map.png", True), ("content/shots/a.png", True)]
    assert (tmp_path / "last-good" / "current").resolve() == good.root


def test_a_damaged_picture_is_an_error_and_the_copy_keeps_the_good_one(tmp_path: Path) -> None:
    from kiosk.ops.snapshot import check_and_copy

    content = make_content(tmp_path / "content")
    good = load_for_startup(content, tmp_path / "last-good")
    (content / "media" / "a.png").write_bytes(b"\x00" + random.Random(7).randbytes(len(TINY_PNG)))
    checked = check_and_copy(content, tmp_path / "last-good")
    assert checked.root is None
    (problem,) = checked.result.errors
    assert problem.path == "content/exhibition.yaml" and "'media/a.png' is not a picture" in problem.message
    assert (tmp_path / "last-good" / "current").resolve() == good.root
    assert (good.root / "media" / "a.png").read_bytes() == TINY_PNG


BIG_STRAY = """
import json, sys
from pathlib import Path
from kiosk.ops.snapshot import load_for_startup
started = load_for_startup(Path(sys.argv[1]), Path(sys.argv[2]))
peak = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:"))
print(json.dumps({"shown": started.shown.exhibition is not None, "peak_rss_mb": int(peak.split()[1]) / 1024}))
"""


def test_a_big_stray_file_is_neither_read_nor_copied(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    for stray in (content / "backup" / "disk.img", content / "export.txt"):
        stray.parent.mkdir(exist_ok=True)
        with stray.open("wb") as file:
            file.truncate(1536 * 1024 * 1024)  # 1.5 GB that takes no disk space
    outcome = subprocess.run(
        [sys.executable, "-c", BIG_STRAY, str(content), str(tmp_path / "last-good")],
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert outcome.returncode == 0, outcome.stderr
    report = json.loads(outcome.stdout)
    assert report["shown"]
    assert report["peak_rss_mb"] < 300, report
    copied = [path for path in (tmp_path / "last-good").rglob("*") if path.is_file()]
    assert not any(path.name in ("disk.img", "export.txt") for path in copied)
    assert sum(path.stat().st_size for path in copied) < 1024 * 1024


def test_a_panic_while_reading_the_content_at_start_up_shows_the_last_good_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content")
    good = load_for_startup(content, tmp_path / "last-good")
    real_load = snapshot.load_exhibition

    def panic_on_the_live_folder(root: Path, **options):  # type: ignore[no-untyped-def]
        if Path(root) == content:
            raise PanicException("called `Option::unwrap()` on a `None` value")
        return real_load(root, **options)

    monkeypatch.setattr(snapshot, "load_exhibition", panic_on_the_live_folder)
    with (content / "exhibition.yaml").open("a", encoding="utf-8") as edited:
        edited.write("# edited since the last check: the folder is read again\n")
    started = load_for_startup(content, tmp_path / "last-good")
    assert started.from_snapshot and started.shown.exhibition is not None
    assert started.root == good.root
    (problem,) = started.current.problems
    assert "could not be read" in problem.message and "unwrap" in problem.message


STARTUP_AS_NOBODY = """
import json, os, sys
from pathlib import Path
from kiosk.content.load import load_exhibition
from kiosk.ops.snapshot import load_for_startup
if os.geteuid() == 0:  # root may read anything: continue as an ordinary user, like a kiosk account
    load_exhibition(Path(sys.argv[1]))  # first import, as root, what the standard library loads late
    os.setegid(65534)
    os.seteuid(65534)
started = load_for_startup(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"from_snapshot": started.from_snapshot, "shown": started.shown.exhibition is not None,
                  "root": str(started.root), "problems": [p.format() for p in started.current.problems]}))
"""


def start_as_nobody(content: Path, last_good: Path) -> dict[str, object]:
    outcome = subprocess.run(
        [sys.executable, "-c", STARTUP_AS_NOBODY, str(content), str(last_good)],
        capture_output=True, text=True, cwd="/", check=False, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert outcome.returncode == 0, outcome.stderr
    report: dict[str, object] = json.loads(outcome.stdout)
    return report


def test_an_unreadable_floors_folder_at_start_up_shows_the_last_good_copy() -> None:
    with tempfile.TemporaryDirectory() as base:
        os.chmod(base, 0o755)
        content = make_content(Path(base) / "content")
        state = Path(base) / "state"
        state.mkdir()
        os.chown(state, NOBODY, NOBODY)
        first = start_as_nobody(content, state / "last-good")
        assert first["shown"] and not first["from_snapshot"]
        (content / "floors").chmod(0o000)
        try:
            again = start_as_nobody(content, state / "last-good")
        finally:
            (content / "floors").chmod(0o755)
        assert again["from_snapshot"] and again["shown"], again
        assert again["root"] == first["root"]
        assert again["problems"], "staff still see why the live folder is not shown"


def test_a_content_link_switched_to_a_broken_pull_starts_from_the_last_good_copy(tmp_path: Path) -> None:
    good = make_content(tmp_path / "releases" / "a")
    broken = make_content(tmp_path / "releases" / "b", floor=BROKEN_FLOOR)
    link = tmp_path / "content"
    link.symlink_to(good)
    named = default_snapshot_dir(link)
    first = load_for_startup(link)
    assert first.root.parent == named
    switch = tmp_path / "content.new"
    switch.symlink_to(broken)
    switch.replace(link)
    assert default_snapshot_dir(link) == named, "one last good copy for the folder, whatever pull it shows"
    again = load_for_startup(link)
    assert again.from_snapshot and again.shown.exhibition is not None and again.root == first.root
