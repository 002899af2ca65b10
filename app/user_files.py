"""Opening a file whose path came from a user or from another file: only ordinary files, read
with a bound, and never an open that can block.

A path typed on the command line, chosen in a dialog or written inside a data file or a vault
may name a FIFO (whose open blocks until a writer appears: a command that hangs forever, holding
the writer lock), a device (`/dev/zero` reads without end, until memory runs out), a socket or a
folder. Every reader of such a path goes through here, so each of them refuses those with one
sentence instead of hanging or printing a traceback.

The check is made on the opened descriptor (`fstat`), not only on the name, so a file swapped
for a FIFO between a check and the open is still refused; the open itself is non-blocking for
that reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.i18n import T_, Explained

MB = 1024 * 1024


class UnreadableFile(Explained, ValueError):
    """A path that names something other than an ordinary file, or a file over the limit."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words (a Text: the window shows it translated)."""
    if stat.S_ISDIR(mode):
        return T_("Files", "a folder")
    if stat.S_ISFIFO(mode):
        return T_("Files", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return T_("Files", "a device")
    if stat.S_ISSOCK(mode):
        return T_("Files", "a socket")
    return T_("Files", "not an ordinary file")


def _not_regular(path: Path, mode: int) -> UnreadableFile:
    return UnreadableFile(
        T_("Files", "{path} is {what}, not an ordinary file; Roundtable reads only ordinary files.").format(
            path=str(path), what=kind_of(mode)
        )
    )


def _too_large(path: Path, limit: int) -> UnreadableFile:
    return UnreadableFile(
        T_("Files", "{path} is larger than {limit} MB, more than Roundtable reads from one file.").format(
            path=str(path), limit=str(limit // MB)
        )
    )


def require_regular(path: Path) -> os.stat_result | None:
    """The file's status when `path` is an ordinary file (links followed), None when nothing is
    there; raises UnreadableFile for a FIFO, device, socket or folder. `stat` never blocks, so
    this is safe to call on a path before handing it to a library that opens it (SQLite)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(status.st_mode):
        raise _not_regular(path, status.st_mode)
    return status


_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of the ordinary file at `path` (all of it when shorter), opened
    as read_bytes opens: a look at a file's header. UnreadableFile or OSError as there."""
    fd = os.open(path, _READ_FLAGS)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(path, status.st_mode)
        return os.read(fd, size)
    finally:
        os.close(fd)


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The bytes of the ordinary file at `path`, at most `limit` of them, or UnreadableFile.
    OSError (missing, no permission) passes through for the caller to word."""
    fd = os.open(path, _READ_FLAGS)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(path, status.st_mode)
        if status.st_size > limit:
            raise _too_large(path, limit)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(limit + 1 - total, 1 << 20) or 1):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise _too_large(path, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: Path, *, limit: int, encoding: str = "utf-8") -> str:
    """The text of the ordinary file at `path` (see read_bytes); UnicodeDecodeError passes
    through for the caller to word with the record it was reading."""
    return read_bytes(path, limit=limit).decode(encoding)
