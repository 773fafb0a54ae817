"""The kiosk never reaches the network, whatever the content says.

A small web server on 127.0.0.1 counts every request. Content whose title, attract message,
exhibit texts and film captions hold `<img src="http://127.0.0.1:PORT/...">` is shown in the
kiosk window and by `kiosk render`: the server hears nothing, and the tags are on screen as
written, as plain text. QML that asks for a picture, a page or data on the network is refused
by the engine itself.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QNetworkProxy
from PySide6.QtQml import QQmlComponent, QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from kiosk.app.bootstrap import QML_DIR, make_engine
from kiosk.app.network import offline_factory
from kiosk.app.screens import KioskWindow
from kiosk.content.load import load_exhibition
from tests.content_factory import EXHIBITION, FLOOR, make_content
from tests.ui_helpers import draw_picture, every_place, go, walk

REPO = Path(__file__).resolve().parent.parent
FILM = REPO / "content" / "media" / "video" / "port-loop.mp4"
QUIET_MEDIA = (r"Couldn't (load|resolve) .*", r"PulseAudioService.*", r"No audio device detected",
               r".*No HW decoder found.*")
pytestmark = pytest.mark.qt_log_ignore(*QUIET_MEDIA)


class Listener:
    """A web server on 127.0.0.1, in a thread, that answers 404 and remembers every request."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        heard = self.paths

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                heard.append(self.path)
                self.send_error(404)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.timeout = 1
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def tag(listener: Listener, name: str) -> str:
    return f'<img src="{listener.url(name + ".png")}">'


def hostile_content(root: Path, listener: Listener) -> Path:
    """The factory's exhibition with a picture tag in every kind of visible text, and real media."""

    def quoted(text: str) -> str:
        return '"' + text.replace('"', '\\"') + '"'

    exhibition = EXHIBITION.replace(
        "title: {en: Test Hall, zh: 测试馆}", f"title: {quoted('Test Hall ' + tag(listener, 'title'))}"
    ).replace(
        "message: {en: Touch to explore, zh: 触摸探索}",
        f"message: {{en: {quoted('Touch ' + tag(listener, 'attract'))}, zh: 触摸探索}}",
    )
    floor = FLOOR
    for text, name, words in [
        ("title: {en: Ground floor, zh: 一楼}", "floor", "Ground"),
        ("title: {en: Harbour, zh: 港口}", "section", "Harbour"),
        ("body: {en: Ships come and go., zh: 船来船往。}", "body", "Ships"),
        ("label: {en: Pier, zh: 码头}", "pier", "Pier"),
    ]:
        floor = floor.replace(text, f"{text.split(':')[0]}: {quoted(words + ' ' + tag(listener, name))}")
    make_content(root, exhibition=exhibition, floor=floor)
    for name in ("a.png", "map.png"):
        draw_picture(root / "media" / name, "#36546b", "#d9a441")
    shutil.copy(FILM, root / "media" / "film.mp4")
    escaped = tag(listener, "cue").replace("<", "&lt;").replace(">", "&gt;")
    cue = f"WEBVTT\n\n00:00.000 --> 01:00.000\n{escaped}\n"
    (root / "media" / "film.en.vtt").write_text(cue, encoding="utf-8")
    return root


def text_format(item: QQuickItem) -> int:
    value = QQmlExpression(QQmlEngine.contextForObject(item), item, "textFormat").evaluate()[0]
    return int(value)


def texts_with_tags(kiosk: KioskWindow, listener: Listener) -> dict[str, int]:
    """The text items on screen that hold one of the tags: their text, and their textFormat."""
    found = {}
    for item in walk(kiosk.window.contentItem()):
        if item.inherits("QQuickText") and listener.url("") in str(item.property("text")):
            found[str(item.property("text"))] = text_format(item)
    return found


def test_a_visit_through_hostile_content_makes_no_request_and_shows_the_tags(
    qtbot: Any, tmp_path: Path, listener: Listener
) -> None:
    root = hostile_content(tmp_path / "content", listener)
    result = load_exhibition(root)
    assert result.exhibition is not None, [problem.format() for problem in result.problems]
    factory = offline_factory()
    off_gui_before = factory.made_off_gui_thread
    kiosk = KioskWindow(result.exhibition, root)
    shown: dict[str, int] = {}
    try:
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        for move in every_place(result.exhibition):
            go(kiosk, move)
            qtbot.waitUntil(kiosk.settled, timeout=15000)
            if move[1] == "harbour-film":
                qtbot.waitUntil(lambda: any("cue.png" in text for text in texts_with_tags(kiosk, listener)))
            shown.update(texts_with_tags(kiosk, listener))
            assert kiosk.wait_for_frame()
        proxy = kiosk.engine.networkAccessManager().proxy().type()
    finally:
        kiosk.close()
    assert listener.paths == []
    for name in ("title", "attract", "floor", "section", "body", "pier", "cue"):
        written = [text for text in shown if tag(listener, name) in text]
        assert written, f"the {name} text with its tag is not on any screen"
        assert all(shown[text] == 0 for text in written), f"{name}: {written} is not plain text"
    assert proxy == QNetworkProxy.ProxyType.FtpCachingProxy
    assert factory.made_off_gui_thread == off_gui_before


@pytest.mark.slow
def test_kiosk_render_of_hostile_content_makes_no_request(tmp_path: Path, listener: Listener) -> None:
    root = hostile_content(tmp_path / "content", listener)
    out = tmp_path / "render"
    run = subprocess.run([sys.executable, "-m", "kiosk.cli", "render", str(root), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(list(out.glob("*.png"))) >= 5
    assert listener.paths == []


NETWORK_QML = """
import QtQuick

Item {
    property string answer: ""
    readonly property int pictureStatus: picture.status

    Image {
        id: picture
        source: "%(picture)s"
    }

    Component.onCompleted: {
        const request = new XMLHttpRequest();
        request.onreadystatechange = function() {
            if (request.readyState === XMLHttpRequest.DONE)
                answer = "status " + request.status;
        };
        request.open("GET", "%(page)s");
        request.send();
    }
}
"""


@pytest.mark.qt_log_ignore(r".*No suitable proxy found.*", *QUIET_MEDIA)
def test_the_engine_refuses_pictures_and_pages_on_the_network(
    qtbot: Any, tmp_path: Path, listener: Listener
) -> None:
    factory = offline_factory()
    off_gui_before = factory.made_off_gui_thread
    engine = make_engine(None, tmp_path)
    component = QQmlComponent(engine)
    qml = NETWORK_QML % {"picture": listener.url("picture.png"), "page": listener.url("page.json")}
    component.setData(qml.encode(), QUrl.fromLocalFile(str(QML_DIR / "network-test.qml")))
    item = component.create()
    assert item is not None, component.errorString()
    try:
        qtbot.waitUntil(lambda: item.property("answer") != "", timeout=10000)
        qtbot.waitUntil(lambda: item.property("pictureStatus") == 3, timeout=10000)  # Image.Error
        assert item.property("answer") == "status 0"
    finally:
        item.deleteLater()
        engine.deleteLater()
    assert listener.paths == []
    # the picture thread asked for a manager of its own: counted, as a visit never does
    assert factory.made_off_gui_thread == off_gui_before + 1

