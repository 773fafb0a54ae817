"""List models behind the floor tiles, section panels and exhibit cards.

Each row is a card: id, title, summary, cover, colour, number, type (and the type's word).
A language switch updates the rows in place, so lists keep their scroll position.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["CARD_FIELDS", "QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "CardListModel"]

CARD_FIELDS: tuple[str, ...] = (
    "cardId",
    "title",
    "summary",
    "cover",
    "coverAlt",
    "colour",
    "number",
    "kind",
    "kindLabel",
    "detail",
)
_ROLES = {Qt.ItemDataRole.UserRole + 1 + offset: name for offset, name in enumerate(CARD_FIELDS)}
_ROLE_OF = {name: role for role, name in _ROLES.items()}

Index = QModelIndex | QPersistentModelIndex


@QmlElement
@QmlUncreatable("Cards come from the Navigator.")  # type: ignore[operator]
class CardListModel(QAbstractListModel):  # type: ignore[operator]
    """Cards for one list on screen; QML delegates read the fields as required properties."""

    countChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards: list[dict[str, Any]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for role, name in _ROLES.items()}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        name = _ROLES.get(role)
        if name is None:
            return self._cards[index.row()].get("title") if role == Qt.ItemDataRole.DisplayRole else None
        return self._cards[index.row()].get(name, "")

    def set_cards(self, cards: list[dict[str, Any]]) -> None:
        """Show these cards; the same ids in the same order are updated in place."""
        cards = [{name: card.get(name, "") for name in CARD_FIELDS} for card in cards]
        if [c["cardId"] for c in cards] == [c["cardId"] for c in self._cards]:
            if cards != self._cards:
                self._cards = cards
                self.dataChanged.emit(self.index(0), self.index(len(cards) - 1))
            return
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()
        self.countChanged.emit()

    def cards(self) -> list[dict[str, Any]]:
        return [dict(card) for card in self._cards]

    @Slot(int, result="QVariantMap")
    def get(self, row: int) -> dict[str, Any]:
        """One card as a map (for tests and simple bindings)."""
        return dict(self._cards[row]) if 0 <= row < len(self._cards) else {}

    def _count(self) -> int:
        return len(self._cards)

    count = Property(int, _count, notify=countChanged)

    @staticmethod
    def role(name: str) -> int:
        return _ROLE_OF[name]
