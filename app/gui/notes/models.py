"""Qt models over the note services: the notes list (paged from SQL), the tags with their counts,
and one note's revisions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.gui.notes.times import local_time
from app.services.note_dto import NoteQuery, NoteRow, RevisionSummary, TagCount
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.tags import Tags

_Index = QModelIndex | QPersistentModelIndex
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAG_ROLE = Qt.ItemDataRole.UserRole + 2
REVISION_ID_ROLE = Qt.ItemDataRole.UserRole + 3

UNTITLED = "(untitled)"


class NotesTableModel(QAbstractTableModel):
    """Notes matching a NoteQuery; sorted and filtered in SQL, paged in as the view scrolls."""

    PAGE = 200
    COLUMNS = (
        ("title", "Title"),
        ("entry", "Entry"),
        ("tags", "Tags"),
        ("updated", "Updated"),
        ("created", "Created"),
    )
    _SORTABLE = ("title", "entry", "updated", "created")

    def __init__(self, lists: NoteLists, query: NoteQuery | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self._query = query or NoteQuery()
        self._rows: list[NoteRow] = []
        self._matching = 0
        self._changing = False
        self.refresh()

    @property
    def query(self) -> NoteQuery:
        return self._query

    @property
    def matching(self) -> int:
        return self._matching

    def set_query(self, query: NoteQuery) -> None:
        if query != self._query:
            self._query = query
            self.reset()

    def reset(self) -> None:
        self._changing = True
        try:
            self.beginResetModel()
            self._matching = self._lists.count(self._query)
            self._rows = list(self._lists.page(self._query, limit=self.PAGE))
            self.endResetModel()
        finally:
            self._changing = False

    def refresh(self) -> None:
        """Re-read the rows shown. When the same notes stay in the same places, only their
        values change (a view keeps its selection); otherwise the model resets."""
        loaded = max(len(self._rows), self.PAGE)
        rows = list(self._lists.page(self._query, limit=loaded))
        matching = self._lists.count(self._query)
        if [r.id for r in rows] == [r.id for r in self._rows] and matching == self._matching:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
            return
        self._changing = True
        try:
            self.beginResetModel()
            self._rows = rows
            self._matching = matching
            self.endResetModel()
        finally:
            self._changing = False

    def note_id_at(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, note_id: int, *, fetch: bool = True) -> int:
        """The row showing the note, paging further in if needed (unless `fetch` is False);
        -1 if it is not there."""
        while True:
            for i, row in enumerate(self._rows):
                if row.id == note_id:
                    return i
            if not fetch or not self.canFetchMore(QModelIndex()):
                return -1
            self.fetchMore(QModelIndex())

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "title":
                return row.title or UNTITLED
            if key == "entry":
                return row.entry.name if row.entry else "Standalone"
            if key == "tags":
                return ", ".join(row.tags)
            return local_time(row.updated_at if key == "updated" else row.created_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.excerpt or row.title or UNTITLED
        if role == NOTE_ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section][1]
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._matching

    def fetchMore(self, parent: _Index) -> None:
        # Views (and the model tester) may ask for more while a reset or an insertion is still
        # being announced; inserting rows then would nest two changes. They ask again later.
        if parent.isValid() or self._changing:
            return
        more = self._lists.page(self._query, offset=len(self._rows), limit=self.PAGE)
        if not more:
            self._matching = len(self._rows)
            return
        first = len(self._rows)
        self._changing = True
        try:
            # `last` is inclusive (the PySide6 fetchmore example is off by one here).
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        finally:
            self._changing = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS) or self.COLUMNS[column][0] not in self._SORTABLE:
            return
        self.set_query(
            replace(
                self._query,
                sort=self.COLUMNS[column][0],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )


class TagsModel(QAbstractTableModel):
    """Every tag with the live notes and entries under it (nested tags counted in their parents)."""

    HEADERS = ("Tag", "Notes", "Entries")

    def __init__(self, tags: Tags, parent: Any = None) -> None:
        super().__init__(parent)
        self._tags = tags
        self._rows: tuple[TagCount, ...] = ()
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._tags.counts()
        self.endResetModel()

    def tag_at(self, row: int) -> str | None:
        return self._rows[row].name if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        tag = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (tag.name, tag.notes, tag.entries)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{tag.name}: {tag.notes} notes, {tag.entries} entries (tags nested under it included)"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TAG_ROLE:
            return tag.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None


class RevisionListModel(QAbstractListModel):
    """A note's history, newest first, below its current text (which is row 0)."""

    def __init__(self, notes: Notes, parent: Any = None) -> None:
        super().__init__(parent)
        self._notes = notes
        self._note_id: int | None = None
        self._current: tuple[str, str] | None = None  # (updated_at, title)
        self._rows: tuple[RevisionSummary, ...] = ()

    @property
    def note_id(self) -> int | None:
        return self._note_id

    def show_note(self, note_id: int | None) -> None:
        self._note_id = note_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        if self._note_id is None:
            self._current, self._rows = None, ()
        else:
            doc = self._notes.get(self._note_id)
            self._current = (doc.updated_at, doc.title)
            self._rows = self._notes.revisions(self._note_id)
        self.endResetModel()

    def revision_id_at(self, row: int) -> int | None:
        """None for the current text (row 0)."""
        return self._rows[row - 1].id if 1 <= row <= len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._current is None:
            return 0
        return 1 + len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._current is None or index.row() > len(self._rows):
            return None
        if index.row() == 0:
            when, title = self._current
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Current · {local_time(when, seconds=True)}\n{title or UNTITLED}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return title or UNTITLED
            return None
        rev = self._rows[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{local_time(rev.created_at, seconds=True)} · {rev.chars:,} characters\n{rev.title or UNTITLED}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(rev.excerpt.split())
        if role == REVISION_ID_ROLE:
            return rev.id
        return None
