"""A mistake in one floor file is reported in that file only: the checks across files (links, ids
used twice, floor numbers) still see every id of the broken file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kiosk.content.load import load_exhibition
from tests.content_factory import FLOOR, make_content

FIRST = "content/floors/1-ground.yaml"
SECOND = "content/floors/2-upper.yaml"

UPPER = textwrap.dedent(
    """\
    id: upper
    number: 2
    title: {en: Upper floor, zh: 二楼}
    color: "#7e2b4c"
    sections:
      - id: views
        title: {en: Views, zh: 景色}
        exhibits:
          - id: views-map
            type: map
            title: {en: Map, zh: 地图}
            image: media/map.png
            hotspots:
              - {x: 0.2, y: 0.3, label: {en: Pier, zh: 码头}, exhibit: harbour-text}
    """
)

CHART = (
    "      - id: cargo\n"
    "        type: chart\n"
    "        title: {en: Cargo, zh: 货物}\n"
    "        kind: bar\n"
    "        categories: ['2000', '2010', '2020']\n"
    "        series:\n"
    "          - name: {en: Tonnes, zh: 吨}\n"
    "            values: [1, 2]\n"
)

MISTAKES = {
    "tab": FLOOR.replace("        type: article", "\t    type: article"),
    "missing colon": FLOOR.replace("        type: video", "        type video"),
    "wrong-case file name": FLOOR.replace("image: media/map.png", "image: media/Map.png"),
    "avi film": FLOOR.replace("video: media/film.mp4", "video: media/film.avi"),
    "short chart series": FLOOR + CHART,
    "misspelt type": FLOOR.replace("type: article", "type: artcle"),
    "duplicated key": FLOOR.replace(
        "        body: {en: Ships come and go., zh: 船来船往。}\n",
        "        body: {en: Ships come and go., zh: 船来船往。}\n        body: {en: Ships, zh: 船}\n",
    ),
}


def two_floors(tmp_path: Path, first: str | bytes, second: str = UPPER) -> Path:
    root = make_content(tmp_path / "content")
    path = root / "floors" / "1-ground.yaml"
    if isinstance(first, bytes):
        path.write_bytes(first)
    else:
        path.write_text(first, encoding="utf-8")
    (root / "floors" / "2-upper.yaml").write_text(second, encoding="utf-8")
    return root


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_a_mistake_on_one_floor_names_only_that_floor(tmp_path: Path, mistake: str) -> None:
    result = load_exhibition(two_floors(tmp_path, MISTAKES[mistake]))
    errors = [problem.format() for problem in result.errors]
    assert errors, f"the {mistake} was not reported"
    assert all(problem.path == FIRST for problem in result.errors), errors


@pytest.mark.parametrize("mistake", ["tab", "misspelt type"])
def test_a_real_dangling_link_is_still_reported_beside_a_broken_floor(tmp_path: Path, mistake: str) -> None:
    second = UPPER.replace("exhibit: harbour-text}", "exhibit: harbour-txt}")
    result = load_exhibition(two_floors(tmp_path, MISTAKES[mistake], second))
    (link,) = [problem for problem in result.errors if problem.path == SECOND]
    assert (link.line, link.message) == (14, "the hotspot links to 'harbour-txt', which is not an exhibit")
    assert link.hint == "did you mean 'harbour-text'?"


def test_an_id_used_twice_is_found_in_a_file_yaml_cannot_read(tmp_path: Path) -> None:
    second = UPPER.replace("id: views-map", "id: harbour-film")
    result = load_exhibition(two_floors(tmp_path, MISTAKES["tab"], second))
    (twice,) = [problem for problem in result.errors if problem.path == SECOND]
    assert (twice.line, twice.message) == (9, "the id 'harbour-film' is used twice")
    assert twice.hint == f"an exhibit in {FIRST} line 20 has it; ids must be unique"


def test_a_floor_number_used_twice_is_found_in_a_floor_with_mistakes(tmp_path: Path) -> None:
    second = UPPER.replace("number: 2", "number: 1")
    result = load_exhibition(two_floors(tmp_path, MISTAKES["misspelt type"], second))
    (twice,) = [problem for problem in result.errors if problem.path == SECOND]
    assert (twice.line, twice.message) == (2, "floor number 1 is used twice")
    assert twice.hint == f"{FIRST} has the same number"


@pytest.mark.parametrize(("content", "message"), [
    (b"id: ground\x00\x00", "not a text file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00 not a floor", "not valid UTF-8"),
])
def test_no_link_is_blamed_while_a_floor_cannot_be_read(tmp_path: Path, content: bytes, message: str) -> None:
    result = load_exhibition(two_floors(tmp_path, content))
    assert [problem.path for problem in result.errors] == [FIRST]
    assert message in result.errors[0].message


def test_ids_are_read_from_a_floor_with_a_latin1_character(tmp_path: Path) -> None:
    latin1 = FLOOR.replace("Ships come and go.", "Ships come and go, café.").encode("utf-8")
    latin1 = latin1.replace("café".encode(), b"caf\xe9")
    second = UPPER.replace("id: views-map", "id: harbour-map")
    result = load_exhibition(two_floors(tmp_path, latin1, second))
    assert [(problem.path, problem.message) for problem in result.errors] == [
        (FIRST, "the file is not valid UTF-8 text"), (SECOND, "the id 'harbour-map' is used twice"),
    ]
