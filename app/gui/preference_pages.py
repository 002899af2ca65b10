"""Preferences ▸ Appearance (interface language, colour scheme) and Preferences ▸ Data (where
the database is, and which file the window opens next time).

The language applies when Roundtable starts again (every label is made in the language loaded
at start); the colour scheme applies at once. The database file chosen here is opened at the
next start unless `--db` or ROUNDTABLE_DB name another; the command line keeps using those and
the default file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui import i18n, name_script, theme
from app.gui.i18n import plain, translate
from app.gui.language_names import script_name
from app.gui.preferences import PreferencesPage
from app.paths import default_db_path, user_path
from app.services.languages import SCRIPTS

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

DATABASE_KEY = "preferences/database_file"


def preferred_database(stored: QSettings) -> Path | None:
    """The file Preferences ▸ Data chose for the window to open, if any."""
    value = str(stored.value(DATABASE_KEY, "") or "")
    return user_path(value).absolute() if value else None


def install(window: MainWindow) -> None:
    window.preferences.add_page(
        translate("Preferences", "Appearance"), lambda parent: AppearancePage(parent, window)
    )
    window.preferences.add_page(translate("Preferences", "Data"), lambda parent: DataPage(window, parent))


class AppearancePage(PreferencesPage):
    """`window`: the window whose lists and page show names in the chosen script at once (its
    library also says which scripts its other names are written in)."""

    def __init__(self, parent: QWidget | None = None, window: MainWindow | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.language = QComboBox(self)
        system = i18n.language_for(i18n.SYSTEM)
        self.language.addItem(self.tr("System ({language})").format(language=system.name), i18n.SYSTEM)
        for language in i18n.LANGUAGES:
            self.language.addItem(language.name, language.code)
        language_label = QLabel(self.tr("Interface &language:"), self)
        language_label.setBuddy(self.language)
        self.language.setAccessibleName(plain(language_label.text()))
        self.restart_note = QLabel(self.tr("A new language applies when Roundtable starts again."), self)
        self.restart_note.setWordWrap(True)

        self.theme = QComboBox(self)
        for key, label in (
            (theme.SYSTEM, self.tr("System")),
            (theme.LIGHT, self.tr("Light")),
            (theme.DARK, self.tr("Dark")),
        ):
            self.theme.addItem(label, key)
        theme_label = QLabel(self.tr("&Colours:"), self)
        theme_label.setBuddy(self.theme)
        self.theme.setAccessibleName(plain(theme_label.text()))

        self.names = QComboBox(self)
        self.names.addItem(self.tr("As recorded"), name_script.AS_RECORDED)
        present = window.library.entries.scripts() if window is not None else []
        for script in dict.fromkeys([*name_script.OFFERED, *(s for s in SCRIPTS if s in present)]):
            self.names.addItem(script_name(script), script)
        names_label = QLabel(self.tr("Show &names in:"), self)
        names_label.setBuddy(self.names)
        self.names.setAccessibleName(plain(names_label.text()))
        names_note = QLabel(
            self.tr(
                "An entry with an other name written in this script shows it in the lists, on its "
                "page and in search results; the lists still sort by the names as recorded."
            ),
            self,
        )
        names_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(language_label, self.language)
        form.addRow("", self.restart_note)
        form.addRow(theme_label, self.theme)
        form.addRow(names_label, self.names)
        form.addRow("", names_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self, stored: QSettings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen(stored))))
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme.chosen(stored))))
        script = str(stored.value(name_script.KEY, name_script.AS_RECORDED) or "")
        if script and self.names.findData(script) < 0:  # chosen in another library
            self.names.addItem(script_name(script), script)
        self.names.setCurrentIndex(max(0, self.names.findData(script)))

    def save(self, stored: QSettings) -> None:
        stored.setValue(i18n.LANGUAGE_KEY, self.language.currentData())
        stored.setValue(theme.THEME_KEY, self.theme.currentData())
        theme.apply(str(self.theme.currentData()))
        script = str(self.names.currentData() or "")
        if script != str(stored.value(name_script.KEY, name_script.AS_RECORDED) or ""):
            stored.setValue(name_script.KEY, script)
            if self._window is not None:  # every list, the page and the search show it at once
                self._window.changes.announce_entries()


class DataPage(PreferencesPage):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        current = window.library.path
        self.folder = QLabel(str(current.parent), self)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        folder_label = QLabel(self.tr("Data folder:"), self)
        self.folder.setAccessibleName(plain(folder_label.text()))
        self.open_folder = QPushButton(self.tr("Open Data Folder"), self)
        self.open_folder.setAccessibleName(plain(self.open_folder.text()))
        self.open_folder.clicked.connect(self._open_folder)
        self.open_problem = QLabel(self)
        self.open_problem.hide()

        self.database = QLabel(str(current), self)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database.setWordWrap(True)
        database_label = QLabel(self.tr("Open now:"), self)
        self.database.setAccessibleName(plain(database_label.text()))

        self.next_start = QLabel(self)
        self.next_start.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_start.setWordWrap(True)
        next_label = QLabel(self.tr("At the next start:"), self)
        self.next_start.setAccessibleName(plain(next_label.text()))
        self.choose = QPushButton(self.tr("Choose Another File…"), self)
        self.choose.setAccessibleName(plain(self.choose.text()))
        self.choose.clicked.connect(self._choose)
        self.use_default = QPushButton(self.tr("Use the Default File"), self)
        self.use_default.setAccessibleName(plain(self.use_default.text()))
        self.use_default.clicked.connect(lambda: self._set_next(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.use_default)
        buttons.addStretch(1)
        note = QLabel(
            self.tr(
                "Roundtable opens this file the next time it starts, creating a new library if "
                "the file does not exist yet. Starting it with --db or ROUNDTABLE_DB overrides "
                "this; the command line always uses those or the default file."
            ),
            self,
        )
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(folder_label, self.folder)
        form.addRow("", self.open_folder)
        form.addRow("", self.open_problem)
        form.addRow(database_label, self.database)
        form.addRow(next_label, self.next_start)
        form.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self._next: Path | None = None

    def _set_next(self, path: Path | None) -> None:
        self._next = path
        shown = path or default_db_path()
        self.next_start.setText(
            str(shown) if path else self.tr("{path} (the default)").format(path=default_db_path())
        )
        self.use_default.setEnabled(path is not None)

    def _choose(self) -> None:
        from app.gui.recovery import choose_database

        chosen = choose_database(self, self._next or self._window.library.path)
        if chosen is not None:
            self._set_next(chosen.absolute())

    def _open_folder(self) -> None:
        url = QUrl.fromLocalFile(str(self._window.library.path.parent))
        if not QDesktopServices.openUrl(url):
            self.open_problem.setText(self.tr("No file manager could open the folder; its path is above."))
            self.open_problem.show()

    def load(self, stored: QSettings) -> None:
        self._set_next(preferred_database(stored))

    def save(self, stored: QSettings) -> None:
        if self._next is None:
            stored.remove(DATABASE_KEY)
        else:
            stored.setValue(DATABASE_KEY, str(self._next))
