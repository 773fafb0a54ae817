"""`kiosk report` on a generated month of visits: every figure checked against its own count.

The visits are made up by kiosk.insights.generate over the bundled exhibition's exhibits (two of
them left out, so nobody opens them). Each CSV file is compared with an independent count made
here in plain Python from the rows of the statistics file; the charts must be real pictures.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main as kiosk
from kiosk.content.load import load_exhibition
from kiosk.insights import merge, queries
from kiosk.insights.generate import generate, made_up_places, places_of
from kiosk.insights.report import gather, local_midnight
from kiosk.insights.schema import connect
from tests.japanese_content import write_japanese_exhibition

REPO = Path(__file__).resolve().parent.parent
FIRST = dt.date(2026, 3, 1)
DAYS = 31
LAST = FIRST + dt.timedelta(days=DAYS - 1)
LEFT_OUT = ("global-500", "seaside-park")
CSV_FILES = (
    "sessions_per_day.csv",
    "sessions_per_hour.csv",
    "exhibits.csv",
    "languages.csv",
    "media.csv",
    "modes.csv",
    "summary.csv",
)
PNG_FILES = (
    "visits_per_day.png",
    "visits_per_hour.png",
    "most_viewed.png",
    "least_viewed.png",
    "dwell.png",
    "languages.png",
    "media.png",
    "modes.png",
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def rows(database: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def visit_lengths(database: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """(session, kiosk) -> (start, length), a visit without an end lasting to its last screen's end."""
    last_end: dict[tuple[str, str], float] = {}
    for session, kiosk_name, started, seconds in rows(
        database, "SELECT session, kiosk, started, seconds FROM views"
    ):
        key = (session, kiosk_name)
        last_end[key] = max(last_end.get(key, 0.0), started + seconds)
    lengths = {}
    for session, kiosk_name, started, ended in rows(
        database, "SELECT id, kiosk, started, ended FROM sessions"
    ):
        finish = ended if ended is not None else last_end.get((session, kiosk_name), started)
        lengths[(session, kiosk_name)] = (started, max(0.0, finish - started))
    return lengths


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> tuple[Path, Path]:
    """A month of one kiosk's visits and the report on it (the bundled content gives titles)."""
    folder = tmp_path_factory.mktemp("month")
    database = folder / "north.db"
    exhibition = load_exhibition(REPO / "content").exhibition
    assert exhibition is not None
    places = [place for place in places_of(exhibition) if place.exhibit not in LEFT_OUT]
    connection = connect(database)
    generate(connection, kiosk="north", first_day=FIRST, days=DAYS, places=places, seed=7)
    connection.close()
    out = folder / "report"
    code = kiosk(["report", "--db", str(database), "--out", str(out), "--content", str(REPO / "content")])
    assert code == 0
    return database, out


def test_the_report_writes_every_table_chart_and_the_page(month: tuple[Path, Path]) -> None:
    _, out = month
    for name in (*CSV_FILES, *PNG_FILES, "index.html"):
        assert (out / name).is_file(), name
    page = (out / "index.html").read_text(encoding="utf-8")
    for name in PNG_FILES:
        assert f'src="{name}"' in page
    assert "Half the visits lasted longer than" in page
    assert "Never opened:" in page and "Global 500 Award, 2001" in page


def test_visits_per_day_and_hour_match_an_independent_count(month: tuple[Path, Path]) -> None:
    database, out = month
    lengths = visit_lengths(database)
    per_day: dict[dt.date, list[float]] = defaultdict(list)
    per_hour: Counter[int] = Counter()
    for started, seconds in lengths.values():
        per_day[dt.datetime.fromtimestamp(started).date()].append(seconds)
        per_hour[dt.datetime.fromtimestamp(started).hour] += 1
    table = read_csv(out / "sessions_per_day.csv")
    assert [row["date"] for row in table] == [(FIRST + dt.timedelta(days=n)).isoformat() for n in range(DAYS)]
    for row in table:
        day = dt.date.fromisoformat(row["date"])
        assert int(row["visits"]) == len(per_day.get(day, []))
        expected = statistics.median(per_day[day]) if per_day.get(day) else 0.0
        assert float(row["median_visit_seconds"]) == pytest.approx(expected, abs=0.051)
    assert [row["visits"] for row in table if row["weekday"] == "Monday"] == ["0"] * 5  # closed
    hours = read_csv(out / "sessions_per_hour.csv")
    assert len(hours) == 24
    assert [int(row["visits"]) for row in hours] == [per_hour[hour] for hour in range(24)]
    assert sum(per_hour[hour] for hour in range(9, 17)) == len(lengths)  # open 09:00-17:00


def test_summary_counts_unfinished_visits_to_their_last_screen(month: tuple[Path, Path]) -> None:
    database, out = month
    unfinished = rows(database, "SELECT COUNT(*) FROM sessions WHERE ended IS NULL")[0][0]
    assert unfinished > 0, "the generated month should hold visits cut short by a stopped kiosk"
    lengths = visit_lengths(database)
    summary = {row["figure"]: row["value"] for row in read_csv(out / "summary.csv")}
    assert int(summary["visits"]) == len(lengths)
    median = statistics.median(seconds for _, seconds in lengths.values())
    assert float(summary["median_visit_seconds"]) == pytest.approx(median, abs=0.051)
    assert summary["kiosks"] == "1"
    assert summary["first_day"] == FIRST.isoformat() and summary["last_day"] == LAST.isoformat()
    assert summary["exhibits_never_opened"] == str(len(LEFT_OUT))


def test_exhibit_views_and_dwell_match_an_independent_count(month: tuple[Path, Path]) -> None:
    database, out = month
    dwell: dict[str, list[float]] = defaultdict(list)
    for item, seconds in rows(database, "SELECT item, seconds FROM views WHERE screen = 'exhibit'"):
        dwell[item].append(seconds)
    table = {row["exhibit"]: row for row in read_csv(out / "exhibits.csv")}
    exhibition = load_exhibition(REPO / "content").exhibition
    assert exhibition is not None
    assert set(table) == set(exhibition.exhibits())  # never opened ones included
    for exhibit, row in table.items():
        assert int(row["views"]) == len(dwell.get(exhibit, []))
        expected = statistics.median(dwell[exhibit]) if exhibit in dwell else 0.0
        assert float(row["median_dwell_seconds"]) == pytest.approx(expected, abs=0.051)
    for exhibit in LEFT_OUT:
        assert table[exhibit]["views"] == "0"
    assert table["city-growth"]["title"] == "Dalian in 24 Seconds"
    views = [int(row["views"]) for row in read_csv(out / "exhibits.csv")]
    assert views == sorted(views, reverse=True)


def test_languages_media_and_modes_match_an_independent_count(month: tuple[Path, Path]) -> None:
    database, out = month
    final = Counter(language for (language,) in rows(database, "SELECT language FROM sessions"))
    languages = {row["language"]: int(row["visits_ending_in_it"]) for row in read_csv(out / "languages.csv")}
    assert languages == dict(final)
    plays: dict[tuple[str, str], list[tuple[float | None, float]]] = defaultdict(list)
    for exhibit, kind, duration, furthest in rows(
        database, "SELECT exhibit, kind, duration, furthest FROM media"
    ):
        plays[(exhibit, kind)].append((duration, furthest))
    media = read_csv(out / "media.csv")
    assert {(row["exhibit"], row["kind"]) for row in media} == set(plays)
    for row in media:
        known = [far for duration, far in plays[(row["exhibit"], row["kind"])] if duration]
        assert int(row["plays"]) == len(plays[(row["exhibit"], row["kind"])])
        assert int(row["played_to_end"]) == sum(far >= 0.9 for far in known)
        assert float(row["played_to_end_percent"]) == pytest.approx(
            100 * sum(far >= 0.9 for far in known) / len(known), abs=0.051
        )
    mode_visits: dict[str, set[str]] = defaultdict(set)
    for session, value in rows(database, "SELECT session, value FROM choices WHERE kind = 'mode'"):
        mode_visits[value].add(session)
    modes = {row["mode"]: int(row["visits"]) for row in read_csv(out / "modes.csv")}
    assert len(modes) == 6  # every mode listed, used or not
    assert {mode: count for mode, count in modes.items() if count} == {
        m: len(s) for m, s in mode_visits.items()
    }


def test_charts_are_real_pictures_of_the_expected_size(month: tuple[Path, Path]) -> None:
    _, out = month
    for name in PNG_FILES:
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert (image.width(), image.height()) == (1600, 900), name
        small = image.scaled(160, 90)
        colours = {small.pixel(x, y) for x in range(160) for y in range(90)}
        dark = sum(1 for x in range(160) for y in range(90) if small.pixelColor(x, y).lightness() < 128)
        assert len(colours) > 20, f"{name} looks blank"
        assert dark > 40, f"{name} has hardly any text or marks"


def test_three_kiosks_merge_into_one_report(
    tmp_path: Path, qapp: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fleet"
    folder.mkdir()
    for number, name in enumerate(("east", "west", "south")):
        connection = connect(folder / f"{name}.db")
        generate(connection, kiosk=name, first_day=FIRST, days=7, places=made_up_places(12), seed=number)
        connection.close()
    out = tmp_path / "report"
    assert kiosk(["report", "--db", str(folder), "--out", str(out)]) == 0
    assert "on 3 kiosks" in capsys.readouterr().out
    expected: Counter[str] = Counter()
    for database in folder.glob("*.db"):
        for (started,) in rows(database, "SELECT started FROM sessions"):
            expected[dt.datetime.fromtimestamp(started).date().isoformat()] += 1
    table = read_csv(out / "sessions_per_day.csv")
    assert {row["date"]: int(row["visits"]) for row in table if row["visits"] != "0"} == dict(expected)
    summary = {row["figure"]: row["value"] for row in read_csv(out / "summary.csv")}
    assert summary["kiosks"] == "3"
    views = sum(
        rows(database, "SELECT COUNT(*) FROM views WHERE screen = 'exhibit'")[0][0]
        for database in folder.glob("*.db")
    )
    assert summary["exhibit_views"] == str(views)
    # the files named one by one give the same report as their folder
    again = tmp_path / "again"
    named = [argument for database in sorted(folder.glob("*.db")) for argument in ("--db", str(database))]
    assert kiosk(["report", *named, "--out", str(again)]) == 0
    assert (again / "exhibits.csv").read_text() == (out / "exhibits.csv").read_text()


def test_merging_by_copy_and_by_attaching_agree(tmp_path: Path) -> None:
    paths = []
    for number in range(3):
        paths.append(tmp_path / f"k{number}.db")
        connection = connect(paths[-1])
        generate(
            connection, kiosk=f"k{number}", first_day=FIRST, days=5, places=made_up_places(10), seed=number
        )
        connection.close()
    last = FIRST + dt.timedelta(days=4)
    start, end = local_midnight(FIRST), local_midnight(last + dt.timedelta(days=1))
    with merge.copied(paths, start, end) as copied:
        by_copy = gather(copied, FIRST, last, [])
    with merge.attached(paths) as attached:
        by_attach = gather(attached, FIRST, last, [])
    assert by_copy == by_attach
    assert by_copy.sessions > 0


def test_a_file_that_cannot_be_read_is_skipped_with_one_plain_line(
    tmp_path: Path, qapp: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fleet"
    folder.mkdir()
    connection = connect(folder / "good.db")
    generate(connection, kiosk="good", first_day=FIRST, days=3, places=made_up_places(8))
    connection.close()
    (folder / "broken.db").write_bytes(b"this is not a database, it is a note someone saved here\n" * 50)
    missing = tmp_path / "gone.db"
    out = tmp_path / "report"
    assert kiosk(["report", "--db", str(folder), "--db", str(missing), "--out", str(out)]) == 0
    error = capsys.readouterr().err
    assert f"skipped {folder / 'broken.db'}:" in error
    assert f"skipped {missing}: no such file" in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 2
    assert (out / "index.html").is_file()


def test_nothing_to_report_exits_1_with_a_plain_message(
    month: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, _ = month
    out = tmp_path / "empty"
    code = kiosk(
        ["report", "--db", str(database), "--from", "2030-01-01", "--to", "2030-01-31", "--out", str(out)]
    )
    assert code == 1
    assert "no visits between 2030-01-01 and 2030-01-31" in capsys.readouterr().err
    assert kiosk(["report", "--db", str(tmp_path / "none.db"), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert "no such file" in error and "no readable statistics file" in error


def test_a_chinese_report_and_a_part_of_the_month(month: tuple[Path, Path], tmp_path: Path) -> None:
    database, _ = month
    out = tmp_path / "zh"
    week = ["--from", "2026-03-03", "--to", "2026-03-09"]
    chinese = ["--language", "zh", "--content", str(REPO / "content")]
    assert kiosk(["report", "--db", str(database), *week, "--out", str(out), *chinese]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans" dir="ltr">' in page and "一半的访问超过" in page
    days = read_csv(out / "sessions_per_day.csv")
    assert days[0]["date"] == "2026-03-03" and len(days) == 7
    start, end = local_midnight(dt.date(2026, 3, 3)), local_midnight(dt.date(2026, 3, 10))
    ((count,),) = rows(
        database, f"SELECT COUNT(*) FROM sessions WHERE started >= {start} AND started < {end}"
    )
    assert sum(int(row["visits"]) for row in days) == count


def russian_form(count: int) -> str:
    """Which of Russian's three forms a count takes (one: 1, 21; few: 2-4, 22; many: 5-20, 25)."""
    if count % 10 == 1 and count % 100 != 11:
        return "one"
    return "few" if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else "many"


def test_the_report_in_chinese_and_in_russian_with_its_plurals(
    month: tuple[Path, Path], tmp_path: Path
) -> None:
    database, _ = month
    pages = {}
    for language in ("zh", "ru"):
        out = tmp_path / language
        arguments = ["--db", str(database), "--out", str(out), "--content", str(REPO / "content")]
        assert kiosk(["report", *arguments, "--language", language]) == 0
        pages[language] = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in pages["zh"] and "<title>展览的使用情况</title>" in pages["zh"]
    assert "2026年3月1日至2026年3月31日" in pages["zh"] and "观众最多的时段是" in pages["zh"]
    russian = pages["ru"]
    assert '<html lang="ru"' in russian and "<title>Как посетители пользовались выставкой</title>" in russian
    assert "С 1 марта 2026\u202fг. по 31 марта 2026\u202fг.:" in russian and "на 1 киоске." in russian
    forms = {"one": ("посещение", "просмотр"), "few": ("посещения", "просмотра"),
             "many": ("посещений", "просмотров")}
    counted = re.findall(r"(\d[\d\u00a0]*) (посещени[еяй]|просмотр(?:а|ов)?)\b", russian)
    assert len(counted) >= 5, counted  # visits in all, on the busiest day, on an average day; views
    for number, word in counted:
        assert word in forms[russian_form(int(number.replace("\u00a0", "")))], (number, word)
    assert "Крупный текст" in russian or "Никто из посетителей не включал" in russian


def test_without_a_language_the_report_speaks_the_exhibitions_default_one(
    month: tuple[Path, Path], tmp_path: Path
) -> None:
    database, _ = month
    content = write_japanese_exhibition(tmp_path / "content")
    out = tmp_path / "report"
    assert kiosk(["report", "--db", str(database), "--out", str(out), "--content", str(content)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in page and "<title>展示の利用状況</title>" in page
    assert kiosk(["report", "--db", str(database), "--out", str(out), "--content", str(content),
                  "--language", "en"]) == 0
    assert "<title>How the exhibition was used</title>" in (out / "index.html").read_text(encoding="utf-8")


def test_a_language_the_kiosk_does_not_speak_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        kiosk(["report", "--out", str(tmp_path), "--language", "xx"])
    assert "the report is not written in 'xx'" in capsys.readouterr().err


def test_day_summary_of_a_small_hand_made_day(tmp_path: Path) -> None:
    connection = connect(tmp_path / "day.db")
    base = local_midnight(FIRST) + 10 * 3600
    connection.executemany(
        "INSERT INTO sessions VALUES (?,?,?,?,?,?)",
        [
            ("a", "k", base, base + 60, "en", "idle"),
            ("b", "k", base + 100, None, "zh", None),  # cut short: lasts to its last screen's end (45 s)
            ("c", "k", base + 200, base + 230, "zh", "idle"),
            ("d", "k", base - 86400, base - 86000, "en", "idle"),  # the day before
        ],
    )
    connection.executemany(
        "INSERT INTO views VALUES (?,?,?,?,?,?,?)",
        [
            ("a", "k", "exhibit", "harbour", base + 5, 50, "en"),
            ("b", "k", "exhibit", "harbour", base + 110, 20, "zh"),
            ("b", "k", "exhibit", "trains", base + 130, 15, "zh"),
            ("c", "k", "exhibit", "trains", base + 205, 20, "zh"),
            ("c", "k", "exhibit", "harbour", base + 225, 5, "zh"),
        ],
    )
    connection.commit()
    summary = queries.day_summary(connection, local_midnight(FIRST), local_midnight(FIRST) + 86400)
    connection.close()
    assert summary.sessions == 3
    assert summary.median_seconds == 45.0
    assert summary.top_exhibits == [("harbour", 3), ("trains", 2)]
    assert summary.language_share == pytest.approx({"zh": 2 / 3, "en": 1 / 3})


def test_demo_data_fills_a_new_file_and_reports_on_it(
    tmp_path: Path, qapp: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.db"
    out = tmp_path / "report"
    assert (
        kiosk(["report", "--demo-data", str(demo), "--out", str(out), "--content", str(REPO / "content")])
        == 0
    )
    assert "made-up visits" in capsys.readouterr().out
    assert (out / "index.html").is_file() and demo.is_file()
    assert kiosk(["report", "--demo-data", str(demo), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_without_db_the_kiosks_own_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert kiosk(["report", "--out", str(tmp_path / "report")]) == 1
    expected = tmp_path / "state" / "kiosk" / "insights.db"
    assert f"no statistics file at {expected}" in capsys.readouterr().err
