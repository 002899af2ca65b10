"""The Preferences dialog: a list of pages on the left, the chosen page on the right.

Features add pages without editing this module:

    window.preferences.add_page("Export", ExportPage)   # a PreferencesPage subclass

Each page reads its values from QSettings when the dialog opens and writes them back on OK;
Cancel writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui import window_state
from app.gui.i18n import plain
from app.gui.settings import settings


class PreferencesPage(QWidget):
    """One page. Subclasses lay out their widgets and implement load and save."""

    def load(self, stored: QSettings) -> None:
        raise NotImplementedError

    def save(self, stored: QSettings) -> None:
        raise NotImplementedError


class GeneralPage(PreferencesPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reopen = QCheckBox(self.tr("Reopen the last entry on start"), self)
        self.reopen.setAccessibleName(plain(self.reopen.text()))
        note = QLabel(self.tr("Window size, panes and sort orders are always kept."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reopen)
        layout.addWidget(note)
        layout.addStretch(1)

    def load(self, stored: QSettings) -> None:
        self.reopen.setChecked(bool(stored.value(window_state.REOPEN_LAST_ENTRY, True, type=bool)))

    def save(self, stored: QSettings) -> None:
        stored.setValue(window_state.REOPEN_LAST_ENTRY, self.reopen.isChecked())


PageFactory = Callable[[QWidget], PreferencesPage]


class Preferences(QObject):
    """The window's list of preference pages; `open()` shows the dialog."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._pages: list[tuple[str, PageFactory]] = [(self.tr("General"), GeneralPage)]

    def add_page(self, title: str, factory: PageFactory) -> None:
        self._pages.append((title, factory))

    def titles(self) -> list[str]:
        return [t for t, _ in self._pages]

    def dialog(self) -> PreferencesDialog:
        return PreferencesDialog(self._pages, self._window)

    def open(self) -> None:
        self.dialog().exec()


class PreferencesDialog(QDialog):
    def __init__(self, pages: list[tuple[str, PageFactory]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumSize(560, 360)
        self.page_list = QListWidget(self)
        self.page_list.setAccessibleName(self.tr("Pages"))
        self.page_list.setMaximumWidth(170)
        self.stack = QStackedWidget(self)
        self.pages: list[PreferencesPage] = []
        stored = settings()
        for title, factory in pages:
            page = factory(self.stack)
            page.load(stored)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.page_list.addItem(title)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        stored = settings()
        for page in self.pages:
            page.save(stored)
        stored.sync()
        super().accept()
