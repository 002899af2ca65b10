"""A list of entries as a Qt table model that pages rows in from SQL as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.dto import Row
from app.services.entries import EntryLists, columns

_Index = QModelIndex | QPersistentModelIndex
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryTableModel(QAbstractTableModel):
    """Rows of one kind; filtering and sorting happen in SQL (EntryLists), never in Python."""

    PAGE = 200

    def __init__(self, lists: EntryLists, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self._kind = kind
        self._columns = columns(kind)
        self._rows: list[Row] = []
        self._text = ""
        self._sort = "name"
        self._descending = False
        self._matching = 0
        self.refresh()

    # --- what is shown ----------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def matching(self) -> int:
        """How many entries match the filter (rows not yet paged in included)."""
        return self._matching

    @property
    def filter_text(self) -> str:
        return self._text

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def set_filter(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def refresh(self) -> None:
        """Re-read from the database (after an edit, or a new filter or sort)."""
        self.beginResetModel()
        self._matching = self._lists.count(self._kind, self._text)
        self._rows = list(self._page(0))
        self.endResetModel()

    def _page(self, offset: int) -> tuple[Row, ...]:
        return self._lists.page(
            self._kind,
            text=self._text,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=self.PAGE,
        ).rows

    def row_of(self, slug: str) -> int:
        """The row showing `slug`, paging further in if needed; -1 if it does not match."""
        while True:
            for i, row in enumerate(self._rows):
                if row.slug == slug:
                    return i
            if not self.canFetchMore(QModelIndex()):
                return -1
            self.fetchMore(QModelIndex())

    def slug_at(self, row: int) -> str | None:
        return self._rows[row].slug if 0 <= row < len(self._rows) else None

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.values[index.column()]
        if role == SLUG_ROLE:
            return row.slug
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._matching

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._matching = len(self._rows)
            return
        first = len(self._rows)
        # `last` is inclusive (the PySide6 fetchmore example is off by one here).
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = self._columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
