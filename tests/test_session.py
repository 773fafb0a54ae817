"""The exhibition session: one place for the exhibition shown, the language and the visits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.load import load_exhibition
from kiosk.session import (
    ExhibitionChanged,
    ExhibitionSession,
    LanguageChanged,
    VisitEnded,
    VisitStarted,
)
from tests.ui_helpers import write_sample_exhibition


@pytest.fixture
def exhibition(tmp_path: Path) -> Any:
    root = write_sample_exhibition(tmp_path / "content")
    result = load_exhibition(root)
    assert result.exhibition is not None
    return result.exhibition


def recorded(session: ExhibitionSession) -> list[object]:
    events: list[object] = []
    for kind in (ExhibitionChanged, VisitStarted, VisitEnded, LanguageChanged):
        session.subscribe(kind, events.append)
    return events


def test_a_visit_starts_once_ends_once_and_is_counted_once(exhibition: Any, tmp_path: Path) -> None:
    now = [100.0]
    session = ExhibitionSession(monotonic=lambda: now[0])
    session.show(exhibition, tmp_path)
    events = recorded(session)
    session.begin_visit()
    session.begin_visit()
    now[0] = 142.5
    session.end_visit("idle")
    session.end_visit("idle")
    assert events == [VisitStarted(1), VisitEnded("idle", 42.5)]
    session.begin_visit()
    assert session.visits_today() == 2 and session.visiting


def test_each_visit_tells_the_log_when_it_starts_and_ends(
    exhibition: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = [10.0]
    session = ExhibitionSession(monotonic=lambda: now[0])
    session.show(exhibition, tmp_path)
    with caplog.at_level("INFO", logger="kiosk.session"):
        session.begin_visit()
        now[0] = 75.0
        session.end_visit("idle")
    assert [r.getMessage() for r in caplog.records] == [
        "visitor session started (1 today)", "visitor session ended (idle) after 65 s"]


def test_visits_are_counted_from_midnight(exhibition: Any, tmp_path: Path) -> None:
    day = [dt.date(2027, 3, 1)]
    session = ExhibitionSession(today=lambda: day[0])
    session.show(exhibition, tmp_path)
    session.begin_visit()
    session.end_visit("home")
    assert session.visits_today() == 1
    day[0] = dt.date(2027, 3, 2)
    assert session.visits_today() == 0
    events = recorded(session)
    session.begin_visit()
    assert events == [VisitStarted(1)]


def test_the_language_goes_back_to_the_start_after_a_visit(exhibition: Any, tmp_path: Path) -> None:
    session = ExhibitionSession()
    session.show(exhibition, tmp_path)
    assert session.language == "en" and session.languages == ["en", "zh"]
    session.begin_visit()
    events = recorded(session)
    assert session.choose_language("zh")
    assert not session.choose_language("fr"), "a language the exhibition does not have"
    session.end_visit("idle")
    assert events == [LanguageChanged("zh", "en"), VisitEnded("idle", events[1].seconds),  # type: ignore[attr-defined]
                      LanguageChanged("en", "zh")]


def test_this_screens_languages_come_first(exhibition: Any, tmp_path: Path) -> None:
    session = ExhibitionSession()
    session.show(exhibition, tmp_path)
    session.set_screen_languages(["zh", "fr"])
    assert session.languages == ["zh"] and session.language == "zh"
    assert session.default_language == "en", "the exhibition's own default stays the staff's language"


def test_new_content_keeps_the_visitors_language_when_it_can(exhibition: Any, tmp_path: Path) -> None:
    session = ExhibitionSession()
    session.show(exhibition, tmp_path)
    session.begin_visit()
    session.choose_language("zh")
    events = recorded(session)
    session.show(exhibition, tmp_path / "next")
    assert events == [ExhibitionChanged(exhibition, tmp_path / "next")]
    session.show(None, tmp_path)
    assert session.language == "en" and session.languages == ["en"]
    assert events[-1] == LanguageChanged("en", "zh")


def test_content_shown_out_of_a_visit_starts_in_the_starting_language(tmp_path: Path) -> None:
    root = write_sample_exhibition(tmp_path)
    yaml = root / "exhibition.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(
        "languages: [en, zh]\ndefault_language: en", "languages: [zh, en]\ndefault_language: zh"),
        encoding="utf-8")
    exhibition = load_exhibition(root).exhibition
    session = ExhibitionSession()
    session.show(exhibition, root)  # the kiosk's first screen: not English, the exhibition's own
    assert session.language == "zh"
    session.choose_language("en")  # chosen on the attract loop, then new content arrives
    session.show(exhibition, root)
    assert session.language == "zh"


def test_a_failing_subscriber_does_not_keep_the_others_from_hearing(exhibition: Any, tmp_path: Path) -> None:
    session = ExhibitionSession()
    session.show(exhibition, tmp_path)
    heard: list[object] = []

    def broken(_event: object) -> None:
        raise RuntimeError("broken subscriber")

    session.subscribe(VisitStarted, broken)
    session.subscribe(VisitStarted, heard.append)
    with pytest.raises(RuntimeError, match="broken subscriber"):
        session.begin_visit()
    assert heard == [VisitStarted(1)] and session.visiting


def test_unsubscribed_handlers_hear_nothing_and_reasons_are_checked(exhibition: Any, tmp_path: Path) -> None:
    session = ExhibitionSession()
    session.show(exhibition, tmp_path)
    heard: list[object] = []
    stop = session.subscribe(VisitStarted, heard.append)
    stop()
    session.begin_visit()
    assert heard == []
    with pytest.raises(ValueError, match="unknown reason"):
        session.end_visit("bored")  # type: ignore[arg-type]
