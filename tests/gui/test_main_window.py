"""The main window over the seeded database: a researcher's first minute with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.entry_table_model import EntryTableModel
from app.gui.main_window import MainWindow
from app.services.entries import EntryLists
from tests.gui.conftest import type_text


def test_model_passes_qt_model_tester(qtmodeltester: object, seeded_db: Database) -> None:
    model = EntryTableModel(EntryLists(seeded_db), "source")
    model.PAGE = 10  # make the model page in several times
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == EntryLists(seeded_db).count("source")


def test_opens_on_the_officials_with_the_first_one_shown(window: MainWindow) -> None:
    assert window.windowTitle() == "Roundtable"
    assert window.sidebar.current_kind() == "person"
    model = window.entry_list.model
    assert model is not None and model.rowCount() == 13
    assert window.entry_list.status.text() == "13 of 13 officials"
    detail = window.detail_view.detail
    assert detail is not None and detail.ref.slug == model.slug_at(0)


def test_select_an_official_and_read_the_citation(qtbot: QtBot, window: MainWindow) -> None:
    model = window.entry_list.model
    assert model is not None
    row = model.row_of("wang-changlin")
    window.entry_list.table.selectRow(row)
    text = window.detail_view.toPlainText()
    assert "Wang Changlin" in text and "deputy head of the NDRC" in text
    assert "reliability: high" in text
    assert "stressed that AI has become a new driver of growth" in text  # the quoted sentence


def test_filter_narrows_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    type_text(qtbot, window.entry_list.filter, "陈刚")
    qtbot.waitUntil(lambda: window.entry_list.status.text() == "1 of 13 officials")
    model = window.entry_list.model
    assert model is not None and model.slug_at(0) == "chen-gang"


def test_follow_a_link_then_go_back_and_forward(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("sok-puthyvuth")
    window.detail_view.anchorClicked.emit(QUrl("entry:cambodia"))
    assert window.sidebar.current_kind() == "country"
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "cambodia"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.detail_view.detail.ref.slug == "sok-puthyvuth"
    assert window.sidebar.current_kind() == "person"
    window.forward_action.trigger()
    assert window.detail_view.detail.ref.slug == "cambodia"


def test_ctrl_number_switches_kind(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.current_kind() == "country"
    assert window.entry_list.status.text() == "12 of 12 countries"


def test_launch_refuses_a_foreign_file_with_a_dialog(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.gui import launch

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    assert launch.run_gui(str(bogus)) == 1
    assert shown and "not an SQLite file" in shown[0]


def test_an_announced_change_shows_up_at_once(window: MainWindow, seeded_db: Database) -> None:
    window.open_entry("wang-changlin")
    seeded_db.read().execute("UPDATE entity SET name = 'Wang Changlin (edited)' WHERE slug = 'wang-changlin'")
    window.changes.announce_entries({"wang-changlin"})
    assert "Wang Changlin (edited)" in window.detail_view.toPlainText()
    model = window.entry_list.model
    assert model is not None
    assert model.data(model.index(model.row_of("wang-changlin"), 0)) == "Wang Changlin (edited)"
