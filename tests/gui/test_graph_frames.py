"""The Graph canvas draws a big graph with a handful of scene items (issue 23: one item per entry
and per relation cost Qt a traversal and a paint call each, every frame), and what Qt's items
did for the pointer still works through the canvas's own grid: hovering and clicking a relation,
selecting, double-clicking and dragging an entry."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from app.gui.graph import layout
from app.gui.graph.canvas import GraphCanvas, _Grid
from benchmarks.graph import make_graph


def _canvas(qtbot: QtBot, nodes: int) -> GraphCanvas:
    graph = make_graph(nodes)
    canvas = GraphCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(900, 700)
    canvas.set_graph(graph, layout.lay_out(graph, {}, iterations=100))
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.fit()
    return canvas


def test_a_big_graph_is_painted_by_a_few_items_not_one_per_entry(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 400)
    painted = [item for item in canvas.scene().items() if item.isVisible()]
    assert len(painted) <= 3
    assert len(canvas.nodes) == 400 and len(canvas.edges) == len(canvas.graph.edges)
    image = QImage(canvas.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    canvas.render(painter)
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
    assert len(colours) > 5  # edges and every kind's colour, not a blank view


def _lonely_edge(canvas: GraphCanvas) -> tuple[int, QPoint]:
    """An edge whose middle, on screen, is at least 20 pixels from every node's centre."""
    for j, segment in enumerate(canvas._lines):
        middle = canvas.mapFromScene(segment.pointAt(0.5))
        if all((canvas.mapFromScene(node.pos()) - middle).manhattanLength() > 40 for node in canvas.nodes):
            return j, middle
    raise AssertionError("no edge stands clear of the nodes")


def test_hovering_and_clicking_an_edge_finds_it(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 60)
    canvas.zoom(2.0)
    j, middle = _lonely_edge(canvas)
    canvas.describe_edge = lambda edge: f"edge {edge.key}"
    event = QHelpEvent(QEvent.Type.ToolTip, middle, canvas.viewport().mapToGlobal(middle))
    canvas.viewportEvent(event)
    assert QToolTip.text() == f"edge {canvas.graph.edges[j].key}"
    with qtbot.waitSignal(canvas.edge_activated) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=middle)  # type: ignore[no-untyped-call]
    assert clicked.args == [j]


def test_clicking_double_clicking_and_dragging_a_node(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 60)
    canvas.zoom(2.0)
    i = max(range(len(canvas.nodes)), key=lambda k: canvas.graph.nodes[k].degree)
    at = canvas.mapFromScene(canvas.nodes[i].pos())
    with qtbot.waitSignal(canvas.node_selected) as selected:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)  # type: ignore[no-untyped-call]
    assert selected.args == [i] and canvas.selected() == i
    with qtbot.waitSignal(canvas.node_activated) as opened:
        qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)  # type: ignore[no-untyped-call]
    assert opened.args == [i]
    to = at + QPoint(60, 40)
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)  # type: ignore[no-untyped-call]
    qtbot.mouseMove(canvas.viewport(), pos=at + QPoint(30, 20))  # type: ignore[no-untyped-call]
    qtbot.mouseMove(canvas.viewport(), pos=to)  # type: ignore[no-untyped-call]
    with qtbot.waitSignal(canvas.node_moved) as moved:
        qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=to)  # type: ignore[no-untyped-call]
    assert moved.args == [i]
    where = canvas.nodes[i].pos()
    assert (canvas.mapFromScene(where) - to).manhattanLength() <= 2
    assert canvas.positions()[canvas.graph.nodes[i].slug].pinned
    for j in canvas._edges_of[i]:
        line = canvas.edges[j].line()
        assert QPointF(where) in (line.p1(), line.p2())
    # and the moved node is found where it now is
    assert canvas._node_at(to) == i


def test_a_lookup_far_wider_than_the_graph_looks_at_the_grids_cells_only() -> None:
    # A small graph's grid has small cells; a zoomed-out view (or four pixels of slack at the
    # least zoom) covers a rectangle of a million of them, nearly all empty.
    grid = _Grid(QRectF(0, 0, 10, 10))
    grid.add(7, 5, 5, 5, 5)
    cells = list(grid._span(-80, -80, 80, 80))
    assert len(cells) <= 65 * 65
    assert grid.near(QRectF(-80, -80, 160, 160)) == {7}
