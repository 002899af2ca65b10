"""The sidebar: the kinds of entry, each with its count. Later sections (notes, tags, saved
searches) are added as further items by their own widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.services.kinds import KINDS

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class Sidebar(QListWidget):
    kind_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Kinds of entry")
        self.setObjectName("sidebar")
        for kind in KINDS:
            item = QListWidgetItem(kind.plural)
            item.setData(KIND_ROLE, kind.key)
            self.addItem(item)
        self.currentItemChanged.connect(self._changed)
        self.setMaximumWidth(260)

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.kind_selected.emit(current.data(KIND_ROLE))

    def select_kind(self, kind: str) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(KIND_ROLE) == kind:
                self.setCurrentItem(item)
                return

    def current_kind(self) -> str | None:
        item = self.currentItem()
        return str(item.data(KIND_ROLE)) if item is not None else None

    def set_counts(self, counts: dict[str, int]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            kind = next(k for k in KINDS if k.key == item.data(KIND_ROLE))
            n = counts.get(kind.key)
            item.setText(kind.plural if n is None else f"{kind.plural}  ({n})")
