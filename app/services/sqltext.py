"""Text inside SQL LIKE patterns (all patterns here use ESCAPE '\\')."""

from __future__ import annotations


def like_escape(text: str) -> str:
    """`text` as a literal inside a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_contains(text: str) -> str:
    """A LIKE pattern matching anything that contains `text`."""
    return f"%{like_escape(text)}%"
