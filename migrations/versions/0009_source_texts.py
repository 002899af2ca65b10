"""source texts: who wrote a source and in what language, its saved files, and quotes anchored
in its text

Revision ID: 0009_source_texts
Revises: 0008_list_counts
Create Date: 2026-12-07 18:40:00.000000

A researcher cites as they read (issue "Cite as you read"):
- `source.authors` (one name a line) and `source.language` (a BCP 47 tag) complete a source's
  record; its text stays in `source.archived_text` (already searchable), with a form feed
  between the pages of a paged original (a PDF), the convention of pdftotext.
- `attachment`: the files a source's text came from, kept beside the database and named by
  their SHA-256 (app/services/attachments.py); the row says what the researcher added.
- `citation` gains a W3C Web Annotation anchor for its quote (the text just before and after
  it, and its position in the source's text; app/records/anchors.py) so the quote is found
  again when the text is replaced by a better copy, and a `position` so the citations of one
  fact keep the order the researcher gave them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009_source_texts'
down_revision: str | None = '0008_list_counts'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CITATION_COLUMNS = ("quote_prefix", "quote_suffix", "quote_start", "quote_end", "position")


def upgrade() -> None:
    op.add_column("source", sa.Column("authors", sa.Text(), nullable=True))
    op.add_column("source", sa.Column("language", sa.String(35), nullable=True))
    op.add_column("citation", sa.Column("quote_prefix", sa.Text(), nullable=True))
    op.add_column("citation", sa.Column("quote_suffix", sa.Text(), nullable=True))
    op.add_column("citation", sa.Column("quote_start", sa.Integer(), nullable=True))
    op.add_column("citation", sa.Column("quote_end", sa.Integer(), nullable=True))
    op.add_column(
        "citation", sa.Column("position", sa.Integer(), nullable=False, server_default="0")
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_attachment_sha256_hex")),
        sa.ForeignKeyConstraint(
            ["source_id"], ["entity.id"], name=op.f("fk_attachment_source_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint("source_id", "sha256", name=op.f("uq_attachment_source_id_sha256")),
    )
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment")
    op.drop_table("attachment")
    # SQLite drops a plain column in place (3.35+), which keeps the triggers on these tables.
    for column in CITATION_COLUMNS:
        op.drop_column("citation", column)
    op.drop_column("source", "language")
    op.drop_column("source", "authors")
