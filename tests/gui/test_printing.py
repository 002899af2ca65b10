"""File ▸ Print… and Save as PDF… (app/gui/printing.py): the entry page, a note and the notes
digest as PDF pages with their citations as footnotes; a view that draws itself is asked to;
a cancel changes nothing; a target that cannot be written gets one message and no file."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.gui import printing
from app.gui.main_window import MainWindow
from tests.gui.conftest import wait_finished


def _bare(text: str) -> str:
    """`text` without its spaces and ligatures: a PDF's text comes back with its lines broken
    where the page broke them, a link's first letter apart and "fi" as one glyph."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _text(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return _bare(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


def _sources_cited(window: MainWindow, slug: str) -> list[str]:
    rows = window.library.db.read().execute(
        "SELECT DISTINCT s.name FROM citation c JOIN role r ON r.id = c.role_id "
        "JOIN entity s ON s.id = c.source_id JOIN entity p ON p.id = r.person_id WHERE p.slug = ?",
        (slug,),
    )
    return [str(name) for (name,) in rows]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def test_save_as_pdf_of_an_entry_page_holds_its_name_and_its_footnotes(
    window: MainWindow, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_entry("chen-gang")
    cited = _sources_cited(window, "chen-gang")
    assert cited
    target = tmp_path / "entry.pdf"
    assert printing.save_pdf(window, target)
    text = _text(target)
    assert window.detail_view.detail is not None
    assert _bare(window.detail_view.detail.ref.name) in text
    # The footnotes at the end, numbered, each naming its source.
    assert "Citations" in text
    assert all(_bare(name) in text for name in cited)
    assert messages == []


def test_the_menu_offers_print_and_save_as_pdf(qtbot: QtBot, window: MainWindow) -> None:
    window.finish()
    wait_finished(qtbot, window)
    names = {a.objectName() for a in window.file_menu.actions()}
    assert {"printAction", "savePdfAction"} <= names
    found = window.findChild(printing.QAction, "printAction")
    assert found is not None and not found.shortcut().isEmpty()


def test_a_cancelled_save_or_print_changes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    assert window.open_entry("laos")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    assert not printing.save_pdf(window)
    painted: list[object] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: 0)
    monkeypatch.setattr(printing, "_paint_html", lambda *a: painted.append(a))
    assert not printing.print_current(window)
    assert painted == []
    assert list(out.iterdir()) == []
    assert messages == []


def test_a_target_that_cannot_be_written_gets_one_message_and_no_file(
    window: MainWindow, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_entry("laos")
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    target = blocker / "laos.pdf"
    assert not printing.save_pdf(window, target)
    assert len(messages) == 1
    assert str(target) in messages[0] and "Traceback" not in messages[0]
    assert blocker.read_text() == "a file where a folder should be"
    assert sorted(p.name for p in out.iterdir()) == ["not-a-folder"]


def test_a_note_prints_as_rendered_markdown_with_its_footnotes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.gui.notes.panel import NotesPanel

    window.finish()
    wait_finished(qtbot, window)
    notes = window.library.notes
    note_id = notes.create(
        title="Briefing on Laos",
        body="The **launch** was announced.[^1]\n\n[^1]: Vientiane Times, 3 May 2025.\n",
    ).id
    panel = window.findChild(NotesPanel)
    assert panel is not None
    panel.show_note(note_id, focus=True)
    panel.editor.body.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: panel.isAncestorOf(printing.QApplication.focusWidget()))
    target = tmp_path / "note.pdf"
    assert printing.save_pdf(window, target)
    text = _text(target)
    assert _bare("Briefing on Laos") in text
    assert _bare("The launch was announced.") in text and "**" not in text
    assert _bare("Vientiane Times, 3 May 2025.") in text


class _Drawn(QWidget):
    """A list page that draws itself, as the Graph and the Timeline do."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[QRectF] = []

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        self.targets.append(target)
        painter.fillRect(target.adjusted(0, 0, -target.width() / 2, -target.height() / 2), QColor("#0072b2"))
        painter.drawText(target, "Drawn view")


def test_a_view_that_draws_itself_is_asked_to(window: MainWindow, tmp_path: Path) -> None:
    view = _Drawn()
    window.add_list_page(view)
    window.show_list_page(view)
    target = tmp_path / "view.pdf"
    assert printing.save_pdf(window, target)
    assert len(view.targets) == 1
    assert view.targets[0].width() > view.targets[0].height() > 1000  # a landscape page
    assert "Drawnview" in _text(target)


def test_the_notes_view_prints_the_notes_digest(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """With the Notes view on screen, the digest File ▸ Export writes: a section per entry with
    its notes, their footnotes at the end."""
    window.finish()
    wait_finished(qtbot, window)
    laos = window.library.entries.ref("laos")
    assert laos is not None
    window.library.notes.create(
        entry_id=laos.id, title="Digest check", body="Seen in the digest.[^1]\n\n[^1]: Lao News Agency.\n"
    )
    window.notes.show_notes_view()  # type: ignore[attr-defined]
    window.setFocus()
    target = tmp_path / "digest.pdf"
    assert printing.save_pdf(window, target)
    text = _text(target)
    assert _bare("Seen in the digest.") in text
    assert _bare("Lao News Agency.") in text
    assert _bare("Laos") in text
    assert "roundtablenote" not in text  # (the marks import-notes reads are not printed)


def test_print_paints_the_entry_page_on_the_printer_chosen(window: MainWindow, tmp_path: Path) -> None:
    """(A printer that writes a PDF file stands for paper.)"""
    from PySide6.QtPrintSupport import QPrinter

    assert window.open_entry("laos")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.print_current(window, printer)
    assert _bare("Laos") in _text(tmp_path / "printed.pdf")
