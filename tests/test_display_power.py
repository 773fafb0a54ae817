"""Display and projector power with the opening hours: PJLink against a fake projector, the
local programs (xset, wlopm, cec-ctl, ddcutil) as fake executables on PATH, the hours driving
every device, the health metric, `kiosk status` and `kiosk doctor`."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import stat
import time
from functools import partial
from pathlib import Path

import pytest

from kiosk.fleet.exposition import parse
from kiosk.fleet.metrics import render
from kiosk.fleet.status import judge
from kiosk.ops import pjlink
from kiosk.ops.display_power import DisplayPower, switch_device
from kiosk.ops.doctor import check_display_power
from kiosk.ops.hours import Hours
from kiosk.ops.power_settings import DevicePower
from tests.pjlink_fake import Projector, closed_port, fake_projector
from tests.test_fleet_metrics import strict_parse
from tests.test_ops_hours import TUESDAY, WEEKLY, running_clock

SHORT = 0.3
"""Seconds a test gives a silent projector or a hanging program before it counts as failed."""


def fake_tools(folder: Path, monkeypatch: pytest.MonkeyPatch, **bodies: str) -> Path:
    """Shell scripts named after the programs, first on PATH; each writes its name and arguments
    as one line to the returned log file, then runs its body."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "calls.log"
    log.touch()
    for name, body in bodies.items():
        script = folder / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n{body}\n', encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return log


def calls(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines()


def pjlink_device(port: int, **keys: object) -> DevicePower:
    return DevicePower.model_validate({"method": "pjlink", "host": "127.0.0.1", "port": port, **keys})


# -- PJLink ------------------------------------------------------------------------------------

def test_a_projector_without_password_switches_and_reports_its_state() -> None:
    with fake_projector() as (projector, port):
        target = pjlink.Projector("127.0.0.1", port, timeout=5)
        pjlink.set_power(target, True)
        assert projector.power == "1"
        assert pjlink.power_state(target) == "on"
        pjlink.set_power(target, False)
        assert pjlink.power_state(target) == "off"
        assert projector.commands == ["%1POWR 1", "%1POWR ?", "%1POWR 0", "%1POWR ?"]


def test_the_right_password_is_sent_as_the_md5_of_the_random_number_and_the_password() -> None:
    with fake_projector(Projector(password="JBMIAProjectorLink")) as (projector, port):
        target = pjlink.Projector("127.0.0.1", port, "JBMIAProjectorLink", timeout=5)
        pjlink.set_power(target, True)
        assert pjlink.power_state(target) == "on"
        assert projector.commands == ["%1POWR 1", "%1POWR ?"] and projector.refused_passwords == 0


def test_a_wrong_or_missing_password_is_said_plainly() -> None:
    with fake_projector(Projector(password="secret")) as (projector, port):
        with pytest.raises(pjlink.PJLinkError, match="refused the password") as wrong:
            pjlink.set_power(pjlink.Projector("127.0.0.1", port, "guess", timeout=5), True)
        assert wrong.value.kind == "auth" and projector.refused_passwords == 1
        with pytest.raises(pjlink.PJLinkError, match="asks for a password: add 'password'"):
            pjlink.set_power(pjlink.Projector("127.0.0.1", port, None, timeout=5), True)
        assert projector.power == "0" and projector.commands == []


def test_a_warming_projector_is_busy_and_a_failed_one_says_so() -> None:
    with fake_projector(Projector(warms_up=True)) as (projector, port):
        target = pjlink.Projector("127.0.0.1", port, timeout=5)
        pjlink.set_power(target, True)
        assert pjlink.power_state(target) == "warming up"
        with pytest.raises(pjlink.PJLinkError, match="busy") as busy:
            pjlink.set_power(target, False)
        assert busy.value.busy
        projector.failure, projector.power = True, "1"
        with pytest.raises(pjlink.PJLinkError, match="reports a failure") as failure:
            pjlink.set_power(target, False)
        assert failure.value.kind == "failure" and not failure.value.busy


def test_a_refused_connection_and_a_silent_projector_fail_within_the_timeout() -> None:
    with pytest.raises(pjlink.PJLinkError, match="refused the connection") as refused:
        pjlink.set_power(pjlink.Projector("127.0.0.1", closed_port(), timeout=SHORT), False)
    assert refused.value.kind == "refused"
    with fake_projector(Projector(silent=True)) as (_projector, port), \
            pytest.raises(pjlink.PJLinkError, match="did not answer in time") as silent:
        pjlink.set_power(pjlink.Projector("127.0.0.1", port, timeout=SHORT), False)
    assert silent.value.kind == "timeout"


# -- the local programs ----------------------------------------------------------------------

def test_each_method_runs_its_program_with_the_right_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_tools(tmp_path / "bin", monkeypatch, xset="", wlopm="", **{"cec-ctl": ""}, ddcutil="")
    devices = [DevicePower(method="x11"), DevicePower(method="wayland", output="HDMI-A-1"),
               DevicePower(method="wayland"), DevicePower(method="cec"),
               DevicePower(method="cec", device="/dev/cec1"), DevicePower(method="ddc", display=2)]
    for device in devices:
        assert switch_device(device, False).ok and switch_device(device, True).ok
    assert calls(log) == [
        "xset dpms force off", "xset dpms force on", "xset -dpms",
        "wlopm --off HDMI-A-1", "wlopm --on HDMI-A-1", "wlopm --off *", "wlopm --on *",
        "cec-ctl -d /dev/cec0 --playback --to 0 --standby",
        "cec-ctl -d /dev/cec0 --playback --to 0 --image-view-on",
        "cec-ctl -d /dev/cec1 --playback --to 0 --standby",
        "cec-ctl -d /dev/cec1 --playback --to 0 --image-view-on",
        "ddcutil --display 2 --noverify setvcp D6 04", "ddcutil --display 2 --noverify setvcp D6 01",
    ]


def test_a_program_that_fails_hangs_or_is_missing_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tools(tmp_path / "bin", monkeypatch, ddcutil='echo "Display not found" >&2; exit 1',
               **{"cec-ctl": "exec sleep 30"})
    failed = switch_device(DevicePower(method="ddc"), False)
    assert not failed.ok and failed.message == ("ddcutil --noverify setvcp D6 04 failed (exit code 1): "
                                                "Display not found")
    hung = switch_device(DevicePower(method="cec", timeout_seconds=SHORT), False)
    assert not hung.ok and hung.message.endswith("did not finish within 0.3 s")
    missing = switch_device(DevicePower(method="wayland"), False, which=lambda name: None)
    assert not missing.ok and missing.message == "wlopm is not installed"


def test_auto_picks_x11_then_wayland_then_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tools(tmp_path / "bin", monkeypatch, xset="", wlopm="")
    x11 = DisplayPower([], environ={"DISPLAY": ":5", "WAYLAND_DISPLAY": "wayland-0"})
    wayland = DisplayPower([DevicePower()], environ={"WAYLAND_DISPLAY": "wayland-0"})
    nothing = DisplayPower([], environ={})
    assert [d.settings.method for d in x11.devices] == ["x11"]
    assert [d.settings.method for d in wayland.devices] == ["wayland"]
    assert nothing.devices == [] and nothing(False) is False
    no_tool = DisplayPower([], environ={"WAYLAND_DISPLAY": "wayland-0"}, which=lambda name: None)
    assert no_tool.devices == []


# -- every device, off the GUI thread ---------------------------------------------------------

def test_every_device_switches_off_the_gui_thread_and_failures_are_logged_and_measured(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    log = fake_tools(tmp_path / "bin", monkeypatch, ddcutil="")
    with fake_projector(Projector(password="right")) as (projector, port):
        power = DisplayPower([DevicePower(method="ddc", display=1),
                              pjlink_device(port, password="wrong", name="hall-projector")])
        with caplog.at_level(logging.INFO, "kiosk.display_power"), \
                qtbot.waitSignal(power.finished, timeout=10_000) as answered:
            assert power(False) is True
        assert answered.args == [False, False]
        assert calls(log) == ["ddcutil --display 1 --noverify setvcp D6 04"]
        assert projector.refused_passwords == 1 and projector.power == "0"
        assert "hall-projector did not switch off: the projector at 127.0.0.1:" in caplog.text
        assert "refused the password" in caplog.text and "ddc display 1 switched off (ddc)" in caplog.text
        assert power.states() == [("ddc display 1", "ddc", True), ("hall-projector", "pjlink", False)]

    now = time.time()
    text = render("hall-1", {"kiosk_up": 1, "kiosk_content_valid": 1,
                             "kiosk_metrics_written_timestamp_seconds": now, "kiosk_display_power_ok": [
        (1 if ok else 0, {"device": device, "method": method}) for device, method, ok in power.states()]})
    family = strict_parse(text)["kiosk_display_power_ok"]
    assert family["type"] == "gauge" and family["samples"] == [
        ({"screen": "hall-1", "device": "ddc display 1", "method": "ddc"}, 1.0),
        ({"screen": "hall-1", "device": "hall-projector", "method": "pjlink"}, 0.0)]
    samples = [s for s in parse(text).samples if s.name == "kiosk_display_power_ok"]
    metrics = parse(text).by_screen()["hall-1"]
    problems, _lines = judge(metrics, now, 60, 1500, samples)
    assert problems == ["the display power switch of hall-projector (pjlink) failed the last time: "
                        "see the kiosk's log, and run `kiosk doctor` on the screen"]


def test_a_busy_projector_is_asked_again_until_it_can_switch(qtbot) -> None:
    with fake_projector(Projector(warms_up=True, power="3")) as (projector, port):
        power = DisplayPower([pjlink_device(port)], retry_ms=100)
        with qtbot.waitSignal(power.finished, timeout=10_000) as first:
            power(False)
        assert first.args == [False, False] and power.states() == [("pjlink 127.0.0.1:" + str(port), "pjlink",
                                                                     False)]
        projector.warmed()
        with qtbot.waitSignal(power.finished, timeout=10_000) as second:
            pass
        assert second.args == [False, True] and projector.power == "0"
        assert projector.commands[-1] == "%1POWR 0"


def test_a_newer_wish_waits_for_the_running_one_and_only_the_newest_is_sent(qtbot) -> None:
    with fake_projector() as (projector, port):
        power = DisplayPower([pjlink_device(port)])
        with qtbot.waitSignal(power.finished, timeout=10_000) as answered:
            power(False)
            power(True)
            power(False)
            power(True)
        assert answered.args == [True, True]
        assert projector.commands == ["%1POWR 0", "%1POWR 1"] and projector.power == "1"


# -- the opening hours drive every device --------------------------------------------------------

@pytest.mark.both_rigs
def test_closing_and_opening_switch_every_configured_device(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_tools(tmp_path / "bin", monkeypatch, ddcutil="", **{"cec-ctl": ""})
    with fake_projector() as (projector, port):
        power = DisplayPower([DevicePower(method="ddc"), DevicePower(method="cec"), pjlink_device(port)])
        clock = running_clock(dt.datetime.combine(TUESDAY, dt.time(16, 59, 59, 500_000)))
        hours = Hours(clock=clock, display_power=power)
        with qtbot.waitSignal(power.finished, timeout=10_000) as at_start:
            hours.configure(WEEKLY)
        assert at_start.args == [True, True], "devices in an unknown state are told at start"
        assert projector.power == "1" and "ddcutil --noverify setvcp D6 01" in calls(log)
        with qtbot.waitSignal(power.finished, timeout=10_000) as closing:
            pass
        assert closing.args == [False, True] and not hours.is_open and not hours.notice_shown
        assert projector.power == "0"
        assert sorted(calls(log)[-2:]) == ["cec-ctl -d /dev/cec0 --playback --to 0 --standby",
                                           "ddcutil --noverify setvcp D6 04"], "each device on its own thread"
        hours.clock = lambda: dt.datetime.combine(TUESDAY + dt.timedelta(days=1), dt.time(9, 0))
        with qtbot.waitSignal(power.finished, timeout=10_000) as opening:
            hours.refresh()
        assert opening.args == [True, True] and hours.is_open and projector.power == "1"


def test_starting_closed_only_switches_off_and_a_failed_switch_shows_the_words(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_tools(tmp_path / "bin", monkeypatch, ddcutil="exit 1")
    power = DisplayPower([DevicePower(method="ddc")])
    hours = Hours(clock=lambda: dt.datetime.combine(TUESDAY, dt.time(20, 0)), display_power=power)
    with qtbot.waitSignal(power.finished, timeout=10_000) as answered:
        hours.configure(WEEKLY)
        assert not hours.notice_shown, "dark while the display is being switched off"
    assert answered.args == [False, False]
    assert calls(log) == ["ddcutil --noverify setvcp D6 04"]
    assert hours.notice_shown, "the display did not go dark: the closed screen's words show"
    assert hours.display_power_states() == [("ddc", "ddc", False)]


# -- kiosk doctor -------------------------------------------------------------------------------

def test_doctor_names_each_device_its_program_and_the_projectors_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tools(tmp_path / "bin", monkeypatch, ddcutil="exit 1")
    with fake_projector(Projector(power="1", password="pw")) as (projector, port):
        devices = [DevicePower(method="ddc"), DevicePower(method="cec"),
                   pjlink_device(port, password="pw", name="hall-projector"),
                   pjlink_device(closed_port(), name="spare", timeout_seconds=SHORT),
                   DevicePower(method="none")]
        # only the fake programs count: this computer may have the real ones installed
        only_fakes = partial(shutil.which, path=str(tmp_path / "bin"))
        lines = [check.line() for check in check_display_power(devices, environ={}, which=only_fakes)]
        assert projector.commands == ["%1POWR ?"], "doctor only asks, it never switches"
    assert lines[0] == f"ok: display power: ddc: ddc: switched with {tmp_path / 'bin' / 'ddcutil'}"
    assert lines[1] == ("fail: display power: cec: cec needs cec-ctl, which is not installed — "
                        "fix: sudo apt install v4l-utils")
    assert lines[2] == f"ok: display power: hall-projector: PJLink projector at 127.0.0.1:{port}, now on"
    assert lines[3].startswith("fail: display power: spare: PJLink projector: 127.0.0.1:")
    assert "refused the connection" in lines[3] and "fix: check the projector's address" in lines[3]
    assert lines[4] == "ok: display power: none: not switched (method none): the closed screen stays lit"
    [nothing] = check_display_power(None, environ={"WAYLAND_DISPLAY": "wayland-0"}, which=lambda name: None)
    assert nothing.level == "warn" and "Wayland without wlopm: install wlopm" in nothing.line()
    assert "cage cannot blank the screen" in nothing.line()


def test_kiosk_doctor_reads_the_devices_from_the_screen_settings(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk import cli
    from tests.ui_helpers import write_sample_exhibition

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    content = write_sample_exhibition(tmp_path / "content")
    with fake_projector(Projector(power="3")) as (_projector, port):
        screen = tmp_path / "screen.yaml"
        screen.write_text(f"display_power:\n  - {{method: pjlink, host: 127.0.0.1, port: {port}, "
                          "name: hall-projector}\n", encoding="utf-8")
        cli.main(["doctor", str(content), "--screen-config", str(screen)])
    out = capsys.readouterr().out
    assert f"ok: display power: hall-projector: PJLink projector at 127.0.0.1:{port}, now warming up" in out


# -- kiosk status and the running kiosk's metrics --------------------------------------------------

def test_kiosk_status_lists_a_device_whose_switch_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from kiosk.fleet import status

    now = time.time()
    metrics = tmp_path / "kiosk.prom"
    metrics.write_text(render("hall-1", {
        "kiosk_up": 1, "kiosk_content_valid": 1, "kiosk_start_time_seconds": now - 60,
        "kiosk_metrics_written_timestamp_seconds": now,
        "kiosk_display_power_ok": [(1, {"device": "ddc", "method": "ddc"}),
                                   (0, {"device": "hall-projector", "method": "pjlink"})]}), encoding="utf-8")
    args = argparse.Namespace(metrics=metrics, screen_config=None, json=False, stale_seconds=60.0,
                              memory_limit_mb=1500.0)
    assert status.main(args) == 1
    out = capsys.readouterr().out
    assert out.startswith("hall-1: PROBLEM\n")
    assert "  problem: the display power switch of hall-projector (pjlink) failed the last time" in out
    assert "ddc (ddc)" not in out
    args.json = True
    assert status.main(args) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["display_power"] == [{"device": "ddc", "method": "ddc", "ok": True},
                                       {"device": "hall-projector", "method": "pjlink", "ok": False}]


@pytest.mark.both_rigs
def test_the_running_kiosk_writes_each_devices_switch_to_its_metrics(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.fleet.health import Health
    from kiosk.fleet.screen_state import ScreenState
    from tests.ops_helpers import running_kiosk
    from tests.ui_helpers import write_sample_exhibition

    fake_tools(tmp_path / "bin", monkeypatch, ddcutil="", **{"cec-ctl": "exit 3"})
    content = write_sample_exhibition(tmp_path / "content")
    power = DisplayPower([DevicePower(method="ddc"), DevicePower(method="cec")])
    with running_kiosk(content, tmp_path, display_power=power) as (kiosk, ops):
        health = Health(ops, kiosk.window, content, screen="hall-1", metrics_file=tmp_path / "kiosk.prom",
                        state=ScreenState.for_screen("hall-1", tmp_path / "state"), interval_ms=60_000)
        qtbot.waitUntil(lambda: len(power.states()) == 2, timeout=10_000)  # told "on" at start
        health.write()
        family = strict_parse((tmp_path / "kiosk.prom").read_text(encoding="utf-8"))["kiosk_display_power_ok"]
        assert family["samples"] == [({"screen": "hall-1", "device": "ddc", "method": "ddc"}, 1.0),
                                     ({"screen": "hall-1", "device": "cec", "method": "cec"}, 0.0)]
        health.close()
