"""How the kiosk draws (kiosk.app.drawing): with the graphics processor, or in software where
OpenGL is itself software or missing. The choice is asked of a separate process, kept until the
computer restarts, and never lets a hanging or crashing graphics driver stop the kiosk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app import drawing
from kiosk.app.drawing import Answer, Probe, decide
from tests.conftest import REPO, RIG

INTEL = "Mesa Intel(R) UHD Graphics 620 (KBL GT2)"
LLVMPIPE = "llvmpipe (LLVM 15.0.6, 256 bits)"


def fake_probe(tmp_path: Path, body: str) -> list[str]:
    """A stand-in for the OpenGL check: a small program with the given body."""
    script = tmp_path / "probe.py"
    script.write_text(body)
    return [sys.executable, str(script)]


def answers(tmp_path: Path, body: str, timeout_s: float = 10.0) -> Answer | None:
    probe = Probe.start(cache=tmp_path / "drawing.json", command=fake_probe(tmp_path, body),
                        timeout_s=timeout_s)
    return probe.answer()


@pytest.fixture(autouse=True)
def no_backend_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)


def test_software_opengl_or_none_means_software_drawing_and_a_graphics_processor_means_gpu() -> None:

    software = decide("auto", Answer(LLVMPIPE), {})
    assert software is not None and software.software and "llvmpipe" in software.reason
    for name in ("softpipe", "Software Rasterizer", "Google SwiftShader", "Microsoft Basic Render Driver"):
        chosen = decide("auto", Answer(name), {})
        assert chosen is not None and chosen.software, name
    gpu = decide("auto", Answer(INTEL), {})
    assert gpu is not None and not gpu.software and INTEL in gpu.reason
    missing = decide("auto", Answer(None, "there is no OpenGL here"), {})
    assert missing is not None and missing.software and "no OpenGL" in missing.reason


def test_the_screen_settings_and_the_environment_decide_over_the_probe() -> None:
    assert decide("gpu", Answer(LLVMPIPE), {}) == drawing.Drawing(False, "the screen settings ask for the "
                                                                          "graphics processor")
    chosen = decide("software", Answer(INTEL), {})
    assert chosen is not None and chosen.software
    assert decide("software", Answer(INTEL), {"QT_QUICK_BACKEND": "rhi"}) is None  # Qt's own choice
    assert decide("auto", None, {}) is None


def test_the_answer_is_kept_until_the_computer_restarts(tmp_path: Path) -> None:
    said = tmp_path / "said"
    body = (f"import json, pathlib\npathlib.Path({str(said)!r}).touch()\n"
            f"print(json.dumps({{'renderer': {INTEL!r}}}))\n")
    assert answers(tmp_path, body) == Answer(INTEL)
    assert said.exists()
    said.unlink()
    assert answers(tmp_path, body) == Answer(INTEL)
    assert not said.exists(), "the check ran again though its answer was kept"
    kept = json.loads((tmp_path / "drawing.json").read_text())
    kept["key"] = "another boot"
    (tmp_path / "drawing.json").write_text(json.dumps(kept))
    assert answers(tmp_path, body) == Answer(INTEL)
    assert said.exists(), "an answer from another boot was used"


def test_a_crashing_silent_or_hanging_driver_means_software_drawing_and_nothing_kept(tmp_path: Path) -> None:
    crash = "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n"
    answer = answers(tmp_path, crash)
    assert answer is not None and answer.renderer is None and "exit code -11" in (answer.problem or "")
    answer = answers(tmp_path, "print('no json here')\n")
    assert answer is not None and answer.renderer is None
    answer = answers(tmp_path, "import time\ntime.sleep(60)\n", timeout_s=0.5)
    assert answer is not None and answer.renderer is None and "did not answer" in (answer.problem or "")
    answer = answers(tmp_path, "import json\nprint(json.dumps({'problem': 'no context'}))\n")
    assert answer == Answer(None, "no context")
    assert not (tmp_path / "drawing.json").exists()
    chosen = decide("auto", answer, {})
    assert chosen is not None and chosen.software


def test_nothing_is_asked_when_the_environment_chose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QUICK_BACKEND", "software")
    said = tmp_path / "said"
    touch = fake_probe(tmp_path, f"import pathlib\npathlib.Path({str(said)!r}).touch()\n")
    probe = Probe.start(cache=tmp_path / "drawing.json", command=touch)
    assert probe.answer() is None
    assert not said.exists()


@pytest.mark.both_rigs
def test_the_real_check_names_this_computers_opengl() -> None:
    """Offscreen there is no OpenGL (software drawing); on the real display rig it is Mesa's llvmpipe."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QUICK_BACKEND"}
    done = subprocess.run([sys.executable, "-m", "kiosk.app.drawing"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    answer = Probe._read(done.returncode, done.stdout)
    chosen = decide("auto", answer, {})
    assert chosen is not None and chosen.software, answer
    if RIG == "x11":
        assert answer.renderer is not None and "llvmpipe" in answer.renderer
    else:
        assert answer.renderer is None and "no OpenGL" in (answer.problem or "")
