"""The Graph view's legend: the shape and colour of each kind of entry shown and the line of
each relation shown, in a strip under the canvas drawn as the Timeline's legend is
(app/gui/timeline/canvas.py): a swatch, then the words, wrapped to the width."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.gui.graph.canvas import KIND_STYLE, edge_pen, shape_path
from app.gui.i18n import kind_plural, translate
from app.services.kinds import KINDS
from app.services.relation_filters import RELATION_LABELS, RELATIONS

SWATCH = 22.0  # the width of a swatch, as the Timeline's
GAP = 5.0  # between a swatch and its words
SPACE = 16.0  # between one entry and the next


class GraphLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphLegend")
        self.setAccessibleName(self.tr("Legend"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.kinds: list[str] = []
        self.relations: list[str] = []
        self._fit()

    def set_shown(self, kinds: set[str], relations: set[str]) -> None:
        """Name the kinds and relations in `kinds` and `relations` (what the graph holds), in
        the order of the Show menu."""
        self.kinds = [k.key for k in KINDS if k.key in kinds]
        self.relations = [r for r in RELATIONS if r in relations]
        self._fit()
        self.update()

    def entries(self) -> list[tuple[str, str]]:
        """(key, words) for each entry of the legend: 'kind:…' or 'relation:…'."""
        return [(f"kind:{k}", kind_plural(k)) for k in self.kinds] + [
            (f"relation:{r}", translate("Relations", RELATION_LABELS[r])) for r in self.relations
        ]

    def _line(self) -> float:
        return round(QFontMetricsF(self.font()).height() * 1.7)

    def _placed(self, width: float) -> list[tuple[str, str, float, int]]:
        fm = QFontMetricsF(self.font())
        placed = []
        x, line = 8.0, 0
        for key, words in self.entries():
            advance = SWATCH + GAP + fm.horizontalAdvance(words) + SPACE
            if x > 8 and x + advance - SPACE > width:
                x, line = 8.0, line + 1
            placed.append((key, words, x, line))
            x += advance
        return placed

    def _fit(self) -> None:
        placed = self._placed(max(self.width(), 1))
        lines = 1 + max((p[3] for p in placed), default=0) if placed else 0
        self.setFixedHeight(int(lines * self._line() + 4) if lines else 0)

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        ink = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), base)
        faint = QColor(ink)
        faint.setAlpha(60)
        painter.setPen(QPen(faint, 1))
        painter.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        fm = QFontMetricsF(self.font())
        line_height = self._line()
        outline = QPen(ink, 1.0)
        for key, words, x, line in self._placed(self.width()):
            middle = 2 + line * line_height + line_height / 2
            what, name = key.split(":", 1)
            if what == "kind":
                colour, shape = KIND_STYLE.get(name, ("#999999", "circle"))
                painter.setPen(outline)
                painter.setBrush(QColor(colour))
                painter.drawPath(shape_path(shape, fm.height() * 0.38).translated(x + SWATCH / 2, middle))
            else:
                pen = edge_pen(name, ink)
                pen.setWidthF(1.5)  # a sample a little bolder than the graph's lines, to be seen
                painter.setPen(pen)
                painter.drawLine(QPointF(x, middle), QPointF(x + SWATCH, middle))
            painter.setPen(ink)
            painter.drawText(
                QRectF(
                    x + SWATCH + GAP, middle - fm.height() / 2, fm.horizontalAdvance(words) + 2, fm.height()
                ),
                words,
            )
        painter.end()
