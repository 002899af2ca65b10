"""Text for the terminal: aligned tables and a readable entry."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from app.records.entries import CitationView, EntryDetail
from app.records.footnotes import FootnoteNumbers
from app.services.kinds import BY_KEY
from app.services.search import Group, Results, Snippet


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide CJK characters count two, marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], width(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


class _Footnotes(FootnoteNumbers):
    def mark(self, citations: Sequence[CitationView]) -> str:
        marks = "".join(f"[{n}]" for n, _ in self.number(citations))
        return f" {marks}" if marks else ""


def entry(detail: EntryDetail) -> str:
    notes = _Footnotes()
    kind = BY_KEY[detail.ref.kind].singular
    out = [f"{detail.ref.name}  ({kind}, {detail.ref.slug})"]
    if detail.deleted_at:
        out.append(f"In the trash since {detail.deleted_at}")
    if detail.summary:
        out += ["", detail.summary]
    out.append("")
    for f in detail.fields:
        out.append(f"{f.label}: {f.value}{notes.mark(f.citations)}")
    if detail.citations:
        out.append(f"Sources for this entry:{notes.mark(detail.citations)}")
    if detail.aliases:
        out += ["", "Other names:"]
        for a in detail.aliases:
            lang = ", ".join(x for x in (a.language, a.kind if a.kind != "name" else None) if x)
            out.append(f"  {a.value}" + (f" ({lang})" if lang else "") + notes.mark(a.citations))
    if detail.roles:
        out += ["", "Titles:"]
        for r in detail.roles:
            when = (r.as_of and f"as of {r.as_of}") or " – ".join(x for x in (r.start, r.end) if x)
            org = f", {r.organization.name}" if r.organization else ""
            out.append(f"  {r.title}{org}" + (f" ({when})" if when else "") + notes.mark(r.citations))
    if detail.memberships:
        out += ["", "Memberships:"]
        for ms in detail.memberships:
            span = " – ".join(x for x in (ms.start, ms.end) if x)
            other = ms.organization if ms.member.id == detail.ref.id else ms.member
            out.append(
                f"  {other.name}: {ms.status}" + (f" ({span})" if span else "") + notes.mark(ms.citations)
            )
    if detail.facts:
        out += ["", "Facts:"]
        for fact in detail.facts:
            out.append(f"  - {fact.text}{notes.mark(fact.citations)}")
    if detail.statements:
        out += ["", "Statements:"]
        for st in detail.statements:
            who = st.speaker.name if st.speaker else (st.speaker_label or "")
            out.append(f"  {who} ({st.kind}): {st.text}{notes.mark(st.citations)}")
    for group in detail.related:
        out += ["", f"{group.title}:"]
        for link in group.links:
            extra = f" — {link.detail}" if link.detail else ""
            out.append(f"  {link.ref.name} [{link.ref.slug}]{extra}{notes.mark(link.citations)}")
    if detail.source_uses:
        out += ["", f"Cited {len(detail.source_uses)} times:"]
        for use in detail.source_uses:
            subject = use.subject.name if use.subject else "(deleted entry)"
            out.append(f"  {subject}: {use.described}")
    if detail.tags:
        out += ["", "Tags: " + ", ".join(detail.tags)]
    if detail.notes or detail.backlinks:
        out += ["", "Notes:"]
        out += [f"  {n.title} ({n.updated_at[:10]})" for n in detail.notes]
        out += [f"  mentioned in: {n.title}" for n in detail.backlinks]
    if cited := notes.cited():
        out += ["", "Citations:"]
        for i, c in cited:
            where = c.source.name + (f", {c.locator}" if c.locator else "")
            quote = f' "{c.quote}"' if c.quote else ""
            out.append(f"  [{i}] {where} — reliability {c.reliability}.{quote}")
    return "\n".join(out)


def first_hits(results: Results, limit: int) -> Results:
    """The best `limit` hits, in the order the groups rank them (the groups cut to fit)."""
    groups = []
    left = limit
    for group in results.groups:
        if left <= 0:
            break
        hits = group.hits[:left]
        left -= len(hits)
        groups.append(Group(group.kind, group.label, hits, group.more or len(hits) < len(group.hits)))
    return Results(results.text, tuple(groups))


_BOLD, _PLAIN = "\x1b[1;4m", "\x1b[0m"


def _marked(snippet: Snippet, highlight: bool) -> str:
    if not highlight:
        return snippet.text
    text = snippet.text
    for start, end in reversed(snippet.spans):
        text = text[:start] + _BOLD + text[start:end] + _PLAIN + text[end:]
    return text


def search_results(results: Results, *, highlight: bool = False) -> str:
    """Groups of hits: the title, what to open, and where the words matched."""
    if not results.groups:
        return f"Nothing found for {results.text!r}."
    out: list[str] = []
    total = 0
    for group in results.groups:
        if out:
            out.append("")
        out.append(group.label)
        for hit in group.hits:
            total += 1
            if hit.note_id is not None:
                target = f"note {hit.note_id}" + (f" on {hit.slug}" if hit.slug else "")
            else:
                target = hit.slug or ""
            out.append(f"  {hit.title}  ({target})")
            out.append(f"    {hit.field}: {_marked(hit.snippet, highlight)}")
        if group.more:
            out.append("    … more: narrow the search, or use --kind and --limit")
    out += ["", f"{total} result{'s' if total != 1 else ''}"]
    return "\n".join(out)
