"""The report's part on exhibits' QR codes: how many visits saw each one.

A QR code is counted once per visit that saw it (the `choices` rows of kind 'link'); whether a
phone then scanned it cannot be known by a kiosk that never goes online, and is not guessed.
"""

from __future__ import annotations

from html import escape
from typing import Any

from kiosk.insights.figures import Exhibits, Figures
from kiosk.words import Words


def links_section(figures: Figures, exhibits: Exhibits, words: dict[str, Any]) -> str:
    """The page's table of QR codes shown: for each exhibit with a link, the visits that saw it."""
    if not figures.links:
        return ""
    said: Words = words["said"]
    rows = "\n".join(
        f"    <tr><td>{escape(exhibits.title(exhibit))}</td>"
        f"<td>{escape(said.count('report_links_shown', count, count=words['number'](count)))}</td></tr>"
        for exhibit, count in figures.links
    )
    return (f'  <h2 id="links">{escape(said.text("report_links_title"))}</h2>\n'
            f'  <table class="links">\n{rows}\n  </table>\n'
            f'  <p>{escape(said.text("report_links_note"))}</p>')


def links_table(figures: Figures, exhibits: Exhibits) -> tuple[list[str], list[list[Any]]]:
    """links.csv: header and rows, most seen first."""
    rows: list[list[Any]] = [[exhibit, exhibits.title(exhibit), count] for exhibit, count in figures.links]
    return ["exhibit", "title", "visits_shown_qr_code"], rows
