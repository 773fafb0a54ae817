"""Shared set-up for the visitor-interface benches: an offscreen Qt or a real X display, content
to show, and the memory figures of a process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OFFSCREEN = REPO / "tests" / "offscreen.json"
SCREEN = (1920, 1080)


def offscreen() -> None:
    """Run Qt offscreen on one 1920x1080 screen, software-rendered, like the tests."""
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={OFFSCREEN}")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    from kiosk.app.memory import configure_malloc

    configure_malloc()  # as `kiosk run` does


def content() -> tuple[Any, Path, str]:
    """The bundled exhibition if it is valid, else the small test exhibition; and its name."""
    from kiosk.content.load import load_exhibition

    bundled = REPO / "content"
    result = load_exhibition(bundled)
    if not result.has_errors and result.exhibition is not None:
        return result.exhibition, bundled, "content"
    sys.path.insert(0, str(REPO))
    from tests.ui_helpers import load_sample

    root = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    return load_sample(root), root, "sample (bundled content has errors)"


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


# -- memory of a process ------------------------------------------------------------------------

def memory_mb(pid: int | str = "self") -> dict[str, float]:
    """A process's memory in MB: resident in all (`rss`), its own allocations (`anon`: heap, Python,
    decoded pictures), pages mapped from files such as libraries and fonts (`file`, shared with
    the system's file cache), shared memory (`shmem`) and the peak resident size (`peak`)."""
    fields = {"VmRSS": "rss", "RssAnon": "anon", "RssFile": "file", "RssShmem": "shmem", "VmHWM": "peak"}
    found: dict[str, float] = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in fields:
                found[fields[name]] = round(int(value.split()[0]) * 1024 / 1e6, 1)
    return found


def reset_peak(pid: int | str = "self") -> bool:
    """Start counting the peak resident size (VmHWM) afresh from now."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def stop_process(process: subprocess.Popen[Any], deadline_s: float = 5.0) -> dict[str, Any]:
    """End a process with SIGTERM; SIGKILL if it has not exited within the deadline.

    Never waits longer than the deadline plus a moment: a kiosk that hangs on stop is reported
    (`killed: true`), not waited for."""
    if process.poll() is not None:
        return {"exit_code": process.returncode, "stop_s": 0.0, "killed": False, "already_ended": True}
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(deadline_s)
        return {"exit_code": process.returncode, "stop_s": round(time.monotonic() - started, 2),
                "killed": False}
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return {"exit_code": process.returncode, "stop_s": round(time.monotonic() - started, 2),
                "killed": True}


# -- a real X display ---------------------------------------------------------------------------


class Xvfb:
    """An X server on a free display number for the life of a bench run: the test rig's own
    (`tests/xdisplay.py`), with Qt set up as on a kiosk in the field (xcb, Mesa's OpenGL, Qt Quick
    drawing on its own render thread)."""

    def __init__(self, size: tuple[int, int] = SCREEN) -> None:
        if str(REPO) not in sys.path:
            sys.path.insert(0, str(REPO))
        from tests.xdisplay import XServer

        try:
            self.server = XServer.start(size)
        except (FileNotFoundError, RuntimeError) as error:
            raise SystemExit(f"this bench needs Xvfb ({error}): run `bash scripts/system-deps.sh` "
                             "as root") from error
        self.display = self.server.display

    def env(self, base: Mapping[str, str] | None = None, *, own_choice: bool = False) -> dict[str, str]:
        """The environment for a Qt program on this display: OpenGL on a render thread, as the
        test rig runs; with `own_choice` nothing says how Qt Quick draws, as on a kiosk installed
        here (the kiosk then chooses: `draw_as_kiosk_run`)."""
        from tests.xdisplay import qt_environment

        env = qt_environment(self.display, base)
        if own_choice:
            for name in ("QT_QUICK_BACKEND", "QSG_RENDER_LOOP"):
                env.pop(name, None)
        return env


    def stop(self) -> None:
        self.server.stop()

    def __enter__(self) -> Xvfb:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


X11_RIGS = ("x11", "x11-gl")
RIG_CHOICES = ("offscreen", *X11_RIGS, "both", "all")
RIGS_HELP = ("offscreen (software, as the tests); x11: Xvfb drawn as `kiosk run` chooses on this computer "
             "(software where OpenGL is Mesa's llvmpipe); x11-gl: Xvfb with OpenGL on a render thread "
             "(the real-display test rig); both = offscreen and x11; all = the three")


def rigs_of(choice: str) -> tuple[str, ...]:
    return {"both": ("offscreen", "x11"), "all": ("offscreen", *X11_RIGS)}.get(choice, (choice,))


def draw_as_kiosk_run() -> str:
    """Choose how Qt Quick draws as `kiosk run` does (kiosk.app.drawing), before the first window;
    the name of the choice (`environment` when the environment chose)."""
    from kiosk.app import drawing

    chosen = drawing.decide("auto", drawing.Probe.start().answer())
    drawing.apply(chosen)
    return chosen.name if chosen is not None else "environment"
