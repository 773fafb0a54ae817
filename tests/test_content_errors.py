"""Each way staff can break the content gives a plain message at the right file, line and column."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kiosk.content.errors import ContentError, Severity
from kiosk.content.load import load_exhibition
from tests.content_factory import EXHIBITION, FLOOR, make_content

FLOOR_FILE = "content/floors/1-ground.yaml"
SETTINGS_FILE = "content/exhibition.yaml"


def load_with(tmp_path: Path, *, floor: str = FLOOR, exhibition: str = EXHIBITION) -> list[ContentError]:
    root = make_content(tmp_path / "content", floor=floor, exhibition=exhibition)
    result = load_exhibition(root)
    assert result.has_errors == any(p.is_error for p in result.problems)
    if result.has_errors:
        assert result.exhibition is None
    return result.problems


def only_error(problems: list[ContentError]) -> ContentError:
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, [p.format() for p in problems]
    return errors[0]


def test_valid_content_has_no_problems(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    result = load_exhibition(root)
    assert result.problems == []
    assert result.exhibition is not None
    assert [f.id for f in result.exhibition.floors] == ["ground"]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    broken = FLOOR.replace('title: {en: Harbour, zh: 港口}', 'title: {en: Harbour, zh: 港口')
    error = only_error(load_with(tmp_path, floor=broken))
    assert error.path == FLOOR_FILE
    assert error.line in (8, 9)
    assert "syntax" in error.message or "':'" in error.message


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    broken = FLOOR.replace("    color:", "color:").replace('color: "#2b4c7e"', '\tcolor: "#2b4c7e"')
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.path, error.line, error.col) == (FLOOR_FILE, 5, 1)
    assert "tab" in error.message
    assert "spaces" in error.hint


def test_invalid_utf8_gives_line_and_column(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    path = root / "floors" / "1-ground.yaml"
    lines = path.read_bytes().split(b"\n")
    lines[3] = b"title: caf\xe9 latin-1"
    path.write_bytes(b"\n".join(lines))
    error = only_error(load_exhibition(root).problems)
    assert (error.path, error.line, error.col) == (FLOOR_FILE, 4, 11)
    assert "UTF-8" in error.message


def test_empty_file_is_reported(tmp_path: Path) -> None:
    error = only_error(load_with(tmp_path, floor="# only a comment\n"))
    assert (error.path, error.line) == (FLOOR_FILE, 1)
    assert "empty" in error.message


def test_duplicate_key_points_at_the_second(tmp_path: Path) -> None:
    broken = FLOOR.replace("number: 1\n", "number: 1\nnumber: 2\n")
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.path, error.line, error.col) == (FLOOR_FILE, 4, 1)
    assert "'number' appears twice" in error.message
    assert "line 3" in error.hint


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    broken = FLOOR.replace("    title: {en: Harbour", "    titel: {en: Harbour")
    errors = [p for p in load_with(tmp_path, floor=broken) if p.is_error]
    unknown = next(e for e in errors if "unknown field" in e.message)
    assert (unknown.path, unknown.line, unknown.col) == (FLOOR_FILE, 8, 5)
    assert unknown.message == "unknown field 'titel'"
    assert unknown.hint == "did you mean 'title'?"
    missing = next(e for e in errors if "missing" in e.message)
    assert missing.message == "missing required field 'title'"
    assert missing.line == 7
    assert "titel" in missing.hint


def test_unknown_key_in_an_exhibit_lists_that_exhibits_fields(tmp_path: Path) -> None:
    broken = FLOOR.replace("body: {en: Ships", "bdy: {en: Ships")
    errors = [p for p in load_with(tmp_path, floor=broken) if p.is_error]
    unknown = next(e for e in errors if "unknown field" in e.message)
    assert unknown.line == 13
    assert unknown.hint == "did you mean 'body'?"


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    broken = FLOOR.replace("number: 1", "number: first")
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.path, error.line, error.col) == (FLOOR_FILE, 3, 9)
    assert error.message == "expected a whole number, got 'first'"


def test_missing_required_field(tmp_path: Path) -> None:
    broken = FLOOR.replace('color: "#2b4c7e"\n', "")
    error = only_error(load_with(tmp_path, floor=broken))
    assert error.path == FLOOR_FILE
    assert error.message == "missing required field 'color'"


def test_unknown_exhibit_type_suggests(tmp_path: Path) -> None:
    broken = FLOOR.replace("type: video", "type: vidoe")
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.line, error.col) == (21, 15)
    assert error.message == "unknown exhibit type 'vidoe'"
    assert error.hint == "did you mean 'video'?"


def test_bad_colour_and_bad_id(tmp_path: Path) -> None:
    broken = FLOOR.replace('"#2b4c7e"', "dark blue").replace("id: harbour-text", "id: Harbour Text")
    errors = [p for p in load_with(tmp_path, floor=broken) if p.is_error]
    messages = {e.line: e for e in errors}
    assert messages[5].message == "'dark blue' is not a colour"
    assert "#rrggbb" in messages[5].hint
    assert messages[10].message == "'Harbour Text' is not a valid id"


def test_missing_translation_is_a_warning_not_an_error(tmp_path: Path) -> None:
    fixed = FLOOR.replace("title: {en: The harbour, zh: 港口}", "title: {en: The harbour}")
    root = make_content(tmp_path / "content", floor=fixed)
    result = load_exhibition(root)
    assert not result.has_errors
    assert result.exhibition is not None
    (warning,) = result.warnings
    assert warning.severity is Severity.WARNING
    assert (warning.path, warning.line) == (FLOOR_FILE, 12)
    assert warning.message == "missing 'zh' translation"


def test_language_key_typo_is_flagged(tmp_path: Path) -> None:
    fixed = FLOOR.replace("title: {en: The harbour, zh: 港口}", "title: {en: The harbour, zn: 港口}")
    problems = load_with(tmp_path, floor=fixed)
    typo = next(p for p in problems if "zn" in p.message)
    assert typo.line == 12
    assert typo.hint == "did you mean 'zh'?"


def test_missing_media_suggests_a_near_name(tmp_path: Path) -> None:
    broken = FLOOR.replace("image: media/map.png", "image: media/mapp.png")
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.path, error.line, error.col) == (FLOOR_FILE, 17, 16)
    assert error.message == "media file 'media/mapp.png' not found"
    assert error.hint == "did you mean media/map.png?"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../outside.png", "points outside the content folder"),
        ("/etc/passwd.png", "is an absolute path"),
        ("media/../../x.png", "points outside the content folder"),
    ],
)
def test_media_may_not_leave_the_content_folder(tmp_path: Path, path: str, message: str) -> None:
    (tmp_path / "outside.png").write_bytes(b"png")
    broken = FLOOR.replace("image: media/map.png", f"image: {path}")
    error = only_error(load_with(tmp_path, floor=broken))
    assert error.line == 17
    assert message in error.message


def test_symlink_out_of_the_content_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for visitors")
    root = make_content(tmp_path / "content")
    (root / "media" / "map.png").unlink()
    os.symlink(secret, root / "media" / "map.png")
    error = only_error(load_exhibition(root).problems)
    assert error.line == 17
    assert "links to a file outside the content folder" in error.message


def test_media_of_the_wrong_type(tmp_path: Path) -> None:
    broken = FLOOR.replace("video: media/film.mp4", "video: media/map.png")
    error = only_error(load_with(tmp_path, floor=broken))
    assert error.line == 23
    assert error.message == "'media/map.png' is not a video"
    assert ".mp4" in error.hint


def test_hotspot_to_unknown_exhibit(tmp_path: Path) -> None:
    broken = FLOOR.replace("exhibit: harbour-text}", "exhibit: harbor-text}")
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.path, error.line) == (FLOOR_FILE, 19)
    assert "'harbor-text', which is not an exhibit" in error.message
    assert error.hint == "did you mean 'harbour-text'?"


def test_duplicate_ids_across_the_exhibition(tmp_path: Path) -> None:
    broken = FLOOR.replace("id: harbour-film", "id: harbour-text")
    error = only_error(load_with(tmp_path, floor=broken))
    assert (error.line, error.col) == (20, 13)
    assert error.message == "the id 'harbour-text' is used twice"
    assert "line 10" in error.hint


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    broken = FLOOR.replace(
        "number: 1",
        f"number: !!python/object/apply:os.system ['touch {marker}']",
    )
    errors = [p for p in load_with(tmp_path, floor=broken) if p.is_error]
    assert not marker.exists()
    assert errors[0].line == 3
    assert "tag:yaml.org,2002:python/object/apply:os.system" in errors[0].message


def test_billion_laughs_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    bomb = "\n".join(lines) + "\n"
    started = time.process_time()
    error = only_error(load_with(tmp_path, floor=bomb))
    spent = time.process_time() - started
    assert "more than" in error.message and "values" in error.message
    assert "aliases" in error.hint
    # Not a timing assertion on wall clock: CPU time spent is bounded by the value limit.
    assert spent < 5


def test_files_over_the_size_limit(tmp_path: Path) -> None:
    huge = FLOOR + "# " + "x" * (1024 * 1024) + "\n"
    error = only_error(load_with(tmp_path, floor=huge))
    assert (error.path, error.line) == (FLOOR_FILE, 1)
    assert "at most 1 MB" in error.message


def test_every_error_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    broken_floor = FLOOR.replace("number: 1", "number: one").replace("type: video", "type: film")
    broken_settings = EXHIBITION.replace("default_language: en", "default_language: fr")
    problems = load_with(tmp_path, floor=broken_floor, exhibition=broken_settings)
    places = {(p.path, p.line) for p in problems if p.is_error}
    assert (FLOOR_FILE, 3) in places
    assert (FLOOR_FILE, 21) in places
    assert any(path == SETTINGS_FILE for path, _ in places)


def test_newer_schema_version_is_refused_politely(tmp_path: Path) -> None:
    broken = EXHIBITION.replace("schema_version: 1", "schema_version: 9")
    errors = [p for p in load_with(tmp_path, exhibition=broken) if p.is_error]
    assert errors[0].path == SETTINGS_FILE
    assert errors[0].line == 2
    assert "newer kiosk" in errors[0].message


def test_chart_series_must_match_categories(tmp_path: Path) -> None:
    chart = FLOOR + (
        "      - id: cargo\n"
        "        type: chart\n"
        "        title: {en: Cargo, zh: 货物}\n"
        "        kind: bar\n"
        "        categories: ['2000', '2010']\n"
        "        series:\n"
        "          - {name: {en: Tonnes, zh: 吨}, values: [1, 2]}\n"
        "          - name: {en: Ships, zh: 船}\n"
        "            values: [1, 2, 3]\n"
    )
    error = only_error(load_with(tmp_path, floor=chart))
    assert (error.line, error.col) == (33, 21)  # the values of the series that does not fit
    assert error.message == "series 2 has 3 values but there are 2 categories"


def test_missing_colon_is_reported_on_its_own_line(tmp_path: Path) -> None:
    error = only_error(load_with(tmp_path, floor=FLOOR.replace("        type: video", "        type video")))
    assert (error.path, error.line, error.col) == (FLOOR_FILE, 21, 9)
    assert error.message == "this line is missing its ':' after the field name"


def test_default_language_not_listed_points_at_the_value(tmp_path: Path) -> None:
    settings = EXHIBITION.replace("languages: [en, zh]\ndefault_language: en\n", "languages: [en, zh]\n")
    settings += "insights: {enabled: true}\ndefault_language: fr\n"
    error = only_error(load_with(tmp_path, exhibition=settings))
    assert (error.path, error.line, error.col) == (SETTINGS_FILE, 10, 19)
    assert error.message == "default_language 'fr' is not in languages en, zh"


def test_a_language_listed_twice_points_at_the_second(tmp_path: Path) -> None:
    settings = EXHIBITION.replace("languages: [en, zh]", "languages: [en, zh, en]")
    error = only_error(load_with(tmp_path, exhibition=settings))
    assert (error.line, error.col) == (4, 21)


def test_timeline_out_of_order_points_at_the_year(tmp_path: Path) -> None:
    timeline = FLOOR + (
        "      - id: years\n"
        "        type: timeline\n"
        "        title: {en: Years, zh: 年}\n"
        "        events:\n"
        "          - {year: 1900, title: {en: A, zh: 甲}}\n"
        "          - {year: 1950, title: {en: B, zh: 乙}}\n"
        "          - {year: 1920, title: {en: C, zh: 丙}}\n"
    )
    error = only_error(load_with(tmp_path, floor=timeline))
    assert (error.line, error.col) == (31, 20)


@pytest.mark.parametrize("empty", ["    exhibits:\n", "    exhibits: []\n"])
def test_an_empty_list_is_explained_in_plain_words(tmp_path: Path, empty: str) -> None:
    floor = FLOOR + "  - id: empty\n    title: {en: Empty, zh: 空}\n" + empty
    error = only_error(load_with(tmp_path, floor=floor))
    assert error.line == 27
    assert error.message == "'exhibits' is empty: it has no items"
    assert "'- '" in error.hint and "below 'exhibits:'" in error.hint


BROKEN_VALUES = {
    "number: 1": ["number:", "number: 1.5"],
    "title: {en: Ground floor, zh: 一楼}": [
        "title:", "title: [a]", "title: {en: [a]}", "title: {en: {a: b}}",
    ],
    "      - id: harbour-text": ["      -\n      - id: harbour-text"],
    "id: ground": ["id:", "id: [a]"],
}
RAW_WORDS = ("got None", "Input should", "dict", "NoneType", "got list", "{{", "['", "item(s)")


@pytest.mark.parametrize(("field", "broken"), [(f, b) for f, values in BROKEN_VALUES.items() for b in values])
def test_no_raw_validation_words_reach_staff(tmp_path: Path, field: str, broken: str) -> None:
    problems = load_with(tmp_path, floor=FLOOR.replace(field, broken, 1))
    assert problems
    for problem in problems:
        assert not any(word in problem.format() for word in RAW_WORDS), problem.format()


def test_format_is_gcc_style() -> None:
    error = ContentError("content/a.yaml", 3, 7, "unknown field 'titel'", "did you mean 'title'?")
    assert error.format() == (
        "content/a.yaml:3:7: error: unknown field 'titel' (did you mean 'title'?)"
    )


def test_comma_in_unquoted_text_is_explained(tmp_path: Path) -> None:
    broken = FLOOR.replace("title: {en: Map, zh: 地图}", "title: {en: Then, and now, zh: 地图}")
    error = only_error(load_with(tmp_path, floor=broken))
    assert error.line == 16
    assert "'and now' is not a language code" in error.message
    assert "comma" in error.hint


def test_unquoted_colour_is_explained(tmp_path: Path) -> None:
    broken = FLOOR.replace('color: "#2b4c7e"', "color: #2b4c7e")
    error = only_error(load_with(tmp_path, floor=broken))
    assert error.line == 5
    assert error.message == "the colour is empty"
    assert "quotes" in error.hint


def test_two_documents_in_one_file(tmp_path: Path) -> None:
    error = only_error(load_with(tmp_path, floor=FLOOR + "---\nid: second\n"))
    assert error.line == 25
    assert error.message == "the file holds more than one document"


def test_sync_conflict_copy_of_a_floor_is_left_out_with_a_warning(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    copy = root / "floors" / "1-ground.sync-conflict-20261125-101010-ABCDEFG.yaml"
    copy.write_text((root / "floors" / "1-ground.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = load_exhibition(root)
    assert not result.has_errors, [p.format() for p in result.problems]
    assert result.exhibition is not None and [f.id for f in result.exhibition.floors] == ["ground"]
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING
    assert warning.path.endswith("1-ground.sync-conflict-20261125-101010-ABCDEFG.yaml")
    assert "conflict or backup copy" in warning.message


@pytest.mark.parametrize("where", ["parent", "inside", "elsewhere"])
def test_validate_prints_paths_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    from kiosk.cli import main

    root = make_content(tmp_path / "museum" / "content", floor=FLOOR.replace("number: 1", "number: one"))
    here = {"parent": tmp_path, "inside": root / "floors", "elsewhere": tmp_path / "elsewhere"}[where]
    here.mkdir(exist_ok=True)
    monkeypatch.chdir(here)
    assert main(["validate", os.path.relpath(root)]) == 1
    shown = {
        "parent": "museum/content/floors/1-ground.yaml",
        "inside": "1-ground.yaml",
        "elsewhere": str(root / "floors" / "1-ground.yaml"),
    }[where]
    assert capsys.readouterr().out.splitlines()[0].startswith(f"{shown}:3:9: error: expected a whole number")


def test_stored_messages_keep_the_content_folder_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "museum" / "content", floor=FLOOR.replace("number: 1", "number: one"))
    monkeypatch.chdir(root / "floors")
    assert only_error(load_exhibition(Path("..")).problems).path == FLOOR_FILE
    assert only_error(load_exhibition(root).problems).path == FLOOR_FILE
