"""Bench: the kiosk side by side with Chromium showing the same attract screen as a web page.

What is compared: the real `kiosk run content` (whole process) against Debian's `chromium` showing
`bench/vs_browser/attract.html` + `attract.css`, the kiosk's attract screen of the bundled exhibition
written once as HTML: the same three pictures (the files in content/media/attract, in the order the
kiosk's `attract_slides` gives them), the same words (title, subtitle, "Touch to explore" in English
and Chinese), 1920x1080, the same 1.6 s crossfade every 8 s, slow zoom 1.0 -> 1.06 over 9.6 s, ripple
and breathing words (numbers taken from kiosk/qml/screens/AttractScreen.qml, written in the CSS
with where they came from). The page runs no script. Runs alternate (kiosk, browser, kiosk, ...);
the figures are medians of `--runs N` and the ratios are kiosk / browser.

1. Start -> first settled frame, from just before the process is started (CLOCK_MONOTONIC, shared
   by all processes) to the first frame that shows the first picture fully:
   - kiosk, offscreen (Qt's basic render loop, software drawing, 1920x1080 screen from
     tests/offscreen.json): this script runs `kiosk run` in a child process with one watcher
     added where the composition root assembles the running kiosk (`kiosk.composition.assemble`).
     Before each frame (`afterAnimating`, GUI thread) it looks for the picture of the first slide
     (the Image whose source is that file): settled when it is loaded (Image.Ready: progress 1
     and a size), visible, and its opacity times every parent's opacity is 1. The next swapped
     frame (the window's `FrameSwaps` relay, on the GUI thread) is the settled frame. Nothing in
     the kiosk changes. The kiosk's clock is set to opening hours (OPEN_AT), so the loop shows.
   - Chromium: the DevTools protocol over `--remote-debugging-pipe` (no port, no client library,
     no virtual time: the page runs in real time, as on a kiosk), chosen over `--screenshot`
     because a screenshot's time includes writing a PNG and `--virtual-time-budget` fast-forwards
     the animations. Settled = the load event has fired, the first picture's `decode()` has
     resolved, then two animation frames (the frame after the one that drew the picture).
2. Memory at that frame: the kiosk's peak resident size (VmHWM) and PSS; for the browser, over all
   its processes (its session: browser, zygotes, GPU, renderer, utility, crashpad), the PSS summed,
   the largest PSS of one process and the largest peak resident size (VmHWM) of one process.
   `memory_vs_largest`, the target's ratio, is peak against peak (the kiosk's VmHWM / the largest
   VmHWM of a browser process: both count the shared libraries in full); PSS against the largest
   process's PSS and against the sum of all are given too.
3. CPU over `--seconds` (default 20) of the attract loop, started after the settled frame: utime +
   stime of every process of the session from /proc/<pid>/stat, as percent of one core.
   Rigs (`--rig offscreen|x11|both`): offscreen = kiosk offscreen vs Chromium `--headless=new`;
   x11 = `kiosk run` on Xvfb (xcb, `tests/xdisplay.py`), drawn as it chooses on this computer (with
   Mesa's software OpenGL, llvmpipe, that is Qt Quick's software renderer: kiosk.app.drawing) vs
   Chromium headed in `--kiosk` mode on the same Xvfb. The start and memory ratios come from
   offscreen. `bench/ui_attract_cpu.py --rig x11-gl` gives the kiosk's figures with OpenGL forced.

Pinned Chromium flags: COMMON_FLAGS plus HEADLESS_FLAGS or HEADED_FLAGS below (`--no-sandbox` as the
bench may run as root; a fresh profile each run). Debian's `chromium` is installed with apt-get when
missing and this runs as root; otherwise the kiosk's figures are printed alone, ratios null.

Targets (issue "Speed side by side"): start <= 0.3x Chromium's; memory <= 0.4x Chromium's
largest process; idle CPU on the attract loop <= 0.25x Chromium's.

Prints one JSON line. Usage: python bench/vs_browser.py [--runs N] [--seconds S] [--rig R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import OFFSCREEN, REPO, Xvfb, stop_process
from vs_browser_common import (
    DevTools,
    end_session,
    session_cpu_s,
    session_memory,
    session_pids,
    start_with_pipe,
)

PAGE = REPO / "bench" / "vs_browser" / "attract.html"
PAGE_PICTURES = ["skyline-dusk.png", "port-cranes.png", "green-coast.png"]
"""The pictures the page shows, in order: must be the kiosk's attract slides (checked each run)."""
COMMON_FLAGS = ["--no-sandbox", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-sync", "--disable-background-networking", "--disable-component-update",
                "--mute-audio", "--hide-scrollbars", "--window-size=1920,1080", "--window-position=0,0",
                "--remote-debugging-pipe"]
HEADLESS_FLAGS = ["--headless=new", "--kiosk", "--screen-info={1920x1080}"]
HEADED_FLAGS = ["--kiosk", "--ozone-platform=x11"]
TARGETS = {"start": 0.3, "memory_vs_largest": 0.4, "cpu": 0.25}
SETTLE_TIMEOUT_S = 60.0
OPEN_AT = dt.datetime(2027, 3, 3, 10, 0)
"""The kiosk's clock starts here (a Wednesday morning, open): the attract loop, never the closed screen."""
SETTLED_JS = """
location.protocol !== 'file:' ? 'not yet' : new Promise(resolve => {
  const frame = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve('settled')));
  const go = () => document.getElementById('first').decode().then(frame);
  if (document.readyState === 'complete') go(); else addEventListener('load', go, {once: true});
})"""


# -- the kiosk ----------------------------------------------------------------------------------

def kiosk_child(root: Path) -> int:
    """In the child: `kiosk run ROOT`, printing one line at the first settled frame."""
    import kiosk.composition as composition
    from kiosk.cli import main as cli_main

    assemble = composition.assemble
    watchers: list[Any] = []
    started = dt.datetime.now()

    def watched(*args: Any, **kwargs: Any) -> Any:
        kwargs["clock"] = lambda: OPEN_AT + (dt.datetime.now() - started)
        kiosk = assemble(*args, **kwargs)
        kiosk.hours.refresh()  # the hours were first read with the real clock
        watchers.append(SettledWatch(kiosk))
        return kiosk

    composition.assemble = watched  # type: ignore[assignment]
    return cli_main(["run", str(root)])


class SettledWatch:
    """Watches the window for the first frame that shows the first attract slide settled."""

    def __init__(self, kiosk: Any) -> None:
        from kiosk.app.screens import FrameSwaps

        self.window = kiosk.kiosk_window.window
        slides = kiosk.navigator.property("attractSlides")
        self.slides = [str(slide["url"]).rsplit("/", 1)[-1] for slide in slides]
        self.images: list[Any] = []
        self.settled = False
        self.first_frame: float | None = None
        self.window.afterAnimating.connect(self.check)
        self.swaps = FrameSwaps.of(self.window)
        self.swaps.swapped.connect(self.swapped)

    def check(self) -> None:
        """Before a frame is drawn: is the first slide's picture ready and fully opaque?"""
        if self.settled or not self.slides:
            return
        try:
            self.settled = any(self.shown(image) for image in self.first_pictures())
        except RuntimeError:  # an item went away: look again before the next frame
            self.images = []

    def first_pictures(self) -> list[Any]:
        if not self.images:
            from PySide6.QtCore import QUrl

            stack = [self.window.contentItem()]
            while stack:
                item = stack.pop()
                stack.extend(item.childItems())
                if item.metaObject().className().startswith("QQuickImage"):
                    source = item.property("source")
                    if isinstance(source, QUrl) and source.fileName() == self.slides[0]:
                        self.images.append(item)
        return self.images

    @staticmethod
    def shown(image: Any) -> bool:
        # Image.Ready: loaded (progress 1) with a size (PySide cannot read the `status` enum)
        if image.property("progress") < 1.0 or image.implicitWidth() <= 0 or not image.isVisible():
            return False
        opacity, item = 1.0, image
        while item is not None:
            opacity *= item.opacity()
            item = item.parentItem()
        return opacity >= 0.999

    def swapped(self) -> None:
        now = time.monotonic()
        if self.first_frame is None:
            self.first_frame = now
        if not self.settled:
            return
        self.swaps.swapped.disconnect(self.swapped)
        self.window.afterAnimating.disconnect(self.check)
        figures = session_memory([os.getpid()])
        print(json.dumps({"settled": now, "first_frame": self.first_frame, "slides": self.slides,
                          "peak_mib": figures["largest_peak_mib"], "pss_mib": figures["pss_sum_mib"]}),
              flush=True)


def kiosk_env(rig: str, folder: Path, display: Xvfb | None) -> dict[str, str]:
    base = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    base.update({"XDG_STATE_HOME": str(folder / "state"), "XDG_CONFIG_HOME": str(folder / "config"),
                 "XDG_CACHE_HOME": str(folder / "cache"),
                 "QT_LOGGING_RULES": "qt.multimedia.*=false", "PYTHONPATH": str(REPO)})
    base.pop("NOTIFY_SOCKET", None)
    if rig == "x11" and display is not None:
        return display.env(base, own_choice=True)  # drawn as `kiosk run` chooses on this computer
    return {**base, "QT_QPA_PLATFORM": f"offscreen:configfile={OFFSCREEN}", "QT_QUICK_BACKEND": "software"}


def run_kiosk(rig: str, seconds: float, folder: Path, display: Xvfb | None) -> dict[str, Any]:
    """One kiosk run; its state, settings and cache folders in `folder`, kept from run to run
    as on a kiosk in the field (the first run, a warm-up, makes the content's last good copy)."""
    errors = folder / "kiosk-stderr"
    with errors.open("w") as log:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, __file__, "--kiosk-child", str(REPO / "content")],
                                 cwd=REPO, env=kiosk_env(rig, folder, display), stdout=subprocess.PIPE,
                                 stderr=log, text=True, start_new_session=True)
        try:
            line = read_line(child, SETTLE_TIMEOUT_S)
            if line is None:
                log.flush()
                raise RuntimeError(f"the kiosk showed no settled frame ({rig}): {errors.read_text()[-1500:]}")
            marks = json.loads(line)
            cpu = cpu_percent(child.pid, seconds)
        finally:
            stop_process(child)
            end_session(child.pid)
    return {"start_s": marks["settled"] - started, "first_frame_s": marks["first_frame"] - started,
            "peak_mib": marks["peak_mib"], "pss_mib": marks["pss_mib"], "cpu_percent": cpu,
            "same_pictures": marks["slides"] == PAGE_PICTURES}


def read_line(child: subprocess.Popen[str], timeout: float) -> str | None:
    """The child's first line of figures (a JSON object), or None if it ends or takes too long."""
    import select

    assert child.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([child.stdout], [], [], 0.5)
        if ready:
            line = child.stdout.readline()
            if not line:
                return None
            if line.startswith("{"):
                return line
        elif child.poll() is not None:
            return None
    return None


def cpu_percent(leader: int, seconds: float) -> float | None:
    """CPU of the whole session over `seconds`, in percent of one core."""
    if seconds <= 0:
        return None
    before, started = session_cpu_s(leader), time.monotonic()
    time.sleep(seconds)
    after, elapsed = session_cpu_s(leader), time.monotonic() - started
    used = sum(after.values()) - sum(before[pid] for pid in after if pid in before)
    return 100 * used / elapsed


# -- the browser --------------------------------------------------------------------------------

def chromium() -> str | None:
    """The chromium program; installed with apt-get when missing and this runs as root."""
    found = shutil.which("chromium")
    if found or os.geteuid() != 0:
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("# installing Debian's chromium for the side-by-side bench", file=sys.stderr)
    if subprocess.run(["apt-get", "install", "-y", "chromium"], env=env, check=False).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "chromium"], env=env, check=False)
    return shutil.which("chromium")


def run_browser(program: str, rig: str, seconds: float, folder: Path, display: Xvfb | None) -> dict[str, Any]:
    """One browser run; its profile in `folder`, kept from run to run (the first run, a warm-up,
    makes it), as a kiosk browser keeps its profile."""
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    flags = COMMON_FLAGS + HEADLESS_FLAGS
    if rig == "x11" and display is not None:
        env["DISPLAY"] = display.display
        flags = COMMON_FLAGS + HEADED_FLAGS
    command = [program, *flags, f"--user-data-dir={folder / ('chromium-' + rig)}", PAGE.as_uri()]
    started = time.monotonic()
    process, tools = start_with_pipe(command, env, folder / "chromium-stderr")
    try:
        wait_settled(tools, process)
        settled = time.monotonic()
        memory = session_memory(session_pids(process.pid))
        cpu = cpu_percent(process.pid, seconds)
    finally:
        tools.close()
        end_session(process.pid)
    return {"start_s": settled - started, "pss_sum_mib": memory["pss_sum_mib"],
            "pss_largest_mib": memory["largest_pss_mib"], "peak_largest_mib": memory["largest_peak_mib"],
            "processes": memory["processes"], "cpu_percent": cpu}


def wait_settled(tools: DevTools, process: subprocess.Popen[bytes]) -> None:
    """Until the page's first picture is loaded, decoded and drawn (see the module's docstring)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    session: str | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium ended with {process.returncode}")
        if session is None:
            pages = [target for target in tools.send("Target.getTargets")["targetInfos"]
                     if target["type"] == "page"]
            if not pages:
                time.sleep(0.005)
                continue
            session = tools.send("Target.attachToTarget",
                                 {"targetId": pages[0]["targetId"], "flatten": True})["sessionId"]
        answer = tools.send("Runtime.evaluate", {"expression": SETTLED_JS, "awaitPromise": True,
                                                 "returnByValue": True}, session=session, check=False)
        if answer.get("result", {}).get("result", {}).get("value") == "settled":
            return
        time.sleep(0.005)  # the file page is not there yet, or it replaced the document meanwhile
    raise RuntimeError("chromium did not show the page within a minute")


# -- both ---------------------------------------------------------------------------------------

def median(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def ratio(kiosk: float | None, browser: float | None) -> float | None:
    return round(kiosk / browser, 3) if kiosk is not None and browser else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rig", choices=("offscreen", "x11", "both"), default="both")
    parser.add_argument("--kiosk-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.kiosk_child:
        sys.exit(kiosk_child(args.kiosk_child))
    rigs = ["offscreen", "x11"] if args.rig == "both" else [args.rig]
    program = chromium()
    if program is None:
        print("chromium is not installed: run `apt-get install -y chromium` as root to compare; "
              "the kiosk's figures follow alone", file=sys.stderr)
    display = Xvfb() if "x11" in rigs else None
    kiosk: dict[str, list[dict[str, Any]]] = {rig: [] for rig in rigs}
    browser: dict[str, list[dict[str, Any]]] = {rig: [] for rig in rigs}
    problems: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-vs-browser-") as temp:
            folder = Path(temp)
            for number in range(args.runs + 1):  # run 0 is the warm-up: its figures are not kept
                for rig in rigs:
                    run = run_kiosk(rig, args.seconds if number else 0, folder, display)
                    if number:
                        kiosk[rig].append(run)
                    if program is None or any(problem.startswith(f"chromium {rig}") for problem in problems):
                        continue
                    try:
                        run = run_browser(program, rig, args.seconds if number else 0, folder, display)
                    except RuntimeError as error:
                        problems.append(f"chromium {rig}: {error}")
                        continue
                    if number:
                        browser[rig].append(run)
    finally:
        if display is not None:
            display.stop()
    figures = {"kiosk": {}, "browser": {}, "ratios": {}}
    for rig in rigs:
        figures["kiosk"][rig] = {key: median(kiosk[rig], key) for key in
                                 ("start_s", "first_frame_s", "peak_mib", "pss_mib", "cpu_percent")}
        name = "headless" if rig == "offscreen" else "x11_kiosk_mode"
        figures["browser"][name] = {key: median(browser[rig], key) for key in
                                    ("start_s", "pss_sum_mib", "pss_largest_mib", "peak_largest_mib",
                                     "processes", "cpu_percent")}
        figures["ratios"][f"cpu_{rig}"] = ratio(figures["kiosk"][rig]["cpu_percent"],
                                                figures["browser"][name]["cpu_percent"])
    first = rigs[0]
    head = figures["browser"]["headless" if first == "offscreen" else "x11_kiosk_mode"]
    figures["ratios"].update({
        "start": ratio(figures["kiosk"][first]["start_s"], head["start_s"]),
        "memory_vs_largest": ratio(figures["kiosk"][first]["peak_mib"], head["peak_largest_mib"]),
        "memory_pss_vs_largest": ratio(figures["kiosk"][first]["pss_mib"], head["pss_largest_mib"]),
        "memory_pss_vs_sum": ratio(figures["kiosk"][first]["pss_mib"], head["pss_sum_mib"]),
    })
    print(json.dumps({
        "bench": "vs_browser", "runs": args.runs, "seconds": args.seconds, "rigs": rigs,
        "page": str(PAGE.relative_to(REPO)), "chromium": version(program),
        "same_pictures": all(run["same_pictures"] for runs in kiosk.values() for run in runs),
        **figures, "targets": TARGETS, "problems": problems,
    }))


def version(program: str | None) -> str | None:
    if program is None:
        return None
    found = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
    return found.stdout.strip() or None


if __name__ == "__main__":
    main()
