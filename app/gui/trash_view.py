"""The Trash: every kind's deleted entries, newest first, with Restore and Delete Permanently.

Other features add their own part below the entries (the notes feature adds the deleted notes)
with `add_part(title, part)`. One pair of buttons serves every part: it acts on whatever was
chosen last, and choosing in one part clears the choice in the others. The page beside
reads the entry chosen here, and nothing (`nothing_chosen`) while no entry is: not the entry
read before the Trash was opened, nor one just restored out of it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.gui.entry_list import EntryList
from app.gui.i18n import plain
from app.services.entries import TRASH, EntryLists


class TrashPart(QWidget):
    """A part of the Trash another feature adds. Emit `chosen` when the researcher chooses
    something in it, `count_changed` when what it holds changed."""

    chosen = Signal()
    count_changed = Signal()

    def has_choice(self) -> bool:
        raise NotImplementedError

    def clear_choice(self) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def restore_chosen(self) -> None:
        raise NotImplementedError

    def purge_chosen(self) -> None:
        """Delete what is chosen for good, after asking."""
        raise NotImplementedError


def _heading(text: str, parent: QWidget, scale: float = 1.0) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class TrashView(QWidget):
    restore_requested = Signal(str)  # slug
    purge_requested = Signal(str)
    count_changed = Signal()  # a part's contents changed (the entries announce through `changes`)
    choice_changed = Signal()  # something else was chosen, in any part
    nothing_chosen = Signal()  # no entry is chosen (any more): the page beside shows none

    def __init__(self, lists: EntryLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self.list = EntryList(lists, self, name=self.tr("Entries in the Trash"), many=False)
        self.filter = self.list.filter
        self.parts: list[TrashPart] = []
        self._active: TrashPart | None = None  # None: the entries
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setAccessibleName(plain(self.restore_button.text()))
        self.purge_button = QPushButton(self.tr("Delete Permanently…"), self)
        self.purge_button.setAccessibleName(plain(self.purge_button.text()))
        self.restore_button.clicked.connect(self.request_restore)
        self.purge_button.clicked.connect(self.request_purge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)

        entries = QWidget(self)
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(_heading(self.tr("Entries"), entries))
        entries_layout.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(entries)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_heading(self.tr("Trash"), self, 1.2))
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self.list.show_kind(TRASH)
        self.list.entry_selected.connect(lambda _slug: self._choose(None))
        self.setFocusProxy(self.list)
        self._writable = True
        self._update_buttons()

    def add_part(self, title: str, part: TrashPart) -> None:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(_heading(title, holder))
        layout.addWidget(part, 1)
        self.splitter.addWidget(holder)
        QWidget.setTabOrder(self.parts[-1] if self.parts else self.list.table, part)  # before the buttons
        self.parts.append(part)
        part.chosen.connect(lambda: self._choose(part))
        part.count_changed.connect(self.count_changed)
        part.count_changed.connect(self._update_buttons)

    def current_slug(self) -> str | None:
        return self.list.current_slug() if self._active is None else None

    def has_choice(self) -> bool:
        if self._active is not None:
            return self._active.has_choice()
        return self.current_slug() is not None

    def count(self) -> int:
        """Everything in the Trash: entries and every part's items."""
        return self._lists.count(TRASH) + sum(p.count() for p in self.parts)

    def refresh(self) -> None:
        self.list.refresh()
        self._update_buttons()
        if self.isVisible() and self.current_slug() is None:
            self.nothing_chosen.emit()  # what was read here left the Trash (restored, deleted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.current_slug() is None:
            self.nothing_chosen.emit()

    def request_restore(self) -> None:
        if self._active is not None:
            self._active.restore_chosen()
        elif slug := self.current_slug():
            self.restore_requested.emit(slug)

    def request_purge(self) -> None:
        if self._active is not None:
            self._active.purge_chosen()
        elif slug := self.current_slug():
            self.purge_requested.emit(slug)

    def _choose(self, part: TrashPart | None) -> None:
        self._active = part
        if part is not None:
            self.list.table.clearSelection()
            self.nothing_chosen.emit()
        for other in self.parts:
            if other is not part:
                other.clear_choice()
        self._update_buttons()
        self.choice_changed.emit()

    def set_writable(self, writable: bool) -> None:
        """False while the database is read-only: the trash can be read, not changed."""
        self._writable = writable
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self._writable and self.has_choice()
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)
