"""Closed vocabularies that the schema's CHECK constraints enforce, importable without
SQLAlchemy (forms offer them on the start-up path; app/db/models.py builds the checks)."""

from __future__ import annotations

RELIABILITIES = ("high", "medium", "low", "unverified")

# The columns a citation may hang on; exactly one is set (a CHECK in app/db/models.py).
CITATION_OWNERS = (
    "entity_id",
    "alias_id",
    "fact_id",
    "membership_id",
    "role_id",
    "participation_id",
    "party_id",
    "statement_id",
)
