"""Cite as you read, as a researcher does it: a source with its text pasted in, a sentence
selected in the reader, Cite… (Ctrl+Shift+C), the passage cited as a new fact on an official and
as a title with dates, the footnote with its quote and locator on the official's page, the
highlight on the source, Undo and Redo.

The reader's map from the displayed document back to the source's text is checked on a paged
text in Chinese and Lao (and a character outside the BMP, which Qt counts twice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.cite_form import FACT, NEW_FACT, TITLE, CiteForm
from app.gui.main_window import MainWindow
from app.gui.source_reader import OffsetMap, SourceReader
from app.records import anchors
from app.records.entries import CitedPassage, Ref, SourceReading, SourceUse
from app.services.details import EntryDetails
from app.services.entry_forms import EntryInput
from tests.gui.conftest import click_message_box_button, type_text
from tests.gui.test_source_files import PARAGRAPHS, write_pdf_with_qt
from tests.unit.test_source_text import PAGE

FACT_SENTENCE = "Chen Gang said Guangxi will build an AI cooperation centre with ASEAN."
TITLE_SENTENCE = "Chen Gang, Party Secretary of Guangxi since October 2021, opened the forum."
TEXT = (
    "Nanning, 20 September 2025.\n\n"
    f"{FACT_SENTENCE} The centre opens next year.\n\n"
    "陈刚表示，广西将与东盟共建人工智能合作中心。"
    "\f"
    f"{TITLE_SENTENCE}\n\n"
    "ລາວ ແລະ ຈີນ ຈະຮ່ວມມືກັນ ດ້ານປັນຍາປະດິດ.\n\n"
    "A closing line with an old character 𠀀 in it."
)


@pytest.fixture
def source(window: MainWindow) -> Ref:
    """A new source whose text was pasted into the New Source form."""
    change = window.library.editor.create(
        EntryInput(
            "source",
            "Guangxi Daily on the AI cooperation centre",
            values={"publisher": "Guangxi Daily", "reliability": "medium", "archived_text": TEXT},
        )
    )
    window.changes.announce_entries({change.slug})
    ref = window.lists.ref(change.slug)
    assert ref is not None
    return ref


def _select(reader: SourceReader, words: str) -> None:
    """Select `words` in the displayed text as a drag would: by document positions."""
    shown = reader.text.toPlainText()
    at = shown.index(words)
    units = len(shown[:at].encode("utf-16-le")) // 2
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(units)
    cursor.setPosition(units + len(words.encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)


def _open_form(qtbot: QtBot, window: MainWindow) -> CiteForm:
    reader = window.source_reader
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    reader.text.setFocus()
    qtbot.keyClick(
        reader.text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    form = window.citing.form  # type: ignore[attr-defined]
    assert isinstance(form, CiteForm)
    qtbot.waitExposed(form)
    return form


def _choose_entry(qtbot: QtBot, form: CiteForm, typed: str, name: str) -> None:
    """Type a name in any script and choose the entry from the suggestions."""
    type_text(qtbot, form.entry, typed)
    form.entry.textEdited.emit(form.entry.text())
    completer = form.entry.completer()
    model = completer.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    popup = completer.popup()
    rows = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    row = rows.index(name)
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.chosen_entry() is not None and form.chosen_entry().name == name  # type: ignore[union-attr]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the popup menu
def test_cite_a_sentence_as_a_fact_and_a_title_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, source: Ref
) -> None:
    window.open_entry(source.slug)
    reader = window.source_reader
    assert reader.isVisible() and reader.reading is not None
    assert "TextQuote" not in reader.heading.text() and reader.text.toPlainText().startswith("Nanning")
    cite = window.citing.cite_action  # type: ignore[attr-defined]
    assert not cite.isEnabled(), "Cite… waits for a selection"

    # 1. A sentence on page 1 as a new fact on Chen Gang, found by his name in Chinese.
    _select(reader, FACT_SENTENCE)
    assert cite.isEnabled()
    form = _open_form(qtbot, window)
    assert form.quote.toPlainText() == FACT_SENTENCE
    assert form.locator.text() == "p. 1, ¶ 2"
    assert form.reliability.currentData() == "medium", "the source's own reliability"
    _choose_entry(qtbot, form, "陈刚", "Chen Gang")
    form.choose(NEW_FACT)
    form.fact_text.setPlainText("Guangxi will build an AI cooperation centre with ASEAN.")
    form.fact_date.setText("2025-09-20")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.citing.form is None)  # type: ignore[attr-defined]

    # The source's page and reader show it at once: highlighted, and in "Cited for".
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == source.slug
    start = TEXT.index(FACT_SENTENCE)
    [passage] = reader.text.passages_at(start)
    assert (passage.start, passage.end) == (start, start + len(FACT_SENTENCE))
    page = window.detail_view.toPlainText()
    assert "Cited for (1)" in page and "fact: Guangxi will build an AI cooperation centre" in page

    # 2. A sentence on page 2 as a title with its dates, by Ctrl+Shift+C again.
    _select(reader, TITLE_SENTENCE)
    form = _open_form(qtbot, window)
    assert form.locator.text() == "p. 2, ¶ 1"
    _choose_entry(qtbot, form, "Chen", "Chen Gang")
    form.choose(TITLE)
    form.title.setText("Party Secretary of Guangxi")
    form.title_start.setText("2021-10")
    form.title_end.setText("2020")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.error.isVisible(), "an end before the start is refused on the form"
    assert "before the start" in form.error.text()
    form.title_end.clear()
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.citing.form is None)  # type: ignore[attr-defined]
    assert len(reader.reading.passages) == 2  # type: ignore[union-attr]

    # A click on the highlight lists what it supports and leads to the entry.
    title_at = TEXT.index(TITLE_SENTENCE) + 5
    reader.text.select_span(title_at, title_at + 1)
    reader.text.moveCursor(QTextCursor.MoveOperation.Left)
    rect = reader.text.cursorRect()
    point = QPoint(rect.center().x() + 2, rect.center().y())
    qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    menu = reader.passage_menu
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    assert any("Chen Gang" in t and "title: Party Secretary of Guangxi" in t for t in labels), labels
    menu.actions()[1].trigger()
    menu.close()

    # 3. The official's page: the fact and the title, each with its footnote, quote and locator.
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == "chen-gang"
    detail = window.detail_view.detail
    [fact] = [f for f in detail.facts if f.text.startswith("Guangxi will build")]
    assert fact.citations[0].quote == FACT_SENTENCE and fact.citations[0].locator == "p. 1, ¶ 2"
    [role] = [r for r in detail.roles if r.title == "Party Secretary of Guangxi"]
    assert role.start == "2021-10" and role.citations[0].locator == "p. 2, ¶ 1"
    page = window.detail_view.toPlainText()
    assert f"“{FACT_SENTENCE}”" in page and f"“{TITLE_SENTENCE}”" in page
    assert "p. 2, ¶ 1" in page and "Guangxi Daily on the AI cooperation centre" in page

    # 4. Undo takes the title away, Redo brings it back; the source's highlight follows.
    window.open_entry(source.slug)
    # (The popup took the activation from the window; a researcher's window has it back.)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    details = EntryDetails(window.library.db)
    assert not [r for r in details.get("chen-gang").roles if r.title == "Party Secretary of Guangxi"]
    assert len(reader.reading.passages) == 1  # type: ignore[union-attr]
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == source.slug
    qtbot.keyClick(
        reader.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    [back] = [r for r in details.get("chen-gang").roles if r.title == "Party Secretary of Guangxi"]
    assert back.citations[0].quote == TITLE_SENTENCE
    assert len(reader.reading.passages) == 2  # type: ignore[union-attr]


def test_the_reader_maps_a_selection_back_to_the_exact_characters_of_the_text(
    qtbot: QtBot, window: MainWindow, source: Ref
) -> None:
    window.open_entry(source.slug)
    reader = window.source_reader
    for words in (
        "陈刚表示，广西将与东盟共建人工智能合作中心。",
        "ລາວ ແລະ ຈີນ ຈະຮ່ວມມືກັນ",
        "old character 𠀀 in it",
        FACT_SENTENCE,
    ):
        _select(reader, words)
        span = reader.selected_span()
        assert span is not None and TEXT[span[0] : span[1]] == words
        assert anchors.locator(TEXT, span[0]) in ("p. 1, ¶ 2", "p. 1, ¶ 3", "p. 2, ¶ 2", "p. 2, ¶ 3")
    # A selection across the page break keeps the text's own characters between, form feed too.
    shown = reader.text.toPlainText()
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(shown.index("合作中心"))
    cursor.setPosition(shown.index("Party Secretary"), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    span = reader.selected_span()
    assert span is not None and TEXT[span[0] : span[1]] == "合作中心。\fChen Gang,"
    # White space alone selected (the empty line between paragraphs) is no passage.
    empty = shown.index("\n\n")
    cursor.setPosition(empty)
    cursor.setPosition(empty + 2, QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    assert reader.selected_span() is None


def test_offset_map_round_trips_every_character() -> None:
    text = "\n\n  一二三\r\nfour 𠀀 five\n\n\fລາວ\n\n\n六 𝄞 seven  \f\f last"
    paras = anchors.paragraphs(text)
    m = OffsetMap(text, paras)
    for p in paras:
        for offset in range(p.start, p.end + 1):
            assert m.to_text(m.to_doc(offset), forward=offset < p.end) == offset
    assert m.display.count("\n\n") == len(paras) - 1


def test_margin_and_highlight_colours_follow_light_and_dark(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette

    from app.gui.source_reader import marker_colour

    light, dark = QPalette(QColor("#ffffff")), QPalette(QColor("#1e1e1e"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    assert marker_colour(light).lightness() > 180 and marker_colour(dark).lightness() < 90


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the popup menu
def test_a_highlight_lists_what_it_supports_in_a_reader_of_its_own(qtbot: QtBot) -> None:
    text = "First paragraph.\n\nChen Gang spoke."
    source = Ref(1, "source", "s", "S")
    use = SourceUse(
        Ref(2, "person", "chen-gang", "Chen Gang"),
        "fact",
        "Chen Gang spoke.",
        "high",
        owner="fact",
        words="He spoke.",
        citation_id=7,
        start=18,
        end=34,
    )
    reading = SourceReading(
        source, text, "high", tuple(anchors.paragraphs(text)), (CitedPassage(18, 34, (use,)),)
    )
    reader = SourceReader()
    qtbot.addWidget(reader)
    reader.show_reading(reading)
    reader.show()
    assert reader.uses_at(20) == [use] and reader.uses_at(3) == []
    chosen: list[str] = []
    reader.entry_chosen.connect(chosen.append)
    reader.text.passage_clicked.emit(reader.text.passages_at(20), QPoint(0, 0))
    assert reader.passage_menu is not None
    reader.passage_menu.actions()[1].trigger()
    assert chosen == ["chen-gang"]
    reader.passage_menu.close()
    QApplication.processEvents()


def test_cite_is_refused_while_the_library_is_read_only(
    qtbot: QtBot, window: MainWindow, source: Ref, seeded_db: Database
) -> None:
    window.open_entry(source.slug)
    _select(window.source_reader, FACT_SENTENCE)
    assert window.citing.cite_action.isEnabled()  # type: ignore[attr-defined]
    window.set_read_only(True)
    assert not window.citing.cite_action.isEnabled()  # type: ignore[attr-defined]
    assert window.citing.cite() is None  # type: ignore[attr-defined]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_cite_from_a_web_page_and_a_pdf_the_source_was_given(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A source's text from an HTML page, then from a PDF written by Qt (the better copy): a
    passage cited from the page is found again in the PDF's text, and one cited from the PDF
    carries its page."""
    change = window.library.editor.create(
        EntryInput(
            "source",
            "Laos launches national AI strategy",
            values={"publisher": "Laotian Times", "reliability": "medium"},
        )
    )
    window.changes.announce_entries(set(change.slugs))
    window.open_entry(change.slug)
    files = window.source_files  # type: ignore[attr-defined]
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    files.add_file(page)
    qtbot.waitUntil(lambda: files.task is None, timeout=20_000)
    reader = window.source_reader
    assert reader.isVisible() and reader.reading is not None

    said = "The minister said the strategy would guide cooperation with China and ASEAN partners"
    _select(reader, said)
    form = _open_form(qtbot, window)
    assert form.locator.text() == "¶ 3"
    _choose_entry(qtbot, form, "Boviengkham", "Boviengkham Vongdara")
    form.choose(NEW_FACT)
    form.fact_text.setPlainText("Laos's AI strategy guides cooperation with China and ASEAN.")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.citing.form is None)  # type: ignore[attr-defined]
    assert len(reader.reading.passages) == 1

    pdf = tmp_path / "strategy.pdf"
    write_pdf_with_qt(pdf, [PARAGRAPHS[:2], PARAGRAPHS[2:]])
    click_message_box_button(qtbot, "Replace")
    files.add_file(pdf)
    qtbot.waitUntil(lambda: files.task is None, timeout=20_000)
    reading = reader.reading
    assert reading is not None and reading.paged
    [passage] = reading.passages  # the page's quote, found again in the PDF's text
    assert reading.text[passage.start : passage.end].split() == said.split()

    _select(reader, "beginning with a centre for language models in Lao")
    form = _open_form(qtbot, window)
    assert form.locator.text() == "p. 2, ¶ 1"
    _choose_entry(qtbot, form, "Boviengkham", "Boviengkham Vongdara")
    form.choose(FACT)  # the fact cited a moment ago, now with a second citation
    form.fact_choice.setCurrentIndex(
        form.fact_choice.findText("Laos's AI strategy guides cooperation with China and ASEAN.")
    )
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.citing.form is None)  # type: ignore[attr-defined]
    detail = EntryDetails(window.library.db).get("boviengkham-vongdara")
    [fact] = [f for f in detail.facts if f.text.startswith("Laos's AI strategy")]
    assert [c.locator for c in fact.citations] == ["¶ 3", "p. 2, ¶ 1"]


def test_nothing_is_cited_from_a_source_in_the_trash(qtbot: QtBot, window: MainWindow, source: Ref) -> None:
    window.library.editor.trash(source.id)
    window.changes.announce_entries({source.slug})
    window.open_entry(source.slug)
    assert window.source_reader.reading is not None, "its text can still be read"
    _select(window.source_reader, FACT_SENTENCE)
    assert not window.citing.cite_action.isEnabled()  # type: ignore[attr-defined]
    assert window.citing.cite() is None  # type: ignore[attr-defined]


def test_highlights_follow_a_switch_between_light_and_dark(
    qtbot: QtBot, window: MainWindow, source: Ref
) -> None:
    from PySide6.QtGui import QColor, QPalette

    from app.gui.source_reader import marker_colour

    window.open_entry(source.slug)
    text = window.source_reader.text
    text.passages = (CitedPassage(0, 7, ()),)
    text.paint_highlights()
    dark = QPalette(text.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    text.setPalette(dark)
    [selection] = text.extraSelections()
    assert selection.format.background().color() == marker_colour(dark)  # type: ignore[attr-defined]
