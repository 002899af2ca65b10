"""What a migrated file holds, compared as text: the statements in sqlite_master."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path


def normal(sql: str) -> str:
    """One statement with its white space made plain, so layout does not count."""
    return re.sub(r"\s+", " ", sql).strip()


def stored(path: Path, where: str) -> set[str]:
    """The statements of the schema objects `where` picks (an SQL condition on sqlite_master)."""
    conn = sqlite3.connect(path)
    try:
        return {normal(sql) for (sql,) in conn.execute(f"SELECT sql FROM sqlite_master WHERE {where}")}
    finally:
        conn.close()


def normals(statements: Iterable[str]) -> set[str]:
    return {normal(s) for s in statements}
