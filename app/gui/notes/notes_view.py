"""The Notes view: every note in one list page (the middle pane), sortable by updated, created,
entry and title, filtered by text and by tag, paged from SQL.

Moving through the list opens each note in the notes panel (the editor) and its entry in the
detail view, without taking the focus from the list; Enter (or a double click) moves the
cursor into the note's text. The sort order is kept across launches.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.delete_key import delete_key_deletes
from app.gui.i18n import plain, translate
from app.gui.list_widgets import filter_box, list_table, select_quietly
from app.gui.notes.columns import fit_columns
from app.gui.notes.models import NotesTableModel
from app.gui.settings import settings
from app.i18n import N_
from app.records.notes import NoteQuery, NoteRow
from app.services.note_lists import NoteLists
from app.services.tags import Tags

SORT_KEY = "notes_view/sort"
DESCENDING_KEY = "notes_view/descending"
SORTS = (
    ("updated", N_("NotesView", "Last updated")),
    ("created", N_("NotesView", "Created")),
    ("entry", N_("NotesView", "Entry")),
    ("title", N_("NotesView", "Title")),
)
_DATES = ("updated", "created")


class NotesView(QWidget):
    note_chosen = Signal(object, bool)  # NoteRow, whether to move the focus into the note
    delete_requested = Signal()  # Delete pressed in the list: the chosen note, not the entry beside it

    def __init__(self, lists: NoteLists, tags: Tags, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self._tags = tags
        heading = QLabel(self.tr("Notes"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)

        self.filter, self._debounce = filter_box(self, self.tr("Filter notes"), self._apply)
        self.filter.returnPressed.connect(self._filter_done)

        self.tag = QComboBox(self)
        self.tag.setEditable(True)
        self.tag.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag.setMinimumContentsLength(8)
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        tag_label = QLabel(self.tr("&Tag:"), self)
        tag_label.setBuddy(self.tag)
        self.tag.setAccessibleName(plain(tag_label.text()))
        line = self.tag.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Any tag"))
        line.setAccessibleName(plain(tag_label.text()))
        line.setClearButtonEnabled(True)
        self._tag_names = QStringListModel(self)
        completer = QCompleter(self._tag_names, self.tag)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag.setCompleter(completer)
        self.tag.activated.connect(lambda _i: self._apply())
        line.editingFinished.connect(self._apply)
        line.textEdited.connect(lambda text: self._apply() if not text else None)  # cleared

        stored = settings()
        sort = str(stored.value(SORT_KEY, "updated"))
        descending = bool(stored.value(DESCENDING_KEY, True, type=bool))
        self.model = NotesTableModel(lists, NoteQuery(sort=sort, descending=descending), self)
        if self.model.query.sort not in dict(SORTS):
            self.model.set_query(NoteQuery())
        # Sorting from the keyboard (the header needs a mouse): key, then order.
        self.sort_by = QComboBox(self)
        for key, label in SORTS:
            self.sort_by.addItem(translate("NotesView", label), key)
        sort_label = QLabel(self.tr("&Sort by:"), self)
        sort_label.setBuddy(self.sort_by)
        self.sort_by.setAccessibleName(plain(sort_label.text()))
        self.order = QComboBox(self)
        self.order.setAccessibleName(self.tr("Order"))
        widest = max(
            self.fontMetrics().horizontalAdvance(self.sort_by.itemText(i)) for i in range(len(SORTS))
        )
        for box in (self.sort_by, self.order):  # room for the list in a narrow pane
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.setMaximumWidth(widest + 48)
        self.sort_by.activated.connect(lambda _i: self._sort_chosen())
        self.order.activated.connect(lambda _i: self._sort_chosen())
        self.table = list_table(self, self.tr("All notes"))
        delete_key_deletes(self.table, self.delete_requested.emit)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        query = self.model.query
        header.setSortIndicator(
            self.model.column_of(query.sort),
            Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.hideColumn(self.model.column_of("deleted"))
        self._fit = fit_columns(
            self.table,
            self.model,
            {"title": 0.4, "entry": 0.24, "tags": 0.16, "updated": 0.2, "created": 0.2},
        )
        self._show_sort()
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.activated.connect(self._activated)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Notes shown"))
        self.new_button = QPushButton(self.tr("New standalone note"), self)

        row = QHBoxLayout()
        row.addWidget(self.filter, 2)
        row.addWidget(tag_label)
        row.addWidget(self.tag, 1)
        sort_row = QHBoxLayout()
        sort_row.addWidget(sort_label)
        sort_row.addWidget(self.sort_by, 1)
        sort_row.addWidget(self.order, 1)
        sort_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addLayout(sort_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.table)
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        self.model.count_known.connect(self._update_status)
        self.model.failed.connect(self._update_status)
        self.model.modelAboutToBeReset.connect(self._keep_choice)
        self.model.loaded.connect(self._rows_arrived)
        # A note to select once the rows being read arrive (a refresh or a new order that
        # went to the background keeps the choice).
        self._wanted: int | None = None
        self._first_wanted = False  # Return in the filter: the first note found, once read
        self.refresh_tags()
        self._update_status()

    # --- what is shown ----------------------------------------------------------------------

    def current_tag(self) -> str | None:
        return self.tag.currentText().strip().lstrip("#").strip() or None

    def show_tag(self, name: str | None) -> None:
        """Show the notes tagged `name` (and tags nested under it); None: every note."""
        self.filter.clear()
        self.tag.setEditText(name or "")
        self._apply()

    def refresh(self) -> None:
        """Notes changed: re-read the rows shown (keeping the selection when they stay put)."""
        chosen = self.current_note_id()
        self.model.refresh()
        if chosen is not None:
            self.select_note(chosen, fetch=False)
        self._update_status()

    def _keep_choice(self) -> None:
        """Before new rows replace the shown ones (a new order, filter, or rows read again)."""
        if self._wanted is None:
            self._wanted = self.current_note_id()

    def _rows_arrived(self) -> None:
        """The chosen note stays chosen where the new rows put it (if they hold it)."""
        wanted, self._wanted = self._wanted, None
        first, self._first_wanted = self._first_wanted, False
        if wanted is not None and self.current_note_id() != wanted:
            row = self.model.row_of(wanted, fetch=False)
            if row >= 0:
                select_quietly(self.table, row)
        if first and self.model.rowCount() > 0:
            self.table.selectRow(0)

    def refresh_tags(self) -> None:
        names = list(self._tags.names())
        self._tag_names.setStringList(names)
        text = self.tag.currentText()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems(names)
        self.tag.setEditText(text)
        self.tag.blockSignals(False)

    def current_note_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.note_id_at(index.row())

    def select_note(self, note_id: int, *, fetch: bool = True) -> bool:
        """Select the note's row quietly (no note_chosen); False when the list does not hold it.
        While rows are being read it is selected again once they arrive, if they hold it."""
        self._wanted = note_id if self.model.loading else None
        return select_quietly(self.table, self.model.row_of(note_id, fetch=fetch))

    # --- inside -----------------------------------------------------------------------------

    def _apply(self) -> None:
        self._debounce.stop()
        query = replace(self.model.query, text=self.filter.text(), tag=self.current_tag())
        if query != self.model.query:
            self.model.set_query(query)
        self._update_status()

    def _filter_done(self) -> None:
        """Return in the filter: apply at once and move to the first note (of a new filter;
        Return again keeps the note chosen since)."""
        before = self.model.query
        self._apply()
        if self.model.loading:  # the rows found are still being read: once they are in
            self._first_wanted = True
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.model.query != before or not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def sort_notes(self, key: str, descending: bool) -> None:
        """Sort by `key` (updated, created, entry, title), as the header or the Sort by box do."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self.model.column_of(key), order)

    def _sort_chosen(self) -> None:
        self.sort_notes(str(self.sort_by.currentData()), bool(self.order.currentData()))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        key = self.model.COLUMNS[column][0] if 0 <= column < len(self.model.COLUMNS) else ""
        if key not in dict(SORTS):
            return  # the model ignores it too
        stored = settings()
        stored.setValue(SORT_KEY, key)
        stored.setValue(DESCENDING_KEY, order == Qt.SortOrder.DescendingOrder)
        self._show_sort()

    def _show_sort(self) -> None:
        """The boxes follow the sort; the one date column shown is the one sorted by."""
        query = self.model.query
        self.sort_by.setCurrentIndex(max(0, self.sort_by.findData(query.sort)))
        dated = query.sort in _DATES
        self.order.clear()
        self.order.addItem(self.tr("Newest first") if dated else self.tr("Z to A"), True)
        self.order.addItem(self.tr("Oldest first") if dated else self.tr("A to Z"), False)
        self.order.setCurrentIndex(0 if query.descending else 1)
        created = query.sort == "created"
        self.table.setColumnHidden(self.model.column_of("created"), not created)
        self.table.setColumnHidden(self.model.column_of("updated"), created)
        self._fit.fit()

    def _update_status(self) -> None:
        failure = self.model.read_failure
        if failure is not None:
            self.status.setText(self.tr("The notes could not be read: {reason}").format(reason=failure))
            return
        matching = self.model.counted
        if matching is None:  # being counted in the background (a text or tag filter)
            self.status.setText(self.tr("Counting notes…"))
            return
        text = self.tr("%n notes", None, matching)
        tag = self.current_tag()
        if tag:
            text = self.tr("{notes} tagged “{tag}”").format(notes=text, tag=tag)
        words = self.filter.text().strip()
        if words:
            text = self.tr("{notes} matching “{words}”").format(notes=text, words=words)
        self.status.setText(text)

    def _row(self, index: QModelIndex) -> NoteRow | None:
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self._row(indexes[0]) if indexes else None
        if row is not None:
            self.note_chosen.emit(row, False)

    def _activated(self, index: QModelIndex) -> None:
        row = self._row(index)
        if row is not None:
            self.note_chosen.emit(row, True)
