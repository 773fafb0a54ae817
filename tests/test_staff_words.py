"""The staff's words: the PIN pad and the staff panel speak the exhibition's default language
(the staff's) through the catalogs, with the language's plural forms, and today's figures too."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.insights.today import describe
from kiosk.ops.staff import Staff
from kiosk.words import words
from tests.ops_helpers import STAFF_PIN, item, running_kiosk
from tests.test_ops_staff import enter
from tests.ui_helpers import write_sample_exhibition


@pytest.fixture(autouse=True)
def own_state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The PIN lockout is kept in the state folder: each test has its own."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


def texts_under(root: QQuickItem) -> list[str]:
    """Every text shown by `root` and the items in it (Text items and the buttons' labels)."""
    found = []
    for child in root.childItems():
        text = child.property("text")
        if isinstance(text, str) and text and child.isVisible():
            found.append(text)
        found += texts_under(child)
    return found


def sample_in(default: str, root: Path) -> Path:
    content = write_sample_exhibition(root)
    settings = content / "exhibition.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "default_language: en", f"default_language: {default}"), encoding="utf-8")
    return content


@pytest.mark.both_rigs
def test_the_pad_and_the_panel_speak_the_exhibitions_default_language(qtbot, tmp_path: Path) -> None:
    content = sample_in("zh", tmp_path / "content")
    with running_kiosk(content, tmp_path) as (kiosk, ops):
        ops.staff.openPinPad()
        assert kiosk.wait_for_frame()
        assert item(kiosk, "pinMessage").property("text") == "请输入工作人员 PIN 码"
        assert "取消" in texts_under(item(kiosk, "pinPad"))
        enter(qtbot, ops.staff, STAFF_PIN, right=True)
        assert kiosk.wait_for_frame()
        shown = texts_under(item(kiosk, "staffPanel"))
        for chinese in ("工作人员面板", "立即重新加载内容", "关闭面板", "已运行", "正常"):
            assert chinese in shown, (chinese, shown)
        assert not {"Staff panel", "Reload content now", "Close panel", "valid"} & set(shown)
        assert re.fullmatch(r"音量 \d+%", ops.staff.property("volumeHeading"))


def test_the_panel_counts_errors_and_seconds_in_the_staffs_language(tmp_path: Path) -> None:
    staff = Staff()
    staff.update_status(contentValid=False, contentErrors=["a problem"] * 5)
    assert staff.property("contentState") == "5 errors (listed below)"
    with_words = []
    staff.wordsChanged.connect(lambda: with_words.append(staff.property("words")["staff_reload"]))
    staff.set_language("ru")
    assert with_words == ["Перезагрузить контент"]
    assert staff.property("contentState") == "5 ошибок (список ниже)"
    staff.update_status(contentErrors=["a problem"] * 2)
    assert staff.property("contentState") == "2 ошибки (список ниже)"
    assert staff.property("errorsHeading") == "Ошибки контента (2)"
    assert staff.property("lockedText") == "Заблокировано.\nПовторите через 0 секунд"
    staff.set_language("ar")
    staff.update_status(contentErrors=["a problem"])
    assert staff.property("contentState") == "خطأ واحد (مذكور أدناه)"


def test_the_pads_messages_follow_the_language(tmp_path: Path) -> None:
    staff = Staff()
    staff.set_pin_source(lambda: None)
    staff.openPinPad()
    assert staff.property("pinMessage") == "No staff PIN is set. Run: kiosk set-pin"
    staff.set_language("ja")
    assert staff.property("pinMessage") == "スタッフ用 PIN が設定されていません。実行: kiosk set-pin"
    staff.closeAll()


def test_todays_figures_in_the_staffs_language() -> None:
    summary = SimpleNamespace(sessions=4, median_seconds=95.0, top_exhibits=[("harbour", 3)],
                              language_share={"en": 0.25, "zh": 0.75})
    title_of = {"harbour": "Гавань"}.get
    russian = describe(summary, lambda exhibit: title_of(exhibit) or exhibit, words("ru"))
    assert russian["topExhibit"] == "Гавань (3 просмотра)"
    assert russian["median"] == "1 мин 35 с"
    assert re.fullmatch("\\w+ 75\u00a0%, English 25\u00a0%", russian["languages"])
    one = SimpleNamespace(sessions=1, median_seconds=20.0, top_exhibits=[("harbour", 1)], language_share={})
    assert describe(one, lambda exhibit: "The Harbour", words("en"))["topExhibit"] == "The Harbour (1 view)"
    assert describe(one, lambda exhibit: "港口", words("zh"))["topExhibit"] == "港口（1次）"
    empty = SimpleNamespace(sessions=0, median_seconds=0.0, top_exhibits=[], language_share={})
    chinese = describe(empty, str, words("zh"))
    assert chinese["median"] == "还没有访问" and chinese["topExhibit"] == "暂无"
