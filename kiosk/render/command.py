"""`kiosk render DIR --out OUT`: a PNG of every screen and a contact sheet, without a display.

Staff use it to check content on a laptop or a server: every screen (`kiosk.render.shots`), each
scrolled part of it too (`kiosk.render.scrolling`), in one language, at the kiosk's screen size,
with a contact sheet (`kiosk.render.results`). `--mode` renders with accessibility modes
on (`kiosk.render.shots`); with several, each into its own folder with an index.html linking
them. `--check` runs the accessibility audit (`kiosk.render.audit`) on every screen with the
mode's contrast target, writes audit.txt, prints one line per finding and exits 1 if there is any.
`--date` renders the exhibition as on another day, dated content out of its dates left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from kiosk.render.results import Line, contact_sheet, report_results, write_audit
from kiosk.render.scrolling import later_pages
from kiosk.render.shots import (
    Shot,
    Variant,
    apply_modes,
    closed_shots,
    contrast_target,
    hide_closed,
    page_name,
    plan,
    reachable_from,
    show_closed,
    variants,
)

if TYPE_CHECKING:
    from kiosk.app.screens import KioskWindow
    from kiosk.content.model import Exhibition


def render_variant(kiosk: KioskWindow, exhibition: Exhibition, language: str, variant: Variant, out: Path,
                   check: bool, size: tuple[int, int]) -> tuple[int, list[Line]] | None:
    """Every screen in one variant into `out`, each scrolled part of it too; the audit's lines."""
    out.mkdir(parents=True, exist_ok=True)
    done: list[tuple[Shot, bool]] = []
    report: list[Line] = []
    planned = [*plan(exhibition, language), *closed_shots(exhibition)]
    taken = {shot.name for shot in planned}
    for shot in planned:
        method, argument = shot.move
        closed = None
        if method == "closed":  # closing ends the visit: the attract loop is under the closed screen
            kiosk.navigator.resetToAttract()
        else:
            slot = getattr(kiosk.navigator, method)
            slot(argument) if argument else slot()
        kiosk.navigator.setLanguage(language)  # the attract loop starts in the default language
        apply_modes(kiosk, variant.modes)
        settled = kiosk.settle()
        if method == "closed":
            closed = show_closed(kiosk, exhibition, with_slide=argument == "slide")
            settled = closed is not None and settled
        seen: set[str] = set()
        if not take(kiosk, shot, out, variant, check, report, seen):
            return None
        done.append((shot, settled))
        if closed is not None:
            hide_closed(kiosk, closed)
            continue
        window = QRectF(0, 0, kiosk.window.width(), kiosk.window.height())
        for page in later_pages(window, kiosk.window.contentItem(), kiosk.settle):
            part = Shot(page_name(shot.name, page, taken), f"{shot.caption}, part {page}", shot.move)
            if not take(kiosk, part, out, variant, check, report, seen):
                return None
            done.append((part, settled))
    title = kiosk.navigator.property("title")
    (out / "index.html").write_text(contact_sheet(title, done, size), encoding="utf-8")
    if check:
        write_audit(out / "audit.txt", report)
    return len(done), report


def take(kiosk: KioskWindow, shot: Shot, out: Path, variant: Variant, check: bool, report: list[Line],
         seen: set[str]) -> bool:
    """Write the screen on view as `shot` and, with `check`, add the audit's findings to the
    report (a finding already reported on an earlier part of the same screen only once)."""
    image = kiosk.grab()
    if check:
        from kiosk.render.audit import audit_screen

        target = contrast_target(kiosk, variant.modes)
        reach_top = reachable_from(kiosk, variant.modes)
        screen = "closed screen" if shot.move[0] == "closed" else None
        for finding in audit_screen(kiosk, min_contrast=target, reach_top=reach_top, screen=screen):
            if finding.staff_line not in seen:
                seen.add(finding.staff_line)
                report.append((f"{shot.name}: {finding.staff_line} ({variant.name})", finding.source))
    if image.isNull() or not image.save(str(out / shot.name)):
        print(f"kiosk render: could not write {out / shot.name}", file=sys.stderr)
        return False
    return True


def main(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from kiosk.content.load import load_exhibition

    root: Path = args.dir
    if not root.is_dir():
        print(f"kiosk render: '{root}' is not a folder", file=sys.stderr)
        return 2
    from kiosk.app.media_probe import probe_media

    moment: dt.datetime = getattr(args, "date", None) or dt.datetime.now()
    result = load_exhibition(root, probe=probe_media, now=moment)
    if result.has_errors or result.exhibition is None:
        from kiosk.content.errors import from_here

        for problem in result.problems:
            print(from_here(problem, root).format(), file=sys.stderr)
        print("kiosk render: fix the content errors above first", file=sys.stderr)
        return 1
    from kiosk.content.dates import shown_on

    whole = result.exhibition
    exhibition = shown_on(whole, moment)  # as visitors see it on that day: the screens to render
    language = args.lang or exhibition.settings.default_language
    if language not in exhibition.settings.languages:
        choices = ", ".join(exhibition.settings.languages)
        print(f"kiosk render: '{language}' is not one of this exhibition's languages ({choices})",
              file=sys.stderr)
        return 2
    requested: list[str] = list(getattr(args, "mode", None) or [])
    check = bool(getattr(args, "check", False))
    from kiosk.app.access import MODES

    try:
        chosen = variants(requested, MODES)
    except ValueError as problem:
        print(f"kiosk render: {problem}", file=sys.stderr)
        return 2

    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow
    from kiosk.base.logs import quiet_media_notes
    from kiosk.ops.qml_types import register_qml_types

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    quiet_media_notes()
    register_qml_types()  # the screens listen to the operations' Idle
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    size = tuple(args.size)
    started = time.monotonic()
    kiosk = KioskWindow(whole, root.resolve(), size=size, language=language, reduced_motion=True)
    kiosk.navigator.set_clock(lambda: moment)
    kiosk.window.show()
    several = len(chosen) > 1
    summary: list[tuple[Variant, int, int]] = []
    report: list[Line] = []
    for variant in chosen:
        folder = out / variant.name if several else out
        rendered = render_variant(kiosk, exhibition, language, variant, folder, check, size)
        if rendered is None:
            kiosk.close()
            return 1
        count, lines = rendered
        summary.append((variant, count, len(lines) if check else -1))
        report += lines
    title = kiosk.navigator.property("title")
    kiosk.close()
    return report_results(title, summary, report, out, check, time.monotonic() - started)
