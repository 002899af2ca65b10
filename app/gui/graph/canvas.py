"""The Graph view's drawing: a shape and colour per kind, a size per number of relations, and
labels shown only once the zoom makes them legible. Two scene items paint every edge and every
node in a few batched QPainter calls (only what is exposed, less detail when small), and a grid
finds what is under the pointer, so that a frame of 1,000 nodes costs a few milliseconds and
one of 10,000 stays interactive (issue 23, benchmarks/graph.py)."""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QStaticText,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
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
LABEL_NEARBY = 1500  # candidate labels beyond which only those around the view are placed
LABEL_CELL = 96.0  # pixels: the side of a cell of the grid of placed labels
SETTLE_MS = 120  # the wheel has stopped this long: draw the zoomed graph sharp again
SMOOTH_NODES = 150  # entries in view up to which lines and shapes are antialiased
NODE, EDGE = 0, 1  # item.data(KIND_OF_ITEM)
KIND_OF_ITEM, INDEX, PINNED = 0, 1, 2  # item.data keys


def _elided(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def edge_pen(relation: str, ink: QColor) -> QPen:
    """The pen of a relation's lines (the canvas's and the legend's): one pixel wide (a wider
    one costs a stroke of its own), titles and memberships in full ink, the rest fainter."""
    colour = QColor(ink)
    if relation not in ("title", "member_of"):
        colour.setAlpha(110)
    pen = QPen(colour, 1.0)
    pen.setCosmetic(True)
    pen.setStyle(EDGE_STYLE.get(relation, Qt.PenStyle.SolidLine))
    return pen


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


class _Grid:
    """Which nodes or edges lie in each cell of a square grid over the scene, so that painting,
    hovering and clicking look at the cells in question instead of at every one."""

    def __init__(self, bounds: QRectF, across: int = 64) -> None:
        self.left, self.top, self.across = bounds.left(), bounds.top(), across
        self.size = max(bounds.width(), bounds.height(), 1.0) / across
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)

    def _span(self, x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
        """The cells a rectangle covers, within the grid: everything added lies inside it, and a
        zoomed-out view's rectangle may cover millions of cells of a small graph's grid."""
        size, last = self.size, self.across
        left, right = max(0, int((x0 - self.left) // size)), min(last, int((x1 - self.left) // size))
        top, bottom = max(0, int((y0 - self.top) // size)), min(last, int((y1 - self.top) // size))
        for cx in range(left, right + 1):
            for cy in range(top, bottom + 1):
                yield cx, cy

    def add(self, k: int, x0: float, y0: float, x1: float, y1: float) -> None:
        for cell in self._span(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)):
            self.cells[cell].append(k)

    def near(self, rect: QRectF) -> set[int]:
        found: set[int] = set()
        cells = self.cells
        for cell in self._span(rect.left(), rect.top(), rect.right(), rect.bottom()):
            if cell in cells:
                found.update(cells[cell])
        return found


class _GraphScene(QGraphicsScene):
    """The scene whose background is the whole graph, drawn in a few batched QPainter calls: a
    QGraphicsItem for each of 10,000 entries and 15,000 relations cost Qt a traversal, a
    transform and a paint call for each, every frame (issue 23). scene.render() (pictures,
    printing) draws it the same way."""

    def __init__(self, parent: QWidget, paint: Callable[[QPainter, QRectF], None]) -> None:
        super().__init__(parent)
        self._paint = paint

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        self._paint(painter, QRectF(rect))


class GraphCanvas(QGraphicsView):
    """The scene holds one hidden item per entry and per relation (their places, tooltips and
    data, read by the view and its tests); its background draws them all, and the view keeps
    that background as a picture (CacheBackground), so a pan draws only the strip it uncovers
    and a repaint of an unchanged view is a copy."""

    node_selected = Signal(int)  # the node's index in the graph, -1 for none
    node_activated = Signal(int)  # double-clicked
    edge_activated = Signal(int)  # clicked
    node_moved = Signal(int)  # dragged (and so pinned)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphCanvas")
        self.setScene(_GraphScene(self, self._paint))
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # No index: the scene's only visible items are the two layers; lookups use _Grid.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setMouseTracking(True)
        self.graph = Graph((), ())
        self.edge_tip: dict[int, str] = {}  # edge index -> its hover text, made when first hovered
        self.describe_edge: Callable[[GraphEdge], str] = lambda _edge: ""
        self.nodes: list[QGraphicsPathItem] = []
        self.labels: list[str] = []
        self.edges: list[QGraphicsLineItem] = []
        self._edges_of: dict[int, list[int]] = defaultdict(list)
        self._pressed: QPoint | None = None
        self._pressed_node = -1
        self._grip = QPointF()  # where on the pressed node the pointer holds it
        self._selected = -1
        self._hovered = -1
        # While the wheel turns, each frame shows the last sharp picture scaled (a copy of a
        # pixmap, whatever the graph's size); once it stops, the graph is drawn anew.
        self._snapshot: QPixmap | None = None
        self._snapshot_rect = QRectF()  # the scene's rectangle the snapshot shows
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self.settle)
        self._clear()

    def _clear(self) -> None:
        self._bounds = QRectF()
        self._centres: list[QPointF] = []
        self._radii: list[float] = []
        self._kind_of: list[str] = []
        self._ends: list[tuple[int, int]] = []
        self._lines: list[QLineF] = []
        self._pens: list[QPen] = []
        self._by_pen: list[list[int]] = []  # edge indices drawn with each pen
        self._all_lines: list[list[QLineF]] = []
        self._brushes: dict[str, QBrush] = {}
        self._paths: dict[str, QPainterPath] = {}  # every node of a kind, one path
        self._points: dict[str, list[QPointF]] = {}
        self._stale_kinds: set[str] = set()
        self._edge_grid = _Grid(QRectF())
        self._node_grid = _Grid(QRectF())
        self._loose_edges: set[int] = set()  # moved since the grids were made: always looked at
        self._loose_nodes: set[int] = set()
        self._label_at: list[float] = []  # the zoom from which each node's label shows
        self._label_order: list[int] = []  # nodes by that zoom
        self._label_ats: list[float] = []
        self._label_zoom: float | None = None  # labels_for's zoom while it draws elsewhere
        self._label_size = 1.0
        self._label_text: dict[int, QStaticText] = {}  # laid out once, not at every frame
        self._pen_of: list[int] = []  # each edge's pen
        self._centre_node = -1
        self._max_r = self._min_r = 0.0
        self._label_width: dict[int, float] = {}
        self._bottoms: list[float] = []  # each node's lowest point below its centre
        self._placed_key: tuple[float, float, float, int, tuple[float, ...]] | None = None
        self._label_area: QRectF | None = None  # where labels were placed, when not everywhere
        self._placed: list[int] = []  # the labels drawn at _placed_key's zoom, in that order

    # --- building -----------------------------------------------------------------------------

    def set_graph(self, graph: Graph, positions: Positions) -> None:
        scene = self.scene()
        self._stop_zooming()
        scene.clear()
        self._clear()
        self._hovered = -1
        self.graph = graph
        self.edge_tip = {}
        self.nodes, self.edges, self._selected = [], [], -1
        self._edges_of = defaultdict(list)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        self._ink = ink
        self._outline = QPen(ink, 1.0)
        self._outline.setCosmetic(True)
        self._centre_pen = QPen(ink, 2.5)
        self._centre_pen.setCosmetic(True)
        self._selection_pen = QPen(ink, 0, Qt.PenStyle.DashLine)
        holder = QGraphicsRectItem()  # hidden: its children are never painted or hit by Qt
        holder.setVisible(False)
        index = {n.id: i for i, n in enumerate(graph.nodes)}
        for i, node in enumerate(graph.nodes):
            at = positions.get(node.slug, Placed(0.0, 0.0))
            centre = QPointF(at.x, at.y)
            colour, shape = KIND_STYLE.get(node.kind, ("#999999", "circle"))
            r = radius(node.degree) * (1.15 if shape == "triangle" else 1.0)
            item = QGraphicsPathItem(shape_path(shape, radius(node.degree)), holder)
            item.setPos(centre)
            item.setData(KIND_OF_ITEM, NODE)
            item.setData(INDEX, i)
            item.setData(PINNED, at.pinned)
            item.setToolTip(node.name if node.name == node.recorded else f"{node.name}\n{node.recorded}")
            self.nodes.append(item)
            self._centres.append(centre)
            self._radii.append(r)
            self._bottoms.append(item.boundingRect().bottom())
            self._kind_of.append(node.kind)
            if node.kind not in self._brushes:
                self._brushes[node.kind] = QBrush(QColor(colour))
            self.labels.append(_elided(node.name))
            # Labels keep their size on screen whatever the zoom (always legible when shown);
            # which are shown depends on the zoom and the entry's number of relations.
            self._label_at.append(0.0 if node.id == graph.centre else 1.0 / math.sqrt(1 + node.degree / 3))
        pens: dict[tuple[bool, Qt.PenStyle], int] = {}
        for j, edge in enumerate(graph.edges):
            a, b = index[edge.source], index[edge.target]
            dark = edge.relation in ("title", "member_of")
            style = EDGE_STYLE.get(edge.relation, Qt.PenStyle.SolidLine)
            if (dark, style) not in pens:
                pens[(dark, style)] = len(self._pens)
                self._pens.append(edge_pen(edge.relation, ink))
                self._by_pen.append([])
            self._by_pen[pens[(dark, style)]].append(j)
            self._pen_of.append(pens[(dark, style)])
            segment = QLineF(self._centres[a], self._centres[b])
            item_line = QGraphicsLineItem(segment, holder)
            item_line.setData(KIND_OF_ITEM, EDGE)
            item_line.setData(INDEX, j)
            self.edges.append(item_line)
            self._lines.append(segment)
            self._ends.append((a, b))
            self._edges_of[a].append(j)
            self._edges_of[b].append(j)
        self._all_lines = [[self._lines[j] for j in group] for group in self._by_pen]
        scene.addItem(holder)
        if self._centres:
            self._max_r, self._min_r = max(self._radii), min(self._radii)
            xs, ys = [p.x() for p in self._centres], [p.y() for p in self._centres]
            placed = list(zip(xs, ys, self._radii, strict=True))
            self._bounds = QRectF(
                QPointF(min(x - r for x, _, r in placed), min(y - r for _, y, r in placed)),
                QPointF(max(x + r for x, _, r in placed), max(y + r for _, y, r in placed)),
            ).adjusted(-1, -1, 1, 1)
            self._index_places()
            # A label wants LABEL_ROOM pixels of the square each entry has in the scene: the more
            # crowded the graph, the closer the zoom before labels show (hubs' first).
            room = math.sqrt(max((max(xs) - min(xs)) * (max(ys) - min(ys)), 1.0) / len(self._centres))
            self._label_at = [LABEL_ROOM / room * at for at in self._label_at]
        self._label_order = sorted(range(len(self._label_at)), key=self._label_at.__getitem__)
        self._label_ats = [self._label_at[i] for i in self._label_order]
        self._stale_kinds = set(self._brushes)
        self._centre_node = next((i for i, n in enumerate(graph.nodes) if n.id == graph.centre), -1)
        # Kinds drawn one over the other, sources (the most, at the edges) first, people last.
        rank = {k: n for n, k in enumerate(reversed(KIND_STYLE))}
        self._paths = {k: QPainterPath() for k in sorted(self._brushes, key=lambda k: (rank.get(k, -1), k))}
        scene.setSceneRect(self._bounds.adjusted(-200, -200, 200, 200))
        self.update_labels()
        self._repaint()

    def _repaint(self) -> None:
        """Draw the graph anew (a node moved, the selection changed, a new graph)."""
        self._stop_zooming()
        self._placed_key = self._label_area = None
        self.resetCachedContent()
        self.viewport().update()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self._snapshot is not None:
            # Zooming: the last sharp picture, scaled (nearest pixels: it shows for a moment),
            # straight onto the viewport (the cache is off meanwhile: one pass, not two).
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawPixmap(self._snapshot_rect, self._snapshot, QRectF(self._snapshot.rect()))
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            return
        # The cached background's painter comes without the view's hints.
        painter.setRenderHints(self.renderHints(), True)
        self._paint(painter, QRectF(rect))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The hovered entry's label, on a plate of the base colour, when not already drawn:
        drawn over the cached picture, so that hovering costs no redraw of the graph."""
        i = self._hovered
        if i < 0 or self._snapshot is not None or i >= len(self._centres):
            return
        if i in self._placed_set(self.transform().m11()):
            return
        font = self.font()
        fm = QFontMetricsF(font)
        width = fm.horizontalAdvance(self.labels[i])
        c = self._centres[i]
        under = self.viewportTransform().map(QPointF(c.x(), c.y() + self._bottoms[i]))
        box = QRectF(under.x() - width / 2 - 3, under.y() + 1, width + 6, fm.height() + 2)
        painter.save()
        painter.resetTransform()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().base())
        painter.drawRect(box)
        painter.setFont(font)
        painter.setPen(self._ink)
        painter.drawText(QPointF(under.x() - width / 2, under.y() + 2 + fm.ascent()), self.labels[i])
        painter.restore()

    def _index_places(self) -> None:
        self._edge_grid, self._node_grid = _Grid(self._bounds), _Grid(self._bounds)
        self._loose_edges, self._loose_nodes = set(), set()
        for i, c in enumerate(self._centres):
            self._node_grid.add(i, c.x(), c.y(), c.x(), c.y())
        for j, segment in enumerate(self._lines):
            self._edge_grid.add(j, segment.x1(), segment.y1(), segment.x2(), segment.y2())

    def bounds(self) -> QRectF:
        """The rectangle the nodes cover in the scene."""
        return QRectF(self._bounds)

    def positions(self) -> Positions:
        return {
            n.slug: Placed(item.pos().x(), item.pos().y(), bool(item.data(PINNED)))
            for n, item in zip(self.graph.nodes, self.nodes, strict=True)
        }

    # --- painting -----------------------------------------------------------------------------

    def _paint(self, painter: QPainter, exposed: QRectF) -> None:
        self._paint_edges(painter, exposed)
        self._paint_nodes(painter, exposed)

    def _paint_edges(self, painter: QPainter, exposed: QRectF) -> None:
        """The edges in `exposed`, a drawLines call for each pen."""
        groups = self._all_lines
        if not exposed.contains(self._bounds):
            seen = self._edge_grid.near(exposed) | self._loose_edges
            if len(seen) < len(self._lines) // 2:
                lines, pen_of = self._lines, self._pen_of
                groups = [[] for _ in self._pens]
                for j in seen:
                    groups[pen_of[j]].append(lines[j])
        for pen, group in zip(self._pens, groups, strict=True):
            if group:
                painter.setPen(pen)
                painter.drawLines(group)

    def _kind_paths(self) -> dict[str, QPainterPath]:
        for kind in self._stale_kinds:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # overlapping entries stay filled
            points: list[QPointF] = []
            for i, k in enumerate(self._kind_of):
                if k == kind:
                    path.addPath(self.nodes[i].path().translated(self._centres[i]))
                    points.append(self._centres[i])
            self._paths[kind], self._points[kind] = path, points
        self._stale_kinds = set()
        return self._paths

    def _paint_nodes(self, painter: QPainter, exposed: QRectF) -> None:
        """Every kind's nodes in one call (a dot each when smaller than a few pixels, no
        outline when too small to see one), then the centre, the selection and the labels."""
        world = painter.worldTransform()
        scale = math.hypot(world.m11(), world.m12())
        paths = self._kind_paths()
        tiny = scale * self._max_r < 1.5
        for kind, path in paths.items():
            brush = self._brushes[kind]
            if tiny:
                dot = QPen(brush.color(), 2.0)
                dot.setCosmetic(True)
                painter.setPen(dot)
                painter.drawPoints(self._points[kind])
            else:
                painter.setPen(self._outline if scale * self._min_r >= 2.5 else Qt.PenStyle.NoPen)
                painter.setBrush(brush)
                painter.drawPath(path)
        centre = self._centre_node
        if centre >= 0 and not tiny:
            painter.setPen(self._centre_pen)
            painter.setBrush(self._brushes[self._kind_of[centre]])
            painter.drawPath(self.nodes[centre].path().translated(self._centres[centre]))
        if 0 <= self._selected < len(self.nodes):
            painter.setPen(self._selection_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(
                self.nodes[self._selected].boundingRect().translated(self._centres[self._selected])
            )
        self._paint_labels(painter, exposed, scale)

    def _placed_set(self, scale: float) -> set[int]:
        return set(self._placement(scale, scale, 1.0))

    def _placement(self, scale: float, zoom: float, size: float) -> list[int]:
        """The labels to draw at `scale` (the scene's pixels per unit), most-connected entries
        first (the selected one before all), each skipped where its box would overlap one
        already placed; a grid of the placed boxes keeps each test to a few neighbours. Only
        entries legible at `zoom` are candidates (a zoomed-out 10,000-node graph has few)."""
        count = bisect.bisect_right(self._label_ats, zoom)
        area = self._label_area
        if self._label_zoom is None and count > LABEL_NEARBY:
            # Thousands of legible labels (10,000 entries zoomed in): place those around the
            # view only, twice its width, and place them again once a pan leaves that area.
            if area is None:
                seen = self.mapToScene(self.viewport().rect()).boundingRect()
                w, h = seen.width() / 2, seen.height() / 2
                area = self._label_area = seen.adjusted(-w, -h, w, h)
        else:
            area = None
        where = (area.left(), area.top(), area.right(), area.bottom()) if area is not None else ()
        key = (round(scale, 9), round(zoom, 9), size, self._selected, where)
        if key == self._placed_key:
            return self._placed
        order = self._label_order[:count]
        if area is not None:
            centres = self._centres
            order = [i for i in order if area.contains(centres[i])]
        if 0 <= self._selected < len(self._centres):
            order = [self._selected, *(i for i in order if i != self._selected)]
        fm = QFontMetricsF(self.font())
        height = fm.height() * size
        widths = self._label_width
        cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)
        placed: list[int] = []
        for i in order:
            if i not in widths:
                widths[i] = fm.horizontalAdvance(self.labels[i]) + 4  # a little air between
            half = widths[i] * size / 2
            c = self._centres[i]
            x, y = c.x() * scale, (c.y() + self._bottoms[i]) * scale + 2 * size
            box = (x - half, y, x + half, y + height)
            span = [
                (cx, cy)
                for cx in range(int(box[0] // LABEL_CELL), int(box[2] // LABEL_CELL) + 1)
                for cy in range(int(box[1] // LABEL_CELL), int(box[3] // LABEL_CELL) + 1)
            ]
            if any(
                o[0] < box[2] and box[0] < o[2] and o[1] < box[3] and box[1] < o[3]
                for cell in span
                for o in cells.get(cell, ())
            ):
                continue
            for cell in span:
                cells[cell].append(box)
            placed.append(i)
        self._placed_key, self._placed = key, placed
        return placed

    def label_boxes(self) -> list[tuple[int, QRectF]]:
        """Each drawn label's box on the screen (tests: no two overlap)."""
        fm = QFontMetricsF(self.font())
        world = self.viewportTransform()
        boxes = []
        for i in self._placement(self.transform().m11(), self.transform().m11(), 1.0):
            c = self._centres[i]
            under = world.map(QPointF(c.x(), c.y() + self._bottoms[i]))
            width = fm.horizontalAdvance(self.labels[i])
            boxes.append((i, QRectF(under.x() - width / 2, under.y() + 2, width, fm.height())))
        return boxes

    def _paint_labels(self, painter: QPainter, exposed: QRectF, scale: float) -> None:
        zoom = self._label_zoom if self._label_zoom is not None else scale
        shown = self._placement(scale, zoom, self._label_size)
        if not shown:
            return
        size = self._label_size
        reach = 300.0 * size / max(scale, 1e-6)  # a label's extent on screen, in the scene
        room = exposed.adjusted(-reach, -reach, reach, reach)
        world = painter.worldTransform()
        font = self.font()
        ascent = QFontMetricsF(font).ascent()
        elsewhere = self._label_zoom is not None  # a picture or a page: real text, not glyph runs
        painter.save()
        painter.resetTransform()  # labels keep their size on screen
        painter.setFont(font)
        painter.setPen(self._ink)
        texts = self._label_text
        for i in shown:
            c = self._centres[i]
            if not room.contains(c):
                continue
            if i not in texts:
                texts[i] = QStaticText(self.labels[i])
                texts[i].setTextFormat(Qt.TextFormat.PlainText)
                texts[i].prepare(QTransform(), font)
            width = texts[i].size().width()
            under = world.map(QPointF(c.x(), c.y() + self._bottoms[i]))
            if elsewhere:
                painter.setTransform(QTransform.fromTranslate(under.x(), under.y()).scale(size, size))
                painter.drawText(QPointF(-width / 2, 2 + ascent), self.labels[i])
            else:
                painter.drawStaticText(QPointF(under.x() - width / 2, under.y() + 2), texts[i])
        painter.restore()

    # --- zoom and level of detail -------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        """Zoom by `factor`, showing the last sharp picture scaled until the zooming stops
        (SETTLE_MS without another step): a turn of the wheel costs a copy, not a drawing of
        the whole graph at every step (issue 23: one frame at 1,000 nodes)."""
        scale = self.transform().m11() * factor
        if not 0.02 <= scale <= 8:
            return
        if self._snapshot is None and self.nodes and self.viewport().isVisible():
            self._snapshot = self.viewport().grab()
            self._snapshot_rect = self.mapToScene(self.viewport().rect()).boundingRect()
            self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.scale(factor, factor)
        self._settle_timer.start()

    def zooming(self) -> bool:
        """Whether the picture shown is the scaled one, waiting to be drawn sharp."""
        return self._snapshot is not None

    def _stop_zooming(self) -> None:
        self._settle_timer.stop()
        if self._snapshot is not None:
            self._snapshot = None
            self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)

    def settle(self) -> None:
        """The zooming stopped: draw the graph sharp at the new zoom (labels, detail, lines)."""
        self._stop_zooming()
        self.update_labels()
        self._repaint()

    def fit(self) -> None:
        if self.nodes:
            self._stop_zooming()
            self.fitInView(self._bounds, Qt.AspectRatioMode.KeepAspectRatio)
            self.update_labels()
            self._repaint()

    def update_labels(self) -> None:
        """Show a label only where it can be read among the others: an entry's label from the
        zoom at which entries stand apart on screen, earlier for one with many relations (its
        place is found first), so that a zoomed-out 10,000-node graph draws a few labels or
        none, and zooming in brings the rest. (The labels are drawn by the nodes' layer; this
        keeps the antialiasing in step with the zoom.)"""
        self._smooth_when_few(self.transform().m11())

    def _smooth_when_few(self, scale: float) -> None:
        """Antialiasing only while few entries are in view: smoothing thousands of lines costs
        eight times the frame (benchmarks/graph.py), and at that zoom no one sees the steps."""
        area = max(self._bounds.width() * self._bounds.height(), 1.0)
        seen = min(1.0, self.viewport().width() * self.viewport().height() / (scale * scale) / area)
        smooth = len(self.nodes) * seen <= SMOOTH_NODES
        self.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)

    @contextmanager
    def labels_for(self, zoom: float, size: float = 1.0) -> Iterator[None]:
        """Labels as they would show at `zoom`, `size` times their size on screen (a printer's
        pixels are smaller than the screen's), for drawing the scene elsewhere."""
        self._label_zoom, self._label_size = zoom / size, size
        try:
            yield
        finally:
            self._label_zoom, self._label_size = None, 1.0

    def labels_shown(self) -> int:
        return len(self._placement(self.transform().m11(), self.transform().m11(), 1.0))

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15**steps)
            event.accept()

    # --- pointing -----------------------------------------------------------------------------

    def _slack(self) -> float:
        """Four pixels, in the scene: thin lines and small nodes are hit from that near."""
        return 4.0 / max(self.transform().m11(), 1e-6)

    def _node_at(self, pos: QPoint) -> int:
        """The node under `pos` (the nearest, where several are), -1 for none."""
        at, slack = self.mapToScene(pos), self._slack()
        reach = self._max_r + slack
        near = self._node_grid.near(QRectF(at.x() - reach, at.y() - reach, 2 * reach, 2 * reach))
        best, best_distance = -1, math.inf
        for i in near | self._loose_nodes:
            c = self._centres[i]
            distance = math.hypot(c.x() - at.x(), c.y() - at.y())
            if distance <= self._radii[i] + slack and distance < best_distance:
                best, best_distance = i, distance
        return best

    def _edge_at(self, pos: QPoint) -> int:
        """The edge passing within a few pixels of `pos` (the nearest), -1 for none."""
        at, slack = self.mapToScene(pos), self._slack()
        x, y = at.x(), at.y()
        best, best_distance = -1, math.inf
        for j in self._edge_grid.near(QRectF(x - slack, y - slack, 2 * slack, 2 * slack)) | self._loose_edges:
            segment = self._lines[j]
            x1, y1, dx, dy = segment.x1(), segment.y1(), segment.dx(), segment.dy()
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
            distance = math.hypot(x - x1 - t * dx, y - y1 - t * dy)
            if distance <= slack and distance < best_distance:
                best, best_distance = j, distance
        return best

    def _item_at(self, pos: QPoint, want: int) -> int:
        """The index of the node or edge (`want`) under `pos`; -1 for none."""
        return self._node_at(pos) if want == NODE else self._edge_at(pos)

    def selected(self) -> int:
        return self._selected

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.position().toPoint()
        self._pressed_node = self._node_at(self._pressed)
        if self._pressed_node >= 0:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self._grip = self._centres[self._pressed_node] - self.mapToScene(self._pressed)
        super().mousePressEvent(event)
        if self._pressed_node >= 0:
            event.accept()  # the node's: its moves and release come here (no scene item takes it)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            self._hover(self._node_at(event.position().toPoint()))
        if self._pressed_node >= 0 and event.buttons() & Qt.MouseButton.LeftButton:
            self.nodes[self._pressed_node].setPos(self.mapToScene(event.position().toPoint()) + self._grip)
            self.follow(self._pressed_node)

    def follow(self, i: int) -> None:
        """Node `i` moved: pin it and bring its edges along."""
        item = self.nodes[i]
        item.setData(PINNED, True)
        centre = self._centres[i]
        centre.setX(item.pos().x())
        centre.setY(item.pos().y())
        self._loose_nodes.add(i)
        self._stale_kinds.add(self._kind_of[i])
        for j in self._edges_of[i]:
            a, b = self._ends[j]
            segment = self._lines[j]
            segment.setPoints(self._centres[a], self._centres[b])
            self.edges[j].setLine(segment)
            self._loose_edges.add(j)
        self._bounds = self._bounds.united(
            QRectF(centre.x() - self._max_r, centre.y() - self._max_r, 2 * self._max_r, 2 * self._max_r)
        )
        self._repaint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        pos = event.position().toPoint()
        moved = self._pressed is not None and (pos - self._pressed).manhattanLength() > 3
        node = self._pressed_node
        self._pressed, self._pressed_node = None, -1
        if event.button() != Qt.MouseButton.LeftButton:
            return
        event.accept()  # the click is the canvas's, whatever the scene under it says
        if node >= 0:
            if moved:
                self.node_moved.emit(node)
            else:
                self._select(node)
                self.node_selected.emit(node)
            return
        if not moved:
            edge = self._edge_at(pos)
            if edge >= 0:
                self.edge_activated.emit(edge)
            else:
                self._select(-1)
                self.node_selected.emit(-1)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        area = self._label_area
        if area is not None and not area.contains(self.mapToScene(self.viewport().rect()).boundingRect()):
            self._repaint()  # labels placed around the new view, the whole picture at once

    def _hover(self, i: int) -> None:
        if i != self._hovered:
            self._hovered = i
            self.viewport().update()  # the foreground only: the graph's picture stays cached

    def hovered(self) -> int:
        return self._hovered

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._hover(-1)

    def _select(self, i: int) -> None:
        self._selected = i
        self._repaint()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self._node_at(event.position().toPoint())
        if node >= 0:
            self.node_activated.emit(node)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.nodes:
            pos = event.pos()
            node = self._node_at(pos)
            if node >= 0:
                QToolTip.showText(event.globalPos(), self.nodes[node].toolTip(), self.viewport())
                return True
            edge = self._edge_at(pos)
            if edge >= 0:
                QToolTip.showText(event.globalPos(), self.edge_text(edge), self.viewport())
                return True
            QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def edge_text(self, j: int) -> str:
        if j not in self.edge_tip:
            self.edge_tip[j] = self.describe_edge(self.graph.edges[j])
        return self.edge_tip[j]

    def edge(self, j: int) -> GraphEdge:
        return self.graph.edges[j]
