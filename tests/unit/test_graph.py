"""The relationship graph equals the relations the library holds, filtered as the view asks."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from app.db.database import Database
from app.records.graph import Graph
from app.services.graph import build_graph
from app.services.relation_filters import MEMBER_OF, TITLE, RelationFilters

# Every relation tests/fixtures/mini/mini.yaml states, read off the file by hand.
MINI_RELATIONS = {
    ("title", "alpha", "ministry", "Minister of Tests"),
    ("member_of", "laos", "bloc", "member"),
    ("party_to", "laos", "test-initiative", "party"),
    ("participant_in", "alpha", "meeting", "speaker"),
    ("part_of", "ministry", "bloc", ""),
    # the alias, membership and party of Laos; Alpha's title, participation and statement;
    # the meeting's fact: all cite the one article
    ("cited_by", "laos", "test-article", ""),
    ("cited_by", "alpha", "test-article", ""),
    ("cited_by", "meeting", "test-article", ""),
    # the note on Alpha mentions [[meeting]] ([[Nobody Known]] is no entry)
    ("mentioned_in", "meeting", "alpha", ""),
}
MINI_ENTRIES = {"test-article", "laos", "bloc", "ministry", "alpha", "meeting", "test-initiative"}


def _relations(graph: Graph) -> set[tuple[str, str, str, str]]:
    slugs = {n.id: n.slug for n in graph.nodes}
    return {(e.relation, slugs[e.source], slugs[e.target], e.label) for e in graph.edges}


def _id(conn: sqlite3.Connection, slug: str) -> int:
    return int(conn.execute("SELECT id FROM entity WHERE slug = ?", (slug,)).fetchone()[0])


def test_nodes_and_edges_equal_the_relations_in_the_database(mini_db: Database) -> None:
    conn = mini_db.read()
    graph = build_graph(conn, RelationFilters())
    assert {n.slug for n in graph.nodes} == MINI_ENTRIES
    assert _relations(graph) == MINI_RELATIONS
    assert len(graph.edges) == len(MINI_RELATIONS)  # no relation drawn twice
    degree = {n.slug: n.degree for n in graph.nodes}
    assert degree["alpha"] == 4 and degree["test-initiative"] == 1
    # Each edge carries exactly the citations of the row that states it.
    title = next(e for e in graph.edges if e.relation == TITLE)
    assert set(title.citations) == {
        int(r[0]) for r in conn.execute("SELECT id FROM citation WHERE role_id IS NOT NULL")
    }
    cited = {e.source: set(e.citations) for e in graph.edges if e.relation == "cited_by"}
    assert sum(len(c) for c in cited.values()) == conn.execute("SELECT count(*) FROM citation").fetchone()[0]
    assert title.owner == "alpha"


def test_the_trash_and_the_relations_reaching_it_are_left_out(mini_db: Database) -> None:
    conn = mini_db.read()
    with mini_db.connect() as writer:
        writer.execute(
            "UPDATE entity SET deleted_at = '2025-06-01T00:00:00.000000+00:00' WHERE slug = 'ministry'"
        )
    graph = build_graph(conn, RelationFilters())
    assert "ministry" not in {n.slug for n in graph.nodes}
    assert _relations(graph) == {r for r in MINI_RELATIONS if "ministry" not in r}


def test_as_of_removes_exactly_the_relations_not_valid_that_day(mini_db: Database) -> None:
    conn = mini_db.read()
    laos, bloc = _id(conn, "laos"), _id(conn, "bloc")
    with mini_db.connect() as writer:
        writer.execute(
            "INSERT INTO membership (member_id, organization_id, status, start_date, end_date) "
            "VALUES (?, ?, 'observer', '1990', '1997-07-22')",
            (laos, bloc),
        )
    everything = _relations(build_graph(conn, RelationFilters()))
    assert ("member_of", "laos", "bloc", "observer") in everything
    in_1997 = _relations(build_graph(conn, RelationFilters(as_of=dt.date(1997, 7, 22))))
    assert everything - in_1997 == {("member_of", "laos", "bloc", "member")}
    in_1990 = _relations(build_graph(conn, RelationFilters(as_of=dt.date(1990, 1, 1))))
    assert everything - in_1990 == {("member_of", "laos", "bloc", "member")}
    in_1989 = _relations(build_graph(conn, RelationFilters(as_of=dt.date(1989, 12, 31))))
    assert everything - in_1989 == {
        ("member_of", "laos", "bloc", "member"),
        ("member_of", "laos", "bloc", "observer"),
    }
    today = _relations(build_graph(conn, RelationFilters(as_of=dt.date(2025, 9, 18))))
    assert everything - today == {("member_of", "laos", "bloc", "observer")}


def test_around_an_entry_reaches_depth_steps(mini_db: Database) -> None:
    conn = mini_db.read()
    alpha = _id(conn, "alpha")
    one = build_graph(conn, RelationFilters(centre=alpha, depth=1))
    assert one.centre == alpha
    assert {n.slug for n in one.nodes} == {"alpha", "ministry", "meeting", "test-article"}
    two = build_graph(conn, RelationFilters(centre=alpha, depth=2))
    assert {n.slug for n in two.nodes} == {"alpha", "ministry", "meeting", "test-article", "bloc", "laos"}
    three = build_graph(conn, RelationFilters(centre=alpha, depth=3))
    assert {n.slug for n in three.nodes} == MINI_ENTRIES


def test_kind_relation_tag_and_country_filters(mini_db: Database) -> None:
    conn = mini_db.read()
    people_and_orgs = build_graph(conn, RelationFilters(kinds=frozenset({"person", "organization"})))
    assert _relations(people_and_orgs) == {
        ("title", "alpha", "ministry", "Minister of Tests"),
        ("part_of", "ministry", "bloc", ""),
    }
    members = build_graph(conn, RelationFilters(relations=frozenset({MEMBER_OF})))
    assert _relations(members) == {("member_of", "laos", "bloc", "member")}
    with mini_db.connect() as writer:
        writer.execute("INSERT INTO tag (name) VALUES ('region/mekong')")
        for slug in ("laos", "bloc"):
            writer.execute(
                "INSERT INTO entity_tag (entity_id, tag_id) SELECT e.id, t.id FROM entity e, tag t "
                "WHERE e.slug = ? AND t.name = 'region/mekong'",
                (slug,),
            )
    tagged = build_graph(conn, RelationFilters(tags=frozenset({"region"})))
    assert {n.slug for n in tagged.nodes} == {"laos", "bloc"}
    in_laos = build_graph(conn, RelationFilters(countries=frozenset({_id(conn, "laos")})))
    assert {n.slug for n in in_laos.nodes} == {"laos", "alpha", "ministry", "meeting"}


def test_names_in_the_chosen_script(mini_db: Database) -> None:
    graph = build_graph(mini_db.read(), RelationFilters(), script="Hans")
    alpha = next(n for n in graph.nodes if n.slug == "alpha")
    assert (alpha.name, alpha.recorded) == ("阿尔法", "Alpha Person")


@pytest.mark.parametrize("relation", ["title", "member_of"])
def test_every_relation_name_filters(mini_db: Database, relation: str) -> None:
    graph = build_graph(mini_db.read(), RelationFilters(relations=frozenset({relation})))
    assert {e.relation for e in graph.edges} == {relation}
