"""The entry form's facts, titles, memberships, participants, parties and statements, each with
its citations, driven as a researcher would: Ctrl+E, a tab, Add Fact, Add Citation, typing,
Save; the fact on the entry at once; Ctrl+Z and Ctrl+Shift+Z."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.editing import Editing
from app.gui.entry_form import EntryForm
from app.gui.fact_rows import CitationRow, Row
from app.gui.main_window import MainWindow
from app.gui.source_form import SourceForm
from tests.gui.conftest import type_text
from tests.gui.test_accessibility import _problems

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
ARTICLE = "china-org-cn-2025-09-roundtable"
WORDS = "It aimed to build a regular mechanism for policy exchange"


def _form(window: MainWindow) -> EntryForm:
    editing = window.editing  # type: ignore[attr-defined]
    assert isinstance(editing, Editing)
    form = editing.form
    assert form is not None and form.isVisible()
    return form


def _save(qtbot: QtBot, form: EntryForm) -> None:
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _tab(form: EntryForm, title: str) -> None:
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    form.tabs.setCurrentIndex(titles.index(title))


def _field(row: Row, key: str) -> QWidget:
    widget = row.fields[key]
    assert isinstance(widget, QLineEdit | QPlainTextEdit | QComboBox)
    return widget


def _shot(widget: QWidget, name: str) -> None:
    """Keep a picture of the form when ROUNDTABLE_SHOTS names a folder (to look at it)."""
    folder = os.environ.get("ROUNDTABLE_SHOTS")
    if folder:
        QTest.qWait(100)  # the tab just chosen laid out
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_add_a_fact_with_a_citation_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("chen-gang")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = _form(window)
    tabs = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert tabs == ["Entry", "Facts", "Titles", "Statements"]
    _tab(form, "Titles")
    assert form.role_rows and form.role_rows[0].citations is not None
    assert form.role_rows[0].citations.rows  # a title's citations are on the form
    _shot(form, "titles")

    _tab(form, "Facts")
    facts = form.parts["facts"]
    before = len(facts.rows)
    qtbot.mouseClick(facts.add_button, Qt.MouseButton.LeftButton)
    fact = facts.rows[-1]
    assert form.focusWidget() is fact.fields["text"]
    type_text(qtbot, _field(fact, "text"), "Guangxi seeks a regular policy exchange on AI.")
    type_text(qtbot, _field(fact, "date"), "2025-09-18")
    assert fact.citations is not None
    qtbot.mouseClick(fact.citations.add_button, Qt.MouseButton.LeftButton)
    cite = fact.citations.rows[0]
    assert isinstance(cite, CitationRow) and cite.new_source is not None
    cite.fields["source"].setText(ARTICLE)  # a slug is accepted as typed
    type_text(qtbot, _field(cite, "quote"), WORDS.replace("regular", "permanent"))
    _shot(form, "fact-with-citation")
    _save(qtbot, form)
    assert form.isVisible()  # the quote is not in the article: nothing saved
    assert "build a [regular] mechanism" in cite.error.text()
    assert form.tabs.currentIndex() == tabs.index("Facts")
    assert form.focusWidget() is cite.fields["quote"]
    _shot(form, "quote-not-in-text")

    quote = _field(cite, "quote")
    assert isinstance(quote, QPlainTextEdit)
    quote.setPlainText(WORDS)
    _save(qtbot, form)
    assert not form.isVisible()
    assert len(window.detail_view.detail.facts) == before + 1  # type: ignore[union-attr]
    text = window.detail_view.toPlainText()
    assert "Guangxi seeks a regular policy exchange on AI." in text
    assert WORDS in text and "¶ 4" in text  # the footnote: its quote and the locator found for it

    window.activateWindow()  # as the window manager does when the form closes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "Guangxi seeks a regular policy exchange" not in window.detail_view.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "Guangxi seeks a regular policy exchange" in window.detail_view.toPlainText()


def test_facts_and_citations_reorder_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    window.open_entry("laos")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = _form(window)
    assert [form.tabs.tabText(i) for i in range(form.tabs.count())] == [
        "Entry",
        "Facts",
        "Memberships",
        "Statements",
    ]
    _tab(form, "Facts")
    facts = form.parts["facts"]
    texts = [r.text("text") for r in facts.rows]
    assert len(texts) >= 2
    last = facts.rows[-1]
    last.fields["date"].setFocus()
    qtbot.keyClick(last.fields["date"], Qt.Key.Key_Up, ALT)
    assert facts.rows[-2] is last and form.focusWidget() is last.fields["date"]
    assert [r.text("text") for r in facts.rows] == [*texts[:-2], texts[-1], texts[-2]]
    first = facts.rows[0]
    assert first.up is not None and not first.up.isEnabled()
    _save(qtbot, form)
    assert not form.isVisible()
    stored = [
        r[0]
        for r in seeded_db.read().execute(
            "SELECT text FROM fact WHERE entity_id = (SELECT id FROM entity WHERE slug = 'laos') ORDER BY position"
        )
    ]
    assert stored == [*texts[:-2], texts[-1], texts[-2]]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    stored = [
        r[0]
        for r in seeded_db.read().execute(
            "SELECT text FROM fact WHERE entity_id = (SELECT id FROM entity WHERE slug = 'laos') ORDER BY position"
        )
    ]
    assert stored == texts


def test_every_kind_shows_its_sections(qtbot: QtBot, window: MainWindow) -> None:
    editing = window.editing  # type: ignore[attr-defined]
    for slug, tabs in {
        "roundtable-2025": ["Entry", "Facts", "Participants"],
        "ca-ai-application-cooperation-center": ["Entry", "Facts", "Parties"],
        ARTICLE: ["Entry", "Facts"],
    }.items():
        window.open_entry(slug)
        form = editing.edit_entry()
        assert form is not None
        assert [form.tabs.tabText(i) for i in range(form.tabs.count())] == tabs
        form.tabs.setCurrentIndex(len(tabs) - 1)
        form.show_errors({f"{tabs[-1].lower()}[0].citations[0].source": "Choose the source."})
        _shot(form, f"tab-{slug}")
        form.reject()


def test_new_source_beside_a_citation_fills_it_in(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("wang-changlin")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = _form(window)
    _tab(form, "Statements")
    statements = form.parts["statements"]
    qtbot.mouseClick(statements.add_button, Qt.MouseButton.LeftButton)
    statement = statements.rows[-1]
    type_text(qtbot, _field(statement, "text"), "AI is a new driver of growth.")
    assert statement.citations is not None
    qtbot.mouseClick(statement.citations.add_button, Qt.MouseButton.LeftButton)
    cite = statement.citations.rows[0]
    assert isinstance(cite, CitationRow) and cite.new_source is not None
    problems: list[BaseException] = []

    def fill() -> None:
        try:
            [source_form] = [f for f in form.findChildren(SourceForm) if f.isVisible()]
            title, publisher = source_form.fields["name"], source_form.fields["publisher"]
            assert isinstance(title, QLineEdit) and isinstance(publisher, QLineEdit)
            title.setText("NDRC briefing on AI cooperation")
            publisher.setText("National Development and Reform Commission")
            source_form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        except BaseException as exc:  # reported below, not lost in the dialog's own loop
            problems.append(exc)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(cite.new_source, Qt.MouseButton.LeftButton)
    assert problems == []
    assert cite.text("source") == "ndrc-briefing-on-ai-cooperation"
    assert form.focusWidget() is cite.fields["quote"]
    type_text(qtbot, _field(cite, "quote"), "AI has become a new driver of growth")
    _save(qtbot, form)
    assert not form.isVisible()
    text = window.detail_view.toPlainText()
    assert "AI is a new driver of growth." in text and "NDRC briefing on AI cooperation" in text
    editing = window.editing  # type: ignore[attr-defined]
    assert editing.undo_stack.count() == 2  # the new source, then the edit: each undone on its own


def test_every_tab_names_its_fields_for_assistive_technology(qtbot: QtBot, window: MainWindow) -> None:
    editing = window.editing  # type: ignore[attr-defined]
    for slug in ("chen-gang", "laos", "roundtable-2025", "ca-ai-application-cooperation-center"):
        window.open_entry(slug)
        form = editing.edit_entry()
        assert form is not None
        for i in range(form.tabs.count()):
            form.tabs.setCurrentIndex(i)
            assert _problems(form, at_least=3) == [], (slug, form.tabs.tabText(i))
        form.reject()
