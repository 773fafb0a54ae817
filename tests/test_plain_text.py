"""Every text the kiosk draws is plain text: content, captions, the kiosk's own words, staff input.

QML's `Text` renders anything that looks like HTML by default (AutoText): `<font color=red>`
colours, and `<img src="http://...">` makes a network request. Two checks: every text element in
every QML file says `textFormat: Text.PlainText` (read from the files), and every text item alive
on every screen of the bundled exhibition is plain text (walked in the running window).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.bootstrap import QML_DIR
from tests.ui_helpers import every_place, go, walk

TEXT_TYPES = frozenset({"Text", "TextEdit", "TextArea", "Label"})
"""Qt Quick types that render rich text unless told otherwise (Label and TextArea of Controls too)."""
PLAIN = "Text.PlainText"

_STRING_OR_COMMENT = re.compile(
    r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`|//[^\n]*|/\*.*?\*/', re.DOTALL
)
_ELEMENT = re.compile(r"(?:\bcomponent\s+(\w+)\s*:\s*|[\w.]+\s*:\s*)?\b((?:[A-Z]\w*\.)?[A-Z]\w*)\s*\{")
_TEXT_FORMAT = re.compile(r"(?:^|[;\n])\s*textFormat\s*:\s*([\w.]+)")


@dataclass
class Element:
    """One object declaration in a QML file."""

    file: Path
    line: int
    type_name: str
    own: str
    """What the declaration says itself: its text without the blocks of its children."""
    defines: str | None = None
    """For `component Name: Type {`, the inline component's name."""

    @property
    def text_format(self) -> str | None:
        found = _TEXT_FORMAT.findall(self.own)
        return found[-1] if found else None


def _blank(match: re.Match[str]) -> str:
    """Strings and comments as spaces of the same length, so braces inside them do not count."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _own_text(code: str, start: int) -> tuple[str, int]:
    """The text of the block opening at `start` (a '{') at its own depth, and where it ends."""
    depth, own, at = 0, [], start
    while at < len(code):
        char = code[at]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return "".join(own), at
        elif depth == 1:
            own.append(char)
        at += 1
    raise AssertionError(f"unbalanced braces after offset {start}")


def elements(path: Path, source: str | None = None) -> list[Element]:
    """Every object declaration of a QML file (or of `source`, named as that file)."""
    code = _STRING_OR_COMMENT.sub(_blank, path.read_text(encoding="utf-8") if source is None else source)
    found = []
    for match in _ELEMENT.finditer(code):
        brace = match.end() - 1
        own, _ = _own_text(code, brace)
        line = code.count("\n", 0, match.start(2)) + 1
        found.append(Element(path, line, match.group(2), own, match.group(1)))
    return found


def imports_controls_unqualified(source: str) -> bool:
    return re.search(r"^import\s+QtQuick\.Controls(?:\.\w+)?\s*(?:\d+\.\d+)?\s*$", source, re.M) is not None


def text_format_problems(files: dict[Path, str]) -> tuple[list[str], int]:
    """Every text element that may show rich text, as 'file:line: ...', and how many were checked.

    A kiosk component whose root is a text type (Label.qml, TimeText.qml, an inline component)
    is checked where it is defined; where it is used it must not set another format. In a file
    that imports QtQuick.Controls without a name, `Label` may be Controls' own Label, which is not
    plain: it must say so itself there.
    """
    parsed = {path: elements(path, source) for path, source in files.items()}
    text_components = {
        path.stem for path, found in parsed.items() if found and found[0].type_name in TEXT_TYPES
    }
    problems, checked = [], 0
    for path, found in parsed.items():
        inline = {element.defines for element in found if element.defines and element.type_name in TEXT_TYPES}
        ambiguous = {"Label"} if imports_controls_unqualified(files[path]) else set()
        for element in found:
            name = element.type_name.rsplit(".", 1)[-1]
            own_component = element.type_name in (text_components | inline) - ambiguous
            where = f"{path.relative_to(QML_DIR.parent)}:{element.line}"
            if element.text_format not in (None, PLAIN):
                problems.append(f"{where}: {element.type_name} has textFormat {element.text_format}")
            elif name in TEXT_TYPES and not own_component and element.text_format != PLAIN:
                problems.append(f"{where}: {element.type_name} without textFormat: {PLAIN}")
            checked += name in TEXT_TYPES or own_component
    return problems, checked


def qml_files() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(QML_DIR.rglob("*.qml"))}


def test_every_text_element_in_the_qml_is_plain_text() -> None:
    # first the check itself: each of these declarations would show rich text, and is caught
    folder = QML_DIR / "screens"
    sources = {folder / name: "import QtQuick\n" + textwrap.dedent(code) for name, code in {
        "A.qml": """\
            Item {
                Text { text: "a } b" }
            }""",
        "B.qml": """\
            Item {
                Repeater {
                    delegate: Text {
                        // textFormat: Text.PlainText
                        text: modelData
                        Rectangle { property int textFormat: Text.PlainText }
                    }
                }
            }""",
        "C.qml": """\
            import QtQuick.Controls.Basic
            Item {
                Label { text: x }
            }""",
        "D.qml": "Item {\n    component Heading: Text { color: 'red' }\n}",
        "E.qml": "Item {\n    TextEdit {\n        textFormat: TextEdit.RichText\n    }\n}",
        "F.qml": "Text {\n    textFormat: Text.StyledText\n}",
        "G.qml": "Item {\n    F { textFormat: Text.AutoText }\n    Controls.TextArea { text: y }\n}",
    }.items()}
    problems, _ = text_format_problems(sources)
    assert [problem.split(":")[0].rsplit("/", 1)[-1] for problem in problems] == [
        "A.qml", "B.qml", "C.qml", "D.qml", "E.qml", "F.qml", "G.qml", "G.qml",
    ], "\n".join(problems)

    problems, checked = text_format_problems(qml_files())
    assert not problems, "\n".join(problems)
    assert checked > 90, f"only {checked} text elements found: the QML reader has lost its way"


def text_format(item: Any) -> int:
    """A text item's textFormat, as QML reads it (Python cannot convert this enum by itself)."""
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    value = QQmlExpression(QQmlEngine.contextForObject(item), item, "textFormat").evaluate()[0]
    return int(value)


@pytest.mark.slow
def test_every_text_on_every_screen_of_the_bundled_exhibition_is_plain(qtbot: Any) -> None:
    from PySide6.QtQuick import QQuickItem

    from kiosk.app.screens import KioskWindow
    from kiosk.content.load import load_exhibition

    root = (QML_DIR.parent.parent / "content").resolve()
    result = load_exhibition(root)
    assert result.exhibition is not None, "\n".join(problem.format() for problem in result.problems)
    kiosk = KioskWindow(result.exhibition, root)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    rich: set[str] = set()
    seen = 0
    try:
        for move in every_place(result.exhibition):
            go(kiosk, move)
            qtbot.waitUntil(kiosk.settled, timeout=15000)
            items: list[QQuickItem] = list(walk(kiosk.window.contentItem()))
            for item in items:
                if item.inherits("QQuickText") or item.inherits("QQuickTextEdit"):
                    seen += 1
                    if text_format(item) != 0:  # Text.PlainText
                        rich.add(f"{move}: {item.metaObject().className()} {item.property('text')!r}")
    finally:
        kiosk.close()
    assert seen > 100
    assert not rich, "\n".join(sorted(rich))
