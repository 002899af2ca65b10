"""A full disk and a busy database: the write fails visibly, nothing is lost, retrying works.

The full disk is injected with PRAGMA max_page_count on the write connections (SQLite then
fails exactly as on a full disk: SQLITE_FULL); tests/unit/test_real_disks.py does it for real
on a tiny tmpfs where the machine allows it.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from app.db import connection
from app.db.database import Database, open_database
from app.db.errors import Trouble, explain
from app.io.datafile import read
from app.services.importer import import_file
from tests.conftest import MINI
from tests.unit.test_cli import run


def limit_growth(engine: Any, path: Path) -> None:
    """From now on the engine's connections cannot grow the file: a full disk, to SQLite."""
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    @event.listens_for(engine, "connect")
    def _full(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")


def snapshot(path: Path) -> tuple[int, int, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM entity").fetchone()[0],
            conn.execute("SELECT count(*) FROM note").fetchone()[0],
            [r[0] for r in conn.execute("PRAGMA integrity_check")],
        )
    finally:
        conn.close()


@pytest.fixture
def mini_file(tmp_path: Path) -> Path:
    """The mini fixture plus 300 more people: enough to need new pages in the file."""
    import yaml

    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    data = yaml.safe_load((folder / "mini.yaml").read_text(encoding="utf-8"))
    data["people"] += [
        {"slug": f"extra-{i}", "name": f"Extra Person {i}", "summary": "A longer summary. " * 20}
        for i in range(300)
    ]
    target = folder / "bigger.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def test_full_disk_during_import_loses_nothing_and_retry_works(seeded_path: Path, mini_file: Path) -> None:
    before = snapshot(seeded_path)
    db = open_database(seeded_path)
    try:
        limit_growth(db.engine, seeded_path)
        with pytest.raises(Exception) as failed:
            import_file(db, read(mini_file))
        failure = explain(failed.value)
        assert failure.trouble is Trouble.DISK_FULL and failure.can_retry
        assert "disk is full" in failure.message and "nothing was saved" in failure.message
        assert snapshot(seeded_path) == before
    finally:
        db.close()  # space freed: a new engine has no limit
    db = open_database(seeded_path)
    try:
        import_file(db, read(mini_file))
    finally:
        db.close()
    after = snapshot(seeded_path)
    assert after[0] > before[0] and after[2] == ["ok"]


@pytest.fixture
def full_disk_engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from app.db import engine as engine_module

    real = engine_module.make_engine

    def limited(path: Path | str, **kw: Any) -> Any:
        made = real(path, **kw)
        limit_growth(made, Path(path))
        return made

    monkeypatch.setattr(engine_module, "make_engine", limited)
    yield


def test_cli_import_on_a_full_disk_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, mini_file: Path, full_disk_engines: None
) -> None:
    before = snapshot(seeded_path)
    code, out, err = run(capsys, "--db", str(seeded_path), "import", str(mini_file))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "disk is full" in err and "was not imported" in err
    assert snapshot(seeded_path) == before


def test_a_busy_database_is_waited_for(seeded_db: Database) -> None:
    """Another program's write transaction: ours waits for it, then succeeds."""
    other = sqlite3.connect(seeded_db.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    with seeded_db.sessions.begin() as session:
        session.execute(text("UPDATE entity SET name = 'After the wait' WHERE slug = 'chen-gang'"))
    assert time.monotonic() - started >= 0.4  # it waited rather than failing at once
    other.close()
    name = seeded_db.read().execute("SELECT name FROM entity WHERE slug = 'chen-gang'").fetchone()[0]
    assert name == "After the wait"


def test_a_database_busy_for_too_long_is_explained(
    seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(seeded_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db = open_database(seeded_path)
    try:
        with pytest.raises(Exception) as failed, db.sessions.begin() as session:
            session.execute(text("UPDATE entity SET name = 'x'"))
        failure = explain(failed.value)
        assert failure.trouble is Trouble.BUSY and failure.can_retry
        assert "another program is writing" in failure.message
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()


@pytest.mark.parametrize(
    ("exc", "trouble"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), Trouble.DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), Trouble.READ_ONLY),
        (sqlite3.OperationalError("attempt to write a readonly database"), Trouble.READ_ONLY),
        (sqlite3.DatabaseError("database disk image is malformed"), Trouble.DAMAGED),
        (sqlite3.OperationalError("database is locked"), Trouble.BUSY),
        (sqlite3.OperationalError("disk I/O error"), Trouble.IO),
        (ValueError("a bug"), Trouble.OTHER),
    ],
)
def test_errors_in_plain_words(exc: BaseException, trouble: Trouble) -> None:
    failure = explain(exc)
    assert failure.trouble is trouble
    assert failure.message.endswith(".") and "Traceback" not in failure.message
