"""What `kiosk render` leaves behind: index.html, audit.txt and its closing lines.

The contact sheet shows every screen of one rendering as a thumbnail with its caption, linking to
the full picture, and marks the screens whose pictures were still loading. With several modes a
combined index.html shows each mode's home screen and links that mode's folder, with its count of
audit findings. audit.txt lists each finding of `--check` as staff read it, with the kiosk's QML
file it was found in for developers. The closing lines say how many screens were written where,
and with `--check` each finding and their count.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.render.shots import Shot, Variant

Line = tuple[str, str]
"""One finding of the audit: the line printed for staff, and the QML file it was found in."""


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


def write_audit(path: Path, report: list[Line]) -> None:
    """audit.txt: each finding for staff, with the kiosk's QML file for developers."""
    path.write_text("".join(f"{line} [{source}]\n" if source else f"{line}\n"
                            for line, source in report), encoding="utf-8")


def report_results(title: str, summary: list[tuple[Variant, int, int]], report: list[Line], out: Path,
                   check: bool, elapsed: float) -> int:
    """The combined index.html and audit.txt of several modes, and the closing lines; the exit
    status (1 when `--check` found anything)."""
    several = len(summary) > 1
    if several:
        cover = "01-home.png"  # the first screen a visitor chooses from
        (out / "index.html").write_text(modes_index(title, summary, cover), encoding="utf-8")
        if check:
            write_audit(out / "audit.txt", report)
    screens = sum(count for _variant, count, _problems in summary)
    modes = f" in {len(summary)} modes" if several else ""
    print(f"wrote {screens} screens{modes} and index.html to {out} in {elapsed:.1f} s")
    if check:
        for line, _source in report:
            print(line)
        print(findings(len(report)) if report else "audit: every screen passes")
    return 1 if check and report else 0
