"""What went wrong, for people: the window and the command line explain a database or disk
error through here (the classification itself is app/db/errors.py's), so neither imports the
database layer."""

from __future__ import annotations

from app.db.database import DatabaseReadOnly
from app.db.errors import Failure, Trouble, explain, is_database_error

__all__ = ["DatabaseReadOnly", "Failure", "Trouble", "explain", "is_database_error"]
