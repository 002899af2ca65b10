"""The research's own gaps, for `roundtable check`: sources whose name says it is not their
title, citations with neither a quote nor a note, citations of a dated fact whose source
was published before it, and people without their name in a script their sources use.

None of these is damage to the file: a researcher fills the gaps over time (the bundled
dataset has many), so they are information and leave the check's verdict and exit status as
they are. A source says it has no title by its name ("... (title not recorded)", the bundled
dataset's wording, or "untitled"); it gives the reason the title cannot be had by a citation
of its `name` field that carries a note.

A person lacks a name in a language when that language spells names apart from the English
entry name (NAMED_APART: Chinese in either script, Vietnamese with its diacritics, Lao, Thai,
Khmer, Burmese), the person has no other name in it (nor in a regional form of it), and either
a live source cited for them (on their name, other names, facts, titles, memberships or
statements) is written in it, or it is their country's own language (COUNTRY_LANGUAGES).
A source whose language is not recorded, or is plain `zh` (its script unsaid), asks for none.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from app.i18n import T_, Text
from app.records.data_quality import (
    BareCitation,
    DataQuality,
    EarlyCitation,
    UnnamedPerson,
    UntitledSource,
)
from app.services.languages import within

_NO_TITLE = re.compile(r"\btitle not (?:recorded|found|known)\b|\buntitled\b", re.IGNORECASE)

# Every table a citation can belong to, with the column naming it and the entry that owns it.
_OWNERS = (
    ("fact", "fact_id", "entity_id"),
    ("alias", "alias_id", "entity_id"),
    ("membership", "membership_id", "member_id"),
    ("role", "role_id", "person_id"),
    ("participation", "participation_id", "event_id"),
    ("initiative_party", "party_id", "initiative_id"),
)


def data_quality(conn: sqlite3.Connection) -> DataQuality:
    """Reads only; a few queries over the citations, seconds at most on a large library."""
    sources = conn.execute(
        "SELECT e.id, e.slug, e.name FROM source s JOIN entity e ON e.id = s.id "
        "WHERE e.deleted_at IS NULL ORDER BY e.slug"
    ).fetchall()
    with_reason = {
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT entity_id FROM citation WHERE field = 'name' AND entity_id IS NOT NULL "
            "AND note IS NOT NULL AND trim(note) != ''"
        )
    }
    untitled = tuple(
        UntitledSource(str(slug), str(name))
        for entity_id, slug, name in sources
        if _NO_TITLE.search(name) and entity_id not in with_reason
    )
    citations = int(conn.execute("SELECT count(*) FROM citation").fetchone()[0])
    people, unnamed = _unnamed(conn)
    return DataQuality(len(sources), untitled, citations, _bare(conn), _early(conn), people, unnamed)


def _bare(conn: sqlite3.Connection) -> tuple[BareCitation, ...]:
    owner = " ".join(
        f"LEFT JOIN {table} t{n} ON t{n}.id = c.{column}" for n, (table, column, _) in enumerate(_OWNERS)
    )
    entity = ", ".join([*(f"t{n}.{of}" for n, (_, _, of) in enumerate(_OWNERS)), "c.entity_id"])
    rows = conn.execute(
        f"SELECT c.id, s.slug, COALESCE(e.slug, '') FROM citation c "
        f"JOIN entity s ON s.id = c.source_id {owner} "
        f"LEFT JOIN entity e ON e.id = COALESCE({entity}) "
        "WHERE (c.quote IS NULL OR trim(c.quote) = '') AND (c.note IS NULL OR trim(c.note) = '') "
        "ORDER BY c.id"
    ).fetchall()
    return tuple(BareCitation(int(i), str(s), str(e)) for i, s, e in rows)


def _start(date: str) -> str:
    """The first day a date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) may mean."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def _end(date: str) -> str:
    """A string after every day the date may mean (compared as text, as ISO dates sort)."""
    return date + "-99-99" if len(date) == 4 else date + "-99" if len(date) == 7 else date


def _early(conn: sqlite3.Connection) -> tuple[EarlyCitation, ...]:
    # A source without a date could have been published after the fact: it is not judged.
    rows = conn.execute(
        "SELECT c.id, f.id, e.slug, f.date, f.text, s.slug, src.published FROM fact f "
        "JOIN entity e ON e.id = f.entity_id JOIN citation c ON c.fact_id = f.id "
        "JOIN source src ON src.id = c.source_id JOIN entity s ON s.id = c.source_id "
        "WHERE f.date IS NOT NULL AND f.date != '' AND src.published IS NOT NULL "
        "AND src.published != '' AND e.deleted_at IS NULL "
        "ORDER BY f.id, c.position, c.id"
    ).fetchall()
    return tuple(
        EarlyCitation(int(c), int(f), str(entry), str(date), str(text), str(source), str(published))
        for c, f, entry, date, text, source, published in rows
        if _end(published) < _start(date)
    )


# The languages whose spelling of a person's name is not the English entry name: another
# script, or Vietnamese, whose diacritics the English spelling drops. Malay, Indonesian,
# Filipino, Tetum and Portuguese write the region's names in the English letters, so a name in
# them would repeat the entry's own: their sources ask for none.
NAMED_APART: tuple[str, ...] = ("zh-Hans", "zh-Hant", "vi", "lo", "th", "km", "my")
# A country's own language for its people's names (by ISO 3166-1 alpha-2), where it is one of
# NAMED_APART: the official language of Cambodia, China, Laos, Myanmar, Thailand and Vietnam.
COUNTRY_LANGUAGES: dict[str, str] = {
    "CN": "zh-Hans",
    "KH": "km",
    "LA": "lo",
    "MM": "my",
    "TH": "th",
    "VN": "vi",
}
# Chinese tagged by place rather than by script (zh-TW), read as the script the place writes.
_CHINESE_BY_PLACE = {
    "zh-CN": "zh-Hans",
    "zh-SG": "zh-Hans",
    "zh-MY": "zh-Hans",
    "zh-TW": "zh-Hant",
    "zh-HK": "zh-Hant",
    "zh-MO": "zh-Hant",
}


def _named_apart(language: str | None, script: str | None = None) -> str | None:
    """Which of NAMED_APART a tag (with an alias's script, if any) is, or None."""
    tag = (language or "").strip()
    if tag == "zh" and script in ("Hans", "Hant"):  # plain Chinese whose script is said apart
        tag = f"zh-{script}"
    for wanted in NAMED_APART:
        if within(tag, wanted):
            return wanted
    for place, wanted in _CHINESE_BY_PLACE.items():
        if within(tag, place):
            return wanted
    return None


def _unnamed(conn: sqlite3.Connection) -> tuple[int, tuple[UnnamedPerson, ...]]:
    people = conn.execute(
        "SELECT e.id, e.slug, e.name, c.iso_alpha2 FROM person p JOIN entity e ON e.id = p.id "
        "LEFT JOIN country c ON c.id = p.country_id LEFT JOIN entity ce ON ce.id = c.id "
        "AND ce.deleted_at IS NULL WHERE e.deleted_at IS NULL ORDER BY e.slug"
    ).fetchall()
    named: dict[int, set[str]] = defaultdict(set)
    for entity_id, language, script in conn.execute(
        "SELECT a.entity_id, a.language, a.script FROM alias a JOIN person p ON p.id = a.entity_id"
    ):
        if (apart := _named_apart(language, script)) is not None:
            named[int(entity_id)].add(apart)
    # Every source cited for a person, by whatever the citation supports, in one pass.
    cited: dict[int, dict[str, str]] = defaultdict(dict)  # person -> language -> first source
    for person_id, slug, language in conn.execute(
        "WITH cited(person_id, source_id) AS ("
        " SELECT c.entity_id, c.source_id FROM citation c WHERE c.entity_id IS NOT NULL"
        " UNION SELECT a.entity_id, c.source_id FROM citation c JOIN alias a ON a.id = c.alias_id"
        " UNION SELECT f.entity_id, c.source_id FROM citation c JOIN fact f ON f.id = c.fact_id"
        " UNION SELECT r.person_id, c.source_id FROM citation c JOIN role r ON r.id = c.role_id"
        " UNION SELECT m.member_id, c.source_id FROM citation c JOIN membership m ON m.id = c.membership_id"
        " UNION SELECT st.speaker_id, c.source_id FROM citation c JOIN statement st ON st.id = c.statement_id"
        ") SELECT cited.person_id, e.slug, src.language FROM cited JOIN person p ON p.id = cited.person_id "
        "JOIN source src ON src.id = cited.source_id JOIN entity e ON e.id = src.id "
        "WHERE e.deleted_at IS NULL AND src.language IS NOT NULL ORDER BY e.slug"
    ):
        if (apart := _named_apart(language)) is not None:
            cited[int(person_id)].setdefault(apart, str(slug))
    unnamed = []
    for entity_id, slug, name, iso in people:
        own = COUNTRY_LANGUAGES.get(str(iso or "").upper())
        for language in NAMED_APART:  # in a fixed order, so the report reads the same each time
            source = cited[entity_id].get(language, "")
            if language in named[entity_id] or not (source or language == own):
                continue
            unnamed.append(UnnamedPerson(str(slug), str(name), language, source, language == own))
    return len(people), tuple(unnamed)


SHOWN = 10  # of each kind, in words; the JSON report lists them all


def data_quality_findings(quality: DataQuality) -> list[Text]:
    """One sentence for each kind of gap, with a count and the first few. Not problems of the
    file: they leave the check's verdict, and its exit status, as they are."""
    lines: list[Text] = []
    if quality.untitled:
        lines.append(
            T_(
                "Checking",
                "{count} of {total} sources have no title and give no reason why (their name says the "
                "title was not recorded): {names}. Give each its title, or cite its name with a note "
                "saying why the title cannot be had.",
            ).format(
                count=len(quality.untitled),
                total=quality.sources,
                names=_shown([s.slug for s in quality.untitled]),
            )
        )
    if quality.bare:
        lines.append(
            T_(
                "Checking",
                "{count} of {total} citations have neither a quote nor a note, so a reader sees only "
                "the source's address: {citations}. Add the source's words, or a note saying what in "
                "it supports the fact.",
            ).format(
                count=len(quality.bare),
                total=quality.citations,
                citations=_shown([f"{b.entry_slug or '?'} ← {b.source_slug}" for b in quality.bare]),
            )
        )
    if quality.unnamed:
        lines.append(
            T_(
                "Checking",
                "{count} names of {total} people are missing in a language that a source cited for "
                "them is written in, or that their country speaks: {names}. Add each as an other name "
                "in that language, citing a source that prints it.",
            ).format(
                count=len(quality.unnamed),
                total=quality.people,
                names=_shown([f"{u.slug} ({u.language})" for u in quality.unnamed]),
            )
        )
    for early in quality.early[:SHOWN]:
        lines.append(
            T_(
                "Checking",
                "The fact “{text}” of {entry} is dated {date}, yet it cites {source}, published "
                "{published}, before it: that source cannot report it. Cite one that can, or date the "
                "fact as the source does.",
            ).format(
                text=_clip(early.text),
                entry=early.entry_slug,
                date=early.date,
                source=early.source_slug,
                published=early.published,
            )
        )
    if len(quality.early) > SHOWN:
        lines.append(
            T_(
                "Checking",
                "… and {count} more such citations (`roundtable check --json` lists them all).",
            ).format(count=len(quality.early) - SHOWN)
        )
    return lines


def _shown(items: list[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return shown + f" … (+{len(items) - SHOWN})" if len(items) > SHOWN else shown


def _clip(words: str, limit: int = 120) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"
