"""Importing a table (CSV or XLSX) of officials, organizations, countries, initiatives or events.

Each column is mapped to a field of the kind (or ignored); each row becomes an entry through the
same checks a form's save goes through (app/services/editing.checked), so an imported entry is
one the forms could have made. The checks read the library once and take each checked row as
written (its new entry, slug, name), so a table is checked without a write: the preview (a dry
run) is that check, and the import makes it again in its own transaction before writing. All
rows are written in ONE transaction: when any row has a problem, nothing is kept, and every
problem is reported with its row number (as a spreadsheet shows it) and its column title.

New entries are written by executemany, as the data file import writes (ids handed out here;
the search index and the lists filled at the end for many, app/db/bulk_index.py): 10,000 rows
take seconds where the form's write, row by row, took minutes. A row that changes an entry is
written through Editor.update, in row order after the new entries above it.

A row is matched to an entry already in the library by its uid column when there is one, else
by kind and name (folded as search folds: case and accents aside), so importing the same table
again creates nothing: it reports every row unchanged. An empty cell leaves the entry's field as
it is (a spreadsheet with blanks never erases what the library holds); other names and tags are
added to the entry's own, never taken away; a title (for an official) is added unless the
official already holds it at the same organization.

Entries a row refers to (a country, an organization, an event) are found by slug, name, other
name or, for a country, its ISO code; one that is not found is a problem of that row, never made
up on the spot. An entry made by an earlier row of the same table can be referred to. An
official's title may cite a source, named by slug, name or web address (a Source column).

A library that holds anything is backed up before the import writes (as the data file import
does); the import is undone by restoring that backup.
"""

from __future__ import annotations

import re
import sqlite3
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.db.folding import fold
from app.i18n import N_, T_, Explained, Message, Text
from app.io.tables import Table
from app.services.entry_forms import (
    FIELDS,
    AliasInput,
    CitationInput,
    EntryInput,
    RoleInput,
    ValidationError,
)
from app.services.kinds import BY_KEY
from app.services.progress import NO_PROGRESS, Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db.database import Database
    from app.services.entry_forms import Change

KINDS = ("person", "organization", "country", "initiative", "event")
IGNORE = ""  # the field of a column that is not imported

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"

CHECKING = T_("Importing", "Checking the rows")
BACKING_UP = T_("Importing", "Backing up the library")
WRITING = T_("Importing", "Writing")  # (the data file import's word for it)

_LIST_SEPARATOR = re.compile(r"\s*[;|]\s*")  # other names: "Xi Jinping; 习近平"
_RANGE = re.compile(r"\s*(?:–|—|\s-\s|/)\s*")  # the lists' "2025-09-01 – 2025-09-03"


@dataclass(frozen=True)
class Target:
    """A field a column can be mapped to."""

    key: str
    label: str  # N_("Fields", ...)
    # Other column titles that name it (the lists' own headers, common spellings).
    also: tuple[str, ...] = ()


_COMMON = (
    Target("name", N_("Fields", "Name")),
    Target("other_names", N_("Fields", "Other names"), ("aliases", "alias", "other name", "also known as")),
    Target("summary", N_("Fields", "Summary"), ("description",)),
    Target("slug", N_("Fields", "Slug")),
    Target("tags", N_("Fields", "Tags"), ("tag",)),
    Target("uid", N_("Fields", "uid"), ("id", "uuid")),
)
# Beyond the form's own fields (app/services/entry_forms.FIELDS).
_EXTRA: dict[str, tuple[Target, ...]] = {
    "person": (
        Target("title", N_("Fields", "Title as stated"), ("title", "position", "role")),
        Target("organization", N_("Fields", "Organization"), ("organisation", "ministry")),
        Target("title_start", N_("Fields", "Title from"), ("start", "from", "since")),
        Target("title_end", N_("Fields", "Title until"), ("end", "until", "to")),
        # A source entry (slug, name or web address) cited for the title.
        Target("source", N_("Fields", "Source"), ("citation", "url", "source url", "cited")),
    ),
    "event": (Target("dates", N_("Fields", "Dates")),),
}
# The lists' column titles (app/services/entries.LIST_COLUMNS) that name a field of another key.
_LIST_TITLES: dict[str, dict[str, str]] = {
    "country": {"iso code": "iso_alpha2", "iso": "iso_alpha2"},
    "organization": {"kind": "org_kind"},
    "initiative": {"kind": "initiative_kind"},
    "event": {"kind": "event_kind"},
}


def targets(kind: str) -> tuple[Target, ...]:
    """The fields a column of a `kind` table can be mapped to, in the order a dialog offers them."""
    own = tuple(Target(s.key, s.label) for s in FIELDS[kind])
    return (*_COMMON, *own, *_EXTRA.get(kind, ()))


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().casefold())


def auto_mapping(kind: str, headers: Sequence[str], also: Mapping[str, str] | None = None) -> list[str]:
    """The field each column maps to (IGNORE for none), by its title: a field's key or label in
    any case and spacing, the lists' own column titles, and `also` (title -> field: the labels
    as the window shows them in its language). Each field is taken by its first column only."""
    names: dict[str, str] = {}
    for t in targets(kind):
        for word in (t.key, t.label, *t.also):
            names.setdefault(_key(word), t.key)
    for title, key in _LIST_TITLES.get(kind, {}).items():
        names[_key(title)] = key
    for title, key in (also or {}).items():
        names.setdefault(_key(title), key)
    taken: set[str] = set()
    out = []
    for header in headers:
        key = names.get(_key(header), IGNORE)
        if key in taken:
            key = IGNORE
        taken.add(key)
        out.append(key)
    return out


class MappingError(Explained, ValueError):
    """A mapping that cannot be used (a field that does not exist, a column that is not there)."""


def mapping_from(kind: str, headers: Sequence[str], given: Mapping[str, Any]) -> list[str]:
    """The field of each column from a mapping file's {column title: field} (a field of None,
    "" or "ignore" ignores the column); columns it does not name are mapped by title."""
    columns = given.get("columns", given) if isinstance(given.get("columns"), dict) else given
    known = {t.key for t in targets(kind)}
    out = auto_mapping(kind, headers)
    by_title = {h: i for i, h in enumerate(headers)}
    for title, key in columns.items():
        if str(title) not in by_title:
            raise MappingError(
                T_("Tables", "The mapping names a column “{column}” that the table does not have.").format(
                    column=str(title)
                )
            )
        key = "" if key is None or str(key).strip().casefold() == "ignore" else str(key).strip()
        if key and key not in known:
            raise MappingError(
                T_(
                    "Tables",
                    "The mapping maps “{column}” to “{field}”, which is not a field of {kind}; use one of: {known}.",
                ).format(
                    column=str(title),
                    field=key,
                    kind=Text("Kinds", BY_KEY[kind].plural),
                    known=", ".join(t.key for t in targets(kind)),
                )
            )
        out[by_title[str(title)]] = key
    seen: dict[str, str] = {}
    for header, key in zip(headers, out, strict=True):
        if key and key in seen:
            raise MappingError(
                T_("Tables", "Two columns, “{first}” and “{second}”, are mapped to {field}.").format(
                    first=seen[key], second=header, field=key
                )
            )
        seen.setdefault(key, header)
    return out


# --- the report ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet numbers it (the titles are row 1)
    column: str  # its title; "" for the row as a whole
    message: Message

    def text(self, message: str | None = None) -> str:
        """One sentence; `message`: the problem translated (the window's words)."""
        said = message if message is not None else str(self.message)
        if self.column:
            return f"Row {self.row}, column “{self.column}”: {said}"
        return f"Row {self.row}: {said}"

    def message_text(self) -> Text:
        if self.column:
            return T_("Tables", "Row {row}, column “{column}”: {problem}").format(
                row=str(self.row), column=self.column, problem=self.message
            )
        return T_("Tables", "Row {row}: {problem}").format(row=str(self.row), problem=self.message)


@dataclass(frozen=True)
class RowOutcome:
    row: int
    outcome: str  # CREATED | UPDATED | UNCHANGED
    name: str
    slug: str


@dataclass(frozen=True)
class TableReport:
    path: Path
    kind: str
    outcomes: tuple[RowOutcome, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    written: bool = False  # committed (not a preview, no problems)
    dry_run: bool = False
    backup: Path | None = None
    # The edits of entries the library held (new entries are written in bulk, without snapshots).
    changes: tuple[Change, ...] = field(default=(), repr=False)

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    def summary(self) -> Text:
        values = {
            "path": self.path.name,
            "created": str(self.count(CREATED)),
            "updated": str(self.count(UPDATED)),
            "unchanged": str(self.count(UNCHANGED)),
        }
        if self.problems and self.dry_run:
            return T_("Tables", "{path}: {count} problems to fix before it can be imported.").format(
                path=self.path.name, count=str(len(self.problems))
            )
        if self.problems:
            return T_("Tables", "{path}: {count} problems; nothing was imported.").format(
                path=self.path.name, count=str(len(self.problems))
            )
        if self.written:
            return T_(
                "Tables", "{path}: {created} created, {updated} updated, {unchanged} unchanged."
            ).format(**values)
        if self.dry_run:
            return T_(
                "Tables",
                "{path} would create {created}, update {updated} and leave {unchanged} unchanged; "
                "nothing was written.",
            ).format(**values)
        return T_("Tables", "{path}: the library already holds all {unchanged} rows as they are.").format(
            **values
        )


class TableProblems(Explained, ValueError):
    """The table has problems; nothing was written. `report` lists them all."""

    def __init__(self, report: TableReport) -> None:
        super().__init__(report.summary())
        self.report = report


# --- finding entries -------------------------------------------------------------------------


class _Names:
    """The live entries of the kinds a table names, by every word that may name them: slug,
    folded name, folded other name, and a country's ISO codes. Entries the import makes are
    added as it goes."""

    def __init__(
        self, conn: sqlite3.Connection, kinds: set[str], entities: Mapping[int, tuple[str, str, str, bool]]
    ) -> None:
        """`entities`: every entry, id -> (kind, slug, name, not in the Trash)."""
        # (kind, word) -> the entry it names; words naming more than one also in _more, with all
        # of them (a set for each of 300,000 words took a second at 100,000 entries).
        self._by: dict[tuple[str, str], int] = {}
        self._more: dict[tuple[str, str], set[int]] = {}
        self._names: dict[tuple[str, str], int] = {}
        self._more_names: dict[tuple[str, str], set[int]] = {}
        self.slugs: dict[int, str] = {}
        if not kinds:
            return
        for eid, (kind, slug, name, live) in entities.items():
            if live and kind in kinds:
                self.add(kind, eid, slug, name)
        marks = ",".join("?" * len(kinds))
        for eid, kind, value in conn.execute(
            "SELECT a.entity_id, e.kind, a.value FROM alias a JOIN entity e ON e.id = a.entity_id "
            f"WHERE e.deleted_at IS NULL AND e.kind IN ({marks})",
            tuple(kinds),
        ).fetchall():
            self._put(kind, fold(value), int(eid))
        if "source" in kinds:
            for eid, url in conn.execute(
                "SELECT s.id, s.url FROM source s JOIN entity e ON e.id = s.id "
                "WHERE e.deleted_at IS NULL AND s.url IS NOT NULL"
            ).fetchall():
                self._put("source", url.strip(), int(eid))
        if "country" in kinds:
            for eid, a2, a3 in conn.execute(
                "SELECT c.id, c.iso_alpha2, c.iso_alpha3 FROM country c JOIN entity e ON e.id = c.id "
                "WHERE e.deleted_at IS NULL"
            ).fetchall():
                for code in (a2, a3):
                    if code:
                        self._put("country", fold(code), int(eid))

    @staticmethod
    def _into(
        one: dict[tuple[str, str], int], more: dict[tuple[str, str], set[int]], key: tuple[str, str], eid: int
    ) -> None:
        have = one.setdefault(key, eid)
        if have != eid:
            more.setdefault(key, {have}).add(eid)

    @staticmethod
    def _of(
        one: dict[tuple[str, str], int], more: dict[tuple[str, str], set[int]], key: tuple[str, str]
    ) -> set[int]:
        if key in more:
            return more[key]
        return {one[key]} if key in one else set()

    def _put(self, kind: str, word: str, eid: int) -> None:
        if word:
            self._into(self._by, self._more, (kind, word), eid)

    def add(self, kind: str, eid: int, slug: str, name: str) -> None:
        self.slugs[eid] = slug
        folded = fold(name)
        self._into(self._names, self._more_names, (kind, folded), eid)
        self._put(kind, slug, eid)
        self._put(kind, folded, eid)

    def named(self, kind: str, name: str) -> set[int]:
        """The entries of `kind` whose name folds as `name` does."""
        return self._of(self._names, self._more_names, (kind, fold(name)))

    def find(self, kinds: Sequence[str], value: str) -> set[int]:
        found: set[int] = set()
        for kind in kinds:
            found |= self._of(self._by, self._more, (kind, value.strip()))  # a slug as written
            found |= self._of(self._by, self._more, (kind, fold(value)))
        return found


# --- what the checks read --------------------------------------------------------------------

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class _Known:
    """The library as the form's checks read it (app/services/editing.Lookups), read once, with
    the rows checked so far as if they were written: entries made by earlier rows, and slugs,
    names and codes that earlier rows change. Every row is checked by the form's own rules
    without a write (a write rolled back per row took 16-20 ms; this takes a few hundredths)."""

    def __init__(self, session: Session, conn: sqlite3.Connection) -> None:
        self.s = session
        # id -> (kind, slug, name, live); trashed entries hold their slugs and codes too.
        self.entity: dict[int, tuple[str, str, str, bool]] = {
            eid: (kind, slug, name, bool(live))
            for eid, kind, slug, name, live in conn.execute(
                "SELECT id, kind, slug, name, deleted_at IS NULL FROM entity"
            ).fetchall()
        }
        self.by_slug: dict[str, int] = {e[1]: eid for eid, e in self.entity.items()}
        self.codes: dict[str, int] = dict(
            conn.execute("SELECT iso_alpha2, id FROM country WHERE iso_alpha2 IS NOT NULL").fetchall()
        )
        self.next_id = max(self.entity, default=0) + 1
        self._names: dict[str, set[int]] | None = None  # SQLite's lower(name) -> live ids
        self._sources: dict[int, tuple[str | None, str]] = {}

    def put(self, eid: int, kind: str, slug: str, name: str, code: str | None = None) -> None:
        """An entry as a checked row leaves it (a new one, or one the row changes)."""
        old = self.entity.get(eid)
        if old is not None:
            if self.by_slug.get(old[1]) == eid:
                del self.by_slug[old[1]]
            if self._names is not None:
                self._names.get(old[2].translate(_ASCII_LOWER), set()).discard(eid)
        live = old[3] if old is not None else True
        self.entity[eid] = (kind, slug, name, live)
        self.by_slug[slug] = eid
        if self._names is not None and live:
            self._names.setdefault(name.translate(_ASCII_LOWER), set()).add(eid)
        if kind == "country":
            for held, cid in list(self.codes.items()):
                if cid == eid and held != code:
                    del self.codes[held]
            if code:
                self.codes[code] = eid

    # Lookups, as app/services/editing._SessionLookups makes them in SQL.

    def entries(self, value: str, kinds: Sequence[str]) -> list[tuple[int, str]]:
        eid = self.by_slug.get(value)
        if eid is not None and self.entity[eid][3]:
            return [(eid, self.entity[eid][0])]
        if self._names is None:
            self._names = {}
            for i, (_, _, name, live) in self.entity.items():
                if live:
                    self._names.setdefault(name.translate(_ASCII_LOWER), set()).add(i)
        ids = sorted(self._names.get(value.lower(), set()))
        return [(i, self.entity[i][0]) for i in ids if self.entity[i][0] in kinds]

    def source(self, source_id: int) -> tuple[str | None, str]:
        if source_id not in self._sources:  # (a table cites a few sources many times)
            row = (
                self.s.connection()
                .exec_driver_sql("SELECT archived_text, reliability FROM source WHERE id = ?", (source_id,))
                .one()
            )
            self._sources[source_id] = (row[0] or None, str(row[1]))
        return self._sources[source_id]

    def slugs_from(self, prefix: str, entity_id: int | None) -> set[str]:
        return {s for s, i in self.by_slug.items() if s.startswith(prefix) and i != entity_id}

    def slug_holder(self, slug: str, entity_id: int | None) -> str | None:
        eid = self.by_slug.get(slug)
        return self.entity[eid][2] if eid is not None and eid != (entity_id or -1) else None

    def code_holder(self, code: str, entity_id: int | None) -> str | None:
        eid = self.codes.get(code)
        return self.entity[eid][2] if eid is not None and eid != (entity_id or -1) else None

    def source_problems(self, entity_id: int | None, name: str, columns: dict[str, Any]) -> dict[str, Text]:
        from app.services.sources import check_source

        return check_source(self.s, entity_id, name, columns)


# --- the import ------------------------------------------------------------------------------


@dataclass
class _Row:
    number: int
    cells: dict[str, str]  # field key -> cell (non-empty only)
    column: dict[str, str]  # field key -> the column's title


@dataclass(frozen=True)
class _New:
    """A row that makes an entry: its id (handed out here) and its values, checked."""

    id: int
    clean: Any  # app/services/editing._Clean


@dataclass(frozen=True)
class _Edit:
    """A row that changes an entry: the form's input for it, written through Editor.update."""

    row: int
    entity_id: int
    wanted: EntryInput


class _Run:
    def __init__(
        self, session: Session, editor: Any, table: Table, kind: str, mapping: Sequence[str]
    ) -> None:
        self.s = session
        self.editor = editor
        self.table = table
        self.kind = kind
        self.mapping = mapping
        self.problems: list[RowProblem] = []
        self.outcomes: list[RowOutcome] = []
        self.changes: list[Change] = []
        # What the rows would write, in row order (new entries and edits).
        self.plan: list[_New | _Edit] = []
        conn = session.connection().connection.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        referred = {k for s in FIELDS[kind] if s.type == "entry" for k in s.kinds}
        if kind == "person":
            referred |= {"organization", "source"}
        self.known = _Known(session, conn)
        self.names = _Names(conn, referred | {kind}, self.known.entity)
        self.uids: dict[str, tuple[int, str]] = {}
        if "uid" in mapping:
            for eid, uid, k in conn.execute(
                "SELECT id, uid, kind FROM entity WHERE deleted_at IS NULL"
            ).fetchall():
                self.uids[str(uid)] = (int(eid), str(k))
        self.seen: dict[str, int] = {}  # a row's key (uid or folded name) -> its row number
        self.matched: dict[int, int] = {}  # an entry the library holds -> the row about it
        self.forms: dict[int, EntryInput] = {}

    def fail(self, row: _Row, key: str, message: Message) -> None:
        self.problems.append(RowProblem(row.number, row.column.get(key, ""), message))

    def rows(self) -> list[_Row]:
        out = []
        for index, cells in enumerate(self.table.rows):
            if not any(cells):
                continue  # a blank line between groups of rows
            values = {k: v for k, v in zip(self.mapping, cells, strict=True) if k and v}
            titles = {k: h for k, h in zip(self.mapping, self.table.headers, strict=True) if k}
            out.append(_Row(self.table.row_number(index), values, titles))
        return out

    def check(self, progress: Progress) -> None:
        """Check every row as a form's save would, writing nothing: the plan, or problems."""
        rows = self.rows()
        progress.begin(CHECKING)
        # The entries the rows name, as their forms show them, read a few hundred at a time (one
        # at a time, a re-import of thousands of rows read for seconds).
        named = [self._existing(row) for row in rows]
        self.forms = self.editor.forms([i for i in named if i is not None], self.s)
        for done, row in enumerate(rows):
            if done % 200 == 0:
                progress.step(done, len(rows))
            self.row(row)
        progress.step(len(rows), len(rows))

    def _existing(self, row: _Row) -> int | None:
        """The entry the library holds that the row is likely about (match() decides)."""
        uid = row.cells.get("uid", "")
        if uid and uid in self.uids:
            return self.uids[uid][0]
        ids = self.names.named(self.kind, row.cells.get("name", ""))
        return next(iter(ids)) if len(ids) == 1 else None

    def row(self, row: _Row) -> None:
        from app.services.editing import checked

        name = row.cells.get("name", "")
        uid = row.cells.get("uid", "")
        if not name and not uid:
            self.problems.append(
                RowProblem(row.number, row.column.get("name", ""), T_("Validation", "A name is required."))
            )
            return
        entity_id = self.match(row, name, uid)
        if entity_id == -1:
            return
        if entity_id is not None and entity_id in self.matched:
            # (by its uid on one row and its name on another: one edit each would undo the other's)
            self.fail(
                row,
                "uid" if uid else "name",
                T_("Tables", "“{value}” is already on row {row}; give each entry one row.").format(
                    value=uid or name, row=str(self.matched[entity_id])
                ),
            )
            return
        if entity_id is not None:
            self.matched[entity_id] = row.number
        refs = self.references(row)
        if refs is None:
            return
        try:
            if entity_id is None:
                clean = checked(self.new_input(row, refs), None, self.known)
                new = _New(self.known.next_id, clean)
                self.known.next_id += 1
                self.plan.append(new)
                outcome = CREATED
                entity_id = new.id
            else:
                base = self.forms.get(entity_id) or self.editor.form(entity_id, session=self.s)
                wanted = self.updated_input(base, row, refs)
                as_they_are = replace(base, **_AS_THEY_ARE)
                if wanted == as_they_are:
                    # The row says what the entry holds: a read, nothing to check.
                    self.outcomes.append(RowOutcome(row.number, UNCHANGED, base.name, base.slug))
                    return
                stored = self.editor.stored_citations(entity_id, self.s)
                clean = checked(wanted, entity_id, self.known, stored)
                outcome = (
                    UPDATED
                    if clean != _checked_or_none(as_they_are, entity_id, self.known, stored)
                    else UNCHANGED
                )
                if outcome == UPDATED:
                    self.plan.append(_Edit(row.number, entity_id, wanted))
        except ValidationError as exc:
            for key, message in exc.errors.items():
                self.fail(row, _field_of_error(key), message)
            return
        code = clean.columns.get("iso_alpha2") if self.kind == "country" else None
        self.known.put(entity_id, self.kind, clean.slug, clean.name, code)
        self.names.add(self.kind, entity_id, clean.slug, clean.name)
        self.outcomes.append(RowOutcome(row.number, outcome, clean.name, clean.slug))

    def match(self, row: _Row, name: str, uid: str) -> int | None:
        """The entry the row is about (None: a new one; -1: a problem, reported)."""
        key = f"uid:{uid}" if uid else f"name:{fold(name)}"
        if key in self.seen:
            column = "uid" if uid else "name"
            self.fail(
                row,
                column,
                T_("Tables", "“{value}” is already on row {row}; give each entry one row.").format(
                    value=uid or name, row=str(self.seen[key])
                ),
            )
            return -1
        self.seen[key] = row.number
        if uid:
            found = self.uids.get(uid)
            if found is None:
                return None  # a uid from another library: matched by name below
            if found[1] != self.kind:
                self.fail(
                    row,
                    "uid",
                    T_("Tables", "This uid is of an entry listed under {kind}.").format(
                        kind=Text("Kinds", BY_KEY[found[1]].plural)
                    ),
                )
                return -1
            return found[0]
        ids = self.names.named(self.kind, name)
        if len(ids) > 1:
            self.fail(
                row,
                "name",
                T_("Tables", "{count} entries are called “{name}”; add a uid column to say which.").format(
                    count=str(len(ids)), name=name
                ),
            )
            return -1
        return next(iter(ids), None)

    def references(self, row: _Row) -> dict[str, str] | None:
        """The slugs of the entries the row names (None: a problem, reported)."""
        wanted = [(s.key, s.kinds) for s in FIELDS[self.kind] if s.type == "entry"]
        if self.kind == "person":
            wanted += [("organization", ("organization",)), ("source", ("source",))]
        out: dict[str, str] = {}
        ok = True
        for key, kinds in wanted:
            value = row.cells.get(key)
            if not value:
                continue
            found = self.names.find(kinds, value)
            if len(found) == 1:
                out[key] = self.names.slugs[next(iter(found))]
                continue
            what = ", ".join(str(Text("Kinds", BY_KEY[k].plural)).lower() for k in kinds)
            if not found:
                self.fail(
                    row,
                    key,
                    T_("Tables", "Nothing among {kinds} is called “{value}”; add it first.").format(
                        kinds=what, value=value
                    ),
                )
                ok = False
            else:
                self.fail(
                    row,
                    key,
                    T_("Tables", "{count} {kinds} are called “{value}”; write its slug instead.").format(
                        count=str(len(found)), kinds=what, value=value
                    ),
                )
                ok = False
        return out if ok else None

    def _values(self, row: _Row, refs: Mapping[str, str]) -> dict[str, str]:
        values = {s.key: row.cells[s.key] for s in FIELDS[self.kind] if s.key in row.cells}
        values.update({k: v for k, v in refs.items() if k in {s.key for s in FIELDS[self.kind]}})
        if self.kind == "event" and "dates" in row.cells:
            parts = _RANGE.split(row.cells["dates"], maxsplit=1)
            values.setdefault("start", parts[0])
            if len(parts) > 1:  # one date: an end the list does not show may be stored
                values.setdefault("end", parts[1])
        if self.kind == "country":
            for key in ("iso_alpha2", "iso_alpha3"):
                if key in values:
                    values[key] = values[key].upper()
        return values

    def _aliases(self, row: _Row, have: Sequence[AliasInput] = ()) -> tuple[AliasInput, ...]:
        known = {fold(a.value) for a in have}
        out = list(have)
        for value in _LIST_SEPARATOR.split(row.cells.get("other_names", "")):
            if value and fold(value) not in known:
                known.add(fold(value))
                out.append(AliasInput(value))
        return tuple(out)

    def _roles(
        self, row: _Row, refs: Mapping[str, str], have: Sequence[RoleInput] = ()
    ) -> tuple[RoleInput, ...]:
        title = row.cells.get("title", "")
        if self.kind != "person" or not title:
            if self.kind == "person" and any(
                k in row.cells for k in ("organization", "title_start", "title_end", "source")
            ):
                self.fail(
                    row, "title", T_("Tables", "A title is needed for its organization, dates and source.")
                )
            return tuple(have)
        organization, source = refs.get("organization", ""), refs.get("source", "")
        start, end = row.cells.get("title_start", ""), row.cells.get("title_end", "")
        out = list(have)
        for i, r in enumerate(out):
            if fold(r.title) == fold(title) and r.organization == organization:
                cites = r.citations
                if source and not any(c.source == source for c in cites or ()):
                    cites = (*(cites or ()), CitationInput(source))
                out[i] = replace(r, start=start or r.start, end=end or r.end, citations=cites)
                return tuple(out)
        cited = (CitationInput(source),) if source else None
        out.append(RoleInput(title, organization, start=start, end=end, citations=cited))
        return tuple(out)

    def _tags(self, row: _Row, have: str | None = None) -> str | None:
        given = row.cells.get("tags")
        if not given or not have:
            return given or have
        old = {t.strip().casefold() for t in have.split(",")}
        new = [t.strip() for t in given.split(",") if t.strip() and t.strip().casefold() not in old]
        return ", ".join([have, *new]) if new else have

    def _slug(self, name: str) -> str:
        """A free slug for a new entry (the form's own rule, app/services/slugs.py), among the
        slugs the library and the rows above hold."""
        from app.services.slugs import slugify, unique_slug

        if not name.strip():
            return ""
        return unique_slug(slugify(name, fallback=self.kind), self.known.by_slug.keys())

    def new_input(self, row: _Row, refs: Mapping[str, str]) -> EntryInput:
        return EntryInput(
            kind=self.kind,
            name=row.cells.get("name", ""),
            slug=row.cells.get("slug") or self._slug(row.cells.get("name", "")),
            summary=row.cells.get("summary", ""),
            values=self._values(row, refs),
            aliases=self._aliases(row),
            roles=self._roles(row, refs),
            tags=self._tags(row),
        )

    def updated_input(self, base: EntryInput, row: _Row, refs: Mapping[str, str]) -> EntryInput:
        tags = self._tags(row, base.tags)
        return replace(
            base,
            name=row.cells.get("name", base.name),
            slug=row.cells.get("slug", base.slug),
            summary=row.cells.get("summary", base.summary),
            values={**base.values, **self._values(row, refs)},
            aliases=self._aliases(row, base.aliases),
            roles=self._roles(row, refs, base.roles),
            tags=tags if tags != base.tags else None,
            facts=None,
            memberships=None,
            participants=None,
            parties=None,
            statements=None,
        )


# What updated_input leaves as it is (None), for comparing a row with the entry.
_AS_THEY_ARE: dict[str, Any] = dict.fromkeys(
    ("tags", "facts", "memberships", "participants", "parties", "statements")
)


def _checked_or_none(inp: EntryInput, entity_id: int, known: _Known, stored: Mapping[int, Any]) -> Any:
    """The entry's own input checked (None when the entry as stored would not pass: then the
    row's edit is one to write, whatever it changes)."""
    from app.services.editing import checked

    try:
        return checked(inp, entity_id, known, stored)
    except ValidationError:
        return None


# --- writing ---------------------------------------------------------------------------------

_BULK = 200  # new entries from which the indexes are filled once at the end, not by triggers
_CHUNK = 5000  # rows per executemany


class _Writer:
    """The plan of a checked table written in row order, on the session's connection: the new
    entries a run at a time by executemany (as the data file import writes, ids handed out
    here), each edit of an entry through Editor.update (its undo and its checks as a form's)."""

    def __init__(self, run: _Run, progress: Progress) -> None:
        self.run = run
        self.progress = progress
        self.s = run.s
        conn = run.s.connection().connection.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        self.conn = conn

    def write(self) -> None:
        self.progress.begin(WRITING)
        total = len(self.run.plan)
        pending: list[_New] = []
        outcome = {o.row: i for i, o in enumerate(self.run.outcomes)}
        for done, item in enumerate(self.run.plan):
            if isinstance(item, _New):
                pending.append(item)
                continue
            self._create(pending)
            pending = []
            self.progress.step(done, total)
            try:
                change = self.run.editor.update(item.entity_id, item.wanted, session=self.s)
            except ValidationError as exc:  # (checked above: only if the library changed since)
                for key, message in exc.errors.items():
                    self.run.problems.append(RowProblem(item.row, _column(self.run, key), message))
                return
            if change.changed:
                self.run.changes.append(change)
            else:
                at = outcome[item.row]
                self.run.outcomes[at] = replace(self.run.outcomes[at], outcome=UNCHANGED)
        self._create(pending)
        self.progress.step(total, total)

    def _next(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]) + 1

    def _create(self, new: list[_New]) -> None:
        """Write the entries `new` (ids and values as checked), their other names, titles and
        citations and tags, as Editor.create writes each."""
        import uuid

        from app.clock import now_iso
        from app.db.bulk_index import indexed_at_end
        from app.services.tags import drop_unused_tags, tag_ids, write_entry_tags

        if not new:
            return
        self.s.flush()
        kind, now = self.run.kind, now_iso()
        columns = [spec.column for spec in FIELDS[kind]]
        alias_id, role_id, citation_id = self._next("alias"), self._next("role"), self._next("citation")
        rows: dict[str, list[tuple[Any, ...]]] = {
            "entity": [],
            kind: [],
            "alias": [],
            "role": [],
            "citation": [],
        }
        for n in new:
            c = n.clean
            rows["entity"].append((n.id, str(uuid.uuid4()), kind, c.slug, c.name, c.summary, now, now))
            rows[kind].append((n.id, *(c.columns[column] for column in columns)))
            for a in c.aliases:
                rows["alias"].append((alias_id, n.id, a.value, a.language or None, a.script or None, a.kind))
                alias_id += 1
            for part in c.parts.get("roles", ()):
                v = part.values
                rows["role"].append(
                    (
                        role_id,
                        n.id,
                        v["title"],
                        v["organization_id"],
                        v["country_id"],
                        v["as_of"],
                        v["start_date"],
                        v["end_date"],
                    )
                )
                for cite in part.citations or ():
                    rows["citation"].append((citation_id, role_id, *(cite[k] for k in _CITATION_COLUMNS)))
                    citation_id += 1
                role_id += 1
        sql = {
            "entity": "INSERT INTO entity (id, uid, kind, slug, name, summary, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            kind: f"INSERT INTO {kind} (id, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
            "alias": "INSERT INTO alias (id, entity_id, value, language, script, kind) VALUES (?, ?, ?, ?, ?, ?)",
            "role": "INSERT INTO role (id, person_id, title, organization_id, country_id, as_of, start_date, "
            "end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "citation": f"INSERT INTO citation (id, role_id, {', '.join(_CITATION_COLUMNS)}) "
            f"VALUES (?, ?{', ?' * len(_CITATION_COLUMNS)})",
        }
        with indexed_at_end(self.conn, bulk=len(new) >= _BULK):
            for table, values in rows.items():
                for at in range(0, len(values), _CHUNK):
                    self.conn.executemany(sql[table], values[at : at + _CHUNK])
        # Every tag once, in the order the rows name them: the ids a row-by-row write gives.
        tagged = [n for n in new if n.clean.tags]
        if not tagged:
            return
        spelled: dict[str, str] = {}
        for n in tagged:
            for tag in n.clean.tags:
                spelled.setdefault(tag.casefold(), tag)
        ids = tag_ids(self.conn, list(spelled.values()))
        if len(ids) != len(spelled):  # (tags the library spells alike: one entry at a time)
            for n in tagged:
                write_entry_tags(self.conn, n.id, n.clean.tags)
            return
        tag_of = dict(zip(spelled, ids, strict=True))
        pairs = sorted({(n.id, tag_of[t.casefold()]) for n in tagged for t in n.clean.tags})
        self.conn.executemany("INSERT INTO entity_tag (entity_id, tag_id) VALUES (?, ?)", pairs)
        drop_unused_tags(self.conn)


# A citation's columns as app/services/editing._citation checks them (its id aside).
_CITATION_COLUMNS = (
    "source_id",
    "quote",
    "quote_prefix",
    "quote_suffix",
    "quote_start",
    "quote_end",
    "locator",
    "reliability",
    "note",
    "position",
)


def _column(run: _Run, key: str) -> str:
    """The column title of a form's error key, in `run`'s table."""
    field_key = _field_of_error(key)
    for k, h in zip(run.mapping, run.table.headers, strict=True):
        if k == field_key:
            return h
    return ""


def _field_of_error(key: str) -> str:
    """The field a form's error key is about: 'aliases[2].value' -> other_names."""
    head = key.split("[", 1)[0].split(".", 1)[0]
    if head == "aliases":
        return "other_names"
    if head == "roles":
        if ".citations" in key:
            return "source"
        return "title_start" if key.endswith("start") else "title_end" if key.endswith("end") else "title"
    return head


class TableImports:
    """Tables in (Library.tables)."""

    def __init__(self, db: Database, editor: Any) -> None:
        self._db = db
        self._editor = editor

    def run(
        self,
        table: Table,
        kind: str,
        mapping: Sequence[str],
        *,
        dry_run: bool = False,
        progress: Progress = NO_PROGRESS,
    ) -> TableReport:
        """Import `table` as entries of `kind`, column i as field mapping[i]: all or nothing.
        `dry_run`: the same work, rolled back (a preview). Raises Cancelled, having written
        nothing, when `progress` is cancelled."""
        if kind not in KINDS:
            raise MappingError(
                T_("Tables", "Only {kinds} can be imported from a table.").format(
                    kinds=", ".join(str(Text("Kinds", BY_KEY[k].plural)).lower() for k in KINDS)
                )
            )
        if len(mapping) != len(table.headers):
            raise MappingError(T_("Tables", "The mapping does not fit the table's columns."))
        if "name" not in mapping and "uid" not in mapping:
            raise MappingError(T_("Tables", "Map a column to the name: every entry needs one."))
        session = self._db.sessions()
        try:
            session.begin()
            work = _Run(session, self._editor, table, kind, mapping)
            work.check(progress)
            report = TableReport(
                table.path, kind, tuple(work.outcomes), tuple(work.problems), dry_run=dry_run
            )
            if dry_run or work.problems or not work.plan:
                session.rollback()
                return report
            backup = None
            if self._holds_anything(session):
                from app.services.backups import BEFORE_IMPORT, backup_now

                progress.begin(BACKING_UP)
                backup = backup_now(self._db.path, BEFORE_IMPORT)
            _Writer(work, progress).write()
            report = replace(
                report,
                outcomes=tuple(work.outcomes),
                problems=tuple(work.problems),
                changes=tuple(work.changes),
            )
            if work.problems:
                session.rollback()
                return replace(report, backup=backup)
            progress.begin(CHECKING)
            progress.step(1, 1)  # a last chance to cancel, before the commit
            session.commit()
            return replace(report, written=True, backup=backup)
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @staticmethod
    def _holds_anything(session: Session) -> bool:
        """Whether the library holds anything yet (its backup is worth taking)."""
        row = (
            session.connection()
            .exec_driver_sql("SELECT EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM note)")
            .first()
        )
        return bool(row and row[0])
