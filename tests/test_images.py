"""Pictures, films and sounds reach QML as plain file URLs, made in one place; Qt decodes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage

import kiosk.app.images as images
from kiosk.app.exhibit_data import file_url
from kiosk.app.images import local_url, picture_url

QML = Path(__file__).resolve().parents[1] / "kiosk" / "qml"


def test_a_local_file_has_one_url_form(tmp_path: Path) -> None:
    path = tmp_path / "a folder" / "图片.png"
    url = local_url(path)
    assert url.startswith("file:///")
    assert QUrl(url).toLocalFile() == str(path)
    assert local_url(str(path)) == url
    assert file_url(tmp_path, "a folder/图片.png") == url
    assert file_url(tmp_path, None) == ""


def test_a_picture_of_screen_size_is_shown_from_its_own_file(qapp: Any, tmp_path: Path) -> None:
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#336699"))
    (tmp_path / "media").mkdir()
    assert picture.save(str(tmp_path / "media" / "small.png"))
    assert picture_url(tmp_path, "media/small.png") == local_url(tmp_path / "media" / "small.png")


def test_no_picture_is_decoded_in_python(qapp: Any) -> None:
    """Qt's picture thread would wait for Python's lock: no `image://` provider, no Python decoder."""
    from kiosk.app.bootstrap import make_engine

    engine = make_engine(None)
    try:
        assert engine.imageProvider("kiosk") is None
    finally:
        engine.deleteLater()
    assert not hasattr(images, "KioskImageProvider") and not hasattr(images, "PROVIDER_ID")
    for qml in QML.rglob("*.qml"):
        assert "image://" not in qml.read_text(encoding="utf-8"), qml
