"""Read-aloud mode with a speech engine: what each screen says, the voice per language, when it
stops or waits, focus read aloud, and one real sentence through Speech Dispatcher."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.app.access import Access
from kiosk.app.images import local_url
from kiosk.app.read_aloud import VoiceInfo, choose_voice, exhibit_speech, place_speech, sentences, voices_of
from kiosk.app.screens import KioskWindow
from kiosk.app.speech import Speech
from kiosk.composition import Kiosk
from kiosk.ops.timings import Timings
from tests.ops_helpers import QUIET_MEDIA, running_kiosk
from tests.ui_helpers import write_sample_exhibition

NARRATED = "        caption: {en: The plan of 1905., zh: 1905年的规划图。}\n"
SILENT_MEDIA = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .*(va|pipewire)", r"PulseAudioService", r"Using Qt multimedia",
    r"No audio device detected", r".*No HW decoder found.*", r"Could not open media.*")


# -- what is said (no Qt) ---------------------------------------------------------------------


def test_an_exhibit_is_read_with_its_title_text_and_picture_descriptions() -> None:
    article = {"type": "article", "language": "en", "title": "A Sheltered Bay", "summary": "Why here",
               "alt": "A bay between two hills", "paragraphs": ["The bay is deep.", "Ships came first"],
               "caption": "", "narration": ""}
    assert exhibit_speech(article) == ("A Sheltered Bay. Why here. A bay between two hills. "
                                       "The bay is deep. Ships came first.")
    gallery = {"type": "gallery", "language": "en", "title": "Cranes",
               "items": [{"alt": "A red crane", "caption": "1950"}, {"caption": "Today"}]}
    assert exhibit_speech(gallery) == "Cranes. A red crane. 1950. Today."
    pair = {"type": "before_after", "language": "zh", "title": "海滩今昔", "caption": "",
            "before": {"label": "1990年", "alt": "空荡的沙滩"}, "after": {"label": "今天"}}
    assert exhibit_speech(pair) == "海滩今昔。1990年。空荡的沙滩。今天。"


def test_an_exhibit_with_a_recorded_narration_is_not_read() -> None:
    assert exhibit_speech({"type": "image", "title": "The Plan", "narration": "file:///voice.wav"}) == ""


def test_screens_are_read_with_their_title_and_text() -> None:
    assert place_speech("home", {}, "en", "Harbour City", "A small exhibition") == \
        "Harbour City. A small exhibition."
    floor = {"kindLabel": "Floor 1", "title": "The Port", "summary": "Where the city began."}
    assert place_speech("floor", floor, "en") == "Floor 1. The Port. Where the city began."
    assert place_speech("attract", {}, "en", "Harbour City") == ""
    assert sentences(["港口", "城市从这里开始。"], "zh") == "港口。城市从这里开始。"


VOICES = [
    VoiceInfo("English (America)", "en"), VoiceInfo("English (Great Britain)", "en-GB"),
    VoiceInfo("Chinese (Mandarin, latin as English)+Adam", ""),
    VoiceInfo("Chinese (Mandarin, latin as English)", ""), VoiceInfo("Chinese (Cantonese)", "yue"),
    VoiceInfo("Klingon", ""), VoiceInfo("Taiwan", "zh-TW"),
]


def test_a_voice_of_the_visitors_language_is_chosen_and_none_for_a_language_without_one() -> None:
    # espeak-ng's Mandarin has a code Qt does not know: found by its name, the base voice first
    assert choose_voice(VOICES, "zh", ["zh-CN"], "Chinese") == 6  # a voice Qt knows as Chinese comes first
    without_taiwan = VOICES[:-1]
    assert choose_voice(without_taiwan, "zh", ["zh-CN"], "Chinese") == 3
    assert choose_voice(VOICES, "zh-Hant", ["zh-TW"], "Chinese") == 6
    assert choose_voice(VOICES, "en-GB", [], "English") == 1
    assert choose_voice(VOICES, "ar", ["ar-EG"], "Arabic") is None, "never Arabic read by another voice"
    assert voices_of(without_taiwan, "zh", "Chinese") == ["Chinese (Mandarin, latin as English)"]


# -- in the kiosk, with Qt's mock engine ----------------------------------------------------


def write_voice(path: Path) -> None:
    """A quarter of a second of silence: a recorded narration."""
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\0" * 2000)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test exhibition; its harbour plan has a recorded narration."""
    root = write_sample_exhibition(tmp_path_factory.mktemp("speech"))
    write_voice(root / "media" / "voice.wav")
    floor = root / "floors" / "1-port.yaml"
    text = floor.read_text(encoding="utf-8")
    assert NARRATED in text
    floor.write_text(text.replace(NARRATED, NARRATED + '        narration: {"*": media/voice.wav}\n'),
                     encoding="utf-8")
    return root.resolve()


@pytest.fixture
def reading(qtbot: Any, content: Path, tmp_path: Path) -> Iterator[tuple[KioskWindow, Kiosk, Speech]]:
    with running_kiosk(content, tmp_path, speech_engine="mock", timings=Timings()) as (window, kiosk):
        qtbot.waitExposed(window.window)
        assert window.settle()
        window.navigator.touch()
        assert window.settle()
        yield window, kiosk, Speech.for_engine(window.engine)


def read_aloud(window: KioskWindow, on: bool = True) -> None:
    Access.for_engine(window.engine).set_mode("read-aloud", on)


def tts(speech: Speech) -> QTextToSpeech:
    engine = speech.engine
    assert engine is not None and engine.engine() == "mock"
    return engine


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_read_aloud_reads_an_exhibit_without_a_narration(qtbot: Any, reading: Any) -> None:
    window, _kiosk, speech = reading
    window.navigator.openSection("old-harbour")
    read_aloud(window)
    with qtbot.waitSignal(speech.spoken, timeout=5000) as said:
        window.navigator.openExhibit("harbour-story")
    assert said.args[0] == ("A Sheltered Bay. Why the city grew here. The bay is deep and calm. "
                            "Ships came first.")
    qtbot.waitUntil(lambda: tts(speech).state() == QTextToSpeech.State.Speaking)
    assert speech.property("speaking")
    with qtbot.waitSignal(speech.spoken, timeout=5000) as said:
        window.navigator.back()  # leaving the screen stops it, and the section is read
    assert said.args[0] == "The Old Harbour. Ships, cranes and the first streets."


@pytest.mark.both_rigs
@SILENT_MEDIA
def test_a_recorded_narration_wins_over_speech(qtbot: Any, reading: Any) -> None:
    window, kiosk, speech = reading
    read_aloud(window)
    said: list[str] = []
    speech.spoken.connect(said.append)
    window.navigator.openExhibit("harbour-plan")
    assert window.settle()
    qtbot.waitUntil(lambda: kiosk.playback.property("source").endswith("voice.wav"))
    assert said == [] and not speech.property("speaking")
    with qtbot.waitSignal(speech.spoken, timeout=5000) as heard:
        window.navigator.back()  # the screen before it has no recording: it is read
    assert heard.args[0].startswith("The Old Harbour.") or heard.args[0].startswith("Harbour City")


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_nothing_is_read_with_the_mode_off_or_in_a_language_without_a_voice(
    qtbot: Any, reading: Any, caplog: pytest.LogCaptureFixture
) -> None:
    window, _kiosk, speech = reading
    said: list[str] = []
    speech.spoken.connect(said.append)
    window.navigator.openExhibit("harbour-story")
    assert window.settle()
    assert said == [], "read-aloud mode is off"

    window.navigator.setLanguage("zh")  # the mock engine has no Chinese voice
    with caplog.at_level(logging.WARNING, logger="kiosk.speech"):
        read_aloud(window)
        window.navigator.openSection("old-harbour")
        window.navigator.openFloor("port")
        assert window.settle()
    assert said == []
    assert [r.getMessage() for r in caplog.records].count(
        "the speech engine 'mock' has no voice for zh: read-aloud mode says nothing in it "
        "(install speech-dispatcher-espeak-ng)") == 1, "said once in the log"
    with qtbot.waitSignal(speech.spoken, timeout=5000) as heard:
        window.navigator.setLanguage("en")  # the same screen, read again in English
    assert heard.args[0] == "Floor 1. The Port. Where the city began."


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_the_end_of_the_visit_stops_the_reading(qtbot: Any, reading: Any) -> None:
    window, _kiosk, speech = reading
    read_aloud(window)
    window.navigator.openExhibit("harbour-story")
    qtbot.waitUntil(lambda: tts(speech).state() == QTextToSpeech.State.Speaking)
    window.session.end_visit("idle")
    qtbot.waitUntil(lambda: tts(speech).state() == QTextToSpeech.State.Ready, timeout=1000)
    assert not speech.property("speaking")
    assert not Access.for_engine(window.engine).property("readAloud")


@pytest.mark.both_rigs
@SILENT_MEDIA
def test_a_film_playing_pauses_the_reading_until_it_stops(qtbot: Any, reading: Any, content: Path) -> None:
    window, kiosk, speech = reading
    read_aloud(window)
    window.navigator.openExhibit("harbour-story")
    qtbot.waitUntil(lambda: tts(speech).state() == QTextToSpeech.State.Speaking)
    playback = kiosk.playback
    playback.open(local_url(content / "media" / "voice.wav"), True)
    playback.play()
    qtbot.waitUntil(lambda: playback.property("playing"), timeout=10000)
    qtbot.waitUntil(lambda: speech.property("ducked"))
    qtbot.waitUntil(lambda: tts(speech).state() == QTextToSpeech.State.Paused)
    playback.stop()
    qtbot.waitUntil(lambda: not speech.property("ducked"))
    qtbot.waitUntil(lambda: tts(speech).state() == QTextToSpeech.State.Speaking)


@pytest.mark.both_rigs
@QUIET_MEDIA
def test_the_control_the_keys_reach_is_read_aloud(qtbot: Any, reading: Any) -> None:
    window, _kiosk, speech = reading
    read_aloud(window)
    said: list[str] = []
    speech.spoken.connect(said.append)
    window.navigator.openSection("old-harbour")
    assert window.settle()
    QTest.keyClick(window.window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(said) >= 2)
    focused = window.window.activeFocusItem()
    assert focused is not None
    name = focused.property("accessibleName")
    assert name and said[-1] == name
    QTest.keyClick(window.window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(said) >= 3)
    assert said[-1] == window.window.activeFocusItem().property("accessibleName") != name


# -- a real engine ----------------------------------------------------------------------------


@pytest.fixture
def speech_dispatcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A Speech Dispatcher of the test's own, playing to ALSA's null device (no sound card here)."""
    daemon = shutil.which("speech-dispatcher")
    assert daemon, "speech-dispatcher is installed by scripts/system-deps.sh"
    config = tmp_path / "speechd"
    shutil.copytree("/etc/speech-dispatcher", config)
    with (config / "speechd.conf").open("a", encoding="utf-8") as conf:
        conf.write('\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\n')
    socket = tmp_path / "speechd.sock"
    process = subprocess.Popen(
        [daemon, "-s", "-C", str(config), "-c", "unix_socket", "-S", str(socket), "-P", str(tmp_path / "pid"),
         "-t", "0", "-L", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not socket.exists() and process.poll() is None and time.monotonic() < deadline:
        QTest.qWait(50)
    assert socket.exists(), "Speech Dispatcher did not start"
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")
    try:
        yield str(socket)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_speech_dispatcher_reads_a_sentence_from_speaking_to_ready(
    qtbot: Any, speech_dispatcher: str
) -> None:
    assert os.environ["SPEECHD_ADDRESS"].endswith(speech_dispatcher)
    engine = QTextToSpeech("speechd")
    try:
        assert engine.state() == QTextToSpeech.State.Ready, engine.errorString()
        states: list[QTextToSpeech.State] = []
        engine.stateChanged.connect(states.append)
        engine.say("The harbour was built by hand.")
        qtbot.waitUntil(lambda: QTextToSpeech.State.Speaking in states, timeout=10000)
        qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=20000)
        assert QTextToSpeech.State.Error not in states
    finally:
        engine.deleteLater()


def test_kiosk_doctor_names_a_voice_for_each_language_or_says_there_is_none(speech_dispatcher: str) -> None:
    from types import SimpleNamespace

    from kiosk.ops.doctor import check_speech

    exhibition = SimpleNamespace(settings=SimpleNamespace(languages=["en", "zh", "tlh"]))
    lines = [check.line() for check in check_speech(exhibition)]  # type: ignore[arg-type]
    assert lines[0].startswith("ok: read aloud: engines: ") and "reading with speechd" in lines[0]
    assert lines[1].startswith("ok: read aloud: en: ") and "English (America)" in lines[1]
    assert lines[2].startswith("ok: read aloud: zh: 2 voices (Chinese (Mandarin"), lines[2]
    assert lines[3].startswith("warn: read aloud: tlh: no voice"), lines[3]
