"""What the attract loop and the 'Back soon' notice show, as plain data for QML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app.cards import media_kind
from kiosk.app.images import picture_url
from kiosk.content.i18n import ANY_LANGUAGE
from kiosk.words import words

if TYPE_CHECKING:
    from kiosk.content.model import Exhibition


def attract_slides(exhibition: Exhibition | None, root: Path) -> list[dict[str, str]]:
    """The loop's pictures and films in order; without any, the floors' covers. `exhibition` is the
    exhibition as shown now: slides out of their dates are already left out (kiosk.content.dates)."""
    if exhibition is None:
        return []
    slides = [{"kind": media_kind(slide.file), "url": picture_url(root, slide.file)}
              for slide in exhibition.settings.attract.media]
    if not slides:
        slides = [{"kind": "image", "url": picture_url(root, floor.cover)}
                  for floor in exhibition.floors if floor.cover]
    return slides


def invitations(exhibition: Exhibition | None) -> list[dict[str, str]]:
    """'Touch to explore' in every content language: the exhibition's own words if it has
    them in that language, else the kiosk's."""
    if exhibition is None:
        return []
    message = exhibition.settings.attract.message or {}
    result = []
    for code in exhibition.settings.languages:
        text = message.get(code) or message.get(ANY_LANGUAGE) or words(code).text("touch_to_explore")
        result.append({"code": code, "text": text})
    return result


def back_soon_notices(exhibition: Exhibition | None) -> list[dict[str, str]]:
    """'Back soon' in the exhibition's languages (English and Chinese without content)."""
    codes = list(exhibition.settings.languages) if exhibition else ["en", "zh"]
    return [{"code": code, "title": words(code).text("back_soon"),
             "detail": words(code).text("back_soon_detail")} for code in codes]
