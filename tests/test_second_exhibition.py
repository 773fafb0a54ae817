"""An exhibition the bundled one did not shape (English and Japanese, all eleven exhibit types):
it checks clean, and every part of every screen passes the audit in both languages."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.load import load_exhibition
from kiosk.render import command
from tests.japanese_content import write_japanese_exhibition


@pytest.fixture(scope="module")
def japanese_root(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Path:
    return write_japanese_exhibition(tmp_path_factory.mktemp("ja") / "content")


def test_the_second_exhibition_checks_clean_with_every_exhibit_type(japanese_root: Path) -> None:
    result = load_exhibition(japanese_root)
    assert [str(problem) for problem in result.problems] == []
    assert result.exhibition is not None
    exhibits = [exhibit for floor in result.exhibition.floors for section in floor.sections
                for exhibit in section.exhibits]
    assert len(exhibits) == 20
    assert len({exhibit.type for exhibit in exhibits}) == 11
    assert result.exhibition.settings.default_language == "ja"


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_screen_of_the_second_exhibition_passes_the_audit(
    japanese_root: Path, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = argparse.Namespace(dir=japanese_root, out=tmp_path, size=(1920, 1080), lang=language,
                              mode=[], check=True)
    status = command.main(args)
    output = capsys.readouterr().out
    assert status == 0, output
    assert "every screen passes" in output
    assert (tmp_path / "exhibit-bay-map.png").is_file()
