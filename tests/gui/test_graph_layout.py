"""The Graph's layout is the same at every opening (seeded, then kept per library), and an
entry the researcher dragged stays where it was put."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.graph import layout
from app.gui.graph.view import WHOLE, GraphView
from app.services.library import Library
from benchmarks.graph import make_graph


def test_the_same_graph_is_laid_out_the_same_way_twice() -> None:
    graph = make_graph(200)
    assert layout.lay_out(graph, {}) == layout.lay_out(graph, {})


def test_pinned_entries_stay_and_the_rest_settle_around_them() -> None:
    graph = make_graph(60)
    first = layout.lay_out(graph, {})
    kept = {s: p for s, p in first.items() if s != "n5"}  # n5 is new to the graph
    kept["n1"] = layout.Placed(5000.0, -5000.0, pinned=True)
    again = layout.lay_out(graph, kept)
    assert again["n1"] == kept["n1"]
    assert set(again) == set(first)


def test_positions_are_kept_per_library(tmp_path: Path) -> None:
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    layout.save(one, {"a": layout.Placed(1.0, 2.0, True)})
    assert layout.load(one) == {"a": layout.Placed(1.0, 2.0, True)}
    assert layout.load(two) == {}
    layout.cache_file(two).parent.mkdir(parents=True, exist_ok=True)
    layout.cache_file(two).write_text("{not json", encoding="utf-8")
    assert layout.load(two) == {}  # a broken cache is no cache


def test_a_dragged_entry_is_pinned_and_opens_where_it_was_left(qtbot: QtBot, mini_db: Database) -> None:
    view = GraphView(Library(mini_db), in_background=False)
    qtbot.addWidget(view)
    view.set_scope(WHOLE)
    canvas = view.canvas
    i = next(k for k, n in enumerate(canvas.graph.nodes) if n.slug == "alpha")
    canvas.nodes[i].setPos(QPointF(777.0, 333.0))
    canvas.follow(i)
    canvas.node_moved.emit(i)
    again = GraphView(Library(mini_db), in_background=False)
    qtbot.addWidget(again)
    again.set_scope(WHOLE)
    j = next(k for k, n in enumerate(again.canvas.graph.nodes) if n.slug == "alpha")
    assert again.canvas.nodes[j].pos() == QPointF(777.0, 333.0)
    # and its edges start there
    edge = next(k for k, e in enumerate(again.canvas.graph.edges) if e.relation == "title")
    assert again.canvas.edges[edge].line().p1() == QPointF(777.0, 333.0)


def test_a_fifo_or_a_huge_file_in_place_of_the_cache_costs_a_new_layout_not_a_hang(tmp_path: Path) -> None:
    import os
    import threading

    library = tmp_path / "lib.sqlite3"
    path = layout.cache_file(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)  # nobody ever writes to it: an ordinary open would wait for ever
    found: list[layout.Positions] = []
    reader = threading.Thread(target=lambda: found.append(layout.load(library)), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive() and found == [{}]
    path.unlink()
    with path.open("wb") as huge:  # sparse: larger than any positions file, none of it read
        huge.truncate(layout.CACHE_LIMIT + 1)
    assert layout.load(library) == {}
