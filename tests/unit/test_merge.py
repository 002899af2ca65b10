"""Merging duplicates (app/services/merge.py) and finding them (app/services/duplicates.py):
every relation of the entries merged moves to the survivor, their names become its other names
once, `[[old-slug]]` still leads to it, and one undo puts the whole library back exactly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.db.database import Database, open_database
from app.records.duplicates import NAME_AND_OTHER_NAME, SAME_ISO, SAME_NAME, SAME_URL
from app.services.duplicates import find_duplicates, normal_url
from app.services.editing import Editor, EntryInput
from app.services.merge import MergeError, Merger, merge_fields
from app.services.notes import Notes
from app.services.wikilinks import resolve_all
from app.services.writing import Writer
from tests.builders.merge_world import build_duplicates
from tests.conftest import copy_db


@dataclass
class World:
    db: Database
    editor: Editor
    merger: Merger
    notes: Notes
    ids: dict[str, int]

    def id(self, slug: str) -> int:
        return self.ids[slug]

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.db.read().execute(sql, params)]


@pytest.fixture(scope="session")
def world_template(
    empty_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, int]]:
    path = copy_db(empty_template, tmp_path_factory.mktemp("merge") / "world.sqlite3")
    db = open_database(path)
    try:
        ids = build_duplicates(db)
    finally:
        db.close()
    return path, ids


@pytest.fixture
def world(world_template: tuple[Path, dict[str, int]], tmp_path: Path) -> Iterator[World]:
    db = open_database(copy_db(world_template[0], tmp_path / "world.sqlite3"))
    writer = Writer(db)
    yield World(db, Editor(db), Merger(writer), Notes(db, writer), dict(world_template[1]))
    writer.close()
    db.close()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index's and the lists' too), ids and all, except
    the full-text indexes' own storage."""
    conn = db.read()
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' AND name != 'alembic_version'"
        )
    ]
    assert {"entity", "alias", "citation", "note_link", "search_doc", "list_row", "meta"} <= set(tables)
    return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in tables}


# --- finding duplicates ----------------------------------------------------------------------


def test_duplicates_by_name_other_name_iso_and_url(world: World) -> None:
    world.db.read().execute("SELECT 1")  # the reading connection sees the writes
    groups = find_duplicates(world.db.read())
    found = {(g.kind, g.reason, frozenset(r.slug for r in g.entries)) for g in groups}
    assert ("organization", SAME_NAME, frozenset({"most", "most-2"})) in found
    assert ("person", NAME_AND_OTHER_NAME, frozenset({"chen-gang", "chen-gang-2"})) in found
    assert ("source", SAME_URL, frozenset({"source-a", "source-b"})) in found
    assert not any(g.reason == SAME_ISO for g in groups)  # LAO once


def test_an_entry_named_so_twice_is_no_duplicate_and_the_trash_is_left_out(world: World) -> None:
    groups = find_duplicates(world.db.read())
    assert all(len({r.id for r in g.entries}) == len(g.entries) >= 2 for g in groups)
    world.editor.trash(world.id("most"))
    slugs = [{r.slug for r in g.entries} for g in find_duplicates(world.db.read())]
    assert {"most", "most-2"} not in slugs


def test_same_iso_code_is_a_duplicate(world: World) -> None:
    world.editor.update(
        world.id("laos"),
        EntryInput("country", "Laos", slug="laos", values={"iso_alpha2": "LA", "iso_alpha3": "lao"}),
    )
    groups = [g for g in find_duplicates(world.db.read()) if g.reason == SAME_ISO]
    assert [(g.value, {r.slug for r in g.entries}) for g in groups] == [("LAO", {"laos", "lao-pdr"})]


def test_web_addresses_compare_without_case_of_scheme_and_host_or_a_final_slash() -> None:
    assert normal_url("HTTPS://Example.ORG/Path/") == normal_url("https://example.org/Path")
    assert normal_url("https://example.org/Path") != normal_url("https://example.org/path")
    assert normal_url("http://[broken") == "http://[broken"


# --- merging -------------------------------------------------------------------------------


def test_every_relation_moves_to_the_survivor(world: World) -> None:
    keep, gone = world.id("most"), world.id("most-2")
    merge = world.merger.merge([keep, gone], keep)
    assert merge.survivor.id == keep and [r.id for r in merge.merged] == [gone]
    rows = world.rows
    assert rows("SELECT count(*) FROM fact WHERE entity_id = ?", keep) == [(1,)]
    assert rows("SELECT count(*) FROM membership WHERE member_id = ?", keep) == [(1,)]
    assert rows("SELECT count(*) FROM statement WHERE speaker_id = ?", keep) == [(1,)]
    # Citations went with their rows.
    assert rows(
        "SELECT count(*) FROM citation c JOIN fact f ON f.id = c.fact_id WHERE f.entity_id = ?", keep
    ) == [(1,)]
    # What referred to the merged entry refers to the survivor.
    assert rows("SELECT organization_id FROM role WHERE person_id = ?", world.id("chen-gang-2")) == [(keep,)]
    assert rows("SELECT entity_id FROM participation WHERE event_id = ?", world.id("forum")) == [(keep,)]
    assert rows("SELECT entity_id FROM initiative_party WHERE initiative_id = ?", world.id("centre")) == [
        (keep,)
    ]
    # Notes, backlinks and tags.
    assert rows("SELECT count(*) FROM note WHERE entity_id = ?", keep) == [(1,)]
    assert rows("SELECT count(*) FROM note_link WHERE entity_id = ?", gone) == [(0,)]
    assert rows("SELECT count(*) FROM note_link WHERE entity_id = ?", keep) == [(2,)]
    tags = rows(
        "SELECT t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entity_id = ? ORDER BY 1",
        keep,
    )
    assert tags == [("laos",), ("science",)]
    # The merged entry is in the Trash, holding nothing.
    assert rows("SELECT deleted_at IS NOT NULL FROM entity WHERE id = ?", gone) == [(1,)]
    for table, owner in (("fact", "entity_id"), ("alias", "entity_id"), ("membership", "member_id")):
        assert rows(f"SELECT count(*) FROM {table} WHERE {owner} = ?", gone) == [(0,)]


def test_names_become_other_names_once(world: World) -> None:
    keep, gone = world.id("chen-gang"), world.id("chen-gang-2")
    world.merger.merge([keep, gone], keep)
    # 陈刚 was already an other name of Chen Gang: not added twice.
    assert world.rows("SELECT value FROM alias WHERE entity_id = ? ORDER BY id", keep) == [("陈刚",)]
    keep, gone = world.id("most"), world.id("most-2")
    world.merger.merge([gone, keep], keep)
    # 'ministry of science' folds as the name kept, and so does the other name 'Ministry of
    # Science': neither is added; MOST moves over.
    assert world.rows("SELECT value, kind FROM alias WHERE entity_id = ? ORDER BY id", keep) == [
        ("MOST", "abbreviation")
    ]


def test_the_name_picked_keeps_the_survivors_own_as_an_other_name(world: World) -> None:
    keep, gone = world.id("chen-gang-2"), world.id("chen-gang")
    world.merger.merge([keep, gone], keep, {"name": gone, "country": keep})
    assert world.rows("SELECT name, slug FROM entity WHERE id = ?", keep) == [("Chen Gang", "chen-gang-2")]
    assert world.rows("SELECT value FROM alias WHERE entity_id = ? ORDER BY id", keep) == [("陈刚",)]
    assert world.rows("SELECT country_id FROM person WHERE id = ?", keep) == [(world.id("laos"),)]


def test_values_picked_from_the_others_and_unique_codes_traded(world: World) -> None:
    keep, gone = world.id("laos"), world.id("lao-pdr")
    assert {f.key for f in merge_fields("country")} >= {"name", "summary", "iso_alpha2", "iso_alpha3"}
    world.merger.merge([keep, gone], keep, {"iso_alpha2": gone, "iso_alpha3": gone})
    assert world.rows("SELECT iso_alpha2, iso_alpha3 FROM country WHERE id = ?", keep) == [("LX", "LAO")]
    assert world.rows("SELECT iso_alpha2 FROM country WHERE id = ?", gone) == [("LA",)]
    # The organization that was in Lao PDR is in Laos.
    assert world.rows("SELECT country_id FROM organization WHERE id = ?", world.id("most-2")) == [(keep,)]


def test_sources_merged_carry_their_citations(world: World) -> None:
    keep, gone = world.id("source-a"), world.id("source-b")
    world.merger.merge([keep, gone], keep)
    assert world.rows("SELECT count(*) FROM citation WHERE source_id = ?", gone) == [(0,)]
    assert world.rows("SELECT count(*) FROM citation WHERE source_id = ?", keep) == [(4,)]


def test_old_slug_and_old_name_links_lead_to_the_survivor(world: World) -> None:
    keep, gone = world.id("chen-gang"), world.id("chen-gang-2")
    conn = world.db.read()
    assert resolve_all(conn, ["chen-gang-2"])["chen-gang-2"].id == gone  # type: ignore[union-attr]
    world.merger.merge([keep, gone], keep)
    found = resolve_all(world.db.read(), ["chen-gang-2", "陈刚"])
    assert {n: r.id if r else None for n, r in found.items()} == {"chen-gang-2": keep, "陈刚": keep}
    # A note saved after the merge links to the survivor.
    note = world.notes.create(body="Met [[chen-gang-2]].")
    assert world.rows("SELECT entity_id FROM note_link WHERE note_id = ?", note.id) == [(keep,)]
    # Restored from the Trash, the merged entry is itself again.
    world.editor.restore(gone)
    assert resolve_all(world.db.read(), ["chen-gang-2"])["chen-gang-2"].id == gone  # type: ignore[union-attr]
    world.editor.trash(gone)
    # Deleted for good, its slug still leads to the survivor.
    world.editor.purge(gone)
    assert resolve_all(world.db.read(), ["chen-gang-2"])["chen-gang-2"].id == keep  # type: ignore[union-attr]


def test_one_undo_puts_the_whole_library_back_and_redo_again(world: World) -> None:
    before = dump(world.db)
    keep = world.id("most")
    merge = world.merger.merge([keep, world.id("most-2")], keep, {"summary": world.id("most-2")})
    after = dump(world.db)
    assert after != before
    world.merger.undo(merge)
    assert dump(world.db) == before
    world.merger.redo(merge)
    assert dump(world.db) == after
    world.merger.undo(merge)
    assert dump(world.db) == before


def test_undo_of_traded_codes_and_a_name_picked(world: World) -> None:
    before = dump(world.db)
    keep, gone = world.id("laos"), world.id("lao-pdr")
    merge = world.merger.merge([keep, gone], keep, {"iso_alpha2": gone, "name": gone})
    after = dump(world.db)
    world.merger.undo(merge)
    assert dump(world.db) == before
    world.merger.redo(merge)
    assert dump(world.db) == after


def test_an_undo_that_no_longer_fits_changes_nothing(world: World) -> None:
    keep, gone = world.id("chen-gang"), world.id("chen-gang-2")
    merge = world.merger.merge([keep, gone], keep)
    world.editor.purge(gone)
    state = dump(world.db)
    with pytest.raises(MergeError, match="cannot be undone"):
        world.merger.undo(merge)
    assert dump(world.db) == state


def test_entries_of_different_kinds_are_refused_in_one_sentence(world: World) -> None:
    state = dump(world.db)
    with pytest.raises(MergeError) as caught:
        world.merger.merge([world.id("most"), world.id("chen-gang")], world.id("most"))
    assert str(caught.value) == "Only entries of one kind can be merged: these are Officials, Organizations."
    assert dump(world.db) == state


def test_an_entry_is_not_merged_with_itself(world: World) -> None:
    state = dump(world.db)
    with pytest.raises(MergeError, match="at least two different entries"):
        world.merger.merge([world.id("most"), world.id("most")], world.id("most"))
    with pytest.raises(MergeError, match="must be one of those merged"):
        world.merger.merge([world.id("most"), world.id("most-2")], world.id("asean"))
    assert dump(world.db) == state
    world.editor.trash(world.id("most-2"))
    state = dump(world.db)
    with pytest.raises(MergeError, match="is in the Trash"):
        world.merger.merge([world.id("most"), world.id("most-2")], world.id("most"))
    assert dump(world.db) == state


def test_candidates_say_what_each_holds(world: World) -> None:
    found = world.merger.candidates([world.id("most"), world.id("most-2")])
    assert [c.ref.slug for c in found] == ["most", "most-2"]
    assert found[1].holds["facts"] == 1 and found[1].holds["memberships"] == 1
    assert found[1].holds["citations"] == 2 and found[1].holds["notes"] == 1
    assert found[1].shown["country"] == "Lao PDR"
    assert found[1].holds["referred"] == 3  # a title, a participant, a party
    assert found[1].weight > found[0].weight


def test_check_lists_a_planted_duplicate_and_still_passes(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """Possible duplicates are for the researcher to judge (two officials may share a name):
    `roundtable check` lists them and its exit status stays 0."""
    from app.__main__ import main

    path = str(world.db.path)
    world.db.close()
    assert main(["--db", path, "check"]) == 0
    out = capsys.readouterr().out
    assert (
        "Possibly one and the same (Organizations, sharing the same name, “Ministry of Science”): "
        "“Ministry of Science” (most), “ministry of science” (most-2)." in out
    )
    assert "the web address https://Example.org/a/" in out
    assert out.rstrip().endswith("All good.")
    assert main(["--db", path, "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"kind": "person", "reason": "other name"} in [
        {k: g[k] for k in ("kind", "reason")} for g in report["duplicates"]
    ]


def test_a_redirect_written_by_hand_or_in_a_loop_never_breaks_link_resolution(world: World) -> None:
    keep, gone = world.id("chen-gang"), world.id("chen-gang-2")
    world.merger.merge([keep, gone], keep)
    world.editor.trash(keep)
    with world.merger._writer.transaction() as conn:  # a merge back the other way, by hand
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            (f"merged:{keep}", f'{{"into": {gone}, "slug": "chen-gang"}}'),
        )
        conn.execute("INSERT INTO meta (key, value) VALUES ('merged:999', 'not json')")
    found = resolve_all(world.db.read(), ["chen-gang", "chen-gang-2", "nowhere"])
    assert {r.id for r in found.values() if r is not None} <= {keep, gone} and found["nowhere"] is None
