"""A tag added to 10,000 selected officials at once (Edit ▸ Selected Entries ▸ Add Tags…),
against the floor: the same 10,000 tag links inserted with plain sqlite3 by executemany in one
transaction, nothing else.

    python -m benchmarks.bulk DB [N] [--runs R]     (default 10,000 entries)

The app does what the window's action does (app/services/bulk.py): read which of the entries
lack the tag, link them, stamp each with the time of the change and keep what undo needs, all
in one transaction on a connection of its own, open from one action to the next as the
library's is (the first run opens it). After each timed run the change is undone (not
timed), so every run starts from the same library. Works on a copy of DB. No Qt.

Two more rows for writes to many existing entries, whose lists' rows and notes' order are
brought up to date once at the end (app/db/bulk_index.py): `measure_trash` moves the same
officials to the Trash (Edit ▸ Move to Trash) and back; `measure_merge` merges a country that
N officials name into another, then undoes it. Their floor is the rows themselves written by
plain sqlite3 with the lists' triggers set aside (and the Trash's list rows deleted): what any
way of doing it must write, before the lists show it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.db import list_index, note_sort
from app.db.connection import register_functions
from app.db.database import open_database
from app.services.bulk import Bulk
from app.services.merge import Merger
from app.services.writing import Writer
from benchmarks.measure import Row, Stats, no_target, stopwatch

TAG = "bench-bulk"


@dataclass(frozen=True)
class Measured:
    app: list[float]  # ms
    floor: list[float]
    undo: list[float]  # ms: one undo of the whole action
    entries: int


def measure(db_path: Path, work: Path, entries: int, runs: int) -> Measured:
    """Tag the first `entries` officials of a copy of `db_path`, `runs` times, against the
    bare inserts of the same links."""
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "bulk.sqlite3"
    shutil.copyfile(db_path, copy)
    db = open_database(copy)
    app: list[float] = []
    floor: list[float] = []
    undo: list[float] = []
    bulk = Bulk(db)
    try:
        ids = [
            r[0]
            for r in db.read().execute(
                "SELECT id FROM entity WHERE kind = 'person' AND deleted_at IS NULL ORDER BY id LIMIT ?",
                (entries,),
            )
        ]
        for _ in range(runs):
            with stopwatch(app):
                change = bulk.add_tags(ids, TAG)
            assert change.count == len(ids)
            with stopwatch(undo):
                bulk.undo(change)
            floor.append(_bare_inserts(copy, ids))
    finally:
        bulk.close()
        db.close()
    return Measured(app, floor, undo, len(ids))


def _bare_inserts(path: Path, ids: list[int]) -> float:
    """The links inserted in one transaction with plain sqlite3 (timed), then taken out again."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        tag = conn.execute("INSERT INTO tag (name) VALUES (?)", (TAG,)).lastrowid
        conn.execute("COMMIT")
        timed: list[float] = []
        with stopwatch(timed):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO entity_tag (entity_id, tag_id) VALUES (?, ?)", [(i, tag) for i in ids]
            )
            conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM entity_tag WHERE tag_id = ?", (tag,))
        conn.execute("DELETE FROM tag WHERE id = ?", (tag,))
        conn.execute("COMMIT")
        return timed[0]
    finally:
        conn.close()


def measure_trash(db_path: Path, work: Path, entries: int, runs: int) -> Measured:
    """Move the first `entries` officials of a copy of `db_path` to the Trash (timed) and back
    (timed as `undo`), `runs` times, against the bare writes."""
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "trash.sqlite3"
    shutil.copyfile(db_path, copy)
    db = open_database(copy)
    app: list[float] = []
    floor: list[float] = []
    undo: list[float] = []
    bulk = Bulk(db)
    try:
        ids = _officials(copy, entries)
        for _ in range(runs):
            with stopwatch(app):
                change = bulk.trash(ids)
            assert change.count == len(ids)
            with stopwatch(undo):
                bulk.undo(change)
            floor.append(
                _bare(
                    copy,
                    (
                        "UPDATE entity SET deleted_at = '2026-01-01' WHERE id IN (SELECT value FROM json_each(?))",
                        "DELETE FROM list_row WHERE id IN (SELECT value FROM json_each(?))",
                    ),
                    json.dumps(ids),
                )
            )
    finally:
        bulk.close()
        db.close()
    return Measured(app, floor, undo, len(ids))


def measure_merge(db_path: Path, work: Path, entries: int, runs: int) -> Measured:
    """Merge into another country one that the first `entries` officials of a copy of
    `db_path` name (set once, not timed), then undo it (timed as `undo`), `runs` times."""
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "merge.sqlite3"
    shutil.copyfile(db_path, copy)
    db = open_database(copy)
    app: list[float] = []
    floor: list[float] = []
    undo: list[float] = []
    writer = Writer(db)
    bulk = Bulk(db)
    try:
        ids = _officials(copy, entries)
        merged, kept = (
            r[0]
            for r in db.read().execute(
                "SELECT id FROM entity WHERE kind = 'country' AND deleted_at IS NULL ORDER BY id LIMIT 2"
            )
        )
        bulk.set_field(ids, "country", merged)
        merger = Merger(writer)
        for _ in range(runs):
            with stopwatch(app):
                done = merger.merge([kept, merged], kept)
            with stopwatch(undo):
                merger.undo(done)
            floor.append(
                _bare(
                    copy,
                    tuple(
                        f"UPDATE {table} SET country_id = {kept} WHERE country_id IN (SELECT value FROM json_each(?))"
                        for table in ("person", "organization", "event", "role")
                    ),
                    json.dumps([merged]),
                )
            )
    finally:
        bulk.close()
        writer.close()
        db.close()
    return Measured(app, floor, undo, len(ids))


def _officials(path: Path, entries: int) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM entity WHERE kind = 'person' AND deleted_at IS NULL ORDER BY id LIMIT ?",
                (entries,),
            )
        ]
    finally:
        conn.close()


def _bare(path: Path, statements: tuple[str, ...], param: str) -> float:
    """`statements` (each with the one parameter) in one transaction with plain sqlite3, the
    lists' and the notes' row-at-a-time triggers set aside (timed), then rolled back."""
    conn = sqlite3.connect(path, isolation_level=None)
    register_functions(conn)
    try:
        conn.execute("BEGIN IMMEDIATE")
        for name in (*list_index.trigger_names(), *note_sort.TRIGGER_NAMES):
            if not name.startswith("list_row_"):
                conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        timed: list[float] = []
        with stopwatch(timed):
            for statement in statements:
                conn.execute(statement, (param,))
        conn.execute("ROLLBACK")
        return timed[0]
    finally:
        conn.close()


def rows(db_path: Path, work: Path, entries: int, runs: int) -> list[Row]:
    """The benchmark's rows for Move to Trash and a merge (benchmarks/run.py, group bulk)."""
    trashed = measure_trash(db_path, work / "trash", entries, runs)
    merged = measure_merge(db_path, work / "merge", entries, runs)
    return [
        Row(
            f"move {trashed.entries:,} selected rows to the Trash",
            "ms",
            trashed.app,
            trashed.floor,
            no_target(),
            "the same deleted_at and list rows deleted, plain sqlite3",
            [f"one undo of it: {Stats.of(trashed.undo).median:.0f} ms (median)"],
        ),
        Row(
            f"merge a country that {merged.entries:,} officials name",
            "ms",
            merged.app,
            merged.floor,
            no_target(),
            "the same references moved, plain sqlite3, lists not updated",
            [f"one undo of it: {Stats.of(merged.undo).median:.0f} ms (median)"],
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bulk", description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a library holding at least N officials")
    parser.add_argument("entries", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roundtable-bulk-") as folder:
        for what, how in (
            ("bulk tag", measure),
            ("move to Trash", measure_trash),
            ("merge a country of", measure_merge),
        ):
            found = how(args.db, Path(folder), args.entries, args.runs)
            app, floor, undo = Stats.of(found.app), Stats.of(found.floor), Stats.of(found.undo)
            print(
                f"{what} {found.entries:,} selected rows: app {app.median:.0f} ms (p95 {app.p95:.0f}), "
                f"floor {floor.median:.0f} ms (p95 {floor.p95:.0f}), ratio {app.median / floor.median:.1f}; "
                f"one undo of it {undo.median:.0f} ms",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
