"""Changing many entries at once: add or remove tags, set a country or a parent organization,
move to the Trash. Each action is one transaction, all or nothing, and returns a `BulkChange`
that holds just enough to take it back (`undo`) and make it again (`redo`): the links it added
or removed, the values it replaced, the times it wrote over. One change is one undo step, for
ten entries or a hundred thousand.

No snapshots: an entry's snapshot is a dozen queries (services/editing.py), which is fine for
the one entry a form saves and far too slow for 10,000. The ids travel to SQLite as one JSON
array read by json_each, so a statement handles a whole chunk of the selection.

An entry changed by an action gets a new `updated_at`, as an edit by hand gives it (an import
then keeps it as the researcher has it); undo puts the old times back. Entries deleted for good
since an action are left out of its undo and redo; a country deleted for good since it was
replaced comes back as no country.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from app.clock import now_iso
from app.db.bulk_index import relisted_at_end
from app.db.database import Database
from app.i18n import T_, Text
from app.services.entry_forms import FIELDS, EditingError, FieldSpec
from app.services.progress import NO_PROGRESS, Progress
from app.services.tags import drop_unused_tags, parse_tags, tag_ids
from app.services.writing import Writer

ADD_TAGS = "add tags"
REMOVE_TAGS = "remove tags"
SET = "set"
TRASH = "trash"
# Ids handed to SQLite per statement: progress moves, and a Cancel is heard, between chunks.
CHUNK = 2_000
# The page cache of the service's connection while an action runs, in KiB (SQLite's usual is
# 2 MB): 10,000 entries moved to the Trash touch the lists' six indexes all over, and with the
# usual cache their pages were read again and again (1.2 s -> 0.8 s of CPU at 100,000 entries).
# Given back after each action.
CACHE_KIB = 64 * 1024
# The entry fields an action can set on many at once: references to a country or an
# organization (the "set the country or organization").
SETTABLE_KINDS = frozenset({"country", "organization"})

_IN = "SELECT value FROM json_each(?)"

_Groups = tuple[tuple[object, tuple[int, ...]], ...]


@dataclass(frozen=True)
class BulkChange:
    """One action on many entries, as written. `ids`: the entries it changed (those already as
    asked are not among them). `groups`: per tag name, the entries that gained or lost it (tag
    actions), or per old value, the entries that held it (set). `stamps`: per old updated_at,
    the entries that held it. `at`: the time written (updated_at, or deleted_at for trash)."""

    action: str
    kind: str  # the entries' kind ('' when they were of several)
    ids: tuple[int, ...]
    at: str
    groups: _Groups = ()
    stamps: tuple[tuple[str, tuple[int, ...]], ...] = ()
    table: str = ""  # set: the kind's own table and the column written
    column: str = ""
    value: int | None = None
    tags: tuple[str, ...] = ()  # the tags named (as stored), for messages

    @property
    def count(self) -> int:
        return len(self.ids)


def settable_fields(kind: str) -> tuple[FieldSpec, ...]:
    """The fields of `kind` an action can set on many entries at once."""
    return tuple(
        f for f in FIELDS.get(kind, ()) if f.type == "entry" and SETTABLE_KINDS.intersection(f.kinds)
    )


def _chunks(ids: Sequence[int]) -> Iterator[str]:
    for start in range(0, len(ids), CHUNK):
        yield json.dumps(list(ids[start : start + CHUNK]))


def _grouped(pairs: Iterable[tuple[object, int]]) -> _Groups:
    by: dict[object, list[int]] = defaultdict(list)
    for value, entity_id in pairs:
        by[value].append(entity_id)
    return tuple((value, tuple(ids)) for value, ids in by.items())


class Bulk:
    """Actions on many entries, on a connection of their own, kept open between them: opening
    one reads the whole schema (its hundreds of list and search triggers), about 20 ms, which
    was most of an action on 1,000 entries. Not the library's Writer: the window runs long
    actions (and their undo) on a worker thread while the notes save on its own through that
    one. One action at a time: a second waits for the first to finish (the window starts none
    meanwhile). `close()` when the library closes."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._writer = Writer(db)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:  # (an action running on a worker finishes first)
            self._writer.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._writer.conn
            usual = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            try:
                with self._writer.transaction() as written:
                    yield written
            finally:
                with suppress(sqlite3.ProgrammingError):  # (closed after a disk error)
                    conn.execute(f"PRAGMA cache_size = {usual}")

    # --- actions ---------------------------------------------------------------------------

    def add_tags(self, ids: Sequence[int], text: str, progress: Progress = NO_PROGRESS) -> BulkChange:
        """Give every entry of `ids` the tags typed in `text` (commas between them); an entry
        that has one already keeps it, once. BadTag for a tag that cannot be."""
        names = parse_tags(text)
        if not names:
            raise EditingError(T_("Bulk", "Type the tags to add, with commas between them."))
        with self._transaction() as conn:
            stored = self._stored(conn, tag_ids(conn, names))
            pairs: list[tuple[object, int]] = []
            for done, chunk in enumerate(_chunks(ids)):
                progress.step(done * CHUNK, len(ids))
                for tid, name in stored:
                    gained = [
                        r[0]
                        for r in conn.execute(
                            "INSERT INTO entity_tag (entity_id, tag_id) SELECT e.id, ? FROM entity e "
                            f"WHERE e.id IN ({_IN}) AND NOT EXISTS (SELECT 1 FROM entity_tag et "
                            "WHERE et.entity_id = e.id AND et.tag_id = ?) RETURNING entity_id",
                            (tid, chunk, tid),
                        )
                    ]
                    pairs += [(name, i) for i in gained]
            return self._finish(conn, ADD_TAGS, pairs, tags=tuple(n for _t, n in stored))

    def remove_tags(self, ids: Sequence[int], text: str, progress: Progress = NO_PROGRESS) -> BulkChange:
        """Take the tags typed in `text` off every entry of `ids` that has them (any case; a
        tag nested under one stays). A tag nothing carries any more is removed."""
        names = parse_tags(text)
        if not names:
            raise EditingError(T_("Bulk", "Type the tags to remove, with commas between them."))
        with self._transaction() as conn:
            wanted = {n.casefold() for n in names}
            stored = [
                (tid, n) for tid, n in conn.execute("SELECT id, name FROM tag") if n.casefold() in wanted
            ]
            pairs: list[tuple[object, int]] = []
            for done, chunk in enumerate(_chunks(ids)):
                progress.step(done * CHUNK, len(ids))
                for tid, name in stored:
                    lost = [
                        r[0]
                        for r in conn.execute(
                            f"DELETE FROM entity_tag WHERE tag_id = ? AND entity_id IN ({_IN}) RETURNING entity_id",
                            (tid, chunk),
                        )
                    ]
                    pairs += [(name, i) for i in lost]
            drop_unused_tags(conn)
            return self._finish(conn, REMOVE_TAGS, pairs, tags=tuple(n for _t, n in stored))

    def set_field(
        self, ids: Sequence[int], key: str, target: int | None, progress: Progress = NO_PROGRESS
    ) -> BulkChange:
        """Set the field `key` ('country', 'parent') of every entry of `ids` to the entry
        `target` (None: empty it). The entries must be of one kind that has the field."""
        with self._transaction() as conn:
            kind = self._kind_of(conn, ids)
            spec = next((f for f in settable_fields(kind) if f.key == key), None)
            if spec is None:
                raise EditingError(T_("Bulk", "These entries have no such field."))
            if target is not None:
                self._check_target(conn, target, spec)
            pairs: list[tuple[object, int]] = []
            for chunk in _chunks(ids):
                # (An organization is not made a part of itself.)
                pairs += conn.execute(
                    f"SELECT {spec.column}, id FROM {kind} WHERE id IN ({_IN}) AND id IS NOT ? "
                    f"AND {spec.column} IS NOT ?",
                    (chunk, target, target),
                ).fetchall()
            self._write(conn, kind, spec.column, [(target, [i for _v, i in pairs])], progress)
            return self._finish(conn, SET, pairs, kind=kind, table=kind, column=spec.column, value=target)

    def trash(self, ids: Sequence[int], progress: Progress = NO_PROGRESS) -> BulkChange:
        """Move every entry of `ids` to the Trash (those there already stay as they are)."""
        with self._transaction() as conn:
            at = now_iso()
            moved: list[int] = []
            with relisted_at_end(conn) as relist:
                for done, chunk in enumerate(_chunks(ids)):
                    progress.step(done * CHUNK, len(ids))
                    moved += [
                        r[0]
                        for r in conn.execute(
                            f"UPDATE entity SET deleted_at = ? WHERE id IN ({_IN}) AND deleted_at IS NULL "
                            "RETURNING id",
                            (at, chunk),
                        )
                    ]
                relist.entries(moved)
            return BulkChange(TRASH, self._kind_of(conn, moved, strict=False), tuple(moved), at)

    # --- undo and redo ---------------------------------------------------------------------

    def undo(self, change: BulkChange, progress: Progress = NO_PROGRESS) -> BulkChange:
        with self._transaction() as conn:
            if change.action == TRASH:
                with relisted_at_end(conn) as relist:
                    for chunk in self._steps(change.ids, progress):
                        conn.execute(f"UPDATE entity SET deleted_at = NULL WHERE id IN ({_IN})", (chunk,))
                    relist.entries(change.ids)
                return change
            if change.action == SET:
                old = [(v if self._exists(conn, v) else None, ids) for v, ids in change.groups]
                self._write(conn, change.table, change.column, old, progress)
            for value, ids in change.groups:
                if change.action == ADD_TAGS:
                    found = conn.execute("SELECT id FROM tag WHERE name = ?", (value,)).fetchone()
                    if found is not None:
                        for chunk in self._steps(ids, progress):
                            conn.execute(
                                f"DELETE FROM entity_tag WHERE tag_id = ? AND entity_id IN ({_IN})",
                                (found[0], chunk),
                            )
                elif change.action == REMOVE_TAGS:
                    self._link(conn, str(value), ids, progress)
            if change.action == ADD_TAGS:
                drop_unused_tags(conn)
            for stamp, ids in change.stamps:
                for chunk in _chunks(ids):
                    conn.execute(f"UPDATE entity SET updated_at = ? WHERE id IN ({_IN})", (stamp, chunk))
        return change

    def redo(self, change: BulkChange, progress: Progress = NO_PROGRESS) -> BulkChange:
        with self._transaction() as conn:
            if change.action == TRASH:
                with relisted_at_end(conn) as relist:
                    for chunk in self._steps(change.ids, progress):
                        conn.execute(
                            f"UPDATE entity SET deleted_at = ? WHERE id IN ({_IN}) AND deleted_at IS NULL",
                            (change.at, chunk),
                        )
                    relist.entries(change.ids)
                return change
            if change.action == SET and change.value is not None and not self._exists(conn, change.value):
                raise EditingError(T_("Bulk", "The entry they were set to has been deleted since."))
            if change.action == SET:
                self._write(conn, change.table, change.column, [(change.value, change.ids)], progress)
            for value, ids in change.groups:
                if change.action == ADD_TAGS:
                    self._link(conn, str(value), ids, progress)
                elif change.action == REMOVE_TAGS:
                    found = conn.execute("SELECT id FROM tag WHERE name = ?", (value,)).fetchone()
                    if found is not None:
                        for chunk in self._steps(ids, progress):
                            conn.execute(
                                f"DELETE FROM entity_tag WHERE tag_id = ? AND entity_id IN ({_IN})",
                                (found[0], chunk),
                            )
            if change.action == REMOVE_TAGS:
                drop_unused_tags(conn)
            for chunk in _chunks(change.ids):
                conn.execute(f"UPDATE entity SET updated_at = ? WHERE id IN ({_IN})", (change.at, chunk))
        return change

    # --- pieces ----------------------------------------------------------------------------

    @staticmethod
    def _steps(ids: Sequence[int], progress: Progress) -> Iterator[str]:
        for done, chunk in enumerate(_chunks(ids)):
            progress.step(done * CHUNK, len(ids))
            yield chunk

    @staticmethod
    def _stored(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[int, str]]:
        names = dict(conn.execute(f"SELECT id, name FROM tag WHERE id IN ({_IN})", (json.dumps(ids),)))
        return [(tid, str(names[tid])) for tid in ids]

    def _link(self, conn: sqlite3.Connection, name: str, ids: Sequence[int], progress: Progress) -> None:
        """Tag the entries of `ids` still there with `name` (made again if it was dropped)."""
        tid = tag_ids(conn, [name])[0]
        for chunk in self._steps(ids, progress):
            conn.execute(
                f"INSERT OR IGNORE INTO entity_tag (entity_id, tag_id) SELECT e.id, ? FROM entity e "
                f"WHERE e.id IN ({_IN})",
                (tid, chunk),
            )

    @staticmethod
    def _write(
        conn: sqlite3.Connection,
        table: str,
        column: str,
        writes: Sequence[tuple[object, Sequence[int]]],
        progress: Progress,
    ) -> None:
        """Set `column` of `table` to each value of `writes` on its entries. The lists' rows of
        them all are brought up to date once, at the end: per value (an undo puts back as many
        countries as there were) each time took the lists' fixed cost again."""
        total = sum(len(ids) for _v, ids in writes)
        done: list[int] = []
        with relisted_at_end(conn) as relist:
            for value, ids in writes:
                for chunk in _chunks(ids):
                    progress.step(len(done), total)
                    conn.execute(f"UPDATE {table} SET {column} = ? WHERE id IN ({_IN})", (value, chunk))
                done += ids
            relist.entries(done, written=column)

    @staticmethod
    def _exists(conn: sqlite3.Connection, entity_id: object) -> bool:
        return entity_id is not None and bool(
            conn.execute("SELECT 1 FROM entity WHERE id = ?", (entity_id,)).fetchone()
        )

    @staticmethod
    def _kind_of(conn: sqlite3.Connection, ids: Sequence[int], *, strict: bool = True) -> str:
        kinds = {
            k
            for chunk in _chunks(ids)
            for (k,) in conn.execute(f"SELECT DISTINCT kind FROM entity WHERE id IN ({_IN})", (chunk,))
        }
        if len(kinds) == 1:
            return str(kinds.pop())
        if strict:
            raise EditingError(
                T_("Bulk", "Choose entries of one kind.")
                if kinds
                else T_("Bulk", "These entries no longer exist.")
            )
        return ""

    @staticmethod
    def _check_target(conn: sqlite3.Connection, target: int, spec: FieldSpec) -> None:
        found = conn.execute("SELECT kind, deleted_at FROM entity WHERE id = ?", (target,)).fetchone()
        if found is None or found[1] is not None or found[0] not in spec.kinds:
            raise EditingError(_no_such(spec))

    def _finish(
        self,
        conn: sqlite3.Connection,
        action: str,
        pairs: list[tuple[object, int]],
        *,
        kind: str | None = None,
        table: str = "",
        column: str = "",
        value: int | None = None,
        tags: tuple[str, ...] = (),
    ) -> BulkChange:
        """Stamp the entries changed with the time and say what was done."""
        at = now_iso()
        changed = list(dict.fromkeys(i for _v, i in pairs))
        stamps: list[tuple[object, int]] = []
        for chunk in _chunks(changed):
            stamps += conn.execute(
                f"SELECT updated_at, id FROM entity WHERE id IN ({_IN})", (chunk,)
            ).fetchall()
            conn.execute(f"UPDATE entity SET updated_at = ? WHERE id IN ({_IN})", (at, chunk))
        return BulkChange(
            action,
            kind if kind is not None else self._kind_of(conn, changed, strict=False),
            tuple(changed),
            at,
            groups=_grouped(pairs),
            stamps=tuple((str(v), ids) for v, ids in _grouped(stamps)),
            table=table,
            column=column,
            value=value,
            tags=tags,
        )


def _no_such(spec: FieldSpec) -> Text:
    if spec.kinds == ("country",):
        return T_("Bulk", "Choose a country in the library.")
    return T_("Bulk", "Choose an organization in the library.")
