"""Floors made of the app's own SQL: record what a service runs, replay it on plain sqlite3.

`Recorder` stands in for a sqlite3 connection: every statement goes through to the real
connection, and it keeps the statement, its parameters and how many rows the caller read.
`replay` runs the same statements on another connection and reads the same number of rows,
so the floor does exactly the database work the app did and nothing else (no Python objects
built from the rows, no ranking, no Qt).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.db.connection import register_functions

ALL = -1  # rows: the caller read every row


@dataclass
class Statement:
    sql: str
    params: Any
    rows: int = 0
    exhausted: bool = False
    many: bool = False  # executemany: params is a list of parameter sets


class _Cursor:
    def __init__(self, cursor: sqlite3.Cursor, record: Statement) -> None:
        self._cursor = cursor
        self._record = record

    def _took(self, rows: Sequence[Any] | None, asked: int | None = None) -> None:
        if rows is None:
            self._record.exhausted = True
            return
        self._record.rows += len(rows)
        if asked is None or len(rows) < asked:
            self._record.exhausted = True

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        try:
            row = next(self._cursor)
        except StopIteration:
            self._record.exhausted = True
            raise
        self._record.rows += 1
        return row

    def fetchone(self) -> Any:
        row = self._cursor.fetchone()
        self._took(None if row is None else [row], 1)
        return row

    def fetchall(self) -> list[Any]:
        rows = self._cursor.fetchall()
        self._took(rows)
        return rows

    def fetchmany(self, size: int = 1) -> list[Any]:
        rows = self._cursor.fetchmany(size)
        self._took(rows, size)
        return rows

    def close(self) -> None:
        self._cursor.close()

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid


class Recorder:
    """A sqlite3 connection that remembers what was asked of it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.statements: list[Statement] = []

    def execute(self, sql: str, params: Any = ()) -> _Cursor:
        record = Statement(sql, params)
        self.statements.append(record)
        return _Cursor(self.conn.execute(sql, params), record)

    def executemany(self, sql: str, params: Iterable[Any]) -> sqlite3.Cursor:
        rows = list(params)
        self.statements.append(Statement(sql, rows, exhausted=True, many=True))
        return self.conn.executemany(sql, rows)

    def take(self) -> list[Statement]:
        taken, self.statements = self.statements, []
        return taken

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def plain_connection(path: Path) -> sqlite3.Connection:
    """sqlite3.connect in autocommit mode, as the app's connections are, and no pragmas. The
    functions the library's triggers call are registered: a write cannot run without them."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    register_functions(conn)
    return conn


def replay(conn: sqlite3.Connection, statements: Sequence[Statement]) -> int:
    """Run `statements` and read as many rows of each as the app did; returns rows read."""
    read = 0
    for s in statements:
        if s.many:
            conn.executemany(s.sql, s.params)
            continue
        cursor = conn.execute(s.sql, s.params)
        if s.exhausted:
            read += len(cursor.fetchall())
        elif s.rows:
            read += len(cursor.fetchmany(s.rows))
        cursor.close()
    return read
