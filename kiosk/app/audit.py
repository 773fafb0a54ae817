"""The kiosk's accessibility audit of the screen on view: touch targets, text contrast, clipped text.

`audit_screen(kiosk, min_contrast=...)` looks at the window as a visitor would and returns a
`Finding` for every problem:

- **target**: a control a visitor can tap (a `Tappable`, any visible and enabled item with an
  enabled `TapHandler` or `MouseArea`) is smaller than `min_target_px` in width or height, measured
  on screen (scaling included; a TapHandler's `margin` counts as part of the target).
- **reach** (only with `reach_top`, for reach mode): a control on screen has less than `min_target_px`
  of its height below `reach_top`, where the part of the screen a seated visitor reaches begins.
- **truncated**: a Text is elided or cut after its maximum line count (`truncated`).
- **clipped**: a Text is wider or taller than its own box, or part of it is cut off by a clipping
  ancestor (a card, the breadcrumb strip) or by the window edge, or it overlaps another Text
  (more than a quarter of the smaller one's box), or, outside scrolling lists, more than a tenth
  of it lies under a solid Rectangle painted after it (a bar or panel laid over the text).
  Inside a scrolling list (a Flickable) only the boxes inside the list count: the list scrolls
  the rest into view.
- **contrast**: the contrast of a Text against what is really drawn behind it is below
  `min_contrast` (WCAG 2 formula, `kiosk.app.contrast`). No exception for large text.

How contrast is measured (the colour behind a text, patch by patch, read from the window's own
picture) is told in `kiosk.app.audit_pixels`. Each finding names the screen and the content field
to change (`kiosk.app.audit_fields`).

Exclusions, the only ones: invisible items (not visible, opacity 0, fully transparent text
colour, or nothing of them on screen) are not audited; disabled items (`enabled: false` on the
item or an ancestor) are not touch targets and their text is exempt from contrast (WCAG:
inactive controls); a Text marked decorative with `Accessible.ignored: true` is exempt from
contrast (it is still checked for clipping); a Text whose glyphs are nowhere in the picture
(covered by another item) has no measurable contrast and is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQml import QJSValue, QQmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

EDGE_TOLERANCE = 1.5
"""Sub-pixel layout differences that nobody can see, in px."""
OVERLAP_TOLERANCE = 2.0
"""Line boxes of neighbouring texts may touch by this much, in px."""


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
        """The finding as staff read it: the screen and content field first (kiosk.app.audit_fields)."""
        return f"{self.place}: {self.summary}" if self.place else self.summary

    @property
    def description(self) -> str:
        x, y, width, height = self.rect
        where = f" [{self.source}]" if self.source else ""
        return f"{self.staff_line} at {x},{y} {width}x{height}{where}"

    def __str__(self) -> str:
        return self.description


# -- the item tree ---------------------------------------------------------------------------


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    """Every visible item under `item` (itself included), depth first."""
    if not item.isVisible() or item.opacity() <= 0.0:
        return
    yield item
    for child in item.childItems():
        yield from walk(child)


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


# -- touch targets ---------------------------------------------------------------------------


def targets(root: QQuickItem) -> Iterator[tuple[QQuickItem, float]]:
    """Every visible, enabled control a visitor can tap, with its TapHandler's extra margin."""
    for item in walk(root):
        if not item.isEnabled():
            continue
        taps = [h for h in handlers_of(item) if h.inherits("QQuickTapHandler")
                and bool(h.property("enabled"))]
        if taps or item.inherits("QQuickMouseArea"):
            yield item, max([float(h.property("margin") or 0.0) for h in taps] + [0.0])


def small_targets(root: QQuickItem, min_target_px: int = 48) -> list[Finding]:
    """Every control smaller than `min_target_px` on either side."""
    findings = []
    for item, margin in targets(root):
        rect = scene_rect(item).adjusted(-margin, -margin, margin, margin)
        side = min(rect.width(), rect.height())
        if side < min_target_px:
            findings.append(Finding(
                "target", f"target {label_of(item)}",
                f"{rect.width():.0f}x{rect.height():.0f} px < {min_target_px} px", side,
                whole(scene_rect(item)), *origin(item)))
    return findings


def unreachable_targets(root: QQuickItem, reach_top: float, window_rect: QRectF,
                        min_target_px: int = 48) -> list[Finding]:
    """In reach mode: controls without a `min_target_px` high strip below `reach_top`
    (controls scrolled out of view are left out: scrolling brings them down)."""
    findings = []
    for item, margin in targets(root):
        if visible_rect(item, window_rect).isEmpty():
            continue
        rect = scene_rect(item).adjusted(-margin, -margin, margin, margin)
        below = rect.bottom() - max(rect.top(), reach_top)
        if below < min_target_px:
            findings.append(Finding(
                "reach", f"target {label_of(item)}",
                f"is above the reachable area (top {rect.top():.0f} px, reach from "
                f"{reach_top:.0f} px)", rect.top(), whole(scene_rect(item)), *origin(item)))
    return findings


# -- clipped and truncated text --------------------------------------------------------------


def texts(root: QQuickItem) -> Iterator[QQuickItem]:
    for item in walk(root):
        if item.inherits("QQuickText") and str(item.property("text") or "").strip():
            yield item


def clipped_texts(root: QQuickItem, window_rect: QRectF) -> list[Finding]:
    """Texts cut short, spilling out of their box, or cut by a clipping box or the window."""
    findings = []
    for item in texts(root):
        subject = f"text {label_of(item)}"
        where = whole(scene_rect(item))
        problem = ""
        if item.property("truncated"):
            findings.append(Finding("truncated", subject, "is cut short (elided)", 0.0, where,
                                    *origin(item)))
            continue
        if float(item.property("contentWidth")) > item.width() + EDGE_TOLERANCE:
            problem = f"is wider than its box ({item.property('contentWidth'):.0f} > " \
                      f"{item.width():.0f} px)"
        elif float(item.property("contentHeight")) > item.height() + EDGE_TOLERANCE:
            problem = f"is taller than its box ({item.property('contentHeight'):.0f} > " \
                      f"{item.height():.0f} px)"
        else:
            problem = cut_by_a_box(item, window_rect)
        if problem:
            findings.append(Finding("clipped", subject, problem, 0.0, where, *origin(item)))
    return findings + overlapping_texts(root, window_rect) + covered_texts(root, window_rect)


def overlapping_texts(root: QQuickItem, window_rect: QRectF) -> list[Finding]:
    """Texts drawn over each other: more than a quarter of the smaller one is covered."""
    shown = [(item, visible_rect(item, window_rect)) for item in texts(root)]
    shown = [(item, rect) for item, rect in shown if not rect.isEmpty()]
    findings = []
    for index, (item, rect) in enumerate(shown):
        for other, other_rect in shown[index + 1:]:
            common = rect & other_rect
            if common.width() <= 2 * OVERLAP_TOLERANCE or common.height() <= 2 * OVERLAP_TOLERANCE:
                continue
            smaller = min(_area(rect), _area(other_rect))
            if _area(common) > smaller / 4:
                findings.append(Finding(
                    "clipped", f"text {label_of(item)}",
                    f"overlaps text {label_of(other)} ({source_of(other)})", 0.0,
                    whole(scene_rect(item)), *origin(item)))
    return findings


def covered_texts(root: QQuickItem, window_rect: QRectF) -> list[Finding]:
    """Texts (outside scrolling lists) with part of them under a solid box drawn later:
    a bar, a panel or the header laid over them."""
    order = {address(item): key for item, key in paint_order(root)}
    boxes = [(item, visible_rect(item, window_rect), order[address(item)]) for item in walk(root)
             if item.inherits("QQuickRectangle") and is_solid(item)]
    findings = []
    for text in texts(root):
        area = visible_rect(text, window_rect)
        if area.isEmpty() or in_a_list(text):
            continue
        for box, box_rect, key in boxes:
            common = area & box_rect
            if (key > order[address(text)] and common.width() > OVERLAP_TOLERANCE
                    and common.height() > OVERLAP_TOLERANCE and _area(common) > _area(area) / 10):
                findings.append(Finding(
                    "clipped", f"text {label_of(text)}",
                    f"is partly hidden under {label_of(box)} ({source_of(box)})", 0.0,
                    whole(scene_rect(text)), *origin(text)))
                break
    return findings


def paint_order(item: QQuickItem, key: tuple[tuple[float, int], ...] = ()
                ) -> Iterator[tuple[QQuickItem, tuple[tuple[float, int], ...]]]:
    """Every visible item with a key that sorts in the order Qt Quick paints them."""
    yield item, key
    children = [child for child in item.childItems()
                if child.isVisible() and child.opacity() > 0.0]
    ranked = sorted(enumerate(children), key=lambda pair: (pair[1].z(), pair[0]))
    for position, (_index, child) in enumerate(ranked):
        yield from paint_order(child, (*key, (child.z(), position)))


def address(item: QObject) -> int:
    """The item's identity (Python wrappers of the same item may differ)."""
    return int(shiboken6.getCppPointer(item)[0])


def is_solid(item: QQuickItem) -> bool:
    """A Rectangle that hides what is under it: an opaque colour, no gradient, fully opaque."""
    colour = QColor(item.property("color"))
    gradient = item.property("gradient")  # a QJSValue: undefined, a Gradient or a preset
    plain = gradient is None or (isinstance(gradient, QJSValue) and gradient.isUndefined())
    return colour.alphaF() >= 0.99 and plain and effective_opacity(item) >= 0.99


def in_a_list(item: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            return True
        parent = parent.parentItem()
    return False


def _area(rect: QRectF) -> float:
    return rect.width() * rect.height()


def cut_by_a_box(item: QQuickItem, window_rect: QRectF) -> str:
    """Whether a clipping ancestor or the window edge cuts part of the item off.
    A scrolling list (Flickable) clips on purpose and ends the search."""
    rect = scene_rect(item)
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            return ""
        if parent.clip():
            box = scene_rect(parent).adjusted(-EDGE_TOLERANCE, -EDGE_TOLERANCE,
                                              EDGE_TOLERANCE, EDGE_TOLERANCE)
            if not box.contains(rect):
                return f"is cut off by the box around it ({label_of(parent)} in {source_of(parent)})"
        parent = parent.parentItem()
    edge = window_rect.adjusted(-EDGE_TOLERANCE, -EDGE_TOLERANCE, EDGE_TOLERANCE, EDGE_TOLERANCE)
    return "" if edge.contains(rect) else "is cut off by the edge of the screen"


# -- the whole screen ------------------------------------------------------------------------


def audit_screen(kiosk_window: Any, *, min_contrast: float, min_target_px: int = 48,
                 reach_top: float | None = None, screen: str | None = None) -> list[Finding]:
    """Every touch target, clipping and contrast problem on the screen on view.

    `kiosk_window` is a `KioskWindow` (or a bare QQuickWindow) whose screen has settled;
    `reach_top` (reach mode: Theme.reachTop) also checks every control can be reached. With a
    KioskWindow each finding names the screen (or `screen`) and its content field."""
    window: QQuickWindow = getattr(kiosk_window, "window", kiosk_window)
    root = window.contentItem()
    window_rect = QRectF(0, 0, window.width(), window.height())
    image = window.grabWindow()
    reach = [] if reach_top is None else unreachable_targets(root, reach_top, window_rect,
                                                                   min_target_px)
    from kiosk.app.audit_contrast import low_contrast_texts

    found = (small_targets(root, min_target_px) + reach + clipped_texts(root, window_rect)
             + low_contrast_texts(root, image, window_rect, min_contrast))
    navigator = getattr(kiosk_window, "navigator", None)
    if navigator is None:
        return found
    from kiosk.app.audit_fields import name_places

    return name_places(found, navigator, screen)
