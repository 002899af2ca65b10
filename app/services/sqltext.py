"""Text inside SQL: LIKE patterns (all patterns here use ESCAPE '\\') and prefix ranges."""

from __future__ import annotations


def like_escape(text: str) -> str:
    """`text` as a literal inside a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_contains(text: str) -> str:
    """A LIKE pattern matching anything that contains `text`."""
    return f"%{like_escape(text)}%"


def starting_with(prefix: str) -> tuple[str, str]:
    """The bounds (lower, upper) of the texts that begin with `prefix`, for `col >= ? AND
    col < ?`: unlike LIKE, a range an index on the column serves, in its order."""
    return prefix, prefix + "\U0010ffff"  # above every character
