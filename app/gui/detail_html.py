"""An entry as HTML for the detail view: every field, related entries as links, and every
fact's citation one click away (numbered like footnotes, listed at the end of the page).

Links: `entry:<slug>` navigates inside Roundtable; `note:<id>` opens a note in the editor,
`new-note:<slug>` starts one on the entry, `tag:<name>` shows the tag in the Tags view (the
notes feature handles those three); http(s) links open in the system browser only when clicked. No colours here: `style_sheet` derives them from the view's palette, so
light and dark both follow the system.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from html import escape
from typing import TypeVar
from urllib.parse import quote

from app.gui.i18n import kind_singular, translate
from app.gui.language_names import language_name, own_language_name, script_name
from app.i18n import N_
from app.records.entries import AliasView, CitationView, EntryDetail, Ref, SourceUse
from app.records.footnotes import FootnoteNumbers
from app.services.details import names_by_language
from app.services.languages import name_in, script_said

ENTRY_SCHEME = "entry"
NOTE_SCHEME = "note"
NEW_NOTE_SCHEME = "new-note"
TAG_SCHEME = "tag"


def untitled() -> str:
    """What a note without a title is called."""
    return translate("Detail", "(untitled)")


@dataclass(frozen=True)
class _Words:
    """The page's own words in the interface language (translated once per page)."""

    citations: str
    for_field: str
    reliability: str
    trash_since: str
    tags: str
    sources: str
    other_names: str
    as_of: str
    from_: str
    until: str
    titles: str
    memberships: str
    facts: str
    colon: str
    statements: str
    in_trash: str
    cited_for: str
    more: str
    notes: str
    on_entry: str
    standalone: str
    mentioned_in: str
    new_note: str
    archived_text: str


def _words() -> _Words:
    return _Words(
        citations=translate("Detail", "Citations"),
        for_field=translate("Detail", "(for {field})"),
        reliability=translate("Detail", "reliability:"),
        trash_since=translate("Detail", "In the Trash since {date}."),
        tags=translate("Detail", "Tags: {tags}"),
        sources=translate("Detail", "Sources for this entry: {marks}"),
        other_names=translate("Detail", "Other names"),
        as_of=translate("Detail", "as of {date}"),
        from_=translate("Detail", "from {date}"),
        until=translate("Detail", "until {date}"),
        titles=translate("Detail", "Titles"),
        memberships=translate("Detail", "Memberships"),
        facts=translate("Detail", "Facts"),
        colon=translate("Detail", ":"),
        statements=translate("Detail", "Statements"),
        in_trash=translate("Detail", "an entry in the trash"),
        cited_for=translate("Detail", "Cited for ({count})"),
        more=translate("Detail", "… and {count} more, not listed here (filter the list to see them all)."),
        notes=translate("Detail", "Notes"),
        on_entry=translate("Detail", "on {entry}"),
        standalone=translate("Detail", "standalone"),
        mentioned_in=translate("Detail", "Mentioned in"),
        new_note=translate("Detail", "New note on this entry"),
        archived_text=translate("Detail", "Archived text"),
    )


def _said(kind: str, at_event: bool) -> str:
    """How a statement was made, with {who} and (at an event) {event} to fill in."""
    if kind == "reported":
        return (
            translate("Detail", "{who} at {event}, reported")
            if at_event
            else translate("Detail", "{who}, reported")
        )
    if kind == "translated":
        return (
            translate("Detail", "{who} at {event}, said (in translation)")
            if at_event
            else translate("Detail", "{who}, said (in translation)")
        )
    return translate("Detail", "{who} at {event}, said") if at_event else translate("Detail", "{who}, said")


# Words the data uses for fixed choices (column names, kinds of name, reliability grades).
_CHOICES = {
    "name": N_("DetailChoices", "name"),
    "official_name": N_("DetailChoices", "official name"),
    "variant": N_("DetailChoices", "variant"),
    "abbreviation": N_("DetailChoices", "abbreviation"),
    "former_name": N_("DetailChoices", "former name"),
    "capital": N_("DetailChoices", "capital"),
    "iso_alpha2": N_("DetailChoices", "ISO alpha-2 code"),
    "iso_alpha3": N_("DetailChoices", "ISO alpha-3 code"),
    "iso_numeric": N_("DetailChoices", "ISO numeric code"),
    "start": N_("DetailChoices", "start"),
    "end": N_("DetailChoices", "end"),
    "place": N_("DetailChoices", "place"),
    "publisher": N_("DetailChoices", "publisher"),
    "entry": N_("DetailChoices", "entry"),
    "fact": N_("DetailChoices", "fact"),
    "statement": N_("DetailChoices", "statement"),
    "high": N_("DetailChoices", "high"),
    "medium": N_("DetailChoices", "medium"),
    "low": N_("DetailChoices", "low"),
    "unverified": N_("DetailChoices", "unverified"),
}


def _other_name(alias: AliasView, cites: _Citations) -> str:
    """An other name, with what its language's heading does not say in words (its script when
    the language does not tell it: Chinese in Traditional characters; its kind unless a plain
    name) and its citations."""
    language, script = alias.language or "", alias.script or ""
    shown = script_name(script) if script and not (language and script_said(language, script)) else ""
    about = ", ".join(x for x in (shown, choice(alias.kind) if alias.kind != "name" else "") if x)
    return (
        escape(alias.value)
        + (f" <small>({escape(about)})</small>" if about else "")
        + cites.mark(alias.citations)
    )


def choice(value: str) -> str:
    """A fixed word of the data (a reliability grade, a kind of name, a field) as shown."""
    marked = _CHOICES.get(value)
    return translate("DetailChoices", marked) if marked else value.replace("_", " ")


def use_label(use: SourceUse) -> str:
    """What a citation of a source supports, in its own words (plain text): the fact's
    sentence, 'title: Minister — NDRC', 'participant: Chen Gang', 'statement: “…”'."""
    words, other = use.words, use.other.name if use.other else ""
    if use.owner == "fact":
        return translate("Detail", "fact: {words}").format(words=words)
    if use.owner == "title":
        label = translate("Detail", "title: {value}").format(value=words)
    elif use.owner == "membership":
        label = translate("Detail", "membership: {value}").format(value=words)
    elif use.owner == "participation":
        label = translate("Detail", "{role}: {entry}").format(role=words, entry=other)
        other = ""
    elif use.owner == "party":
        label = translate("Detail", "party ({role}): {entry}").format(role=words, entry=other)
        other = ""
    elif use.owner == "statement":
        label = translate("Detail", "statement: “{words}”").format(words=words)
    elif use.owner == "name":
        label = translate("Detail", "name {value}").format(value=words)
    elif use.owner == "field":
        label = choice(words)
    else:
        label = translate("Detail", "the entry as a whole")
    return f"{label} — {other}" if other else label


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


# While a page is rendered in a chosen script: the slugs its links name (first pass), then
# their names in that script (second pass). See render.
_LINKED: ContextVar[set[str] | None] = ContextVar("_LINKED", default=None)
_NAMES: ContextVar[Mapping[str, str] | None] = ContextVar("_NAMES", default=None)


def entry_link(ref: Ref) -> str:
    linked = _LINKED.get()
    if linked is not None:
        linked.add(ref.slug)
    names = _NAMES.get()
    name = names.get(ref.slug, ref.name) if names else ref.name
    return f'<a href="{ENTRY_SCHEME}:{escape(ref.slug)}">{escape(name)}</a>'


def note_link(note_id: int, title: str) -> str:
    return f'<a href="{NOTE_SCHEME}:{note_id}">{escape(title or untitled())}</a>'


def tag_link(name: str) -> str:
    return f'<a href="{TAG_SCHEME}:{quote(name, safe="/")}">{escape(name)}</a>'


def _url(url: str) -> str:
    return f'<a href="{escape(url)}">{escape(url)}</a>'


class _Citations(FootnoteNumbers):
    def mark(self, citations: Sequence[CitationView]) -> str:
        marks = "".join(
            f'<a href="#cite-{n}" title="{escape(c.source.name)}">[{n}]</a>'
            for n, c in self.number(citations)
        )
        return f"<sup>{marks}</sup>" if marks else ""

    def html(self) -> str:
        cited = self.cited()
        if not cited:
            return ""
        w = _words()
        out = [f"<hr><h3>{w.citations}</h3><ol class='citations'>"]
        for n, c in cited:
            where = entry_link(c.source)
            if c.source_publisher:
                where += f", {escape(c.source_publisher)}"
            if c.locator:
                where += f", {escape(c.locator)}"
            quote = f"<br><span class='quote'>“{escape(c.quote)}”</span>" if c.quote else ""
            about = f" {w.for_field.format(field=escape(choice(c.field)))}" if c.field else ""
            note = f"<br>{escape(c.note)}" if c.note else ""
            out.append(
                f'<li><a name="cite-{n}"></a>{where}{about} · {w.reliability} <b>{escape(choice(c.reliability))}</b>'
                f"{quote}{note}</li>"
            )
        out.append("</ol>")
        return "".join(out)


# A page lists at most this many items under one heading: a country with 8,000 officials made
# a page Qt took seconds and 77 MB to lay out, and no reader scrolls through it (the list does
# that better).
LISTED = 200
_T = TypeVar("_T")


def _listed(items: Sequence[_T], item: Callable[[_T], str], w: _Words) -> str:
    """`<ul>` of the first LISTED items, then how many more there are."""
    shown = "".join(item(i) for i in items[:LISTED])
    rest = len(items) - LISTED
    more = f"<p><small>{w.more.format(count=rest)}</small></p>" if rest > 0 else ""
    return f"<ul>{shown}</ul>{more}"


def _dates(*parts: tuple[str, str | None]) -> str:
    shown = [label.format(date=escape(v)) if label else escape(v) for label, v in parts if v]
    return f" <small>({', '.join(shown)})</small>" if shown else ""


def render(
    detail: EntryDetail,
    *,
    with_text: bool = True,
    script: str = "",
    names: Callable[[str, list[str]], Mapping[str, str]] | None = None,
) -> str:
    """`with_text`: the source's text at the end of the page (False when a reader beside the
    page shows it, app/gui/source_reader.py). `script`: the title in that script when the entry
    has a name written in it (Preferences), the name as recorded under it; and, given `names`
    (script, slugs -> their names in it: EntryLists.names_by_slug), every linked entry's name
    in it too. The page is built once to learn which entries it links to, then again with
    their names: building it costs far less than a query per link."""
    if not script or names is None:
        return _page(detail, with_text=with_text, script=script)
    linked: set[str] = set()
    token = _LINKED.set(linked)
    try:
        _page(detail, with_text=with_text, script=script)
    finally:
        _LINKED.reset(token)
    found = names(script, sorted(linked)) if linked else {}
    if not found:
        return _page(detail, with_text=with_text, script=script)
    token_names = _NAMES.set(found)
    try:
        return _page(detail, with_text=with_text, script=script)
    finally:
        _NAMES.reset(token_names)


def _page(detail: EntryDetail, *, with_text: bool, script: str) -> str:
    w = _words()
    cites = _Citations()
    kind = escape(kind_singular(detail.ref.kind))
    shown = (
        name_in(script, ((a.value, a.language, a.script, a.kind) for a in detail.aliases)) if script else None
    )
    meta = [escape(detail.ref.name)] if shown else []
    out = [
        f"<h1>{escape(shown or detail.ref.name)}</h1>",
        f"<p class='meta'>{' · '.join([*meta, kind, escape(detail.ref.slug)])}</p>",
    ]
    if detail.deleted_at:
        since = w.trash_since.format(date=escape(detail.deleted_at[:10]))
        out.append(f"<p class='trash'>{since}</p>")
    if detail.summary:
        out.append(f"<p class='summary'>{escape(detail.summary)}</p>")
    if detail.tags:
        tags = w.tags.format(tags=", ".join(tag_link(t) for t in detail.tags))
        out.append(f"<p>{tags}</p>")

    rows = []
    for f in detail.fields:
        if f.label == "Name" and not f.citations:
            continue
        if f.ref is not None:
            value = entry_link(f.ref)
        elif f.value.startswith(("http://", "https://")):
            value = _url(f.value)
        elif f.label == "Reliability":
            value = escape(choice(f.value))
        elif f.label == "Language":
            value = escape(language_name(f.value))
        else:
            value = escape(f.value)
        label = escape(translate("Fields", f.label))
        rows.append(
            f"<tr><th class='label' align='left' valign='top'>{label}</th>"
            f"<td>{value}{cites.mark(f.citations)}</td></tr>"
        )
    if rows:
        out.append("<table class='fields' cellspacing='0' cellpadding='0'>" + "".join(rows) + "</table>")
    if detail.citations:
        out.append(f"<p>{w.sources.format(marks=cites.mark(detail.citations))}</p>")

    if detail.aliases:
        out.append(f"<h3>{w.other_names}</h3>")
        by_language = []
        for tag, aliases in names_by_language(detail.aliases):
            if not tag:
                items = [f"<li>{_other_name(a, cites)}</li>" for a in aliases]
                out.append("<ul>" + "".join(items) + "</ul>")
                continue
            # Under the language's own name (ไทย, Tiếng Việt), and the interface's word for it.
            own, ours = own_language_name(tag), language_name(tag)
            label = escape(own) + (
                f"<br><small>{escape(ours)}</small>" if ours.casefold() != own.casefold() else ""
            )
            names = " · ".join(_other_name(a, cites) for a in aliases)
            by_language.append(
                f"<tr><th class='label' align='left' valign='top'>{label}</th><td>{names}</td></tr>"
            )
        if by_language:
            out.append(
                "<table class='fields names' cellspacing='0' cellpadding='0'>"
                + "".join(by_language)
                + "</table>"
            )

    if detail.roles:
        items = []
        for r in detail.roles:
            where = ", ".join(entry_link(x) for x in (r.organization, r.country) if x)
            items.append(
                f"<li>{escape(r.title)}"
                + (f" — {where}" if where else "")
                + _dates((w.as_of, r.as_of), (w.from_, r.start), (w.until, r.end))
                + f"{cites.mark(r.citations)}</li>"
            )
        out.append(f"<h3>{w.titles}</h3><ul>" + "".join(items) + "</ul>")

    if detail.memberships:
        items = []
        for ms in detail.memberships:
            other = ms.organization if ms.member.id == detail.ref.id else ms.member
            items.append(
                f"<li>{entry_link(other)}: {escape(ms.status)}"
                + _dates((w.from_, ms.start), (w.until, ms.end))
                + f"{cites.mark(ms.citations)}</li>"
            )
        out.append(f"<h3>{w.memberships}</h3><ul>" + "".join(items) + "</ul>")

    if detail.facts:
        items = [
            f"<li>{escape(f.text)}" + _dates(("", f.date)) + f"{cites.mark(f.citations)}</li>"
            for f in detail.facts
        ]
        out.append(f"<h3>{w.facts}</h3><ul>" + "".join(items) + "</ul>")

    if detail.statements:
        items = []
        for st in detail.statements:
            who = entry_link(st.speaker) if st.speaker else escape(st.speaker_label or "")
            at_event = st.event is not None and st.event.id != detail.ref.id
            said = _said(st.kind, at_event).format(who=who, event=entry_link(st.event) if st.event else "")
            items.append(
                f"<li><p>{said}"
                + _dates(("", st.date))
                + f"{w.colon}{cites.mark(st.citations)}</p><blockquote>{escape(st.text)}</blockquote></li>"
            )
        out.append(f"<h3>{w.statements}</h3><ul>" + "".join(items) + "</ul>")

    for group in detail.related:
        links = _listed(
            group.links,
            lambda link: (
                f"<li>{entry_link(link.ref)}"
                + (f" — {escape(link.detail)}" if link.detail else "")
                + f"{cites.mark(link.citations)}</li>"
            ),
            w,
        )
        out.append(f"<h3>{escape(translate('Related', group.title))}</h3>{links}")

    if detail.source_uses:
        # Grouped by the entry each citation supports, in the order the service lists them.
        groups: dict[int | None, list[SourceUse]] = {}
        for use in detail.source_uses:
            groups.setdefault(use.subject.id if use.subject else None, []).append(use)

        def use_line(use: SourceUse) -> str:
            where = f" <small>({escape(use.locator)})</small>" if use.locator else ""
            words = escape(use_label(use)) + _dates(("", use.date))
            quote = (
                f"<br><span class='quote'>“{escape(use.quote)}”</span>"
                if use.quote and use.quote != use.words
                else ""
            )
            return f"<li>{words}{where}{quote}</li>"

        def group_item(uses: list[SourceUse]) -> str:
            subject = uses[0].subject
            head = entry_link(subject) if subject else f"<i>{w.in_trash}</i>"
            return f"<li>{head}<ul>{''.join(use_line(u) for u in uses)}</ul></li>"

        cited = w.cited_for.format(count=len(detail.source_uses))
        out.append(f"<h3>{cited}</h3>" + _listed(list(groups.values()), group_item, w))

    if detail.deleted_at is None or detail.notes or detail.backlinks:
        out.append(f"<h3>{w.notes}</h3>")
        if detail.notes:
            out.append(
                _listed(
                    detail.notes,
                    lambda n: (
                        f"<li>{note_link(n.id, n.title)} <small>{escape(n.updated_at[:10])}</small></li>"
                    ),
                    w,
                )
            )
        if detail.backlinks:
            mentions = _listed(
                detail.backlinks,
                lambda n: (
                    f"<li>{note_link(n.id, n.title)}"
                    + (
                        f" <small>{w.on_entry.format(entry=entry_link(n.entry))}</small>"
                        if n.entry
                        else f" <small>{w.standalone}</small>"
                    )
                    + "</li>"
                ),
                w,
            )
            out.append(f"<p class='label'>{w.mentioned_in}</p>{mentions}")
        if detail.deleted_at is None:
            out.append(f'<p><a href="{NEW_NOTE_SCHEME}:{escape(detail.ref.slug)}">{w.new_note}</a></p>')

    if detail.archived_text and with_text:
        paras = "".join(f"<p>{escape(p)}</p>" for p in detail.archived_text.splitlines() if p.strip())
        out.append(f"<h3>{w.archived_text}</h3>{paras}")

    out.append(cites.html())
    return "\n".join(out)
