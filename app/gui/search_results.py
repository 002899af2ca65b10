"""The results of a search as a list: a heading per kind, its hits, and a "more" line.

The model holds plain Results from app/services/search.py; the delegate draws a hit as its
title over a one-line snippet, the matched characters marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.gui.i18n import translate
from app.i18n import N_
from app.services.search import Group, Hit, Results, Snippet

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the _Row of an index

_Index = QModelIndex | QPersistentModelIndex
_FIELD_LABEL = {"name": "", "note title": ""}  # hits in a name: the name itself is shown
# Where a hit was found (the search index's field keys, app/db/search_index.py), as shown.
_FIELD_NAMES = {
    "name": N_("SearchFields", "name"),
    "alias": N_("SearchFields", "other name"),
    "abbreviation": N_("SearchFields", "abbreviation"),
    "official name": N_("SearchFields", "official name"),
    "note title": N_("SearchFields", "note title"),
    "summary": N_("SearchFields", "summary"),
    "title": N_("SearchFields", "title"),
    "fact": N_("SearchFields", "fact"),
    "statement": N_("SearchFields", "statement"),
    "quote": N_("SearchFields", "quote"),
    "capital": N_("SearchFields", "capital"),
    "place": N_("SearchFields", "place"),
    "source text": N_("SearchFields", "source text"),
    "note": N_("SearchFields", "note"),
}


def field_name(key: str) -> str:
    return translate("SearchFields", _FIELD_NAMES.get(key, key))


def group_label(group: Group) -> str:
    return translate("Kinds", group.label)


def more_label(group: Group) -> str:
    return translate("SearchResults", "More in {group}…").format(group=group_label(group))


MARK_COLOR = "#ffe27a"  # the marker pen: readable under dark and light text alike


@dataclass(frozen=True)
class Row:
    type: str  # 'heading', 'hit' or 'more'
    group: Group
    hit: Hit | None = None


def rows_of(results: Results) -> list[Row]:
    rows: list[Row] = []
    for group in results.groups:
        rows.append(Row("heading", group))
        rows += [Row("hit", group, hit) for hit in group.hits]
        if group.more:
            rows.append(Row("more", group))
    return rows


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.results = Results("")

    def set_results(self, results: Results) -> None:
        self.beginResetModel()
        self.results = results
        self._rows = rows_of(results)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or row.type == "heading":
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.type == "heading":
                return group_label(row.group)
            if row.type == "more":
                return more_label(row.group)
            assert row.hit is not None
            return f"{row.hit.title} — {field_name(row.hit.field)}: {row.hit.snippet.text}"
        if role == Qt.ItemDataRole.ToolTipRole and row.hit is not None:
            return self.tr("Found in: {field}. Enter opens it.").format(field=field_name(row.hit.field))
        return None

    def first_hit(self) -> int:
        return next((i for i, r in enumerate(self._rows) if r.type != "heading"), -1)

    def step(self, row: int, delta: int) -> int:
        """The next row after `row` in direction `delta` that can be chosen (or `row`)."""
        at = row + delta
        while 0 <= at < len(self._rows):
            if self._rows[at].type != "heading":
                return at
            at += delta
        return row


class SearchResultsDelegate(QStyledItemDelegate):
    """Headings in small capitals; hits as a title line and a snippet line, matches marked.

    A hit's lines are laid out once and kept until the results change (`forget`): moving
    through the results with the arrow keys repaints rows without shaping their text again."""

    PAD = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # By the hit itself (equal hits lay out alike), its colour (chosen or not) and the font.
        self._laid_out: dict[tuple[Hit, int, str], list[QTextLayout]] = {}

    def forget(self) -> None:
        """The results changed: the kept layouts belong to hits no longer shown."""
        self._laid_out.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        row = index.data(ROW_ROLE)
        line = option.fontMetrics.height()
        if row is None or row.type == "heading":
            return QSize(200, line + 10)
        if row.type == "more":
            return QSize(200, line + 8)
        hit: Hit = row.hit
        lines = 1 if hit.field in _FIELD_LABEL else 2
        return QSize(200, int(line * 1.35) * lines + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: Row | None = index.data(ROW_ROLE)
        if row is None:
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if row.type == "heading":
            font = QFont(option.font)
            font.setBold(True)
            font.setCapitalization(QFont.Capitalization.SmallCaps)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                rect.adjusted(self.PAD, 4, -self.PAD, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                group_label(row.group),
            )
            painter.restore()
            return
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        if row.type == "more":
            painter.setPen(text_color if selected else palette.color(QPalette.ColorRole.Link))
            painter.drawText(
                rect.adjusted(self.PAD * 3, 0, -self.PAD, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                more_label(row.group),
            )
            painter.restore()
            return
        assert row.hit is not None
        self._paint_hit(painter, rect, row.hit, option, text_color)
        painter.restore()

    def _paint_hit(
        self, painter: QPainter, rect: QRect, hit: Hit, option: QStyleOptionViewItem, color: QColor
    ) -> None:
        """The title over the snippet, laid out as text with formats (no HTML to parse: a
        panel of results paints in a few milliseconds)."""
        key = (hit, color.rgba(), option.font.key())
        layouts = self._laid_out.get(key)
        if layouts is None:
            layouts = self._laid_out[key] = self._lay_out(hit, option.font, color)
        painter.setClipRect(rect.adjusted(self.PAD * 3, 0, -self.PAD, 0))
        painter.setPen(color)
        x = rect.left() + self.PAD * 3
        y = rect.top() + 5
        step = int(option.fontMetrics.height() * 1.35)
        for layout in layouts:
            layout.draw(painter, QPointF(x, y))
            y += step

    @staticmethod
    def _lay_out(hit: Hit, font: QFont, color: QColor) -> list[QTextLayout]:
        in_name = hit.field in _FIELD_LABEL
        muted = _muted(color)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        parts: list[tuple[str, QTextCharFormat | None]] = []
        if in_name:
            parts += _marked(hit.snippet, bold)
        else:
            parts.append((hit.title, bold))
        if hit.entry_name:
            on = translate("SearchResults", "· on {entry}").format(entry=hit.entry_name)
            parts.append((f" {on}", _colored(muted)))
        lines = [parts]
        if not in_name:
            lines.append([(f"{field_name(hit.field)}: ", _colored(muted)), *_marked(hit.snippet, None)])
        return [_layout(line, font) for line in lines]


def _colored(color: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    return fmt


def _marked(snippet: Snippet, base: QTextCharFormat | None) -> list[tuple[str, QTextCharFormat | None]]:
    """The snippet in pieces, its matches marked (on top of `base`, if any)."""
    mark = QTextCharFormat(base) if base is not None else QTextCharFormat()
    mark.setBackground(QColor(MARK_COLOR))
    mark.setForeground(QColor("#000000"))
    out: list[tuple[str, QTextCharFormat | None]] = []
    at = 0
    for start, end in snippet.spans:
        out.append((snippet.text[at:start], base))
        out.append((snippet.text[start:end], mark))
        at = end
    out.append((snippet.text[at:], base))
    return [(text, fmt) for text, fmt in out if text]


def _layout(parts: list[tuple[str, QTextCharFormat | None]], font: QFont) -> QTextLayout:
    """One line of text with its formats, never wrapped (the painter clips it)."""
    text = "".join(t for t, _ in parts)
    layout = QTextLayout(text, font)
    formats = []
    at = 0
    for piece, fmt in parts:
        if fmt is not None:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = at, len(piece), fmt
            formats.append(span)
        at += len(piece)
    layout.setFormats(formats)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


def _muted(color: QColor) -> QColor:
    """A color between `color` and the background: for labels beside the text."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    return QColor(
        (color.red() + base.red()) // 2,
        (color.green() + base.green()) // 2,
        (color.blue() + base.blue()) // 2,
    )
