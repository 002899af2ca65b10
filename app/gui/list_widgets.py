"""The pieces every list page is made of: a filter box that applies what is typed after a pause,
and a table of rows that pages in (fixed row heights and interactive columns: a view never
measures contents over a whole model)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from app.gui.i18n import translate

FILTER_DELAY_MS = 150
# Above this many chosen rows a quiet change repaints the whole view rather than row by row.
_REPAINT_ROWS = 64


def filter_box(parent: QWidget, label: str, apply: Callable[[], None]) -> tuple[QLineEdit, QTimer]:
    """A filter field called `label` that calls `apply` once typing pauses; the timer is returned
    so Return can apply at once (stop it, then apply)."""
    box = QLineEdit(parent)
    box.setPlaceholderText(label)
    box.setClearButtonEnabled(True)
    box.setAccessibleName(label)
    timer = QTimer(parent, singleShot=True, interval=FILTER_DELAY_MS)
    # A coarse timer may fire up to 5% late, and that would be added to every filter's wait.
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(apply)
    box.textChanged.connect(lambda _t: timer.start())
    return box, timer


def chosen_rows(selection: QItemSelectionModel) -> list[tuple[int, int]]:
    """The chosen rows as (first, last) spans, inclusive, in no particular order: one span for
    every row of the list after Select All, never an index per row."""
    chosen = selection.selection()
    spans = (chosen.at(i) for i in range(chosen.count()))
    return [(r.top(), r.bottom()) for r in spans]


def select_quietly(table: QTableView, row: int, *, scroll: bool = True) -> bool:
    """Make `row` the chosen one without announcing it (the selection model's signals are held
    back); a row below 0 clears the choice. False when there is no such row. `scroll`: bring
    the row into view."""
    model = table.model()
    selection = table.selectionModel()
    # The view hears nothing of a quiet change, so it repaints the rows whose look changes:
    # those chosen before and the new one (not the whole table: ~15 ms at a time when a click
    # on a row opens its entry). Read from the selection's ranges, never one index per cell:
    # after Select All that would be a million Python objects.
    ranges = chosen_rows(selection)
    many = sum(bottom - top + 1 for top, bottom in ranges) > _REPAINT_ROWS
    chosen = set() if many else {r for top, bottom in ranges for r in range(top, bottom + 1)}
    current = table.currentIndex().row() if table.currentIndex().isValid() else -1
    selection.blockSignals(True)
    try:
        if row < 0 or model is None or row >= model.rowCount():
            table.clearSelection()
            found = False
        else:
            rows = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(model.index(row, 0), rows)
            found = True
    finally:
        selection.blockSignals(False)
    viewport = table.viewport()
    if many:
        viewport.update()
    else:
        if found and chosen == {row} and current == row:
            changed: set[int] = set()  # already the chosen row (the click that chose it)
        else:
            changed = (chosen | {current, row}) - {-1}  # -1: no current row, or none chosen
        for r in changed:
            viewport.update(0, table.rowViewportPosition(r), viewport.width(), table.rowHeight(r))
    if found and scroll:
        table.scrollTo(model.index(row, 0))
    return found


def list_table(parent: QWidget, name: str, *, many: bool = False) -> QTableView:
    """A table of whole rows that Tab leaves (arrows move within it): one chosen at a time, or
    with `many` as many as Shift and Ctrl with a click or the arrows choose."""
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setAccessibleName(translate("Lists", "Columns"))  # activating one sorts by it
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table
