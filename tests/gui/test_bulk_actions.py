"""Many entries at once, driven as a researcher would: Shift- and Ctrl-clicks and Ctrl+A choose
rows, the list's context menu adds tags, sets a country or moves them to the Trash, and one
Ctrl+Z takes the whole action back (Ctrl+Shift+Z makes it again)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.gui.bulk_actions import BulkActions
from app.gui.entry_list import EntryList
from app.gui.main_window import MainWindow
from app.services.entries import TRASH
from tests.gui.conftest import type_text

# The completion popups of the dialogs' fields, offscreen.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _bulk(window: MainWindow) -> BulkActions:
    bulk = window.bulk  # type: ignore[attr-defined]
    assert isinstance(bulk, BulkActions)
    return bulk


def _row_point(entries: EntryList, row: int) -> QPoint:
    model = entries.model
    assert model is not None
    return entries.table.visualRect(model.index(row, 0)).center()


def _click(
    qtbot: QtBot, entries: EntryList, row: int, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.mouseClick(entries.table.viewport(), Qt.MouseButton.LeftButton, modifier, _row_point(entries, row))


def _slugs(window: MainWindow, ids: list[int]) -> list[str]:
    conn = window.library.db.read()
    return [conn.execute("SELECT slug FROM entity WHERE id = ?", (i,)).fetchone()[0] for i in ids]


def _tags(window: MainWindow, slug: str) -> tuple[str, ...]:
    ref = window.lists.ref(slug)
    assert ref is not None
    return window.library.tags.of_entry(ref.id)


def _menu_action(entries: EntryList, text: str) -> QAction:
    """The action of the list's context menu called `text` (as the menu shows it, & aside)."""
    assert entries.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    found = [a for a in entries.table.actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in entries.table.actions()]
    return found[0]


def _answer(qtbot: QtBot, window: MainWindow, text: str) -> None:
    dialog = _bulk(window).dialog
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.field, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[union-attr]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_shift_click_chooses_a_range_and_ctrl_click_one_more(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("person")
    entries = window.entry_list
    model = entries.model
    assert model is not None and model.rowCount() >= 6

    _click(qtbot, entries, 1)
    _click(qtbot, entries, 4, SHIFT)
    assert entries.selected_count() == 4
    assert entries.selected_entry_ids() == model.ids_in(1, 4)  # in the list's order
    # The page beside reads the last one clicked; the list says how many are chosen.
    assert window.detail_view.detail is not None
    assert window.detail_view.detail.ref.slug == model.slug_at(4)
    assert entries.status.text().endswith("; 4 selected")

    _click(qtbot, entries, 0, CTRL)
    assert entries.selected_entry_ids() == model.ids_in(0, 4)
    assert window.detail_view.detail.ref.slug == model.slug_at(0)

    _click(qtbot, entries, 3)  # a plain click chooses one again
    assert entries.selected_entry_ids() == model.ids_in(3, 3)
    assert "selected" not in entries.status.text()
    entries.table.setFocus()
    qtbot.keyClick(entries.table, Qt.Key.Key_Down, SHIFT)  # Shift+arrows extend it
    qtbot.keyClick(entries.table, Qt.Key.Key_Down, SHIFT)
    assert entries.selected_entry_ids() == model.ids_in(3, 5)
    assert window.detail_view.detail.ref.slug == model.slug_at(5)


def test_ctrl_a_chooses_every_entry_of_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("source")
    entries = window.entry_list
    model = entries.model
    assert model is not None
    _click(qtbot, entries, 2)
    reading = window.detail_view.detail
    entries.table.setFocus()
    qtbot.keyClick(entries.table, Qt.Key.Key_A, CTRL)
    every = window.lists.count("source")
    assert entries.selected_count() == every == len(set(entries.selected_entry_ids()))
    assert window.detail_view.detail is reading  # still the one clicked
    assert entries.status.text().endswith(f"; {every} selected")


def test_tags_added_from_the_context_menu_come_off_in_one_undo(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("person")
    entries = window.entry_list
    _click(qtbot, entries, 0)
    _click(qtbot, entries, 2, SHIFT)
    chosen = _slugs(window, entries.selected_entry_ids())
    had = {s: _tags(window, s) for s in chosen}

    _menu_action(entries, "Add Tags…").trigger()
    _answer(qtbot, window, "fieldwork, policy/ethics")

    for slug in chosen:
        assert set(_tags(window, slug)) == {*had[slug], "fieldwork", "policy/ethics"}
    assert entries.selected_count() == 3  # still chosen, for the next action
    undo = window.editing.undo_action  # type: ignore[attr-defined]
    assert undo.text().replace("&", "") == "Undo Add fieldwork, policy/ethics to 3 entries"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert {s: _tags(window, s) for s in chosen} == had  # every one, in one step
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    for slug in chosen:
        assert set(_tags(window, slug)) == {*had[slug], "fieldwork", "policy/ethics"}


def test_the_country_is_set_on_the_chosen_and_undone_at_once(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("person")
    entries = window.entry_list
    _click(qtbot, entries, 0)
    _click(qtbot, entries, 3, SHIFT)
    ids = entries.selected_entry_ids()
    conn = window.library.db.read()

    def countries() -> list[int | None]:
        return [conn.execute("SELECT country_id FROM person WHERE id = ?", (i,)).fetchone()[0] for i in ids]

    before = countries()
    laos = window.lists.ref("laos")
    assert laos is not None
    assert _bulk(window).set_parent_action.isVisible() is False  # officials have no parent
    _menu_action(entries, "Set Country…").trigger()
    _answer(qtbot, window, "laos")
    assert countries() == [laos.id] * 4
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert countries() == before


def test_delete_moves_every_chosen_entry_to_the_trash_and_one_undo_brings_them_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.sidebar.select_kind("organization")
    entries = window.entry_list
    listed = window.lists.count("organization")
    trashed = window.lists.count(TRASH)
    _click(qtbot, entries, 1)
    _click(qtbot, entries, 3, CTRL)
    _click(qtbot, entries, 4, CTRL)
    assert entries.selected_count() == 3

    qtbot.keyClick(entries.table, Qt.Key.Key_Delete)
    assert window.lists.count("organization") == listed - 3
    assert window.lists.count(TRASH) == trashed + 3
    assert entries.selected_count() == 1  # the next entry, as for one

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.lists.count("organization") == listed
    assert window.lists.count(TRASH) == trashed
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.lists.count("organization") == listed - 3


def test_export_selection_offers_the_chosen_entries(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("country")
    entries = window.entry_list
    _click(qtbot, entries, 0)
    _click(qtbot, entries, 4, SHIFT)
    _menu_action(entries, "Export Selection…").trigger()
    dialog = window.findChild(object, "exportDialog")
    assert dialog is not None
    assert dialog.selected.isChecked() and dialog.selected.text() == "The selected entries (5)"  # type: ignore[attr-defined]
    assert sorted(dialog.selected_ids) == sorted(entries.selected_entry_ids())  # type: ignore[attr-defined]
    dialog.reject()  # type: ignore[attr-defined]
