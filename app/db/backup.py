"""Consistent copies of a live database through SQLite's backup API (never a plain file copy:
that can catch a half-written page or miss what is still in the WAL).

Backups live in `backups/` beside the database, named `<stem>-<UTC stamp>-<reason>.sqlite3`
(`roundtable-20250918T101112-daily.sqlite3`), so they sort by time and say why they exist
without being opened. Retention and listing live in app/services/backups.py.

No damaged backup is ever put in place: the copy must pass SQLite's quick_check first, or no
backup is made and DamagedSource says so. A copy of a damaged database is damaged too, and as
the newest backup it would push a sound one out of the kept set (three backups of a library with
one damaged page once deleted every good one). The copy is what is checked, not only the source:
it is what is kept, and a live source may change between a check and the copy. The check reads
the copy once more, from memory as its pages were just written: 0.1 s on a 106 MB copy, beside
0.9 s for the backup itself with its flushes (measured here).

A backup is written to `<target>.<random>.partial` first, created private (0600, as every backup
and folder made here) and held with an flock while it is written. So the next backup can tell a
partial copy that a killed backup left (nobody holds it: removed) from one that another backup
is writing at this moment (held: left alone). On Windows a file that a process has open cannot be
deleted, which tells the same.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import sqlite3
import stat
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.clock import now_iso
from app.db.connection import connect
from app.db.database import quick_check, tidy_log
from app.db.errors import Trouble, trouble_of
from app.i18n import T_, Explained, Message
from app.paths import PRIVATE_FILE, backups_dir, make_private_folder
from app.user_files import require_regular

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


class DamagedSource(Explained):
    """The database failed SQLite's check, so no backup of it was made; nothing changed.
    `problem` is what the check found first."""

    def __init__(self, message: Message, problem: str) -> None:
        super().__init__(message)
        self.problem = problem


def damaged_source(source: Path, problem: str) -> DamagedSource:
    lines = problem.strip().splitlines()
    first = (lines[0] if lines else problem)[:200]
    return DamagedSource(
        T_(
            "Backups",
            "{path} is damaged ({problem}), so it was not backed up: a copy would carry the damage "
            "and could take a sound backup's place. Your backups are as they were; run `roundtable "
            "check` to see what is wrong, then restore a backup (`roundtable restore`, or File ▸ "
            "Restore from backup… in the window).",
        ).format(path=source, problem=first),
        first,
    )


def backup_to(source: Path, target: Path) -> Path:
    """Copy `source` into the new file `target` (written beside, checked, then renamed into
    place), private to this user.

    Raises DamagedSource (the copy failed quick_check, as its source did), UnreadableFile (the
    source is a FIFO, device or folder), sqlite3.Error or OSError; a failed backup leaves no
    file behind.
    """
    require_regular(source)  # SQLite's open of a FIFO would block until a writer came
    folder_was_there = target.parent.is_dir()
    make_private_folder(target.parent)
    try:
        return _backup_into(source, target)
    except DamagedSource:
        # Refused: leave nothing behind, neither a new empty backups folder nor the -wal and
        # -shm files that reading the damaged source made beside it.
        tidy_log(source)
        if not folder_was_there:
            with contextlib.suppress(OSError):
                target.parent.rmdir()
        raise


def _backup_into(source: Path, target: Path) -> Path:
    remove_stale_partials(target.parent, also=target.name)
    fd, partial = _claim_partial(target)
    try:
        try:
            _copy(source, partial)
            problems = quick_check(partial)
            if problems != ("ok",):
                raise _check_failed(source, partial, problems)
            os.fsync(fd)
            if sys.platform == "win32":
                os.close(fd)  # Windows renames no file that is open
                fd = -1
            partial.replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise
    finally:
        if fd >= 0:
            os.close(fd)  # lets go of the flock; the partial's name is gone by now
    fsync_folder(target.parent)
    return target


def _copy(source: Path, partial: Path) -> None:
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
    except sqlite3.DatabaseError as exc:
        if trouble_of(exc) is Trouble.DAMAGED:  # too damaged even to copy
            raise damaged_source(source, str(exc)) from exc
        raise


def _check_failed(source: Path, partial: Path, problems: tuple[str, ...]) -> Exception:
    """Whose fault? Nearly always the source's (its damage was copied); only if the source
    passes the check did the disk being written fail to give back what it was given."""
    at_source = quick_check(source)
    if at_source != ("ok",):
        return damaged_source(source, at_source[0])
    return OSError(
        errno.EIO,  # the disk trouble it is: app/db/errors.py words it
        f"the copy written to {partial.parent} did not read back whole ({problems[0]})",
    )


# --- partial copies ------------------------------------------------------------------------------

_PARTIAL = re.compile(r"^(?P<target>.+)\.[0-9a-f]{16}\.partial$")
# Before partials carried a random part and an flock, a killed backup left `<target>.partial`.
# Nothing marks one of those as live, so only one untouched for this long is taken as left over.
_LEGACY_PARTIAL = re.compile(r"^(?P<target>.+)\.partial$")
LEGACY_PARTIAL_AGE = 600.0  # seconds


def _claim_partial(target: Path) -> tuple[int, Path]:
    """A new, empty, private file beside `target` for its copy, and the descriptor that holds
    it (flock) for as long as the copy is being written."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        partial = target.with_name(f"{target.name}.{secrets.token_hex(8)}.partial")
        try:
            fd = os.open(partial, flags, PRIVATE_FILE)
        except FileExistsError:
            continue
        _hold(fd)
        if _same_file(partial, os.fstat(fd)):
            return fd, partial
        # Another backup's cleaning took it for a leftover in the instant before it was held.
        os.close(fd)


def _ours(name: str, also: str | None) -> bool:
    """Is `name` the partial copy of a backup, a restore's incoming file, or of `also`?"""
    return parse_backup_name(name) is not None or name.endswith(".restoring") or name == also


def remove_stale_partials(folder: Path, *, also: str | None = None) -> int:
    """Delete the partial copies that killed backups left in `folder` (of backups, of a
    restore's incoming file, or of the file named `also`); never one that a live backup is
    writing. Returns how many were removed."""
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:
        return 0
    removed = 0
    for name in names:
        match = _PARTIAL.match(name)
        min_age = 0.0
        if match is None:
            match = _LEGACY_PARTIAL.match(name)
            min_age = LEGACY_PARTIAL_AGE
        if match is None or not _ours(match["target"], also):
            continue
        with contextlib.suppress(OSError):
            if _remove_if_abandoned(folder / name, min_age):
                removed += 1
    return removed


if sys.platform == "win32":

    def _hold(fd: int) -> None:
        """Nothing to do: a file that is open cannot be deleted on Windows."""

    def _same_file(path: Path, held: os.stat_result) -> bool:
        return True

    def _remove_if_abandoned(path: Path, min_age: float) -> bool:
        found = path.lstat()
        if not stat.S_ISREG(found.st_mode) or time.time() - found.st_mtime < min_age:
            return False
        path.unlink()  # PermissionError while a backup has it open
        return True

else:
    import fcntl

    def _hold(fd: int) -> None:
        # Blocking: another backup's cleaning holds it only while it looks (see _same_file). A
        # file system without locks (some network shares) refuses; the copy is written unheld
        # then, and that cleaning, refused the same way, leaves every partial there alone.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)

    def _same_file(path: Path, held: os.stat_result) -> bool:
        try:
            now = path.lstat()
        except FileNotFoundError:
            return False
        return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)

    def _remove_if_abandoned(path: Path, min_age: float) -> bool:
        # Not following links, and never blocking (a FIFO carrying the name opens at once).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            found = os.fstat(fd)
            if not stat.S_ISREG(found.st_mode) or time.time() - found.st_mtime < min_age:
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a live backup is writing it
            if not _same_file(path, found):
                return False
            path.unlink()
            return True
        finally:
            os.close(fd)


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
    make_private_folder(target.parent)
    _private_copy(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        _private_copy(wal, target.with_name(target.name + "-wal"))
    fsync_folder(target.parent)
    return target


def _private_copy(source: Path, target: Path) -> None:
    """`source`'s bytes into the new file `target`, which only this user may read."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    with source.open("rb") as src, os.fdopen(os.open(target, flags, PRIVATE_FILE), "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


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
