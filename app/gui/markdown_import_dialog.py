"""File ▸ Import Markdown Folder…: notes from a folder Roundtable did not write (an Obsidian or
Zettlr vault), through app/services/markdown_import.py.

Preview first (what would be created, linked, left as written and skipped; nothing written),
then Import, each on a worker thread with a progress bar: 2,000 files take one to four seconds
to read and write, far past what the window may stand still for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from app.gui.i18n import plain, translate, translated
from app.gui.import_export_dialogs import _path_row, _TaskDialog
from app.paths import user_path

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.markdown_import import MarkdownImportReport


def install(window: MainWindow) -> None:
    action = QAction(translate("MarkdownImport", "Import &Markdown Folder…"), window)
    action.setObjectName("importMarkdownAction")
    action.setStatusTip(
        translate(
            "MarkdownImport", "Import a folder of Markdown notes from Obsidian, Zettlr or another editor"
        )
    )
    action.triggered.connect(lambda: MarkdownImportDialog(window).open())
    window.file_menu.insertAction(window.quit_action, action)


class MarkdownImportDialog(_TaskDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, self.tr("Import Markdown Folder"), self.tr("&Preview"))
        self.setObjectName("markdownImportDialog")
        self.previewed: str | None = None  # the folder the last preview read
        box = QGroupBox(self.tr("From"), self)
        form = QFormLayout(box)
        self.path_edit = QLineEdit(box)
        self.path_edit.setPlaceholderText(self.tr("A folder of .md files, such as an Obsidian vault"))
        self.path_edit.textChanged.connect(self._changed)
        choose = QPushButton(self.tr("Choose…"), box)
        choose.setAccessibleName(plain(choose.text()))
        choose.clicked.connect(self._choose)
        folder = QLabel(self.tr("Folder:"), box)
        folder.setBuddy(self.path_edit)
        self.path_edit.setAccessibleName(plain(folder.text()))
        form.addRow(folder, _path_row(box, self.path_edit, choose))
        explain = QLabel(
            self.tr(
                "Each file becomes a note: on the entry its front matter or its name names, or on its "
                "own. Tags come from its front matter and its #tags; [[links]] to entries become links, "
                "the others stay as written. Nothing is written until you press Import, and then all "
                "or nothing, after a backup. Files imported before are skipped."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.finish_layout(box, explain)
        self.resize(640, 480)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import the notes in"), self.path_edit.text())
        if chosen:
            self.path_edit.setText(chosen)

    def _changed(self) -> None:
        self.previewed = None
        self.run_button.setText(self.tr("&Preview"))
        self.run_button.setAccessibleName(plain(self.run_button.text()))

    def _run(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a folder of Markdown notes."))
            return
        folder = user_path(text)
        library = self.window_.library
        dry_run = self.previewed != text
        self.start(lambda progress: library.import_markdown(folder, dry_run=dry_run, progress=progress))

    def progress_text(self, done: int, total: int) -> str:
        stage = self.task.progress.stage if self.task is not None else ""
        percent = 100 * done // total if total else 100
        if not stage:
            return self.tr("{percent}%").format(percent=percent)
        return self.tr("{stage}: {percent}%").format(stage=translated(stage), percent=percent)

    def cancelled_text(self) -> str:
        return self.tr("Import cancelled; nothing was changed.")

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self.previewed = None

    def show_result(self, result: Any) -> None:
        report: MarkdownImportReport = result
        self.report(self.summary(report), self.lines(report))
        if report.dry_run:
            self.previewed = self.path_edit.text().strip()
            self.run_button.setText(self.tr("&Import"))
            self.run_button.setEnabled(bool(report.created))
        else:
            self.previewed = None
            self.run_button.setText(self.tr("&Preview"))
            if report.created:
                self.window_.changes.announce_notes()
                self.window_.changes.announce_entries()
        self.run_button.setAccessibleName(plain(self.run_button.text()))

    def summary(self, report: MarkdownImportReport) -> str:
        n = len(report.created)
        if report.dry_run:
            text = self.tr("%n notes to create", None, n)
        else:
            text = self.tr("%n notes created", None, n)
        text += self.tr(" (%n on entries)", None, report.on_entries)
        if report.already:
            text += self.tr(", %n imported before", None, len(report.already))
        text += self.tr("; %n links to entries", None, report.linked)
        text += self.tr(", %n left as written", None, len(report.unlinked))
        if report.skipped:
            text += self.tr("; %n files skipped", None, len(report.skipped))
        if report.attachments:
            text += self.tr("; %n attachments left alone", None, len(report.attachments))
        return text + self.tr(".")

    def lines(self, report: MarkdownImportReport) -> list[str]:
        out = []
        if report.backup is not None:
            out.append(self.tr("Backed up first: {file}").format(file=report.backup))
        out += [
            self.tr("Skipped {file}: {reason}").format(file=s.path, reason=translated(s.reason))
            for s in report.skipped
        ]
        out += [
            self.tr("Left as written in {file}: {link}").format(file=u.path, link=u.link)
            for u in report.unlinked
        ]
        out += [
            self.tr("Tag left out in {file}: {reason}").format(file=t.path, reason=translated(t.reason))
            for t in report.dropped_tags
        ]
        out += [self.tr("Attachment left alone: {file}").format(file=a) for a in report.attachments]
        return out
