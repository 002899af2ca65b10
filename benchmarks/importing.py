"""Importing a data file of N entries into an empty library, against the floor: parsing the same
file with the same parser, and writing every row the import left (the search index's and the
lists' included) with plain sqlite3 executemany, in one transaction, into the same schema.

    python -m benchmarks.importing [N] [--yaml] [--runs R]     (default 100,000 entries, JSON)

The floor does none of what only the app does: no validation, no reference checks, no ids to
hand out, no text to fold for search, no list columns to compute; its writes are the app's own
rows, read back from the imported library. Its schema's triggers are dropped, so each row is
written once (the app drops them too, and indexes at the end). No Qt here.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from app.db import list_index, search_index
from app.db.database import open_database
from app.services.importer import import_path
from benchmarks import datafiles
from benchmarks.measure import stopwatch
from benchmarks.replay import plain_connection

# What the floor writes straight into an FTS5 table: (table, the table its rows come from, columns).
_FULL_TEXT = (("search_fts", "search_doc", "text"), ("list_hay_fts", "list_hay", "hay"))


@dataclass(frozen=True)
class Imported:
    app: list[float]  # ms
    floor: list[float]
    parse: list[float]  # ms: the floor's parsing alone
    megabytes: float
    summary: str


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The tables an import writes rows to: all but SQLite's, Alembic's and the FTS5 tables'
    own (the floor writes the full-text rows through the FTS5 tables themselves)."""
    virtual = {name for name, _, _ in _FULL_TEXT}
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    shadows = {f"{v}_{part}" for v in virtual for part in ("data", "idx", "content", "docsize", "config")}
    return [
        name
        for name, sql in rows
        if not name.startswith("sqlite_")
        and name != "alembic_version"
        and name not in virtual
        and name not in shadows
        and not (sql or "").upper().startswith("CREATE VIRTUAL")
    ]


def _new_rows(imported: Path, empty: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Each table's rows in `imported` that `empty` does not hold, with the table's columns."""
    conn = sqlite3.connect(imported)
    conn.execute("ATTACH DATABASE ? AS before", (str(empty),))
    out: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
    for table in _tables(conn):
        columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        rows = conn.execute(f"SELECT * FROM main.{table} EXCEPT SELECT * FROM before.{table}").fetchall()
        if rows:
            out[table] = (columns, rows)
    conn.close()
    return out


def floor_copy(library: Path, target: Path) -> sqlite3.Connection:
    """A copy of `library` at `target`, opened as a floor writes: the app's journal settings,
    and none of the index triggers (a floor writes the rows, not the indexes' upkeep)."""
    shutil.copyfile(library, target)
    conn = plain_connection(target)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # as the app's connections (app/db/connection.py)
    for name in (*search_index.trigger_names(), *list_index.trigger_names()):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    return conn


def _floor(
    work: Path, empty: Path, data_file: Path, rows: dict[str, tuple[list[str], list[tuple[object, ...]]]]
) -> tuple[float, float]:
    """Parse the file, then write `rows` into a copy of the empty library: (total, parse) ms."""
    target = work / "floor.sqlite3"
    conn = floor_copy(empty, target)
    parse: list[float] = []
    total: list[float] = []
    with stopwatch(total):
        with stopwatch(parse):
            text = data_file.read_text(encoding="utf-8")
            if data_file.suffix == ".json":
                json.loads(text)
            else:  # the parser under the app's own checks: libyaml's safe loader
                yaml.load(text, Loader=yaml.CSafeLoader)
        conn.execute("BEGIN IMMEDIATE")
        for table, (columns, values) in rows.items():
            marks = ", ".join("?" * len(columns))
            verb = "INSERT OR REPLACE" if table == "list_count" else "INSERT"
            conn.executemany(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
        for fts, source, text_column in _FULL_TEXT:
            # The fastest plain way into FTS5: from its rows' table in one statement. (The
            # library copied was empty, so every row of `source` is one the import wrote.)
            conn.execute(f"INSERT INTO {fts} (rowid, {text_column}) SELECT id, {text_column} FROM {source}")
        conn.execute("COMMIT")
    conn.close()
    target.unlink()
    return total[0], parse[0]


def measure(work: Path, entries: int, runs: int, *, yaml: bool = False) -> Imported:
    """Import a file of `entries` entries into an empty library `runs` times, against the floor."""
    work.mkdir(parents=True, exist_ok=True)
    data_file = work / f"import-{entries}.{'yaml' if yaml else 'json'}"
    datafiles.write(data_file, entries)
    empty = work / "empty.sqlite3"
    open_database(empty).close()
    _warm_up(work, empty)
    app_ms: list[float] = []
    floor_ms: list[float] = []
    parse_ms: list[float] = []
    summary = ""
    for _ in range(runs):
        target = work / "library.sqlite3"
        shutil.copyfile(empty, target)
        db = open_database(target)
        try:
            start = time.perf_counter()
            report = import_path(db, data_file)
            app_ms.append((time.perf_counter() - start) * 1000)
        finally:
            db.close()
        summary = report.summary()
        rows = _new_rows(target, empty)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        total, parse = _floor(work, empty, data_file, rows)
        floor_ms.append(total)
        parse_ms.append(parse)
    size = data_file.stat().st_size / 1e6
    data_file.unlink()
    return Imported(app_ms, floor_ms, parse_ms, size, summary)


def _warm_up(work: Path, empty: Path) -> None:
    """One small import first, untimed: the modules loaded and the validators built, as in a
    window that has imported before (the first costs about 0.3 s more)."""
    small, target = work / "warm-up.json", work / "warm-up.sqlite3"
    datafiles.write(small, 10)
    shutil.copyfile(empty, target)
    db = open_database(target)
    try:
        import_path(db, small)
    finally:
        db.close()
    for path in (small, target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.importing", description=__doc__.splitlines()[0]
    )
    parser.add_argument("entries", nargs="?", type=int, default=100_000)
    parser.add_argument("--yaml", action="store_true", help="a YAML file instead of JSON")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roundtable-import-") as folder:
        found = measure(Path(folder), args.entries, args.runs, yaml=args.yaml)
    for n, (app, floor, parse) in enumerate(zip(found.app, found.floor, found.parse, strict=True), 1):
        print(
            f"run {n}: import {app / 1000:.1f} s; floor {floor / 1000:.1f} s (parsing {parse / 1000:.1f} s); "
            f"{app / floor:.2f}× the floor"
        )
    print(f"{args.entries:,} entries, {found.megabytes:.1f} MB: {found.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
