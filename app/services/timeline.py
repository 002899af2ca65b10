"""The Timeline's items: the library's dated facts as points and spans, read a window at a time.

What is drawn, each an item of one lane (the entry it is about):
  event         an event, from its start to its end (one date: a point)
  title         a person's title, from start to end; a title known only by an as-of date is a
                point; one with a start and no end still holds (`open_end`)
  membership    a member's place in an organization (each status its own span: an observer
                from 2022, a member from 2025), open-ended like a title
  announcement  the day an initiative was announced
  fact          a dated fact about any entry (an initiative's change of status, a ratification)
  note          a note on an entry, on the day it was written (only when asked for)

A date keeps its precision (app/dates.py): '2025' is drawn over the whole year and '2025-09'
over the whole month, flagged so the view can draw it as uncertain, never as a false day. The
first and last day a date may name are relation_filters' first_day and last_day, the rule the
Graph's as-of filter uses too.

Lanes are entries (ordered by name, grouped by kind or country when asked). A library of
100,000 titles has as many lanes: `lanes` reads only their ids (through the list's index on
kind and name), and `items` reads the items of the lanes on screen within the time on screen,
through the indexes on the rows' entry columns (role.person_id, membership.member_id …).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.db.database import Database
from app.i18n import N_
from app.services.relation_filters import MEMBER_OF, TITLE, RelationFilters, first_day, last_day

if TYPE_CHECKING:
    from app.services.library import Library

EVENT = "event"
TITLE_SPAN = "title"
MEMBERSHIP = "membership"
ANNOUNCEMENT = "announcement"
FACT = "fact"
NOTE = "note"
ITEM_KINDS: tuple[str, ...] = (EVENT, TITLE_SPAN, MEMBERSHIP, ANNOUNCEMENT, FACT, NOTE)
ITEM_LABELS: dict[str, str] = {
    EVENT: N_("Timeline", "Events"),
    TITLE_SPAN: N_("Timeline", "Titles"),
    MEMBERSHIP: N_("Timeline", "Memberships"),
    ANNOUNCEMENT: N_("Timeline", "Announcements"),
    FACT: N_("Timeline", "Dated facts"),
    NOTE: N_("Timeline", "Notes"),
}
# Notes are dated by when they were written, not by what they are about: off unless asked for.
DEFAULT_ITEM_KINDS: frozenset[str] = frozenset(ITEM_KINDS) - {NOTE}

BY_ENTRY = "entry"
BY_KIND = "kind"
BY_COUNTRY = "country"
LANE_GROUPINGS: tuple[str, ...] = (BY_ENTRY, BY_KIND, BY_COUNTRY)
_KIND_ORDER = ("person", "country", "organization", "initiative", "event", "source")

YEAR = "year"
MONTH = "month"
DAY = "day"
_PRECISION = {4: YEAR, 7: MONTH, 10: DAY}
_CHUNK = 500  # ids per IN (...): far below SQLite's limit on variables


@dataclass(frozen=True, slots=True)
class Moment:
    """A date as recorded, with the days it may name."""

    text: str
    first: dt.date
    last: dt.date

    @property
    def precision(self) -> str:
        return _PRECISION[len(self.text)]

    @property
    def uncertain(self) -> bool:
        return len(self.text) < 10


def moment(text: str | None) -> Moment | None:
    """The Moment of a stored date ('2025', '2025-09', '2025-09-18'); None for none."""
    if not text:
        return None
    return Moment(text, first_day(text), last_day(text))


@dataclass(frozen=True, slots=True)
class Item:
    """One thing on the timeline. `key` is (its table, its row id): unique across kinds."""

    kind: str
    key: tuple[str, int]
    entry_id: int  # the lane's entry: clicking the item opens it
    label: str
    start: Moment
    end: Moment | None  # None: a point (drawn over the days its start may name)
    open_end: bool = False  # no end recorded: held since `start`, maybe still
    other_id: int | None = None  # the organization of a title or a membership
    country_id: int | None = None
    citation_ids: tuple[int, ...] = ()

    @property
    def first(self) -> dt.date:
        return self.start.first

    @property
    def last(self) -> dt.date:
        return (self.end or self.start).last

    @property
    def is_point(self) -> bool:
        return self.end is None and not self.open_end

    @property
    def precision(self) -> str:
        """The coarsest precision of its dates: what the view must not draw as a day."""
        ends = [self.start] + ([self.end] if self.end is not None else [])
        return min((m.precision for m in ends), key=(YEAR, MONTH, DAY).index)

    @property
    def uncertain_start(self) -> bool:
        return self.start.uncertain

    @property
    def uncertain_end(self) -> bool:
        return (self.end or self.start).uncertain


@dataclass(frozen=True, slots=True)
class Lanes:
    """The lanes, in order: entry ids, and where each group begins (its first lane's index and
    its label: a kind key, a country's name, '' for entries of no country)."""

    ids: tuple[int, ...]
    groups: tuple[tuple[int, str], ...] = ()

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class LaneEntry:
    id: int
    kind: str
    slug: str
    name: str


def _day(day: dt.date) -> str:
    return day.isoformat()


# Each kind of item: the lane column, its table, the SQL that reads it, and whether a stored
# date exists at all (what makes a row an item). '~' sorts after every digit and '-': a date of
# any precision followed by it is >= every day it may name, so `last || '~' >= ?` compares an
# end of '2025' with a day of 2025 as the span it is.
_DATED: dict[str, tuple[str, str, str]] = {
    TITLE_SPAN: ("role", "person_id", "coalesce(start_date, as_of, end_date) IS NOT NULL"),
    MEMBERSHIP: ("membership", "member_id", "coalesce(start_date, end_date) IS NOT NULL"),
    EVENT: ("event", "id", "coalesce(start_date, end_date) IS NOT NULL"),
    ANNOUNCEMENT: ("initiative", "id", "announced_on IS NOT NULL"),
    FACT: ("fact", "entity_id", "date IS NOT NULL"),
    NOTE: ("note", "entity_id", "deleted_at IS NULL"),
}


def timeline_of(library: Library) -> Timeline:
    """The Timeline of an open library, on this thread's connection."""
    return Timeline(library.db)


@contextmanager
def own_timeline(library: Library) -> Iterator[Timeline]:
    """A Timeline on a connection of its own, for a worker thread (a connection belongs to the
    thread that opened it)."""
    conn = library.db.connect()
    try:
        yield Timeline(library.db, conn)
    finally:
        conn.close()


class Timeline:
    def __init__(self, db: Database, conn: sqlite3.Connection | None = None) -> None:
        """`conn`: a connection of the caller's own (a worker's); by default this thread's reader."""
        self._db = db
        self._own = conn

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._own if self._own is not None else self._db.read()

    # --- lanes ---------------------------------------------------------------------------------

    def lanes(
        self,
        by: str = BY_ENTRY,
        filters: RelationFilters | None = None,
        kinds: Iterable[str] = DEFAULT_ITEM_KINDS,
    ) -> Lanes:
        """Every entry with something to draw under `filters`, as lanes grouped `by`."""
        filters = filters or RelationFilters()
        wanted = _item_kinds(kinds, filters)
        if not wanted:
            return Lanes(())
        # One IN (subquery) per kind of item: SQLite reads each table once into a temporary
        # index, instead of probing the items' tables once for every entry (100,000 officials:
        # a second less).
        has_items = " OR ".join(
            f"e.id IN (SELECT {lane} FROM {table} WHERE {dated})"
            for kind in wanted
            for table, lane, dated in (_DATED[kind],)
        )
        where, params = _entry_filter(filters)
        sql = f"FROM entity e WHERE e.deleted_at IS NULL AND ({has_items}){where}"
        near = self.around(filters.centre, filters.depth) if filters.centre is not None else None
        if by == BY_COUNTRY:
            country = (
                "CASE e.kind WHEN 'country' THEN e.id "
                "ELSE coalesce((SELECT country_id FROM person WHERE id = e.id), "
                "(SELECT country_id FROM organization WHERE id = e.id), "
                "(SELECT country_id FROM event WHERE id = e.id)) END"
            )
            rows = self._conn.execute(f"SELECT e.id, {country}, e.name {sql}", params).fetchall()
            if near is not None:
                rows = [r for r in rows if r[0] in near]
            names = self._names({int(r[1]) for r in rows if r[1] is not None})
            rows.sort(key=lambda r: (r[1] is None, names.get(r[1], ""), r[1] or 0, r[2], r[0]))
            return _grouped(rows, lambda r: names.get(r[1], "") if r[1] is not None else "")
        if by == BY_KIND:
            order = " ".join(f"WHEN '{k}' THEN {n}" for n, k in enumerate(_KIND_ORDER))
            rows = self._conn.execute(
                f"SELECT e.id, e.kind {sql} ORDER BY CASE e.kind {order} END, e.name, e.id", params
            ).fetchall()
            if near is not None:
                rows = [r for r in rows if r[0] in near]
            return _grouped(rows, lambda r: str(r[1]))
        ids = [r[0] for r in self._conn.execute(f"SELECT e.id {sql} ORDER BY e.name, e.id", params)]
        if near is not None:
            ids = [i for i in ids if i in near]
        return Lanes(tuple(ids))

    def countries(self) -> list[tuple[int, str]]:
        """The countries a filter may choose (id, name), by name."""
        return [
            (int(r[0]), str(r[1]))
            for r in self._conn.execute(
                "SELECT id, name FROM entity WHERE kind = 'country' AND deleted_at IS NULL ORDER BY name"
            )
        ]

    def tag_names(self) -> list[str]:
        return [str(r[0]) for r in self._conn.execute("SELECT name FROM tag ORDER BY name")]

    def entries(self, ids: Sequence[int]) -> dict[int, LaneEntry]:
        """The lanes' entries (for the lanes on screen)."""
        found: dict[int, LaneEntry] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                f"SELECT id, kind, slug, name FROM entity WHERE id IN ({marks})", chunk
            ):
                found[int(r[0])] = LaneEntry(int(r[0]), str(r[1]), str(r[2]), str(r[3]))
        return found

    def around(self, centre: int, depth: int) -> set[int]:
        """The entry `centre` and those within `depth` steps of its titles, memberships,
        participations, parties and parents."""
        links = (
            "SELECT person_id, organization_id FROM role WHERE person_id IN ({m}) OR organization_id IN ({m})",
            "SELECT person_id, country_id FROM role WHERE person_id IN ({m}) OR country_id IN ({m})",
            "SELECT member_id, organization_id FROM membership WHERE member_id IN ({m}) OR organization_id IN ({m})",
            "SELECT event_id, entity_id FROM participation WHERE event_id IN ({m}) OR entity_id IN ({m})",
            "SELECT initiative_id, entity_id FROM initiative_party WHERE initiative_id IN ({m}) OR entity_id IN ({m})",
            "SELECT id, parent_id FROM organization WHERE id IN ({m}) OR parent_id IN ({m})",
            "SELECT id, part_of_id FROM event WHERE id IN ({m}) OR part_of_id IN ({m})",
            "SELECT id, country_id FROM person WHERE id IN ({m}) OR country_id IN ({m})",
        )
        seen = {centre}
        frontier = {centre}
        for _ in range(depth):
            found: set[int] = set()
            for chunk in _chunks(sorted(frontier)):
                marks = ",".join("?" * len(chunk))
                for sql in links:
                    for a, b in self._conn.execute(sql.format(m=marks), chunk + chunk):
                        found.update(x for x in (a, b) if x is not None)
            frontier = found - seen
            seen |= found
            if not frontier:
                break
        return seen

    def extent(
        self, lanes: Lanes, kinds: Iterable[str] = DEFAULT_ITEM_KINDS
    ) -> tuple[dt.date, dt.date] | None:
        """The first and last day anything in the library's dated rows may name (for the view's
        first look); None when nothing is dated."""
        if not lanes.ids:
            return None
        columns = {
            TITLE_SPAN: ("role", ("start_date", "as_of", "end_date")),
            MEMBERSHIP: ("membership", ("start_date", "end_date")),
            EVENT: ("event", ("start_date", "end_date")),
            ANNOUNCEMENT: ("initiative", ("announced_on",)),
            FACT: ("fact", ("date",)),
            NOTE: ("note", ("substr(created_at, 1, 10)",)),
        }
        low: list[str] = []
        high: list[str] = []
        for kind in set(kinds) & set(columns):
            table, cols = columns[kind]
            for col in cols:
                lo, hi = self._conn.execute(f"SELECT min({col}), max({col}) FROM {table}").fetchone()
                if lo:
                    low.append(str(lo))
                    high.append(str(hi))
        if not low:
            return None
        return first_day(min(low)), last_day(max(high))

    # --- items ---------------------------------------------------------------------------------

    def items(
        self,
        lane_ids: Sequence[int],
        first: dt.date,
        last: dt.date,
        filters: RelationFilters | None = None,
        kinds: Iterable[str] = DEFAULT_ITEM_KINDS,
    ) -> list[Item]:
        """The items of the lanes `lane_ids` that overlap the days `first`..`last`."""
        filters = filters or RelationFilters()
        wanted = _item_kinds(kinds, filters)
        found: list[Item] = []
        lo, hi = _day(first), _day(last)
        today = _day(dt.date.today())
        for chunk in _chunks(lane_ids):
            marks = ",".join("?" * len(chunk))
            if TITLE_SPAN in wanted:
                found += self._titles(marks, chunk, lo, hi, today)
            if MEMBERSHIP in wanted:
                found += self._memberships(marks, chunk, lo, hi, today)
            if EVENT in wanted:
                found += self._events(marks, chunk, lo, hi)
            if ANNOUNCEMENT in wanted:
                found += self._announcements(marks, chunk, lo, hi)
            if FACT in wanted:
                found += self._facts(marks, chunk, lo, hi)
            if NOTE in wanted:
                found += self._notes(marks, chunk, lo, hi)
        if filters.as_of is not None:
            found = [i for i in found if _holds_on(i, filters)]
        return self._cited(found)

    def _titles(self, marks: str, ids: list[int], lo: str, hi: str, today: str) -> list[Item]:
        # Open-ended titles reach today: compared with today's date, not with their start.
        rows = self._conn.execute(
            "SELECT r.id, r.person_id, r.title, o.name, r.organization_id, r.country_id, "
            "r.start_date, r.as_of, r.end_date FROM role r "
            "LEFT JOIN entity o ON o.id = r.organization_id "
            f"WHERE r.person_id IN ({marks}) AND coalesce(r.start_date, r.as_of, r.end_date) <= ? "
            "AND (CASE WHEN r.end_date IS NOT NULL THEN r.end_date "
            "WHEN r.start_date IS NOT NULL THEN max(coalesce(r.as_of, ''), ?) "
            "ELSE r.as_of END) || '~' >= ?",
            [*ids, hi, today, lo],
        )
        items = []
        for rid, person, title, org, org_id, country, start, as_of, end in rows:
            label = f"{title} — {org}" if org else str(title)
            begin = moment(start or as_of or end)
            assert begin is not None
            until = moment(end) if end and end != begin.text else None
            if start and not end and as_of and as_of > start:
                until = moment(as_of)
            items.append(
                Item(
                    TITLE_SPAN,
                    ("role", rid),
                    person,
                    label,
                    begin,
                    until,
                    open_end=bool(start) and not end,
                    other_id=org_id,
                    country_id=country,
                )
            )
        return items

    def _memberships(self, marks: str, ids: list[int], lo: str, hi: str, today: str) -> list[Item]:
        rows = self._conn.execute(
            "SELECT m.id, m.member_id, m.status, o.name, m.organization_id, m.start_date, m.end_date "
            "FROM membership m JOIN entity o ON o.id = m.organization_id "
            f"WHERE m.member_id IN ({marks}) AND coalesce(m.start_date, m.end_date) <= ? "
            "AND (CASE WHEN m.end_date IS NOT NULL THEN m.end_date ELSE ? END) || '~' >= ?",
            [*ids, hi, today, lo],
        )
        items = []
        for mid, member, status, org, org_id, start, end in rows:
            begin = moment(start or end)
            assert begin is not None
            items.append(
                Item(
                    MEMBERSHIP,
                    ("membership", mid),
                    member,
                    f"{org} — {status}",
                    begin,
                    moment(end) if start and end else None,
                    open_end=bool(start) and not end,
                    other_id=org_id,
                )
            )
        return items

    def _events(self, marks: str, ids: list[int], lo: str, hi: str) -> list[Item]:
        rows = self._conn.execute(
            "SELECT v.id, e.name, v.country_id, v.start_date, v.end_date FROM event v "
            "JOIN entity e ON e.id = v.id "
            f"WHERE v.id IN ({marks}) AND coalesce(v.start_date, v.end_date) <= ? "
            "AND coalesce(v.end_date, v.start_date) || '~' >= ?",
            [*ids, hi, lo],
        )
        items = []
        for eid, name, country, start, end in rows:
            begin = moment(start or end)
            assert begin is not None
            until = moment(end) if start and end and end != start else None
            items.append(Item(EVENT, ("event", eid), eid, str(name), begin, until, country_id=country))
        return items

    def _announcements(self, marks: str, ids: list[int], lo: str, hi: str) -> list[Item]:
        rows = self._conn.execute(
            "SELECT i.id, e.name, i.announced_on FROM initiative i JOIN entity e ON e.id = i.id "
            f"WHERE i.id IN ({marks}) AND i.announced_on <= ? AND i.announced_on || '~' >= ?",
            [*ids, hi, lo],
        )
        return [
            Item(ANNOUNCEMENT, ("initiative", iid), iid, str(name), on, None)
            for iid, name, day in rows
            for on in (moment(day),)
            if on is not None
        ]

    def _facts(self, marks: str, ids: list[int], lo: str, hi: str) -> list[Item]:
        rows = self._conn.execute(
            f"SELECT id, entity_id, text, date FROM fact WHERE entity_id IN ({marks}) "
            "AND date <= ? AND date || '~' >= ?",
            [*ids, hi, lo],
        )
        return [
            Item(FACT, ("fact", fid), entity, str(text), on, None)
            for fid, entity, text, day in rows
            for on in (moment(day),)
            if on is not None
        ]

    def _notes(self, marks: str, ids: list[int], lo: str, hi: str) -> list[Item]:
        rows = self._conn.execute(
            "SELECT id, entity_id, title, substr(created_at, 1, 10) FROM note "
            f"WHERE entity_id IN ({marks}) AND deleted_at IS NULL "
            "AND substr(created_at, 1, 10) BETWEEN ? AND ?",
            [*ids, lo, hi],
        )
        return [
            Item(NOTE, ("note", nid), entity, str(title), on, None)
            for nid, entity, title, day in rows
            for on in (moment(day),)
            if on is not None
        ]

    def _cited(self, items: list[Item]) -> list[Item]:
        """Each item with the ids of the citations behind its dates."""
        owners: dict[str, list[int]] = defaultdict(list)
        for item in items:
            owners[item.key[0]].append(item.key[1])
        cited: dict[tuple[str, int], list[int]] = defaultdict(list)
        column = {"role": "role_id", "membership": "membership_id", "fact": "fact_id"}
        fields = {
            "event": "(field IS NULL OR field IN ('start', 'end', 'start_date', 'end_date'))",
            "initiative": "(field IS NULL OR field IN ('announced_on', 'status'))",
        }
        for table, ids in owners.items():
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                if table in column:
                    sql = (
                        f"SELECT {column[table]}, id FROM citation WHERE {column[table]} IN ({marks}) "
                        "ORDER BY position, id"
                    )
                elif table in fields:
                    sql = (
                        f"SELECT entity_id, id FROM citation WHERE entity_id IN ({marks}) "
                        f"AND {fields[table]} ORDER BY position, id"
                    )
                else:
                    continue
                for owner, cid in self._conn.execute(sql, chunk):
                    cited[(table, int(owner))].append(int(cid))
        if not cited:
            return items
        return [replace(i, citation_ids=tuple(cited[i.key])) if i.key in cited else i for i in items]

    def _names(self, ids: set[int]) -> dict[int, str]:
        return {e.id: e.name for e in self.entries(sorted(ids)).values()}


def _item_kinds(kinds: Iterable[str], filters: RelationFilters) -> list[str]:
    """The kinds of item to read: those asked for, less the relations the filters leave out."""
    wanted = [k for k in ITEM_KINDS if k in set(kinds)]
    if not filters.shows_relation(TITLE):
        wanted = [k for k in wanted if k != TITLE_SPAN]
    if not filters.shows_relation(MEMBER_OF):
        wanted = [k for k in wanted if k != MEMBERSHIP]
    return wanted


def _holds_on(item: Item, filters: RelationFilters) -> bool:
    """The as-of filter applies to dated relations (titles, memberships) only, as in the Graph."""
    if item.kind == TITLE_SPAN:
        return filters.holds(TITLE, item.start.text, None if item.open_end else item.last.isoformat())
    if item.kind == MEMBERSHIP:
        return filters.holds(MEMBER_OF, item.start.text, None if item.open_end else item.last.isoformat())
    return True


def _entry_filter(filters: RelationFilters) -> tuple[str, list[object]]:
    """SQL (after a WHERE on entity e) for the filters' kinds, tags and countries."""
    where = ""
    params: list[object] = []
    if filters.kinds:
        kinds = sorted(filters.kinds)
        where += f" AND e.kind IN ({','.join('?' * len(kinds))})"
        params += kinds
    if filters.tags:
        tags = sorted(filters.tags)
        where += (
            " AND EXISTS (SELECT 1 FROM entity_tag et JOIN tag g ON g.id = et.tag_id "
            f"WHERE et.entity_id = e.id AND g.name IN ({','.join('?' * len(tags))}))"
        )
        params += tags
    if filters.countries:
        countries = sorted(filters.countries)
        marks = ",".join("?" * len(countries))
        where += (
            f" AND (e.id IN ({marks}) "
            f"OR EXISTS (SELECT 1 FROM person p WHERE p.id = e.id AND p.country_id IN ({marks})) "
            f"OR EXISTS (SELECT 1 FROM organization o WHERE o.id = e.id AND o.country_id IN ({marks})) "
            f"OR EXISTS (SELECT 1 FROM event v WHERE v.id = e.id AND v.country_id IN ({marks})))"
        )
        params += countries * 4
    return where, params


def _grouped(rows: list[tuple[object, ...]], group_of: object) -> Lanes:
    groups: list[tuple[int, str]] = []
    ids: list[int] = []
    for n, row in enumerate(rows):
        label = group_of(row)  # type: ignore[operator]
        if not groups or groups[-1][1] != label:
            groups.append((n, label))
        ids.append(int(row[0]))  # type: ignore[call-overload]
    return Lanes(tuple(ids), tuple(groups))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])
