"""Every screen of the bundled exhibition passes the accessibility audit in every mode.

For each mode (and the three modes a seated visitor with low vision would combine, also in
Chinese) one kiosk window visits every screen, in the order `kiosk render` shows them, with the
mode on: touch targets of at least 48 px, text contrast of the mode's ratio
(Theme.contrastTarget), no text cut short or cut off, and in reach mode every control within
the reachable lower part.
A failure names the screen's file as `kiosk render` writes it, and the QML file of the item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.app.screens import KioskWindow
from kiosk.render import shots
from kiosk.render.audit import audit_screen
from kiosk.render.scene import walk

CONTENT = Path(__file__).resolve().parent.parent / "content"
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
SEATED_LOW_VISION = ("large-text", "high-contrast", "reach")

# Messages QtMultimedia prints on a machine without sound or hardware video decoding, and when
# the next screen interrupts a film or narration that is still opening (read aloud starts one).
pytestmark = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .*", r"PulseAudioService.*", r"No audio device detected",
    r".*No HW decoder found.*", r"Could not open media.*", r".*Immediate exit requested.*",
)

CASES = [
    pytest.param((), LANDSCAPE, "en", id="default"),
    pytest.param(("large-text",), LANDSCAPE, "en", id="large-text"),
    pytest.param(("high-contrast",), LANDSCAPE, "en", id="high-contrast"),
    pytest.param(("reach",), LANDSCAPE, "en", id="reach"),
    pytest.param(("reduced-motion",), LANDSCAPE, "en", id="reduced-motion"),
    pytest.param(("captions",), LANDSCAPE, "en", id="captions"),
    pytest.param(("read-aloud",), LANDSCAPE, "en", id="read-aloud"),
    pytest.param(SEATED_LOW_VISION, LANDSCAPE, "en", id="large-text+high-contrast+reach"),
    pytest.param((), PORTRAIT, "en", id="default-portrait"),
    pytest.param(("large-text",), PORTRAIT, "en", id="large-text-portrait"),
    # Chinese lines break differently: the mode that changes text most, in the second language
    pytest.param(SEATED_LOW_VISION, LANDSCAPE, "zh", id="large-text+high-contrast+reach-zh"),
]


@pytest.fixture(scope="module")
def bundled() -> Any:
    from kiosk.content.load import load_exhibition

    result = load_exhibition(CONTENT)
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    return result.exhibition


def modes_on(kiosk: KioskWindow) -> set[str]:
    from kiosk.app.access import Access

    return set(Access.for_engine(kiosk.engine).property("modes") or [])


@pytest.mark.slow
@pytest.mark.parametrize(("modes", "size", "language"), CASES)
def test_every_screen_passes_the_audit(
    qtbot: Any, bundled: Any, modes: tuple[str, ...], size: tuple[int, int], language: str
) -> None:
    kiosk = KioskWindow(bundled, CONTENT.resolve(), size=size, reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    expected_ratio = 7.0 if "high-contrast" in modes else 4.5
    problems: list[str] = []
    screens = 0
    try:
        for shot in shots.plan(bundled, language):
            method, argument = shot.move
            slot = getattr(kiosk.navigator, method)
            slot(argument) if argument else slot()
            kiosk.navigator.setLanguage(language)
            shots.apply_modes(kiosk, modes)
            assert kiosk.settle(), f"{shot.name} did not settle"
            assert modes_on(kiosk) == set(modes), f"{shot.name}: the modes are not on"
            target = shots.contrast_target(kiosk, modes)
            assert target == expected_ratio
            reach_top = shots.reachable_from(kiosk, modes)
            if reach_top is not None:
                assert reach_top > 0, "reach mode moves the controls down"
            problems += [f"{shot.name}: {finding.description}" for finding in
                         audit_screen(kiosk, min_contrast=target, reach_top=reach_top)]
            if any(item.objectName() == "exhibitFallback" for item in walk(kiosk.window.contentItem())):
                problems.append(f"{shot.name}: the exhibit's view could not be shown")
            screens += 1
    finally:
        kiosk.close()
    assert screens > 40, "every screen of the bundled exhibition was visited"
    assert not problems, f"{len(problems)} findings:\n" + "\n".join(problems)
