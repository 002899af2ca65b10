"""The search box as a researcher uses it: shortcut, type, arrows, Enter, Esc; saved searches;
and a newer query superseding an older one."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.main_window import MainWindow
from app.gui.notes.panel import NotesPanel
from app.gui.saved_search_list import SavedSearchList
from app.gui.search_box import SearchBox
from app.gui.search_feature import SearchFeature
from app.gui.search_results import SearchResultsDelegate, SearchResultsModel, field_name
from app.services.notes import Notes
from app.services.search import NOTE, Group, Hit, Results, Search, Snippet
from tests.gui.conftest import type_text


def _box(window: MainWindow) -> SearchBox:
    box = window.findChild(SearchBox)
    assert box is not None
    return box


def _results_for(qtbot: QtBot, box: SearchBox, text: str) -> None:
    qtbot.waitUntil(lambda: box.panel.model.results.text == text and box.panel.isVisible())


def test_results_model_passes_the_model_tester(qtmodeltester: object, seeded_db: Database) -> None:
    model = SearchResultsModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_results(Search(seeded_db.read()).run("laos"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() > 5


def test_a_match_deep_in_a_long_chinese_note_shows_in_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    """A snippet is cut to the columns the panel shows, a Chinese character counting two: a
    match 160 characters into a note is drawn inside the panel, not beyond its edge."""
    notes = Notes(window.library.db)
    notes.create(title="长笔记", body="东盟国家" * 40 + "数字丝绸之路" + "人工智能合作" * 20)
    notes.writer.close()
    box = _box(window)
    box.summon()
    type_text(qtbot, box, "数字丝绸之路")
    _results_for(qtbot, box, "数字丝绸之路")
    model = box.panel.model
    hits = [row.hit for r in range(model.rowCount()) if (row := model.row_at(r)) and row.hit]
    hit = next(h for h in hits if h.kind == NOTE and h.title == "长笔记")
    start, end = hit.snippet.spans[0]
    assert hit.snippet.text[start:end] == "数字丝绸之路"
    # where the delegate draws the snippet's line: indented, after the field's name
    shown = f"{field_name(hit.field)}: {hit.snippet.text[:end]}"
    right = SearchResultsDelegate.PAD * 3 + box.panel.list.fontMetrics().horizontalAdvance(shown)
    assert right <= box.panel.list.viewport().width()


def test_type_choose_with_arrows_and_open(qtbot: QtBot, window: MainWindow) -> None:
    box = _box(window)
    window.entry_list.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    type_text(qtbot, box, "陈刚")
    _results_for(qtbot, box, "陈刚")
    row = box.current_row()
    assert row is not None and row.hit is not None and row.hit.slug == "chen-gang"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    detail = window.detail_view.detail
    assert detail is not None and detail.ref.slug == "chen-gang"
    assert not box.panel.isVisible()
    assert window.sidebar.current_kind() == "person"


def test_arrows_skip_headings_and_enter_opens_the_chosen_hit(qtbot: QtBot, window: MainWindow) -> None:
    box = _box(window)
    box.summon()
    qtbot.keyClicks(box, "laos")
    _results_for(qtbot, box, "laos")
    first = box.current_row()
    assert first is not None and first.hit is not None and first.hit.slug == "laos" and first.hit.exact
    seen = []
    for _ in range(4):
        qtbot.keyClick(box, Qt.Key.Key_Down)
        row = box.current_row()
        assert row is not None and row.type != "heading"
        seen.append(row)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    chosen = box.current_row()
    assert chosen is seen[-2]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    detail = window.detail_view.detail
    assert chosen is not None and chosen.hit is not None
    assert detail is not None and detail.ref.slug == chosen.hit.slug


def test_esc_returns_to_where_you_were(qtbot: QtBot, window: MainWindow) -> None:
    box = _box(window)
    window.entry_list.table.setFocus()
    qtbot.waitUntil(window.entry_list.table.hasFocus)
    window.findChild(SearchFeature).search_action.trigger()  # type: ignore[union-attr]
    qtbot.keyClicks(box, "wang")
    _results_for(qtbot, box, "wang")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.panel.isVisible()
    assert window.entry_list.table.hasFocus()


def test_find_filters_the_list_from_the_entry_page_and_searches_where_no_list_filters(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The README's key table: Ctrl+F filters the list, from the entry read beside it too.
    box = _box(window)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.detail_view.setFocus()
    qtbot.waitUntil(window.detail_view.hasFocus)
    qtbot.keyClick(window.detail_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.entry_list.filter.hasFocus()
    window.entry_list.table.setFocus()
    qtbot.waitUntil(window.entry_list.table.hasFocus)
    window.find_action.trigger()
    assert window.entry_list.filter.hasFocus()
    window.find_action.trigger()  # in a text field: it stays there
    assert window.entry_list.filter.hasFocus()
    window.detail_view.setFocus()
    qtbot.keyClick(
        window.detail_view,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.entry_list.filter.hasFocus()  # the older shortcut still filters
    window.notes.show_tags_view()  # type: ignore[attr-defined]  # no list filter here: Find searches
    window.notes.tags_view.setFocus()  # type: ignore[attr-defined]
    window.find_action.trigger()
    assert box.hasFocus()


def test_a_note_opens_in_the_notes_panel_beside_its_entry(qtbot: QtBot, window: MainWindow) -> None:
    box = _box(window)
    box.summon('"Was Singapore represented"')
    _results_for(qtbot, box, '"Was Singapore represented"')
    row = box.current_row()
    assert row is not None and row.hit is not None and row.hit.kind == "note"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "singapore"
    panel = window.findChild(NotesPanel)
    assert panel is not None and panel.editor.note_id == row.hit.note_id
    assert "Singapore" in panel.editor.body.toPlainText()


def test_a_bad_filter_is_explained_in_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    box = _box(window)
    box.summon()
    qtbot.keyClicks(box, "country:Atlantis")
    qtbot.waitUntil(lambda: "no country is called 'Atlantis'" in box.panel.status.text())
    assert box.panel.isVisible() and box.panel.model.rowCount() == 0


def test_more_narrows_to_the_kind(qtbot: QtBot, window: MainWindow) -> None:
    box = _box(window)
    box.summon("ai")
    _results_for(qtbot, box, "ai")
    model = box.panel.model
    more = next(r for r in range(model.rowCount()) if model.row_at(r).type == "more")  # type: ignore[union-attr]
    box.panel.list.setCurrentIndex(model.index(more, 0))
    kind = model.row_at(more).group.kind  # type: ignore[union-attr]
    box.activate()
    qtbot.waitUntil(lambda: model.results.text == box.text() and "kind:" in box.text())
    assert {g.kind for g in model.results.groups} == {kind}
    assert len(model.results.groups[0].hits) > 8


def test_save_a_search_and_run_it_from_the_sidebar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = _box(window)
    saved = window.findChild(SavedSearchList)
    assert saved is not None and saved.names() == [] and saved.empty.isVisible()
    box.summon("kind:official country:LA")
    _results_for(qtbot, box, "kind:official country:LA")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Lao officials", True))
    box.panel.save_button.click()
    assert saved.names() == ["Lao officials"]
    box.setText("")
    assert not box.panel.isVisible()
    saved.list.itemClicked.emit(saved.list.item(0))
    _results_for(qtbot, box, "kind:official country:LA")
    slugs = {h.slug for h in box.panel.model.results.hits}
    assert slugs == {"boviengkham-vongdara", "santisouk-simmalavong"}
    # Live: a change to the data shows in the open results at once.
    window.library.db.read().execute(
        "UPDATE person SET country_id = NULL WHERE id = (SELECT id FROM entity WHERE slug = 'santisouk-simmalavong')"
    )
    window.library.db.read().execute(
        "DELETE FROM role WHERE person_id = (SELECT id FROM entity WHERE slug = 'santisouk-simmalavong')"
    )
    window.changes.announce_entries({"santisouk-simmalavong"})
    qtbot.waitUntil(lambda: {h.slug for h in box.panel.model.results.hits} == {"boviengkham-vongdara"})
    # Saving under a taken name asks first; an empty box cannot be saved.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    window.findChild(SearchFeature).save("laos")  # type: ignore[union-attr]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window.findChild(SearchFeature).save("   ")  # type: ignore[union-attr]
    assert shown == ["There is nothing to save: the search box is empty."]
    assert saved.names() == ["Lao officials"]


def test_a_newer_query_interrupts_the_running_one_and_its_results_are_dropped(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()
    interrupted = threading.Event()
    real_run = Search.run

    def slow_run(self: Search, text: str, **kw: object) -> Results:
        if text == "slow":
            started.set()
            assert interrupted.wait(10), "the stale query was never interrupted"
            return Results("slow", real_run(self, "laos").groups)  # finished all the same
        return real_run(self, text, **kw)  # type: ignore[arg-type]

    real_interrupt = Search.interrupt

    def interrupt(self: Search) -> None:
        interrupted.set()
        real_interrupt(self)

    monkeypatch.setattr(Search, "run", slow_run)
    monkeypatch.setattr(Search, "interrupt", interrupt)
    box = _box(window)
    shown: list[str] = []
    box.panel.model.modelReset.connect(lambda: shown.append(box.panel.model.results.text))
    box.summon("slow")
    qtbot.waitUntil(started.is_set)
    box.setText("ผม")
    box.run_now()
    qtbot.waitUntil(lambda: box.panel.model.results.text == "ผม")
    qtbot.wait(50)
    assert interrupted.is_set()
    assert "slow" not in shown
    assert box.panel.model.results.text == "ผม"


def test_the_results_painted_are_always_the_current_ones(qtbot: QtBot, seeded_db: Database) -> None:
    """Hits are laid out once and kept while the results stay: after new results, and after the
    chosen row moved on, the panel paints exactly what a fresh panel paints for them."""
    from app.gui.search_box import SearchPanel

    def choose(panel: SearchPanel, row: int) -> QImage:
        panel.resize(560, 400)
        panel.list.setCurrentIndex(panel.model.index(row, 0))
        qtbot.wait(20)  # the list lays its rows out (and decides on a scroll bar) first
        return panel.list.viewport().grab(QRect(0, 0, 500, 300)).toImage()

    def note(title: str, entry: str) -> Hit:  # a label and an entry's name: drawn muted
        found = Snippet(f"{title} met the delegation in Nanning", ((0, len(title)),))
        return Hit("note", title, None, 1, "note", found, entry_name=entry)

    notes = Results("met", (Group("note", "Notes", (note("Alpha", "Laos"), note("Beta", "Viet Nam"))),))
    holders = [QWidget(), QWidget()]  # (the panel is a child of the window, laid over it)
    kept, fresh = SearchPanel(holders[0]), SearchPanel(holders[1])
    kept.model.set_results(Search(seeded_db.read()).run("laos"))
    before = choose(kept, 1)
    kept.model.set_results(notes)
    choose(kept, 1)  # the first hit painted chosen ...
    moved = choose(kept, 2)  # ... then not: in other colours
    fresh.model.set_results(notes)
    assert moved == choose(fresh, 2)
    assert moved != before
