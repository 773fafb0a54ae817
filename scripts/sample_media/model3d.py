"""The sample 3D model: a ship-to-shore gantry crane on its quay, written as a GLB file from code.

The crane is built from boxes (legs, portal beams, the boom, the A-frame and its stays, the
machinery house, the trolley and its spreader) with flat faces, grouped by paint into one mesh
with a primitive per material. The glTF description and its binary buffer (positions, normals,
indices) are packed with `struct`, so nothing is downloaded or installed. Its still picture, for
screens that cannot draw in 3D, is the same triangles drawn with QPainter from the same angle
the 3D view starts at (far faces first), lit by the same kind of light.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from .paint import PAPER, SAND, label, render, save_png, vertical_gradient

MODEL = "media/achievements/gantry-crane.glb"
STILL = "media/achievements/gantry-crane.png"
STILL_SIZE = (1600, 1000)

Vec = tuple[float, float, float]
Triangle = tuple[Vec, Vec, Vec]

MATERIALS: dict[str, tuple[float, float, float]] = {
    "crane": (0.85, 0.33, 0.22),  # the red-orange paint of the port's cranes
    "house": (0.92, 0.91, 0.87),
    "quay": (0.55, 0.57, 0.58),
    "container-blue": (0.20, 0.42, 0.62),
    "container-ochre": (0.88, 0.70, 0.38),
    "steel": (0.25, 0.28, 0.31),
}


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _unit(a: Vec) -> Vec:
    length = math.sqrt(_dot(a, a)) or 1.0
    return (a[0] / length, a[1] / length, a[2] / length)


def _box(centre: Vec, axes: tuple[Vec, Vec, Vec], half: Vec) -> list[Triangle]:
    """Twelve outward-facing triangles of a box with these (unit) axes and half sizes."""
    triangles: list[Triangle] = []
    for k in range(3):
        i, j = (k + 1) % 3, (k + 2) % 3
        for sign in (1.0, -1.0):
            face = _add(centre, axes[k], sign * half[k])
            corners = [_add(_add(face, axes[i], si * half[i]), axes[j], sj * half[j])
                       for si, sj in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
            outward = _add((0.0, 0.0, 0.0), axes[k], sign)
            if _dot(_cross(_sub(corners[1], corners[0]), _sub(corners[2], corners[0])), outward) < 0:
                corners.reverse()
            triangles += [(corners[0], corners[1], corners[2]), (corners[0], corners[2], corners[3])]
    return triangles


def block(low: Vec, high: Vec) -> list[Triangle]:
    """An upright box between two opposite corners."""
    centre = ((low[0] + high[0]) / 2, (low[1] + high[1]) / 2, (low[2] + high[2]) / 2)
    half = ((high[0] - low[0]) / 2, (high[1] - low[1]) / 2, (high[2] - low[2]) / 2)
    return _box(centre, ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)), half)


def beam(start: Vec, end: Vec, thickness: float) -> list[Triangle]:
    """A square beam from one point to another."""
    along = _sub(end, start)
    length = math.sqrt(_dot(along, along))
    u = _unit(along)
    helper = (0.0, 0.0, 1.0) if abs(u[2]) < 0.9 else (1.0, 0.0, 0.0)
    v = _unit(_cross(u, helper))
    w = _cross(u, v)
    centre = _add(start, along, 0.5)
    return _box(centre, (u, v, w), (length / 2, thickness / 2, thickness / 2))


def crane_parts() -> dict[str, list[Triangle]]:
    """The crane and its quay, in metres, y up; the boom reaches out over the water along +x."""
    parts: dict[str, list[Triangle]] = {name: [] for name in MATERIALS}
    crane = parts["crane"]
    legs_x, legs_z, portal = (-8.0, 8.0), (-7.0, 7.0), 44.0
    for x in legs_x:
        for z in legs_z:
            crane += block((x - 1.0, 1.0, z - 1.0), (x + 1.0, portal, z + 1.0))
        crane += block((x - 1.2, 1.0, -8.0), (x + 1.2, 2.6, 8.0))  # the sill beam on the rails
        crane += beam((x, 6.0, -7.0), (x, portal - 4.0, 7.0), 0.8)  # a diagonal brace
    for z in legs_z:
        crane += block((-9.0, portal, z - 1.2), (9.0, portal + 2.5, z + 1.2))  # portal beam
        crane += block((-9.0, 24.0, z - 0.7), (9.0, 25.5, z + 0.7))  # the middle tie
    # the boom, out over the water, and the back girder over the quay
    for z in (-5.5, 5.5):
        crane += block((-30.0, portal + 2.5, z - 1.0), (58.0, portal + 5.0, z + 1.0))
    crane += block((-30.0, portal + 2.5, -5.5), (-26.0, portal + 5.0, 5.5))
    crane += block((54.0, portal + 2.5, -5.5), (58.0, portal + 5.0, 5.5))
    # the A-frame above the legs and the stays that hold the boom
    apex = portal + 30.0
    for z in (-5.5, 5.5):
        top = (0.0, apex, z)
        crane += beam((-8.0, portal + 5.0, z), top, 1.4)
        crane += beam((8.0, portal + 5.0, z), top, 1.4)
        crane += beam(top, (56.0, portal + 5.0, z), 0.6)
        crane += beam(top, (30.0, portal + 5.0, z), 0.6)
        crane += beam(top, (-28.0, portal + 5.0, z), 0.6)
    crane += block((-1.0, apex - 1.0, -6.0), (1.0, apex + 1.0, 6.0))
    # the machinery house on the back girder, the trolley and its spreader
    parts["house"] += block((-28.0, portal + 5.0, -5.0), (-16.0, portal + 11.0, 5.0))
    parts["house"] += block((24.0, portal + 1.0, -4.0), (30.0, portal + 2.5, 4.0))
    parts["steel"] += block((24.0, portal - 0.5, -4.5), (30.0, portal + 1.0, 4.5))
    for z in (-2.0, 2.0):
        parts["steel"] += beam((27.0, portal - 0.5, z), (27.0, 16.0, z), 0.3)
    parts["steel"] += block((20.0, 14.5, -3.0), (34.0, 16.0, 3.0))
    # the quay, its rails, the sea's edge and a few containers waiting
    parts["quay"] += block((-40.0, -2.0, -22.0), (14.0, 0.0, 22.0))
    for z in legs_z:
        parts["steel"] += block((-40.0, 0.0, z - 0.4), (14.0, 1.0, z + 0.4))
    for index, (x, z, height) in enumerate(((-34.0, -14.0, 2), (-34.0, 10.0, 3), (-22.0, 14.0, 1))):
        name = "container-blue" if index % 2 == 0 else "container-ochre"
        for level in range(height):
            low_y = 2.6 * level
            parts[name] += block((x - 6.0, low_y, z - 1.2), (x + 6.0, low_y + 2.5, z + 1.2))
    return parts


def _pad(data: bytes, fill: bytes) -> bytes:
    return data + fill * (-len(data) % 4)


def glb_bytes(parts: dict[str, list[Triangle]]) -> bytes:
    """A GLB file of one mesh, one primitive per material, flat normals, 16-bit indices."""
    buffer = bytearray()
    views: list[dict[str, int]] = []
    accessors: list[dict[str, object]] = []
    primitives: list[dict[str, object]] = []
    materials: list[dict[str, object]] = []

    def add_view(data: bytes, target: int) -> int:
        views.append({"buffer": 0, "byteOffset": len(buffer), "byteLength": len(data), "target": target})
        buffer.extend(_pad(data, b"\0"))
        return len(views) - 1

    for name, triangles in parts.items():
        if not triangles:
            continue
        positions: list[Vec] = []
        normals: list[Vec] = []
        for triangle in triangles:
            normal = _unit(_cross(_sub(triangle[1], triangle[0]), _sub(triangle[2], triangle[0])))
            positions.extend(triangle)
            normals.extend((normal, normal, normal))
        flat_positions = [value for point in positions for value in point]
        flat_normals = [value for normal in normals for value in normal]
        indices = list(range(len(positions)))
        position_view = add_view(struct.pack(f"<{len(flat_positions)}f", *flat_positions), 34962)
        normal_view = add_view(struct.pack(f"<{len(flat_normals)}f", *flat_normals), 34962)
        index_view = add_view(struct.pack(f"<{len(indices)}H", *indices), 34963)
        lows = [min(point[axis] for point in positions) for axis in range(3)]
        highs = [max(point[axis] for point in positions) for axis in range(3)]
        base = len(accessors)
        accessors += [
            {"bufferView": position_view, "componentType": 5126, "count": len(positions), "type": "VEC3",
             "min": lows, "max": highs},
            {"bufferView": normal_view, "componentType": 5126, "count": len(normals), "type": "VEC3"},
            {"bufferView": index_view, "componentType": 5123, "count": len(indices), "type": "SCALAR"},
        ]
        red, green, blue = MATERIALS[name]
        materials.append({"name": name, "pbrMetallicRoughness": {
            "baseColorFactor": [red, green, blue, 1.0], "metallicFactor": 0.1, "roughnessFactor": 0.7}})
        primitives.append({"attributes": {"POSITION": base, "NORMAL": base + 1}, "indices": base + 2,
                           "material": len(materials) - 1})
    description = {
        "asset": {"version": "2.0", "generator": "kiosk sample media"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"name": "gantry crane", "mesh": 0}],
        "meshes": [{"name": "gantry crane", "primitives": primitives}],
        "materials": materials,
        "accessors": accessors,
        "bufferViews": views,
        "buffers": [{"byteLength": len(buffer)}],
    }
    json_chunk = _pad(json.dumps(description, separators=(",", ":")).encode(), b" ")
    binary_chunk = _pad(bytes(buffer), b"\0")
    length = 12 + 8 + len(json_chunk) + 8 + len(binary_chunk)
    return b"".join((
        struct.pack("<4sII", b"glTF", 2, length),
        struct.pack("<II", len(json_chunk), 0x4E4F534A), json_chunk,
        struct.pack("<II", len(binary_chunk), 0x004E4942), binary_chunk,
    ))


def triangle_count(parts: dict[str, list[Triangle]]) -> int:
    return sum(len(triangles) for triangles in parts.values())


# -- the still picture -------------------------------------------------------------------------

YAW, PITCH = math.radians(-35.0), math.radians(18.0)
"""The angle the 3D view starts at (kiosk/qml/exhibits/ModelView.qml): turned, seen from a little above."""
LIGHT = _unit((0.4, 0.8, 0.5))


def _turned(point: Vec) -> Vec:
    x, y, z = point
    x, z = x * math.cos(YAW) + z * math.sin(YAW), -x * math.sin(YAW) + z * math.cos(YAW)
    y, z = y * math.cos(PITCH) - z * math.sin(PITCH), y * math.sin(PITCH) + z * math.cos(PITCH)
    return (x, y, z)


def _shade(colour: tuple[float, float, float], normal: Vec) -> QColor:
    light = 0.45 + 0.55 * max(0.0, _dot(normal, LIGHT))
    return QColor.fromRgbF(*(min(1.0, channel * light) for channel in colour))


def draw_still(p: QPainter, w: float, h: float, parts: dict[str, list[Triangle]] | None = None) -> None:
    """The crane drawn from the 3D view's first angle, far faces first, on a calm sky."""
    vertical_gradient(p, QRectF(0, 0, w, h), [(0.0, QColor("#dfe8ec")), (0.7, PAPER), (1.0, SAND)])
    shown = parts or crane_parts()
    faces: list[tuple[float, QPolygonF, QColor]] = []
    points = [_turned(point) for triangles in shown.values() for triangle in triangles for point in triangle]
    low_x, high_x = min(q[0] for q in points), max(q[0] for q in points)
    low_y, high_y = min(q[1] for q in points), max(q[1] for q in points)
    scale = min(w * 0.76 / (high_x - low_x), h * 0.8 / (high_y - low_y))
    left = (w - (high_x - low_x) * scale) / 2 + w * 0.08
    top = (h - (high_y - low_y) * scale) / 2 + h * 0.02
    for name, triangles in shown.items():
        for triangle in triangles:
            turned = [_turned(point) for point in triangle]
            normal = _unit(_cross(_sub(turned[1], turned[0]), _sub(turned[2], turned[0])))
            if normal[2] <= 0:  # facing away from the viewer
                continue
            polygon = QPolygonF([QPointF(left + (q[0] - low_x) * scale, top + (high_y - q[1]) * scale)
                                 for q in turned])
            depth = sum(q[2] for q in turned) / 3
            faces.append((depth, polygon, _shade(MATERIALS[name], _unit(_cross(
                _sub(triangle[1], triangle[0]), _sub(triangle[2], triangle[0]))))))
    for _, polygon, colour in sorted(faces, key=lambda face: face[0]):
        p.setPen(QPen(colour, 0.8))
        p.setBrush(colour)
        p.drawPolygon(polygon)
    label(p, w * 0.05, h * 0.86, "Ship-to-shore gantry crane", "岸边集装箱起重机", QColor("#1d2b3a"), 30,
          Qt.AlignmentFlag.AlignLeft)


def write(content: Path, wanted: Iterable[str] = (MODEL, STILL)) -> list[Path]:
    """Write the model and its still picture into the content folder; the paths written."""
    parts = crane_parts()
    written: list[Path] = []
    if MODEL in wanted:
        out = content / MODEL
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(glb_bytes(parts))
        written.append(out)
    if STILL in wanted:
        out = content / STILL
        out.parent.mkdir(parents=True, exist_ok=True)
        width, height = STILL_SIZE
        save_png(render(lambda p, w, h: draw_still(p, w, h, parts), width, height), str(out))
        written.append(out)
    return written


FILES: Sequence[str] = (MODEL, STILL)
