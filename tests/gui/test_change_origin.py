"""Change announcements carry their origin: a view skips the echo of its own change and
takes in everyone else's, with no flag set around the broadcast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.main_window import MainWindow
from app.gui.notes.panel import NotesPanel
from app.services.library import Library
from tests.gui.conftest import type_text


@pytest.fixture
def window(qtbot: QtBot, mini_db: Database) -> Iterator[MainWindow]:
    win = MainWindow(Library(mini_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    notes_panel(win).editor.autosave.stop()


def notes_panel(window: MainWindow) -> NotesPanel:
    found = window.findChild(NotesPanel)
    assert found is not None
    return found


def test_the_panel_does_not_reload_its_own_change_but_reloads_another_views(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = notes_panel(window)
    editor = panel.editor
    reloads: list[int] = []
    real_reload = editor.reload

    def counting_reload() -> None:
        reloads.append(1)
        real_reload()

    monkeypatch.setattr(editor, "reload", counting_reload)
    seen: list[object] = []
    window.changes.notes_changed.connect(lambda _ids, origin: seen.append(origin))

    window.open_entry("laos")
    panel.new_note()  # announced by the panel
    type_text(qtbot, editor.body, "Mine")
    assert editor.flush()  # announced by the editor
    assert editor.note is not None
    note_id = editor.note.id
    assert seen == [panel, editor]
    assert reloads == []  # what the panel wrote, its editor already shows

    # Another view writes the same note: the open editor shows its text at once.
    somewhere_else = object()
    panel.notes.save(note_id, "Written elsewhere")
    window.changes.announce_notes({note_id}, origin=somewhere_else)
    assert seen[-1] is somewhere_else
    assert reloads == [1]
    assert editor.body.toPlainText() == "Written elsewhere"

    # So does a change from no view in particular (an import).
    window.changes.announce_notes()
    assert reloads == [1, 1]
