"""A tag added to 10,000 selected officials at once (Edit ▸ Selected Entries ▸ Add Tags…),
against the floor: the same 10,000 tag links inserted with plain sqlite3 by executemany in one
transaction, nothing else.

    python -m benchmarks.bulk DB [N] [--runs R]     (default 10,000 entries)

The app does what the window's action does (app/services/bulk.py): read which of the entries
lack the tag, link them, stamp each with the time of the change and keep what undo needs, all
in one transaction on a connection of its own, open from one action to the next as the
library's is (the first run opens it). After each timed run the change is undone (not
timed), so every run starts from the same library. Works on a copy of DB. No Qt.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.db.database import open_database
from app.services.bulk import Bulk
from benchmarks.measure import Stats, stopwatch

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bulk", description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a library holding at least N officials")
    parser.add_argument("entries", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roundtable-bulk-") as folder:
        found = measure(args.db, Path(folder), args.entries, args.runs)
    app, floor, undo = Stats.of(found.app), Stats.of(found.floor), Stats.of(found.undo)
    print(
        f"bulk tag {found.entries:,} selected rows: app {app.median:.0f} ms (p95 {app.p95:.0f}), "
        f"floor {floor.median:.0f} ms (p95 {floor.p95:.0f}), ratio {app.median / floor.median:.1f}; "
        f"one undo of it {undo.median:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
