"""The writer lock: one Roundtable process at a time may change a database file.

SQLite already serialises single writes, but some work must not overlap another program's use
of the file at all: a restore replaces the file under everyone's feet, a migration rebuilds
tables, and a window that does not know an import ran shows stale data. So the window holds
this lock for as long as it has a library open, and `roundtable import` / `restore` hold it
while they run; the read-only commands need no lock (WAL lets them read beside a writer).

It is an OS lock on a small file beside the database (`flock` on POSIX, `LockFileEx` through
msvcrt on Windows), so a process that dies — even by SIGKILL or a power cut — releases it with
no stale state to clean up: the next start simply takes it. The file holds a line of JSON
about the holder, so the one that is refused can say who has the database.

(py-filelock was considered: it truncates the file when it tries the lock, which wipes the
holder's details that the refused process needs for its message.)
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.clock import now_iso
from app.i18n import T_, Text
from app.paths import PRIVATE_FILE, make_private_folder, real_path

# Windows locks byte ranges and refuses reads of a locked range, so the lock sits on one byte
# far past the holder's details, which stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


def lock_path(db_path: Path) -> Path:
    """Beside the real file, links resolved: keyed by a path as typed, a command given a link
    took a lock of its own and wrote under a window holding the file by its real name."""
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def _host() -> str:
    """This machine's network name, as platform.node() gives it (the module costs a start
    several milliseconds to import; only Windows lacks os.uname)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as it wrote itself into the lock file."""

    pid: int | None
    program: str
    host: str
    since: str

    def describe(self) -> Text:
        who = (
            T_("Lock", "the Roundtable window")
            if self.program == "window"
            else f"`roundtable {self.program}`"
        )
        if self.pid and self.host and self.host != _host():
            where = T_("Lock", "process {pid} on {host}").format(pid=self.pid, host=self.host)
        elif self.pid:
            where = T_("Lock", "process {pid}").format(pid=self.pid)
        else:
            where = T_("Lock", "another process")
        if self.since:
            return T_("Lock", "{who} ({where}, since {time} UTC)").format(
                who=who, where=where, time=self.since[11:16]
            )
        return T_("Lock", "{who} ({where})").format(who=who, where=where)


class LockHeld(Exception):
    """Another process holds the writer lock; the message names it."""

    def __init__(self, db_path: Path, holder: Holder | None) -> None:
        self.db_path = db_path
        self.holder = holder
        who = holder.describe() if holder else T_("Lock", "another Roundtable process")
        super().__init__(f"{db_path.name} is in use by {who}")


class LockUnavailable(Exception):
    """The lock file cannot be created (a read-only folder, for example)."""


class WriterLock:
    """A held writer lock; release() (or the end of the process) lets it go."""

    def __init__(self, db_path: Path, handle: IO[bytes]) -> None:
        self.db_path = db_path
        self._handle: IO[bytes] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.flush()
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(db_path: Path, program: str, *, wait: float = 0.0) -> WriterLock:
    """Take the writer lock of `db_path`, trying for up to `wait` seconds.

    Raises LockHeld (with the holder) or LockUnavailable (the folder refuses the lock file).
    """
    path = lock_path(db_path)
    deadline = time.monotonic() + wait
    while True:
        try:
            make_private_folder(path.parent)  # a new database's folder
            fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as exc:
            raise LockUnavailable(f"cannot create {path.name}: {exc.strerror}") from exc
        handle = os.fdopen(fd, "r+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            if time.monotonic() >= deadline:
                raise LockHeld(db_path, holder(db_path)) from None
            time.sleep(0.1)
            continue
        _write_holder(handle, program)
        return WriterLock(db_path, handle)


def holder(db_path: Path) -> Holder | None:
    """Who holds the lock, if anyone says so (None when free or unreadable)."""
    try:
        raw = lock_path(db_path).read_bytes()[:4096]
    except OSError:
        return None
    try:
        data: Any = json.loads(raw.split(b"\n", 1)[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    return Holder(
        pid if isinstance(pid, int) else None,
        str(data.get("program", "")),
        str(data.get("host", "")),
        str(data.get("since", "")),
    )


def is_held(db_path: Path) -> bool:
    """True when another process (or another handle in this one) holds the lock."""
    try:
        lock = acquire(db_path, "probe")
    except LockHeld:
        return True
    except LockUnavailable:
        return False
    lock.release()
    return False


def _write_holder(handle: IO[bytes], program: str) -> None:
    info = {"pid": os.getpid(), "program": program, "host": _host(), "since": now_iso()}
    with contextlib.suppress(OSError):  # the details are a courtesy; the lock is what counts
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info).encode("utf-8") + b"\n")
        handle.flush()


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        # flock (not lockf): it belongs to the open file, so a second open in this same process
        # is refused too, which is what the tests and an in-process second window need.
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
