"""A new note is written as a form is filled in (issue #19): it starts in the title, and Tab
moves title -> tags -> text -> on, so a newcomer's title and tags do not end up in the text.
Ctrl+Tab writes a tab in the text where one is wanted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.main_window import MainWindow
from app.gui.notes.panel import NotesPanel
from app.services.library import Library

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, mini_db: Database) -> Iterator[MainWindow]:
    win = MainWindow(Library(mini_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    panel(win).editor.autosave.stop()


def panel(window: MainWindow) -> NotesPanel:
    found = window.findChild(NotesPanel)
    assert found is not None
    return found


def test_a_new_note_starts_in_the_title_and_tab_moves_through_it_as_a_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = panel(window).editor
    window.open_entry("laos")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert editor.note is not None
    qtbot.waitUntil(editor.title.hasFocus)

    qtbot.keyClicks(editor.title, "Visit")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert editor.tags.hasFocus()
    qtbot.keyClicks(editor.tags, "travel")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert editor.body.hasFocus()
    qtbot.keyClicks(editor.body, "Met the minister.")
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    assert not editor.body.hasFocus()  # Tab moves on, as in a form
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.body.hasFocus()  # and Shift+Tab comes back

    assert editor.title.text() == "Visit"
    assert editor.tags.text().startswith("travel")
    assert editor.body.toPlainText() == "Met the minister."
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab, CTRL)  # a tab, where one is wanted
    assert editor.body.toPlainText() == "Met the minister.\t"
    assert editor.body.hasFocus()
