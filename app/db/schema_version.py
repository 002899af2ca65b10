"""What this build of Roundtable knows about schema revisions, without importing Alembic.

Start-up compares the file's revision with HEAD using plain sqlite3; Alembic is imported only
when a migration is due. tests/migrations/test_schema_version.py keeps these in step with the
revision scripts in migrations/versions.
"""

from __future__ import annotations

# Oldest first; the last one is the head.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_list_index",
    "0003_search",
    "0004_list_rows",
    "0005_search_groups",
    "0006_note_trash_index",
    "0007_list_filter_index",
    "0008_list_counts",
    "0009_source_texts",
    "0010_source_citation_keys",
    "0011_list_sort_key",
    "0012_list_collation",
    "0013_note_sort_indexes",
    "0014_note_entry_sort",
    "0015_list_trigger_columns",
)
HEAD = KNOWN_REVISIONS[-1]
