"""The city master plan: a large, detailed map that rewards zooming in.

Districts are coloured by land use, streets form blocks, avenues radiate from round squares,
green belts follow the hills, metro lines link named stations, and every district, park and
station carries a bilingual name, small enough that visitors discover them as they zoom.
"""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from .maps import coastline, compass, draw_land, graticule, sea_name
from .paint import CORAL, INK, MOSS, OCHRE, PAPER, SAGE, SEA, STEEL, alpha, disc, label, mix, text

USES = {
    "residential": QColor("#efdcb8"),
    "commercial": QColor("#eeb49c"),
    "industry": QColor("#cfc7d6"),
    "port": QColor("#c3ccd3"),
    "science": QColor("#bfd9e6"),
    "green": QColor("#b9d6b0"),
}

# (x, y, land use, English name, Chinese name), positions as fractions of the map
DISTRICTS = [
    (0.52, 0.555, "commercial", "Zhongshan", "中山区"),
    (0.40, 0.50, "residential", "Xigang", "西岗区"),
    (0.33, 0.42, "residential", "Shahekou", "沙河口区"),
    (0.38, 0.30, "industry", "Ganjingzi", "甘井子区"),
    (0.58, 0.38, "port", "Dalian Port", "大连港"),
    (0.22, 0.56, "science", "High-tech Zone", "高新园区"),
    (0.12, 0.70, "residential", "Lüshunkou", "旅顺口区"),
    (0.62, 0.16, "industry", "Jinzhou", "金州区"),
    (0.30, 0.62, "commercial", "Xinghai Bay", "星海湾"),
    (0.78, 0.12, "port", "Dayaowan Port", "大窑湾港"),
    (0.18, 0.30, "residential", "Dalian West", "大连西"),
]

SQUARES = [
    (0.47, 0.5, "Zhongshan Square", "中山广场"),
    (0.40, 0.55, "People's Square", "人民广场"),
    (0.30, 0.57, "Xinghai Square", "星海广场"),
    (0.54, 0.46, "Friendship Square", "友好广场"),
]

METRO = [
    (CORAL, [(0.12, 0.68), (0.22, 0.58), (0.3, 0.57), (0.4, 0.55), (0.47, 0.5), (0.54, 0.46), (0.58, 0.4)]),
    (SEA, [(0.47, 0.5), (0.42, 0.44), (0.38, 0.36), (0.4, 0.26), (0.5, 0.2), (0.62, 0.16), (0.76, 0.12)]),
    (QColor("#7a9a3c"), [(0.18, 0.3), (0.28, 0.36), (0.38, 0.36), (0.48, 0.36), (0.55, 0.3)]),
]

STATIONS_EN = [
    "Harbour",
    "Park",
    "Hill",
    "Market",
    "Museum",
    "Bridge",
    "Garden",
    "College",
    "Station",
    "Plaza",
    "Bay",
    "Lake",
    "Library",
    "Stadium",
    "Pier",
    "Forest",
]
STATIONS_ZH = [
    "海港",
    "公园",
    "山坡",
    "市场",
    "博物馆",
    "大桥",
    "花园",
    "学院",
    "车站",
    "广场",
    "海湾",
    "湖畔",
    "图书馆",
    "体育场",
    "码头",
    "森林",
]

LAND = [
    (0.0, 0.0),
    (1.0, 0.0),
    (1.0, 0.08),
    (0.86, 0.16),
    (0.74, 0.22),
    (0.68, 0.3),
    (0.64, 0.4),
    (0.6, 0.48),
    (0.56, 0.56),
    (0.48, 0.6),
    (0.4, 0.64),
    (0.32, 0.68),
    (0.26, 0.66),
    (0.2, 0.74),
    (0.14, 0.82),
    (0.06, 0.84),
    (0.0, 0.8),
]


def _use_at(x: float, y: float) -> str:
    best = min(DISTRICTS, key=lambda d: (d[0] - x) ** 2 + (d[1] - y) ** 2)
    return best[2]


def master_plan(p: QPainter, w: float, h: float) -> None:
    p.fillRect(QRectF(0, 0, w, h), QColor("#a7cdd6"))
    graticule(p, w, h, w / 16)
    land = coastline([(x * w, y * h) for x, y in LAND], 901, 0.08, levels=6)
    draw_land(p, land, QColor("#efe8d4"), alpha(INK, 0.5), depth=6, step=w * 0.006)
    island = coastline(
        [(0.7 * w, 0.6 * h), (0.78 * w, 0.58 * h), (0.8 * w, 0.64 * h), (0.72 * w, 0.66 * h)], 902, 0.1
    )
    draw_land(p, island, QColor("#e3e6cf"), alpha(INK, 0.5), depth=4, step=w * 0.005)
    p.save()
    p.setClipPath(land)
    rng = random.Random(903)
    cell = w / 64
    street = cell * 0.16
    p.setPen(Qt.PenStyle.NoPen)
    for row in range(64):
        for col in range(64):
            x, y = col * cell, row * cell
            u, v = (x + cell / 2) / w, (y + cell / 2) / h
            if not land.contains(QPointF(x + cell / 2, y + cell / 2)):
                continue
            use = _use_at(u + rng.uniform(-0.02, 0.02), v + rng.uniform(-0.02, 0.02))
            colour = USES[use]
            p.setBrush(mix(colour, QColor("white"), rng.uniform(0.0, 0.15)))
            block = QRectF(x + street / 2, y + street / 2, cell - street, cell - street)
            p.drawRect(block)
            if use in ("residential", "commercial") and rng.random() < 0.7:
                # building footprints inside the block
                p.setBrush(alpha(mix(colour, INK, 0.35), 0.5))
                for _ in range(rng.randint(2, 5)):
                    bw, bh = rng.uniform(0.15, 0.35) * cell, rng.uniform(0.15, 0.35) * cell
                    p.drawRect(
                        QRectF(
                            block.left() + rng.uniform(0, block.width() - bw),
                            block.top() + rng.uniform(0, block.height() - bh),
                            bw,
                            bh,
                        )
                    )
            elif use in ("industry", "port"):
                p.setBrush(alpha(STEEL, 0.35))
                p.drawRect(block.adjusted(cell * 0.12, cell * 0.2, -cell * 0.12, -cell * 0.45))
    # green belts along the hills and parks
    belt_pen = QPen(alpha(MOSS, 0.75), w * 0.022)
    belt_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    for pts in (
        [(0.05, 0.45), (0.2, 0.46), (0.3, 0.5), (0.36, 0.6)],
        [(0.3, 0.1), (0.34, 0.2), (0.48, 0.26), (0.6, 0.26)],
        [(0.06, 0.2), (0.14, 0.4), (0.1, 0.6)],
    ):
        path = QPainterPath(QPointF(pts[0][0] * w, pts[0][1] * h))
        for (ax, ay), (bx, by) in zip(pts[1:], [*pts[2:], pts[-1]], strict=False):
            path.quadTo(ax * w, ay * h, (ax + bx) / 2 * w, (ay + by) / 2 * h)
        p.setPen(belt_pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        for k in range(60):
            pt = path.pointAtPercent(k / 59)
            disc(
                p,
                pt.x() + rng.uniform(-40, 40),
                pt.y() + rng.uniform(-40, 40),
                rng.uniform(6, 12),
                mix(MOSS, INK, 0.25),
            )
    # a river
    river = QPainterPath(QPointF(0.3 * w, 0.0))
    river.cubicTo(0.26 * w, 0.2 * h, 0.36 * w, 0.4 * h, 0.27 * w, 0.66 * h)
    p.setPen(QPen(QColor("#8fc0cf"), w * 0.006))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(river)
    # arterial roads: a ring road, a coastal expressway and avenues from the round squares
    casing, road = QPen(QColor("#c9a15a"), w * 0.0075), QPen(QColor("#fff7e6"), w * 0.0045)
    arteries = []
    ring = QPainterPath()
    ring.addEllipse(QPointF(0.42 * w, 0.46 * h), 0.18 * w, 0.13 * h)
    arteries.append(ring)
    coast_road = coastline(
        [(x * w, (y - 0.04) * h) for x, y in LAND[3:14]], 904, 0.03, levels=3, closed=False
    )
    arteries.append(coast_road)
    for sx, sy, _, _ in SQUARES:
        for k in range(8):
            ang = k * math.pi / 4 + sx
            path = QPainterPath(QPointF(sx * w, sy * h))
            path.lineTo(sx * w + math.cos(ang) * w * 0.09, sy * h + math.sin(ang) * w * 0.09)
            arteries.append(path)
    highway = QPainterPath(QPointF(0.1 * w, 0.7 * h))
    highway.cubicTo(0.3 * w, 0.3 * h, 0.5 * w, 0.3 * h, 0.95 * w, 0.0)
    arteries.append(highway)
    for pen in (casing, road):
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        for a in arteries:
            p.drawPath(a)
    for sx, sy, _, _ in SQUARES:
        disc(p, sx * w, sy * h, w * 0.017, QColor("#fff7e6"))
        disc(p, sx * w, sy * h, w * 0.012, SAGE)
        disc(p, sx * w, sy * h, w * 0.003, SEA)
    p.restore()
    # port piers out into the water
    p.setPen(QPen(alpha(INK, 0.5), 2))
    p.setBrush(USES["port"])
    for k in range(6):
        p.drawRect(QRectF((0.6 + k * 0.018) * w, (0.36 + k * 0.01) * h, w * 0.011, h * 0.07))
    for k in range(5):
        p.drawRect(QRectF((0.76 + k * 0.022) * w, (0.17 - k * 0.008) * h, w * 0.013, h * 0.08))
    # metro lines with stations
    n = 0
    named: set[tuple[float, float]] = set()
    for colour, pts in METRO:
        line = QPainterPath(QPointF(pts[0][0] * w, pts[0][1] * h))
        for x, y in pts[1:]:
            line.lineTo(x * w, y * h)
        p.setPen(QPen(PAPER, w * 0.0055))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(line)
        p.setPen(QPen(colour, w * 0.0035))
        p.drawPath(line)
        for x, y in pts:
            disc(p, x * w, y * h, w * 0.0042, INK)
            disc(p, x * w, y * h, w * 0.0028, PAPER)
            if (x, y) in named:
                continue
            named.add((x, y))
            i = n % len(STATIONS_EN)
            text(
                p,
                x * w + 22,
                y * h + 6,
                STATIONS_EN[i],
                INK,
                22,
                align=Qt.AlignmentFlag.AlignLeft,
                weight=QFont.Weight.DemiBold,
            )
            text(p, x * w + 22, y * h + 38, STATIONS_ZH[i], INK, 21, True, align=Qt.AlignmentFlag.AlignLeft)
            n += 1
    _places_of_interest(p, w, h, land)
    for sx, sy, en, zh in SQUARES:
        text(p, sx * w, sy * h - w * 0.034, en, INK, 22, weight=QFont.Weight.DemiBold)
        text(p, sx * w, sy * h - w * 0.027, zh, INK, 21, True)
    for x, y, _, en, zh in DISTRICTS:
        for dx, dy in ((-3, 0), (3, 0), (0, -3), (0, 3)):
            text(p, x * w + dx, y * h + dy - 60, en.upper(), alpha(PAPER, 0.9), 46, weight=QFont.Weight.Bold)
            text(p, x * w + dx, y * h + dy + 12, zh, alpha(PAPER, 0.9), 40, True)
        text(p, x * w, y * h - 60, en.upper(), alpha(INK, 0.82), 46, weight=QFont.Weight.Bold)
        text(p, x * w, y * h + 12, zh, alpha(INK, 0.82), 40, True)
    sea_name(p, 0.62 * w, 0.78 * h, "Yellow Sea", "黄海", 110)
    sea_name(p, 0.86 * w, 0.42 * h, "Dalian Bay", "大连湾", 60)
    _legend(p, w, h)
    compass(p, w - 220, 300, 80)
    p.fillRect(QRectF(120, 120, 1500, 320), alpha(PAPER, 0.92))
    label(p, 200, 220, "Dalian master plan", "大连城市总体规划", INK, 72)


PLACES = [
    ("S", "School", "学校", QColor("#5a7fa8")),
    ("H", "Hospital", "医院", CORAL),
    ("L", "Library", "图书馆", QColor("#8d6a9f")),
    ("P", "Park", "公园", MOSS),
    ("M", "Market", "市场", QColor("#c98a3a")),
    ("A", "Museum", "博物馆", QColor("#8a5a44")),
    ("T", "Sports ground", "体育场", QColor("#3f8d8a")),
]


def _places_of_interest(p: QPainter, w: float, h: float, land: QPainterPath) -> None:
    """Small pictogram pins with bilingual names, found only by zooming in."""
    rng = random.Random(905)
    placed = 0
    while placed < 44:
        x, y = rng.uniform(0.05, 0.9) * w, rng.uniform(0.08, 0.8) * h
        if not land.contains(QPointF(x, y)):
            continue
        if any(abs(x - dx * w) < 260 and abs(y - dy * h) < 160 for dx, dy, *_ in DISTRICTS):
            continue
        letter, en, zh, colour = PLACES[placed % len(PLACES)]
        disc(p, x, y, 17, PAPER)
        disc(p, x, y, 14, colour)
        text(p, x, y - 12, letter, PAPER, 18, weight=QFont.Weight.Bold)
        text(p, x + 22, y - 24, en, INK, 18, align=Qt.AlignmentFlag.AlignLeft)
        text(p, x + 22, y + 2, zh, INK, 17, True, align=Qt.AlignmentFlag.AlignLeft)
        placed += 1


def _legend(p: QPainter, w: float, h: float) -> None:
    box = QRectF(w - 1000, h - 900, 860, 760)
    p.fillRect(box, alpha(PAPER, 0.94))
    p.setPen(QPen(alpha(INK, 0.5), 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(box)
    entries = [
        ("Residential", "居住", USES["residential"]),
        ("Commercial", "商业", USES["commercial"]),
        ("Industry", "工业", USES["industry"]),
        ("Port", "港口", USES["port"]),
        ("Science and education", "科教", USES["science"]),
        ("Green belt", "绿带", MOSS),
        ("Metro", "地铁", CORAL),
        ("Main road", "主干道", OCHRE),
    ]
    text(
        p,
        box.left() + 60,
        box.top() + 40,
        "LEGEND  图例",
        INK,
        44,
        True,
        align=Qt.AlignmentFlag.AlignLeft,
        weight=QFont.Weight.Bold,
    )
    for i, (en, zh, colour) in enumerate(entries):
        y = box.top() + 140 + i * 72
        p.setPen(QPen(alpha(INK, 0.4), 2))
        p.setBrush(colour)
        p.drawRect(QRectF(box.left() + 60, y, 90, 48))
        text(p, box.left() + 190, y + 2, f"{en}  {zh}", INK, 34, True, align=Qt.AlignmentFlag.AlignLeft)
    # scale bar
    p.setPen(Qt.PenStyle.NoPen)
    for k in range(5):
        p.setBrush(INK if k % 2 == 0 else PAPER)
        p.drawRect(QRectF(160 + k * 200, h - 200, 200, 24))
    text(
        p,
        160,
        h - 270,
        "0          2          4          6          8          10 km",
        INK,
        34,
        align=Qt.AlignmentFlag.AlignLeft,
    )
