"""pytest-alembic's built-in checks of the migration history, as an independent tool makes them:
one head, base to head in one go, the models match what the migrations build (Alembic's
autogenerate finds nothing to write), and every revision upgrades and downgrades one at a time.

The model comparison leaves out what migrations/env.py's `_include_name` leaves out: the
search index (FTS5 tables and their shadow tables, app/db/search_index.py) and the lists'
stored columns (app/db/list_index.py) are SQL of their own, not models;
test_search_index.py and test_list_index.py compare those with their modules instead."""

from __future__ import annotations

from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]
