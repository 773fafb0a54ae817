"""Per-screen settings: checked like content, and applied (start place, languages, turn, idle, volume)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest

from kiosk.app.navigator import Navigator
from kiosk.app.screens import KioskWindow
from kiosk.fleet.orientation import ScreenRotation, rotation_needed
from kiosk.fleet.screen_config import ScreenSettings, load_screen_config, resolve_screen_file
from kiosk.fleet.screen_setup import apply_to_window, apply_volume, operations_options
from tests.content_factory import line_of
from tests.ops_helpers import QUIET_MEDIA, running_kiosk
from tests.ui_helpers import load_sample, navigator_on, walk, write_sample_exhibition
from tests.ui_helpers import place_of as place

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = tmp_path_factory.mktemp("sample")
    return load_sample(root), root


def screen_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "screen.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# -- checking the file -------------------------------------------------------------------------

BROKEN = """\
name: floor-1
start: old-harbor
orientaton: portrait
languages: [zh, fr, en]
idle_seconds: 90
volume: 1.5
"""


def test_every_problem_has_its_line_and_a_hint_and_good_keys_still_apply(
    tmp_path: Path, sample: tuple[Any, Path]
) -> None:
    path = screen_file(tmp_path, BROKEN)
    config = load_screen_config(path, sample[0])
    shown = [problem.format() for problem in config.problems]
    expected = {
        "start: old": "'old-harbor' is not a floor, section or exhibit (did you mean 'old-harbour'?)",
        "orientaton": "unknown field 'orientaton' (did you mean 'orientation'?)",
        "fr": "'fr' is not one of the exhibition's languages",
        "volume": "1.5 is too large (it must be at most 1",
    }
    for needle, message in expected.items():
        line = line_of(BROKEN, needle)
        assert any(f"{path}:{line}:" in text and message in text for text in shown), (needle, shown)
    assert len(config.errors) == 4
    settings = config.settings
    assert settings.name == "floor-1" and settings.idle_seconds == 90
    assert settings.start is None, "a wrong start place falls back to the home screen"
    assert settings.volume is None and settings.orientation == "landscape"
    assert settings.languages == ["zh", "en"], "the unknown language is left out"


def test_a_file_that_is_not_yaml_gives_defaults_and_a_placed_error(tmp_path: Path) -> None:
    path = screen_file(tmp_path, "name: a\nstart: [floor\n")
    config = load_screen_config(path)
    assert config.settings == ScreenSettings()
    assert config.errors and config.errors[0].line >= 2, config.errors[0].format()


def test_a_missing_file_runs_with_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert resolve_screen_file(None) is None, "no default file: no settings"
    default = tmp_path / "config" / "kiosk" / "screen.yaml"
    default.parent.mkdir(parents=True)
    default.write_text("name: lobby\n", encoding="utf-8")
    assert resolve_screen_file(None) == default
    config = load_screen_config(tmp_path / "nowhere.yaml")
    assert config.settings == ScreenSettings() and "does not exist" in config.errors[0].message


def test_a_wrong_type_is_explained(tmp_path: Path) -> None:
    text = "idle_seconds: soon\norientation: sideways\n"
    config = load_screen_config(screen_file(tmp_path, text))
    messages = {problem.line: problem.message + " " + problem.hint for problem in config.problems}
    assert "expected a number" in messages[1]
    assert "'sideways' is not allowed" in messages[2] and "portrait" in messages[2]


def test_file_paths_are_relative_to_the_settings_file(tmp_path: Path) -> None:
    text = "metrics_file: metrics/kiosk.prom\ninsights_db: /var/lib/kiosk/insights.db\n"
    settings = load_screen_config(screen_file(tmp_path, text)).settings
    assert settings.metrics_file == tmp_path / "metrics" / "kiosk.prom"
    assert settings.insights_db == Path("/var/lib/kiosk/insights.db")
    options = operations_options(settings.model_copy(update={"idle_seconds": 42.0, "name": "hall"}))
    assert options["timings"].idle_seconds == 42.0
    assert options["screen_name"] == "hall" and options["insights_db"] == settings.insights_db


POWER_BROKEN = """\
name: hall
display_power:
  - method: ddc
    display: 1
  - method: pjlnk
  - method: pjlink
    port: 4352
  - method: pjlink
    host: 10.0.0.5
    port: 70000
  - method: cec
    host: 10.0.0.6
"""


def test_display_power_problems_are_placed_on_their_lines_and_power_keeps_its_default(
    tmp_path: Path
) -> None:
    config = load_screen_config(screen_file(tmp_path, POWER_BROKEN))
    path = tmp_path / "screen.yaml"
    assert [problem.format() for problem in config.problems] == [
        f"{path}:5:13: error: 'pjlnk' is not allowed here (did you mean 'pjlink'?)",
        f"{path}:6:5: error: a pjlink device needs 'host', the projector's network address "
        "(add a line such as 'host: 192.168.1.50')",
        f"{path}:10:11: error: 70000 is too large (it must be at most 65535)",
        f"{path}:11:5: error: 'host' is only used with method pjlink, not cec "
        "(delete 'host', or set 'method: pjlink')",
    ]
    assert config.settings.display_power is None and config.settings.name == "hall"


def test_display_power_takes_a_method_one_device_or_a_list(tmp_path: Path) -> None:
    def devices(text: str) -> list[tuple[str, str]]:
        config = load_screen_config(screen_file(tmp_path, text))
        assert config.problems == [], [problem.format() for problem in config.problems]
        return [(device.method, device.label) for device in config.settings.display_power or []]

    assert devices("display_power: none\n") == [("none", "none")]
    assert devices("display_power:\n  method: pjlink\n  host: 10.0.0.5\n  password: pw\n") == [
        ("pjlink", "pjlink 10.0.0.5")]
    assert devices("display_power: [ddc, {method: wayland, output: HDMI-A-1}, "
                   "{method: pjlink, host: p.local, port: 4353, name: hall-projector}]\n") == [
        ("ddc", "ddc"), ("wayland", "wayland HDMI-A-1"), ("pjlink", "hall-projector")]
    twice = load_screen_config(screen_file(tmp_path, "display_power: [ddc, ddc]\n"))
    assert [problem.format() for problem in twice.problems] == [
        f"{tmp_path / 'screen.yaml'}:1:16: error: two devices are both called 'ddc' "
        "(give each device its own 'name')"]
    text = "display_power:\n  method: cec\n  devise: /dev/cec1\n"
    unknown = load_screen_config(screen_file(tmp_path, text))
    assert [(p.line, p.message, p.hint) for p in unknown.problems] == [
        (3, "unknown field 'devise'", "did you mean 'device'?")]


def test_the_screen_settings_choose_the_display_power_devices() -> None:
    settings = ScreenSettings.model_validate({"display_power": [{"method": "ddc", "display": 2}, "cec"]})
    power = operations_options(settings)["display_power"]
    assert [(device.settings.method, device.settings.label) for device in power.devices] == [
        ("ddc", "ddc display 2"), ("cec", "cec")]


# -- applied to the visit ----------------------------------------------------------------------

@pytest.fixture
def nav(qapp: Any, sample: tuple[Any, Path]) -> Navigator:
    return navigator_on(*sample)  # type: ignore[no-any-return]


def test_a_touch_on_attract_opens_the_screens_start_floor(nav: Navigator) -> None:
    nav.set_screen_settings("port", None)
    nav.touch()
    assert place(nav) == ("floor", "port", "", "")
    nav.back()
    assert place(nav) == ("home", "", "", ""), "Back from the start floor shows the whole exhibition"
    nav.resetToAttract()
    nav.touch()
    assert place(nav) == ("floor", "port", "", ""), "every visit starts at the start floor"
    nav.openSection("old-harbour")
    nav.home()
    assert place(nav) == ("home", "", "", ""), "Home is the exhibition's home"


def test_a_start_section_or_exhibit_climbs_back_to_home(nav: Navigator) -> None:
    nav.set_screen_settings("harbour-plan", None)
    nav.touch()
    assert place(nav) == ("exhibit", "port", "old-harbour", "harbour-plan")
    nav.back()
    assert place(nav) == ("section", "port", "old-harbour", "")
    nav.resetToAttract()
    nav.set_screen_settings("old-harbour", None)
    nav.touch()
    assert place(nav) == ("section", "port", "old-harbour", "")
    nav.back()
    nav.back()
    assert place(nav) == ("home", "", "", "")


def test_a_start_place_the_content_lost_falls_back_to_home(nav: Navigator) -> None:
    nav.set_screen_settings("gone-floor", None)
    nav.touch()
    assert place(nav) == ("home", "", "", "")


def test_the_screens_language_order_and_starting_language(nav: Navigator) -> None:
    assert nav.property("language") == "en"
    nav.set_screen_settings(None, ["zh", "en"])
    assert [entry["code"] for entry in nav.property("languages")] == ["zh", "en"]
    assert nav.property("language") == "zh", "on attract the first language is chosen at once"
    nav.touch()
    nav.setLanguage("en")
    nav.resetToAttract()
    assert nav.property("language") == "zh", "the next visitor starts in the screen's language"
    nav.set_screen_settings(None, ["zh"])
    assert [entry["code"] for entry in nav.property("languages")] == ["zh"]
    nav.set_screen_settings(None, ["fr"])
    assert [entry["code"] for entry in nav.property("languages")] == ["en", "zh"], \
        "no language left: the exhibition's own"


# -- orientation -------------------------------------------------------------------------------

def test_rotation_is_skipped_when_the_system_turned_the_output() -> None:
    assert rotation_needed("portrait", 1920, 1080) == 90
    assert rotation_needed("portrait", 1080, 1920) == 0
    assert rotation_needed("portrait-flipped", 1920, 1080) == 270
    assert rotation_needed("landscape-flipped", 1920, 1080) == 180
    assert rotation_needed("landscape", 1920, 1080) == 0


@pytest.fixture
def turned_kiosk(qtbot: Any, sample: tuple[Any, Path]) -> Iterator[KioskWindow]:
    kiosk = KioskWindow(sample[0], sample[1], size=(1920, 1080), reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    yield kiosk
    kiosk.close()


def test_a_portrait_screen_turns_the_picture_and_touches_follow(
    qtbot: Any, turned_kiosk: KioskWindow
) -> None:
    kiosk = turned_kiosk
    rotation = apply_to_window(kiosk, ScreenSettings(orientation="portrait", start=None))
    assert isinstance(rotation, ScreenRotation)
    root = kiosk.window.contentItem()
    assert (root.width(), root.height(), root.rotation()) == (1080, 1920, 90)
    assert (kiosk.theme._width, kiosk.theme._height) == (1080, 1920), "the layout is portrait"
    kiosk.navigator.touch()
    qtbot.waitUntil(kiosk.settled)
    tiles = [item for item in walk(root) if str(item.property("accessibleName") or "").startswith("Floor ")]
    assert len({round(item.x()) for item in tiles}) == 1, "floor tiles stack as on a portrait screen"
    target = next(item for item in tiles if item.property("accessibleName") == "Floor 1 The Port")
    point = target.mapToScene(target.boundingRect().center()).toPoint()
    assert point.x() > 1080, "on the panel, floor 1 (the top of the picture) is on the right"
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(kiosk.window, device, False).press(0, point, kiosk.window).commit()
    QTest.touchEvent(kiosk.window, device, False).release(0, point, kiosk.window).commit()
    qtbot.waitUntil(lambda: kiosk.navigator.property("screen") == "floor")
    assert kiosk.navigator.property("place")["floor"] == "port"


def test_the_turn_survives_a_resize(qtbot: Any, turned_kiosk: KioskWindow) -> None:
    kiosk = turned_kiosk
    apply_to_window(kiosk, ScreenSettings(orientation="landscape-flipped"))
    kiosk.window.resize(1600, 900)
    root = kiosk.window.contentItem()
    qtbot.waitUntil(
        lambda: (root.width(), root.height(), root.x(), root.rotation()) == (1600, 900, 1600, 180))


# -- idle time and volume in a running kiosk --------------------------------------------------

@QUIET_MEDIA
def test_volume_and_idle_time_reach_the_operations(qtbot: Any, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    settings = ScreenSettings(idle_seconds=300, volume=0.25)
    timings = operations_options(settings)["timings"]
    with running_kiosk(content, tmp_path, timings=timings) as (_kiosk, ops):
        apply_volume(ops, settings.volume)
        assert ops.idle._idle_s == 300
        assert ops.idle._default_volume == 0.25
        assert ops.staff.status["volume"] == 0.25
        if ops.playback is not None:
            assert ops.playback.property("volume") == pytest.approx(0.25)


def test_the_example_file_fits_the_bundled_exhibition() -> None:
    from kiosk.content.load import load_exhibition

    exhibition = load_exhibition(REPO / "content").exhibition
    config = load_screen_config(REPO / "deploy" / "screen.example.yaml", exhibition)
    assert config.problems == []
    assert config.settings.start == "ecology" and config.settings.orientation == "portrait"


def test_validate_checks_the_screen_file_with_the_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import cmd_validate

    content = write_sample_exhibition(tmp_path / "content")
    path = screen_file(tmp_path, "start: port\nlanguages: [zh, en]\n")
    args = argparse.Namespace(dir=content, quiet=False, screen_config=path)
    assert cmd_validate(args) == 0
    path.write_text("start: harbour\n", encoding="utf-8")
    assert cmd_validate(args) == 1
    assert f"{path}:1:8: error: 'harbour' is not a floor, section or exhibit" in capsys.readouterr().out


# -- `kiosk run --screen-config`, end to end ---------------------------------------------------

DRIVER = """\
import argparse, json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import qmlEngine
app = QGuiApplication(sys.argv[:1])
metrics = Path(sys.argv[3])

def look():
    windows = [w for w in app.topLevelWindows() if qmlEngine(w) is not None]
    if not metrics.exists() or not windows:
        return
    from kiosk.app.navigator import Navigator
    window = windows[0]
    navigator = Navigator.for_engine(qmlEngine(window))
    first_language = navigator.property("language")
    navigator.touch()
    print(json.dumps({"place": navigator.property("place"), "language": first_language,
                      "languages": [l["code"] for l in navigator.property("languages")],
                      "rotation": window.contentItem().rotation()}), flush=True)
    QCoreApplication.exit(0)

timer = QTimer(interval=50)
timer.timeout.connect(look)
timer.start()
from kiosk.composition import main
sys.exit(main(argparse.Namespace(dir=Path(sys.argv[1]), windowed=True, screen=0, size=None,
                                 screen_config=Path(sys.argv[2]))))
"""


def test_kiosk_run_applies_the_screen_file(tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    path = screen_file(tmp_path, """\
        name: hall-east
        start: old-harbour
        orientation: portrait-flipped
        languages: [zh, en]
        metrics_file: out/kiosk.prom
        orientaton: typo
        """)
    environment = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"),
                   "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_LOGGING_RULES": "qt.multimedia.*=false"}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(content), str(path), str(tmp_path / "out" / "kiosk.prom")],
        capture_output=True, text=True, env=environment, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["place"] == {"screen": "section", "floor": "port", "section": "old-harbour", "exhibit": ""}
    assert seen["language"] == "zh" and seen["languages"] == ["zh", "en"]
    assert seen["rotation"] == 270
    assert f"{path}:6:1: error: unknown field 'orientaton'" in done.stderr, "a bad key is reported"
    metrics = (tmp_path / "out" / "kiosk.prom").read_text()
    assert 'kiosk_up{screen="hall-east"} 0' in metrics, "closed cleanly, under the screen's name"


def test_the_metrics_interval_can_be_shortened(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.fleet.screen_setup import INTERVAL_VARIABLE, write_interval_ms

    monkeypatch.delenv(INTERVAL_VARIABLE, raising=False)
    assert write_interval_ms() == 15_000
    monkeypatch.setenv(INTERVAL_VARIABLE, "0.5")
    assert write_interval_ms() == 500
    monkeypatch.setenv(INTERVAL_VARIABLE, "soon")
    assert write_interval_ms() == 15_000
