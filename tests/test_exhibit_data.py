"""Exhibits become plain data for their views: texts in the visitor's language, media as URLs.

`make_sample_exhibits` builds one exhibit of every type with real media files in a folder;
the view tests use it too.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import QPointF, QRectF, QUrl
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPolygonF

from kiosk.app.exhibit_data import (
    VIEWS,
    exhibit_to_qml,
    format_number,
    labels_for,
    nice_axis,
    paragraphs,
)
from kiosk.content.media import MediaContext
from kiosk.content.model import EXHIBIT_TYPES, Exhibit
from kiosk.words import words
from tests.model_files import write_crane

EN_VTT = """WEBVTT

00:00.000 --> 00:01.500
The harbour at dawn.

00:01.500 --> 00:04.000
Ships come and go all day.
"""
ZH_VTT = """WEBVTT

00:00.000 --> 00:02.000
清晨的港湾。
"""


def _scene(path: Path, width: int, height: int, hue: int, towers: int = 9) -> None:
    """A calm drawn harbour: sky, hills, a row of buildings and the sea."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(0, 0, 0, height * 0.6)
    sky.setColorAt(0, QColor.fromHsv(hue, 90, 235))
    sky.setColorAt(1, QColor.fromHsv((hue + 20) % 360, 40, 250))
    painter.fillRect(QRectF(0, 0, width, height), sky)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor.fromHsv((hue + 120) % 360, 70, 120))
    hills = QPolygonF([QPointF(0, height * 0.6)])
    for step in range(9):
        x = width * step / 8
        hills.append(QPointF(x, height * (0.42 + 0.08 * math.sin(step * 1.7 + hue))))
    hills.append(QPointF(width, height * 0.6))
    painter.drawPolygon(hills)
    for index in range(towers):
        tower_w = width / (towers * 1.6)
        tower_h = height * (0.08 + 0.05 * ((index * 7 + hue) % 5))
        x = width * 0.08 + index * tower_w * 1.35
        painter.setBrush(QColor.fromHsv((hue + 200) % 360, 30, 90 + 15 * (index % 3)))
        painter.drawRect(QRectF(x, height * 0.6 - tower_h, tower_w, tower_h))
    sea = QLinearGradient(0, height * 0.6, 0, height)
    sea.setColorAt(0, QColor.fromHsv(205, 140, 150))
    sea.setColorAt(1, QColor.fromHsv(215, 170, 70))
    painter.fillRect(QRectF(0, height * 0.6, width, height * 0.4), sea)
    painter.end()
    image.save(str(path))


def _tone(path: Path, seconds: float = 2.0, rate: int = 8000) -> None:
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        frames = (
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 330 * n / rate)))
            for n in range(int(seconds * rate))
        )
        sound.writeframes(b"".join(frames))


SAMPLES: list[dict[str, Any]] = [
    {
        "id": "harbour-story",
        "type": "article",
        "title": {"en": "Where Land Meets Sea", "zh": "陆地与海洋相遇的地方"},
        "summary": {"en": "Why a city grew on this spot.", "zh": "城市为什么会在这里生长？"},
        "body": {
            "en": "Dalian sits at the southern tip of the Liaodong Peninsula.\n"
            "The sea surrounds it on three sides.\n\n"
            "Ships shaped this city from the start. It grew as a place of port and trade, "
            "then of industry and tourism.\n\n"
            "Walk around this floor to follow its harbour, streets and factories through time.",
            "zh": "大连位于辽东半岛的最南端，三面环海。\n\n从一开始，船舶和港口就塑造着这座城市。",
        },
        "image": "media/harbour.png",
        "caption": {"en": "The bay in the early days.", "zh": "早年的海湾。"},
    },
    {
        "id": "early-harbour",
        "type": "image",
        "title": {"en": "The Early Harbour", "zh": "早期的港湾"},
        "image": "media/harbour.png",
        "caption": {"en": "A sketch of the harbour. Pinch to look closer.", "zh": "早年港湾的素描。"},
        "credit": "Drawing made for this exhibition",
    },
    {
        "id": "coastline",
        "type": "gallery",
        "title": {"en": "The Coastline", "zh": "海岸线"},
        "items": [
            {"image": "media/harbour.png", "caption": {"en": "The old harbour.", "zh": "老港湾。"}},
            {"image": "media/city.png", "caption": {"en": "The city today.", "zh": "今天的城市。"}},
            {"image": "media/coast.png"},
        ],
    },
    {
        "id": "port-film",
        "type": "video",
        "title": {"en": "The Port at Work", "zh": "繁忙的港口"},
        "video": "media/port.mp4",
        "poster": "media/city.png",
        "captions": {"en": "media/port.en.vtt", "zh": "media/port.zh.vtt"},
        "caption": {"en": "Drawn scenes of the port.", "zh": "港口的手绘画面。"},
    },
    {
        "id": "voices",
        "type": "audio",
        "title": {"en": "A Dock Worker Remembers", "zh": "码头工人的回忆"},
        "audio": {"en": "media/voice.en.wav", "zh": "media/voice.zh.wav"},
        "transcript": {
            "en": "I started at the docks when I was sixteen.\n\nThe cranes were smaller then.",
            "zh": "我十六岁开始在码头工作。\n\n那时候的吊车还很小。",
        },
        "image": "media/harbour.png",
    },
    {
        "id": "city-timeline",
        "type": "timeline",
        "title": {"en": "A City in Time", "zh": "城市年表"},
        "events": [
            {
                "year": 1899,
                "title": {"en": "A port is planned", "zh": "规划建港"},
                "text": {"en": "Work starts on a deep-water harbour.", "zh": "深水港开始建设。"},
                "image": "media/harbour.png",
            },
            {"year": 1950, "title": {"en": "Factories grow", "zh": "工厂兴起"}},
            {
                "year": 1984,
                "title": {"en": "Open to the world", "zh": "对外开放"},
                "text": {"en": "A development zone opens.", "zh": "开发区成立。"},
            },
            {"year": 2020, "title": {"en": "A green city", "zh": "绿色城市"}, "image": "media/coast.png"},
        ],
    },
    {
        "id": "at-a-glance",
        "type": "stats",
        "title": {"en": "Dalian at a Glance", "zh": "数说大连"},
        "items": [
            {"value": 12574, "unit": "km²", "label": {"en": "Total area", "zh": "总面积"}},
            {
                "value": 5721000,
                "unit": {"en": "people", "zh": "人"},
                "label": {"en": "Population", "zh": "人口"},
            },
            {"value": 41.5, "decimals": 1, "unit": "%", "label": {"en": "Green cover", "zh": "绿化覆盖率"}},
        ],
        "note": {"en": "Figures from city reports.", "zh": "数据来自城市报告。"},
    },
    {
        "id": "port-growth",
        "type": "chart",
        "kind": "bar",
        "title": {"en": "Port Cargo", "zh": "港口货运量"},
        "categories": ["1990", "2000", "2010", "2020"],
        "series": [
            {"name": {"en": "Cargo", "zh": "货物"}, "values": [64, 90, 314, 334]},
            {"name": {"en": "Containers", "zh": "集装箱"}, "values": [5, 10, 52, 51], "color": "#5fb3d9"},
        ],
        "unit": {"en": "million tonnes", "zh": "百万吨"},
        "source": "Port annual reports",
    },
    {
        "id": "bay-then-now",
        "type": "before_after",
        "title": {"en": "The Bay, Then and Now", "zh": "海湾今昔"},
        "before": {"image": "media/harbour.png", "label": "1930"},
        "after": {"image": "media/city.png", "label": {"en": "Today", "zh": "今天"}},
        "caption": {"en": "Drag the handle to compare.", "zh": "拖动手柄对比。"},
    },
    {
        "id": "city-map",
        "type": "map",
        "title": {"en": "Map of the City", "zh": "城市地图"},
        "image": "media/coast.png",
        "hotspots": [
            {"x": 0.3, "y": 0.4, "label": {"en": "Old harbour", "zh": "老港"}, "exhibit": "early-harbour"},
            {"x": 0.7, "y": 0.6, "label": {"en": "New city", "zh": "新城"}, "exhibit": "coastline"},
        ],
    },
    {
        "id": "planner-words",
        "type": "quote",
        "title": {"en": "A Planner's View", "zh": "规划师说"},
        "text": {
            "en": "A city is a garden we plant for our grandchildren.",
            "zh": "城市是我们为子孙种下的花园。",
        },
        "author": {"en": "A city planner", "zh": "一位城市规划师"},
        "role": {"en": "Urban planning bureau", "zh": "城市规划局"},
        "image": "media/city.png",
    },
    {
        "id": "next-project",
        "type": "poll",
        "title": {"en": "Have Your Say", "zh": "说说你的想法"},
        "intro": {"en": "The city keeps building for people.", "zh": "城市一直在为人而建。"},
        "question": {"en": "What should the city build next?", "zh": "城市下一步该建什么？"},
        "answers": [
            {"id": "parks", "text": {"en": "Pocket parks", "zh": "口袋公园"}, "image": "media/city.png"},
            {"id": "walks", "text": {"en": "Waterfront walks", "zh": "滨海步道"}},
            {"id": "cycling", "text": {"en": "Cycle paths", "zh": "自行车道"}},
        ],
    },
    {
        "id": "quay-crane",
        "type": "model",
        "title": {"en": "A Quay Crane", "zh": "岸边起重机"},
        "file": "media/crane.glb",
        "picture": "media/harbour.png",
        "text": {"en": "It moves boxes between ships and land.", "zh": "它在船与陆地之间搬运箱子。"},
        "caption": {"en": "A simple model.", "zh": "简易模型。"},
    },
]


def make_sample_media(root: Path, video: Path | None = None) -> None:
    """Pictures, sounds and caption files for SAMPLES; the film is copied if one is given."""
    media = root / "media"
    media.mkdir(parents=True, exist_ok=True)
    _scene(media / "harbour.png", 1600, 1000, 30)
    _scene(media / "city.png", 1600, 1000, 200, towers=12)
    _scene(media / "coast.png", 1400, 1000, 160, towers=5)
    write_crane(media / "crane.glb")
    _tone(media / "voice.en.wav")
    _tone(media / "voice.zh.wav")
    (media / "port.en.vtt").write_text(EN_VTT, encoding="utf-8")
    (media / "port.zh.vtt").write_text(ZH_VTT, encoding="utf-8")
    target = media / "port.mp4"
    if video is not None:
        target.write_bytes(video.read_bytes())
    elif not target.exists():
        target.write_bytes(b"\0" * 64)  # a stand-in: exhibit data never opens the film


def make_sample_exhibits(root: Path, video: Path | None = None) -> dict[str, Any]:
    """One validated exhibit of every type, by id, with its media files under `root`."""
    make_sample_media(root, video)
    adapter: TypeAdapter[Any] = TypeAdapter(Exhibit)
    context = {"media": MediaContext(root)}
    exhibits = [adapter.validate_python(sample, context=context) for sample in SAMPLES]
    return {exhibit.id: exhibit for exhibit in exhibits}


@pytest.fixture
def sample(tmp_path: Path) -> dict[str, Any]:
    return make_sample_exhibits(tmp_path)


def test_every_exhibit_type_converts(sample: dict[str, Any], tmp_path: Path) -> None:
    assert {exhibit.type for exhibit in sample.values()} == set(EXHIBIT_TYPES)
    for exhibit in sample.values():
        data = exhibit_to_qml(exhibit, "en", "en", tmp_path)
        assert data["id"] == exhibit.id
        assert data["view"] == VIEWS[exhibit.type]
        assert data["title"]
        assert data["labels"]["before"] == "Before"


def test_texts_follow_the_language(sample: dict[str, Any], tmp_path: Path) -> None:
    article = exhibit_to_qml(sample["harbour-story"], "zh", "en", tmp_path)
    assert article["title"] == "陆地与海洋相遇的地方"
    assert article["labels"]["transcript"] == "文字稿"
    image = exhibit_to_qml(sample["early-harbour"], "zh", "en", tmp_path)
    assert image["credit"] == "Drawing made for this exhibition"  # one text for every language


def test_missing_translation_falls_back(sample: dict[str, Any], tmp_path: Path) -> None:
    data = exhibit_to_qml(sample["harbour-story"], "sw", "en", tmp_path)
    assert data["title"] == "Where Land Meets Sea"
    assert data["labels"] == words("en").table()
    assert labels_for("fr")["next"] == "Suivant"
    assert labels_for("zh-Hans")["next"] == "下一张"


def test_article_body_becomes_paragraphs(sample: dict[str, Any], tmp_path: Path) -> None:
    data = exhibit_to_qml(sample["harbour-story"], "en", "en", tmp_path)
    assert len(data["paragraphs"]) == 3
    assert data["paragraphs"][0].endswith("on three sides.")
    assert "\n" not in data["paragraphs"][0]
    assert paragraphs("one\n \n\n two \n\n") == ["one", "two"]


def test_pictures_and_media_use_file_urls(sample: dict[str, Any], tmp_path: Path) -> None:
    image = exhibit_to_qml(sample["early-harbour"], "en", "en", tmp_path)
    assert QUrl(image["image"]).toLocalFile() == str(tmp_path / "media/harbour.png")
    video = exhibit_to_qml(sample["port-film"], "en", "en", tmp_path)
    assert QUrl(video["video"]).toLocalFile() == str(tmp_path / "media/port.mp4")
    assert QUrl(video["poster"]).toLocalFile() == str(tmp_path / "media/city.png")
    audio = exhibit_to_qml(sample["voices"], "zh", "en", tmp_path)
    assert audio["audio"].endswith("voice.zh.wav")
    # the last two characters of each Chinese paragraph are joined (U+2060) so neither ends a line alone
    assert audio["transcript"] == ["我十六岁开始在码头工\u2060作。", "那时候的吊车还很\u2060小。"]


def test_video_cues_follow_language_then_fallback(sample: dict[str, Any], tmp_path: Path) -> None:
    english = exhibit_to_qml(sample["port-film"], "en", "en", tmp_path)
    assert english["cues"] == [
        {"start": 0, "end": 1500, "text": "The harbour at dawn."},
        {"start": 1500, "end": 4000, "text": "Ships come and go all day."},
    ]
    assert english["hasCaptions"] is True
    chinese = exhibit_to_qml(sample["port-film"], "zh", "en", tmp_path)
    assert chinese["cues"][0]["text"] == "清晨的港湾。"
    french = exhibit_to_qml(sample["port-film"], "fr", "en", tmp_path)
    assert french["cues"] == english["cues"]
    none = exhibit_to_qml(sample["port-film"], "fr", "de", tmp_path)
    assert none["cues"] == [] and none["hasCaptions"] is False


def test_audio_falls_back_to_another_language(sample: dict[str, Any], tmp_path: Path) -> None:
    data = exhibit_to_qml(sample["voices"], "fr", "de", tmp_path)
    assert data["audio"].endswith("voice.en.wav")


def test_stats_are_formatted(sample: dict[str, Any], tmp_path: Path) -> None:
    data = exhibit_to_qml(sample["at-a-glance"], "zh", "en", tmp_path)
    first, second, third = data["items"]
    assert first["formatted"] == "12,574" and first["value"] == 12574 and first["unit"] == "km²"
    assert second["unit"] == "人"
    assert third["formatted"] == "41.5" and third["decimals"] == 1
    assert data["note"] == "数据来自城市报\u2060告。"


def test_chart_has_axis_and_colours(sample: dict[str, Any], tmp_path: Path) -> None:
    data = exhibit_to_qml(sample["port-growth"], "en", "en", tmp_path)
    assert data["min"] == 5 and data["max"] == 334
    assert data["axisMin"] == 0 and data["axisMax"] >= 334
    assert data["ticks"][0] == 0 and data["ticks"][-1] == data["axisMax"]
    assert [series["color"] for series in data["series"]] == ["#e0a43a", "#5fb3d9"]
    assert data["series"][0]["valueTexts"][2] == "314"
    assert data["unit"] == "million tonnes" and data["source"] == "Port annual reports"


@pytest.mark.parametrize(
    ("low", "high"), [(3, 97), (-12, 40), (0.2, 0.9), (5, 5), (1200, 5600), (-3, -1), (0, 1e9)]
)
def test_nice_axis_covers_the_data(low: float, high: float) -> None:
    axis_min, axis_max, ticks = nice_axis(low, high)
    assert axis_min <= min(low, 0) and axis_max >= max(high, 0)
    assert 2 <= len(ticks) <= 7
    assert 0 in ticks


def test_before_after_and_map(sample: dict[str, Any], tmp_path: Path) -> None:
    compare = exhibit_to_qml(sample["bay-then-now"], "zh", "en", tmp_path)
    assert compare["before"]["label"] == "1930"
    assert QUrl(compare["before"]["image"]).toLocalFile() == str(tmp_path / "media/harbour.png")
    assert compare["after"]["label"] == "今天"
    assert compare["labels"]["before"] == "之前"
    city_map = exhibit_to_qml(sample["city-map"], "en", "en", tmp_path)
    assert city_map["hotspots"][0] == {"x": 0.3, "y": 0.4, "label": "Old harbour", "exhibit": "early-harbour"}


def test_timeline_and_quote(sample: dict[str, Any], tmp_path: Path) -> None:
    timeline = exhibit_to_qml(sample["city-timeline"], "en", "en", tmp_path)
    assert [event["year"] for event in timeline["events"]] == [1899, 1950, 1984, 2020]
    assert timeline["events"][1]["image"] == "" and timeline["events"][1]["text"] == ""
    quote = exhibit_to_qml(sample["planner-words"], "zh", "en", tmp_path)
    assert quote["author"] == "一位城市规划师" and quote["image"].startswith("file://")


def test_numbers_are_grouped() -> None:
    assert format_number(5721000, 0) == "5,721,000"
    assert format_number(3.14159, 2) == "3.14"
