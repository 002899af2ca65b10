"""File ▸ Export… and File ▸ Import…: dialogs that run the export and import services on a
worker thread, with a progress bar, Cancel, and a report at the end."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.settings import settings
from app.gui.workers import Task
from app.services.kinds import KINDS

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def install(window: MainWindow) -> None:
    export_action = QAction("&Export…", window)
    export_action.setStatusTip("Export entries and notes to Markdown")
    export_action.triggered.connect(lambda: ExportDialog(window).open())
    import_action = QAction("&Import…", window)
    import_action.setStatusTip("Import a data file, or notes edited in an exported vault")
    import_action.triggered.connect(lambda: ImportDialog(window).open())
    window.file_menu.insertActions(window.quit_action, [import_action, export_action])
    window.file_menu.insertSeparator(window.quit_action)


def _path_row(parent: QWidget, edit: QLineEdit, choose: QPushButton) -> QWidget:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(choose)
    return row


class _TaskDialog(QDialog):
    """A dialog whose main button starts a Task; Cancel cancels it while it runs."""

    def __init__(self, window: MainWindow, title: str, action: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(title)
        self.task: Task | None = None
        self.unit = "files"
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Report")
        self.details.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.run_button.clicked.connect(self._run)
        self.cancel_button.clicked.connect(self._cancel)

    def finish_layout(self, *widgets: QWidget) -> None:
        self._inputs = widgets  # held still while a task runs
        layout = QVBoxLayout(self)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    # --- running ---------------------------------------------------------------------------

    def start(self, fn: Any, *, cancellable: bool = True) -> None:
        self.task = Task(fn, parent=self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._was_cancelled)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(cancellable)
        for widget in self._inputs:
            widget.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText("Working…")
        self.details.hide()
        self.task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} {self.unit}")

    def _done(self) -> None:
        self.task = None
        self.progress.hide()
        for widget in self._inputs:
            widget.setEnabled(True)
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")

    def _succeeded(self, result: Any) -> None:
        self._done()
        self.show_result(result)

    def _failed(self, message: str) -> None:
        self._done()
        self.status.setText(f"Stopped: {message}")

    def _was_cancelled(self) -> None:
        self._done()
        self.status.setText(self.cancelled_text())

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling…")
        else:
            self.reject()

    def report(self, summary: str, lines: list[str]) -> None:
        self.status.setText(summary)
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))

    # --- for subclasses --------------------------------------------------------------------

    def _run(self) -> None:
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    def cancelled_text(self) -> str:
        return "Cancelled."


class ExportDialog(_TaskDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "Export", "Export")
        self.setObjectName("exportDialog")
        self._remembered = settings()
        db = window.db

        scope_box = QGroupBox("What", self)
        scope = QFormLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self.everything = QRadioButton("Everything: all entries and notes", scope_box)
        self.one_kind = QRadioButton("One kind:", scope_box)
        self.kind_combo = QComboBox(scope_box)
        for kind in KINDS:
            self.kind_combo.addItem(kind.plural, kind.key)
        current = window.sidebar.current_kind()
        if current:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(current))
        self.selected_slugs = self._selected_slugs()
        n = len(self.selected_slugs)
        self.selected = QRadioButton(f"The selected {'entry' if n == 1 else 'entries'} ({n})", scope_box)
        self.selected.setEnabled(n > 0)
        self.tagged = QRadioButton("Entries and notes tagged:", scope_box)
        self.tag_combo = QComboBox(scope_box)
        self.tag_combo.addItems([r[0] for r in db.read().execute("SELECT name FROM tag ORDER BY name")])
        self.tagged.setEnabled(self.tag_combo.count() > 0)
        self.results_kind, self.results_text = self._list_filter()
        search = getattr(self.window_, "search", None)
        self.search_text = search.box.text().strip() if search is not None else ""
        if self.search_text:
            shown = f"the search for “{self.search_text}”"
        else:
            shown = (
                f"the list filtered by “{self.results_text}”" if self.results_text else "the list as shown"
            )
        self.results = QRadioButton(f"The current search results ({shown})", scope_box)
        self.notes_only = QRadioButton("Notes only, each in a file of its own", scope_box)
        for button in (
            self.everything,
            self.one_kind,
            self.selected,
            self.tagged,
            self.results,
            self.notes_only,
        ):
            self.scope_group.addButton(button)
        self.everything.setChecked(True)
        scope.addRow(self.everything)
        scope.addRow(self.one_kind, self.kind_combo)
        scope.addRow(self.selected)
        scope.addRow(self.tagged, self.tag_combo)
        scope.addRow(self.results)
        scope.addRow(self.notes_only)

        shape_box = QGroupBox("As", self)
        shape = QFormLayout(shape_box)
        self.vault = QRadioButton(
            "A vault: a folder per kind, a file per entry (Obsidian, Zettlr)", shape_box
        )
        self.digest = QRadioButton("A digest: one file, a section per entry (for a draft)", shape_box)
        self.vault.setChecked(True)
        self.path_edit = QLineEdit(shape_box)
        self.path_edit.setAccessibleName("Export to")
        self.path_edit.setText(str(self._remembered.value("export/folder", "") or ""))
        choose = QPushButton("Choose…", shape_box)
        choose.clicked.connect(self._choose)
        self.links = QComboBox(shape_box)
        self.links.addItem("[[Wiki links]] (Obsidian, Zettlr, Logseq)", "wiki")
        self.links.addItem("Relative Markdown links (any editor, GitHub)", "markdown")
        self.links.setCurrentIndex(
            max(self.links.findData(self._remembered.value("export/links", "wiki")), 0)
        )
        shape.addRow(self.vault)
        shape.addRow(self.digest)
        shape.addRow("Where:", _path_row(shape_box, self.path_edit, choose))
        shape.addRow("Links:", self.links)
        self.vault.toggled.connect(self._shape_changed)

        conflict_box = QGroupBox("Files you edited since the last export", self)
        conflict = QVBoxLayout(conflict_box)
        self.skip = QRadioButton("Leave them as they are, and list them", conflict_box)
        self.beside = QRadioButton("Leave them, and write the new version beside each", conflict_box)
        (self.beside if self._remembered.value("export/conflict") == "beside" else self.skip).setChecked(True)
        conflict.addWidget(self.skip)
        conflict.addWidget(self.beside)

        self.open_folder = self.buttons.addButton("Show the files", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._show_files)
        self.finish_layout(scope_box, shape_box, conflict_box)
        self.resize(620, self.sizeHint().height())

    def _selected_slugs(self) -> list[str]:
        model = self.window_.entry_list.model
        selection = self.window_.entry_list.table.selectionModel()
        if model is None or selection is None:
            return []
        return [s for index in selection.selectedRows() if (s := model.slug_at(index.row()))]

    def _list_filter(self) -> tuple[str | None, str]:
        model = self.window_.entry_list.model
        return (model.kind, model.filter_text) if model is not None else (None, "")

    def _shape_changed(self) -> None:
        self.path_edit.clear()
        if self.vault.isChecked():
            self.path_edit.setText(str(self._remembered.value("export/folder", "") or ""))
        else:
            self.path_edit.setText(str(self._remembered.value("export/digest", "") or ""))

    def _choose(self) -> None:
        if self.vault.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, "Export into folder", self.path_edit.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Write the digest to", self.path_edit.text() or "digest.md", "Markdown (*.md)"
            )
        if chosen:
            self.path_edit.setText(chosen)

    def job(self) -> Any:
        """The export the dialog describes (None, with a message shown, when it is not ready)."""
        from app.services.exporting import MarkdownExport, Scope

        text = self.path_edit.text().strip()
        if not text:
            self.status.setText("Choose where to write the export.")
            return None
        path = Path(text).expanduser()
        scope = Scope()
        if self.one_kind.isChecked():
            scope = Scope(kind=self.kind_combo.currentData())
        elif self.selected.isChecked():
            refs = [self.window_.lists.ref(s) for s in self.selected_slugs]
            n = len(refs)
            label = f"the selected {'entry' if n == 1 else 'entries'}"
            scope = Scope(entry_ids=frozenset(r.id for r in refs if r), entries_label=label)
        elif self.tagged.isChecked():
            scope = Scope(tag=self.tag_combo.currentText())
        elif self.results.isChecked():
            scope = Scope(entry_ids=self._search_results(), entries_label="the current search results")
        elif self.notes_only.isChecked():
            scope = Scope(notes_only=True)
        return MarkdownExport(
            scope=scope,
            folder=path if self.vault.isChecked() else None,
            digest=None if self.vault.isChecked() else path,
            links=self.links.currentData(),
            on_conflict="beside" if self.beside.isChecked() else "skip",
        )

    def _search_results(self) -> frozenset[int]:
        """The entries the search box finds for its query; with no query, those the list shows."""
        if self.search_text:
            from app.services.exporting import entries_matching
            from app.services.search import SearchError

            try:
                return entries_matching(self.window_.db, self.search_text)
            except SearchError:
                return frozenset()
        if self.results_kind is None:
            return frozenset()
        lists = self.window_.lists
        rows = lists.page(self.results_kind, text=self.results_text, limit=1_000_000_000).rows
        return frozenset(r.id for r in rows)

    def _run(self) -> None:
        job = self.job()
        if job is None:
            return
        from app.services.exporting import export_markdown

        key = "export/folder" if job.folder is not None else "export/digest"
        self._remembered.setValue(key, str(job.folder or job.digest))
        self._remembered.setValue("export/links", job.links)
        self._remembered.setValue("export/conflict", job.on_conflict)
        self._target = job.folder or job.digest.parent
        db = self.window_.db
        self.open_folder.hide()
        self.start(lambda progress: export_markdown(db, job, progress))

    def show_result(self, report: Any) -> None:
        lines = [f"Kept, as you edited it: {rel}" for rel in report.skipped]
        lines += [f"You edited {rel}; the new version is {beside}" for rel, beside in report.beside]
        lines += [f"Removed (the entry was renamed): {rel}" for rel in report.removed]
        if report.manifest_problem:
            lines.insert(0, f"Note: {report.manifest_problem}")
        self.report(report.summary(), lines)
        self.open_folder.show()

    def cancelled_text(self) -> str:
        return "Cancelled. The files written before are complete; export again to finish."

    def _show_files(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._target)))


class ImportDialog(_TaskDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "Import", "Import")
        self.setObjectName("importDialog")
        self.unit = "notes"
        self._remembered = settings()
        box = QGroupBox("What", self)
        form = QFormLayout(box)
        self.data_file = QRadioButton("A Roundtable data file (JSON or YAML): entries, notes, sources", box)
        self.vault_notes = QRadioButton("Notes you edited in an exported vault (a folder)", box)
        self.data_file.setChecked(True)
        self.path_edit = QLineEdit(box)
        self.path_edit.setAccessibleName("Import from")
        choose = QPushButton("Choose…", box)
        choose.clicked.connect(self._choose)
        form.addRow(self.data_file)
        form.addRow(self.vault_notes)
        form.addRow("From:", _path_row(box, self.path_edit, choose))
        explain = QLabel(
            "A data file is checked completely before anything is written, and written all or "
            "nothing. Entries you changed are kept as you have them. Notes brought back from a "
            "vault keep their old text as a revision.",
            self,
        )
        explain.setWordWrap(True)
        self.finish_layout(box, explain)
        self.resize(600, self.sizeHint().height())

    def _choose(self) -> None:
        if self.vault_notes.isChecked():
            chosen = QFileDialog.getExistingDirectory(
                self, "Notes from the vault in", str(self._remembered.value("export/folder", "") or "")
            )
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Import a data file", "", "Roundtable data (*.json *.yaml *.yml);;All files (*)"
            )
        if chosen:
            self.path_edit.setText(chosen)

    def _run(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText("Choose what to import.")
            return
        path = Path(text).expanduser()
        db = self.window_.db
        if self.vault_notes.isChecked():
            from app.services.vault_import import import_vault_notes

            self.start(lambda progress: import_vault_notes(db, path, progress))
        else:
            self.start(lambda _progress: _import_data_file(db, path), cancellable=False)

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self.report("Nothing was imported; nothing was changed:", message.splitlines())

    def show_result(self, result: Any) -> None:
        from app.services.vault_import import NotesImportReport

        changes = self.window_.changes
        if isinstance(result, NotesImportReport):
            lines = [f"Updated: {t}" for t in result.updated]
            lines += [f"Not imported: {c}" for c in result.conflicts]
            lines += [f"Not in this library: {u}" for u in result.unknown]
            self.report(result.summary(), lines)
            if result.updated:
                changes.announce_notes()
                changes.announce_entries()
            return
        self.report(result.summary(), [f"Kept yours: {c}" for c in result.conflicts])
        if sum(result.created.values()):
            changes.announce_entries()
            changes.announce_notes()


class ImportFailed(Exception):
    """A data file with problems: the message lists every one, a line each."""


def _import_data_file(db: Any, path: Path) -> Any:
    from app.io.datafile import InvalidDataFile, read
    from app.services.importer import import_file

    try:
        return import_file(db, read(path))
    except InvalidDataFile as exc:
        raise ImportFailed(exc.report()) from exc
