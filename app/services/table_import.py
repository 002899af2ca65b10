"""Importing a table (CSV or XLSX) of officials, organizations, countries, initiatives or events.

Each column is mapped to a field of the kind (or ignored); each row becomes an entry through the
same checks a form's save goes through (app/services/editing.py), so an imported entry is one
the forms could have made. All rows are written in ONE transaction: when any row has a problem,
nothing is kept, and every problem is reported with its row number (as a spreadsheet shows it)
and its column title. A preview is the same work rolled back, so what it shows is exactly what
the import will do.

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

A library that holds anything is backed up before the import commits (as the data file import
does); the import is undone by restoring that backup.
"""

from __future__ import annotations

import re
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

    def __init__(self, conn: Any, kinds: set[str]) -> None:
        self._by: dict[tuple[str, str], set[int]] = {}
        self._names: dict[tuple[str, str], set[int]] = {}
        self.slugs: dict[int, str] = {}
        if not kinds:
            return
        marks = ",".join("?" * len(kinds))
        for eid, kind, slug, name in conn.exec_driver_sql(
            f"SELECT id, kind, slug, name FROM entity WHERE deleted_at IS NULL AND kind IN ({marks})",
            tuple(kinds),
        ):
            self.add(kind, int(eid), slug, name)
        for eid, kind, value in conn.exec_driver_sql(
            "SELECT a.entity_id, e.kind, a.value FROM alias a JOIN entity e ON e.id = a.entity_id "
            f"WHERE e.deleted_at IS NULL AND e.kind IN ({marks})",
            tuple(kinds),
        ):
            self._put(kind, fold(value), int(eid))
        if "source" in kinds:
            for eid, url in conn.exec_driver_sql(
                "SELECT s.id, s.url FROM source s JOIN entity e ON e.id = s.id "
                "WHERE e.deleted_at IS NULL AND s.url IS NOT NULL"
            ):
                self._put("source", url.strip(), int(eid))
        if "country" in kinds:
            for eid, a2, a3 in conn.exec_driver_sql(
                "SELECT c.id, c.iso_alpha2, c.iso_alpha3 FROM country c JOIN entity e ON e.id = c.id "
                "WHERE e.deleted_at IS NULL"
            ):
                for code in (a2, a3):
                    if code:
                        self._put("country", fold(code), int(eid))

    def _put(self, kind: str, word: str, eid: int) -> None:
        if word:
            self._by.setdefault((kind, word), set()).add(eid)

    def add(self, kind: str, eid: int, slug: str, name: str) -> None:
        self.slugs[eid] = slug
        self._names.setdefault((kind, fold(name)), set()).add(eid)
        self._put(kind, slug, eid)
        self._put(kind, fold(name), eid)

    def named(self, kind: str, name: str) -> set[int]:
        """The entries of `kind` whose name folds as `name` does."""
        return self._names.get((kind, fold(name)), set())

    def find(self, kinds: Sequence[str], value: str) -> set[int]:
        found: set[int] = set()
        for kind in kinds:
            found |= self._by.get((kind, value.strip()), set())  # a slug as written
            found |= self._by.get((kind, fold(value)), set())
        return found


# --- the import ------------------------------------------------------------------------------


@dataclass
class _Row:
    number: int
    cells: dict[str, str]  # field key -> cell (non-empty only)
    column: dict[str, str]  # field key -> the column's title


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
        conn = session.connection()
        referred = {k for s in FIELDS[kind] if s.type == "entry" for k in s.kinds}
        if kind == "person":
            referred |= {"organization", "source"}
        self.names = _Names(conn, referred | {kind})
        self.uids: dict[str, tuple[int, str]] = {}
        if "uid" in mapping:
            for eid, uid, k in conn.exec_driver_sql(
                "SELECT id, uid, kind FROM entity WHERE deleted_at IS NULL"
            ):
                self.uids[str(uid)] = (int(eid), str(k))
        self.seen: dict[str, int] = {}  # a row's key (uid or folded name) -> its row number

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

    def run(self, progress: Progress) -> None:
        rows = self.rows()
        progress.begin(CHECKING)
        for done, row in enumerate(rows):
            if done % 50 == 0:
                progress.step(done, len(rows))
            self.row(row)
        progress.step(len(rows), len(rows))

    def row(self, row: _Row) -> None:
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
        refs = self.references(row)
        if refs is None:
            return
        try:
            with self.s.begin_nested():
                if entity_id is None:
                    change = self.editor.create(self.new_input(row, refs), session=self.s)
                    outcome = CREATED
                else:
                    base = self.editor.form(entity_id, session=self.s)
                    wanted = self.updated_input(base, row, refs)
                    if wanted == replace(base, **_AS_THEY_ARE):
                        # The row says what the entry holds: no write to check (a re-import of
                        # thousands of rows costs a read each, not a write rolled back).
                        self.outcomes.append(RowOutcome(row.number, UNCHANGED, base.name, base.slug))
                        return
                    change = self.editor.update(entity_id, wanted, session=self.s)
                    outcome = UPDATED if change.changed else UNCHANGED
        except ValidationError as exc:
            for key, message in exc.errors.items():
                self.fail(row, _field_of_error(key), message)
            return
        after = change.after
        assert after is not None
        self.names.add(self.kind, after.id, after.slug, after.name)
        if change.changed:
            self.changes.append(change)
        self.outcomes.append(RowOutcome(row.number, outcome, after.name, after.slug))

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
            elif len(found) > 1:
                self.fail(
                    row,
                    key,
                    T_("Tables", "{count} {kinds} are called “{value}”; write its slug instead.").format(
                        count=str(len(found)), kinds=what, value=value
                    ),
                )
                ok = False
            else:
                out[key] = self.names.slugs[next(iter(found))]
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
        """A free slug for a new entry, found by a range of the slugs' index (the form's check
        finds one with LIKE, which reads every entry's slug: at thousands of rows, that adds up)."""
        from app.services.slugs import MAX_SLUG, slugify, unique_slug
        from app.services.sqltext import starting_with

        if not name.strip():
            return ""
        base = slugify(name, fallback=self.kind)
        rows = self.s.connection().exec_driver_sql(
            "SELECT slug FROM entity WHERE slug >= ? AND slug < ?", starting_with(base[: MAX_SLUG - 8])
        )
        return unique_slug(base, {r[0] for r in rows})

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
            work.run(progress)
            report = TableReport(
                table.path,
                kind,
                tuple(work.outcomes),
                tuple(work.problems),
                dry_run=dry_run,
                changes=tuple(work.changes),
            )
            if dry_run or work.problems or not work.changes:
                session.rollback()
                return report
            backup = None
            if self._holds_anything(session, work):
                from app.services.backups import BEFORE_IMPORT, backup_now

                progress.begin(BACKING_UP)
                backup = backup_now(self._db.path, BEFORE_IMPORT)
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
    def _holds_anything(session: Session, work: _Run) -> bool:
        """Whether the library held anything before this import (its backup is worth taking)."""
        created = [c.entity_id for c in work.changes if c.before is None]
        marks = ",".join("?" * len(created)) or "NULL"
        row = (
            session.connection()
            .exec_driver_sql(
                f"SELECT EXISTS (SELECT 1 FROM entity WHERE id NOT IN ({marks})) OR EXISTS (SELECT 1 FROM note)",
                tuple(created),
            )
            .first()
        )
        return bool(row and row[0])
