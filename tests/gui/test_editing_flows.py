"""Creating, editing, deleting, restoring and undoing, driven through the window as a
researcher would: shortcuts, typing into the form, clicking Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.editing import Editing
from app.gui.entry_form import EntryForm
from app.gui.main_window import MainWindow
from app.services.entries import TRASH, EntryLists
from tests.gui.conftest import click_message_box_button, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _editing(window: MainWindow) -> Editing:
    editing = window.editing  # type: ignore[attr-defined]
    assert isinstance(editing, Editing)
    return editing


def _form(window: MainWindow) -> EntryForm:
    form = _editing(window).form
    assert form is not None and form.isVisible()
    return form


def _line(form: EntryForm, key: str) -> QLineEdit:
    widget = form.slots[key].widget
    assert isinstance(widget, QLineEdit)
    return widget


def _save(qtbot: QtBot, form: EntryForm) -> None:
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _shown(window: MainWindow) -> str:
    detail = window.detail_view.detail
    assert detail is not None
    return detail.ref.slug


def test_new_official_from_the_keyboard(qtbot: QtBot, window: MainWindow, seeded_db: Database) -> None:
    before = EntryLists(seeded_db).count("person")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = _form(window)
    assert form.windowTitle() == "New Official"
    type_text(qtbot, _line(form, "name"), "Nguyen Van Test")
    assert _line(form, "slug").placeholderText() == "nguyen-van-test"
    country = form.slots["country"].widget
    assert isinstance(country, QLineEdit)
    type_text(qtbot, country, "Vietnam")
    qtbot.mouseClick(form.add_alias_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.alias_rows[0].fields["value"], "阮文测试")
    _save(qtbot, form)
    assert not form.isVisible()
    assert _shown(window) == "nguyen-van-test"
    assert window.entry_list.status.text() == f"{before + 1} of {before + 1} officials"
    assert window.sidebar.item_text("person") == f"Officials  ({before + 1})"
    text = window.detail_view.toPlainText()
    assert "阮文测试" in text and "Vietnam" in text


def test_a_validation_error_is_shown_by_its_field_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    window.open_entry("wang-changlin")
    name_before = window.detail_view.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = _form(window)
    role = form.role_rows[0]
    end = role.fields["end"]
    assert isinstance(end, QLineEdit)
    end.clear()
    type_text(qtbot, end, "2019-02-30")
    _line(form, "name").clear()
    _save(qtbot, form)
    assert form.isVisible()
    assert form.summary_error.isVisible()
    assert form.summary_error.text().startswith("Nothing was saved: 2 fields need attention.")
    assert form.slots["name"].error.text() == "A name is required."
    assert role.error.text() == "Until: 2019-02-30 is not a day of the calendar."
    assert form.focusWidget() is form.slots["name"].widget  # the first field to fix
    assert window.detail_view.toPlainText() == name_before
    assert EntryLists(seeded_db).ref("wang-changlin") is not None
    form.reject()


def test_edit_shows_at_once_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("laos")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = _form(window)
    capital = _line(form, "capital")
    capital.clear()
    type_text(qtbot, capital, "Vientiane Capital")
    _save(qtbot, form)
    assert "Vientiane Capital" in window.detail_view.toPlainText()
    model = window.entry_list.model
    assert model is not None and model.kind == "country"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "Vientiane Capital" not in window.detail_view.toPlainText()
    assert "Vientiane" in window.detail_view.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "Vientiane Capital" in window.detail_view.toPlainText()


def test_rename_keeps_links_and_history_working(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("cambodia")
    window.open_entry("sok-puthyvuth")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = _form(window)
    slug = _line(form, "slug")
    slug.clear()
    type_text(qtbot, slug, "sok-puthyvuth-renamed")
    _save(qtbot, form)
    assert _shown(window) == "sok-puthyvuth-renamed"
    window.go_back()
    assert _shown(window) == "cambodia"
    assert "Sok Puthyvuth" in window.detail_view.toPlainText()  # the country links to the renamed official
    window.go_forward()
    assert _shown(window) == "sok-puthyvuth-renamed"


def test_delete_moves_to_the_trash_selects_the_next_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    lists = EntryLists(seeded_db)
    people = lists.count("person")
    window.open_entry("chen-gang")
    following = window.entry_list.model.slug_at(window.entry_list.model.row_of("chen-gang") + 1)  # type: ignore[union-attr]
    window.entry_list.table.setFocus()
    qtbot.keyClick(window.entry_list.table, Qt.Key.Key_Delete)
    assert lists.count("person") == people - 1
    assert window.entry_list.status.text() == f"{people - 1} of {people - 1} officials"
    assert window.sidebar.item_text("trash") == "Trash  (1)"
    assert _shown(window) == following
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert lists.count("person") == people
    assert _shown(window) == "chen-gang"
    assert window.sidebar.item_text("trash") == "Trash  (0)"


def test_delete_key_in_the_filter_edits_the_text(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    people = EntryLists(seeded_db).count("person")
    window.focus_filter()
    type_text(qtbot, window.entry_list.filter, "wang")
    qtbot.keyClick(window.entry_list.filter, Qt.Key.Key_Home)
    qtbot.keyClick(window.entry_list.filter, Qt.Key.Key_Delete)
    assert window.entry_list.filter.text() == "ang"
    assert EntryLists(seeded_db).count("person") == people


def test_trash_restore_and_delete_permanently(qtbot: QtBot, window: MainWindow, seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    editing = _editing(window)
    for slug in ("chen-gang", "wei-tao"):
        window.open_entry(slug)
        editing.delete_action.trigger()
    window.sidebar.select("trash")
    trash = editing.trash_view
    assert window.list_stack.currentWidget() is trash
    qtmodel = trash.list.model
    assert qtmodel is not None and qtmodel.matching == 2
    assert trash.list.status.text() == "2 of 2 entries in the trash"

    trash.list.table.selectRow(qtmodel.row_of("chen-gang"))
    assert "In the Trash since" in window.detail_view.toPlainText()
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert lists.count(TRASH) == 1 and lists.ref("chen-gang") is not None
    assert window.sidebar.item_text("trash") == "Trash  (1)"

    trash.list.select_first()
    assert trash.current_slug() == "wei-tao"
    shown = click_message_box_button(qtbot, "Cancel")
    qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert shown[0] == "Delete “Wei Tao” permanently?"
    assert lists.ref("wei-tao") is not None  # cancelled: nothing happened

    window.activateWindow()  # back from the message box
    qtbot.waitUntil(lambda: window.isActiveWindow())
    shown = click_message_box_button(qtbot, "Delete Permanently")
    qtbot.keyClick(trash.list.table, Qt.Key.Key_Delete)  # Delete in the Trash deletes for good
    assert "cannot be undone" in shown[1]
    assert lists.ref("wei-tao") is None
    assert lists.count(TRASH) == 0
    assert window.sidebar.item_text("trash") == "Trash  (0)"


def test_undo_of_a_create_removes_it_and_redo_brings_it_back(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    window.sidebar.select("source")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = _form(window)
    assert form.windowTitle() == "New Source"
    type_text(qtbot, _line(form, "name"), "Field notes")
    type_text(qtbot, _line(form, "publisher"), "Field Press")  # a source names its publisher
    _save(qtbot, form)
    assert _shown(window) == "field-notes"
    editing = _editing(window)
    assert editing.undo_action.text().replace("&", "") == "Undo Create “Field notes”"
    editing.undo_action.trigger()
    assert EntryLists(seeded_db).ref("field-notes") is None
    assert window.detail_view.detail is None
    editing.redo_action.trigger()
    assert _shown(window) == "field-notes"


def test_undo_that_can_no_longer_apply_says_so(qtbot: QtBot, window: MainWindow, seeded_db: Database) -> None:
    window.open_entry("wei-tao")
    editing = _editing(window)
    editing.delete_action.trigger()
    editing.editor.purge(EntryLists(seeded_db).ref("wei-tao").id)  # type: ignore[union-attr]
    shown = click_message_box_button(qtbot, "OK")
    editing.undo_action.trigger()
    assert "no longer exists" in shown[0]
    assert editing.undo_stack.count() == 0


def test_an_edit_shows_in_lists_shown_earlier(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select("country")
    model = window.entry_list.model
    assert model is not None
    laos = model.row_of("laos")
    officials = int(model.data(model.index(laos, 3)))
    window.sidebar.select("person")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = _form(window)
    type_text(qtbot, _line(form, "name"), "Somphone Test")
    country = form.slots["country"].widget
    assert isinstance(country, QLineEdit)
    type_text(qtbot, country, "laos")
    _save(qtbot, form)
    window.sidebar.select("country")
    model = window.entry_list.model
    assert model is not None and model.kind == "country"
    assert int(model.data(model.index(model.row_of("laos"), 3))) == officials + 1
