"""The later parts of a screen for `kiosk render`: every scrolling list, page by page.

A screen whose content scrolls (an article longer than the screen, a section with many exhibits,
a timeline, a gallery) is written as several shots: the screen as visitors first see it
(`exhibit-x.png`), then one more for each further page (`exhibit-x-2.png`, `exhibit-x-3.png`
...), until the end of every list is on screen.

Why pages rather than one full-length picture: the kiosk draws a list only where the window shows
it (lists make their cards for the visible part, the header and the fades stay where they are),
so a taller window would show a screen no visitor sees, and the audit must look at each part as
it is really drawn at the kiosk's size. Each page overlaps the one before by a tenth, so a line cut
at the edge of one page is whole in the next.

Scrolling parts are found in the scene, not by screen: every visible Flickable (ListView,
GridView, Flickable) whose content is longer or wider than its box. A paged list (one picture at a
time, as the gallery) is turned picture by picture, as its arrows do. A list inside another (the
words of one timeline event) is scrolled on every page of the outer list, all such lists together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtQml import qmlEngine
from PySide6.QtQuick import QQuickItem

from kiosk.render.scene import walk

OVERLAP = 0.1
"""The part of a page shown again at the top of the next one."""
STRICTLY_ENFORCE_RANGE = 2
"""ListView.StrictlyEnforceRange: the list shows one current item at a time (a paged list)."""
MOST_PAGES = 60
"""A screen is never written as more shots than this (a list of hundreds of cards)."""


@dataclass
class Scroller:
    """One scrolling list on screen and the way it moves to its next page."""

    item: QQuickItem
    vertical: bool
    paged: bool

    @property
    def _axis(self) -> tuple[str, str, str, str, str]:
        if self.vertical:
            return "contentY", "contentHeight", "height", "topMargin", "bottomMargin"
        return "contentX", "contentWidth", "width", "leftMargin", "rightMargin"

    def limits(self) -> tuple[float, float]:
        _position, length, box, before, after = self._axis
        origin = float(self.item.property("originY" if self.vertical else "originX") or 0.0)
        low = origin - float(self.item.property(before) or 0.0)
        high = (origin + float(self.item.property(length)) + float(self.item.property(after) or 0.0)
                - float(self.item.property(box)))
        return low, max(low, high)

    def position(self) -> float:
        return float(self.item.property(self._axis[0]))

    def at_end(self) -> bool:
        if self.paged:
            return int(self.item.property("currentIndex")) >= int(self.item.property("count")) - 1
        return self.position() >= self.limits()[1] - 1

    def advance(self) -> bool:
        """Move on by a page; False when already at the end."""
        if self.at_end():
            return False
        if self.paged:
            self.item.setProperty("currentIndex", int(self.item.property("currentIndex")) + 1)
            return True
        _low, high = self.limits()
        page = float(self.item.property(self._axis[2])) * (1 - OVERLAP)
        self.item.setProperty(self._axis[0], min(high, self.position() + max(1.0, page)))
        return True

    def rewind(self) -> None:
        if self.paged:
            self.item.setProperty("currentIndex", 0)
        else:
            self.item.setProperty(self._axis[0], self.limits()[0])


def overflows(item: QQuickItem) -> tuple[bool, bool]:
    """Whether the list's content is taller, or wider, than its box."""
    tall = (float(item.property("contentHeight")) + float(item.property("topMargin") or 0)
            + float(item.property("bottomMargin") or 0) > item.height() + 1)
    wide = (float(item.property("contentWidth")) + float(item.property("leftMargin") or 0)
            + float(item.property("rightMargin") or 0) > item.width() + 1)
    return tall, wide


def scrollers_in(root: QQuickItem, window: QRectF, inside: QQuickItem | None = None) -> list[Scroller]:
    """The scrolling lists shown in the window: the outermost ones (`inside` None), or those
    directly inside the list `inside` (no other scrolling list between)."""
    found = []
    for item in walk(root):
        if not item.inherits("QQuickFlickable") or item.width() < 1 or item.height() < 1:
            continue
        if (item.mapRectToScene(item.boundingRect()) & window).isEmpty():
            continue
        if outer_list(item) is not inside:
            continue
        paged = item.inherits("QQuickItemView") and range_mode(item) == STRICTLY_ENFORCE_RANGE
        if paged:
            if int(item.property("count")) > 1:
                found.append(Scroller(item, False, True))
            continue
        tall, wide = overflows(item)
        if tall:
            found.append(Scroller(item, True, False))
        elif wide:
            found.append(Scroller(item, False, False))
    return found


def range_mode(view: QQuickItem) -> int:
    """A ListView's highlightRangeMode, read through QML (Python cannot convert that enum)."""
    engine = qmlEngine(view)
    if engine is None:
        return 0
    return int(engine.toScriptValue(view).property("highlightRangeMode").toInt())


def outer_list(item: QQuickItem) -> QQuickItem | None:
    """The nearest scrolling list around the item that really scrolls (None: there is none)."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable") and any(overflows(parent)):
            return parent
        parent = parent.parentItem()
    return None


def later_pages(window: QRectF, root: QQuickItem, settle: Callable[[], object]) -> Iterator[int]:
    """Scroll the screen on view page by page; yields the page number (2, 3 ...) once each page
    is on screen (`settle()` waits for that). Every list is back at its start at the end."""
    page = 1
    for outer in scrollers_in(root, window):
        shown_once = False
        while page < MOST_PAGES:
            if shown_once and not outer.advance():
                break
            if shown_once:
                settle()
                page += 1
                yield page
            shown_once = True
            inner = [s for s in scrollers_in(outer.item, window, outer.item) if s.item is not outer.item]
            while page < MOST_PAGES and any([s.advance() for s in inner]):
                settle()
                page += 1
                yield page
            for scroller in inner:
                scroller.rewind()
        outer.rewind()
        settle()
