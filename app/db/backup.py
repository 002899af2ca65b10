"""Consistent copies of a live database through SQLite's backup API (never a plain file copy:
that can catch a half-written page or miss what is still in the WAL).

Backups live in `backups/` beside the database, named `<stem>-<UTC stamp>-<reason>.sqlite3`
(`roundtable-20250918T101112-daily.sqlite3`), so they sort by time and say why they exist
without being opened. Retention and listing live in app/services/backups.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.clock import now_iso
from app.db.connection import connect
from app.paths import backups_dir

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6})(?:\.(?P<n>\d+))?-(?P<reason>[a-z][a-z0-9_-]*)\.sqlite3$"
)


@dataclass(frozen=True)
class BackupName:
    stem: str
    taken_at: datetime  # UTC
    reason: str


def parse_backup_name(name: str) -> BackupName | None:
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupName(match["stem"], taken, match["reason"])


def backup_to(source: Path, target: Path) -> Path:
    """Copy `source` into the new file `target` (written beside, then renamed into place).

    Raises sqlite3.Error or OSError; a failed backup leaves no file behind.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = connect(source, readonly=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(partial)
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return target


def new_backup_path(source: Path, reason: str, when: datetime | None = None) -> Path:
    """A free name in the backups folder for a copy of `source` taken now for `reason`."""
    taken = (when or datetime.fromisoformat(now_iso())).astimezone(UTC)
    stamp = taken.strftime("%Y%m%dT%H%M%S")
    folder = backups_dir(source)
    candidate = folder / f"{source.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{source.stem}-{stamp}.{n}-{reason}.sqlite3"
    return candidate


def timestamped_backup(source: Path, reason: str) -> Path:
    return backup_to(source, new_backup_path(source, reason))


def copy_damaged(source: Path, reason: str = "damaged") -> Path:
    """Keep a byte-for-byte copy of a file SQLite cannot back up (its WAL beside it), so that
    whatever is left in a damaged database is never thrown away."""
    target = new_backup_path(source, reason)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    fsync_folder(target.parent)
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
