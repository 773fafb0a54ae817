"""Charts of visitor statistics as PNG files, drawn with Qt Charts without any window.

Made for people who do not read charts for a living: a title that says what is shown, named
axes, large type, a value on every bar, colours told apart by colour-blind readers (Okabe and
Ito's palette), and each language in its own letters (`words["fonts"]`: Noto Sans CJK SC for
Chinese, JP for Japanese ...).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

if TYPE_CHECKING:
    from kiosk.insights.figures import Figures

WIDTH, HEIGHT = 1600, 900
TOP_COUNT = 15  # exhibits in the most viewed, dwell and media charts
LEAST_COUNT = 10
DAILY_BARS_UP_TO = 45  # days; longer periods are drawn week by week
# Okabe & Ito: blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, black
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
INK = QColor("#1a1a1a")
GRID = QColor("#d9d9d9")
FAMILIES = ["Noto Sans", "Noto Sans CJK SC"]
_families = list(FAMILIES)  # the report's language's fonts, set by write_charts

_application: QApplication | None = None


def ensure_application() -> None:
    """Qt Charts draws through widgets: make sure a QApplication exists (offscreen: no display needed)."""
    global _application
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QApplication):
            raise RuntimeError("charts need a QApplication, not a QGuiApplication")
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # charts are drawn into images, never shown
    _application = QApplication(["kiosk-report"])


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(_families)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_font(40, bold=True))
    chart.setTitleBrush(INK)
    chart.setBackgroundBrush(QColor("white"))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(24, 16, 40, 16))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setFont(_font(26))
    chart.legend().setLabelColor(INK)
    chart.legend().hide()
    return chart


def _style_axis(axis: QValueAxis | QBarCategoryAxis | QDateTimeAxis, title: str) -> None:
    axis.setTitleText(title)
    axis.setTitleFont(_font(28, bold=True))
    axis.setTitleBrush(INK)
    axis.setLabelsFont(_font(24))
    axis.setLabelsColor(INK)
    axis.setGridLineColor(GRID)
    axis.setLinePen(QPen(QColor("#808080"), 2))


def _value_axis(title: str, largest: float, percent: bool = False) -> QValueAxis:
    axis = QValueAxis()
    _style_axis(axis, title)
    axis.setRange(0.0, 100.0 if percent else max(1.0, largest * 1.12))
    if not percent:
        axis.applyNiceNumbers()
    axis.setLabelFormat("%d %%" if percent else "%d")
    return axis


def bars(
    title: str,
    categories: Sequence[str],
    values: Sequence[float],
    *,
    category_title: str,
    value_title: str,
    horizontal: bool = False,
    percent: bool = False,
    colour: str = PALETTE[0],
    label_format: str = "@value",
) -> QChart:
    """One bar per category with its value written on it; horizontal bars read top to bottom."""
    chart = _chart(title)
    bar_set = QBarSet(value_title)
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    bar_set.setLabelColor(INK)
    bar_set.setLabelFont(_font(22, bold=True))
    shown = list(reversed(categories)) if horizontal else list(categories)
    numbers = list(reversed(values)) if horizontal else list(values)
    bar_set.append([float(value) for value in numbers])
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat(label_format)
    series.setLabelsPrecision(12)
    chart.addSeries(series)
    category_axis = QBarCategoryAxis()
    _style_axis(category_axis, category_title)
    category_axis.append(shown)
    category_axis.setGridLineVisible(False)
    value_axis = _value_axis(value_title, max(numbers, default=0.0), percent)
    if horizontal:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    return chart


def _milliseconds(moment: dt.datetime) -> float:
    return moment.timestamp() * 1000.0


def timeline(
    title: str,
    days: Sequence[dt.date],
    values: Sequence[float],
    *,
    date_title: str,
    value_title: str,
    date_format: str = "d MMM",
) -> QChart:
    """A line through one value per day, for periods too long for a bar per day."""
    chart = _chart(title)
    series = QLineSeries()
    series.setPen(QPen(QColor(PALETTE[0]), 3))
    for day, value in zip(days, values, strict=True):
        series.append(_milliseconds(dt.datetime.combine(day, dt.time(12))), float(value))
    chart.addSeries(series)
    date_axis = QDateTimeAxis()
    _style_axis(date_axis, date_title)
    date_axis.setFormat(date_format)
    date_axis.setTickCount(min(13, max(2, len(days))))
    if days:
        date_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_milliseconds(dt.datetime.combine(days[0], dt.time(0))))),
            QDateTime.fromMSecsSinceEpoch(int(_milliseconds(dt.datetime.combine(days[-1], dt.time(23))))),
        )
    value_axis = _value_axis(value_title, max(values, default=0.0))
    chart.addAxis(date_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(date_axis)
    series.attachAxis(value_axis)
    return chart


def pie(title: str, labels: Sequence[str], values: Sequence[float]) -> QChart:
    """Shares of a whole, each slice labelled with its name and percentage."""
    chart = _chart(title)
    series = QPieSeries()
    total = sum(values) or 1.0
    for number, (label, value) in enumerate(zip(labels, values, strict=True)):
        share = 100.0 * value / total
        pie_slice = series.append(f"{label}  {share:.0f} %", float(value))
        pie_slice.setColor(QColor(PALETTE[number % len(PALETTE)]))
        pie_slice.setBorderColor(QColor("white"))
        pie_slice.setBorderWidth(3)
        pie_slice.setLabelVisible(True)
        pie_slice.setLabelFont(_font(30, bold=True))
        pie_slice.setLabelColor(INK)
        pie_slice.setLabelArmLengthFactor(0.12)
    series.setPieSize(0.62)
    chart.addSeries(series)
    return chart


def message(title: str, text: str) -> QChart:
    """A chart with nothing to plot: its title and one sentence saying why."""
    chart = _chart(title)
    chart.setTitle(f"{title}<br><span style='font-size:28px; font-weight:normal'>{text}</span>")
    return chart


def render(chart: QChart, path: Path, size: tuple[int, int] = (WIDTH, HEIGHT)) -> QImage:
    """Draw a chart into a white image of `size` and save it as PNG."""
    width, height = size
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, width, height))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    return image


def short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _per_day(figures: Figures, words: dict[str, Any]) -> QChart:
    days = [day for day, _, _ in figures.per_day]
    counts = [float(count) for _, count, _ in figures.per_day]
    if len(days) <= DAILY_BARS_UP_TO:
        label = words["date"]
        chart = bars(
            words["per_day_title"],
            [words.get("number", str)(day.day) for day in days],
            counts,
            category_title=f"{words['day_axis']} ({label(days[0])} – {label(days[-1])})",
            value_title=words["visits_axis"],
            label_format="@value",
        )
        return chart
    weeks: dict[dt.date, float] = {}
    lengths: dict[dt.date, int] = {}
    for day, count in zip(days, counts, strict=True):
        monday = day - dt.timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0.0) + count
        lengths[monday] = lengths.get(monday, 0) + 1
    whole = [monday for monday, length in lengths.items() if length == 7]
    if len(whole) >= 2:  # a few days at either end would look like a sudden drop
        weeks = {monday: weeks[monday] for monday in whole}
    return timeline(
        words["per_week_title"],
        list(weeks),
        list(weeks.values()),
        date_title=words["week_axis"],
        value_title=words["visits_axis"],
        date_format=words["axis_date"],
    )


def _per_hour(figures: Figures, words: dict[str, Any]) -> QChart:
    busy = [hour for hour, count in enumerate(figures.per_hour) if count]
    first, last = (min(busy), max(busy)) if busy else (9, 16)
    hours = range(first, last + 1)
    return bars(
        words["per_hour_title"],
        [words["hour"](hour) if "hour" in words else f"{hour}:00" for hour in hours],
        [float(figures.per_hour[h]) for h in hours],
        category_title=words["hour_axis"],
        value_title=words["visits_axis"],
        colour=PALETTE[0],
    )


def _exhibit_bars(
    title: str,
    rows: list[tuple[str, float]],
    value_title: str,
    words: dict[str, Any],
    colour: str,
    label_format: str = "@value",
    percent: bool = False,
) -> QChart:
    if not rows:
        return message(title, words["nothing"])
    return bars(
        title,
        [name for name, _ in rows],
        [value for _, value in rows],
        category_title=words["exhibit_axis"],
        value_title=value_title,
        horizontal=True,
        colour=colour,
        label_format=label_format,
        percent=percent,
    )


def write_charts(
    figures: Figures, title_of: Callable[[str], str], out: Path, words: dict[str, Any]
) -> list[Path]:
    """Draw every chart of the report into `out`; returns the PNG files."""
    ensure_application()
    _families[:] = words.get("fonts", FAMILIES)
    exhibits = figures.exhibits
    most = [(short(title_of(f.exhibit)), float(f.views)) for f in exhibits[:TOP_COUNT] if f.views]
    least = [(short(title_of(f.exhibit)), float(f.views)) for f in reversed(exhibits[-LEAST_COUNT:])]
    dwell = [
        (short(title_of(f.exhibit)), float(round(f.median_dwell))) for f in exhibits[:TOP_COUNT] if f.views
    ]
    kinds = words["kinds"]
    media = [
        (
            f"{short(title_of(m.exhibit), 28)} ({kinds.get(m.kind, m.kind)})",
            float(round(100.0 * (m.completed_share or 0.0))),
        )
        for m in figures.media
        if m.known_length
    ][:TOP_COUNT]
    names = words["languages"]
    modes = words["modes"]
    charts = {
        "visits_per_day.png": _per_day(figures, words),
        "visits_per_hour.png": _per_hour(figures, words),
        "most_viewed.png": _exhibit_bars(words["top_title"], most, words["views_axis"], words, PALETTE[0]),
        "least_viewed.png": _exhibit_bars(
            words["least_title"], least, words["views_axis"], words, PALETTE[5]
        ),
        "dwell.png": _exhibit_bars(words["dwell_title"], dwell, words["seconds_axis"], words, PALETTE[2]),
        "media.png": _exhibit_bars(
            words["media_title"], media, words["percent_axis"], words, PALETTE[1], "@value %", percent=True
        ),
        "languages.png": pie(
            words["language_title"],
            [names.get(code, code) for code, _ in figures.languages],
            [float(count) for _, count in figures.languages],
        ),
        "modes.png": bars(
            words["modes_title"],
            [modes.get(mode, mode) for mode, _ in figures.modes],
            [float(count) for _, count in figures.modes],
            category_title="",
            value_title=words["visits_axis"],
            colour=PALETTE[3],
        ),
    }
    written = []
    for name, chart in charts.items():
        render(chart, out / name)
        written.append(out / name)
    return written
