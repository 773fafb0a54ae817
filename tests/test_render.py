"""The `kiosk render` and `kiosk run` commands: pictures of every screen, and a calm start."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from kiosk.app import render, run
from tests.ui_helpers import write_sample_exhibition

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_exhibition(tmp_path_factory.mktemp("sample"))


def render_args(root: Path, out: Path, **extra: Any) -> argparse.Namespace:
    return argparse.Namespace(dir=root, out=out, size=extra.get("size", (1920, 1080)),
                              lang=extra.get("lang"))


@pytest.mark.slow
def test_render_writes_every_screen_and_a_contact_sheet(
    qapp: Any, sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert render.main(render_args(sample_root, tmp_path, lang="zh")) == 0
    names = sorted(path.name for path in tmp_path.glob("*.png"))
    assert names[:2] == ["00-attract.png", "01-home.png"]
    assert {"floor-port.png", "floor-green.png", "section-old-harbour.png", "section-coast.png",
            "exhibit-harbour-story.png", "exhibit-coast-map.png"} <= set(names)
    assert len(names) == 2 + 2 + 3 + 6  # attract, home, floors, sections, exhibits
    picture = QImage(str(tmp_path / "01-home.png"))
    assert (picture.width(), picture.height()) == (1920, 1080)
    sheet = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert sheet.count("<figure>") == len(names)
    assert 'href="exhibit-coast-map.png"' in sheet
    assert "港城规划展" in sheet  # the contact sheet is titled in the rendered language
    assert "wrote 13 screens" in capsys.readouterr().out


def test_render_refuses_content_with_errors(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "exhibition.yaml").write_text("schema_version: 1\ntitel: Oops\n", encoding="utf-8")
    assert render.main(render_args(tmp_path, tmp_path / "out")) == 1
    errors = capsys.readouterr().err
    assert "exhibition.yaml:" in errors and "error:" in errors


def test_render_refuses_an_unknown_language(
    qapp: Any, sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert render.main(render_args(sample_root, tmp_path, lang="fr")) == 2
    assert "not one of this exhibition's languages (en, zh)" in capsys.readouterr().err


def test_the_contact_sheet_marks_screens_still_loading() -> None:
    shot = render.Shot("01-home.png", "Home & more", ("home", ""))
    sheet = render.contact_sheet("Title", [(shot, False)], (1080, 1920))
    assert "Home &amp; more" in sheet and "still loading" in sheet and "1080 / 1920" in sheet


def test_run_knows_when_there_is_no_display() -> None:
    assert not run.has_display({})
    assert run.has_display({"DISPLAY": ":0"})
    assert run.has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert run.has_display({"QT_QPA_PLATFORM": "offscreen"})


def test_run_without_a_display_says_so_in_one_sentence(sample_root: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "kiosk.cli", "run", str(sample_root)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == run.NO_DISPLAY
    assert "kiosk render" in run.NO_DISPLAY and "xvfb-run" in run.NO_DISPLAY


def test_run_prints_content_errors_like_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "exhibition.yaml").write_text("schema_version: 1\ntitel: Oops\n", encoding="utf-8")
    assert run.load_content(tmp_path) is None
    errors = capsys.readouterr().err
    assert f"{tmp_path.name}/exhibition.yaml:2:1: error:" in errors or "exhibition.yaml:2" in errors
    assert "Back soon" in errors


def test_run_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(dir=tmp_path / "nowhere", windowed=True, screen=0, size=None)
    assert run.main(args) == 2
    assert "is not a folder" in capsys.readouterr().err
