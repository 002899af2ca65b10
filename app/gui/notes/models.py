"""Qt models over the note services: the notes list (paged from SQL), the tags as a tree with
their counts, the entries carrying a tag, and one note's revisions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.gui.detail_html import untitled
from app.gui.i18n import kind_singular, translate
from app.gui.notes.times import local_time
from app.i18n import N_
from app.records.entries import Ref
from app.records.notes import NoteQuery, NoteRow, RevisionSummary, TagCount
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.tags import Tags

_Index = QModelIndex | QPersistentModelIndex
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAG_ROLE = Qt.ItemDataRole.UserRole + 2
REVISION_ID_ROLE = Qt.ItemDataRole.UserRole + 3
SLUG_ROLE = Qt.ItemDataRole.UserRole + 4


class NotesTableModel(QAbstractTableModel):
    """Notes matching a NoteQuery; sorted and filtered in SQL, paged in as the view scrolls."""

    PAGE = 200
    COLUMNS = (
        ("title", N_("NotesTableModel", "Title")),
        ("entry", N_("NotesTableModel", "Entry")),
        ("tags", N_("NotesTableModel", "Tags")),
        ("updated", N_("NotesTableModel", "Updated")),
        ("created", N_("NotesTableModel", "Created")),
        ("deleted", N_("NotesTableModel", "Deleted")),
    )
    _SORTABLE = ("title", "entry", "updated", "created", "deleted")

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

    def row_at(self, row: int) -> NoteRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, key: str) -> int:
        return [k for k, _ in self.COLUMNS].index(key)

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
                return row.title or untitled()
            if key == "entry":
                return row.entry.name if row.entry else self.tr("Standalone")
            if key == "tags":
                return ", ".join(row.tags)
            if key == "deleted":
                return local_time(row.deleted_at) if row.deleted_at else ""
            return local_time(row.updated_at if key == "updated" else row.created_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.excerpt or row.title or untitled()
        if role == NOTE_ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return translate("NotesTableModel", self.COLUMNS[section][1])
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


class _TagNode:
    __slots__ = ("children", "parent", "row", "tag")

    def __init__(self, tag: TagCount | None, parent: _TagNode | None, row: int) -> None:
        self.tag = tag
        self.parent = parent
        self.row = row
        self.children: list[_TagNode] = []


class TagsModel(QAbstractItemModel):
    """Every tag with the live notes and entries under it, as a tree: 'policy/ethics' is the
    child 'ethics' of 'policy', and a parent's counts include its children's."""

    HEADERS = (N_("TagsModel", "Tag"), N_("TagsModel", "Notes"), N_("TagsModel", "Entries"))

    def __init__(self, tags: Tags, parent: Any = None) -> None:
        super().__init__(parent)
        self._tags = tags
        self._root = _TagNode(None, None, 0)
        self._by_name: dict[str, _TagNode] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._root = _TagNode(None, None, 0)
        self._by_name = {}
        # counts() lists parents before their children, in display order.
        for tag in self._tags.counts():
            above = self._by_name.get(tag.name.rsplit("/", 1)[0]) if "/" in tag.name else None
            holder = above or self._root
            node = _TagNode(tag, holder, len(holder.children))
            holder.children.append(node)
            self._by_name[tag.name.casefold()] = node
            self._by_name[tag.name] = node
        self.endResetModel()

    def index_of(self, name: str) -> QModelIndex:
        """The index of the tag called `name` (any case), or an invalid one."""
        node = self._by_name.get(name) or self._by_name.get(name.casefold())
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def tag_of(self, index: _Index) -> str | None:
        node = self._node(index)
        return node.tag.name if node is not None and node.tag is not None else None

    def count_of(self, name: str) -> TagCount | None:
        node = self._by_name.get(name) or self._by_name.get(name.casefold())
        return node.tag if node is not None else None

    def _node(self, index: _Index) -> _TagNode | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _TagNode) else None

    # --- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        holder = self._node(parent) or self._root
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if not (0 <= row < len(holder.children) and 0 <= column < len(self.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, holder.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        holder = self._node(parent) or self._root
        return len(holder.children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None or node.tag is None:
            return None
        tag = node.tag
        if role == Qt.ItemDataRole.DisplayRole:
            return (tag.leaf, tag.notes, tag.entries)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            notes = self.tr("%n notes", None, tag.notes)
            entries = self.tr("%n entries", None, tag.entries)
            return (tag.name, notes, entries)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{tag}: {notes}, {entries} (tags nested under it included)").format(
                tag=tag.name,
                notes=self.tr("%n notes", None, tag.notes),
                entries=self.tr("%n entries", None, tag.entries),
            )
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
            return translate("TagsModel", self.HEADERS[section])
        return None


class TaggedEntriesModel(QAbstractListModel):
    """The live entries carrying a tag (or one nested under it), by name."""

    def __init__(self, tags: Tags, parent: Any = None) -> None:
        super().__init__(parent)
        self._tags = tags
        self._tag: str | None = None
        self._rows: tuple[Ref, ...] = ()

    @property
    def tag(self) -> str | None:
        return self._tag

    def show_tag(self, name: str | None) -> None:
        self._tag = name
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._tags.entries_tagged(self._tag) if self._tag else ()
        self.endResetModel()

    def ref_at(self, row: int) -> Ref | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ref = self.ref_at(index.row()) if index.isValid() else None
        if ref is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{ref.name} ({kind_singular(ref.kind)})"
        if role == SLUG_ROLE:
            return ref.slug
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
                current = self.tr("Current · {time}").format(time=local_time(when, seconds=True))
                return f"{current}\n{title or untitled()}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return title or untitled()
            return None
        rev = self._rows[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            size = self.tr("%n characters", None, rev.chars)
            return f"{local_time(rev.created_at, seconds=True)} · {size}\n{rev.title or untitled()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(rev.excerpt.split())
        if role == REVISION_ID_ROLE:
            return rev.id
        return None
