"""The `Polls` QML singleton: the visitor's vote in a poll exhibit, and everyone's answers.

A visitor votes once per visit in each poll: after the vote, or on coming back to the poll in
the same visit, the poll shows its results with the visitor's own answer marked. When the visit
ends (the exhibition session says so, for whatever reason) the next visitor may vote again.

The votes themselves are kept by a vote store: the statistics database when statistics are on
(`kiosk.insights.votes`, attached with `set_store`), otherwise a count in memory that lasts as
long as the kiosk runs. Results are the totals of every day on this screen. Staff reset a poll
from the staff panel (`reset`): its votes are deleted.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.registry import PerEngine
from kiosk.content.exhibits import Poll
from kiosk.content.i18n import resolve
from kiosk.session import ExhibitionChanged, ExhibitionSession, VisitEnded
from kiosk.words import words

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "MemoryVotes", "Polls", "VoteStore", "shares"]

log = logging.getLogger("kiosk.poll")


class VoteStore(Protocol):
    """Where votes are kept: `totals` of a poll by answer id, `add` one vote, `reset` a poll."""

    def totals(self, poll: str) -> dict[str, int]: ...

    def add(self, poll: str, answer: str) -> None: ...

    def reset(self, poll: str) -> None: ...


class MemoryVotes:
    """Votes counted in memory only: for a kiosk without statistics, and for `kiosk render`."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = {}

    def totals(self, poll: str) -> dict[str, int]:
        return dict(self._counts.get(poll, Counter()))

    def add(self, poll: str, answer: str) -> None:
        self._counts.setdefault(poll, Counter())[answer] += 1

    def reset(self, poll: str) -> None:
        self._counts.pop(poll, None)


def shares(counts: list[int]) -> list[int]:
    """Whole percentages of the counts that add up to 100 (largest remainders get the rest)."""
    total = sum(counts)
    if total <= 0:
        return [0 for _ in counts]
    exact = [count * 100 / total for count in counts]
    whole = [int(value) for value in exact]
    order = sorted(range(len(counts)), key=lambda index: (whole[index] - exact[index], index))
    for index in order[: 100 - sum(whole)]:
        whole[index] += 1
    return whole


@QmlElement
@QmlSingleton
class Polls(QObject):
    """The polls of the exhibition shown (QML: `Polls`)."""

    changed = Signal()
    """A vote was cast, a poll was reset, a visit ended or new content came."""
    voted = Signal(str, str)
    """A visitor voted: the poll's id and the answer's id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ExhibitionSession | None = None
        self._store: VoteStore = MemoryVotes()
        self._chosen: dict[str, str] = {}
        self._revision = 0
        self._stop_listening: list[Callable[[], None]] = []

    # -- registration ----------------------------------------------------------------------

    @staticmethod
    def create(engine: object) -> Polls:
        return Polls.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Polls:
        return _POLLS.get(engine, Polls)

    @staticmethod
    def forget_engine(key: int) -> None:
        _POLLS.forget(key)

    # -- set-up ----------------------------------------------------------------------------

    def attach(self, session: ExhibitionSession) -> None:
        """Follow this session: a visit's choices end with it; new content may bring new polls."""
        for stop in self._stop_listening:
            stop()
        self._session = session
        self._stop_listening = [
            session.subscribe(VisitEnded, lambda _event: self.forget_choices()),
            session.subscribe(ExhibitionChanged, lambda _event: self._changed()),
        ]

    def set_store(self, store: VoteStore | None) -> None:
        """Keep votes in `store` from now on (None: in memory)."""
        self._store = store if store is not None else MemoryVotes()
        self._changed()

    @property
    def store(self) -> VoteStore:
        return self._store

    def _changed(self) -> None:
        self._revision += 1
        self.changed.emit()

    def forget_choices(self) -> None:
        """The visit is over: the next visitor may vote in every poll."""
        if self._chosen:
            self._chosen.clear()
            self._changed()

    def poll(self, poll_id: str) -> Poll | None:
        """The poll exhibit of that id in the exhibition shown, or None."""
        exhibition = self._session.exhibition if self._session is not None else None
        found = exhibition.locate(poll_id) if exhibition is not None else None
        exhibit = found[2] if found else None
        return exhibit if isinstance(exhibit, Poll) else None

    # -- votes -----------------------------------------------------------------------------

    def vote(self, poll_id: str, answer_id: str) -> bool:
        """Count the visitor's answer; False when this visit has voted in this poll already, or
        the poll has no such answer."""
        poll = self.poll(poll_id)
        if poll_id in self._chosen or poll is None or answer_id not in {a.id for a in poll.answers}:
            return False
        self._chosen[poll_id] = answer_id
        self._store.add(poll_id, answer_id)
        log.info("a visitor answered poll %s", poll_id)
        self._changed()
        self.voted.emit(poll_id, answer_id)
        return True

    def chosen(self, poll_id: str) -> str:
        """The answer this visit chose in the poll ('' before the visitor voted)."""
        return self._chosen.get(poll_id, "")

    def results(self, poll_id: str, language: str | None = None) -> dict[str, Any]:
        """Everyone's answers on this screen, in the poll's order, with texts in the language."""
        poll = self.poll(poll_id)
        if poll is None:
            return {"answers": [], "total": 0, "totalText": ""}
        said = words(language or self._language())
        totals = self._store.totals(poll_id)
        counts = [max(0, int(totals.get(answer.id, 0))) for answer in poll.answers]
        percents = shares(counts)
        total = sum(counts)
        most = max(counts) if counts else 0
        chosen = self.chosen(poll_id)
        return {
            "total": total,
            "totalText": said.count("poll_total", total),
            "answers": [
                {
                    "id": answer.id,
                    "count": count,
                    "share": count / total if total else 0.0,
                    "percent": percent,
                    "leading": most > 0 and count == most,
                    "chosen": answer.id == chosen,
                    "countText": said.count("poll_votes", count),
                    "percentText": said.text("poll_share", percent=percent),
                }
                for answer, count, percent in zip(poll.answers, counts, percents, strict=True)
            ],
        }

    def reset(self, poll_id: str) -> None:
        """Staff: delete the poll's votes on this screen (the visit's own choice goes too)."""
        self._store.reset(poll_id)
        self._chosen.pop(poll_id, None)
        log.info("staff reset the results of poll %s", poll_id)
        self._changed()

    def staff_list(self) -> list[dict[str, str]]:
        """Every poll of the exhibition, with its title in the staff's language."""
        exhibition = self._session.exhibition if self._session is not None else None
        if exhibition is None:
            return []
        default = exhibition.settings.default_language
        return [
            {"id": exhibit.id, "title": resolve(exhibit.title, default, default) or exhibit.id}
            for floor in exhibition.floors
            for section in floor.sections
            for exhibit in section.exhibits
            if isinstance(exhibit, Poll)
        ]

    def _language(self) -> str:
        return self._session.language if self._session is not None else "en"

    # -- QML -------------------------------------------------------------------------------

    @Slot(str, str, result=bool)
    def castVote(self, poll_id: str, answer_id: str) -> bool:
        return self.vote(poll_id, answer_id)

    @Slot(str, result=str)
    def choiceIn(self, poll_id: str) -> str:
        return self.chosen(poll_id)

    @Slot(str, str, result="QVariantMap")
    def resultsIn(self, poll_id: str, language: str) -> dict[str, Any]:
        """The results with their words in the language the exhibit is shown in."""
        return self.results(poll_id, language or None)

    @Slot(str)
    def resetPoll(self, poll_id: str) -> None:
        self.reset(poll_id)

    revision = Property(int, lambda self: self._revision, notify=changed)
    """Changes with every vote, reset and visit end: QML bindings that call the slots above
    read it so that they are evaluated again."""
    staffPolls = Property("QVariantList", lambda self: self.staff_list(), notify=changed)  # type: ignore[arg-type]


_POLLS: PerEngine[Polls] = PerEngine()
