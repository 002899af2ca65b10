"""What a newcomer meets on the first screen (issue #19): the Trash after a restore, the
toolbar in each view, Esc in the search box, Ctrl+F beside an entry, the notes panel and the
list's columns at a laptop's size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.editing import Editing
from app.gui.main_window import MainWindow


def _editing(window: MainWindow) -> Editing:
    editing = window.editing  # type: ignore[attr-defined]
    assert isinstance(editing, Editing)
    return editing


def test_after_a_restore_the_trash_shows_the_next_entry_or_nothing(qtbot: QtBot, window: MainWindow) -> None:
    editing = _editing(window)
    for slug in ("chen-gang", "wei-tao"):
        window.open_entry(slug)
        editing.delete_action.trigger()
    window.open_entry("laos")
    window.sidebar.select("trash")
    trash = editing.trash_view
    # Nothing is chosen yet: the page beside shows no entry (Laos is not in the Trash).
    assert trash.current_slug() is None
    assert window.detail_view.detail is None

    model = trash.list.model
    assert model is not None
    trash.list.table.selectRow(model.row_of("chen-gang"))
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "chen-gang"
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trash.current_slug() == "wei-tao")
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "wei-tao"

    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert trash.current_slug() is None
    assert window.detail_view.detail is None  # not Wei Tao, restored and gone from the Trash


def test_esc_in_the_search_box_clears_the_query_and_export_forgets_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    from app.gui.import_export_dialogs import ExportDialog
    from app.gui.search_feature import SearchFeature

    search = window.search  # type: ignore[attr-defined]
    assert isinstance(search, SearchFeature)
    window.entry_list.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert search.box.hasFocus()
    qtbot.keyClicks(search.box, "chen")
    qtbot.waitUntil(lambda: search.box.panel.isVisible())
    qtbot.keyClick(search.box, Qt.Key.Key_Escape)
    assert search.box.text() == ""
    assert not search.box.panel.isVisible()
    assert window.entry_list.table.hasFocus()  # back where the researcher was

    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.search_text == ""
    assert "search for" not in dialog.results.text()


def _toolbar(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.toolbar.actions() if a.text() and a.isVisible()]


def test_the_toolbar_offers_what_fits_the_view_shown(qtbot: QtBot, window: MainWindow) -> None:
    notes = window.notes  # type: ignore[attr-defined]
    entry_tools = ["New Official…", "Edit Entry…", "Move to Trash"]
    note_tools = ["New Note", "Move Note to Trash"]
    shown = _toolbar(window)
    assert shown[:2] == ["Back", "Forward"]
    assert shown[2:5] == entry_tools and not set(note_tools) & set(shown)

    notes.show_notes_view()
    shown = _toolbar(window)
    assert shown[2:4] == note_tools and not set(entry_tools) & set(shown)
    trash_note = next(a for a in window.toolbar.actions() if a.text() == "Move Note to Trash")
    assert not trash_note.isEnabled()  # no note open yet
    notes.notes_view.table.selectRow(0)
    qtbot.waitUntil(lambda: notes.panel.editor.note_id is not None)
    assert trash_note.isEnabled()

    notes.show_tags_view()
    shown = _toolbar(window)
    assert shown[2] == "New Note" and not {*entry_tools, "Move Note to Trash"} & set(shown)
    new_note = next(a for a in window.toolbar.actions() if a.text() == "New Note")
    new_note.trigger()
    assert notes.panel.editor.note is not None and notes.panel.editor.note.entry is None

    window.sidebar.select_kind("country")
    shown = _toolbar(window)
    assert shown[2:5] == ["New Country…", "Edit Entry…", "Move to Trash"] and not set(note_tools) & set(shown)
