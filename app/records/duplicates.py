"""Entries that are likely one and the same (app/services/duplicates.py), as `roundtable check`
and the Possible duplicates view show them."""

from __future__ import annotations

from dataclasses import dataclass

from app.records.entries import Ref

# Why entries are listed together.
SAME_NAME = "name"  # the same name, folded (case, accents, width)
NAME_AND_OTHER_NAME = "other name"  # one's name or other name is another's other name or name
SAME_ISO = "iso"  # a country's ISO alpha-3 or numeric code
SAME_URL = "url"  # a source's web address (scheme and host in any case, with or without a final /)
SAME_DOI = "doi"


@dataclass(frozen=True)
class DuplicateGroup:
    """Live entries of one kind that share `value` (as the first of them writes it)."""

    kind: str
    reason: str  # one of the constants above
    value: str
    entries: tuple[Ref, ...]  # oldest first
