"""Zoomable pictures and maps survive language switches and leaving, without QML binding loops.

Qt reports a binding loop as a warning, and warnings fail the test run, so walking these screens
is the whole check.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path
from typing import Any

from kiosk.app.screens import KioskWindow
from kiosk.content.load import load_exhibition

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_zoom_views_through_language_switches_and_back(qtbot: Any) -> None:
    exhibition = load_exhibition(CONTENT).exhibition
    assert exhibition is not None
    kiosk = KioskWindow(exhibition, CONTENT, reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    try:
        for exhibit_id, language in product(["master-plan", "port-map", "early-harbour"], ["zh", "en"]):
            kiosk.navigator.openExhibit(exhibit_id)
            assert kiosk.settle()
            kiosk.navigator.setLanguage(language)
            assert kiosk.settle()
            assert kiosk.navigator.property("language") == language
            kiosk.navigator.back()
            assert kiosk.settle()
            kiosk.navigator.resetToAttract()
            assert kiosk.settle()
            kiosk.navigator.touch()
            assert kiosk.settle()
        assert kiosk.navigator.property("screen") == "home"
    finally:
        kiosk.close()
