"""A note's history: its earlier states with the times they were saved, each one previewed, and
Restore. Restoring adds to the history (the replaced text is kept), so it can be undone."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.gui.notes.models import RevisionListModel
from app.gui.notes.preview import NotePreview
from app.services.notes import NoteNotFound, Notes


class RevisionsPanel(QWidget):
    restore_requested = Signal(int)  # revision id
    link_activated = Signal(str)  # slug

    def __init__(self, notes: Notes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes = notes
        self.model = RevisionListModel(notes, self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)  # two lines each: when, then the title
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(2)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.preview = NotePreview(self)
        self.preview.setAccessibleName(self.tr("Revision preview"))
        self.preview.link_activated.connect(self.link_activated)
        self.restore_button = QPushButton(self.tr("Restore this version"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        hint = QLabel(
            self.tr("Restoring keeps the current text in the history; Ctrl+Z in the editor undoes it."), self
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # drawn in the palette's muted colour

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def show_note(self, note_id: int | None) -> None:
        self.model.show_note(note_id)
        self._select(0)

    def refresh(self) -> None:
        row = self.list.currentIndex().row()
        try:
            self.model.refresh()
        except NoteNotFound:
            self.model.show_note(None)
        self._select(max(row, 0))

    def selected_revision(self) -> int | None:
        index = self.list.currentIndex()
        return self.model.revision_id_at(index.row()) if index.isValid() else None

    def _select(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.preview.show_markdown("", {})
            self.restore_button.setEnabled(False)
            return
        self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        note_id = self.model.note_id
        revision_id = self.selected_revision()
        self.restore_button.setEnabled(revision_id is not None)
        if note_id is None:
            return
        try:
            body = (
                self._notes.revision(revision_id).body
                if revision_id is not None
                else self._notes.get(note_id).body
            )
        except LookupError:
            body = ""
        self.preview.show_markdown(body, self._notes.links_in(body))

    def _restore(self) -> None:
        revision_id = self.selected_revision()
        if revision_id is not None:
            self.restore_requested.emit(revision_id)
