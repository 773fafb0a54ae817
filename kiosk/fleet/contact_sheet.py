"""`kiosk fleet-sheet DIR`: one HTML page with what every screen of the fleet shows and how it is.

The contact sheet playbook (deploy/fleet/ansible/contact-sheet.yml) fills DIR with one folder per
screen, named after the screen's host:

    DIR/level2-east/status.json       what `kiosk ctl status` printed on that screen
    DIR/level2-east/screen.png        what `kiosk ctl screenshot` wrote: what visitors see
    DIR/level2-east/unreachable.txt   instead of the two above: why the screen could not be asked
    DIR/level2-east/problem.txt       what went wrong while collecting (e.g. the screenshot failed)

The page (DIR/index.html unless --out) is one file with no outside resources: styles inline,
pictures linked relative to the page (or embedded with --embed), so it opens offline from the
folder, and can be published as it is. Screens with a problem come first, each marked in words,
not by colour alone. Everything read from the screens is escaped: a name or an error message
is shown as text, never run as markup.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import json
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kiosk.base.durations import format_duration

STATUS_FILE = "status.json"
SCREENSHOT_FILE = "screen.png"
UNREACHABLE_FILE = "unreachable.txt"
PROBLEM_FILE = "problem.txt"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MEMORY_LIMIT_MB = 1500.0
SHOWN_ERRORS = 10

OK, PROBLEM, UNREACHABLE = "ok", "problem", "unreachable"
ORDER = {UNREACHABLE: 0, PROBLEM: 1, OK: 2}
BADGES = {OK: "✓ OK", PROBLEM: "⚠ PROBLEM", UNREACHABLE: "✕ UNREACHABLE"}


@dataclass
class ScreenCard:
    """One screen on the sheet: its name, how it is, what it said and its picture."""

    folder: str
    name: str
    state: str = OK
    problems: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    screenshot: Path | None = None
    size: tuple[int, int] | None = None
    taken: str = ""


def _lookup(status: dict[str, Any], *keys: str) -> Any:
    """The first of `keys` present in `status` (a dotted key looks inside a nested object)."""
    for key in keys:
        value: Any = status
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None:
            return value
    return None


def _errors(status: dict[str, Any]) -> tuple[int, list[str]]:
    """How many content errors the screen reports, and the texts of those it spells out."""
    errors = _lookup(status, "content.errors", "errors")
    first = _lookup(status, "content.first_errors")
    texts = [_plain(error) for error in (errors if isinstance(errors, list) else first or [])]
    if isinstance(errors, list):
        return len(errors), texts
    if isinstance(errors, bool) or not isinstance(errors, int | float):
        return len(texts), texts
    return max(int(errors), len(texts)), texts


def _memory_mb(status: dict[str, Any]) -> float | None:
    megabytes = _lookup(status, "memory_mib", "memory_mb")
    if isinstance(megabytes, int | float) and not isinstance(megabytes, bool):
        return float(megabytes)
    in_bytes = _lookup(status, "memory_bytes", "memory_rss_bytes")
    return float(in_bytes) / 1024 / 1024 if isinstance(in_bytes, int | float) else None


def _place(value: Any) -> str:
    """Where the visitor is: `exhibit: floor 1, section port, exhibit harbour-map`."""
    if not isinstance(value, dict):
        return _plain(value)
    parts = [f"{part} {value[part]}" for part in ("floor", "section", "exhibit") if value.get(part)]
    details = ", ".join(parts)
    screen = _plain(value.get("screen"))
    return f"{screen}: {details}" if screen and details else screen or details


def _uptime(status: dict[str, Any]) -> str:
    seconds = _lookup(status, "uptime_seconds", "uptime")
    if isinstance(seconds, int | float) and not isinstance(seconds, bool):
        return format_duration(seconds)
    return "" if seconds is None else str(seconds)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _taken(status: dict[str, Any], files: list[Path]) -> str:
    stamp = _lookup(status, "time", "taken", "now", "timestamp")
    if isinstance(stamp, int | float) and not isinstance(stamp, bool):
        return f"{dt.datetime.fromtimestamp(stamp):%Y-%m-%d %H:%M:%S}"
    if stamp:
        return str(stamp)
    existing = [path.stat().st_mtime for path in files if path.exists()]
    return f"{dt.datetime.fromtimestamp(max(existing)):%Y-%m-%d %H:%M:%S}" if existing else ""


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG file, or None when it is not one."""
    try:
        with path.open("rb") as stream:
            head = stream.read(24)
    except OSError:
        return None
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def read_screen(folder: Path) -> ScreenCard:
    """One screen's card from its folder of collected files."""
    card = ScreenCard(folder=folder.name, name=folder.name)
    unreachable = folder / UNREACHABLE_FILE
    status_file = folder / STATUS_FILE
    if unreachable.exists() or not status_file.exists():
        reason = unreachable.read_text(encoding="utf-8", errors="replace").strip() if unreachable.exists() \
            else "no status was collected from this screen"
        card.state = UNREACHABLE
        card.problems.append(reason or "the screen could not be reached")
        card.taken = _taken({}, [unreachable])
        return card
    try:
        status = json.loads(status_file.read_text(encoding="utf-8", errors="replace"))
    except ValueError as error:
        status = {}
        card.problems.append(f"the status the screen sent is not readable: {error}")
    if not isinstance(status, dict):
        status = {}
        card.problems.append("the status the screen sent is not readable: not a JSON object")
    card.name = _plain(_lookup(status, "screen", "name")) or folder.name
    count, texts = _errors(status)
    if count:
        card.problems.append(f"content folder has {count} error(s)")
        card.problems += texts[:SHOWN_ERRORS]
        if len(texts) > SHOWN_ERRORS:
            card.problems.append(f"... and {len(texts) - SHOWN_ERRORS} more")
    if _lookup(status, "content.valid", "content_valid") is False and not count:
        card.problems.append("the content folder is not valid")
    if _lookup(status, "content.showing") is False:
        card.problems.append("no exhibition is shown (visitors see the Back soon screen)")
    listed = _lookup(status, "problems")
    if isinstance(listed, list):
        card.problems += [_plain(problem) for problem in listed]
    collecting = folder / PROBLEM_FILE
    if collecting.exists():
        card.problems.append(collecting.read_text(encoding="utf-8", errors="replace").strip()
                             or "something went wrong while collecting")
    memory = _memory_mb(status)
    if memory is not None and memory > MEMORY_LIMIT_MB:
        card.problems.append(f"memory {memory:.0f} MB is above {MEMORY_LIMIT_MB:.0f} MB")
    opened = _lookup(status, "open")
    version = _plain(_lookup(status, "content.version", "content_version"))
    if version and _lookup(status, "content.last_good_copy") is True:
        version += " (the last good copy)"
    card.facts = [
        ("place", _place(_lookup(status, "place"))),
        ("language", _plain(_lookup(status, "language"))),
        ("content", version),
        ("errors", str(count)),
        ("running for", _uptime(status)),
        ("memory", "" if memory is None else f"{memory:.0f} MB"),
        ("hours", "" if opened is None else ("open" if opened else "closed")),
        ("visits today", _plain(_lookup(status, "visits_today"))),
        ("kiosk", _plain(_lookup(status, "kiosk_version"))),
    ]
    if folder.name != card.name:
        card.facts.append(("host", folder.name))
    screenshot = folder / SCREENSHOT_FILE
    card.size = png_size(screenshot)
    if card.size is not None:
        card.screenshot = screenshot
    else:
        card.problems.append("no screenshot" if not screenshot.exists() else "the screenshot is not a PNG")
    card.taken = _taken(status, [status_file, screenshot])
    card.state = PROBLEM if card.problems else OK
    return card


def read_fleet(folder: Path) -> list[ScreenCard]:
    """Every screen's card, problems first (unreachable, then other problems), then by name."""
    folders = [child for child in folder.iterdir() if child.is_dir() and not child.name.startswith(".")]
    cards = [read_screen(child) for child in folders]
    return sorted(cards, key=lambda card: (ORDER[card.state], card.name.lower(), card.folder))


STYLE = """
body { font-family: sans-serif; margin: 1.5rem; background: #f4f4f4; color: #111; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
.summary { margin: 0 0 1rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem;
        align-items: start; }
.screen { background: #fff; border: 2px solid #8a8a8a; border-radius: 6px; padding: .6rem; }
.screen.problem, .screen.unreachable { border: 4px dashed #b00020; }
.screen h2 { font-size: 1.1rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
.badge { display: inline-block; font-weight: bold; padding: .1rem .4rem; border-radius: 3px;
         border: 2px solid currentColor; margin-right: .4rem; }
.ok .badge { color: #0a5d1a; }
.problem .badge, .unreachable .badge { color: #b00020; }
img { width: 100%; height: auto; display: block; border: 1px solid #ccc; background: #000; }
.nopicture { padding: 3rem 1rem; text-align: center; background: #ddd; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; margin: .5rem 0 0; }
dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
ul.problems { margin: .4rem 0 0; padding-left: 1.2rem; color: #7a0016; overflow-wrap: anywhere; }
.taken { color: #555; font-size: .85rem; margin-top: .4rem; }
"""


def _picture(card: ScreenCard, page_folder: Path, embed: bool) -> str:
    if card.screenshot is None:
        return '<div class="nopicture">no screenshot</div>'
    alt = html.escape(f"What {card.name} shows", quote=True)
    size = f' width="{card.size[0]}" height="{card.size[1]}"' if card.size else ""
    if embed:
        data = base64.b64encode(card.screenshot.read_bytes()).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{alt}"{size}>'
    try:
        relative = card.screenshot.resolve().relative_to(page_folder.resolve())
    except ValueError:
        relative = card.screenshot.resolve()
    link = html.escape(quote(relative.as_posix()), quote=True)
    return f'<a href="{link}"><img src="{link}" alt="{alt}"{size} loading="lazy"></a>'


def _card_html(card: ScreenCard, page_folder: Path, embed: bool) -> str:
    parts = [f'<section class="screen {card.state}" id="{html.escape(quote(card.folder), quote=True)}">',
             f'<h2><span class="badge">{BADGES[card.state]}</span>{html.escape(card.name)}</h2>',
             _picture(card, page_folder, embed)]
    if card.problems:
        label = "Why it could not be reached" if card.state == UNREACHABLE else "Problems"
        items = "".join(f"<li>{html.escape(problem)}</li>" for problem in card.problems)
        parts.append(f'<ul class="problems" aria-label="{label}">{items}</ul>')
    if card.facts:
        rows = "".join(f"<dt>{html.escape(name)}</dt><dd>{html.escape(value or '–')}</dd>"
                       for name, value in card.facts)
        parts.append(f"<dl>{rows}</dl>")
    if card.taken:
        parts.append(f'<div class="taken">taken {html.escape(card.taken)}</div>')
    parts.append("</section>")
    return "\n".join(parts)


def build_page(cards: list[ScreenCard], page_folder: Path, *, title: str, embed: bool = False) -> str:
    """The contact sheet as one HTML page."""
    counts = {state: sum(card.state == state for card in cards) for state in ORDER}
    summary = (f"{len(cards)} screen(s): {counts[OK]} OK, {counts[PROBLEM]} with a problem, "
               f"{counts[UNREACHABLE]} unreachable.")
    body = "\n".join(_card_html(card, page_folder, embed) for card in cards)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p class=\"summary\">{html.escape(summary)}</p>\n"
        f"<div class=\"grid\">\n{body}\n</div>\n</body>\n</html>\n"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `kiosk fleet-sheet`."""
    parser.add_argument("dir", type=Path,
                        help="the folder the contact sheet playbook filled, one folder per screen")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="the page to write (default: DIR/index.html)")
    parser.add_argument("--embed", action="store_true",
                        help="put the screenshots inside the page (one file to send; larger)")
    parser.add_argument("--title", default=None, help="the page's title (default: the folder's name)")


def main(args: argparse.Namespace) -> int:
    folder: Path = args.dir
    if not folder.is_dir():
        print(f"kiosk fleet-sheet: '{folder}' is not a folder this user can open", file=sys.stderr)
        return 2
    cards = read_fleet(folder)
    if not cards:
        print(f"kiosk fleet-sheet: '{folder}' holds no screens (one folder per screen)", file=sys.stderr)
        return 1
    out: Path = args.out if args.out is not None else folder / "index.html"
    title = args.title or f"Screens {folder.resolve().name}"
    out.write_text(build_page(cards, out.parent, title=title, embed=args.embed), encoding="utf-8")
    problems = sum(card.state != OK for card in cards)
    print(f"wrote {out}: {len(cards)} screen(s), {problems} with a problem or unreachable")
    return 0
