"""Creating, editing and deleting entries: validated first, then written in one transaction per
action, returning what changed (with snapshots before and after, so the GUI can undo).

Nothing is written unless the whole input is valid; a ValidationError carries one message per
field ({'name': ..., 'roles[1].end': ..., 'facts[0].citations[1].quote': ...}) so a form can
show each next to its field.
Editing keeps citations: aliases, roles, facts, memberships, participants, parties and
statements are updated in place (matched by id), so the citations attached to them stay
attached; only a removed row loses its citations, and a snapshot brings them back on undo.

A quote is checked against its source's text when the source has one: its words must stand
there word for word (any run of white space matching any other), and it is anchored where they
stand (app/records/anchors.py). A citation whose source and quote are as stored is not checked
again, so an entry whose source's text changed since can still be saved; `roundtable check`
lists such quotes.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Protocol

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.clock import now_iso
from app.db import models as m
from app.db.database import Database
from app.db.vocabulary import RELIABILITIES
from app.i18n import T_, Message, Text
from app.records import anchors
from app.services.entry_forms import (
    ALIAS_KINDS,
    DATE_HINT,
    EVENT_KINDS,
    FIELDS,
    HAS_ROLES,
    MEMBER_OF_KINDS,
    MEMBERSHIP_STATUSES,
    PARTICIPANT_KINDS,
    PARTICIPANT_ROLES,
    PARTS,
    PARTY_KINDS,
    PARTY_ROLES,
    STATEMENT_KINDS,
    AliasInput,
    Change,
    CitationInput,
    EditingError,
    EntryInput,
    FactInput,
    FieldSpec,
    MembershipInput,
    Part,
    ParticipantInput,
    PartyInput,
    RoleInput,
    Snapshot,
    StatementInput,
    ValidationError,
    _Rows,
    check_date,
    check_span,
)
from app.services.kinds import BY_KEY
from app.services.slugs import MAX_SLUG, is_slug, slugify, unique_slug
from app.services.sources import check_source
from app.services.sqltext import starting_with
from app.services.tags import BadTag, drop_unused_tags, parse_tags, tag_sort_key, write_entry_tags

_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_SCRIPT_RE = re.compile(r"^[A-Z][a-z]{3}$")
_URL_RE = re.compile(r"^https?://\S+$")
MAX_LINE = 2000

_MODEL = m.MODEL_OF_KIND
# What forms, commands and callers import from here (defined in entry_forms, which needs no
# SQLAlchemy, so the window can show a form without loading it).
__all__ = [
    "ALIAS_KINDS",
    "DATE_HINT",
    "FIELDS",
    "HAS_ROLES",
    "AliasInput",
    "Change",
    "CitationInput",
    "EditingError",
    "Editor",
    "EntryInput",
    "FactInput",
    "FieldSpec",
    "Lookups",
    "MembershipInput",
    "ParticipantInput",
    "PartyInput",
    "RoleInput",
    "Snapshot",
    "StatementInput",
    "ValidationError",
    "check_date",
    "check_span",
    "checked",
]


def _frozen(row: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(row))


@dataclass(frozen=True)
class _Section:
    """One kind of row an entry owns, with citations of its own."""

    key: str  # the EntryInput and Snapshot field: 'facts'
    model: Any
    table: str
    owner: str  # the column naming the entry
    cited_by: str  # the citation's column naming the row
    name: str  # the owner's name for Editor.cite: 'fact'


_SECTIONS = (
    _Section("roles", m.Role, "role", "person_id", "role_id", "role"),
    _Section("facts", m.Fact, "fact", "entity_id", "fact_id", "fact"),
    _Section("memberships", m.Membership, "membership", "member_id", "membership_id", "membership"),
    _Section(
        "participants", m.Participation, "participation", "event_id", "participation_id", "participation"
    ),
    _Section("parties", m.InitiativeParty, "initiative_party", "initiative_id", "party_id", "party"),
    _Section("statements", m.Statement, "statement", "speaker_id", "statement_id", "statement"),
)
_SECTION = {s.key: s for s in _SECTIONS}
_SECTION_OF_OWNER = {s.name: s for s in _SECTIONS}
_SECTION_OF_INPUT: dict[type, _Section] = {
    RoleInput: _SECTION["roles"],
    FactInput: _SECTION["facts"],
    MembershipInput: _SECTION["memberships"],
    ParticipantInput: _SECTION["participants"],
    PartyInput: _SECTION["parties"],
    StatementInput: _SECTION["statements"],
}
# From the entry's rows to their citations, each through its index: with OR over the owner
# columns SQLite read every citation (173 ms for 650,000, three times a save); a UNION ALL of
# one indexed join per owner reads only the entry's own.
_CITATIONS_SQL = (
    "SELECT * FROM citation WHERE id IN ("
    + " UNION ALL ".join(
        f"SELECT c.id FROM {table} x CROSS JOIN citation c ON c.{cited_by} = x.id WHERE x.{owner} = :id"
        for table, owner, cited_by in (
            ("alias", "entity_id", "alias_id"),
            *((s.table, s.owner, s.cited_by) for s in _SECTIONS),
        )
    )
    + ") ORDER BY id"
)


def _snapshot(session: Session, entity_id: int) -> Snapshot | None:
    """The entry as stored now (the session's pending changes flushed first). A dozen small
    queries on the driver's connection: through SQLAlchemy each cost ten times its work."""
    session.flush()
    conn = _driver_connection(session)

    def rows(sql: str) -> _Rows:
        cursor = conn.execute(sql, {"id": entity_id})
        names = [d[0] for d in cursor.description]
        return tuple(_frozen(dict(zip(names, r, strict=True))) for r in cursor)

    entity = rows("SELECT * FROM entity WHERE id = :id")
    if not entity:
        return None
    kind = str(entity[0]["kind"])
    own = rows(f"SELECT * FROM {kind} WHERE id = :id")
    aliases = rows("SELECT * FROM alias WHERE entity_id = :id ORDER BY id")
    parts = {s.key: rows(f"SELECT * FROM {s.table} WHERE {s.owner} = :id ORDER BY id") for s in _SECTIONS}
    citations = rows(_CITATIONS_SQL)
    tags = [
        r["name"]
        for r in rows(
            "SELECT t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entity_id = :id"
        )
    ]
    return Snapshot(
        kind,
        entity[0],
        own[0] if own else _frozen({}),
        aliases,
        citations=citations,
        tags=tuple(sorted(tags, key=tag_sort_key)),
        **parts,
    )


# The citations of many entries' rows, each with the entry whose row it is (as _CITATIONS_SQL
# finds one entry's), for the ids in {ids}.
_CITATIONS_OF_SQL = (
    "SELECT u.eid, c.* FROM ("
    + " UNION ALL ".join(
        f"SELECT x.{owner} AS eid, c.id AS cid FROM {table} x CROSS JOIN citation c "
        f"ON c.{cited_by} = x.id WHERE x.{owner} IN ({{ids}})"
        for table, owner, cited_by in (
            ("alias", "entity_id", "alias_id"),
            *((s.table, s.owner, s.cited_by) for s in _SECTIONS),
        )
    )
    + ") u JOIN citation c ON c.id = u.cid ORDER BY c.id"
)
_MANY = 500  # entries a query


def _grouped(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any], owner: str | None
) -> dict[int, list[Mapping[str, Any]]]:
    """The rows of `sql` by the entry they belong to: its `owner` column, or (None) a first
    column "eid", taken out of the row."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    found: dict[int, list[Mapping[str, Any]]] = {}
    for r in cursor:
        row = dict(zip(names, r, strict=True))
        key = row.pop("eid") if owner is None else row[owner]
        found.setdefault(int(key), []).append(_frozen(row))
    return found


def _snapshots(session: Session, ids: Sequence[int]) -> dict[int, Snapshot]:
    """The entries `ids` as stored now, as _snapshot reads each (those that exist), read a few
    hundred at a time: a table import compares thousands of rows with their entries."""
    session.flush()
    conn = _driver_connection(session)
    out: dict[int, Snapshot] = {}
    for at in range(0, len(ids), _MANY):
        chunk = list(dict.fromkeys(ids[at : at + _MANY]))
        marks = ", ".join("?" * len(chunk))

        def rows(
            sql: str, params: Sequence[Any], owner: str | None = None
        ) -> dict[int, list[Mapping[str, Any]]]:
            return _grouped(conn, sql.format(ids=marks), params, owner)  # noqa: B023 (called at once)

        entities = rows("SELECT id AS eid, * FROM entity WHERE id IN ({ids})", chunk)
        own: dict[int, list[Mapping[str, Any]]] = {}
        for kind in {str(e[0]["kind"]) for e in entities.values()}:
            of_kind = [i for i, e in entities.items() if e[0]["kind"] == kind]
            own.update(
                rows(f"SELECT * FROM {kind} WHERE id IN ({', '.join('?' * len(of_kind))})", of_kind, "id")
            )
        aliases = rows("SELECT * FROM alias WHERE entity_id IN ({ids}) ORDER BY id", chunk, "entity_id")
        parts = {
            s.key: rows(f"SELECT * FROM {s.table} WHERE {s.owner} IN ({{ids}}) ORDER BY id", chunk, s.owner)
            for s in _SECTIONS
        }
        citations = rows(_CITATIONS_OF_SQL, chunk * (1 + len(_SECTIONS)))
        tags = rows(
            "SELECT et.entity_id AS eid, t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id "
            "WHERE et.entity_id IN ({ids})",
            chunk,
        )
        for eid, (entity,) in entities.items():
            out[eid] = Snapshot(
                str(entity["kind"]),
                entity,
                own[eid][0] if eid in own else _frozen({}),
                tuple(aliases.get(eid, ())),
                citations=tuple(citations.get(eid, ())),
                tags=tuple(sorted((t["name"] for t in tags.get(eid, ())), key=tag_sort_key)),
                **{key: tuple(found.get(eid, ())) for key, found in parts.items()},
            )
    return out


def _driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under `session`, inside its transaction: tags are written by the
    same plain-SQL helpers as note tags (app/services/tags.py)."""
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def _write_tags(session: Session, entity_id: int, names: tuple[str, ...]) -> None:
    session.flush()  # the ORM's pending rows first: the tags go through the same transaction
    write_entry_tags(_driver_connection(session), entity_id, names)


# --- validation ------------------------------------------------------------------------------


def _kinds(kinds: Sequence[str]) -> Text:
    """The kinds an entry field accepts, as the sidebar names them: 'Countries'."""
    first = Text("Kinds", BY_KEY[kinds[0]].plural)
    if len(kinds) == 1:
        return first
    return T_("Validation", "{first} or {rest}").format(first=first, rest=_kinds(kinds[1:]))


def _one_of(choices: Sequence[str]) -> Text:
    return T_("Validation", "Choose one of: {choices}.").format(choices=", ".join(choices))


class Lookups(Protocol):
    """What the checks read of the library besides the input: the form's save reads it through
    its session (_SessionLookups); a table import reads the library once and answers from
    memory, with the rows it is about to write (app/services/table_import.py). One set of
    rules either way: only where the answers come from differs."""

    def entries(self, value: str, kinds: Sequence[str]) -> list[tuple[int, str]]:
        """(id, kind) of the live entries `value` names: by slug (any kind), else by exact
        name (SQLite's lower() on both sides) among `kinds`."""
        ...

    def source(self, source_id: int) -> tuple[str | None, str]:
        """The source's text (None when it has none) and its reliability."""
        ...

    def slugs_from(self, prefix: str, entity_id: int | None) -> set[str]:
        """The slugs beginning with `prefix`, but `entity_id`'s, trashed entries' too."""
        ...

    def slug_holder(self, slug: str, entity_id: int | None) -> str | None:
        """The name of the entry (trashed too) other than `entity_id` whose slug is `slug`."""
        ...

    def code_holder(self, code: str, entity_id: int | None) -> str | None:
        """The name of the country (trashed too) other than `entity_id` with ISO code `code`."""
        ...

    def source_problems(self, entity_id: int | None, name: str, columns: dict[str, Any]) -> dict[str, Text]:
        """A source's own checks (app/services/sources.check_source)."""
        ...


class _SessionLookups:
    """Lookups in the session's transaction, as a form's save makes them."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def entries(self, value: str, kinds: Sequence[str]) -> list[tuple[int, str]]:
        found = self.s.execute(
            select(m.Entity.id, m.Entity.kind).where(m.Entity.slug == value, m.Entity.deleted_at.is_(None))
        ).all()
        if not found:
            found = self.s.execute(
                select(m.Entity.id, m.Entity.kind).where(
                    func.lower(m.Entity.name) == value.lower(),
                    m.Entity.kind.in_(kinds),
                    m.Entity.deleted_at.is_(None),
                )
            ).all()
        return [(int(i), str(k)) for i, k in found]

    def source(self, source_id: int) -> tuple[str | None, str]:
        row = self.s.execute(
            select(m.Source.archived_text, m.Source.reliability).where(m.Source.id == source_id)
        ).one()
        return (row[0] or None, str(row[1]))

    def slugs_from(self, prefix: str, entity_id: int | None) -> set[str]:
        others = select(m.Entity.slug)
        if entity_id is not None:
            others = others.where(m.Entity.id != entity_id)
        return set(self.s.scalars(others.where(m.Entity.slug.like(prefix + "%"))))

    def slug_holder(self, slug: str, entity_id: int | None) -> str | None:
        return self.s.scalar(
            select(m.Entity.name).where(m.Entity.slug == slug, m.Entity.id != (entity_id or -1))
        )

    def code_holder(self, code: str, entity_id: int | None) -> str | None:
        return self.s.scalar(
            select(m.Country.name).where(m.Country.iso_alpha2 == code, m.Country.id != (entity_id or -1))
        )

    def source_problems(self, entity_id: int | None, name: str, columns: dict[str, Any]) -> dict[str, Text]:
        return check_source(self.s, entity_id, name, columns)


class _Checker:
    def __init__(self, lookups: Lookups, entity_id: int | None) -> None:
        self.lookups = lookups
        self.entity_id = entity_id
        self.errors: dict[str, Message] = {}
        self._sources: dict[int, tuple[str | None, str]] = {}
        self._found: dict[tuple[str, tuple[str, ...]], list[Any]] = {}

    def fail(self, key: str, message: Message) -> None:
        self.errors.setdefault(key, message)

    def line(self, key: str, value: str, *, required: Text | None = None) -> str | None:
        """`required`: what to say when it is empty (None: it may be)."""
        value = value.strip()
        if not value:
            if required is not None:
                self.fail(key, required)
            return None
        if "\n" in value or "\r" in value:
            self.fail(key, T_("Validation", "Keep it on one line."))
        elif len(value) > MAX_LINE:
            self.fail(key, T_("Validation", "Keep it under {limit} characters.").format(limit=MAX_LINE))
        return value

    def date(self, key: str, value: str) -> str | None:
        value = value.strip()
        if not value:
            return None
        problem = check_date(value)
        if problem:
            self.fail(key, problem)
            return None
        return value

    def text(self, key: str, value: str, *, required: Text | None = None) -> str | None:
        """Text that may run over several lines (a fact, a statement, a quote)."""
        value = value.strip()
        if not value and required is not None:
            self.fail(key, required)
        return value or None

    def choice(self, key: str, value: str, choices: Sequence[str]) -> str:
        value = value.strip()
        if value not in choices:
            self.fail(key, _one_of(choices))
        return value

    def source(self, source_id: int) -> tuple[str | None, str]:
        """The source's text (None when it has none) and its reliability."""
        if source_id not in self._sources:
            self._sources[source_id] = self.lookups.source(source_id)
        return self._sources[source_id]

    def entry(self, key: str, value: str, kinds: Sequence[str], *, itself: bool = False) -> int | None:
        """An entry named by slug or by its exact name (any case), of one of `kinds`.
        `itself`: the entry being edited may be named (a source's facts cite the source)."""
        value = value.strip()
        if not value:
            return None
        if (value, tuple(kinds)) in self._found:  # a form names the same source many times
            found = self._found[value, tuple(kinds)]
        else:
            found = self.lookups.entries(value, kinds)
            self._found[value, tuple(kinds)] = found
        if not found:
            self.fail(
                key,
                T_("Validation", "Nothing in {kinds} is called “{value}”.").format(
                    kinds=_kinds(kinds), value=value
                ),
            )
            return None
        if len(found) > 1:
            self.fail(
                key,
                T_("Validation", "{count} entries are called “{value}”; choose one from the list.").format(
                    count=len(found), value=value
                ),
            )
            return None
        entity_id, kind = found[0]
        if kind not in kinds:
            self.fail(
                key,
                T_("Validation", "“{value}” is listed under {kind}, not under {kinds}.").format(
                    value=value, kind=Text("Kinds", BY_KEY[kind].plural), kinds=_kinds(kinds)
                ),
            )
            return None
        if entity_id == self.entity_id and not itself:
            self.fail(key, T_("Validation", "An entry cannot refer to itself here."))
            return None
        return int(entity_id)


@dataclass(frozen=True)
class _Part:
    """One row an entry owns, checked: its id (None: a new one), its columns and its
    citations' columns (None: leave them as they are)."""

    id: int | None
    values: Mapping[str, Any]
    citations: tuple[Mapping[str, Any], ...] | None


@dataclass(frozen=True)
class _Clean:
    name: str
    slug: str
    summary: str
    columns: Mapping[str, Any]
    aliases: tuple[AliasInput, ...]
    parts: Mapping[str, tuple[_Part, ...]]  # only the sections given (a key per _Section.key)
    tags: tuple[str, ...] | None  # None: as they are


_Cites = Mapping[int, Mapping[str, Any]]  # the entry's citations as stored, by id

_SHOWN_AROUND = 60  # characters of the nearest passage shown either side of a difference


def _word_at(words: str, at: int) -> tuple[int, int]:
    """The span of the word of `words` (normalised) that holds index `at`."""
    start = words.rfind(" ", 0, at) + 1
    end = words.find(" ", at)
    return start, len(words) if end < 0 else end


def _not_in_text(source_text: str, quote: str) -> Text:
    """What to say of a quote whose words are not in its source's text: the nearest passage,
    with the first word that differs marked."""
    passage = anchors.nearest(source_text, quote)
    if passage is None or passage.similarity < 0.4:
        return T_("Validation", "These words are not in the source's text.")
    # Whole words: the passage's span may start or end inside one.
    start = max(0, *(source_text.rfind(c, 0, passage.start) + 1 for c in " \n\f"))
    end = min(
        (at for at in (source_text.find(c, passage.end) for c in " \n\f") if at >= 0),
        default=len(source_text),
    )
    near = anchors.normalise(source_text[start:end])
    words = anchors.normalise(quote)
    at = anchors.first_difference(words, near)
    start, end = _word_at(near, min(at, len(near)))
    lo, hi = max(0, start - _SHOWN_AROUND), min(len(near), end + _SHOWN_AROUND)
    shown = (
        ("…" if lo else "")
        + near[lo:start]
        + "["
        + near[start:end]
        + "]"
        + near[end:hi]
        + ("…" if hi < len(near) else "")
    )
    q_start, q_end = _word_at(words, min(at, len(words)))
    return T_(
        "Validation",
        "These words are not in the source's text as they stand. The nearest passage reads “{passage}”; "
        "the quote has “{word}” where the passage has the word in brackets.",
    ).format(passage=shown, word=words[q_start:q_end])


def _citation(
    c: _Checker, at: str, cite: CitationInput, position: int, old: Mapping[str, Any] | None
) -> Mapping[str, Any]:
    """A citation's columns, checked. `old`: the citation as stored, when it is one of the
    row's own (its id kept)."""
    source_id = c.entry(f"{at}source", cite.source, ("source",), itself=True)
    if not cite.source.strip():
        c.fail(f"{at}source", T_("Validation", "Choose the source."))
    quote = c.text(f"{at}quote", cite.quote) or (
        anchors.normalise(cite.anchor.exact) if cite.anchor is not None else None
    )
    locator = c.line(f"{at}locator", cite.locator)
    reliability = cite.reliability.strip()
    if reliability and reliability not in RELIABILITIES:
        c.fail(f"{at}reliability", _one_of(RELIABILITIES))
    values: dict[str, Any] = {
        "id": old["id"] if old is not None else None,
        "source_id": source_id,
        "quote": quote,
        "quote_prefix": None,
        "quote_suffix": None,
        "quote_start": None,
        "quote_end": None,
        "locator": locator,
        "reliability": reliability,
        "note": cite.note.strip() or None,
        "position": position,
    }
    if source_id is None:
        return values
    source_text, source_reliability = c.source(source_id)
    values["reliability"] = reliability or source_reliability
    if old is not None and old["source_id"] == source_id and old["quote"] == quote:
        # As stored: keep its anchor, whatever became of the source's text since.
        for key in ("quote_prefix", "quote_suffix", "quote_start", "quote_end"):
            values[key] = old[key]
        return values
    if quote is None or source_text is None:
        return values
    span = None
    if cite.anchor is not None and anchors.normalise(cite.anchor.exact) == anchors.normalise(quote):
        span = anchors.find(source_text, cite.anchor)
    if span is None:
        span = anchors.find_quote(source_text, quote)
    if span is None:
        c.fail(f"{at}quote", _not_in_text(source_text, quote))
        return values
    found = anchors.anchor_at(source_text, *span)
    values.update(quote_prefix=found.prefix, quote_suffix=found.suffix, quote_start=found.start)
    values["quote_end"] = found.end
    if locator is None:
        values["locator"] = anchors.locator(source_text, found.start or 0) or None
    return values


def _citations(
    c: _Checker,
    at: str,
    given: tuple[CitationInput, ...] | None,
    cited_by: str,
    row_id: int | None,
    old: _Cites,
) -> tuple[Mapping[str, Any], ...] | None:
    if given is None:
        return None if row_id is not None else ()
    out = []
    for i, cite in enumerate(given):
        stored = old.get(cite.id) if cite.id is not None else None
        if stored is not None and (row_id is None or stored[cited_by] != row_id):
            stored = None  # not this row's: a new citation
        out.append(_citation(c, f"{at}citations[{i}].", cite, i, stored))
    return tuple(out)


def _span(c: _Checker, at: str, start: str, end: str) -> tuple[str | None, str | None]:
    first, last = c.date(f"{at}start", start), c.date(f"{at}end", end)
    problem = check_span(first, last)
    if problem:
        c.fail(f"{at}end", problem)
    return first, last


def _role(c: _Checker, at: str, r: RoleInput, old: _Cites) -> _Part:
    title = c.line(f"{at}title", r.title, required=T_("Validation", "The title is required.")) or ""
    org = c.entry(f"{at}organization", r.organization, ("organization",))
    country = c.entry(f"{at}country", r.country, ("country",))
    as_of = c.date(f"{at}as_of", r.as_of)
    start, end = _span(c, at, r.start, r.end)
    values = {
        "title": title,
        "organization_id": org,
        "country_id": country,
        "as_of": as_of,
        "start_date": start,
        "end_date": end,
    }
    return _Part(r.id, values, _citations(c, at, r.citations, "role_id", r.id, old))


def _fact(c: _Checker, at: str, f: FactInput, old: _Cites) -> _Part:
    words = c.text(f"{at}text", f.text, required=T_("Validation", "Write the fact.")) or ""
    values = {"text": words, "date": c.date(f"{at}date", f.date)}
    return _Part(f.id, values, _citations(c, at, f.citations, "fact_id", f.id, old))


def _membership(c: _Checker, at: str, ms: MembershipInput, old: _Cites) -> _Part:
    org = c.entry(f"{at}organization", ms.organization, MEMBER_OF_KINDS)
    if not ms.organization.strip():
        c.fail(f"{at}organization", T_("Validation", "Choose the organization."))
    start, end = _span(c, at, ms.start, ms.end)
    values = {
        "organization_id": org,
        "status": c.choice(f"{at}status", ms.status, MEMBERSHIP_STATUSES),
        "start_date": start,
        "end_date": end,
    }
    return _Part(ms.id, values, _citations(c, at, ms.citations, "membership_id", ms.id, old))


def _participant(c: _Checker, at: str, p: ParticipantInput, old: _Cites) -> _Part:
    who = c.entry(f"{at}entry", p.entry, PARTICIPANT_KINDS)
    if not p.entry.strip():
        c.fail(f"{at}entry", T_("Validation", "Choose who took part."))
    values = {"entity_id": who, "role": c.choice(f"{at}role", p.role, PARTICIPANT_ROLES)}
    return _Part(p.id, values, _citations(c, at, p.citations, "participation_id", p.id, old))


def _party(c: _Checker, at: str, p: PartyInput, old: _Cites) -> _Part:
    who = c.entry(f"{at}entry", p.entry, PARTY_KINDS)
    if not p.entry.strip():
        c.fail(f"{at}entry", T_("Validation", "Choose the party."))
    values = {"entity_id": who, "role": c.choice(f"{at}role", p.role, PARTY_ROLES)}
    return _Part(p.id, values, _citations(c, at, p.citations, "party_id", p.id, old))


def _statement(c: _Checker, at: str, st: StatementInput, old: _Cites) -> _Part:
    words = c.text(
        f"{at}text", st.text, required=T_("Validation", "Write the words as the source gives them.")
    )
    language = st.language.strip()
    if language and not _LANGUAGE_RE.match(language):
        c.fail(f"{at}language", T_("Validation", "Write a language tag such as zh-Hans, th, lo, km or vi."))
    values = {
        "text": words or "",
        "kind": c.choice(f"{at}kind", st.kind, STATEMENT_KINDS),
        "event_id": c.entry(f"{at}event", st.event, EVENT_KINDS),
        "date": c.date(f"{at}date", st.date),
        "language": language or None,
        "speaker_label": c.line(f"{at}speaker_label", st.speaker_label),
    }
    return _Part(st.id, values, _citations(c, at, st.citations, "statement_id", st.id, old))


_CHECK: dict[str, Any] = {
    "roles": _role,
    "facts": _fact,
    "memberships": _membership,
    "participants": _participant,
    "parties": _party,
    "statements": _statement,
}


def _only(section: str) -> Text:
    if section == "roles":
        return T_("Validation", "Only officials hold titles.")
    return T_("Validation", "Only {kinds} have these.").format(
        kinds=_kinds([k for k, parts in PARTS.items() if section in parts])
    )


def _validate(
    session: Session, inp: EntryInput, entity_id: int | None, old_citations: _Cites | None = None
) -> _Clean:
    """`old_citations`: the entry's citations as stored (by id), when it exists."""
    return checked(inp, entity_id, _SessionLookups(session), old_citations)


def checked(
    inp: EntryInput, entity_id: int | None, lookups: Lookups, old_citations: _Cites | None = None
) -> _Clean:
    """`inp` checked as a form's save checks it, what it reads of the library read through
    `lookups`: the values to write, or ValidationError. `entity_id`: the entry it edits (None:
    a new one); `old_citations`: that entry's citations as stored (by id)."""
    old_citations = old_citations or {}
    if inp.kind not in _MODEL:
        raise ValidationError({"kind": T_("Validation", "Unknown kind {kind}.").format(kind=inp.kind)})
    c = _Checker(lookups, entity_id)
    name = c.line("name", inp.name, required=T_("Validation", "A name is required.")) or ""

    slug = inp.slug.strip()
    if not slug:
        taken = lookups.slugs_from(slugify(name, fallback=inp.kind)[: MAX_SLUG - 8], entity_id)
        slug = unique_slug(slugify(name, fallback=inp.kind), taken)
    elif not is_slug(slug):
        c.fail(
            "slug", T_("Validation", "Use lowercase letters a–z, digits and single hyphens, e.g. chen-gang.")
        )
    else:
        holder = lookups.slug_holder(slug, entity_id)
        if holder is not None:
            c.fail(
                "slug",
                T_("Validation", "“{slug}” is already the slug of {holder}.").format(
                    slug=slug, holder=holder
                ),
            )

    columns: dict[str, Any] = {}
    for spec in FIELDS[inp.kind]:
        raw = inp.values.get(spec.key, "")
        value: Any
        if spec.type == "text":
            value = raw if raw.strip() else None
        elif spec.type == "date":
            value = c.date(spec.key, raw)
        elif spec.type == "entry":
            value = c.entry(spec.key, raw, spec.kinds)
        elif spec.type == "choice":
            value = raw.strip() or None
            if value is not None and value not in spec.choices:
                c.fail(spec.key, _one_of(spec.choices))
        elif spec.type == "code":
            value = c.line(spec.key, raw.upper())
            if value is not None and not re.match(spec.pattern, value):
                c.fail(spec.key, T_("Validation", "Write {hint}.").format(hint=Text("Hints", spec.hint)))
        elif spec.type == "url":
            value = c.line(spec.key, raw)
            if value is not None and not _URL_RE.match(value):
                c.fail(spec.key, T_("Validation", "Write a web address starting with http:// or https://."))
        elif spec.type == "language":
            value = c.line(spec.key, raw)
            if value is not None and not _LANGUAGE_RE.match(value):
                c.fail(spec.key, T_("Validation", "Write a language tag such as zh-Hans, th, lo, km or vi."))
        else:
            value = c.line(spec.key, raw)
        if spec.required and value is None and spec.key not in c.errors:
            c.fail(
                spec.key, T_("Validation", "{field} is required.").format(field=Text("Fields", spec.label))
            )
        columns[spec.column] = value

    if inp.kind == "source":  # real titles and publishers, not "title not recorded"
        c.errors.update(lookups.source_problems(entity_id, name, columns))
    if inp.kind == "event":
        problem = check_span(columns.get("start_date"), columns.get("end_date"))
        if problem and "end" not in c.errors:
            c.fail("end", problem)
    if inp.kind == "country" and columns.get("iso_alpha2"):
        holder = lookups.code_holder(columns["iso_alpha2"], entity_id)
        if holder is not None:
            c.fail(
                "iso_alpha2",
                T_("Validation", "{code} is already the code of {holder}.").format(
                    code=columns["iso_alpha2"], holder=holder
                ),
            )

    aliases = []
    for i, a in enumerate(inp.aliases):
        at = f"aliases[{i}]"
        value = c.line(f"{at}.value", a.value, required=T_("Validation", "The name is required.")) or ""
        language, script = a.language.strip(), a.script.strip()
        if language and not _LANGUAGE_RE.match(language):
            c.fail(
                f"{at}.language", T_("Validation", "Write a language tag such as zh-Hans, th, lo, km or vi.")
            )
        if script and not _SCRIPT_RE.match(script):
            c.fail(
                f"{at}.script",
                T_("Validation", "Write a script code such as Hans, Thai, Laoo, Khmr or Latn."),
            )
        if a.kind not in ALIAS_KINDS:
            c.fail(f"{at}.kind", _one_of(ALIAS_KINDS))
        aliases.append(replace(a, value=value, language=language, script=script))

    parts: dict[str, tuple[_Part, ...]] = {}
    for section in _SECTIONS:
        given: tuple[Any, ...] | None = getattr(inp, section.key)
        if given is None:
            continue
        if given and section.key not in PARTS[inp.kind]:
            c.fail(section.key, _only(section.key))
        check = _CHECK[section.key]
        parts[section.key] = tuple(
            check(c, f"{section.key}[{i}].", item, old_citations) for i, item in enumerate(given)
        )

    tags = None
    if inp.tags is not None:
        try:
            tags = parse_tags(inp.tags)
        except BadTag as exc:
            c.fail("tags", exc.message)

    if c.errors:
        raise ValidationError(c.errors)
    return _Clean(name, slug, inp.summary.strip(), columns, tuple(aliases), parts, tags)


# --- writing ---------------------------------------------------------------------------------


def _or_none(value: str) -> str | None:
    return value or None


def _stored_anchor(cite: Mapping[str, Any]) -> anchors.Anchor | None:
    if not cite["quote"] or cite["quote_start"] is None or cite["quote_end"] is None:
        return None
    return anchors.Anchor(
        cite["quote"],
        cite["quote_prefix"] or "",
        cite["quote_suffix"] or "",
        cite["quote_start"],
        cite["quote_end"],
    )


def _write_part(
    session: Session,
    section: _Section,
    entity_id: int,
    part: _Part,
    row: Any,
    position: int,
    stored: Mapping[int, Any],
) -> Any:
    """Write `part` into `row` (None: a new row of the entry's), then its citations.
    `stored`: the entry's citations as loaded (by id), where the row's own are found."""
    if row is None:
        row = section.model(**{section.owner: entity_id})
        session.add(row)
    for column, value in part.values.items():
        setattr(row, column, value)
    if section.key == "facts":
        row.position = position
    if row.id is None:
        session.flush()  # the new row's id, for its citations
    if part.citations is None:
        return row
    existing = {i: c for i, c in stored.items() if getattr(c, section.cited_by) == row.id}
    kept = set()
    for values in part.citations:
        cite = existing.get(values["id"]) if values["id"] is not None else None
        if cite is None:
            cite = m.Citation(**{section.cited_by: row.id})
            session.add(cite)
        for key, value in values.items():
            if key != "id":
                setattr(cite, key, value)
        kept.add(values["id"])
    for cite_id, cite in existing.items():
        if cite_id not in kept:
            session.delete(cite)
    return row


def _loaded_citations(session: Session, snap: Snapshot | None) -> dict[int, Any]:
    """The citations `snap` lists, loaded by id in one query (their owners' indexes were read
    for the snapshot already: a second look by owner would read them again, row by row)."""
    ids = [c["id"] for c in snap.citations] if snap is not None else []
    if not ids:
        return {}
    return {c.id: c for c in session.scalars(select(m.Citation).where(m.Citation.id.in_(ids)))}


def _referred(snap: Snapshot) -> set[int]:
    """The entries a form of `snap` names (by slug)."""
    refs = {snap.own.get(s.column) for s in FIELDS[snap.kind] if s.type == "entry"}
    refs |= {r[k] for r in snap.roles for k in ("organization_id", "country_id")}
    refs |= {r["organization_id"] for r in snap.memberships}
    refs |= {r["entity_id"] for r in (*snap.participants, *snap.parties)}
    refs |= {r["event_id"] for r in snap.statements}
    refs |= {c["source_id"] for c in snap.citations}
    return {int(r) for r in refs if r is not None}


def _form_of(snap: Snapshot, slugs: Mapping[int, str]) -> EntryInput:
    """The entry as a form shows it; `slugs`: those of the entries it names."""
    values = {}
    for spec in FIELDS[snap.kind]:
        raw = snap.own.get(spec.column)
        if spec.type == "entry":
            values[spec.key] = slugs.get(raw, "") if raw is not None else ""
        else:
            values[spec.key] = "" if raw is None else str(raw)

    def slug(entity: Any) -> str:
        return slugs.get(entity, "") if entity is not None else ""

    cites: dict[tuple[str, int], list[Mapping[str, Any]]] = {}
    for cite in sorted(snap.citations, key=lambda c: (c["position"], c["id"])):
        for section in _SECTIONS:
            if cite[section.cited_by] is not None:
                cites.setdefault((section.cited_by, cite[section.cited_by]), []).append(cite)

    def cited(section: str, row: Mapping[str, Any]) -> tuple[CitationInput, ...]:
        return tuple(
            CitationInput(
                slug(c["source_id"]),
                c["quote"] or "",
                c["locator"] or "",
                c["reliability"] or "",
                c["note"] or "",
                _stored_anchor(c),
                c["id"],
            )
            for c in cites.get((_SECTION[section].cited_by, row["id"]), [])
        )

    return EntryInput(
        kind=snap.kind,
        name=snap.name,
        slug=snap.slug,
        summary=str(snap.entity["summary"] or ""),
        values=values,
        aliases=tuple(
            AliasInput(a["value"], a["language"] or "", a["script"] or "", a["kind"], a["id"])
            for a in snap.aliases
        ),
        roles=tuple(
            RoleInput(
                r["title"],
                slug(r["organization_id"]),
                slug(r["country_id"]),
                r["as_of"] or "",
                r["start_date"] or "",
                r["end_date"] or "",
                r["id"],
                cited("roles", r),
            )
            for r in snap.roles
        ),
        tags=", ".join(snap.tags),
        facts=tuple(
            FactInput(f["text"], f["date"] or "", cited("facts", f), f["id"])
            for f in sorted(snap.facts, key=lambda f: (f["position"], f["id"]))
        ),
        memberships=tuple(
            MembershipInput(
                slug(ms["organization_id"]),
                ms["status"],
                ms["start_date"] or "",
                ms["end_date"] or "",
                cited("memberships", ms),
                ms["id"],
            )
            for ms in snap.memberships
        ),
        participants=tuple(
            ParticipantInput(slug(p["entity_id"]), p["role"], cited("participants", p), p["id"])
            for p in snap.participants
        ),
        parties=tuple(
            PartyInput(slug(p["entity_id"]), p["role"], cited("parties", p), p["id"]) for p in snap.parties
        ),
        statements=tuple(
            StatementInput(
                st["text"],
                st["kind"],
                slug(st["event_id"]),
                st["date"] or "",
                st["language"] or "",
                st["speaker_label"] or "",
                cited("statements", st),
                st["id"],
            )
            for st in snap.statements
        ),
    )


class Editor:
    """Every write to entries that a researcher makes by hand. One instance per window."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reading what a form shows ------------------------------------------------------

    def form(self, entity_id: int, session: Session | None = None) -> EntryInput:
        """The entry as a form shows it (references as slugs), with its facts and relations
        and their citations (in their order). `session`: read in that transaction."""
        with self._session(session, write=False) as session:
            snap = _snapshot(session, entity_id)
            if snap is None:
                raise EditingError(T_("Editing", "This entry no longer exists."))
            slugs = dict(
                session.execute(
                    select(m.Entity.id, m.Entity.slug).where(m.Entity.id.in_(_referred(snap)))
                ).all()
            )
        return _form_of(snap, slugs)

    def forms(self, ids: Sequence[int], session: Session) -> dict[int, EntryInput]:
        """The entries `ids` (those that exist) as `form` gives each, read a few hundred at a
        time in `session`'s transaction."""
        snaps = _snapshots(session, ids)
        refs = sorted(set().union(*(_referred(snap) for snap in snaps.values())))
        conn = _driver_connection(session)
        slugs: dict[int, str] = {}
        for at in range(0, len(refs), _MANY):
            chunk = refs[at : at + _MANY]
            marks = ", ".join("?" * len(chunk))
            slugs.update(conn.execute(f"SELECT id, slug FROM entity WHERE id IN ({marks})", chunk))
        return {eid: _form_of(snap, slugs) for eid, snap in snaps.items()}

    def suggested_slug(self, name: str, kind: str, entity_id: int | None = None) -> str:
        base = slugify(name, fallback=kind)
        # A range of the slugs' index; LIKE read every entry's slug (35 ms at 200,000 entries,
        # twice as a form opens).
        rows = self._db.read().execute(
            "SELECT slug FROM entity WHERE slug >= ? AND slug < ? AND id != ?",
            (*starting_with(base[: MAX_SLUG - 8]), entity_id or -1),
        )
        return unique_slug(base, {r[0] for r in rows})

    # --- actions -----------------------------------------------------------------------------

    def create(self, inp: EntryInput, session: Session | None = None) -> Change:
        """`session`: write in that transaction (a table import's rows, all or nothing), which
        the caller commits; None: in a transaction of its own."""
        with self._session(session) as session:
            clean = _validate(session, inp, None)
            now = now_iso()
            obj = _MODEL[inp.kind](
                uid=str(uuid.uuid4()),
                slug=clean.slug,
                name=clean.name,
                summary=clean.summary,
                created_at=now,
                updated_at=now,
                **clean.columns,
            )
            session.add(obj)
            session.flush()
            self._write_children(session, obj.id, clean)
            session.flush()
            if clean.tags:
                _write_tags(session, obj.id, clean.tags)
            after = _snapshot(session, obj.id)
        return Change(obj.id, inp.kind, frozenset({clean.slug}), None, after)

    def update(self, entity_id: int, inp: EntryInput, session: Session | None = None) -> Change:
        """`session`: as for create."""
        with self._session(session) as session:
            before = self._existing(session, entity_id)
            if before.kind != inp.kind:
                raise EditingError(T_("Editing", "An entry cannot change its kind."))
            clean = _validate(session, inp, entity_id, {c["id"]: c for c in before.citations})
            obj = session.get(_MODEL[inp.kind], entity_id)
            assert obj is not None
            obj.name, obj.slug, obj.summary = clean.name, clean.slug, clean.summary
            for column, value in clean.columns.items():
                setattr(obj, column, value)
            self._write_children(session, entity_id, clean, before)
            session.flush()
            if clean.tags is not None and clean.tags != before.tags:
                _write_tags(session, entity_id, clean.tags)
            after = _snapshot(session, entity_id)
            assert after is not None
            # The ORM writes only values that differ; an unchanged form writes nothing at all.
            if before.content() != after.content():
                obj.updated_at = now_iso()
                session.flush()
                after = _snapshot(session, entity_id)
        return Change(entity_id, inp.kind, frozenset({before.slug, clean.slug}), before, after)

    def add_to(self, entity_id: int, part: Part) -> Change:
        """Add one fact, title, membership, participant, party or statement (with its
        citations) to the entry. A ValidationError names the part's own fields ('text',
        'citations[0].quote')."""
        section = _SECTION_OF_INPUT[type(part)]
        with self._db.sessions.begin() as session:
            before = self._existing(session, entity_id)
            if section.key not in PARTS[before.kind]:
                raise EditingError(_only(section.key))
            c = _Checker(_SessionLookups(session), entity_id)
            clean = _CHECK[section.key](c, "", replace(part, id=None), {})
            if c.errors:
                raise ValidationError(c.errors)
            position = 0
            if section.key == "facts":
                position = 1 + max((f["position"] for f in before.facts), default=-1)
            _write_part(session, section, entity_id, clean, None, position, {})
            return self._touched(session, before)

    def cite(self, entity_id: int, owner: tuple[str, int], citation: CitationInput) -> Change:
        """Add a citation to one of the entry's rows: `owner` is ('fact' | 'role' |
        'membership' | 'participation' | 'party' | 'statement', its id). A ValidationError
        names the citation's fields ('source', 'quote')."""
        section = _SECTION_OF_OWNER.get(owner[0])
        if section is None:
            raise EditingError(T_("Editing", "A citation cannot be added to that."))
        with self._db.sessions.begin() as session:
            before = self._existing(session, entity_id)
            row = session.get(section.model, owner[1])
            if row is None or getattr(row, section.owner) != entity_id:
                raise EditingError(T_("Editing", "What this citation supports is no longer on this entry."))
            c = _Checker(_SessionLookups(session), entity_id)
            position = 1 + max(
                (x["position"] for x in before.citations if x[section.cited_by] == owner[1]), default=-1
            )
            values = _citation(c, "", replace(citation, id=None), position, None)
            if c.errors:
                raise ValidationError(c.errors)
            session.add(
                m.Citation(**{section.cited_by: owner[1]}, **{k: v for k, v in values.items() if k != "id"})
            )
            return self._touched(session, before)

    @contextlib.contextmanager
    def _session(self, given: Session | None, *, write: bool = True) -> Iterator[Session]:
        if given is not None:
            yield given
        elif write:
            with self._db.sessions.begin() as session:
                yield session
        else:
            with self._db.sessions() as session:
                yield session

    def _touched(self, session: Session, before: Snapshot) -> Change:
        obj = session.get(m.Entity, before.id)
        assert obj is not None
        obj.updated_at = now_iso()
        session.flush()
        after = _snapshot(session, before.id)
        return Change(before.id, before.kind, frozenset({before.slug}), before, after)

    def _write_children(
        self, session: Session, entity_id: int, clean: _Clean, before: Snapshot | None = None
    ) -> None:
        """`before`: the entry as it was (None: a new one)."""
        stored = _loaded_citations(session, before) if clean.parts else {}
        aliases = {a.id: a for a in session.scalars(select(m.Alias).where(m.Alias.entity_id == entity_id))}
        kept = set()
        for a in clean.aliases:
            row = aliases.get(a.id) if a.id is not None else None
            if row is None:
                row = m.Alias(entity_id=entity_id)
                session.add(row)
            kept.add(row.id)
            row.value, row.language, row.script, row.kind = (
                a.value,
                _or_none(a.language),
                _or_none(a.script),
                a.kind,
            )
        for alias_id, row in aliases.items():
            if alias_id not in kept:
                session.delete(row)  # its citations go with it (ON DELETE CASCADE)
        for key, parts in clean.parts.items():
            section = _SECTION[key]
            rows = {
                r.id: r
                for r in session.scalars(
                    select(section.model).where(getattr(section.model, section.owner) == entity_id)
                )
            }
            kept_rows = set()
            for position, part in enumerate(parts):
                row = rows.get(part.id) if part.id is not None else None
                kept_rows.add(_write_part(session, section, entity_id, part, row, position, stored).id)
            for row_id, row in rows.items():
                if row_id not in kept_rows:
                    session.delete(row)  # its citations go with it (ON DELETE CASCADE)

    @staticmethod
    def stored_citations(entity_id: int, session: Session) -> dict[int, Mapping[str, Any]]:
        """The entry's citations as stored, by id: what `checked` is given to check an edit of
        the entry as `update` checks it."""
        cursor = _driver_connection(session).execute(_CITATIONS_SQL, {"id": entity_id})
        names = [d[0] for d in cursor.description]
        rows = [_frozen(dict(zip(names, row, strict=True))) for row in cursor]
        return {int(r["id"]): r for r in rows}

    def _existing(self, session: Session, entity_id: int) -> Snapshot:
        snap = _snapshot(session, entity_id)
        if snap is None:
            raise EditingError(T_("Editing", "This entry no longer exists."))
        return snap

    def trash(self, entity_id: int) -> Change:
        """Move to the trash (reversible with restore)."""
        return self._set_deleted(entity_id, now_iso())

    def restore(self, entity_id: int) -> Change:
        return self._set_deleted(entity_id, None)

    def _set_deleted(self, entity_id: int, when: str | None) -> Change:
        with self._db.sessions.begin() as session:
            before = self._existing(session, entity_id)
            obj = session.get(m.Entity, entity_id)
            assert obj is not None
            obj.deleted_at = when
            session.flush()
            after = _snapshot(session, entity_id)
        return Change(entity_id, before.kind, frozenset({before.slug}), before, after)

    def purge(self, entity_id: int) -> Change:
        """Delete for good, with everything that belongs only to the entry (its aliases, roles,
        facts, citations). Entries that referred to it lose the reference; notes on it stay,
        standalone."""
        with self._db.sessions.begin() as session:
            before = self._existing(session, entity_id)
            obj = session.get(_MODEL[before.kind], entity_id)
            session.delete(obj)
            session.flush()
            drop_unused_tags(_driver_connection(session))
        return Change(entity_id, before.kind, frozenset({before.slug}), before, None)

    def apply(self, snap: Snapshot) -> Change:
        """Put an entry back exactly as `snap` shows it (creating it again, with the same id,
        if it is gone). Undo and redo use this. References to entries deleted for good since
        the snapshot are left empty."""
        try:
            return self._apply(snap)
        except IntegrityError as exc:
            raise EditingError(
                T_("Editing", "This change cannot be repeated: {reason}").format(reason=exc.orig)
            ) from exc

    def _apply(self, snap: Snapshot) -> Change:
        with self._db.sessions.begin() as session:
            before = _snapshot(session, snap.id)
            if before is not None and before.kind != snap.kind:
                raise EditingError(
                    T_("Editing", "Another entry now has this one's place; it cannot be brought back.")
                )
            holder = session.scalar(
                select(m.Entity.name).where(m.Entity.slug == snap.slug, m.Entity.id != snap.id)
            )
            if holder is not None:
                raise EditingError(
                    T_(
                        "Editing", "“{slug}” is now the slug of {holder}; this change cannot be repeated."
                    ).format(slug=snap.slug, holder=holder)
                )
            snap = _without_dangling(session, snap)
            model = _MODEL[snap.kind]
            columns = {**snap.own, **snap.entity}
            columns.pop("kind", None)
            obj = session.get(model, snap.id)
            if obj is None:
                obj = model(**columns)
                session.add(obj)
            else:
                for key, value in columns.items():
                    setattr(obj, key, value)
            session.flush()
            self._apply_rows(session, m.Alias, "entity_id", snap.id, snap.aliases)
            for section in _SECTIONS:
                self._apply_rows(session, section.model, section.owner, snap.id, getattr(snap, section.key))
            session.flush()
            # The citations of the rows as they are now (a removed row's went with it), made
            # what the snapshot has: changed back, removed, or added again with their ids.
            wanted = {c["id"]: c for c in snap.citations}
            now = [r["id"] for r in session.execute(text(_CITATIONS_SQL), {"id": snap.id}).mappings()]
            for cite in session.scalars(select(m.Citation).where(m.Citation.id.in_(now))):
                values = wanted.pop(cite.id, None)
                if values is None:
                    session.delete(cite)
                else:
                    for key, value in values.items():
                        setattr(cite, key, value)
            session.flush()
            session.add_all(m.Citation(**c) for c in wanted.values())
            session.flush()
            if snap.tags != (before.tags if before else ()):
                _write_tags(session, snap.id, snap.tags)
            after = _snapshot(session, snap.id)
        slugs = {snap.slug} | ({before.slug} if before else set())
        return Change(snap.id, snap.kind, frozenset(slugs), before, after)

    @staticmethod
    def _apply_rows(session: Session, model: Any, owner: str, owner_id: int, rows: _Rows) -> None:
        existing = {r.id: r for r in session.scalars(select(model).where(getattr(model, owner) == owner_id))}
        wanted = {r["id"]: r for r in rows}
        for row_id, obj in existing.items():
            if row_id not in wanted:
                session.delete(obj)
        session.flush()
        for row_id, values in wanted.items():
            obj = existing.get(row_id)
            if obj is None:
                session.add(model(**values))
            else:
                for key, value in values.items():
                    setattr(obj, key, value)


def _without_dangling(session: Session, snap: Snapshot) -> Snapshot:
    """`snap` with references to entries that no longer exist emptied, and the rows that
    cannot be without them (a membership of a deleted organization, a citation of a deleted
    source) left out, with their citations."""
    ref_columns = [s.column for s in FIELDS[snap.kind] if s.type == "entry"]
    wanted = {snap.own.get(c) for c in ref_columns}
    wanted |= {r[k] for r in snap.roles for k in ("organization_id", "country_id")}
    wanted |= {r["organization_id"] for r in snap.memberships}
    wanted |= {r["entity_id"] for r in (*snap.participants, *snap.parties)}
    wanted |= {r["event_id"] for r in snap.statements}
    wanted |= {c["source_id"] for c in snap.citations}
    wanted.discard(None)
    alive = set(session.scalars(select(m.Entity.id).where(m.Entity.id.in_(wanted))))

    def keep(value: Any) -> Any:
        return value if value is None or value in alive else None

    own = _frozen({k: keep(v) if k in ref_columns else v for k, v in snap.own.items()})
    roles = tuple(
        _frozen({**r, "organization_id": keep(r["organization_id"]), "country_id": keep(r["country_id"])})
        for r in snap.roles
    )
    memberships = tuple(r for r in snap.memberships if r["organization_id"] in alive)
    participants = tuple(r for r in snap.participants if r["entity_id"] in alive)
    parties = tuple(r for r in snap.parties if r["entity_id"] in alive)
    statements = tuple(_frozen({**r, "event_id": keep(r["event_id"])}) for r in snap.statements)
    rows = {
        "alias_id": snap.aliases,
        "role_id": roles,
        "fact_id": snap.facts,
        "membership_id": memberships,
        "participation_id": participants,
        "party_id": parties,
        "statement_id": statements,
    }
    owners = {(column, r["id"]) for column, kept in rows.items() for r in kept}

    def owned(cite: Mapping[str, Any]) -> bool:
        return any(cite[column] is not None and (column, cite[column]) in owners for column in rows)

    citations = tuple(c for c in snap.citations if c["source_id"] in alive and owned(c))
    return replace(
        snap,
        own=own,
        roles=roles,
        memberships=memberships,
        participants=participants,
        parties=parties,
        statements=statements,
        citations=citations,
    )
