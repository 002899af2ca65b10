"""File ▸ Import Table…: officials, organizations, countries, initiatives or events from a CSV or
XLSX table (app/services/table_import.py).

The researcher picks the file and the kind; each column gets a box choosing the field it fills
(or "Ignore"), set from its title to begin with. Every change checks the whole table again in
the background (the import itself, rolled back), so the preview shows the first rows as they
would be imported (new, updated or unchanged) and the problems list names each row and column.
Import stays disabled while there is any problem: the import is all or nothing.

The import is not a step on the Edit menu's undo stack (a table may hold thousands of entries);
as with File ▸ Import…, the library is backed up first, and the dialog says that restoring that
backup undoes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import kind_plural, plain, translate, translated
from app.gui.import_export_dialogs import _TaskDialog
from app.i18n import Explained
from app.paths import user_path

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.io.tables import Table
    from app.services.table_import import TableReport

PREVIEW_ROWS = 20


def install(window: MainWindow) -> None:
    action = QAction(translate("Tables", "Import &Table…"), window)
    action.setObjectName("importTableAction")
    action.setStatusTip(
        translate(
            "Tables", "Import officials, organizations, countries, initiatives or events from CSV or XLSX"
        )
    )
    action.triggered.connect(lambda: TableImportDialog(window).open())
    window.file_menu.insertAction(window.quit_action, action)


class TableImportDialog(_TaskDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, self.tr("Import Table"), self.tr("&Import"))
        self.setObjectName("tableImportDialog")
        self.table: Table | None = None
        self.checked: TableReport | None = None  # the last check, for the current choices
        self.combos: list[QComboBox] = []
        self._step = ""

        source = QGroupBox(self.tr("From"), self)
        form = QFormLayout(source)
        self.path_edit = QLineEdit(source)
        self.path_edit.setPlaceholderText(
            self.tr("A .csv or .xlsx file; its first row holds the column titles")
        )
        self.path_edit.editingFinished.connect(self._load)
        choose = QPushButton(self.tr("Choose &File…"), source)
        choose.clicked.connect(self._choose_file)
        row = QWidget(source)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path_edit, 1)
        line.addWidget(choose)
        label = QLabel(self.tr("&Table:"), source)
        label.setBuddy(self.path_edit)
        self.path_edit.setAccessibleName(plain(label.text()))
        choose.setAccessibleName(plain(choose.text()))
        form.addRow(label, row)
        from app.services.table_import import KINDS

        self.kind_box = QComboBox(source)
        for kind in KINDS:
            self.kind_box.addItem(kind_plural(kind), kind)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        kind_label = QLabel(self.tr("Each row is one of the:"), source)
        kind_label.setBuddy(self.kind_box)
        self.kind_box.setAccessibleName(plain(kind_label.text()))
        form.addRow(kind_label, self.kind_box)

        self.columns_box = QGroupBox(self.tr("Columns"), self)
        self.columns_form = QFormLayout()
        inner = QWidget()
        inner.setLayout(self.columns_form)
        scroll = QScrollArea(self.columns_box)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        QVBoxLayout(self.columns_box).addWidget(scroll)

        previewed = QGroupBox(self.tr("Preview"), self)
        self.preview = QTableWidget(previewed)
        self.preview.setObjectName("tablePreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.problems = QListWidget(previewed)
        self.problems.setObjectName("tableProblems")
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems_label = QLabel(self.tr("Problems"), previewed)
        self.problems_label.setBuddy(self.problems)
        box = QVBoxLayout(previewed)
        box.addWidget(self.preview, 3)
        box.addWidget(self.problems_label)
        box.addWidget(self.problems, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.columns_box)
        split.addWidget(previewed)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.columns_box.setMinimumWidth(320)  # a column's title and its field, side by side
        split.setSizes([340, 660])
        explain = QLabel(
            self.tr(
                "Rows match entries by a uid column, else by name, so importing a table again creates "
                "nothing twice; an empty cell leaves the entry's field as it is. Countries and "
                "organizations are found by name, other name, slug or ISO code. The import is all or "
                "nothing: any problem and nothing is written. The library is backed up first."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.finish_layout(source, split, explain)
        self.run_button.setEnabled(False)
        self.resize(1000, 620)

    # --- choosing ------------------------------------------------------------------------------

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a table"), "", self.tr("Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)")
        )
        if chosen:
            self.path_edit.setText(chosen)
            self._load()

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def mapping(self) -> list[str]:
        return [str(c.currentData()) for c in self.combos]

    def _load(self) -> None:
        """Read the table named in the box and map its columns by their titles."""
        from app.io.tables import read_table

        text = self.path_edit.text().strip()
        if not text or (self.table is not None and self.table.path == user_path(text)):
            return
        try:
            self.table = read_table(user_path(text))
        except Explained as exc:
            self.table = None
            self._forget(translated(exc.message))
            self._build_columns()
            return
        self._build_columns()
        self._check()

    def _kind_changed(self) -> None:
        self._build_columns()
        self._check()

    def _also(self) -> dict[str, str]:
        """The fields' labels as the window shows them: a table exported in this language maps too."""
        from app.services.table_import import targets

        return {translate("Fields", t.label): t.key for t in targets(self.kind)}

    def _build_columns(self) -> None:
        from app.services.table_import import IGNORE, auto_mapping, targets

        while self.columns_form.rowCount():
            self.columns_form.removeRow(0)
        self.combos = []
        if self.table is None:
            return
        mapped = auto_mapping(self.kind, self.table.headers, self._also())
        for header, key in zip(self.table.headers, mapped, strict=True):
            combo = QComboBox()
            combo.addItem(self.tr("Ignore"), IGNORE)
            for t in targets(self.kind):
                combo.addItem(translate("Fields", t.label), t.key)
            combo.setCurrentIndex(max(combo.findData(key), 0))
            combo.setAccessibleName(header)
            combo.currentIndexChanged.connect(self._check)
            label = QLabel(header)
            label.setBuddy(combo)
            self.columns_form.addRow(label, combo)
            self.combos.append(combo)

    # --- checking and importing ------------------------------------------------------------------

    def _forget(self, status: str) -> None:
        self.checked = None
        self.run_button.setEnabled(False)
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.problems.clear()
        self.status.setText(status)

    def _check(self) -> None:
        if self.table is None or self.task is not None:
            return
        self._forget(self.tr("Checking…"))
        mapping = self.mapping()
        if "name" not in mapping and "uid" not in mapping:
            self.status.setText(self.tr("Choose the column that holds the names."))
            return
        table, kind, tables = self.table, self.kind, self.window_.library.tables
        self._step = "check"
        self.start(lambda progress: tables.run(table, kind, mapping, dry_run=True, progress=progress))

    def _run(self) -> None:
        if self.table is None or self.checked is None or self.checked.problems:
            return
        table, kind, mapping, tables = self.table, self.kind, self.mapping(), self.window_.library.tables
        self._step = "import"
        self.start(lambda progress: tables.run(table, kind, mapping, progress=progress))

    def show_result(self, result: Any) -> None:
        report: TableReport = result
        self.report(translated(report.summary()), [])
        if self._step == "check":
            self.checked = report
            self._show_preview(report)
            changes = report.count("created") + report.count("updated")
            self.run_button.setEnabled(not report.problems and changes > 0)
            return
        self.checked = None
        self.run_button.setEnabled(False)  # done: importing again would change nothing
        if report.written:
            self.window_.changes.announce_entries()
            if report.backup is not None:
                self.status.setText(
                    self.status.text()
                    + " "
                    + self.tr(
                        "To undo it, restore the backup made just before (File ▸ Restore from backup…): {name}."
                    ).format(name=report.backup.name)
                )

    def _show_preview(self, report: TableReport) -> None:
        from app.services.table_import import targets

        assert self.table is not None
        labels = {t.key: translate("Fields", t.label) for t in targets(self.kind)}
        mapping = self.mapping()
        shown = [i for i, key in enumerate(mapping) if key]
        outcome = {o.row: o.outcome for o in report.outcomes}
        wrong = {p.row for p in report.problems}
        words = {
            "created": self.tr("new"),
            "updated": self.tr("updated"),
            "unchanged": self.tr("unchanged"),
        }
        rows = [(self.table.row_number(i), cells) for i, cells in enumerate(self.table.rows) if any(cells)]
        rows = rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(2 + len(shown))
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Becomes")] + [labels[mapping[i]] for i in shown]
        )
        self.preview.setRowCount(len(rows))
        for r, (number, cells) in enumerate(rows):
            state = self.tr("problem") if number in wrong else words.get(outcome.get(number, ""), "")
            values = [str(number), state, *(cells[i] for i in shown)]
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.problems.clear()
        for problem in report.problems:
            self.problems.addItem(translated(problem.message_text()))
        count = len(report.problems)
        self.problems_label.setText(self.tr("%n problems", None, count) if count else self.tr("No problems"))

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self.checked = None
        self.run_button.setEnabled(False)
        self.status.setText(
            self.tr("Nothing was imported; nothing was changed: {reason}").format(reason=message)
        )

    def _done(self) -> None:
        super()._done()
        self.run_button.setEnabled(False)  # until a check says the table can go in

    def progress_text(self, done: int, total: int) -> str:
        stage = self.task.progress.stage if self.task is not None else ""
        percent = 100 * done // total if total else 100
        return self.tr("{stage}: {percent}%").format(
            stage=translated(stage) if stage else "", percent=percent
        )

    def cancelled_text(self) -> str:
        return self.tr("Import cancelled; nothing was changed.")
