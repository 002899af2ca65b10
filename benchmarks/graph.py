"""The Graph view on generated graphs: laying out 1,000 nodes on a worker thread, and the frames
of panning and zooming a graph of 1,000 and of 10,000 nodes. Run by benchmarks/run.py in a
process of its own; prints one JSON object.

    python -m benchmarks.graph [--frames N] [--layouts N]

Floors, measured in the same run: for the layout, igraph's layout of the same graph called
directly on the calling thread (what the library itself costs, without the worker, the cache and
the scaling around it); for the frames, one bare widget of the same size whose paintEvent draws
as many ellipses (one prebuilt path, filled and outlined in one call) and lines (one drawLines
call) at the same places and through the same transform, no labels, no antialiasing, panned and
zoomed the same way: what drawing that picture costs QPainter itself, whatever holds it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QThreadPool
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsView, QScrollBar, QWidget

from app.gui.graph import layout
from app.gui.graph.canvas import GraphCanvas
from app.gui.workers import Task
from app.records.graph import Graph, GraphEdge, GraphNode
from app.services.kinds import KINDS

# Pans at twice the zoom that shows the whole graph (there, the view has room to move); zooms
# from that whole view in and out again.
PAN_ZOOM = 2.0
WIDTH, HEIGHT = 1920, 1080  # the benchmark window's size (benchmarks/run.py)
KIND_KEYS = [k.key for k in KINDS]


def make_graph(nodes: int, seed: int = 7) -> Graph:
    """A connected graph of `nodes` entries and 1.5 times as many relations, a few hubs among
    them (new relations attach to busy entries more often, as titles and citations do)."""
    rnd = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    ends: list[int] = [0]
    for i in range(1, nodes):
        other = rnd.choice(ends) if rnd.random() < 0.5 else rnd.randrange(i)
        pairs.add((i, other))
        ends += [i, other]
    while len(pairs) < int(nodes * 1.5):
        a, b = rnd.randrange(nodes), rnd.choice(ends)
        if a != b:
            pairs.add((a, b))
    degree = [0] * nodes
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    graph_nodes = tuple(
        GraphNode(
            i, KIND_KEYS[i % len(KIND_KEYS)], f"n{i}", f"Entry number {i}", f"Entry number {i}", degree[i]
        )
        for i in range(nodes)
    )
    edges = tuple(
        GraphEdge(f"role:{j}", "title" if j % 3 else "cited_by", a, b, "", "2020", None, (j,))
        for j, (a, b) in enumerate(sorted(pairs))
    )
    return Graph(graph_nodes, edges)


def spread(graph: Graph) -> layout.Positions:
    """Places for the frames' graphs as the app lays them out (10,000 nodes with a tenth of the
    rounds: the frames need a layout's short edges, not its last polish)."""
    return layout.lay_out(graph, {}, iterations=500 if len(graph.nodes) <= 1000 else 50)


def layout_times(app: QApplication, graph: Graph, runs: int) -> tuple[list[float], list[float]]:
    """(the app's layout on a worker, from start to its result back on the window's thread;
    igraph's own layout of the same graph on this thread)."""
    import igraph

    app_times, floor_times = [], []
    index = {n.id: i for i, n in enumerate(graph.nodes)}
    edges = sorted({(index[e.source], index[e.target]) for e in graph.edges})
    for _ in range(runs):
        done: list[object] = []
        task = Task(lambda _progress: layout.lay_out(graph, {}))
        task.succeeded.connect(done.append)
        task.failed.connect(lambda message, into=done: into.append(RuntimeError(message)))
        start = time.perf_counter()
        task.start()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        app_times.append((time.perf_counter() - start) * 1000)
        if isinstance(done[0], Exception):
            raise done[0]
        start = time.perf_counter()
        igraph.Graph(n=len(graph.nodes), edges=edges).layout_fruchterman_reingold(niter=500, grid=True)
        floor_times.append((time.perf_counter() - start) * 1000)
    QThreadPool.globalInstance().waitForDone()
    return app_times, floor_times


class Floor(QWidget):
    """The frames' floor: N ellipses and E lines drawn by one paintEvent through `transform`."""

    def __init__(self, graph: Graph, positions: layout.Positions) -> None:
        super().__init__()
        at = {n.id: positions[n.slug] for n in graph.nodes}
        self.lines = [
            QLineF(at[e.source].x, at[e.source].y, at[e.target].x, at[e.target].y) for e in graph.edges
        ]
        self.dots = QPainterPath()
        for n in graph.nodes:
            self.dots.addEllipse(QPointF(at[n.id].x, at[n.id].y), 8, 8)
        self.line_pen = QPen(QColor("#888888"))
        self.line_pen.setCosmetic(True)
        self.dot_pen = QPen(QColor("#000000"))
        self.dot_pen.setCosmetic(True)
        self.transform = QTransform()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setTransform(self.transform)
        painter.setPen(self.line_pen)
        painter.drawLines(self.lines)
        painter.setPen(self.dot_pen)
        painter.setBrush(QColor("#0072B2"))
        painter.drawPath(self.dots)
        painter.end()


def floor_frames(
    app: QApplication, floor: Floor, canvas: GraphCanvas, count: int
) -> tuple[list[float], list[float]]:
    """`frames` for the floor: the canvas's fitted transform, then the same pans and zooms (about
    the middle of the view)."""
    floor.resize(canvas.viewport().size())
    floor.show()
    for _ in range(5):
        app.processEvents()
    canvas.resize(WIDTH, HEIGHT)
    canvas.fit()
    fitted = canvas.viewportTransform()
    canvas.zoom(PAN_ZOOM)
    floor.transform = canvas.viewportTransform()
    across = _pan_bar(canvas) is canvas.horizontalScrollBar()
    floor.repaint()
    middle = QPointF(floor.width() / 2, floor.height() / 2)
    pan, zooming = [], []
    for i in range(count):
        start = time.perf_counter()
        step = -40 if i % 8 < 4 else 40
        floor.transform *= QTransform.fromTranslate(step if across else 0, 0 if across else step)
        floor.repaint()
        pan.append((time.perf_counter() - start) * 1000)
    floor.transform = fitted
    for i in range(count):
        factor = 1.25 if (i // 4) % 2 == 0 else 0.8
        start = time.perf_counter()
        floor.transform *= QTransform.fromScale(factor, factor) * QTransform.fromTranslate(
            middle.x() * (1 - factor), middle.y() * (1 - factor)
        )
        floor.repaint()
        zooming.append((time.perf_counter() - start) * 1000)
    floor.hide()
    return pan, zooming


def _pan_bar(view: QGraphicsView) -> QScrollBar:
    """The scroll bar along which the view has the more room to pan."""
    bar = max(view.horizontalScrollBar(), view.verticalScrollBar(), key=lambda b: b.maximum() - b.minimum())
    assert bar.maximum() - bar.minimum() > 160, "the pans would not move the view"
    return bar


def frames(
    app: QApplication, view: QGraphicsView, count: int, zoom: object
) -> tuple[list[float], list[float], list[float]]:
    """(pan frames, zoom frames, sharp redraws): each a scroll or a zoom step and the view
    repainted at once, as a drag or a turn of the wheel would; a zoom frame shows the last
    sharp picture scaled, so each zoom step is also followed, untimed, by the sharp redraw
    the end of a turn brings, and that redraw is timed on its own (the canvas's settle(),
    then the repaint)."""
    view.resize(WIDTH, HEIGHT)
    view.show()
    for _ in range(5):
        app.processEvents()
    assert isinstance(view, GraphCanvas)
    view.fit()
    view.zoom(PAN_ZOOM)
    view.viewport().repaint()
    pan, zooming = [], []
    bar = _pan_bar(view)
    for i in range(count):
        start = time.perf_counter()
        bar.setValue(bar.value() + (40 if i % 8 < 4 else -40))
        view.viewport().repaint()
        pan.append((time.perf_counter() - start) * 1000)
    view.fit()
    view.viewport().repaint()  # the view at rest, painted, when the wheel starts to turn
    for i in range(count):
        factor = 1.25 if (i // 4) % 2 == 0 else 0.8
        start = time.perf_counter()
        zoom(view, factor)  # type: ignore[operator]
        view.viewport().repaint()
        zooming.append((time.perf_counter() - start) * 1000)
    view.settle()
    view.fit()
    view.viewport().repaint()
    sharp = []
    for i in range(count):
        factor = 1.25 if (i // 4) % 2 == 0 else 0.8
        zoom(view, factor)  # type: ignore[operator]
        view.viewport().repaint()
        start = time.perf_counter()
        view.settle()
        view.viewport().repaint()
        sharp.append((time.perf_counter() - start) * 1000)
    view.hide()
    return pan, zooming, sharp


def measure(frame_count: int, layouts: int, sizes: Sequence[int]) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    found: dict[str, object] = {}
    start = time.perf_counter()
    import igraph  # noqa: F401  # what opening the view first costs

    found["import_ms"] = (time.perf_counter() - start) * 1000
    found["layout"], found["layout_floor"] = layout_times(app, make_graph(1000), layouts)
    for nodes in sizes:
        graph = make_graph(nodes)
        positions = spread(graph)
        canvas = GraphCanvas()
        start = time.perf_counter()
        canvas.set_graph(graph, positions)
        found[f"build_{nodes}_ms"] = (time.perf_counter() - start) * 1000
        found[f"pan_{nodes}"], found[f"zoom_{nodes}"], found[f"sharp_{nodes}"] = frames(
            app, canvas, frame_count, lambda v, f: v.zoom(f)
        )
        found[f"labels_{nodes}"] = canvas.labels_shown()
        found[f"pan_floor_{nodes}"], found[f"zoom_floor_{nodes}"] = floor_frames(
            app, Floor(graph, positions), canvas, frame_count
        )
        found[f"edges_{nodes}"] = len(graph.edges)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.graph")
    parser.add_argument("--frames", type=int, default=40)
    parser.add_argument("--layouts", type=int, default=3)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.frames, args.layouts, (1000, 10000))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
