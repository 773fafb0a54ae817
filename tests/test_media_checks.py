"""Every media file is checked for what the kiosk will do with it, without decoding it: a picture's
format and size from its header, a film's or sound's streams from Qt's own player in a child process,
a caption file line by line. What cannot be shown is an error at the line that names it."""

from __future__ import annotations

import json
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cli import main as kiosk_main
from kiosk.content.load import load_exhibition
from kiosk.content.media import MediaContext, check_media_path
from tests.content_factory import FLOOR, TINY_MP4, TINY_PNG, line_of, make_content

MAP_LINE = line_of(FLOOR, "image: media/map.png")
FILM_LINE = line_of(FLOOR, "video: media/film.mp4")
RIFF_WAV = b"RIFF" + struct.pack("<I", 36 + 800) + b"WAVEfmt " + struct.pack(
    "<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8) + b"data" + struct.pack("<I", 800) + b"\x80" * 800


def chunk(name: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + name + data + struct.pack(">I", zlib.crc32(name + data))


def big_png(width: int, height: int) -> bytes:
    """A real black-and-white PNG of any size, small on disk (one bit a pixel, all white)."""
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def jpeg_bytes(qapp: Any) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(320, 200, QImage.Format.Format_RGB32)
    for y in range(200):  # detail, so that most of the file is picture data, as in a photograph
        for x in range(320):
            image.setPixelColor(x, y, QColor((x * 7 + y * 3) % 256, (x * y) % 256, (x ^ y) % 256))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", 90)
    buffer.close()
    return bytes(data.data())


def errors(root: Path, **options: Any) -> list[str]:
    return [problem.format() for problem in load_exhibition(root, **options).errors]


def map_error(message: str, hint: str) -> str:
    return f"content/floors/1-ground.yaml:{MAP_LINE}:16: error: 'media/map.png' {message} ({hint})"


# -- pictures ------------------------------------------------------------------------------------


def test_a_huge_picture_in_a_small_file_passes_with_its_real_size_known(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "map.png").write_bytes(big_png(20000, 20000))
    assert (root / "media" / "map.png").stat().st_size < 2_000_000
    assert errors(root) == []
    context = MediaContext(root)
    check_media_path("media/map.png", "image", context)
    assert (context.pictures["media/map.png"].format, context.pictures["media/map.png"].width,
            context.pictures["media/map.png"].height) == ("PNG", 20000, 20000)


def test_a_40000_by_20000_plan_passes_and_a_picture_past_the_limit_is_refused(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "map.png").write_bytes(big_png(40000, 20000))
    assert errors(root) == []
    (root / "media" / "map.png").write_bytes(big_png(120000, 8))
    assert errors(root) == [map_error(
        "is 120000 x 8 pixels, more than the kiosk shows (at most 100000 pixels a side and 1000 megapixels)",
        "make a smaller copy of it")]


def test_a_text_file_saved_as_png_is_an_error_at_the_line_that_names_it(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "map.png").write_text("Map of the harbour: ask Li for the final version.\n")
    assert errors(root) == [map_error("is a text file, not a picture the kiosk can show",
                                      "export it as PNG or JPEG")]


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10"/>', "an SVG drawing"),
    (b"II*\x00\x08\x00\x00\x00" + b"\x00" * 64, "a TIFF picture"),
    (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "a GIF picture"),
    (b"BM" + b"\x00" * 64, "a BMP picture"),
], ids=["pdf", "svg", "tiff", "gif", "bmp"])
def test_a_picture_format_the_kiosk_does_not_show_is_named_for_what_it_is(
    tmp_path: Path, data: bytes, what: str
) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "map.png").write_bytes(data)
    assert errors(root) == [map_error(f"is {what}, not a picture the kiosk can show",
                                      "export it as PNG or JPEG")]


def test_a_jpeg_cut_to_a_third_is_an_error_and_a_whole_one_passes(tmp_path: Path, qapp: Any) -> None:
    root = make_content(tmp_path / "content")
    whole = jpeg_bytes(qapp)
    (root / "media" / "map.png").write_bytes(whole)  # a JPEG named .png: shown all the same
    assert errors(root) == []
    (root / "media" / "map.png").write_bytes(whole[: len(whole) // 3])
    assert errors(root) == [map_error("is a damaged or incomplete JPEG file: its end marker is missing",
                                      "copy the file again from the original, or export it again")]


def test_a_png_cut_short_is_an_error(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "map.png").write_bytes(TINY_PNG[:-12])  # without its IEND chunk
    assert errors(root) == [map_error("is a damaged or incomplete PNG file: it ends before its last part",
                                      "copy the file again from the original, or export it again")]


def test_a_webp_is_measured_and_a_cut_one_is_an_error(tmp_path: Path) -> None:
    lossless = b"\x2f" + ((199 << 14) | 319).to_bytes(4, "little") + b"\x00" * 16
    body = b"WEBP" + b"VP8L" + struct.pack("<I", len(lossless)) + lossless
    webp = b"RIFF" + struct.pack("<I", len(body)) + body
    root = make_content(tmp_path / "content")
    (root / "media" / "map.webp").write_bytes(webp)
    floor = (root / "floors" / "1-ground.yaml")
    floor.write_text(FLOOR.replace("media/map.png", "media/map.webp"))
    context = MediaContext(root)
    check_media_path("media/map.webp", "image", context)
    picture = context.pictures["media/map.webp"]
    assert (picture.format, picture.width, picture.height) == ("WebP", 320, 200)
    (root / "media" / "map.webp").write_bytes(webp[:20])
    assert [error.message for error in load_exhibition(root).errors] == [
        f"'media/map.webp' is a damaged or incomplete WebP file: it holds 20 of its {len(webp)} bytes"]


def test_a_bmp_is_no_longer_a_picture_name(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "map.bmp").write_bytes(b"BM" + b"\x00" * 64)
    (root / "floors" / "1-ground.yaml").write_text(FLOOR.replace("media/map.png", "media/map.bmp"))
    (error,) = load_exhibition(root).errors
    assert error.message == "'media/map.bmp' is not an image" and ".bmp" not in error.hint


# -- films and sounds ----------------------------------------------------------------------------


def probe(paths: Any) -> Any:
    from kiosk.app.media_probe import probe_media

    return probe_media(paths)


@pytest.mark.parametrize(("data", "message"), [
    (bytes(range(256)) * 40,
     "'media/film.mp4' is not a film the kiosk can play (the file is damaged, or not in a film or "
     "sound format the player knows)"),
    (RIFF_WAV, "'media/film.mp4' has no picture to show (sound only)"),
    (TINY_PNG, "'media/film.mp4' is a picture, not a film or a sound"),
], ids=["noise", "sound-only", "picture"])
def test_a_film_the_player_cannot_show_is_an_error_at_its_line(
    tmp_path: Path, data: bytes, message: str
) -> None:
    root = make_content(tmp_path / "content")
    assert errors(root, probe=probe) == []
    (root / "media" / "film.mp4").write_bytes(data)
    (error,) = load_exhibition(root, probe=probe).errors
    assert (error.line, error.message) == (FILM_LINE, message)


def test_a_narration_without_sound_is_an_error(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "voice.wav").write_bytes(TINY_MP4)
    captions = "        captions: {en: media/film.en.vtt}\n"
    floor = FLOOR.replace(captions, captions + "        narration: media/voice.wav\n")
    assert floor != FLOOR
    (root / "floors" / "1-ground.yaml").write_text(floor)
    (error,) = load_exhibition(root, probe=probe).errors
    assert error.message == "'media/voice.wav' has no sound"
    (root / "media" / "voice.wav").write_bytes(RIFF_WAV)
    assert errors(root, probe=probe) == []


def test_all_films_are_probed_in_one_child_and_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app import media_probe

    films = []
    for number in range(3):
        films.append(tmp_path / f"film-{number}.mp4")
        films[-1].write_bytes(TINY_MP4)
    (tmp_path / "noise.mp4").write_bytes(bytes(range(256)) * 8)
    children: list[list[str]] = []
    real_run = subprocess.run

    def counted(command: list[str], **options: Any) -> Any:
        children.append(command)
        return real_run(command, **options)

    monkeypatch.setattr(media_probe.subprocess, "run", counted)
    first = media_probe.probe_media([*films, tmp_path / "noise.mp4"])
    assert len(children) == 1
    assert [first[film].playable and first[film].has_video for film in films] == [True] * 3
    assert not first[tmp_path / "noise.mp4"].playable
    assert media_probe.probe_media([*films, tmp_path / "noise.mp4"]) == first
    assert len(children) == 1  # answered from the state folder
    films[0].write_bytes(RIFF_WAV)  # a changed file is looked at again, alone
    assert media_probe.probe_media(films)[films[0]].has_video is False
    assert len(children) == 2


def test_a_file_that_stops_the_player_is_unplayable_and_the_others_are_still_probed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app import media_probe

    good, deadly = tmp_path / "good.mp4", tmp_path / "deadly.mp4"
    good.write_bytes(TINY_MP4)
    deadly.write_bytes(TINY_MP4 + b"!")
    real_run = subprocess.run

    def crash_on_the_deadly_one(command: list[str], **options: Any) -> Any:
        if str(deadly) in options["input"]:  # the child dies while it opens that file
            lines = [json.dumps({"ready": True}), json.dumps({"opening": str(deadly)})]
            command = [command[0], "-c", f"import os; print({chr(10).join(lines)!r}, flush=True); os.abort()"]
        return real_run(command, **options)

    monkeypatch.setattr(media_probe.subprocess, "run", crash_on_the_deadly_one)
    found = media_probe.probe_media([deadly, good])
    assert found[deadly].playable is False and found[deadly].reason == media_probe.CRASHED
    assert found[good].playable is True


def test_validate_render_doctor_and_the_reloader_check_films(tmp_path: Path, capsys: Any) -> None:
    from kiosk.ops.doctor import check_content
    from kiosk.ops.reload import check_safely

    root = make_content(tmp_path / "content")
    (root / "media" / "film.mp4").write_bytes(bytes(range(256)) * 40)
    assert kiosk_main(["validate", str(root)]) == 1
    assert f"1-ground.yaml:{FILM_LINE}:" in capsys.readouterr().out
    assert check_content(root)[0].level == "fail"
    checked = check_safely(root, tmp_path / "last-good")
    assert checked.root is None and [e.line for e in checked.result.errors] == [FILM_LINE]


# -- captions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line"), [
    (b"\x8f\xa3random\x00bytes\xff" * 20,
     "content/media/film.en.vtt:1:1: error: this caption file is not UTF-8 text (save it again as "
     "UTF-8 text; most editors offer it under Save with Encoding)"),
    (b"1\n00:00.000 --> 00:02.000\nHello\n", "content/media/film.en.vtt:1:1: error: a caption file must "
     "start with the line WEBVTT (write WEBVTT alone on the first line, then an empty line)"),
    (b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n\n00:02.000 --> 00:04\nagain\n",
     "content/media/film.en.vtt:6:1: error: the caption's times cannot be read (write the times as "
     "00:01.500 --> 00:04.000 (minutes:seconds.milliseconds))"),
    (b"WEBVTT\n\nintro\n00:05.000 --> 00:02.000\nHello\n", "content/media/film.en.vtt:4:15: error: the "
     "caption ends before it starts (the second time must be later than the first)"),
], ids=["not-utf8", "no-header", "bad-time", "end-before-start"])
def test_a_broken_caption_file_is_an_error_at_its_own_line(tmp_path: Path, text: bytes, line: str) -> None:
    root = make_content(tmp_path / "content")
    (root / "media" / "film.en.vtt").write_bytes(text)
    assert errors(root) == [line]


def test_the_kiosk_reads_captions_with_the_checker_s_parser() -> None:
    from kiosk.app import captions
    from kiosk.content import vtt

    assert captions.parse_vtt is vtt.parse_vtt
    bundled = Path(__file__).resolve().parent.parent / "content" / "media" / "video"
    for name in ("city-growth.en.vtt", "city-growth.zh.vtt"):
        assert vtt.check_vtt((bundled / name).read_bytes()) == []


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"RIFF\x10\x00\x00\x00WEBP", b""]),
       body=st.binary(max_size=200))
def test_any_bytes_are_a_picture_or_a_plain_refusal(prefix: bytes, body: bytes) -> None:
    """Hostile bytes behind a picture's signature never raise anything but a staff message."""
    import io

    from kiosk.content.sniff import Picture, PictureProblem, sniff_picture

    data = prefix + body
    try:
        picture = sniff_picture(io.BytesIO(data), len(data))
    except PictureProblem as problem:
        assert problem.message
    else:
        assert isinstance(picture, Picture) and picture.width >= 1 and picture.height >= 1
