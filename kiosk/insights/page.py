"""The report's outputs for people and spreadsheets: CSV files, the key sentences and index.html,
in English and Simplified Chinese (the charts are drawn by kiosk.insights.charts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.insights.figures import Exhibits, Figures

# ---------------------------------------------------------------------------------------------
# Words of the charts and the page, in English and Simplified Chinese
# ---------------------------------------------------------------------------------------------

WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "per_day_title": "Visits per day",
        "per_week_title": "Visits per week",
        "day_axis": "Day",
        "week_axis": "Week",
        "visits_axis": "Visits",
        "per_hour_title": "When visitors come: visits per hour of the day",
        "hour_axis": "Hour of the day",
        "top_title": "Most viewed exhibits",
        "least_title": "Least viewed exhibits",
        "views_axis": "Times opened",
        "exhibit_axis": "Exhibit",
        "dwell_title": "Time spent at the most viewed exhibits (median)",
        "seconds_axis": "Seconds",
        "language_title": "Language at the end of each visit",
        "media_title": "Films and sounds played to the end",
        "percent_axis": "Played to the end (% of plays)",
        "modes_title": "Accessibility modes turned on",
        "nothing": "Nothing to show for this period.",
        "languages": {
            "en": "English",
            "zh": "Chinese",
            "ar": "Arabic",
            "ja": "Japanese",
            "ko": "Korean",
            "ru": "Russian",
            "fr": "French",
            "de": "German",
            "es": "Spanish",
        },
        "modes": {
            "large-text": "Large text",
            "high-contrast": "High contrast",
            "reach": "Seated reach",
            "reduced-motion": "Less motion",
            "captions": "Captions",
            "read-aloud": "Read aloud",
        },
        "kinds": {"video": "film", "audio": "sound", "narration": "audio description"},
        "heading": "How the exhibition was used",
        "period": "From {first} to {last}: {visits} on {kiosks}.",
        "kiosk_one": "1 kiosk",
        "kiosk_many": "{count} kiosks",
        "median": "Half the visits lasted longer than {duration}. "
        "A visit counts from the first touch until the screen goes back to its welcome loop.",
        "busiest_day": "The busiest day was {day}, with {visits}. An average open day had {mean}.",
        "visits": lambda count: f"{count:,} visit" if count == 1 else f"{count:,} visits",
        "busiest_hour": "Most visitors came between {start} and {end}.",
        "top": "The most viewed exhibit was “{title}” ({views} views).",
        "least": "The least viewed was “{title}” ({views} views).",
        "never": "Never opened: {titles}.",
        "language": "{share} of visits ended in {language}.",
        "media": "{share} of the films and sounds that were started were played to the end.",
        "modes_sentence": "{share} of visits turned on an accessibility mode, most often “{mode}”.",
        "no_modes": "No visitor turned on an accessibility mode.",
        "files": "The numbers behind the charts, for spreadsheets:",
        "minutes": "{minutes} min {seconds} s",
        "seconds": "{seconds} s",
        "date": lambda day: f"{day.day} {day:%B %Y}",
        "weekday_date": lambda day: f"{day:%A} {day.day} {day:%B %Y}",
        "axis_date": "d MMM",
    },
    "zh": {
        "per_day_title": "每天的访问次数",
        "per_week_title": "每周的访问次数",
        "day_axis": "日期",
        "week_axis": "周",
        "visits_axis": "访问次数",
        "per_hour_title": "观众什么时候来：每小时的访问次数",
        "hour_axis": "时段",
        "top_title": "最常被打开的展项",
        "least_title": "最少被打开的展项",
        "views_axis": "打开次数",
        "exhibit_axis": "展项",
        "dwell_title": "在最常被打开的展项前停留的时间（中位数）",
        "seconds_axis": "秒",
        "language_title": "观众结束访问时使用的语言",
        "media_title": "影片和音频的完整播放比例",
        "percent_axis": "播放到结尾（占播放次数的百分比）",
        "modes_title": "观众打开的无障碍模式",
        "nothing": "这段时间没有可显示的数据。",
        "languages": {
            "en": "英语",
            "zh": "中文",
            "ar": "阿拉伯语",
            "ja": "日语",
            "ko": "韩语",
            "ru": "俄语",
            "fr": "法语",
            "de": "德语",
            "es": "西班牙语",
        },
        "modes": {
            "large-text": "大字",
            "high-contrast": "高对比度",
            "reach": "低位操作",
            "reduced-motion": "减少动效",
            "captions": "字幕",
            "read-aloud": "朗读",
        },
        "kinds": {"video": "影片", "audio": "音频", "narration": "语音讲解"},
        "heading": "展览的使用情况",
        "period": "{first}至{last}：{kiosks}共有{visits}访问。",
        "kiosk_one": "1台触摸屏",
        "kiosk_many": "{count}台触摸屏",
        "median": "一半的访问超过{duration}。一次访问从第一次触摸算起，到屏幕回到欢迎画面为止。",
        "busiest_day": "最忙的一天是{day}，共{visits}访问。平均每个开放日有{mean}访问。",
        "visits": lambda count: f"{count:,}次",
        "busiest_hour": "观众最多的时段是{start}至{end}。",
        "top": "最常被打开的展项是“{title}”（{views}次）。",
        "least": "最少被打开的是“{title}”（{views}次）。",
        "never": "从未被打开：{titles}。",
        "language": "{share}的访问以{language}结束。",
        "media": "在开始播放的影片和音频中，{share}播放到了结尾。",
        "modes_sentence": "{share}的访问打开了无障碍模式，最常用的是“{mode}”。",
        "no_modes": "没有观众打开无障碍模式。",
        "files": "图表背后的数据（可用电子表格打开）：",
        "minutes": "{minutes}分{seconds}秒",
        "seconds": "{seconds}秒",
        "date": lambda day: f"{day.year}年{day.month}月{day.day}日",
        "weekday_date": lambda day: (
            f"{day.year}年{day.month}月{day.day}日（星期{'一二三四五六日'[day.weekday()]}）"
        ),
        "axis_date": "M月d日",
    },
}


def duration_text(seconds: float, words: dict[str, Any]) -> str:
    whole = round(seconds)
    if whole < 60:
        return str(words["seconds"].format(seconds=whole))
    return str(words["minutes"].format(minutes=whole // 60, seconds=whole % 60))


# ---------------------------------------------------------------------------------------------
# CSV files
# ---------------------------------------------------------------------------------------------


def _percent(share: float | None) -> str:
    return "" if share is None else f"{100.0 * share:.1f}"


def write_csv_files(figures: Figures, exhibits: Exhibits, out: Path) -> list[Path]:
    """One CSV file per table, with a header row; numbers with a dot, times in seconds."""
    import csv

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
    return written


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
    kiosk_count = len(figures.kiosks)
    kiosks = words["kiosk_one"] if kiosk_count == 1 else words["kiosk_many"].format(count=kiosk_count)
    sentences = [
        words["period"].format(
            first=words["date"](figures.first),
            last=words["date"](figures.last),
            visits=words["visits"](figures.sessions),
            kiosks=kiosks,
        ),
        words["median"].format(duration=duration_text(figures.median_seconds, words)),
    ]
    busiest = max(figures.per_day, key=lambda row: row[1])
    open_days = [count for _, count, _ in figures.per_day if count]
    sentences.append(
        words["busiest_day"].format(
            day=words["weekday_date"](busiest[0]),
            visits=words["visits"](busiest[1]),
            mean=words["visits"](round(sum(open_days) / max(1, len(open_days)))),
        )
    )
    peak = max(range(23), key=lambda hour: figures.per_hour[hour] + figures.per_hour[hour + 1])
    sentences.append(words["busiest_hour"].format(start=f"{peak}:00", end=f"{peak + 2}:00"))
    viewed = figures.exhibits
    if viewed and viewed[0].views:
        sentences.append(
            words["top"].format(title=exhibits.title(viewed[0].exhibit), views=f"{viewed[0].views:,}")
        )
        sentences.append(
            words["least"].format(title=exhibits.title(viewed[-1].exhibit), views=f"{viewed[-1].views:,}")
        )
    never = [exhibits.title(figure.exhibit) for figure in viewed if figure.views == 0]
    if never:
        sentences.append(words["never"].format(titles=", ".join(never)))
    names = words["languages"]
    for language, count in figures.languages[:3]:
        sentences.append(
            words["language"].format(
                share=f"{100 * count / figures.sessions:.0f} %", language=names.get(language, language)
            )
        )
    if figures.media_completion is not None:
        sentences.append(words["media"].format(share=f"{100 * figures.media_completion:.0f} %"))
    if figures.visits_with_modes:
        mode = figures.modes[0][0]
        sentences.append(
            words["modes_sentence"].format(
                share=f"{100 * figures.visits_with_modes / figures.sessions:.1f} %",
                mode=words["modes"].get(mode, mode),
            )
        )
    else:
        sentences.append(words["no_modes"])
    return sentences


def write_index(figures: Figures, exhibits: Exhibits, out: Path, words: dict[str, Any]) -> Path:
    """index.html: the key sentences, every chart, and links to the CSV files."""
    from html import escape

    lang = "zh-Hans" if words is WORDS["zh"] else "en"
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
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(words["heading"])}</title>
<style>
  body {{ font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; font-size: 20px; line-height: 1.5;
         color: #1a1a1a; background: #fff; max-width: 1640px; margin: 2em auto; padding: 0 1em; }}
  h1 {{ font-size: 2em; }}
  ul.key {{ font-size: 1.2em; }}
  figure {{ margin: 2em 0; }}
  img {{ max-width: 100%; height: auto; border: 1px solid #ccc; }}
</style>
</head>
<body>
  <h1>{escape(words["heading"])}</h1>
  <ul class="key">
{items}
  </ul>
{images}
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
