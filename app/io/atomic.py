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
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from app.paths import PRIVATE_FILE

_PREFIX = ".roundtable-"
_SUFFIX = ".tmp"
# How a temporary file a killed write left behind is named (a folder's listing may spot them).
LEFTOVER_PREFIX, LEFTOVER_SUFFIX = _PREFIX, _SUFFIX


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

    Each file goes to a temporary file beside its target and is renamed into place whole. The
    renames wait until `commit` (or `chunk` files, if given); then one `syncfs` of each file
    system written to (Linux) makes all their bytes durable at once, the renames follow, and
    each folder is flushed once. Not `os.sync`, which flushes every program's data on the
    machine. Where syncfs is missing (macOS, Windows), each file is flushed as it is written.

        with Batch() as batch:
            batch.write(path, data, on_done=lambda: record(path))

    `on_done` runs after the file is in place. Leaving the block, by an error or a cancel too,
    puts in place every file already complete; nothing half-written ever is, and a killed
    export leaves only hidden temporary files (`remove_leftovers`).
    """

    def __init__(self, chunk: int | None = None) -> None:
        self._chunk = chunk
        self._staged: list[tuple[str, str, Callable[[], None] | None]] = []
        self._syncfs = _syncfs()

    def write(
        self,
        path: str | os.PathLike[str],
        data: bytes,
        on_done: Callable[[], None] | None = None,
        *,
        new: bool = False,
    ) -> os.stat_result:
        """Stage `data` for `path`; returns the staged file's status, which the rename keeps
        (size, modification time, inode). `new`: the caller knows nothing is at `path` (a
        folder listing said so), so there is no mode to keep."""
        target = os.fspath(path)
        tmp, status = _staged(target, data, flush=self._syncfs is None, keep_mode=not new)
        self._staged.append((tmp, target, on_done))
        if self._chunk is not None and len(self._staged) >= self._chunk:
            self.commit()
        return status

    def commit(self) -> None:
        staged, self._staged = self._staged, []
        if not staged:
            return
        try:
            folders = dict.fromkeys(os.path.dirname(target) for _, target, _ in staged)  # noqa: PTH120
            if self._syncfs is not None:
                _sync_file_systems(self._syncfs, folders)
            while staged:
                tmp, target, on_done = staged[0]
                os.replace(tmp, target)  # noqa: PTH105
                staged.pop(0)
                if on_done is not None:
                    on_done()
            for folder in folders:
                _sync_folder(Path(folder))
        finally:
            for tmp, _, _ in staged:  # what could not be put in place: no leftovers
                with contextlib.suppress(OSError):
                    os.unlink(tmp)  # noqa: PTH108

    def discard(self) -> None:
        staged, self._staged = self._staged, []
        for tmp, _, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)  # noqa: PTH108

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            self.commit()
        except Exception:
            self.discard()
            if kind is None:
                raise


def _staged(target: str, data: bytes, *, flush: bool, keep_mode: bool) -> tuple[str, os.stat_result]:
    """`data` in a new temporary file beside `target` (plain strings: pathlib cost a tenth of
    an export's time); removed again if writing fails."""
    folder = os.path.dirname(target)  # noqa: PTH120
    while True:
        tmp = os.path.join(folder, f"{_PREFIX}{secrets.token_hex(8)}{_SUFFIX}")  # noqa: PTH118
        try:
            fd = os.open(tmp, _FLAGS, PRIVATE_FILE)
            break
        except FileExistsError:
            continue
    try:
        if keep_mode:
            _keep_mode(fd, Path(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if flush:
                os.fsync(fh.fileno())
            status = os.fstat(fh.fileno())  # after the last write: the time the file keeps
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # noqa: PTH108
        raise
    return tmp, status


def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2): flushes one file system, not the whole machine's (os has no wrapper)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only here: the app's start-up does not need it

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int

    def syncfs(fd: int) -> int:
        if function(fd) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))
        return 0

    return syncfs


def _sync_file_systems(syncfs: Callable[[int], int], folders: Iterable[str]) -> None:
    """One syncfs for each file system the `folders` are on."""
    done: set[int] = set()
    for folder in folders:
        fd = os.open(folder or ".", os.O_RDONLY)
        try:
            device = os.fstat(fd).st_dev
            if device not in done:
                syncfs(fd)
                done.add(device)
        finally:
            os.close(fd)


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
