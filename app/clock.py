"""The app's notion of 'now', in one place (tests can rely on its format)."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    """UTC timestamp as ISO 8601 with microseconds: sorts as text, parses everywhere."""
    return datetime.now(UTC).isoformat(timespec="microseconds")
