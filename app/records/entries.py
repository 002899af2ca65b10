"""Plain, immutable values the services hand to the command line and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """A citation of a source, seen from the source: what it supports and with which words."""

    subject: Ref | None
    what: str
    quote: str | None
    reliability: str


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
class CheckReport:
    path: str
    integrity: tuple[str, ...]
    foreign_key_problems: int
    schema_revision: str | None
    head_revision: str
    counts: dict[str, int] = field(default_factory=dict)
    search_index: tuple[str, ...] = ()  # what is wrong with the search index, if anything
    list_index: tuple[str, ...] = ()  # ... with the lists' stored columns (app/db/list_index.py)

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ("ok",)
            and self.foreign_key_problems == 0
            and self.schema_revision == self.head_revision
            and not self.search_index
            and not self.list_index
        )
