"""`kiosk report`: how the exhibition was used, as CSV files, PNG charts and one web page.

Reads one kiosk's statistics file or the files of many (a folder of *.db files), for a period of
days, and writes into the output folder: a CSV file per table (for spreadsheets), a chart per
question (for people) and index.html with the charts and the key figures in plain sentences, in
any language the kiosk speaks (`--language`; the exhibition's default language when the report
knows the exhibition).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kiosk.content.model import Exhibition
from kiosk.insights import merge
from kiosk.insights.figures import DEFAULT_CONTENT, Figures, gather, load_exhibits, local_midnight
from kiosk.insights.generate import Counts, generate, made_up_places, places_of
from kiosk.insights.schema import connect
from kiosk.words import LANGUAGES, words

DEMO_DAYS = 91


def _language(text: str) -> str:
    from kiosk.content.i18n import normal_tag
    from kiosk.insights.page import has_words

    tag = normal_tag(text)
    if tag is None or not has_words(tag):
        raise argparse.ArgumentTypeError(
            f"the report is not written in '{text}'; it is in {', '.join(LANGUAGES)}")
    return tag


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `kiosk report`."""
    parser.add_argument(
        "--db",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="a statistics file, or a folder of them (*.db); repeat to merge several kiosks "
        "(default: this kiosk's own, in the state folder)",
    )
    parser.add_argument(
        "--from",
        dest="first",
        type=_date,
        metavar="DATE",
        help="first day, e.g. 2026-03-01 (default: the first day with visits)",
    )
    parser.add_argument(
        "--to",
        dest="last",
        type=_date,
        metavar="DATE",
        help="last day, included (default: the last day with visits)",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the report")
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="the exhibition, to show exhibit titles and list exhibits nobody opened "
        f"(default: ./{DEFAULT_CONTENT} when it loads)",
    )
    parser.add_argument(
        "--language",
        "--lang",
        dest="language",
        type=_language,
        metavar="TAG",
        help=f"language of the charts and the page: {', '.join(LANGUAGES)} "
        "(default: the exhibition's default language, else en)",
    )
    parser.add_argument(
        "--demo-data",
        type=Path,
        metavar="FILE",
        help=f"first fill FILE (a new file) with {DEMO_DAYS} days of made-up visits, and report on it",
    )


def _fail(text: str) -> int:
    print(f"kiosk report: {text}", file=sys.stderr)
    return 1


def make_demo_data(path: Path, exhibition: Exhibition | None) -> Counts:
    """Fill a new statistics file with made-up visits of the last DEMO_DAYS days."""
    places = places_of(exhibition) if exhibition is not None else made_up_places()
    connection = connect(path)
    try:
        first = dt.date.today() - dt.timedelta(days=DEMO_DAYS)
        return generate(connection, kiosk="demo", first_day=first, days=DEMO_DAYS, places=places)
    finally:
        connection.close()


def report_language(chosen: str | None, exhibition: Exhibition | None) -> str:
    """The language asked for, else the exhibition's default language when the kiosk speaks it,
    else English."""
    from kiosk.insights.page import has_words

    if chosen:
        return chosen
    default = exhibition.settings.default_language if exhibition is not None else "en"
    return default if has_words(default) else "en"


def main(args: argparse.Namespace) -> int:
    exhibits, exhibition = load_exhibits(args.content, args.language or "en")
    language = report_language(args.language, exhibition)
    if language != (args.language or "en"):
        exhibits, exhibition = load_exhibits(args.content, language)  # titles in the report's language
    databases: list[Path] = list(args.db)
    if args.demo_data is not None:
        if args.demo_data.exists():
            return _fail(f"{args.demo_data} already exists; give a new file name for the made-up visits")
        counts = make_demo_data(args.demo_data, exhibition)
        print(f"wrote {counts.sessions} made-up visits to {args.demo_data}")
        databases.append(args.demo_data)
    if not databases:
        from kiosk.base.paths import state_dir

        default = state_dir() / "insights.db"
        if not default.exists():
            return _fail(f"no statistics file at {default}; name one with --db")
        databases = [default]
    sources = merge.check(databases)
    for path, reason in sources.skipped:
        print(f"kiosk report: skipped {path}: {reason}", file=sys.stderr)
    if not sources.readable:
        return _fail("no readable statistics file; nothing to report")
    span = merge.time_span(sources.readable)
    if span is None and (args.first is None or args.last is None):
        return _fail("the statistics files hold no visits yet")
    first = args.first or dt.datetime.fromtimestamp(span[0]).date()  # type: ignore[index]
    last = args.last or dt.datetime.fromtimestamp(span[1]).date()  # type: ignore[index]
    if last < first:
        return _fail(f"--to {last} is before --from {first}")
    start, end = local_midnight(first), local_midnight(last + dt.timedelta(days=1))
    with merge.opened(sources.readable, start, end) as connection:
        figures = gather(connection, first, last, exhibits.shown_between(first, last))
    if figures.sessions == 0:
        return _fail(f"no visits between {first} and {last}")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        from kiosk.insights.charts import write_charts
        from kiosk.insights.page import report_words, write_csv_files, write_index

        written = write_csv_files(figures, exhibits, args.out)
        said = report_words(language)
        written += write_charts(figures, exhibits.title, args.out, said)
        written.append(write_index(figures, exhibits, args.out, said))
    except OSError as error:
        return _fail(f"could not write the report into {args.out}: {error.strerror or error}")
    english = words("en")
    print(
        f"{english.count('report_visits', figures.sessions, count=f'{figures.sessions:,}')} on "
        f"{english.count('report_kiosks', len(figures.kiosks))} from {first} to {last}, in {language}: "
        f"{len(written)} files in {args.out}; open {args.out / 'index.html'}"
    )
    return 0


__all__ = ["DEFAULT_CONTENT", "Figures", "add_arguments", "gather", "local_midnight", "main"]
