"""The JSON Schema of the content files, for editors (VS Code's YAML extension) and `kiosk schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kiosk.content.model import ExhibitionFile, Floor

SCHEMAS: dict[str, type[BaseModel]] = {"exhibition": ExhibitionFile, "floor": Floor}
FILE_NAMES = {"exhibition": "exhibition.schema.json", "floor": "floor.schema.json"}


def schema_for(which: str) -> dict[str, Any]:
    model = SCHEMAS[which]
    schema: dict[str, Any] = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Kiosk exhibition settings" if which == "exhibition" else "Kiosk floor"
    return schema


def render_schema(which: str) -> str:
    return json.dumps(schema_for(which), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for which, name in FILE_NAMES.items():
        path = folder / name
        path.write_text(render_schema(which), encoding="utf-8")
        written.append(path)
    return written
