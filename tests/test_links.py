"""Take it home: an exhibit's link, checked in the content, shown as a QR code that phones scan,
counted once per visit in the statistics and in `kiosk report`."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.app.access import Access
from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.qr import QUIET_ZONE, qr_code
from kiosk.app.screens import KioskWindow
from kiosk.cli import main as kiosk_command
from kiosk.content.links import MAX_LENGTH, encoded, host_of
from kiosk.content.load import load_exhibition
from kiosk.insights import schema
from kiosk.words import words
from tests.content_factory import FLOOR, line_of, make_content
from tests.ops_helpers import QUIET_MEDIA, running_kiosk, visit
from tests.ui_helpers import write_sample_exhibition

REPO = Path(__file__).resolve().parent.parent
BODY = "        body: {en: Ships come and go., zh: 船来船往。}\n"
DALIAN = "https://en.wikipedia.org/wiki/Dalian"
DALIAN_ZH = "https://zh.wikipedia.org/wiki/大连市"
DALIAN_ZH_ENCODED = "https://zh.wikipedia.org/wiki/%E5%A4%A7%E8%BF%9E%E5%B8%82"
pytestmark = QUIET_MEDIA


def content_with_link(root: Path, link: str) -> Path:
    """The factory's exhibition with `link: <link>` on its first article."""
    assert BODY in FLOOR
    return make_content(root, floor=FLOOR.replace(BODY, BODY + f"        link: {link}\n"))


def errors_of(root: Path) -> list[Any]:
    return [problem for problem in load_exhibition(root).problems if problem.is_error]


# -- the content -------------------------------------------------------------------------------

BAD_LINKS = {
    "http": ("http://en.wikipedia.org/wiki/Dalian", "starts with http://"),
    "javascript": ("'javascript:alert(1)'", "not 'javascript:'"),
    "data": ("'data:text/html,<b>hi</b>'", "not 'data:'"),
    "userinfo": ("https://visitor@en.wikipedia.org/wiki/Dalian", "a name before '@'"),
    "userinfo-password": ("'https://a:b@en.wikipedia.org/'", "a name before '@'"),
    "no-dot": ("https://localhost/page", "no valid host name"),
    "bad-host": ("https://exa_mple.org/", "no valid host name"),
    "no-scheme": ("en.wikipedia.org/wiki/Dalian", "does not start with https://"),
    "space": ("'https://en.wikipedia.org/wiki/Port of Dalian'", "contains a space"),
    "control": ('"https://en.wikipedia.org/wiki/\\x07Dalian"', "control character"),
    "too-long": ("https://example.org/" + "a" * MAX_LENGTH, "at most 300"),
    "too-long-once-encoded": ("https://example.org/" + "港" * 40, "at most 300"),
    "empty": ("{url: ''}", "expected a web address"),
}


@pytest.mark.parametrize("name", list(BAD_LINKS))
def test_a_bad_link_is_an_error_at_its_line_with_a_hint(tmp_path: Path, name: str) -> None:
    link, message = BAD_LINKS[name]
    root = content_with_link(tmp_path, link)
    floor = (root / "floors" / "1-ground.yaml").read_text(encoding="utf-8")
    (problem,) = errors_of(root)
    assert problem.path.endswith("floors/1-ground.yaml")
    assert problem.line == line_of(floor, "link:"), problem.format()
    assert message in problem.message, problem.format()
    assert problem.hint, problem.format()


def test_a_bad_page_for_one_language_is_an_error_at_its_own_line(tmp_path: Path) -> None:
    link = f"\n          url:\n            en: {DALIAN}\n            zh: http://zh.wikipedia.org/wiki/x"
    root = content_with_link(tmp_path, link)
    floor = (root / "floors" / "1-ground.yaml").read_text(encoding="utf-8")
    (problem,) = errors_of(root)
    assert problem.line == line_of(floor, "zh: http://")
    assert "http://" in problem.message


@pytest.mark.parametrize("link", [
    DALIAN,
    f"{{en: {DALIAN}, zh: {DALIAN_ZH}}}",
    f"{{url: {DALIAN}, label: {{en: Dalian on Wikipedia, zh: 维基百科上的大连}}}}",
    f"{{url: {{en: {DALIAN}, zh: {DALIAN_ZH}}}}}",
])
def test_good_links_in_every_form(tmp_path: Path, link: str) -> None:
    root = content_with_link(tmp_path, link)
    result = load_exhibition(root)
    assert not errors_of(root)
    assert result.exhibition is not None
    found = result.exhibition.exhibits()["harbour-text"].link
    assert found is not None and DALIAN in found.url.values()


def test_a_link_is_encoded_for_the_code_as_every_phone_reads_it() -> None:
    assert encoded(DALIAN) == DALIAN
    assert encoded(DALIAN_ZH) == DALIAN_ZH_ENCODED
    assert encoded("https://bücher.example/a?b=c#d") == "https://xn--bcher-kva.example/a?b=c#d"
    assert host_of(DALIAN_ZH) == "zh.wikipedia.org"


def test_the_bundled_exhibition_links_three_exhibits_to_wikipedia() -> None:
    result = load_exhibition(REPO / "content")
    assert result.exhibition is not None and not result.has_errors
    links = {exhibit_id: exhibit.link for exhibit_id, exhibit in result.exhibition.exhibits().items()
             if exhibit.link is not None}
    assert set(links) == {"dalian-at-a-glance", "port-map", "kitakyushu-story"}
    for link in links.values():
        assert link.label is not None and set(link.label) == {"en", "zh"}
        assert host_of(link.url["en"]) == "en.wikipedia.org"
        assert host_of(link.url["zh"]) == "zh.wikipedia.org"
    assert links["dalian-at-a-glance"].url == {"en": DALIAN, "zh": DALIAN_ZH}


# -- the exhibit's data for its screen ------------------------------------------------------------


def test_the_exhibit_data_holds_the_code_its_host_and_its_label(tmp_path: Path) -> None:
    root = content_with_link(tmp_path, f"{{en: {DALIAN}, zh: {DALIAN_ZH}}}")
    exhibition = load_exhibition(root).exhibition
    assert exhibition is not None
    exhibits = exhibition.exhibits()
    data = exhibit_to_qml(exhibits["harbour-text"], "zh", "en", root)["link"]
    assert (data["url"], data["host"]) == (DALIAN_ZH_ENCODED, "zh.wikipedia.org")
    # no label in the content: the interface's words, in the visitor's language
    assert data["label"] == words("zh", "en").text("link_default_label") != "More about this exhibit"
    assert "zh.wikipedia.org" in data["name"] and data["label"] in data["name"]
    code = qr_code(DALIAN_ZH_ENCODED)
    assert data["qr"]["modules"] == code.size + 2 * QUIET_ZONE
    runs = data["qr"]["runs"]
    assert len(runs) % 3 == 0 and min(runs[0::3]) == QUIET_ZONE and min(runs[1::3]) == QUIET_ZONE
    assert exhibit_to_qml(exhibits["harbour-text"], "en", "en", root)["link"]["url"] == DALIAN
    assert exhibit_to_qml(exhibits["harbour-map"], "en", "en", root)["link"] == {}


def test_the_code_has_error_correction_m() -> None:
    import segno

    code = qr_code(DALIAN)
    assert code.size == len(segno.make_qr(DALIAN, error="m", boost_error=False).matrix)
    assert segno.make_qr(DALIAN, error="m", boost_error=False).error == "M"
    assert code.dark(0, 0) and not code.dark(7, 7)  # a finder pattern's corner, and its separator


# -- the code on screen ----------------------------------------------------------------------------


def _item(root: QQuickItem, name: str) -> QQuickItem | None:
    for child in root.childItems():
        if child.objectName() == name:
            return child
        found = _item(child, name)
        if found is not None:
            return found
    return None


@pytest.fixture
def shown(qtbot: Any, tmp_path: Path) -> Iterator[KioskWindow]:
    root = content_with_link(tmp_path, f"{{url: {{en: {DALIAN}, zh: {DALIAN_ZH}}}, label: Dalian}}")
    exhibition = load_exhibition(root).exhibition
    window = KioskWindow(exhibition, root, size=(1920, 1080), reduced_motion=True)
    window.window.show()
    qtbot.waitExposed(window.window)
    qtbot.waitUntil(window.settled)
    window.navigator.openExhibit("harbour-text")
    assert window.settle()
    yield window
    window.close()


def _decoded(image: QImage) -> list[str]:
    """What a QR reader finds in a screenshot (grey levels, as a phone's camera sees them)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    height, line = grey.height(), grey.bytesPerLine()
    pixels = memoryview(bytes(grey.constBits())[: line * height]).cast("B", (height, line))
    return [barcode.text for barcode in zxingcpp.read_barcodes(pixels)]


def _code_geometry(window: KioskWindow) -> tuple[int, int, int, int]:
    code = _item(window.window.contentItem(), "qrCode")
    assert code is not None and code.isVisible()
    corner = code.mapToScene(code.boundingRect().topLeft())
    return round(corner.x()), round(corner.y()), round(code.width()), round(code.height())


@pytest.mark.both_rigs
def test_the_code_on_screen_scans_to_the_link_in_each_language(shown: KioskWindow) -> None:
    assert shown.wait_for_frame()
    assert _decoded(shown.grab()) == [DALIAN]
    shown.navigator.setLanguage("zh")
    assert shown.settle() and shown.wait_for_frame()
    assert _decoded(shown.grab()) == [DALIAN_ZH_ENCODED]


@pytest.mark.both_rigs
def test_the_code_is_crisp_large_and_has_its_quiet_zone(shown: KioskWindow) -> None:
    assert shown.wait_for_frame()
    image = shown.grab().convertToFormat(QImage.Format.Format_RGB32)
    x, y, width, height = _code_geometry(shown)
    modules = qr_code(DALIAN).size + 2 * QUIET_ZONE
    module = width // modules
    assert width == height == module * modules
    assert module >= 4 and width >= 200, "phones read it from arm's length at 1080p"
    colours = {image.pixelColor(x + i, y + j).name() for i in range(width) for j in range(height)}
    assert colours == {"#000000", "#ffffff"}, "crisp: no smoothed grey between modules"
    quiet = QUIET_ZONE * module
    for i in range(width):
        for j in range(height):
            if i < quiet or j < quiet or i >= width - quiet or j >= height - quiet:
                assert image.pixelColor(x + i, y + j) == QColor("#ffffff"), (i, j)
    assert image.pixelColor(x + quiet, y + quiet) == QColor("#000000"), "the finder pattern starts"


@pytest.mark.both_rigs
def test_the_card_covers_nothing_says_what_it_is_and_stays_black_on_white(shown: KioskWindow) -> None:
    card = _item(shown.window.contentItem(), "qrCard")
    assert card is not None
    view = shown.current_screen()
    assert view is not None
    area = next(child for child in view.childItems() if child.inherits("QQuickFlickable"))
    area_right = area.mapToScene(area.boundingRect().topRight()).x()
    assert area_right <= card.mapToScene(card.boundingRect().topLeft()).x(), "beside the view"
    assert card.property("accessibleName") == "QR code: Dalian, on en.wikipedia.org"
    texts = [item.property("text") for item in _texts(card)]
    assert "Scan to read more at home" in texts and "Dalian" in texts and "en.wikipedia.org" in texts
    Access.for_engine(shown.engine).setMode("high-contrast", True)
    assert shown.settle() and shown.wait_for_frame()
    image = shown.grab()
    x, y, _, _ = _code_geometry(shown)
    assert image.pixelColor(x + 1, y + 1) == QColor("#ffffff")
    assert _decoded(image) == [DALIAN]


def _texts(root: QQuickItem) -> Iterator[QQuickItem]:
    for child in root.childItems():
        if child.inherits("QQuickText"):
            yield child
        yield from _texts(child)


# -- statistics and the report ---------------------------------------------------------------------


@pytest.mark.both_rigs
def test_a_code_shown_is_counted_once_per_visit(qtbot: Any, tmp_path: Path) -> None:
    content = write_sample_exhibition(tmp_path / "content")
    floor = content / "floors" / "1-port.yaml"
    anchor = "      - id: harbour-story\n"
    text = floor.read_text(encoding="utf-8")
    assert anchor in text
    floor.write_text(text.replace(anchor, anchor + f"        link: {DALIAN}\n"), encoding="utf-8")
    db = tmp_path / "state" / "insights.db"
    with running_kiosk(content, tmp_path, insights_db=db, screen_name="hall") as (window, ops):
        nav = window.navigator
        visit(window, ops, nav.touch, lambda: nav.openFloor("port"), lambda: nav.openSection("old-harbour"),
              lambda: nav.openExhibit("harbour-story"), nav.back, lambda: nav.openExhibit("harbour-plan"),
              nav.back, lambda: nav.openExhibit("harbour-story"))
        with qtbot.waitSignal(ops.idle.resetDone, timeout=20_000):
            pass  # the visitor walks away
        visit(window, ops, nav.touch, lambda: nav.openFloor("port"), lambda: nav.openSection("old-harbour"),
              lambda: nav.openExhibit("harbour-story"))
        ops.insights.recorder.end_visit("idle")
        assert ops.insights.writer is not None and ops.insights.writer.flush()
    connection = schema.connect(db, readonly=True)
    try:
        rows = connection.execute("SELECT session, kind, value FROM choices WHERE kind = 'link'").fetchall()
    finally:
        connection.close()
    assert [(kind, value) for _, kind, value in rows] == [("link", "harbour-story")] * 2
    assert len({session for session, _, _ in rows}) == 2, "once in each of the two visits"


def test_the_report_shows_the_codes_shown_per_exhibit(tmp_path: Path) -> None:
    db = tmp_path / "insights.db"
    connection = schema.connect(db)
    now = time.time() - 3600
    for number in range(3):
        connection.execute("INSERT INTO sessions VALUES (?, 'hall', ?, ?, 'en', 'idle')",
                           (f"v{number}", now + number, now + number + 60))
        connection.execute("INSERT INTO choices VALUES (?, 'hall', ?, 'link', 'port-map')",
                           (f"v{number}", now + number + 5))
    connection.execute("INSERT INTO choices VALUES ('v0', 'hall', ?, 'link', 'dalian-at-a-glance')",
                       (now + 9,))
    connection.commit()
    connection.close()
    out = tmp_path / "report"
    arguments = ["report", "--db", str(db), "--out", str(out), "--content", str(REPO / "content")]
    assert kiosk_command(arguments) == 0
    with (out / "links.csv").open(encoding="utf-8", newline="") as file:
        table = list(csv.DictReader(file))
    assert [(row["exhibit"], row["visits_shown_qr_code"]) for row in table] == [
        ("port-map", "3"), ("dalian-at-a-glance", "1")]
    assert table[0]["title"] == "The Port on the Map"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "QR codes shown" in page
    assert "<td>The Port on the Map</td><td>3 visits</td>" in page
    assert "<td>Dalian at a Glance</td><td>1 visit</td>" in page
