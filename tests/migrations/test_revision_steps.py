"""Each revision, one step at a time: up one and down one leaves exactly the schema it found, and
up again makes exactly the schema the way up made it (as securedrop-client checks its
migrations). pytest-alembic's test_up_down_consistency (test_alembic_tool.py) only asks that
every step runs; this compares what the steps leave, in sqlite_master: tables, indexes,
triggers and the search index's virtual tables, and the file's application id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db import migrate
from app.db.schema_version import KNOWN_REVISIONS
from tests.conftest import copy_db
from tests.migrations.stored_sql import normal

STEPS = tuple(zip(("base", *KNOWN_REVISIONS[:-1]), KNOWN_REVISIONS, strict=True))

Schema = frozenset[tuple[str, str, str, str]]


def schema(path: Path) -> Schema:
    """Every object of sqlite_master (type, name, table, statement) but Alembic's own version
    table (which a downgrade to base leaves behind, empty), and the application id; a set, so
    that a failure lists just the objects that differ."""
    conn = sqlite3.connect(path)
    try:
        app_id = str(conn.execute("PRAGMA application_id").fetchone()[0])
        objects = conn.execute(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE tbl_name <> 'alembic_version'"
        ).fetchall()
        return frozenset({("pragma", "application_id", "", app_id)}) | {
            (t, n, tbl, normal(sql)) for t, n, tbl, sql in objects
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def at(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A file at base (new and empty) and at each revision, made by one walk up the history."""
    folder = tmp_path_factory.mktemp("steps")
    work = folder / "walk.sqlite3"
    sqlite3.connect(work).close()
    files = {"base": copy_db(work, folder / "base.sqlite3")}
    for revision in KNOWN_REVISIONS:
        migrate.upgrade(work, revision)
        files[revision] = copy_db(work, folder / f"{revision}.sqlite3")
    return files


@pytest.mark.parametrize(("below", "revision"), STEPS, ids=[r for _, r in STEPS])
def test_up_one_down_one_restores_the_schema(
    below: str, revision: str, at: dict[str, Path], tmp_path: Path
) -> None:
    path = copy_db(at[below], tmp_path / "step.sqlite3")
    found = schema(path)
    migrate.upgrade(path, revision)
    made = schema(path)
    assert made != found, f"{revision} changed nothing"
    migrate.downgrade(path, below)
    assert schema(path) == found, f"down from {revision} to {below} did not restore {below}'s schema"
    migrate.upgrade(path, revision)
    assert schema(path) == made, f"{revision} made another schema the second time"
