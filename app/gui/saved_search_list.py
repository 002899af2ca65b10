"""Saved searches in the sidebar: one line each; choosing one runs it again, on today's data.

A section of its own under the kinds, so the sidebar itself stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.services.library import Library
from app.services.saved_searches import SavedSearch

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedSearchList(QWidget):
    chosen = Signal(str)  # the query to run

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedSearches")
        self._saved = library.saved_searches
        self.heading = QLabel(self.tr("Saved searches"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(6, 8, 6, 2)
        self.empty = QLabel(self.tr("None yet: search (Ctrl+K), then “Save search…”."), self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setContentsMargins(6, 2, 6, 8)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Saved searches"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        found = self._saved.all()
        for saved in found:
            item = QListWidgetItem(saved.name)
            item.setData(SEARCH_ROLE, saved)
            item.setToolTip(saved.query)
            self.list.addItem(item)
        self.empty.setVisible(not found)
        self.list.setVisible(bool(found))
        if found:
            self.list.setFixedHeight(min(len(found), 8) * (self.list.sizeHintForRow(0) + 2) + 6)

    def names(self) -> list[str]:
        return [s.name for s in self._searches()]

    def _searches(self) -> list[SavedSearch]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.data(SEARCH_ROLE) for item in items if item.data(SEARCH_ROLE) is not None]

    def _activated(self, item: QListWidgetItem) -> None:
        saved: SavedSearch | None = item.data(SEARCH_ROLE)
        if saved is not None:
            self.chosen.emit(saved.query)

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        saved: SavedSearch | None = item.data(SEARCH_ROLE) if item is not None else None
        if saved is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Run"), lambda: self.chosen.emit(saved.query))
        menu.addAction(self.tr("Delete…"), lambda: self.delete(saved))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def delete(self, saved: SavedSearch) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete saved search"),
            self.tr("Delete the saved search “{name}”? The entries stay.").format(name=saved.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._saved.delete(saved.id)
            self.refresh()
