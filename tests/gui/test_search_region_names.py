"""The window's search finds a country typed in any language of the region first, with and
without tones and diacritics, and Enter opens it (the table: tests/unit/test_search_region_names.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.search_box import SearchBox
from tests.gui.conftest import type_text
from tests.unit.test_search_region_names import REGION_QUERIES


def test_each_name_typed_in_the_search_box_finds_its_entry_first(qtbot: QtBot, window: MainWindow) -> None:
    box = window.findChild(SearchBox)
    assert box is not None
    box.summon()
    missed = []
    for query, slug, language in REGION_QUERIES:
        box.clear()
        type_text(qtbot, box, query)
        qtbot.waitUntil(lambda q=query: box.panel.model.results.text == q and box.panel.isVisible())
        row = box.current_row()
        if row is None or row.hit is None or (row.hit.slug, row.hit.exact) != (slug, True):
            missed.append((query, language, row.hit.slug if row and row.hit else None))
    assert missed == []


def test_enter_opens_the_country_named_in_burmese(qtbot: QtBot, window: MainWindow) -> None:
    box = window.findChild(SearchBox)
    assert box is not None
    box.summon()
    type_text(qtbot, box, "ကမ္ဘောဒီးယား")
    qtbot.waitUntil(lambda: box.panel.model.results.text == "ကမ္ဘောဒီးယား" and box.panel.isVisible())
    qtbot.keyClick(box, Qt.Key.Key_Return)
    detail = window.detail_view.detail
    assert detail is not None and detail.ref.slug == "cambodia"
