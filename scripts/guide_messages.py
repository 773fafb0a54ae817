#!/usr/bin/env python3
"""Write the troubleshooting table of docs/content.md from the checker's real messages.

    python scripts/guide_messages.py            # rewrite the table in docs/content.md
    python scripts/guide_messages.py --check    # exit 1 when the guide's table is out of date

Each row is one common mistake made in a small, otherwise valid exhibition: the checker runs on it and
the row shows its message as `kiosk validate` prints it, then what it means and what to do.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import tempfile
import textwrap
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "content.md"
BEGIN = "<!-- troubleshooting table: written by scripts/guide_messages.py; do not edit by hand -->"
END = "<!-- end of troubleshooting table -->"

EXHIBITION = textwrap.dedent(
    """\
    schema_version: 1
    title: {en: Harbour Museum, zh: 港口博物馆}
    languages: [en, zh]
    default_language: en
    attract:
      media:
        - file: media/port.png
          alt: {en: The harbour at dawn, zh: 黎明时的港口}
    """
)

FLOOR = textwrap.dedent(
    """\
    id: ground
    number: 1
    title: {en: Ground floor, zh: 一楼}
    color: "#2b4c7e"
    sections:
      - id: port
        title: {en: The port, zh: 港口}
        exhibits:
          - id: port-today
            type: article
            title: {en: The port today, zh: 今日港口}
            body: {en: Ships come and go., zh: 船来船往。}
          - id: port-plan
            type: image
            title: {en: City plan, zh: 城市规划图}
            image: media/x/plan-1899.png
            alt: {en: A printed plan of the town in 1899, zh: 1899年的城镇平面图}
          - id: port-map
            type: map
            title: {en: Map, zh: 地图}
            image: media/port.png
            alt: {en: The harbour at dawn, zh: 黎明时的港口}
            hotspots:
              - {x: 0.5, y: 0.5, label: {en: Pier, zh: 码头}, exhibit: port-today}
          - id: port-years
            type: timeline
            title: {en: Years, zh: 年代}
            events:
              - {year: 1899, title: {en: Founded, zh: 建港}}
              - {year: 1950, title: {en: Rebuilt, zh: 重建}}
          - id: port-cargo
            type: chart
            title: {en: Cargo, zh: 货物}
            kind: bar
            categories: ['2000', '2010']
            series:
              - name: {en: Tonnes, zh: 吨}
                values: [12, 30]
    """
)


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80\x80\x80"))
            + chunk(b"IEND", b""))


@dataclass(frozen=True)
class Mistake:
    """One mistake: a change to the sample floor (or exhibition.yaml), what it means, what to do."""

    change: Callable[[str], str]
    meaning: str
    fix: str
    settings: bool = False
    pick: str = ""
    """Words of the message to show, when the mistake gives more than one."""


def swap(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


def drop(needle: str) -> Callable[[str], str]:
    """Remove the line that holds `needle`."""
    def change(text: str) -> str:
        lines = text.splitlines(keepends=True)
        (index,) = [number for number, line in enumerate(lines) if needle in line]
        return "".join(lines[:index] + lines[index + 1:])

    return change


def add(extra: str) -> Callable[[str], str]:
    return lambda text: text + extra


MISTAKES = [
    Mistake(swap("    title: {en: The port today", "    titel: {en: The port today"),
            "A field name is misspelt, or this kind of exhibit does not have that field.",
            "Use the suggested name, or check the type's table in [section 7](#7-exhibits).",
            pick="unknown field"),
    Mistake(drop("image: media/x/plan-1899.png"),
            "A required field is missing.", "Add it. The tables say which fields are required."),
    Mistake(drop("alt: {en: A printed plan of the town in 1899"),
            "A picture has no words for visitors who cannot see it (a warning: the picture still shows).",
            "Add `alt:` beside the picture, in each language, saying what it shows.", pick="alt text"),
    Mistake(swap("media/x/plan-1899.png", "media/x/plan-1898.png"),
            "The path or the file name is wrong.",
            "Check the spelling and the capitals, and that the file was copied. Take the suggestion if it is "
            "right."),
    Mistake(swap("media/x/plan-1899.png", "media/y/plan.png"),
            "Nothing with a similar name is in that folder.", "Copy the file there, or fix the folder name."),
    Mistake(swap("media/x/plan-1899.png", "media/x/plan.pdf"),
            "Wrong kind of file for this field.",
            "Convert it (for example, save a PDF page as PNG) or use the right field."),
    Mistake(swap("media/x/plan-1899.png", "../plan.png"),
            "Media paths start at the content folder.",
            "Copy the file into `content/media/` and write its path from the content folder, like "
            "`media/floor1/plan.png`."),
    Mistake(swap("media/x/plan-1899.png", "/home/staff/plan.png"),
            "The same: the path names a place outside the content folder.",
            "Copy the file into `content/media/` and write `media/...`."),
    Mistake(swap("      - id: port-today\n        type:", "      - id: port-today\n\ttype:"),
            "A Tab is used to indent a line.",
            'Replace the Tab with spaces. In VS Code: press F1, type "Convert Indentation to Spaces", press '
            "Enter."),
    Mistake(swap("title: {en: The port, zh: 港口}", "title: The port: then and now"),
            "The text contains `: `.", "Put it in quotes, or check this line's indentation."),
    Mistake(swap("        type: image", "        type image"),
            "The line has no `:` after its field name.", "Write `name: value`, with a colon and a space."),
    Mistake(swap("        body: {en: Ships", "        type: image\n        body: {en: Ships"),
            "The same field is written twice.", "Keep one and delete the other."),
    Mistake(swap("      - id: port-plan", "      - id: port-today"),
            "Two floors, sections or exhibits share an id, maybe in different files.",
            "The hint says where the other one is. Rename one."),
    Mistake(swap("exhibit: port-today}", "exhibit: port-todya}"),
            "A map hotspot's `exhibit:` names an id that no floor has.",
            "Fix the spelling, or update it if the exhibit was renamed or removed."),
    Mistake(swap("{year: 1950", "{year: 1850"),
            "The events are not in order of their years.", "Reorder the events so the years go up."),
    Mistake(swap("values: [12, 30]", "values: [12]"),
            "Each chart series needs exactly one value per category.",
            "Add or remove values or categories."),
    Mistake(swap("title: {en: Cargo, zh: 货物}", "title: {en: Cargo, zh: yes}"),
            "YAML read a word such as yes, no, on or off as true or false.", "Put it in quotes."),
    Mistake(swap('color: "#2b4c7e"', "color: #2b4c7e"),
            "The colour is not in quotes, so `#` made the rest of the line a comment.",
            'Write `color: "#2b4c7e"`.'),
    Mistake(swap("{en: City plan, zh:", "{en: The 1899, city plan, zh:"),
            "A comma inside `{en: ..., zh: ...}` cut the text in two.",
            'Put that text in quotes: `{en: "The 1899, city plan", zh: ...}`.'),
    Mistake(swap("body: {en: Ships come and go., zh: 船来船往。}", 'body: ""'),
            "A text field has nothing in it.",
            "Write the text, or delete the line if the field is optional."),
    Mistake(swap("values: [12, 30]", "values: [12, '30,500']"),
            "Numbers are written without commas or spaces.", "Write `30500`."),
    Mistake(swap("id: port-plan", "id: Plan_1899"),
            "Ids use only lower-case letters, digits and dashes.", "Write `plan-1899`."),
    Mistake(swap('color: "#2b4c7e"', 'color: "#2b4c7"'),
            "A colour is `#` and exactly six digits or letters a–f.", 'Write it in quotes: `"#2b4c7e"`.'),
    Mistake(swap("type: image", "type: imgae"),
            "The exhibit type is misspelt.", "Use one of the eleven types in [section 7](#7-exhibits)."),
    Mistake(drop("type: article"),
            "The exhibit does not say what kind it is.", "Add a `type:` line, such as `type: article`."),
    Mistake(add("  - id: empty\n    title: {en: Empty, zh: 空}\n    exhibits:\n"),
            "A section has no exhibits under `exhibits:`.",
            "Add an exhibit below it, starting with `- id: ...`, or delete the empty section."),
    Mistake(swap("number: 1", "number:"),
            "A field has nothing after its `:`.",
            "Write the value, or delete the line if the field is optional."),
    Mistake(swap("default_language: en", "default_language: fr"),
            "The default language must be one of `languages`.",
            "Add the language to `languages`, or change `default_language`.", settings=True),
    Mistake(swap("languages: [en, zh]", "languages: [en, cn]"),
            "A country code was written where a language belongs.",
            "Use the language's code (Chinese is `zh`).", settings=True),
    Mistake(swap("schema_version: 1", "schema_version: 2"),
            "The content was written for a newer kiosk.",
            "Ask for the kiosk software to be updated.", settings=True),
    Mistake(drop("{year: 1950"),
            "A list is too short (a timeline needs 2 events, stats at most 8).",
            "Add items, or remove some."),
]


def first_message(mistake: Mistake) -> str:
    """The first line `kiosk validate` prints for the sample exhibition with this mistake."""
    from kiosk.content.errors import from_here
    from kiosk.content.load import load_exhibition

    with tempfile.TemporaryDirectory() as base:
        root = Path(base) / "content"
        (root / "floors").mkdir(parents=True)
        (root / "media" / "x").mkdir(parents=True)
        for picture in ("media/port.png", "media/x/plan-1899.png"):
            (root / picture).write_bytes(_png())
        settings = mistake.change(EXHIBITION) if mistake.settings else EXHIBITION
        floor = FLOOR if mistake.settings else mistake.change(FLOOR)
        (root / "exhibition.yaml").write_text(settings, encoding="utf-8")
        (root / "floors" / "1-ground.yaml").write_text(floor, encoding="utf-8")
        problems = load_exhibition(root).problems
        if not problems:
            raise SystemExit(f"no message for the mistake: {mistake.meaning}")
        chosen = next((p for p in problems if mistake.pick and mistake.pick in p.message), problems[0])
        return from_here(chosen, root, Path(base)).format()


def table() -> str:
    rows = ["| The message says | What it means | What to do |", "|---|---|---|"]
    for mistake in MISTAKES:
        message = first_message(mistake).replace("|", "\\|")
        rows.append(f"| `{message}` | {mistake.meaning} | {mistake.fix} |")
    return "\n".join(rows) + "\n"


def with_table(guide: str, rows: str) -> str:
    """The guide with the text between the markers replaced by `rows`."""
    start, end = guide.index(BEGIN) + len(BEGIN), guide.index(END)
    return guide[:start] + "\n\n" + rows + "\n" + guide[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the guide's table is out of date")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    guide = GUIDE.read_text(encoding="utf-8")
    wanted = with_table(guide, table())
    if args.check:
        if wanted != guide:
            print("docs/content.md: the troubleshooting table differs from the checker's messages; "
                  "run python scripts/guide_messages.py", file=sys.stderr)
            return 1
        return 0
    if wanted != guide:
        GUIDE.write_text(wanted, encoding="utf-8")
        print(f"wrote {GUIDE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
