"""The Trash: every kind's deleted entries, newest first, with Restore and Delete Permanently."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.entry_list import EntryList
from app.services.entries import TRASH, EntryLists


class TrashView(QWidget):
    restore_requested = Signal(str)  # slug
    purge_requested = Signal(str)

    def __init__(self, lists: EntryLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Trash", self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.list = EntryList(lists, self, name="Entries in the Trash")
        self.filter = self.list.filter
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.setAccessibleName("Restore")
        self.purge_button = QPushButton("Delete Permanently…", self)
        self.purge_button.setAccessibleName("Delete Permanently…")
        self.restore_button.clicked.connect(lambda: self._request(self.restore_requested))
        self.purge_button.clicked.connect(lambda: self._request(self.purge_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.show_kind(TRASH)
        self.list.entry_selected.connect(lambda _slug: self._update_buttons())
        self.setFocusProxy(self.list)
        self._writable = True
        self._update_buttons()

    def current_slug(self) -> str | None:
        return self.list.current_slug()

    def refresh(self) -> None:
        self.list.refresh()
        self._update_buttons()

    def _request(self, signal: SignalInstance) -> None:
        slug = self.current_slug()
        if slug:
            signal.emit(slug)

    def set_writable(self, writable: bool) -> None:
        """False while the database is read-only: the trash can be read, not changed."""
        self._writable = writable
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self._writable and self.current_slug() is not None
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)
