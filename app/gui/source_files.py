"""A source's text in the window: Paste Text…, Add Text from File… and Open File, on a bar
under the source's page and in the Edit menu.

Reading a file (a 300-page PDF takes seconds) runs off the window's thread with a progress bar
and Cancel on the bar; cancelling, or a file that cannot be read, changes nothing. What is read
becomes the source's text in one edit, which Undo takes back; the file is kept in the
library's attachments folder, and Open File shows it in the system's viewer.

Installed by app/gui/features.py; reachable as `window.source_files`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import plain, translated
from app.gui.workers import Task
from app.i18n import Explained
from app.io.source_text import FILE_PATTERNS, SourceFile, read_source_file
from app.records.entries import Ref

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.entry_forms import Change
    from app.services.progress import Progress
    from app.services.sources import AttachedFile


def install(window: MainWindow) -> None:
    window.source_files = SourceFiles(window)  # type: ignore[attr-defined]


class PasteDialog(QDialog):
    """The text to give a source, pasted (or typed)."""

    def __init__(self, name: str, replaces: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste Text for “{name}”").format(name=name))
        self.setMinimumSize(560, 420)
        note = QLabel(self)
        note.setWordWrap(True)
        note.setText(
            self.tr("This text replaces the source's text; Undo brings the text it had back.")
            if replaces
            else self.tr("Paste the source's text: a blank line between paragraphs.")
        )
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Source text"))
        self.text.setPlaceholderText(self.tr("Paste the text here (Ctrl+V)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
                bool(self.text.toPlainText().strip())
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.text.setFocus()


class SourceFilesBar(QWidget):
    """Under a source's page: the text's actions, and the progress of a file being read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Source text actions"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: list[QToolButton] = []
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Reading the file"))
        self.progress.setMinimumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(plain(self.cancel.text()))
        self.cancel.hide()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 2, 8, 2)
        self.row.addWidget(self.label)
        self.row.addStretch(1)
        self.row.addWidget(self.progress, 2)
        self.row.addWidget(self.cancel)

    def add_action(self, action: QAction) -> None:
        button = QToolButton(self)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setDefaultAction(action)
        self.buttons.append(button)
        self.row.insertWidget(self.row.count() - 2, button)

    def working(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel.setVisible(on)
        self.cancel.setEnabled(on)
        for button in self.buttons:
            button.setVisible(not on)
        if on:
            self.progress.setRange(0, 0)  # busy until the first page is counted


class SourceFiles(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self._target: Ref | None = None  # the source a file is being read for
        style = window.style()
        self.paste_action = QAction(
            QIcon.fromTheme(
                "edit-paste", style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
            ),
            self.tr("&Paste Text…"),
            self,
        )
        self.paste_action.setToolTip(self.tr("Give this source its text by pasting it"))
        self.paste_action.triggered.connect(self.paste)
        self.add_file_action = QAction(
            QIcon.fromTheme("document-open", style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)),
            self.tr("Add Text from &File…"),
            self,
        )
        self.add_file_action.setToolTip(
            self.tr("Give this source its text from a saved web page, a PDF, a text or Markdown file")
        )
        self.add_file_action.triggered.connect(self.choose_file)
        self.open_file_action = QAction(
            QIcon.fromTheme("document-preview", style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)),
            self.tr("&Open File"),
            self,
        )
        self.open_file_action.setToolTip(self.tr("Open the file this source's text came from"))
        self.open_file_action.triggered.connect(self.open_file)

        self.menu = QMenu(self.tr("Source &Text"), window)
        window.edit_menu.insertMenu(window.edit_menu.actions()[-1], self.menu)
        self.bar = SourceFilesBar(window)
        for action in (self.paste_action, self.add_file_action, self.open_file_action):
            self.menu.addAction(action)
            self.bar.add_action(action)
        self.bar.cancel.clicked.connect(self.cancel)
        self.bar.hide()
        # Between the source's page and its text (app/gui/main_window.py builds the pane); in a
        # window without that pane, in the status bar.
        pane = getattr(window, "detail_pane", None)
        if isinstance(pane, QSplitter):
            pane.insertWidget(1, self.bar)
            pane.setCollapsible(1, False)
        else:
            window.statusBar().addPermanentWidget(self.bar)

        window.library.before_close(self.cancel)  # a file still being read is not waited for
        window.detail_view.shown.connect(self._update)
        window.read_only_changed.connect(lambda _ro: self._update())
        window.changes.entries_changed.connect(lambda _slugs, _origin: self._update())
        self._update()

    # --- state -------------------------------------------------------------------------------

    def source(self) -> Ref | None:
        """The source shown, if a source is shown (and not in the Trash)."""
        detail = self.window.detail_view.detail
        if detail is None or detail.ref.kind != "source" or detail.deleted_at is not None:
            return None
        return detail.ref

    def _has_text(self, ref: Ref) -> bool:
        return bool(self.window.library.editor.form(ref.id).values.get("archived_text", "").strip())

    def files(self) -> list[AttachedFile]:
        ref = self.source()
        return self.window.library.sources.files(ref.id) if ref is not None else []

    def _update(self) -> None:
        ref = self.source()
        busy = self.task is not None
        writable = ref is not None and not self.window.read_only and not busy
        self.paste_action.setEnabled(writable)
        self.add_file_action.setEnabled(writable)
        files = self.files() if ref is not None else []
        self.open_file_action.setEnabled(bool(files))
        self.menu.setEnabled(ref is not None)
        self.bar.setVisible(ref is not None or busy)
        if busy:
            pass  # the bar says which file is being read
        elif files:
            self.bar.label.setText(self.tr("Text from {name}").format(name=files[0].filename))
        elif ref is not None:
            self.bar.label.setText(self.tr("Text"))

    # --- paste -------------------------------------------------------------------------------

    def paste(self) -> PasteDialog | None:
        ref = self.source()
        if ref is None or self.window.read_only:
            return None
        dialog = PasteDialog(ref.name, self._has_text(ref), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.give(ref, dialog.text.toPlainText(), None))
        dialog.open()
        return dialog

    # --- a file --------------------------------------------------------------------------------

    def choose_file(self) -> None:
        ref = self.source()
        if ref is None or self.window.read_only:
            return
        patterns = " ".join(FILE_PATTERNS)
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Add Text from File"),
            "",
            self.tr("Web pages, PDFs, text and Markdown ({patterns})").format(patterns=patterns),
        )
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> Task | None:
        """Read `path` off the window's thread for the source shown; on success it becomes
        the source's text. Asks first when the source has a text already."""
        ref = self.source()
        if ref is None or self.window.read_only or self.task is not None:
            return None
        if self._has_text(ref) and not self._confirm_replace(ref):
            return None
        self._target = ref

        def read(progress: Progress) -> SourceFile:
            return read_source_file(path, progress.step)

        task = Task(read, parent=self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._read)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self.task = task
        self.bar.working(True)
        self.bar.label.setText(self.tr("Reading {name}…").format(name=path.name))
        self._update()
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.bar.cancel.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        self.bar.progress.setRange(0, max(total, 1))
        self.bar.progress.setValue(done)
        self.bar.progress.setFormat(self.tr("Page %v of %m") if total > 1 else "")

    def _finish(self) -> Ref | None:
        target, self._target, self.task = self._target, None, None
        self.bar.working(False)
        self._update()
        return target

    def _read(self, found: object) -> None:
        target = self._finish()
        if target is None or not isinstance(found, SourceFile):
            return
        if self.window.read_only:  # the file became read-only while it was read
            return
        self.give(target, found.text, found)

    def _failed(self, message: str) -> None:
        self._finish()
        self.window.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self.window, self.tr("No text added"), message)

    def _cancelled(self) -> None:
        self._finish()
        self.window.statusBar().showMessage(self.tr("Cancelled: the source is as it was."), 5000)

    def _confirm_replace(self, ref: Ref) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the Text?"))
        box.setText(self.tr("“{name}” has a text already. Replace it?").format(name=ref.name))
        box.setInformativeText(
            self.tr(
                "Quotes cited from it are looked for again in the new text; `roundtable check` lists "
                "any that are no longer found. Undo brings the old text back."
            )
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)
        box.exec()
        return box.clickedButton() is replace

    # --- giving the text -----------------------------------------------------------------------

    def give(self, ref: Ref, text: str, file: SourceFile | None) -> Change | None:
        """Make `text` the source's text, one step on the undo stack."""
        from app.gui.edit_commands import edit_command
        from app.services.entry_forms import ValidationError

        editing = self.window.editing  # type: ignore[attr-defined]
        try:
            change = self.window.library.sources.give_text(ref.id, text, file)
        except (Explained, OSError, ValidationError) as exc:
            if isinstance(exc, ValidationError):  # the source's record as stored fails a rule
                message = self.tr(
                    "“{name}” cannot take a text until its record is fixed ({problems}): edit it first."
                ).format(name=ref.name, problems="; ".join(translated(v) for v in exc.errors.values()))
            else:
                message = translated(exc.message) if isinstance(exc, Explained) else str(exc)
            self.window.statusBar().showMessage(message, 10000)
            QMessageBox.warning(self.window, self.tr("No text added"), message)
            return None
        if change.changed:
            editing.undo_stack.push(edit_command(self.window.library.editor, change, editing))
        self.window.changes.announce_entries(set(change.slugs), origin=self)
        what = (
            self.tr("Text from {name} given to “{source}”.").format(name=file.name, source=ref.name)
            if file is not None
            else self.tr("Text given to “{source}”.").format(source=ref.name)
        )
        self.window.statusBar().showMessage(what, 5000)
        return change

    # --- opening the file ---------------------------------------------------------------------

    def open_file(self) -> AttachedFile | None:
        """Show the latest file of the source shown in the system's viewer; say so instead
        when it is missing from the attachments folder or no longer what was added."""
        from app.io.attachments import FileState

        files = self.files()
        if not files:
            return None
        latest = files[0]
        state = self.window.library.sources.state(latest)
        if state is FileState.PRESENT:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(latest.path)))
            return latest
        if state is FileState.MISSING:
            message = self.tr(
                "{name} is missing from {folder}: restore a backup (File ▸ Restore from backup…) to "
                "bring it back, or add the file again."
            )
        else:
            message = self.tr(
                "{name} in {folder} is no longer the file that was added (its contents changed): "
                "restore a backup (File ▸ Restore from backup…), or add the file again."
            )
        text = message.format(name=latest.filename, folder=str(latest.path.parent))
        self.window.statusBar().showMessage(text, 10000)
        QMessageBox.warning(self.window, self.tr("Cannot Open the File"), text)
        return None
