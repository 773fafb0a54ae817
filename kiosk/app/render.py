"""`kiosk render DIR --out OUT`: a PNG of every screen and a contact sheet, without a display.

Staff use it to check content on a laptop or a server: attract, home, each floor, each section
and each exhibit, in one language, at the kiosk's screen size.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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


def main(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from kiosk.content.load import load_exhibition

    root: Path = args.dir
    if not root.is_dir():
        print(f"kiosk render: '{root}' is not a folder", file=sys.stderr)
        return 2
    result = load_exhibition(root)
    if result.has_errors or result.exhibition is None:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
        print("kiosk render: fix the content errors above first", file=sys.stderr)
        return 1
    exhibition = result.exhibition
    language = args.lang or exhibition.settings.default_language
    if language not in exhibition.settings.languages:
        choices = ", ".join(exhibition.settings.languages)
        print(f"kiosk render: '{language}' is not one of this exhibition's languages ({choices})",
              file=sys.stderr)
        return 2

    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    size = tuple(args.size)
    started = time.monotonic()
    kiosk = KioskWindow(exhibition, root.resolve(), size=size, language=language,
                        reduced_motion=True)
    kiosk.window.show()
    done: list[tuple[Shot, bool]] = []
    for shot in plan(exhibition, language):
        method, argument = shot.move
        slot = getattr(kiosk.navigator, method)
        slot(argument) if argument else slot()
        kiosk.navigator.setLanguage(language)  # the attract loop starts in the default language
        settled = kiosk.settle()
        image = kiosk.grab()
        if image.isNull() or not image.save(str(out / shot.name)):
            print(f"kiosk render: could not write {out / shot.name}", file=sys.stderr)
            return 1
        done.append((shot, settled))
    title = kiosk.navigator.property("title")
    (out / "index.html").write_text(contact_sheet(title, done, size), encoding="utf-8")
    kiosk.close()
    elapsed = time.monotonic() - started
    print(f"wrote {len(done)} screens and index.html to {out} in {elapsed:.1f} s")
    return 0
