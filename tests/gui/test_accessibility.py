"""Every interactive widget has an accessible name, and it is the label a sighted user reads
next to it (its own text, or its QLabel buddy); icon-only buttons say what they do."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.gui.editing import Editing
from app.gui.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
)


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip(":").strip()


def _problems(root: QWidget, at_least: int = 6) -> list[str]:
    labels = {id(label.buddy()): _plain(label.text()) for label in root.findChildren(QLabel) if label.buddy()}
    found = []
    checked = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(root) or isinstance(widget.parent(), QLineEdit | QAbstractSpinBox):
            continue  # hidden, or a part Qt draws inside a field (the clear button)
        # What Qt tells assistive technology; a combo box on Linux reports its value as the
        # name (labels travel as relations there), so its own accessibleName is what counts.
        iface = QAccessible.queryAccessibleInterface(widget)
        name = widget.accessibleName() or (iface.text(QAccessible.Text.Name) if iface is not None else "")
        checked += 1
        if isinstance(widget, QAbstractButton) and widget.text():
            expected: str | None = _plain(widget.text())
        else:
            expected = labels.get(id(widget))
        what = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if not name:
            found.append(f"{what} (label {expected!r}) has no accessible name")
        elif expected is not None and _plain(name) != expected:
            found.append(f"{what}: accessible name {name!r}, visible label {expected!r}")
    assert checked >= at_least, "the walk found almost nothing to check"
    return found


def test_main_window(window: MainWindow) -> None:
    assert _problems(window) == []


def test_trash_page(window: MainWindow) -> None:
    window.sidebar.select("trash")
    assert _problems(window) == []


def test_edit_form_with_titles_and_other_names(qtbot: QtBot, window: MainWindow) -> None:
    editing = window.editing  # type: ignore[attr-defined]
    assert isinstance(editing, Editing)
    window.open_entry("boviengkham-vongdara")
    form = editing.edit_entry()
    assert form is not None and form.alias_rows and form.role_rows
    form.show_errors({"name": "A name is required.", "roles[0].end": "The end is before the start."})
    assert _problems(form) == []
    assert form.role_rows[0].fields["end"].accessibleDescription() == "The end is before the start."
    form.reject()


def test_every_kind_of_form(qtbot: QtBot, window: MainWindow) -> None:
    editing = window.editing  # type: ignore[attr-defined]
    for kind in ("person", "country", "organization", "initiative", "event", "source"):
        form = editing.new_entry(kind)
        form.add_alias()
        assert _problems(form) == [], kind
        form.reject()


def test_preferences(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.preferences.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert _problems(dialog, at_least=4) == []


def test_notes_and_tags_views(window: MainWindow) -> None:
    notes = window.notes  # type: ignore[attr-defined]
    notes.show_notes_view()
    assert _problems(window) == []
    notes.show_tag("asean-member")
    assert notes.tags_view.entries_model.rowCount() > 0
    assert _problems(window) == []


def test_trash_with_a_note(window: MainWindow) -> None:
    notes = window.notes  # type: ignore[attr-defined]
    window.open_entry("timor-leste")
    notes.panel.table.selectRow(0)
    notes.panel.delete_note()
    window.sidebar.select("trash")
    notes.trash.table.selectRow(0)
    assert notes.trash.table.isVisibleTo(window)
    assert _problems(window) == []


def test_the_offer_to_create_a_linked_entry(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.notes.offer_entry("Nobody Known")  # type: ignore[attr-defined]
    assert dialog is not None
    assert _problems(dialog, at_least=3) == []
    dialog.reject()


def test_every_preferences_page(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.preferences.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for row in range(dialog.page_list.count()):
        dialog.page_list.setCurrentRow(row)
        assert _problems(dialog, at_least=4) == [], dialog.page_list.item(row).text()
