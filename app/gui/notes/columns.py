"""Column widths for the notes tables, shared out by proportion of the width there is (never by
measuring rows, which would read every note), again whenever the table is resized."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from app.gui.notes.models import NotesTableModel

_DATES = ("updated", "created", "deleted")


class _Fitter(QObject):
    def __init__(self, table: QTableView, model: NotesTableModel, shares: Mapping[str, float]) -> None:
        super().__init__(table)
        self._table = table
        self._model = model
        self._shares = dict(shares)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        """Dates get the room a date takes; the other columns share out the rest."""
        table = self._table
        width = table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()
        shown = [k for k in self._shares if not table.isColumnHidden(self._model.column_of(k))]
        date_width = table.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 16
        dates = [k for k in shown if k in _DATES]
        others = [k for k in shown if k not in _DATES]
        for key in dates:
            table.setColumnWidth(self._model.column_of(key), date_width)
        rest = width - date_width * len(dates)
        total = sum(self._shares[k] for k in others) or 1.0
        for key in others:
            table.setColumnWidth(self._model.column_of(key), max(60, int(rest * self._shares[key] / total)))


def fit_columns(table: QTableView, model: NotesTableModel, shares: Mapping[str, float]) -> _Fitter:
    """Keep the shown columns at these shares of the table's width (hidden ones are skipped);
    call `fit()` on what it returns after showing or hiding a column."""
    table.horizontalHeader().setStretchLastSection(False)
    fitter = _Fitter(table, model, shares)
    table.installEventFilter(fitter)
    return fitter
