"""Lockdown: in kiosk mode nothing a visitor can press closes the window; the cursor hides."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.ops.lockdown import Lockdown
from tests.ops_helpers import QUIET_MEDIA, running_kiosk, visit
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA

CLOSING_KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
]


@pytest.mark.parametrize(("key", "modifier"), CLOSING_KEYS)
def test_closing_keys_are_swallowed_in_kiosk_mode(qtbot, tmp_path: Path, key, modifier) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=True) as (kiosk, ops):
        visit(kiosk, ops, lambda: kiosk.navigator.touch())
        QTest.keyClick(kiosk.window, key, modifier)
        assert kiosk.window.isVisible()
        assert kiosk.navigator.property("screen") == "home"


def test_escape_goes_back_and_never_closes_the_kiosk(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=True) as (kiosk, ops):
        visit(kiosk, ops, lambda: kiosk.navigator.touch())
        first_floor = kiosk.navigator.exhibition.floors[0].id
        visit(kiosk, ops, lambda: kiosk.navigator.openFloor(first_floor))
        assert kiosk.navigator.property("screen") == "floor"
        QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: kiosk.navigator.property("screen") == "home")
        QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)  # nothing further back: stays home, open
        assert kiosk.window.isVisible()
        assert kiosk.navigator.property("screen") == "home"


def test_close_requests_are_refused_in_kiosk_mode(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=True) as (kiosk, ops):
        assert kiosk.window.close() is False
        assert kiosk.window.isVisible()
        ops.lockdown.release()  # staff chose "exit to desktop"
        assert kiosk.window.close() is True
        assert not kiosk.window.isVisible()


def test_a_normal_window_closes(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=False) as (kiosk, _ops):
        assert kiosk.window.close() is True
        assert not kiosk.window.isVisible()


def test_ctrl_q_closes_a_normal_window(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=False) as (kiosk, _ops):
        QTest.keyClick(kiosk.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert not kiosk.window.isVisible()


def test_cursor_hides_after_the_delay_and_comes_back_on_movement(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=True) as (kiosk, ops):
        qtbot.waitUntil(lambda: ops.lockdown.cursor_hidden, timeout=5000)
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
        QTest.mouseMove(kiosk.window, QPoint(400, 300))
        assert not ops.lockdown.cursor_hidden
        assert QGuiApplication.overrideCursor() is None
        qtbot.waitUntil(lambda: ops.lockdown.cursor_hidden, timeout=5000)
    assert QGuiApplication.overrideCursor() is None, "closing the kiosk gives the cursor back"


def test_cursor_stays_in_windowed_mode(qtbot, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    with running_kiosk(content, tmp_path, kiosk_mode=False) as (_kiosk, ops):
        ops.lockdown.hide_cursor()
        assert not ops.lockdown.cursor_hidden


def test_screen_saver_inhibition_without_a_session_bus_is_only_logged(
    qtbot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    from PySide6.QtGui import QWindow

    window = QWindow()
    lockdown = Lockdown(window, kiosk_mode=True, cursor_hide_ms=60_000)
    with caplog.at_level("INFO", logger="kiosk.lockdown"):
        assert lockdown.inhibit_screensaver() is False
    assert "no session bus" in caplog.text
    lockdown.release()


def test_no_context_menus_text_selection_or_links_in_the_qml() -> None:
    qml = Path(__file__).resolve().parent.parent / "kiosk" / "qml"
    forbidden = ["Qt.openUrlExternally", "TextEdit", "TextField", "TextInput", "TextArea",
                 "selectByMouse", "onLinkActivated", "Menu {", "ContextMenu"]
    found = [f"{path.relative_to(qml)}: {word}" for path in qml.rglob("*.qml")
             for word in forbidden if word in path.read_text(encoding="utf-8")]
    assert found == []
