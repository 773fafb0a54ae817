"""A restart with unchanged content: the checked copy is shown without reading the content twice,
and only while it still holds every file it was made with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.content.load import LoadResult
from kiosk.ops import snapshot
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


def test_a_restart_with_unchanged_content_reads_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good")
    loads = counted_loads(monkeypatch)
    again = load_for_startup(content, tmp_path / "last-good")
    assert again.root == first.root and not again.from_snapshot
    assert again.shown.exhibition == first.shown.exhibition
    assert loads == [content], "the content is checked once, and its copy is not read again"


def test_a_copy_with_a_file_gone_is_not_shown_again(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    first = load_for_startup(content, tmp_path / "last-good")
    (first.root / "media" / "film.en.vtt").unlink()
    again = load_for_startup(content, tmp_path / "last-good")
    assert again.root != first.root and (again.root / "media" / "film.en.vtt").is_file()
