"""Builds small, valid content folders for tests; tests then break them on purpose."""

from __future__ import annotations

import textwrap
from pathlib import Path

# The smallest valid PNG: 1x1 pixel. Content checks never decode images, but the bytes are real.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000b4944415478da636000020000050001e9fadcd8"
    "0000000049454e44ae426082"
)

TINY_MP4 = (Path(__file__).resolve().parent / "media" / "film.mp4").read_bytes()
"""A real film of ten 64x48 frames (MPEG-4 in MP4, 2 KB), written by Qt Multimedia."""

EXHIBITION = textwrap.dedent(
    """\
    # yaml-language-server: $schema=schema/exhibition.schema.json
    schema_version: 1
    title: {en: Test Hall, zh: 测试馆}
    languages: [en, zh]
    default_language: en
    attract:
      idle_seconds: 60
      media: [{file: media/a.png, alt: {en: Ships in the harbour, zh: 港口里的船}}]
      message: {en: Touch to explore, zh: 触摸探索}
    """
)

FLOOR = textwrap.dedent(
    """\
    # yaml-language-server: $schema=../schema/floor.schema.json
    id: ground
    number: 1
    title: {en: Ground floor, zh: 一楼}
    color: "#2b4c7e"
    sections:
      - id: harbour
        title: {en: Harbour, zh: 港口}
        exhibits:
          - id: harbour-text
            type: article
            title: {en: The harbour, zh: 港口}
            body: {en: Ships come and go., zh: 船来船往。}
          - id: harbour-map
            type: map
            title: {en: Map, zh: 地图}
            image: media/map.png
            alt: {en: A map of the harbour with one pier, zh: 有一座码头的港口地图}
            hotspots: [{x: 0.5, y: 0.5, label: {en: Pier, zh: 码头}, exhibit: harbour-text}]
          - id: harbour-film
            type: video
            title: {en: Film, zh: 影片}
            video: media/film.mp4
            captions: {en: media/film.en.vtt}
    """
)

ATTRACT_MEDIA = "media: [{file: media/a.png, alt: {en: Ships in the harbour, zh: 港口里的船}}]"
"""The attract loop of the factory's exhibition: one picture and what it shows."""

MEDIA = ["media/a.png", "media/map.png", "media/film.mp4"]


def make_content(root: Path, *, floor: str = FLOOR, exhibition: str = EXHIBITION) -> Path:
    """Write a valid two-language exhibition with one floor into `root` and return it."""
    (root / "floors").mkdir(parents=True, exist_ok=True)
    (root / "media").mkdir(exist_ok=True)
    (root / "exhibition.yaml").write_text(exhibition, encoding="utf-8")
    (root / "floors" / "1-ground.yaml").write_text(floor, encoding="utf-8")
    for name in MEDIA:
        (root / name).write_bytes(TINY_PNG if name.endswith(".png") else TINY_MP4)
    (root / "media" / "film.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")
    return root


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of `text` that contains `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")
