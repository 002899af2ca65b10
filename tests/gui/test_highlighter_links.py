"""The note editor marks as links exactly the [[links]] the one grammar finds (issue #19): not
one in an inline code span, a fenced or an indented code block, as the preview, backlinks
and the export read them; an edit that turns a later line into code, or back, repaints it."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from app.gui.notes.highlighter import MarkdownHighlighter

NOTE = (
    "See [[alpha]] and `[[beta]]` and ``x [[gamma]] x``.\n"
    "\n"
    "```\n"
    "[[delta]]\n"
    "```\n"
    "\n"
    "    [[epsilon]]\n"
    "\n"
    "- an item with [[zeta]]\n"
)


def _linked(document: QTextDocument) -> list[str]:
    """The texts drawn underlined (as links are), in order."""
    found = []
    block = document.begin()
    while block.isValid():
        for span in block.layout().formats():
            if (
                span.format.fontUnderline()
                or span.format.underlineStyle() != span.format.underlineStyle().NoUnderline
            ):
                found.append(block.text()[span.start : span.start + span.length])
        block = block.next()
    return found


def _highlight(text: str, asked: list[str]) -> tuple[QTextDocument, MarkdownHighlighter]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    document = QTextDocument()
    document.documentLayout()  # (as an editor's has: without one, edits are not announced)
    document.setPlainText(text)

    def state(target: str) -> bool:
        asked.append(target)
        return target != "zeta"

    highlighter = MarkdownHighlighter(document, app.palette(), state)
    highlighter.rehighlight()
    return document, highlighter


def test_only_links_outside_code_are_drawn_as_links(qapp: QApplication) -> None:
    asked: list[str] = []
    document, _highlighter = _highlight(NOTE, asked)
    assert _linked(document) == ["[[alpha]]", "[[zeta]]"]  # zeta names no entry: a wavy line
    assert set(asked) == {"alpha", "zeta"}  # code is not even looked up


def test_an_edit_that_makes_a_later_line_code_repaints_it(qapp: QApplication) -> None:
    document, _highlighter = _highlight("Some text\n    [[alpha]] continues it", [])
    assert _linked(document) == ["[[alpha]]"]  # an indented line after text continues the paragraph
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("Some text\n")  # now a blank line stands before it: an indented code block
    assert _linked(document) == []
    cursor.deletePreviousChar()  # and back
    assert _linked(document) == ["[[alpha]]"]
    end = QTextCursor(document)
    end.movePosition(QTextCursor.MoveOperation.End)
    end.insertText("\nand [[omega]]")
    assert _linked(document) == ["[[alpha]]", "[[omega]]"]
