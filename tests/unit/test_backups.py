"""Backups: taken consistently, listed with counts, kept in a bounded set, restored safely."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.db.backup import parse_backup_name
from app.db.connection import APPLICATION_ID, connect
from app.db.database import open_database
from app.io.datafile import read
from app.paths import backups_dir
from app.services import backups
from app.services.backups import BackupInfo, BackupUnusable
from app.services.importer import import_file
from tests.builders import damage
from tests.conftest import MINI

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return (
            conn.execute("SELECT count(*) FROM entity WHERE deleted_at IS NULL").fetchone()[0],
            conn.execute("SELECT count(*) FROM note WHERE deleted_at IS NULL").fetchone()[0],
        )
    finally:
        conn.close()


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def write(path: Path, sql: str, *params: object) -> None:
    conn = connect(path)  # the app's connection: the search index's triggers need its functions
    try:
        conn.execute(sql, params)
    finally:
        conn.close()


def test_backup_now_lists_with_date_and_counts(seeded_path: Path) -> None:
    made = backups.backup_now(seeded_path)
    assert made.parent == backups_dir(seeded_path)
    assert integrity(made) == ["ok"]
    listed = backups.list_backups(seeded_path)
    assert [b.path for b in listed] == [made]
    info = listed[0]
    assert (info.entries, info.notes) == counts(seeded_path)
    assert info.label == "Backed up by you"
    assert abs((datetime.now(UTC) - info.taken_at).total_seconds()) < 120
    # a backup is one self-contained file: no WAL needed beside it
    assert not made.with_name(made.name + "-wal").exists()


def test_backups_in_the_same_second_get_their_own_names(seeded_path: Path) -> None:
    made = {backups.backup_now(seeded_path, backups.BEFORE_IMPORT) for _ in range(3)}
    assert len(made) == 3
    assert all(parse_backup_name(p.name) is not None for p in made)


def _info(when: datetime, reason: str) -> BackupInfo:
    return BackupInfo(Path(f"/b/r-{when:%Y%m%dT%H%M%S}-{reason}.sqlite3"), when, reason, 1)


def test_retention_keeps_seven_days_four_weeks_and_capped_safety_copies() -> None:
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    daily = [_info(start + timedelta(days=d, hours=h), "daily") for d in range(60) for h in (0, 5)]
    manual = [_info(start + timedelta(days=d, hours=2), "manual") for d in range(0, 60, 10)]
    imports = [_info(start + timedelta(days=d, hours=3), "before-import") for d in range(20)]
    migrations = [_info(start + timedelta(days=d), "before-migrating-from-000{d}") for d in range(8)]
    keep = backups.to_keep(daily + manual + imports + migrations)
    kept_routine = sorted(b.taken_at for b in daily + manual if b.path in keep)
    newest_day = (start + timedelta(days=59)).astimezone().date()
    days = {t.astimezone().date() for t in kept_routine}
    assert {newest_day - timedelta(days=n) for n in range(7)} <= days  # the last 7 days
    weeks = {t.astimezone().isocalendar()[:2] for t in kept_routine}
    assert len(weeks) >= 4  # and the 4 most recent weeks
    assert len(kept_routine) <= 7 + 4 + backups.KEEP_MANUAL
    # only the newest of a day is kept
    assert daily[-1].path in keep and daily[-2].path not in keep
    assert sum(b.path in keep for b in manual) == backups.KEEP_MANUAL
    assert [b.path in keep for b in imports] == [False] * 15 + [True] * 5
    assert sum(b.path in keep for b in migrations) == backups.KEEP_EACH_BEFORE


def test_prune_deletes_only_our_own_backups(seeded_path: Path) -> None:
    folder = backups_dir(seeded_path)
    folder.mkdir()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for d in range(30):
        (folder / f"roundtable-{start + timedelta(days=d):%Y%m%dT%H%M%S}-daily.sqlite3").write_bytes(b"x")
    mine = folder / "my notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    other = folder / f"other-{start:%Y%m%dT%H%M%S}-daily.sqlite3"
    other.write_bytes(b"another database's backup")
    removed = backups.prune(seeded_path)
    assert len(removed) == 30 - len(backups.list_backups(seeded_path, counts=False))
    assert mine.exists() and other.exists()
    assert 7 <= len(backups.list_backups(seeded_path, counts=False)) <= 11


def test_daily_backup_only_when_due_and_changed(seeded_path: Path) -> None:
    today = datetime.now(UTC)
    first = backups.backup_if_due(seeded_path, today)
    assert first is not None and "daily" in first.name
    assert backups.backup_if_due(seeded_path, today) is None  # not due again today
    tomorrow = today + timedelta(days=1)
    assert backups.backup_if_due(seeded_path, tomorrow) is None  # due, but nothing changed
    assert len(backups.list_backups(seeded_path, counts=False)) == 1
    write(seeded_path, "UPDATE entity SET name = 'Changed' WHERE slug = 'chen-gang'")
    second = backups.backup_if_due(seeded_path, tomorrow)
    assert second is not None and second != first
    assert len(backups.list_backups(seeded_path, counts=False)) == 2


def test_unchanged_data_gives_identical_backup_content(seeded_path: Path, tmp_path: Path) -> None:
    """What the daily backup's change detection rests on: copies of unchanged data match,
    even across a reopen, a checkpoint and a rolled-back write."""
    a = backups.backup_now(seeded_path)
    conn = connect(seeded_path)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE entity SET name = 'x'")
    conn.execute("ROLLBACK")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db = open_database(seeded_path)
    db.read().execute("SELECT count(*) FROM entity").fetchone()
    db.close()
    b = backups.backup_now(seeded_path)
    assert backups.same_content(a, b)
    write(seeded_path, "UPDATE entity SET name = 'Changed' WHERE slug = 'chen-gang'")
    c = backups.backup_now(seeded_path)
    assert not backups.same_content(a, c)


def test_restore_round_trip(seeded_path: Path) -> None:
    before = counts(seeded_path)
    taken = backups.backup_now(seeded_path)
    write(seeded_path, "UPDATE entity SET name = 'Renamed by me' WHERE slug = 'chen-gang'")
    write(seeded_path, "DELETE FROM note")
    changed = counts(seeded_path)
    assert changed != before

    result = backups.restore(seeded_path, taken)

    assert counts(seeded_path) == before
    assert integrity(seeded_path) == ["ok"]
    conn = sqlite3.connect(seeded_path)
    assert conn.execute("SELECT name FROM entity WHERE slug = 'chen-gang'").fetchone()[0] != "Renamed by me"
    conn.close()
    assert result.previous_saved_as is not None
    assert counts(result.previous_saved_as) == changed  # the replaced file is kept
    assert (result.backup.entries, result.backup.notes) == before
    db = open_database(seeded_path)  # and it opens as a Roundtable database again
    db.close()


def test_restore_keeps_what_was_only_in_the_wal(seeded_path: Path) -> None:
    """A writer killed mid-session leaves its last commits in the WAL: the copy kept before
    the restore has them, and the restored file does not get that WAL replayed into it."""
    taken = backups.backup_now(seeded_path)
    code = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from app.db.connection import connect
        conn = connect(Path({str(seeded_path)!r}))
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE entity SET name = 'Only in the WAL' WHERE slug = 'chen-gang'")
        os.kill(os.getpid(), 9)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT)
    wal = seeded_path.with_name(seeded_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0

    result = backups.restore(seeded_path, taken)

    assert result.previous_saved_as is not None
    conn = sqlite3.connect(result.previous_saved_as)
    assert conn.execute("SELECT name FROM entity WHERE slug = 'chen-gang'").fetchone()[0] == "Only in the WAL"
    conn.close()
    conn = sqlite3.connect(seeded_path)
    assert conn.execute("SELECT name FROM entity WHERE slug = 'chen-gang'").fetchone()[0] == "Chen Gang"
    conn.close()
    assert integrity(seeded_path) == ["ok"]


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    return path


def _newer(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    return path


def _copy(path: Path, name: str) -> Path:
    return Path(shutil.copy(path, path.with_name(name)))


def _text(path: Path) -> Path:
    target = path.with_name("notes.txt")
    target.write_text("hello", encoding="utf-8")
    return target


UNUSABLE = {
    "bad-page": (lambda p: damage.flip_page(_copy(p, "bad.sqlite3"), "citation"), "damaged"),
    "bad-header": (lambda p: damage.flip_header(_copy(p, "bad.sqlite3")), "damaged"),
    "truncated": (lambda p: damage.truncate(_copy(p, "bad.sqlite3")), "damaged"),
    "foreign": (lambda p: _foreign(p.with_name("other.sqlite3")), "another application"),
    "newer": (lambda p: _newer(_copy(p, "new.sqlite3")), "cannot open it"),
    "text": (_text, "not an SQLite file"),
}


@pytest.mark.parametrize("case", list(UNUSABLE))
def test_restore_refuses_an_unusable_backup_and_changes_nothing(seeded_path: Path, case: str) -> None:
    make, says = UNUSABLE[case]
    source = make(seeded_path)
    before = digest(seeded_path)
    with pytest.raises(BackupUnusable, match=says):
        backups.restore(seeded_path, source)
    assert digest(seeded_path) == before
    assert backups.list_backups(seeded_path, counts=False) == []  # not even a before-restore copy


def test_restore_over_a_damaged_database_keeps_its_bytes(seeded_path: Path) -> None:
    taken = backups.backup_now(seeded_path)
    damage.flip_header(seeded_path)
    damaged_bytes = digest(seeded_path)
    result = backups.restore(seeded_path, taken)
    assert result.previous_saved_as is not None
    assert "damaged" in result.previous_saved_as.name
    assert digest(result.previous_saved_as) == damaged_bytes
    assert integrity(seeded_path) == ["ok"]


def test_backup_while_writing_is_consistent(seeded_path: Path) -> None:
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        conn = connect(seeded_path, check_same_thread=False)
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            n = written[0] + 1
            conn.execute(
                "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES (?, ?, ?, '', '')",
                (f"uid-{n}", f"note {n}", "x" * 3000),
            )
            conn.execute("UPDATE meta SET value = ? WHERE key = 'written_by'", (str(n),))
            conn.execute("COMMIT")
            written[0] = n
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        seen = []
        while len(seen) < 6:
            made = backups.backup_now(seeded_path, backups.BEFORE_IMPORT)
            assert integrity(made) == ["ok"]
            conn = sqlite3.connect(made)
            n = conn.execute("SELECT count(*) FROM note WHERE uid LIKE 'uid-%'").fetchone()[0]
            last = conn.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()[0]
            conn.close()
            # one transaction's two writes are both in the copy or both not
            assert n == 0 or last == str(n)
            seen.append(n)
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0 and seen == sorted(seen)


def test_import_backs_up_first_but_not_when_there_is_nothing_to_lose(
    seeded_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    before = counts(seeded_path)
    db = open_database(seeded_path)
    try:
        import_file(db, read(folder / "mini.yaml"))
        made = backups.list_backups(seeded_path)
        assert [b.reason for b in made] == ["before-import"]
        assert (made[0].entries, made[0].notes) == before
        import_file(db, read(folder / "mini.yaml"))  # the same file again changes nothing
        assert len(backups.list_backups(seeded_path, counts=False)) == 1
    finally:
        db.close()
    empty = open_database(tmp_path / "empty.sqlite3")
    try:
        import_file(empty, read(folder / "mini.yaml"))
        assert backups.list_backups(tmp_path / "empty.sqlite3", counts=False) == []
    finally:
        empty.close()


def test_a_backup_of_a_foreign_id_is_never_listed_as_ours(seeded_path: Path) -> None:
    assert APPLICATION_ID  # (the listing is by name; restore then inspects the content)
    folder = backups_dir(seeded_path)
    folder.mkdir()
    bogus = folder / "roundtable-20260101T000000-daily.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    listed = backups.list_backups(seeded_path)
    assert listed[0].problem is not None and listed[0].entries is None
    with pytest.raises(BackupUnusable):
        backups.restore(seeded_path, bogus)


# --- partial copies --------------------------------------------------------------------------


def _partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_partials_left_by_killed_backups_are_removed_by_the_next(seeded_path: Path) -> None:
    """A killed backup leaves its partial copy (86 MB after 25 kills, in the issue); the next
    backup removes every one nobody is writing, including those older versions left."""
    folder = backups_dir(seeded_path)
    folder.mkdir()
    name = "roundtable-20260101T000000-manual.sqlite3"
    (folder / f"{name}.0123456789abcdef.partial").write_bytes(b"x" * 5000)
    restoring = seeded_path.with_name(f"{seeded_path.name}.restoring.fedcba9876543210.partial")
    restoring.write_bytes(b"x")
    legacy = folder / f"{name}.partial"  # before partials were held, a killed backup left these
    legacy.write_bytes(b"x")
    an_hour_ago = datetime.now().timestamp() - 3600
    os.utime(legacy, (an_hour_ago, an_hour_ago))
    recent_legacy = folder / "roundtable-20260102T000000-daily.sqlite3.partial"
    recent_legacy.write_bytes(b"x")  # might be an older Roundtable's live backup: left for now
    made = backups.backup_now(seeded_path)
    assert _partials(folder) == [recent_legacy.name]
    assert integrity(made) == ["ok"]
    backups.restore(seeded_path, made)  # a restore writes beside the database: it clears there
    assert not restoring.exists()


def test_partial_cleaning_touches_nothing_else(seeded_path: Path, tmp_path: Path) -> None:
    folder = backups_dir(seeded_path)
    folder.mkdir()
    others = [
        folder / "download.partial",
        folder / "notes.txt.0123456789abcdef.partial",
        tmp_path / "photo.jpg.0123456789abcdef.partial",
    ]
    for path in others:
        path.write_bytes(b"not ours")
        os.utime(path, (0, 0))
    backups.backup_now(seeded_path)
    backups.restore(seeded_path, backups.backup_now(seeded_path))
    assert all(path.exists() for path in others)


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX (Windows cannot delete an open file)")
def test_a_partial_that_a_live_backup_is_writing_is_left_alone(seeded_path: Path) -> None:
    import fcntl

    folder = backups_dir(seeded_path)
    folder.mkdir()
    live = folder / "roundtable-20260101T000000-manual.sqlite3.0123456789abcdef.partial"
    with live.open("wb") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)  # as backup_to holds the copy it writes
        backups.backup_now(seeded_path)
        assert live.exists()
    backups.backup_now(seeded_path)  # once its writer is gone, it is a leftover
    assert not live.exists()


def test_a_backup_survives_another_backup_cleaning_while_it_writes(
    seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two backups at once (the window's daily one and `roundtable backup`): the cleaning at
    the start of one never removes the copy the other is writing."""
    from app.db import backup as db_backup

    real_copy = db_backup._copy
    removed: list[int] = []

    def copy_while_another_cleans(source: Path, partial: Path) -> None:
        real_copy(source, partial)
        removed.append(db_backup.remove_stale_partials(partial.parent))
        assert partial.exists()

    monkeypatch.setattr(db_backup, "_copy", copy_while_another_cleans)
    made = backups.backup_now(seeded_path)
    assert removed == [0] and integrity(made) == ["ok"]
    assert _partials(made.parent) == []
