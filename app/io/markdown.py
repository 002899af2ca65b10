"""Markdown that Obsidian, Zettlr and plain editors read: entries, notes and a digest.

Everything here is pure text work on plain values: the service gathers the data and decides
where each file goes; this module turns values into Markdown and back (note bodies with their
links). Data text (names, facts, quotes) is escaped so it shows as written and never turns into
a heading, a link, a tag or math by accident; note bodies are the researcher's own Markdown and
are written as they are, apart from [[links]], which are pointed at the files of the export.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from app import quoting
from app.i18n import T_
from app.io import frontmatter
from app.io.bibliography import pandoc_locator
from app.records.anchors import Paragraph, has_pages, paragraphs
from app.records.entries import AliasView, CitationView, EntryDetail, Ref
from app.records.footnotes import FootnoteNumbers
from app.records.notes import NoteDoc
from app.records.wikilinks import heading_of
from app.records.wikilinks import sub as replace_links
from app.user_files import MB

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

LinkStyle = Literal["wiki", "markdown"]
LINK_STYLES: tuple[LinkStyle, ...] = ("wiki", "markdown")

# The largest Markdown file read back from a vault (import-notes; a re-export comparing what is
# on disk). An entry's file holds all its notes, but even a note as long as a long novel (War
# and Peace is 3 MB of text) leaves it far below this; the notes editor grows sluggish long
# before. Import-notes keeps every note of the vault in memory while it checks them all, so a
# stray huge file (a log or a disk image named .md) must be refused, not read.
MAX_FILE_BYTES = 64 * MB

# --- escaping data text ------------------------------------------------------------------------

# CommonMark punctuation that can start markup, plus what Obsidian reads as markup: # (tags),
# $ (math), ~ (strikethrough), ^ (block ids), | (tables and link aliases).
# & only where it would start a character reference (&amp; &#38;): a "\&" elsewhere shows in a
# heading's text as Obsidian reads it, so a [[#R&D]] link to it would not find it.
_MARKUP = re.compile(r"([\\`*_\[\]<>#$~|^!]|&(?=#?[A-Za-z0-9]+;))")
_LIST_START = re.compile(r"^([-+=])")  # a list item, or a setext heading's underline
_NUMBERED_START = re.compile(r"^([0-9]+)([.)])")  # an ordered list item
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def inline(text: str) -> str:
    """`text` as Markdown that shows exactly `text`, on one line."""
    one_line = " ".join(_CONTROL.sub("", text).split())
    escaped = _MARKUP.sub(r"\\\1", one_line)
    return _NUMBERED_START.sub(r"\1\\\2", _LIST_START.sub(r"\\\1", escaped))


def in_quotes(text: str) -> str:
    """`text` as an inline quote, in quotation marks unless it carries its own (app/quoting.py)."""
    return inline(quoting.in_quotes(text))


def block(text: str) -> str:
    """Multi-paragraph data text (a summary): each paragraph escaped, blank lines kept."""
    paragraphs = re.split(r"\n\s*\n", _CONTROL.sub("", text.replace("\r\n", "\n")).strip())
    return "\n\n".join(inline(p) for p in paragraphs if p.strip())


def anchor(heading: str) -> str:
    """The id GitHub, markdown-it and Pandoc's gfm give a heading: lower case, letters, marks,
    digits, '_', '-' kept, spaces to '-'."""
    kept = []
    for ch in heading.strip().lower():
        cat = unicodedata.category(ch)
        if ch == " ":
            kept.append("-")
        elif ch in "-_" or cat[0] in "LMN":
            kept.append(ch)
    return "".join(kept)


def _url_path(path: str) -> str:
    """A relative path as a link destination: Unicode stays readable, what would end or break
    the destination is percent-encoded."""
    out = []
    for ch in path:
        if ch in ' %()<>[]#?"\\^`{}|' or ord(ch) < 0x21 or ch == "\x7f":
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out)


def _autolink(url: str) -> str:
    if re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*", url):
        return f"<{url}>"
    return inline(url)


def _wiki_alias(text: str) -> str:
    return " ".join(text.split()).replace("|", "¦").replace("[", "(").replace("]", ")")


# --- links between entries -----------------------------------------------------------------------


class Links:
    """Where each entry is and how to point at it.

    In a vault an entry is a file ('Officials/Chen Gang.md'): [[Chen Gang]] or a relative link.
    In a digest it is a heading of the one file: [[#Chen Gang]] or [Chen Gang](#chen-gang).
    Entries outside the export are named in plain text: a link would lead nowhere.
    """

    def __init__(self, style: LinkStyle, places: Mapping[int, str], *, digest: bool = False) -> None:
        self.style = style
        self._places = places
        self._digest = digest

    @property
    def is_digest(self) -> bool:
        return self._digest

    def place(self, entity_id: int) -> str | None:
        return self._places.get(entity_id)

    def to(self, entity_id: int | None, shown: str, here: str = "") -> str:
        place = self._places.get(entity_id) if entity_id is not None else None
        if place is None or (place == here and not self._digest):  # no link to the page itself
            return inline(shown)
        if self._digest:
            if self.style == "wiki":
                return f"[[#{_wiki_alias(place)}|{_wiki_alias(shown)}]]"
            return f"[{inline(shown)}](#{_url_path(anchor(place))})"
        if self.style == "wiki":
            stem = posixpath.basename(place).removesuffix(".md")
            return f"[[{stem}]]" if stem == _wiki_alias(shown) else f"[[{stem}|{_wiki_alias(shown)}]]"
        return f"[{inline(shown)}]({_url_path(posixpath.relpath(place, posixpath.dirname(here) or '.'))})"

    def in_property(self, entity_id: int) -> str | None:
        """A link to the entry's file as a property's value holds it ('[[Chen Gang]]'; Obsidian
        reads links in properties in its own form only), None when it is not in the export."""
        place = self._places.get(entity_id)
        if place is None or self._digest:
            return None
        return f"[[{posixpath.basename(place).removesuffix('.md')}]]"

    def ref(self, ref: Ref | None, here: str = "") -> str:
        return self.to(ref.id, ref.name, here) if ref is not None else ""

    def to_passage(self, ref: Ref, block: str | None, here: str = "") -> str:
        """A link to the paragraph of `ref`'s file that ends with the block id `block` (Obsidian's
        block reference, `[[Source#^p2-3|Source]]`); to the file itself without one, or in a
        digest (one file: a block id would not be unique in it)."""
        place = self._places.get(ref.id)
        if block is None or place is None or self._digest:
            return self.ref(ref, here)
        if self.style == "wiki":
            stem = posixpath.basename(place).removesuffix(".md")
            return f"[[{stem}#^{block}|{_wiki_alias(ref.name)}]]"
        rel = posixpath.relpath(place, posixpath.dirname(here) or ".")
        return f"[{inline(ref.name)}]({_url_path(rel)}#^{block})"


_MD_LINK = re.compile(r"\[((?:\\.|[^\[\]\\\n])*)\]\(([^()\s]+)\)")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def point_links(
    body: str,
    resolve: Callable[[str], int | None],
    links: Links,
    here: str,
    *,
    named: Callable[[int], str] | None = None,
) -> str:
    """A note body with each [[link]] to an exported entry pointed at that entry's file.

    The words the researcher wrote stay what the reader sees ([[chen-gang]] becomes
    [[Chen Gang|chen-gang]]), so `restore_links` can give the body back as it was. A digest
    keeps bodies as they are: it is one file, meant for pasting into a draft.

    With `named` (the name of an entry, by id), a link to an entry the export does not hold
    becomes plain text, its shown words or else the entry's name (a notes-only export: the link
    would lead nowhere); `relink_lines` gives such links back to lines left as written.
    """
    if links.is_digest or "[[" not in body:  # no link in it: no need to walk its lines
        return body

    def repl(match: re.Match[str]) -> str:
        target, heading, shown = match.group(1).strip(), heading_of(match), match.group(3)
        entity_id = resolve(target)
        place = links.place(entity_id) if entity_id is not None else None
        if place is None:
            if named is not None and entity_id is not None:
                return shown if shown is not None else inline(named(entity_id))
            return match.group(0)
        text = shown if shown is not None else target
        if links.style == "wiki":
            stem = posixpath.basename(place).removesuffix(".md")
            if stem == target and shown is None:
                return match.group(0)
            return f"[[{stem}{heading}|{_wiki_alias(text)}]]"
        rel = posixpath.relpath(place, posixpath.dirname(here) or ".")
        # the heading as written (Obsidian's form; it also lets the link come back unchanged)
        suffix = "#" + _url_path(heading[1:]) if heading else ""
        return f"[{inline(text)}]({_url_path(rel)}{suffix})"

    return replace_links(repl, body)  # links in code are code: left as they are


def relink_lines(edited: str, plain: str, linked: str) -> str:
    """`edited` (a note as the researcher changed it from `plain`, the text a notes-only export
    wrote) with the links `point_links` had made plain text given back, from `linked` (the same
    text with them), on every line the researcher left as it was. A line they changed keeps
    their words: which of them were the link cannot be known."""
    from difflib import SequenceMatcher

    if plain == linked:
        return edited
    before, after, links = plain.split("\n"), edited.split("\n"), linked.split("\n")
    if len(before) != len(links):  # a link never spans lines; this is not that text
        return edited
    out = list(after)
    for tag, i1, i2, j1, _j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            out[j1 : j1 + (i2 - i1)] = links[i1:i2]
    return "\n".join(out)


@dataclass(frozen=True)
class LinkedEntry:
    """An entry file of a vault, as a note body's link can name it."""

    entity_id: int
    slug: str


def restore_links(
    text: str,
    *,
    by_stem: Callable[[str], LinkedEntry | None],
    by_path: Callable[[str], LinkedEntry | None],
    resolve: Callable[[str], int | None],
    here: str,
) -> str:
    """Undo `point_links` on text edited in another tool: links to entry files become
    Roundtable links again ([[shown]] when those words find the entry, else [[slug|shown]]).

    `by_stem` finds an entry file by the name in a wiki-link, `by_path` by its path relative to
    the vault's top folder.
    """

    def back(entry: LinkedEntry, heading: str, shown: str) -> str:
        if resolve(shown) == entry.entity_id:
            return f"[[{shown}{heading}]]"
        return f"[[{entry.slug}{heading}|{shown}]]"

    def wiki(match: re.Match[str]) -> str:
        target, heading, shown = match.group(1).strip(), heading_of(match), match.group(3)
        entry = by_stem(target)
        if entry is None:
            return match.group(0)
        if shown is None:
            return match.group(0) if resolve(target) == entry.entity_id else back(entry, heading, target)
        return back(entry, heading, shown)

    def markdown(match: re.Match[str]) -> str:
        destination = match.group(2)
        path, _, fragment = destination.partition("#")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(here), _percent_decode(path)))
        entry = by_path(joined)
        if entry is None:
            return match.group(0)
        shown = _UNESCAPE.sub(r"\1", match.group(1))
        heading = "#" + _percent_decode(fragment) if fragment else ""
        return back(entry, heading, shown)

    return _MD_LINK.sub(markdown, replace_links(wiki, text))


def _percent_decode(text: str) -> str:
    from urllib.parse import unquote

    return unquote(text)


# --- footnotes -----------------------------------------------------------------------------------


class Footnotes:
    """Citations as Markdown footnotes [^c1]: the quote and where it comes from."""

    def __init__(
        self, links: Links, here: str, passage: Callable[[CitationView], str | None] | None = None
    ) -> None:
        self._links = links
        self._here = here
        self._numbers = FootnoteNumbers()
        # The block id of the paragraph a citation's quote stands in, in its source's file.
        self._passage = passage or (lambda _citation: None)

    def mark(self, citations: Iterable[CitationView]) -> str:
        return "".join(f"[^c{n}]" for n, _ in self._numbers.number(citations))

    def definitions(self) -> str:
        lines = []
        # A long passage cited for several facts is written once, in the first footnote that
        # quotes it; the others refer to that one (markdown-it and Obsidian number footnotes
        # in the order they are first cited, as the labels are).
        first: dict[tuple[int, str], int] = {}
        for n, c in self._numbers.cited():
            parts = []
            if c.quote:
                quoted_in = first.setdefault((c.source.id, c.quote.strip()), n)
                parts.append(
                    in_quotes(c.quote) if quoted_in == n else f"The passage quoted in footnote {quoted_in}"
                )
            source = self._links.to_passage(c.source, self._passage(c), self._here)
            if c.locator:
                source += f", {inline(c.locator)}"
            parts.append(source)
            if c.source_publisher:
                parts.append(inline(c.source_publisher))
            if c.source_url:
                parts.append(_autolink(c.source_url))
            about = f" Supports: {inline(c.field.replace('_', ' '))}." if c.field else ""
            note = f" {inline(c.note)}" if c.note else ""
            lines.append(f"[^c{n}]: {' — '.join(parts)}. Reliability: {c.reliability}.{about}{note}")
        return "\n".join(lines)


class PandocCitations:
    """Citations as Pandoc writes them, `[@key, para. 6]` (several of one fact in one bracket:
    `[@a; @b, p. 2]`), against the bibliography the export writes beside the files; `keys`
    gives each cited source's citation key, by source id. In place of footnotes: nothing to
    define at the end of the file."""

    def __init__(self, keys: Mapping[int, str]) -> None:
        self._keys = keys

    def mark(self, citations: Iterable[CitationView]) -> str:
        cites: list[str] = []
        unkeyed: list[str] = []
        for c in citations:
            key = self._keys.get(c.source.id)
            if key is None:  # (a source in the trash has no key: named, so nothing is lost)
                where = f", {inline(c.locator)}" if c.locator else ""
                unkeyed.append(f"{inline(c.source.name)}{where}")
                continue
            locator = _CITE_SUFFIX.sub(r"\\\1", pandoc_locator(c.locator))
            cite = f"@{key}, {locator}" if locator else f"@{key}"
            if cite not in cites:
                cites.append(cite)
        marks = (f" [{'; '.join(cites)}]" if cites else "") + "".join(f" ({u})" for u in unkeyed)
        return marks

    def definitions(self) -> str:
        return ""


# What would end a citation's locator early ('; ', ']') or start another citation ('@'), or a
# bracket of its own: written escaped, as Pandoc's Markdown reads them as text.
_CITE_SUFFIX = re.compile(r"([\\\[\];@])")

Citing = Footnotes | PandocCitations


# --- notes ---------------------------------------------------------------------------------------


_NOTE_MARK = "<!-- roundtable note {uid} {updated}:"
NOTE_BEGIN = _NOTE_MARK + " edit the note below; `roundtable import-notes` brings the changes back -->"
NOTE_END = "<!-- end of roundtable note {uid} -->"
_BEGIN = r"<!-- roundtable note (?P<uid>[0-9a-f-]{36}) (?P<updated>\S+): .*-->[ \t]*$"
_END = r"<!-- end of roundtable note (?P<end>[0-9a-f-]{36}) -->"
_NOTE_BEGIN_RE = re.compile("^" + _BEGIN, re.MULTILINE)
_MARKER_RE = re.compile(f"^(?:{_BEGIN}|{_END})", re.MULTILINE)
# A line of a note's own text that begins as a marker does (a researcher pasted part of an
# exported file into a note), with any backslashes before it. The export writes each such line
# with one backslash more and the import reads it with one fewer, so a body never holds a line
# the import could take for a marker, and comes back exactly. (In Markdown the backslash shows
# the line as text; it was an invisible comment.)
_MARKER_LOOKALIKE = re.compile(r"^(\\*)(<!-- (?:end of )?roundtable note)", re.MULTILINE)


def escape_markers(body: str) -> str:
    """`body` with no line that begins as a note marker: such lines get a backslash before them."""
    if "<!-- " not in body:  # most bodies: a search, not a regular expression over every line
        return body
    return _MARKER_LOOKALIKE.sub(r"\\\1\2", body)


def unescape_markers(body: str) -> str:
    """Undo `escape_markers`: one backslash fewer before each line that begins as a marker."""
    return _MARKER_LOOKALIKE.sub(lambda m: m[1][1:] + m[2], body)


_OBSIDIAN_TAG = re.compile(r"[\w/-]*[^\W\d][\w/-]*")


def _tag(tag: str) -> str:
    """'#policy/ethics' where Obsidian reads it as a tag, else the name in code."""
    if _OBSIDIAN_TAG.fullmatch(tag):
        return f"#{tag}"
    return "`" + tag.replace("`", "'") + "`"


def note_meta_line(note: NoteDoc) -> str:
    bits = []
    if note.tags:
        bits.append("Tags: " + " ".join(_tag(t) for t in note.tags))
    bits.append(f"created {note.created_at[:10]}")
    if note.updated_at[:10] != note.created_at[:10]:
        bits.append(f"updated {note.updated_at[:10]}")
    return "*" + " · ".join(bits) + "*"


def embedded_note(note: NoteDoc, body: str, level: int) -> str:
    """A note inside an entry file or a digest: its heading, tags and dates, then its text
    between markers that `embedded_notes` finds again (lines of the text that look like
    markers escaped), its own headings moved down below the note's heading (a note's `# Plan`
    under `### Note title` would break the file's outline); the marker says by how much, so the
    import moves them back."""
    heading = "#" * level + " " + (inline(note.title) or "Untitled note")
    by = heading_shift(body, level)
    begin = NOTE_BEGIN.format(uid=note.uid, updated=note.updated_at)
    if by:
        begin = begin.replace(": edit the note below;", f": edit the note below ({_SHIFTED.format(by=by)});")
    return "\n".join(
        [
            heading,
            "",
            note_meta_line(note),
            "",
            begin,
            "",
            escape_markers(shift_headings(body, by)),
            "",
            NOTE_END.format(uid=note.uid),
        ]
    )


@dataclass(frozen=True)
class FoundNote:
    """A note read back from an exported file: `body` its text (headings moved back up),
    `shift` how far the export had moved its headings down (`shift_headings`)."""

    uid: str
    body: str
    exported_updated_at: str | None
    title: str | None = None
    shift: int = 0
    written: str | None = None  # the text as the file holds it, when that is not `body`

    @property
    def as_written(self) -> str:
        """The text as the file holds it, headings where the export put them."""
        return self.body if self.written is None else self.written


# --- a note's own headings, inside an entry file ---------------------------------------------------

_SHIFTED = "its headings moved down by {by}, below its title"
_SHIFTED_RE = re.compile(r"its headings moved down by ([1-5])\b")
_ATX = re.compile(r"( {0,3})(#{1,6})(?=[ \t]|$)")
_ATX_LINE = re.compile(r"^[ \t>*+\-0-9.)]*#{1,6}(?:[ \t]|$)", re.MULTILINE)


def _headings(body: str) -> list[tuple[int, int]]:
    """The '#' headings of a note's own outline as CommonMark reads them (not lines in code,
    lists or quotes): (line, level). Underlined (setext) headings are left out: written with
    '#' they would not come back as written."""
    if not _ATX_LINE.search(body):  # most notes: no line that could be one, nothing to parse
        return []
    from markdown_it import MarkdownIt  # a few tens of ms, once, for an export with notes

    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark")
    return [
        (t.map[0], int(t.tag[1]))
        for t in _PARSER.parse(body)
        if t.type == "heading_open" and t.level == 0 and t.map is not None and t.markup.startswith("#")
    ]


_PARSER: MarkdownIt | None = None


def heading_shift(body: str, level: int) -> int:
    """How far down a note's headings go under a heading of `level`: just below it, or as far
    as Markdown's six levels allow, so that each comes back as written. 0 for a text with a
    line end Markdown reads otherwise (\r)."""
    if "\r" in body:
        return 0
    found = _headings(body)
    if not found:
        return 0
    return max(0, min(level, 6 - max(h for _, h in found)))


def shift_headings(body: str, by: int) -> str:
    """`body` with each '#' heading of its own outline `by` levels down (up when negative),
    everything else as written."""
    if not by or "\r" in body:
        return body
    lines = body.split("\n")
    for line, level in _headings(body):
        atx = _ATX.match(lines[line])
        if atx is not None:
            lines[line] = atx.group(1) + "#" * max(1, min(6, level + by)) + lines[line][atx.end() :]
    return "\n".join(lines)


class DamagedNote(ValueError):
    """A note's markers in a file are broken (one deleted, a marker line pasted into a note's
    text), so which text belongs to which note is not clear."""


def embedded_notes(text: str, first_line: int = 1, *, within: str | None = None) -> list[FoundNote]:
    """The notes between markers in an entry file or digest, as the file holds them now.
    `first_line` is the number in the file of the first line of `text`, for messages; `within`
    the id of the note whose own file `text` is the body of (there, no marker may be).

    Raises DamagedNote unless every note's beginning marker is followed by its own end marker
    with no marker between them, and no note is in the file twice: anything else would take one
    note's text, or part of it, for another's."""
    text = text.replace("\r\n", "\n")
    found = []
    inside = within  # the note whose text the markers found are in
    begin: re.Match[str] | None = None
    seen: set[str] = set()
    for marker in _MARKER_RE.finditer(text):
        uid = marker["uid"] or marker["end"]
        line = first_line + text.count("\n", 0, marker.start())
        if inside is not None and (begin is None or marker["uid"] is not None or uid != inside):
            raise DamagedNote(
                T_(
                    "Vault",
                    "line {line}, a marker of note {other}, is inside the text of note {note} (its end "
                    "marker deleted, or a marker line pasted into it: a backslash before a pasted line "
                    "keeps it as text)",
                ).format(line=line, other=uid, note=inside)
            )
        if marker["uid"] is not None:
            if uid in seen:
                raise DamagedNote(
                    T_("Vault", "line {line}: note {note} is in this file twice").format(line=line, note=uid)
                )
            seen.add(uid)
            inside, begin = uid, marker
            continue
        if begin is None:
            raise DamagedNote(
                T_(
                    "Vault", "line {line}: the end marker of note {note} has no beginning marker before it"
                ).format(line=line, note=uid)
            )
        # the text between the marker lines, less the blank line the export puts on each side
        body = text[begin.end() : marker.start()].removeprefix("\n").removesuffix("\n")
        body = body.removeprefix("\n").removesuffix("\n")
        shifted = _SHIFTED_RE.search(begin.group(0))
        by = int(shifted.group(1)) if shifted else 0
        held = unescape_markers(body)
        found.append(
            FoundNote(
                uid, shift_headings(held, -by), begin["updated"], shift=by, written=held if by else None
            )
        )
        inside = begin = None
    if begin is not None:
        raise DamagedNote(T_("Vault", "the end marker of note {note} is missing").format(note=begin["uid"]))
    return found


def restamp(text: str, note: NoteDoc) -> str:
    """`text` with `note` marked as matching Roundtable's copy again after its edits were
    brought back: the time in its markers and the dates line above them, or the `updated` of
    its own file's front matter. The text of the note is left as the researcher wrote it."""
    text = re.sub(
        rf"^(?:\*[^\n]*\*\n\n)?<!-- roundtable note {re.escape(note.uid)} \S+:",
        lambda _m: f"{note_meta_line(note)}\n\n" + _NOTE_MARK.format(uid=note.uid, updated=note.updated_at),
        text,
        flags=re.MULTILINE,
    )
    try:
        fields, rest = frontmatter.split(text)
    except ValueError:
        return text
    if fields is not None and fields.get("kind") == "note" and fields.get("id") == note.uid:
        fields["updated"] = note.updated_at
        return frontmatter.dump(fields) + rest
    return text


def has_notes(text: str) -> bool:
    return _NOTE_BEGIN_RE.search(text) is not None


def note_fields(note: NoteDoc, exported_at: str, entry: str | None = None) -> dict[str, object]:
    """A note's own file's front matter. `entry`: the link to its entry's file ('[[Chen Gang]]',
    as Obsidian writes a link in a property), else the entry is named in plain text."""
    return properties(
        {
            "id": note.uid,
            "kind": "note",
            "title": note.title,
            "entry": entry or (note.entry.name if note.entry else None),
            "tags": list(note.tags),
            "created": note.created_at,
            "updated": note.updated_at,
            "exported-at": exported_at,
        }
    )


def properties(fields: Mapping[str, object]) -> dict[str, object]:
    """`fields` less the empty ones: Obsidian's Properties view shows an empty value as a blank
    property to fill in, which says nothing about the entry."""
    return {k: v for k, v in fields.items() if v is not None and v != "" and v != [] and v != {}}


def note_file(note: NoteDoc, body: str, exported_at: str, entry: str | None = None) -> str:
    """A note as a file of its own: front matter, a blank line (as most tools write it), then
    the body exactly, but for lines that look like note markers (escaped, as in an entry file,
    so that a file's text is never taken for notes of its own), then a line end, as every text
    file ends (`read_note_file` takes it off again)."""
    return frontmatter.dump(note_fields(note, exported_at, entry)) + "\n" + escape_markers(body) + "\n"


def read_note_file(fields: Mapping[str, object], rest: str) -> FoundNote | None:
    """The note of a file `note_file` wrote (its front matter already split off)."""
    uid = fields.get("id")
    if fields.get("kind") != "note" or not isinstance(uid, str):
        return None
    title = fields.get("title")
    updated = fields.get("updated")
    if isinstance(updated, date):  # an editor unquoted it, so YAML read a timestamp
        updated = updated.isoformat()
    return FoundNote(
        uid,
        unescape_markers(rest.removeprefix("\n").removesuffix("\n")),
        str(updated) if updated is not None else None,
        title if isinstance(title, str) else None,
    )


# --- a source's text -----------------------------------------------------------------------------

# In a source's text, = is escaped too: Obsidian reads == as the start of a highlight, which this
# module writes around the passages citations quote.
_TEXT_MARKUP = re.compile(r"([\\`*_\[\]<>#$~|^!=]|&(?=#?[A-Za-z0-9]+;))")
_SPACES = re.compile(r"\s+")


class SourcePassages:
    """The paragraphs of a source's text and the Obsidian block id of each: 'p7' (the seventh
    paragraph) or 'p2-3' (page 2, paragraph 3), as its locator names it, so that a passage's id
    stays the same from one export to the next."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paged = has_pages(text)
        self.paragraphs = paragraphs(text)
        self._starts = [p.start for p in self.paragraphs]

    def index(self, start: int) -> int | None:
        """The paragraph the character at `start` is in (or, between two, the one before)."""
        if not self.paragraphs:
            return None
        return max(0, bisect_right(self._starts, start) - 1)

    def block(self, start: int) -> str | None:
        i = self.index(start)
        return None if i is None else self.block_of(self.paragraphs[i])

    def block_of(self, para: Paragraph) -> str:
        return f"p{para.page}-{para.number}" if self.paged else f"p{para.number}"


def _text_piece(text: str) -> str:
    """A piece of a paragraph as Markdown that shows it as written, its spaces at either end kept."""
    return _TEXT_MARKUP.sub(r"\\\1", _SPACES.sub(" ", _CONTROL.sub("", text)))


def _merged(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted((s, e) for s, e in spans if 0 <= s < e <= length):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def source_text(
    passages: SourcePassages, cited: Iterable[tuple[int, int]], *, level: int, blocks: bool = True
) -> str:
    """A source's text as Markdown: a paragraph a line, under a heading for each page of a paged
    text (a PDF's), every passage citations quote (`cited`: spans of the text) highlighted
    (==…==) and, with `blocks`, the paragraph it starts in ending with its block id (` ^p2-3`),
    so a footnote links to the exact passage."""
    text = passages.text
    spans = _merged(cited, len(text))
    marked = {passages.index(s) for s, _ in spans}
    out: list[str] = []
    page = 0
    for n, para in enumerate(passages.paragraphs):
        if passages.paged and para.page != page:
            page = para.page
            out += ["#" * level + f" Page {page}", ""]
        pieces: list[str] = []
        at = para.start
        for s, e in spans:
            s, e = max(s, at), min(e, para.end)
            words = text[s:e] if s < e else ""
            s, e = s + len(words) - len(words.lstrip()), e - len(words) + len(words.rstrip())
            if s >= e:
                continue
            pieces += [_text_piece(text[at:s]), "==" + _text_piece(text[s:e]) + "=="]
            at = e
        pieces.append(_text_piece(text[at : para.end]))
        line = "".join(pieces).strip()
        line = _NUMBERED_START.sub(r"\1\\\2", _LIST_START.sub(r"\\\1", line))
        if blocks and n in marked:
            line += f" ^{passages.block_of(para)}"
        out += [line, ""]
    return "\n".join(out).rstrip("\n")


# --- entries -------------------------------------------------------------------------------------


def _as_is(code: str) -> str:
    return code


@dataclass(frozen=True)
class Words:
    """The words a file uses for stored codes: a language (a BCP 47 tag) and a script (ISO 15924)
    by name, and the script each language is usually written in, which goes without saying."""

    language: Callable[[str], str] = _as_is
    script: Callable[[str], str] = _as_is
    usual_scripts: Mapping[str, str] = field(default_factory=dict)

    def alias(self, alias: AliasView) -> str:
        """What an other name is, in words: 'Lao, official name', not '(lo, Laoo, official_name)'."""
        language, script = (alias.language or "").strip(), (alias.script or "").strip()
        implied = self.usual_scripts.get(language) or next(
            (p for p in language.split("-")[1:] if len(p) == 4 and p.isalpha()),
            self.usual_scripts.get(language.split("-")[0], ""),  # pt-TL: as pt is written
        )
        bits = [
            self.language(language) if language else "",
            self.script(script) if script and script.casefold() != implied.casefold() else "",
            alias.kind.replace("_", " ") if alias.kind != "name" else "",
        ]
        return ", ".join(b for b in bits if b)


def _all_citations(detail: EntryDetail) -> Iterable[CitationView]:
    for f in detail.fields:
        yield from f.citations
    yield from detail.citations
    for group in (detail.aliases, detail.roles, detail.memberships, detail.facts, detail.statements):
        for item in group:
            yield from item.citations
    for link_group in detail.related:
        for link in link_group.links:
            yield from link.citations


def _field(detail: EntryDetail, label: str) -> str | None:
    return next((f.value for f in detail.fields if f.label == label), None)


def entry_fields(detail: EntryDetail, exported_at: str, kind: str | None = None) -> dict[str, object]:
    """The front matter of an entry, in the fixed order the issue sets, each property one
    Obsidian's Properties view can edit (dates each their own, not a nested map), the empty
    ones left out. `kind`: the word the interface and the vault's folder use ('official'),
    else the stored one ('person')."""
    stored = detail.ref.kind
    organization: str | None = None
    dates: dict[str, str] = {}
    if stored == "person" and detail.roles:
        latest = detail.roles[0]
        organization = latest.organization.name if latest.organization else None
        for key, value in (("as-of", latest.as_of), ("start", latest.start), ("end", latest.end)):
            if value:
                dates[key] = value
    elif stored == "organization":
        organization = _field(detail, "Part of")
    for key, label in (
        ("start", "Start"),
        ("end", "End"),
        ("announced", "Announced on"),
        ("published", "Published"),
    ):
        value = _field(detail, label)
        if value:
            dates[key] = value
    urls: list[str] = []
    for label in ("URL", "Archived copy"):
        value = _field(detail, label)
        if value:
            urls.append(value)
    urls += [c.source_url for c in _all_citations(detail) if c.source_url]
    return properties(
        {
            "id": detail.uid,
            "kind": kind or stored,
            "title": detail.ref.name,
            "aliases": list(dict.fromkeys(a.value for a in detail.aliases)),
            "tags": list(detail.tags),
            "country": _field(detail, "Country"),
            "organization": organization,
            **dates,
            "source-urls": list(dict.fromkeys(urls)),
            "exported-at": exported_at,
        }
    )


def _span(start: str | None, end: str | None, as_of: str | None = None) -> str:
    if as_of:
        return f"as of {as_of}"
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return ""


def entry_body(
    detail: EntryDetail,
    notes: Sequence[tuple[NoteDoc, str]],
    links: Links,
    footnotes: Citing,
    *,
    here: str,
    level: int = 1,
    heading: str | None = None,
    text: SourcePassages | None = None,
    cited: Iterable[tuple[int, int]] = (),
    words: Words | None = None,
) -> str:
    """The Markdown of one entry: heading, summary, fields, facts ..., then its notes.
    `notes` pairs each note with its body as it is to be written (links pointed). A source's
    text (`text`, its paragraphs already found) is written with the passages `cited` marked."""
    words = words or Words()

    def link(ref: Ref | None) -> str:
        # The entry itself is named, not linked: a link to the page one is reading leads nowhere.
        if ref is not None and ref.id == detail.ref.id:
            return inline(ref.name)
        return links.ref(ref, here)

    h = "#" * level
    sub = "#" * (level + 1)
    out: list[str] = [f"{h} {inline(heading or detail.ref.name)}", ""]
    if detail.deleted_at:
        out += [f"*In the Roundtable trash since {detail.deleted_at[:10]}.*", ""]
    if detail.summary:
        out += [block(detail.summary), ""]
    if detail.citations:
        out += [f"Sources for this entry: {footnotes.mark(detail.citations).lstrip()}", ""]

    def section(title: str, lines: Sequence[str]) -> None:
        if lines:
            out.extend([f"{sub} {title}", "", *lines, ""])

    details = []
    for f in detail.fields:
        if f.label == "Name" and not f.citations:
            continue
        if f.ref is not None:
            value = link(f.ref)
        elif f.label in ("URL", "Archived copy"):
            value = _autolink(f.value)
        else:
            value = inline(f.value)
        details.append(f"- **{f.label}:** {value}{footnotes.mark(f.citations)}")
    section("Details", details)
    names = []
    for a in detail.aliases:
        about = inline(words.alias(a))
        names.append(f"- {inline(a.value)}" + (f" ({about})" if about else "") + footnotes.mark(a.citations))
    section("Other names", names)
    section(
        "Titles",
        [
            f"- {inline(r.title)}"
            + "".join(f", {link(x)}" for x in (r.organization, r.country) if x)
            + (f" ({span})" if (span := _span(r.start, r.end, r.as_of)) else "")
            + footnotes.mark(r.citations)
            for r in detail.roles
        ],
    )
    section(
        "Memberships",
        [
            f"- {link(m.organization if m.member.id == detail.ref.id else m.member)}: {inline(m.status)}"
            + (f" ({span})" if (span := _span(m.start, m.end)) else "")
            + footnotes.mark(m.citations)
            for m in detail.memberships
        ],
    )
    section(
        "Facts",
        [
            f"- {inline(f.text)}" + (f" ({f.date})" if f.date else "") + footnotes.mark(f.citations)
            for f in detail.facts
        ],
    )
    statements = []
    for st in detail.statements:
        who = link(st.speaker) if st.speaker else inline(st.speaker_label or "")
        context = ", ".join(x for x in (st.kind, st.date, f"at {link(st.event)}" if st.event else None) if x)
        statements.append(f"- {who} ({context}): {inline(st.text)}{footnotes.mark(st.citations)}")
    section("Statements", statements)
    for group in detail.related:
        section(
            group.title,
            [
                f"- {link(related.ref)}"
                + (f" — {inline(related.detail)}" if related.detail else "")
                + footnotes.mark(related.citations)
                for related in group.links
            ],
        )
    # What the source supports, in the words of each fact, title or statement, by entry.
    cited_for: dict[int | None, list[str]] = {}
    for use in detail.source_uses:
        key = use.subject.id if use.subject else None
        if key not in cited_for:
            cited_for[key] = [f"- {link(use.subject) if use.subject else 'a deleted entry'}"]
        cited_for[key].append(
            f"  - {inline(use.described)}"
            + (f" ({inline(use.locator)})" if use.locator else "")
            + (f" — {in_quotes(use.quote)}" if use.quote and use.quote != use.words else "")
        )
    section("Cited for", ["\n".join(lines) for lines in cited_for.values()])
    if detail.archived_text:
        passages = text if text is not None else SourcePassages(detail.archived_text)
        section("Archived text", [source_text(passages, cited, level=level + 2, blocks=not links.is_digest)])
    if notes:
        out += [f"{sub} Notes", ""]
        for note, body in notes:
            out += [embedded_note(note, body, level + 2), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def entry_file(
    detail: EntryDetail,
    notes: Sequence[tuple[NoteDoc, str]],
    links: Links,
    *,
    here: str,
    exported_at: str,
    passage: Callable[[CitationView], str | None] | None = None,
    text: SourcePassages | None = None,
    cited: Iterable[tuple[int, int]] = (),
    kind: str | None = None,
    words: Words | None = None,
    pandoc: PandocCitations | None = None,
    bibliography: str | None = None,
) -> str:
    """One entry as a vault file: front matter, the entry, its notes, the footnotes. Each
    footnote links to the paragraph of its source's file its quote stands in (`passage` gives
    that paragraph's block id); a source's text marks the passages `cited`. With `pandoc`, the
    citations are Pandoc's instead of footnotes, and the front matter names the `bibliography`
    file they cite (a path from this file, as Pandoc run beside it and Zettlr read it)."""
    footnotes = pandoc or Footnotes(links, here, passage)
    body = entry_body(detail, notes, links, footnotes, here=here, text=text, cited=cited, words=words)
    defs = footnotes.definitions()
    fields = entry_fields(detail, exported_at, kind)
    if bibliography:
        fields["bibliography"] = bibliography
    return frontmatter.dump(fields) + "\n" + body + (f"\n{defs}\n" if defs else "")


# --- the digest ----------------------------------------------------------------------------------


@dataclass
class DigestSection:
    title: str
    entries: list[tuple[EntryDetail, list[tuple[NoteDoc, str]]]] = field(default_factory=list)
    notes: list[tuple[NoteDoc, str]] = field(default_factory=list)


def digest_file(
    title: str,
    sections: Sequence[DigestSection],
    links: Links,
    *,
    exported_at: str,
    scope: str,
    words: Words | None = None,
    pandoc: PandocCitations | None = None,
    bibliography: str | None = None,
) -> str:
    """One file, one section per entry: for pasting into a draft (with `pandoc`, its citations
    Pandoc's, against the `bibliography` its front matter names)."""
    footnotes = pandoc or Footnotes(links, "")
    n_entries = sum(len(s.entries) for s in sections)
    n_notes = sum(len(s.notes) + sum(len(n) for _, n in s.entries) for s in sections)
    fields: dict[str, object] = {
        "title": title,
        "scope": scope,
        "entries": n_entries,
        "notes": n_notes,
        "exported-at": exported_at,
    }
    if bibliography:
        fields["bibliography"] = bibliography
    out = [
        frontmatter.dump(fields),
        f"# {inline(title)}",
        "",
    ]
    for section in sections:
        out += [f"## {inline(section.title)}", ""]
        for detail, notes in section.entries:
            # the heading is the entry's place in the digest: unique, what links point to
            heading = links.place(detail.ref.id) or detail.ref.name
            out.append(
                entry_body(detail, notes, links, footnotes, here="", level=3, heading=heading, words=words)
            )
        for note, body in section.notes:
            out += [embedded_note(note, body, 3), ""]
    defs = footnotes.definitions()
    return "\n".join(out).rstrip("\n") + "\n" + (f"\n{defs}\n" if defs else "")
