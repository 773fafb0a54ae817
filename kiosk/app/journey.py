"""Where a visitor is in the exhibition and how they got there (plain Python, no Qt).

A visit moves attract -> home -> floor -> section -> exhibit. Every move records where the
visitor came from, so Back retraces their steps, including a jump from a map hotspot to an
exhibit on another floor. Repeating a move to where the visitor already is does nothing,
so a double tap or a second finger cannot push a screen twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kiosk.content.model import Exhibition, Floor

Screen = Literal["attract", "home", "floor", "section", "exhibit"]
SCREENS: tuple[Screen, ...] = ("attract", "home", "floor", "section", "exhibit")
HISTORY_LIMIT = 64


@dataclass(frozen=True)
class Place:
    """One screen of the visit: which screen and which floor, section and exhibit it shows."""

    screen: Screen
    floor: str = ""
    section: str = ""
    exhibit: str = ""

    def parent(self) -> Place:
        """The screen one level up: exhibit -> section -> floor -> home."""
        if self.screen == "exhibit":
            return Place("section", self.floor, self.section)
        if self.screen == "section":
            return Place("floor", self.floor)
        return Place("home")


ATTRACT = Place("attract")
HOME = Place("home")


class Journey:
    """The visitor's current place and the trail of places behind it."""

    def __init__(self, exhibition: Exhibition | None = None) -> None:
        self._exhibition = exhibition
        self.place: Place = ATTRACT
        self.history: list[Place] = []
        self.start = ""
        """A floor, section or exhibit id where a touch on attract leads (this screen's
        settings); empty, or an id the exhibition no longer has: the home screen."""

    # -- the exhibition's shape ------------------------------------------------------------

    def set_exhibition(self, exhibition: Exhibition | None) -> None:
        """Show another exhibition (a content reload); keep the place if it still exists."""
        self._exhibition = exhibition
        self.history = [place for place in self.history if self.exists(place)]
        if not self.exists(self.place):
            self.place = HOME if self.place != ATTRACT and exhibition is not None else ATTRACT

    @property
    def on_attract(self) -> bool:
        """On the attract loop, where no visitor is: the next move away from it starts a visit."""
        return self.place == ATTRACT

    def floor_of_section(self, section_id: str) -> str | None:
        for floor in self._floors():
            if any(section.id == section_id for section in floor.sections):
                return str(floor.id)
        return None

    def exists(self, place: Place) -> bool:
        if place.screen in ("attract", "home"):
            return True
        floors = {floor.id: floor for floor in self._floors()}
        floor = floors.get(place.floor)
        if floor is None:
            return False
        if place.screen == "floor":
            return True
        sections = {section.id: section for section in floor.sections}
        section = sections.get(place.section)
        if section is None:
            return False
        if place.screen == "section":
            return True
        return any(exhibit.id == place.exhibit for exhibit in section.exhibits)

    def place_of(self, place_id: str) -> Place | None:
        """The screen that shows a floor, section or exhibit id (None if there is none)."""
        if not place_id:
            return None
        if any(floor.id == place_id for floor in self._floors()):
            return Place("floor", place_id)
        floor_id = self.floor_of_section(place_id)
        if floor_id is not None:
            return Place("section", floor_id, place_id)
        found = self._exhibition.locate(place_id) if self._exhibition is not None else None
        if found is not None:
            return Place("exhibit", found[0].id, found[1].id, place_id)
        return None

    def start_place(self) -> Place:
        """Where a visit begins on this screen: the start place, else the home screen."""
        return self.place_of(self.start) or HOME

    def _floors(self) -> tuple[Floor, ...]:
        return tuple(self._exhibition.floors) if self._exhibition is not None else ()

    # -- moves -----------------------------------------------------------------------------

    def go(self, place: Place) -> bool:
        """Move to a place, remembering where the visitor was. False if nothing changed."""
        if place == self.place or not self.exists(place):
            return False
        if self.place.screen != "attract":
            self.history.append(self.place)
            del self.history[:-HISTORY_LIMIT]
        self.place = place
        return True

    def touch(self) -> bool:
        """The first touch on the attract loop opens the start place (usually the home screen).

        From a start place, Back climbs towards the home screen (exhibit, section, floor, home),
        so a visitor at a floor's own screen can still reach the whole exhibition."""
        if self.place != ATTRACT:
            return False
        self.history.clear()
        self.place = self.start_place()
        return True

    def home(self) -> bool:
        if self.place == HOME:
            return False
        self.history.clear()
        self.place = HOME
        return True

    def open_floor(self, floor_id: str) -> bool:
        return self.go(Place("floor", floor_id))

    def open_section(self, section_id: str) -> bool:
        floor_id = self.floor_of_section(section_id)
        if floor_id is None:
            return False
        return self.go(Place("section", floor_id, section_id))

    def open_exhibit(self, exhibit_id: str) -> bool:
        if self._exhibition is None:
            return False
        found = self._exhibition.locate(exhibit_id)
        if found is None:
            return False
        floor, section, _ = found
        return self.go(Place("exhibit", floor.id, section.id, exhibit_id))

    def back(self) -> bool:
        """Step back along the trail; without a trail, one level up."""
        if self.place.screen in ("attract", "home"):
            return False
        while self.history:
            previous = self.history.pop()
            if self.exists(previous) and previous != self.place:
                self.place = previous
                return True
        self.place = self.place.parent()
        return True

    def reset(self) -> bool:
        """Back to the attract loop, forgetting the visit (the next visitor starts fresh)."""
        changed = self.place != ATTRACT or bool(self.history)
        self.place = ATTRACT
        self.history.clear()
        return changed
