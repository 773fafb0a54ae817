"""What a picture file really is, from its header bytes alone: format, width and height.

Only PNG, JPEG and WebP are shown by the kiosk. Everything else (a PDF, an SVG drawing, a TIFF scan,
a GIF, a text file named .png) is named for what it is, with what to do instead. A file cut short is
found without decoding a pixel: a PNG's chunks are walked to its closing IEND chunk, a JPEG's
segments to the start of its picture data and then its last bytes must be the end marker, a WebP's
RIFF length must match the file's size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

MAX_SIDE = 100_000
"""Pixels on the longest side: a 40000 x 20000 plan is fine, deep zoom shows it in tiles."""
MAX_PIXELS = 1_000_000_000
"""A thousand megapixels."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_FRAMES = {0xC0: "baseline", 0xC1: "extended", 0xC2: "progressive", 0xC9: "arithmetic",
               0xCA: "progressive arithmetic"}
"""The JPEG frame types the kiosk's decoder reads; lossless and hierarchical JPEGs are refused."""
EXPORT = "export it as PNG or JPEG"

_OTHER_FORMATS: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF", 0, "a PDF document"),
    (b"GIF87a", 0, "a GIF picture"),
    (b"GIF89a", 0, "a GIF picture"),
    (b"II*\x00", 0, "a TIFF picture"),
    (b"MM\x00*", 0, "a TIFF picture"),
    (b"BM", 0, "a BMP picture"),
    (b"8BPS", 0, "a Photoshop document"),
    (b"\x00\x00\x01\x00", 0, "an icon file"),
    (b"\x00\x00\x00\x0cjP  ", 0, "a JPEG 2000 picture"),
    (b"\xff\x4f\xff\x51", 0, "a JPEG 2000 picture"),
    (b"PK\x03\x04", 0, "a ZIP archive (or an office document)"),
    (b"\xd0\xcf\x11\xe0", 0, "an old office document"),
    (b"ftypheic", 4, "a HEIC photo"),
    (b"ftypheix", 4, "a HEIC photo"),
    (b"ftypmif1", 4, "a HEIF photo"),
    (b"ftypavif", 4, "an AVIF picture"),
    (b"ftyp", 4, "a film"),
    (b"\x1aE\xdf\xa3", 0, "a film"),
    (b"RIFF", 0, "a RIFF file (a sound or a film)"),
    (b"ID3", 0, "an MP3 sound"),
    (b"OggS", 0, "an Ogg sound or film"),
    (b"fLaC", 0, "a FLAC sound"),
    (b"\x1f\x8b", 0, "a compressed (gzip) file"),
    (b"7z\xbc\xaf", 0, "a 7-Zip archive"),
    (b"qoif", 0, "a QOI picture"),
    (b"DDS ", 0, "a DDS texture"),
    (b"P1", 0, "a Netpbm picture"),
    (b"P4", 0, "a Netpbm picture"),
    (b"P6", 0, "a Netpbm picture"),
)


@dataclass(frozen=True)
class Picture:
    """A picture the kiosk can show: its format ('PNG', 'JPEG' or 'WebP') and size in pixels."""

    format: str
    width: int
    height: int


class PictureProblem(Exception):
    """A picture the kiosk cannot show, in words for staff, with what to do about it. The message
    goes after the file's name: "'media/plan.png' is a PDF document, ..."."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def describe(head: bytes) -> str:
    """What a file that is not a PNG, JPEG or WebP picture is, from its first bytes."""
    for signature, offset, name in _OTHER_FORMATS:
        if head[offset : offset + len(signature)] == signature:
            return name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return "an SVG drawing"
    if text.startswith((b"<!doctype html", b"<html")):
        return "a web page"
    if text.startswith(b"<?xml"):
        return "an XML document"
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as error:
        decoded = head[: error.start].decode("utf-8") if error.start > len(head) - 4 else ""
    if decoded and all(char.isprintable() or char in "\t\r\n" for char in decoded):
        return "a text file"
    return "not a picture (its first bytes match no picture format)"


def refuse(head: bytes) -> PictureProblem:
    what = describe(head)
    if what.startswith("not "):
        return PictureProblem(f"is {what}", f"{EXPORT} again from the original")
    return PictureProblem(f"is {what}, not a picture the kiosk can show", EXPORT)


def truncated(kind: str, where: str) -> PictureProblem:
    return PictureProblem(f"is a damaged or incomplete {kind} file: {where}",
                          "copy the file again from the original, or export it again")


def _read(file: BinaryIO, count: int) -> bytes:
    return file.read(count)


def _png(file: BinaryIO, size: int) -> Picture:
    file.seek(8)
    header = _read(file, 8 + 13)
    if len(header) < 21 or header[4:8] != b"IHDR":
        raise truncated("PNG", "its header is missing")
    width, height = struct.unpack(">II", header[8:16])
    position = 8
    seen_data = False
    while True:
        file.seek(position)
        chunk = _read(file, 8)
        if len(chunk) < 8:
            raise truncated("PNG", "it ends before its last part")
        length, name = struct.unpack(">I4s", chunk)
        position += 12 + length
        if position > size:
            raise truncated("PNG", "it ends in the middle of its picture data")
        if name == b"IDAT":
            seen_data = True
        if name == b"IEND":
            break
    if not seen_data:
        raise truncated("PNG", "it holds no picture data")
    return Picture("PNG", width, height)


def _jpeg(file: BinaryIO, size: int) -> Picture:
    position = 2
    dimensions: tuple[int, int] | None = None
    while True:
        file.seek(position)
        marker = _read(file, 4)
        while marker[:1] == b"\xff" and marker[1:2] == b"\xff":  # fill bytes before a marker
            position += 1
            file.seek(position)
            marker = _read(file, 4)
        if len(marker) < 4 or marker[0] != 0xFF:
            raise truncated("JPEG", "its header is cut short")
        code = marker[1]
        if 0xD0 <= code <= 0xD8 or code == 0x01:  # markers without a length
            position += 2
            continue
        length = struct.unpack(">H", marker[2:4])[0]
        if code == 0xDA:  # start of the picture data
            if dimensions is None:
                raise truncated("JPEG", "it has no frame header")
            break
        if 0xC0 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
            if code not in JPEG_FRAMES:
                raise PictureProblem("is a lossless or hierarchical JPEG, which the kiosk "
                                     "cannot show", "export it again as an ordinary JPEG or as PNG")
            frame = _read(file, 5)
            if len(frame) < 5:
                raise truncated("JPEG", "its frame header is cut short")
            height, width = struct.unpack(">HH", frame[1:5])
            dimensions = (width, height)
        position += 2 + length
        if position >= size:
            raise truncated("JPEG", "it ends before its picture data")
    tail_start = max(position, size - 4096)
    file.seek(tail_start)
    tail = _read(file, size - tail_start).rstrip(b"\x00 \t\r\n")
    if not tail.endswith(b"\xff\xd9"):
        raise truncated("JPEG", "its end marker is missing")
    width, height = dimensions
    return Picture("JPEG", width, height)


def _webp(file: BinaryIO, size: int) -> Picture:
    file.seek(0)
    header = _read(file, 30)
    declared = struct.unpack("<I", header[4:8])[0] + 8
    if declared > size:
        raise truncated("WebP", f"it holds {size} of its {declared} bytes")
    if len(header) < 30:
        raise truncated("WebP", "its header is cut short")
    kind, body = header[12:16], header[20:30]
    if kind == b"VP8 ":
        if body[3:6] != b"\x9d\x01\x2a":
            raise truncated("WebP", "its picture header is damaged")
        width, height = (value & 0x3FFF for value in struct.unpack("<HH", body[6:10]))
    elif kind == b"VP8L":
        if body[0] != 0x2F:
            raise truncated("WebP", "its picture header is damaged")
        bits = int.from_bytes(body[1:5], "little")
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    elif kind == b"VP8X":
        width = int.from_bytes(body[4:7], "little") + 1
        height = int.from_bytes(body[7:10], "little") + 1
    else:
        raise truncated("WebP", "its picture header is missing")
    return Picture("WebP", width, height)


def is_picture(head: bytes) -> bool:
    """Whether a file's first bytes are those of a PNG, JPEG or WebP picture."""
    webp = head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return webp or head.startswith((PNG_SIGNATURE, b"\xff\xd8\xff"))


def sniff_picture(file: BinaryIO, size: int) -> Picture:
    """The format and size of the picture in `file` (`size` bytes long); PictureProblem when the
    kiosk cannot show it. Reads the header and a few small parts, never the picture data."""
    file.seek(0)
    head = _read(file, 512)
    if head.startswith(PNG_SIGNATURE):
        picture = _png(file, size)
    elif head.startswith(b"\xff\xd8\xff"):
        picture = _jpeg(file, size)
    elif head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        picture = _webp(file, size)
    else:
        raise refuse(head)
    if picture.width < 1 or picture.height < 1:
        raise truncated(picture.format, "its size is 0 pixels")
    if max(picture.width, picture.height) > MAX_SIDE or picture.width * picture.height > MAX_PIXELS:
        raise PictureProblem(
            f"is {picture.width} x {picture.height} pixels, more than the kiosk shows "
            f"(at most {MAX_SIDE} pixels a side and {MAX_PIXELS // 1_000_000} megapixels)",
            "make a smaller copy of it",
        )
    return picture
