"""The notes panel in the main window: notes on the open entry, a new note, backlinks in the
detail view, history and restore (undoable), the Trash, standalone notes, closing the window;
and the notes, tags and revisions models under qtmodeltester."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.db.connection import connect
from app.db.database import Database
from app.gui.main_window import MainWindow
from app.gui.notes import preview_html
from app.gui.notes.models import TAG_ROLE, NotesTableModel, RevisionListModel, TagsModel
from app.gui.notes.panel import NotesPanel
from app.records.notes import NoteQuery
from app.services.library import Library
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.tags import Tags
from tests.gui.conftest import type_text
from tests.unit.notes_helpers import Clock


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


def bodies(db: Database) -> dict[int, str]:
    conn = sqlite3.connect(db.path)
    try:
        return dict(conn.execute("SELECT id, body FROM note WHERE deleted_at IS NULL"))
    finally:
        conn.close()


def test_the_panel_lists_the_notes_of_the_open_entry(window: MainWindow) -> None:
    notes = panel(window)
    window.open_entry("alpha")
    assert notes.entry is not None and notes.entry.slug == "alpha"
    assert [notes.model.index(r, 0).data() for r in range(notes.model.rowCount())] == ["On Alpha"]
    window.open_entry("laos")
    assert notes.model.rowCount() == 0
    notes.set_scope("all")
    assert notes.model.rowCount() == 1
    window.open_entry("meeting")
    notes.set_scope("mentions")
    assert [notes.model.index(r, 0).data() for r in range(notes.model.rowCount())] == ["On Alpha"]


def test_write_a_note_on_an_entry_and_see_it_and_its_backlinks_in_the_detail(
    qtbot: QtBot, window: MainWindow, mini_db: Database
) -> None:
    notes = panel(window)
    window.open_entry("laos")
    announced: list[set[int]] = []
    window.changes.notes_changed.connect(lambda ids, _origin: announced.append(ids))
    notes.new_note()
    editor = notes.editor
    assert editor.note is not None and editor.note.entry is not None and editor.note.entry.slug == "laos"
    type_text(qtbot, editor.body, "ລາວ notes\nMet [[alpha]] at [[The Meeting]].")
    assert editor.flush()
    note_id = editor.note.id
    assert bodies(mini_db)[note_id] == "ລາວ notes\nMet [[alpha]] at [[The Meeting]]."
    assert note_id in set().union(*announced)
    detail = window.detail_view.detail
    assert detail is not None and "ລາວ notes" in [n.title for n in detail.notes]
    assert "ລາວ notes" in window.detail_view.toPlainText()
    window.open_entry("meeting")
    assert "ລາວ notes" in window.detail_view.toPlainText()  # a backlink
    assert editor.note_id == note_id  # the note being written stays open while browsing


def test_saving_a_note_leaves_the_list_of_entries_alone(qtbot: QtBot, window: MainWindow) -> None:
    """A note changes its entry's page (its notes, the mentions), not the list of entries: an
    autosave while typing must not re-read a list of 100,000 (a stall of 200 ms each time)."""
    notes = panel(window)
    window.open_entry("laos")
    notes.new_note()
    model = window.entry_list.model
    assert model is not None
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    type_text(qtbot, notes.editor.body, "Vientiane visit — met [[alpha]].")
    assert notes.editor.flush()
    type_text(qtbot, notes.editor.body, " Again.")
    assert notes.editor.flush()
    assert resets == []
    assert "Vientiane visit" in window.detail_view.toPlainText()
    window.open_entry("alpha")
    assert "Vientiane visit" in window.detail_view.toPlainText()  # the mention, on the other page


def test_links_in_the_note_navigate(qtbot: QtBot, window: MainWindow) -> None:
    notes = panel(window)
    window.open_entry("alpha")
    notes.table.selectRow(0)
    assert notes.editor.note is not None and notes.editor.note.title == "On Alpha"
    notes.editor.preview.anchorClicked.emit(QUrl("entry:meeting"))
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "meeting"
    notes.editor.preview.anchorClicked.emit(QUrl("missing:Nobody%20Known"))
    offer = window.notes.create_dialog  # type: ignore[attr-defined]
    assert offer is not None and offer.isVisible()
    assert "No entry is called “Nobody Known”" in offer.findChild(QLabel).text()
    offer.reject()


def test_delete_moves_the_note_to_the_trash(qtbot: QtBot, window: MainWindow, mini_db: Database) -> None:
    notes = panel(window)
    window.open_entry("alpha")
    notes.table.selectRow(0)
    note_id = notes.editor.note_id
    assert note_id is not None
    notes.delete_note()
    assert notes.editor.note is None and notes.model.rowCount() == 0
    assert "Trash" in window.statusBar().currentMessage()
    assert NoteLists(mini_db).count(NoteQuery(trash=True)) == 1
    window.open_entry("meeting")
    assert "On Alpha" not in window.detail_view.toPlainText()
    Notes(mini_db).restore_from_trash(note_id)
    window.changes.announce_notes({note_id})
    window.open_entry("alpha")
    assert notes.model.rowCount() == 1


def test_a_standalone_note(qtbot: QtBot, window: MainWindow, mini_db: Database) -> None:
    notes = panel(window)
    notes.new_standalone_note()
    assert notes.scope.currentData() == "standalone"
    type_text(qtbot, notes.editor.body, "想法 ideas for later")
    notes.editor.flush()
    assert notes.editor.note is not None and notes.editor.note.entry is None
    assert [notes.model.index(r, 0).data() for r in range(notes.model.rowCount())] == ["想法 ideas for later"]
    assert "Standalone" in notes.editor.header.text()


def test_history_restore_and_undo_the_restore(qtbot: QtBot, window: MainWindow, mini_db: Database) -> None:
    clock = Clock()
    service = Notes(mini_db, now=clock)
    alpha = window.lists.ref("alpha")
    assert alpha is not None
    note = service.create(entry_id=alpha.id, body="Draft one")
    for text in ("Draft two", "Draft three"):
        clock.advance(3600)
        service.save(note.id, text)
    service.writer.close()
    notes = panel(window)
    window.open_entry("alpha")
    notes.model.refresh()
    notes.table.selectRow(notes.model.row_of(note.id))
    notes.tabs.setCurrentWidget(notes.revisions)
    revisions = notes.revisions
    assert revisions.model.rowCount() == 3  # the current text and two earlier ones
    assert revisions.model.index(0, 0).data().startswith("Current")
    revisions.list.setCurrentIndex(revisions.model.index(2, 0))
    assert "Draft one" in revisions.preview.toPlainText()
    assert revisions.restore_button.isEnabled()
    qtbot.mouseClick(revisions.restore_button, Qt.MouseButton.LeftButton)
    assert notes.tabs.currentWidget() is notes.editor
    assert notes.editor.body.toPlainText() == "Draft one"
    assert bodies(mini_db)[note.id] == "Draft one"
    assert revisions.model.rowCount() == 4  # "Draft three" was kept before it was replaced
    notes.editor.body.setFocus()
    qtbot.keyClick(notes.editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.editor.body.toPlainText() == "Draft three"
    notes.editor.flush()
    assert bodies(mini_db)[note.id] == "Draft three"
    history = [Notes(mini_db).revision(r.id).body for r in Notes(mini_db).revisions(note.id)]
    assert {"Draft one", "Draft two", "Draft three"} <= set(history)


def test_closing_the_window_saves_and_asks_before_losing_text(
    qtbot: QtBot, window: MainWindow, mini_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = panel(window)
    window.open_entry("alpha")
    notes.table.selectRow(0)
    notes.editor.autosave.set_intervals(delay_ms=60_000, retry_ms=60_000)
    type_text(qtbot, notes.editor.body, " more")
    other = connect(mini_db.path)
    other.execute("BEGIN EXCLUSIVE")
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: answers.pop(0))
    try:
        assert not window.close()  # the user chose to keep the window open
        assert window.isVisible() and not answers
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert window.close()  # now it can be saved: no question asked
    assert bodies(mini_db)[notes.editor.note_id or 0].startswith(" moreAlpha met")


# --- models -----------------------------------------------------------------------------------


def test_notes_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester: object, mini_db: Database) -> None:
    service = Notes(mini_db)
    for n in range(12):
        service.create(body=f"Note {n}", tags=["policy/ethics"] if n % 2 else [])
    model = NotesTableModel(NoteLists(mini_db))
    model.PAGE = 5
    model.reset()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 13
    model.sort(0, Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles[:3] == ["Note 0", "Note 1", "Note 10"]
    model.set_query(NoteQuery(tag="policy"))  # a tag's notes are read in the background
    qtbot.waitUntil(lambda: not model.loading and model.counted is not None)
    assert model.rowCount() == 5 and model.matching == 6
    model.fetchMore(model.index(-1, -1))
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    assert not model.canFetchMore(model.index(-1, -1))


def test_tags_model_passes_qt_model_tester(qtmodeltester: object, mini_db: Database) -> None:
    service = Notes(mini_db)
    service.create(body="a", tags=["policy/ethics", "policy/data"])
    model = TagsModel(Tags(mini_db))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    top = [model.index(r, 0) for r in range(model.rowCount())]
    assert [(i.data(), i.siblingAtColumn(1).data()) for i in top] == [("people", 1), ("policy", 1)]
    policy = top[1]
    nested = [model.index(r, 0, policy) for r in range(model.rowCount(policy))]
    assert [(i.data(), i.data(TAG_ROLE), i.siblingAtColumn(1).data()) for i in nested] == [
        ("data", "policy/data", 1),
        ("ethics", "policy/ethics", 1),
    ]
    assert model.index_of("Policy/Ethics") == nested[1] and model.parent(nested[1]) == policy
    service.create(body="b", tags=["policy/ethics/ai"])
    model.refresh()
    ethics = model.index_of("policy/ethics")
    assert model.rowCount(ethics) == 1 and model.index_of("policy").siblingAtColumn(1).data() == 2


def test_revisions_model_passes_qt_model_tester(qtmodeltester: object, mini_db: Database) -> None:
    clock = Clock()
    service = Notes(mini_db, now=clock)
    note = service.create(body="one")
    for text in ("two", "three"):
        clock.advance(3600)
        service.save(note.id, text)
    model = RevisionListModel(service)
    model.show_note(note.id)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 3
    assert model.revision_id_at(0) is None and model.revision_id_at(1) is not None


def test_the_preview_renderer_loads_in_the_background_once_the_window_shows(
    qtbot: QtBot, mini_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading Markdown (~0.1 s) was the longest stall of writing the first note of a session
    (its first preview): it now happens on a worker thread after the window's first paint."""
    on_main_thread: list[bool] = []
    real = preview_html.prepare

    def prepare() -> None:
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        real()

    monkeypatch.setattr(preview_html, "prepare", prepare)
    win = MainWindow(Library(mini_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(on_main_thread), timeout=10_000)
    assert on_main_thread == [False]
    win.close()
