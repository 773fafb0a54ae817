"""`kiosk render DIR --out OUT`: a PNG of every screen and a contact sheet, without a display.

Staff use it to check content on a laptop or a server: attract, home, each floor, each section
and each exhibit, in one language, at the kiosk's screen size; with opening hours also the
closed screen, over the closed slide (`closed.png`, when there is one) and dark (`closed-dark.png`,
as a touch shows it when there is no slide).

`--mode large-text` renders with a visitor's accessibility mode on (repeat `--mode`, or write
`large-text+high-contrast`, for several at once); `--mode all` renders the standard kiosk and
each mode into its own folder (`default/`, `large-text/` ...) with an index.html linking them.
`--check` runs the accessibility audit (`kiosk.app.audit`) on every screen with the mode's
contrast target, writes audit.txt, prints one line per finding and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF

from kiosk.app.render_pages import later_pages

CLOSED_SCREEN_QML = Path(__file__).resolve().parent.parent / "qml" / "ops" / "ClosedScreen.qml"


@dataclass(frozen=True)
class Shot:
    """One screen to render: how to get there, its file name and its caption."""

    name: str
    caption: str
    move: tuple[str, str]


def plan(exhibition: Any, language: str) -> Iterator[Shot]:
    """Every screen of the exhibition, in visiting order."""
    from kiosk.content.i18n import resolve

    fallback = exhibition.settings.default_language

    def text(value: Any) -> str:
        return resolve(value, language, fallback)

    yield Shot("00-attract.png", "Attract loop", ("resetToAttract", ""))
    yield Shot("01-home.png", "Home", ("home", ""))
    for floor in exhibition.floors:
        yield Shot(f"floor-{floor.id}.png", f"Floor {floor.number}: {text(floor.title)}",
                   ("openFloor", floor.id))
        for section in floor.sections:
            yield Shot(f"section-{section.id}.png", f"{text(section.title)}",
                       ("openSection", section.id))
            for exhibit in section.exhibits:
                yield Shot(f"exhibit-{exhibit.id}.png",
                           f"{text(exhibit.title)} ({exhibit.type.replace('_', ' ')})",
                           ("openExhibit", exhibit.id))


def closed_shots(exhibition: Any) -> list[Shot]:
    """The closed screen, for an exhibition with opening hours: with its slide, and dark."""
    hours = exhibition.settings.hours
    if hours is None or closing_moment(hours, dt.datetime.now()) is None:
        return []
    dark = Shot("closed-dark.png", "Closed, without a slide (after a touch)", ("closed", "dark"))
    if hours.closed_slide is None:
        return [dark]
    return [Shot("closed.png", "Closed, over the closed slide", ("closed", "slide")), dark]


def closing_moment(hours: Any, now: dt.datetime) -> dt.datetime | None:
    """A moment the exhibition is closed: now, else its next closing (None: it never closes)."""
    from kiosk.ops.schedule import Schedule

    schedule, moment = Schedule(hours), now
    for _ in range(100):
        state = schedule.state(moment)
        if not state.open:
            return moment
        if state.until is None:
            return None
        moment = state.until
    return None


def show_closed(kiosk: Any, exhibition: Any, with_slide: bool) -> Any | None:
    """Put the closed screen over the window, as the kiosk shows it at its next closing (the
    screens under it hidden, so the audit sees only what visitors see). Returns the item, or
    None when it could not be made; `hide_closed` takes it away again."""
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuick import QQuickItem

    from kiosk.ops.hours import Hours

    hours_settings = exhibition.settings.hours
    moment = closing_moment(hours_settings, dt.datetime.now()) or dt.datetime.now()
    hours = Hours.for_engine(kiosk.engine)
    hours.display_power = lambda on: False  # a rendering never touches the display
    hours.clock = lambda: moment
    shown = hours_settings if with_slide else hours_settings.model_copy(update={"closed_slide": None})
    hours.configure(shown, kiosk.navigator.content_root)
    component = QQmlComponent(kiosk.engine, QUrl.fromLocalFile(str(CLOSED_SCREEN_QML)))
    item = component.create()
    if not isinstance(item, QQuickItem):
        for error in component.errors():
            print(f"kiosk render: the closed screen: {error.toString()}", file=sys.stderr)
        return None
    content = kiosk.window.contentItem()
    for child in content.childItems():
        child.setVisible(False)
    item.setParentItem(content)
    item.setParent(content)
    item.setSize(content.size())
    kiosk.wait_until(lambda: not item.property("loading"))
    kiosk.wait_for_frame()
    return item


def hide_closed(kiosk: Any, item: Any) -> None:
    """Take the closed screen away and show the screens again; the kiosk open as before."""
    from kiosk.ops.hours import Hours

    item.setVisible(False)
    item.setParentItem(None)
    item.deleteLater()
    for child in kiosk.window.contentItem().childItems():
        child.setVisible(True)
    Hours.for_engine(kiosk.engine).configure(None)


def contact_sheet(title: str, shots: list[tuple[Shot, bool]], size: tuple[int, int]) -> str:
    """index.html: every screen as a thumbnail with its caption, linking to the full PNG."""
    cells = []
    for shot, ok in shots:
        name = html.escape(shot.name)
        note = "" if ok else ' <em class="late">(pictures still loading)</em>'
        cells.append(
            f'<figure><a href="{name}"><img src="{name}" loading="lazy" alt=""></a>'
            f"<figcaption>{html.escape(shot.caption)}{note}<br><code>{name}</code>"
            "</figcaption></figure>"
        )
    ratio = f"{size[0]} / {size[1]}"
    return f"""<!doctype html>
<html lang="en"><meta charset="utf-8"><title>{html.escape(title)}: every screen</title>
<style>
body {{ background: #0f1720; color: #f5f1e8; font-family: "Noto Sans", "Noto Sans CJK SC",
       sans-serif; margin: 32px; }}
h1 {{ font-weight: 600; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 24px; }}
figure {{ margin: 0; background: #1a2531; border-radius: 10px; overflow: hidden; }}
img {{ width: 100%; aspect-ratio: {ratio}; object-fit: cover; display: block; }}
figcaption {{ padding: 10px 14px 14px; line-height: 1.4; }}
code {{ color: #b9c4cf; font-size: 0.85em; }}
.late {{ color: #e8b04b; }}
</style>
<h1>{html.escape(title)}</h1>
<p>{len(shots)} screens at {size[0]}×{size[1]}.</p>
<main>
{chr(10).join(cells)}
</main>
</html>
"""


@dataclass(frozen=True)
class Variant:
    """One way of rendering: a set of accessibility modes (none for the standard kiosk)."""

    modes: tuple[str, ...]

    @property
    def name(self) -> str:
        return "+".join(self.modes) if self.modes else "default"


def variants(requested: list[str], known: tuple[str, ...]) -> list[Variant]:
    """The variants `--mode` asks for. Repeated names and 'a+b' combine modes in one rendering;
    'all' renders the standard kiosk and each mode alone (plus any combination also named)."""
    wanted = [part for value in requested for part in value.split("+") if part]
    unknown = [name for name in wanted if name != "all" and name not in known]
    if unknown:
        raise ValueError(f"no accessibility mode called {unknown[0]!r} "
                         f"(choose from {', '.join(known)} or all)")
    if "all" not in wanted:
        return [Variant(tuple(name for name in known if name in wanted))]
    result = [Variant(())] + [Variant((name,)) for name in known]
    for value in requested:
        if value != "all":
            combined = Variant(tuple(name for name in known if name in value.split("+")))
            if combined not in result:
                result.append(combined)
    return result


def findings(count: int) -> str:
    return f"{count} audit finding" + ("" if count == 1 else "s")


def modes_index(title: str, done: list[tuple[Variant, int, int]], cover: str) -> str:
    """The combined index.html of several modes: each mode's home screen, linking its folder."""
    cells = []
    for variant, screens, problems in done:
        name = html.escape(variant.name)
        audit = "" if problems < 0 else (
            " · every screen passes" if problems == 0 else f" · <em>{findings(problems)}</em>")
        cells.append(f'<figure><a href="{name}/index.html"><img src="{name}/{html.escape(cover)}" '
                     f'alt=""></a><figcaption><a href="{name}/index.html">{name}</a>: '
                     f"{screens} screens{audit}</figcaption></figure>")
    return f"""<!doctype html>
<html lang="en"><meta charset="utf-8"><title>{html.escape(title)}: every mode</title>
<style>
body {{ background: #0f1720; color: #f5f1e8; font-family: "Noto Sans", sans-serif; margin: 32px; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 24px; }}
figure {{ margin: 0; background: #1a2531; border-radius: 10px; overflow: hidden; }}
img {{ width: 100%; display: block; }}
figcaption {{ padding: 10px 14px 14px; }}
a {{ color: #f5f1e8; }}
em {{ color: #e8b04b; }}
</style>
<h1>{html.escape(title)}: every mode</h1>
<main>
{chr(10).join(cells)}
</main>
</html>
"""


def apply_modes(kiosk: Any, modes: tuple[str, ...]) -> None:
    """Turn exactly these accessibility modes on (moving to attract turns them all off)."""
    from kiosk.app.access import Access

    access = Access.for_engine(kiosk.engine)
    on = set(access.property("modes") or [])
    if on != set(modes):
        access.reset()
        for name in modes:
            access.set_mode(name, True)


def contrast_target(kiosk: Any, modes: tuple[str, ...]) -> float:
    target = kiosk.theme.property("contrastTarget")
    return float(target) if target else (7.0 if "high-contrast" in modes else 4.5)


def reachable_from(kiosk: Any, modes: tuple[str, ...]) -> float | None:
    """In reach mode, where the part of the screen a seated visitor reaches begins."""
    return float(kiosk.theme.property("reachTop") or 0) if "reach" in modes else None


def render_variant(kiosk: Any, exhibition: Any, language: str, variant: Variant, out: Path,
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


def page_name(name: str, page: int, taken: set[str]) -> str:
    """`exhibit-x-2.png` for the second part of `exhibit-x.png` (`exhibit-x-part2.png` when
    another screen already has that name, an exhibit called `x-2`)."""
    stem = name.removesuffix(".png")
    plain = f"{stem}-{page}.png"
    return plain if plain not in taken else f"{stem}-part{page}.png"


Line = tuple[str, str]
"""One finding of the audit: the line printed for staff, and the QML file it was found in."""


def write_audit(path: Path, report: list[Line]) -> None:
    """audit.txt: each finding for staff, with the kiosk's QML file for developers."""
    path.write_text("".join(f"{line} [{source}]\n" if source else f"{line}\n"
                            for line, source in report), encoding="utf-8")


def take(kiosk: Any, shot: Shot, out: Path, variant: Variant, check: bool, report: list[Line],
         seen: set[str]) -> bool:
    """Write the screen on view as `shot` and, with `check`, add the audit's findings to the
    report (a finding already reported on an earlier part of the same screen only once)."""
    image = kiosk.grab()
    if check:
        from kiosk.app.audit import audit_screen

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

    result = load_exhibition(root, probe=probe_media)
    if result.has_errors or result.exhibition is None:
        from kiosk.content.errors import from_here

        for problem in result.problems:
            print(from_here(problem, root).format(), file=sys.stderr)
        print("kiosk render: fix the content errors above first", file=sys.stderr)
        return 1
    exhibition = result.exhibition
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

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    quiet_media_notes()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    size = tuple(args.size)
    started = time.monotonic()
    kiosk = KioskWindow(exhibition, root.resolve(), size=size, language=language,
                        reduced_motion=True)
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
    if several:
        cover = "01-home.png"  # the first screen a visitor chooses from
        (out / "index.html").write_text(modes_index(title, summary, cover), encoding="utf-8")
        if check:
            write_audit(out / "audit.txt", report)
    elapsed = time.monotonic() - started
    screens = sum(count for _variant, count, _problems in summary)
    modes = f" in {len(chosen)} modes" if several else ""
    print(f"wrote {screens} screens{modes} and index.html to {out} in {elapsed:.1f} s")
    if check:
        for line, _source in report:
            print(line)
        print(findings(len(report)) if report else "audit: every screen passes")
    return 1 if check and report else 0
