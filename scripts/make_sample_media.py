#!/usr/bin/env python3
"""Draw every picture, film and narration of the bundled Dalian sample exhibition.

    python scripts/make_sample_media.py [--out content] [--only GLOB]

Pictures are painted with QPainter, films are encoded by Qt Multimedia (QVideoFrameInput and
QMediaRecorder), and the narration is spoken by espeak-ng and tidied with sox. The output is the
same on every run. Captions (.vtt) are written by hand and are not touched here.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt Multimedia reports optional libraries (PipeWire, VA-API) it cannot find; none are needed here.
os.environ.setdefault(
    "QT_LOGGING_RULES",
    "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false;qt.multimedia.playbackengine*=false",
)

from PySide6.QtCore import QEventLoop, QTimer, QUrl  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtMultimedia import QMediaPlayer  # noqa: E402
from sample_media import audio, catalogue, model3d, video  # noqa: E402
from sample_media.paint import save_png  # noqa: E402


def report(path: Path, started: float) -> None:
    size = path.stat().st_size
    print(f"wrote {path}  {size / 1024:,.0f} KB  ({time.monotonic() - started:.1f} s)", flush=True)


def film_duration(path: Path) -> float:
    """Open a written film with QMediaPlayer and return its duration in seconds (0 if unreadable)."""
    player = QMediaPlayer()
    loop = QEventLoop()
    done = {QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia}
    player.mediaStatusChanged.connect(lambda s: loop.quit() if s in done else None)
    QTimer.singleShot(15000, loop.quit)
    player.setSource(QUrl.fromLocalFile(str(path.resolve())))
    if player.mediaStatus() not in done:
        loop.exec()
    return player.duration() / 1000


def make_films(content: Path, wanted: list[str]) -> None:
    if catalogue.POSTER in wanted or "media/video/city-growth.mp4" in wanted:
        growth = video.CityGrowth()
        if catalogue.POSTER in wanted:
            started = time.monotonic()
            poster = QImage(video.SIZE, QImage.Format.Format_RGB32)
            p = QPainter(poster)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            growth.poster(p)
            p.end()
            out = content / catalogue.POSTER
            out.parent.mkdir(parents=True, exist_ok=True)
            save_png(poster, str(out))
            report(out, started)
        if "media/video/city-growth.mp4" in wanted:
            _film(content / "media/video/city-growth.mp4", 24 * video.FPS, growth, 24.0)
    if "media/video/port-loop.mp4" in wanted:
        _film(content / "media/video/port-loop.mp4", video.LOOP_FRAMES, video.PortLoop(), 8.0)


def _film(out: Path, frames: int, draw: video.FrameFn, expected: float) -> None:
    started = time.monotonic()
    codec = video.record(out, frames, draw)
    report(out, started)
    seconds = film_duration(out)
    print(
        f"      {codec} in MP4, {video.SIZE.width()}x{video.SIZE.height()}, {video.FPS} fps, "
        f"plays {seconds:.2f} s",
        flush=True,
    )
    if abs(seconds - expected) > 0.5:
        print(f"warning: {out.name} plays {seconds:.2f} s, expected {expected:.0f} s", file=sys.stderr)


def make_narration(content: Path, wanted: list[str]) -> bool:
    if not any(rel in wanted for rel in catalogue.NARRATION.values()):
        return True
    words, warning = audio.transcript(content)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    for language, rel in catalogue.NARRATION.items():
        if rel not in wanted:
            continue
        started = time.monotonic()
        try:
            audio.speak(words[language], language, content / rel)
        except audio.ToolMissing as missing:
            print(f"error: {missing}", file=sys.stderr)
            return False
        report(content / rel, started)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("content"),
        help="content folder to write media/ into (default: content)",
    )
    parser.add_argument(
        "--only", default="*", help="only files whose path matches this glob, e.g. 'media/ecology/*'"
    )
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    everything = (
        [pic.path for pic in catalogue.PICTURES]
        + [catalogue.POSTER]
        + list(catalogue.FILMS)
        + list(catalogue.NARRATION.values())
        + list(model3d.FILES)
    )
    wanted = [
        rel
        for rel in everything
        if fnmatch.fnmatch(rel, args.only) or fnmatch.fnmatch(rel, f"media/{args.only}")
    ]
    if not wanted:
        print(f"nothing matches --only {args.only!r}", file=sys.stderr)
        return 2
    started_all = time.monotonic()
    for pic in catalogue.PICTURES:
        if pic.path in wanted:
            started = time.monotonic()
            report(catalogue.write_picture(pic, args.out), started)
    for path in model3d.write(args.out, wanted):
        report(path, started_all)
    make_films(args.out, wanted)
    ok = make_narration(args.out, wanted)
    print(f"done in {time.monotonic() - started_all:.0f} s", flush=True)
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
