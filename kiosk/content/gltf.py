"""What a 3D model file really is: a glTF 2.0 model the kiosk can show, kept inside the content folder.

A `.glb` file is checked by its header alone: the magic `glTF`, version 2 and the length it
declares, which must be the file's own size (a file cut short in copying is found at once). Its
first chunk must be the model's description (JSON). A `.gltf` file is that description as text:
its `asset.version` must be "2.0", and the files it draws on (buffers and pictures) must be files
beside it inside the content folder, never addresses on the network, absolute paths or paths that
climb out with `..`. Data written into the file itself (`data:` addresses) is fine.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import unquote

MAX_MODEL_BYTES = 50 * 1024 * 1024
"""A 3D model is at most 50 MB: larger ones load slowly and may not fit a small graphics memory."""
GLB_MAGIC = b"glTF"
JSON_CHUNK = 0x4E4F534A
EXPORT = "export it again as glTF 2.0 binary (.glb)"


class ModelProblem(Exception):
    """A model the kiosk cannot show, in words for staff, with what to do about it. The message goes
    after the file's name: "'media/crane.glb' is a damaged or incomplete GLB file: ..."."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _damaged(where: str) -> ModelProblem:
    return ModelProblem(f"is a damaged or incomplete GLB file: {where}",
                        "copy the file again from the original, or export it again")


def check_glb(file: BinaryIO, size: int) -> None:
    """A binary glTF file: magic, version 2, declared length equal to the file's size, a JSON chunk."""
    file.seek(0)
    header = file.read(20)
    if header[:4] != GLB_MAGIC:
        if header.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            raise ModelProblem("is a glTF text file saved with the .glb ending", "rename it to .gltf")
        raise ModelProblem("is not a GLB model (it does not start with 'glTF')", EXPORT)
    if len(header) < 12:
        raise _damaged("its header is cut short")
    version, length = struct.unpack("<II", header[4:12])
    if version != 2:
        raise ModelProblem(f"is a glTF {version} model; the kiosk shows glTF 2.0", EXPORT)
    if length != size:
        raise _damaged(f"it says it is {length} bytes long but the file is {size} bytes")
    if len(header) < 20:
        raise _damaged("it holds no model description")
    chunk_length, chunk_type = struct.unpack("<II", header[12:20])
    if chunk_type != JSON_CHUNK or 20 + chunk_length > size:
        raise _damaged("its model description is missing or cut short")


def _uris(description: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for part in ("buffers", "images"):
        entries = description.get(part, [])
        if not isinstance(entries, list):
            raise ModelProblem(f"is not a glTF 2.0 model ('{part}' is not a list)", EXPORT)
        for entry in entries:
            uri = entry.get("uri") if isinstance(entry, dict) else None
            if isinstance(uri, str):
                found.append(uri)
    return found


def outside_file(uri: str) -> str | None:
    """Why a glTF file's address cannot be used ('it is on the network', ...), None when it can."""
    text = uri.strip()
    lowered = text.lower()
    if lowered.startswith("data:"):
        return None
    if "://" in lowered or lowered.startswith(("http:", "https:", "ftp:", "file:", "//")):
        return "it is an address on the network"
    path = unquote(text).replace("\\", "/")
    if path.startswith(("/", "~")) or (len(path) > 1 and path[1] == ":"):
        return "it is an absolute path"
    if ".." in PurePosixPath(path).parts:
        return "it points outside the content folder"
    if ":" in path.split("/")[0]:
        return "it is an address, not a file"
    return None


def companion_files(description: dict[str, Any]) -> list[str]:
    """The files beside a .gltf file that it draws on, relative to it (data: addresses left out)."""
    return [unquote(uri.strip()).replace("\\", "/") for uri in _uris(description)
            if not uri.strip().lower().startswith("data:") and outside_file(uri) is None]


def read_gltf(data: bytes) -> dict[str, Any]:
    """The description of a .gltf text file; ModelProblem when it is not glTF 2.0."""
    try:
        description = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        if data.startswith(GLB_MAGIC):
            raise ModelProblem("is a GLB file saved with the .gltf ending", "rename it to .glb") from None
        raise ModelProblem("is not a glTF text file (it is not text)", EXPORT) from None
    except ValueError as error:
        raise ModelProblem(f"is not a readable glTF file (its JSON is broken: {error})", EXPORT) from None
    if not isinstance(description, dict):
        raise ModelProblem("is not a glTF model (its JSON is not an object)", EXPORT)
    asset = description.get("asset")
    version = asset.get("version") if isinstance(asset, dict) else None
    if version != "2.0":
        said = f"its asset.version is {version!r}" if version is not None else "it has no asset.version"
        raise ModelProblem(f"is not a glTF 2.0 model ({said})", EXPORT)
    return description


def check_gltf(data: bytes, folder: Path, root: Path) -> list[Path]:
    """A glTF text file in `folder`: glTF 2.0, drawing only on files inside `root` (a resolved folder).
    Returns those files."""
    description = read_gltf(data)
    for uri in _uris(description):
        why = outside_file(uri)
        if why is not None:
            shown = uri if len(uri) <= 60 else uri[:57] + "..."
            raise ModelProblem(f"uses '{shown}', but {why}",
                               "put the file beside the model in the content folder and name it "
                               "from there, or export the model as one .glb file")
    found: list[Path] = []
    for relative in companion_files(description):
        path = (folder / relative).resolve()
        if not path.is_relative_to(root):
            raise ModelProblem(f"uses '{relative}', which links outside the content folder",
                               "copy the file into the content folder instead of linking to it")
        if not path.is_file():
            raise ModelProblem(f"uses '{relative}', which is not there",
                               "copy it beside the model, or export the model as one .glb file")
        found.append(path)
    return found


# -- the model's size ---------------------------------------------------------------------------

Matrix = list[float]
"""A 4x4 matrix in glTF's order (column by column)."""
IDENTITY: Matrix = [1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0]


def _multiply(a: Matrix, b: Matrix) -> Matrix:
    return [sum(a[k * 4 + row] * b[column * 4 + k] for k in range(4))
            for column in range(4) for row in range(4)]


def _local(node: dict[str, Any]) -> Matrix:
    if isinstance(node.get("matrix"), list) and len(node["matrix"]) == 16:
        return [float(value) for value in node["matrix"]]
    tx, ty, tz = node.get("translation", (0.0, 0.0, 0.0))
    x, y, z, w = node.get("rotation", (0.0, 0.0, 0.0, 1.0))
    sx, sy, sz = node.get("scale", (1.0, 1.0, 1.0))
    rotation = [1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w), 0,
                2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w), 0,
                2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y), 0,
                0, 0, 0, 1]
    scaled = [value * (sx, sy, sz, 1)[index // 4] for index, value in enumerate(rotation)]
    return [*scaled[:12], float(tx), float(ty), float(tz), 1.0]


def _apply(matrix: Matrix, point: tuple[float, float, float]) -> tuple[float, float, float]:
    x, y, z = point
    return (matrix[0] * x + matrix[4] * y + matrix[8] * z + matrix[12],
            matrix[1] * x + matrix[5] * y + matrix[9] * z + matrix[13],
            matrix[2] * x + matrix[6] * y + matrix[10] * z + matrix[14])


def bounds(description: dict[str, Any]) -> list[list[float]] | None:
    """The smallest box around the model's default scene (lowest corner, highest corner), from the
    sizes glTF writes beside every mesh's positions; None when the file says nothing about them."""
    nodes, meshes, accessors = (description.get(key, []) for key in ("nodes", "meshes", "accessors"))
    scenes = description.get("scenes", [])
    chosen = description.get("scene", 0)
    roots = (scenes[chosen].get("nodes", []) if isinstance(chosen, int) and 0 <= chosen < len(scenes)
             else range(len(nodes)))
    low, high = [math.inf] * 3, [-math.inf] * 3
    stack: list[tuple[int, Matrix, int]] = [(index, IDENTITY, 0) for index in roots]
    while stack:
        index, parent, depth = stack.pop()
        if not (isinstance(index, int) and 0 <= index < len(nodes)) or depth > 64:
            continue
        node = nodes[index]
        matrix = _multiply(parent, _local(node))
        mesh = node.get("mesh")
        known = isinstance(mesh, int) and 0 <= mesh < len(meshes)
        primitives = meshes[mesh].get("primitives", []) if known else []
        for primitive in primitives:
            position = primitive.get("attributes", {}).get("POSITION")
            accessor = accessors[position] if isinstance(position, int) and position < len(accessors) else {}
            if "min" not in accessor or "max" not in accessor:
                continue
            (x0, y0, z0), (x1, y1, z1) = accessor["min"][:3], accessor["max"][:3]
            for corner in ((x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)):
                for axis, value in enumerate(_apply(matrix, corner)):
                    low[axis], high[axis] = min(low[axis], value), max(high[axis], value)
        stack.extend((child, matrix, depth + 1) for child in node.get("children", []))
    return [low, high] if low[0] <= high[0] else None


def read_description(path: Path) -> dict[str, Any]:
    """The JSON description of a .glb or .gltf file; ModelProblem or OSError when it cannot be read."""
    with open(path, "rb") as file:
        if path.suffix.lower() == ".glb":
            header = file.read(20)
            if header[:4] != GLB_MAGIC or len(header) < 20:
                raise _damaged("its header is cut short")
            (length,) = struct.unpack("<I", header[12:16])
            return read_gltf(file.read(length))
        return read_gltf(file.read(MAX_MODEL_BYTES + 1))


def model_bounds(path: Path) -> list[list[float]] | None:
    """The model's box (lowest and highest corner) as its file describes it; None when unknown."""
    try:
        return bounds(read_description(path))
    except (OSError, ModelProblem, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def files_beside(root: Path, relative: str) -> list[str]:
    """The files a .gltf model in the content folder uses, as paths in the content folder
    (nothing for a .glb, which holds everything itself, or for a file that cannot be read)."""
    if not relative.lower().endswith(".gltf"):
        return []
    try:
        description = read_description(root / relative)
    except (OSError, ModelProblem):
        return []
    folder = PurePosixPath(relative).parent
    return [str(folder / name) for name in companion_files(description)]
