"""Helpers shared by the note tests (services and GUI)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """A clock the test moves by hand; call it for `now_iso`-style timestamps."""

    def __init__(self, start: str = "2030-09-18T08:00:00+00:00") -> None:
        self.at = datetime.fromisoformat(start).astimezone(UTC)

    def __call__(self) -> str:
        return self.at.isoformat(timespec="microseconds")

    def advance(self, seconds: float = 1.0) -> str:
        self.at += timedelta(seconds=seconds)
        return self()
