"""What `roundtable check` finds wrong with sources' files and quotes (app/services/checking.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AttachmentProblem:
    """A file kept for a source that is not there, or no longer has the bytes it was kept with."""

    source: str  # the source's name
    slug: str
    filename: str  # the name it had when added
    path: str  # where it should be
    state: str  # "missing" | "changed"


@dataclass(frozen=True)
class QuoteProblem:
    """A citation's quote that its source's text no longer holds, with the passage most like it."""

    citation_id: int
    source: str  # the source's name
    slug: str
    quote: str
    nearest: str  # "" when the text has nothing like it
    locator: str  # where the nearest passage is ("p. 2, ¶ 3"), "" when none
    similarity: float  # 0..1
