"""The one way Roundtable writes a file: all of it or none of it.

The bytes go to a temporary file in the target's own folder (so the final rename never crosses
a file system), are flushed to disk, and only then replace the target with `os.replace`, which
is atomic on Windows, macOS and Linux. `Batch` does the same for thousands of files at once. A crash, a full disk or a cancelled export leaves either
the old file or the new one, never half of one; what a hard kill leaves behind is a hidden
temporary file, which `remove_leftovers` clears on the next write into that folder.

A new file is this user's only (0600, app/paths.py PRIVATE_FILE): exports and the JSON dump hold
the notes, and on a shared machine they are nobody else's to read. A file that is replaced keeps
the mode it had, which the user may have chosen (a vault they share, say).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from app.paths import PRIVATE_FILE

_PREFIX = ".roundtable-"
_SUFFIX = ".tmp"


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably."""
    tmp = _temporary(path, data, flush=True)
    try:
        tmp.replace(path)  # os.replace: atomic, and overwrites on Windows too
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(path.parent)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _create(folder: Path) -> tuple[int, Path]:
    """A new, empty, uniquely named hidden file in `folder`, this user's only. Not
    tempfile.mkstemp: measured here five times slower per file."""
    while True:
        tmp = folder / f"{_PREFIX}{secrets.token_hex(8)}{_SUFFIX}"
        try:
            return os.open(tmp, _FLAGS, PRIVATE_FILE), tmp
        except FileExistsError:
            continue


def _keep_mode(fd: int, path: Path) -> None:
    """Give the new file the permissions of the ordinary file it will replace, if there is one.
    Not those of what a link or a device name points at: a link to /dev/null would give the
    notes 0666."""
    if os.name != "posix":
        return
    try:
        found = path.lstat()
        mode = stat.S_IMODE(found.st_mode) & 0o777
        if stat.S_ISREG(found.st_mode) and mode != PRIVATE_FILE:
            os.fchmod(fd, mode)
    except OSError:
        pass  # nothing there (the usual case), or a file system without modes


def _temporary(path: Path, data: bytes, *, flush: bool) -> Path:
    """`data` in a new temporary file beside `path`; removed again if writing fails."""
    fd, tmp = _create(path.parent)
    try:
        _keep_mode(fd, path)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if flush:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


class Batch:
    """Many files written as `write_bytes` writes one, without a disk flush for each.

    Each file still goes to a temporary file and is renamed into place whole. The renames wait
    until `chunk` files are ready; then one system-wide flush (os.sync) makes all their bytes
    durable at once, the renames follow, and each folder is flushed once. Measured here: 0.15 ms
    a file against 4 ms with a flush per file. Where os.sync is missing (Windows), each file is
    flushed as it is written.

        with Batch() as batch:
            batch.write(path, data, on_done=lambda: record(path))

    `on_done` runs after the file is in place. Leaving the block, by an error or a cancel too,
    puts in place every file already complete; nothing half-written ever is.
    """

    def __init__(self, chunk: int = 500) -> None:
        self._chunk = chunk
        self._staged: list[tuple[Path, Path, Callable[[], None] | None]] = []
        self._system_sync = getattr(os, "sync", None)

    def write(self, path: Path, data: bytes, on_done: Callable[[], None] | None = None) -> None:
        tmp = _temporary(path, data, flush=self._system_sync is None)
        self._staged.append((tmp, path, on_done))
        if len(self._staged) >= self._chunk:
            self.commit()

    def commit(self) -> None:
        staged, self._staged = self._staged, []
        if not staged:
            return
        try:
            if self._system_sync is not None:
                self._system_sync()
            folders: dict[Path, None] = {}
            while staged:
                tmp, path, on_done = staged[0]
                tmp.replace(path)
                staged.pop(0)
                folders[path.parent] = None
                if on_done is not None:
                    on_done()
            for folder in folders:
                _sync_folder(folder)
        finally:
            for tmp, _, _ in staged:  # what could not be put in place: no leftovers
                with contextlib.suppress(OSError):
                    tmp.unlink()

    def discard(self) -> None:
        staged, self._staged = self._staged, []
        for tmp, _, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            self.commit()
        except Exception:
            self.discard()
            if kind is None:
                raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) refuse; the data itself is already flushed
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files a killed write left in `folder`; returns how many."""
    removed = 0
    try:
        candidates = list(folder.glob(f"{_PREFIX}*{_SUFFIX}"))
    except OSError:
        return 0
    for leftover in candidates:
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed
