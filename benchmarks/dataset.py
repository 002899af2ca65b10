"""The benchmark's database: generated once per generator version, schema and size, then reused.

The file lives under build/bench/ with everything that shapes it in its name, so a changed
generator, a new schema revision or another size makes a new file instead of reusing a stale
one. Each run works on a copy (the app writes: its lock, a note saved), never on the cache.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.db import search_index
from app.db.schema_version import HEAD, KNOWN_REVISIONS
from benchmarks.generate import GENERATOR_VERSION, generate

CACHE = Path(__file__).resolve().parents[1] / "build" / "bench"
SEED = 1


@dataclass(frozen=True)
class Size:
    name: str
    people: int
    initiatives: int
    notes: int  # a tenth of them carry the sample tag: those are exported

    @property
    def exported_notes(self) -> int:
        return self.notes // 10


FULL = Size("full", 100_000, 100_000, 100_000)
SMOKE = Size("smoke", 2_000, 2_000, 2_000)


def cached(size: Size, log: Callable[[str], None] = print) -> Path:
    """The generated database for `size`, made now if no current copy is cached."""
    path = _cache_path(size, HEAD)
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    older = _older_revision(size)
    if older is not None:
        # The same data at an older schema: migrated as a researcher's library would be (a
        # few seconds), instead of generated again (many minutes at full size).
        log(f"migrating {older.name} to {HEAD} ...")
        shutil.copyfile(older, partial)
        from app.db.migrate import upgrade

        upgrade(partial)
    else:
        log(f"generating {path.name} (once; later runs reuse it) ...")
        generate(partial, people=size.people, initiatives=size.initiatives, notes=size.notes, seed=SEED)
    partial.replace(path)
    for stale in CACHE.glob(f"roundtable-bench-*-p{size.people}-i{size.initiatives}-n{size.notes}-*"):
        if stale != path:
            stale.unlink()  # another generator version or schema: never used again
    return path


def _cache_path(size: Size, revision: str) -> Path:
    key = f"g{GENERATOR_VERSION}-{revision}-p{size.people}-i{size.initiatives}-n{size.notes}-s{SEED}"
    return CACHE / f"roundtable-bench-{key}.sqlite3"


def _older_revision(size: Size) -> Path | None:
    """A cached file of this generator and size at an earlier known revision, newest first."""
    for revision in reversed(KNOWN_REVISIONS[:-1]):
        older = _cache_path(size, revision)
        if older.exists():
            return older
    return None


def working_copy(source: Path, folder: Path) -> Path:
    target = folder / "roundtable.sqlite3"
    shutil.copyfile(source, target)
    return target


@dataclass(frozen=True)
class IndexSize:
    database_mb: float
    text_mb: float  # the searchable text, UTF-8
    folded_mb: float  # search_doc: the folded copy
    fts_mb: float  # the trigram index's own tables
    documents: int

    def describe(self) -> str:
        return (
            f"database {self.database_mb:.0f} MB; searchable text {self.text_mb:.0f} MB in "
            f"{self.documents:,} texts; search index {(self.folded_mb + self.fts_mb) / self.text_mb:.2f}× "
            f"the text (folded copy {self.folded_mb / self.text_mb:.2f}×, trigram index "
            f"{self.fts_mb / self.text_mb:.2f}×)"
        )


def index_size(path: Path) -> IndexSize:
    conn = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)  # leaves no -shm or -wal
    try:

        def pages(*tables: str) -> int:
            marks = ", ".join("?" * len(tables))
            row = conn.execute(f"SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN ({marks})", tables)
            return int(row.fetchone()[0])

        text = sum(
            int(
                conn.execute(
                    f"SELECT coalesce(sum(length(CAST({f.column} AS BLOB))), 0) FROM {f.table}"
                ).fetchone()[0]
            )
            for f in search_index.FIELDS
        )
        documents = int(conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])
        folded = pages("search_doc", "search_doc_names")
        fts = pages("search_fts_data", "search_fts_idx", "search_fts_config")
    finally:
        conn.close()
    mb = 1e6
    return IndexSize(path.stat().st_size / mb, text / mb, folded / mb, fts / mb, documents)
