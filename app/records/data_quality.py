"""What `roundtable check` says about the research itself: sources without a title, citations
that show only an address, facts no cited source can report, people without their name in the
script their sources use (app/services/data_quality.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UntitledSource:
    """A live source whose name says it is not the source's title, with no reason given why
    the title cannot be had."""

    slug: str
    name: str


@dataclass(frozen=True)
class BareCitation:
    """A citation with neither a quote nor a note: the reader sees only the source's address."""

    citation_id: int
    source_slug: str
    entry_slug: str  # the entry whose fact, name, title... it supports ("" for a statement's)


@dataclass(frozen=True)
class EarlyCitation:
    """A citation of a dated fact whose source was published before the fact's date (at both
    dates' precision), so it cannot report the fact: the source predates what it is cited for."""

    citation_id: int
    fact_id: int
    entry_slug: str
    date: str  # the fact's
    text: str  # the fact's
    source_slug: str
    published: str  # the source's


@dataclass(frozen=True)
class UnnamedPerson:
    """A live person with no other name in `language` (a BCP 47 tag), a language that spells
    names apart from English (Chinese, Vietnamese, Lao, Thai, Khmer, Burmese), although a source
    cited for them is written in it (`source_slug`, the first by slug) or it is their country's
    own language (`country`)."""

    slug: str
    name: str
    language: str
    source_slug: str = ""  # "" when only the country asks for it
    country: bool = False


@dataclass(frozen=True)
class DataQuality:
    """The research's gaps, as counts over what was looked at, and the items themselves."""

    sources: int = 0  # live sources looked at
    untitled: tuple[UntitledSource, ...] = ()
    citations: int = 0  # citations looked at
    bare: tuple[BareCitation, ...] = ()
    early: tuple[EarlyCitation, ...] = ()
    people: int = 0  # live people looked at
    unnamed: tuple[UnnamedPerson, ...] = ()
