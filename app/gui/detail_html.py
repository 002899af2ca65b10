"""An entry as HTML for the detail view: every field, related entries as links, and every
fact's citation one click away (numbered like footnotes, listed at the end of the page).

Links: `entry:<slug>` navigates inside Roundtable; `note:<id>` opens a note in the editor,
`new-note:<slug>` starts one on the entry, `tag:<name>` shows the tag in the Tags view (the
notes feature handles those three); http(s) links open in the system browser only when clicked. No colours here: `style_sheet` derives them from the view's palette, so
light and dark both follow the system.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from app.services.dto import CitationView, EntryDetail, Ref
from app.services.kinds import BY_KEY

ENTRY_SCHEME = "entry"
NOTE_SCHEME = "note"
NEW_NOTE_SCHEME = "new-note"
TAG_SCHEME = "tag"
UNTITLED = "(untitled)"


def style_sheet(text: str, muted: str, rule: str) -> str:
    """The page's CSS from palette colours (names like '#1e1e1e'), for QTextDocument."""
    return f"""
    body {{ color: {text}; }}
    h1 {{ font-size: xx-large; font-weight: 600; margin: 0 0 2px 0; }}
    h3 {{ font-size: large; font-weight: 600; margin: 18px 0 4px 0; }}
    p {{ margin: 4px 0 6px 0; }}
    ul, ol {{ margin: 2px 0 2px 0; }}
    li {{ margin: 0 0 5px 0; }}
    small, .meta, .label, .when {{ color: {muted}; }}
    .meta {{ margin: 0 0 10px 0; }}
    .summary {{ margin: 6px 0 12px 0; }}
    .trash {{ font-weight: 600; }}
    table.fields {{ margin: 4px 0 4px 0; border-collapse: collapse; }}
    table.fields th {{ font-weight: normal; text-align: left; padding: 3px 16px 3px 0; }}
    table.fields td {{ padding: 3px 0 3px 0; }}
    blockquote {{ margin: 2px 0 4px 16px; font-style: italic; }}
    .citations {{ font-size: small; }}
    .quote {{ font-style: italic; }}
    hr {{ color: {rule}; }}
    """


def entry_link(ref: Ref) -> str:
    return f'<a href="{ENTRY_SCHEME}:{escape(ref.slug)}">{escape(ref.name)}</a>'


def note_link(note_id: int, title: str) -> str:
    return f'<a href="{NOTE_SCHEME}:{note_id}">{escape(title or UNTITLED)}</a>'


def tag_link(name: str) -> str:
    return f'<a href="{TAG_SCHEME}:{quote(name, safe="/")}">{escape(name)}</a>'


def _url(url: str) -> str:
    return f'<a href="{escape(url)}">{escape(url)}</a>'


class _Citations:
    def __init__(self) -> None:
        self.items: list[CitationView] = []

    def mark(self, citations: Sequence[CitationView]) -> str:
        marks = []
        for c in citations:
            self.items.append(c)
            n = len(self.items)
            marks.append(f'<a href="#cite-{n}" title="{escape(c.source.name)}">[{n}]</a>')
        return f"<sup>{''.join(marks)}</sup>" if marks else ""

    def html(self) -> str:
        if not self.items:
            return ""
        out = ["<hr><h3>Citations</h3><ol class='citations'>"]
        for n, c in enumerate(self.items, 1):
            where = entry_link(c.source)
            if c.source_publisher:
                where += f", {escape(c.source_publisher)}"
            if c.locator:
                where += f", {escape(c.locator)}"
            quote = f"<br><span class='quote'>“{escape(c.quote)}”</span>" if c.quote else ""
            about = f" (for {escape(c.field.replace('_', ' '))})" if c.field else ""
            note = f"<br>{escape(c.note)}" if c.note else ""
            out.append(
                f'<li><a name="cite-{n}"></a>{where}{about} · reliability: <b>{escape(c.reliability)}</b>'
                f"{quote}{note}</li>"
            )
        out.append("</ol>")
        return "".join(out)


def _dates(*parts: tuple[str, str | None]) -> str:
    shown = [f"{label} {escape(v)}" if label else escape(v) for label, v in parts if v]
    return f" <small>({', '.join(shown)})</small>" if shown else ""


def render(detail: EntryDetail) -> str:
    cites = _Citations()
    kind = BY_KEY[detail.ref.kind].singular
    out = [f"<h1>{escape(detail.ref.name)}</h1>", f"<p class='meta'>{kind} · {escape(detail.ref.slug)}</p>"]
    if detail.deleted_at:
        out.append(f"<p class='trash'>In the Trash since {escape(detail.deleted_at[:10])}.</p>")
    if detail.summary:
        out.append(f"<p class='summary'>{escape(detail.summary)}</p>")
    if detail.tags:
        out.append("<p>Tags: " + ", ".join(tag_link(t) for t in detail.tags) + "</p>")

    rows = []
    for f in detail.fields:
        if f.label == "Name" and not f.citations:
            continue
        if f.ref is not None:
            value = entry_link(f.ref)
        elif f.value.startswith(("http://", "https://")):
            value = _url(f.value)
        else:
            value = escape(f.value)
        rows.append(
            f"<tr><th class='label' align='left' valign='top'>{escape(f.label)}</th>"
            f"<td>{value}{cites.mark(f.citations)}</td></tr>"
        )
    if rows:
        out.append("<table class='fields' cellspacing='0' cellpadding='0'>" + "".join(rows) + "</table>")
    if detail.citations:
        out.append(f"<p>Sources for this entry: {cites.mark(detail.citations)}</p>")

    if detail.aliases:
        items = []
        for a in detail.aliases:
            lang = ", ".join(
                x for x in (a.language, a.kind.replace("_", " ") if a.kind != "name" else None) if x
            )
            items.append(
                f"<li>{escape(a.value)}"
                + (f" <small>({escape(lang)})</small>" if lang else "")
                + f"{cites.mark(a.citations)}</li>"
            )
        out.append("<h3>Other names</h3><ul>" + "".join(items) + "</ul>")

    if detail.roles:
        items = []
        for r in detail.roles:
            where = ", ".join(entry_link(x) for x in (r.organization, r.country) if x)
            items.append(
                f"<li>{escape(r.title)}"
                + (f" — {where}" if where else "")
                + _dates(("as of", r.as_of), ("from", r.start), ("until", r.end))
                + f"{cites.mark(r.citations)}</li>"
            )
        out.append("<h3>Titles</h3><ul>" + "".join(items) + "</ul>")

    if detail.memberships:
        items = []
        for ms in detail.memberships:
            other = ms.organization if ms.member.id == detail.ref.id else ms.member
            items.append(
                f"<li>{entry_link(other)}: {escape(ms.status)}"
                + _dates(("from", ms.start), ("until", ms.end))
                + f"{cites.mark(ms.citations)}</li>"
            )
        out.append("<h3>Memberships</h3><ul>" + "".join(items) + "</ul>")

    if detail.facts:
        items = [
            f"<li>{escape(f.text)}" + _dates(("", f.date)) + f"{cites.mark(f.citations)}</li>"
            for f in detail.facts
        ]
        out.append("<h3>Facts</h3><ul>" + "".join(items) + "</ul>")

    if detail.statements:
        items = []
        for st in detail.statements:
            who = entry_link(st.speaker) if st.speaker else escape(st.speaker_label or "")
            at = f" at {entry_link(st.event)}" if st.event and st.event.id != detail.ref.id else ""
            kind_text = {"direct": "said", "reported": "reported", "translated": "said (in translation)"}[
                st.kind
            ]
            items.append(
                f"<li><p>{who}{at}, {kind_text}"
                + _dates(("", st.date))
                + f":{cites.mark(st.citations)}</p><blockquote>{escape(st.text)}</blockquote></li>"
            )
        out.append("<h3>Statements</h3><ul>" + "".join(items) + "</ul>")

    for group in detail.related:
        items = [
            f"<li>{entry_link(link.ref)}"
            + (f" — {escape(link.detail)}" if link.detail else "")
            + f"{cites.mark(link.citations)}</li>"
            for link in group.links
        ]
        out.append(f"<h3>{escape(group.title)}</h3><ul>" + "".join(items) + "</ul>")

    if detail.source_uses:
        items = []
        for use in detail.source_uses:
            subject = entry_link(use.subject) if use.subject else "<i>an entry in the trash</i>"
            quote = f"<br><span class='quote'>“{escape(use.quote)}”</span>" if use.quote else ""
            items.append(f"<li>{subject}: {escape(use.what.replace('_', ' '))}{quote}</li>")
        out.append(f"<h3>Cited for ({len(detail.source_uses)})</h3><ul>" + "".join(items) + "</ul>")

    if detail.deleted_at is None or detail.notes or detail.backlinks:
        out.append("<h3>Notes</h3>")
        if detail.notes:
            items = [
                f"<li>{note_link(n.id, n.title)} <small>{escape(n.updated_at[:10])}</small></li>"
                for n in detail.notes
            ]
            out.append("<ul>" + "".join(items) + "</ul>")
        if detail.backlinks:
            items = [
                f"<li>{note_link(n.id, n.title)}"
                + (f" <small>on {entry_link(n.entry)}</small>" if n.entry else " <small>standalone</small>")
                + "</li>"
                for n in detail.backlinks
            ]
            out.append("<p class='label'>Mentioned in</p><ul>" + "".join(items) + "</ul>")
        if detail.deleted_at is None:
            out.append(
                f'<p><a href="{NEW_NOTE_SCHEME}:{escape(detail.ref.slug)}">New note on this entry</a></p>'
            )

    if detail.archived_text:
        paras = "".join(f"<p>{escape(p)}</p>" for p in detail.archived_text.splitlines() if p.strip())
        out.append(f"<h3>Archived text</h3>{paras}")

    out.append(cites.html())
    return "\n".join(out)
