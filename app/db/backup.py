"""Consistent copies of a live database through SQLite's backup API (never a plain file copy:
that can catch a half-written page or miss what is still in the WAL)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.clock import now_iso
from app.db.connection import connect
from app.paths import backups_dir


def backup_to(source: Path, target: Path) -> Path:
    """Copy `source` into the new file `target` (written beside, then renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
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
    partial.replace(target)
    return target


def timestamped_backup(source: Path, reason: str) -> Path:
    stamp = now_iso()[:19].replace(":", "").replace("-", "")
    return backup_to(source, backups_dir(source) / f"{source.stem}-{stamp}-{reason}.sqlite3")
