"""Merging duplicates: two or more entries of one kind become one, the survivor the researcher
chose, keeping for each field the value they picked.

What the others had moves to the survivor: their names and other names become its other names
(one of each, compared folded), and their facts, titles, memberships, participants, parties,
statements, citations, notes, backlinks, tags and a source's files become its own; whatever
referred to one of them (an official's country, a title's organization, a citation's source,
an event's participant …) refers to the survivor. The merged entries go to the Trash, emptied
of all that, so the values not kept (a summary, a date) can still be read there; a redirect
(app/services/redirects.py) makes `[[their-slug]]` and their names in notes lead to the
survivor.

Undo is exact: a merge reads every row it may change before it writes (the entries' own rows,
the rows that refer to them, their notes' owner, their tags, links and files) and after, and
undoing puts the rows back as they were (redo as they became), in one transaction, with
foreign keys checked at its end. The search index and the lists follow by their triggers; for
a merge that moves many rows (a country that 10,000 officials name) the lists' and the Notes
view's triggers are set aside and the entries behind the rows are listed afresh once
(app/db/bulk_index.py): a row at a time that took 40 s, and 84 s to undo.
Plain sqlite3 on the window's Writer, like the notes: no ORM needed to move rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.clock import now_iso
from app.db.bulk_index import relisted_at_end
from app.db.folding import fold
from app.i18n import N_, T_, Text
from app.records.entries import Ref
from app.services import redirects
from app.services.entry_forms import FIELDS, EditingError
from app.services.kinds import KINDS
from app.services.writing import Writer


class MergeError(EditingError):
    """A merge that cannot be made (or undone) as asked; nothing was changed."""


@dataclass(frozen=True)
class MergeField:
    """One value the researcher picks among the entries: in `table`'s `column`."""

    key: str
    label: str  # marked N_("Fields", ...)
    table: str  # 'entity' or the kind's table
    column: str
    type: str = "line"  # as FieldSpec.type; 'entry' values are ids of other entries


# Values the database keeps unique among all entries: the survivor takes the one picked and
# the entry it came from (in the Trash) takes the survivor's, so both stay unique.
_UNIQUE = {("country", "iso_alpha2"), ("source", "citation_key")}


def merge_fields(kind: str) -> tuple[MergeField, ...]:
    """The fields a merge of `kind` chooses values for, in the form's order."""
    fields = [
        MergeField("name", N_("Fields", "Name"), "entity", "name"),
        MergeField("summary", N_("Fields", "Summary"), "entity", "summary", "text"),
    ]
    fields += [MergeField(s.key, s.label, kind, s.column, s.type) for s in FIELDS[kind]]
    if kind == "source":
        columns = {f.column for f in fields}
        fields += [
            MergeField(key, label, "source", key)
            for key, label in (("citation_key", N_("Fields", "Citation key")), ("doi", N_("Fields", "DOI")))
            if key not in columns
        ]
    return tuple(fields)


# What moves from a merged entry, for the summary the dialog shows: (key, SQL counting the
# rows of entry :id). The GUI words them, with plurals.
MOVES: tuple[tuple[str, str], ...] = (
    ("other_names", "SELECT count(*) FROM alias WHERE entity_id = :id"),
    ("facts", "SELECT count(*) FROM fact WHERE entity_id = :id"),
    ("roles", "SELECT count(*) FROM role WHERE person_id = :id"),
    ("memberships", "SELECT count(*) FROM membership WHERE member_id = :id"),
    (
        "participants",
        "SELECT count(*) FROM participation WHERE event_id = :id",
    ),
    (
        "parties",
        "SELECT count(*) FROM initiative_party WHERE initiative_id = :id",
    ),
    ("statements", "SELECT count(*) FROM statement WHERE speaker_id = :id"),
    (
        "citations",
        "SELECT (SELECT count(*) FROM citation WHERE entity_id = :id)"
        " + (SELECT count(*) FROM alias a JOIN citation c ON c.alias_id = a.id WHERE a.entity_id = :id)"
        " + (SELECT count(*) FROM fact f JOIN citation c ON c.fact_id = f.id WHERE f.entity_id = :id)"
        " + (SELECT count(*) FROM role r JOIN citation c ON c.role_id = r.id WHERE r.person_id = :id)"
        " + (SELECT count(*) FROM membership m JOIN citation c ON c.membership_id = m.id WHERE m.member_id = :id)"
        " + (SELECT count(*) FROM participation p JOIN citation c ON c.participation_id = p.id"
        " WHERE p.event_id = :id)"
        " + (SELECT count(*) FROM initiative_party p JOIN citation c ON c.party_id = p.id"
        " WHERE p.initiative_id = :id)"
        " + (SELECT count(*) FROM statement s JOIN citation c ON c.statement_id = s.id WHERE s.speaker_id = :id)",
    ),
    (
        "cited_by",
        "SELECT count(*) FROM citation WHERE source_id = :id",
    ),
    (
        "notes",
        "SELECT count(*) FROM note WHERE entity_id = :id AND deleted_at IS NULL",
    ),
    (
        "backlinks",
        "SELECT count(*) FROM note_link WHERE entity_id = :id",
    ),
    ("tags", "SELECT count(*) FROM entity_tag WHERE entity_id = :id"),
    ("files", "SELECT count(*) FROM attachment WHERE source_id = :id"),
    (
        "referred",
        "SELECT (SELECT count(*) FROM person WHERE country_id = :id)"
        " + (SELECT count(*) FROM organization WHERE country_id = :id)"
        " + (SELECT count(*) FROM organization WHERE parent_id = :id)"
        " + (SELECT count(*) FROM initiative WHERE announced_at_id = :id)"
        " + (SELECT count(*) FROM event WHERE country_id = :id)"
        " + (SELECT count(*) FROM event WHERE part_of_id = :id)"
        " + (SELECT count(*) FROM role WHERE organization_id = :id)"
        " + (SELECT count(*) FROM role WHERE country_id = :id)"
        " + (SELECT count(*) FROM membership WHERE organization_id = :id)"
        " + (SELECT count(*) FROM participation WHERE entity_id = :id)"
        " + (SELECT count(*) FROM initiative_party WHERE entity_id = :id)"
        " + (SELECT count(*) FROM statement WHERE event_id = :id)",
    ),
)
# How much an entry holds, for the survivor offered first: its facts and what cites them.
_WEIGHT = ("facts", "roles", "memberships", "participants", "parties", "statements", "citations", "cited_by")


@dataclass(frozen=True)
class MergeCandidate:
    """One of the entries to merge, as the merge dialog shows it."""

    ref: Ref
    values: Mapping[str, Any]  # MergeField.key -> the stored value (None: empty)
    shown: Mapping[str, str]  # MergeField.key -> the value as text (an entry by its name)
    holds: Mapping[str, int]  # MOVES key -> how many

    @property
    def weight(self) -> int:
        return sum(self.holds.get(k, 0) for k in _WEIGHT)


# --- the rows a merge may change -----------------------------------------------------------

# (table, its key columns, the columns kept, the rows: SQL over :all (the entries merged and
# the survivor) and :gone (the entries merged), as JSON arrays of ids).
_ALL = "(SELECT value FROM json_each(:all))"
_GONE = "(SELECT value FROM json_each(:gone))"
_KIND_REFS: dict[str, tuple[str, ...]] = {
    kind: tuple(s.column for s in specs if s.type == "entry") for kind, specs in FIELDS.items()
}
_ROWS: tuple[tuple[str, tuple[str, ...], str | None, str], ...] = (
    ("entity", ("id",), None, f"id IN {_ALL}"),
    *(
        (kind, ("id",), None, " OR ".join([f"id IN {_ALL}", *(f"{c} IN {_GONE}" for c in refs)]))
        for kind, refs in _KIND_REFS.items()
    ),
    ("alias", ("id",), None, f"entity_id IN {_ALL}"),
    ("role", ("id",), None, f"person_id IN {_ALL} OR organization_id IN {_GONE} OR country_id IN {_GONE}"),
    ("fact", ("id",), None, f"entity_id IN {_ALL}"),
    ("membership", ("id",), None, f"member_id IN {_ALL} OR organization_id IN {_GONE}"),
    ("participation", ("id",), None, f"event_id IN {_ALL} OR entity_id IN {_GONE}"),
    ("initiative_party", ("id",), None, f"initiative_id IN {_ALL} OR entity_id IN {_GONE}"),
    ("statement", ("id",), None, f"speaker_id IN {_ALL} OR event_id IN {_GONE}"),
    (
        "citation",
        ("id",),
        None,
        f"entity_id IN {_ALL} OR source_id IN {_GONE} OR alias_id IN "
        f"(SELECT id FROM alias WHERE entity_id IN {_ALL})",
    ),
    # A note's text is the researcher's to change after the merge: only its entry is the merge's.
    ("note", ("id",), "id, entity_id", f"entity_id IN {_ALL}"),
    ("note_link", ("note_id", "entity_id"), None, f"entity_id IN {_ALL}"),
    ("entity_tag", ("entity_id", "tag_id"), None, f"entity_id IN {_ALL}"),
    ("attachment", ("id",), None, f"source_id IN {_ALL}"),
    ("meta", ("key",), None, f"key IN (SELECT '{redirects.PREFIX}' || value FROM json_each(:gone))"),
)
_KEYS = {table: key for table, key, _c, _w in _ROWS}
_COLUMNS = {table: columns for table, _k, columns, _w in _ROWS}
# The entry whose list row (and notes' order) a row of these tables feeds: its column.
_LISTED = {
    "entity": "id",
    **{kind: "id" for kind in _KIND_REFS},
    "alias": "entity_id",
    "role": "person_id",
    "initiative_party": "initiative_id",
    "note": "entity_id",
}
# Rows moved from which on the lists are brought up to date once instead of by their triggers:
# below it the triggers cost less than setting them aside (the schema changes twice).
MANY_ROWS = 500

Row = tuple[Any, ...]
# table -> (its column names, {key: row})
State = dict[str, tuple[tuple[str, ...], dict[Row, Row]]]


def _ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def _listed(*states: State) -> tuple[set[int], int]:
    """The entries whose lists' rows the rows of `states` feed, and how many rows they hold."""
    entries: set[int] = set()
    rows = 0
    for state in states:
        for table, (names, found) in state.items():
            rows += len(found)
            column = _LISTED.get(table)
            if column is not None:
                at = names.index(column)
                entries.update(r[at] for r in found.values() if r[at] is not None)
    return entries, rows


def _read(conn: sqlite3.Connection, merged: Sequence[int], survivor: int) -> State:
    params = {"all": _ids([survivor, *merged]), "gone": _ids(merged)}
    state: State = {}
    for table, key, columns, where in _ROWS:
        cursor = conn.execute(f"SELECT {columns or '*'} FROM {table} WHERE {where}", params)
        names = tuple(d[0] for d in cursor.description)
        at = tuple(names.index(k) for k in key)
        state[table] = (names, {tuple(r[i] for i in at): tuple(r) for r in cursor})
    return state


def _reread(conn: sqlite3.Connection, state: State, keys: Mapping[str, Iterable[Row]]) -> State:
    """`state` with the rows of `keys` as they are now added (those still there): rows that
    no longer match the selection (a title whose organization was merged) are still read."""
    out: State = {}
    for table, (names, rows) in state.items():
        missing = [k for k in keys.get(table, ()) if k not in rows]
        out[table] = (names, {**rows, **_fetch(conn, table, _COLUMNS[table] or "*", missing)})
    return out


def _fetch(conn: sqlite3.Connection, table: str, columns: str, keys: Sequence[Row]) -> dict[Row, Row]:
    """The rows of `table` with these keys that are there, by key. A merge of a country that
    10,000 officials name reads 30,000 rows: one statement a thousand keys, not one a key."""
    key = _KEYS[table]
    found: dict[Row, Row] = {}
    if len(key) > 1:
        where = " AND ".join(f"{c} = ?" for c in key)
        for k in keys:
            row = conn.execute(f"SELECT {columns} FROM {table} WHERE {where}", k).fetchone()
            if row is not None:
                found[k] = tuple(row)
        return found
    for start in range(0, len(keys), 1_000):
        chunk = json.dumps([k[0] for k in keys[start : start + 1_000]])
        cursor = conn.execute(
            f"SELECT {columns} FROM {table} WHERE {key[0]} IN (SELECT value FROM json_each(?))", (chunk,)
        )
        at = [d[0] for d in cursor.description].index(key[0])
        found.update(((r[at],), tuple(r)) for r in cursor)
    return found


def _now(conn: sqlite3.Connection, wanted: State) -> State:
    """The rows of `wanted`'s tables and keys as they are now (missing ones left out)."""
    return {
        table: (names, _fetch(conn, table, ", ".join(names), list(rows)))
        for table, (names, rows) in wanted.items()
    }


def _put_back(conn: sqlite3.Connection, target: State, current: State) -> None:
    """Make the rows of `current` (as they are now) what `target` has: rows changed back,
    rows only `current` has deleted, rows only `target` has inserted. Values kept unique are
    first set aside, so that two rows can trade them."""
    conn.execute("PRAGMA defer_foreign_keys = ON")  # until COMMIT: rows come back in any order
    for table, column in _UNIQUE:
        names, rows = target[table]
        _names_now, now = current[table]
        i = names.index(column)
        for k, row in rows.items():
            if k in now and now[k][i] != row[i] and now[k][i] is not None:
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (f"~{k[0]}", k[0]))
    for table, (names, rows) in target.items():
        _n, now = current[table]
        key = _KEYS[table]
        where = " AND ".join(f"{c} = ?" for c in key)
        for k, row in rows.items():
            if k in now and now[k] != row:
                changed = [(n, v) for n, v, was in zip(names, row, now[k], strict=True) if v != was]
                sets = ", ".join(f"{n} = ?" for n, _v in changed)
                conn.execute(f"UPDATE {table} SET {sets} WHERE {where}", [v for _n, v in changed] + list(k))
    # Deletions after the updates: a duplicate other name goes once its citations moved away.
    for table, (_names, now) in current.items():
        rows = target[table][1]
        key = _KEYS[table]
        where = " AND ".join(f"{c} = ?" for c in key)
        for k in now:
            if k not in rows:
                conn.execute(f"DELETE FROM {table} WHERE {where}", k)
    for table, (names, rows) in target.items():
        now = current[table][1]
        for k, row in rows.items():
            if k not in now:
                conn.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", row
                )


# --- merging -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Merge:
    """A merge made: enough to undo and redo it exactly."""

    survivor: Ref
    merged: tuple[Ref, ...]
    before: State
    after: State

    @property
    def slugs(self) -> frozenset[str]:
        return frozenset({self.survivor.slug, *(r.slug for r in self.merged)})


class Merger:
    """Merges on the window's (or command's) Writer."""

    def __init__(self, writer: Writer) -> None:
        self._writer = writer

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._writer.conn

    # --- what the dialog shows ---------------------------------------------------------------

    def candidates(self, ids: Sequence[int]) -> tuple[MergeCandidate, ...]:
        """The entries `ids` as a merge of them would show them; MergeError when they cannot
        be merged (fewer than two, of different kinds, gone or in the Trash)."""
        refs = self._refs(ids)
        kind = refs[0].kind
        fields = merge_fields(kind)
        out = []
        for ref in refs:
            values = self._values(ref.id, kind, fields)
            holds = {key: int(self._conn.execute(sql, {"id": ref.id}).fetchone()[0]) for key, sql in MOVES}
            out.append(MergeCandidate(ref, values, self._shown(fields, values), holds))
        return tuple(out)

    def _refs(self, ids: Sequence[int]) -> tuple[Ref, ...]:
        wanted = list(dict.fromkeys(ids))
        if len(wanted) < 2:
            raise MergeError(T_("Merge", "Choose at least two different entries to merge."))
        rows = {
            r[0]: r
            for r in self._conn.execute(
                "SELECT id, kind, slug, name, deleted_at FROM entity WHERE id IN "
                "(SELECT value FROM json_each(?))",
                (_ids(wanted),),
            )
        }
        missing = [i for i in wanted if i not in rows]
        if missing:
            raise MergeError(T_("Merge", "One of these entries no longer exists; nothing was merged."))
        trashed = [rows[i][3] for i in wanted if rows[i][4] is not None]
        if trashed:
            raise MergeError(
                T_("Merge", "“{name}” is in the Trash; restore it before merging it.").format(name=trashed[0])
            )
        kinds = {rows[i][1] for i in wanted}
        if len(kinds) > 1:
            raise MergeError(
                T_(
                    "Merge",
                    "Only entries of one kind can be merged: these are {kinds}.",
                ).format(kinds=", ".join(Text("Kinds", k.plural) for k in KINDS if k.key in kinds))
            )
        return tuple(Ref(*rows[i][:4]) for i in wanted)

    def _values(self, entity_id: int, kind: str, fields: Sequence[MergeField]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for table in ("entity", kind):
            columns = [f for f in fields if f.table == table]
            row = self._conn.execute(
                f"SELECT {', '.join(f.column for f in columns)} FROM {table} WHERE id = ?", (entity_id,)
            ).fetchone()
            for f, value in zip(columns, row, strict=True):
                out[f.key] = value if value not in ("",) else None
        return out

    def _shown(self, fields: Sequence[MergeField], values: Mapping[str, Any]) -> dict[str, str]:
        shown = {}
        for f in fields:
            value = values.get(f.key)
            if value is None:
                shown[f.key] = ""
            elif f.type == "entry":
                row = self._conn.execute("SELECT name FROM entity WHERE id = ?", (value,)).fetchone()
                shown[f.key] = str(row[0]) if row else ""
            else:
                shown[f.key] = str(value)
        return shown

    # --- the merge -----------------------------------------------------------------------------

    def merge(self, ids: Sequence[int], survivor: int, choices: Mapping[str, int] | None = None) -> Merge:
        """Merge the entries `ids` into `survivor` (one of them). `choices`: for a field's key,
        the entry whose value to keep (the survivor's when not given). One transaction: all of
        it or nothing."""
        refs = self._refs(ids)
        if survivor not in {r.id for r in refs}:
            raise MergeError(T_("Merge", "The entry to keep must be one of those merged."))
        choices = dict(choices or {})
        if any(c not in {r.id for r in refs} for c in choices.values()):
            raise MergeError(T_("Merge", "A value to keep must come from one of the entries merged."))
        kept = next(r for r in refs if r.id == survivor)
        merged = tuple(r for r in refs if r.id != survivor)
        gone = [r.id for r in merged]
        with self._writer.transaction() as conn:
            before = _read(conn, gone, survivor)
            entries, rows = _listed(before)
            with relisted_at_end(conn, bulk=rows >= MANY_ROWS) as relist:
                self._write(conn, kept, merged, choices)
                relist.entries(entries)
                relist.notes(entries)
            after = _reread(conn, _read(conn, gone, survivor), {t: rows for t, (_n, rows) in before.items()})
            name = conn.execute("SELECT name FROM entity WHERE id = ?", (survivor,)).fetchone()[0]
        return Merge(Ref(kept.id, kept.kind, kept.slug, str(name)), merged, before, after)

    def _write(
        self, conn: sqlite3.Connection, kept: Ref, merged: tuple[Ref, ...], choices: Mapping[str, int]
    ) -> None:
        s, kind = kept.id, kept.kind
        gone = [r.id for r in merged]
        gone_ids = _ids(gone)
        # The values picked.
        fields = {f.key: f for f in merge_fields(kind)}
        for key, donor in choices.items():
            f = fields.get(key)
            if f is None or donor == s:
                continue
            value = conn.execute(f"SELECT {f.column} FROM {f.table} WHERE id = ?", (donor,)).fetchone()[0]
            if (f.table, f.column) in _UNIQUE:  # the two trade values
                mine = conn.execute(f"SELECT {f.column} FROM {f.table} WHERE id = ?", (s,)).fetchone()[0]
                conn.execute(f"UPDATE {f.table} SET {f.column} = ? WHERE id = ?", (f"~{donor}", donor))
                conn.execute(f"UPDATE {f.table} SET {f.column} = ? WHERE id = ?", (value, s))
                conn.execute(f"UPDATE {f.table} SET {f.column} = ? WHERE id = ?", (mine, donor))
            else:
                conn.execute(f"UPDATE {f.table} SET {f.column} = ? WHERE id = ?", (value, s))
        # Names: every name of the entries but the one kept is an other name, once.
        final = str(conn.execute("SELECT name FROM entity WHERE id = ?", (s,)).fetchone()[0])
        names = [kept.name, *(r.name for r in merged)]
        taken: dict[str, int] = {fold(final).strip(): 0}  # folded -> the alias holding it (0: the name)
        for alias_id, value in conn.execute(
            "SELECT id, value FROM alias WHERE entity_id = ? ORDER BY id", (s,)
        ):
            taken.setdefault(fold(value).strip(), alias_id)
        for alias_id, value in conn.execute(
            "SELECT id, value FROM alias WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (gone_ids,),
        ).fetchall():
            holder = taken.get(fold(value).strip())
            if holder is None:
                conn.execute("UPDATE alias SET entity_id = ? WHERE id = ?", (s, alias_id))
                taken[fold(value).strip()] = alias_id
                continue
            # The same other name twice: its citations go to the one kept (to the name itself
            # when it is the name), and the copy goes.
            if holder:
                conn.execute("UPDATE citation SET alias_id = ? WHERE alias_id = ?", (holder, alias_id))
            else:
                conn.execute(
                    "UPDATE citation SET alias_id = NULL, entity_id = ?, field = 'name' WHERE alias_id = ?",
                    (s, alias_id),
                )
            conn.execute("DELETE FROM alias WHERE id = ?", (alias_id,))
        for value in names:
            if fold(value).strip() not in taken:
                cursor = conn.execute(
                    "INSERT INTO alias (entity_id, value, kind) VALUES (?, ?, 'name')", (s, value)
                )
                taken[fold(value).strip()] = int(cursor.lastrowid or 0)
        # What the merged entries own.
        last = conn.execute(
            "SELECT coalesce(max(position), -1) FROM fact WHERE entity_id = ?", (s,)
        ).fetchone()[0]
        conn.execute(
            "UPDATE fact SET entity_id = ?, position = position + ? "
            "WHERE entity_id IN (SELECT value FROM json_each(?))",
            (s, int(last) + 1, gone_ids),
        )
        for table, owner in (
            ("role", "person_id"),
            ("membership", "member_id"),
            ("participation", "event_id"),
            ("initiative_party", "initiative_id"),
            ("statement", "speaker_id"),
            ("citation", "entity_id"),
            ("note", "entity_id"),
        ):
            conn.execute(
                f"UPDATE {table} SET {owner} = ? WHERE {owner} IN (SELECT value FROM json_each(?))",
                (s, gone_ids),
            )
        for table, other in (("note_link", "note_id"), ("entity_tag", "tag_id")):
            conn.execute(
                f"INSERT OR IGNORE INTO {table} (entity_id, {other}) SELECT ?, {other} FROM {table} "
                "WHERE entity_id IN (SELECT value FROM json_each(?))",
                (s, gone_ids),
            )
            conn.execute(
                f"DELETE FROM {table} WHERE entity_id IN (SELECT value FROM json_each(?))", (gone_ids,)
            )
        shas = {r[0] for r in conn.execute("SELECT sha256 FROM attachment WHERE source_id = ?", (s,))}
        for attachment_id, sha in conn.execute(
            "SELECT id, sha256 FROM attachment WHERE source_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (gone_ids,),
        ).fetchall():
            if sha not in shas:  # the same file twice stays with the merged entry, in the Trash
                conn.execute("UPDATE attachment SET source_id = ? WHERE id = ?", (s, attachment_id))
                shas.add(sha)
        # What referred to them refers to the survivor (an entry never to itself).
        for table, refs in _KIND_REFS.items():
            for column in refs:
                conn.execute(
                    f"UPDATE {table} SET {column} = CASE WHEN id = ? THEN NULL ELSE ? END "
                    f"WHERE {column} IN (SELECT value FROM json_each(?))",
                    (s, s, gone_ids),
                )
        for table, column in (
            ("role", "organization_id"),
            ("role", "country_id"),
            ("membership", "organization_id"),
            ("participation", "entity_id"),
            ("initiative_party", "entity_id"),
            ("statement", "event_id"),
            ("citation", "source_id"),
        ):
            conn.execute(
                f"UPDATE {table} SET {column} = ? WHERE {column} IN (SELECT value FROM json_each(?))",
                (s, gone_ids),
            )
        now = now_iso()
        conn.execute("UPDATE entity SET updated_at = ? WHERE id = ?", (now, s))
        conn.execute(
            "UPDATE entity SET deleted_at = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))",
            (now, now, gone_ids),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [redirects.record(r.id, r.slug, s) for r in merged],
        )

    # --- undo and redo -------------------------------------------------------------------------

    def undo(self, merge: Merge) -> Merge:
        """Put every row the merge changed back as it was."""
        self._switch(merge.before, merge.after)
        return merge

    def redo(self, merge: Merge) -> Merge:
        self._switch(merge.after, merge.before)
        return merge

    def _switch(self, target: State, expected: State) -> None:
        with self._writer.transaction() as conn:
            current = _now(conn, _union(expected, target))
            if _strip_missing(current, expected) != expected or _extra(current, expected):
                raise MergeError(
                    T_(
                        "Merge",
                        "The entries merged have changed since (one was deleted for good?), so the merge cannot be undone or redone.",
                    )
                )
            entries, rows = _listed(target, current)
            with relisted_at_end(conn, bulk=rows >= MANY_ROWS) as relist:
                _put_back(conn, target, current)
                relist.entries(entries)
                relist.notes(entries)


def _union(a: State, b: State) -> State:
    out: State = {}
    for table, (names, rows) in a.items():
        out[table] = (names, {**b[table][1], **rows})
    return out


def _strip_missing(current: State, expected: State) -> State:
    return {
        t: (n, {k: r for k, r in rows.items() if k in expected[t][1]}) for t, (n, rows) in current.items()
    }


def _extra(current: State, expected: State) -> bool:
    """Rows there now that the expected state does not have (among the keys looked at)."""
    return any(k not in expected[t][1] for t, (_n, rows) in current.items() for k in rows)
