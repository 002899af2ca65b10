"""note entry sort: the Notes view's order by entry read from an index

Revision ID: 0014_note_entry_sort
Revises: 0013_note_sort_indexes
Create Date: 2026-12-07 22:20:00.000000

Sorted by entry, each page of the Notes view joined every note to its entry and sorted them
all by name (1.2-1.5 s at 100,000 notes). note.entry_sort now holds the entry's sort key (the
lists' rt_sort_key; NULL for a standalone note), kept by triggers, and two indexes hold the
order in each direction, so a page reads 200 index entries. The statements were generated
from app/db/note_sort.py and are frozen here; tests/migrations/test_note_sort.py checks that
a database at head holds exactly what that module defines.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_note_entry_sort"
down_revision: str | None = "0013_note_sort_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE: tuple[str, ...] = (
    "ALTER TABLE note ADD COLUMN entry_sort TEXT",
    # Each entry's key once, not once per note.
    "UPDATE note SET entry_sort = k.key FROM (SELECT id, rt_sort_key(name) AS key FROM entity "
    "WHERE id IN (SELECT entity_id FROM note)) AS k WHERE k.id = note.entity_id",
    "CREATE INDEX ix_note_entry_sort ON note (entry_sort IS NULL, entry_sort, updated_at DESC, id, deleted_at)",
    "CREATE INDEX ix_note_entry_sort_desc ON note (entry_sort IS NULL, entry_sort DESC, updated_at DESC, id, deleted_at)",
    "CREATE TRIGGER note_entry_sort_ai AFTER INSERT ON note WHEN new.entity_id IS NOT NULL "
    "OR new.entry_sort IS NOT NULL BEGIN UPDATE note SET entry_sort = (SELECT rt_sort_key(e.name) "
    "FROM entity e WHERE e.id = new.entity_id) WHERE id = new.id; END",
    "CREATE TRIGGER note_entry_sort_au AFTER UPDATE OF entity_id ON note BEGIN UPDATE note SET "
    "entry_sort = (SELECT rt_sort_key(e.name) FROM entity e WHERE e.id = new.entity_id) "
    "WHERE id = new.id; END",
    "CREATE TRIGGER note_entry_sort_entity_au AFTER UPDATE OF name ON entity WHEN new.name IS NOT "
    "old.name BEGIN UPDATE note SET entry_sort = rt_sort_key(new.name) WHERE entity_id = new.id; END",
)
DOWNGRADE: tuple[str, ...] = (
    "DROP TRIGGER note_entry_sort_entity_au",
    "DROP TRIGGER note_entry_sort_au",
    "DROP TRIGGER note_entry_sort_ai",
    "DROP INDEX ix_note_entry_sort_desc",
    "DROP INDEX ix_note_entry_sort",
    "ALTER TABLE note DROP COLUMN entry_sort",
)


def upgrade() -> None:
    conn = op.get_bind()
    for statement in UPGRADE:
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in DOWNGRADE:
        conn.exec_driver_sql(statement)
