"""list filter index: the filter texts' trigrams, so a filter of three characters or more reads an index

Revision ID: 0007_list_filter_index
Revises: 0006_note_trash_index
Create Date: 2026-11-28 23:20:00.000000

A list filter swept every entry's folded text with instr(): about 90 ms for 100,000 entries,
whatever it found. `list_hay_fts` (FTS5, trigram, contentless, no positions) gives the entries
that hold all of a filter's trigrams; instr() then checks only those. Triggers on list_hay keep
it in step. The statements were generated from app/db/list_index.py (which explains the
design) and are frozen here; tests/migrations/test_list_index.py checks that a database at
head holds exactly what that module defines. Filling it takes a few seconds for 200,000
entries, once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0007_list_filter_index'
down_revision: str | None = '0006_note_trash_index'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE = (
    "CREATE VIRTUAL TABLE list_hay_fts USING fts5(hay, content='', tokenize='trigram case_sensitive 1', detail=none)",
    'CREATE TRIGGER list_hay_ai AFTER INSERT ON list_hay BEGIN INSERT INTO list_hay_fts (rowid, hay) VALUES (new.id, new.hay); END',
    "CREATE TRIGGER list_hay_ad AFTER DELETE ON list_hay BEGIN INSERT INTO list_hay_fts (list_hay_fts, rowid, hay) VALUES ('delete', old.id, old.hay); END",
    "CREATE TRIGGER list_hay_au AFTER UPDATE ON list_hay BEGIN INSERT INTO list_hay_fts (list_hay_fts, rowid, hay) VALUES ('delete', old.id, old.hay); INSERT INTO list_hay_fts (rowid, hay) VALUES (new.id, new.hay); END",
)
FILL = 'INSERT INTO list_hay_fts (rowid, hay) SELECT id, hay FROM list_hay'
DROP = (
    'DROP TRIGGER IF EXISTS list_hay_ai',
    'DROP TRIGGER IF EXISTS list_hay_ad',
    'DROP TRIGGER IF EXISTS list_hay_au',
    'DROP TABLE IF EXISTS list_hay_fts',
)


def upgrade() -> None:
    conn = op.get_bind()
    for statement in (*CREATE, FILL):
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in DROP:
        conn.exec_driver_sql(statement)
