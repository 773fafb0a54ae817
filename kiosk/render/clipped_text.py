"""The clipping part of the accessibility audit: texts cut short, cut off, overlapping or covered.

A Text is **truncated** when it is elided or cut after its maximum line count, and **clipped**
when it is wider or taller than its own box, when a clipping ancestor (a card, the breadcrumb
strip) or the window edge cuts part of it off, when it overlaps another Text by more than a
quarter of the smaller one's box, or, outside scrolling lists, when more than a tenth of it lies
under a solid Rectangle painted after it (a bar or panel laid over the text). Inside a scrolling
list (a Flickable) only the boxes inside the list count: the list scrolls the rest into view.
"""

from __future__ import annotations

from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQml import QJSValue
from PySide6.QtQuick import QQuickItem

from kiosk.render.scene import (
    Finding,
    effective_opacity,
    label_of,
    origin,
    scene_rect,
    source_of,
    texts,
    visible_rect,
    walk,
    whole,
)

EDGE_TOLERANCE = 1.5
"""Sub-pixel layout differences that nobody can see, in px."""
OVERLAP_TOLERANCE = 2.0
"""Line boxes of neighbouring texts may touch by this much, in px."""


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
