"""`TiledPicture`: what a zoom view draws of a picture, the screen-size copy and the sharp tiles.

A zoom view (`ZoomArea.qml`) gives it the picture's file URL and, whenever the view moves, the
part of the picture on screen and the zoom. It answers with `preview` (the screen-size picture,
shown at once) and `tiles`, a list model of the pyramid tiles that cover the part on screen at
the level that matches the zoom, once the pyramid is built (`kiosk.app.pyramids`). The view
draws each tile as a plain QML Image with a file URL, decoded by Qt on its own thread. Only the
tiles on screen are in the model, so memory stays small whatever the size of the picture.
Everything here runs on the GUI thread; builds announce themselves through a queued signal.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, display_copies, pyramids

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "TileModel", "TiledPicture"]

QT_DECODE_LIMIT_PIXELS = 256 * 1024 * 1024 // 4
"""Qt refuses to decode pictures over 256 MB (4 bytes a pixel): those wait for their copy."""

Tile = tuple[int, int, int]
"""(level, column, row)"""

ROLES = {
    Qt.ItemDataRole.UserRole + 1: b"tileSource",
    Qt.ItemDataRole.UserRole + 2: b"tileX",
    Qt.ItemDataRole.UserRole + 3: b"tileY",
    Qt.ItemDataRole.UserRole + 4: b"tileXScale",
    Qt.ItemDataRole.UserRole + 5: b"tileYScale",
}


class TileModel(QAbstractListModel):
    """The tiles on screen, each with its file URL and place in the view's picture coordinates.
    Tiles that stay on screen keep their row, so their Images are not loaded again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tiles: list[Tile] = []
        self._rows: dict[Tile, dict[bytes, Any]] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tiles)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name) for role, name in ROLES.items()}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tiles):
            return None
        name = ROLES.get(role)
        return self._rows[self._tiles[index.row()]].get(name) if name else None

    def tiles(self) -> list[Tile]:
        return list(self._tiles)

    def show(self, wanted: dict[Tile, dict[bytes, Any]]) -> None:
        """Keep the tiles still wanted, drop the others, add the new ones."""
        for row in range(len(self._tiles) - 1, -1, -1):
            tile = self._tiles[row]
            if tile not in wanted or wanted[tile] != self._rows[tile]:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._tiles[row]
                del self._rows[tile]
                self.endRemoveRows()
        new = [tile for tile in wanted if tile not in self._rows]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._tiles), len(self._tiles) + len(new) - 1)
            for tile in new:
                self._tiles.append(tile)
                self._rows[tile] = wanted[tile]
            self.endInsertRows()


def visible_tiles(pyramid: pyramids.Pyramid, content: tuple[float, float],
                  shown: tuple[float, float, float, float], zoom: float,
                  base_width: float) -> dict[Tile, dict[bytes, Any]]:
    """The tiles that cover `shown` (left, top, right, bottom in view coordinates of a picture
    laid out at `content` size, then scaled by `zoom`), from the smallest level at least as
    sharp as the screen; none while the screen-size picture (`base_width` pixels) is as sharp."""
    width, height = content
    on_screen = width * zoom
    if width <= 0 or height <= 0 or on_screen <= base_width:
        return {}
    top_level = pyramid.top_level
    halvings = math.floor(math.log2(pyramid.width / on_screen)) if on_screen < pyramid.width else 0
    level = max(0, top_level - halvings)
    level_width, level_height = pyramid.level_size(level)
    if level_width <= base_width:
        return {}
    x_scale, y_scale = width / level_width, height / level_height
    left, top, right, bottom = shown
    size = pyramid.tile_size
    first_column = max(0, math.floor(left / x_scale / size))
    last_column = math.floor(min(right / x_scale, level_width - 1) / size)
    first_row = max(0, math.floor(top / y_scale / size))
    last_row = math.floor(min(bottom / y_scale, level_height - 1) / size)
    wanted: dict[Tile, dict[bytes, Any]] = {}
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            # each tile but the first in its row and column starts one overlap pixel early
            tile_left = column * size - (pyramid.overlap if column else 0)
            tile_top = row * size - (pyramid.overlap if row else 0)
            wanted[(level, column, row)] = {
                b"tileSource": QUrl.fromLocalFile(str(pyramid.tile_path(level, column, row))),
                b"tileX": tile_left * x_scale,
                b"tileY": tile_top * y_scale,
                b"tileXScale": x_scale,
                b"tileYScale": y_scale,
            }
    return wanted


@QmlElement
class TiledPicture(QObject):
    """A picture in a zoom view: its screen-size `preview` and the sharp `tiles` on screen."""

    sourceChanged = Signal()
    previewChanged = Signal()
    readyChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = QUrl()
        self._preview = QUrl()
        self._pyramid: pyramids.Pyramid | None = None
        self._model = TileModel(self)
        self._view: tuple[Any, ...] | None = None
        pyramids.notifier().built.connect(self._on_built)

    def _get_source(self) -> QUrl:
        return self._source

    def _set_source(self, source: QUrl) -> None:
        if source == self._source:
            return
        self._source = source
        self._model.show({})
        self.sourceChanged.emit()
        self._refresh()

    source = Property(QUrl, _get_source, _set_source, notify=sourceChanged)

    @Property(QUrl, notify=previewChanged)
    def preview(self) -> QUrl:
        """The picture to show under the tiles: its screen-size copy, or the file itself."""
        return self._preview

    @Property(bool, notify=readyChanged)
    def ready(self) -> bool:
        """Whether the tiles are built."""
        return self._pyramid is not None

    @Property(int, notify=readyChanged)
    def fullWidth(self) -> int:
        return self._pyramid.width if self._pyramid else 0

    @Property(int, notify=readyChanged)
    def fullHeight(self) -> int:
        return self._pyramid.height if self._pyramid else 0

    @Property(QObject, constant=True)
    def tiles(self) -> TileModel:
        return self._model

    @property
    def path(self) -> Path | None:
        return Path(self._source.toLocalFile()) if self._source.isLocalFile() else None

    @Slot(float, float, float, float, float, float, float, float)
    def view(self, width: float, height: float, left: float, top: float, right: float, bottom: float,
             zoom: float, base_width: float) -> None:
        """The view moved: a `width` x `height` picture, of which (left, top)-(right, bottom) is
        on screen at `zoom`; the screen-size picture is `base_width` pixels wide."""
        self._view = (width, height, left, top, right, bottom, zoom, base_width)
        self._show_tiles()

    def _show_tiles(self) -> None:
        if self._pyramid is None or self._view is None:
            self._model.show({})
            return
        width, height, left, top, right, bottom, zoom, base_width = self._view
        self._model.show(visible_tiles(self._pyramid, (width, height), (left, top, right, bottom), zoom,
                                       base_width))

    def _refresh(self) -> None:
        path = self.path
        preview = QUrl()
        pyramid = None
        if path is not None:
            copy = display_copies.display_copy(path)
            if copy is not None:
                preview = QUrl.fromLocalFile(str(copy))
            elif not self._waits_for_copy(path):
                preview = self._source
            pyramid = pyramids.find(path)
        if pyramid != self._pyramid:
            self._pyramid = pyramid
            self.readyChanged.emit()
        if preview != self._preview:
            self._preview = preview
            self.previewChanged.emit()
        self._show_tiles()

    @staticmethod
    def _waits_for_copy(path: Path) -> bool:
        """A picture Qt would refuse is shown only once its copy is made."""
        if not display_copies.is_pending(path):
            return False
        size = pyramids.picture_size(path)
        return size is None or size[0] * size[1] > QT_DECODE_LIMIT_PIXELS

    @Slot(str)
    def _on_built(self, source: str) -> None:
        if self.path is not None and str(self.path) == source:
            self._refresh()
