"""Everything about one entry, with the citation of every fact, as one plain value."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from app.db.database import Database
from app.i18n import N_
from app.records.entries import (
    AliasView,
    CitationView,
    CitedPassage,
    EntryDetail,
    FactView,
    FieldView,
    LinkGroup,
    LinkView,
    MembershipView,
    NoteSummary,
    Ref,
    RoleView,
    SourceReading,
    SourceUse,
    StatementView,
)
from app.services.languages import language_order

# Finding quotes in a source's text (difflib) waits for a source's page: the first paint shows none.
if TYPE_CHECKING:
    from app.records import anchors

_REF = "{a}.id, {a}.kind, {a}.slug, {a}.name"

# Fields of each kind's own table, in display order: (column, label, entity-reference?)
_FIELDS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "person": (("country_id", N_("Fields", "Country"), True),),
    "country": (
        ("official_name", N_("Fields", "Official name"), False),
        ("iso_alpha2", N_("Fields", "ISO 3166-1 alpha-2"), False),
        ("iso_alpha3", N_("Fields", "ISO 3166-1 alpha-3"), False),
        ("iso_numeric", N_("Fields", "ISO 3166-1 numeric"), False),
        ("capital", N_("Fields", "Capital"), False),
    ),
    "organization": (
        ("abbreviation", N_("Fields", "Abbreviation"), False),
        ("org_kind", N_("Fields", "Kind"), False),
        ("country_id", N_("Fields", "Country"), True),
        ("parent_id", N_("Fields", "Part of"), True),
    ),
    "initiative": (
        ("initiative_kind", N_("Fields", "Kind"), False),
        ("status", N_("Fields", "Status"), False),
        ("announced_at_id", N_("Fields", "Announced at"), True),
        ("announced_on", N_("Fields", "Announced on"), False),
    ),
    "event": (
        ("event_kind", N_("Fields", "Kind"), False),
        ("start_date", N_("Fields", "Start"), False),
        ("end_date", N_("Fields", "End"), False),
        ("place", N_("Fields", "Place"), False),
        ("country_id", N_("Fields", "Country"), True),
        ("part_of_id", N_("Fields", "Part of"), True),
    ),
    "source": (
        ("source_kind", N_("Fields", "Kind"), False),
        ("publisher", N_("Fields", "Publisher"), False),
        ("authors", N_("Fields", "Authors"), False),
        ("url", N_("Fields", "URL"), False),
        ("archived_url", N_("Fields", "Archived copy"), False),
        ("published", N_("Fields", "Published"), False),
        ("language", N_("Fields", "Language"), False),
        ("reliability", N_("Fields", "Reliability"), False),
    ),
}


class NotFound(LookupError):
    pass


def names_by_language(aliases: Iterable[AliasView]) -> tuple[tuple[str, tuple[AliasView, ...]], ...]:
    """An entry's other names by language, as its page groups them: those of no stated
    language first (''), then the region's languages in their usual order, then any other;
    within a language its names first (ລາວ before ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ), then
    official names, variants, abbreviations and former names, each in the order recorded."""
    groups: dict[str, list[AliasView]] = defaultdict(list)
    for alias in aliases:
        groups[alias.language or ""].append(alias)
    order = sorted(groups, key=lambda tag: (bool(tag), language_order(tag)))
    return tuple((tag, tuple(sorted(groups[tag], key=_kind_order))) for tag in order)


_KINDS_IN_ORDER = ("name", "official_name", "variant", "abbreviation", "former_name")


def _kind_order(alias: AliasView) -> int:
    return _KINDS_IN_ORDER.index(alias.kind) if alias.kind in _KINDS_IN_ORDER else len(_KINDS_IN_ORDER)


def _ref(row: Sequence[object], at: int = 0) -> Ref | None:
    if row[at] is None:
        return None
    return Ref(int(row[at]), str(row[at + 1]), str(row[at + 2]), str(row[at + 3]))  # type: ignore[call-overload]


class EntryDetails:
    def __init__(self, db: Database, conn: sqlite3.Connection | None = None) -> None:
        """`conn`: a connection of the caller's own (a worker thread's, inside its read
        transaction); by default this thread's reader of `db`."""
        self._db = db
        self._own = conn

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._own if self._own is not None else self._db.read()

    # --- citations -------------------------------------------------------------------------

    def _citations(self, owner: str, ids: Iterable[int]) -> dict[int, list[CitationView]]:
        """Citations whose `owner` column is one of `ids`, grouped by that id."""
        wanted = sorted(set(ids))
        grouped: dict[int, list[CitationView]] = defaultdict(list)
        if not wanted:
            return grouped
        marks = ",".join("?" * len(wanted))
        rows = self._conn.execute(
            f"SELECT c.{owner}, {_REF.format(a='s')}, c.reliability, c.quote, c.locator, c.field, "
            "c.note, src.url, src.publisher FROM citation c "
            "JOIN entity s ON s.id = c.source_id JOIN source src ON src.id = c.source_id "
            f"WHERE c.{owner} IN ({marks}) ORDER BY c.position, c.id",
            wanted,
        )
        for r in rows:
            source = _ref(r, 1)
            assert source is not None
            grouped[int(r[0])].append(CitationView(source, r[5], r[6], r[7], r[8], r[9], r[10], r[11]))
        return grouped

    # --- the entry -------------------------------------------------------------------------

    def get(self, slug: str) -> EntryDetail:
        row = self._conn.execute("SELECT id FROM entity WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            raise NotFound(f"no entry with slug {slug!r}")
        return self.get_by_id(int(row[0]))

    def get_by_id(self, entity_id: int) -> EntryDetail:
        conn = self._conn
        row = conn.execute(
            "SELECT id, kind, slug, name, uid, summary, created_at, updated_at, deleted_at "
            "FROM entity WHERE id = ?",
            (entity_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no entry with id {entity_id}")
        ref = Ref(row[0], row[1], row[2], row[3])
        kind = ref.kind
        entity_cites = self._citations("entity_id", [ref.id]).get(ref.id, [])
        by_field: dict[str | None, list[CitationView]] = defaultdict(list)
        for c in entity_cites:
            by_field[c.field].append(c)

        fields, archived_text = self._fields(ref, by_field)
        related, memberships, roles = self._related(ref)
        return EntryDetail(
            ref=ref,
            uid=row[4],
            summary=row[5],
            created_at=row[6],
            updated_at=row[7],
            deleted_at=row[8],
            fields=fields,
            citations=tuple(by_field.get(None, [])),
            aliases=self._aliases(ref.id),
            roles=roles,
            memberships=memberships,
            facts=self._facts(ref.id),
            statements=self._statements(ref),
            related=related,
            source_uses=self._source_uses(ref.id, archived_text) if kind == "source" else (),
            tags=self._tags(ref.id),
            notes=self._notes("n.entity_id = :id", ref.id),
            backlinks=self._notes(
                "n.id IN (SELECT note_id FROM note_link WHERE entity_id = :id) "
                "AND coalesce(n.entity_id, -1) != :id",
                ref.id,
            ),
            archived_text=archived_text,
        )

    def _fields(
        self, ref: Ref, by_field: dict[str | None, list[CitationView]]
    ) -> tuple[tuple[FieldView, ...], str | None]:
        spec = _FIELDS[ref.kind]
        cols = [c for c, _, _ in spec]
        extra = ", archived_text" if ref.kind == "source" else ""
        row = self._conn.execute(
            f"SELECT {', '.join(cols)}{extra} FROM {ref.kind} WHERE id = ?", (ref.id,)
        ).fetchone()
        out = [FieldView(N_("Fields", "Name"), ref.name, None, tuple(by_field.get("name", [])))]
        for (col, label, is_ref), value in zip(spec, row, strict=False):
            if value is None or value == "":
                continue
            key = col.removesuffix("_id")
            cites = tuple(by_field.get(key, []))
            if is_ref:
                target = self._ref_by_id(int(value))
                if target is not None:
                    out.append(FieldView(label, target.name, target, cites))
            else:  # (authors are stored one a line)
                out.append(FieldView(label, "; ".join(str(value).splitlines()), None, cites))
        archived = row[len(cols)] if extra else None
        return tuple(out), archived

    def _ref_by_id(self, entity_id: int) -> Ref | None:
        row = self._conn.execute(
            f"SELECT {_REF.format(a='e')} FROM entity e WHERE e.id = ?", (entity_id,)
        ).fetchone()
        return _ref(row) if row else None

    def _aliases(self, entity_id: int) -> tuple[AliasView, ...]:
        rows = self._conn.execute(
            "SELECT id, value, language, script, kind FROM alias WHERE entity_id = ? ORDER BY id",
            (entity_id,),
        ).fetchall()
        cites = self._citations("alias_id", (r[0] for r in rows))
        return tuple(AliasView(r[1], r[2], r[3], r[4], tuple(cites.get(r[0], []))) for r in rows)

    def _facts(self, entity_id: int) -> tuple[FactView, ...]:
        rows = self._conn.execute(
            "SELECT id, text, date FROM fact WHERE entity_id = ? ORDER BY position, id",
            (entity_id,),
        ).fetchall()
        cites = self._citations("fact_id", (r[0] for r in rows))
        return tuple(FactView(r[1], r[2], tuple(cites.get(r[0], [])), r[0]) for r in rows)

    def _statements(self, ref: Ref) -> tuple[StatementView, ...]:
        rows = self._conn.execute(
            f"SELECT st.id, {_REF.format(a='sp')}, st.speaker_label, {_REF.format(a='ev')}, "
            "st.date, st.text, st.kind, st.language FROM statement st "
            "LEFT JOIN entity sp ON sp.id = st.speaker_id AND sp.deleted_at IS NULL "
            "LEFT JOIN entity ev ON ev.id = st.event_id AND ev.deleted_at IS NULL "
            "WHERE st.speaker_id = :id OR st.event_id = :id ORDER BY st.id",
            {"id": ref.id},
        ).fetchall()
        cites = self._citations("statement_id", (r[0] for r in rows))
        return tuple(
            StatementView(
                _ref(r, 1), r[5], _ref(r, 6), r[10], r[11], r[12], r[13], tuple(cites.get(r[0], []))
            )
            for r in rows
        )

    def _tags(self, entity_id: int) -> tuple[str, ...]:
        rows = self._conn.execute(
            "SELECT t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id "
            "WHERE et.entity_id = ? ORDER BY t.name",
            (entity_id,),
        )
        return tuple(r[0] for r in rows)

    def _notes(self, where: str, entity_id: int) -> tuple[NoteSummary, ...]:
        rows = self._conn.execute(
            f"SELECT n.id, n.uid, n.title, n.updated_at, {_REF.format(a='l')} FROM note n "
            f"LEFT JOIN entity l ON l.id = n.entity_id WHERE {where} AND n.deleted_at IS NULL "
            "ORDER BY n.updated_at DESC",
            {"id": entity_id},
        )
        return tuple(NoteSummary(r[0], r[1], r[2], r[3], _ref(r, 4)) for r in rows)

    # --- how the entry relates to others ------------------------------------------------------

    def _links(
        self, sql: str, params: Sequence[object] | dict[str, object], owner: str | None = None
    ) -> tuple[LinkView, ...]:
        """Rows of (owner id, ref..., detail) -> links, with the owner's citations."""
        rows = self._conn.execute(sql, params).fetchall()
        cites = self._citations(owner, (r[0] for r in rows)) if owner else {}
        return tuple(
            LinkView(ref, r[5] or "", tuple(cites.get(r[0], [])))
            for r in rows
            if (ref := _ref(r, 1)) is not None
        )

    def _related(
        self, ref: Ref
    ) -> tuple[tuple[LinkGroup, ...], tuple[MembershipView, ...], tuple[RoleView, ...]]:
        conn = self._conn
        live = "x.deleted_at IS NULL"
        groups: list[LinkGroup] = []

        def group(title: str, links: tuple[LinkView, ...]) -> None:
            if links:
                groups.append(LinkGroup(title, links))

        ref_x = _REF.format(a="x")
        # Roles: the person's own mandates, or the officials of an organization / country.
        role_rows = conn.execute(
            f"SELECT r.id, r.title, {_REF.format(a='o')}, {_REF.format(a='c')}, r.as_of, r.start_date, "
            "r.end_date FROM role r LEFT JOIN entity o ON o.id = r.organization_id "
            "LEFT JOIN entity c ON c.id = r.country_id WHERE r.person_id = ? "
            "ORDER BY coalesce(r.as_of, r.start_date, '') DESC, r.id",
            (ref.id,),
        ).fetchall()
        role_cites = self._citations("role_id", (r[0] for r in role_rows))
        roles = tuple(
            RoleView(r[1], _ref(r, 2), _ref(r, 6), r[10], r[11], r[12], tuple(role_cites.get(r[0], [])))
            for r in role_rows
        )

        member_rows = conn.execute(
            f"SELECT m.id, {_REF.format(a='mb')}, {_REF.format(a='org')}, m.status, m.start_date, m.end_date "
            "FROM membership m JOIN entity mb ON mb.id = m.member_id "
            "JOIN entity org ON org.id = m.organization_id "
            "WHERE (m.member_id = :id AND org.deleted_at IS NULL) "
            "OR (m.organization_id = :id AND mb.deleted_at IS NULL) "
            "ORDER BY mb.name, m.start_date",
            {"id": ref.id},
        ).fetchall()
        m_cites = self._citations("membership_id", (r[0] for r in member_rows))
        memberships = tuple(
            MembershipView(_ref(r, 1), _ref(r, 5), r[9], r[10], r[11], tuple(m_cites.get(r[0], [])))  # type: ignore[arg-type]
            for r in member_rows
        )

        # Officials: one line per person, with the latest title they hold here.
        officials_where = {
            "organization": "r.organization_id = :id",
            "country": "(r.country_id = :id OR p.country_id = :id)",
        }.get(ref.kind)
        if officials_where:
            group(
                N_("Related", "Officials"),
                self._links(
                    f"""SELECT role_id, {ref_x}, title FROM (
                          SELECT r.id AS role_id, r.person_id, r.title, row_number() OVER (
                            PARTITION BY r.person_id
                            ORDER BY coalesce(r.as_of, r.start_date, '') DESC, r.id) AS n
                          FROM role r JOIN person p ON p.id = r.person_id WHERE {officials_where}
                        ) JOIN entity x ON x.id = person_id WHERE n = 1 AND {live} ORDER BY x.name""",
                    {"id": ref.id},
                    "role_id",
                ),
            )
        if ref.kind == "country":
            group(
                N_("Related", "Organizations"),
                self._links(
                    f"SELECT o.id, {ref_x}, coalesce(o.org_kind, '') FROM organization o "
                    f"JOIN entity x ON x.id = o.id WHERE o.country_id = ? AND {live} ORDER BY x.name",
                    (ref.id,),
                ),
            )
        if ref.kind == "organization":
            group(
                N_("Related", "Parts"),
                self._links(
                    f"SELECT o.id, {ref_x}, coalesce(o.org_kind, '') FROM organization o "
                    f"JOIN entity x ON x.id = o.id WHERE o.parent_id = ? AND {live} ORDER BY x.name",
                    (ref.id,),
                ),
            )
        if ref.kind == "initiative":
            group(
                N_("Related", "Parties"),
                self._links(
                    f"SELECT ip.id, {ref_x}, ip.role FROM initiative_party ip "
                    f"JOIN entity x ON x.id = ip.entity_id WHERE ip.initiative_id = ? AND {live} "
                    "ORDER BY ip.id",
                    (ref.id,),
                    "party_id",
                ),
            )
        else:
            group(
                N_("Related", "Initiatives"),
                self._links(
                    f"SELECT ip.id, {ref_x}, ip.role FROM initiative_party ip "
                    f"JOIN entity x ON x.id = ip.initiative_id WHERE ip.entity_id = ? AND {live} "
                    "ORDER BY x.name",
                    (ref.id,),
                    "party_id",
                ),
            )
        if ref.kind == "event":
            group(
                N_("Related", "Participants"),
                self._links(
                    f"SELECT pa.id, {ref_x}, pa.role FROM participation pa "
                    f"JOIN entity x ON x.id = pa.entity_id WHERE pa.event_id = ? AND {live} "
                    "ORDER BY pa.role, x.name",
                    (ref.id,),
                    "participation_id",
                ),
            )
            group(
                N_("Related", "Announced here"),
                self._links(
                    f"SELECT i.id, {ref_x}, coalesce(i.status, '') FROM initiative i "
                    f"JOIN entity x ON x.id = i.id WHERE i.announced_at_id = ? AND {live} ORDER BY x.name",
                    (ref.id,),
                ),
            )
            group(
                N_("Related", "Events within"),
                self._links(
                    f"SELECT ev.id, {ref_x}, coalesce(ev.start_date, '') FROM event ev "
                    f"JOIN entity x ON x.id = ev.id WHERE ev.part_of_id = ? AND {live} ORDER BY ev.start_date",
                    (ref.id,),
                ),
            )
        else:
            group(
                N_("Related", "Events"),
                self._links(
                    f"SELECT pa.id, {ref_x}, pa.role FROM participation pa "
                    f"JOIN entity x ON x.id = pa.event_id WHERE pa.entity_id = ? AND {live} "
                    "ORDER BY x.name",
                    (ref.id,),
                    "participation_id",
                ),
            )
        return tuple(groups), memberships, roles

    def _source_uses(self, source_id: int, text: str | None) -> tuple[SourceUse, ...]:
        """Every citation of this source, described by what it supports, in its own words, and
        found in the source's current text (`text`) when it has one."""
        from app.records import anchors

        rows = self._conn.execute(
            f"""
            SELECT {_REF.format(a="x")}, {_REF.format(a="o")}, u.owner, u.owner_id, u.words, u.day,
                   c.id, c.quote, c.reliability, c.locator, c.quote_prefix, c.quote_suffix,
                   c.quote_start, c.quote_end FROM (
              SELECT c.id AS cid, CASE WHEN c.field IS NULL THEN 'entry' ELSE 'field' END AS owner,
                     c.entity_id AS owner_id, c.entity_id AS subject, coalesce(c.field, '') AS words,
                     NULL AS other, NULL AS day FROM citation c
                     WHERE c.source_id = :s AND c.entity_id IS NOT NULL
              UNION ALL SELECT c.id, 'name', a.id, a.entity_id, a.value, NULL, NULL FROM citation c
                     JOIN alias a ON a.id = c.alias_id WHERE c.source_id = :s
              UNION ALL SELECT c.id, 'fact', f.id, f.entity_id, f.text, NULL, f.date FROM citation c
                     JOIN fact f ON f.id = c.fact_id WHERE c.source_id = :s
              UNION ALL SELECT c.id, 'membership', m.id, m.member_id, m.status, m.organization_id,
                     m.start_date FROM citation c
                     JOIN membership m ON m.id = c.membership_id WHERE c.source_id = :s
              UNION ALL SELECT c.id, 'title', r.id, r.person_id, r.title,
                     coalesce(r.organization_id, r.country_id), coalesce(r.as_of, r.start_date)
                     FROM citation c JOIN role r ON r.id = c.role_id WHERE c.source_id = :s
              UNION ALL SELECT c.id, 'participation', p.id, p.event_id, p.role, p.entity_id, NULL
                     FROM citation c
                     JOIN participation p ON p.id = c.participation_id WHERE c.source_id = :s
              UNION ALL SELECT c.id, 'party', ip.id, ip.initiative_id, ip.role, ip.entity_id, NULL
                     FROM citation c
                     JOIN initiative_party ip ON ip.id = c.party_id WHERE c.source_id = :s
              UNION ALL SELECT c.id, 'statement', st.id, coalesce(st.speaker_id, st.event_id), st.text,
                     CASE WHEN st.speaker_id IS NOT NULL THEN st.event_id END, st.date FROM citation c
                     JOIN statement st ON st.id = c.statement_id WHERE c.source_id = :s
            ) u JOIN citation c ON c.id = u.cid LEFT JOIN entity x ON x.id = u.subject
            LEFT JOIN entity o ON o.id = u.other
            ORDER BY x.name, x.id, c.position, c.id
            """,
            {"s": source_id},
        ).fetchall()
        paras = list(_paragraphs(text)) if text else []
        found: dict[anchors.Anchor, tuple[int, int] | None] = {}
        uses = []
        for r in rows:
            owner, owner_id, words, day = r[8], int(r[9]), str(r[10] or ""), r[11]
            quote, locator = r[13], r[15]
            start = end = None
            if text and quote:
                anchor = anchors.Anchor(quote, r[16] or "", r[17] or "", r[18], r[19])
                if anchor not in found:
                    found[anchor] = anchors.find(text, anchor)
                span = found[anchor]
                if span is not None:
                    start, end = span
                    locator = locator or anchors.locator(text, start, paras)
            uses.append(
                SourceUse(
                    _ref(r),
                    _what(owner, words),
                    quote,
                    r[14],
                    owner=owner,
                    words=words,
                    other=_ref(r, 4),
                    citation_id=int(r[12]),
                    owner_id=owner_id,
                    locator=locator,
                    start=start,
                    end=end,
                    date=day,
                )
            )
        return tuple(uses)

    # --- a source's text, as the reader shows it -------------------------------------------

    def reading(self, source_id: int) -> SourceReading | None:
        """The source's text with its paragraphs and the passages its citations quote; None when
        the entry is not a source or has no text."""
        return reading_of(self.get_by_id(source_id))


def _what(owner: str, words: str) -> str:
    """The short form of what a citation supports, as the command line prints it."""
    return {
        "entry": "entry",
        "field": words,
        "name": f"name {words}",
        "fact": "fact",
        "membership": f"membership: {words}",
        "title": f"title: {words}",
        "participation": f"participant: {words}",
        "party": f"party: {words}",
        "statement": "statement",
    }[owner]


@lru_cache(maxsize=4)
def _paragraphs(text: str) -> tuple[anchors.Paragraph, ...]:
    """The paragraphs of a source's text, kept for the few texts read last: the page and its
    reader ask again after every citation (16 ms for a 300-page text)."""
    from app.records import anchors

    return tuple(anchors.paragraphs(text))


def reading_of(detail: EntryDetail) -> SourceReading | None:
    """What the reader shows of a source's detail (no query: the detail holds its uses, found
    in its text): None when it is not a source or has no text."""
    text = detail.archived_text
    if detail.ref.kind != "source" or not text or not text.strip():
        return None
    spans: dict[tuple[int, int], list[SourceUse]] = defaultdict(list)
    unplaced = []
    for use in detail.source_uses:
        if use.start is not None and use.end is not None:
            spans[use.start, use.end].append(use)
        elif use.quote:
            unplaced.append(use)
    reliability = next((f.value for f in detail.fields if f.label == "Reliability"), "")
    return SourceReading(
        detail.ref,
        text,
        reliability,
        _paragraphs(text),
        tuple(CitedPassage(s, e, tuple(uses)) for (s, e), uses in sorted(spans.items())),
        tuple(unplaced),
    )
