"""What an exhibition session tells its subscribers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from kiosk.content.model import Exhibition

EndReason = Literal["idle", "home", "content", "closing", "error", "staff"]
"""Why a visit ended: nobody touched the screen for a while (idle), the visitor went back to the
attract loop (home), new content was shown, the building closed, an unexpected error, or staff."""
END_REASONS: tuple[str, ...] = get_args(EndReason)


@dataclass(frozen=True)
class ExhibitionChanged:
    """Another exhibition (or a new version of it) is shown; None while nothing can be shown."""

    exhibition: Exhibition | None
    root: Path


@dataclass(frozen=True)
class VisitStarted:
    """A visitor touched the attract loop. `number` counts the visits since midnight (1 = first)."""

    number: int


@dataclass(frozen=True)
class VisitEnded:
    """The visit is over; the screen goes back to the attract loop in the starting language."""

    reason: EndReason
    seconds: float


@dataclass(frozen=True)
class LanguageChanged:
    """The language of the screen changed (a visitor's choice, or back to the starting one)."""

    language: str
    previous: str


Event = ExhibitionChanged | VisitStarted | VisitEnded | LanguageChanged
