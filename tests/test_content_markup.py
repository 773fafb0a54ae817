"""Markup in visitor text is a warning at its file, line and column: it is shown as written.

Tags pasted from a web page (`<img src=...>`, `<font color=red>`, `<br/>`) and character
references (`&lt;`, `&#60;`) are never formatting on the kiosk, so staff are told where they are.
A lone '<' or '&' in ordinary writing is not markup.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.errors import Severity
from kiosk.content.load import load_exhibition
from kiosk.content.markup import find_markup
from tests.content_factory import EXHIBITION, FLOOR, line_of, make_content

SETTINGS_FILE = "content/exhibition.yaml"
FLOOR_FILE = "content/floors/1-ground.yaml"

MARKED_EXHIBITION = EXHIBITION.replace(
    "title: {en: Test Hall, zh: 测试馆}",
    'title: {en: "Test Hall <img src=\\"http://127.0.0.1:9/title.png\\">", zh: 测试馆}',
).replace(
    "message: {en: Touch to explore, zh: 触摸探索}",
    "message: {en: Touch to explore, zh: '<font color=red>触摸探索</font>'}",
)
MARKED_FLOOR = FLOOR.replace(
    "body: {en: Ships come and go., zh: 船来船往。}",
    "body: {en: 'Ships come &amp; go.', zh: 船来船往。}",
).replace(
    "label: {en: Pier, zh: 码头}",
    "label: 'Pier<br/>码头'",
) + textwrap.indent(
    textwrap.dedent(
        """\
        - id: harbour-figures
          type: stats
          title: {en: Figures, zh: 数字}
          items:
            - {value: 3, prefix: "<b>#</b>", label: {en: piers, zh: 码头}}
        - id: harbour-chart
          type: chart
          title: {en: Ships, zh: 船}
          kind: bar
          categories: ["1990", {en: "2020 &#8212; now", zh: 2020年}]
          series: [{name: {en: Ships, zh: 船}, values: [1, 2]}]
        - id: harbour-plain
          type: quote
          title: {en: "A < B, R&D, Tom & Jerry", zh: 引言}
          text: {en: "5 <10 km; x <y and y> z; AT&T; I <3 the port", zh: 港口}
          author: {en: "C&A; shop", zh: 作者}
        """
    ),
    "      ",
)


def test_markup_in_any_visible_text_is_a_warning_at_its_place(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content", exhibition=MARKED_EXHIBITION, floor=MARKED_FLOOR)
    result = load_exhibition(root)
    assert result.exhibition is not None, [problem.format() for problem in result.problems]
    assert all(problem.severity is Severity.WARNING for problem in result.problems)
    found = [(p.path, p.line, p.col, p.message.split("'")[1]) for p in result.problems]

    def at(text: str, file: str, needle: str, value: str) -> tuple[str, int, int]:
        line = line_of(text, needle)
        return file, line, text.splitlines()[line - 1].index(value) + 1

    assert found == [
        (*at(MARKED_EXHIBITION, SETTINGS_FILE, "title:", '"Test Hall'), "<img"),
        (*at(MARKED_EXHIBITION, SETTINGS_FILE, "message:", "'<font"), "<font"),
        (*at(MARKED_FLOOR, FLOOR_FILE, "body:", "'Ships"), "&amp;"),
        (*at(MARKED_FLOOR, FLOOR_FILE, "label: 'Pier", "'Pier"), "<br"),
        (*at(MARKED_FLOOR, FLOOR_FILE, "prefix:", '"<b>'), "<b"),
        (*at(MARKED_FLOOR, FLOOR_FILE, "categories:", '"2020'), "&#8212;"),
    ]
    first = result.problems[0]
    assert first.message == "this text contains markup ('<img'); it is shown as written, not as formatting"
    assert first.hint == "remove the tags"
    assert result.problems[2].hint == "write the character itself, '&', instead of '&amp;'"


def test_kiosk_validate_prints_the_warnings_and_calls_the_content_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_content(tmp_path / "content", exhibition=MARKED_EXHIBITION, floor=MARKED_FLOOR)
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    line = line_of(MARKED_EXHIBITION, "title:")
    assert (
        f"{SETTINGS_FILE}:{line}:13: warning: this text contains markup ('<img'); "
        "it is shown as written, not as formatting (remove the tags)"
    ) in out
    assert "Content is valid: 0 errors, 6 warnings." in out


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("<b>bold</b>", "<b"),
        ("see</p>", "</p"),
        ("one<br/>two", "<br"),
        ("one<br />two", "<br"),
        ('Hall <img src="http://127.0.0.1/x.png">', "<img"),
        ('cut off <img src="http://127.0.0.1/', "<img"),
        ("<span class=x>y</span>", "<span"),
        ("<font color=red>red</font>", "<font"),
        ("a <!-- note --> b", "<!--"),
        ("&lt;3", "&lt;"),
        ("&#60;b&#62;", "&#60;"),
        ("&#x3C;", "&#x3C;"),
        ("caf&eacute;", "&eacute;"),
        ("first &amp; then <i>", "&amp;"),
    ],
)
def test_markup_of_every_kind_is_found(text: str, piece: str) -> None:
    assert find_markup(text) == piece


@pytest.mark.parametrize(
    "text",
    ["a < b", "5 <10 km", "x <y and y> z", "a<b", "I <3 the port", "R&D", "Tom & Jerry", "AT&T;",
     "C&A; shop", "1 > 0", "&", "<", "<>", "</>"],
)
def test_ordinary_writing_is_not_markup(text: str) -> None:
    assert find_markup(text) is None


def test_the_markup_check_runs_without_qt() -> None:
    code = "import sys, kiosk.content.markup; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.strip() == "[]"
