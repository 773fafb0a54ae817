"""The fleet contact sheet: one HTML page with every screen's screenshot and status.

The page builder is tested on collected files as the playbook leaves them (status.json, screen.png
or unreachable.txt per screen); the playbook's shape is checked without Ansible (CI has none);
and the whole collection runs against real kiosk processes with the real `kiosk ctl`, as the
playbook runs it on each screen.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from unittest.mock import ANY

import pytest
import yaml

from kiosk.fleet.contact_sheet import png_size
from tests.fleet_helpers import REPO, Fleet, Screen, content_state, git_env
from tests.ui_helpers import write_sample_exhibition

PLAYBOOK = REPO / "deploy" / "fleet" / "ansible" / "contact-sheet.yml"


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (grey pixels), written without Qt."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + \
        chunk(b"IEND", b"")


def status(name: str, *, errors: list[str] | None = None, version: str = "3f2a9c1d0b7e",
           **changes: object) -> dict[str, object]:
    """What `kiosk ctl status` prints (kiosk.fleet.control_actions)."""
    errors = errors or []
    base: dict[str, object] = {
        "screen": name, "place": {"screen": "exhibit", "floor": "1", "section": "port", "exhibit": "map"},
        "language": "en",
        "content": {"version": version, "valid": not errors, "errors": len(errors),
                    "first_errors": errors[:5], "last_good_copy": False, "showing": True},
        "uptime_seconds": 7500.2, "memory_mib": 250.4, "visits_today": 42, "open": True, "volume": 0.6,
        "kiosk_version": "0.1.0", "pid": 4711,
    }
    return {**base, **changes}


def collected(folder: Path, host: str, state: dict[str, object] | None = None, *,
              picture: bytes | None = None, unreachable: str | None = None) -> Path:
    screen = folder / host
    screen.mkdir(parents=True)
    if unreachable is not None:
        (screen / "unreachable.txt").write_text(unreachable, encoding="utf-8")
        return screen
    (screen / "status.json").write_text(json.dumps(state if state is not None else status(host)),
                                        encoding="utf-8")
    (screen / "screen.png").write_bytes(png() if picture is None else picture)
    return screen


class PageParts(HTMLParser):
    """What a browser would load or run from a page: tags, their addresses, the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.addresses: list[str] = []
        self.sections: list[dict[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        self.addresses += [value for name, value in attrs if name in ("src", "href", "action") and value]
        if tag == "section":
            self.sections.append({key: value or "" for key, value in values.items()})

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_parts(page: str) -> PageParts:
    parts = PageParts()
    parts.feed(page)
    return parts


def build(folder: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], str]:
    result = subprocess.run([sys.executable, "-m", "kiosk.cli", "fleet-sheet", str(folder), *extra],
                            capture_output=True, text=True, check=False, timeout=60, cwd=REPO)
    out = folder / "index.html"
    return result, out.read_text(encoding="utf-8") if out.exists() else ""


def test_problem_and_unreachable_screens_come_first_and_are_marked_in_words(tmp_path: Path) -> None:
    sheet = tmp_path / "2027-02-05"
    collected(sheet, "a-lobby")
    level2 = collected(sheet, "b-level2", status("b-level2", errors=["a", "b", "c"], version="9be04417aa20"))
    (level2 / "problem.txt").write_text("Bring the screenshot to this computer failed: disk full",
                                        encoding="utf-8")
    collected(sheet, "c-level3", unreachable="ssh: connect to host 10.20.0.31 port 22: No route to host")
    collected(sheet, "d-level5", status("d-level5", open=False))
    result, page = build(sheet)
    assert result.returncode == 0, result.stderr
    assert "4 screen(s), 2 with a problem or unreachable" in result.stdout
    parts = page_parts(page)
    assert [section["id"] for section in parts.sections] == ["c-level3", "b-level2", "a-lobby", "d-level5"]
    assert [section["class"] for section in parts.sections] == [
        "screen unreachable", "screen problem", "screen ok", "screen ok"]
    text = " ".join(parts.text)
    assert "4 screen(s): 2 OK, 1 with a problem, 1 unreachable." in text
    assert text.count("UNREACHABLE") == 1 and text.count("PROBLEM") == 1 and text.count("OK") >= 2
    assert "No route to host" in text and "content folder has 3 error(s)" in text
    assert "Bring the screenshot to this computer failed: disk full" in text
    assert "9be04417aa20" in text and "2 h 5 min" in text and "250 MB" in text
    assert "closed" in text and "exhibit: floor 1, section port, exhibit map" in text
    # each reachable screen's picture, relative to the page; none for the unreachable one
    assert parts.addresses.count("a-lobby/screen.png") == 2
    assert not [address for address in parts.addresses if address.startswith("c-level3")]


def test_names_and_errors_from_the_screens_are_shown_as_text(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet"
    hostile_name = '<script>alert("name")</script>'
    hostile_error = 'floors/1.yaml:4: <img src=x onerror="alert(1)"> & co'
    collected(sheet, "lobby", status(hostile_name, errors=[hostile_error, "<b>bold</b>"],
                                     language="<iframe src=\"javascript:alert(2)\">"))
    collected(sheet, "level2", unreachable="<script>alert('why')</script>")
    result, page = build(sheet)
    assert result.returncode == 0, result.stderr
    parts = page_parts(page)
    assert set(parts.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "p", "div",
                               "section", "h2", "span", "a", "img", "ul", "li", "dl", "dt", "dd"}
    assert "script" not in parts.tags and "iframe" not in parts.tags and "b" not in parts.tags
    assert parts.addresses == ["lobby/screen.png", "lobby/screen.png"]
    text = "".join(parts.text)
    assert hostile_name in text and "<script>alert('why')</script>" in text
    assert 'floors/1.yaml:4: <img src=x onerror="alert(1)"> & co' in text and "<b>bold</b>" in text
    assert "content folder has 2 error(s)" in text


def test_the_page_works_offline_from_its_folder(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet with space"
    collected(sheet, "level 2 #east")
    collected(sheet, "lobby", picture=b"not a picture")
    result, page = build(sheet)
    assert result.returncode == 0, result.stderr
    assert "http://" not in page and "https://" not in page and "@import" not in page
    assert "<link" not in page and "<script" not in page
    parts = page_parts(page)
    assert parts.addresses == ["level%202%20%23east/screen.png"] * 2
    for address in parts.addresses:  # every address is a file next to the page
        assert (sheet / address.replace("%20", " ").replace("%23", "#")).is_file()
    assert "the screenshot is not a PNG" in " ".join(parts.text)
    assert [section["class"] for section in parts.sections] == ["screen problem", "screen ok"]

    embedded, _ = build(sheet, "--embed", "--out", str(tmp_path / "mail.html"))
    assert embedded.returncode == 0, embedded.stderr
    (address,) = page_parts((tmp_path / "mail.html").read_text(encoding="utf-8")).addresses
    assert address.startswith("data:image/png;base64,")


def test_an_empty_or_missing_folder_is_said_plainly(tmp_path: Path) -> None:
    missing, _ = build(tmp_path / "nowhere")
    assert missing.returncode == 2 and "is not a folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty, _ = build(tmp_path / "empty")
    assert empty.returncode == 1 and "holds no screens" in empty.stderr


def test_the_playbook_collects_from_every_screen_and_builds_the_sheet_on_the_laptop() -> None:
    """CI has no Ansible: check the play's shape, as test_fleet_deploy does for kiosk.yml."""
    (play,) = yaml.safe_load(PLAYBOOK.read_text(encoding="utf-8"))
    assert play["hosts"] == "kiosks" and play["gather_facts"] is False
    tasks = [task for block in play["tasks"] for task in block.get("block", [block])]
    rescue = [task for block in play["tasks"] for task in block.get("rescue", [])]
    blocks = [task for task in play["tasks"] if "block" in task]
    names = [task["name"] for task in blocks + tasks + rescue]
    assert all(names) and len(names) == len(set(names)), "task names are unique"
    commands = [task for task in tasks if "ansible.builtin.command" in task]
    assert [task["ansible.builtin.command"]["argv"][1:3] for task in commands] == [
        ["ctl", "status"], ["ctl", "screenshot"], ["fleet-sheet", "{{ contact_sheet_dir }}"], ["-a", ANY]]
    for task in commands[:2]:  # on the screen, as the kiosk user
        assert task["become_user"] == "{{ sheet_kiosk_user }}" and "delegate_to" not in task
    assert "kiosk_user" in play["vars"]["sheet_kiosk_user"]
    assert commands[0]["ignore_unreachable"] is True, "a screen that is down still goes on the sheet"
    build_task = commands[2]  # once, on the laptop
    assert build_task["run_once"] is True and build_task["delegate_to"] == "localhost"
    (fetch,) = [task for task in tasks if "ansible.builtin.fetch" in task]
    assert fetch["ansible.builtin.fetch"]["dest"] == "{{ sheet_folder }}/screen.png"
    written = [task for task in tasks + rescue if "ansible.builtin.copy" in task]
    assert {Path(task["ansible.builtin.copy"]["dest"]).name for task in written} == {
        "status.json", "unreachable.txt", "problem.txt"}
    assert all(task["delegate_to"] == "localhost" and task["become"] is False for task in written)
    assert "now(fmt=" in play["tasks"][0]["ansible.builtin.set_fact"]["contact_sheet_dir"], "a dated folder"



def test_the_dashboard_links_to_the_published_sheet() -> None:
    dashboard = json.loads((REPO / "deploy" / "grafana-dashboard.json").read_text(encoding="utf-8"))
    (link,) = [link for link in dashboard["links"] if "Contact sheet" in link["title"]]
    assert link["type"] == "link" and link["url"] == "/contact-sheets/latest/index.html"
    guide = (REPO / "deploy" / "fleet.md").read_text(encoding="utf-8")
    assert "location /contact-sheets/" in guide and link["url"] in guide
    assert "ansible-playbook -i inventory.ini contact-sheet.yml" in guide


# -- against real kiosks -------------------------------------------------------------------------

def kiosk_ctl(screen: Screen, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`kiosk ctl` for one screen of the simulated fleet, through its own control socket."""
    socket = screen.folder / "state" / "kiosk" / "control.sock"
    command = [sys.executable, "-m", "kiosk.cli", "ctl", "--socket", str(socket), *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=90, cwd=REPO)


def collect(screen: Screen, sheet: Path) -> None:
    """What the playbook does for one screen: status and screenshot, or why it could not."""
    folder = sheet / screen.name
    folder.mkdir(parents=True)
    asked = kiosk_ctl(screen, "status")
    if asked.returncode != 0:
        (folder / "unreachable.txt").write_text(
            f"the kiosk did not answer (kiosk ctl status): {asked.stderr.strip()}", encoding="utf-8")
        return
    (folder / "status.json").write_text(asked.stdout, encoding="utf-8")
    shot = kiosk_ctl(screen, "screenshot", str(folder / "screen.png"))
    assert shot.returncode == 0, shot.stderr


@pytest.fixture
def three_kiosks(tmp_path: Path, qapp: object) -> Iterator[Fleet]:
    source = write_sample_exhibition(tmp_path / "source")
    fleet = Fleet(tmp_path / "fleet", tmp_path / "unused.git", 3, git_env(tmp_path), shared_folder=source)
    try:
        fleet.start()
        yield fleet
    finally:
        fleet.stop()


@pytest.mark.slow
def test_a_sheet_of_three_running_kiosks_one_broken_one_stopped(three_kiosks: Fleet, tmp_path: Path) -> None:
    fleet = three_kiosks
    first, second, third = fleet.screens
    fleet.wait_until(lambda _screen, state: state.valid == 1 and state.shown == state.latest != "",
                     "showed the exhibition")
    # the second screen gets a broken floor file; the third one's kiosk stops
    (second.content / "floors" / "9-extra.yaml").write_text("id: extra\nnumber: 9\n", encoding="utf-8")
    fleet.wait_until(lambda screen, state: state.valid == (0 if screen is second else 1),
                     "reported the broken floor file")
    shown = {screen.name: content_state(screen.metrics() or {}, screen.name).shown
             for screen in fleet.screens}
    assert third.process is not None
    third.process.terminate()
    third.process.wait(30)

    sheet = tmp_path / "contact-sheets" / "2027-02-05_091500"
    for screen in fleet.screens:
        collect(screen, sheet)
    result, page = build(sheet)
    assert result.returncode == 0, result.stderr
    assert "3 screen(s), 2 with a problem or unreachable" in result.stdout

    parts = page_parts(page)
    assert [(section["id"], section["class"]) for section in parts.sections] == [
        (third.name, "screen unreachable"), (second.name, "screen problem"), (first.name, "screen ok")]
    assert parts.addresses == [f"{second.name}/screen.png"] * 2 + [f"{first.name}/screen.png"] * 2
    for screen in (first, second):  # each picture is a whole PNG of the kiosk's window
        size = png_size(sheet / screen.name / "screen.png")
        assert size is not None and size[0] >= 640 and size[1] >= 480, size
    cards = page.split("<section")[1:]
    assert "No kiosk is running here" in cards[0]
    assert "content folder has" in cards[1] and shown[second.name] in cards[1]
    assert "✓ OK" in cards[2] and shown[first.name] in cards[2]
    for card, screen in zip(cards[1:], (second, first), strict=True):
        said = json.loads((sheet / screen.name / "status.json").read_text(encoding="utf-8"))
        assert said["screen"] == screen.name and said["content"]["version"] == shown[screen.name]
        assert f"<dt>memory</dt><dd>{round(said['memory_mib'])} MB</dd>" in card
        assert f"<dt>language</dt><dd>{said['language']}</dd>" in card
        assert f"<dt>hours</dt><dd>{'open' if said['open'] else 'closed'}</dd>" in card
        assert f"<dt>place</dt><dd>{said['place']['screen']}" in card
