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
  `min_contrast` (WCAG 2 formula, `kiosk.app.contrast`; `kiosk.render.text_contrast`).
  No exception for large text.

How contrast is measured (the colour behind a text, patch by patch, read from the window's own
picture) is told in `kiosk.render.text_contrast`; the clipping checks are in
`kiosk.render.clipped_text`. Each finding names the screen and the content field to change
(`kiosk.render.content_fields`).

Exclusions, the only ones: invisible items (not visible, opacity 0, fully transparent text
colour, or nothing of them on screen) are not audited; disabled items (`enabled: false` on the
item or an ancestor) are not touch targets and their text is exempt from contrast (WCAG:
inactive controls); a Text marked decorative with `Accessible.ignored: true` is exempt from
contrast (it is still checked for clipping); a Text whose glyphs are nowhere in the picture
(covered by another item) has no measurable contrast and is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.render.clipped_text import clipped_texts
from kiosk.render.content_fields import name_places
from kiosk.render.scene import Finding, handlers_of, label_of, origin, scene_rect, visible_rect, walk, whole
from kiosk.render.text_contrast import low_contrast_texts

if TYPE_CHECKING:
    from kiosk.app.screens import KioskWindow


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


def audit_screen(kiosk_window: KioskWindow | QQuickWindow, *, min_contrast: float, min_target_px: int = 48,
                 reach_top: float | None = None, screen: str | None = None) -> list[Finding]:
    """Every touch target, clipping and contrast problem on the screen on view.

    `kiosk_window` is a `KioskWindow` (or a bare QQuickWindow) whose screen has settled;
    `reach_top` (reach mode: Theme.reachTop) also checks every control can be reached. With a
    KioskWindow each finding names the screen (or `screen`) and its content field."""
    window = cast("QQuickWindow", getattr(kiosk_window, "window", kiosk_window))
    root = window.contentItem()
    window_rect = QRectF(0, 0, window.width(), window.height())
    image = window.grabWindow()
    reach = [] if reach_top is None else unreachable_targets(root, reach_top, window_rect,
                                                                   min_target_px)
    found = (small_targets(root, min_target_px) + reach + clipped_texts(root, window_rect)
             + low_contrast_texts(root, image, window_rect, min_contrast))
    navigator = getattr(kiosk_window, "navigator", None)
    if navigator is None:
        return found
    return name_places(found, navigator, screen)
