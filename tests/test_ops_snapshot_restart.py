"""A restart with unchanged content: the checked copy is shown without reading the content twice,
and only while it still holds every file it was made with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.content.load import LoadResult
from kiosk.ops import kept_check, snapshot
from kiosk.ops.snapshot import load_for_startup
from tests.content_factory import make_content


def counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    loads: list[Path] = []
    real = snapshot.load_exhibition

    def load(root: Path, **options: Any) -> LoadResult:
        loads.append(Path(root))
        return real(root, **options)

    monkeypatch.setattr(snapshot, "load_exhibition", load)
    return loads


def test_a_restart_with_unchanged_content_reads_none_of_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good")
    assert (first.root / kept_check.KEPT_CHECK).is_file()
    loads = counted_loads(monkeypatch)
    again = load_for_startup(content, tmp_path / "last-good")
    assert again.root == first.root and not again.from_snapshot
    assert again.shown.exhibition == first.shown.exhibition
    assert again.current.problems == first.current.problems
    assert loads == [], "the kept check of the unchanged content is used: nothing is read again"


def test_the_kept_check_holds_only_for_the_same_content_code_and_media_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good")
    loads = counted_loads(monkeypatch)
    with (content / "exhibition.yaml").open("a", encoding="utf-8") as edited:
        edited.write("# an edit\n")
    load_for_startup(content, tmp_path / "last-good")
    assert loads[0] == content, "edited content is checked again (and its new copy)"
    loads.clear()
    load_for_startup(content, tmp_path / "last-good")
    assert loads == [], "and that check is kept in turn"
    monkeypatch.setattr(kept_check, "code_stamp", lambda: "another kiosk version")
    load_for_startup(content, tmp_path / "last-good")
    assert loads == [content], "a kiosk with other content code checks again"
    monkeypatch.undo()
    load_for_startup(content, tmp_path / "last-good")  # this kiosk's code keeps its own check again
    loads = counted_loads(monkeypatch)
    current = snapshot.current_copy(tmp_path / "last-good")
    assert current is not None and current != first.root
    kept = current / kept_check.KEPT_CHECK
    # a check without the films' and sounds' streams does not stand for one with them
    fingerprint = snapshot.fingerprint(content)
    result = kept_check.read(current, fingerprint, probed=True)
    assert result is not None
    kept_check.write(current, fingerprint, result, probed=False)
    assert kept_check.read(current, fingerprint, probed=True) is None
    assert kept_check.read(current, fingerprint, probed=False) is not None
    kept.write_bytes(b"not a kept check at all")
    again = load_for_startup(content, tmp_path / "last-good")
    assert loads == [content] and again.shown.exhibition is not None, "a damaged file means a new check"


def test_a_copy_with_a_file_gone_is_not_shown_again(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good")
    (first.root / "media" / "film.en.vtt").unlink()
    again = load_for_startup(content, tmp_path / "last-good")
    assert again.root != first.root and (again.root / "media" / "film.en.vtt").is_file()
