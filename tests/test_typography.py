"""Typography from the language: quotation marks, the colon after a label, no forced italics for
Chinese, Japanese or Korean, no character alone on a paragraph's last line, and the CJK face per
language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.app.bootstrap import QML_DIR, make_engine
from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.theme import Theme
from kiosk.app.typography import WORD_JOINER, italic_suits, no_lone_last_character, quote_marks
from kiosk.content.media import MediaContext
from kiosk.content.model import Exhibit
from kiosk.content.model import Theme as ThemeSettings
from tests.test_exhibit_data import make_sample_exhibits

QUOTE = {
    "en": "Plan the city for the people who live in it.",
    "zh": "为生活在这里的人规划城市。",
    "zh-Hant": "為生活在這裡的人規劃城市。",
    "ja": "そこに住む人のために街を計画する。",
    "fr": "Planifier la ville pour ceux qui y vivent.",
    "de": "Die Stadt für die Menschen planen, die in ihr leben.",
}
JAPANESE = "北九州市との環境協力は大連の空を変えました"
"""A sentence Qt wraps, at some widths, with its last character alone on the last line."""


def make(exhibit: dict[str, Any], root: Path) -> Any:
    return TypeAdapter(Exhibit).validate_python(exhibit, context={"media": MediaContext(root)})


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "\u201cPlan the city for the people who live in it.\u201d"),
    ("zh", "\u201c为生活在这里的人规划城\u2060市。\u201d"),
    ("zh-Hant-TW", "\u300c為生活在這裡的人規劃城\u2060市。\u300d"),
    ("ja", "\u300cそこに住む人のために街を計画す\u2060る。\u300d"),
    ("fr", "\u00ab\u202fPlanifier la ville pour ceux qui y vivent.\u202f\u00bb"),
    ("de", "\u201eDie Stadt für die Menschen planen, die in ihr leben.\u201c"),
])
def test_a_quotation_stands_between_its_languages_own_marks(
    language: str, shown: str, tmp_path: Path
) -> None:
    quote = make({"id": "words", "type": "quote", "title": "Words", "text": QUOTE, "author": "A planner"},
                 tmp_path)
    assert exhibit_to_qml(quote, language, "en", tmp_path)["text"] == shown
    assert quote_marks("ja") == ("\u300c", "\u300d") and quote_marks("zh-CN") == ("\u201c", "\u201d")


@pytest.mark.parametrize(("language", "line"), [
    ("en", "Source: Port annual reports"),
    ("ja", "出典：Port annual reports"),
    ("zh", "来源：Port annual reports"),
    ("fr", "Source\u00a0: Port annual reports"),
])
def test_the_colon_after_a_label_follows_the_language(language: str, line: str, tmp_path: Path) -> None:
    chart = make_sample_exhibits(tmp_path)["port-growth"]
    assert exhibit_to_qml(chart, language, "en", tmp_path)["sourceLine"] == line


def test_italics_only_for_scripts_that_have_them() -> None:
    assert italic_suits("Photo: City of Kitakyushu")
    assert italic_suits("Фото: город Далянь") and italic_suits("Φωτογραφία")
    assert not italic_suits("写真：北九州市")
    assert not italic_suits("사진: 기타큐슈시")
    assert not italic_suits("صورة: المدينة")


def last_line_characters(text: QQuickItem) -> int:
    """How many full-width characters Qt put on the last line of a QML Text."""
    return round(float(text.property("lastLineWidth")) / float(text.property("font").pixelSize()))


HOST = """
import QtQuick
import Kiosk
import "exhibits/parts"

Window {
    width: 1200
    height: 600
    visible: true
    color: Theme.background

    Column {
        width: 800
        Caption {
            objectName: "caption"
            width: parent.width
            text: "Dalian and Kitakyushu"
        }
        Text {
            id: paragraph
            objectName: "paragraph"
            width: 600
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.family: Theme.fontFor("ja")
            font.pixelSize: 28
            // the width of the last line Qt laid out; every Japanese character is one em wide
            property real lastLineWidth: 0
            onLineLaidOut: (line) => { if (line.isLast) paragraph.lastLineWidth = line.implicitWidth; }
        }
    }
}
"""


@pytest.fixture
def host(qtbot: Any, tmp_path: Path) -> Iterator[QObject]:
    engine = make_engine(None, tmp_path)
    component = QQmlComponent(engine)
    component.setData(HOST.encode(), QUrl.fromLocalFile(str(QML_DIR / "typography-test.qml")))
    window = component.create()
    assert window is not None, component.errorString()
    qtbot.waitExposed(window)
    yield window
    window.close()
    for item in (window, component, engine):
        item.deleteLater()


def named(window: QObject, name: str) -> QQuickItem:
    found = window.findChild(QQuickItem, name)
    assert found is not None, name
    return found


@pytest.mark.both_rigs
def test_a_japanese_credit_stays_upright_and_an_english_one_is_italic(host: QObject, qtbot: Any) -> None:
    caption = named(host, "caption")
    credits = [item for item in caption.childItems() if item.inherits("QQuickText")]
    credit = credits[-1]
    caption.setProperty("credit", "写真：北九州市")
    qtbot.waitUntil(lambda: credit.property("text") == "写真：北九州市")
    assert credit.property("font").italic() is False
    caption.setProperty("credit", "Photo: City of Kitakyushu")
    qtbot.waitUntil(lambda: credit.property("text") == "Photo: City of Kitakyushu")
    assert credit.property("font").italic() is True


@pytest.mark.both_rigs
def test_no_japanese_paragraph_ends_with_one_character_alone(
    host: QObject, qtbot: Any, tmp_path: Path
) -> None:
    paragraph = named(host, "paragraph")
    article = make({"id": "story", "type": "article", "title": "Story", "body": {"ja": JAPANESE}}, tmp_path)
    shown = exhibit_to_qml(article, "ja", "ja", tmp_path)["paragraphs"][0]
    assert shown.replace(WORD_JOINER, "") == JAPANESE
    lonely = []
    for width in range(200, 900, 14):
        paragraph.setProperty("width", width)
        paragraph.setProperty("text", JAPANESE)
        qtbot.waitUntil(lambda: paragraph.property("text") == JAPANESE)
        if paragraph.property("lineCount") > 1 and last_line_characters(paragraph) == 1:
            lonely.append(width)
    assert lonely, "Qt never left a character alone at these widths: the test would prove nothing"
    for width in lonely:
        paragraph.setProperty("width", width)
        paragraph.setProperty("text", shown)
        qtbot.waitUntil(lambda: paragraph.property("text") == shown)
        assert last_line_characters(paragraph) >= 2, width


def test_the_last_two_letters_are_joined_only_in_cjk_text() -> None:
    joined = no_lone_last_character("数据来自城市报告。\n第二段」")
    assert joined == "数据来自城市报\u2060告。\n第二\u2060段」"
    assert no_lone_last_character("한국어 문장입니다.") == "한국어 문장입니\u2060다."
    assert no_lone_last_character("Plain English.") == "Plain English."
    twice = no_lone_last_character(no_lone_last_character("城市报告"))
    assert twice == "城市报\u2060告"


@pytest.mark.parametrize(("language", "face"), [
    ("ja", "Noto Sans CJK JP"), ("ja-JP", "Noto Sans CJK JP"),
    ("zh", "Noto Sans CJK SC"), ("zh-Hans", "Noto Sans CJK SC"), ("zh-CN", "Noto Sans CJK SC"),
    ("zh-SG", "Noto Sans CJK SC"),
    ("zh-Hant", "Noto Sans CJK TC"), ("zh-Hant-TW", "Noto Sans CJK TC"), ("zh-TW", "Noto Sans CJK TC"),
    ("zh-HK", "Noto Sans CJK TC"), ("zh-MO", "Noto Sans CJK TC"),
    ("ko", "Noto Sans CJK KR"), ("ko-KR", "Noto Sans CJK KR"),
    ("en-GB", "Noto Sans"), ("ar-EG", "Noto Sans Arabic"),
])
def test_each_language_gets_its_own_cjk_face(qapp: Any, language: str, face: str) -> None:
    theme = Theme()
    theme.configure(None)
    assert theme.fontFor(language) == face
    assert QFontInfo(QFont(face)).family() == face, f"{face} is not installed (fonts-noto-cjk)"


def test_another_cjk_font_is_used_for_every_cjk_language(qapp: Any) -> None:
    theme = Theme()
    theme.configure(ThemeSettings(cjk_font_family="Noto Serif CJK TC"))  # type: ignore[call-arg]
    assert theme.fontFor("ja") == "Noto Serif CJK JP"
    theme.configure(ThemeSettings(cjk_font_family="WenQuanYi Zen Hei"))  # type: ignore[call-arg]
    assert theme.fontFor("ja") == "WenQuanYi Zen Hei" and theme.fontFor("zh-Hant") == "WenQuanYi Zen Hei"


def test_cjk_characters_in_latin_text_take_the_exhibitions_first_cjk_face(qapp: Any) -> None:
    theme = Theme()
    theme.configure(None, ["en", "ja"])
    assert [name.lower() for name in QFont.substitutes("Noto Sans")] == ["noto sans cjk jp"]
    theme.configure(None, ["en", "zh-Hant-TW", "ja"])
    assert [name.lower() for name in QFont.substitutes("Noto Sans")] == ["noto sans cjk tc"]
    theme.configure(None, ["en", "fr"])
    assert [name.lower() for name in QFont.substitutes("Noto Sans")] == ["noto sans cjk sc"]
