"""A canonical dump of a whole database, independent of the export code, for comparing two
libraries: every table of the models, each row with its integer ids replaced by the rows they
point at (recursively), as a sorted list. Two databases with the same content and different
row ids give the same dump."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.db.models import Base

# The import log and the file's own facts say how a library came to be, not what it holds.
_NOT_CONTENT = {"dataset_import", "meta"}


def canonical(path: Path) -> dict[str, list[Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    tables = [t for t in Base.metadata.sorted_tables if t.name not in _NOT_CONTENT]
    rows: dict[str, dict[int, sqlite3.Row]] = {}
    for table in tables:
        if "id" in table.c:
            rows[table.name] = {r["id"]: r for r in conn.execute(f"SELECT * FROM {table.name}")}
    foreign = {
        table.name: {
            col.name: next(iter(col.foreign_keys)).column.table.name for col in table.c if col.foreign_keys
        }
        for table in tables
    }
    memo: dict[tuple[str, int], Any] = {}

    def natural(table: str, row: sqlite3.Row) -> tuple[Any, ...]:
        out = []
        for key in row.keys():  # noqa: SIM118 (sqlite3.Row has keys(), not iteration over names)
            value = row[key]
            target = foreign[table].get(key)
            if key == "id" and table in rows and target is None:
                continue
            if target is not None and value is not None:
                value = pointed(target, value)
            out.append((key, value))
        return tuple(out)

    def pointed(table: str, row_id: int) -> Any:
        if (table, row_id) not in memo:
            memo[(table, row_id)] = natural(table, rows[table][row_id])
        return memo[(table, row_id)]

    dump: dict[str, list[Any]] = {}
    for table in tables:
        all_rows = conn.execute(f"SELECT * FROM {table.name}").fetchall()
        dump[table.name] = sorted((natural(table.name, r) for r in all_rows), key=repr)
    conn.close()
    return dump
