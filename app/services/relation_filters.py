"""The filters the Graph and the Timeline share, and the one rule for whether a dated relation
holds on a given day.

A relation's dates keep their precision (app/dates.py): '2022' as a start means the relation
is known from some day of 2022, so on an as-of date it counts from 1 Jan 2022; '2025-10' as an
end counts to 31 Oct 2025. Ends are inclusive (Popolo's end_date is the last day held), so on
the day Timor-Leste's observer status ended and its membership began, both hold. A relation
with no start holds since ever, one with no end still holds: an undated relation is not
evidence that it did not hold, so an as-of date never hides it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from app.i18n import N_

# The relations the views draw, in the order their filters list them.
TITLE = "title"  # a person's title at an organization (or a country)
MEMBER_OF = "member_of"  # a country or organization in an organization
PARTY_TO = "party_to"  # an entry party to an initiative
PARTICIPANT_IN = "participant_in"  # an entry that took part in an event
PART_OF = "part_of"  # an organization in its parent, an event in the larger one
CITED_BY = "cited_by"  # an entry whose facts cite a source
MENTIONED_IN = "mentioned_in"  # an entry a note mentions or is written on

RELATIONS: tuple[str, ...] = (TITLE, MEMBER_OF, PARTY_TO, PARTICIPANT_IN, PART_OF, CITED_BY, MENTIONED_IN)

RELATION_LABELS: dict[str, str] = {
    TITLE: N_("Relations", "Title"),
    MEMBER_OF: N_("Relations", "Member of"),
    PARTY_TO: N_("Relations", "Party to"),
    PARTICIPANT_IN: N_("Relations", "Participant in"),
    PART_OF: N_("Relations", "Part of"),
    CITED_BY: N_("Relations", "Cited by"),
    MENTIONED_IN: N_("Relations", "Mentioned in"),
}

# Relations that have dates of their own: an as-of date applies to them only.
DATED_RELATIONS: frozenset[str] = frozenset({TITLE, MEMBER_OF})

MIN_DEPTH, MAX_DEPTH = 1, 3


def first_day(date: str) -> dt.date:
    """The first day a date of any precision may name: '2025' -> 1 Jan 2025."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 1
    day = int(date[8:10]) if len(date) >= 10 else 1
    return dt.date(year, month, day)


def last_day(date: str) -> dt.date:
    """The last day a date of any precision may name: '2025' -> 31 Dec 2025, '2024-02' -> 29 Feb."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 12
    if len(date) >= 10:
        return dt.date(year, month, int(date[8:10]))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def valid_on(start: str | None, end: str | None, day: dt.date) -> bool:
    """Whether a relation from `start` to `end` (ISO dates of any precision, None for open)
    holds on `day`: from the first day its start may name to the last day its end may name."""
    if start is not None and day < first_day(start):
        return False
    return not (end is not None and day > last_day(end))


@dataclass(frozen=True, slots=True)
class RelationFilters:
    """What the Graph or the Timeline shows. An empty set means no filter on that axis.

    kinds: entry kinds ('person', 'country', …; app/db/models.KINDS).
    tags: tag names; an entry passes with any of them.
    countries: ids of country entries; an entry passes when it is one of them or belongs to one.
    relations: relation names (RELATIONS).
    as_of: only dated relations valid that day (valid_on); None shows all.
    centre: the id of the entry the view is around, with `depth` steps of relations (1–3);
      None is the whole library.
    """

    kinds: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    countries: frozenset[int] = frozenset()
    relations: frozenset[str] = frozenset()
    as_of: dt.date | None = None
    centre: int | None = None
    depth: int = 1

    def __post_init__(self) -> None:
        if not MIN_DEPTH <= self.depth <= MAX_DEPTH:
            raise ValueError(f"depth must be {MIN_DEPTH}–{MAX_DEPTH}, not {self.depth}")
        unknown = self.relations - set(RELATIONS)
        if unknown:
            raise ValueError(f"unknown relations: {sorted(unknown)}")

    def shows_relation(self, relation: str) -> bool:
        return not self.relations or relation in self.relations

    def shows_kind(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def holds(self, relation: str, start: str | None, end: str | None) -> bool:
        """Whether a relation of this name with these dates passes the relation and as-of filters."""
        if not self.shows_relation(relation):
            return False
        return self.as_of is None or valid_on(start, end, self.as_of)
