"""Schema versions: old content keeps working as the format grows.

Each migration takes the raw data of one file (before validation) written for version N and returns
it as version N + 1 would have it. `kind` is "exhibition" or "floor".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.content.model import SCHEMA_VERSION

Migration = Callable[[dict[str, Any], str], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {
    # 1: migrate_1_to_2,   (the first migration goes here when version 2 of the format exists)
}


class MigrationError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def migrate(data: dict[str, Any], version: int, kind: str) -> dict[str, Any]:
    """Bring one file's data from `version` up to the current schema version."""
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"this content is for a newer kiosk (schema_version {version})",
            f"this kiosk reads schema_version {SCHEMA_VERSION} and older; update the kiosk",
        )
    if version < 1:
        raise MigrationError(
            f"schema_version {version} does not exist", f"use schema_version: {SCHEMA_VERSION}"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data, kind)
        version += 1
        if kind == "exhibition":
            data = {**data, "schema_version": version}
    return data
