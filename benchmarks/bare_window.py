"""The floor for start-up and memory: a bare PySide6 main window of the app's size with a table
of the list's size in it, shown and painted once.

    python -m benchmarks.bare_window [--rows N]            prints a line once painted, then quits
    python -m benchmarks.bare_window [--rows N] --memory   ... with its peak memory, as JSON

Nothing of Roundtable is imported; it starts the way `python -m app` does (a module run by
the same interpreter), so the difference is what Roundtable adds. The window is not empty: any
window that shows a list must import QtGui's and QtCore's enums, build a QTableView over a
model of that many rows and paint its first page of cells and its header, so the floor does
all of that too (a model of trivial cells, computed on demand: no database, no files).
"""

from __future__ import annotations

import argparse
import json
import sys

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

LINE = "bare window painted"
COLUMNS = ("Name", "Title", "Organization", "Country")

_Index = QModelIndex | QPersistentModelIndex


class _Cells(QAbstractTableModel):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{COLUMNS[index.column()]} {index.row() + 1}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


class _FirstPaint(QObject):
    def __init__(self, memory: bool) -> None:
        super().__init__()
        self.memory = memory
        self.seen = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        if self.memory:
            from benchmarks.peak import peak_mb

            print(json.dumps({"peak_mb": peak_mb()}), flush=True)
        else:
            print(LINE, flush=True)
        QApplication.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare")
    table = QTableView()
    model = _Cells(args.rows)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    window.setCentralWidget(table)
    window.resize(1280, 760)
    watcher = _FirstPaint(args.memory)
    table.viewport().installEventFilter(watcher)  # the cells painted, as the app's list page
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
