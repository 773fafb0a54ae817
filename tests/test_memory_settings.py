"""The long-running process keeps its memory flat: capped malloc arenas, the heap and the font file
pages of a visit handed back when it ends, one face of the Chinese font file open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont, QImage, QPainter, QTextLayout

from kiosk.app.memory import font_mappings, limit_malloc_arenas

CHINESE = "大连城市规划展一座港口城市的昨天今天与更绿色的明天触摸屏幕开始探索海湾水深浪静"


def test_limit_malloc_arenas_on_glibc() -> None:
    assert limit_malloc_arenas(2) is True


def test_kiosk_run_configures_malloc_before_qt_starts() -> None:
    code = (
        "import kiosk.composition as composition, inspect;"
        "src = inspect.getsource(composition.main);"
        "print(src.index('configure_malloc()') < src.index('QGuiApplication('))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


FREED_PICTURE = """
import ctypes, json, sys
from kiosk.app.memory import configure_malloc
if sys.argv[1] == "configured":
    configure_malloc()
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = (ctypes.c_void_p,)
def rss_mb():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 1e6
libc.free(libc.malloc(24_000_000))        # a large picture, decoded and dropped
before = rss_mb()
picture = libc.malloc(12_000_000)         # the next one, a little smaller
ctypes.memset(picture, 1, 12_000_000)
libc.free(picture)
print(json.dumps(rss_mb() - before))
"""


def test_a_freed_picture_buffer_goes_back_to_the_system_at_once() -> None:
    """glibc's default kept it in the heap (after a larger block was freed) until the visit ended."""
    def kept_mb(mode: str) -> float:
        done = subprocess.run([sys.executable, "-c", FREED_PICTURE, mode], capture_output=True,
                              text=True, check=True)
        return float(done.stdout)

    assert kept_mb("default") > 10  # how it was: glibc's own choice
    assert kept_mb("configured") < 1


def test_release_free_memory_on_glibc() -> None:
    from kiosk.app.memory import release_free_memory

    assert release_free_memory() in (True, False)  # True when memory went back, never raises


def test_the_end_of_a_visit_hands_memory_back(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import screens
    from tests.ui_helpers import load_sample

    calls: list[int] = []
    monkeypatch.setattr(screens, "release_free_memory", lambda: calls.append(1) or True)
    monkeypatch.setattr(screens.KioskWindow, "RELEASE_DELAY_MS", 10)
    kiosk = screens.KioskWindow(load_sample(tmp_path), tmp_path, reduced_motion=True)
    kiosk.window.show()
    try:
        kiosk.navigator.touch()
        qtbot.waitUntil(kiosk.settled)
        assert calls == []
        kiosk.navigator.resetToAttract()
        qtbot.waitUntil(lambda: calls == [1])
    finally:
        kiosk.close()


# -- font file pages -------------------------------------------------------------------------------

def resident_font_kb() -> int:
    """Resident size of this process's font file mappings, in kB."""
    starts = {start for start, _, _ in font_mappings()}
    total, counting = 0, False
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            head = line.split(maxsplit=1)[0]
            if "-" in head and not head.endswith(":"):
                counting = int(head.split("-")[0], 16) in starts
            elif counting and head == "Rss:":
                total += int(line.split()[1])
    return total


def draw_chinese(size: int = 80) -> None:
    """Chinese text in a size Qt draws from the glyphs' outlines each time (no glyph cache)."""
    image = QImage(3200, 200, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(size)
    painter.setFont(font)
    painter.drawText(10, 120, CHINESE)
    painter.end()


def test_font_pages_a_text_touched_are_handed_back(qapp: Any) -> None:
    from kiosk.app.memory import release_font_pages

    draw_chinese()
    assert resident_font_kb() > 1024  # the face's tables and these glyphs: MBs of the 20 MB file
    assert release_font_pages() > 0
    assert resident_font_kb() < 256
    draw_chinese(size=90)  # the font still works: pages come back from the file as needed
    assert resident_font_kb() > 0


def test_a_visit_ends_with_its_font_pages_handed_back(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import screens
    from tests.ui_helpers import load_sample

    monkeypatch.setattr(screens.KioskWindow, "RELEASE_DELAY_MS", 10)
    kiosk = screens.KioskWindow(load_sample(tmp_path), tmp_path, reduced_motion=True)
    kiosk.window.show()
    try:
        kiosk.navigator.touch()
        kiosk.navigator.setLanguage("zh")
        qtbot.waitUntil(kiosk.settled)
        draw_chinese()  # more of the Chinese font, as a longer visit reads
        during_visit = resident_font_kb()
        assert during_visit > 1024
        kiosk.navigator.resetToAttract()
        qtbot.waitUntil(lambda: resident_font_kb() < during_visit / 4)
    finally:
        kiosk.close()


def test_chinese_in_latin_text_uses_the_exhibitions_chinese_face(qapp: Any) -> None:
    """Not fontconfig's first CJK face (Japanese), which opened the same font file a second time."""
    from kiosk.app.theme import Theme

    Theme().configure(None)  # the default fonts: Noto Sans, and Noto Sans CJK SC for Chinese
    layout = QTextLayout("Harbour 港口规划图", QFont("Noto Sans"))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert families == {"Noto Sans", "Noto Sans CJK SC"}
