"""list counts: how many entries each kind's list holds, kept by triggers

Revision ID: 0008_list_counts
Revises: 0007_list_filter_index
Create Date: 2026-11-28 23:30:00.000000

The sidebar shows each kind's count at every start; counting list_row (200,000 rows) took
42 ms of it. `list_count` holds the counts, kept by triggers on list_row. The statements were
generated from app/db/list_index.py (which explains the design) and are frozen here;
tests/migrations/test_list_index.py checks that a database at head holds exactly what that
module defines.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0008_list_counts'
down_revision: str | None = '0007_list_filter_index'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE = 'CREATE TABLE list_count (kind TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID'
FILL = 'INSERT INTO list_count (kind, n) SELECT kind, count(*) FROM list_row GROUP BY kind'
TRIGGERS = (
    'CREATE TRIGGER list_row_ai AFTER INSERT ON list_row BEGIN INSERT INTO list_count (kind, n) VALUES (new.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1; END',
    'CREATE TRIGGER list_row_ad AFTER DELETE ON list_row BEGIN UPDATE list_count SET n = n - 1 WHERE kind = old.kind; END',
    'CREATE TRIGGER list_row_au AFTER UPDATE OF kind ON list_row BEGIN UPDATE list_count SET n = n - 1 WHERE kind = old.kind; INSERT INTO list_count (kind, n) VALUES (new.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1; END',
)
DROP = (
    'DROP TRIGGER IF EXISTS list_row_ai',
    'DROP TRIGGER IF EXISTS list_row_ad',
    'DROP TRIGGER IF EXISTS list_row_au',
    'DROP TABLE IF EXISTS list_count',
)


def upgrade() -> None:
    conn = op.get_bind()
    for statement in (CREATE, FILL, *TRIGGERS):
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in DROP:
        conn.exec_driver_sql(statement)
