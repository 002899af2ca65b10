"""The Timeline's items (app/services/timeline.py): every dated relation of a library, placed
over the days its dates may name, read a window and a few lanes at a time, filtered as the
Graph's filters say."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app.db.database import Database
from app.services.relation_filters import MEMBER_OF, TITLE, RelationFilters, valid_on
from app.services.timeline import (
    ANNOUNCEMENT,
    BY_COUNTRY,
    BY_KIND,
    EVENT,
    FACT,
    ITEM_KINDS,
    MEMBERSHIP,
    NOTE,
    TITLE_SPAN,
    Timeline,
)

EVER = (dt.date(1, 1, 1), dt.date(9999, 12, 31))


def _dated_rows(conn: sqlite3.Connection) -> set[tuple[str, int]]:
    """The dated rows of live entries, read independently of the service."""
    live = "(SELECT id FROM entity WHERE deleted_at IS NULL)"
    queries = (
        (
            "role",
            f"SELECT id FROM role WHERE person_id IN {live} AND (start_date IS NOT NULL OR as_of IS NOT NULL OR end_date IS NOT NULL)",
        ),
        (
            "membership",
            f"SELECT id FROM membership WHERE member_id IN {live} AND (start_date IS NOT NULL OR end_date IS NOT NULL)",
        ),
        (
            "event",
            f"SELECT id FROM event WHERE id IN {live} AND (start_date IS NOT NULL OR end_date IS NOT NULL)",
        ),
        ("initiative", f"SELECT id FROM initiative WHERE id IN {live} AND announced_on IS NOT NULL"),
        ("fact", f"SELECT id FROM fact WHERE entity_id IN {live} AND date IS NOT NULL"),
    )
    return {(table, int(r[0])) for table, sql in queries for r in conn.execute(sql)}


def test_items_are_the_dated_relations_of_the_library(seeded_db: Database) -> None:
    timeline = Timeline(seeded_db)
    lanes = timeline.lanes()
    items = timeline.items(lanes.ids, *EVER)
    keys = [i.key for i in items]
    assert len(keys) == len(set(keys))
    assert set(keys) == _dated_rows(seeded_db.read())
    assert {i.entry_id for i in items} == set(lanes.ids)  # every lane has something to draw
    # The citations behind a title are the title's own.
    role = next(i for i in items if i.kind == TITLE_SPAN and i.citation_ids)
    cited = {
        r[0] for r in seeded_db.read().execute("SELECT id FROM citation WHERE role_id = ?", (role.key[1],))
    }
    assert set(role.citation_ids) == cited


@contextmanager
def _writing(db: Database) -> Iterator[sqlite3.Connection]:
    conn = db.connect()
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


def _add_person(conn: sqlite3.Connection, slug: str, country: int | None = None) -> int:
    stamp = "2025-01-01T00:00:00.000000+00:00"
    cur = conn.execute(
        "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
        "VALUES (?, 'person', ?, ?, '', ?, ?)",
        (f"uid-{slug}", slug, slug.title(), stamp, stamp),
    )
    pid = int(cur.lastrowid or 0)
    conn.execute("INSERT INTO person (id, country_id) VALUES (?, ?)", (pid, country))
    return pid


def _add_role(conn: sqlite3.Connection, person: int, title: str, **dates: str | None) -> int:
    cur = conn.execute(
        "INSERT INTO role (person_id, title, as_of, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
        (person, title, dates.get("as_of"), dates.get("start"), dates.get("end")),
    )
    return int(cur.lastrowid or 0)


def test_a_year_is_a_year_long_span_and_a_month_a_month(mini_db: Database) -> None:
    with _writing(mini_db) as conn:
        pid = _add_person(conn, "gamma")
        year = _add_role(conn, pid, "Envoy", as_of="2019")
        month = _add_role(conn, pid, "Adviser", start="2020-02", end="2021")
        day = _add_role(conn, pid, "Chair", as_of="2022-03-04")
    items = {i.key[1]: i for i in Timeline(mini_db).items([pid], *EVER)}
    envoy = items[year]
    assert envoy.is_point and envoy.precision == "year" and envoy.uncertain_start
    assert (envoy.first, envoy.last) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    adviser = items[month]
    assert (adviser.first, adviser.last) == (dt.date(2020, 2, 1), dt.date(2021, 12, 31))
    assert adviser.start.precision == "month" and adviser.precision == "year"
    chair = items[day]
    assert (chair.first, chair.last, chair.precision) == (dt.date(2022, 3, 4),) * 2 + ("day",)
    assert not chair.uncertain_start


def test_only_the_window_and_the_lanes_asked_for_are_read(mini_db: Database) -> None:
    with _writing(mini_db) as conn:
        one = _add_person(conn, "one")
        two = _add_person(conn, "two")
        old = _add_role(conn, one, "Old", start="2001", end="2002-05")
        held = _add_role(conn, one, "Held", start="2010-01-01")  # no end: still held
        _add_role(conn, two, "Other", start="2001", end="2002")
    timeline = Timeline(mini_db)
    early = {i.key[1] for i in timeline.items([one], dt.date(2002, 5, 31), dt.date(2003, 1, 1))}
    assert early == {old}  # a May 2002 end reaches 31 May; the other lane is not read
    late = [i for i in timeline.items([one], dt.date(2020, 1, 1), dt.date(2020, 2, 1))]
    assert [i.key[1] for i in late] == [held] and late[0].open_end
    assert timeline.items([one], dt.date(2003, 1, 1), dt.date(2009, 12, 31)) == []


def test_filters_remove_exactly_the_filtered_items(seeded_db: Database) -> None:
    timeline = Timeline(seeded_db)
    everything = timeline.items(timeline.lanes().ids, *EVER)

    members = RelationFilters(relations=frozenset({MEMBER_OF}))
    kept = timeline.items(timeline.lanes(filters=members).ids, *EVER, members)
    assert {i.key for i in kept} == {i.key for i in everything if i.kind != TITLE_SPAN}

    day = dt.date(2025, 9, 18)
    as_of = RelationFilters(as_of=day)
    kept = timeline.items(timeline.lanes(filters=as_of).ids, *EVER, as_of)
    expected = set()
    conn = seeded_db.read()
    for i in everything:
        if i.kind == TITLE_SPAN:
            start, as_of_day, end = conn.execute(
                "SELECT start_date, as_of, end_date FROM role WHERE id = ?", (i.key[1],)
            ).fetchone()
            if not valid_on(start or as_of_day, end or (as_of_day if not start else None), day):
                continue
        if i.kind == MEMBERSHIP:
            start, end = conn.execute(
                "SELECT start_date, end_date FROM membership WHERE id = ?", (i.key[1],)
            ).fetchone()
            if not valid_on(start, end, day):
                continue
        expected.add(i.key)
    assert {i.key for i in kept} == expected
    assert {i.key for i in kept} != {i.key for i in everything}

    people = RelationFilters(kinds=frozenset({"person"}))
    lanes = timeline.lanes(filters=people)
    kinds = dict(conn.execute("SELECT id, kind FROM entity").fetchall())
    assert lanes.ids and {kinds[i] for i in lanes.ids} == {"person"}
    assert {i.key for i in timeline.items(lanes.ids, *EVER, people)} == {
        i.key for i in everything if kinds[i.entry_id] == "person"
    }


def test_the_country_filter_keeps_the_country_and_what_belongs_to_it(seeded_db: Database) -> None:
    conn = seeded_db.read()
    laos = conn.execute("SELECT id FROM country WHERE iso_alpha2 = 'LA'").fetchone()[0]
    filters = RelationFilters(countries=frozenset({laos}))
    lanes = Timeline(seeded_db).lanes(filters=filters)
    assert laos in lanes.ids
    for lane in lanes.ids:
        belongs = conn.execute(
            "SELECT ? = ? OR EXISTS (SELECT 1 FROM person WHERE id = ? AND country_id = ?) "
            "OR EXISTS (SELECT 1 FROM organization WHERE id = ? AND country_id = ?) "
            "OR EXISTS (SELECT 1 FROM event WHERE id = ? AND country_id = ?)",
            (lane, laos) * 4,
        ).fetchone()[0]
        assert belongs, lane


def test_lanes_group_by_kind_and_by_country(seeded_db: Database) -> None:
    timeline = Timeline(seeded_db)
    by_entry = timeline.lanes()
    by_kind = timeline.lanes(BY_KIND)
    by_country = timeline.lanes(BY_COUNTRY)
    assert sorted(by_entry.ids) == sorted(by_kind.ids) == sorted(by_country.ids)
    kinds = dict(seeded_db.read().execute("SELECT id, kind FROM entity").fetchall())
    starts = [start for start, _ in by_kind.groups] + [len(by_kind)]
    for (start, kind), end in zip(by_kind.groups, starts[1:], strict=True):
        assert {kinds[i] for i in by_kind.ids[start:end]} == {kind}
    assert len({g for _, g in by_kind.groups}) == len(by_kind.groups)
    assert by_country.groups and by_country.groups[0][0] == 0


def test_notes_only_when_asked_for(mini_db: Database) -> None:
    timeline = Timeline(mini_db)
    assert all(i.kind != NOTE for i in timeline.items(timeline.lanes().ids, *EVER))
    lanes = timeline.lanes(kinds=ITEM_KINDS)
    notes = [i for i in timeline.items(lanes.ids, *EVER, kinds=ITEM_KINDS) if i.kind == NOTE]
    assert [n.label for n in notes] == ["On Alpha"]


def test_no_relations_no_titles_or_memberships(seeded_db: Database) -> None:
    filters = RelationFilters(relations=frozenset({TITLE}))
    timeline = Timeline(seeded_db)
    kinds = {i.kind for i in timeline.items(timeline.lanes(filters=filters).ids, *EVER, filters)}
    assert MEMBERSHIP not in kinds and TITLE_SPAN in kinds
    assert kinds <= {TITLE_SPAN, EVENT, ANNOUNCEMENT, FACT}
