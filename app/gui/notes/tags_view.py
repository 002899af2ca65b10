"""The Tags view: every tag as a tree ('policy/ethics' under 'policy') with how many notes and
entries carry it, nested tags included; below, the entries carrying the chosen tag.

Choosing a tag lists its entries; Enter (or a double click, or the button) shows its notes in
the Notes view. Choosing an entry opens it in the detail view, beside the list.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import translate
from app.gui.notes.models import SLUG_ROLE, TaggedEntriesModel, TagsModel
from app.services.tags import Tags


class TagsView(QWidget):
    notes_requested = Signal(str)  # a tag: show its notes
    entry_chosen = Signal(str)  # slug

    def __init__(self, tags: Tags, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Tags"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)

        self.model = TagsModel(tags, self)
        self.tree = QTreeView(self)
        self.tree.setAccessibleName(self.tr("Tags"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setAccessibleName(translate("Lists", "Columns"))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(title) + 28)
        self.tree.selectionModel().selectionChanged.connect(self._selected)
        self.tree.activated.connect(self._activated)
        self.model.modelReset.connect(self.tree.expandAll)

        self.entries_label = QLabel(self)
        self.entries_model = TaggedEntriesModel(tags, self)
        self.entries = QListView(self)
        self.entries_label.setBuddy(self.entries)
        self.entries.setModel(self.entries_model)
        self.entries.setUniformItemSizes(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.selectionModel().selectionChanged.connect(self._entry_selected)
        self.notes_button = QPushButton(self)
        self.notes_button.clicked.connect(self._show_notes)

        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 4, 0, 0)
        below_layout.addWidget(self.entries_label)
        below_layout.addWidget(self.entries, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notes_button)
        buttons.addStretch(1)
        below_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.tree)
        self.tree.expandAll()
        self._show(None)

    # --- what is shown ----------------------------------------------------------------------

    def current_tag(self) -> str | None:
        return self.entries_model.tag

    def show_tag(self, name: str) -> bool:
        """Choose the tag called `name` (any case); False when no live note or entry carries it."""
        index = self.model.index_of(name)
        if not index.isValid():
            self.tree.clearSelection()
            self._show(None)
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def refresh(self) -> None:
        """Tags or what carries them changed: re-read, keeping the chosen tag if it still exists."""
        chosen = self.current_tag()
        self.tree.selectionModel().blockSignals(True)
        self.model.refresh()
        self.tree.selectionModel().blockSignals(False)
        if chosen is None or not self.show_tag(chosen):
            self._show(None)
        else:
            self._show(chosen)

    # --- inside -----------------------------------------------------------------------------

    def _show(self, tag: str | None) -> None:
        self.entries_model.show_tag(tag)
        count = self.model.count_of(tag) if tag else None
        if tag is None or count is None:
            self._label_entries(
                self.tr("Choose a tag to see the entries carrying it.")
                if self.model.rowCount()
                else self.tr("No tags yet.")
            )
            self.notes_button.setText(self.tr("Show its notes"))
            self.notes_button.setEnabled(False)
            return
        n = self.entries_model.rowCount()
        self._label_entries(
            self.tr("Entries tagged “{tag}” ({count})").format(tag=tag, count=n)
            if n
            else self.tr("No entries are tagged “{tag}”.").format(tag=tag)
        )
        self.notes_button.setText(
            self.tr("Show the %n notes tagged “{tag}”", None, count.notes).format(tag=tag)
        )
        self.notes_button.setEnabled(count.notes > 0)

    def _label_entries(self, text: str) -> None:
        self.entries_label.setText(text)
        self.entries.setAccessibleName(text)  # what the label beside it says

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show(self.model.tag_of(indexes[0]) if indexes else None)

    def _activated(self, index: QModelIndex) -> None:
        tag = self.model.tag_of(index.siblingAtColumn(0))
        if tag:
            self.notes_requested.emit(tag)

    def _show_notes(self) -> None:
        tag = self.current_tag()
        if tag:
            self.notes_requested.emit(tag)

    def _entry_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        slug = indexes[0].data(SLUG_ROLE) if indexes else None
        if slug:
            self.entry_chosen.emit(str(slug))
