"""Export defaults: the link style, what to do with files edited since the last export, and
the folder (or digest file) the last export went to.

Preferences ▸ Export is the one place that edits them; the Export dialog starts from them and
remembers only where it last wrote (a choice made for one export stays with that export).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import plain, translate
from app.gui.preferences import PreferencesPage

FOLDER_KEY = "export/folder"
DIGEST_KEY = "export/digest"
LINKS_KEY = "export/links"
CONFLICT_KEY = "export/conflict"
LINK_STYLES = ("wiki", "markdown")
ON_CONFLICT = ("skip", "beside")


def _choice(stored: QSettings, key: str, choices: tuple[str, ...]) -> str:
    value = str(stored.value(key, choices[0]) or choices[0])
    return value if value in choices else choices[0]


def folder(stored: QSettings) -> str:
    return str(stored.value(FOLDER_KEY, "") or "")


def digest(stored: QSettings) -> str:
    return str(stored.value(DIGEST_KEY, "") or "")


def links(stored: QSettings) -> str:
    return _choice(stored, LINKS_KEY, LINK_STYLES)


def on_conflict(stored: QSettings) -> str:
    return _choice(stored, CONFLICT_KEY, ON_CONFLICT)


def remember_target(stored: QSettings, *, folder: Path | None, digest: Path | None) -> None:
    """Where an export went, offered for the next one."""
    if folder is not None:
        stored.setValue(FOLDER_KEY, str(folder))
    if digest is not None:
        stored.setValue(DIGEST_KEY, str(digest))


def links_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(translate("ExportDefaults", "[[Wiki links]] (Obsidian, Zettlr, Logseq)"), "wiki")
    combo.addItem(translate("ExportDefaults", "Relative Markdown links (any editor, GitHub)"), "markdown")
    return combo


def conflict_label(choice: str) -> str:
    if choice == "beside":
        return translate("ExportDefaults", "Leave them, and write the new version beside each")
    return translate("ExportDefaults", "Leave them as they are, and list them")


class ExportPage(PreferencesPage):
    """Preferences ▸ Export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = QLineEdit(self)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.setAccessibleName(plain(choose.text()))
        choose.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder)
        self.folder.setAccessibleName(plain(folder_label.text()))
        self.links = links_combo(self)
        links_label = QLabel(self.tr("&Links:"), self)
        links_label.setBuddy(self.links)
        self.links.setAccessibleName(plain(links_label.text()))
        self.skip = QRadioButton(conflict_label("skip"), self)
        self.beside = QRadioButton(conflict_label("beside"), self)
        conflict = QVBoxLayout()
        conflict.addWidget(self.skip)
        conflict.addWidget(self.beside)
        form = QFormLayout()
        form.addRow(folder_label, folder_row)
        form.addRow(links_label, self.links)
        form.addRow(QLabel(self.tr("Files you edited since the last export:"), self))
        form.addRow(conflict)
        note = QLabel(
            self.tr("The Export dialog starts from these, and remembers the folder it last wrote to."), self
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def load(self, stored: QSettings) -> None:
        self.folder.setText(folder(stored))
        self.links.setCurrentIndex(max(self.links.findData(links(stored)), 0))
        (self.beside if on_conflict(stored) == "beside" else self.skip).setChecked(True)

    def save(self, stored: QSettings) -> None:
        stored.setValue(FOLDER_KEY, self.folder.text().strip())
        stored.setValue(LINKS_KEY, self.links.currentData())
        stored.setValue(CONFLICT_KEY, "beside" if self.beside.isChecked() else "skip")
