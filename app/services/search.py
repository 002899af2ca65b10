"""Search everything: names, aliases, facts, statements, quotes, source texts and notes.

What matches: a text (one name, one fact, one note's body ...) matches when it contains every
word and phrase of the query and none of the excluded ones, compared after folding
(app/db/folding.py: case, accents, width), as plain substrings. So Thai, Lao, Khmer, Burmese and
Chinese, which have no spaces between words, are found from one character on, and the result is
exactly what a substring scan of the folded texts would give. Filters (kind:, country:, tag:,
source:) narrow the entries and notes the texts belong to; trashed ones never show.

How it stays fast (app/db/search_index.py has the index): each kind's texts are ranges of
their own in the index, and a query reads each kind's ranges separately, stopping as soon as it
has enough candidates of that kind. Words of three characters or more look up their trigrams
in the index. A query of only one- or two-character words first scans a kind's texts (such
words are usually common, and then matches come at once); only when a few thousand texts hold
too few matches does it ask the index's vocabulary for the trigrams that start with the word.
Every candidate is confirmed with instr().

How results are ordered (the rule Help ▸ Search syntax states, RANKING_HELP): an entry whose
name or an other name (in any language, folded: `viet nam` is `Việt Nam`) is the query comes
first; then texts where every word of the query is a whole word or
starts a word, names and aliases before other text; last, matches inside a word (the "ai" of
Thailand for `AI`), names first again. Chinese, Thai, Lao, Khmer and Burmese write no spaces
between words, so there every match counts as a word. Within each of these, whole words before
word starts, then the field, earlier and shorter texts. Kinds are ordered by their best hit by
the same rule, so a kind's place never outranks a better match of another kind. Ranking runs
on a bounded candidate set per kind; so that word-start matches are among the candidates
however many texts match inside a word, each kind first reads the names that begin with the
query (the names index) and the names where a word begins with it (the trigram index, with a
space before the query), from two characters on.
"""

from __future__ import annotations

import functools
import sqlite3
import unicodedata
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from app.db import search_index as ix
from app.db.folding import SQL_FUNCTION, fold, fold_with_offsets, original_span
from app.i18n import N_, T_, Explained
from app.services.kinds import KINDS, UnknownKind, kind_for
from app.services.progress import NO_PROGRESS, Cancelled, Progress
from app.services.search_syntax import Filter, Query, parse

NOTE = "note"
GROUP_ORDER: tuple[str, ...] = (*(k.key for k in KINDS), NOTE)
GROUP_LABEL = {**{k.key: k.plural for k in KINDS}, NOTE: N_("Kinds", "Notes")}  # marked in "Kinds"
NOTE_WORDS = ("note", "notes")
# A short word with at most this many trigrams after it in the index is looked up through them;
# a more common one is found faster by scanning (it is on nearly every text).
VOCABULARY_LIMIT = 96
# Texts of a kind that a short word's scan reads before it asks the index instead.
SCAN_BUDGET = 3000
# Names that begin with the query read for each kind before the rest (more than a kind's
# bounded candidates, as some may be in the trash or filtered out).
PREFIX_NAMES = 64
# Long words: this many of their trigrams are enough to narrow the candidates (instr confirms).
TRIGRAMS_PER_WORD = 12
# A snippet's width in columns: a Chinese character takes two (as on screen and in a
# terminal), so a snippet in Chinese holds half as many characters and its match still shows
# within the results panel's ~70 columns; a third of the width comes before the match.
SNIPPET_COLUMNS = 100
_NOTHING = "\x00nothing"  # _match: no text can match
_SHORT = "\x00short"  # _match: only short words: scan first, then the vocabulary


class SearchError(Explained, ValueError):
    """The query asks for something that does not exist (an unknown kind, country, tag or
    source); the message says what, in words for the researcher."""


@dataclass(frozen=True)
class Snippet:
    """Text to show, with the spans (start, end) of `text` that matched."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    kind: str  # an entry kind ('person' ...) or 'note'
    title: str  # the entry's name, or the note's title
    slug: str | None  # the entry to open: the entry itself, or the note's entry (None: standalone)
    note_id: int | None
    field: str  # where the text matched: 'name', 'alias', 'fact', 'note' ...
    snippet: Snippet
    exact: bool = False  # the query is this entry's name (or one of its aliases)
    entry_name: str | None = None  # a note's entry, by name


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    hits: tuple[Hit, ...]
    more: bool = False  # there are more matches than shown


@dataclass(frozen=True)
class Results:
    text: str
    groups: tuple[Group, ...] = ()

    @property
    def hits(self) -> tuple[Hit, ...]:
        return tuple(h for g in self.groups for h in g.hits)


@dataclass(frozen=True)
class _Plan:
    """A parsed query, folded and with its filters resolved to ids."""

    terms: tuple[str, ...]
    excluded: tuple[str, ...]
    groups: tuple[str, ...]
    predicates: tuple[tuple[str, str], ...]  # SQL over `doc_id` and `owner`: (entries, notes)
    exact: str | None
    match: str | None  # the FTS5 expression that narrows candidates; None: scan; _SHORT; _NOTHING


@dataclass(frozen=True)
class _Candidate:
    doc_id: int
    owner: int  # entity id, or note id in the note group
    kind: str  # the group: the entry's kind, or 'note'
    text: str  # folded, without the END marker
    score: tuple[int, ...] = field(default=(), compare=False)


# --- what a document belongs to ------------------------------------------------------------

_SRC = f"(doc_id & {ix.ROW_MASK})"
_CODE = ix.CODE_SQL.format(id="doc_id")
_C = ix.CODE
# The entry a document of an entry field belongs to (the entry it is shown on); the other
# fields are columns of the entry itself, and a note's texts belong to the note.
_ENTRY_OF_DOC = f"""CASE {_CODE}
    WHEN {_C["alias"]} THEN (SELECT entity_id FROM alias WHERE id = {_SRC})
    WHEN {_C["title"]} THEN (SELECT person_id FROM role WHERE id = {_SRC})
    WHEN {_C["fact"]} THEN (SELECT entity_id FROM fact WHERE id = {_SRC})
    WHEN {_C["statement"]} THEN (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = {_SRC})
    WHEN {_C["quote"]} THEN (SELECT {ix.CITATION_SUBJECT.format(r="c")} FROM citation c WHERE c.id = {_SRC})
    ELSE {_SRC} END"""
# Citations that back the row of a document, by field code.
_CITED_ROW = {
    _C["alias"]: "alias_id",
    _C["title"]: "role_id",
    _C["fact"]: "fact_id",
    _C["statement"]: "statement_id",
}
_NAME = ix.BY_CODE[_C["name"]]
_NOTE_TITLE = ix.BY_CODE[_C["note title"]]
_LIVE_ENTRY = "EXISTS (SELECT 1 FROM entity WHERE id = owner AND deleted_at IS NULL)"
_LIVE_NOTE = "EXISTS (SELECT 1 FROM note WHERE id = owner AND deleted_at IS NULL)"


def _ids(values: Iterable[int]) -> str:
    return "(" + ", ".join(str(int(v)) for v in values) + ")"


def _quote_fts(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _trigrams(term: str) -> list[str]:
    grams = [term[i : i + 3] for i in range(len(term) - 2)]
    if len(grams) > TRIGRAMS_PER_WORD:
        step = (len(grams) - 1) / (TRIGRAMS_PER_WORD - 1)
        grams = [grams[round(i * step)] for i in range(TRIGRAMS_PER_WORD)]
    return list(dict.fromkeys(grams))


# Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
# Burmese): a match there is as good as a whole word, since their word edges are not marked.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x9FFF),  # CJK radicals, kana, ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions
)


@functools.lru_cache(maxsize=4096)
def _unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _UNSPACED)


def _is_word_start(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or _is_mark(text[at - 1])) or _unspaced(text[at])


def _is_word_end(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or _is_mark(text[end])) or _unspaced(text[end - 1])


def _word_start_term(terms: Sequence[str]) -> str | None:
    """The query word that word-start reads look for: the longest of two characters or more
    that begins with a letter or digit of a script that marks its words with spaces; None when
    there is none. (A single letter starts a word in thousands of names: the reads would cost
    more than the order they would fix.)"""
    spaced = [t for t in terms if len(t) >= 2 and t[0].isalnum() and not _unspaced(t[0])]
    return max(spaced, key=len) if spaced else None


# How a term sits in a text: a whole word, the start of a word, inside a word.
WHOLE_WORD, WORD_START, INSIDE = 0, 1, 2
# Occurrences of a term looked at for its best place (a long note may hold hundreds).
_OCCURRENCES = 32


def placement(text: str, term: str) -> tuple[int, int]:
    """How well `term` sits in folded `text` (WHOLE_WORD, WORD_START or INSIDE) and where
    its first occurrence of that quality is; (INSIDE, -1) when it does not occur."""
    best, where = INSIDE + 1, -1
    at = text.find(term)
    for _ in range(_OCCURRENCES):
        if at < 0:
            break
        if _is_word_start(text, at):
            quality = WHOLE_WORD if _is_word_end(text, at + len(term)) else WORD_START
        else:
            quality = INSIDE
        if quality < best:
            best, where = quality, at
            if quality == WHOLE_WORD:
                break
        at = text.find(term, at + 1)
    return (min(best, INSIDE), where)


class Search:
    """Runs queries on one connection. Not for sharing between threads; another thread may
    call `interrupt()` to stop a running query (it then raises Cancelled)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._vocabularies: dict[tuple[str, ...], list[str] | None] = {}
        self._beginnings: dict[tuple[str, ...], dict[str, list[int]]] = {}

    def interrupt(self) -> None:
        self._conn.interrupt()

    # --- the public queries ----------------------------------------------------------------

    def run(
        self,
        text: str,
        *,
        per_kind: int | None = 8,
        kind: str | None = None,
        progress: Progress = NO_PROGRESS,
    ) -> Results:
        """Search for `text`; at most `per_kind` hits in each kind's group (None: all).

        `kind` narrows like `kind:` does. Raises SearchError for filters that name nothing,
        Cancelled when `progress` is cancelled or the query interrupted.
        """
        query = parse(text)
        if kind:
            query = Query(query.terms, query.excluded, (*query.filters, Filter("kind", kind)))
        if query.empty:
            return Results(text)
        try:
            ranked = self._groups(self._plan(query), per_kind, progress)
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                raise Cancelled() from exc
            raise
        # A kind's place is its best hit's tier and word quality: the kinds' own order only
        # breaks ties, so countries never come before a better match among the initiatives.
        ranked.sort(key=lambda pair: (pair[0][:2], GROUP_ORDER.index(pair[1].kind)))
        return Results(text, tuple(group for _, group in ranked))

    def documents(self, text: str) -> set[tuple[str, int, int]]:
        """Every text that matches, as (group, owner id, document id): what `run` ranks from.

        For checking recall against a plain scan; the user-facing path is `run`.
        """
        query = parse(text)
        if query.empty:
            return set()
        plan = self._plan(query)
        found: set[tuple[str, int, int]] = set()
        for group in plan.groups:
            for ranges in self._ranges(plan, group):
                for c in self._candidates(plan, group, ranges):
                    found.add((c.kind, c.owner, c.doc_id))
        return found

    def check_query(self, text: str) -> None:
        """Raise SearchError if `text` names a kind, country, tag or source that does not exist."""
        self._plan(parse(text))

    # --- planning --------------------------------------------------------------------------

    def _plan(self, query: Query) -> _Plan:
        self._vocabularies.clear()  # the index may have changed since the last query
        self._beginnings.clear()
        terms = tuple(dict.fromkeys(t for t in (fold(x) for x in query.terms) if t.strip()))
        excluded = tuple(dict.fromkeys(t for t in (fold(x) for x in query.excluded) if t.strip()))
        groups = list(GROUP_ORDER)
        predicates: list[tuple[str, str]] = []
        for f in query.filters:
            if f.key == "kind":
                wanted = self._kind(f.value)
                groups = [g for g in groups if (g == wanted) != f.negated]
                continue
            entry_sql, note_sql = self._filter_sql(f)
            if f.negated:
                entry_sql, note_sql = f"NOT ({entry_sql})", f"NOT ({note_sql})"
            predicates.append((entry_sql, note_sql))
        exact = " ".join(terms) if terms else None
        return _Plan(terms, excluded, tuple(groups), tuple(predicates), exact, self._match(terms))

    def _kind(self, word: str) -> str:
        if word.strip().lower() in NOTE_WORDS:
            return NOTE
        try:
            return kind_for(word).key
        except UnknownKind:
            choices = ", ".join(k.words[0] for k in KINDS)
            raise SearchError(
                T_("Search", "unknown kind '{word}'; choose one of: {choices}, note").format(
                    word=word, choices=choices
                )
            ) from None

    def _filter_sql(self, f: Filter) -> tuple[str, str]:
        """SQL for a filter, over `owner` (and `doc_id`): for entries, for notes."""
        note_entry = "(SELECT entity_id FROM note WHERE id = owner)"
        if f.key == "country":
            ids = _ids(self._countries(f.value))
            about = (
                "({e} IN {c} "
                "OR EXISTS (SELECT 1 FROM person WHERE id = {e} AND country_id IN {c}) "
                "OR EXISTS (SELECT 1 FROM organization WHERE id = {e} AND country_id IN {c}) "
                "OR EXISTS (SELECT 1 FROM event WHERE id = {e} AND country_id IN {c}) "
                "OR EXISTS (SELECT 1 FROM role WHERE person_id = {e} AND country_id IN {c}) "
                "OR EXISTS (SELECT 1 FROM initiative_party WHERE initiative_id = {e} AND entity_id IN {c}))"
            )
            return about.format(e="owner", c=ids), about.format(e=note_entry, c=ids)
        if f.key == "tag":
            tags = _ids(self._tags(f.value))
            return (
                f"EXISTS (SELECT 1 FROM entity_tag WHERE entity_id = owner AND tag_id IN {tags})",
                f"EXISTS (SELECT 1 FROM note_tag WHERE note_id = owner AND tag_id IN {tags})",
            )
        assert f.key == "source"
        s = _ids(self._sources(f.value))
        cited_row = " ".join(
            f"WHEN {code} THEN EXISTS (SELECT 1 FROM citation WHERE {col} = {_SRC} AND source_id IN {s})"
            for code, col in _CITED_ROW.items()
        )
        entry_sql = (
            f"(owner IN {s} OR CASE {_CODE} "
            f"WHEN {_C['quote']} THEN (SELECT source_id FROM citation WHERE id = {_SRC}) IN {s} {cited_row} "
            f"ELSE EXISTS (SELECT 1 FROM citation WHERE entity_id = owner AND source_id IN {s}) END)"
        )
        note_sql = (
            f"({note_entry} IN {s} OR EXISTS (SELECT 1 FROM note_link WHERE note_id = owner "
            f"AND entity_id IN {s}))"
        )
        return entry_sql, note_sql

    def _countries(self, value: str) -> list[int]:
        folded = fold(value.strip())
        rows = self._conn.execute(
            f"""SELECT c.id FROM country c JOIN entity e ON e.id = c.id
                WHERE e.deleted_at IS NULL AND (upper(c.iso_alpha2) = upper(:v)
                   OR upper(c.iso_alpha3) = upper(:v) OR e.slug = lower(:v)
                   OR {SQL_FUNCTION}(e.name) = :f OR {SQL_FUNCTION}(c.official_name) = :f
                   OR EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = c.id AND {SQL_FUNCTION}(a.value) = :f))""",
            {"v": value.strip(), "f": folded},
        ).fetchall()
        if not rows:
            raise SearchError(
                T_(
                    "Search", "no country is called '{value}'; use its ISO code (LA) or its name (Laos)"
                ).format(value=value)
            )
        return [r[0] for r in rows]

    def _tags(self, value: str) -> list[int]:
        name = value.strip().strip("/").lower()
        escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._conn.execute(
            "SELECT id FROM tag WHERE lower(name) = ? OR lower(name) LIKE ? ESCAPE '\\'",
            (name, escaped + "/%"),
        ).fetchall()
        if not rows:
            raise SearchError(T_("Search", "no tag is called '{value}'").format(value=value))
        return [r[0] for r in rows]

    def _sources(self, value: str) -> list[int]:
        wanted = value.strip().lower()
        host = (urlsplit(wanted).hostname if "//" in wanted else wanted.split("/")[0]) or wanted
        host = host.removeprefix("www.")
        found = []
        rows = self._conn.execute(
            "SELECT s.id, e.slug, s.url FROM source s JOIN entity e ON e.id = s.id WHERE e.deleted_at IS NULL"
        )
        for source_id, slug, url in rows:
            if slug == wanted:
                found.append(source_id)
                continue
            their = (urlsplit(url).hostname or "") if url else ""
            if their and (their == host or their.endswith("." + host)):
                found.append(source_id)
        if not found:
            raise SearchError(T_("Search", "no source has the address or slug '{value}'").format(value=value))
        return found

    # --- finding ---------------------------------------------------------------------------

    def _select(
        self, plan: _Plan, notes: bool, source: str, where: list[str], params: list[object]
    ) -> Generator[_Candidate, None, None]:
        """Candidates from `source` (search_doc as `d`) that pass `where`, whose owner is not
        in the trash and passes the plan's filters; lazily, in id order."""
        for t in plan.terms:
            where.append("instr(d.text, ?) > 0")
            params.append(t)
        for t in plan.excluded:
            where.append("instr(d.text, ?) = 0")
            params.append(t)
        owner = _SRC if notes else _ENTRY_OF_DOC
        keep = [_LIVE_NOTE if notes else _LIVE_ENTRY]
        keep += [note_sql if notes else entry_sql for entry_sql, note_sql in plan.predicates]
        inner = (
            f"SELECT d.id AS doc_id, substr(d.text, 1, length(d.text) - {len(ix.END)}) AS text "
            f"FROM {source} WHERE {' AND '.join(where)}"
        )
        # LIMIT -1 keeps the inner query a lazy co-routine rather than flattened into this one,
        # so `owner` is computed once per candidate, and reading stops when we stop.
        sql = (
            f"SELECT doc_id, owner, text FROM (SELECT doc_id, text, {owner} AS owner FROM ({inner}) "
            f"LIMIT -1) WHERE {' AND '.join(keep)}"
        )
        cursor = self._conn.execute(sql, params)
        try:
            for doc_id, owner_id, text in cursor:
                group = ix.group_of(doc_id)
                if group is not None:
                    yield _Candidate(doc_id, owner_id, group, text)
        finally:
            # A statement left open keeps the connection busy: an interrupt meant for the
            # next query would hit this one's remains instead.
            cursor.close()

    def _candidates(
        self, plan: _Plan, group: str, ranges: tuple[int, int]
    ) -> Generator[_Candidate, None, None]:
        """Documents of one group in one id range that match the plan, in id order, lazily:
        the caller stops reading when it has enough."""
        if plan.match is _NOTHING:
            return
        notes = group == NOTE
        lo, hi = ranges
        if plan.match is None:
            yield from self._select(plan, notes, "search_doc d", [f"d.id >= {lo}", f"d.id < {hi}"], [])
            return
        if plan.match is not _SHORT:
            yield from self._select(
                plan,
                notes,
                "search_fts f CROSS JOIN search_doc d ON d.id = f.rowid",
                [f"f.rowid >= {lo}", f"f.rowid < {hi}", "f.search_fts MATCH ?"],
                [plan.match],
            )
            return
        # Short words: scan the first texts of the range; a common word (the usual case) has
        # enough matches there. Past them, ask the index which trigrams hold the word.
        row = self._conn.execute(
            "SELECT id FROM search_doc WHERE id >= ? AND id < ? ORDER BY id LIMIT 1 OFFSET ?",
            (lo, hi, SCAN_BUDGET),
        ).fetchone()
        scanned_to = hi if row is None else int(row[0])
        yield from self._select(plan, notes, "search_doc d", [f"d.id >= {lo}", f"d.id < {scanned_to}"], [])
        if scanned_to >= hi:
            return
        grams = self._vocabulary(plan)
        if grams is None:
            yield from self._select(
                plan, notes, "search_doc d", [f"d.id >= {scanned_to}", f"d.id < {hi}"], []
            )
        elif grams:
            yield from self._select(
                plan,
                notes,
                "search_fts f CROSS JOIN search_doc d ON d.id = f.rowid",
                [f"f.rowid >= {scanned_to}", f"f.rowid < {hi}", "f.search_fts MATCH ?"],
                [" OR ".join(_quote_fts(g) for g in grams)],
            )

    def _word_starts(
        self, plan: _Plan, group: str, ranges: tuple[int, int]
    ) -> Generator[_Candidate, None, None]:
        """Names of one group where a word begins with the query's longest word: names that
        begin with it (the names index) and names where it follows a space (the trigram
        index), so they are among the bounded candidates even when thousands of names hold
        the word inside another one. Other text is not read this way: its reads cost more
        than they would change."""
        term = _word_start_term(plan.terms)
        lo, hi = ranges
        if term is None or plan.match is _NOTHING or lo >> ix.CODE_SHIFT & ix.CODE_MASK >= ix.NAME_FIELDS_END:
            return
        notes = group == NOTE
        beginning = self._names_beginning(plan, term).get(group)
        if beginning:
            yield from self._select(plan, notes, "search_doc d", [f"d.id IN {_ids(beginning)}"], [])
        spaced = " " + term
        yield from self._select(
            plan,
            notes,
            "search_fts f CROSS JOIN search_doc d ON d.id = f.rowid",
            [f"f.rowid >= {lo}", f"f.rowid < {hi}", "f.search_fts MATCH ?", "instr(d.text, ?) > 0"],
            [" AND ".join(_quote_fts(g) for g in _trigrams(spaced)), spaced],
        )

    def _names_beginning(self, plan: _Plan, term: str) -> dict[str, list[int]]:
        """The names (and other names) that begin with `term`, up to PREFIX_NAMES of each
        wanted group: one walk of the names' index for all groups (a walk for each kind read
        the same index entries once per kind)."""
        if plan.terms in self._beginnings:
            return self._beginnings[plan.terms]
        found: dict[str, list[int]] = {g: [] for g in plan.groups}
        open_groups = set(plan.groups)
        code = ix.CODE_SQL.format(id="id")
        # The partial index on names serves this (its condition appears as written).
        cursor = self._conn.execute(
            f"SELECT id FROM search_doc WHERE text >= ? AND text < ? AND {code} < {ix.NAME_FIELDS_END}",
            (term, term + "\U0010ffff"),
        )
        try:
            for (doc,) in cursor:
                group = ix.group_of(doc)
                if group in open_groups:
                    found[group].append(doc)
                    if len(found[group]) >= PREFIX_NAMES:
                        open_groups.discard(group)
                        if not open_groups:
                            break
        finally:
            cursor.close()
        self._beginnings[plan.terms] = found
        return found

    def _exact(self, plan: _Plan) -> Generator[_Candidate, None, None]:
        """Names (and other names) that are the query itself, of every wanted group."""
        if not plan.exact:
            return
        code = ix.CODE_SQL.format(id="d.id")
        for notes in (False, True):
            if not any((g == NOTE) == notes for g in plan.groups):
                continue
            group_range = (
                f"d.id >> {ix.GROUP_SHIFT} = {ix.GROUP_NUMBER[NOTE]}"
                if notes
                else f"d.id >> {ix.GROUP_SHIFT} < {ix.GROUP_NUMBER[NOTE]}"
            )
            # The partial index on names serves this (its condition appears as written).
            where = ["d.text = ?", f"{code} < {ix.NAME_FIELDS_END}", group_range]
            for c in self._select(plan, notes, "search_doc d", where, [plan.exact + ix.END]):
                if c.kind in plan.groups:
                    yield c

    def _vocabulary(self, plan: _Plan) -> list[str] | None:
        """The indexed trigrams that start with the query's rarest short word (the candidates'
        trigrams hold it), or None when there are too many for the index to help."""
        if plan.terms in self._vocabularies:
            return self._vocabularies[plan.terms]
        best: list[str] | None = None
        for term in plan.terms:
            rows = self._conn.execute(
                "SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?",
                (term, term + "\U0010ffff", VOCABULARY_LIMIT + 1),
            ).fetchall()
            if best is None or len(rows) < len(best):
                best = [r[0] for r in rows]
        found = None if best is None or len(best) > VOCABULARY_LIMIT else best
        self._vocabularies[plan.terms] = found  # every kind's read of this query asks the same
        return found

    @staticmethod
    def _match(terms: Sequence[str]) -> str | None:
        """The FTS5 expression that narrows the candidates: trigrams of the long words, or
        _SHORT for short words only (scan, then the vocabulary)."""
        long_terms = [t for t in terms if len(t) >= 3]
        if long_terms:
            grams = dict.fromkeys(g for t in long_terms for g in _trigrams(t))
            return " AND ".join(_quote_fts(g) for g in grams)
        return _SHORT if terms else None

    @staticmethod
    def _ranges(plan: _Plan, group: str) -> list[tuple[int, int]]:
        """The id ranges a query reads for one group, best first: names, then other text."""
        if not plan.terms:
            # Filters alone list what they select: each entry by its name, each note by its title.
            field = _NOTE_TITLE if group == NOTE else _NAME
            n = ix.GROUP_NUMBER[group]
            return [(field.lo(n), field.hi(n))]
        return [ix.names(group), ix.texts(group)]

    def _groups(
        self, plan: _Plan, per_kind: int | None, progress: Progress
    ) -> list[tuple[tuple[int, ...], Group]]:
        """Up to `per_kind` hits of each wanted kind, best first, each group with its best
        hit's score.

        Each kind takes at most `cap` candidates from each of its reads (exact names, names,
        other text), so ranking works on a bounded set however common the words are.
        """
        cap = None if per_kind is None else per_kind * 2 + 4
        found: dict[str, list[_Candidate]] = {g: [] for g in plan.groups}
        more: set[str] = set()
        taken = dict.fromkeys(plan.groups, 0)
        for c in self._exact(plan):
            if cap is not None and taken[c.kind] >= cap:
                more.add(c.kind)
                continue
            taken[c.kind] += 1
            found[c.kind].append(c)
        # Word starts first (only when the candidates are bounded: otherwise every match is read).
        starts = cap is not None and _word_start_term(plan.terms) is not None
        reads = [
            (g, r, first)
            for g in plan.groups
            for n, r in enumerate(self._ranges(plan, g))
            for first in ((True, False) if starts and n == 0 else (False,))
        ]
        for n, (group, ranges, first) in enumerate(reads):
            progress.step(n, len(reads))
            candidates = (self._word_starts if first else self._candidates)(plan, group, ranges)
            for got, c in enumerate(candidates):
                if cap is not None and got >= cap:
                    more.add(group)
                    break
                found[group].append(c)
            candidates.close()
        groups: list[tuple[tuple[int, ...], Group]] = []
        for kind, of_kind in found.items():
            if not of_kind:
                continue
            best: dict[int, _Candidate] = {}
            for c in of_kind:
                scored = _Candidate(c.doc_id, c.owner, c.kind, c.text, self._score(plan, c))
                if c.owner not in best or scored.score < best[c.owner].score:
                    best[c.owner] = scored
            ranked = sorted(best.values(), key=lambda c: (c.score, c.doc_id))
            if per_kind is not None and len(ranked) > per_kind:
                ranked = ranked[:per_kind]
                more.add(kind)
            hits = tuple(self._hit(plan, c) for c in ranked)
            groups.append((ranked[0].score, Group(kind, GROUP_LABEL[kind], hits, kind in more)))
        return groups

    @staticmethod
    def _score(plan: _Plan, c: _Candidate) -> tuple[int, ...]:
        """Smaller is better: (tier, whole word or word start, field, position, length).

        Tiers: 0 the name is the query; 1 a name where the query's words are words (or word
        starts); 2 other text where they are; 3 a name that holds them inside a word; 4 other
        text that does."""
        code = ix.field_of(c.doc_id).code
        is_name = code < ix.NAME_FIELDS_END
        exact = is_name and plan.exact is not None and " ".join(c.text.split()) == plan.exact
        places = [placement(c.text, t) for t in plan.terms]
        quality = max((q for q, _ in places), default=WHOLE_WORD)
        first = min((at for _, at in places), default=0)
        if exact:
            tier = 0
        elif quality < INSIDE:
            tier = 1 if is_name else 2
        else:
            tier = 3 if is_name else 4
        return (tier, quality, code, first, len(c.text))

    # --- presenting ------------------------------------------------------------------------

    def _hit(self, plan: _Plan, c: _Candidate) -> Hit:
        f = ix.field_of(c.doc_id)
        row = self._conn.execute(
            f"SELECT {f.column} FROM {f.table} WHERE id = ?", (ix.row_of(c.doc_id),)
        ).fetchone()
        original = str(row[0]) if row and row[0] is not None else ""
        exact = c.score[0] == 0
        if c.kind == NOTE:
            note = self._conn.execute(
                "SELECT n.title, e.slug, e.name FROM note n LEFT JOIN entity e ON e.id = n.entity_id "
                "AND e.deleted_at IS NULL WHERE n.id = ?",
                (c.owner,),
            ).fetchone()
            title = note[0] or "Untitled note"
            found = snippet(original, plan.terms)
            return Hit(NOTE, title, note[1], c.owner, f.key, found, exact, note[2])
        entry = self._conn.execute("SELECT name, slug FROM entity WHERE id = ?", (c.owner,)).fetchone()
        return Hit(c.kind, entry[0], entry[1], None, f.key, snippet(original, plan.terms), exact)


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


@functools.lru_cache(maxsize=4096)
def _columns(ch: str) -> int:
    """How many columns `ch` takes on one line: 2 for a wide (East Asian) character, 0 for a
    mark that sits on its letter (Thai, Lao and Khmer vowel signs, tone marks), else 1."""
    if _is_mark(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def snippet(text: str, terms: Sequence[str], width: int = SNIPPET_COLUMNS) -> Snippet:
    """The part of `text` around its first match, on one line of about `width` columns, with
    every match marked.

    `terms` are folded; matching is on the folded text, spans are in the original characters.
    """
    folded, origin = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = folded.find(term)
        while at >= 0:
            spans.append(original_span(text, origin, at, at + len(term)))
            at = folded.find(term, at + len(term))
    spans = _merge(spans)
    start = 0
    if spans and _within(text, 0, width) < len(text):  # too long to show whole: start near the match
        start, before = spans[0][0], 0
        if text[max(0, start - width // 3) : start].isascii():  # one column each
            start = max(0, start - width // 3)
        else:
            while start > 0 and before < width // 3:
                start -= 1
                before += _columns(text[start])
        space = text.rfind(" ", max(0, start - 12), start + 1)
        if space >= 0 and start > 0:
            start = space + 1  # at the beginning of a word
    while 0 < start < len(text) and _is_mark(text[start]):
        start -= 1  # never cut a vowel sign or tone mark from its letter
    end = start + _within(text, start, width)
    while end < len(text) and _is_mark(text[end]):
        end += 1
    shown = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    line = prefix + shown.translate(_ONE_LINE) + suffix
    shift = len(prefix) - start
    visible = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end)
    return Snippet(line, visible)


def _within(text: str, start: int, width: int) -> int:
    """How many characters of `text` from `start` fit in `width` columns."""
    if text[start : start + width].isascii():  # one column each
        return min(width, len(text) - start)
    taken = 0
    for i in range(start, len(text)):
        taken += _columns(text[i])
        if taken > width:
            return i - start
    return len(text) - start


# Line breaks and tabs become spaces one for one, so spans stay where they are.
_ONE_LINE = {ord("\n"): " ", ord("\r"): " ", ord("\t"): " ", ord("\u2028"): " ", ord("\u2029"): " "}
