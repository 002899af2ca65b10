"""Alembic environment. Roundtable runs migrations from code (app/db/migrate.py) on a connection
it passes in `config.attributes["connection"]`; other tools (pytest-alembic, in
tests/migrations) pass an Engine there instead. Batch mode because SQLite cannot ALTER most
things in place."""

from __future__ import annotations

import warnings
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection, Engine

from app.db.models import Base

config = context.config
target_metadata = Base.metadata


def _same_default(
    _context: Any,
    _inspected_column: Any,
    _metadata_column: Any,
    inspected_default: str | None,
    _metadata_default: Any,
    rendered_metadata_default: str | None,
) -> bool | None:
    """SQLite reflects a default of '' as "('')", which Alembic's own comparison misreads;
    compare the unwrapped text ourselves. True means 'differs'."""
    if inspected_default is None or rendered_metadata_default is None:
        return None

    def bare(text: str) -> str:
        return text.strip().removeprefix("(").removesuffix(")").strip("'\"")

    return bare(inspected_default) != bare(rendered_metadata_default)


def _include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """The search index (app/db/search_index.py) and the lists' stored columns
    (app/db/list_index.py) are SQL of their own, not models: FTS5 tables and their shadow
    tables, list_row and its indexes and counts are not for Alembic to compare. Nor is the
    notes' title index (0013) or their entry-order indexes (0014, app/db/note_sort.py):
    expressions Alembic can only compare approximately, with a warning, and would then want to
    drop and create again."""
    if type_ == "index" and name in ("ix_note_title_nocase", "ix_note_entry_sort", "ix_note_entry_sort_desc"):
        return False
    return not (
        type_ == "table"
        and name is not None
        and name.startswith(("search_", "list_row", "list_hay", "list_count"))
    )


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=_include_name,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=_same_default,
    )
    with context.begin_transaction(), warnings.catch_warnings():
        # A comparison with the models reflects the schema; SQLAlchemy cannot reflect the notes'
        # entry-order indexes (expressions, app/db/note_sort.py), which _include_name leaves
        # out, and says so.
        warnings.filterwarnings(
            "ignore", r"Skipped unsupported reflection of expression-based index ix_note_entry_sort"
        )
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)  # the caller's transaction: it commits, or rolls back, the whole run
        return
    if isinstance(given, Engine):
        with given.begin() as conn:
            _run(conn)
        return
    if given is not None:
        raise TypeError(f"config.attributes['connection'] must be a Connection or an Engine, not {given!r}")
    from app.db.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "", foreign_keys=False)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Roundtable migrations run online only (app/db/migrate.py).")
run_migrations_online()
