"""The two films: 'How the city grew' (24 s, four eras) and the ambient port loop (8 s).

Frames are drawn with QPainter and handed to QMediaRecorder through QVideoFrameInput, so the
films need nothing beyond Qt Multimedia's own FFmpeg backend.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPointF, QRectF, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtMultimedia import (
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
)

from . import history, things
from .paint import (
    CORAL,
    INK,
    OCHRE,
    PAPER,
    alpha,
    captions_on,
    font,
    glow,
    hills,
    mix,
    render,
    skyline,
    vertical_gradient,
    water,
)

FPS = 25
SIZE = QSize(1280, 720)
FrameFn = Callable[[QPainter, float], None]


class RecordingFailed(RuntimeError):
    pass


def pick_codec() -> tuple[QMediaFormat, str]:
    """H.264 in MP4 when this Qt build can encode it, otherwise MPEG-4 Part 2 in MP4."""
    fmt = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
    codecs = fmt.supportedVideoCodecs(QMediaFormat.ConversionMode.Encode)
    for codec, name in (
        (QMediaFormat.VideoCodec.H264, "H.264"),
        (QMediaFormat.VideoCodec.MPEG4, "MPEG-4 Part 2"),
    ):
        if codec in codecs:
            fmt.setVideoCodec(codec)
            return fmt, name
    raise RecordingFailed("this Qt Multimedia build cannot encode H.264 or MPEG-4 video")


@dataclass
class _Progress:
    next: int = 0
    ended: bool = False
    error: str = ""


def record(path: Path, frames: int, draw: FrameFn, timeout_s: float = 600.0) -> str:
    """Draw `frames` frames with `draw(painter, seconds)` and encode them into `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    media_format, codec_name = pick_codec()
    frame_format = QVideoFrameFormat(SIZE, QVideoFrameFormat.PixelFormat.Format_BGRA8888)
    frame_format.setStreamFrameRate(FPS)
    video_input = QVideoFrameInput(frame_format)
    recorder = QMediaRecorder()
    session = QMediaCaptureSession()
    session.setRecorder(recorder)
    session.setVideoFrameInput(video_input)
    recorder.setMediaFormat(media_format)
    recorder.setVideoResolution(SIZE)
    recorder.setVideoFrameRate(FPS)
    recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
    recorder.setAutoStop(True)
    recorder.setOutputLocation(QUrl.fromLocalFile(str(path.resolve())))
    loop = QEventLoop()
    state = _Progress()
    image = QImage(SIZE, QImage.Format.Format_ARGB32)

    def feed() -> None:
        while state.next < frames:
            i = state.next
            image.fill(QColor("black"))
            p = QPainter(image)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            draw(p, i / FPS)
            p.end()
            frame = QVideoFrame(image)
            frame.setStartTime(i * 1_000_000 // FPS)
            frame.setEndTime((i + 1) * 1_000_000 // FPS)
            if not video_input.sendVideoFrame(frame):
                return  # the encoder queue is full; readyToSendVideoFrame calls us again
            state.next = i + 1
        if not state.ended and video_input.sendVideoFrame(QVideoFrame()):
            state.ended = True  # an empty frame ends the stream; autoStop finishes the file

    def on_state(s: QMediaRecorder.RecorderState) -> None:
        if s == QMediaRecorder.RecorderState.StoppedState:
            loop.quit()

    def on_error(_error: QMediaRecorder.Error, message: str) -> None:
        state.error = message
        loop.quit()

    def on_timeout() -> None:
        state.error = f"no result after {timeout_s:.0f} s"
        loop.quit()

    video_input.readyToSendVideoFrame.connect(feed)
    recorder.recorderStateChanged.connect(on_state)
    recorder.errorOccurred.connect(on_error)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(on_timeout)
    watchdog.start(int(timeout_s * 1000))
    recorder.record()
    QTimer.singleShot(0, feed)
    loop.exec()
    if state.error:
        recorder.stop()
        raise RecordingFailed(f"{path.name}: {state.error}")
    return codec_name


# ---- "How the city grew" --------------------------------------------------------------------

SCENE_SECONDS = 6.0
FADE_SECONDS = 0.7
ERAS = [
    ("1899", "A small harbour town", "小小的海港渔村"),
    ("1930", "Streets and round squares", "街道与圆形广场"),
    ("1985", "The port and industry grow", "港口与工业壮大"),
    ("Today", "A modern city by the sea", "今日的滨海城市"),
]


def _still(draw: Callable[[QPainter, float, float], None], w: int, h: int) -> QImage:
    captions_on[0] = False
    try:
        return render(draw, w, h)
    finally:
        captions_on[0] = True


class CityGrowth:
    """Draws any moment of the 24-second film; heavy still layers are drawn once and reused."""

    def __init__(self) -> None:
        w, h = SIZE.width(), SIZE.height()
        self.harbour = _still(history.old_harbour, int(w * 1.15), int(h * 1.15))
        self.plan = _still(history.street_plan_1930, w, h)
        self.industry_sky = _still(_industry_sky, w, h)
        self.today_sky = _still(_today_sky, w, h)
        self.today_city = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        self.today_city.fill(Qt.GlobalColor.transparent)
        p = QPainter(self.today_city)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        skyline(p, w * 0.06, w * 0.94, h * 0.6, 300, QColor("#3f5b72"), QColor("#d9eef2"), 93, 0.5)
        skyline(p, -20, w + 20, h * 0.6, 120, QColor("#557189"), QColor("#d9eef2"), 94, 0.5, towers=False)
        p.end()

    def __call__(self, p: QPainter, t: float) -> None:
        index = min(3, int(t // SCENE_SECONDS))
        local = t - index * SCENE_SECONDS
        self.scene(p, index, local)
        if index < 3 and local > SCENE_SECONDS - FADE_SECONDS:
            p.save()
            p.setOpacity((local - (SCENE_SECONDS - FADE_SECONDS)) / FADE_SECONDS)
            self.scene(p, index + 1, 0.0)
            p.restore()

    def poster(self, p: QPainter) -> None:
        """The still shown before the film plays: today's city, without a caption."""
        self.scene(p, 3, 4.0, caption=False)

    def scene(self, p: QPainter, index: int, local: float, caption: bool = True) -> None:
        w, h = float(SIZE.width()), float(SIZE.height())
        u = local / SCENE_SECONDS
        if index == 0:
            p.drawImage(
                QPointF(-u * (self.harbour.width() - w), -(self.harbour.height() - h) / 2), self.harbour
            )
            things.sailboat(
                p, w * (0.1 + 0.25 * u), h * 0.8, 1.3, history.SEPIA_INK, alpha(QColor("#c9a97a"), 0.95)
            )
        elif index == 1:
            zoom = 1.0 + 0.12 * u
            p.save()
            p.translate(w / 2, h / 2)
            p.scale(zoom, zoom)
            p.translate(-w / 2, -h / 2)
            p.drawImage(QPointF(0, 0), self.plan)
            p.restore()
        elif index == 2:
            _industry(p, w, h, local, self.industry_sky)
        else:
            _today(p, w, h, local, self.today_sky, self.today_city)
        if caption:
            _era_caption(p, h, ERAS[index], min(1.0, local / 0.8))


def _era_caption(p: QPainter, h: float, era: tuple[str, str, str], shown: float) -> None:
    year, en, zh = era
    p.save()
    p.setOpacity(shown)
    p.fillRect(QRectF(0, h - 210, 600, 170), alpha(INK, 0.72))
    p.fillRect(QRectF(0, h - 210, 10, 170), CORAL)
    p.setPen(PAPER)
    p.setFont(font(60, weight=QFont.Weight.Bold))
    p.drawText(QRectF(40, h - 210, 540, 80), Qt.AlignmentFlag.AlignLeft, year)
    p.setFont(font(24, weight=QFont.Weight.DemiBold))
    p.drawText(QRectF(40, h - 128, 540, 36), Qt.AlignmentFlag.AlignLeft, en.upper())
    p.setFont(font(24, chinese=True))
    p.drawText(QRectF(40, h - 92, 540, 40), Qt.AlignmentFlag.AlignLeft, zh)
    p.restore()


def _industry_sky(p: QPainter, w: float, h: float) -> None:
    ground = h * 0.7
    vertical_gradient(p, QRectF(0, 0, w, ground), [(0.0, QColor("#b9ad96")), (1.0, QColor("#e3cf9f"))])
    glow(p, w * 0.75, h * 0.28, 200, QColor("#f0d9a0"), 0.7)
    hills(p, w, ground - 60, 40, QColor("#a99c84"), seed=71, bottom=ground)
    water(p, QRectF(0, ground, w, h - ground), QColor("#8fa6a6"), QColor("#4d6470"), 75, PAPER)


def _industry(p: QPainter, w: float, h: float, local: float, sky: QImage) -> None:
    """Port cranes working, chimneys smoking and factory halls rising, in the 1980s."""
    p.drawImage(QPointF(0, 0), sky)
    ground = h * 0.7
    rise = min(1.0, local / 2.5)
    for i, x in enumerate((0.12, 0.2, 0.34)):
        things.smoke(
            p,
            w * x + local * 6,
            ground - 300 - 20,
            30,
            QColor("#8c8174"),
            seed=72 + i,
            drift=1.4 + 0.05 * local,
            puffs=10,
        )
        things.chimney(p, w * x, ground, 34, 300, QColor("#9a5b45"), PAPER)
    things.factory(p, w * 0.02, ground, w * 0.42, 120 * rise + 1, QColor("#7a6a58"), QColor("#5f5245"))
    for k in range(3):
        things.crane(
            p,
            w * 0.55 + k * 170,
            ground,
            1.0,
            mix(CORAL, INK, 0.2),
            boom=0.5 + 0.45 * math.sin(local * 0.9 + k * 1.7),
        )
    things.ship(p, w * (0.95 - 0.06 * local), ground + 90, 360, QColor("#3d4b5c"), seed=76)


def _today_sky(p: QPainter, w: float, h: float) -> None:
    horizon = h * 0.6
    vertical_gradient(p, QRectF(0, 0, w, horizon), [(0.0, QColor("#6fa9c4")), (1.0, PAPER)])
    glow(p, w * 0.82, h * 0.16, 200, OCHRE, 0.4)
    hills(p, w, horizon - 130, 70, mix(QColor("#81b29a"), QColor("#3d7a94"), 0.5), seed=91, bottom=horizon)


def _today(p: QPainter, w: float, h: float, local: float, sky: QImage, city: QImage) -> None:
    """The skyline rising out of the ground, the bridge and ships crossing the bay."""
    p.drawImage(QPointF(0, 0), sky)
    horizon = h * 0.6
    grow = 1 - (1 - min(1.0, local / 3.0)) ** 3
    p.save()
    p.setClipRect(QRectF(0, 0, w, horizon))
    p.drawImage(QPointF(0, (1 - grow) * 300), city)
    p.restore()
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#7fb6c2"), QColor("#2f6f80"), 95, PAPER)
    history.bridge(p, -40, w + 40, h * 0.72, 110, QColor("#f1ece0"))
    things.ship(p, w * (0.5 + 0.05 * local), h * 0.9, 300, QColor("#1b2636"), seed=97)
    things.sailboat(p, w * (0.9 - 0.02 * local), h * 0.8, 0.9, INK, PAPER)


# ---- The port loop --------------------------------------------------------------------------

LOOP_FRAMES = 8 * FPS


class PortLoop:
    """An 8-second loop: every motion is periodic so the last frame equals the first."""

    def __init__(self) -> None:
        w, h = SIZE.width(), SIZE.height()
        self.backdrop = _still(_port_backdrop, w, h)

    def __call__(self, p: QPainter, t: float) -> None:
        w, h = float(SIZE.width()), float(SIZE.height())
        phase = (t * FPS) / (LOOP_FRAMES - 1)  # 0 at the first frame, 1 at the last
        p.drawImage(QPointF(0, 0), self.backdrop)
        quay = h * 0.62 + 30
        for k in range(4):
            boom = 0.5 - 0.45 * math.cos(2 * math.pi * phase + k * 1.3)
            things.crane(p, w * 0.36 + k * 190, quay, 1.05, mix(CORAL, INK, 0.25), boom=boom, light=OCHRE)
        span = w + 700
        x = (phase * span) % span - 520
        things.ship(p, x, h * 0.86, 480, QColor("#1b2636"), seed=4, deck=QColor("#c9d3da"))
        glow(p, w * 0.16, h * 0.16, 90 + 6 * math.sin(2 * math.pi * phase), QColor("#dfe8f0"), 0.3)


def _port_backdrop(p: QPainter, w: float, h: float) -> None:
    horizon = h * 0.62
    vertical_gradient(
        p,
        QRectF(0, 0, w, horizon),
        [(0.0, QColor("#0f1a2b")), (0.7, QColor("#1e3550")), (1.0, QColor("#355a72"))],
    )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#eef2f2"))
    p.drawEllipse(QPointF(w * 0.16, h * 0.16), 24, 24)
    hills(p, w, horizon - 40, 30, QColor("#1a2c40"), seed=9, bottom=horizon)
    skyline(p, w * 0.55, w, horizon, 90, QColor("#16263a"), OCHRE, seed=3, lit=0.3, towers=False)
    water(p, QRectF(0, horizon, w, h - horizon), QColor("#254660"), QColor("#0c1624"), 12, QColor("#8fb7cc"))
    p.setBrush(QColor("#2a3a4c"))
    p.drawRect(QRectF(w * 0.3, horizon + 6, w * 0.7, 26))
