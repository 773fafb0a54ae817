"""Helpers for the visitor-interface tests and benches: a small exhibition, and item-tree walks
(`walk`, `handlers_of`: the accessibility audit's own, from `kiosk.render.scene`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.ops.qml_types import register_qml_types
from kiosk.render.scene import handlers_of as handlers_of
from kiosk.render.scene import walk as walk

# Register the QML types while the tests are collected: QtMultimedia announces at import
# which optional audio back ends this machine lacks, which is not a problem of any test.
register_qml_types()

EXHIBITION_YAML = """\
schema_version: 1
title: {en: Harbour City Exhibition, zh: 港城规划展}
subtitle: {en: A small test exhibition, zh: 一个小小的测试展览}
languages: [en, zh]
default_language: en
attract:
  slide_seconds: 4
  media: [media/attract-1.png, media/attract-2.jpg]
"""

FLOOR_ONE = """\
id: port
number: 1
title: {en: The Port, zh: 港口}
summary: {en: Where the city began., zh: 城市从这里开始。}
color: "#9a4a2e"
cover: media/port.png
sections:
  - id: old-harbour
    title: {en: The Old Harbour, zh: 老港湾}
    summary: {en: "Ships, cranes and the first streets.", zh: 船舶、吊车和最早的街道。}
    cover: media/harbour.jpg
    exhibits:
      - id: harbour-story
        type: article
        title: {en: A Sheltered Bay, zh: 避风的海湾}
        summary: {en: Why the city grew here., zh: 城市为什么在这里生长。}
        cover: media/harbour.jpg
        body: {en: "The bay is deep and calm.\\n\\nShips came first.", zh: 海湾水深浪静。}
      - id: harbour-plan
        type: image
        title: {en: The Harbour Plan, zh: 港口规划图}
        image: media/plan.png
        caption: {en: The plan of 1905., zh: 1905年的规划图。}
      - id: harbour-voice
        type: quote
        title: {en: A Dock Worker, zh: 一位码头工人}
        text: {en: We built this harbour by hand., zh: 这个港口是我们亲手建起来的。}
        author: {en: Wang Li, zh: 王力}
  - id: new-port
    title: {en: The New Port, zh: 新港}
    summary: {en: Containers and a deep-water berth., zh: 集装箱和深水泊位。}
    exhibits:
      - id: port-figures
        type: stats
        title: {en: The Port in Numbers, zh: 数字里的港口}
        items:
          - {value: 450, label: {en: million tonnes a year, zh: 亿吨每年}}
          - {value: 12, label: {en: container berths, zh: 个集装箱泊位}}
"""

FLOOR_TWO = """\
id: green
number: 2
title: {en: A Greener City, zh: 更绿色的城市}
summary: {en: "Parks, coast and clean air.", zh: 公园、海岸和清新的空气。}
color: "#2e7d5b"
cover: media/green.png
sections:
  - id: coast
    title: {en: The Coast, zh: 海岸}
    summary: {en: A coastal path of forty kilometres., zh: 四十公里的滨海步道。}
    cover: media/green.png
    exhibits:
      - id: coast-map
        type: map
        title: {en: The Coastal Path, zh: 滨海步道}
        image: media/plan.png
        hotspots:
          - {x: 0.3, y: 0.4, label: {en: The old harbour, zh: 老港湾}, exhibit: harbour-story}
          - {x: 0.7, y: 0.6, label: {en: Port figures, zh: 港口数据}, exhibit: port-figures}
      - id: coast-then-now
        type: before_after
        title: {en: "The Beach, Then and Now", zh: 海滩今昔}
        before: {image: media/port.png, label: {en: "1990", zh: "1990年"}}
        after: {image: media/green.png, label: {en: Today, zh: 今天}}
"""

PICTURES = {
    "attract-1.png": ("#36546b", "#d9a441"),
    "attract-2.jpg": ("#27423a", "#8fc1a9"),
    "port.png": ("#5a3426", "#d08a5a"),
    "harbour.jpg": ("#223548", "#7fa7c9"),
    "green.png": ("#1f4a38", "#9ed3b0"),
    "plan.png": ("#e9e2d0", "#7a6f5a"),
}


def draw_picture(path: Path, base: str, detail: str, size: tuple[int, int] = (960, 640)) -> None:
    """A simple landscape picture (sky, sun, hills), different for each pair of colours."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(base))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor(detail))
    painter.drawEllipse(size[0] * 2 // 3, size[1] // 6, size[1] // 4, size[1] // 4)
    painter.setBrush(QColor(base).darker(140))
    painter.drawEllipse(-size[0] // 4, size[1] * 3 // 5, size[0], size[1])
    painter.setBrush(QColor(base).darker(180))
    painter.drawEllipse(size[0] // 3, size[1] * 2 // 3, size[0], size[1])
    painter.end()
    image.save(str(path), quality=85)


def write_sample_exhibition(root: Path) -> Path:
    """Write a small, valid two-floor exhibition with pictures into `root`; returns `root`."""
    (root / "floors").mkdir(parents=True, exist_ok=True)
    (root / "media").mkdir(exist_ok=True)
    (root / "exhibition.yaml").write_text(dedent(EXHIBITION_YAML), encoding="utf-8")
    (root / "floors" / "1-port.yaml").write_text(FLOOR_ONE, encoding="utf-8")
    (root / "floors" / "2-green.yaml").write_text(FLOOR_TWO, encoding="utf-8")
    for name, (base, detail) in PICTURES.items():
        draw_picture(root / "media" / name, base, detail)
    return root


def load_sample(root: Path):  # type: ignore[no-untyped-def]
    """The sample exhibition, loaded and checked; fails loudly if it has errors."""
    from kiosk.content.load import load_exhibition

    result = load_exhibition(write_sample_exhibition(root))
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    return result.exhibition


def class_name(obj: QObject) -> str:
    return obj.metaObject().className()


def every_place(exhibition: Any) -> Iterator[tuple[str, str]]:
    """Every screen of an exhibition as a Navigator move (slot name, id), in visiting order."""
    yield "resetToAttract", ""
    yield "home", ""
    for floor in exhibition.floors:
        yield "openFloor", floor.id
        for section in floor.sections:
            yield "openSection", section.id
            for exhibit in section.exhibits:
                yield "openExhibit", exhibit.id


def go(kiosk: Any, move: tuple[str, str]) -> None:
    """Make one move from `every_place` on a KioskWindow's Navigator."""
    method, argument = move
    slot = getattr(kiosk.navigator, method)
    slot(argument) if argument else slot()


def navigator_on(exhibition: Any, root: Path) -> Any:
    """A Navigator with its own Theme, showing the exhibition (no window)."""
    from kiosk.app.navigator import Navigator
    from kiosk.app.theme import Theme

    navigator = Navigator()
    navigator.bind_theme(Theme())
    navigator.load(exhibition, root)
    return navigator


def place_of(nav: Any) -> tuple[str, str, str, str]:
    """Where a Navigator is: screen, floor, section, exhibit."""
    current = nav.property("place")
    return current["screen"], current["floor"], current["section"], current["exhibit"]
