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


def _slow(monkeypatch: pytest.MonkeyPatch, name: str, seconds: float) -> list[str]:
    """Make Bulk.<name> (undo or redo) take `seconds` longer, in whatever thread runs it; the
    threads it ran in are listed."""
    import threading
    import time

    from app.services.bulk import Bulk

    ran: list[str] = []
    real = getattr(Bulk, name)

    def slow(self: Bulk, *args: object, **kwargs: object) -> object:
        ran.append(threading.current_thread().name)
        time.sleep(seconds)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Bulk, name, slow)
    return ran


def _tag_every_official(qtbot: QtBot, window: MainWindow) -> list[str]:
    window.sidebar.select_kind("person")
    entries = window.entry_list
    entries.table.setFocus()
    qtbot.keyClick(entries.table, Qt.Key.Key_A, CTRL)
    chosen = _slugs(window, entries.selected_entry_ids())
    _menu_action(entries, "Add Tags…").trigger()
    _answer(qtbot, window, "fieldwork")
    bulk = _bulk(window)
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert all("fieldwork" in _tags(window, s) for s in chosen)
    window.activateWindow()  # (the dialog was; Ctrl+Z is the window's shortcut)
    qtbot.waitUntil(window.isActiveWindow)
    return chosen


def test_a_large_undo_runs_off_the_window_and_a_second_ctrl_z_waits(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    from app.gui import bulk_actions

    monkeypatch.setattr(bulk_actions, "IN_BACKGROUND", 2)  # "large": more than 2 entries
    chosen = _tag_every_official(qtbot, window)
    assert len(chosen) > 2
    editing = window.editing  # type: ignore[attr-defined]
    stack = editing.undo_stack
    steps = stack.index()
    undone = _slow(monkeypatch, "undo", 0.6)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    bulk = _bulk(window)

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert bulk.running and bulk.progress.isVisible()
    assert "Undoing" in bulk.progress.format()
    assert window.statusBar().currentMessage() == bulk.progress.format()  # not the action's
    assert not editing.undo_action.isEnabled() and not editing.redo_action.isEnabled()
    assert not editing.new_action.isEnabled() and not editing.edit_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # refused: the first is still running
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    timer.stop()

    assert len(undone) == 1 and undone[0] != "MainThread"  # once, on a worker
    assert len(ticks) >= 10  # the window's event loop ran meanwhile (0.6 s: ~60 ticks)
    assert stack.index() == steps - 1
    assert all("fieldwork" not in _tags(window, s) for s in chosen)  # every one restored
    assert not bulk.progress.isVisible() and editing.redo_action.isEnabled()
    assert editing.new_action.isEnabled()

    redone = _slow(monkeypatch, "redo", 0.2)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert bulk.running
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert len(redone) == 1 and redone[0] != "MainThread"
    assert stack.index() == steps
    assert all("fieldwork" in _tags(window, s) for s in chosen)
    from app.db import list_index

    assert list_index.problems(window.library.db.read()) == []


def test_a_large_undo_that_fails_changes_nothing_and_can_be_tried_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.gui import bulk_actions
    from app.services.bulk import Bulk
    from app.services.writing import DatabaseBusy

    monkeypatch.setattr(bulk_actions, "IN_BACKGROUND", 2)
    chosen = _tag_every_official(qtbot, window)
    stack = window.editing.undo_stack  # type: ignore[attr-defined]
    steps = stack.index()
    told: list[str] = []
    monkeypatch.setattr(bulk_actions.QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    real = Bulk.undo

    def busy(self: Bulk, *args: object, **kwargs: object) -> object:
        raise DatabaseBusy("Another program is writing to the library.")  # type: ignore[arg-type]

    monkeypatch.setattr(Bulk, "undo", busy)
    bulk = _bulk(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert told == ["Another program is writing to the library."]
    assert stack.index() == steps  # not undone: the stack says so too
    assert all("fieldwork" in _tags(window, s) for s in chosen)

    monkeypatch.setattr(Bulk, "undo", real)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the same step, once more
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert stack.index() == steps - 1
    assert all("fieldwork" not in _tags(window, s) for s in chosen)


def test_a_large_redo_that_can_no_longer_be_done_leaves_the_stack(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.gui import bulk_actions, editing

    monkeypatch.setattr(bulk_actions, "IN_BACKGROUND", 2)
    told: list[str] = []
    monkeypatch.setattr(editing.QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    window.sidebar.select_kind("person")
    entries = window.entry_list
    _click(qtbot, entries, 0)
    _click(qtbot, entries, 3, SHIFT)
    _menu_action(entries, "Set Country…").trigger()
    _answer(qtbot, window, "laos")
    bulk = _bulk(window)
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    stack = window.editing.undo_stack  # type: ignore[attr-defined]
    assert stack.count() == 1
    stack.undo()
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    laos = window.lists.ref("laos")
    assert laos is not None
    window.library.editor.purge(laos.id)  # deleted for good since

    stack.redo()
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert stack.count() == 0 and stack.index() == 0  # it left the stack, as a small one does
    assert len(told) == 1 and "has been deleted since" in told[0]
