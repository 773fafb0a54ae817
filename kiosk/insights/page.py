"""The report's outputs for people and spreadsheets: CSV files, the key sentences and index.html, in
any language the kiosk speaks (the words come from the catalogs, kiosk.words; dates, times and
numbers are written the language's way by QLocale). The charts are drawn by kiosk.insights.charts
with the same words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTime

from kiosk.content.i18n import fallback_order
from kiosk.insights.figures import Exhibits, Figures
from kiosk.insights.poll_report import POLL_STYLE, poll_sections, write_poll_csv
from kiosk.words import LANGUAGES, Words, words

# ---------------------------------------------------------------------------------------------
# Words of the charts and the page in the report's language
# ---------------------------------------------------------------------------------------------

CHART_WORDS = (
    "per_day_title", "per_week_title", "day_axis", "week_axis", "visits_axis", "per_hour_title", "hour_axis",
    "top_title", "least_title", "views_axis", "exhibit_axis", "dwell_title", "seconds_axis", "language_title",
    "media_title", "percent_axis", "modes_title", "nothing", "heading", "files", "no_modes",
)
"""Messages `report_<name>` used as they are, under <name>."""
MODES = ("large-text", "high-contrast", "reach", "reduced-motion", "captions", "read-aloud")
"""The accessibility modes, named as the visitors read them (`access_<mode>`)."""
FONTS = {"ja": "Noto Sans CJK JP", "ko": "Noto Sans CJK KR", "zh-Hant": "Noto Sans CJK TC",
         "ar": "Noto Sans Arabic"}


def has_words(language: str) -> bool:
    """Whether the kiosk's catalogs speak this language (itself or a shorter tag: pt for pt-BR)."""
    return any(code in LANGUAGES for code in fallback_order(language, language)[:-1])


class LanguageNames:
    """Languages named in the report's language; a language without a message, in its own."""

    def __init__(self, said: Words) -> None:
        self.said = said

    def get(self, code: str, default: str | None = None) -> str:
        key = "report_language_" + code.lower().replace("-", "_")
        try:
            return self.said.text(key)
        except KeyError:
            name = QLocale(code).nativeLanguageName()
            return name if name and QLocale(code).language() != QLocale.Language.C else default or code

    __getitem__ = get


def _without_weekday(pattern: str) -> str:
    return re.sub(r"^dddd[,،]?\s*|\s*dddd$", "", pattern)


def _without_year(pattern: str) -> str:
    return re.sub(r"^y+[^dM]*|[^dM]*y+$", "", pattern)


def report_words(language: str) -> dict[str, Any]:
    """The words of the page and the charts in one language: messages, and functions that write
    counts, dates, times and shares the language's way."""
    said = words(language)
    locale = QLocale(language)
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)

    def date(pattern: str) -> Callable[[dt.date], str]:
        return lambda day: locale.toString(QDate(day.year, day.month, day.day), pattern)

    def number(value: float, decimals: int = 0) -> str:
        return locale.toString(round(value)) if decimals == 0 else locale.toString(value, "f", decimals)

    def counted(key: str) -> Callable[[int], str]:
        return lambda count: said.count(key, count, count=number(count))

    table: dict[str, Any] = {name: said.text(f"report_{name}") for name in CHART_WORDS}
    return table | {
        "said": said,
        "html_lang": "zh-Hans" if language == "zh" else language,
        "direction": "rtl" if locale.textDirection() == Qt.LayoutDirection.RightToLeft else "ltr",
        "fonts": ["Noto Sans", FONTS.get(language, "Noto Sans CJK SC"), "Noto Sans CJK SC"],
        "languages": LanguageNames(said),
        "modes": {mode: said.text("access_" + mode.replace("-", "_")) for mode in MODES},
        "kinds": {kind: said.text(f"report_kind_{kind}") for kind in ("video", "audio", "narration")},
        "visits": counted("report_visits"),
        "views": counted("report_views"),
        "kiosks": counted("report_kiosks"),
        "number": number,
        "percent": lambda share, places=0: said.text("report_percent", number=number(100 * share, places)),
        "hour": lambda hour: locale.toString(QTime(hour % 24, 0), QLocale.FormatType.ShortFormat),
        "date": date(_without_weekday(long_format)),
        "weekday_date": date(long_format),
        "axis_date": _without_year(locale.dateFormat(QLocale.FormatType.ShortFormat)),
    }


# ---------------------------------------------------------------------------------------------
# CSV files
# ---------------------------------------------------------------------------------------------


def _percent(share: float | None) -> str:
    return "" if share is None else f"{100.0 * share:.1f}"


def write_csv_files(figures: Figures, exhibits: Exhibits, out: Path) -> list[Path]:
    """One CSV file per table, with a header row; numbers with a dot, times in seconds."""
    import csv

    from kiosk.insights.qr_report import links_table

    total_views = sum(figure.views for figure in figures.exhibits) or 1
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {
        "sessions_per_day.csv": (
            ["date", "weekday", "visits", "median_visit_seconds"],
            [
                [day.isoformat(), f"{day:%A}", count, f"{middle:.1f}"]
                for day, count, middle in figures.per_day
            ],
        ),
        "sessions_per_hour.csv": (
            ["hour", "visits", "share_percent"],
            [
                [f"{hour:02d}:00-{hour + 1:02d}:00", count, _percent(count / figures.sessions)]
                for hour, count in enumerate(figures.per_hour)
            ],
        ),
        "exhibits.csv": (
            [
                "exhibit",
                "title",
                "views",
                "share_of_views_percent",
                "median_dwell_seconds",
                "mean_dwell_seconds",
                "plays",
                "played_to_end_percent",
                "mean_furthest_percent",
            ],
            [
                [
                    figure.exhibit,
                    exhibits.title(figure.exhibit),
                    figure.views,
                    _percent(figure.views / total_views),
                    f"{figure.median_dwell:.1f}",
                    f"{figure.mean_dwell:.1f}",
                    figure.plays,
                    _percent(figure.completed_share),
                    _percent(figure.mean_furthest),
                ]
                for figure in figures.exhibits
            ],
        ),
        "languages.csv": (
            ["language", "visits_ending_in_it", "share_percent", "visits_switching_to_it"],
            [
                [language, count, _percent(count / figures.sessions), figures.switches.get(language, 0)]
                for language, count in figures.languages
            ],
        ),
        "media.csv": (
            [
                "exhibit",
                "title",
                "kind",
                "plays",
                "plays_of_known_length",
                "played_to_end",
                "played_to_end_percent",
                "mean_furthest_percent",
                "mean_seconds_played",
            ],
            [
                [
                    media.exhibit,
                    exhibits.title(media.exhibit),
                    media.kind,
                    media.plays,
                    media.known_length,
                    media.completed,
                    _percent(media.completed_share),
                    _percent(media.mean_furthest),
                    f"{media.mean_played_seconds:.1f}",
                ]
                for media in figures.media
            ],
        ),
        "modes.csv": (
            ["mode", "visits", "share_of_visits_percent"],
            [[mode, count, _percent(count / figures.sessions)] for mode, count in figures.modes],
        ),
        "links.csv": links_table(figures, exhibits),
        "summary.csv": (
            ["figure", "value"],
            [[key, value] for key, value in summary_rows(figures, exhibits)],
        ),
    }
    written = []
    for name, (header, rows) in tables.items():
        path = out / name
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written + write_poll_csv(figures, exhibits, out)


def summary_rows(figures: Figures, exhibits: Exhibits) -> list[tuple[str, Any]]:
    open_days = [count for _, count, _ in figures.per_day if count]
    busiest = max(figures.per_day, key=lambda row: row[1])
    busiest_hour = max(range(24), key=lambda hour: figures.per_hour[hour])
    viewed = figures.exhibits
    rows: list[tuple[str, Any]] = [
        ("first_day", figures.first.isoformat()),
        ("last_day", figures.last.isoformat()),
        ("kiosks", len(figures.kiosks)),
        ("visits", figures.sessions),
        ("median_visit_seconds", f"{figures.median_seconds:.1f}"),
        ("days_with_visits", len(open_days)),
        ("mean_visits_per_day_with_visits", f"{sum(open_days) / max(1, len(open_days)):.1f}"),
        ("busiest_day", busiest[0].isoformat()),
        ("busiest_day_visits", busiest[1]),
        ("busiest_hour", f"{busiest_hour:02d}:00-{busiest_hour + 1:02d}:00"),
        ("exhibit_views", sum(figure.views for figure in viewed)),
        ("most_viewed_exhibit", viewed[0].exhibit if viewed else ""),
        ("least_viewed_exhibit", viewed[-1].exhibit if viewed else ""),
        ("exhibits_never_opened", sum(1 for figure in viewed if figure.views == 0)),
        ("media_plays", sum(media.plays for media in figures.media)),
        ("media_played_to_end_percent", _percent(figures.media_completion)),
        ("visits_with_accessibility_modes", figures.visits_with_modes),
        ("visits_with_accessibility_modes_percent", _percent(figures.visits_with_modes / figures.sessions)),
    ]
    rows += [
        (f"language_{language}_percent", _percent(count / figures.sessions))
        for language, count in figures.languages
    ]
    return rows


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------

CHART_FILES = (
    "visits_per_day.png",
    "visits_per_hour.png",
    "most_viewed.png",
    "least_viewed.png",
    "dwell.png",
    "languages.png",
    "media.png",
    "modes.png",
)


def key_sentences(figures: Figures, exhibits: Exhibits, words: dict[str, Any]) -> list[str]:
    """The main findings in short plain sentences, in the report's language."""
    said: Words = words["said"]
    percent = words["percent"]
    sentences = [
        said.text("report_period", first=words["date"](figures.first), last=words["date"](figures.last),
                  visits=words["visits"](figures.sessions), kiosks=words["kiosks"](len(figures.kiosks))),
        said.text("report_median", duration=said.duration(figures.median_seconds)),
    ]
    busiest = max(figures.per_day, key=lambda row: row[1])
    open_days = [count for _, count, _ in figures.per_day if count]
    sentences.append(said.text(
        "report_busiest_day", day=words["weekday_date"](busiest[0]), visits=words["visits"](busiest[1]),
        mean=words["visits"](round(sum(open_days) / max(1, len(open_days))))))
    peak = max(range(23), key=lambda hour: figures.per_hour[hour] + figures.per_hour[hour + 1])
    sentences.append(said.text("report_busiest_hour", start=words["hour"](peak), end=words["hour"](peak + 2)))
    viewed = figures.exhibits
    if viewed and viewed[0].views:
        for key, figure in (("report_top", viewed[0]), ("report_least", viewed[-1])):
            title = exhibits.title(figure.exhibit)
            sentences.append(said.text(key, title=title, views=words["views"](figure.views)))
    never = [exhibits.title(figure.exhibit) for figure in viewed if figure.views == 0]
    if never:
        sentences.append(said.text("report_never", titles=said.text("report_list_separator").join(never)))
    for language, count in figures.languages[:3]:
        sentences.append(said.text("report_language", share=percent(count / figures.sessions),
                                   language=words["languages"].get(language, language)))
    if figures.media_completion is not None:
        sentences.append(said.text("report_media", share=percent(figures.media_completion)))
    if figures.visits_with_modes:
        mode = figures.modes[0][0]
        share = percent(figures.visits_with_modes / figures.sessions, 1)
        sentences.append(said.text("report_modes", share=share, mode=words["modes"].get(mode, mode)))
    else:
        sentences.append(words["no_modes"])
    return sentences


def write_index(figures: Figures, exhibits: Exhibits, out: Path, words: dict[str, Any]) -> Path:
    """index.html: the key sentences, every chart, and links to the CSV files."""
    from html import escape

    from kiosk.insights.qr_report import links_section

    fonts = ", ".join(f'"{family}"' for family in words["fonts"])
    items = "\n".join(
        f"    <li>{escape(sentence)}</li>" for sentence in key_sentences(figures, exhibits, words)
    )
    images = "\n".join(
        f'  <figure><img src="{name}" alt="{escape(alt)}" width="1600" height="900"></figure>'
        for name, alt in zip(CHART_FILES, chart_titles(figures, words), strict=True)
    )
    links = "\n".join(
        f'    <li><a href="{name}">{name}</a></li>' for name in sorted(p.name for p in out.glob("*.csv"))
    )
    page = f"""<!DOCTYPE html>
<html lang="{words["html_lang"]}" dir="{words["direction"]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(words["heading"])}</title>
<style>
  body {{ font-family: {fonts}, sans-serif; font-size: 20px; line-height: 1.5;
         color: #1a1a1a; background: #fff; max-width: 1640px; margin: 2em auto; padding: 0 1em; }}
  h1 {{ font-size: 2em; }}
  ul.key {{ font-size: 1.2em; }}
  figure {{ margin: 2em 0; }}
  img {{ max-width: 100%; height: auto; border: 1px solid #ccc; }}{POLL_STYLE}</style>
</head>
<body>
  <h1>{escape(words["heading"])}</h1>
  <ul class="key">
{items}
  </ul>
{images}
{poll_sections(figures, exhibits, words)}
{links_section(figures, exhibits, words)}
  <p>{escape(words["files"])}</p>
  <ul>
{links}
  </ul>
</body>
</html>
"""
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def chart_titles(figures: Figures, words: dict[str, Any]) -> list[str]:
    from kiosk.insights.charts import DAILY_BARS_UP_TO

    daily = "per_day_title" if len(figures.per_day) <= DAILY_BARS_UP_TO else "per_week_title"
    return [
        words[key]
        for key in (
            daily,
            "per_hour_title",
            "top_title",
            "least_title",
            "dwell_title",
            "language_title",
            "media_title",
            "modes_title",
        )
    ]
