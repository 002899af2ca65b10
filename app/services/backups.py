"""Backups: taking them, listing them, keeping a bounded set, and restoring one.

When Roundtable backs up (all with SQLite's backup API, into `backups/` beside the database):
before every migration (app/db/migrate.py), before an import (app/services/importer.py),
before a restore (here), once a day while the window is open if the database changed since
the last backup (`backup_if_due`), and when asked (File ▸ Back up now, `roundtable backup`).

Has the database changed since the last backup? The file's mtime moves on checkpoints that
change nothing, SQLite's change counter is not kept in WAL mode and `PRAGMA data_version` only
holds for one connection. So the daily backup is taken, and its content is compared with the
newest backup's: a backup API copy of unchanged data is the same pages byte for byte (the
header's change counter and version fields aside), so an identical copy is simply dropped
(`same_content`, tested in tests/unit/test_backups.py).

Retention (`prune`): the newest backup of each of the last 7 days and of each of the last 4
weeks (daily and manual ones together), the last 3 made by hand, and the last 5 of each
"before …" kind. Nothing that does not carry our name pattern is ever deleted.

Every backup passes SQLite's quick_check before it is kept (app/db/backup.py): a library that
fails it is not backed up (DamagedSource says so and what to do), so a damaged copy never takes
a sound backup's place in the kept set. Only before a restore is a damaged file kept, byte for
byte, as `damaged-before-restore`: a kind of its own, which neither counts toward the other
kinds' sets nor pushes anything out of them.

Sources' files (app/io/attachments.py) are backed up beside the database copies, in one folder
of the backups folder that every backup shares (`backups/<stem>-attachments/`): each file once,
under the checksum it is named by, as in the library's own attachments folder. A file never
changes under its name, so a backup copies only the files that are new since the last one, and a
hundred backups of a library with a 50 MB PDF hold it once. Each file is checked against its
name as it is copied (a file changed in the library is not copied over a good one). Restoring
puts back every file the restored database lists that is missing or changed in the library's
folder; pruning removes the files that no kept backup and not the library itself lists.

Restoring validates the backup first (it must be an ordinary file, a Roundtable database this
version can open, and pass the full integrity and foreign-key checks), keeps a copy of the
current file, and replaces the database with one rename, so a crash leaves either the old file
or the new one. The restored file keeps the permissions the replaced one had.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.clock import now_iso
from app.db.backup import (
    DamagedSource,
    backup_to,
    copy_damaged,
    fsync_folder,
    new_backup_path,
    parse_backup_name,
    timestamped_backup,
)
from app.db.connection import connect
from app.db.database import DatabaseRefused, State, inspect
from app.i18n import N_, T_, Explained, Message
from app.io import atomic
from app.io.attachments import AttachmentStore, FileState, sha256_of
from app.io.source_text import MAX_FILE
from app.paths import attachments_dir, backups_dir, make_private_folder
from app.user_files import UnreadableFile, read_bytes, require_regular

KEEP_DAYS = 7
KEEP_WEEKS = 4
KEEP_MANUAL = 3
KEEP_EACH_BEFORE = 5

DAILY = "daily"
MANUAL = "manual"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
DAMAGED_COPY = "damaged-before-restore"

_LABELS = {
    DAILY: N_("Backups", "Daily backup"),
    MANUAL: N_("Backups", "Backed up by you"),
    BEFORE_IMPORT: N_("Backups", "Before an import"),
    BEFORE_RESTORE: N_("Backups", "Before a restore"),
    DAMAGED_COPY: N_("Backups", "Damaged file, kept before a restore"),
}


class BackupUnusable(Explained):
    """This file cannot be restored; the message says why in plain words. Nothing changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int
    entries: int | None = None  # None: not counted, or the file could not be read
    notes: int | None = None
    problem: Message | None = None

    @property
    def label(self) -> str:
        """Why it was taken (marked in the "Backups" context for the GUI to translate)."""
        if self.reason.startswith("before-migrating-from-"):
            return N_("Backups", "Before a schema update")
        return _LABELS.get(self.reason, self.reason.replace("-", " ").capitalize())

    @property
    def local_time(self) -> datetime:
        return self.taken_at.astimezone()


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_saved_as: Path | None  # the copy of the file that was replaced (None: there was none)
    backup: BackupInfo
    files_restored: int = 0  # sources' files put back in the attachments folder
    files_missing: tuple[str, ...] = ()  # names of files it lists that no backup holds


# --- taking ------------------------------------------------------------------------------------


def backup_to_file(db_path: Path, target: Path) -> Path:
    """A backup at a file the user named (`roundtable backup --out`), not among the backups."""
    return backup_to(db_path, target)


def backup_now(db_path: Path, reason: str = MANUAL) -> Path:
    """Back up `db_path` into its backups folder now, then prune. Raises DamagedSource (nothing
    written, nothing pruned), OSError or sqlite3.Error."""
    made = timestamped_backup(db_path, reason)
    keep_attachments(db_path)
    prune(db_path, keep=made)
    return made


def backup_if_due(db_path: Path, now: datetime | None = None) -> Path | None:
    """The daily backup: taken when the newest backup is from an earlier day and the data
    differ from it. Returns the new backup, or None when none was due or nothing changed."""
    now = now or datetime.fromisoformat(now_iso())
    existing = list_backups(db_path, counts=False)
    newest = existing[0] if existing else None
    if newest is not None and newest.local_time.date() >= now.astimezone().date():
        return None
    made = backup_to(db_path, new_backup_path(db_path, DAILY, now))
    if newest is not None and same_content(made, newest.path):
        made.unlink()
        return None
    keep_attachments(db_path)
    prune(db_path, keep=made)
    return made


def same_content(a: Path, b: Path) -> bool:
    """Do two backups hold the same pages? Header fields that change without the data (the
    change counter, the version-valid-for number, the SQLite version) are not compared.
    Reads both in chunks and stops at the first difference, so a changed database costs little."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        ha, hb = bytearray(fa.read(100)), bytearray(fb.read(100))
        for header in (ha, hb):
            header[24:28] = b"\0" * 4
            header[92:100] = b"\0" * 8
        if ha != hb:
            return False
        while True:
            ca, cb = fa.read(1 << 20), fb.read(1 << 20)
            if ca != cb:
                return False
            if not ca:
                return True


# --- listing and keeping -----------------------------------------------------------------------


def list_backups(db_path: Path, *, counts: bool = True) -> list[BackupInfo]:
    """The backups of `db_path`, newest first; with `counts`, each one's entries and notes."""
    folder = backups_dir(db_path)
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for path in candidates:
        parsed = parse_backup_name(path.name)
        if parsed is None or parsed.stem != db_path.stem or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        info = BackupInfo(path, parsed.taken_at, parsed.reason, size)
        found.append(_counted(info) if counts else info)
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def _counted(info: BackupInfo) -> BackupInfo:
    try:
        conn = connect(info.path, readonly=True)
        try:
            entries = conn.execute("SELECT count(*) FROM entity WHERE deleted_at IS NULL").fetchone()[0]
            notes = conn.execute("SELECT count(*) FROM note WHERE deleted_at IS NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return BackupInfo(
            info.path,
            info.taken_at,
            info.reason,
            info.size,
            problem=T_("Backups", "cannot be read ({error})").format(error=exc),
        )
    return BackupInfo(info.path, info.taken_at, info.reason, info.size, int(entries), int(notes))


def to_keep(backups: Iterable[BackupInfo]) -> set[Path]:
    """Which backups the retention policy keeps (see the module docstring). Days and weeks
    count those that have a backup, so a month away from the laptop costs no history."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    routine = [b for b in ordered if b.reason in (DAILY, MANUAL)]
    days = [(b, b.local_time.date().isoformat()) for b in routine]
    weeks = [(b, "{}-W{}".format(*b.local_time.isocalendar()[:2])) for b in routine]
    for buckets, limit in ((days, KEEP_DAYS), (weeks, KEEP_WEEKS)):
        seen: set[str] = set()
        for b, bucket in buckets:
            if bucket not in seen and len(seen) < limit:
                seen.add(bucket)
                keep.add(b.path)
    keep.update(b.path for b in [b for b in ordered if b.reason == MANUAL][:KEEP_MANUAL])
    by_kind: dict[str, list[BackupInfo]] = {}
    for b in ordered:
        if b.reason not in (DAILY, MANUAL):
            kind = "before-migrating" if b.reason.startswith("before-migrating-from-") else b.reason
            by_kind.setdefault(kind, []).append(b)
    for group in by_kind.values():
        keep.update(b.path for b in group[:KEEP_EACH_BEFORE])
    return keep


def prune(db_path: Path, *, keep: Path | None = None) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns what was deleted."""
    backups = list_backups(db_path, counts=False)
    kept = to_keep(backups)
    if keep is not None:
        kept.add(keep)
    removed = []
    for b in backups:
        if b.path not in kept:
            with contextlib.suppress(OSError):
                b.path.unlink()
                b.path.with_name(b.path.name + "-wal").unlink(missing_ok=True)
                removed.append(b.path)
    _prune_attachments(db_path, [b.path for b in backups if b.path in kept])
    return removed


# --- sources' files ------------------------------------------------------------------------------

_CHECKSUM_NAME = re.compile(r"^(?P<sha>[0-9a-f]{64})(?:\.[a-z0-9]{1,10})?$")


def backup_attachments_dir(db_path: Path) -> Path:
    """The folder, among the backups, that holds the files of `db_path`'s sources for every
    backup of it (named as a library's attachments folder is, beside a file in backups/)."""
    return attachments_dir(backups_dir(db_path) / db_path.name)


def keep_attachments(db_path: Path) -> int:
    """Copy into the backups' folder each of the library's files not there yet, checked against
    its checksum name; returns how many were copied. OSError (a full disk) passes through."""
    source = AttachmentStore(attachments_dir(db_path))
    target = backup_attachments_dir(db_path)
    have = AttachmentStore(target).names()
    copied = 0
    for name in sorted(source.names() - have):
        match = _CHECKSUM_NAME.match(name)
        if match is None:
            continue
        try:
            data = read_bytes(source.folder / name, limit=MAX_FILE)
        except (OSError, UnreadableFile):
            continue  # gone since it was listed, or not a file: `roundtable check` says so
        if sha256_of(data) != match["sha"]:
            continue  # changed in the library: the good copy, if any, stays the backups' one
        make_private_folder(target)
        atomic.write_bytes(target / name, data)
        copied += 1
    return copied


def restore_attachments(db_path: Path) -> tuple[int, tuple[str, ...]]:
    """Put back, from the backups' folder, each file the database at `db_path` lists that is
    missing or changed in its attachments folder. Returns how many came back and the names of
    those no backup holds (the library's check names them too)."""
    try:
        conn = connect(db_path, readonly=True, peek=True)  # (just restored: one file, no WAL)
        try:
            rows = conn.execute("SELECT DISTINCT sha256, media_type, filename FROM attachment").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0, ()  # a backup from before sources had files
    live = AttachmentStore(attachments_dir(db_path))
    kept = AttachmentStore(backup_attachments_dir(db_path))
    restored, missing = 0, []
    for sha, media_type, filename in rows:
        if live.state(sha, media_type) is FileState.PRESENT:
            continue
        if kept.state(sha, media_type) is not FileState.PRESENT:
            missing.append(str(filename))
            continue
        data = kept.path(sha, media_type).read_bytes()
        make_private_folder(live.folder)
        atomic.write_bytes(live.path(sha, media_type), data)
        restored += 1
    return restored, tuple(missing)


def _listed_files(db_path: Path, *, live: bool) -> set[str] | None:
    """The checksums of the files the database at `db_path` lists; None when it cannot be read
    (then nothing is pruned: a file it may need must not go). `live`: the library itself, read
    with its WAL (what was added a moment ago counts); a backup is read as the file it is."""
    try:
        conn = connect(db_path, readonly=True, peek=not live)
        try:
            return {str(r[0]) for r in conn.execute("SELECT sha256 FROM attachment")}
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        return set() if "no such table" in str(exc) else None
    except sqlite3.Error:
        return None


def _prune_attachments(db_path: Path, kept: list[Path]) -> None:
    folder = backup_attachments_dir(db_path)
    store = AttachmentStore(folder)
    names = store.names()
    if not names:
        return
    wanted: set[str] = set()
    for path in [db_path, *kept]:
        listed = _listed_files(path, live=path == db_path) if path.exists() else set()
        if listed is None:
            return
        wanted |= listed
    for name in names:
        match = _CHECKSUM_NAME.match(name)
        if match is not None and match["sha"] not in wanted:
            with contextlib.suppress(OSError):
                (folder / name).unlink()


# --- restoring ---------------------------------------------------------------------------------


def check_backup(path: Path) -> BackupInfo:
    """Validate `path` as something to restore, reading only. Raises BackupUnusable."""
    try:
        require_regular(path)  # before anything opens it: a FIFO's open waits for a writer
    except UnreadableFile as exc:
        raise BackupUnusable(exc.message) from exc
    try:
        found = inspect(path)
    except DatabaseRefused as exc:
        raise BackupUnusable(exc.message) from exc
    if found.state is State.MISSING:
        raise BackupUnusable(T_("Backups", "{path} does not exist.").format(path=path))
    if found.state is State.BLANK:
        raise BackupUnusable(
            T_("Backups", "{path} is an empty database; it holds nothing to restore.").format(path=path)
        )
    try:
        conn = connect(path, readonly=True, peek=True)  # a backup nobody writes: no -wal, no -shm
        try:
            integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            broken = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupUnusable(
            T_("Backups", "{path} is damaged and cannot be restored ({error}).").format(path=path, error=exc)
        ) from exc
    if integrity != ["ok"]:
        raise BackupUnusable(
            T_("Backups", "{path} is damaged and cannot be restored ({error}).").format(
                path=path, error=integrity[0]
            )
        )
    if broken:
        raise BackupUnusable(
            T_("Backups", "{path} has {count} broken references and cannot be restored.").format(
                path=path, count=broken
            )
        )
    parsed = parse_backup_name(path.name)
    stat = path.stat()
    taken = parsed.taken_at if parsed else datetime.fromtimestamp(stat.st_mtime, UTC)
    return _counted(BackupInfo(path, taken, parsed.reason if parsed else "file", stat.st_size))


def restore(db_path: Path, backup: Path, *, checked: BackupInfo | None = None) -> RestoreResult:
    """Replace `db_path` with `backup`, after validating the backup and saving the current file.

    The caller holds the writer lock and has closed its own connections to `db_path`. Raises
    BackupUnusable (nothing changed) or OSError/sqlite3.Error from the copy (nothing changed
    either: the database is replaced by one rename, the last step). `checked` is what
    check_backup(backup) returned, when the caller has just run it (it reads every page).
    """
    info = checked if checked is not None and checked.path == backup else check_backup(backup)
    if backup.resolve() == db_path.resolve():
        raise BackupUnusable(T_("Backups", "That is the database itself, not a backup of it."))
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        backup_to(backup, incoming)
    except UnreadableFile as exc:  # swapped since it was checked
        raise BackupUnusable(exc.message) from exc
    except DamagedSource as exc:
        raise BackupUnusable(
            T_("Backups", "{path} is damaged and cannot be restored ({error}).").format(
                path=backup, error=exc.problem
            )
        ) from exc
    try:
        _keep_mode(db_path, incoming)
        previous = _save_current(db_path)
        _drop_side_files(db_path)
        incoming.replace(db_path)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    fsync_folder(db_path.parent)
    # The files before the pruning: a file only the replaced database listed is kept with it.
    files, missing = restore_attachments(db_path)
    prune(db_path, keep=previous)
    return RestoreResult(backup, previous, info, files, missing)


def _save_current(db_path: Path) -> Path | None:
    if not db_path.exists():
        return None
    try:
        made = timestamped_backup(db_path, BEFORE_RESTORE)
    except (DamagedSource, sqlite3.DatabaseError):
        # Damaged (or too damaged for SQLite to copy): keep its bytes and its WAL instead, as a
        # kind of its own that no sound backup's place depends on.
        return copy_damaged(db_path, DAMAGED_COPY)
    _checkpoint(db_path)
    return made


def _keep_mode(db_path: Path, incoming: Path) -> None:
    """The restored file gets the permissions of the file it replaces: they are the user's."""
    with contextlib.suppress(OSError):
        incoming.chmod(stat.S_IMODE(db_path.stat().st_mode) & 0o777)


def _checkpoint(db_path: Path) -> None:
    """Fold the WAL into the file so that dropping it loses nothing even before the rename."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(db_path, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def _drop_side_files(db_path: Path) -> None:
    # A WAL left beside the new file would be replayed into it: SQLite cannot tell whose it is.
    for suffix in ("-wal", "-shm", "-journal"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
