"""A source's text in the window (app/gui/source_files.py): from an HTML page and a PDF the
test writes, read off the window's thread with progress; Cancel and an unreadable file change
nothing; the file opens in the system's viewer, or says it is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from pytestqt.qtbot import QtBot
from sqlalchemy import text as sql

from app.gui.main_window import MainWindow
from app.gui.source_files import SourceFiles
from app.paths import attachments_dir
from app.records.entries import Ref
from app.services.entry_forms import EntryInput
from tests.builders.pdfs import pdf_of_paragraphs
from tests.gui.conftest import UrlRecorder, click_message_box_button
from tests.unit.test_source_text import PAGE

PARAGRAPHS = [
    "Laos launches national AI strategy",
    "Vientiane, 29 January 2026. The Ministry of Technology and Communications presented the national "
    "artificial intelligence strategy on Thursday, with support from UNESCO for its chapter on ethics.",
    "The minister said the strategy would guide cooperation with China and ASEAN partners over the next "
    "five years, beginning with a centre for language models in Lao.",
]


def _new_source(window: MainWindow) -> Ref:
    change = window.library.editor.create(
        EntryInput(
            "source",
            "Laos launches national AI strategy",
            values={"publisher": "Laotian Times", "reliability": "medium"},
        )
    )
    window.changes.announce_entries(set(change.slugs))
    assert window.open_entry(change.slug)
    ref = window.library.entries.ref(change.slug)
    assert ref is not None
    return ref


def _files(window: MainWindow) -> SourceFiles:
    return window.source_files  # type: ignore[attr-defined,no-any-return]


def _text(window: MainWindow, ref: Ref) -> str:
    return window.library.editor.form(ref.id).values["archived_text"]


def write_pdf_with_qt(path: Path, pages: list[list[str]]) -> None:
    """A PDF as an application writes one: Qt's QPdfWriter, a page for each list of paragraphs."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    font = painter.font()
    font.setPointSize(11)
    painter.setFont(font)
    width = writer.width()
    for number, paragraphs in enumerate(pages):
        if number:
            writer.newPage()
        y = 0.0
        for paragraph in paragraphs:
            box = painter.boundingRect(QRectF(0, y, width, 10_000), Qt.TextFlag.TextWordWrap, paragraph)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, paragraph)
            y += box.height() + painter.fontMetrics().height()  # a blank line's space between paragraphs
    painter.end()


def test_add_text_from_an_html_page_with_progress_then_undo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ref = _new_source(window)
    files = _files(window)
    assert files.bar.isVisible() and files.add_file_action.isEnabled()
    assert not files.open_file_action.isEnabled()  # no file yet
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    task = files.add_file(page)
    assert task is not None
    assert files.bar.progress.isVisible() and files.bar.cancel.isVisible()
    assert not files.add_file_action.isEnabled()  # one file at a time
    qtbot.waitUntil(lambda: files.task is None, timeout=20_000)
    progress = files.bar.progress  # it showed the work done: one step of one, for a page
    assert (progress.value(), progress.maximum()) == (1, 1)
    assert not files.bar.progress.isVisible()
    assert _text(window, ref).startswith("Laos launches national AI strategy\n\nVientiane, 29 January 2026.")
    reader = getattr(window, "source_reader", None)  # (C's reader, where it is in the window)
    assert reader is None or reader.isVisible()  # the text shows under the source's page at once
    assert "laos-ai.html" in files.bar.label.text()
    assert files.open_file_action.isEnabled()
    [kept] = window.library.sources.files(ref.id)
    assert kept.path.read_bytes() == page.read_bytes()

    editing = window.editing  # type: ignore[attr-defined]
    editing.undo_action.trigger()
    assert _text(window, ref) == ""
    editing.redo_action.trigger()
    assert "UNESCO's support" in _text(window, ref)


def test_add_text_from_a_pdf_written_by_qt(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ref = _new_source(window)
    pdf = tmp_path / "strategy.pdf"
    write_pdf_with_qt(pdf, [PARAGRAPHS, PARAGRAPHS[1:]])
    files = _files(window)
    assert files.add_file(pdf) is not None
    qtbot.waitUntil(lambda: files.task is None, timeout=20_000)
    text = _text(window, ref)
    pages = text.split("\f")
    assert len(pages) == 2
    assert pages[0].split("\n\n") == PARAGRAPHS
    assert pages[1].split("\n\n") == PARAGRAPHS[1:]


def test_cancel_leaves_the_source_as_it_was(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ref = _new_source(window)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(pdf_of_paragraphs(PARAGRAPHS * 400))  # some seconds of reading
    files = _files(window)
    assert files.add_file(pdf) is not None
    files.bar.cancel.click()
    qtbot.waitUntil(lambda: files.task is None, timeout=30_000)
    assert _text(window, ref) == ""
    assert window.library.sources.files(ref.id) == []
    assert not attachments_dir(window.library.path).exists()
    assert window.statusBar().currentMessage() == "Cancelled: the source is as it was."
    assert window.editing.undo_stack.count() == 0  # type: ignore[attr-defined]
    assert files.add_file_action.isEnabled()


def test_a_file_that_cannot_be_read_is_one_sentence_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ref = _new_source(window)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really a PDF")
    files = _files(window)
    shown = click_message_box_button(qtbot, "OK")
    assert files.add_file(bad) is not None
    qtbot.waitUntil(lambda: files.task is None and bool(shown), timeout=20_000)
    assert shown[0].startswith("scan.pdf cannot be read as a PDF")
    assert _text(window, ref) == ""
    assert window.library.sources.files(ref.id) == []


def test_open_file_shows_the_kept_file_or_says_it_is_missing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, desktop: UrlRecorder
) -> None:
    ref = _new_source(window)
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    files = _files(window)
    files.add_file(page)
    qtbot.waitUntil(lambda: files.task is None, timeout=20_000)
    opened = files.open_file()
    assert opened is not None
    assert [u.toLocalFile() for u in desktop.urls] == [str(opened.path)]
    opened.path.unlink()
    shown = click_message_box_button(qtbot, "OK")
    assert files.open_file() is None
    assert "laos-ai.html is missing from" in shown[0]
    assert len(desktop.urls) == 1
    del ref


def test_paste_text(qtbot: QtBot, window: MainWindow) -> None:
    ref = _new_source(window)
    dialog = _files(window).paste()
    assert dialog is not None
    dialog.text.setPlainText("First paragraph.\n\nSecond paragraph.  \n")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert _text(window, ref) == "First paragraph.\n\nSecond paragraph."
    assert window.library.sources.files(ref.id) == []


def test_a_source_whose_record_fails_a_rule_says_so_and_keeps_its_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    ref = _new_source(window)
    with window.library.db.sessions.begin() as session:  # as an old data file may have left it
        session.execute(sql("UPDATE source SET url = 'www.laotiantimes.com' WHERE id = :id"), {"id": ref.id})
    shown = click_message_box_button(qtbot, "OK")
    assert _files(window).give(ref, "Some text.", None) is None
    assert "cannot take a text until its record is fixed (Write a web address" in shown[0]
    assert _text(window, ref) == ""


def test_the_window_loads_no_extraction_library_until_a_file_is_added() -> None:
    """trafilatura (0.4 s), pypdf and SQLAlchemy load when a text is given, not at start."""
    import subprocess
    import sys

    code = (
        "import sys; import app.gui.main_window, app.gui.features, app.gui.source_files, app.gui.source_form; "
        "print(sorted(m for m in ('trafilatura', 'pypdf', 'lxml', 'sqlalchemy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
