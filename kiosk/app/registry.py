"""One Theme and one Navigator per QML engine, found again when QML asks for the singleton."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def engine_key(engine: Any) -> int:
    """A stable key for an engine: the address of its C++ object."""
    return int(shiboken6.getCppPointer(engine)[0])


class PerEngine(Generic[T]):
    """Objects kept per engine; each is a child of its engine and dies with it."""

    def __init__(self) -> None:
        self._objects: dict[int, T] = {}

    def get(self, engine: object, factory: type[T]) -> T:
        key = engine_key(engine)
        existing = self._objects.get(key)
        if existing is not None and shiboken6.isValid(existing):
            return existing
        created = factory(engine if isinstance(engine, QObject) else None)
        self._objects[key] = created
        return created

    def forget(self, key: int) -> None:
        self._objects.pop(key, None)
