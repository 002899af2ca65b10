"""File ▸ Print… (Ctrl+P) and File ▸ Save as PDF…: what the window shows, on paper or as a PDF.

What is printed is what is current: a view that draws itself (the Graph and the Timeline: a
list page with `render_to(painter, target)`), else the note open in the notes panel when the
panel has the focus, else the notes digest when the Notes view is on screen, else the entry on
the detail page. Pages print black on white whatever the window's theme, and their citations
as footnotes, numbered, listed at the end as a printed page shows them: the entry page's
numbering (app/gui/detail_html.py), a note's Markdown footnotes, the digest's footnotes
(app/services/markdown_export.py writes it; rendered here as the note preview renders Markdown).

A PDF is made in memory and written all at once (app/io/atomic.py), so a folder that cannot be
written leaves nothing behind and is said in one sentence.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from app.gui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.gui.main_window import MainWindow

# Print colours: text, muted text, rules (as the detail page's style sheet takes them).
_INK = ("#000000", "#555555", "#999999")
_MARGIN_MM = 18.0


@runtime_checkable
class DrawsItself(Protocol):
    """A view that paints itself onto a page (the Graph, the Timeline)."""

    def render_to(self, painter: QPainter, target: QRectF) -> None: ...


@dataclass(frozen=True)
class Printable:
    """Something to print: its title (the PDF's name and title) and how to paint it."""

    title: str
    paint: Callable[[QPagedPaintDevice], None]
    landscape: bool = False  # a view is wider than high, as the window shows it


def install(window: MainWindow) -> None:
    print_action = QAction(translate("Printing", "&Print…"), window)
    print_action.setObjectName("printAction")
    print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_action.setStatusTip(translate("Printing", "Print the entry, note or view on screen"))
    print_action.triggered.connect(lambda: print_current(window))
    pdf_action = QAction(translate("Printing", "Save as P&DF…"), window)
    pdf_action.setObjectName("savePdfAction")
    pdf_action.setStatusTip(translate("Printing", "Save the entry, note or view on screen as a PDF file"))
    pdf_action.triggered.connect(lambda: save_pdf(window))
    window.file_menu.insertActions(window.quit_action, [print_action, pdf_action])
    window.file_menu.insertSeparator(window.quit_action)


# --- what is current -----------------------------------------------------------------------


def current(window: MainWindow) -> Printable | None:
    """What File ▸ Print would print now, or None when nothing is shown."""
    page = window.list_stack.currentWidget()
    if isinstance(page, DrawsItself):
        return Printable(_view_title(window, page), lambda device: _paint_view(page, device), landscape=True)
    note = _focused_note(window)
    if note is not None:
        return note
    from app.gui.notes.notes_view import NotesView

    if isinstance(page, NotesView):
        return _digest(window)
    detail = window.detail_view.detail
    if detail is not None:
        from app.gui import name_script
        from app.gui.detail_html import NEW_NOTE_SCHEME, render

        html = render(
            detail,
            with_text=window.detail_view.with_text,
            script=name_script.current(),
            names=window.detail_view.names,
        )
        # (A link that starts a note does nothing on paper.)
        html = re.sub(rf'<p><a href="{NEW_NOTE_SCHEME}:[^"]*">[^<]*</a></p>', "", html)
        return Printable(detail.ref.name, lambda device: _paint_html(html, device))
    return None


def _view_title(window: MainWindow, page: object) -> str:
    title = getattr(page, "windowTitle", None)
    text = title() if callable(title) else ""
    return str(text) or window.windowTitle()


def _focused_note(window: MainWindow) -> Printable | None:
    from app.gui.notes.panel import NotesPanel

    panel = window.findChild(NotesPanel)
    focus = QApplication.focusWidget()
    if panel is None or panel.editor.note is None or focus is None or not panel.isAncestorOf(focus):
        return None
    from html import escape

    from app.gui.detail_html import untitled
    from app.gui.notes.preview_html import render

    note = panel.editor.note
    body = panel.editor.body.toPlainText()
    title = note.title or untitled()
    heading = f"<h1>{escape(title)}</h1>"
    if note.entry is not None:
        heading += f"<p class='meta'>{escape(note.entry.name)}</p>"
    html = heading + render(body, window.library.notes.links_in(body))
    return Printable(title, lambda device: _paint_html(html, device))


def _digest(window: MainWindow) -> Printable:
    """The notes digest (File ▸ Export's digest of the notes only: the notes, the entries they
    are on named), as Markdown rendered for the page. (The whole library's digest, every entry
    with its facts and citations, is a book: 280 pages of the bundled data.)"""
    from app.gui.notes.preview_html import render
    from app.services.markdown_export import MarkdownExport, Scope

    title = translate("Printing", "Notes digest")

    def paint(device: QPagedPaintDevice) -> None:
        with tempfile.TemporaryDirectory(prefix="roundtable-print-") as folder:
            target = Path(folder) / "digest.md"
            window.library.export_markdown(MarkdownExport(Scope(notes_only=True), digest=target))
            text = target.read_text(encoding="utf-8")
        _paint_html(render(_without_front_matter(text), {}), device)

    return Printable(title, paint)


def _without_front_matter(text: str) -> str:
    """The digest's Markdown without what is there for `roundtable import-notes` (the front
    matter, each note's marking comments), which the page would show as text."""
    found = re.match(r"---\n.*?\n---\n", text, flags=re.DOTALL)
    return re.sub(r"<!--.*?-->\n?", "", text[found.end() :] if found else text, flags=re.DOTALL)


# --- painting ------------------------------------------------------------------------------


def _paint_html(html: str, device: QPagedPaintDevice) -> None:
    from app.gui.detail_html import style_sheet

    document = QTextDocument()
    # Links in ink: on paper they are words (the footnote marks keep their numbers).
    document.setDefaultStyleSheet(style_sheet(*_INK) + f" a {{ color: {_INK[0]}; text-decoration: none; }}")
    document.setHtml(html)
    document.print_(device)


def _paint_view(view: DrawsItself, device: QPagedPaintDevice) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Printing", "The page could not be drawn."))
    try:
        layout = device.pageLayout()
        rect = layout.paintRectPixels(device.logicalDpiX())
        view.render_to(painter, QRectF(0, 0, rect.width(), rect.height()))
    finally:
        painter.end()


def _page_layout(landscape: bool) -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def pdf_bytes(printable: Printable) -> bytes:
    """`printable` as a PDF file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(printable.title)
    writer.setCreator("Roundtable")
    writer.setResolution(300)
    writer.setPageLayout(_page_layout(printable.landscape))
    printable.paint(writer)
    del writer  # (the file is finished when the writer goes)
    buffer.close()
    return bytes(data.data())


# --- the actions ---------------------------------------------------------------------------


def _nothing(window: MainWindow) -> None:
    window.statusBar().showMessage(
        translate("Printing", "Nothing to print: open an entry, a note or a view first."), 8000
    )


def print_current(window: MainWindow, printer: QPrinter | None = None) -> bool:
    """Ask which printer (unless `printer` is given, already chosen) and print what is current;
    whether it was printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printable = current(window)
    if printable is None:
        _nothing(window)
        return False
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(_page_layout(printable.landscape))
        printer.setDocName(printable.title)
        dialog = QPrintDialog(printer, window)
        dialog.setWindowTitle(translate("Printing", "Print “{title}”").format(title=printable.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        printable.paint(printer)
    except OSError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(window, translate("Printing", "Not printed"), str(exc))
        return False
    QGuiApplication.restoreOverrideCursor()
    return True


def save_pdf(window: MainWindow, target: Path | None = None) -> bool:
    """Ask where (unless `target` is given) and write what is current there as a PDF; whether
    it was written. A failure is said in one message box and leaves no file."""
    from app.io import atomic

    printable = current(window)
    if printable is None:
        _nothing(window)
        return False
    if target is None:
        suggested = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", printable.title).strip() or "roundtable"
        chosen, _ = QFileDialog.getSaveFileName(
            window,
            translate("Printing", "Save as PDF"),
            suggested + ".pdf",
            translate("Printing", "PDF files (*.pdf)"),
        )
        if not chosen:
            return False
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".pdf")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        atomic.write_bytes(target, pdf_bytes(printable))
    except OSError as exc:
        QGuiApplication.restoreOverrideCursor()
        reason = exc.strerror or str(exc)
        QMessageBox.warning(
            window,
            translate("Printing", "PDF not saved"),
            translate("Printing", "{path} could not be written: {reason}.").format(
                path=target, reason=reason
            ),
        )
        return False
    QGuiApplication.restoreOverrideCursor()
    window.statusBar().showMessage(translate("Printing", "Saved {path}").format(path=target), 8000)
    return True
