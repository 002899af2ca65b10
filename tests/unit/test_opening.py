"""What start-up decides about a file: damaged, not ours, read-only, unsafe, in use — each with
a way forward, and never a byte written to a file that failed its check."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.db.database import (
    CheckStopped,
    Database,
    DatabaseReadOnly,
    DatabaseRefused,
    Refusal,
    State,
    inspect,
    open_database,
    quick_check,
)
from app.paths import resolve_db_path
from app.services import backups, locations, opening
from app.services.opening import (
    Option,
    StartupCheck,
    assess,
    failed_check_problem,
    in_use_problem,
    open_read_only,
    readable,
)
from tests.builders import damage


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


DAMAGES: dict[str, Callable[[Path], Path]] = {
    "header": damage.flip_header,
    "magic": damage.flip_magic,
    "entity-page": lambda p: damage.flip_page(p, "entity"),
    "index-page": lambda p: damage.flip_page(p, "ix_note_revision_note_id_created_at"),
    "truncated": damage.truncate,
}


@pytest.mark.parametrize("how", list(DAMAGES))
def test_every_damaged_file_leads_to_a_recovery_path_without_a_write(seeded_path: Path, how: str) -> None:
    backups.backup_now(seeded_path)  # the researcher has a backup from before the damage
    DAMAGES[how](seeded_path)
    before = digest(seeded_path)

    found = assess(seeded_path)
    if found.problem is not None:
        # damage visible on opening: explained, with restore offered first
        assert found.problem.title == "This database is damaged"
        assert found.problem.options[0] is Option.RESTORE
        assert Option.CHOOSE in found.problem.options and Option.QUIT in found.problem.options
        assert "has not written anything" in found.problem.explanation
        with pytest.raises(DatabaseRefused):
            open_database(seeded_path)  # not migrated, not seeded, not touched
    else:
        # damage deeper in the file: the start-up check finds it, and writes are refused
        check = StartupCheck(seeded_path)
        db = Database(seeded_path)
        db.hold_writes(check.gate)
        assert check.run() != ("ok",) and not check.passed
        with pytest.raises(DatabaseReadOnly, match="failed its start-up check"):
            db.sessions  # noqa: B018 - asking for the write path is the point
        problem = failed_check_problem(seeded_path, check.problems or ())
        assert problem.options[0] is Option.RESTORE and Option.READ_ONLY in problem.options
        db.close()
    assert digest(seeded_path) == before
    for side in ("-wal", "-journal"):  # (-shm is SQLite's index of the WAL, not data)
        wal = seeded_path.with_name(seeded_path.name + side)
        assert not wal.exists() or wal.stat().st_size == 0


def test_a_damaged_file_without_backups_offers_reading_it(seeded_path: Path) -> None:
    damage.flip_page(seeded_path, "citation")
    problem = assess(seeded_path).problem
    assert problem is None  # the tables the window needs first still read
    assert readable(seeded_path)
    assert quick_check(seeded_path) != ("ok",)
    problem = failed_check_problem(seeded_path, quick_check(seeded_path))
    assert Option.RESTORE not in problem.options
    assert problem.options[0] is Option.READ_ONLY


def test_a_file_that_is_not_sqlite_and_has_no_backups_only_offers_another_file(tmp_path: Path) -> None:
    path = tmp_path / "essay.sqlite3"
    path.write_text("My essay", encoding="utf-8")
    problem = assess(path).problem
    assert problem is not None and problem.options == (Option.CHOOSE, Option.QUIT)
    assert "not an SQLite file" in problem.explanation
    assert path.read_text(encoding="utf-8") == "My essay"


def test_read_only_mode_writes_nothing(seeded_path: Path) -> None:
    before = digest(seeded_path)
    db = open_read_only(seeded_path, "testing")
    try:
        assert db.read_only
        assert db.read().execute("SELECT count(*) FROM entity").fetchone()[0] > 0
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            db.read().execute("UPDATE entity SET name = 'x'")
        with pytest.raises(DatabaseReadOnly, match="testing"):
            db.sessions  # noqa: B018
    finally:
        db.close()
    assert digest(seeded_path) == before


def test_switching_to_read_only_stops_open_connections_writing(seeded_db: Database) -> None:
    conn = seeded_db.read()
    conn.execute("UPDATE entity SET name = 'fine' WHERE slug = 'chen-gang'")
    seeded_db.make_read_only("the start-up check found damage")
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("UPDATE entity SET name = 'not fine' WHERE slug = 'chen-gang'")
    with pytest.raises(DatabaseReadOnly):
        seeded_db.sessions  # noqa: B018


def test_stop_reading_stops_a_read_on_another_thread(seeded_db: Database) -> None:
    """A read running on a worker thread when the window lets go of the file ends at once
    (the window waits for it before closing the connection under it)."""
    started, stopped = threading.Event(), threading.Event()
    result: list[Exception] = []

    def long_read() -> None:
        conn = seeded_db.read()
        started.set()
        try:  # a query that would run for minutes
            conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
            ).fetchone()
        except sqlite3.Error as exc:
            result.append(exc)
        stopped.set()

    worker = threading.Thread(target=long_read)
    worker.start()
    assert started.wait(10)
    assert not seeded_db.closed
    for _ in range(200):  # an interrupt before the statement has begun does nothing
        seeded_db.stop_reading()
        if stopped.wait(0.05):
            break
    worker.join(10)
    assert [type(e).__name__ for e in result] == ["OperationalError"] and seeded_db.closed
    seeded_db.close()


def _interrupted_while_reading(conn: sqlite3.Connection, interrupt: Callable[[], None]) -> None:
    """Call `interrupt` once SQLite is under way with the statement (as another thread would:
    an interrupt before a statement begins does nothing)."""

    def step() -> int:
        interrupt()
        return 0  # go on: the interrupt is what ends it

    conn.set_progress_handler(step, 1)


def test_an_interrupted_quick_check_ends_without_a_verdict(seeded_path: Path) -> None:
    with pytest.raises(CheckStopped):
        quick_check(seeded_path, opened=lambda conn: _interrupted_while_reading(conn, conn.interrupt))
    assert quick_check(seeded_path) == ("ok",)  # the file is sound: "stopped" said nothing of it


def test_a_start_up_check_stopped_while_it_runs_has_not_passed(
    seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting (or opening another file) while a large library is being checked stops the
    check: no verdict, writes refused, and nothing read afterwards."""
    check = StartupCheck(seeded_path)
    real = quick_check

    def stopped_while_reading(path: Path, opened: Callable[[sqlite3.Connection], None]) -> tuple[str, ...]:
        def also_stop(conn: sqlite3.Connection) -> None:
            opened(conn)
            _interrupted_while_reading(conn, check.stop)  # the window's thread, on quitting

        return real(path, opened=also_stop)

    monkeypatch.setattr(opening, "quick_check", stopped_while_reading)
    assert check.run() == () and check.problems is None and not check.passed
    with pytest.raises(DatabaseReadOnly):
        check.gate()


def test_a_start_up_check_stopped_before_it_began_reads_nothing(seeded_path: Path) -> None:
    check = StartupCheck(seeded_path)
    check.stop()
    seeded_path.write_bytes(b"")  # were it read, this file would fail the check
    assert check.run() == () and check.problems is None and not check.passed


def test_a_read_only_location_opens_read_only_by_injection(
    seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "app.services.opening.write_problem",
        lambda _p: "the folder cannot be written to (Read-only file system)",
    )
    found = assess(seeded_path)
    assert found.problem is None
    assert found.read_only_reason is not None and "Read-only file system" in found.read_only_reason
    new = assess(seeded_path.with_name("new.sqlite3"))
    assert new.problem is not None and new.problem.title == "Roundtable cannot write here"
    assert Option.READ_ONLY not in new.problem.options


def test_write_problem_finds_a_read_only_file(seeded_path: Path) -> None:
    import os

    assert locations.write_problem(seeded_path) is None
    if os.geteuid() == 0:  # root may write anyway; the real read-only mount is tested in test_real_disks
        pytest.skip("permissions do not bind root")
    seeded_path.chmod(0o444)
    try:
        assert "cannot be written" in (locations.write_problem(seeded_path) or "")
    finally:
        seeded_path.chmod(0o644)


def test_in_use_offers_read_only_only_when_readable(tmp_path: Path) -> None:
    problem = in_use_problem(tmp_path / "r.sqlite3", "`roundtable import` (process 12)", can_read=True)
    assert problem.options == (Option.READ_ONLY, Option.RETRY, Option.QUIT)
    assert "roundtable import" in problem.explanation and "roundtable import" in problem.read_only_reason
    assert Option.READ_ONLY not in in_use_problem(tmp_path / "r", "x", can_read=False).options


def test_damaged_migration_is_refused_before_any_write(
    seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older file that fails its check is not migrated (migrating rewrites tables)."""
    from app.db import database

    damage.flip_page(seeded_path, "citation")
    # Pretend this build knows one revision more, so the file is behind and would be migrated.
    monkeypatch.setattr(database, "HEAD", "9999_future")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*database.KNOWN_REVISIONS, "9999_future"))
    before = digest(seeded_path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(seeded_path)
    assert refused.value.reason is Refusal.DAMAGED
    assert digest(seeded_path) == before
    assert backups.list_backups(seeded_path, counts=False) == []


def test_the_tables_at_head_are_what_the_migrations_make(empty_template: Path) -> None:
    from app.db.database import TABLES_AT_HEAD

    conn = sqlite3.connect(empty_template)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    shadows = {t for t in tables if t.endswith(("_fts_data", "_fts_idx", "_fts_config", "_fts_docsize"))}
    assert tables - shadows == TABLES_AT_HEAD


def test_a_library_missing_a_table_is_refused_as_damaged_before_any_write(seeded_path: Path) -> None:
    conn = sqlite3.connect(seeded_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE note_link")
    conn.close()
    before = digest(seeded_path)
    with pytest.raises(DatabaseRefused, match="its table note_link is missing") as refused:
        open_database(seeded_path)
    assert refused.value.reason is Refusal.DAMAGED
    problem = assess(seeded_path).problem
    assert problem is not None and problem.title == "This database is damaged"
    assert digest(seeded_path) == before
    assert sorted(p.name for p in seeded_path.parent.iterdir()) == ["roundtable.sqlite3"]


def test_looking_at_a_file_in_wal_mode_leaves_nothing_beside_it(seeded_path: Path) -> None:
    """Reading a WAL-mode file makes SQLite create -wal and -shm beside it, read-only or not,
    and leave them: every look before the file is known to be ours and sound must not."""
    folder = seeded_path.parent
    assert sorted(p.name for p in folder.iterdir()) == ["roundtable.sqlite3"]
    with seeded_path.open("rb") as fh:
        assert fh.read(20)[18:20] == b"\x02\x02"  # in WAL mode, with no -wal beside it
    before = digest(seeded_path)
    assert inspect(seeded_path).state is State.CURRENT
    assert quick_check(seeded_path) == ("ok",)
    assert readable(seeded_path)  # what the window asks of a damaged file before offering it
    assert sorted(p.name for p in folder.iterdir()) == ["roundtable.sqlite3"]
    assert digest(seeded_path) == before


def test_a_reader_takes_away_the_log_it_made_and_no_one_elses(seeded_path: Path) -> None:
    from app.db.connection import connect
    from app.db.database import log_file

    folder = seeded_path.parent
    db = open_read_only(seeded_path, "testing")  # the first to open it since its writer closed
    db.read().execute("SELECT count(*) FROM entity").fetchone()
    assert log_file(seeded_path).exists()
    db.close()
    assert sorted(p.name for p in folder.iterdir()) == ["roundtable.sqlite3"]

    db = open_read_only(seeded_path, "testing")
    db.read().execute("SELECT count(*) FROM entity").fetchone()
    writer = connect(seeded_path)  # another program opens it meanwhile ...
    writer.execute("SELECT count(*) FROM note").fetchone()
    db.close()  # ... so its log stays, for it to write in
    assert log_file(seeded_path).exists()
    writer.execute("UPDATE entity SET name = 'Written meanwhile' WHERE slug = 'chen-gang'")
    writer.close()
    conn = sqlite3.connect(seeded_path)
    assert conn.execute("SELECT name FROM entity WHERE slug = 'chen-gang'").fetchone() == (
        "Written meanwhile",
    )
    conn.close()


def test_a_socket_folder_or_loop_of_links_is_refused_before_anything_opens_it(tmp_path: Path) -> None:
    """(A FIFO, whose opening waits for a writer for ever: tests/hostile/test_cli_paths.py.)"""
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "socket.sqlite3"))
    try:
        with pytest.raises(DatabaseRefused, match="is a socket, not an ordinary file") as refused:
            inspect(tmp_path / "socket.sqlite3")
        assert refused.value.reason is Refusal.NOT_A_FILE
    finally:
        server.close()
    with pytest.raises(DatabaseRefused, match="is a folder") as refused:
        inspect(tmp_path)
    assert refused.value.reason is Refusal.FOLDER
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(DatabaseRefused, match="cannot be read") as refused:
        inspect(resolve_db_path(str(tmp_path / "a")))
    assert refused.value.reason is Refusal.UNREADABLE


def test_the_database_path_is_the_real_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real" / "library.sqlite3"
    real.parent.mkdir()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    monkeypatch.chdir(tmp_path)
    assert resolve_db_path("link.sqlite3") == real
    monkeypatch.setenv("ROUNDTABLE_DB", str(link))
    assert resolve_db_path(None) == real


# --- unsafe locations ---------------------------------------------------------------------------

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /home/ana/shared nfs4 rw,relatime 0 0
//nas/research /mnt/nas\\040drive cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/ana/shared/roundtable.sqlite3", "nfs4"),
        ("/home/ana/shared", "nfs4"),
        ("/mnt/nas drive/r.sqlite3", "cifs"),
        ("/home/ana/sharedother/r.sqlite3", None),
        ("/tmp/r.sqlite3", None),
        ("/home/ana/r.sqlite3", None),
    ],
)
def test_network_shares_are_recognised(path: str, expected: str | None) -> None:
    assert locations.network_filesystem(Path(path), MOUNTS) == expected


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ana/Dropbox/research/r.sqlite3", "Dropbox"),
        ("C:/Users/Ana/OneDrive/r.sqlite3", "OneDrive"),
        ("C:/Users/Ana/OneDrive - Universiti Malaya/r.sqlite3", "OneDrive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/r.sqlite3", "iCloud Drive"),
        (
            "/Users/ana/Library/CloudStorage/GoogleDrive-ana@x.org/My Drive/r.sqlite3",
            "a cloud storage provider",
        ),
        ("/home/ana/Google Drive/r.sqlite3", "Google Drive"),
        ("/home/ana/research/r.sqlite3", None),
        ("/home/ana/dropbox-notes.sqlite3", None),  # the file's own name does not count
    ],
)
def test_synced_folders_are_recognised(path: str, service: str | None) -> None:
    assert locations.cloud_service(Path(path)) == service


def test_an_unsafe_location_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    target = folder / "r.sqlite3"
    shutil.copy(Path(__file__), folder / "unrelated.py")
    warning = assess(target, mounts="/dev/sda1 / ext4 rw 0 0\n").location_warning
    assert warning is not None and "Dropbox" in warning and "damage" in warning
    assert assess(tmp_path / "r.sqlite3", mounts="/dev/sda1 / ext4 rw 0 0\n").location_warning is None


def test_a_write_before_the_start_up_check_has_begun_runs_it_and_goes_ahead(seeded_path: Path) -> None:
    """The window starts the check after its first paint; a write that comes first must not
    wait for a check nobody started (the window's thread would hang): it runs it."""
    check = StartupCheck(seeded_path)
    db = Database(seeded_path)
    try:
        db.hold_writes(check.gate)
        writer = threading.Thread(target=db.check_writable)  # what every write asks first
        writer.start()
        writer.join(timeout=30)
        assert not writer.is_alive(), "the write waited for a check that never started"
        assert check.passed
        assert check.run() == ("ok",)  # once: later calls give the same answer
    finally:
        db.close()
