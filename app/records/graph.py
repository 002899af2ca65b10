"""The relationship graph as plain values: what app/services/graph.py reads, the Graph view
draws and app/io/graph_formats.py writes for Gephi."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GraphNode:
    """An entry: `name` as it is shown (in the chosen script where it has a name in it),
    `recorded` as the library records it; `degree` is its number of relations in the graph."""

    id: int
    kind: str
    slug: str
    name: str
    recorded: str
    degree: int = 0


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """A relation from `source` to `target` (entry ids), as the relation's name reads: a person
    holds a title at an organization, a country is a member of one, an entry is cited by a
    source or mentioned in a note on another entry.

    key: unique in the graph, '<table>:<id>' of the row stating it ('role:12', 'membership:3',
      'cited:<entry>:<source>', 'note:<note>:<entry>').
    label: the title, the membership's status, the participant's or party's role ('' if none).
    start, end: the relation's dates with their precision (titles and memberships), or None.
    citations: ids of the citations supporting it.
    owner: the slug of the entry whose page states the fact (None for a note's mention).
    note: the id of the note for 'mentioned_in'.
    """

    key: str
    relation: str
    source: int
    target: int
    label: str = ""
    start: str | None = None
    end: str | None = None
    citations: tuple[int, ...] = ()
    owner: str | None = None
    note: int | None = None


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    centre: int | None = None
