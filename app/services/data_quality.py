"""The research's own gaps, for `roundtable check`: sources whose name says it is not their
title, citations with neither a quote nor a note, and citations of a dated fact whose source
was published before it.

None of these is damage to the file: a researcher fills the gaps over time (the bundled
dataset has many), so they are information and leave the check's verdict and exit status as
they are. A source says it has no title by its name ("... (title not recorded)", the bundled
dataset's wording, or "untitled"); it gives the reason the title cannot be had by a citation
of its `name` field that carries a note.
"""

from __future__ import annotations

import re
import sqlite3

from app.i18n import T_, Text
from app.records.data_quality import BareCitation, DataQuality, EarlyCitation, UntitledSource

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
    return DataQuality(len(sources), untitled, citations, _bare(conn), _early(conn))


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
