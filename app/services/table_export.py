"""Lists out: what a list shows (its columns, filter and order) as CSV or typed JSON records.

The rows come from the list's own query (EntryLists.records, app/services/entries.py), so an
export holds exactly the entries the list shows, in its order. Values keep their types: a count
is a number, a missing value None (null in JSON, an empty cell in CSV). Each row also carries
the entry's slug and uid, so a CSV written here imports back through the table import
(app/services/table_import.py) onto the same entries, changing nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import N_, T_, Explained
from app.io.tables import write_csv
from app.records.notes import NoteQuery
from app.services.entries import EntryLists, columns
from app.services.note_lists import NoteLists

SLUG = "slug"
UID = "uid"
KIND = "kind"
_EXTRA = ((SLUG, N_("Fields", "Slug")), (UID, N_("Fields", "uid")), (KIND, N_("Fields", "Entry kind")))


class BadField(Explained, ValueError):
    """A field or sort the list does not have."""


def fields(kind: str) -> tuple[tuple[str, str], ...]:
    """Every field a `kind` list can export, as (key, header): its columns, then slug, uid and
    the entry's kind (the trash has a kind column of its own)."""
    own = tuple((c.key, c.header) for c in columns(kind))
    keys = {k for k, _ in own}
    return own + tuple(x for x in _EXTRA if x[0] not in keys)


def default_fields(kind: str) -> tuple[str, ...]:
    """What a CSV export holds unless told: the list's columns, its slug and uid."""
    return (*(c.key for c in columns(kind)), SLUG, UID)


@dataclass(frozen=True)
class ListExport:
    kind: str
    fields: tuple[str, ...]
    headers: tuple[str, ...]  # untranslated (N_)
    rows: tuple[tuple[Any, ...], ...]  # typed; None where there is no value

    def records(self) -> list[dict[str, Any]]:
        """Each row as a mapping that always names its uid and kind."""
        return [dict(zip(self.fields, row, strict=True)) for row in self.rows]

    def write_csv(self, path: Path, title: Callable[[str], str] = str) -> None:
        """`title`: the header of a column as the file should say it (the window's language)."""
        write_csv(path, [title(h) for h in self.headers], self.rows)


def parse_sort(kind: str, sort: str) -> tuple[str, bool]:
    """'name' or '-name' (descending) as (column, descending); BadField for a column the list
    cannot sort by (slug and uid are not among them)."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    known = [c.key for c in columns(kind)]
    if key not in known:
        raise BadField(
            T_("Tables", "The list cannot be sorted by “{field}”; sort by one of: {known}.").format(
                field=key, known=", ".join(known)
            )
        )
    return key, descending


def export_list(
    lists: EntryLists,
    kind: str,
    *,
    text: str = "",
    sort: str = "name",
    descending: bool = False,
    trash: bool = False,
    limit: int | None = None,
    wanted: Sequence[str] | None = None,
    always: Sequence[str] = (),
) -> ListExport:
    """The list of `kind` filtered by `text` in its order, with the fields `wanted` (by default
    default_fields) and, after them, `always` (those of them not wanted already)."""
    available = dict(fields(kind))
    chosen = list(wanted if wanted is not None else default_fields(kind))
    unknown = [f for f in chosen if f not in available]
    if unknown:
        raise BadField(
            T_("Tables", "The list has no field “{field}”; choose among: {known}.").format(
                field=unknown[0], known=", ".join(available)
            )
        )
    chosen += [f for f in always if f not in chosen]
    shown = [c.key for c in columns(kind)]
    # EntryLists.records: the shown columns, then uid, kind and slug.
    place = {key: i for i, key in enumerate([*shown, UID, KIND, SLUG])}
    if KIND in shown:  # the trash's own column (the kind in words)
        place[KIND] = shown.index(KIND)
    at = [place[f] for f in chosen]
    rows = tuple(
        tuple(_typed(row[i]) for i in at)
        for row in lists.records(kind, text=text, sort=sort, descending=descending, trash=trash, limit=limit)
    )
    return ListExport(kind, tuple(chosen), tuple(available[f] for f in chosen), rows)


# What a notes list shows, as a table: its columns and the entry's slug (to find it again).
NOTE_FIELDS = (
    ("title", N_("Fields", "Title")),
    ("entry", N_("Fields", "Entry")),
    ("entry_slug", N_("Fields", "Slug")),
    ("tags", N_("Fields", "Tags")),
    ("updated", N_("Fields", "Updated")),
    ("created", N_("Fields", "Created")),
)
DELETED = ("deleted", N_("Fields", "Deleted"))


def export_notes(lists: NoteLists, query: NoteQuery) -> ListExport:
    """The notes `query` selects, in its order, as the Notes view (or the Trash's notes) lists
    them: title, entry, its slug, tags, when updated and created (and deleted, in the Trash)."""
    chosen = (*NOTE_FIELDS, DELETED) if query.trash else NOTE_FIELDS
    found = lists.page(query, limit=max(1, lists.count(query)))
    rows = tuple(
        tuple(
            _typed(value)
            for value in (
                note.title,
                note.entry.name if note.entry else "",
                note.entry.slug if note.entry else "",
                ", ".join(note.tags),
                note.updated_at,
                note.created_at,
                *((note.deleted_at or "",) if query.trash else ()),
            )
        )
        for note in found
    )
    return ListExport("note", tuple(k for k, _ in chosen), tuple(h for _, h in chosen), rows)


def _typed(value: Any) -> Any:
    # The lists keep an empty text for a missing value (their indexes hold no NULL).
    return None if value == "" else value
