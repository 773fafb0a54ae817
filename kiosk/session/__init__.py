"""The exhibition session: what is shown and who is visiting, in plain Python (no Qt).

One `ExhibitionSession` per kiosk window owns the current exhibition and its checked folder, the
language policy (which languages this screen offers, each visitor's starting language, the language
now) and the visit boundaries. It tells its subscribers what happened with typed events:

    session.subscribe(VisitEnded, lambda event: log.info("visit ended: %s", event.reason))

The Navigator (the QML adapter), the reloader, idle, access modes, memory release, the statistics
and the staff panel all subscribe here instead of asking one another.
"""

from kiosk.session.events import (
    END_REASONS,
    EndReason,
    Event,
    ExhibitionChanged,
    LanguageChanged,
    VisitEnded,
    VisitStarted,
)
from kiosk.session.session import ExhibitionSession

__all__ = [
    "END_REASONS",
    "EndReason",
    "Event",
    "ExhibitionChanged",
    "ExhibitionSession",
    "LanguageChanged",
    "VisitEnded",
    "VisitStarted",
]
