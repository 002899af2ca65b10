"""Deliberately damaged databases, made in the tests from a good one (no binaries committed).

Each function damages a copy the way real files get damaged: a header overwritten, a page
scribbled over, a file cut short by a full disk or a failed copy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

HEADER_SIZE = 100


def _settle(path: Path) -> int:
    """Fold any WAL into the file (damage goes into the file itself, which stays in WAL mode
    as Roundtable leaves it); returns the page size."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0])
    finally:
        conn.close()


def _xor(path: Path, offset: int, length: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        data = bytearray(fh.read(length))
        fh.seek(offset)
        fh.write(bytes(b ^ 0xA5 for b in data))


def flip_header(path: Path) -> Path:
    """Scramble the header fields SQLite validates (page size, format versions, payload
    fractions): SQLite then says 'file is not a database'."""
    _settle(path)
    _xor(path, 16, 8)
    return path


def flip_magic(path: Path) -> Path:
    """Scramble the 'SQLite format 3' string itself: the file no longer looks like SQLite."""
    _settle(path)
    _xor(path, 0, 16)
    return path


def flip_page(path: Path, name: str) -> Path:
    """Scribble over the b-tree page header of the root page of table or index `name`."""
    page_size = _settle(path)
    page = root_page(path, name)
    start = (page - 1) * page_size + (HEADER_SIZE if page == 1 else 0)
    _xor(path, start, 12)
    return path


def truncate(path: Path, keep: float = 0.5) -> Path:
    """Cut the file short, at a page boundary, keeping `keep` of it."""
    page_size = _settle(path)
    size = path.stat().st_size
    pages = max(2, int(size / page_size * keep))
    with path.open("r+b") as fh:
        fh.truncate(pages * page_size)
    return path


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check of `path`, read-only (nothing made beside it): ["ok"] when sound,
    else its findings, or the error that stopped it."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
