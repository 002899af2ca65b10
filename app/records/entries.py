"""Plain, immutable values the services hand to the command line and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.quoting import in_quotes

# Records of the check and of a source's reading: the window's first paint needs none of them,
# and each dataclass built costs a start about a millisecond.
if TYPE_CHECKING:
    from app.records.anchors import Paragraph
    from app.records.data_quality import DataQuality
    from app.records.duplicates import DuplicateGroup  # (which imports Ref from here)
    from app.records.source_checks import AttachmentProblem, QuoteProblem


@dataclass(frozen=True)
class Ref:
    """A link to an entry."""

    id: int
    kind: str
    slug: str
    name: str


@dataclass(frozen=True)
class Column:
    key: str
    header: str


@dataclass(frozen=True)
class Row:
    """One line of a list: the entry and the values of its kind's columns, as text."""

    id: int
    slug: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    rows: tuple[Row, ...]
    offset: int


@dataclass(frozen=True)
class CitationView:
    source: Ref
    reliability: str
    quote: str | None = None
    locator: str | None = None
    field: str | None = None
    note: str | None = None
    source_url: str | None = None
    source_publisher: str | None = None


@dataclass(frozen=True)
class FieldView:
    label: str
    value: str
    ref: Ref | None = None
    citations: tuple[CitationView, ...] = ()


@dataclass(frozen=True)
class AliasView:
    value: str
    language: str | None
    script: str | None
    kind: str
    citations: tuple[CitationView, ...] = ()


@dataclass(frozen=True)
class RoleView:
    title: str
    organization: Ref | None
    country: Ref | None
    as_of: str | None
    start: str | None
    end: str | None
    citations: tuple[CitationView, ...] = ()


@dataclass(frozen=True)
class MembershipView:
    member: Ref
    organization: Ref
    status: str
    start: str | None
    end: str | None
    citations: tuple[CitationView, ...] = ()


@dataclass(frozen=True)
class FactView:
    text: str
    date: str | None
    citations: tuple[CitationView, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class StatementView:
    speaker: Ref | None
    speaker_label: str | None
    event: Ref | None
    date: str | None
    text: str
    kind: str
    language: str | None
    citations: tuple[CitationView, ...] = ()


@dataclass(frozen=True)
class LinkView:
    """A related entry, with how it relates ('co-host', 'lead', 'member since 1967-08-08')."""

    ref: Ref
    detail: str = ""
    citations: tuple[CitationView, ...] = ()


@dataclass(frozen=True)
class LinkGroup:
    title: str
    links: tuple[LinkView, ...]


@dataclass(frozen=True)
class SourceUse:
    """A citation of a source, seen from the source: what it supports and with which words.

    `subject` is the entry the use is listed under (None: an entry in the trash); `owner` what
    on it the citation belongs to (one of USE_OWNERS) and `words` that thing's own words: the
    fact's sentence, the title as the source states it, the statement, a membership's status,
    a participant's or party's role, a name, a field. `other` is the second entry of a relation
    (the organization of a title or membership, the participant of an event, the party of an
    initiative). `what` is the short form the command line prints ('title: Minister').
    `start`/`end`: where the quote stands in the source's current text (None when it has no
    text or the quote's words are no longer there)."""

    subject: Ref | None
    what: str
    quote: str | None
    reliability: str
    owner: str = "entry"
    words: str = ""
    other: Ref | None = None
    citation_id: int = 0
    owner_id: int = 0  # the row the citation belongs to (the fact's id, the role's ...)
    locator: str | None = None
    start: int | None = None
    end: int | None = None
    date: str | None = None  # the fact's, statement's or title's date, when it has one

    @property
    def described(self) -> str:
        """What the citation supports, in its own words, as files written for people read it
        ('fact: …', 'title: Minister — NDRC'); the window translates the same forms
        (app/gui/detail_html.use_label)."""
        other = self.other.name if self.other else ""
        label = {
            "fact": f"fact: {self.words}",
            "title": f"title: {self.words}",
            "membership": f"membership: {self.words}",
            "participation": f"{self.words}: {other}",
            "party": f"party ({self.words}): {other}",
            "statement": f"statement: {in_quotes(self.words)}",
            "name": f"name {self.words}",
            "field": self.words.replace("_", " "),
        }.get(self.owner, "the entry as a whole")
        shown_other = other and self.owner in ("title", "membership")
        return f"{label} — {other}" if shown_other else label


# What a citation of a source can belong to, as SourceUse.owner names it.
USE_OWNERS = (
    "entry",
    "field",
    "name",
    "fact",
    "title",
    "membership",
    "participation",
    "party",
    "statement",
)


@dataclass(frozen=True)
class CitedPassage:
    """A span of a source's text that citations quote, with every use that quotes it."""

    start: int
    end: int
    uses: tuple[SourceUse, ...]


@dataclass(frozen=True)
class SourceReading:
    """A source's text as the reader shows it: the text, its paragraphs (app/records/anchors.py
    Paragraph values, with page and number), the passages its citations quote (in text order),
    and the citations whose quotes are no longer found in it."""

    source: Ref
    text: str
    reliability: str
    paragraphs: tuple[Paragraph, ...]
    passages: tuple[CitedPassage, ...]
    unplaced: tuple[SourceUse, ...] = ()

    @property
    def paged(self) -> bool:
        return "\f" in self.text


@dataclass(frozen=True)
class NoteSummary:
    id: int
    uid: str
    title: str
    updated_at: str
    entry: Ref | None = None


@dataclass(frozen=True)
class EntryDetail:
    ref: Ref
    uid: str
    summary: str
    created_at: str
    updated_at: str
    deleted_at: str | None
    fields: tuple[FieldView, ...] = ()
    citations: tuple[CitationView, ...] = ()
    aliases: tuple[AliasView, ...] = ()
    roles: tuple[RoleView, ...] = ()
    memberships: tuple[MembershipView, ...] = ()
    facts: tuple[FactView, ...] = ()
    statements: tuple[StatementView, ...] = ()
    related: tuple[LinkGroup, ...] = ()
    source_uses: tuple[SourceUse, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[NoteSummary, ...] = ()
    backlinks: tuple[NoteSummary, ...] = ()
    archived_text: str | None = None


@dataclass(frozen=True)
class MissingNames:
    """The live countries that have no name in `language` (a BCP 47 tag), by name."""

    language: str
    countries: tuple[Ref, ...]
    of_all: bool = False  # every country of the library lacks it


def _no_gaps() -> DataQuality:
    from app.records.data_quality import DataQuality

    return DataQuality()


@dataclass(frozen=True)
class CheckReport:
    path: str
    integrity: tuple[str, ...]
    foreign_key_problems: int
    schema_revision: str | None
    head_revision: str
    counts: dict[str, int] = field(default_factory=dict)
    search_index: tuple[str, ...] = ()  # what is wrong with the search index, if anything
    list_index: tuple[str, ...] = ()  # ... with the lists' stored columns (app/db/list_index.py)
    attachments: tuple[AttachmentProblem, ...] = ()  # sources' files missing or changed
    quotes: tuple[QuoteProblem, ...] = ()  # quotes their source's text no longer holds
    # Entries that may be one and the same: for the researcher to judge, so not in `ok`.
    duplicates: tuple[DuplicateGroup, ...] = ()
    # Countries with no name in a language of the region: a gap in the research, not in the
    # file (no source gives some, e.g. Tetum), so not in `ok` either.
    missing_names: tuple[MissingNames, ...] = ()
    # Gaps in the research (untitled sources, citations showing only an address, facts every
    # facts cited to a source that predates them): for the researcher to fill over time, so not in `ok` either.
    data_quality: DataQuality = field(default_factory=_no_gaps)

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ("ok",)
            and self.foreign_key_problems == 0
            and self.schema_revision == self.head_revision
            and not self.search_index
            and not self.list_index
            and not self.attachments
            and not self.quotes
        )
