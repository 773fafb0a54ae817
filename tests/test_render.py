"""The `kiosk render` and `kiosk run` commands: pictures of every screen, and a calm start."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from kiosk import composition as run
from kiosk.render import command
from kiosk.render.results import contact_sheet
from kiosk.render.shots import Shot, closed_shots, variants
from tests.ui_helpers import draw_picture, write_sample_exhibition

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_exhibition(tmp_path_factory.mktemp("sample"))


def render_args(root: Path, out: Path, **extra: Any) -> argparse.Namespace:
    return argparse.Namespace(dir=root, out=out, size=extra.get("size", (1920, 1080)),
                              lang=extra.get("lang"), mode=extra.get("mode", []),
                              check=extra.get("check", False))


@pytest.mark.slow
def test_render_writes_every_screen_and_a_contact_sheet(
    qapp: Any, sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert command.main(render_args(sample_root, tmp_path, lang="zh")) == 0
    names = sorted(path.name for path in tmp_path.glob("*.png"))
    assert names[:2] == ["00-attract.png", "01-home.png"]
    assert {"floor-port.png", "floor-green.png", "section-old-harbour.png", "section-coast.png",
            "exhibit-harbour-story.png", "exhibit-coast-map.png"} <= set(names)
    screens = [name for name in names if not re.search(r"-\d+\.png$", name)]
    assert len(screens) == 2 + 2 + 3 + 6  # attract, home, floors, sections, exhibits (and later parts)
    picture = QImage(str(tmp_path / "01-home.png"))
    assert (picture.width(), picture.height()) == (1920, 1080)
    sheet = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert sheet.count("<figure>") == len(names)
    assert 'href="exhibit-coast-map.png"' in sheet
    assert "港城规划展" in sheet  # the contact sheet is titled in the rendered language
    assert f"wrote {len(names)} screens" in capsys.readouterr().out


def test_render_refuses_content_with_errors(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "exhibition.yaml").write_text("schema_version: 1\ntitel: Oops\n", encoding="utf-8")
    assert command.main(render_args(tmp_path, tmp_path / "out")) == 1
    errors = capsys.readouterr().err
    assert "exhibition.yaml:" in errors and "error:" in errors


def test_render_refuses_an_unknown_language(
    qapp: Any, sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert command.main(render_args(sample_root, tmp_path, lang="fr")) == 2
    assert "not one of this exhibition's languages (en, zh)" in capsys.readouterr().err


def test_modes_are_read_as_renderings() -> None:
    from kiosk.app.access import MODES

    def names(requested: list[str]) -> list[str]:
        return [variant.name for variant in variants(requested, MODES)]

    assert names([]) == ["default"]
    assert names(["high-contrast", "large-text"]) == ["large-text+high-contrast"]
    assert names(["large-text+high-contrast+reach"]) == ["large-text+high-contrast+reach"]
    assert names(["all"]) == ["default", *MODES]
    assert names(["reach+large-text", "all"])[-1] == "large-text+reach"
    with pytest.raises(ValueError, match="no accessibility mode called 'huge'"):
        variants(["all", "huge"], MODES)


class FakeAudit:
    """Stands in for the audit: records what each screen was checked with, finds one problem."""

    def __init__(self, failing: str | None) -> None:
        self.failing = failing
        self.seen: list[tuple[str, float, list[str], float]] = []

    def __call__(self, kiosk: Any, *, min_contrast: float, reach_top: float | None,
                 screen: str | None = None) -> list[Any]:
        from kiosk.app.access import Access
        from kiosk.render.scene import Finding

        access = Access.for_engine(kiosk.engine)
        exhibit = kiosk.navigator.property("place")["exhibit"]
        self.seen.append((exhibit, min_contrast, list(access.property("modes")),
                          float(kiosk.theme.property("textScale"))))
        if exhibit != self.failing:
            return []
        return [Finding("contrast", "text 'Back'", "3.9:1 < 7:1 (#ffffff on #777777)", 3.9,
                        (10, 10, 80, 40), "HeaderButton.qml")]


@pytest.mark.slow
def test_render_check_audits_every_screen_in_the_mode_and_fails_on_a_finding(
    qapp: Any, sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = FakeAudit(failing="harbour-plan")
    monkeypatch.setattr("kiosk.render.audit.audit_screen", fake)
    args = render_args(sample_root, tmp_path, mode=["high-contrast", "large-text"], check=True)
    assert command.main(args) == 1
    shots = len(list(tmp_path.glob("*.png")))
    assert len(fake.seen) == shots > 13, "every screen and each later part of it (large text is longer)"
    assert {(ratio, tuple(modes), scale) for _exhibit, ratio, modes, scale in fake.seen} == {
        (7.0, ("large-text", "high-contrast"), 1.5)}, "every screen in both modes, at 7:1"
    line = ("exhibit-harbour-plan.png: text 'Back' 3.9:1 < 7:1 (#ffffff on #777777) "
            "(large-text+high-contrast)")
    assert (tmp_path / "audit.txt").read_text(encoding="utf-8") == line + " [HeaderButton.qml]\n"
    output = capsys.readouterr().out
    assert line in output and "\n1 audit finding\n" in output


@pytest.mark.slow
def test_render_all_modes_writes_a_folder_per_mode(
    qapp: Any, sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk.app.access import MODES

    fake = FakeAudit(failing=None)
    monkeypatch.setattr("kiosk.render.audit.audit_screen", fake)
    short_plan = [Shot("00-attract.png", "Attract loop", ("resetToAttract", "")),
                  Shot("exhibit-harbour-plan.png", "Plan", ("openExhibit", "harbour-plan"))]
    monkeypatch.setattr(command, "plan", lambda exhibition, language: iter(short_plan))
    assert command.main(render_args(sample_root, tmp_path, mode=["all"], check=True)) == 0
    folders = ["default", *MODES]
    for folder in folders:
        assert sorted(path.name for path in (tmp_path / folder).glob("*.png")) == [
            "00-attract.png", "exhibit-harbour-plan.png"]
        assert (tmp_path / folder / "audit.txt").read_text(encoding="utf-8") == ""
        assert 'href="00-attract.png"' in (tmp_path / folder / "index.html").read_text("utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{folder}/index.html"' in index for folder in folders)
    assert [tuple(modes) for _exhibit, _ratio, modes, _scale in fake.seen] == [
        (), (), *[(name,) for name in MODES for _ in range(2)]]
    output = capsys.readouterr().out
    assert "wrote 14 screens in 7 modes" in output and "audit: every screen passes" in output


def test_the_contact_sheet_marks_screens_still_loading() -> None:
    shot = Shot("01-home.png", "Home & more", ("home", ""))
    sheet = contact_sheet("Title", [(shot, False)], (1080, 1920))
    assert "Home &amp; more" in sheet and "still loading" in sheet and "1080 / 1920" in sheet


def test_rendering_and_the_audit_drive_the_front_end_and_the_closed_screen_from_above() -> None:
    """`kiosk render` draws the visitor screens and the closed screen of the operations, so it sits
    above both: the front end holds none of it and imports none of it, only the command line does."""
    import grimp

    graph = grimp.build_graph("kiosk")
    tool = graph.find_descendants("kiosk.render")
    assert {"kiosk.render.command", "kiosk.render.audit", "kiosk.render.shots"} <= tool
    users = {user for module in tool for user in graph.find_modules_that_directly_import(module)}
    assert users - tool == {"kiosk.cli"}
    assert "kiosk.ops.hours" in graph.find_modules_directly_imported_by("kiosk.render.shots")
    assert not [module for module in graph.find_descendants("kiosk.app")
                if module.rsplit(".", 1)[1].startswith(("render", "audit"))]


def test_every_module_of_the_render_tool_is_small() -> None:
    modules = [path for path in (REPO / "kiosk" / "render").glob("*.py") if path.name != "__init__.py"]
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in modules}
    assert len(sizes) >= 6 and all(100 <= lines <= 400 for lines in sizes.values()), sizes


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
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ops.snapshot import load_for_startup

    content = tmp_path / "content"
    content.mkdir()
    (content / "exhibition.yaml").write_text("schema_version: 1\ntitel: Oops\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    startup = load_for_startup(content, tmp_path / "last-good")
    assert run._report_startup(startup, content) is None
    errors = capsys.readouterr().err
    assert "\ncontent/exhibition.yaml:2:1: error:" in "\n" + errors, "as validate prints it, from here"
    assert "Back soon" in errors


def test_run_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(dir=tmp_path / "nowhere", windowed=True, screen=0, size=None)
    assert run.main(args) == 2
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.slow
def test_render_shows_the_closed_screen_with_and_without_its_slide_and_audits_it(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.ui_helpers import EXHIBITION_YAML

    root = write_sample_exhibition(tmp_path / "content")
    hours = 'hours:\n  weekly:\n    tuesday: ["09:00-17:00"]\n  closed_slide: media/plan.png\n'
    (root / "exhibition.yaml").write_text(EXHIBITION_YAML + hours, encoding="utf-8")
    monkeypatch.setattr(command, "plan", lambda exhibition, language: iter(
        [Shot("00-attract.png", "Attract loop", ("resetToAttract", ""))]))
    out = tmp_path / "out"
    assert command.main(render_args(root, out, lang="zh", check=True)) == 0
    names = sorted(path.name for path in out.glob("*.png"))
    assert names == ["00-attract.png", "closed-dark.png", "closed.png"]
    assert (out / "audit.txt").read_text(encoding="utf-8") == "", "legible words on both closed screens"
    assert 'href="closed.png"' in (out / "index.html").read_text(encoding="utf-8")
    with_slide, dark = QImage(str(out / "closed.png")), QImage(str(out / "closed-dark.png"))
    assert with_slide.pixelColor(960, 200).lightness() > 40, "the closed slide is on screen"
    assert dark.pixelColor(960, 200).lightness() == 0, "a dark screen without a slide"
    assert "wrote 3 screens" in capsys.readouterr().out


def test_an_exhibition_without_hours_has_no_closed_screen_to_render(tmp_path: Path) -> None:
    from tests.ui_helpers import load_sample

    assert closed_shots(load_sample(tmp_path)) == []


# -- every part of every screen ----------------------------------------------------------------

LONG_ARTICLE = [f"Paragraph {number} tells one more thing about the harbour, its ships, its cranes "
                f"and the people who worked there for a hundred years." for number in range(1, 25)]
LONG_ARTICLE[-1] = "The very last paragraph: this is where the story of the harbour ends."


def long_floor() -> str:
    """A floor whose article has many paragraphs and whose section has many exhibits."""
    from tests.content_factory import FLOOR

    body = "\\n\\n".join(LONG_ARTICLE)
    more = "".join(
        f"      - id: note-{number}\n        type: quote\n"
        f"        title: {{en: Harbour note {number}, zh: 港口笔记{number}}}\n"
        f"        text: {{en: A short note., zh: 短短的笔记。}}\n        author: Staff\n"
        for number in range(1, 15))
    floor = FLOOR.replace("body: {en: Ships come and go., zh: 船来船往。}",
                          f'body: {{en: "{body}", zh: 船来船往。}}')
    return floor.replace("    exhibits:\n", "    exhibits:\n" + more, 1)


def fully_shown_texts(kiosk: Any) -> set[str]:
    """The words of every Text wholly inside the window and the boxes that clip it."""
    from PySide6.QtCore import QRectF

    from kiosk.render.scene import scene_rect, texts, visible_rect

    window = QRectF(0, 0, kiosk.window.width(), kiosk.window.height())
    shown = set()
    for item in texts(kiosk.window.contentItem()):
        rect = scene_rect(item)
        if visible_rect(item, window).adjusted(-1.5, -1.5, 1.5, 1.5).contains(rect):
            shown.add(" ".join(str(item.property("text")).split()))
    return shown


def render_recording(monkeypatch: pytest.MonkeyPatch, shots: list[Shot], root: Path, out: Path
                     ) -> dict[str, set[str]]:
    """Render only these screens (and their parts); the Texts wholly on screen in each file."""
    seen: dict[str, set[str]] = {}
    take = command.take

    def recording_take(kiosk: Any, shot: Shot, *args: Any) -> bool:
        seen[shot.name] = fully_shown_texts(kiosk)
        return take(kiosk, shot, *args)

    monkeypatch.setattr(command, "take", recording_take)
    monkeypatch.setattr(command, "plan", lambda exhibition, language: iter(shots))
    assert command.main(render_args(root, out)) == 0
    return seen


@pytest.mark.slow
@pytest.mark.both_rigs
def test_render_writes_the_later_parts_of_long_screens(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.content_factory import make_content

    root = make_content(tmp_path / "content", floor=long_floor())
    for picture in ("a.png", "map.png"):
        draw_picture(root / "media" / picture, "#2b4c7e", "#e0a43a")
    shots = [Shot("section-harbour.png", "Harbour", ("openSection", "harbour")),
             Shot("exhibit-harbour-text.png", "The harbour", ("openExhibit", "harbour-text"))]
    out = tmp_path / "out"
    seen = render_recording(monkeypatch, shots, root, out)
    names = sorted(path.name for path in out.glob("*.png"))
    assert {"section-harbour-2.png", "exhibit-harbour-text-2.png"} <= set(names), names
    assert set(seen) == set(names)
    article = [name for name in seen if name.startswith("exhibit-harbour-text")]
    assert LONG_ARTICLE[-1] not in seen["exhibit-harbour-text.png"], "the article is longer than a screen"
    assert any(LONG_ARTICLE[-1] in seen[name] for name in article), "the last paragraph is in a shot"
    section = [name for name in seen if name.startswith("section-harbour")]
    assert "Film" not in seen["section-harbour.png"], "the section has more cards than a screen"
    assert any("Film" in seen[name] for name in section), "the last card is in a shot"
    sheet = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in sheet for name in names)
    assert "The harbour, part 2" in sheet
    assert f"wrote {len(names)} screens" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.both_rigs
def test_render_shows_every_paragraph_card_event_and_picture_of_the_bundled_exhibition(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app.exhibit_data import paragraphs
    from kiosk.content.load import load_exhibition

    content = REPO / "content"
    exhibition = load_exhibition(content).exhibition
    assert exhibition is not None
    exhibits = exhibition.exhibits()
    longest = max((e for e in exhibits.values() if e.type == "article"),
                  key=lambda e: len(e.body.get("en", "")))
    timeline = next(e for e in exhibits.values() if e.type == "timeline")
    gallery = next(e for e in exhibits.values() if e.type == "gallery")
    crowded = max((s for f in exhibition.floors for s in f.sections), key=lambda s: len(s.exhibits))
    shots = [Shot(f"exhibit-{e.id}.png", e.id, ("openExhibit", e.id))
             for e in (longest, timeline, gallery)]
    shots.append(Shot(f"section-{crowded.id}.png", crowded.id, ("openSection", crowded.id)))
    seen = render_recording(monkeypatch, shots, content, tmp_path)

    def shown_in_parts(stem: str, words: str) -> bool:
        return any(words in seen[name] for name in seen if name.startswith(stem))

    last_paragraph = paragraphs(longest.body["en"])[-1]
    assert shown_in_parts(f"exhibit-{longest.id}", last_paragraph)
    assert shown_in_parts(f"exhibit-{timeline.id}", timeline.events[-1].title["en"])
    assert all(shown_in_parts(f"exhibit-{gallery.id}", item.caption["en"]) for item in gallery.items)
    assert shown_in_parts(f"section-{crowded.id}", crowded.exhibits[-1].title["en"])


def stats_floor() -> str:
    """The factory's floor with a stats exhibit before its map."""
    from tests.content_factory import FLOOR

    stats = ("      - id: harbour-stats\n        type: stats\n        title: {en: Numbers, zh: 数字}\n"
             "        items:\n          - {value: 450, label: {en: million tonnes, zh: 亿吨}}\n"
             "          - {value: 12, label: {en: berths, zh: 泊位}}\n"
             "          - {value: 1963, label: {en: the year the port opened, zh: 开港之年}}\n")
    return FLOOR.replace("      - id: harbour-map\n", stats + "      - id: harbour-map\n", 1)


@pytest.mark.slow
@pytest.mark.both_rigs
def test_render_check_names_the_exhibit_and_field_to_change(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.content_factory import EXHIBITION, make_content

    faint = EXHIBITION + 'theme:\n  muted_text: "#3a4049"\n'  # grey on the dark background
    root = make_content(tmp_path / "content", floor=stats_floor(), exhibition=faint)
    for picture in ("a.png", "map.png"):
        draw_picture(root / "media" / picture, "#2b4c7e", "#e0a43a")
    monkeypatch.setattr(command, "plan", lambda exhibition, language: iter([
        Shot("exhibit-harbour-stats.png", "Numbers", ("openExhibit", "harbour-stats"))]))
    out = tmp_path / "out"
    assert command.main(render_args(root, out, check=True)) == 1
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if "'berths'" in line)
    assert line.startswith("exhibit-harbour-stats.png: exhibit 'harbour-stats' field items[1].label: "
                           "text 'berths' 1.7:1 < 4.5:1"), line
    assert ".qml" not in printed, "staff read what to change in the content, not the program's files"
    assert "exhibit 'harbour-stats', floor 'ground' field title: text 'Ground floor'" in printed
    assert "field items[2].label: text 'the year the port opened'" in printed
    audit = (out / "audit.txt").read_text(encoding="utf-8")
    assert f"{line} [StatsView.qml]" in audit.splitlines(), "developers find the view in audit.txt"
