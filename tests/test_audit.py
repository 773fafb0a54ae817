"""The accessibility audit itself, on tiny hand-made scenes: each check finds what it should."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.app.bootstrap import make_engine
from kiosk.ops.qml_types import register_qml_types
from kiosk.render.audit import audit_screen
from kiosk.render.scene import Finding

Scene = Callable[[str], QQuickWindow]

HEADER = """\
import QtQuick

Window {
    width: 480
    height: 320
    visible: true
    color: "#101010"

"""

# Every QML type of the kiosk, as `kiosk run` registers them, before any engine here uses the
# `Kiosk` module (a type registered after an engine has used the module is not seen by it).
register_qml_types()


@pytest.fixture
def scene(qtbot: Any, tmp_path: Path) -> Iterator[Scene]:
    """Show a small window made of the given QML items; the engines go away after the test."""
    engines: list[QQmlApplicationEngine] = []

    def show(body: str) -> QQuickWindow:
        path = tmp_path / f"scene{len(engines)}.qml"
        path.write_text(HEADER + body + "\n}\n", encoding="utf-8")
        engine = make_engine(size=(480, 320))  # as the kiosk's own: Theme, Navigator, Access
        engines.append(engine)
        engine.load(QUrl.fromLocalFile(str(path)))
        window = engine.rootObjects()[0]
        assert isinstance(window, QQuickWindow)
        qtbot.waitExposed(window)
        return window

    yield show
    for engine in engines:
        for window in engine.rootObjects():
            window.close()  # type: ignore[attr-defined]
        engine.deleteLater()


def kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return sorted((finding.kind, finding.subject) for finding in findings)


def text(body: str, **props: object) -> str:
    lines = "".join(f"        {key}: {value}\n" for key, value in props.items())
    return f'    Text {{\n        text: "{body}"\n        font.pixelSize: 24\n{lines}    }}\n'


# -- touch targets ---------------------------------------------------------------------------


def test_small_targets_are_found_and_large_or_disabled_ones_pass(scene: Scene) -> None:
    window = scene("""
    Item { objectName: "tiny"; x: 10; y: 10; width: 30; height: 30; TapHandler {} }
    Item { objectName: "wide"; x: 60; y: 10; width: 200; height: 48; TapHandler {} }
    Item { objectName: "thin"; x: 10; y: 80; width: 100; height: 40; MouseArea { anchors.fill: parent } }
    Item { objectName: "off"; x: 10; y: 140; width: 20; height: 20; enabled: false; TapHandler {} }
    Item { objectName: "padded"; x: 10; y: 200; width: 40; height: 40; TapHandler { margin: 8 } }
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("target", "target 'MouseArea'"), ("target", "target 'tiny'")]
    tiny = next(finding for finding in findings if "tiny" in finding.subject)
    assert tiny.value == 30 and tiny.rect == (10, 10, 30, 30)
    assert tiny.description == "target 'tiny' 30x30 px < 48 px at 10,10 30x30 [scene0.qml]"


def test_the_target_size_is_measured_on_screen(scene: Scene) -> None:
    window = scene("""
    Item { x: 10; y: 10; width: 60; height: 60; scale: 0.5; transformOrigin: Item.TopLeft
        Item { objectName: "shrunk"; width: 60; height: 60; TapHandler {} } }
""")
    assert kinds(audit_screen(window, min_contrast=4.5)) == [("target", "target 'shrunk'")]
    assert audit_screen(window, min_contrast=4.5, min_target_px=30) == []


def test_in_reach_mode_controls_must_be_low_enough(scene: Scene) -> None:
    window = scene("""
    Item { objectName: "high"; x: 10; y: 10; width: 100; height: 60; TapHandler {} }
    Item { objectName: "straddling"; x: 10; y: 100; width: 100; height: 100; TapHandler {} }
    Item { objectName: "low"; x: 10; y: 200; width: 100; height: 60; TapHandler {} }
    Item { objectName: "everywhere"; width: 480; height: 320; TapHandler {} }
""")
    assert audit_screen(window, min_contrast=4.5) == []
    findings = audit_screen(window, min_contrast=4.5, reach_top=150)
    assert kinds(findings) == [("reach", "target 'high'")]
    assert "is above the reachable area (top 10 px, reach from 150 px)" in findings[0].detail
    assert kinds(audit_screen(window, min_contrast=4.5, reach_top=160)) == [
        ("reach", "target 'high'"), ("reach", "target 'straddling'")]


# -- contrast --------------------------------------------------------------------------------


def test_grey_text_on_grey_is_low_contrast_and_white_on_black_is_not(scene: Scene) -> None:
    window = scene(f"""
    Rectangle {{ width: 480; height: 160; color: "#666666" }}
{text("Faint words", x=20, y=20, color='"#808080"')}
{text("Clear words", x=20, y=200, color='"#ffffff"')}
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("contrast", "text 'Faint words'")]
    assert findings[0].value == pytest.approx(1.4, abs=0.1)
    assert "#808080 on #666666" in findings[0].detail


def test_the_mode_decides_the_ratio(scene: Scene) -> None:
    # white on #767676 is 4.54:1: enough for the standard kiosk, not for high contrast
    window = scene(f"""
    Rectangle {{ width: 480; height: 320; color: "#767676" }}
{text("Just enough", x=20, y=20, color='"#ffffff"')}
""")
    assert audit_screen(window, min_contrast=4.5) == []
    findings = audit_screen(window, min_contrast=7.0)
    assert kinds(findings) == [("contrast", "text 'Just enough'")]
    assert findings[0].value == pytest.approx(4.54, abs=0.05)


def test_opacity_of_the_text_and_its_parents_counts(scene: Scene) -> None:
    window = scene(f"""
    Item {{ opacity: 0.5
        Item {{ opacity: 0.6
{text("Faded", x=20, y=20, color='"#ffffff"')}
        }}
    }}
{text("Opaque", x=20, y=200, color='"#ffffff"')}
""")
    assert kinds(audit_screen(window, min_contrast=4.5)) == [("contrast", "text 'Faded'")]


def test_text_over_a_picture_counts_its_worst_part(scene: Scene) -> None:
    # a "photo" that is dark on the left and light on the right, white text across it
    window = scene(f"""
    Rectangle {{ width: 480; height: 320
        gradient: Gradient {{ orientation: Gradient.Horizontal
            GradientStop {{ position: 0.0; color: "#000000" }}
            GradientStop {{ position: 1.0; color: "#f0f0f0" }} }} }}
{text("Across the whole picture here", x=10, y=20, color='"#ffffff"')}
    Rectangle {{ y: 160; width: 480; height: 80; color: Qt.rgba(0, 0, 0, 0.7) }}
{text("Behind a dark scrim, all along", x=10, y=180, color='"#ffffff"')}
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("contrast", "text 'Across the whole picture here'")]
    assert findings[0].value < 3.2  # the right end of the line, over the light part


def test_disabled_and_decorative_text_is_exempt_from_contrast_only(scene: Scene) -> None:
    window = scene(f"""
    Rectangle {{ width: 480; height: 320; color: "#666666" }}
    Item {{ enabled: false
{text("Unavailable", x=20, y=20, color='"#808080"')}
    }}
{text("Watermark", x=20, y=100, color='"#808080"', **{"Accessible.ignored": "true"})}
{text("Watermark cut", x=20, y=200, width=40, clip="true", color='"#808080"',
      **{"Accessible.ignored": "true"})}
""")
    assert kinds(audit_screen(window, min_contrast=4.5)) == [("clipped", "text 'Watermark cut'")]


# -- clipped and truncated text --------------------------------------------------------------


def test_clipped_text_is_found(scene: Scene) -> None:
    window = scene(f"""
    Rectangle {{ objectName: "card"; x: 10; y: 10; width: 120; height: 60; clip: true; color: "black"
{text("Longer than its card", color='"#ffffff"')}
    }}
{text("Off the edge", x=420, y=120, color='"#ffffff"')}
{text("Spills out", x=10, y=200, width=40, color='"#ffffff"')}
{text("Fits", x=10, y=260, color='"#ffffff"')}
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("clipped", "text 'Longer than its card'"),
                               ("clipped", "text 'Off the edge'"),
                               ("clipped", "text 'Spills out'")]
    details = {finding.subject: finding.detail for finding in findings}
    assert details["text 'Longer than its card'"] == "is cut off by the box around it ('card' in scene0.qml)"
    assert details["text 'Off the edge'"] == "is cut off by the edge of the screen"
    assert details["text 'Spills out'"].startswith("is wider than its box")


def test_truncated_text_is_found(scene: Scene) -> None:
    window = scene(f"""
{text("An elided line of words", x=10, y=10, width=120, elide="Text.ElideRight",
      color='"#ffffff"')}
{text("Two lines at most, then cut short here", x=10, y=80, width=200, wrapMode="Text.Wrap",
      maximumLineCount=1, color='"#ffffff"')}
{text("Short", x=10, y=200, width=200, elide="Text.ElideRight", color='"#ffffff"')}
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("truncated", "text 'An elided line of words'"),
                               ("truncated", "text 'Two lines at most, then cut short here'")]


def test_a_scrolling_list_may_hold_text_out_of_view(scene: Scene) -> None:
    window = scene(f"""
    Flickable {{ width: 480; height: 100; clip: true; contentHeight: 600
{text("Below the fold", y=400, color='"#ffffff"')}
{text("Half in view", y=88, color='"#ffffff"')}
    }}
""")
    assert audit_screen(window, min_contrast=4.5) == []


def test_texts_drawn_over_each_other_are_found(scene: Scene) -> None:
    window = scene(f"""
{text("Oil terminals", x=10, y=10, color='"#ffffff"')}
{text("Trains to Europe", x=40, y=20, color='"#ffffff"')}
{text("Just touching", x=10, y=100, color='"#ffffff"')}
{text("Next line", x=10, y=131, color='"#ffffff"')}
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("clipped", "text 'Oil terminals'")]
    assert findings[0].detail == "overlaps text 'Trains to Europe' (scene0.qml)"


def test_text_under_a_solid_bar_is_found(scene: Scene) -> None:
    window = scene(f"""
{text("Under the bar", x=10, y=10, color='"#ffffff"')}
{text("Over the bar", x=10, y=100, z=1, color='"#ffffff"')}
{text("Under a see-through bar", x=10, y=200, color='"#ffffff"')}
    Rectangle {{ objectName: "bar"; y: 20; width: 480; height: 100; color: "#202020" }}
    Rectangle {{ y: 210; width: 480; height: 40; color: Qt.rgba(0, 0, 0, 0.5) }}
""")
    findings = audit_screen(window, min_contrast=4.5)
    assert kinds(findings) == [("clipped", "text 'Under the bar'")]
    assert findings[0].detail == "is partly hidden under 'bar' (scene0.qml)"


# -- on the real kiosk ---------------------------------------------------------------------


def test_the_audit_sees_a_dim_theme_colour_on_the_real_kiosk(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.app.screens import KioskWindow
    from tests.ui_helpers import load_sample

    exhibition = load_sample(tmp_path)
    kiosk = KioskWindow(exhibition, tmp_path, reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    try:
        kiosk.navigator.openSection("old-harbour")
        assert kiosk.settle()
        assert audit_screen(kiosk, min_contrast=4.5) == []
        dim = exhibition.settings.theme.model_copy(update={"muted_text": "#3a4450"})
        kiosk.theme.configure(dim)
        assert kiosk.wait_for_frame()
        findings = audit_screen(kiosk, min_contrast=4.5)
    finally:
        kiosk.close()
    assert findings and {finding.kind for finding in findings} == {"contrast"}
    assert all("#3a4450 on" in finding.detail and finding.value < 2 for finding in findings)
    assert "text 'Ships, cranes and the first streets.'" in {f.subject for f in findings}


# -- where staff fix a finding -----------------------------------------------------------------


def test_words_on_screen_are_traced_to_their_content_field(tmp_path: Path) -> None:
    from kiosk.render.content_fields import ContentIndex, name_places
    from tests.ui_helpers import load_sample

    exhibition = load_sample(tmp_path)
    english, chinese = ContentIndex(exhibition, "en"), ContentIndex(exhibition, "zh")

    def field(index: ContentIndex, words: str, screen: str) -> str:
        return str(index.field_of(words, screen))

    story = "exhibit 'harbour-story'"
    assert field(english, "Ships came first.", story) == f"{story} field body", "one paragraph of the body"
    assert field(english, "A Sheltered Bay", story) == f"{story} field title"
    figures = "exhibit 'port-figures'"
    assert field(english, "million tonnes a year", figures) == f"{figures} field items[0].label"
    assert field(english, "450", figures) == f"{figures} field items[0].value"
    voice = "exhibit 'harbour-voice'"
    assert field(english, "\u201cWe built this harbour by hand.\u201d", voice) == f"{voice} field text"
    assert field(chinese, "「这个港口是我们亲手建起来的。」", voice) == f"{voice} field text"
    assert field(english, "A Sheltered Bay", "section 'old-harbour'") == f"{story} field title", \
        "a card on a section screen names its exhibit"
    assert english.field_of("Back", story) is None, "the kiosk's own words are no content field"

    class Navigator:
        def __init__(self) -> None:
            self.exhibition = exhibition

        def property(self, name: str) -> object:
            return {"place": {"screen": "section", "section": "old-harbour"}, "language": "en"}[name]

    found = [Finding("contrast", "text 'Back'", "3.0:1 < 4.5:1", 3.0, (0, 0, 9, 9), "HeaderButton.qml",
                     "Back"),
             Finding("clipped", "text 'A Sheltered Bay'", "is cut off", 0.0, (0, 0, 9, 9), "ExhibitCard.qml",
                     "A Sheltered Bay")]
    back, card = name_places(found, Navigator())
    assert back.staff_line == "section 'old-harbour': text 'Back' 3.0:1 < 4.5:1"
    assert card.staff_line == ("section 'old-harbour', exhibit 'harbour-story' field title: "
                               "text 'A Sheltered Bay' is cut off")
    assert card.description.endswith("[ExhibitCard.qml]")
