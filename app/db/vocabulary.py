"""Closed vocabularies that the schema's CHECK constraints enforce, importable without
SQLAlchemy (forms offer them on the start-up path; app/db/models.py builds the checks)."""

from __future__ import annotations

RELIABILITIES = ("high", "medium", "low", "unverified")
