"""Opening the researcher's library: the database, migrated, and seeded once with the bundled
dataset (through the same importer as `roundtable import`)."""

from __future__ import annotations

from pathlib import Path

from app.db.database import Database, open_database
from app.paths import dataset_file


def needs_seed(db: Database) -> bool:
    """True only for a library that has never held anything: no import, no entry, no note."""
    row = (
        db.read()
        .execute(
            "SELECT EXISTS (SELECT 1 FROM dataset_import) OR EXISTS (SELECT 1 FROM entity) "
            "OR EXISTS (SELECT 1 FROM note)"
        )
        .fetchone()
    )
    return not row[0]


def seed(db: Database, path: Path | None = None) -> str:
    """Import the bundled dataset; returns the import summary."""
    from app.io import datafile
    from app.services.importer import import_file

    return import_file(db, datafile.read(path or dataset_file())).summary()


def open_library(path: Path) -> Database:
    """Open (create, migrate) the database at `path` and seed it if it has never held anything.

    Raises app.db.database.DatabaseRefused for files that are not ours or too new.
    """
    db = open_database(path)
    if needs_seed(db):
        seed(db)
    return db
