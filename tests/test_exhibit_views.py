"""Every exhibit view loads without QML warnings, draws something, and answers touch and clicks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QPoint, QPointF, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import (
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
)
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.app.bootstrap import QML_DIR, make_engine
from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.playback import Playback
from tests.test_exhibit_data import make_sample_exhibits

REPO = Path(__file__).resolve().parent.parent
SAMPLE_VIDEO = REPO / "content" / "media" / "video" / "port-loop.mp4"
HEADER = 112
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier

# Messages QtMultimedia prints on a machine without sound or hardware video decoding.
QUIET_MEDIA = (
    r"Couldn't (load|resolve) .*",
    r"PulseAudioService.*",
    r"No audio device detected",
    r".*No HW decoder found.*",
)
pytestmark = pytest.mark.qt_log_ignore(*QUIET_MEDIA)

HOST_QML = f"""
import QtQuick
import Kiosk

Window {{
    id: host
    required property var exhibit
    required property url viewUrl
    readonly property alias view: loader.item
    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    Loader {{
        id: loader
        y: {HEADER}
        width: host.width
        height: host.height - {HEADER}
    }}
    // The view is made from the event loop, not from inside a Python call: pictures are then
    // decoded by the Python image provider while no Python frame waits on the picture loader.
    Timer {{
        interval: 0
        running: true
        onTriggered: loader.setSource(host.viewUrl, {{ "exhibit": host.exhibit }})
    }}
}}
"""


def _record_clip(path: Path) -> None:
    """A two-second film drawn frame by frame, for machines without the sample content."""
    session = QMediaCaptureSession()
    frames = QVideoFrameInput()
    recorder = QMediaRecorder()
    session.setVideoFrameInput(frames)
    session.setRecorder(recorder)
    recorder.setMediaFormat(QMediaFormat(QMediaFormat.FileFormat.MPEG4))
    recorder.setVideoResolution(QSize(320, 180))
    recorder.setVideoFrameRate(25)
    recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
    sent = [0]

    def send() -> None:
        while sent[0] < 50:
            image = QImage(320, 180, QImage.Format.Format_RGBA8888)
            image.fill(QColor.fromHsv(sent[0] * 7 % 360, 160, 200))
            frame = QVideoFrame(image)
            frame.setStartTime(sent[0] * 40_000)
            frame.setEndTime((sent[0] + 1) * 40_000)
            if not frames.sendVideoFrame(frame):
                return
            sent[0] += 1
        recorder.stop()

    loop = QEventLoop()
    frames.readyToSendVideoFrame.connect(send)
    recorder.recorderStateChanged.connect(
        lambda state: loop.quit() if state == QMediaRecorder.RecorderState.StoppedState else None
    )
    recorder.errorOccurred.connect(lambda *_: loop.quit())
    QTimer.singleShot(30_000, loop.quit)  # never hang the run if the recorder stalls
    recorder.record()
    loop.exec()
    assert path.stat().st_size > 1000, recorder.errorString()


@pytest.fixture(scope="module")
def sample_video(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("film")
    if SAMPLE_VIDEO.is_file():
        shutil.copy(SAMPLE_VIDEO, folder / "clip.mp4")
    else:
        _record_clip(folder / "clip.mp4")
    return folder / "clip.mp4"


@pytest.fixture
def exhibits(tmp_path: Path, sample_video: Path) -> dict[str, Any]:
    return make_sample_exhibits(tmp_path, sample_video)


class Shown:
    """One exhibit view on a 1920x1080 window below a pretend header, as the kiosk shows it."""

    def __init__(self, engine: Any, window: QQuickWindow) -> None:
        self.engine = engine
        self.window = window

    @property
    def view(self) -> QQuickItem:
        return self.window.property("view")

    def child(self, name: str) -> QQuickItem:
        found = [item for item in _items(self.view) if item.objectName() == name]
        assert found, f"no item named {name}"
        return found[0]

    def centre_of(self, item: QQuickItem) -> QPoint:
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def _items(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from _items(child)


def _images(view: QQuickItem) -> Iterator[QQuickItem]:
    return (item for item in _items(view) if item.inherits("QQuickImage"))


def _settled(image: QQuickItem) -> bool:
    """A picture has finished loading, or has nothing to load."""
    return image.property("source").isEmpty() or image.property("progress") == 1.0


@pytest.fixture
def show(qtbot: Any, tmp_path: Path, exhibits: dict[str, Any]) -> Iterator[Any]:
    windows: list[QObject] = []

    def shown(exhibit_id: str, language: str = "en") -> Shown:
        engine = make_engine(None, tmp_path)
        data = exhibit_to_qml(exhibits[exhibit_id], language, "en", tmp_path)
        component = QQmlComponent(engine)
        component.setData(HOST_QML.encode(), QUrl.fromLocalFile(str(QML_DIR / "exhibits/host.qml")))
        view_url = QUrl.fromLocalFile(str(QML_DIR / "exhibits" / f"{data['view']}.qml"))
        window = component.createWithInitialProperties({"exhibit": data, "viewUrl": view_url})
        assert window is not None, component.errorString()
        windows.extend([window, component, engine])
        result = Shown(engine, window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: result.view is not None)
        qtbot.waitUntil(lambda: all(map(_settled, _images(result.view))))
        return result

    yield shown
    for window in windows[::3]:
        window.close()
    for obj in windows:
        obj.deleteLater()


def _drawn_colours(window: QQuickWindow) -> int:
    """How many different colours a fine grid of samples over the view area finds."""
    image = window.grabWindow()
    assert image.size() == QSize(1920, 1080)
    return len({image.pixel(x, y) for x in range(3, 1920, 7) for y in range(HEADER + 3, 1080, 5)})


VIEW_OF = {
    "harbour-story": "ArticleView",
    "early-harbour": "ImageView",
    "coastline": "GalleryView",
    "port-film": "VideoView",
    "voices": "AudioView",
    "city-timeline": "TimelineView",
    "at-a-glance": "StatsView",
    "port-growth": "ChartView",
    "bay-then-now": "BeforeAfterView",
    "city-map": "MapView",
    "planner-words": "QuoteView",
}


@pytest.mark.parametrize("exhibit_id", list(VIEW_OF))
@pytest.mark.parametrize("language", ["en", "zh"])
def test_view_loads_and_draws(show: Any, exhibit_id: str, language: str) -> None:
    shown = show(exhibit_id, language)
    assert shown.view.metaObject().className().startswith(VIEW_OF[exhibit_id])
    assert _drawn_colours(shown.window) > 6


def test_language_switch_updates_the_same_view(
    show: Any, qtbot: Any, exhibits: dict[str, Any], tmp_path: Path
) -> None:
    shown = show("harbour-story")
    chinese = exhibit_to_qml(exhibits["harbour-story"], "zh", "en", tmp_path)
    shown.view.setProperty("exhibit", chinese)
    assert shown.view.property("exhibit")["title"] == "陆地与海洋相遇的地方"
    assert _drawn_colours(shown.window) > 6


def test_gallery_next_arrow_advances(show: Any, qtbot: Any) -> None:
    shown = show("coastline")
    assert shown.view.property("currentIndex") == 0
    QTest.mouseClick(shown.window, LEFT, NO_KEYS, shown.centre_of(shown.child("next")))
    qtbot.waitUntil(lambda: shown.view.property("currentIndex") == 1)


def test_image_plus_button_zooms_in(show: Any, qtbot: Any) -> None:
    shown = show("early-harbour")
    assert shown.view.property("zoom") == pytest.approx(1.0)
    QTest.mouseClick(shown.window, LEFT, NO_KEYS, shown.centre_of(shown.child("zoomIn")))
    qtbot.waitUntil(lambda: shown.view.property("zoom") > 1.5)


def test_before_after_handle_follows_a_drag(show: Any, qtbot: Any) -> None:
    shown = show("bay-then-now")
    assert shown.view.property("split") == pytest.approx(0.5)
    start = shown.centre_of(shown.child("handle"))
    QTest.mousePress(shown.window, LEFT, NO_KEYS, start)
    for step in range(1, 11):
        QTest.mouseMove(shown.window, start + QPoint(step * 30, 0))
    QTest.mouseRelease(shown.window, LEFT, NO_KEYS, start + QPoint(300, 0))
    qtbot.waitUntil(lambda: shown.view.property("split") > 0.7)


def test_map_hotspot_tap_opens_its_exhibit(show: Any, qtbot: Any) -> None:
    shown = show("city-map")
    spot = shown.centre_of(shown.child("hotspot-coastline"))
    with qtbot.waitSignal(shown.view.openExhibit) as opened:
        QTest.mouseClick(shown.window, LEFT, NO_KEYS, spot)
    assert opened.args == ["coastline"]


def test_video_play_button_toggles_playback(show: Any, qtbot: Any) -> None:
    shown = show("port-film")
    playback = Playback.for_engine(shown.engine)
    assert playback.property("source").endswith("port.mp4")
    assert playback.property("playing") is False
    button = shown.centre_of(shown.child("playPause"))
    with qtbot.waitSignal(playback.visitorMediaStarted):
        QTest.mouseClick(shown.window, LEFT, NO_KEYS,     button)
    assert playback.property("playing") is True
    QTest.mouseClick(shown.window, LEFT, NO_KEYS, button)
    qtbot.waitUntil(lambda: playback.property("playing") is False)


def test_closing_a_view_stops_its_media(show: Any, qtbot: Any) -> None:
    shown = show("voices")
    playback = Playback.for_engine(shown.engine)
    assert playback.property("source").endswith("voice.en.wav")
    loader = shown.view.parentItem()
    with qtbot.waitSignal(playback.sourceChanged):
        loader.setProperty("source", QUrl())
    assert playback.property("source") == ""


@pytest.mark.qt_log_ignore(*QUIET_MEDIA, r"Could not open media.*")
def test_missing_media_becomes_error_text(qtbot: Any, tmp_path: Path) -> None:
    playback = Playback()
    with qtbot.waitSignal(playback.errorTextChanged):
        playback.open(QUrl.fromLocalFile(str(tmp_path / "gone.mp4")).toString(), False)
        playback.play()
    assert playback.property("errorText")
    assert playback.property("playing") is False
    playback.stop()
    assert playback.property("errorText") == ""


# Releasing a film while FFmpeg is still opening it interrupts the open; Qt reports that
# in a few wordings, on its own thread, at a time that varies.
@pytest.mark.qt_log_ignore(*QUIET_MEDIA, r"Could not open media.*", r".*Immediate exit requested.*")
def test_loop_and_release(qtbot: Any, tmp_path: Path, sample_video: Path) -> None:
    playback = Playback()
    first = playback.open(QUrl.fromLocalFile(str(sample_video)).toString(), True)
    assert playback.property("loops") == -1
    second = playback.open(QUrl.fromLocalFile(str(sample_video)).toString(), False)
    assert playback.property("loops") == 1
    playback.release(first)  # an older view closing leaves the newer one playing
    assert playback.property("source")
    playback.release(second)
    assert playback.property("source") == ""


def test_sound_is_attached_only_where_there_is_a_loudspeaker(qtbot: Any) -> None:
    """No loudspeaker: no audio output on the player (so Qt's audio thread never starts);
    the volume is still kept for when one appears."""
    from PySide6.QtMultimedia import QMediaDevices

    playback = Playback()
    player = playback._player
    assert player is not None
    assert (player.audioOutput() is not None) == bool(QMediaDevices.audioOutputs())
    # made in C++ by QML: Qt's audio thread never needs Python's lock to tear them down
    assert not shiboken6.createdByPython(player)
    assert not shiboken6.createdByPython(playback._audio)
    playback.setProperty("volume", 0.4)
    assert playback.property("volume") == pytest.approx(0.4)
