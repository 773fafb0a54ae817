"""3D model files for tests: the sample crane as GLB bytes, and damaged or unsafe variants."""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from sample_media import model3d  # noqa: E402


def crane_glb() -> bytes:
    """The sample exhibition's crane, built by the sample-media script."""
    return model3d.glb_bytes(model3d.crane_parts())


def write_crane(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(crane_glb())
    return path


def gltf_text(uri: str, version: str = "2.0") -> str:
    """A .gltf description with one buffer at `uri` (a triangle's worth of data)."""
    return json.dumps({"asset": {"version": version}, "buffers": [{"uri": uri, "byteLength": 36}]})


TRIANGLE = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
