"""Preferences: each setting is stored, restored when the dialog opens again, and applied —
the colour scheme at once, the language and the database file at the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.gui import export_defaults, i18n, launch, theme
from app.gui.import_export_dialogs import ExportDialog
from app.gui.main_window import MainWindow
from app.gui.preference_pages import DATABASE_KEY, AppearancePage, DataPage
from app.gui.preferences import PreferencesDialog
from app.gui.settings import settings
from tests.gui.conftest import UrlRecorder


def _dialog(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    dialog = window.preferences.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


P = TypeVar("P")


def _page(dialog: PreferencesDialog, kind: type[P]) -> P:
    return next(p for p in dialog.pages if isinstance(p, kind))


@pytest.fixture
def system_theme() -> Iterator[None]:
    yield
    theme.apply(theme.SYSTEM)


def test_pages_in_order(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window)
    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert titles == ["General", "Appearance", "Data", "Notes", "Export"]


def test_theme_is_stored_restored_and_applied_at_once(
    qtbot: QtBot, window: MainWindow, system_theme: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialog = _dialog(qtbot, window)
    page = _page(dialog, AppearancePage)
    page.theme.setCurrentIndex(page.theme.findData(theme.DARK))
    dialog.accept()
    assert settings().value(theme.THEME_KEY) == theme.DARK
    scheme = QGuiApplication.styleHints().colorScheme()
    window_colour = app.palette().color(QPalette.ColorRole.Window)
    assert scheme == theme.Qt.ColorScheme.Dark or window_colour.lightness() < 100
    qtbot.wait(20)
    detail = window.detail_view.palette().color(QPalette.ColorRole.Base)
    assert detail.lightness() < 100 or scheme == theme.Qt.ColorScheme.Dark

    again = _page(_dialog(qtbot, window), AppearancePage)
    assert again.theme.currentData() == theme.DARK

    dialog = _dialog(qtbot, window)
    page = _page(dialog, AppearancePage)
    page.theme.setCurrentIndex(page.theme.findData(theme.LIGHT))
    dialog.accept()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150


def test_language_is_stored_and_applied_at_the_next_start(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window)
    page = _page(dialog, AppearancePage)
    assert page.language.currentData() == i18n.SYSTEM
    assert not page.restart_note.isHidden()  # the page says a restart applies it
    page.language.setCurrentIndex(page.language.findData(i18n.CHINESE.code))
    dialog.accept()
    assert settings().value(i18n.LANGUAGE_KEY) == "zh_CN"
    assert window.file_menu.title() == "&File"  # this window keeps its language
    assert _page(_dialog(qtbot, window), AppearancePage).language.currentData() == "zh_CN"
    try:
        launch.application()  # what the next start does first
        assert i18n.current() is i18n.CHINESE
        assert MainWindow(window.library).file_menu.title() == "文件(&F)"
    finally:
        i18n.install(i18n.ENGLISH.code)
        theme.apply(theme.SYSTEM)


def test_system_language_decides_unless_one_is_chosen() -> None:
    assert i18n.language_for(i18n.SYSTEM, QLocale("zh_CN")) is i18n.CHINESE
    assert i18n.language_for(i18n.SYSTEM, QLocale("zh_SG")) is i18n.CHINESE
    assert i18n.language_for(i18n.SYSTEM, QLocale("zh_TW")) is i18n.ENGLISH  # Traditional: not ours
    assert i18n.language_for(i18n.SYSTEM, QLocale("en_GB")) is i18n.ENGLISH
    assert i18n.language_for(i18n.SYSTEM, QLocale("fr_FR")) is i18n.ENGLISH
    assert i18n.language_for("en", QLocale("zh_CN")) is i18n.ENGLISH
    assert i18n.language_for("zh_CN", QLocale("en_US")) is i18n.CHINESE


def test_english_gives_plural_messages_their_singular(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("person")
    window.entry_list.filter.setText("Chen Gang")
    qtbot.waitUntil(lambda: window.entry_list.status.text().startswith("1 of 13 "))
    assert window.entry_list.status.text() == "1 of 13 officials"
    trash = window.editing.trash_view  # type: ignore[attr-defined]
    assert trash.list._counted("trash", 1).format(shown=1) == "1 of 1 entry in the trash"


def test_data_page_shows_opens_and_chooses_the_file_for_the_next_start(
    qtbot: QtBot,
    window: MainWindow,
    desktop: UrlRecorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(qtbot, window)
    page = _page(dialog, DataPage)
    assert page.folder.text() == str(window.library.db.path.parent)
    assert page.database.text() == str(window.library.db.path)
    assert "(the default)" in page.next_start.text() and not page.use_default.isEnabled()
    page.open_folder.click()
    assert [u.toLocalFile() for u in desktop.urls] == [str(window.library.db.path.parent)]

    other = tmp_path / "elsewhere" / "other.sqlite3"
    monkeypatch.setattr("app.gui.recovery.choose_database", lambda parent, start: other)
    page.choose.click()
    assert page.next_start.text() == str(other)
    dialog.accept()
    assert settings().value(DATABASE_KEY) == str(other)
    monkeypatch.delenv("ROUNDTABLE_DB", raising=False)
    assert launch.database_path(None) == other
    assert launch.database_path("/tmp/given.sqlite3") == Path("/tmp/given.sqlite3")
    monkeypatch.setenv("ROUNDTABLE_DB", "/tmp/env.sqlite3")
    assert launch.database_path(None) == Path("/tmp/env.sqlite3")
    monkeypatch.delenv("ROUNDTABLE_DB")

    dialog = _dialog(qtbot, window)
    page = _page(dialog, DataPage)
    assert page.next_start.text() == str(other)  # restored
    page.use_default.click()
    dialog.accept()
    assert settings().value(DATABASE_KEY) is None
    assert launch.database_path(None).name == "roundtable.sqlite3"


def test_export_defaults_are_edited_in_preferences_and_used_by_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, window)
    page = _page(dialog, export_defaults.ExportPage)
    assert (page.links.currentData(), page.skip.isChecked()) == ("wiki", True)
    page.folder.setText(str(tmp_path / "vault"))
    page.links.setCurrentIndex(page.links.findData("markdown"))
    page.beside.setChecked(True)
    dialog.accept()
    stored = settings()
    assert (export_defaults.links(stored), export_defaults.on_conflict(stored)) == ("markdown", "beside")

    export = ExportDialog(window)
    qtbot.addWidget(export)
    assert export.path_edit.text() == str(tmp_path / "vault")
    assert export.links.currentData() == "markdown" and export.beside.isChecked()
    # A choice made for one export stays with it; only the folder it wrote to is remembered.
    export.links.setCurrentIndex(export.links.findData("wiki"))
    export.skip.setChecked(True)
    export.path_edit.setText(str(tmp_path / "another"))
    export._run()
    qtbot.waitUntil(lambda: export.task is None, timeout=30_000)
    stored = settings()
    assert (export_defaults.links(stored), export_defaults.on_conflict(stored)) == ("markdown", "beside")
    assert export_defaults.folder(stored) == str(tmp_path / "another")
    page = _page(_dialog(qtbot, window), export_defaults.ExportPage)
    assert page.folder.text() == str(tmp_path / "another")


def test_cancel_stores_nothing(qtbot: QtBot, window: MainWindow, system_theme: None) -> None:
    dialog = _dialog(qtbot, window)
    page = _page(dialog, AppearancePage)
    page.theme.setCurrentIndex(page.theme.findData(theme.DARK))
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    dialog.reject()
    assert settings().value(theme.THEME_KEY) is None and settings().value(i18n.LANGUAGE_KEY) is None


def test_export_page_folder_field_is_labelled(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(_dialog(qtbot, window), export_defaults.ExportPage)
    assert isinstance(page.folder, QLineEdit) and page.folder.accessibleName() == "Folder"


_WRITE_IN_ONE_PROCESS = """
from pathlib import Path
from app.gui import i18n, theme, window_state
from app.gui.preference_pages import DATABASE_KEY
from app.gui.settings import settings
stored = settings()
stored.setValue(i18n.LANGUAGE_KEY, "zh_CN")
stored.setValue(theme.THEME_KEY, theme.DARK)
stored.setValue(window_state.REOPEN_LAST_ENTRY, False)
stored.setValue(DATABASE_KEY, str(Path.home() / "other.sqlite3"))
stored.sync()
"""

_READ_IN_ANOTHER = """
from app.gui import i18n, theme, window_state
from app.gui.preference_pages import preferred_database
from app.gui.settings import settings
stored = settings()
print(i18n.chosen(stored), theme.chosen(stored),
      stored.value(window_state.REOPEN_LAST_ENTRY, True, type=bool), getattr(preferred_database(stored), 'name', None))
"""


def _python(code: str) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


def test_preferences_survive_a_restart() -> None:
    """Qt caches the INI file within one process, so only a second process sees what a restart
    reads (a group named `general` was written as `[%General]` and lost)."""
    _python(_WRITE_IN_ONE_PROCESS)
    assert _python(_READ_IN_ANOTHER) == f"zh_CN {theme.DARK} False other.sqlite3"


def test_preferences_that_earlier_builds_wrote_are_carried_over(tmp_path: Path) -> None:
    from app.paths import settings_file

    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[%General]\nlanguage=zh_CN\ntheme=dark\nreopen_last_entry=false\n", encoding="utf-8")
    assert _python(_READ_IN_ANOTHER).split()[:3] == ["zh_CN", theme.DARK, "False"]
    assert "[%General]" not in path.read_text(encoding="utf-8")


def test_the_settings_file_is_private() -> None:
    from app.paths import settings_file

    stored = settings()
    stored.setValue(theme.THEME_KEY, theme.DARK)
    stored.sync()
    assert settings_file().stat().st_mode & 0o777 == 0o600
    assert settings_file().parent.stat().st_mode & 0o777 == 0o700
