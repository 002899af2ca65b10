"""The schema, as typed SQLAlchemy 2 models. Alembic revisions are checked against it.

Every entry (person, country, organization, initiative, event, source) is a row of `entity`
plus a row of its kind's table (joined-table inheritance), so notes, tags, aliases, facts and
citations have real foreign keys to any entry.

Dates of the world (a role's start, an event's day) are ISO strings with their precision:
'2025', '2025-09' or '2025-09-18'. Timestamps of the app (created, updated, deleted) are UTC
ISO 8601 strings, e.g. '2025-09-18T08:30:00.123456+00:00', so they sort as text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db.vocabulary import CITATION_OWNERS, RELIABILITIES

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KINDS = ("person", "country", "organization", "initiative", "event", "source")
DATE_CHECK = "{col} IS NULL OR {col} GLOB '[0-9][0-9][0-9][0-9]' OR {col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR {col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"


def _in(col: str, values: tuple[str, ...]) -> str:
    return f"{col} IN ({', '.join(repr(v) for v in values)})"


def _date_check(col: str) -> CheckConstraint:
    return CheckConstraint(DATE_CHECK.format(col=col), name=f"{col}_iso_date")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _entity_fk(ondelete: str = "CASCADE") -> ForeignKey:
    return ForeignKey("entity.id", ondelete=ondelete)


# --- entries -------------------------------------------------------------------------------


class Entity(Base):
    __tablename__ = "entity"
    __table_args__: Any = (
        CheckConstraint(_in("kind", KINDS), name="kind"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        # Lists and counts of one kind without the trash read this index alone (it covers
        # kind, deleted_at, name and the rowid): 100,000 entries list in milliseconds.
        Index("ix_entity_kind_deleted_at_name", "kind", "deleted_at", "name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    deleted_at: Mapped[str | None] = mapped_column(String(40), default=None)

    __mapper_args__ = {"polymorphic_on": "kind"}


class Person(Entity):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    country_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)

    __mapper_args__ = {"polymorphic_identity": "person", "inherit_condition": id == Entity.id}


class Country(Entity):
    __tablename__ = "country"

    id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    iso_alpha2: Mapped[str] = mapped_column(String(2), unique=True)
    iso_alpha3: Mapped[str | None] = mapped_column(String(3))
    iso_numeric: Mapped[str | None] = mapped_column(String(3))
    official_name: Mapped[str | None] = mapped_column(Text)
    capital: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"polymorphic_identity": "country"}


class Organization(Entity):
    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    abbreviation: Mapped[str | None] = mapped_column(Text)
    org_kind: Mapped[str | None] = mapped_column(Text)
    country_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    parent_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)

    __mapper_args__ = {"polymorphic_identity": "organization", "inherit_condition": id == Entity.id}


class Initiative(Entity):
    __tablename__ = "initiative"
    __table_args__: Any = (_date_check("announced_on"),)

    id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    initiative_kind: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(Text)
    announced_at_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    announced_on: Mapped[str | None] = mapped_column(String(10))

    __mapper_args__ = {"polymorphic_identity": "initiative", "inherit_condition": id == Entity.id}


class Event(Entity):
    __tablename__ = "event"
    __table_args__: Any = (
        _date_check("start_date"),
        _date_check("end_date"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    event_kind: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(Text)
    country_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    part_of_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)

    __mapper_args__ = {"polymorphic_identity": "event", "inherit_condition": id == Entity.id}


class Source(Entity):
    __tablename__ = "source"
    __table_args__: Any = (
        _date_check("published"),
        CheckConstraint(_in("reliability", RELIABILITIES), name="reliability"),
        # A key cites one source; most sources made by hand have none until an export gives one.
        Index(
            "ix_source_citation_key",
            "citation_key",
            unique=True,
            sqlite_where=sql_text("citation_key IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    source_kind: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    archived_url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    reliability: Mapped[str] = mapped_column(String(12), default="unverified", server_default="unverified")
    # The source's text; a form feed separates the pages of a paged original (a PDF).
    archived_text: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[str | None] = mapped_column(Text)  # one name a line, as the source gives them
    language: Mapped[str | None] = mapped_column(String(35))  # BCP 47
    citation_key: Mapped[str | None] = mapped_column(Text)  # '@smith2024ai' in Pandoc, without the @
    doi: Mapped[str | None] = mapped_column(Text, index=True)  # lower case, without https://doi.org/

    __mapper_args__ = {"polymorphic_identity": "source"}


class SourceImport(Base):
    """What the last bibliography import wrote into a source (JSON of field -> value), so that a
    re-import updates only the fields the researcher has not changed since
    (app/services/bibliography.py)."""

    __tablename__ = "source_import"

    source_id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    origin: Mapped[str] = mapped_column(Text)  # the file's name, or 'Zotero'
    fields: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(String(40))


class Attachment(Base):
    """A file a source's text came from (an HTML page, a PDF), kept beside the database under
    its SHA-256 (app/services/attachments.py); deleting the source forgets the row, and the
    file goes when no row names it."""

    __tablename__ = "attachment"
    __table_args__: Any = (
        UniqueConstraint("source_id", "sha256"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(_entity_fk())
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(Text)  # the name it had when added
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[str] = mapped_column(String(40))


# The model of each kind of entry (entity.kind -> class).
MODEL_OF_KIND: dict[str, type[Entity]] = {
    "person": Person,
    "country": Country,
    "organization": Organization,
    "initiative": Initiative,
    "event": Event,
    "source": Source,
}


# --- facts about entries ---------------------------------------------------------------------


class Alias(Base):
    """A name of an entry in another script or form: 陈刚, ລາວ, NDRC."""

    __tablename__ = "alias"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    value: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    script: Mapped[str | None] = mapped_column(String(4))
    kind: Mapped[str] = mapped_column(String(20), default="name", server_default="name")


class Fact(Base):
    """A fact about an entry that has no column of its own, in a sentence, with citations."""

    __tablename__ = "fact"
    __table_args__: Any = (_date_check("date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    text: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))


class Membership(Base):
    """A country (or organization) in an organization, with a status and dates (Popolo)."""

    __tablename__ = "membership"
    __table_args__: Any = (
        _date_check("start_date"),
        _date_check("end_date"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    organization_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    status: Mapped[str] = mapped_column(String(30))
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))


class Role(Base):
    """One mandate: a person holding a title, as a source states it, at a date or over a span."""

    __tablename__ = "role"
    __table_args__: Any = (
        _date_check("as_of"),
        _date_check("start_date"),
        _date_check("end_date"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    title: Mapped[str] = mapped_column(Text)
    organization_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    country_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    as_of: Mapped[str | None] = mapped_column(String(10))
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))


class Participation(Base):
    __tablename__ = "participation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    entity_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    role: Mapped[str] = mapped_column(String(30))


class InitiativeParty(Base):
    __tablename__ = "initiative_party"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    entity_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    role: Mapped[str] = mapped_column(String(30))


class Statement(Base):
    """Who said what, where: the words as the source gives them (reported, direct, translated)."""

    __tablename__ = "statement"
    __table_args__: Any = (
        _date_check("date"),
        CheckConstraint(_in("kind", ("direct", "reported", "translated")), name="kind"),
        CheckConstraint("speaker_id IS NOT NULL OR speaker_label IS NOT NULL", name="has_speaker"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int | None] = mapped_column(_entity_fk(), index=True)
    speaker_label: Mapped[str | None] = mapped_column(Text)
    event_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    date: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(12))
    language: Mapped[str | None] = mapped_column(String(35))


class Citation(Base):
    """Where a fact comes from: a source, the exact quote, how far to trust it.

    A citation belongs to exactly one thing: an entry as a whole (or one of its fields, named in
    `field`), or one alias, fact, membership, role, participation, initiative party or statement.
    """

    __tablename__ = "citation"
    __table_args__: Any = (
        CheckConstraint(
            " + ".join(f"({c} IS NOT NULL)" for c in CITATION_OWNERS) + " = 1",
            name="one_owner",
        ),
        CheckConstraint(_in("reliability", RELIABILITIES), name="reliability"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(_entity_fk(), index=True)
    entity_id: Mapped[int | None] = mapped_column(_entity_fk(), index=True)
    field: Mapped[str | None] = mapped_column(String(40))
    alias_id: Mapped[int | None] = mapped_column(ForeignKey("alias.id", ondelete="CASCADE"), index=True)
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"), index=True)
    membership_id: Mapped[int | None] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), index=True
    )
    role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    participation_id: Mapped[int | None] = mapped_column(
        ForeignKey("participation.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative_party.id", ondelete="CASCADE"), index=True
    )
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    quote: Mapped[str | None] = mapped_column(Text)
    # The quote's anchor in the source's text, as the W3C Web Annotation model has it: the
    # words just before and after (TextQuoteSelector) and its character offsets
    # (TextPositionSelector); app/records/anchors.py finds it again in a new copy of the text.
    quote_prefix: Mapped[str | None] = mapped_column(Text)
    quote_suffix: Mapped[str | None] = mapped_column(Text)
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locator: Mapped[str | None] = mapped_column(Text)
    reliability: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)


# --- the researcher's own material -----------------------------------------------------------


class Note(Base):
    """Markdown written by the researcher, on an entry or standalone. Deleting the entry keeps the
    note (it becomes standalone): notes are never lost to a cascade."""

    __tablename__ = "note"
    # deleted_at: the Notes count and the Trash's count read this index instead of every
    # note's text (100,000 notes: 68 ms -> a few). created_at, and title as the Notes view
    # sorts it (COLLATE NOCASE, revision 0013's ix_note_title_nocase): a page of 100,000 notes
    # in either order reads 200 index entries instead of sorting every note. The title index
    # is an expression Alembic cannot compare, so it lives in the migration only
    # (migrations/env.py leaves it out of the comparison).
    __table_args__: Any = (
        Index("ix_note_updated_at", "updated_at"),
        Index("ix_note_deleted_at", "deleted_at"),
        Index("ix_note_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    entity_id: Mapped[int | None] = mapped_column(_entity_fk("SET NULL"), index=True)
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    deleted_at: Mapped[str | None] = mapped_column(String(40), default=None)
    # The entry's sort key, kept by triggers for the Notes view's order by entry (revision
    # 0014, app/db/note_sort.py: its indexes are expressions, the migration's alone).
    entry_sort: Mapped[str | None] = mapped_column(Text)


class NoteRevision(Base):
    __tablename__ = "note_revision"
    __table_args__: Any = (Index("ix_note_revision_note_id_created_at", "note_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))


class NoteLink(Base):
    """An entry a note mentions with [[...]]: the backlinks of that entry."""

    __tablename__ = "note_link"

    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True, index=True)


class Tag(Base):
    """A tag; '/' nests ('policy/ethics' is under 'policy')."""

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class EntityTag(Base):
    __tablename__ = "entity_tag"

    entity_id: Mapped[int] = mapped_column(_entity_fk(), primary_key=True)
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class NoteTag(Base):
    __tablename__ = "note_tag"

    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SavedSearch(Base):
    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))


class DatasetImport(Base):
    """Each data file imported, so the bundled dataset is never seeded twice."""

    __tablename__ = "dataset_import"
    __table_args__: Any = (UniqueConstraint("dataset_id", "dataset_version", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dataset_id: Mapped[str | None] = mapped_column(Text)
    dataset_version: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")


class Meta(Base):
    """Key/value facts about the file itself (which Roundtable created or migrated it)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
