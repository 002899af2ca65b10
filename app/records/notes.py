"""Plain, immutable values about notes and tags: what the services hand to the window and the
command line, and what the Markdown export writes."""

from __future__ import annotations

from dataclasses import dataclass

from app.records.entries import Ref


@dataclass(frozen=True)
class NoteDoc:
    """A note as the library holds it: what the editor opens and what an export writes."""

    id: int
    uid: str
    title: str
    body: str
    entry: Ref | None
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaveResult:
    """What a save did. `saved` is False when the text was already stored (nothing written).
    `entries`: slugs of entries whose detail view shows something that changed (the note's
    title in their notes or backlinks, or a backlink that appeared or went)."""

    note_id: int
    saved: bool
    title: str
    updated_at: str
    revision_created: bool = False
    entries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Changed:
    """What a note operation other than a save touched, for the change broadcast."""

    note_ids: frozenset[int]
    entries: frozenset[str]


@dataclass(frozen=True)
class RevisionSummary:
    """One earlier state of a note: its text as it was saved at `created_at`."""

    id: int
    note_id: int
    created_at: str
    title: str
    chars: int
    excerpt: str


@dataclass(frozen=True)
class Revision:
    id: int
    note_id: int
    created_at: str
    title: str
    body: str


@dataclass(frozen=True)
class NoteRow:
    """One line of a list of notes."""

    id: int
    title: str
    entry: Ref | None
    created_at: str
    updated_at: str
    deleted_at: str | None
    tags: tuple[str, ...]
    excerpt: str


@dataclass(frozen=True)
class NoteQuery:
    """Which notes a list shows, and in which order. Sort keys: updated, created, entry, title,
    deleted.
    `entry_id`: only the notes on that entry; `links_to`: only notes that link to that entry;
    `standalone`: only notes on no entry."""

    text: str = ""
    tag: str | None = None
    entry_id: int | None = None
    links_to: int | None = None
    standalone: bool = False
    trash: bool = False
    sort: str = "updated"
    descending: bool = True


@dataclass(frozen=True)
class TagCount:
    """A tag with how many live notes and entries carry it or a tag nested under it."""

    name: str
    notes: int
    entries: int

    @property
    def depth(self) -> int:
        return self.name.count("/")

    @property
    def leaf(self) -> str:
        return self.name.rsplit("/", 1)[-1]

    @property
    def total(self) -> int:
        return self.notes + self.entries


@dataclass(frozen=True)
class LinkCandidate:
    """A way to name an entry in a [[link]]: its name, its slug or one of its aliases."""

    text: str
    slug: str
    name: str
    kind: str
