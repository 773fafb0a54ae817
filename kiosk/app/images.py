"""File URLs for QML: pictures, films and sounds from the content folder.

Visitor screens show pictures from plain file URLs (`picture_url`) that Qt's own picture thread
decodes in C++ at the Image's `sourceSize` (a 16k x 16k JPEG plan shown on a 1920 screen is
decoded at about 1920 wide, never at full size) and keeps in its pixmap cache. A picture larger
than a 4K screen, in any format, is shown from a screen-size copy (`kiosk.app.display_copies`);
zoom views add the sharp tiles of its pyramid (`kiosk.app.pyramids`, `kiosk.app.tiled_picture`).
No picture is decoded in Python: Qt's picture thread would have to wait for Python's lock.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from kiosk.app.display_copies import display_copy


def local_url(path: Path | str) -> str:
    """The file URL of a local file, as QML takes it, e.g. `file:///srv/content/media/a.png`."""
    return QUrl.fromLocalFile(str(path)).toString()


def picture_url(root: Path, relative_path: str) -> str:
    """The URL QML Images use for a picture in the content folder: a plain file URL, of its
    screen-size copy when the picture is larger than any screen."""
    path = root / relative_path
    return local_url(display_copy(path) or path)
