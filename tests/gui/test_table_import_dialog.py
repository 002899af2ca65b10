"""File ▸ Import Table… and Export List to CSV…, driven as a researcher would: choose a table,
see its columns mapped and its rows previewed, fix a column's field, import; export a filtered
list and import it back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.list_export import write_list
from app.gui.main_window import MainWindow
from app.gui.table_import import TableImportDialog


def _count(window: MainWindow, sql: str) -> int:
    conn = sqlite3.connect(window.library.path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _dialog(qtbot: QtBot, window: MainWindow, path: Path, kind: str) -> TableImportDialog:
    dialog = TableImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(kind))
    dialog.path_edit.setText(str(path))
    dialog._load()
    _settle(qtbot, dialog)
    return dialog


def _settle(qtbot: QtBot, dialog: TableImportDialog) -> None:
    """Until the check that the last change started has ended."""
    qtbot.waitUntil(
        lambda: dialog.task is None and dialog.status.text() not in ("Checking…", "Working…"), timeout=30_000
    )


def test_the_file_menu_offers_import_table_and_export_list(window: MainWindow) -> None:
    names = [a.objectName() for a in window.file_menu.actions()]
    assert "importTableAction" in names and "exportListAction" in names
    assert any(a.objectName() == "exportListAction" for a in window.entry_list.table.actions())


def test_problems_block_the_import_until_the_mapping_is_fixed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    table = tmp_path / "people.csv"
    table.write_text(
        "Full name;Land;Title\nNew Official;Laos;Adviser\nOther Official;Atlantis;Clerk\n", encoding="utf-8"
    )
    people = _count(window, "SELECT count(*) FROM person")
    dialog = _dialog(qtbot, window, table, "person")
    # "Full name" and "Land" are not field titles: ignored until chosen.
    assert [c.currentData() for c in dialog.combos] == ["", "", "title"]
    assert dialog.status.text() == "Choose the column that holds the names."
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("name"))
    _settle(qtbot, dialog)
    assert dialog.run_button.isEnabled()  # both new, no problem yet: country ignored
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("country"))
    _settle(qtbot, dialog)
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "Row 3, column “Land”: Nothing among countries is called “Atlantis”; add it first."
    ]
    assert not dialog.run_button.isEnabled()
    assert dialog.preview.item(0, 1).text() == "new" and dialog.preview.item(1, 1).text() == "problem"
    assert dialog.preview.horizontalHeaderItem(2).text() == "Name"
    table.write_text(
        "Full name;Land;Title\nNew Official;Laos;Adviser\nOther Official;LA;Clerk\n", encoding="utf-8"
    )
    dialog.table = None
    dialog._load()  # read again: its columns are mapped afresh, by their titles
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("name"))
    _settle(qtbot, dialog)
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("country"))
    _settle(qtbot, dialog)
    assert dialog.problems.count() == 0 and dialog.run_button.isEnabled()
    assert _count(window, "SELECT count(*) FROM person") == people  # checking wrote nothing
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert _count(window, "SELECT count(*) FROM person") == people + 2
    assert dialog.status.text().startswith("people.csv: 2 created, 0 updated, 0 unchanged.")
    assert "To undo it, restore the backup made just before" in dialog.status.text()
    assert not dialog.run_button.isEnabled()


def test_a_filtered_list_exports_as_shown_and_imports_back_unchanged(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.entry_list.show_kind("organization")
    model = window.entry_list.model
    assert model is not None
    model.set_filter("ministry")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    target = tmp_path / "orgs.csv"
    ok, message = write_list(window, target)
    assert ok and message.startswith(f"Wrote {target}:")
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Name,Abbreviation,Kind,Country,Slug,uid"
    shown = [model.slug_at(row) for row in range(model.rowCount())]
    slugs = [line.split(",")[-2] for line in lines[1:]]
    assert slugs == shown and 0 < len(shown) < _count(window, "SELECT count(*) FROM organization")
    names = slugs
    dialog = _dialog(qtbot, window, target, "organization")
    assert dialog.problems.count() == 0
    assert dialog.checked is not None and dialog.checked.count("unchanged") == len(names)
    assert not dialog.run_button.isEnabled()  # nothing would change
