"""What Help ▸ About tells: where the library is, at which schema revision, and where the bundled
dataset's facts come from. Plain sqlite3 reads; nothing here is slow enough to need a worker."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.db.database import Database
from app.db.schema_version import HEAD
from app.paths import dataset_file

# The bundled dataset tags the news article it was built from (resources/dataset/).
FOUNDING_TAG = "founding-article"


@dataclass(frozen=True)
class FoundingArticle:
    slug: str
    name: str
    publisher: str | None


@dataclass(frozen=True)
class BundledDataset:
    dataset_id: str | None
    version: int | None
    imported_at: str


@dataclass(frozen=True)
class AboutLibrary:
    database: Path
    schema_revision: str | None
    head_revision: str
    founding_article: FoundingArticle | None  # None once the researcher deletes it
    bundled: BundledDataset | None  # None in a library that was never seeded
    sources: int
    citations: int
    sqlite_version: str

    @property
    def data_folder(self) -> Path:
        return self.database.parent


def about(db: Database) -> AboutLibrary:
    conn = db.read()
    row = conn.execute(
        "SELECT e.slug, e.name, s.publisher FROM entity e "
        "JOIN source s ON s.id = e.id JOIN entity_tag et ON et.entity_id = e.id "
        "JOIN tag t ON t.id = et.tag_id "
        "WHERE t.name = ? AND e.deleted_at IS NULL ORDER BY e.id LIMIT 1",
        (FOUNDING_TAG,),
    ).fetchone()
    founding = FoundingArticle(*row) if row else None
    row = conn.execute(
        "SELECT dataset_id, dataset_version, imported_at FROM dataset_import "
        "WHERE filename = ? ORDER BY id LIMIT 1",
        (dataset_file().name,),
    ).fetchone()
    bundled = BundledDataset(*row) if row else None
    sources = conn.execute(
        "SELECT count(*) FROM entity WHERE kind = 'source' AND deleted_at IS NULL"
    ).fetchone()[0]
    citations = conn.execute("SELECT count(*) FROM citation").fetchone()[0]
    return AboutLibrary(
        database=db.path,
        schema_revision=db.schema_revision(),
        head_revision=HEAD,
        founding_article=founding,
        bundled=bundled,
        sources=int(sources),
        citations=int(citations),
        sqlite_version=sqlite3.sqlite_version,
    )
