"""Actions on many entries at once (app/services/bulk.py): tags added once and removed where
they are, a country set, a move to the Trash; each undone and redone whole."""

from __future__ import annotations

from typing import Any

import pytest

from app.db import list_index
from app.db.database import Database
from app.services.bulk import Bulk, settable_fields
from app.services.entries import TRASH, EntryLists
from app.services.entry_forms import EditingError
from app.services.tags import BadTag, Tags


def ids(db: Database, *slugs: str) -> list[int]:
    lists = EntryLists(db)
    refs = [lists.ref(s) for s in slugs]
    assert all(refs)
    return [r.id for r in refs if r]


def stamps(db: Database, entity_ids: list[int]) -> dict[int, str]:
    marks = ",".join("?" * len(entity_ids))
    rows = db.read().execute(f"SELECT id, updated_at FROM entity WHERE id IN ({marks})", entity_ids)
    return dict(rows.fetchall())


def lists_exact(db: Database) -> bool:
    """The lists' rows are as the entries say (app/db/list_index.py checks them)."""
    return list_index.problems(db.read()) == []


def country_of(db: Database, entity_id: int) -> int | None:
    row = db.read().execute("SELECT country_id FROM person WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else None


PEOPLE = ("chen-gang", "boviengkham-vongdara", "kao-kim-hourn")


def test_tags_are_added_once_to_every_entry_and_undone_and_redone_whole(seeded_db: Database) -> None:
    bulk, tags = Bulk(seeded_db), Tags(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    tags.set_entry_tags(people[0], ["Policy"])  # has one already, in another case
    had = {p: tags.of_entry(p) for p in people}
    before = stamps(seeded_db, people)

    change = bulk.add_tags(people, "policy, #Field work/2025")

    for person in people:
        # 'policy' joined 'Policy'; the tags they had stay
        assert set(tags.of_entry(person)) == {*had[person], "Field work/2025", "Policy"}
    links = seeded_db.read().execute(
        "SELECT count(*) FROM entity_tag et JOIN tag t ON t.id = et.tag_id WHERE t.name = 'Policy'"
    )
    assert links.fetchone()[0] == 3  # not duplicated on the one that had it
    assert change.count == 3 and change.tags == ("Policy", "Field work/2025")
    assert all(stamps(seeded_db, people)[p] != before[p] for p in people)

    bulk.undo(change)
    assert {p: tags.of_entry(p) for p in people} == had  # 'Policy' stays where it was
    assert "Field work/2025" not in tags.stored()  # nothing carries it any more
    assert stamps(seeded_db, people) == before

    bulk.redo(change)
    for person in people:
        assert set(tags.of_entry(person)) == {*had[person], "Field work/2025", "Policy"}


def test_removing_a_tag_some_entries_lack_is_fine_and_undo_gives_it_back(seeded_db: Database) -> None:
    bulk, tags = Bulk(seeded_db), Tags(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    tags.set_entry_tags(people[0], ["policy", "policy/ethics"])
    tags.set_entry_tags(people[1], ["Policy"])
    tags.set_entry_tags(people[2], ["speaker"])
    before = stamps(seeded_db, people)

    change = bulk.remove_tags(people, "POLICY, never-used")

    assert tags.of_entry(people[0]) == ("policy/ethics",)  # a tag under it stays
    assert tags.of_entry(people[1]) == () and tags.of_entry(people[2]) == ("speaker",)
    assert change.count == 2 and people[2] not in change.ids
    assert stamps(seeded_db, people)[people[2]] == before[people[2]]  # untouched

    bulk.undo(change)
    assert tags.of_entry(people[0]) == ("policy", "policy/ethics")
    assert tags.of_entry(people[1]) == ("policy",)
    assert stamps(seeded_db, people) == before
    bulk.redo(change)
    assert tags.of_entry(people[1]) == ()


def test_a_bad_tag_changes_nothing(seeded_db: Database) -> None:
    people = ids(seeded_db, *PEOPLE)
    with pytest.raises(BadTag):
        Bulk(seeded_db).add_tags(people, "fine, " + "x" * 120)
    with pytest.raises(EditingError):
        Bulk(seeded_db).add_tags(people, " , ")
    assert "fine" not in Tags(seeded_db).stored()


def test_the_country_is_set_on_every_entry_and_undo_puts_each_old_one_back(seeded_db: Database) -> None:
    bulk = Bulk(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    old = {p: country_of(seeded_db, p) for p in people}
    (laos,) = ids(seeded_db, "laos")
    assert len(set(old.values())) > 1  # they differ before

    change = bulk.set_field(people, "country", laos)

    assert {country_of(seeded_db, p) for p in people} == {laos}
    assert set(change.ids) == {p for p in people if old[p] != laos}
    rows = EntryLists(seeded_db).rows("person", people)
    assert all(r is not None and "Laos" in r.values for r in rows)  # the lists' column follows
    assert lists_exact(seeded_db)
    bulk.undo(change)
    assert {p: country_of(seeded_db, p) for p in people} == old
    assert lists_exact(seeded_db)
    bulk.redo(change)
    assert {country_of(seeded_db, p) for p in people} == {laos}
    bulk.set_field(people, "country", None)
    assert {country_of(seeded_db, p) for p in people} == {None}


def test_only_a_country_can_be_the_country_and_only_of_one_kind(seeded_db: Database) -> None:
    bulk = Bulk(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    (asean,) = ids(seeded_db, "asean")
    with pytest.raises(EditingError):
        bulk.set_field(people, "country", asean)
    with pytest.raises(EditingError):
        bulk.set_field([*people, asean], "country", None)
    assert [f.key for f in settable_fields("organization")] == ["country", "parent"]
    assert [f.key for f in settable_fields("source")] == []


def test_many_move_to_the_trash_and_come_back_in_one_undo(seeded_db: Database) -> None:
    bulk, lists = Bulk(seeded_db), EntryLists(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    listed = lists.count("person")
    trashed = lists.count(TRASH)

    change = bulk.trash(people)

    assert change.count == 3 and lists.count("person") == listed - 3
    assert lists.count(TRASH) == trashed + 3
    assert lists_exact(seeded_db)  # and the rows that showed their names no longer do
    assert bulk.trash(people).count == 0  # already there: nothing more to do
    bulk.undo(change)
    assert lists.count("person") == listed and lists.count(TRASH) == trashed
    assert lists_exact(seeded_db)
    bulk.redo(change)
    assert lists.count("person") == listed - 3
    assert lists_exact(seeded_db)
    (laos,) = ids(seeded_db, "laos")  # a country many entries show
    undo_laos = bulk.trash([laos])
    assert lists_exact(seeded_db)
    bulk.undo(undo_laos)
    assert lists_exact(seeded_db)


def test_undo_leaves_out_entries_deleted_for_good_since(seeded_db: Database) -> None:
    from app.services.editing import Editor

    bulk = Bulk(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    change = bulk.add_tags(people, "gone-soon")
    Editor(seeded_db).purge(people[0])
    bulk.undo(change)
    bulk.redo(change)
    assert "gone-soon" in Tags(seeded_db).of_entry(people[1])


def test_actions_share_one_connection_until_closed(
    seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a connection reads the whole schema (~20 ms): it was most of an action on 1,000
    entries, when each action opened its own."""
    import sqlite3

    people = ids(seeded_db, *PEOPLE)  # (the reading connection opened first)
    opened: list[sqlite3.Connection] = []
    connect = seeded_db.connect

    def counted() -> sqlite3.Connection:
        opened.append(connect())
        return opened[-1]

    monkeypatch.setattr(seeded_db, "connect", counted)
    bulk = Bulk(seeded_db)
    change = bulk.add_tags(people, "once")
    bulk.undo(change)
    bulk.redo(change)
    bulk.trash(people)
    assert len(opened) == 1
    bulk.close()
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        opened[0].execute("SELECT 1")
    bulk.undo(change)  # a later action opens it again
    assert len(opened) == 2
    bulk.close()


def test_undoing_a_country_set_relists_the_entries_once(
    seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not once per country they had before: each time costs the lists' work over again."""
    from app.db import list_index

    bulk = Bulk(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    assert len({country_of(seeded_db, p) for p in people}) > 1
    (laos,) = ids(seeded_db, "laos")
    change = bulk.set_field(people, "country", laos)
    calls: list[int] = []
    refresh = list_index.refresh_columns

    def counted(*args: Any, **kwargs: Any) -> tuple[str, ...]:
        calls.append(1)
        return refresh(*args, **kwargs)

    monkeypatch.setattr(list_index, "refresh_columns", counted)
    bulk.undo(change)
    assert calls == [1]
    assert lists_exact(seeded_db)
    bulk.close()


def test_the_lists_follow_an_organizations_country_and_parent_set_undone_and_redone(
    seeded_db: Database,
) -> None:
    bulk = Bulk(seeded_db)
    orgs = [i for (i,) in seeded_db.read().execute("SELECT id FROM entity WHERE kind = 'organization'")]
    (laos,) = ids(seeded_db, "laos")
    parent = orgs[0]
    for key, target in (("country", laos), ("parent", parent), ("country", None)):
        change = bulk.set_field(orgs, key, target)
        assert change.count > 0 and lists_exact(seeded_db), key
        bulk.undo(change)
        assert lists_exact(seeded_db), key
        bulk.redo(change)
        assert lists_exact(seeded_db), key
    rows = EntryLists(seeded_db).rows("organization", orgs)
    assert all(r is not None and "Laos" not in r.values for r in rows)  # no country now
    bulk.close()


def test_setting_a_country_leaves_the_officials_titles_in_the_lists_as_they_were(seeded_db: Database) -> None:
    """Read again from every official's roles, they were most of the work on 10,000."""
    bulk = Bulk(seeded_db)
    people = ids(seeded_db, *PEOPLE)
    (laos,) = ids(seeded_db, "laos")
    ran: list[str] = []
    bulk._writer.conn.set_trace_callback(ran.append)
    change = bulk.set_field(people, "country", laos)
    bulk.undo(change)
    bulk._writer.conn.set_trace_callback(None)
    assert ran and not [s for s in ran if "FROM role" in s and not s.startswith("CREATE TRIGGER")]
    assert lists_exact(seeded_db)
    bulk.close()


def test_an_action_reads_through_a_larger_page_cache_and_gives_it_back(seeded_db: Database) -> None:
    from app.services.bulk import CACHE_KIB

    bulk = Bulk(seeded_db)
    conn = bulk._writer.conn
    usual = conn.execute("PRAGMA cache_size").fetchone()[0]
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    bulk.add_tags(ids(seeded_db, *PEOPLE), "cached")
    conn.set_trace_callback(None)
    assert f"PRAGMA cache_size = {-CACHE_KIB}" in ran
    assert ran.index(f"PRAGMA cache_size = {-CACHE_KIB}") < ran.index("BEGIN IMMEDIATE")
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == usual
    bulk.close()
