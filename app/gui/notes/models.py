"""Qt models over the note services: the notes list (paged from SQL), the tags as a tree with
their counts, the entries carrying a tag, and one note's revisions."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.gui.detail_html import untitled
from app.gui.entry_table_model import _pool as background_pool
from app.gui.i18n import kind_singular, translate
from app.gui.notes.times import local_time
from app.gui.workers import Task, plain_message
from app.i18n import N_
from app.records.entries import Ref
from app.records.notes import NoteQuery, NoteRow, RevisionSummary, TagCount
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.progress import Cancelled, Progress
from app.services.tags import Tags

log = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAG_ROLE = Qt.ItemDataRole.UserRole + 2
REVISION_ID_ROLE = Qt.ItemDataRole.UserRole + 3
SLUG_ROLE = Qt.ItemDataRole.UserRole + 4


class NotesTableModel(QAbstractTableModel):
    """Notes matching a NoteQuery; sorted and filtered in SQL, paged in as the view scrolls.

    A page an index serves (NoteLists.quick: a few milliseconds at any size) is read at once;
    any other page (sorted by entry, filtered by text or tag: a second at 100,000 notes) and
    any count that is not an index's are read on the lists' background thread, and the
    window goes on meanwhile. Until a new query's first page arrives the rows of the last one
    stay (`loading` is True); until its count arrives `counted` is None. What arrives for a
    query that has since been replaced (or re-read) is dropped."""

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
    loaded = Signal()  # the rows of the current query are in (read at once or arrived)
    count_known = Signal()  # `counted` is known (or changed)
    failed = Signal(str)  # a background read of the current query failed (why, for the researcher)

    def __init__(self, lists: NoteLists, query: NoteQuery | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self._query = query or NoteQuery()
        self._rows: list[NoteRow] = []
        self._count: int | None = None
        self._more = False  # the last page read was full: there may be more (count unknown)
        self._generation = 0  # of the read the rows and the count belong to
        self._loading = False  # a page of this generation is being read in the background
        self._changing = False
        self._running: list[Progress] = []  # of the background reads started since the last _read
        self._failure: tuple[int, str] | None = None  # (generation, why) of a read that failed
        self.reset()

    @property
    def query(self) -> NoteQuery:
        return self._query

    @property
    def loading(self) -> bool:
        """A page is being read in the background (the rows shown may be the last query's)."""
        return self._loading

    @property
    def read_failure(self) -> str | None:
        """Why a background read of the current query failed (None unless one did); the next
        query or refresh tries again."""
        if self._failure is not None and self._failure[0] == self._generation:
            return self._failure[1]
        return None

    @property
    def counted(self) -> int | None:
        """How many notes match, once known (None while they are being counted)."""
        return self._count

    @property
    def matching(self) -> int:
        """How many notes match; counted now if the count has not arrived yet."""
        if self._count is None:
            self._count = self._lists.count(self._query)
            self.count_known.emit()
        return self._count

    def set_query(self, query: NoteQuery) -> None:
        if query != self._query:
            self._query = query
            self.reset()

    def reset(self) -> None:
        """Read the query's first page (and its count) again, from the top."""
        self._read(keep=False)

    def refresh(self) -> None:
        """Re-read the rows shown. When the same notes stay in the same places, only their
        values change (a view keeps its selection); otherwise the model resets."""
        self._read(keep=True)

    def _read(self, *, keep: bool) -> None:
        self._generation += 1
        for progress in self._running:  # what they read is for an older query: stop them
            progress.cancel()
        self._running.clear()
        generation, query = self._generation, self._query
        limit = max(len(self._rows), self.PAGE) if keep else self.PAGE
        if not keep:
            self._count = None  # a count of a query that is no longer shown is no count
        if self._lists.quick(query):
            self._loading = False
            self._show(self._lists.page(query, limit=limit), limit, keep=keep)
        else:
            self._loading = True
            self._in_background(generation, "page", lambda lists: lists.page(query, limit=limit), limit)
        if self._lists.quick_count(query):
            self._set_count(self._lists.count(query))
        else:
            self._in_background(generation, "count", lambda lists: lists.count(query))

    def _in_background(
        self, generation: int, what: str, read: Callable[[NoteLists], object], limit: int = 0
    ) -> None:
        lists = self._lists

        def work(progress: Progress) -> tuple[int, str, object, int]:
            if generation != self._generation:
                raise Cancelled()  # superseded while it waited
            try:
                # NoteLists reads on Database.read(): the pool thread's own connection.
                with lists.stoppable(progress):
                    return generation, what, read(lists), limit
            except Cancelled:
                raise
            except Exception as exc:
                if isinstance(exc, sqlite3.Error) and lists.closed:
                    raise Cancelled() from None  # the window let go of the file (quit, another file)
                # Told, with its generation, through `_arrived`: a read that ended unheard left
                # the view loading and 'Counting notes…' for good.
                log.exception("reading notes in the background failed")
                return generation, "failed", plain_message(exc), limit

        # Owned by the pool, not the model: the model may be deleted while its task runs (the
        # connection to its method ends with it), and a task must be deleted in its own thread.
        pool = background_pool()
        task = Task(work, parent=pool)
        self._running.append(task.progress)
        task.succeeded.connect(self._arrived)
        for signal in (task.succeeded, task.failed, task.cancelled):
            signal.connect(task.deleteLater)
        task.start(pool)

    def _arrived(self, result: tuple[int, str, Any, int]) -> None:
        generation, what, value, limit = result
        if generation != self._generation:
            return  # a newer read has its own rows and count coming
        if what == "failed":
            self._loading = False
            self._failure = (generation, value)
            self.failed.emit(value)
            return
        if what == "count":
            self._set_count(value)
            return
        self._loading = False
        if value and len(value) > len(self._rows) and self._rows_continue(value):
            self._more = len(value) >= limit
            self._append(value[len(self._rows) :])  # a further page (fetchMore)
            self.loaded.emit()
            return
        self._show(value, limit, keep=True)

    def _rows_continue(self, rows: tuple[NoteRow, ...]) -> bool:
        return bool(self._rows) and [r.id for r in rows[: len(self._rows)]] == [r.id for r in self._rows]

    def _set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.count_known.emit()

    def _show(self, rows: tuple[NoteRow, ...], limit: int, *, keep: bool) -> None:
        self._more = len(rows) >= limit
        if keep and [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
            self.loaded.emit()
            return
        self._changing = True
        try:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        finally:
            self._changing = False
        self.loaded.emit()

    def _append(self, more: tuple[NoteRow, ...]) -> None:
        first = len(self._rows)
        self._changing = True
        try:
            # `last` is inclusive (the PySide6 fetchmore example is off by one here).
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        finally:
            self._changing = False

    def note_id_at(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_at(self, row: int) -> NoteRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, key: str) -> int:
        return [k for k, _ in self.COLUMNS].index(key)

    def row_of(self, note_id: int, *, fetch: bool = True) -> int:
        """The row showing the note, paging further in if needed (unless `fetch` is False: a
        page read then, of a slow query, would hold up the window); -1 if it is not there."""
        while True:
            for i, row in enumerate(self._rows):
                if row.id == note_id:
                    return i
            if not fetch or self._loading or not self.canFetchMore(QModelIndex()):
                return -1
            self._fetch(at_once=True)

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
        if parent.isValid() or self._loading or self.read_failure is not None:
            return False
        return len(self._rows) < self._count if self._count is not None else self._more

    def fetchMore(self, parent: _Index) -> None:
        # Views (and the model tester) may ask for more while a reset or an insertion is still
        # being announced; inserting rows then would nest two changes. They ask again later.
        if parent.isValid() or self._changing or not self.canFetchMore(parent):
            return
        self._fetch(at_once=self._lists.quick(self._query))

    def _fetch(self, *, at_once: bool) -> None:
        query, offset = self._query, len(self._rows)
        if not at_once:
            # The rows so far and the next page, read together: the rows come in whole or
            # not at all, however the notes changed meanwhile.
            self._loading = True
            limit = offset + self.PAGE
            self._in_background(self._generation, "page", lambda lists: lists.page(query, limit=limit), limit)
            return
        more = self._lists.page(query, offset=offset, limit=self.PAGE)
        self._more = len(more) >= self.PAGE
        if not more:
            self._set_count(len(self._rows))
            return
        self._append(more)

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
