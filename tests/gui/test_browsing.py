"""Browsing as a researcher does: keyboard, sorting, mouse back button, and what the window
remembers when it is closed and opened again."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database, open_database
from app.gui.entry_table_model import EntryTableModel, stop_background_reads
from app.gui.main_window import MainWindow
from app.gui.preferences import GeneralPage
from app.services.entries import TRASH, EntryLists
from app.services.library import Library

CTRL = Qt.KeyboardModifier.ControlModifier


def test_models_pass_the_qt_model_tester(qtbot: QtBot, qtmodeltester: object, seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    seeded_db.read().execute(
        "UPDATE entity SET deleted_at = '2026-01-01T00:00:00+00:00' WHERE kind = 'event'"
    )
    for kind in ("person", "country", "organization", "initiative", "event", "source", TRASH):
        model = EntryTableModel(lists, kind)
        model.PAGE = 3
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_filter("a")
        model.sort(1, Qt.SortOrder.DescendingOrder)

        def fetched_all(model: EntryTableModel = model, kind: str = kind) -> bool:
            # as a view scrolled to the end asks: the rest arrives from the background
            while model.canFetchMore(model.index(-1, -1)):
                model.fetchMore(model.index(-1, -1))
            return model.rowCount() == lists.count(kind, "a")

        qtbot.waitUntil(fetched_all, timeout=10_000)


def test_sorting_by_a_column_header_sorts_in_sql(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select("country")
    header = window.entry_list.table.horizontalHeader()
    model = window.entry_list.model
    assert model is not None
    x = header.sectionViewportPosition(1) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    isos = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert isos == sorted(isos)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == sorted(isos, reverse=True)


def test_find_focuses_the_filter_and_return_goes_to_the_first_match(qtbot: QtBot, window: MainWindow) -> None:
    # Find from the list filters the list (from elsewhere it opens the search box: test_search_gui)
    window.entry_list.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.entry_list.filter
    qtbot.keyClicks(window.entry_list.filter, "laos")
    qtbot.keyClick(window.entry_list.filter, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.entry_list.table
    assert window.entry_list.model is not None and window.entry_list.model.matching >= 1


def test_f6_moves_between_the_panes(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.entry_list.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.detail_view
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.notes_panel.table  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.sidebar
    qtbot.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.notes_panel.table  # type: ignore[attr-defined]


def test_arrow_keys_in_the_sidebar_choose_a_kind(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.sidebar.current_kind() == "country"
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Up)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Up)  # the "Library" heading is skipped
    assert window.sidebar.current_kind() == "person"


def test_the_mouse_back_button_goes_back(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("laos")
    window.open_entry("chen-gang")
    # Through the window system, as a real mouse's press arrives: over the detail page.
    viewport = window.detail_view.viewport()
    at = viewport.mapTo(window, viewport.rect().center())
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.BackButton, pos=at)
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "laos"


def test_the_window_remembers_sort_panes_and_last_entry(qtbot: QtBot, seeded_path: Path) -> None:
    db = open_database(seeded_path)
    try:
        first = MainWindow(Library(db))
        qtbot.addWidget(first)
        first.show()
        first.resize(760, 540)  # within the offscreen screen (800 x 600), which clamps geometry
        first.splitter.setSizes([150, 250, 340])
        sizes = first.splitter.sizes()
        first.sidebar.select("country")
        first.entry_list.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        first.open_entry("vietnam")
        first.close()

        second = MainWindow(Library(db))
        qtbot.addWidget(second)
        second.show()
        assert (second.width(), second.height()) == (760, 540)
        assert second.splitter.sizes() == sizes
        assert second.detail_view.detail is not None and second.detail_view.detail.ref.slug == "vietnam"
        assert second.sidebar.current_kind() == "country"
        model = second.entry_list.model
        assert model is not None and (model.sort_key, model.descending) == ("iso", True)
        assert second.entry_list.current_slug() == "vietnam"
        second.close()
    finally:
        db.close()


def test_preferences_can_turn_off_reopening_the_last_entry(qtbot: QtBot, seeded_path: Path) -> None:
    db = open_database(seeded_path)
    try:
        first = MainWindow(Library(db))
        qtbot.addWidget(first)
        first.open_entry("vietnam")
        dialog = first.preferences.dialog()
        qtbot.addWidget(dialog)
        assert dialog.page_list.item(0).text() == "General"
        page = dialog.pages[0]
        assert isinstance(page, GeneralPage) and page.reopen.isChecked()
        qtbot.mouseClick(page.reopen, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),  # type: ignore[union-attr]
            Qt.MouseButton.LeftButton,
        )
        first.close()
        second = MainWindow(Library(db))
        qtbot.addWidget(second)
        detail = second.detail_view.detail
        assert detail is not None and detail.ref.slug != "vietnam"  # the first official instead
        assert second.sidebar.current_kind() == "person"
    finally:
        db.close()


def test_features_can_add_sidebar_sections_and_preference_pages(qtbot: QtBot, window: MainWindow) -> None:
    shown: list[str] = []
    window.sidebar.add_section("tags", "Tags", before=None)
    window.sidebar.add_item("tags", "tag:policy", "policy", on_select=lambda: shown.append("policy"))
    window.sidebar.select("tag:policy")
    assert shown == ["policy"]
    window.preferences.add_page("Export", GeneralPage)
    assert window.preferences.titles()[0] == "General" and window.preferences.titles()[-1] == "Export"


def test_a_list_still_being_read_when_the_file_closes_is_dropped_quietly(
    qtbot: QtBot, seeded_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """Quitting (or opening another file) while a long list's ids are still arriving: the
    read is stopped before the file closes, nothing is logged as a failure, and the list
    keeps what it showed."""
    reading = threading.Event()

    class SlowLists(EntryLists):
        def ids(self, *args: Any, **kwargs: Any) -> list[int]:
            if kwargs.get("limit") is None:  # the background read of the whole list: endless
                reading.set()
                self._conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
                ).fetchone()
            return super().ids(*args, **kwargs)

    model = EntryTableModel(SlowLists(seeded_db), "person")
    model.PAGE = 3
    model.refresh()
    shown = model.rowCount()
    assert shown == 3 and model.counted is None
    qtbot.waitUntil(reading.is_set, timeout=10_000)  # started by a timer, or the first paint
    stop_background_reads(Library(seeded_db))
    seeded_db.close()
    qtbot.wait(50)  # the task's signals arrive through the event loop
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert model.rowCount() == shown and model.counted is None


def _on_screen(widget: QWidget) -> QImage:
    """What the window system shows of `widget` now (its backing store), not a fresh render."""
    window = widget.window()
    at = widget.mapTo(window, QPoint(0, 0))
    screen = window.screen()
    shot = screen.grabWindow(window.winId(), at.x(), at.y(), widget.width(), widget.height())
    return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_choosing_a_row_quietly_repaints_what_changed(qtbot: QtBot, window: MainWindow) -> None:
    """Back and Forward choose the entry's row without announcing it; the rows chosen before
    and after must look it on screen (only they are repainted, not the whole table)."""
    window.open_entry("laos")
    window.open_entry("cambodia")
    table = window.entry_list.table
    for step in (window.go_back, window.go_forward, window.go_back):
        step()
        qtbot.wait(50)  # the repaint
        shown = _on_screen(table.viewport())
        table.viewport().repaint()  # everything painted anew
        qtbot.wait(50)
        assert shown == _on_screen(table.viewport())
    model = window.entry_list.model
    assert model is not None and table.currentIndex().row() == model.row_of("laos")


def test_an_entry_beyond_the_first_page_is_chosen_once_its_list_arrives(
    qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening an entry, and after an edit, the list is read again: its first page at once, the
    rest in the background. An entry further down is chosen (and scrolled to) when the rest has
    arrived, instead of the window reading every id first (85-120 ms at 100,000 entries)."""
    monkeypatch.setattr(EntryTableModel, "PAGE", 3)
    window = MainWindow(Library(seeded_db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    entries = window.entry_list
    model = entries.model
    assert model is not None
    for change in (
        lambda: (model.refresh(), window.open_entry("wei-zhaohui")),  # the last of 13 by name
        lambda: window.changes.announce_entries({"wei-zhaohui"}),  # what saving its form does
    ):
        change()
        assert model.counted is None  # the rest of the list is still to come ...
        with qtbot.waitSignal(model.completed, timeout=10_000):
            pass
        assert entries.current_slug() == "wei-zhaohui"  # ... and with it the entry's row
        row = model.row_of("wei-zhaohui")
        assert entries.table.visualRect(model.index(row, 0)).intersects(entries.table.viewport().rect())
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "wei-zhaohui"
    window.close()


def test_a_view_at_the_end_of_the_rows_gets_the_rest_from_the_background(
    qtbot: QtBot, seeded_db: Database
) -> None:
    """A view scrolled to the last row there is (as one is after a refresh, when it was far
    down) asks for more at once: the rest of the list is read on another thread, never on
    the window's, and a page more is shown when it arrives."""
    whole_reads: list[bool] = []  # on the window's thread?

    class WatchedLists(EntryLists):
        def ids(self, *args: Any, **kwargs: Any) -> list[int]:
            if kwargs.get("limit") is None:
                whole_reads.append(threading.current_thread() is threading.main_thread())
            return super().ids(*args, **kwargs)

    model = EntryTableModel(WatchedLists(seeded_db), "person")
    model.PAGE = 3
    model.refresh()
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 4 and model.counted is None  # what had arrived; the rest is on its way
    qtbot.waitUntil(lambda: model.counted is not None, timeout=10_000)
    assert whole_reads == [False]
    assert model.rowCount() == 7  # a page more, without being asked again
