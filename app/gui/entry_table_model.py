"""A list of entries as a Qt table model that pages rows in as the view scrolls.

Filtering and sorting happen in SQL (EntryLists.ids): the model holds the ordered ids of
every matching entry (100,000 ints are nothing) and fetches the shown columns a block at a
time, only for rows a view asks about. Rows are exposed to views in pages through
canFetchMore / fetchMore, so a view never lays out more rows than the reader scrolled to.

A refresh reads the first page of ids at once (an index read: a millisecond) and the rest
in the background: reading 100,000 ids into Python takes 50-100 ms, which the first paint
need not wait for. That read starts once the first page has painted: run beside the paint, the
two threads take turns at Python's lock and the paint waits (a sort took twice as long). Until
the ids arrive `counted` is None; asking for `matching`, a row further down or more rows reads
them at once instead.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)

from app.gui import name_script
from app.gui.detail_html import choice
from app.gui.i18n import translate
from app.gui.workers import Task, plain_message
from app.records.entries import Row
from app.services.entries import TRASH, EntryLists, columns
from app.services.library import Library
from app.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SLUG_ROLE))
# The rest of the ids are read this long after a refresh when no view paints the first page.
REST_AFTER_MS = 100


def _pool() -> QThreadPool:
    """One thread for every list's background reads, so they never wait behind long work
    (a start-up check, a backup) in the global pool."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


_POOL: QThreadPool | None = None


def stop_background_reads(library: Library) -> None:
    """Before `library` closes: interrupt the lists' reads of it and wait until they have ended
    (closing a connection while another thread reads through it can crash the process)."""
    if _POOL is None:
        return
    library.stop_reading()
    while not _POOL.waitForDone(50):
        library.stop_reading()  # a statement that began after the last interrupt


class EntryTableModel(QAbstractTableModel):
    """Rows of one kind (or of the trash); filtering and sorting happen in SQL, never in Python."""

    PAGE = 200  # rows exposed per fetchMore, and rows read per query
    BLOCK = 200
    completed = Signal()  # every matching id has arrived: `counted` is known
    failed = Signal(str)  # the rest of the list could not be read (why, for the researcher)

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
        self._complete = True
        self._generation = 0  # of the refresh the ids belong to
        # Reads the rest of the ids: right after the first paint (the first data() call after
        # a refresh comes from it), or after REST_AFTER_MS if nothing paints.
        self._rest_due = QTimer(self, singleShot=True)
        self._rest_due.timeout.connect(self._read_the_rest)
        self._painting_first = False
        self._reading: int | None = None  # the generation whose rest is being read
        self._failure: tuple[int, str] | None = None  # (generation, why) of a read that failed
        self.refresh()

    # --- what is shown ----------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def matching(self) -> int:
        """How many entries match the filter (rows not yet paged in included); reads the
        whole list now if it has not arrived yet."""
        self._complete_now()
        return len(self._ids)

    @property
    def counted(self) -> int | None:
        """How many entries match, once known (None while the list is still being read)."""
        return len(self._ids) if self._complete else None

    @property
    def read_failure(self) -> str | None:
        """Why the rest of the list could not be read (None unless it failed); a refresh
        tries again."""
        if self._failure is not None and self._failure[0] == self._generation:
            return self._failure[1]
        return None

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
        self._generation += 1
        first = self._read(limit=self.PAGE + 1)
        self._reset_to(first, complete=len(first) <= self.PAGE)
        self._painting_first = not self._complete
        if self._complete:
            self._rest_due.stop()
        else:
            self._rest_due.start(REST_AFTER_MS)

    def _reset_to(self, ids: list[int], *, complete: bool) -> None:
        # Listeners of a change (views, QAbstractItemModelTester) may ask for more rows while
        # it is still being announced; inserting then would nest one change in another. They
        # ask again once it is over.
        self._changing = True
        try:
            self.beginResetModel()
            self._ids = ids
            self._complete = complete
            self._blocks.clear()
            self._shown = min(self.PAGE, len(ids))
            self.endResetModel()
        finally:
            self._changing = False
        if complete:
            self.completed.emit()

    def _read(self, limit: int | None = None) -> list[int]:
        return self._lists.ids(
            self._kind, text=self._text, sort=self._sort, descending=self._descending, limit=limit
        )

    def _read_the_rest(self) -> None:
        self._painting_first = False
        if self._complete:
            return  # read at once meanwhile (a row further down was asked for)
        generation = self._generation
        lists, kind, text, sort, descending = (
            self._lists,
            self._kind,
            self._text,
            self._sort,
            self._descending,
        )

        def work(_progress: Progress) -> tuple[int, list[int] | str]:
            if generation != self._generation:
                raise Cancelled()  # superseded while it waited
            # On the pool thread's own connection (Database.read is per thread).
            try:
                return generation, lists.ids(kind, text=text, sort=sort, descending=descending)
            except Exception as exc:
                if isinstance(exc, sqlite3.Error) and lists.closed:
                    raise Cancelled() from None  # the window let go of the file (quit, another file)
                # Told, with its generation, through `_arrived`: a read that ended unheard left
                # the list 'Counting…' for good, never asking again.
                log.exception("reading the rest of a list failed")
                return generation, plain_message(exc)

        # Owned by the pool, not the model: a model may be deleted while its task runs (the
        # connection to its method ends with it), and a task must be deleted in its own thread.
        self._reading = generation
        pool = _pool()
        task = Task(work, parent=pool)
        task.succeeded.connect(self._arrived)
        for signal in (task.succeeded, task.failed, task.cancelled):
            signal.connect(task.deleteLater)
        task.start(pool)

    def _arrived(self, result: tuple[int, list[int] | str]) -> None:
        generation, ids = result
        if generation != self._generation:
            return  # a newer refresh has its own list coming
        if isinstance(ids, str):
            self._reading = None
            self._failure = (generation, ids)
            self.failed.emit(ids)
            return
        self._take(ids)

    def _take(self, ids: list[int]) -> None:
        """The whole list: the rows shown stay, unless the data changed in between."""
        self._generation += 1
        if ids[: len(self._ids)] == self._ids:
            self._blocks.pop(len(self._ids) // self.BLOCK, None)  # read while it was cut short
            wanted = self._shown >= len(self._ids)  # the view took every row there was
            self._ids = ids
            self._complete = True
            if wanted:
                self._expose(self._shown + self.PAGE)
            self.completed.emit()
        else:
            self._reset_to(ids, complete=True)

    def _complete_now(self) -> None:
        if not self._complete:
            self._take(self._read())

    def row_of(self, slug: str, *, read_all: bool = True) -> int:
        """The row showing `slug`, paging in as far as needed; -1 if it does not match (or,
        without `read_all`, is not among the ids that have arrived: the rest are not read now)."""
        ref = self._lists.ref(slug)
        if ref is None:
            return -1
        if ref.id not in self._ids[: self._shown] and read_all:
            self._complete_now()
        try:
            row = self._ids.index(ref.id)
        except ValueError:
            return -1
        if row >= self._shown:
            self._expose(row + 1)
        return row

    def ids_in(self, first: int, last: int) -> list[int]:
        """The entry ids of rows `first` to `last` (inclusive) among those shown."""
        return self._ids[max(first, 0) : min(last, self._shown - 1) + 1]

    def rows_of(self, ids: set[int]) -> list[int]:
        """The rows of those of `ids` the list holds, in order (every id is read first)."""
        self._complete_now()
        return [row for row, entity_id in enumerate(self._ids) if entity_id in ids]

    def expose_all(self) -> None:
        """Every matching row, for a view to select them all: the ids are read now if they have
        not arrived; the rows' columns are still read only when painted."""
        self._complete_now()
        self._expose(len(self._ids))

    def expose_to(self, row: int) -> None:
        self._expose(row + 1)

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
            # Names in the preferred script for these rows only, not the whole list.
            rows = self._lists.rows(
                self._kind, self._ids[start : start + self.BLOCK], script=name_script.current()
            )
            self._blocks[block] = rows
        return rows[at]

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._painting_first:
            self._painting_first = False
            self._rest_due.start(0)  # fires once this paint is over
        if role not in _ROLES or not index.isValid():
            return None  # the view asks for a dozen roles per cell: answer the rest at once
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
        return (
            not parent.isValid()
            and not self._changing
            and (
                self._shown < len(self._ids)
                or not (self._complete or self._being_read or self.read_failure is not None)
            )
        )

    def fetchMore(self, parent: _Index) -> None:
        """More rows for the view: those that have arrived; past them, the rest of the list is
        read in the background now, and a page more shows when it arrives (a view scrolled
        down asks at once after a refresh: reading every id on the window's thread then
        stalled it 110 ms at 100,000 entries)."""
        if not self.canFetchMore(parent):
            return
        if self._shown < len(self._ids):
            self._expose(self._shown + self.PAGE)
        else:
            self._rest_due.stop()
            self._read_the_rest()

    @property
    def _being_read(self) -> bool:
        return not self._complete and self._reading == self._generation

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
