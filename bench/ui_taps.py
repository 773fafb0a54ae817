"""Bench: a finger on the screen to the next screen painted, over many taps (target p95 < 50 ms).

Taps are synthesized touch events on the real QML: floor tile, section card, exhibit card,
then Back three times, again and again. For each tap the time runs from the touch press to the
first frame swapped after it (press and release come together; the tap acts on release), and
to the end of the screen transition; the frame times while the transition runs are collected
too, and how long the tap itself took to handle (the Navigator moving and QML building the next
screen, before any frame). For comparison each rig also taps a bare full-screen window whose
tap only changes its colour: what one frame costs there, whatever the kiosk shows.

Rigs: `offscreen` (software drawing on the GUI thread, like the tests), `x11` (Xvfb, xcb, drawn
as `kiosk run` chooses on this computer: with no graphics processor, Qt Quick's software renderer)
and `x11-gl` (Xvfb with Mesa's OpenGL and Qt Quick's threaded render loop). Each rig runs in
a child process of its own. The kiosk is built as `kiosk run` builds it (every QML type
registered first).

Frames are counted only through `FrameSwaps`, on the GUI thread: no Python runs on the render
thread. A frame's time is when the GUI thread hears of its swap. Under the threaded loop that is
after the swap itself (the render thread posts the news when the swap returns, and the GUI thread
takes it when it is next free), so each figure is the true delay or a little more, never less.
Offscreen the two are the same moment (one thread).

Prints one JSON line.
Usage: python bench/ui_taps.py [--rig offscreen|x11|x11-gl|both|all] [--taps N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import (
    REPO,
    RIG_CHOICES,
    RIGS_HELP,
    SCREEN,
    Xvfb,
    content,
    draw_as_kiosk_run,
    offscreen,
    rigs_of,
)

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

ROUND_TRIP = ("floor", "section", "exhibit", "back", "back", "back")
QUIET_MS = 150
BARE_TAPS = 100
QUIET_TIMEOUT_S = 5.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def spread(values: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(values, 0.5), 1), "p95": round(percentile(values, 0.95), 1),
            "max": round(max(values), 1)}


def child(root: Path, taps: int) -> dict[str, Any]:
    """Tap through the kiosk in this process (its environment chooses the rig); the figures."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.app.screens import KioskWindow
    from kiosk.content.load import load_exhibition
    from kiosk.ops.qml_types import register_qml_types
    from kiosk.render.scene import walk

    exhibition = load_exhibition(root).exhibition
    assert exhibition is not None
    app = QGuiApplication(sys.argv[:1])
    drawn = draw_as_kiosk_run()
    register_qml_types()  # as `kiosk run` does: the screens use the operations' singletons
    kiosk = KioskWindow(exhibition, root, size=SCREEN)
    window = kiosk.window
    window.show()
    device = QTest.createTouchDevice()  # after the application: xcb sets up its devices at start
    swaps: list[float] = []
    kiosk.swaps.swapped.connect(lambda: swaps.append(time.perf_counter()))  # on the GUI thread
    kiosk.navigator.touch()
    if not kiosk.settle():
        raise SystemExit("the home screen did not settle")

    def quiet() -> bool:
        """Wait until the window swaps no frame for a while (the header's fade, a card's pressed
        look have ended), so that the first frame after a tap is the tap's own."""
        deadline = time.monotonic() + QUIET_TIMEOUT_S
        while time.monotonic() < deadline:
            seen = len(swaps)
            if not kiosk.wait_until(lambda seen=seen: len(swaps) > seen, QUIET_MS):
                return True
        return False

    def target(predicate) -> QPointF:  # type: ignore[no-untyped-def]
        for item in walk(window.contentItem()):
            if item.property("accessibleName") and predicate(item):
                return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        raise RuntimeError("nothing to tap")

    floors = [floor.id for floor in exhibition.floors]
    latencies: list[float] = []
    handled: list[float] = []
    by_step: dict[str, list[float]] = {step: [] for step in ROUND_TRIP}
    frame_gaps: list[float] = []
    settled: list[float] = []
    restless = 0
    turn = 0
    while len(latencies) < taps:
        step = ROUND_TRIP[turn % len(ROUND_TRIP)]
        cycle = turn // len(ROUND_TRIP)
        turn += 1
        words = kiosk.navigator.property("words")
        if step == "floor":
            floor = exhibition.floors[cycle % len(floors)]
            label = f"{words['floor'].format(number=floor.number)} "
            point = target(lambda item, label=label: str(item.property("accessibleName"))
                           .startswith(label))
        elif step == "back":
            point = target(lambda item, back=words["back"]: item.property("accessibleName") == back)
        else:
            kind = "SectionCard" if step == "section" else "ExhibitCard"
            cards = [item for item in walk(window.contentItem())
                     if item.metaObject().className().startswith(kind)]
            card = cards[cycle % len(cards)]
            point = card.mapToScene(QPointF(card.width() / 2, min(card.height() / 2, 200)))
        before = kiosk.navigator.property("place")
        restless += not quiet()
        start = len(swaps)
        tapped = time.perf_counter()
        # delivered at once, without running the event loop in between: one tap, as a finger's
        QTest.touchEvent(window, device, False).press(0, point.toPoint(), window).commit(False)
        QTest.touchEvent(window, device, False).release(0, point.toPoint(), window).commit(False)
        handled.append((time.perf_counter() - tapped) * 1000)
        if kiosk.navigator.property("place") == before:
            raise RuntimeError(f"tap on {step} changed nothing")
        kiosk.wait_until(lambda start=start: len(swaps) > start)
        latencies.append((swaps[start] - tapped) * 1000)
        by_step[step].append(latencies[-1])
        kiosk.wait_until(kiosk.shows_current_place)
        settled.append((time.perf_counter() - tapped) * 1000)
        if not kiosk.settle():
            raise SystemExit(f"the screen after a tap on {step} did not settle")
        frame_gaps += [(b - a) * 1000 for a, b in zip(swaps[start:], swaps[start + 1:], strict=False)]
    by_view = view_taps(kiosk, exhibition, swaps, quiet, device)
    kiosk.shut_down()
    del app
    return {
        "tap_to_next_frame_by_view_ms": by_view,
        "drawing": drawn,
        "taps": len(latencies),
        "taps_on_a_window_still_drawing": restless,
        "tap_to_next_frame_ms": spread(latencies),
        "tap_handled_ms": spread(handled),
        "tap_to_next_frame_p95_by_step_ms": {step: round(percentile(values, 0.95), 1)
                                             for step, values in by_step.items() if values},
        "tap_to_transition_end_ms": {**spread(settled), "designed_transition_ms": 250},
        "transition_frame_ms": {**spread(frame_gaps), "mean": round(statistics.fmean(frame_gaps), 1)},
    }


VIEW_ROUNDS = 12


def view_taps(kiosk: Any, exhibition: Any, swaps: list[float], quiet: Any, device: Any) -> dict[str, Any]:
    """Tap → next frame for opening one exhibit of each kind from its section's card (the poll,
    the 3D model and an exhibit with a QR link among them), VIEW_ROUNDS times each."""
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    from kiosk.render.scene import walk

    chosen: dict[str, tuple[str, str]] = {}
    for floor in exhibition.floors:
        for section in floor.sections:
            for exhibit in section.exhibits:
                kind = "link" if getattr(exhibit, "link", None) else exhibit.type
                chosen.setdefault(kind, (section.id, exhibit.id))
    window = kiosk.window
    figures: dict[str, Any] = {}
    for kind, (section_id, exhibit_id) in sorted(chosen.items()):
        latencies: list[float] = []
        for _ in range(VIEW_ROUNDS):
            kiosk.navigator.openSection(section_id)
            if not kiosk.settle():
                raise SystemExit(f"the section {section_id} did not settle")
            cards = [item for item in walk(window.contentItem())
                     if item.metaObject().className().startswith("ExhibitCard")
                     and item.property("cardId") == exhibit_id and item.isVisible()]
            if not cards:
                break  # the card is on a later page of the section: not tapped from here
            card = cards[0]
            point = card.mapToScene(QPointF(card.width() / 2, min(card.height() / 2, 200)))
            if not (0 <= point.x() < window.width() and 0 <= point.y() < window.height()):
                break
            quiet()
            start = len(swaps)
            tapped = time.perf_counter()
            QTest.touchEvent(window, device, False).press(0, point.toPoint(), window).commit(False)
            QTest.touchEvent(window, device, False).release(0, point.toPoint(), window).commit(False)
            kiosk.wait_until(lambda start=start: len(swaps) > start)
            latencies.append((swaps[start] - tapped) * 1000)
            if not kiosk.settle():
                raise SystemExit(f"the exhibit {exhibit_id} did not settle")
        if latencies:
            figures[kind] = {"exhibit": exhibit_id, **spread(latencies)}
    return figures


BARE_QML = b"""
import QtQuick
Window {
    width: 1920; height: 1080; visible: true; color: "black"
    Rectangle {
        anchors.fill: parent
        color: tap.count % 2 ? "#30343a" : "#3a3430"
        TapHandler { id: tap; property int count: 0; onTapped: tap.count += 1 }
    }
}
"""
"""The floor under any screen change: a full-screen window whose tap changes only its colour."""


def bare_window(taps: int) -> dict[str, float]:
    """Tap → next frame on a window that does nothing but change colour: what drawing one
    full-screen frame costs in this rig, whatever the kiosk shows."""
    from PySide6.QtCore import QByteArray, QEventLoop, QPoint, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow
    from PySide6.QtTest import QTest

    from kiosk.app.screens import FrameSwaps

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(BARE_QML), QUrl("bare.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    device = QTest.createTouchDevice()
    relay = FrameSwaps.of(window)
    swaps: list[float] = []
    relay.swapped.connect(lambda: swaps.append(time.perf_counter()))

    def run_until(condition, ms: int) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + ms / 1000
        while not condition() and time.monotonic() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(5, loop.quit)
            loop.exec()

    run_until(lambda: len(swaps) > 0, 10000)
    latencies: list[float] = []
    point = QPoint(960, 540)
    for _ in range(taps):
        run_until(lambda: False, 100)
        start = len(swaps)
        tapped = time.perf_counter()
        QTest.touchEvent(window, device, False).press(0, point, window).commit(False)
        QTest.touchEvent(window, device, False).release(0, point, window).commit(False)
        run_until(lambda start=start: len(swaps) > start, 5000)
        latencies.append((swaps[start] - tapped) * 1000)
    window.close()
    del engine, app
    return spread(latencies)


RENDERERS = {
    "offscreen": "Qt Quick software renderer, basic render loop (GUI thread), offscreen 1920x1080",
    "x11": "as `kiosk run` chooses here (Qt Quick software renderer where OpenGL is Mesa's llvmpipe), "
           "Xvfb 1920x1080",
    "x11-gl": "OpenGL (Mesa llvmpipe, no GPU), threaded render loop, Xvfb 1920x1080",
}


def run_rig(rig: str, root: Path, taps: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(root), "--taps", str(taps)]
    if rig == "offscreen":
        return {**_run(command, dict(os.environ)), "renderer": RENDERERS[rig]}
    with Xvfb() as server:
        return {**_run(command, server.env(own_choice=rig == "x11")), "renderer": RENDERERS[rig]}


def _run(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    process = subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True, check=False)
    lines = [line for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise SystemExit(f"the kiosk ended with {process.returncode} before its figures")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rig", choices=RIG_CHOICES, default="both", help=RIGS_HELP)
    parser.add_argument("--taps", type=int, default=500)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "xcb":  # the x11 rig: keep its OpenGL settings
        os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
        from kiosk.app.memory import configure_malloc

        configure_malloc()  # as `kiosk run` does
    else:
        offscreen()
    if args.child:
        figures = child(args.child, args.taps)
        figures["bare_window_tap_to_next_frame_ms"] = bare_window(min(args.taps, BARE_TAPS))
        print(json.dumps(figures), flush=True)
        return
    _, root, name = content()
    rigs = rigs_of(args.rig)
    figures = {rig: run_rig(rig, root, args.taps) for rig in rigs}
    print(json.dumps({
        "bench": "ui_taps",
        "content": name,
        **figures,
        "frame_time": "when the GUI thread hears of the swap (FrameSwaps): the swap itself or later",
        "target_p95_ms": 50,
    }))


if __name__ == "__main__":
    main()
