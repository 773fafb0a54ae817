"""The operations commands: `kiosk set-pin`, `kiosk install`, `kiosk doctor`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.ops import doctor, pin
from tests.ops_helpers import QUIET_MEDIA
from tests.ui_helpers import write_sample_exhibition

pytestmark = QUIET_MEDIA


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


def test_set_pin_from_stdin_stores_a_hash(home: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("482913\n"))
    assert cli.main(["set-pin", "--pin-stdin"]) == 0
    stored = pin.read_pin_hash()
    assert stored is not None and pin.verify_pin("482913", stored)
    assert "482913" not in (home / "config" / "kiosk" / "staff-pin").read_text()


def test_set_pin_asks_twice_and_refuses_a_mismatch(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["1234", "4321"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert cli.main(["set-pin"]) == 1
    assert pin.read_pin_hash() is None


def test_set_pin_refuses_a_short_pin(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert cli.main(["set-pin", "--pin-stdin"]) == 1


def test_install_prints_the_unit(home: Path, tmp_path: Path, capsys) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    assert cli.main(["install", "--print", str(content)]) == 0
    text = capsys.readouterr().out
    assert "Restart=always" in text and "RestartPreventExitStatus=0" in text
    assert not (home / "config" / "systemd").exists()


def test_doctor_prints_one_line_per_check_and_fails_on_bad_content(
    qapp, home: Path, tmp_path: Path, capsys
) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    assert doctor.main(content) == 0, capsys.readouterr().out
    lines = capsys.readouterr().out.splitlines()
    assert all(line.split(":")[0] in ("ok", "warn", "fail") for line in lines)
    names = {line.split(": ")[1] for line in lines}
    assert {"display", "content", "touch screen", "graphics", "font", "audio", "staff PIN",
            "state folder"} <= names
    assert any("Noto Sans CJK SC" in line for line in lines)
    # offscreen the environment chose software drawing; the check says so rather than guessing
    assert any(line.startswith(("ok: graphics: ", "warn: graphics: "))
               and ("drawing" in line or "QT_QUICK" in line) for line in lines)
    assert "warn: staff PIN: not set" in "\n".join(lines) and "kiosk set-pin" in "\n".join(lines)

    (content / "floors" / "1-port.yaml").write_text("id: [broken\n", encoding="utf-8")
    assert doctor.main(content) == 1
    assert "fail: content:" in capsys.readouterr().out


def test_a_check_line_reads_well() -> None:
    assert doctor.Check("ok", "audio", "Speakers").line() == "ok: audio: Speakers"
    line = doctor.Check("fail", "font", "missing", "apt install x").line()
    assert line == "fail: font: missing — fix: apt install x"


def test_a_command_line_reads_only_its_own_options() -> None:
    """`kiosk ctl` and `kiosk run` start without importing the statistics, the fleet tools or the
    content models that other commands' options need; `kiosk --help` still lists every command."""
    import subprocess
    import sys

    script = ("import sys\nfrom kiosk.cli import build_parser\nbuild_parser({only!r}).parse_args({argv!r})\n"
              "print(sorted(name for name in ('pydantic', 'kiosk.insights.report', 'kiosk.fleet.status', "
              "'kiosk.fleet.contact_sheet', 'kiosk.content.model') if name in sys.modules))")
    for only, argv in (("ctl", ["ctl", "status"]), ("run", ["run", "content"])):
        done = subprocess.run([sys.executable, "-c", script.format(only=only, argv=argv)],
                              capture_output=True, text=True, check=True)
        assert done.stdout.strip() == "[]", (only, done.stdout, done.stderr)
    from kiosk.cli import ARGUMENTS, build_parser

    listed = build_parser().format_help()
    assert all(name in listed for name in ARGUMENTS)
