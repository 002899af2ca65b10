"""Importing a table (CSV) of N officials into a library of a few thousand entries, against the
floor: the same file parsed by Python's csv module, and the rows the import wrote (the search
index's and the lists' included) written again by plain sqlite3 executemany, in one transaction,
into the same library.

    python -m benchmarks.tables [N] [--runs R]     (default 10,000 rows)

The app does what `roundtable import-table FILE --kind officials` does, and first what the
dialog does on opening the file: a check of every row that writes nothing (the dry run). Each
row names its country (by name, other name or ISO code), most a title at an organization (by
name) with a start date, some an other name in Chinese, a tag, or a source cited by its web
address. The library holds 40 countries, 50 sources, 49 organizations and 4,861 officials
(benchmarks/datafiles.py), so every row is looked up among entries that are there. No Qt.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.db.database import open_database
from app.services.importer import import_path
from benchmarks import datafiles
from benchmarks.importing import _FULL_TEXT, _new_rows, floor_copy
from benchmarks.measure import stopwatch

_BASE_ENTRIES = 5_000
_HANZI = "人工智能合作部长会议发展技术数字经济创新东盟论坛政策安全教育研究中心网络数据平台人才"
_TITLES = ("Minister", "Deputy Minister", "Director-General", "Adviser", "Ambassador")


@dataclass(frozen=True)
class Tabled:
    rows: int
    check: list[float]  # ms: the dry run (the dialog's check)
    app: list[float]  # ms: the import
    floor: list[float]  # ms: csv parse + the same rows by executemany
    parse: list[float]  # ms: the floor's parsing alone
    kilobytes: float
    summary: str


def write_table(path: Path, rows: int) -> None:
    """A CSV of `rows` new officials naming the entries of a datafiles library of 5,000."""
    shape = datafiles.Shape(_BASE_ENTRIES)
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Name", "Other names", "Country", "Title", "Organization", "Start", "Tags", "Source"])
    for n in range(rows):
        c = n % shape.countries
        country = f"Synthetic Country {c}" if n % 3 else datafiles._country_code(c)
        titled = n % 4 != 3
        w.writerow(
            [
                f"Table Official {n}",
                _HANZI[n % 30 : n % 30 + 3] if n % 10 == 0 else "",
                country,
                _TITLES[n % len(_TITLES)] if titled else "",
                f"Synthetic Organization {n % shape.organizations}" if titled else "",
                f"20{10 + n % 15}-0{1 + n % 9}" if titled else "",
                "imported, table" if n % 7 == 0 else "",
                f"https://example.org/synthetic/{n % shape.sources}" if titled and n % 5 == 0 else "",
            ]
        )
    path.write_text(out.getvalue(), encoding="utf-8")


def _floor(
    work: Path, before: Path, table: Path, rows: dict[str, tuple[list[str], list[tuple[object, ...]]]]
) -> tuple[float, float]:
    """Parse the CSV, then write `rows` into a copy of the library as it was: (total, parse) ms."""
    target = work / "floor.sqlite3"
    conn = floor_copy(before, target)
    parse: list[float] = []
    total: list[float] = []
    with stopwatch(total):
        with stopwatch(parse):
            list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
        conn.execute("BEGIN IMMEDIATE")
        for name, (columns, values) in rows.items():
            if name in {t for _, t, _ in _FULL_TEXT}:
                continue  # written below, through their full-text tables
            marks = ", ".join("?" * len(columns))
            verb = "INSERT OR REPLACE" if name in ("list_count", "tag") else "INSERT"
            conn.executemany(f"{verb} INTO {name} ({', '.join(columns)}) VALUES ({marks})", values)
        for fts, source, text_column in _FULL_TEXT:
            if source in rows:
                columns, values = rows[source]
                conn.executemany(
                    f"INSERT INTO {source} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    values,
                )
                id_at, text_at = columns.index("id"), columns.index(text_column)
                conn.executemany(
                    f"INSERT INTO {fts} (rowid, {text_column}) VALUES (?, ?)",
                    [(v[id_at], v[text_at]) for v in values],
                )
        conn.execute("COMMIT")
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return total[0], parse[0]


def _library(work: Path) -> Path:
    """The library the table goes into (made once)."""
    path = work / "base.sqlite3"
    data = work / "base.json"
    datafiles.write(data, _BASE_ENTRIES)
    db = open_database(path)
    try:
        import_path(db, data)
    finally:
        db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _import(library: Path, table_path: Path, *, dry_run: bool) -> tuple[float, str]:
    from app.io.tables import read_table
    from app.services.library import Library, Purpose
    from app.services.table_import import auto_mapping

    with Library.open(library, Purpose.WRITE, program="benchmark") as lib:
        start = time.perf_counter()
        table = read_table(table_path)
        report = lib.tables.run(table, "person", auto_mapping("person", table.headers), dry_run=dry_run)
        took = (time.perf_counter() - start) * 1000
    if report.problems:
        raise RuntimeError(f"the benchmark's table has problems: {report.problems[0].text()}")
    return took, str(report.summary())


def measure(work: Path, rows: int, runs: int) -> Tabled:
    """Check, then import, a table of `rows` new officials `runs` times, against the floor."""
    work.mkdir(parents=True, exist_ok=True)
    base = _library(work)
    table = work / f"officials-{rows}.csv"
    write_table(table, rows)
    small = work / "warm-up.csv"
    write_table(small, 10)
    check_ms: list[float] = []
    app_ms: list[float] = []
    floor_ms: list[float] = []
    parse_ms: list[float] = []
    summary = ""
    for n in range(runs + 1):  # the first, untimed, on 10 rows: modules loaded, as in a used window
        target = work / "library.sqlite3"
        shutil.copyfile(base, target)
        took, _ = _import(target, small if n == 0 else table, dry_run=True)
        check_ms.append(took)
        took, summary = _import(target, small if n == 0 else table, dry_run=False)
        app_ms.append(took)
        if n == 0:
            check_ms.clear()
            app_ms.clear()
            continue
        conn = sqlite3.connect(target)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        wrote = _new_rows(target, base)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        total, parse = _floor(work, base, table, wrote)
        floor_ms.append(total)
        parse_ms.append(parse)
    return Tabled(rows, check_ms, app_ms, floor_ms, parse_ms, table.stat().st_size / 1e3, summary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tables", description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roundtable-tables-") as folder:
        found = measure(Path(folder), args.rows, args.runs)
    for n, (check, app, floor, parse) in enumerate(
        zip(found.check, found.app, found.floor, found.parse, strict=True), 1
    ):
        print(
            f"run {n}: check {check / 1000:.2f} s, import {app / 1000:.2f} s; floor {floor / 1000:.2f} s "
            f"(parsing {parse / 1000:.2f} s); import {app / floor:.1f}× the floor"
        )
    print(f"{found.rows:,} rows, {found.kilobytes:.0f} kB of CSV: {found.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
