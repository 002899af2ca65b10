"""The relationship graph: entries as nodes, the relations between them as edges, each edge
with its dates and the citations that support it, filtered as the Graph view asks
(app/services/relation_filters.py).

Where each relation lives (the same rows the entry page shows, app/services/details.py):
  title           role: person -> organization (or the country, for a title without one)
  member_of       membership: member -> organization, with its status and dates
  party_to        initiative_party: entry -> initiative, with its role
  participant_in  participation: entry -> event, with its role
  part_of         organization.parent_id, event.part_of_id: the part -> the whole
  cited_by        citation: entry -> source, one edge an entry and source, with every citation
                  of the entry's facts (its own, its aliases', facts', titles', memberships',
                  participations', parties' and statements') to that source
  mentioned_in    note_link: the entry a note mentions -> the entry the note is written on
                  (a standalone note joins no two entries and draws no edge)
Entries in the trash are left out, and so are the relations that reach them.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict, deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.records.graph import Graph, GraphEdge, GraphNode
from app.services.languages import name_in
from app.services.relation_filters import (
    CITED_BY,
    MEMBER_OF,
    MENTIONED_IN,
    PART_OF,
    PARTICIPANT_IN,
    PARTY_TO,
    TITLE,
    RelationFilters,
)

if TYPE_CHECKING:
    from app.services.library import Library

_LIVE = "deleted_at IS NULL"

# Which entry a citation's facts belong to, by the column that owns the citation.
_CITATION_OWNER = """
SELECT c.id, c.source_id, coalesce(
    c.entity_id,
    (SELECT entity_id FROM alias WHERE id = c.alias_id),
    (SELECT entity_id FROM fact WHERE id = c.fact_id),
    (SELECT member_id FROM membership WHERE id = c.membership_id),
    (SELECT person_id FROM role WHERE id = c.role_id),
    (SELECT entity_id FROM participation WHERE id = c.participation_id),
    (SELECT entity_id FROM initiative_party WHERE id = c.party_id),
    (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = c.statement_id)
) FROM citation c ORDER BY c.id
"""

_PART_OF_FIELDS = ("parent", "parent_id", "part_of", "part_of_id")


def _grouped(conn: sqlite3.Connection, column: str, ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Citation ids by the row of `column` they support."""
    wanted = set(ids)
    found: dict[int, list[int]] = defaultdict(list)
    if not wanted:
        return {}
    for owner, cid in conn.execute(
        f"SELECT {column}, id FROM citation WHERE {column} IS NOT NULL ORDER BY position, id"
    ):
        if owner in wanted:
            found[int(owner)].append(int(cid))
    return {k: tuple(v) for k, v in found.items()}


def all_edges(conn: sqlite3.Connection, live: set[int], slugs: dict[int, str]) -> list[GraphEdge]:
    """Every relation between two live entries, unfiltered, in a stable order."""
    edges: list[GraphEdge] = []

    def both(a: int | None, b: int | None) -> bool:
        return a is not None and b is not None and a in live and b in live and a != b

    roles = conn.execute(
        "SELECT id, person_id, coalesce(organization_id, country_id), title, start_date, end_date "
        "FROM role ORDER BY id"
    ).fetchall()
    cites = _grouped(conn, "role_id", (r[0] for r in roles))
    for rid, person, at, title, start, end in roles:
        if both(person, at):
            edges.append(
                GraphEdge(
                    f"role:{rid}",
                    TITLE,
                    person,
                    at,
                    title or "",
                    start,
                    end,
                    cites.get(rid, ()),
                    slugs[person],
                )
            )

    members = conn.execute(
        "SELECT id, member_id, organization_id, status, start_date, end_date FROM membership ORDER BY id"
    ).fetchall()
    cites = _grouped(conn, "membership_id", (r[0] for r in members))
    for mid, member, org, status, start, end in members:
        if both(member, org):
            edges.append(
                GraphEdge(
                    f"membership:{mid}",
                    MEMBER_OF,
                    member,
                    org,
                    status or "",
                    start,
                    end,
                    cites.get(mid, ()),
                    slugs[member],
                )
            )

    parties = conn.execute(
        "SELECT id, entity_id, initiative_id, role FROM initiative_party ORDER BY id"
    ).fetchall()
    cites = _grouped(conn, "party_id", (r[0] for r in parties))
    for pid, entity, initiative, role in parties:
        if both(entity, initiative):
            edges.append(
                GraphEdge(
                    f"party:{pid}",
                    PARTY_TO,
                    entity,
                    initiative,
                    role or "",
                    None,
                    None,
                    cites.get(pid, ()),
                    slugs[initiative],
                )
            )

    takes = conn.execute("SELECT id, entity_id, event_id, role FROM participation ORDER BY id").fetchall()
    cites = _grouped(conn, "participation_id", (r[0] for r in takes))
    for pid, entity, event, role in takes:
        if both(entity, event):
            edges.append(
                GraphEdge(
                    f"participation:{pid}",
                    PARTICIPANT_IN,
                    entity,
                    event,
                    role or "",
                    None,
                    None,
                    cites.get(pid, ()),
                    slugs[event],
                )
            )

    marks = ",".join("?" * len(_PART_OF_FIELDS))
    field_cites: dict[int, list[int]] = defaultdict(list)
    for owner, cid in conn.execute(
        f"SELECT entity_id, id FROM citation WHERE entity_id IS NOT NULL AND field IN ({marks}) ORDER BY position, id",
        _PART_OF_FIELDS,
    ):
        field_cites[int(owner)].append(int(cid))
    parts = conn.execute(
        "SELECT id, parent_id FROM organization WHERE parent_id IS NOT NULL "
        "UNION ALL SELECT id, part_of_id FROM event WHERE part_of_id IS NOT NULL ORDER BY 1"
    ).fetchall()
    for part, whole in parts:
        if both(part, whole):
            edges.append(
                GraphEdge(
                    f"part:{part}",
                    PART_OF,
                    part,
                    whole,
                    "",
                    None,
                    None,
                    tuple(field_cites.get(part, ())),
                    slugs[part],
                )
            )

    cited: dict[tuple[int, int], list[int]] = defaultdict(list)
    for cid, source, owner in conn.execute(_CITATION_OWNER):
        if both(owner, source):
            cited[(int(owner), int(source))].append(int(cid))
    for (owner, source), ids in sorted(cited.items()):
        edges.append(
            GraphEdge(
                f"cited:{owner}:{source}", CITED_BY, owner, source, "", None, None, tuple(ids), slugs[owner]
            )
        )

    mentions = conn.execute(
        f"SELECT l.note_id, l.entity_id, n.entity_id FROM note_link l JOIN note n ON n.id = l.note_id "
        f"WHERE n.{_LIVE} AND n.entity_id IS NOT NULL ORDER BY l.note_id, l.entity_id"
    ).fetchall()
    for note, mentioned, on in mentions:
        if both(mentioned, on):
            edges.append(GraphEdge(f"note:{note}:{mentioned}", MENTIONED_IN, mentioned, on, "", note=note))
    return edges


def _countries(conn: sqlite3.Connection) -> dict[int, int]:
    """The country each entry belongs to (a person's, an organization's, an event's)."""
    found: dict[int, int] = {}
    for table in ("person", "organization", "event"):
        for eid, country in conn.execute(f"SELECT id, country_id FROM {table} WHERE country_id IS NOT NULL"):
            found[int(eid)] = int(country)
    return found


def _tagged(conn: sqlite3.Connection, tags: frozenset[str]) -> set[int]:
    """Entries with any of `tags` or a tag nested under one ('policy' takes 'policy/ethics')."""
    found: set[int] = set()
    for eid, name in conn.execute(
        "SELECT et.entity_id, t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id"
    ):
        if any(name == t or name.startswith(t + "/") for t in tags):
            found.add(int(eid))
    return found


def _names_in(conn: sqlite3.Connection, script: str, ids: set[int]) -> dict[int, str]:
    found: dict[int, list[tuple[str, str | None, str | None, str]]] = defaultdict(list)
    for eid, value, language, alias_script, kind in conn.execute(
        "SELECT entity_id, value, language, script, kind FROM alias ORDER BY id"
    ):
        if eid in ids:
            found[int(eid)].append((value, language, alias_script, kind))
    names = {eid: name_in(script, aliases) for eid, aliases in found.items()}
    return {eid: n for eid, n in names.items() if n is not None}


def build_graph(conn: sqlite3.Connection, filters: RelationFilters, *, script: str = "") -> Graph:
    """The graph `filters` ask for; `script`: names shown in it where an entry has one (''
    as recorded). Reads in the caller's connection (a worker thread's own)."""
    entries = {
        int(r[0]): (str(r[1]), str(r[2]), str(r[3]))
        for r in conn.execute(f"SELECT id, kind, slug, name FROM entity WHERE {_LIVE} ORDER BY id")
    }
    live = set(entries)
    slugs = {eid: e[1] for eid, e in entries.items()}
    edges = [e for e in all_edges(conn, live, slugs) if filters.holds(e.relation, e.start, e.end)]

    shown = {eid for eid, (kind, _, _) in entries.items() if filters.shows_kind(kind)}
    if filters.tags:
        shown &= _tagged(conn, filters.tags)
    if filters.countries:
        belongs = _countries(conn)
        shown = {eid for eid in shown if eid in filters.countries or belongs.get(eid) in filters.countries}
    centre = filters.centre if filters.centre in live else None
    if centre is not None:
        shown.add(centre)
    edges = [e for e in edges if e.source in shown and e.target in shown]

    if centre is not None:
        near: dict[int, list[int]] = defaultdict(list)
        for e in edges:
            near[e.source].append(e.target)
            near[e.target].append(e.source)
        reached = {centre: 0}
        queue = deque([centre])
        while queue:
            at = queue.popleft()
            if reached[at] >= filters.depth:
                continue
            for other in near[at]:
                if other not in reached:
                    reached[other] = reached[at] + 1
                    queue.append(other)
        shown = set(reached)
        edges = [e for e in edges if e.source in shown and e.target in shown]

    degree: dict[int, int] = defaultdict(int)
    for e in edges:
        degree[e.source] += 1
        degree[e.target] += 1
    names = _names_in(conn, script, shown) if script else {}
    nodes = tuple(
        GraphNode(
            eid,
            entries[eid][0],
            entries[eid][1],
            names.get(eid, entries[eid][2]),
            entries[eid][2],
            degree[eid],
        )
        for eid in sorted(shown)
    )
    return Graph(nodes, tuple(edges), centre)


def citation_sources(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    """The name of the source each citation of `ids` cites (an edge's hover names them)."""
    wanted = sorted(set(ids))
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, name in conn.execute(
            f"SELECT c.id, s.name FROM citation c JOIN entity s ON s.id = c.source_id WHERE c.id IN ({marks})",
            chunk,
        ):
            found[int(cid)] = str(name)
    return found


class LibraryGraph:
    """The graph of one library, for the window: each read on a connection of its own, so
    that a worker thread can make it."""

    def __init__(self, library: Library) -> None:
        self._db = library.db
        self.path = library.path

    def read(self, filters: RelationFilters, script: str = "") -> tuple[Graph, dict[int, str]]:
        """The graph and the name of each of its citations' sources."""
        conn = self._db.connect()
        try:
            graph = build_graph(conn, filters, script=script)
            return graph, citation_sources(conn, (c for e in graph.edges for c in e.citations))
        finally:
            conn.close()

    def choices(self) -> tuple[list[tuple[int, str]], list[str], str | None]:
        """The countries (id, name) and tags to filter by, and the earliest date a title or
        membership names (the as-of slider's start)."""
        conn = self._db.read()
        countries = [
            (int(r[0]), str(r[1]))
            for r in conn.execute(
                f"SELECT id, name FROM entity WHERE kind = 'country' AND {_LIVE} ORDER BY name"
            )
        ]
        tags = [str(r[0]) for r in conn.execute("SELECT name FROM tag ORDER BY name")]
        earliest = conn.execute(
            "SELECT min(d) FROM (SELECT min(start_date) AS d FROM membership "
            "UNION ALL SELECT min(start_date) FROM role UNION ALL SELECT min(as_of) FROM role)"
        ).fetchone()[0]
        return countries, tags, earliest
