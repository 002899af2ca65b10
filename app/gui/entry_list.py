"""One kind's list: a filter box, the paged table and the count of shown / total entries.

Each kind remembers its sort order across launches (QSettings, under `lists/<kind>/`).

Several entries can be chosen at once (Shift or Ctrl with a click or the arrows, Ctrl+A); the
page beside reads the current one, the last clicked. What is chosen is read from the selection's
ranges and the model's ids (`selected_entry_ids`), never one index per row: Ctrl+A on 100,000
rows is one range. A refresh after an edit chooses the same entries again.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.gui.entry_table_model import SLUG_ROLE, EntryTableModel
from app.gui.list_widgets import chosen_rows, filter_box, list_table, select_quietly
from app.gui.settings import settings
from app.services.entries import TRASH, EntryLists


class EntryList(QWidget):
    entry_selected = Signal(str)  # slug
    selection_changed = Signal()  # which entries are chosen changed (how many: selected_count)

    def __init__(
        self, lists: EntryLists, parent: QWidget | None = None, *, name: str = "", many: bool = True
    ) -> None:
        """`many`: several entries may be chosen at once."""
        super().__init__(parent)
        self._lists = lists
        self._models: dict[str, EntryTableModel] = {}
        self._stale: set[str] = set()  # lists changed while another one was shown
        self._reselect: str | None = None  # to choose again once the refreshed list has arrived
        self._fitted = False
        self._fitting = False
        self._sized_by_hand: set[str] = set()  # kinds whose columns the researcher dragged

        self.filter, self._debounce = filter_box(self, self.tr("Filter"), self._apply_filter)
        self.filter.returnPressed.connect(self._filter_done)

        self.table = list_table(self, name or self.tr("Entries"), many=many)
        # Ctrl+A chooses every row of the list, not only those paged in so far.
        self.select_all_action = QAction(self.tr("Select &All"), self)
        self.select_all_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.SelectAll))
        self.select_all_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.select_all_action.triggered.connect(self.select_all)
        self.select_all_action.setEnabled(many)
        if many:
            self.table.addAction(self.select_all_action)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.horizontalHeader().sectionResized.connect(self._section_resized)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Entries shown"))
        # Its text changes with the list; the pane's narrowest width must not.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.table)

    @property
    def model(self) -> EntryTableModel | None:
        model = self.table.model()
        return model if isinstance(model, EntryTableModel) else None

    def show_kind(self, kind: str) -> None:
        model = self._models.get(kind)
        if model is None:
            stored = settings()
            model = EntryTableModel(
                self._lists,
                kind,
                self,
                sort=str(stored.value(f"lists/{kind}/sort", "name")),
                descending=bool(stored.value(f"lists/{kind}/descending", False, type=bool)),
            )
            model.modelReset.connect(self._update_status)
            model.rowsInserted.connect(self._update_status)
            model.completed.connect(self._update_status)
            model.failed.connect(self._update_status)
            model.completed.connect(lambda m=model: self._arrived(m))
            self._models[kind] = model
        if model is self.model:
            return
        self._reselect = None
        if kind in self._stale:
            self._stale.discard(kind)
            model.refresh()
        order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), order)  # before setModel, which sorts by it
        header.blockSignals(False)
        old = self.table.selectionModel()
        self.table.setModel(model)
        if old is not None:
            old.deleteLater()
        # The column headers ask whether their whole column is chosen, index by index, at each
        # repaint after a change (2 s after Ctrl+A on 10,000 rows). Rows are chosen here, never
        # columns: the headers get a selection of their own that stays empty.
        header = self.table.horizontalHeader()
        previous = header.selectionModel()
        header.setSelectionModel(QItemSelectionModel(model, header))
        if previous is not None and previous is not self.table.selectionModel():
            previous.deleteLater()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.filter.blockSignals(True)
        self.filter.setText(model.filter_text)
        self.filter.blockSignals(False)
        self._fit_columns()
        self._update_status()
        self.selection_changed.emit()

    def refresh(self) -> None:
        """Re-read the list shown, keeping the current selection; the others when next shown
        (a sorted list of 100,000 entries takes a moment to re-read)."""
        slug = self.current_slug() or self._reselect
        keep = set(self.selected_entry_ids()) if self.selected_count() > 1 else set()
        current = self.model
        self._stale = {kind for kind, m in self._models.items() if m is not current}
        self._reselect = None
        if current is None:
            return
        current.refresh()
        if slug:
            self._choose(slug, wait=True)  # it was in the list
        if keep:
            # Chosen again now, the whole list read at once if need be (50-100 ms at 100,000
            # entries, after an action on many that took longer): the researcher's next action
            # on them must not find them gone.
            self._choose_many(keep)
        self.selection_changed.emit()

    def _choose(self, slug: str, *, wait: bool) -> bool:
        """Select `slug`'s row quietly. `wait`: if its row has not arrived yet, choose it when
        the rest of the list arrives in the background (True) instead of reading every id on
        the window's thread now (85-120 ms at 100,000 entries, after each edit)."""
        model = self.model
        if model is None:
            return False
        row = model.row_of(slug, read_all=not wait)
        current = self.table.currentIndex()
        if row >= 0 and current.row() == row and self.table.selectionModel().isSelected(current):
            return True  # already the one read beside (among others chosen with it: they stay)
        if row < 0 and wait and model.counted is None:
            select_quietly(self.table, -1)
            self._reselect = slug
            return True
        return select_quietly(self.table, row)

    def _arrived(self, model: EntryTableModel) -> None:
        slug, self._reselect = self._reselect, None
        if slug is not None and model is self.model and self.current_slug() is None:
            self._choose(slug, wait=False)

    def _choose_many(self, ids: set[int]) -> None:
        """Add the rows of `ids` to what is chosen, quietly (the current entry stays)."""
        model = self.model
        if model is None:
            return
        rows = model.rows_of(ids)
        if len(rows) < 2:
            return
        model.expose_to(rows[-1])
        last = model.columnCount() - 1
        chosen = QItemSelection()
        start = previous = rows[0]
        for row in [*rows[1:], -1]:
            if row != previous + 1:
                chosen.select(model.index(start, 0), model.index(previous, last))
                start = row
            previous = row
        self.table.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.Select)

    # --- what is chosen ----------------------------------------------------------------------

    def selected_entry_ids(self) -> list[int]:
        """The ids of the entries chosen, in the list's order (each once)."""
        model = self.model
        selection = self.table.selectionModel()
        if model is None or selection is None:
            return []
        ranges = sorted(chosen_rows(selection))
        ids: list[int] = []
        for top, bottom in ranges:
            ids += model.ids_in(top, bottom)
        return list(dict.fromkeys(ids)) if len(ranges) > 1 else ids

    def selected_count(self) -> int:
        """How many entries are chosen (without reading which)."""
        selection = self.table.selectionModel()
        if selection is None:
            return 0
        return sum(last - first + 1 for first, last in chosen_rows(selection))

    def select_all(self) -> None:
        """Choose every entry of the list: its ids are read now if they have not all arrived,
        and the rows are one range (the current entry stays the one read beside)."""
        model = self.model
        if model is None or model.rowCount() == 0:
            return
        model.expose_all()
        everything = QItemSelection(
            model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
        )
        selection = self.table.selectionModel()
        if not self.table.currentIndex().isValid():
            selection.setCurrentIndex(model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.select(everything, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_slug(self) -> str | None:
        model = self.model
        index = self.table.currentIndex()
        if model is None or not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return model.slug_at(index.row())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        model = self.model
        if self._fitted and model is not None and model.kind not in self._sized_by_hand:
            self._fit_columns()  # the pane grew or shrank (the notes panel opened): still fit

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        model = self.model
        # (The last column stretches with the table: only a drag resizes one before it.)
        if not self._fitting and model is not None and column < model.columnCount() - 1:
            self._sized_by_hand.add(model.kind)

    def _fit_columns(self) -> None:
        """Share the width there is out by the kind of column, never by measuring rows, so every
        column shows (Country in the officials' list) without a horizontal scroll bar."""
        model = self.model
        if model is None:
            return
        n = model.columnCount()
        # Room for the vertical scroll bar either way, so a long list gets no horizontal one.
        table = self.table
        width = table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()
        if n == 1 or width <= 0:
            return
        least = table.horizontalHeader().minimumSectionSize()
        first = max(least, int(width * (0.4 if n > 3 else 0.5)))
        rest = max(least, (width - first) // (n - 1))
        self._fitting = True
        try:
            self.table.setColumnWidth(0, first)
            for c in range(1, n):
                self.table.setColumnWidth(c, rest)
        finally:
            self._fitting = False

    def _apply_filter(self) -> None:
        model = self.model
        if model is not None:
            model.set_filter(self.filter.text())

    def _filter_done(self) -> None:
        """Return in the filter: apply at once and move to the first match."""
        self._debounce.stop()
        self._apply_filter()
        model = self.model
        if model is not None and model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.selectionModel().hasSelection():
                self.select_first()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        model = self.model
        if model is None or not 0 <= column < model.columnCount():
            return
        stored = settings()
        stored.setValue(f"lists/{model.kind}/sort", model.column_keys()[column])
        stored.setValue(f"lists/{model.kind}/descending", order == Qt.SortOrder.DescendingOrder)

    def _update_status(self) -> None:
        model = self.model
        if model is None:
            self.status.clear()
            return
        if model.read_failure is not None:
            self.status.setText(
                self.tr("The list could not be read: {reason}").format(reason=model.read_failure)
            )
            return
        if model.counted is None:
            # The rest of the list is still being read in the background.
            self.status.setText(self.tr("Counting…"))
            return
        total = self._lists.count(model.kind) if model.filter_text.strip() else model.counted
        counted = self._counted(model.kind, total).format(shown=model.counted)
        chosen = self.selected_count()
        if chosen > 1:
            counted = self.tr("{counted}; %n selected", None, chosen).format(counted=counted)
        self.status.setText(counted)

    def _counted(self, kind: str, total: int) -> str:
        """'{shown} of 13 officials': one message per kind, so each language words it whole."""
        counted = {
            "person": lambda: self.tr("{shown} of %n officials", None, total),
            "country": lambda: self.tr("{shown} of %n countries", None, total),
            "organization": lambda: self.tr("{shown} of %n organizations", None, total),
            "initiative": lambda: self.tr("{shown} of %n initiatives", None, total),
            "event": lambda: self.tr("{shown} of %n events", None, total),
            "source": lambda: self.tr("{shown} of %n sources", None, total),
            TRASH: lambda: self.tr("{shown} of %n entries in the trash", None, total),
        }
        return counted.get(kind, lambda: self.tr("{shown} of %n entries", None, total))()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._reselect = None  # the researcher chose another row meanwhile
        # The current row, once chosen, is read beside (a click makes it current first).
        # `selected` is asked about one index: it may be every row of the list.
        current = self.table.currentIndex()
        if current.isValid() and selected.contains(current):
            self._announce(current)
        self._update_status()
        self.selection_changed.emit()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The arrows choose the row first and make it current after; a click in what is
        # chosen makes a chosen row current.
        if current.isValid() and self.table.selectionModel().isSelected(current):
            self._announce(current)

    def _announce(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.entry_selected.emit(slug)

    def select_slug(self, slug: str) -> bool:
        """Select the row of `slug` if the current list holds it (quietly: no signal). An
        unfiltered list holds every entry of its kind outside the trash, so it need not be
        read to the end to know: the row is chosen when it arrives."""
        model = self.model
        if model is None:
            return False
        return self._choose(slug, wait=not model.filter_text and self._lists.listed(model.kind, slug))

    def select_row(self, row: int) -> None:
        """Select `row` (or the last one, if the list is shorter), announcing it."""
        model = self.model
        if model is None or model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        self.table.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_first(self) -> None:
        self.select_row(0)
