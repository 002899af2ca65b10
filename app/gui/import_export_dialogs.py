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

from app.gui import export_defaults
from app.gui.i18n import kind_plural, plain, translate, translated
from app.gui.settings import settings
from app.gui.workers import Task
from app.i18n import N_
from app.paths import user_path
from app.services.kinds import KINDS
from app.services.progress import Progress

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.library import Library


def install(window: MainWindow) -> None:
    export_action = QAction(translate("Exchange", "&Export…"), window)
    export_action.setStatusTip(translate("Exchange", "Export entries and notes to Markdown"))
    export_action.triggered.connect(lambda: ExportDialog(window).open())
    import_action = QAction(translate("Exchange", "&Import…"), window)
    import_action.setStatusTip(
        translate("Exchange", "Import a data file, or notes edited in an exported vault")
    )
    import_action.triggered.connect(lambda: ImportDialog(window).open())
    window.file_menu.insertActions(window.quit_action, [import_action, export_action])
    window.file_menu.insertSeparator(window.quit_action)
    window.preferences.add_page(translate("Exchange", "Export"), export_defaults.ExportPage)


# The sections of a data file (app/io/datafile.py) as an import's report names them.
_SECTIONS = {
    "sources": N_("Exchange", "sources"),
    "countries": N_("Exchange", "countries"),
    "organizations": N_("Exchange", "organizations"),
    "people": N_("Exchange", "officials"),
    "events": N_("Exchange", "events"),
    "initiatives": N_("Exchange", "initiatives"),
    "statements": N_("Exchange", "statements"),
    "notes": N_("Exchange", "notes"),
    "saved searches": N_("Exchange", "saved searches"),
}


def section_label(section: str) -> str:
    return translate("Exchange", _SECTIONS.get(section, section))


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
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Report"))
        self.details.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.run_button.clicked.connect(self._run)
        self.cancel_button.clicked.connect(self._cancel)
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))

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

    def start(self, fn: Any) -> None:
        self.task = Task(fn, parent=self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._was_cancelled)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        for widget in self._inputs:
            widget.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Working…"))
        self.details.hide()
        self.task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.progress_text(done, total))

    def _done(self) -> None:
        self.task = None
        self.progress.hide()
        for widget in self._inputs:
            widget.setEnabled(True)
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(plain(self.cancel_button.text()))

    def _succeeded(self, result: Any) -> None:
        self._done()
        self.show_result(result)

    def _failed(self, message: str) -> None:
        self._done()
        self.status.setText(self.tr("Stopped: {reason}").format(reason=message))

    def _was_cancelled(self) -> None:
        self._done()
        self.status.setText(self.cancelled_text())

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        """Esc or the window's close button. While a task runs they mean Cancel (or nothing,
        once Cancel was pressed): the dialog stays until its work has stopped, so no export or
        import goes on unseen and nothing outlives the window's database."""
        if self.task is not None:
            if self.cancel_button.isEnabled():
                self._cancel()
            return
        super().reject()

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
        return self.tr("Cancelled.")

    def progress_text(self, done: int, total: int) -> str:
        raise NotImplementedError


class ExportDialog(_TaskDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, self.tr("Export"), self.tr("Export"))
        self.setObjectName("exportDialog")
        self._remembered = settings()
        scope_box = QGroupBox(self.tr("What"), self)
        scope = QFormLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self.everything = QRadioButton(self.tr("Everything: all entries and notes"), scope_box)
        self.one_kind = QRadioButton(self.tr("One kind:"), scope_box)
        self.kind_combo = QComboBox(scope_box)
        self.kind_combo.setAccessibleName(plain(self.one_kind.text()))
        for kind in KINDS:
            self.kind_combo.addItem(kind_plural(kind.key), kind.key)
        current = window.sidebar.current_kind()
        if current:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(current))
        # Read from the list's ranges: thousands may be chosen (app/gui/entry_list.py).
        self.selected_ids = self.window_.entry_list.selected_entry_ids()
        n = len(self.selected_ids)
        self.selected = QRadioButton(self.tr("The selected entries (%n)", None, n), scope_box)
        self.selected.setEnabled(n > 0)
        self.tagged = QRadioButton(self.tr("Entries and notes tagged:"), scope_box)
        self.tag_combo = QComboBox(scope_box)
        self.tag_combo.setAccessibleName(plain(self.tagged.text()))
        self.tag_combo.addItems(list(window.library.tags.stored()))
        self.tagged.setEnabled(self.tag_combo.count() > 0)
        self.results_kind, self.results_text = self._list_filter()
        search = getattr(self.window_, "search", None)
        self.search_text = search.box.text().strip() if search is not None else ""
        if self.search_text:
            shown = self.tr("the search for “{text}”").format(text=self.search_text)
        elif self.results_text:
            shown = self.tr("the list filtered by “{text}”").format(text=self.results_text)
        else:
            shown = self.tr("the list as shown")
        self.results = QRadioButton(
            self.tr("The current search results ({shown})").format(shown=shown), scope_box
        )
        self.notes_only = QRadioButton(self.tr("Notes only, each in a file of its own"), scope_box)
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

        shape_box = QGroupBox(self.tr("As"), self)
        shape = QFormLayout(shape_box)
        self.vault = QRadioButton(
            self.tr("A vault: a folder per kind, a file per entry (Obsidian, Zettlr)"), shape_box
        )
        self.digest = QRadioButton(
            self.tr("A digest: one file, a section per entry (for a draft)"), shape_box
        )
        self.vault.setChecked(True)
        self.path_edit = QLineEdit(shape_box)
        self.path_edit.setText(export_defaults.folder(self._remembered))
        choose = QPushButton(self.tr("Choose…"), shape_box)
        choose.setAccessibleName(plain(choose.text()))
        choose.clicked.connect(self._choose)
        self.links = export_defaults.links_combo(shape_box)
        self.links.setCurrentIndex(max(self.links.findData(export_defaults.links(self._remembered)), 0))
        shape.addRow(self.vault)
        shape.addRow(self.digest)
        where = QLabel(self.tr("Where:"), shape_box)
        where.setBuddy(self.path_edit)
        self.path_edit.setAccessibleName(plain(where.text()))
        shape.addRow(where, _path_row(shape_box, self.path_edit, choose))
        links = QLabel(self.tr("Links:"), shape_box)
        links.setBuddy(self.links)
        self.links.setAccessibleName(plain(links.text()))
        shape.addRow(links, self.links)
        self.citations = QComboBox(shape_box)
        self.citations.addItem(self.tr("Footnotes quoting each source"), "footnotes")
        self.citations.addItem(
            self.tr("Pandoc citations [@key], with the sources in references.json beside them"), "pandoc"
        )
        citations = QLabel(self.tr("Citations:"), shape_box)
        citations.setBuddy(self.citations)
        self.citations.setAccessibleName(plain(citations.text()))
        shape.addRow(citations, self.citations)
        self.vault.toggled.connect(self._shape_changed)

        conflict_box = QGroupBox(self.tr("Files you edited since the last export"), self)
        conflict = QVBoxLayout(conflict_box)
        self.skip = QRadioButton(export_defaults.conflict_label("skip"), conflict_box)
        self.beside = QRadioButton(export_defaults.conflict_label("beside"), conflict_box)
        beside = export_defaults.on_conflict(self._remembered) == "beside"
        (self.beside if beside else self.skip).setChecked(True)
        conflict.addWidget(self.skip)
        conflict.addWidget(self.beside)

        self.open_folder = self.buttons.addButton(
            self.tr("Show the files"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder.setAccessibleName(plain(self.open_folder.text()))
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._show_files)
        self.finish_layout(scope_box, shape_box, conflict_box)
        self.resize(620, self.sizeHint().height())

    def _list_filter(self) -> tuple[str | None, str]:
        model = self.window_.entry_list.model
        return (model.kind, model.filter_text) if model is not None else (None, "")

    def _shape_changed(self) -> None:
        self.path_edit.clear()
        if self.vault.isChecked():
            self.path_edit.setText(export_defaults.folder(self._remembered))
        else:
            self.path_edit.setText(export_defaults.digest(self._remembered))

    def _choose(self) -> None:
        if self.vault.isChecked():
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Export into folder"), self.path_edit.text()
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Write the digest to"),
                self.path_edit.text() or "digest.md",
                self.tr("Markdown (*.md)"),
            )
        if chosen:
            self.path_edit.setText(chosen)

    def job(self) -> Any:
        """The export the dialog describes (None, with a message shown, when it is not ready)."""
        from app.services.markdown_export import MarkdownExport, Scope

        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to write the export."))
            return None
        path = user_path(text)
        scope = Scope()
        self.scope_text = self.tr("everything")
        if self.one_kind.isChecked():
            scope = Scope(kind=self.kind_combo.currentData())
            self.scope_text = self.kind_combo.currentText()
        elif self.selected.isChecked():
            n = len(self.selected_ids)
            label = f"the selected {'entry' if n == 1 else 'entries'}"  # the command line's words
            scope = Scope(entry_ids=frozenset(self.selected_ids), entries_label=label)
            self.scope_text = self.tr("the %n selected entries", None, n)
        elif self.tagged.isChecked():
            scope = Scope(tag=self.tag_combo.currentText())
            self.scope_text = self.tr("tagged {tag}").format(tag=self.tag_combo.currentText())
        elif self.results.isChecked():
            scope = Scope(entry_ids=self._search_results(), entries_label="the current search results")
            self.scope_text = self.tr("the current search results")
        elif self.notes_only.isChecked():
            scope = Scope(notes_only=True)
            self.scope_text = self.tr("notes only")
        return MarkdownExport(
            scope=scope,
            folder=path if self.vault.isChecked() else None,
            digest=None if self.vault.isChecked() else path,
            links=self.links.currentData(),
            on_conflict="beside" if self.beside.isChecked() else "skip",
            citations=self.citations.currentData(),
        )

    def _search_results(self) -> frozenset[int]:
        """The entries the search box finds for its query; with no query, those the list shows."""
        if self.search_text:
            from app.services.search import SearchError

            try:
                return self.window_.library.entries_matching(self.search_text)
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
        export_defaults.remember_target(self._remembered, folder=job.folder, digest=job.digest)
        self._target = job.folder or job.digest.parent
        library = self.window_.library
        self.open_folder.hide()
        self.start(lambda progress: library.export_markdown(job, progress))

    def show_result(self, report: Any) -> None:
        lines = [self.tr("Kept, as you edited it: {file}").format(file=rel) for rel in report.skipped]
        lines += [
            self.tr("You edited {file}; the new version is {beside}").format(file=rel, beside=beside)
            for rel, beside in report.beside
        ]
        lines += [
            self.tr("Removed (the entry was renamed): {file}").format(file=rel) for rel in report.removed
        ]
        if report.manifest_problem:
            lines.insert(0, self.tr("Note: {problem}").format(problem=report.manifest_problem))
        self.report(self._summary(report), lines)
        self.open_folder.show()

    def _summary(self, report: Any) -> str:
        text = self.tr(
            "Exported {entries} and {notes} ({scope}): {files} written, {unchanged} unchanged"
        ).format(
            entries=self.tr("%n entries", None, report.entries),
            notes=self.tr("%n notes", None, report.notes),
            scope=self.scope_text,
            files=self.tr("%n files", None, len(report.written)),
            unchanged=len(report.unchanged),
        )
        if report.skipped:
            text += self.tr(
                ", %n files you edited since the last export left as they are", None, len(report.skipped)
            )
        if report.beside:
            text += self.tr(", %n new versions written beside files you edited", None, len(report.beside))
        if report.keys_made:
            text += self.tr("; %n sources given a citation key", None, report.keys_made)
        return text + self.tr(".")

    def progress_text(self, done: int, total: int) -> str:
        return self.tr("{done} of %n files", None, total).format(done=done)

    def cancelled_text(self) -> str:
        return self.tr("Cancelled. The files written before are complete; export again to finish.")

    def _show_files(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._target)))


class ImportDialog(_TaskDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, self.tr("Import"), self.tr("Import"))
        self.setObjectName("importDialog")
        self._remembered = settings()
        box = QGroupBox(self.tr("What"), self)
        form = QFormLayout(box)
        self.data_file = QRadioButton(
            self.tr("A Roundtable data file (JSON or YAML): entries, notes, sources"), box
        )
        self.vault_notes = QRadioButton(self.tr("Notes you edited in an exported vault (a folder)"), box)
        self.data_file.setChecked(True)
        self.path_edit = QLineEdit(box)
        choose = QPushButton(self.tr("Choose…"), box)
        choose.setAccessibleName(plain(choose.text()))
        choose.clicked.connect(self._choose)
        form.addRow(self.data_file)
        form.addRow(self.vault_notes)
        source = QLabel(self.tr("From:"), box)
        source.setBuddy(self.path_edit)
        self.path_edit.setAccessibleName(plain(source.text()))
        form.addRow(source, _path_row(box, self.path_edit, choose))
        explain = QLabel(
            self.tr(
                "A data file is checked completely before anything is written, and written all or "
                "nothing. Entries you changed are kept as you have them. Notes brought back from a "
                "vault keep their old text as a revision."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.finish_layout(box, explain)
        self.resize(600, self.sizeHint().height())

    def _choose(self) -> None:
        if self.vault_notes.isChecked():
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Notes from the vault in"), export_defaults.folder(self._remembered)
            )
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a data file"),
                "",
                self.tr("Roundtable data (*.json *.yaml *.yml);;All files (*)"),
            )
        if chosen:
            self.path_edit.setText(chosen)

    def _run(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose what to import."))
            return
        path = user_path(text)
        library = self.window_.library
        if self.vault_notes.isChecked():
            self.start(lambda progress: library.import_vault_notes(path, progress))
        else:
            self.start(lambda progress: _import_data_file(library, path, progress))

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self.report(self.tr("Nothing was imported; nothing was changed:"), message.splitlines())

    def progress_text(self, done: int, total: int) -> str:
        stage = self.task.progress.stage if self.task is not None else ""
        if not stage:  # notes from a vault: a step a note
            return self.tr("{done} of %n notes", None, total).format(done=done)
        # A data file: its stages (reading, checking, writing, indexing), each from 0 to 100%.
        percent = 100 * done // total if total else 100
        return self.tr("{stage}: {percent}%").format(stage=translated(stage), percent=percent)

    def cancelled_text(self) -> str:
        return self.tr("Import cancelled; nothing was changed.")

    def show_result(self, result: Any) -> None:
        from app.services.vault_import import NotesImportReport

        changes = self.window_.changes
        if isinstance(result, NotesImportReport):
            lines = [self.tr("Updated: {title}").format(title=t) for t in result.updated]
            lines += [self.tr("Not imported: {note}").format(note=c) for c in result.conflicts]
            lines += [self.tr("Not in this library: {note}").format(note=u) for u in result.unknown]
            self.report(self._notes_summary(result), lines)
            if result.updated:
                changes.announce_notes()
                changes.announce_entries()
            return
        self.report(
            self._data_summary(result),
            [self.tr("Kept yours: {entry}").format(entry=c) for c in result.conflicts]
            + [
                self.tr("Attached file not found beside the data file: {file}").format(file=name)
                for name in result.missing_files
            ],
        )
        if sum(result.created.values()):
            changes.announce_entries()
            changes.announce_notes()

    def _notes_summary(self, result: Any) -> str:
        text = self.tr(
            "Notes from {folder}: %n notes updated, {unchanged} unchanged", None, len(result.updated)
        )
        text = text.format(folder=result.folder, unchanged=result.unchanged)
        if result.conflicts:
            text += self.tr(
                ", %n not imported because they changed in Roundtable too", None, len(result.conflicts)
            )
        if result.unknown:
            text += self.tr(", %n not in this library", None, len(result.unknown))
        return text + self.tr(".")

    def _data_summary(self, result: Any) -> str:
        made = ", ".join(f"{section_label(k)} {n}" for k, n in sorted(result.created.items()))
        text = self.tr("Imported from {file}: {made}").format(
            file=result.filename, made=made or self.tr("nothing new")
        )
        same = sum(result.unchanged.values())
        if same:
            text += self.tr("; %n already present", None, same)
        if result.conflicts:
            text += self.tr(
                "; %n kept as you have them (they differ from the file)", None, len(result.conflicts)
            )
        return text + self.tr(".")


def offer_import(window: MainWindow, path: Path) -> ImportDialog:
    """The Import dialog on `path` (a data file), shown and waiting for Import."""
    dialog = ImportDialog(window)
    dialog.data_file.setChecked(True)
    dialog.path_edit.setText(str(path))
    dialog.open()
    return dialog


class ImportFailed(Exception):
    """A data file with problems: the message lists every one, a line each."""


def _import_data_file(library: Library, path: Path, progress: Progress) -> Any:
    from app.io.datafile import InvalidDataFile

    try:
        return library.import_data(path, progress)
    except InvalidDataFile as exc:
        raise ImportFailed(exc.report()) from exc
