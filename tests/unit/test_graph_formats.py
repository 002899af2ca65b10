"""GraphML and GEXF files of the graph, read back by an independent reader (networkx)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from app.db.database import Database
from app.io.graph_formats import write_graph
from app.records.graph import Graph, GraphEdge, GraphNode
from app.services.graph import build_graph
from app.services.relation_filters import RelationFilters


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_networkx_reads_the_same_nodes_and_edges(mini_db: Database, tmp_path: Path, suffix: str) -> None:
    graph = build_graph(mini_db.read(), RelationFilters(), script="Hans")
    path = tmp_path / f"library{suffix}"
    write_graph(graph, path)
    read = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    assert read.number_of_nodes() == len(graph.nodes)
    assert read.number_of_edges() == len(graph.edges)
    assert set(read.nodes) == {n.slug for n in graph.nodes}
    slugs = {n.id: n.slug for n in graph.nodes}
    title = next(e for e in graph.edges if e.relation == "title")
    found = read.get_edge_data(slugs[title.source], slugs[title.target])
    data = next(iter(found.values())) if isinstance(read, nx.MultiDiGraph) else found
    assert data["relation"] == "title"
    assert data["citations"] == " ".join(str(c) for c in title.citations)
    alpha = read.nodes["alpha"]
    assert alpha["kind"] == "person" and alpha["relations"] == 4
    assert alpha.get("name", alpha.get("label")) == "阿尔法"


def test_names_with_control_characters_still_make_a_readable_file(tmp_path: Path) -> None:
    graph = Graph(
        (GraphNode(1, "person", "a", "Bell\x07 & <Co>", "Bell\x07"), GraphNode(2, "country", "b", "B", "B")),
        (GraphEdge("role:1", "title", 1, 2, "Chief\x0b", "2022", None, (7, 8)),),
    )
    path = tmp_path / "odd.graphml"
    write_graph(graph, path)
    read = nx.read_graphml(path)
    assert read.nodes["a"]["name"] == "Bell\ufffd & <Co>"
    assert read.edges["a", "b"]["start"] == "2022" and "end" not in read.edges["a", "b"]
