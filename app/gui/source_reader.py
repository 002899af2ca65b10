"""A source's text in the window, to read and to cite from: each paragraph with its locator in
the margin (page and paragraph, as citations name them), the passages that citations quote
highlighted, a click on a highlight listing what it supports (choose one to open its entry).

The displayed document is built paragraph by paragraph from app/records/anchors.paragraphs
with an empty line between, and OffsetMap keeps where each paragraph stands both in the
document (Qt counts UTF-16 code units) and in the source's text (Python counts code points),
so a selection maps back to the exact characters of `source.archived_text` and a quote's anchor
is the text's own, whatever its script.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.gui.detail_html import use_label
from app.records.entries import CitedPassage, SourceReading, SourceUse

if TYPE_CHECKING:  # finding quotes (anchors, difflib) waits for a source's text: not the first paint's
    from app.records.anchors import Paragraph

# Characters Qt would merge with the next into one block break ("\r\n" counts as one): shown
# as a space so that every character of the text keeps one place in the document.
_SHOWN_AS_SPACE = str.maketrans({"\r": " "})


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class OffsetMap:
    """Where each paragraph of a text stands in the displayed document and in the text.

    `display` is what the document holds: the paragraphs' own characters (one for one; "\\r"
    shown as a space), an empty line between paragraphs. Document positions count UTF-16 code
    units as Qt does; text offsets count code points as Python does."""

    SEPARATOR = "\n\n"

    def __init__(self, text: str, paragraphs: Sequence[Paragraph]) -> None:
        self.text = text
        self.paragraphs = tuple(paragraphs)
        pieces: list[str] = []
        self._doc_starts: list[int] = []
        self._doc_ends: list[int] = []
        # For a paragraph with characters outside the BMP: the UTF-16 offset of each of its
        # characters (None when each character is one unit, as in Chinese, Lao and Latin).
        self._units: list[list[int] | None] = []
        at = 0
        for i, p in enumerate(self.paragraphs):
            if i:
                pieces.append(self.SEPARATOR)
                at += len(self.SEPARATOR)
            body = text[p.start : p.end].translate(_SHOWN_AS_SPACE)
            pieces.append(body)
            units = _utf16(body)
            self._doc_starts.append(at)
            self._doc_ends.append(at + units)
            if units == len(body):
                self._units.append(None)
            else:
                offsets, u = [], 0
                for ch in body:
                    offsets.append(u)
                    u += 2 if ord(ch) > 0xFFFF else 1
                offsets.append(u)
                self._units.append(offsets)
            at += units
        self.display = "".join(pieces)
        self._text_starts = [p.start for p in self.paragraphs]

    def doc_start(self, index: int) -> int:
        """Where paragraph `index` begins in the document."""
        return self._doc_starts[index]

    def to_text(self, position: int, *, forward: bool = True) -> int:
        """The text offset of document `position`. A position between two paragraphs goes to
        the start of the next one (`forward`) or to the end of the one before."""
        if not self.paragraphs:
            return 0
        i = max(0, bisect_right(self._doc_starts, position) - 1)
        para = self.paragraphs[i]
        if position < self._doc_starts[i]:
            return para.start
        if position > self._doc_ends[i]:
            if forward and i + 1 < len(self.paragraphs):
                return self.paragraphs[i + 1].start
            return para.end
        unit = position - self._doc_starts[i]
        offsets = self._units[i]
        if offsets is None:
            return para.start + unit
        # A position inside a surrogate pair belongs to its character.
        return para.start + max(0, bisect_right(offsets, unit) - 1)

    def to_doc(self, offset: int) -> int:
        """The document position of text `offset` (an offset between paragraphs goes to the
        start of the next one)."""
        if not self.paragraphs:
            return 0
        i = max(0, bisect_right(self._text_starts, offset) - 1)
        para = self.paragraphs[i]
        if offset > para.end and i + 1 < len(self.paragraphs):
            return self._doc_starts[i + 1]
        within = min(max(offset, para.start), para.end) - para.start
        offsets = self._units[i]
        return self._doc_starts[i] + (within if offsets is None else offsets[within])

    def span(self, doc_start: int, doc_end: int) -> tuple[int, int] | None:
        """The text span of a document selection, white space at either end left out; None
        when it holds nothing but white space."""
        s = self.to_text(min(doc_start, doc_end), forward=True)
        e = self.to_text(max(doc_start, doc_end), forward=False)
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return (s, e) if s < e else None


def marker_colour(palette: QPalette) -> QColor:
    """The background of a cited passage: a pale marker on a light page, a dark amber on a dark
    one, so the text keeps its contrast either way."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(110, 88, 20) if dark else QColor(255, 233, 140)


class _Margin(QWidget):
    """The locators beside the text: paints what the reader tells it to."""

    def __init__(self, text: ReaderText) -> None:
        super().__init__(text)
        self._text = text

    def sizeHint(self) -> QSize:
        return QSize(self._text.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._text.paint_margin(self, event)


class ReaderText(QPlainTextEdit):
    """The text itself: read-only, selectable, highlighted, with locators in its left margin."""

    passage_clicked = Signal(object, QPoint)  # list[CitedPassage] under a click, global point
    context_menu_requested = Signal(QMenu, object)  # the menu, the passages under the pointer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.map = OffsetMap("", ())
        self.passages: tuple[CitedPassage, ...] = ()
        # block number -> (locator, first paragraph of a page?, a page before it?)
        self._labels: dict[int, tuple[str, bool, bool]] = {}
        self._margin_px = 0
        self._margin = _Margin(self)
        self._press: QPoint | None = None
        self.updateRequest.connect(self._scrolled)

    # --- content ---------------------------------------------------------------------------

    def show_reading(self, reading: SourceReading | None) -> None:
        if reading is None:
            self.map = OffsetMap("", ())
            self.passages = ()
            self._labels = {}
            self.setPlainText("")
            self._update_margin()
            return
        same_text = reading.text == self.map.text and reading.paragraphs == self.map.paragraphs
        if not same_text:
            self.map = OffsetMap(reading.text, reading.paragraphs)
            self.setPlainText(self.map.display)
            doc = self.document()
            paged = reading.paged
            self._labels = {}
            for i, p in enumerate(reading.paragraphs):
                block = doc.findBlock(self.map.doc_start(i)).blockNumber()
                if paged and p.number == 1:
                    label = self.tr("p. {page}, ¶ {number}").format(page=p.page, number=p.number)
                else:
                    label = self.tr("¶ {number}").format(number=p.number)
                first = paged and p.number == 1
                self._labels[block] = (label, first, first and p.page > 1)
            self._update_margin()
        self.passages = reading.passages
        self.paint_highlights()

    def paint_highlights(self) -> None:
        marker = QTextCharFormat()
        marker.setBackground(marker_colour(self.palette()))
        marker.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selections = []
        for passage in self.passages:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.map.to_doc(passage.start))
            cursor.setPosition(self.map.to_doc(passage.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = marker
            selections.append(selection)
        self.setExtraSelections(selections)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as offsets in the source's text (white space at its ends left out)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.map.span(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select text[start:end] in the document, as a reader's drag would."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_doc(start))
        cursor.setPosition(self.map.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def passages_at(self, offset: int) -> list[CitedPassage]:
        return [p for p in self.passages if p.start <= offset < p.end]

    def passages_at_point(self, point: QPoint) -> list[CitedPassage]:
        position = self.cursorForPosition(point).position()
        if not self.map.paragraphs:
            return []
        return self.passages_at(self.map.to_text(position, forward=False))

    # --- the margin ------------------------------------------------------------------------

    def margin_width(self) -> int:
        """The margin's width, measured when the labels change (a long text has thousands)."""
        return self._margin_px

    def _measure_margin(self) -> int:
        if not self._labels:
            return 0
        metrics = self._margin_font_metrics()
        # Each label once: most repeat ('¶ 3' on every page).
        widest = max(metrics.horizontalAdvance(label) for label in {t for t, _, _ in self._labels.values()})
        return widest + 18

    def _margin_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _margin_font_metrics(self) -> QFontMetrics:
        return QFontMetrics(self._margin_font())

    def _update_margin(self) -> None:
        self._margin_px = self._measure_margin()
        self.setViewportMargins(self._margin_px, 0, 0, 0)
        self._place_margin()
        self._margin.update()

    def _place_margin(self) -> None:
        rect = self.contentsRect()
        self._margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))

    def _scrolled(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A switch between light and dark, or another font, while a text is read.
        if event.type() == QEvent.Type.PaletteChange:
            self.paint_highlights()
        elif event.type() == QEvent.Type.FontChange:
            self._update_margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_margin()

    def paint_margin(self, margin: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(margin)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        text_colour = palette.color(QPalette.ColorRole.Text)
        font = self._margin_font()
        bold = QFont(font)
        bold.setBold(True)
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        width = margin.width() - 8
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            label = self._labels.get(block.blockNumber())
            if label is not None and block.isVisible():
                text, page_start, _rule = label
                painter.setFont(bold if page_start else font)
                painter.setPen(text_colour if page_start else muted)
                line = block.layout().lineAt(0) if block.layout().lineCount() else None
                height = int(line.height()) if line is not None else int(geometry.height())
                painter.drawText(
                    QRect(0, int(geometry.top()), width, height),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
            block = block.next()
        painter.end()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # A rule across the page where a new page of the original begins.
        starts = [b for b, (_, _first, rule) in self._labels.items() if rule]
        if not starts:
            return
        painter = QPainter(self.viewport())
        pen = QPen(self.palette().color(QPalette.ColorRole.Mid))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        doc = self.document()
        offset = self.contentOffset()
        for number in starts:
            above = doc.findBlockByNumber(number - 1)
            if not above.isValid():
                continue
            geometry = self.blockBoundingGeometry(above).translated(offset)
            if geometry.bottom() < event.rect().top() or geometry.top() > event.rect().bottom():
                continue
            y = int(geometry.center().y())
            painter.drawLine(0, y, self.viewport().width(), y)
        painter.end()

    # --- clicks ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        pressed, self._press = self._press, None
        # A click (not a drag that selects) on a highlight lists what it supports.
        if pressed is None or (point - pressed).manhattanLength() > 3 or self.textCursor().hasSelection():
            return
        under = self.passages_at_point(point)
        if under:
            self.passage_clicked.emit(under, self.viewport().mapToGlobal(point))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            under = self.passages_at_point(point)
            if under:
                lines = [
                    f"<b>{escape(u.subject.name)}</b>: {escape(use_label(u))}"
                    if u.subject
                    else escape(use_label(u))
                    for p in under
                    for u in p.uses
                ]
                QToolTip.showText(event.globalPos(), "<br>".join(lines[:12]), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.context_menu_requested.emit(menu, self.passages_at_point(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()


class SourceReader(QWidget):
    """The reader pane under a source's detail: a heading line, the Cite… button and the text."""

    entry_chosen = Signal(str)  # the slug of an entry a highlight supports, chosen to open
    selection_changed = Signal(bool)  # whether a passage is selected (Cite… is possible)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Source text"))
        self.reading: SourceReading | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.cite_button = QToolButton(self)
        self.cite_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.text = ReaderText(self)
        self.text.setAccessibleName(self.tr("Source text"))
        self.passage_menu: QMenu | None = None  # the last list of what a highlight supports
        self._cite_action: QAction | None = None

        top = QHBoxLayout()
        top.setContentsMargins(8, 4, 8, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.cite_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)

        self.text.selectionChanged.connect(lambda: self.selection_changed.emit(self.has_selection()))
        self.text.passage_clicked.connect(self._show_uses)
        self.text.context_menu_requested.connect(self._extend_menu)

    def set_cite_action(self, action: QAction) -> None:
        """The window's Cite… action: the button beside the heading and the context menu's."""
        self._cite_action = action
        self.cite_button.setDefaultAction(action)

    def show_reading(self, reading: SourceReading | None) -> None:
        keep = reading is not None and self.reading is not None and reading.source == self.reading.source
        scrolled = self.text.verticalScrollBar().value() if keep else 0
        self.reading = reading
        self.text.show_reading(reading)
        self.text.verticalScrollBar().setValue(scrolled)
        if reading is None:
            self.heading.clear()
        else:
            pages = reading.paragraphs[-1].page if reading.paged and reading.paragraphs else 0
            cited = len(reading.passages)
            parts = []
            if pages:
                parts.append(self.tr("%n page(s)", "", pages))
            parts.append(self.tr("%n paragraph(s)", "", len(reading.paragraphs)))
            parts.append(self.tr("%n passage(s) cited", "", cited))
            if reading.unplaced:
                parts.append(self.tr("%n quote(s) not found in this text", "", len(reading.unplaced)))
            self.heading.setText(", ".join(parts))
        self.selection_changed.emit(self.has_selection())

    def has_selection(self) -> bool:
        return self.reading is not None and self.text.selected_span() is not None

    def selected_span(self) -> tuple[int, int] | None:
        return self.text.selected_span() if self.reading is not None else None

    def uses_at(self, offset: int) -> list[SourceUse]:
        return [u for p in self.text.passages_at(offset) for u in p.uses]

    def _use_actions(self, menu: QMenu, passages: list[CitedPassage]) -> None:
        seen: set[int] = set()
        for passage in passages:
            for use in passage.uses:
                if use.citation_id in seen:
                    continue
                seen.add(use.citation_id)
                who = use.subject.name if use.subject else self.tr("an entry in the trash")
                label = use_label(use)
                if len(label) > 90:
                    label = label[:89] + "…"
                action = menu.addAction(f"{who} — {label}".replace("&", "&&"))
                if use.subject is None:
                    action.setEnabled(False)
                else:
                    slug = use.subject.slug
                    action.triggered.connect(lambda _=False, s=slug: self.entry_chosen.emit(s))

    def _show_uses(self, passages: list[CitedPassage], where: QPoint) -> None:
        menu = QMenu(self)
        header = menu.addAction(self.tr("Cited for:"))
        header.setEnabled(False)
        self._use_actions(menu, passages)
        if self.passage_menu is not None:
            self.passage_menu.deleteLater()
        self.passage_menu = menu
        menu.popup(where)

    def _extend_menu(self, menu: QMenu, passages: list[CitedPassage]) -> None:
        # Cite… and what the passage under the pointer is cited for, before Copy and Select All.
        ours: list[QAction] = []
        if self._cite_action is not None:
            ours.append(self._cite_action)
        if passages:
            submenu = QMenu(self.tr("Cited for"), menu)
            self._use_actions(submenu, passages)
            ours.append(submenu.menuAction())
        if not ours:
            return
        first = menu.actions()[0] if menu.actions() else None
        if first is None:
            menu.addActions(ours)
            return
        menu.insertActions(first, ours)
        menu.insertSeparator(first)
