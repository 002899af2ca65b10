"""A list of entries as a Qt table model that pages rows in as the view scrolls.

Filtering and sorting happen in SQL (EntryLists.ids): the model holds the ordered ids of
every matching entry (100,000 ints are nothing) and fetches the shown columns a block at a
time, only for rows a view asks about. Rows are exposed to views in pages through
canFetchMore / fetchMore, so a view never lays out more rows than the reader scrolled to.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.gui.detail_html import choice
from app.gui.i18n import translate
from app.services.dto import Row
from app.services.entries import TRASH, EntryLists, columns

_Index = QModelIndex | QPersistentModelIndex
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryTableModel(QAbstractTableModel):
    """Rows of one kind (or of the trash); filtering and sorting happen in SQL, never in Python."""

    PAGE = 200  # rows exposed per fetchMore, and rows read per query
    BLOCK = 200

    def __init__(
        self,
        lists: EntryLists,
        kind: str,
        parent: Any = None,
        *,
        sort: str = "name",
        descending: bool = False,
    ) -> None:
        super().__init__(parent)
        self._lists = lists
        self._kind = kind
        self._columns = columns(kind)
        self._ids: list[int] = []
        self._shown = 0
        self._blocks: dict[int, list[Row | None]] = {}
        self._text = ""
        self._sort = sort if sort in self.column_keys() else "name"
        self._descending = descending
        self._changing = False
        self.refresh()

    # --- what is shown ----------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def matching(self) -> int:
        """How many entries match the filter (rows not yet paged in included)."""
        return len(self._ids)

    @property
    def filter_text(self) -> str:
        return self._text

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def sort_column(self) -> int:
        return self.column_keys().index(self._sort)

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def set_filter(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def refresh(self) -> None:
        """Re-read from the database (after an edit, or a new filter or sort)."""
        # Listeners of a change (views, QAbstractItemModelTester) may ask for more rows while
        # it is still being announced; inserting then would nest one change in another. They
        # ask again once it is over.
        self._changing = True
        try:
            self.beginResetModel()
            self._ids = self._lists.ids(
                self._kind, text=self._text, sort=self._sort, descending=self._descending
            )
            self._blocks.clear()
            self._shown = min(self.PAGE, len(self._ids))
            self.endResetModel()
        finally:
            self._changing = False

    def row_of(self, slug: str) -> int:
        """The row showing `slug`, paging in as far as needed; -1 if it does not match."""
        ref = self._lists.ref(slug)
        if ref is None:
            return -1
        try:
            row = self._ids.index(ref.id)
        except ValueError:
            return -1
        if row >= self._shown:
            self._expose(row + 1)
        return row

    def slug_at(self, row: int) -> str | None:
        found = self._row(row)
        return found.slug if found is not None else None

    def _row(self, row: int) -> Row | None:
        if not 0 <= row < self._shown:
            return None
        block, at = divmod(row, self.BLOCK)
        rows = self._blocks.get(block)
        if rows is None:
            start = block * self.BLOCK
            rows = self._lists.rows(self._kind, self._ids[start : start + self.BLOCK])
            self._blocks[block] = rows
        return rows[at]

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.values[index.column()]
            key = self._columns[index.column()].key
            if self._kind == TRASH and key == "kind":
                return translate("Kinds", value)  # the kind's English name, from the database
            if key == "asean" and " since " in value:  # '<status> since <date>', worded in SQL
                status, _since, date = value.partition(" since ")
                return self.tr("{status} since {date}").format(status=status, date=date)
            if key == "reliability":
                return choice(value)
            return value
        if role == SLUG_ROLE:
            return row.slug
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._columns):
            return translate("Fields", self._columns[section].header)
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._changing and self._shown < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent):
            self._expose(self._shown + self.PAGE)

    def _expose(self, count: int) -> None:
        count = min(count, len(self._ids))
        if count <= self._shown:
            return
        self._changing = True
        try:
            # `last` is inclusive (the PySide6 fetchmore example is off by one here).
            self.beginInsertRows(QModelIndex(), self._shown, count - 1)
            self._shown = count
            self.endInsertRows()
        finally:
            self._changing = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.refresh()
