"""The screen on view as the accessibility audit reads it, and what it reports: a `Finding`.

The audit looks at the window's items the way a visitor meets them: only visible items count
(`walk`), a control is named by what a screen reader says (`accessible_name`), a Text by its words
(`label_of`), and every item by the QML file that declares it (`source_of`), where a fix to the
kiosk itself goes. Boxes are measured in the window (`scene_rect`), and the part of a box that is
really on screen is what clipping ancestors and the window edge leave of it (`visible_rect`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickItem


@dataclass(frozen=True)
class Finding:
    """One accessibility problem on the screen on view."""

    kind: str  # 'target' | 'contrast' | 'clipped' | 'truncated' | 'reach'
    subject: str  # e.g. "text 'Back'" or "target 'Floor 1 The Port'"
    detail: str  # e.g. "3.9:1 < 7:1 on #2a3440" or "40x40 px < 48 px"
    value: float  # the measured contrast ratio or the target's smaller side, in px
    rect: tuple[int, int, int, int]  # x, y, width, height in the window
    source: str = ""  # the QML file declaring the item, e.g. "FloorTile.qml"
    words: str = ""  # all the words of the Text, or the control's accessible name
    place: str = ""  # what staff change, e.g. "exhibit 'port-figures' field items[1].label"

    @property
    def summary(self) -> str:
        return f"{self.subject} {self.detail}"

    @property
    def staff_line(self) -> str:
        """The finding as staff read it: the screen and content field first (kiosk.render.content_fields)."""
        return f"{self.place}: {self.summary}" if self.place else self.summary

    @property
    def description(self) -> str:
        x, y, width, height = self.rect
        where = f" [{self.source}]" if self.source else ""
        return f"{self.staff_line} at {x},{y} {width}x{height}{where}"

    def __str__(self) -> str:
        return self.description


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    """Every visible item under `item` (itself included), depth first."""
    if not item.isVisible() or item.opacity() <= 0.0:
        return
    yield item
    for child in item.childItems():
        yield from walk(child)


def texts(root: QQuickItem) -> Iterator[QQuickItem]:
    for item in walk(root):
        if item.inherits("QQuickText") and str(item.property("text") or "").strip():
            yield item


def handlers_of(item: QQuickItem) -> Iterator[QObject]:
    """The pointer handlers (TapHandler, DragHandler ...) attached to an item."""
    for child in item.children():
        if child.inherits("QQuickPointerHandler"):
            yield child


def accessible_name(item: QObject) -> str:
    """The name a screen reader says: `accessibleName`, else `Accessible.name`."""
    name = item.property("accessibleName")
    if name:
        return str(name)
    for child in item.children():
        if child.inherits("QQuickAccessibleAttached"):
            return str(child.property("name") or "")
    return ""


def is_decorative(item: QObject) -> bool:
    """A Text marked `Accessible.ignored: true`: decoration, not something to read."""
    return any(child.inherits("QQuickAccessibleAttached") and bool(child.property("ignored"))
               for child in item.children())


def type_name(item: QObject) -> str:
    """The item's QML type as written in QML: 'Rectangle', 'Cover', 'Tappable'."""
    name = item.metaObject().className().split("_QML")[0]
    return name.removeprefix("QQuick")


def label_of(item: QQuickItem) -> str:
    """A Text's words, else the control's accessible name, objectName or QML type."""
    if item.inherits("QQuickText"):
        text = " ".join(str(item.property("text") or "").split())
        return repr(text if len(text) <= 48 else text[:45] + "...")
    return repr(accessible_name(item) or item.objectName() or type_name(item))


def source_of(item: QObject) -> str:
    """The QML file that declares the item (where a fix goes), e.g. 'FloorTile.qml'."""
    context = QQmlEngine.contextForObject(item)
    return context.baseUrl().fileName() if context is not None else ""


def origin(item: QQuickItem) -> tuple[str, str]:
    """The QML file declaring the item, and its words (a Text's text, else its accessible name)."""
    words = item.property("text") if item.inherits("QQuickText") else accessible_name(item)
    return source_of(item), " ".join(str(words or "").split())


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(item.boundingRect())


def whole(rect: QRectF) -> tuple[int, int, int, int]:
    return round(rect.x()), round(rect.y()), round(rect.width()), round(rect.height())


def effective_opacity(item: QQuickItem | None) -> float:
    opacity = 1.0
    while item is not None:
        opacity *= item.opacity()
        item = item.parentItem()
    return opacity


def visible_rect(item: QQuickItem, window_rect: QRectF) -> QRectF:
    """The part of the item's box that clipping ancestors and the window leave on screen."""
    rect = scene_rect(item) & window_rect
    parent = item.parentItem()
    while parent is not None and not rect.isEmpty():
        if parent.clip():
            rect &= scene_rect(parent)
        parent = parent.parentItem()
    return rect
