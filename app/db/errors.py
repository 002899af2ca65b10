"""What a failed database operation means, in words a researcher can act on.

SQLite reports a full disk, a read-only file, a busy database or a damaged page through one
exception class with a code; SQLAlchemy wraps it once more. `explain()` turns any of them into
a `Failure`: one sentence for the user and what kind of trouble it is, so a dialog can offer
the right way forward (retry after freeing space, open read-only, restore a backup).
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from enum import Enum

from app.i18n import T_, Message


class Trouble(Enum):
    DISK_FULL = "disk-full"
    READ_ONLY = "read-only"
    BUSY = "busy"
    DAMAGED = "damaged"
    IO = "io"
    OTHER = "other"


@dataclass(frozen=True)
class Failure:
    trouble: Trouble
    message: Message  # English as str(); the GUI translates it

    @property
    def can_retry(self) -> bool:
        return self.trouble in (Trouble.DISK_FULL, Trouble.BUSY, Trouble.IO)


_MESSAGES = {
    Trouble.DISK_FULL: T_(
        "Errors",
        "The disk is full, so nothing was saved. Free some space and try again; "
        "your data is as it was before.",
    ),
    Trouble.READ_ONLY: T_(
        "Errors",
        "The database cannot be written to (the file or its folder is read-only). Nothing was saved.",
    ),
    Trouble.BUSY: T_(
        "Errors",
        "The database is busy: another program is writing to it. Nothing was saved; try again in a moment.",
    ),
    Trouble.DAMAGED: T_(
        "Errors",
        "The database file is damaged, so nothing was written to it. Use Help ▸ Check "
        "database, or restore a backup (File ▸ Restore from backup…).",
    ),
    Trouble.IO: T_(
        "Errors",
        "The disk reported an error while reading or writing the database. Nothing was saved; "
        "check the disk and try again.",
    ),
}

_BY_SQLITE_NAME = {
    "SQLITE_FULL": Trouble.DISK_FULL,
    "SQLITE_READONLY": Trouble.READ_ONLY,
    "SQLITE_BUSY": Trouble.BUSY,
    "SQLITE_LOCKED": Trouble.BUSY,
    "SQLITE_CORRUPT": Trouble.DAMAGED,
    "SQLITE_NOTADB": Trouble.DAMAGED,
    "SQLITE_IOERR": Trouble.IO,
    "SQLITE_CANTOPEN": Trouble.IO,
}
_BY_ERRNO = {errno.ENOSPC: Trouble.DISK_FULL, errno.EROFS: Trouble.READ_ONLY, errno.EACCES: Trouble.READ_ONLY}
if hasattr(errno, "EDQUOT"):
    _BY_ERRNO[errno.EDQUOT] = Trouble.DISK_FULL


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    seen: BaseException | None = exc
    for _ in range(5):  # SQLAlchemy keeps the driver's exception in .orig
        if seen is None or isinstance(seen, sqlite3.Error):
            return seen
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def trouble_of(exc: BaseException) -> Trouble:
    if isinstance(exc, OSError):
        return _BY_ERRNO.get(exc.errno or 0, Trouble.IO)
    err = _sqlite_error(exc)
    if err is None:
        return Trouble.OTHER
    name = getattr(err, "sqlite_errorname", "") or ""
    base = "_".join(name.split("_")[:2])  # SQLITE_IOERR_SHORT_READ -> SQLITE_IOERR
    if base in _BY_SQLITE_NAME:
        return _BY_SQLITE_NAME[base]
    text = str(err).lower()
    # Errors raised before SQLite gave a code (or by older Pythons) only carry the text.
    for needle, trouble in (
        ("disk is full", Trouble.DISK_FULL),
        ("readonly", Trouble.READ_ONLY),
        ("read-only", Trouble.READ_ONLY),
        ("locked", Trouble.BUSY),
        ("malformed", Trouble.DAMAGED),
        ("not a database", Trouble.DAMAGED),
        ("disk i/o", Trouble.IO),
    ):
        if needle in text:
            return trouble
    return Trouble.OTHER


def explain(exc: BaseException) -> Failure:
    """A plain sentence for any error from a database write (or read)."""
    trouble = trouble_of(exc)
    if trouble is Trouble.OTHER:
        return Failure(
            trouble,
            T_("Errors", "The database reported a problem, and nothing was saved: {error}.").format(
                error=exc
            ),
        )
    return Failure(trouble, _MESSAGES[trouble])


def is_database_error(exc: BaseException) -> bool:
    return _sqlite_error(exc) is not None
