"""The Graph view's drawing: one QGraphicsScene of plain Qt items (painted by Qt itself, no
Python per item and frame), a shape and colour per kind, a size per number of relations, and
labels shown only once the zoom makes them legible, so 10,000 nodes pan and zoom smoothly."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from app.gui.graph.layout import Placed, Positions
from app.records.graph import Graph, GraphEdge

# Okabe & Ito's colour-blind-safe palette (2008); its yellow is left out, unreadable on white.
# Each kind has a shape too, so that no one needs the colour to tell kinds apart.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "person": ("#D55E00", "circle"),  # vermillion
    "country": ("#0072B2", "square"),  # blue
    "organization": ("#009E73", "diamond"),  # bluish green
    "initiative": ("#CC79A7", "triangle"),  # reddish purple
    "event": ("#E69F00", "hexagon"),  # orange
    "source": ("#56B4E9", "pentagon"),  # sky blue
}
EDGE_STYLE: dict[str, Qt.PenStyle] = {
    "cited_by": Qt.PenStyle.DotLine,
    "mentioned_in": Qt.PenStyle.DashLine,
}
LABEL_ROOM = 110.0  # pixels of room an entry needs on screen before its label is drawn
LABEL_CHARS = 32
SMOOTH_NODES = 150  # entries in view up to which lines and shapes are antialiased
NODE, EDGE = 0, 1  # item.data(KIND_OF_ITEM)
KIND_OF_ITEM, INDEX, PINNED = 0, 1, 2  # item.data keys


def _elided(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def radius(degree: int) -> float:
    return min(6.0 + 3.0 * math.sqrt(degree), 30.0)


@functools.cache
def shape_path(shape: str, r: float) -> QPainterPath:
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), r, r)
        return path
    if shape == "square":
        side = r * 0.9
        path.addRect(QRectF(-side, -side, 2 * side, 2 * side))
        return path
    corners = {"diamond": (4, 90.0), "triangle": (3, 90.0), "hexagon": (6, 0.0), "pentagon": (5, 90.0)}
    count, turn = corners.get(shape, (4, 90.0))
    scale = 1.15 if count == 3 else 1.0
    polygon = QPolygonF(
        [
            QPointF(
                r * scale * math.cos(math.radians(turn + 360 * i / count)),
                -r * scale * math.sin(math.radians(turn + 360 * i / count)),
            )
            for i in range(count)
        ]
    )
    path.addPolygon(polygon)
    path.closeSubpath()
    return path


class GraphCanvas(QGraphicsView):
    node_selected = Signal(int)  # the node's index in the graph, -1 for none
    node_activated = Signal(int)  # double-clicked
    edge_activated = Signal(int)  # clicked
    node_moved = Signal(int)  # dragged (and so pinned)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphCanvas")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setMouseTracking(True)
        self.graph = Graph((), ())
        self.edge_tip: dict[int, str] = {}  # edge index -> its hover text, made when first hovered
        self.describe_edge: Callable[[GraphEdge], str] = lambda _edge: ""
        self.nodes: list[QGraphicsPathItem] = []
        self.labels: list[QGraphicsSimpleTextItem | None] = []  # made when first shown
        self.edges: list[QGraphicsLineItem] = []
        self._edges_of: dict[int, list[int]] = defaultdict(list)
        self._pressed: QPoint | None = None
        self._pressed_node = -1
        self._label_at: list[float] = []  # the zoom from which each node's label shows
        self._label_shown: list[bool] = []

    # --- building -----------------------------------------------------------------------------

    def set_graph(self, graph: Graph, positions: Positions) -> None:
        scene = self.scene()
        scene.clear()
        self.graph = graph
        self.edge_tip = {}
        self.nodes, self.labels, self.edges = [], [], []
        self._label_at, self._label_shown = [], []
        self._edges_of = defaultdict(list)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # while adding
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        line = QColor(ink)
        line.setAlpha(110)
        index = {n.id: i for i, n in enumerate(graph.nodes)}
        centres: list[QPointF] = []
        for i, node in enumerate(graph.nodes):
            at = positions.get(node.slug, Placed(0.0, 0.0))
            centres.append(QPointF(at.x, at.y))
            colour, shape = KIND_STYLE.get(node.kind, ("#999999", "circle"))
            r = radius(node.degree)
            item = QGraphicsPathItem(shape_path(shape, r))
            item.setBrush(QBrush(QColor(colour)))
            outline = QPen(ink, 2.5 if node.id == graph.centre else 1.0)
            outline.setCosmetic(True)
            item.setPen(outline)
            item.setPos(centres[-1])
            item.setZValue(2)
            item.setFlags(
                QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            )
            item.setData(KIND_OF_ITEM, NODE)
            item.setData(INDEX, i)
            item.setToolTip(node.name if node.name == node.recorded else f"{node.name}\n{node.recorded}")
            # Labels keep their size on screen whatever the zoom (always legible when shown);
            # which are shown depends on the zoom and the entry's number of relations.
            self._label_at.append(0.0 if node.id == graph.centre else 1.0 / math.sqrt(1 + node.degree / 3))
            scene.addItem(item)
            self.nodes.append(item)
            self.labels.append(None)
        for j, edge in enumerate(graph.edges):
            a, b = index[edge.source], index[edge.target]
            # One-pixel lines (a wider one costs a stroke of its own), titles and memberships darker.
            pen = QPen(ink if edge.relation in ("title", "member_of") else line, 1.0)
            pen.setCosmetic(True)
            pen.setStyle(EDGE_STYLE.get(edge.relation, Qt.PenStyle.SolidLine))
            item_line = QGraphicsLineItem(QLineF(centres[a], centres[b]))
            item_line.setPen(pen)
            item_line.setZValue(1)
            item_line.setData(KIND_OF_ITEM, EDGE)
            item_line.setData(INDEX, j)
            scene.addItem(item_line)
            self.edges.append(item_line)
            self._edges_of[a].append(j)
            self._edges_of[b].append(j)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        bounds = scene.itemsBoundingRect()
        scene.setSceneRect(bounds.adjusted(-200, -200, 200, 200))
        # A label wants LABEL_ROOM pixels of the square each entry has in the scene: the more
        # crowded the graph, the closer the zoom before labels show (hubs' first).
        if centres:
            xs, ys = [p.x() for p in centres], [p.y() for p in centres]
            room = math.sqrt(max((max(xs) - min(xs)) * (max(ys) - min(ys)), 1.0) / len(centres))
            self._label_at = [LABEL_ROOM / room * at for at in self._label_at]
        self._label_shown = [False] * len(self.labels)
        self.update_labels()

    def positions(self) -> Positions:
        return {
            n.slug: Placed(item.pos().x(), item.pos().y(), bool(item.data(PINNED)))
            for n, item in zip(self.graph.nodes, self.nodes, strict=True)
        }

    # --- zoom and level of detail -------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.02 <= scale <= 8:
            self.scale(factor, factor)
            self.update_labels()

    def fit(self) -> None:
        if self.nodes:
            self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.update_labels()

    def update_labels(self) -> None:
        """Show a label only where it can be read among the others: an entry's label from the
        zoom at which entries stand apart on screen, earlier for one with many relations (its
        place is found first), so that a zoomed-out 10,000-node graph draws a few labels or
        none, and zooming in brings the rest."""
        scale = self.transform().m11()
        self._smooth_when_few(scale)
        shown = self._label_shown
        for i, at in enumerate(self._label_at):
            want = scale >= at
            if want != shown[i]:
                shown[i] = want
                self.label(i).setVisible(want)

    def _smooth_when_few(self, scale: float) -> None:
        """Antialiasing only while few entries are in view: smoothing thousands of lines costs
        eight times the frame (benchmarks/graph.py), and at that zoom no one sees the steps."""
        bounds = self.scene().itemsBoundingRect()
        area = max(bounds.width() * bounds.height(), 1.0)
        seen = min(1.0, self.viewport().width() * self.viewport().height() / (scale * scale) / area)
        smooth = len(self.nodes) * seen <= SMOOTH_NODES
        self.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)

    @contextmanager
    def labels_for(self, zoom: float, size: float = 1.0) -> Iterator[None]:
        """Labels as they would show at `zoom`, `size` times their size on screen (a printer's
        pixels are smaller than the screen's), for drawing the scene elsewhere."""
        shown = list(self._label_shown)
        for i, at in enumerate(self._label_at):
            if zoom / size >= at:
                self.label(i).setScale(size)
                self.label(i).setVisible(True)
            elif (label := self.labels[i]) is not None:
                label.setVisible(False)
        try:
            yield
        finally:
            for i, label in enumerate(self.labels):
                if label is not None:
                    label.setScale(1.0)
                    label.setVisible(shown[i])

    def label(self, i: int) -> QGraphicsSimpleTextItem:
        """Node `i`'s label, made the first time it is wanted: a zoomed-out graph of 10,000
        entries makes none of them (its scene is built in half the time)."""
        label = self.labels[i]
        if label is None:
            node, item = self.graph.nodes[i], self.nodes[i]
            label = QGraphicsSimpleTextItem(_elided(node.name), item)
            label.setFont(self.font())
            label.setBrush(QBrush(self.palette().color(QPalette.ColorRole.Text)))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(0, item.boundingRect().bottom())
            label.setTransform(QTransform.fromTranslate(-label.boundingRect().width() / 2, 2))
            self.labels[i] = label
        return label

    def labels_shown(self) -> int:
        return sum(self._label_shown)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15**steps)
            event.accept()

    # --- pointing -----------------------------------------------------------------------------

    def _item_at(self, pos: QPoint, want: int) -> int:
        """The index of the node or edge (`want`) under `pos`, with a few pixels' slack for
        thin lines; -1 for none."""
        for item in self.items(QRect(pos - QPoint(4, 4), pos + QPoint(4, 4))):
            if item.data(KIND_OF_ITEM) == want:
                return int(item.data(INDEX))
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.position().toPoint()
        self._pressed_node = self._item_at(self._pressed, NODE)
        if self._pressed_node >= 0:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._pressed_node >= 0 and event.buttons() & Qt.MouseButton.LeftButton:
            self.follow(self._pressed_node)

    def follow(self, i: int) -> None:
        """Node `i` moved: pin it and bring its edges along."""
        item = self.nodes[i]
        item.setData(PINNED, True)
        index = {n.id: k for k, n in enumerate(self.graph.nodes)}
        for j in self._edges_of[i]:
            edge = self.graph.edges[j]
            self.edges[j].setLine(
                QLineF(self.nodes[index[edge.source]].pos(), self.nodes[index[edge.target]].pos())
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        pos = event.position().toPoint()
        moved = self._pressed is not None and (pos - self._pressed).manhattanLength() > 3
        node = self._pressed_node
        self._pressed, self._pressed_node = None, -1
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if node >= 0:
            if moved:
                self.node_moved.emit(node)
            else:
                self.scene().clearSelection()
                self.nodes[node].setSelected(True)
                self.node_selected.emit(node)
            return
        if not moved:
            edge = self._item_at(pos, EDGE)
            if edge >= 0:
                self.edge_activated.emit(edge)
            else:
                self.node_selected.emit(-1)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self._item_at(event.position().toPoint(), NODE)
        if node >= 0:
            self.node_activated.emit(node)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = event.pos()
            if self._item_at(pos, NODE) < 0:
                edge = self._item_at(pos, EDGE)
                if edge >= 0:
                    QToolTip.showText(event.globalPos(), self.edge_text(edge), self.viewport())
                    return True
        return super().viewportEvent(event)

    def edge_text(self, j: int) -> str:
        if j not in self.edge_tip:
            self.edge_tip[j] = self.describe_edge(self.graph.edges[j])
        return self.edge_tip[j]

    def edge(self, j: int) -> GraphEdge:
        return self.graph.edges[j]
