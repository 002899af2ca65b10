"""source citation keys: a source's key and DOI, and what the last bibliography import wrote

Revision ID: 0010_source_citation_keys
Revises: 0009_source_texts
Create Date: 2026-12-07 19:00:00.000000

Sources come in from citation managers and go out as a bibliography (issue "Bring your
library"):
- `source.citation_key` is the key a bibliography cites it by (`@smith2024ai`), unique in the
  library where it is set (a partial unique index: most sources made by hand have none until an
  export gives them one); `source.doi` is its DOI, lower case, matched on re-import.
- `source_import`: for each source a bibliography import wrote, the values it wrote (JSON) and
  where from. A re-import updates a field only while the library still holds what the last
  import wrote there; a field the researcher changed since is left as they have it and
  reported (app/services/bibliography.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_source_citation_keys"
down_revision: str | None = "0009_source_texts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("source", sa.Column("citation_key", sa.Text(), nullable=True))
    op.add_column("source", sa.Column("doi", sa.Text(), nullable=True))
    op.create_index(
        op.f("ix_source_citation_key"),
        "source",
        ["citation_key"],
        unique=True,
        sqlite_where=sa.text("citation_key IS NOT NULL"),
    )
    op.create_index(op.f("ix_source_doi"), "source", ["doi"], unique=False)
    op.create_table(
        "source_import",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["entity.id"], name=op.f("fk_source_import_source_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_source_import")),
    )


def downgrade() -> None:
    op.drop_table("source_import")
    op.drop_index(op.f("ix_source_doi"), table_name="source")
    op.drop_index(op.f("ix_source_citation_key"), table_name="source")
    # SQLite drops a plain column in place (3.35+), which keeps the triggers on this table.
    op.drop_column("source", "doi")
    op.drop_column("source", "citation_key")
