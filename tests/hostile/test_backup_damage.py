"""Backups of a damaged library, and files that are not files handed to backup and restore.

A copy of a damaged file is itself damaged; written as a backup it would take a sound backup's
place in the kept set (the issue: three `roundtable backup` runs on a library with one damaged
page deleted every good backup, and restore then refused all that remained). Every kind of
backup is refused on a damaged library instead, with one sentence saying what to do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.db import migrate
from app.db.backup import backup_to
from app.i18n import Explained
from app.paths import backups_dir
from app.services import backups
from app.services.backups import BackupUnusable
from tests.builders import damage
from tests.unit.test_cli import run

ROOT = Path(__file__).resolve().parents[2]


def sound_backups(db: Path, n: int = 3) -> list[Path]:
    made = [backups.backup_now(db) for _ in range(n)]
    assert all(damage.quick_check(p) == ["ok"] for p in made)
    return made


def damaged(db: Path) -> Path:
    """One damaged page, in a table the opening inspection does not read (as in the issue)."""
    damage.flip_page(db, "citation")
    assert damage.quick_check(db) != ["ok"]
    return db


def listed(db: Path) -> list[Path]:
    return sorted(b.path for b in backups.list_backups(db, counts=False))


KINDS: dict[str, Callable[[Path], object]] = {
    "manual": lambda db: backups.backup_now(db, backups.MANUAL),
    "daily": lambda db: backups.backup_if_due(db, datetime.now(UTC) + timedelta(days=1)),
    "before-import": lambda db: backups.backup_now(db, backups.BEFORE_IMPORT),
    "before-migration": lambda db: migrate.backup_before_migration(db, "0001"),
    "out": lambda db: backup_to(db, db.with_name("copy.sqlite3")),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_backup_of_a_damaged_library_is_written(seeded_path: Path, kind: str) -> None:
    kept = sound_backups(seeded_path)
    damaged(seeded_path)
    for _ in range(4):  # more than the 3 manual backups kept
        with pytest.raises(Explained, match="is damaged") as refused:
            KINDS[kind](seeded_path)
        assert "roundtable check" in str(refused.value) and "restore" in str(refused.value)
    assert listed(seeded_path) == sorted(kept)  # every sound backup is still there
    assert not seeded_path.with_name("copy.sqlite3").exists()
    # nothing half-written beside them either
    assert sorted(p.name for p in backups_dir(seeded_path).iterdir()) == sorted(p.name for p in kept)
    result = backups.restore(seeded_path, kept[-1])  # and the newest restores
    assert damage.quick_check(seeded_path) == ["ok"]
    assert result.previous_saved_as is not None and "damaged" in result.previous_saved_as.name


def test_a_restore_over_a_damaged_library_keeps_its_bytes_without_pushing_out_sound_backups(
    seeded_path: Path,
) -> None:
    manual = sound_backups(seeded_path)
    safety = []
    for _ in range(backups.KEEP_EACH_BEFORE):
        safety.append(backups.restore(seeded_path, manual[0]).previous_saved_as)
    sound = set(listed(seeded_path))
    assert set(manual) | set(safety) <= sound
    for _ in range(backups.KEEP_EACH_BEFORE + 1):
        damaged(seeded_path)
        result = backups.restore(seeded_path, manual[-1])
        assert result.previous_saved_as is not None and "damaged" in result.previous_saved_as.name
        assert damage.quick_check(seeded_path) == ["ok"]
    assert sound <= set(listed(seeded_path))  # the rescue copies took no sound backup's place


def test_roundtable_backup_on_a_damaged_library_says_so_and_keeps_the_good_ones(
    capsys: pytest.CaptureFixture[str], seeded_path: Path
) -> None:
    kept = sound_backups(seeded_path)
    damaged(seeded_path)
    for _ in range(3):
        code, out, err = run(capsys, "--db", str(seeded_path), "backup")
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert "is damaged" in err and "roundtable check" in err and "restore" in err
    assert listed(seeded_path) == sorted(kept)
    code, out, err = run(capsys, "--db", str(seeded_path), "restore", kept[-1].name)
    assert code == 0, err
    assert damage.quick_check(seeded_path) == ["ok"]


def test_a_damaged_backup_is_refused_as_a_restore_source(seeded_path: Path) -> None:
    source = backups.backup_now(seeded_path)
    damaged(source)
    with pytest.raises(BackupUnusable, match="damaged"):
        backups.restore(seeded_path, source)


# --- files that are not files ----------------------------------------------------------------


def _restore_cli(db: Path, given: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "restore", given],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # the hang this guards against would otherwise be forever
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("where", ["path", "link in the backups folder"])
def test_restore_of_a_fifo_is_refused_at_once(seeded_path: Path, tmp_path: Path, where: str) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    given = str(fifo)
    if where != "path":
        folder = backups_dir(seeded_path)
        folder.mkdir()
        link = folder / "roundtable-20260101T000000-manual.sqlite3"
        link.symlink_to(fifo)
        given = link.name  # a name as `backup --list` would print it
    before = seeded_path.read_bytes()
    try:
        done = _restore_cli(seeded_path, given)
    except subprocess.TimeoutExpired:  # pragma: no cover - the bug
        with open(fifo, "wb", opener=lambda p, f: os.open(p, f | os.O_NONBLOCK)):
            pass
        pytest.fail("restore hung on a FIFO")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert "named pipe" in done.stderr and "Nothing was changed" in done.stderr
    assert seeded_path.read_bytes() == before
    assert list(backups.list_backups(seeded_path, counts=False)) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_check_backup_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            backups.check_backup(fifo)
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # a blocking open waits for a writer: give it one, to end the test
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(10)
        pytest.fail("check_backup hung on a FIFO")
    assert isinstance(outcome[0], BackupUnusable) and "named pipe" in str(outcome[0])


def test_backups_that_are_not_files_are_never_listed_or_pruned(seeded_path: Path, tmp_path: Path) -> None:
    folder = backups_dir(seeded_path)
    folder.mkdir()
    odd = folder / "roundtable-20200101T000000-manual.sqlite3"
    odd.mkdir()  # a folder carrying a backup's name
    outside = tmp_path / "elsewhere.sqlite3"
    outside.write_bytes(seeded_path.read_bytes())
    for _ in range(5):
        backups.backup_now(seeded_path)
    assert odd.is_dir()
    assert outside.exists()
    assert odd not in listed(seeded_path)
