"""Light Markdown highlighting for the note editor: headings, emphasis, code, quotes, list
markers, web links and [[entry links]] (a wavy underline on one that names no entry).

Colours come from the widget's palette only (light and dark themes alike), made readable on
its Base (app.gui.theme.readable: 4.5:1, as some platforms' dark palettes keep a dark link
blue), and are re-read when the palette changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from app.gui.theme import readable
from app.records.wikilinks import WIKILINK

_HEADING = re.compile(r"^#{1,6}\s.*$")
_QUOTE = re.compile(r"^\s{0,3}>.*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_\w])")
_CODE = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"\[[^\[\]\n]+\]\([^()\s]+\)|https?://[^\s<>()\"']+")

IN_FENCE = 1


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(
        self, document: QTextDocument, palette: QPalette, link_state: Callable[[str], bool | None]
    ) -> None:
        """`link_state(target)`: True if the target names an entry, False if not, None if unknown."""
        super().__init__(document)
        self._link_state = link_state
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        muted = readable(palette.color(QPalette.ColorRole.PlaceholderText), base)
        link = readable(palette.color(QPalette.ColorRole.Link), base)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self._heading = QTextCharFormat()
        self._heading.setFontWeight(QFont.Weight.Bold)
        self._heading.setForeground(link)
        self._strong = QTextCharFormat()
        self._strong.setFontWeight(QFont.Weight.Bold)
        self._emphasis = QTextCharFormat()
        self._emphasis.setFontItalic(True)
        self._code = QTextCharFormat()
        self._code.setFontFamilies(mono.families())
        self._code.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
        self._quote = QTextCharFormat()
        self._quote.setForeground(muted)
        self._quote.setFontItalic(True)
        self._marker = QTextCharFormat()
        self._marker.setForeground(muted)
        self._marker.setFontWeight(QFont.Weight.Bold)
        self._link = QTextCharFormat()
        self._link.setForeground(link)
        self._link.setFontUnderline(True)
        self._missing = QTextCharFormat()
        self._missing.setForeground(muted)
        self._missing.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._missing.setUnderlineColor(link)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        fence = _FENCE.match(text)
        if self.previousBlockState() == IN_FENCE:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(-1 if fence else IN_FENCE)
            return
        if fence:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        base = QTextCharFormat()
        if _HEADING.match(text):
            base = self._heading
        elif _QUOTE.match(text):
            base = self._quote
        self.setFormat(0, len(text), base)
        marker = _LIST.match(text)
        if marker:
            self.setFormat(0, marker.end(), self._marker)
        for pattern, fmt in ((_STRONG, self._strong), (_EMPHASIS, self._emphasis), (_LINK, self._link)):
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), _over(base, fmt))
        for m in WIKILINK.finditer(text):
            state = self._link_state(m.group(1).strip())
            fmt = self._missing if state is False else self._link
            self.setFormat(m.start(), m.end() - m.start(), _over(base, fmt))
        for m in _CODE.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self._code)


def _over(base: QTextCharFormat, fmt: QTextCharFormat) -> QTextCharFormat:
    """`fmt` on top of the line's format: bold inside a heading stays a heading."""
    merged = QTextCharFormat(base)
    merged.merge(fmt)
    return merged
