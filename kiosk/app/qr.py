"""QR codes of exhibits' links, as data the exhibit screen draws itself.

The code is made by `segno` (pure Python) on the GUI thread when an exhibit's data is prepared,
with error correction level M (a smudge or a glare on the glass still scans). The QML card draws
its dark modules, row by row, as runs: nothing is rendered on another thread, no image file is
written, and the drawing stays crisp at any module size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import segno

from kiosk.content.i18n import pick, resolve
from kiosk.content.links import Link, encoded, host_of

QUIET_ZONE = 4
"""Light modules around the code on every side, as the QR standard asks."""
ERROR_CORRECTION = "M"


@dataclass(frozen=True)
class QrCode:
    """A QR code as rows of modules: `size` modules a side (quiet zone not included)."""

    text: str
    version: int
    size: int
    runs: tuple[tuple[int, int, int], ...]
    """Each horizontal run of dark modules as (row, first column, length)."""

    def dark(self, row: int, column: int) -> bool:
        return any(r == row and first <= column < first + length for r, first, length in self.runs)

    def for_qml(self) -> dict[str, Any]:
        """What the QR card draws: the module count a side (with the quiet zone) and the dark runs,
        flat as [x, y, length, ...] in modules from the top left corner of the quiet zone."""
        flat: list[int] = []
        for row, first, length in self.runs:
            flat += [first + QUIET_ZONE, row + QUIET_ZONE, length]
        return {"modules": self.size + 2 * QUIET_ZONE, "quietZone": QUIET_ZONE, "runs": flat,
                "version": self.version}


@lru_cache(maxsize=64)
def qr_code(text: str) -> QrCode:
    """The QR code that holds `text` (a link as `kiosk.content.links.encoded` gives it)."""
    code = segno.make_qr(text, error=ERROR_CORRECTION.lower(), boost_error=False)
    runs: list[tuple[int, int, int]] = []
    for row, modules in enumerate(code.matrix):
        column, width = 0, len(modules)
        while column < width:
            if modules[column]:
                start = column
                while column < width and modules[column]:
                    column += 1
                runs.append((row, start, column - start))
            else:
                column += 1
    size = len(code.matrix)
    version = int(code.version) if str(code.version).isdigit() else 0
    return QrCode(text, version, size, tuple(runs))


def link_to_qml(link: Link | None, language: str, fallback: str, labels: dict[str, str]) -> dict[str, Any]:
    """An exhibit's link for its QR card, in the visitor's language; {} when it has none.

    `url` is what the code holds, `host` the host name shown under it, `label` what the page is
    (the interface's default words when the content names none), `name` what a screen reader says."""
    if link is None:
        return {}
    written = pick(link.url, language, fallback)
    url = encoded(written)
    host = host_of(url)
    label = resolve(link.label, language, fallback) or labels.get("link_default_label", "")
    name = labels.get("link_qr_name", "{label}").replace("{label}", label).replace("{host}", host)
    return {"url": url, "host": host, "label": label, "name": name, "qr": qr_code(url).for_qml()}
