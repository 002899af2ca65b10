"""The Graph canvas while and after zooming (a scaled picture, then the graph drawn sharp once the
wheel stops), its labels (never one over another; the selected and the hovered entry's always
shown) and the legend (issue 23)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.graph import canvas as canvas_module
from app.gui.graph import layout
from app.gui.graph.canvas import GraphCanvas
from app.gui.graph.legend import GraphLegend
from app.gui.graph.view import WHOLE, GraphView
from app.services.library import Library
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


def _shot(canvas: GraphCanvas) -> QImage:
    return canvas.viewport().grab().toImage()


def _fresh(canvas: GraphCanvas) -> QImage:
    canvas.resetCachedContent()
    return _shot(canvas)


def _wheel(canvas: GraphCanvas, steps: int) -> None:
    middle = QPointF(canvas.viewport().width() / 2, canvas.viewport().height() / 2)
    event = QWheelEvent(
        middle,
        QPointF(canvas.viewport().mapToGlobal(middle.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    canvas.wheelEvent(event)


def test_while_the_wheel_turns_the_picture_is_scaled_and_once_it_stops_it_is_drawn_sharp(
    qtbot: QtBot,
) -> None:
    canvas = _canvas(qtbot, 300)
    _fresh(canvas)
    before = canvas.labels_shown()
    for _ in range(4):
        _wheel(canvas, 1)
    assert canvas.zooming()
    interim = _shot(canvas)
    qtbot.waitUntil(lambda: not canvas.zooming(), timeout=3000)
    sharp = _shot(canvas)
    assert sharp == _fresh(canvas)  # what a fresh render at the new zoom draws, labels and all
    assert interim != sharp
    assert canvas.labels_shown() > before  # zoomed in: more labels legible


def test_selecting_or_fitting_while_zooming_draws_sharp_at_once(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 120)
    canvas.zoom(1.3)
    assert canvas.zooming()
    canvas.fit()
    assert not canvas.zooming()
    assert _shot(canvas) == _fresh(canvas)


def _overlapping(boxes: list[tuple[int, QRectF]]) -> list[tuple[int, int]]:
    return [(i, j) for n, (i, a) in enumerate(boxes) for j, b in boxes[n + 1 :] if a.intersects(b)]


def test_no_two_labels_overlap_at_any_zoom_and_the_busiest_entries_come_first(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 400)
    seen = 0
    for _ in range(6):
        canvas.zoom(1.5)
        canvas.settle()
        boxes = canvas.label_boxes()
        seen = max(seen, len(boxes))
        assert not _overlapping(boxes)
    assert seen > 20
    degree = [n.degree for n in canvas.graph.nodes]
    busiest = max(range(len(degree)), key=degree.__getitem__)
    assert busiest in {i for i, _ in canvas.label_boxes()}


def test_the_selected_entrys_label_always_shows(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 400)
    shown = {i for i, _ in canvas.label_boxes()}
    quiet = next(i for i in range(len(canvas.nodes)) if i not in shown)
    canvas._select(quiet)
    boxes = canvas.label_boxes()
    assert quiet in {i for i, _ in boxes}
    assert not _overlapping(boxes)


def test_the_hovered_entrys_label_shows_over_the_picture(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot, 400)
    shown = {i for i, _ in canvas.label_boxes()}
    quiet = next(i for i in range(len(canvas.nodes)) if i not in shown)
    at = canvas.mapFromScene(canvas.nodes[quiet].pos())
    before = _shot(canvas)
    qtbot.mouseMove(canvas.viewport(), pos=at)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: canvas.hovered() >= 0)
    hovered = canvas.hovered()
    assert hovered not in shown or hovered == quiet
    after = _shot(canvas)
    assert after != before
    canvas._hover(-1)
    assert _shot(canvas) == before


def test_the_legend_names_every_kind_and_relation_shown_and_no_other(qtbot: QtBot, mini_db: Database) -> None:
    view = GraphView(Library(mini_db), in_background=False)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.set_scope(WHOLE)
    view.show()
    qtbot.waitExposed(view)
    graph = view.canvas.graph
    kinds = {n.kind for n in graph.nodes}
    assert len(kinds) > 1
    keys = [key for key, _ in view.legend.entries()]
    assert set(keys) == {f"kind:{k}" for k in kinds} | {f"relation:{e.relation}" for e in graph.edges}
    assert all(words and ":" not in words for _, words in view.legend.entries())
    assert view.legend.isVisible() and view.legend.height() > 0
    dropped = sorted(kinds)[0]
    view.kind_actions[dropped].setChecked(False)
    assert f"kind:{dropped}" not in [key for key, _ in view.legend.entries()]
    assert {f"kind:{n.kind}" for n in view.canvas.graph.nodes} <= {key for key, _ in view.legend.entries()}
    legend = GraphLegend()  # narrow: it wraps onto more lines, and is as tall as they are
    qtbot.addWidget(legend)
    legend.set_shown(kinds, {e.relation for e in graph.edges})
    legend.resize(160, 10)
    legend.show()
    qtbot.waitExposed(legend)
    lines = {line for *_, line in legend._placed(160)}
    assert len(lines) > 1
    assert legend.height() >= len(lines) * legend._line()


def test_with_thousands_of_labels_legible_those_around_the_view_are_placed_and_placed_again_after_a_pan(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(canvas_module, "LABEL_NEARBY", 10)  # as 10,000 entries zoomed in would
    canvas = _canvas(qtbot, 400)
    for _ in range(5):
        canvas.zoom(1.5)
    canvas.settle()
    _fresh(canvas)
    area = canvas._label_area
    assert area is not None
    assert all(area.contains(canvas.nodes[i].pos()) for i, _ in canvas.label_boxes())
    bar = canvas.horizontalScrollBar()
    bar.setValue(bar.minimum() if bar.value() > (bar.minimum() + bar.maximum()) / 2 else bar.maximum())
    assert canvas._label_area is None  # left the area: placed again around the new view
    sharp = _shot(canvas)
    assert canvas._label_area is not None and canvas._label_area != area
    boxes = canvas.label_boxes()
    assert boxes and not _overlapping(boxes)
    assert sharp == _fresh(canvas)
