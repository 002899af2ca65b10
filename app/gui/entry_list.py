"""One kind's list: a filter box, the paged table and the count of shown / total entries."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.entry_table_model import SLUG_ROLE, EntryTableModel
from app.services.entries import EntryLists
from app.services.kinds import BY_KEY


class EntryList(QWidget):
    entry_selected = Signal(str)  # slug

    def __init__(self, lists: EntryLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self._models: dict[str, EntryTableModel] = {}
        self._total = 0

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter")
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._debounce.start())

        self.table = QTableView(self)
        self.table.setAccessibleName("Entries")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights and interactive columns: never measure contents over the whole model.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

        self.status = QLabel(self)
        self.status.setAccessibleName("Entries shown")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    @property
    def model(self) -> EntryTableModel | None:
        model = self.table.model()
        return model if isinstance(model, EntryTableModel) else None

    def show_kind(self, kind: str) -> None:
        model = self._models.get(kind)
        if model is None:
            model = EntryTableModel(self._lists, kind, self)
            self._models[kind] = model
        old = self.table.selectionModel()
        self.table.setModel(model)
        if old is not None:
            old.deleteLater()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelReset.connect(self._update_status)
        model.rowsInserted.connect(self._update_status)
        self.filter.blockSignals(True)
        self.filter.setText(model.filter_text)
        self.filter.blockSignals(False)
        self._fit_columns()
        self._update_status()

    def refresh(self) -> None:
        """Re-read every list this widget has shown, keeping the current selection."""
        model = self.model
        slug = None
        if model is not None:
            index = self.table.currentIndex()
            slug = model.slug_at(index.row()) if index.isValid() else None
        for m in self._models.values():
            m.refresh()
        if slug:
            self.select_slug(slug)

    def _fit_columns(self) -> None:
        model = self.model
        if model is None:
            return
        width = max(self.table.viewport().width(), 600)
        first = int(width * 0.4)
        rest = (width - first) // max(model.columnCount() - 1, 1)
        self.table.setColumnWidth(0, first)
        for c in range(1, model.columnCount()):
            self.table.setColumnWidth(c, rest)

    def _apply_filter(self) -> None:
        model = self.model
        if model is not None:
            model.set_filter(self.filter.text())

    def _update_status(self) -> None:
        model = self.model
        if model is None:
            self.status.clear()
            return
        self._total = self._lists.count(model.kind)
        noun = BY_KEY[model.kind].plural.lower()
        self.status.setText(f"{model.matching} of {self._total} {noun}")

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            slug = indexes[0].data(SLUG_ROLE)
            if slug:
                self.entry_selected.emit(slug)

    def select_slug(self, slug: str) -> bool:
        """Select the row of `slug` if the current list holds it (quietly: no signal)."""
        model = self.model
        if model is None:
            return False
        row = model.row_of(slug)
        if row < 0:
            self.table.clearSelection()
            return False
        self.table.selectionModel().blockSignals(True)
        self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(model.index(row, 0))
        return True

    def select_first(self) -> None:
        model = self.model
        if model is not None and model.rowCount() > 0:
            self.table.setCurrentIndex(model.index(0, 0, QModelIndex()))
            self.table.selectRow(0)
