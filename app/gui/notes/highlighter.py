"""Light Markdown highlighting for the note editor: headings, emphasis, code, quotes, list
markers, web links and [[entry links]] (a wavy underline on one that names no entry).

Which [[...]] are links is decided by the one grammar the preview, backlinks and the export
read them by (app/records/wikilinks.py): one in an inline code span, a fenced or an indented
code block is code, not a link. That grammar reads the whole note (a fence or a blank line
decides what the lines after it are), so the links are found once per change of the text and
each line paints its own. A line's block state carries, beside "inside a fence", a hash of the
links after it, counted from the end of the note: when an edit turns later text into code or
back (typing a fence), that hash changes and Qt goes on to repaint the lines after it; when it
does not, Qt stops at the edited line as before.

Colours come from the widget's palette only (light and dark themes alike), made readable on
its Base (app.gui.theme.readable: 4.5:1, as some platforms' dark palettes keep a dark link
blue), and are re-read when the palette changes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from app.gui.theme import readable
from app.records.wikilinks import links

_HEADING = re.compile(r"^#{1,6}\s.*$")
_QUOTE = re.compile(r"^\s{0,3}>.*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_\w])")
_CODE = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"\[[^\[\]\n]+\]\([^()\s]+\)|https?://[^\s<>()\"']+")

IN_FENCE = 1
_HASH = 0x3FFFFFFF  # a block state is a C int: the hash shifted past the fence bit stays positive


@dataclass(frozen=True)
class _Links:
    """The links of one text of the note: (start, end, target), in order, and for each the hash
    of it and those after it, by their distance from the end of the text (which an edit before
    them does not change)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    starts: tuple[int, ...]
    tails: tuple[int, ...]  # one more than spans: the last is the hash of no links

    @classmethod
    def of(cls, text: str) -> _Links:
        spans = tuple((m.start(), m.end(), m.group(1).strip()) for m in links(text))
        tails = [0] * (len(spans) + 1)
        for i in range(len(spans) - 1, -1, -1):
            start, end, target = spans[i]
            tails[i] = hash((start - len(text), end - len(text), target, tails[i + 1])) & _HASH
        return cls(text, spans, tuple(s for s, _, _ in spans), tuple(tails))

    def holds(self, at: int, line: str) -> bool:
        """Whether `line` stands at `at` in this text, as a whole line."""
        end = at + len(line)
        return self.text.startswith(line, at) and (end == len(self.text) or self.text[end] == "\n")


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(
        self, document: QTextDocument, palette: QPalette, link_state: Callable[[str], bool | None]
    ) -> None:
        """`link_state(target)`: True if the target names an entry, False if not, None if unknown."""
        super().__init__(document)
        self._link_state = link_state
        self._found: _Links | None = None
        self._found_for = (-1, -1)
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

    def _links(self, at: int, line: str) -> _Links:
        """The note's links, found again when the note changed since they were."""
        document = self.document()
        key = (document.revision(), document.characterCount())
        found = self._found
        if found is None or self._found_for != key or not found.holds(at, line):
            found = self._found = _Links.of(document.toPlainText())
            self._found_for = key
        return found

    def highlightBlock(self, text: str) -> None:
        at = self.currentBlock().position()
        found = self._links(at, text)
        first = bisect_left(found.starts, at)
        after = bisect_left(found.starts, at + len(text) + 1, lo=first)
        previous = self.previousBlockState()
        fence = _FENCE.match(text)
        if previous != -1 and previous & IN_FENCE:
            self.setFormat(0, len(text), self._code)
            self._state(found, after, not fence)
            return
        if fence:
            self.setFormat(0, len(text), self._code)
            self._state(found, after, True)
            return
        self._state(found, after, False)
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
        for m in _CODE.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self._code)
        for start, end, target in found.spans[first:after]:
            state = self._link_state(target)
            fmt = self._missing if state is False else self._link
            self.setFormat(start - at, end - start, _over(base, fmt))

    def _state(self, found: _Links, after: int, in_fence: bool) -> None:
        self.setCurrentBlockState(found.tails[after] << 1 | (IN_FENCE if in_fence else 0))


def _over(base: QTextCharFormat, fmt: QTextCharFormat) -> QTextCharFormat:
    """`fmt` on top of the line's format: bold inside a heading stays a heading."""
    merged = QTextCharFormat(base)
    merged.merge(fmt)
    return merged
