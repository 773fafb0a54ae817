"""How the kiosk draws: with the graphics processor, or in software where there is none.

Qt Quick draws with OpenGL through its hardware interface. On a computer whose OpenGL is itself
software (Mesa's llvmpipe: no graphics driver, a virtual machine, an X server without one), every
frame is rasterised in full by the processor: the attract loop's slow zoom costs about 60 ms of
processor time per 1080p frame there. Qt Quick's own software renderer draws pictures with Qt's
raster engine and redraws only what changed; on the same computer the same loop takes a third of
the processor time and a tap's next frame comes sooner (`bench/ui_attract_cpu.py`,
`bench/ui_taps.py`). So `kiosk run` asks, before its window exists, which OpenGL this computer
has, and draws in software when it is a software one, or when there is no OpenGL at all (where
Qt Quick would otherwise show nothing).

The question is asked by a separate short process (`python -m kiosk.app.drawing`): a graphics
driver that hangs or crashes takes only that process with it, and the kiosk never loads a driver
it will not use (llvmpipe alone adds about 60 MB). It runs while the kiosk imports and checks its
content, and a good answer is kept in the state folder until the computer restarts (keyed by the
boot, the display and the Qt installed).

Screen settings `renderer:` auto (the default), gpu or software; `QT_QUICK_BACKEND` in the
environment wins over all of them (the test rigs set it).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.base.paths import state_dir

log = logging.getLogger("kiosk.drawing")

Setting = Literal["auto", "gpu", "software"]

SOFTWARE_OPENGL = ("llvmpipe", "softpipe", "swrast", "swiftshader", "software rasterizer",
                   "microsoft basic render")
"""Names in an OpenGL renderer string that mean the processor does the drawing."""

PROBE_TIMEOUT_S = 10.0
CACHE_NAME = "drawing.json"


@dataclass(frozen=True)
class Drawing:
    """The kiosk's choice: `software` or `gpu`, and why, in a sentence for the log and doctor."""

    software: bool
    reason: str

    @property
    def name(self) -> str:
        return "software" if self.software else "gpu"


@dataclass(frozen=True)
class Answer:
    """What the probe found: the OpenGL renderer's name, or why there is none."""

    renderer: str | None
    problem: str | None = None


def is_software(renderer: str) -> bool:
    lowered = renderer.lower()
    return any(name in lowered for name in SOFTWARE_OPENGL)


def decide(setting: Setting, answer: Answer | None, environ: os._Environ[str] | dict[str, str] = os.environ
           ) -> Drawing | None:
    """The choice for this screen; None leaves Qt's own (the environment chose, or asked for gpu)."""
    if environ.get("QT_QUICK_BACKEND"):
        return None
    if setting == "software":
        return Drawing(True, "the screen settings ask for software drawing")
    if setting == "gpu":
        return Drawing(False, "the screen settings ask for the graphics processor")
    if answer is None:
        return None
    if answer.renderer is None:
        return Drawing(True, f"drawing in software: {answer.problem or 'there is no OpenGL here'}")
    if is_software(answer.renderer):
        return Drawing(True, f"drawing in software: this computer's OpenGL is itself software "
                             f"({answer.renderer}), and Qt Quick's software renderer costs less")
    return Drawing(False, f"drawing with the graphics processor ({answer.renderer})")


def apply(drawing: Drawing | None) -> None:
    """Set the scene graph before the first window is made (after the Qt application)."""
    if drawing is None:
        return
    log.info("%s", drawing.reason)
    if drawing.software:
        from PySide6.QtQuick import QQuickWindow

        QQuickWindow.setSceneGraphBackend("software")


# -- the probe -------------------------------------------------------------------------------


def cache_key(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """The boot, the display and the Qt installed: an answer holds while all three do."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        boot = "unknown"
    display = "|".join(environ.get(name, "") for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"))
    return f"{boot}|{display}|{_qt_stamp()}"


def _qt_stamp() -> str:
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    origin = spec.origin if spec is not None else None
    try:
        return str(int(Path(origin).stat().st_mtime)) if origin else "none"
    except OSError:
        return "none"


class Probe:
    """Asks which OpenGL this computer has, in a child process, while the kiosk goes on starting.

    `Probe.start()` returns at once (an answer kept from earlier this boot is read instead);
    `answer()` waits for the child, at most PROBE_TIMEOUT_S."""

    def __init__(self, cache: Path | None = None, timeout_s: float = PROBE_TIMEOUT_S,
                 command: list[str] | None = None) -> None:
        self.cache = cache
        self.timeout_s = timeout_s
        self.command = command or [sys.executable, "-m", "kiosk.app.drawing"]
        self.key = cache_key()
        self._child: subprocess.Popen[str] | None = None
        self._started = 0.0
        self._answer: Answer | None = None

    @classmethod
    def start(cls, **options: object) -> Probe:
        """The probe `kiosk run` uses: its answer kept in the state folder unless `cache` says where."""
        options.setdefault("cache", state_dir() / CACHE_NAME)
        probe = cls(**options)  # type: ignore[arg-type]
        probe._answer = probe._kept()
        if probe._answer is None and not os.environ.get("QT_QUICK_BACKEND"):
            probe._launch()
        return probe

    def _kept(self) -> Answer | None:
        if self.cache is None:
            return None
        try:
            kept = json.loads(self.cache.read_text())
            if kept.get("key") == self.key and isinstance(kept.get("renderer"), str):
                return Answer(kept["renderer"])
        except (OSError, ValueError, AttributeError):
            pass
        return None

    def _launch(self) -> None:
        try:
            self._child = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                           stdin=subprocess.DEVNULL, text=True)
            self._started = time.monotonic()
        except OSError as error:
            self._answer = Answer(None, f"the OpenGL check could not start ({error})")

    def answer_now(self) -> Answer:
        """Ask now, whatever was kept or chosen in the environment (for `kiosk doctor`)."""
        self._launch()
        return self.answer() or Answer(None, "the OpenGL check could not start")

    def answer(self) -> Answer | None:
        """The probe's answer (None when none was asked: the environment chose)."""
        if self._answer is not None or self._child is None:
            return self._answer
        child, self._child = self._child, None
        try:
            out, _ = child.communicate(timeout=max(0.1, self.timeout_s - (time.monotonic() - self._started)))
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            self._answer = Answer(None, f"the graphics driver did not answer in {self.timeout_s:.0f} s")
            return self._answer
        self._answer = self._read(child.returncode, out)
        if self._answer.renderer is not None:
            self._keep(self._answer.renderer)
        return self._answer

    @staticmethod
    def _read(code: int, out: str) -> Answer:
        try:
            found = json.loads(out.strip().splitlines()[-1]) if out.strip() else {}
        except ValueError:
            found = {}
        if code == 0 and isinstance(found.get("renderer"), str):
            return Answer(found["renderer"])
        if isinstance(found.get("problem"), str):
            return Answer(None, found["problem"])
        return Answer(None, f"the OpenGL check failed (exit code {code})")

    def _keep(self, renderer: str) -> None:
        if self.cache is None:
            return
        try:
            self.cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial = self.cache.with_suffix(".partial")
            partial.write_text(json.dumps({"key": self.key, "renderer": renderer}))
            partial.replace(self.cache)
        except OSError as error:
            log.warning("the OpenGL answer could not be kept in %s: %s", self.cache, error)


def _probe() -> dict[str, str]:
    """In the child: make an OpenGL context the way Qt Quick would, and name its renderer."""
    from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext
    from PySide6.QtOpenGL import QOpenGLFunctions_2_0  # noqa: F401 - gives the context its functions

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - the context needs the platform
    context = QOpenGLContext()
    if not context.create():
        return {"problem": "there is no OpenGL here (no context could be made)"}
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    if not context.makeCurrent(surface):
        return {"problem": "OpenGL could not draw here (the context could not be used)"}
    gl_renderer = 0x1F01
    renderer = context.functions().glGetString(gl_renderer)
    context.doneCurrent()
    return {"renderer": str(renderer)} if renderer else {"problem": "OpenGL did not name its renderer"}


if __name__ == "__main__":
    print(json.dumps(_probe()), flush=True)
