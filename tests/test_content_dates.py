"""Dated content: `from` and `until` on floors, sections, exhibits and attract slides.

Checked with its place and a hint, hidden out of its dates (also while the kiosk runs, when the
clock passes a date), rendered and checked as on another day, and counted in the visitor report
only while it was shown.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.app.navigator import Navigator
from kiosk.cli import main as kiosk
from kiosk.content.dates import hidden_items, next_change, shown_on
from kiosk.content.load import load_exhibition
from kiosk.content.model import Exhibition
from kiosk.content.schema import schema_for
from kiosk.insights.report import local_midnight
from kiosk.insights.schema import connect
from kiosk.session import ExhibitionSession
from tests.content_factory import ATTRACT_MEDIA, EXHIBITION, FLOOR, line_of, make_content

FESTIVAL = """\
  - id: festival
    title: {en: Lantern festival, zh: 灯节}
    from: 2027-02-05
    until: 2027-02-15
    exhibits:
      - id: lanterns
        type: article
        title: {en: Lanterns, zh: 灯笼}
        body: {en: Paper and light., zh: 纸与光。}
      - id: lantern-night
        type: article
        title: {en: The night parade, zh: 夜游}
        body: {en: From six in the evening., zh: 晚上六点起。}
        from: 2027-02-05 18:00
"""

DATED_FLOOR = FLOOR.replace("sections:\n", "sections:\n" + FESTIVAL).replace(
    "      - id: harbour-film\n", "      - id: harbour-film\n        until: 2027-03-01\n")
"""The factory's floor with a dated section (with one exhibit from 18:00) and a dated film."""

DATED_EXHIBITION = EXHIBITION.replace(
    ATTRACT_MEDIA,
    "media:\n    - {file: media/a.png, alt: {en: Ships in the harbour, zh: 港口里的船}}\n"
    "    - {file: media/map.png, from: 2027-02-05, until: 2027-02-15}")
"""The factory's exhibition with a festival attract slide."""

BEFORE = dt.datetime(2027, 1, 10, 12, 0)


def dated_content(root: Path, floor: str = DATED_FLOOR, exhibition: str = DATED_EXHIBITION) -> Path:
    return make_content(root, floor=floor, exhibition=exhibition)


def loaded(root: Path, now: dt.datetime = BEFORE) -> Exhibition:
    result = load_exhibition(root, now=now)
    assert not result.problems, "\n".join(problem.format() for problem in result.problems)
    assert result.exhibition is not None
    return result.exhibition


def exhibit_ids(exhibition: Exhibition) -> list[str]:
    return [e.id for floor in exhibition.floors for section in floor.sections for e in section.exhibits]


def section_ids(exhibition: Exhibition) -> list[str]:
    return [section.id for floor in exhibition.floors for section in floor.sections]


# -- checks ---------------------------------------------------------------------------------


def test_dates_and_date_times_are_read_and_valid(tmp_path: Path) -> None:
    exhibition = loaded(dated_content(tmp_path))
    section = exhibition.floors[0].sections[0]
    assert (section.from_, section.until) == (dt.date(2027, 2, 5), dt.date(2027, 2, 15))
    assert section.exhibits[1].from_ == dt.datetime(2027, 2, 5, 18, 0)
    assert exhibition.settings.attract.media[1].file == "media/map.png"


@pytest.mark.parametrize("written", ["5 Feb 2027", "2027-02-30", "2027/02/05", "20270205"])
def test_a_malformed_date_is_an_error_at_its_place_with_an_example(tmp_path: Path, written: str) -> None:
    floor = DATED_FLOOR.replace("    from: 2027-02-05\n", f"    from: {written}\n")
    result = load_exhibition(dated_content(tmp_path, floor=floor), now=BEFORE)
    (error,) = result.errors
    where = (f"{tmp_path.name}/floors/1-ground.yaml", line_of(floor, f"from: {written}"), 11)
    assert (error.path, error.line, error.col) == where
    assert "is not a date" in error.message and written in error.message
    assert "2027-02-05" in error.hint and "2027-02-05 18:00" in error.hint


def test_until_before_from_is_an_error_at_until(tmp_path: Path) -> None:
    floor = DATED_FLOOR.replace("    until: 2027-02-15\n", "    until: 2027-02-04\n")
    result = load_exhibition(dated_content(tmp_path, floor=floor), now=BEFORE)
    (error,) = result.errors
    assert error.line == line_of(floor, "until: 2027-02-04") and error.col == 12
    assert error.message == "'until' (4 Feb 2027) is before 'from' (5 Feb 2027)"
    assert error.hint and result.exhibition is None


def test_until_the_same_day_as_from_is_one_day_not_an_error(tmp_path: Path) -> None:
    floor = DATED_FLOOR.replace("    until: 2027-02-15\n", "    until: 2027-02-05\n")
    exhibition = loaded(dated_content(tmp_path, floor=floor))
    assert "festival" in section_ids(shown_on(exhibition, dt.datetime(2027, 2, 5, 23, 59)))
    assert "festival" not in section_ids(shown_on(exhibition, dt.datetime(2027, 2, 6)))


def test_an_until_in_the_past_is_a_warning_that_it_is_hidden(tmp_path: Path) -> None:
    root = dated_content(tmp_path)
    result = load_exhibition(root, now=dt.datetime(2027, 3, 2, 9, 0))
    assert not result.errors and result.exhibition is not None
    texts = [(p.line, p.message, p.hint) for p in result.warnings]
    assert (line_of(DATED_FLOOR, "until: 2027-03-01"), "this exhibit ended on 1 Mar 2027; it is hidden",
            "remove it or change the date") in texts
    assert any(message == "this section ended on 15 Feb 2027; it is hidden" for _, message, _ in texts)
    assert any(message == "this attract slide ended on 15 Feb 2027; it is hidden" for _, message, _ in texts)
    # the last day of an `until` is still shown: no warning yet
    last_day = load_exhibition(root, now=dt.datetime(2027, 3, 1, 23, 0)).warnings
    assert len(last_day) == 2 and not any("1 Mar 2027" in warning.message for warning in last_day)


def test_the_schema_has_from_and_until_and_dated_attract_slides() -> None:
    schema = schema_for("floor")
    assert {"from", "until"} <= set(schema["properties"])  # the floor itself
    for model in ("Section", "Article", "Video"):
        assert {"from", "until"} <= set(schema["$defs"][model]["properties"]), model
    assert "2027-02-05 18:00" in json.dumps(schema)
    slide = schema_for("exhibition")["$defs"]["AttractSlide"]["properties"]
    assert {"file", "alt", "from", "until"} == set(slide)


# -- what is shown --------------------------------------------------------------------------


def test_items_out_of_their_dates_are_left_out(tmp_path: Path) -> None:
    exhibition = loaded(dated_content(tmp_path))
    before = shown_on(exhibition, BEFORE)
    assert section_ids(before) == ["harbour"] and len(before.settings.attract.media) == 1
    morning = shown_on(exhibition, dt.datetime(2027, 2, 5, 9, 0))
    assert section_ids(morning) == ["festival", "harbour"]
    assert "lantern-night" not in exhibit_ids(morning)  # from 18:00 that day
    assert [s.file for s in morning.settings.attract.media] == ["media/a.png", "media/map.png"]
    evening = shown_on(exhibition, dt.datetime(2027, 2, 5, 18, 0))
    assert "lantern-night" in exhibit_ids(evening)
    last_minute = shown_on(exhibition, dt.datetime(2027, 2, 15, 23, 59, 59))
    assert "festival" in section_ids(last_minute)  # `until` a date: through the end of that day
    after = shown_on(exhibition, dt.datetime(2027, 2, 16))
    assert section_ids(after) == ["harbour"] and len(after.settings.attract.media) == 1
    assert "harbour-film" not in exhibit_ids(shown_on(exhibition, dt.datetime(2027, 3, 2)))
    assert shown_on(exhibition, dt.datetime(2027, 2, 20)) is not exhibition
    assert exhibition.floors[0].sections[0].id == "festival"  # the whole exhibition is unchanged


def test_a_section_with_every_exhibit_hidden_is_hidden_and_a_floor_likewise(tmp_path: Path) -> None:
    floor = DATED_FLOOR.replace("    from: 2027-02-05\n    until: 2027-02-15\n", "").replace(
        "        body: {en: Paper and light., zh: 纸与光。}\n",
        "        body: {en: Paper and light., zh: 纸与光。}\n        until: 2027-01-31\n").replace(
        "        from: 2027-02-05 18:00\n", "        from: 2027-02-05 18:00\n        until: 2027-02-06\n")
    exhibition = loaded(dated_content(tmp_path, floor=floor))
    assert "festival" in section_ids(shown_on(exhibition, BEFORE))
    assert "festival" not in section_ids(shown_on(exhibition, dt.datetime(2027, 2, 3)))
    lines = hidden_items(exhibition, dt.datetime(2027, 2, 3))
    assert "section 'festival' (all its exhibits are hidden)" in lines
    harbour_ends = DATED_FLOOR.replace("  - id: harbour\n", "  - id: harbour\n    until: 2027-01-31\n")
    exhibition = loaded(dated_content(tmp_path / "b", floor=harbour_ends))
    assert shown_on(exhibition, dt.datetime(2027, 2, 3)).floors == ()
    assert "floor 'ground' (all its sections are hidden)" in hidden_items(exhibition, dt.datetime(2027, 2, 3))
    assert [floor.id for floor in shown_on(exhibition, dt.datetime(2027, 2, 5)).floors] == ["ground"]


def test_the_next_change_is_the_next_from_or_until(tmp_path: Path) -> None:
    exhibition = loaded(dated_content(tmp_path))
    assert next_change(exhibition, BEFORE) == dt.datetime(2027, 2, 5)
    assert next_change(exhibition, dt.datetime(2027, 2, 5, 9)) == dt.datetime(2027, 2, 5, 18)
    assert next_change(exhibition, dt.datetime(2027, 2, 10)) == dt.datetime(2027, 2, 16)
    assert next_change(exhibition, dt.datetime(2027, 3, 2)) is None


def test_out_of_dates_waits_for_the_visit_to_end_and_an_exhibit_opened_by_id_is_not_shown(
    tmp_path: Path, qapp: Any
) -> None:
    exhibition = loaded(dated_content(tmp_path))
    moment = [dt.datetime(2027, 2, 15, 23, 0)]
    navigator = Navigator()
    navigator.set_clock(lambda: moment[0])
    session = ExhibitionSession()
    navigator.attach(session)
    session.show(exhibition, tmp_path)
    navigator.openFloor("ground")
    assert [card["cardId"] for card in navigator.sectionsOf("ground").cards()] == ["festival", "harbour"]
    moment[0] = dt.datetime(2027, 2, 16, 0, 0, 1)
    navigator._dates.crossed.emit()  # the timer's signal, as at midnight
    assert navigator.sectionsOf("ground").count == 2  # a visitor is inside: it waits
    navigator.resetToAttract()
    assert [card["cardId"] for card in navigator.sectionsOf("ground").cards()] == ["harbour"]
    navigator.openExhibit("lanterns")
    assert navigator.property("screen") == "attract"


# -- while the kiosk runs -------------------------------------------------------------------


def every_item(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from every_item(child)


def visible_texts(kiosk_window: Any) -> set[str]:
    return {str(item.property("text")) for item in every_item(kiosk_window.window.contentItem())
            if item.inherits("QQuickText") and item.isVisible()}


def running_clock(start: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that starts at `start` and runs at the real speed."""
    began = time.monotonic()
    return lambda: start + dt.timedelta(seconds=time.monotonic() - began)


@pytest.mark.both_rigs
def test_the_section_disappears_when_the_clock_passes_until_without_a_restart(
    tmp_path: Path, qtbot: Any
) -> None:
    from kiosk.app.screens import KioskWindow
    from kiosk.ops.qml_types import register_qml_types

    register_qml_types()  # the screens listen to the operations' Idle
    exhibition = loaded(dated_content(tmp_path))
    kiosk_window = KioskWindow(exhibition, tmp_path)
    try:
        navigator = kiosk_window.navigator
        clock = running_clock(dt.datetime(2027, 2, 15, 23, 59, 58, 500_000))
        navigator.set_clock(clock)
        sections = navigator.sectionsOf("ground")
        assert clock() < dt.datetime(2027, 2, 16)  # still the festival's last day
        assert [card["cardId"] for card in sections.cards()] == ["festival", "harbour"]
        assert len(navigator.property("attractSlides")) == 2
        # nobody touches the screen: at midnight the section and the slide go by themselves
        qtbot.waitUntil(lambda: sections.count == 1, timeout=10_000)
        assert clock() >= dt.datetime(2027, 2, 16)
        assert [card["cardId"] for card in sections.cards()] == ["harbour"]
        assert len(navigator.property("attractSlides")) == 1
        navigator.openFloor("ground")
        qtbot.waitUntil(lambda: "Harbour" in visible_texts(kiosk_window), timeout=10_000)
        assert "Lantern festival" not in visible_texts(kiosk_window)
    finally:
        kiosk_window.close()


# -- the commands ---------------------------------------------------------------------------


def test_validate_date_checks_as_on_that_day_and_lists_what_is_hidden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = dated_content(tmp_path / "content")
    assert kiosk(["validate", str(root), "--date", "2027-02-05"]) == 0
    out = capsys.readouterr().out
    assert "Content is valid: no errors, no warnings." in out
    assert "On 5 Feb 2027: shown 1 floors, 2 sections, 4 exhibits, 2 attract slides; hidden 1:" in out
    assert "hidden: exhibit 'lantern-night' (from 5 Feb 2027 at 18:00)" in out
    assert kiosk(["validate", str(root), "--date", "2027-03-02"]) == 0
    out = capsys.readouterr().out
    assert "warning: this exhibit ended on 1 Mar 2027; it is hidden (remove it or change the date)" in out
    assert "hidden: section 'festival' (from 5 Feb 2027, until 15 Feb 2027)" in out
    with pytest.raises(SystemExit):
        kiosk(["validate", str(root), "--date", "5 Feb"])
    assert "'5 Feb' is not a date like 2027-02-05 or 2027-02-05 18:00" in capsys.readouterr().err


def test_render_date_renders_the_exhibition_as_on_that_day(tmp_path: Path, qapp: Any) -> None:
    root = dated_content(tmp_path / "content")
    assert kiosk(["render", str(root), "--out", str(tmp_path / "during"), "--date", "2027-02-10"]) == 0
    assert (tmp_path / "during" / "section-festival.png").is_file()
    assert (tmp_path / "during" / "exhibit-lantern-night.png").is_file()
    assert kiosk(["render", str(root), "--out", str(tmp_path / "after"), "--date", "2027-02-16"]) == 0
    assert not (tmp_path / "after" / "section-festival.png").exists()
    assert (tmp_path / "after" / "section-harbour.png").is_file()


def test_the_report_lists_a_dated_exhibit_only_for_a_period_it_was_shown(tmp_path: Path, qapp: Any) -> None:
    root = dated_content(tmp_path / "content")
    database = tmp_path / "visits.db"
    connection = connect(database)
    base = local_midnight(dt.date(2027, 1, 10)) + 10 * 3600
    connection.execute("INSERT INTO sessions VALUES (?,?,?,?,?,?)", ("a", "k", base, base + 60, "en", "idle"))
    connection.execute("INSERT INTO views VALUES (?,?,?,?,?,?,?)",
                       ("a", "k", "exhibit", "harbour-text", base + 5, 50, "en"))
    connection.commit()
    connection.close()

    def listed(first: str, last: str) -> set[str]:
        out = tmp_path / f"report-{first}"
        assert kiosk(["report", "--db", str(database), "--content", str(root), "--from", first,
                      "--to", last, "--out", str(out)]) == 0
        with (out / "exhibits.csv").open(encoding="utf-8", newline="") as file:
            return {row["exhibit"] for row in csv.DictReader(file)}

    january = listed("2027-01-01", "2027-01-31")
    assert {"harbour-text", "harbour-map", "harbour-film"} <= january
    assert not {"lanterns", "lantern-night"} & january  # not shown in January: not listed with no views
    assert {"lanterns", "lantern-night"} <= listed("2027-01-01", "2027-02-05")
