"""The results of a search as a list: a heading per kind, its hits, and a "more" line.

The model holds plain Results from app/services/search.py; the delegate draws a hit as its
title over a one-line snippet, the matched characters marked.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument
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


def marked_html(snippet: Snippet) -> str:
    """`snippet` as HTML with its matches marked."""
    out = []
    at = 0
    for start, end in snippet.spans:
        out.append(html.escape(snippet.text[at:start]))
        out.append(f'<span style="background-color:{MARK_COLOR}; color:#000">')
        out.append(html.escape(snippet.text[start:end]) + "</span>")
        at = end
    out.append(html.escape(snippet.text[at:]))
    return "".join(out)


class SearchResultsDelegate(QStyledItemDelegate):
    """Headings in small capitals; hits as a title line and a snippet line, matches marked."""

    PAD = 8

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
        self, painter: QPainter, rect: QRect, hit: Hit, option: QStyleOptionViewItem, color: Any
    ) -> None:
        in_name = hit.field in _FIELD_LABEL
        title = marked_html(hit.snippet) if in_name else html.escape(hit.title)
        body = f"<b>{title}</b>"
        if hit.entry_name:
            on = translate("SearchResults", "· on {entry}").format(entry=html.escape(hit.entry_name))
            body += f' <span style="color:{_muted(color)}">{on}</span>'
        if not in_name:
            label = html.escape(field_name(hit.field))
            body += f'<br><span style="color:{_muted(color)}">{label}:</span> {marked_html(hit.snippet)}'
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(f'<div style="color:{color.name()}; white-space:pre">{body}</div>')
        painter.translate(rect.left() + self.PAD * 3, rect.top() + 5)
        clip = QRect(0, 0, rect.width() - self.PAD * 4, rect.height() - 6)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(clip)
        doc.documentLayout().draw(painter, context)


def _muted(color: Any) -> str:
    """A color between `color` and the background: for labels beside the text."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    ours = (color.red(), color.green(), color.blue())
    theirs = (base.red(), base.green(), base.blue())
    mix = [(a + b) // 2 for a, b in zip(ours, theirs, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in mix)
