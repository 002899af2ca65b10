"""Possible duplicates in the sidebar, the merge dialog, and Ctrl+Z putting a merge back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database, open_database
from app.gui.duplicates_view import DUPLICATES_ITEM
from app.gui.main_window import MainWindow
from app.gui.merge_dialog import MergeDialog
from app.services.library import Library
from tests.builders.merge_world import build_duplicates
from tests.conftest import copy_db
from tests.unit.test_merge import dump


@pytest.fixture(scope="module")
def world_file(empty_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = copy_db(empty_template, tmp_path_factory.mktemp("merge-gui") / "world.sqlite3")
    db = open_database(path)
    try:
        ids = build_duplicates(db)
    finally:
        db.close()
    return path, ids


@pytest.fixture
def merging_window(
    qtbot: QtBot, world_file: tuple[Path, dict[str, int]], tmp_path: Path
) -> Iterator[tuple[MainWindow, Database, dict[str, int]]]:
    db = open_database(copy_db(world_file[0], tmp_path / "world.sqlite3"))
    win = MainWindow(Library(db))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win, db, world_file[1]
    win.close()
    db.close()


def _when_dialog(act: Callable[[MergeDialog], None]) -> list[str]:
    """Run `act` on the merge dialog once it is open (it runs modally); returns what went wrong."""
    problems: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        except AssertionError as exc:
            problems.append(str(exc))
            dialog.reject()

    QTimer.singleShot(0, poll)
    return problems


def test_merge_a_group_from_possible_duplicates_then_undo_and_redo(
    qtbot: QtBot, merging_window: tuple[MainWindow, Database, dict[str, int]]
) -> None:
    window, db, ids = merging_window
    before = dump(db)
    window.sidebar.select(DUPLICATES_ITEM)
    view = window.merging.view  # type: ignore[attr-defined]
    assert window.list_stack.currentWidget() is view
    reasons = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert "Same name: Ministry of Science" in reasons
    assert "Same web address: https://Example.org/a/" in reasons
    assert not view.merge_button.isEnabled()
    row = reasons.index("Same name: Ministry of Science")
    group = view.tree.topLevelItem(row)
    assert [group.child(i).text(1) for i in range(group.childCount())] == ["most", "most-2"]
    view.tree.setCurrentItem(group.child(1))  # an entry of the group: shown beside, the group chosen
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "most-2"
    assert view.merge_button.isEnabled() and window.merging.merge_action.isEnabled()  # type: ignore[attr-defined]

    def choose(dialog: MergeDialog) -> None:
        # The one holding more is offered as the one to keep; the researcher keeps the other.
        assert dialog.survivor().ref.id == ids["most-2"]
        dialog.survivor_buttons[0].click()
        assert dialog.survivor().ref.id == ids["most"]
        assert "1 fact" in dialog.summary.text() and "1 note" in dialog.summary.text()
        assert "To the Trash: “ministry of science”." in dialog.summary.text()
        # The merged one's summary is kept; the survivor's country stays.
        dialog.value_buttons["summary"][1].click()
        assert dialog.choices()["summary"] == ids["most-2"]
        assert dialog.choices()["country"] == ids["most"]
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    problems = _when_dialog(choose)
    view.merge_button.click()
    assert problems == []
    conn = db.read()
    assert conn.execute("SELECT summary FROM entity WHERE id = ?", (ids["most"],)).fetchone()[0] == (
        "A duplicate, with more."
    )
    assert conn.execute(
        "SELECT deleted_at IS NOT NULL FROM entity WHERE id = ?", (ids["most-2"],)
    ).fetchone()[0]
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.id == ids["most"]
    # The group is gone from the view.
    assert "Same name: Ministry of Science" not in [
        view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())
    ]
    after = dump(db)

    window.activateWindow()  # the dialog had the focus: the window's shortcuts need it back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(db) == before
    assert "Same name: Ministry of Science" in [
        view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())
    ]
    qtbot.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert dump(db) == after


def test_cancel_changes_nothing_and_kinds_apart_are_refused(
    qtbot: QtBot, merging_window: tuple[MainWindow, Database, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, db, ids = merging_window
    before = dump(db)
    merging = window.merging  # type: ignore[attr-defined]
    problems = _when_dialog(lambda dialog: dialog.reject())
    assert merging.merge([ids["chen-gang"], ids["chen-gang-2"]]) is False
    assert problems == [] and dump(db) == before
    said: list[str] = []
    monkeypatch.setattr(
        "app.gui.duplicates_view.QMessageBox.warning", lambda _parent, _title, text: said.append(text)
    )
    assert merging.merge([ids["most"], ids["chen-gang"]]) is False
    assert said == ["Only entries of one kind can be merged: these are Officials, Organizations."]
    assert dump(db) == before


def test_merge_offered_on_two_entries_chosen_in_a_list(
    qtbot: QtBot, merging_window: tuple[MainWindow, Database, dict[str, int]]
) -> None:
    window, _db, ids = merging_window
    if not hasattr(window.entry_list, "selected_entry_ids"):
        pytest.skip("the list cannot choose several entries yet")
    merging = window.merging  # type: ignore[attr-defined]
    window.sidebar.select_kind("organization")
    window.entry_list.select_slug("most")
    assert not merging.merge_action.isEnabled()  # one entry: nothing to merge with
    model = window.entry_list.table.model()
    table = window.entry_list.table
    for row in range(model.rowCount()):
        if model.index(row, 0).data() in ("Ministry of Science", "ministry of science"):
            table.selectionModel().select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    assert sorted(window.entry_list.selected_entry_ids()) == [ids["most"], ids["most-2"]]
    assert merging.merge_action.isEnabled()
    assert merging.merge_action in window.entry_list.table.actions()  # the list's context menu
    seen: list[list[str]] = []

    def look(dialog: MergeDialog) -> None:
        seen.append([c.ref.slug for c in dialog.candidates])
        dialog.reject()

    problems = _when_dialog(look)
    merging.merge_action.trigger()
    assert problems == [] and seen == [["most", "most-2"]]
