"""The relationship graph as GraphML and GEXF files, for Gephi, yEd, Cytoscape and networkx.

Nodes are named by the entry's slug (stable between libraries and exports), with its kind,
name and number of relations; edges by the row stating them ('role:12'), with the relation,
its label (a title, a status, a role), its dates as recorded (precision kept: '2022', not
2022-01-01) and the ids of its citations, space-separated. Written with the standard
library's XML writer and replaced atomically (app/io/atomic.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from app.io.atomic import write_bytes
from app.records.graph import Graph, GraphEdge, GraphNode

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"

# Characters XML 1.0 cannot hold even escaped (most control characters): a name pasted with
# one would make the whole file unreadable to Gephi.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# (key, type, value of a node); (key, type, value of an edge). Types are GraphML's and GEXF's.
_NODE_DATA: tuple[tuple[str, str, Callable[[GraphNode], object]], ...] = (
    ("kind", "string", lambda n: n.kind),
    ("name", "string", lambda n: n.name),
    ("recorded_name", "string", lambda n: n.recorded),
    ("relations", "int", lambda n: n.degree),
)
_EDGE_DATA: tuple[tuple[str, str, Callable[[GraphEdge], object]], ...] = (
    ("relation", "string", lambda e: e.relation),
    ("label", "string", lambda e: e.label),
    ("start", "string", lambda e: e.start),
    ("end", "string", lambda e: e.end),
    ("citations", "string", lambda e: " ".join(str(c) for c in e.citations)),
)


def _text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def graphml(graph: Graph) -> bytes:
    ET.register_namespace("", GRAPHML_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(q + "graphml")
    for prefix, fields, domain in (("n", _NODE_DATA, "node"), ("e", _EDGE_DATA, "edge")):
        for name, kind, _ in fields:
            ET.SubElement(
                root,
                q + "key",
                {"id": f"{prefix}_{name}", "for": domain, "attr.name": name, "attr.type": kind},
            )
    body = ET.SubElement(root, q + "graph", {"id": "roundtable", "edgedefault": "directed"})
    slugs = {n.id: n.slug for n in graph.nodes}
    for node in graph.nodes:
        element = ET.SubElement(body, q + "node", {"id": _text(node.slug)})
        for name, _, of_node in _NODE_DATA:
            ET.SubElement(element, q + "data", {"key": f"n_{name}"}).text = _text(of_node(node))
    for edge in graph.edges:
        element = ET.SubElement(
            body,
            q + "edge",
            {"id": edge.key, "source": _text(slugs[edge.source]), "target": _text(slugs[edge.target])},
        )
        for name, _, value in _EDGE_DATA:
            found = value(edge)
            if found is not None:
                ET.SubElement(element, q + "data", {"key": f"e_{name}"}).text = _text(found)
    return _bytes(root)


def gexf(graph: Graph) -> bytes:
    ET.register_namespace("", GEXF_NS)
    q = f"{{{GEXF_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.3"})
    meta = ET.SubElement(root, q + "meta")
    ET.SubElement(meta, q + "creator").text = "Roundtable"
    body = ET.SubElement(root, q + "graph", {"defaultedgetype": "directed", "mode": "static"})
    for domain, fields in (("node", _NODE_DATA), ("edge", _EDGE_DATA)):
        attributes = ET.SubElement(body, q + "attributes", {"class": domain})
        for i, (name, kind, _) in enumerate(fields):
            kind = "integer" if kind == "int" else kind
            ET.SubElement(attributes, q + "attribute", {"id": str(i), "title": name, "type": kind})
    nodes = ET.SubElement(body, q + "nodes")
    slugs = {n.id: n.slug for n in graph.nodes}
    for node in graph.nodes:
        element = ET.SubElement(nodes, q + "node", {"id": _text(node.slug), "label": _text(node.name)})
        values = ET.SubElement(element, q + "attvalues")
        for i, (_, _, of_node) in enumerate(_NODE_DATA):
            ET.SubElement(values, q + "attvalue", {"for": str(i), "value": _text(of_node(node))})
    edges = ET.SubElement(body, q + "edges")
    for edge in graph.edges:
        element = ET.SubElement(
            edges,
            q + "edge",
            {
                "id": edge.key,
                "source": _text(slugs[edge.source]),
                "target": _text(slugs[edge.target]),
                "label": _text(edge.label or edge.relation),
            },
        )
        values = ET.SubElement(element, q + "attvalues")
        for i, (_, _, value) in enumerate(_EDGE_DATA):
            found = value(edge)
            if found is not None:
                ET.SubElement(values, q + "attvalue", {"for": str(i), "value": _text(found)})
    return _bytes(root)


FORMATS: dict[str, Callable[[Graph], bytes]] = {".graphml": graphml, ".gexf": gexf}


def write_graph(graph: Graph, path: Path) -> None:
    """Write `graph` to `path` in the format its suffix names (.graphml or .gexf)."""
    write_bytes(path, FORMATS[path.suffix.lower()](graph))
