"""The Notes and Tags views, notes in the Trash (with undo), the detail page's note and tag links,
tags on entries, creating an entry from a [[link]] to nothing, and what the window remembers —
driven as a researcher would: the sidebar, the keyboard, clicks on links and buttons."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.editing import Editing
from app.gui.main_window import MainWindow
from app.gui.notes.feature import NotesFeature
from app.gui.notes.models import TaggedEntriesModel, TagsModel
from app.gui.notes.preferences_page import NotesPage
from app.records.notes import NoteQuery
from app.services.editing import Editor
from app.services.library import Library
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.tags import Tags
from tests.gui.conftest import click_in_next_dialog, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
# The offscreen platform cannot raise a completion popup or grab the keyboard for it; it says so.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def db(mini_db: Database) -> Database:
    """The mini library with a few more notes: on entries, standalone, tagged, nested."""
    notes = Notes(mini_db)
    ids = dict(mini_db.read().execute("SELECT slug, id FROM entity"))
    notes.create(entry_id=ids["laos"], body="Lao delegation\n\nMet [[alpha]].", tags=["policy/ethics"])
    notes.create(body="Standalone thoughts\n\nabout [[The Meeting]]", tags=["policy"])
    notes.create(entry_id=ids["meeting"], body="Zebra crossing notes", tags=["logistics"])
    Tags(mini_db, notes.writer).set_entry_tags(ids["laos"], ["policy/ethics"])
    notes.writer.close()
    return mini_db


def _open(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(Library(db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> Iterator[MainWindow]:
    win = _open(qtbot, db)
    yield win
    feature(win).panel.editor.autosave.stop()
    win.close()


def feature(window: MainWindow) -> NotesFeature:
    found = window.notes  # type: ignore[attr-defined]
    assert isinstance(found, NotesFeature)
    return found


def editing(window: MainWindow) -> Editing:
    found = window.editing  # type: ignore[attr-defined]
    assert isinstance(found, Editing)
    return found


def titles(model: object) -> list[str]:
    rows = model.rowCount()  # type: ignore[attr-defined]
    return [model.index(r, 0).data() for r in range(rows)]  # type: ignore[attr-defined]


def live_bodies(db: Database) -> dict[str, int]:
    conn = sqlite3.connect(db.path)
    try:
        return {t: i for i, t in conn.execute("SELECT id, title FROM note WHERE deleted_at IS NULL")}
    finally:
        conn.close()


# --- the Notes view ---------------------------------------------------------------------------


@OFFSCREEN_POPUP
def test_the_notes_view_lists_sorts_and_filters_every_note(
    qtbot: QtBot, window: MainWindow, qtmodeltester: object
) -> None:
    view = feature(window).notes_view
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert window.sidebar.item_text("notes") == "Notes  (4)"
    window.sidebar.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)  # Go ▸ Notes
    assert window.list_stack.currentWidget() is view
    assert window.sidebar.current_key() == "notes"
    assert view.table.hasFocus()
    assert len(titles(view.model)) == 4 and view.status.text() == "4 notes"

    view.sort_by.setFocus()
    qtbot.keyClick(view.sort_by, Qt.Key.Key_End)  # Title
    qtbot.keyClick(view.order, Qt.Key.Key_End)  # A to Z
    assert view.order.currentText() == "A to Z"
    assert titles(view.model) == ["Lao delegation", "On Alpha", "Standalone thoughts", "Zebra crossing notes"]
    view.sort_notes("entry", False)  # read in the background (a second at 100,000 notes)
    qtbot.waitUntil(lambda: not view.model.loading)
    assert titles(view.model)[-1] == "Standalone thoughts"  # standalone notes come last
    assert view.sort_by.currentText() == "Entry"

    type_text(qtbot, view.filter, "zebra")
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text() == "1 note matching “zebra”")
    assert titles(view.model) == ["Zebra crossing notes"]
    assert view.table.currentIndex().row() == 0  # Return moved to the first note found
    view.filter.clear()

    completer = view.tag.completer()
    assert completer is not None
    view.tag.setFocus()
    qtbot.keyClicks(view.tag, "ethi")
    completer.setCompletionPrefix("ethi")
    assert completer.currentCompletion() == "policy/ethics"
    view.tag.setEditText("policy")
    qtbot.keyClick(view.tag, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text() == "2 notes tagged “policy”")
    assert sorted(titles(view.model)) == ["Lao delegation", "Standalone thoughts"]  # nested tags too
    view.show_tag(None)
    qtbot.waitUntil(lambda: len(titles(view.model)) == 4)


def test_choosing_a_note_opens_it_and_its_entry_beside_the_list(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    f = feature(window)
    view = f.notes_view
    f.show_notes_view()
    view.sort_notes("title", False)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # the row the cursor is on: the first
    assert f.panel.editor.note is not None and f.panel.editor.note.title == "Lao delegation"
    detail = window.detail_view.detail
    assert detail is not None and detail.ref.slug == "laos"
    assert window.list_stack.currentWidget() is view  # the list stays
    assert view.table.hasFocus()  # moving on with the arrows stays in the list
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert f.panel.editor.note is not None and f.panel.editor.note.title == "On Alpha"
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "alpha"
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # a standalone note: the entry shown stays
    assert f.panel.editor.note is not None and f.panel.editor.note.entry is None
    assert window.detail_view.detail.ref.slug == "alpha"
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is f.panel.editor.body
    type_text(qtbot, f.panel.editor.body, "Edited ")
    assert f.panel.editor.flush()
    view.refresh()
    assert "Edited Standalone thoughts" in titles(view.model)
    assert view.current_note_id() == f.panel.editor.note_id  # still chosen after the save


def test_the_notes_view_sort_and_the_dock_are_restored_on_the_next_launch(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    f = feature(window)
    f.notes_view.sort_notes("created", False)
    dock = f.panel.parentWidget()
    assert dock is not None
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)  # type: ignore[arg-type]
    dock.hide()
    window.close()

    again = _open(qtbot, db)
    try:
        g = feature(again)
        assert g.notes_view.model.query.sort == "created" and not g.notes_view.model.query.descending
        assert g.notes_view.sort_by.currentText() == "Created"
        assert g.notes_view.order.currentText() == "Oldest first"
        assert not g.notes_view.table.isColumnHidden(g.notes_view.model.column_of("created"))
        dock2 = g.panel.parentWidget()
        assert dock2 is not None and not dock2.isVisible()
        assert again.dockWidgetArea(dock2) == Qt.DockWidgetArea.LeftDockWidgetArea  # type: ignore[arg-type]
        again.findChild(type(dock2), "notesDock").toggleViewAction().trigger()  # type: ignore[union-attr]
        assert dock2.isVisible()
    finally:
        g.panel.editor.autosave.stop()
        again.close()
    third = _open(qtbot, db)
    try:
        dock3 = feature(third).panel.parentWidget()
        assert dock3 is not None and dock3.isVisible()
    finally:
        third.close()


# --- the Tags view ----------------------------------------------------------------------------


def test_the_tags_view_shows_nested_counts_and_the_entries_and_notes_of_a_tag(
    qtbot: QtBot, window: MainWindow, qtmodeltester: object
) -> None:
    f = feature(window)
    tags = f.tags_view
    qtmodeltester.check(tags.model)  # type: ignore[attr-defined]
    qtmodeltester.check(tags.entries_model)  # type: ignore[attr-defined]
    assert window.sidebar.item_text("tags") == "Tags"
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)  # Go ▸ Tags
    assert window.list_stack.currentWidget() is tags and tags.tree.hasFocus()
    model = tags.model
    policy = model.index_of("policy")
    assert [model.index(policy.row(), c).data() for c in range(3)] == ["policy", 2, 1]
    ethics = model.index(0, 0, policy)
    assert ethics.data() == "ethics" and tags.tree.isExpanded(policy)
    assert [model.index(0, c, policy).data() for c in (1, 2)] == [1, 1]

    tags.tree.setCurrentIndex(policy)
    assert titles(tags.entries_model) == ["Laos (Country)"]
    assert tags.entries_label.text() == "Entries tagged “policy” (1)"
    assert tags.notes_button.text() == "Show the 2 notes tagged “policy”"
    tags.entries.setCurrentIndex(tags.entries_model.index(0, 0))
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "laos"
    assert window.list_stack.currentWidget() is tags

    tags.tree.setFocus()
    qtbot.keyClick(tags.tree, Qt.Key.Key_Return)  # the tag's notes, in the Notes view
    view = f.notes_view
    assert window.list_stack.currentWidget() is view and window.sidebar.current_key() == "notes"
    assert view.current_tag() == "policy"
    qtbot.waitUntil(lambda: not view.model.loading)  # a tag's notes are read in the background
    assert sorted(titles(view.model)) == ["Lao delegation", "Standalone thoughts"]


def test_tagged_entries_model_passes_the_model_tester(qtmodeltester: object, db: Database) -> None:
    model = TaggedEntriesModel(Tags(db))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.show_tag("POLICY")
    assert titles(model) == ["Laos (Country)"]
    model.show_tag("logistics")
    assert model.rowCount() == 0


def test_the_tags_model_tree_passes_the_model_tester(qtmodeltester: object, db: Database) -> None:
    model = TagsModel(Tags(db))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert titles(model) == ["logistics", "people", "policy"]
    assert model.parent(QModelIndex()) == QModelIndex()


# --- the Trash and undo -----------------------------------------------------------------------


def test_a_deleted_note_comes_back_with_undo_and_from_the_trash(
    qtbot: QtBot, window: MainWindow, db: Database, qtmodeltester: object
) -> None:
    f = feature(window)
    trash = f.trash
    qtmodeltester.check(trash.model)  # type: ignore[attr-defined]
    panel = f.panel
    window.open_entry("alpha")
    panel.table.selectRow(0)
    note_id = panel.editor.note_id
    assert note_id is not None
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "On Alpha" not in live_bodies(db)
    qtbot.waitUntil(lambda: window.sidebar.item_text("trash") == "Trash  (1)")
    undo = editing(window).undo_action
    assert undo.isEnabled() and "On Alpha" in undo.text()
    window.detail_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert live_bodies(db).get("On Alpha") == note_id
    assert panel.editor.note_id == note_id  # back in the editor
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert "On Alpha" not in live_bodies(db) and panel.editor.note is None

    window.sidebar.select("trash")
    trash_view = editing(window).trash_view
    assert window.list_stack.currentWidget() is trash_view
    assert titles(trash.model) == ["On Alpha"]
    trash_view.list.table.setFocus()
    qtbot.keyClick(trash_view.list.table, Qt.Key.Key_Tab)  # from the entries to the notes
    assert trash.table.hasFocus()
    qtbot.keyClick(trash.table, Qt.Key.Key_Space)
    assert "Alpha met people" in trash.preview.toPlainText()
    assert trash_view.restore_button.isEnabled()
    qtbot.mouseClick(trash_view.restore_button, Qt.MouseButton.LeftButton)
    assert live_bodies(db).get("On Alpha") == note_id and trash.model.rowCount() == 0
    assert "Restore note" in undo.text()
    undo.trigger()  # restoring is undoable too
    assert "On Alpha" not in live_bodies(db) and titles(trash.model) == ["On Alpha"]

    trash.table.selectRow(0)
    seen: list[str] = []
    click_in_next_dialog("Cancel", seen)
    qtbot.keyClick(window, Qt.Key.Key_Delete)  # Delete Permanently, after asking
    assert "Delete the note “On Alpha” permanently?" in seen[0]
    assert NoteLists(db).count(NoteQuery(trash=True)) == 1
    click_in_next_dialog("Delete Permanently")
    qtbot.mouseClick(trash_view.purge_button, Qt.MouseButton.LeftButton)
    assert NoteLists(db).count(NoteQuery(trash=True)) == 0 and trash.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.sidebar.item_text("trash") == "Trash  (0)")
    click_in_next_dialog("OK")
    undo.trigger()  # the move to the Trash can no longer be undone: it says so
    assert "no note" in window.statusBar().currentMessage().lower()


def test_choosing_an_entry_in_the_trash_clears_the_chosen_note(qtbot: QtBot, window: MainWindow) -> None:
    f = feature(window)
    window.open_entry("laos")
    f.panel.table.selectRow(0)
    f.panel.delete_note()
    window.open_entry("test-initiative")
    editing(window).delete()
    window.sidebar.select("trash")
    view = editing(window).trash_view
    f.trash.table.selectRow(0)
    assert f.trash.has_choice() and view.has_choice()
    view.list.select_first()
    assert not f.trash.has_choice() and view.current_slug() == "test-initiative"
    f.trash.table.selectRow(0)
    assert view.current_slug() is None and view.has_choice()


def test_what_is_in_the_trash_is_counted_at_start_and_listed_when_first_opened(
    qtbot: QtBot, db: Database
) -> None:
    """The Trash, and the Notes and Tags views, are built when first shown: the sidebar's count
    must not wait for them, and they must list what was there before the window opened."""
    ids = dict(db.read().execute("SELECT slug, id FROM entity"))
    notes = Notes(db)
    trashed = notes.create(entry_id=ids["laos"], body="Old draft\n\nto throw away").id
    notes.move_to_trash(trashed)
    notes.writer.close()
    Editor(db).trash(ids["meeting"])
    live = NoteLists(db).count(NoteQuery())
    window = _open(qtbot, db)
    try:
        assert window.sidebar.item_text("trash") == "Trash  (2)"
        assert window.sidebar.item_text("notes") == f"Notes  ({live})"
        window.sidebar.select("trash")
        view = editing(window).trash_view
        assert window.list_stack.currentWidget() is view
        qtbot.waitUntil(lambda: view.list.model is not None and view.list.model.rowCount() == 1)
        assert titles(feature(window).trash.model) == ["Old draft"]
        window.sidebar.select("tags")
        assert window.list_stack.currentWidget() is feature(window).tags_view
        window.sidebar.select("notes")
        assert feature(window).notes_view.model.rowCount() == live
    finally:
        feature(window).panel.editor.autosave.stop()
        window.close()


# --- the detail page ----------------------------------------------------------------------------


def test_notes_and_tags_on_the_detail_page_are_links(qtbot: QtBot, window: MainWindow) -> None:
    f = feature(window)
    window.open_entry("alpha")
    text = window.detail_view.toPlainText()
    assert "On Alpha" in text and "Lao delegation" in text and "New note on this entry" in text
    html = window.detail_view.toHtml()
    ids = live_bodies(window.library.db)
    assert f'href="note:{ids["Lao delegation"]}"' in html and 'href="new-note:alpha"' in html

    # From the keyboard: Tab through the page's links to the backlink, Enter opens the note.
    window.detail_view.setFocus()
    for _ in range(20):
        qtbot.keyClick(window.detail_view, Qt.Key.Key_Tab)
        if window.detail_view.textCursor().selectedText() == "Lao delegation":
            break
    assert window.detail_view.textCursor().selectedText() == "Lao delegation"
    qtbot.keyClick(window.detail_view, Qt.Key.Key_Return)
    assert f.panel.editor.note_id == ids["Lao delegation"]
    assert QApplication.focusWidget() is f.panel.editor.body

    window.detail_view.anchorClicked.emit(QUrl("new-note:alpha"))
    new = f.panel.editor.note
    assert new is not None and new.entry is not None and new.entry.slug == "alpha"
    assert QApplication.focusWidget() is f.panel.editor.title  # a new note starts at its title

    window.open_entry("laos")
    assert 'href="tag:policy/ethics"' in window.detail_view.toHtml()
    window.detail_view.anchorClicked.emit(QUrl("tag:policy/ethics"))
    assert window.list_stack.currentWidget() is f.tags_view
    assert f.tags_view.current_tag() == "policy/ethics"
    assert titles(f.tags_view.entries_model) == ["Laos (Country)"]


# --- tags on entries --------------------------------------------------------------------------


@OFFSCREEN_POPUP
def test_tagging_an_entry_in_its_form_is_undoable(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    f = feature(window)
    window.open_entry("alpha")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = editing(window).form
    assert form is not None and form.tags.text() == ""
    form.tags.setFocus()
    qtbot.keyClicks(form.tags, "eth")
    popup = form.tags.completer_.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.tags.text() == "policy/ethics, "
    qtbot.keyClicks(form.tags, "People/Ministers")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    alpha = window.lists.ref("alpha")
    assert alpha is not None
    assert Tags(db).of_entry(alpha.id) == ("people/Ministers", "policy/ethics")  # under 'people'
    assert [f.tags_view.model.index(r, 0).data() for r in range(3)] == ["logistics", "people", "policy"]
    html = window.detail_view.toHtml()
    assert 'href="tag:policy/ethics"' in html and 'href="tag:people/Ministers"' in html
    f.show_tags_view()
    assert f.tags_view.model.index_of("people/ministers").isValid()
    editing(window).undo_action.trigger()
    assert Tags(db).of_entry(alpha.id) == ()
    assert "tag:policy/ethics" not in window.detail_view.toHtml()


def test_a_bad_tag_is_shown_by_its_field_and_nothing_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("alpha")
    form = editing(window).edit_entry()
    assert form is not None
    form.tags.setText("good, " + "x" * 150)
    form.submit()
    assert form.isVisible() and "at most 100 characters" in form.slots["tags"].error.text()
    form.reject()


# --- [[links]] to nothing ---------------------------------------------------------------------


def test_a_link_to_nothing_offers_to_create_the_entry(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    f = feature(window)
    window.open_entry("alpha")
    f.panel.table.selectRow(0)
    note_id = f.panel.editor.note_id
    f.panel.editor.preview.anchorClicked.emit(QUrl("missing:Nobody%20Known"))
    offer = f.create_dialog
    assert offer is not None and offer.isVisible()
    offer.kind.setCurrentIndex(offer.kind.findData("organization"))
    qtbot.keyClick(offer.kind, Qt.Key.Key_Return)
    form = editing(window).form
    assert form is not None and form.windowTitle() == "New Organization"
    name = form.slots["name"].widget
    assert name.text() == "Nobody Known"  # type: ignore[union-attr]
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    detail = window.detail_view.detail
    assert detail is not None and detail.ref.name == "Nobody Known"
    assert [n.id for n in detail.backlinks] == [note_id]  # the note links to it at once
    assert "[[Nobody Known]]" not in f.panel.editor.preview.toPlainText()


def test_read_only_says_why_nothing_can_be_created_or_restored(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    f = feature(window)
    window.open_entry("alpha")
    f.panel.table.selectRow(0)
    f.panel.delete_note()
    window.library.db.make_read_only("the test says so")
    window.set_read_only(True)
    f.panel.editor.preview.anchorClicked.emit(QUrl("missing:Somebody"))
    assert f.create_dialog is None
    assert "reading only (the test says so)" in window.statusBar().currentMessage()
    window.detail_view.anchorClicked.emit(QUrl("new-note:alpha"))
    assert "reading only" in window.statusBar().currentMessage()
    assert not f.notes_view.new_button.isEnabled()
    window.sidebar.select("trash")
    f.trash.table.selectRow(0)
    view = editing(window).trash_view
    assert not view.restore_button.isEnabled() and not view.purge_button.isEnabled()
    assert NoteLists(db).count(NoteQuery(trash=True)) == 1


# --- preferences --------------------------------------------------------------------------------


def test_the_autosave_preference(qtbot: QtBot, window: MainWindow) -> None:
    autosave = feature(window).panel.editor.autosave
    assert autosave.max_wait_ms == 1000 and autosave.delay_ms < 1000  # within a second, by default
    dialog = window.preferences.dialog()
    qtbot.addWidget(dialog)
    titles_ = window.preferences.titles()
    dialog.page_list.setCurrentRow(titles_.index("Notes"))
    page = dialog.stack.currentWidget()
    assert isinstance(page, NotesPage) and page.save_within.value() == 1.0
    label = next(
        w for w in page.findChildren(QLabel) if w.buddy() is page.save_within
    )  # the field is announced by its label
    assert label.text().replace("&", "").rstrip(":") == page.save_within.accessibleName()
    page.save_within.setValue(3.0)
    dialog.accept()
    assert autosave.max_wait_ms == 3000 and autosave.delay_ms == 2100
    again = window.preferences.dialog()
    qtbot.addWidget(again)
    notes_page = again.pages[titles_.index("Notes")]
    assert isinstance(notes_page, NotesPage) and notes_page.save_within.value() == 3.0


def test_delete_in_the_notes_panel_trashes_the_note_not_the_entry(qtbot: QtBot, window: MainWindow) -> None:
    from app.gui.notes.panel import NotesPanel

    window.open_entry("alpha")
    panel = window.findChild(NotesPanel)
    assert panel is not None
    panel.table.setFocus()
    panel.table.selectRow(0)
    note_id = panel.editor.note_id
    assert note_id is not None
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    detail = window.details.get("alpha")
    assert detail.deleted_at is None, "the entry beside the note must not be trashed"
    assert note_id not in {n.id for n in detail.notes}


def test_export_list_to_csv_on_the_notes_view_writes_the_notes_it_shows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """File ▸ Export List to CSV… writes the list on screen: on the Notes view its notes, with
    its filter and order (it wrote the officials' list hidden behind it)."""
    from app.gui.list_export import write_list

    f = feature(window)
    view = f.notes_view
    f.show_notes_view()
    view.sort_notes("title", True)
    view.tag.setEditText("policy")
    qtbot.keyClick(view.tag, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text() == "2 notes tagged “policy”")
    target = tmp_path / "notes.csv"
    ok, message = write_list(window, target)
    assert ok, message
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Title", "Entry", "Slug", "Tags", "Updated", "Created"]
    assert [r[0] for r in rows[1:]] == titles(view.model) == ["Standalone thoughts", "Lao delegation"]
    assert rows[2][1:4] == ["Laos", "laos", "policy/ethics"] and rows[1][1:3] == ["", ""]
