"""Which films and sounds the kiosk can play, asked of Qt's own media player in a separate process.

    probe_media([Path("content/media/video/port-loop.mp4"), ...])
        -> {path: Streams(playable=True, has_video=True, has_audio=False)}

All files are looked at by one child process (`python -m kiosk.app.media_probe`), which opens each
with QMediaPlayer (the FFmpeg backend the kiosk plays with) and reports LoadedMedia or InvalidMedia,
and whether there is a picture and a sound track. A file that hangs the player is given up after
`FILE_SECONDS`; a file that crashes it is reported as unplayable and the others are looked at by a
new child. Answers are kept in the state folder by path, size and change time, so only new or
changed files are looked at again. When the probe cannot run at all (no QtMultimedia on this
computer), files are left out of the answer: they are then checked by name only.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kiosk.base.paths import state_dir
from kiosk.content.streams import Streams

log = logging.getLogger("kiosk.media_probe")

FILE_SECONDS = 8.0
"""How long the player may take to open one file before it counts as unplayable."""
START_SECONDS = 20.0
"""How long the child process may take to start Qt before the first file."""
CACHE_NAME = "media-probe.json"
CACHE_ENTRIES = 4000
CRASHED = "the file made the media player stop"
HUNG = "the media player could not open it in time"


def cache_file() -> Path:
    return state_dir() / CACHE_NAME


def _key(path: Path, info: os.stat_result) -> str:
    return f"{path}|{info.st_size}|{info.st_mtime_ns}"


def _read_cache(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(file: Path, data: dict[str, Any]) -> None:
    """Replace the cache in one rename; a cache that cannot be written is only slower next time."""
    if len(data) > CACHE_ENTRIES:
        data = dict(list(data.items())[-CACHE_ENTRIES:])
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=file.parent, prefix=".probe-", delete=False,
                                         encoding="utf-8") as temporary:
            json.dump(data, temporary)
        os.replace(temporary.name, file)
    except OSError as error:
        log.debug("media probe cache not written: %s", error)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary.name)


def _streams(answer: Mapping[str, Any]) -> Streams:
    return Streams(bool(answer.get("playable")), bool(answer.get("video")), bool(answer.get("audio")),
                   str(answer.get("reason", "")))


def _run_child(paths: list[Path]) -> tuple[dict[Path, Streams], bool]:
    """One child process over `paths`: its answers, and whether it could start at all."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "QT_LOGGING_RULES": "*.debug=false;qt.multimedia.*=false"}
    timeout = START_SECONDS + FILE_SECONDS * len(paths)
    request = json.dumps([str(path) for path in paths])
    timed_out = False
    try:
        output = subprocess.run(
            [sys.executable, "-m", "kiosk.app.media_probe"], input=request, capture_output=True,
            text=True, timeout=timeout, env=environment, check=False,
        ).stdout
    except subprocess.TimeoutExpired as expired:
        partial = expired.stdout or b""
        output = partial.decode(errors="replace") if isinstance(partial, bytes) else partial
        timed_out = True
    except OSError as error:
        log.warning("films and sounds cannot be checked on this computer: %s", error)
        return {}, False
    answers: dict[Path, Streams] = {}
    opening: Path | None = None
    ready = False
    for line in output.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("ready"):
            ready = True
        elif "opening" in message:
            opening = Path(message["opening"])
        elif "path" in message:
            answers[Path(message["path"])] = _streams(message)
            opening = None
    if not ready:
        log.warning("films and sounds cannot be checked on this computer: the media player did not start")
        return answers, False
    if opening is not None:  # the file being opened when the child crashed or hung
        answers[opening] = Streams(False, reason=HUNG if timed_out else CRASHED)
    return answers, True


def _probe_uncached(paths: list[Path]) -> dict[Path, Streams]:
    answers: dict[Path, Streams] = {}
    remaining = list(paths)
    while remaining:
        found, started = _run_child(remaining)
        answers.update(found)
        if not started or not found:
            break
        remaining = [path for path in remaining if path not in answers]
    return answers


def probe_media(paths: Sequence[Path]) -> dict[Path, Streams]:
    """What each file holds, as the kiosk's player sees it; a file left out could not be looked at."""
    cache = _read_cache(cache_file())
    answers: dict[Path, Streams] = {}
    unknown: list[Path] = []
    keys: dict[Path, str] = {}
    for path in paths:
        try:
            keys[path] = _key(path, os.stat(path))
        except OSError:
            continue
        if keys[path] in cache:
            answers[path] = _streams(cache[keys[path]])
        else:
            unknown.append(path)
    if unknown:
        found = _probe_uncached(unknown)
        for path, streams in found.items():
            answers[path] = streams
            if streams.reason not in (HUNG,):
                cache[keys[path]] = {"playable": streams.playable, "video": streams.has_video,
                                     "audio": streams.has_audio, "reason": streams.reason}
        _write_cache(cache_file(), cache)
    return answers


def _child() -> int:
    """The child process: read a JSON list of paths on stdin, print one JSON line per file."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    paths = json.loads(sys.stdin.read())
    QCoreApplication(sys.argv[:1])
    player = QMediaPlayer()
    done = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia)
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=int(FILE_SECONDS * 1000))
    timer.timeout.connect(loop.quit)
    player.mediaStatusChanged.connect(lambda status: loop.quit() if status in done else None)
    player.errorOccurred.connect(lambda *_: loop.quit())

    def say(message: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    say({"ready": True})
    for path in paths:
        say({"opening": path})
        player.setSource(QUrl.fromLocalFile(path))
        if player.mediaStatus() not in done and player.error() == QMediaPlayer.Error.NoError:
            timer.start()
            loop.exec()
            timer.stop()
        status = player.mediaStatus()
        if status == QMediaPlayer.MediaStatus.LoadedMedia:
            say({"path": path, "playable": True, "video": player.hasVideo(), "audio": player.hasAudio()})
        elif status in done or player.error() != QMediaPlayer.Error.NoError:
            say({"path": path, "playable": False, "reason": _reason(player.error(), player.errorString())})
        else:
            say({"path": path, "playable": False, "reason": HUNG})
        player.setSource(QUrl())
    say({"done": True})
    return 0


def _reason(error: Any, text: str) -> str:
    """Why the player cannot open a file, as a short phrase for staff."""
    from PySide6.QtMultimedia import QMediaPlayer

    if error in (QMediaPlayer.Error.FormatError, QMediaPlayer.Error.NoError):
        return "the file is damaged, or not in a film or sound format the player knows"
    text = text.strip().rstrip(".")
    return (text[:1].lower() + text[1:]) if text else "the media player cannot open it"


if __name__ == "__main__":
    sys.exit(_child())
