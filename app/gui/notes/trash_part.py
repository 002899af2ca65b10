"""The notes part of the Trash: deleted notes, most recently deleted first, with a preview of the
chosen one. Restore (undoable) and Delete Permanently (after asking) go through the notes panel,
the one place that writes notes."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import translated
from app.gui.list_widgets import list_table
from app.gui.notes.columns import fit_columns
from app.gui.notes.models import NotesTableModel
from app.gui.notes.panel import NotesPanel
from app.gui.notes.preview import NotePreview
from app.gui.trash_view import TrashPart
from app.i18n import Explained
from app.records.notes import NoteQuery
from app.services.library import Library
from app.services.notes import NoteNotFound, NotInTrash
from app.services.writing import WriteFailed


class NotesTrash(TrashPart):
    def __init__(self, library: Library, panel: NotesPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes = library.notes
        self._panel = panel
        self.model = NotesTableModel(library.note_lists, NoteQuery(trash=True, sort="deleted"), self)
        self.table = list_table(self, self.tr("Notes in the Trash"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.column_of("deleted"), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        for key in ("tags", "updated", "created"):
            self.table.hideColumn(self.model.column_of(key))
        fit_columns(self.table, self.model, {"title": 0.45, "entry": 0.3, "deleted": 0.25})
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.preview = NotePreview(self)
        self.preview.setAccessibleName(self.tr("Note in the Trash"))
        self.preview.setPlaceholderText(self.tr("Choose a note to read it here."))
        self.preview.link_activated.connect(panel.editor.link_activated)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)

    # --- TrashPart ----------------------------------------------------------------------------

    def has_choice(self) -> bool:
        return self._chosen() is not None

    def clear_choice(self) -> None:
        self.table.clearSelection()
        self.preview.show_markdown("", {})

    def count(self) -> int:
        return self.model.matching

    def restore_chosen(self) -> None:
        note_id = self._chosen()
        if note_id is None:
            return
        row = self.table.currentIndex().row()
        if self._panel.restore_from_trash(note_id):
            self._select_row(row)

    def purge_chosen(self) -> None:
        note_id = self._chosen()
        if note_id is None:
            return
        title = self.model.index(self.table.currentIndex().row(), 0).data()
        if not self._confirm(str(title)):
            return
        row = self.table.currentIndex().row()
        try:
            changed = self._panel.notes.purge(note_id)
        except (WriteFailed, NoteNotFound, NotInTrash) as exc:
            reason = translated(exc.message) if isinstance(exc, Explained) else str(exc)
            self._panel.tell(self.tr("The note could not be deleted: {reason}").format(reason=reason))
            return
        self._panel.announce(set(changed.note_ids), set(changed.entries))
        self._panel.tell(self.tr("Deleted the note “{title}” permanently.").format(title=title))
        self._select_row(row)

    # --- inside -------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self._chosen()
        self.model.refresh()
        if chosen is not None and self.model.row_of(chosen, fetch=False) < 0:
            self.clear_choice()
        self.count_changed.emit()

    def _chosen(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.note_id_at(index.row())

    def _select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.clear_choice()
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        note_id = self.model.note_id_at(indexes[0].row()) if indexes else None
        if note_id is None:
            return
        try:
            body = self._panel.notes.get(note_id).body
        except NoteNotFound:
            body = ""
        self.preview.show_markdown(body, self._notes.links_in(body))
        self.chosen.emit()

    def _confirm(self, title: str) -> bool:
        box = QMessageBox(self.window())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete Permanently?"))
        box.setText(self.tr("Delete the note “{title}” permanently?").format(title=title))
        box.setInformativeText(
            self.tr("Its text and its history are deleted with it. This cannot be undone.")
        )
        purge = box.addButton(self.tr("Delete Permanently"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is purge
