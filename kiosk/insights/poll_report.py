"""The report's poll results: per poll its question, each answer's votes in total (as a table of
bars with shares) and per day, in the report's language, and one CSV file for spreadsheets."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from typing import Any

from kiosk.insights.figures import Exhibits, Figures
from kiosk.insights.queries import VoteCount

CSV_NAME = "poll_votes.csv"


def _by_poll(votes: list[VoteCount]) -> dict[str, list[VoteCount]]:
    grouped: dict[str, list[VoteCount]] = defaultdict(list)
    for vote in votes:
        grouped[vote.poll].append(vote)
    return grouped


def _answers(poll: str, rows: list[VoteCount], exhibits: Exhibits) -> tuple[str, list[tuple[str, str]]]:
    """The poll's question and answers as the exhibition has them, then any answer it no
    longer has (votes for it stay in the file), by its id."""
    question, answers = exhibits.polls.get(poll, (exhibits.title(poll), []))
    known = {answer for answer, _ in answers}
    extra = sorted({row.answer for row in rows} - known)
    return question, [*answers, *((answer, answer) for answer in extra)]


def write_poll_csv(figures: Figures, exhibits: Exhibits, out: Path) -> list[Path]:
    """poll_votes.csv: votes per day and answer, then each answer's total ('total' as the date)."""
    if not figures.votes:
        return []
    path = out / CSV_NAME
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["date", "poll", "question", "answer", "answer_text", "votes"])
        for poll, rows in _by_poll(figures.votes).items():
            question, answers = _answers(poll, rows, exhibits)
            texts = dict(answers)
            for row in rows:
                day = row.day.isoformat()
                writer.writerow([day, poll, question, row.answer, texts[row.answer], row.votes])
            totals = Counter[str]()
            for row in rows:
                totals[row.answer] += row.votes
            for answer, text in answers:
                writer.writerow(["total", poll, question, answer, text, totals[answer]])
    return [path]


POLL_STYLE = """
  section.poll table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
  section.poll th, section.poll td { padding: 0.3em 0.8em; text-align: start; border-bottom: 1px solid #ddd; }
  section.poll td.bar { width: 40%; }
  section.poll td.bar div { background: #1f6f8b; height: 1em; min-width: 2px; }
  section.poll td.number { text-align: end; font-variant-numeric: tabular-nums; }
"""


def poll_sections(figures: Figures, exhibits: Exhibits, words: dict[str, Any]) -> str:
    """The page's poll results: per poll a table of answers with bars and one of votes per day."""
    if not figures.votes:
        return ""
    said = words["said"]
    number = words["number"]

    def votes_text(count: int) -> str:
        return str(said.count("report_votes", count, count=number(count)))

    parts = [f"  <h2>{escape(said.text('report_polls_title'))}</h2>"]
    for poll, rows in _by_poll(figures.votes).items():
        question, answers = _answers(poll, rows, exhibits)
        totals = Counter[str]()
        per_day: dict[Any, Counter[str]] = defaultdict(Counter)
        for row in rows:
            totals[row.answer] += row.votes
            per_day[row.day][row.answer] += row.votes
        total = sum(totals.values())
        days = sorted(per_day)
        summary = said.text("report_poll_total", votes=votes_text(total),
                            first=words["date"](days[0]), last=words["date"](days[-1]))
        lines = [
            f'  <section class="poll">\n  <h3>{escape(question)}</h3>\n  <p>{escape(summary)}</p>',
            "  <table>",
        ]
        for answer, text in answers:
            share = totals[answer] / total if total else 0.0
            lines.append(
                f"    <tr><th>{escape(text)}</th>"
                f'<td class="bar"><div style="width: {100 * share:.1f}%"></div></td>'
                f'<td class="number">{escape(words["percent"](share))}</td>'
                f'<td class="number">{escape(votes_text(totals[answer]))}</td></tr>'
            )
        lines.append("  </table>")
        caption = said.text("report_poll_day_title", question=question)
        header = "".join(f"<th>{escape(text)}</th>" for _, text in answers)
        lines.append(f"  <table>\n    <caption>{escape(caption)}</caption>\n    <tr><th></th>{header}</tr>")
        for day in days:
            cells = "".join(
                f'<td class="number">{number(per_day[day][answer])}</td>' for answer, _ in answers
            )
            lines.append(f"    <tr><th>{escape(words['date'](day))}</th>{cells}</tr>")
        lines.append("  </table>\n  </section>")
        parts.append("\n".join(lines))
    return "\n".join(parts)
