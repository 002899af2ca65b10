"""What an entry form shows and sends, and what an edit returns: plain data, no database.

The form (app/gui/entry_form.py) and the undo commands need these at start-up, when the window
is built; the editing service that writes them (app/services/editing.py) needs SQLAlchemy,
which costs about 0.5 s to import, so it is loaded only when a researcher first edits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.dates import check_date as check_date  # one rule for the forms and the data files
from app.db.vocabulary import RELIABILITIES as RELIABILITIES  # the forms offer these
from app.i18n import N_, T_, Explained, Message, Text

if TYPE_CHECKING:  # (its difflib waits for a quote's citation, not for the window's start)
    from app.records.anchors import Anchor

DATE_HINT = N_("Hints", "YYYY, YYYY-MM or YYYY-MM-DD")
ALIAS_KINDS = ("name", "official_name", "variant", "abbreviation", "former_name")
# The words a data file allows for each (resources/schema/roundtable-data.schema.json): what
# the forms save must export and import back.
MEMBERSHIP_STATUSES = ("member", "founding member", "observer", "candidate", "partner")
PARTICIPANT_ROLES = (
    "participant",
    "host",
    "co-host",
    "organizer",
    "speaker",
    "represented",
    "featured country",
    "witness",
)
PARTY_ROLES = ("party", "lead", "developer", "beneficiary", "proposer")
STATEMENT_KINDS = ("direct", "reported", "translated")
# Who may be named in each: a membership's organization, a participant, a party, a statement's event.
MEMBER_OF_KINDS = ("organization",)
PARTICIPANT_KINDS = ("person", "country", "organization")
PARTY_KINDS = ("organization", "country", "person")
EVENT_KINDS = ("event",)


class ValidationError(ValueError):
    """The input cannot be saved; `errors` maps each field to what is wrong with it."""

    def __init__(self, errors: Mapping[str, Message]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


class EditingError(Explained, RuntimeError):
    """An action that cannot be carried out (the entry is gone, or no longer as it was)."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind's form, beyond name, slug and summary (shared by every kind)."""

    key: str  # in inputs and error keys (as in data files: 'country', 'start')
    label: str  # marked N_("Fields", ...)
    column: str  # the model attribute
    type: str = "line"  # line | text | date | entry | choice | code | url | language (BCP 47)
    required: bool = False
    kinds: tuple[str, ...] = ()  # for 'entry': the kinds it may name
    choices: tuple[str, ...] = ()  # for 'choice'
    pattern: str = ""  # for 'code': a regular expression
    hint: str = ""  # placeholder text and part of the error message; marked N_("Hints", ...)


def _date(key: str, label: str, column: str) -> FieldSpec:
    return FieldSpec(key, label, column, "date", hint=DATE_HINT)


FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "person": (FieldSpec("country", N_("Fields", "Country"), "country_id", "entry", kinds=("country",)),),
    "country": (
        FieldSpec(
            "iso_alpha2",
            N_("Fields", "ISO alpha-2 code"),
            "iso_alpha2",
            "code",
            True,
            pattern="^[A-Z]{2}$",
            hint=N_("Hints", "two letters, e.g. LA"),
        ),
        FieldSpec(
            "iso_alpha3",
            N_("Fields", "ISO alpha-3 code"),
            "iso_alpha3",
            "code",
            pattern="^[A-Z]{3}$",
            hint=N_("Hints", "three letters, e.g. LAO"),
        ),
        FieldSpec(
            "iso_numeric",
            N_("Fields", "ISO numeric code"),
            "iso_numeric",
            "code",
            pattern="^[0-9]{3}$",
            hint=N_("Hints", "three digits, e.g. 418"),
        ),
        FieldSpec("official_name", N_("Fields", "Official name"), "official_name"),
        FieldSpec("capital", N_("Fields", "Capital"), "capital"),
    ),
    "organization": (
        FieldSpec("abbreviation", N_("Fields", "Abbreviation"), "abbreviation"),
        FieldSpec(
            "org_kind",
            N_("Fields", "Kind"),
            "org_kind",
            hint=N_("Hints", "ministry, company, intergovernmental body, …"),
        ),
        FieldSpec("country", N_("Fields", "Country"), "country_id", "entry", kinds=("country",)),
        FieldSpec("parent", N_("Fields", "Part of"), "parent_id", "entry", kinds=("organization",)),
    ),
    "initiative": (
        FieldSpec(
            "initiative_kind",
            N_("Fields", "Kind"),
            "initiative_kind",
            hint=N_("Hints", "centre, programme, platform, …"),
        ),
        FieldSpec(
            "status", N_("Fields", "Status"), "status", hint=N_("Hints", "announced, proposed, launched, …")
        ),
        FieldSpec("announced_at", N_("Fields", "Announced at"), "announced_at_id", "entry", kinds=("event",)),
        _date("announced_on", N_("Fields", "Announced on"), "announced_on"),
    ),
    "event": (
        FieldSpec(
            "event_kind", N_("Fields", "Kind"), "event_kind", hint=N_("Hints", "roundtable, forum, expo, …")
        ),
        _date("start", N_("Fields", "Start"), "start_date"),
        _date("end", N_("Fields", "End"), "end_date"),
        FieldSpec("place", N_("Fields", "Place"), "place"),
        FieldSpec("country", N_("Fields", "Country"), "country_id", "entry", kinds=("country",)),
        FieldSpec("part_of", N_("Fields", "Part of"), "part_of_id", "entry", kinds=("event",)),
    ),
    "source": (
        FieldSpec(
            "source_kind",
            N_("Fields", "Kind"),
            "source_kind",
            hint=N_("Hints", "news article, government release, …"),
        ),
        FieldSpec("publisher", N_("Fields", "Publisher"), "publisher"),
        FieldSpec("authors", N_("Fields", "Authors"), "authors", "text", hint=N_("Hints", "one name a line")),
        FieldSpec("url", N_("Fields", "URL"), "url", "url", hint=N_("Hints", "https://…")),
        FieldSpec(
            "archived_url",
            N_("Fields", "Archived copy"),
            "archived_url",
            "url",
            hint=N_("Hints", "https://…"),
        ),
        _date("published", N_("Fields", "Published"), "published"),
        FieldSpec(
            "language",
            N_("Fields", "Language"),
            "language",
            "language",
            hint=N_("Hints", "en, zh-Hans, lo, th…"),
        ),
        FieldSpec("doi", N_("Fields", "DOI"), "doi", hint=N_("Hints", "10.1000/xyz, or https://doi.org/…")),
        # Checked, and the DOI tidied, by app.services.sources.check_source.
        FieldSpec(
            "citation_key",
            N_("Fields", "Citation key"),
            "citation_key",
            hint=N_("Hints", "given on export when left blank, e.g. smith2024digital"),
        ),
        FieldSpec(
            "reliability", N_("Fields", "Reliability"), "reliability", "choice", True, choices=RELIABILITIES
        ),
        FieldSpec("archived_text", N_("Fields", "Archived text"), "archived_text", "text"),
    ),
}
HAS_ROLES = frozenset({"person"})
# The facts and relations each kind's form edits, in the order the form shows them.
PARTS: dict[str, tuple[str, ...]] = {
    "person": ("facts", "roles", "statements"),
    "country": ("facts", "memberships", "statements"),
    "organization": ("facts", "memberships", "statements"),
    "initiative": ("facts", "parties"),
    "event": ("facts", "participants"),
    "source": ("facts",),
}
# The owners a citation may be added to (Editor.cite), as (owner, row id).
CITED_OWNERS = ("fact", "role", "membership", "participation", "party", "statement")


# --- what a form sends ---------------------------------------------------------------------


@dataclass(frozen=True)
class AliasInput:
    value: str
    language: str = ""
    script: str = ""
    kind: str = "name"
    id: int | None = None  # an existing alias keeps its id (and its citations)


@dataclass(frozen=True)
class CitationInput:
    """One citation of a fact, role, membership, participation, party or statement, in the
    order the researcher gave them."""

    source: str  # slug or exact name of a source entry
    quote: str = ""
    locator: str = ""  # "p. 12, ¶ 3"; blank: worked out from the anchor when there is one
    reliability: str = ""  # blank: the source's own
    note: str = ""
    # Where the quote was selected in the source's text (app/records/anchors.py); None for a
    # quote typed by hand, which is anchored where its words are found.
    anchor: Anchor | None = None
    id: int | None = None  # an existing citation keeps its id


@dataclass(frozen=True)
class RoleInput:
    title: str  # as the source states it
    organization: str = ""  # slug or exact name
    country: str = ""
    as_of: str = ""
    start: str = ""
    end: str = ""
    id: int | None = None
    # None leaves an existing title's citations as they are (a form that does not show them).
    citations: tuple[CitationInput, ...] | None = None


@dataclass(frozen=True)
class FactInput:
    text: str
    date: str = ""
    citations: tuple[CitationInput, ...] | None = None  # None: as they are (none for a new one)
    id: int | None = None


@dataclass(frozen=True)
class MembershipInput:
    """The entry (a country or an organization) is a member of `organization`."""

    organization: str  # slug or exact name
    status: str = "member"
    start: str = ""
    end: str = ""
    citations: tuple[CitationInput, ...] | None = None  # None: as they are (none for a new one)
    id: int | None = None


@dataclass(frozen=True)
class ParticipantInput:
    """On an event: `entry` took part, in `role` (participant, host, organizer, …)."""

    entry: str  # slug or exact name
    role: str = "participant"
    citations: tuple[CitationInput, ...] | None = None  # None: as they are (none for a new one)
    id: int | None = None


@dataclass(frozen=True)
class PartyInput:
    """On an initiative: `entry` is a party to it, in `role`."""

    entry: str
    role: str = "party"
    citations: tuple[CitationInput, ...] | None = None  # None: as they are (none for a new one)
    id: int | None = None


@dataclass(frozen=True)
class StatementInput:
    """Words the entry (a person, as speaker) said or wrote."""

    text: str
    kind: str = "direct"  # direct | reported | translated
    event: str = ""  # slug or exact name of an event
    date: str = ""
    language: str = ""
    speaker_label: str = ""  # how the source names the speaker, when it differs
    citations: tuple[CitationInput, ...] | None = None  # None: as they are (none for a new one)
    id: int | None = None


@dataclass(frozen=True)
class EntryInput:
    kind: str
    name: str
    slug: str = ""  # blank: derived from the name
    summary: str = ""
    values: Mapping[str, str] = field(default_factory=dict)  # FieldSpec.key -> text as typed
    aliases: tuple[AliasInput, ...] = ()
    roles: tuple[RoleInput, ...] = ()
    tags: str | None = None  # comma-separated as typed; None leaves the entry's tags as they are
    # The entry's facts and relations, each with its citations. None leaves them as they are
    # (a form that does not show them sends None); a tuple replaces them, matched by id.
    facts: tuple[FactInput, ...] | None = None
    memberships: tuple[MembershipInput, ...] | None = None
    participants: tuple[ParticipantInput, ...] | None = None  # events
    parties: tuple[PartyInput, ...] | None = None  # initiatives
    statements: tuple[StatementInput, ...] | None = None  # people (speaker)


# --- what an action returns ----------------------------------------------------------------

_Rows = tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class Snapshot:
    """An entry as stored, with its aliases, roles, facts, memberships, participants (an
    event's), parties (an initiative's) and statements (as speaker), and the citations of all
    of these: enough to put it back exactly (undo), or to create it again with the same id
    (redo of a create)."""

    kind: str
    entity: Mapping[str, Any]
    own: Mapping[str, Any]
    aliases: _Rows = ()
    roles: _Rows = ()
    citations: _Rows = ()  # of every row below and above
    tags: tuple[str, ...] = ()
    facts: _Rows = ()
    memberships: _Rows = ()
    participants: _Rows = ()
    parties: _Rows = ()
    statements: _Rows = ()

    @property
    def id(self) -> int:
        return int(self.entity["id"])

    @property
    def slug(self) -> str:
        return str(self.entity["slug"])

    @property
    def name(self) -> str:
        return str(self.entity["name"])

    def content(self) -> tuple[Any, ...]:
        """Everything but the timestamps: equal content means nothing was changed."""
        entity = {k: v for k, v in self.entity.items() if k not in ("updated_at",)}
        return (
            sorted(entity.items()),
            sorted(self.own.items()),
            self.aliases,
            self.roles,
            self.tags,
            self.facts,
            self.memberships,
            self.participants,
            self.parties,
            self.statements,
            self.citations,
        )


@dataclass(frozen=True)
class Change:
    entity_id: int
    kind: str
    slugs: frozenset[str]  # every slug the change touched (old and new, on a rename)
    before: Snapshot | None = None  # None: the entry did not exist
    after: Snapshot | None = None  # None: the entry no longer exists

    @property
    def changed(self) -> bool:
        if self.before is None or self.after is None:
            return self.before is not self.after
        return self.before.content() != self.after.content()

    @property
    def slug(self) -> str:
        shown = self.after or self.before
        assert shown is not None
        return shown.slug


Rows = _Rows


# --- validation ------------------------------------------------------------------------------


def check_span(start: str | None, end: str | None) -> Text | None:
    # As the database checks it (text order): '2025' sorts before '2025-09'.
    if start and end and end < start:
        return T_("Validation", "The end ({end}) is before the start ({start}).").format(end=end, start=start)
    return None


# One new fact or relation for Editor.add_to (the cite form adds them one at a time).
Part = FactInput | RoleInput | MembershipInput | ParticipantInput | PartyInput | StatementInput
