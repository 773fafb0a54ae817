"""What `kiosk render` draws: every screen in visiting order, how each is reached, and in which modes.

The screens: attract, home, each floor, each section and each exhibit, in one language; with opening hours
also the closed screen, over the closed slide (`closed.png`, when there is one) and dark
(`closed-dark.png`, as a touch shows it when there is no slide). The closed screen belongs to
the operations overlays, not to the visitor screens: it is put over the window as the kiosk shows
it at its next closing and taken away again after its picture.

The modes: `--mode large-text` renders with a visitor's accessibility mode on (repeat `--mode`, or
write `large-text+high-contrast`, for several at once); `--mode all` renders the standard kiosk and
each mode into its own folder (`default/`, `large-text/` ...). Each rendering is audited with its
own contrast target (7:1 in high contrast, else 4.5:1, or the theme's own) and, in reach mode,
with the part of the screen a seated visitor reaches.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem

    from kiosk.app.screens import KioskWindow
    from kiosk.content.i18n import Text
    from kiosk.content.model import Exhibition
    from kiosk.content.model import Hours as HoursSettings

CLOSED_SCREEN_QML = Path(__file__).resolve().parent.parent / "qml" / "ops" / "ClosedScreen.qml"


@dataclass(frozen=True)
class Shot:
    """One screen to render: how to get there, its file name and its caption."""

    name: str
    caption: str
    move: tuple[str, str]


def plan(exhibition: Exhibition, language: str) -> Iterator[Shot]:
    """Every screen of the exhibition, in visiting order."""
    from kiosk.content.i18n import resolve

    fallback = exhibition.settings.default_language

    def text(value: Text | None) -> str:
        return resolve(value, language, fallback)

    yield Shot("00-attract.png", "Attract loop", ("resetToAttract", ""))
    yield Shot("01-home.png", "Home", ("home", ""))
    for floor in exhibition.floors:
        yield Shot(f"floor-{floor.id}.png", f"Floor {floor.number}: {text(floor.title)}",
                   ("openFloor", floor.id))
        for section in floor.sections:
            yield Shot(f"section-{section.id}.png", f"{text(section.title)}",
                       ("openSection", section.id))
            for exhibit in section.exhibits:
                yield Shot(f"exhibit-{exhibit.id}.png",
                           f"{text(exhibit.title)} ({exhibit.type.replace('_', ' ')})",
                           ("openExhibit", exhibit.id))


def page_name(name: str, page: int, taken: set[str]) -> str:
    """`exhibit-x-2.png` for the second part of `exhibit-x.png` (`exhibit-x-part2.png` when
    another screen already has that name, an exhibit called `x-2`)."""
    stem = name.removesuffix(".png")
    plain = f"{stem}-{page}.png"
    return plain if plain not in taken else f"{stem}-part{page}.png"


def closed_shots(exhibition: Exhibition) -> list[Shot]:
    """The closed screen, for an exhibition with opening hours: with its slide, and dark."""
    hours = exhibition.settings.hours
    if hours is None or closing_moment(hours, dt.datetime.now()) is None:
        return []
    dark = Shot("closed-dark.png", "Closed, without a slide (after a touch)", ("closed", "dark"))
    if hours.closed_slide is None:
        return [dark]
    return [Shot("closed.png", "Closed, over the closed slide", ("closed", "slide")), dark]


def closing_moment(hours: HoursSettings, now: dt.datetime) -> dt.datetime | None:
    """A moment the exhibition is closed: now, else its next closing (None: it never closes)."""
    from kiosk.ops.schedule import Schedule

    schedule, moment = Schedule(hours), now
    for _ in range(100):
        state = schedule.state(moment)
        if not state.open:
            return moment
        if state.until is None:
            return None
        moment = state.until
    return None


def show_closed(kiosk: KioskWindow, exhibition: Exhibition, with_slide: bool) -> QQuickItem | None:
    """Put the closed screen over the window, as the kiosk shows it at its next closing (the
    screens under it hidden, so the audit sees only what visitors see). Returns the item, or
    None when it could not be made; `hide_closed` takes it away again."""
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuick import QQuickItem

    from kiosk.ops.hours import Hours

    hours_settings = exhibition.settings.hours
    assert hours_settings is not None, "the closed screen is shown only for an exhibition with opening hours"
    moment = closing_moment(hours_settings, dt.datetime.now()) or dt.datetime.now()
    hours = Hours.for_engine(kiosk.engine)
    hours.display_power = lambda on: False  # a rendering never touches the display
    hours.clock = lambda: moment
    shown = hours_settings if with_slide else hours_settings.model_copy(update={"closed_slide": None})
    hours.configure(shown, kiosk.navigator.content_root)
    component = QQmlComponent(kiosk.engine, QUrl.fromLocalFile(str(CLOSED_SCREEN_QML)))
    item = component.create()
    if not isinstance(item, QQuickItem):
        for error in component.errors():
            print(f"kiosk render: the closed screen: {error.toString()}", file=sys.stderr)
        return None
    content = kiosk.window.contentItem()
    for child in content.childItems():
        child.setVisible(False)
    item.setParentItem(content)
    item.setParent(content)
    item.setSize(content.size())
    kiosk.wait_until(lambda: not item.property("loading"))
    kiosk.wait_for_frame()
    return item


def hide_closed(kiosk: KioskWindow, item: QQuickItem) -> None:
    """Take the closed screen away and show the screens again; the kiosk open as before."""
    from kiosk.ops.hours import Hours

    item.setVisible(False)
    item.setParentItem(None)  # type: ignore[arg-type]  # Qt accepts None; the PySide6 stub does not say so
    item.deleteLater()
    for child in kiosk.window.contentItem().childItems():
        child.setVisible(True)
    Hours.for_engine(kiosk.engine).configure(None)


@dataclass(frozen=True)
class Variant:
    """One way of rendering: a set of accessibility modes (none for the standard kiosk)."""

    modes: tuple[str, ...]

    @property
    def name(self) -> str:
        return "+".join(self.modes) if self.modes else "default"


def variants(requested: list[str], known: tuple[str, ...]) -> list[Variant]:
    """The variants `--mode` asks for. Repeated names and 'a+b' combine modes in one rendering;
    'all' renders the standard kiosk and each mode alone (plus any combination also named)."""
    wanted = [part for value in requested for part in value.split("+") if part]
    unknown = [name for name in wanted if name != "all" and name not in known]
    if unknown:
        raise ValueError(f"no accessibility mode called {unknown[0]!r} "
                         f"(choose from {', '.join(known)} or all)")
    if "all" not in wanted:
        return [Variant(tuple(name for name in known if name in wanted))]
    result = [Variant(())] + [Variant((name,)) for name in known]
    for value in requested:
        if value != "all":
            combined = Variant(tuple(name for name in known if name in value.split("+")))
            if combined not in result:
                result.append(combined)
    return result


def apply_modes(kiosk: KioskWindow, modes: tuple[str, ...]) -> None:
    """Turn exactly these accessibility modes on (moving to attract turns them all off)."""
    from kiosk.app.access import Access

    access = Access.for_engine(kiosk.engine)
    on = set(access.property("modes") or [])
    if on != set(modes):
        access.reset()
        for name in modes:
            access.set_mode(name, True)


def contrast_target(kiosk: KioskWindow, modes: tuple[str, ...]) -> float:
    target = kiosk.theme.property("contrastTarget")
    return float(target) if target else (7.0 if "high-contrast" in modes else 4.5)


def reachable_from(kiosk: KioskWindow, modes: tuple[str, ...]) -> float | None:
    """In reach mode, where the part of the screen a seated visitor reaches begins."""
    return float(kiosk.theme.property("reachTop") or 0) if "reach" in modes else None
