"""Notes: writing them (autosave), their history, their tags, and the trash.

Every write is one short `BEGIN IMMEDIATE` transaction on plain sqlite3 (app/services/writing.py
says why): the note row, its backlinks and, when due, a revision change together or not at all.
Failures the user can act on raise `WriteFailed` subclasses and change nothing; the editor keeps
its text and tries again.

History. A revision is an earlier state of the note, stored with the time it was saved. Saves
that follow each other closely are one editing session and overwrite the note in place; the
state a session ended with becomes a revision when the next session starts. So the history
holds the end of every session (a pause of PAUSE or more between saves), a checkpoint at every
CHECKPOINT boundary of the clock while someone types on, the text before any edit that removes
at least half of it, and the text before every restore. Restoring is a save like any other: it
adds to the history and never removes from it, so a restore can itself be undone by restoring
the revision it made.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from app import dates
from app.clock import now_iso
from app.db.database import Database
from app.records.entries import Ref
from app.records.notes import Changed, LinkCandidate, NoteDoc, Revision, RevisionSummary, SaveResult
from app.records.wikilinks import targets
from app.services.tags import drop_unused_tags, normalize_tag, tag_ids
from app.services.wikilinks import completions, relink, resolve_all
from app.services.writing import Writer

PAUSE = timedelta(minutes=3)
CHECKPOINT = timedelta(minutes=10)
_EPOCH = datetime.fromisoformat("2000-01-01T00:00:00+00:00")
MAX_TITLE = 200


class NoteNotFound(LookupError):
    pass


class NotInTrash(ValueError):
    pass


def note_title(title: str | None, body: str) -> str:
    """A note's title: as given, else its first non-blank line without Markdown heading marks."""
    if title and title.strip():
        return title.strip()
    for line in body.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:MAX_TITLE]
    return ""


def starts_revision(last_saved: str, now: str, old_body: str, new_body: str) -> bool:
    """Whether the state saved at `last_saved` should be kept as a revision before `now`'s save.

    A stored time that names no moment ('not-a-time', imported before data files were checked)
    starts one: keeping the old text can lose nothing, and the note is saved either way."""
    then, at = dates.instant(last_saved), dates.instant(now)
    if then is None or at is None:
        return True
    if at - then >= PAUSE:
        return True
    if (then - _EPOCH) // CHECKPOINT != (at - _EPOCH) // CHECKPOINT:
        return True
    removed = len(old_body) - len(new_body)
    return removed >= 20 and len(new_body) * 2 <= len(old_body)


class Notes:
    """Note reads (this thread's connection) and writes (the Writer's). One per thread."""

    def __init__(
        self, db: Database, writer: Writer | None = None, *, now: Callable[[], str] = now_iso
    ) -> None:
        self._db = db
        self.writer = writer or Writer(db)
        self._now = now

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.read()

    # --- reading ------------------------------------------------------------------------------

    def get(self, note_id: int) -> NoteDoc:
        row = self._conn.execute(
            "SELECT n.id, n.uid, n.title, n.body, n.created_at, n.updated_at, n.deleted_at, "
            "e.id, e.kind, e.slug, e.name FROM note n LEFT JOIN entity e ON e.id = n.entity_id "
            "WHERE n.id = ?",
            (note_id,),
        ).fetchone()
        if row is None:
            raise NoteNotFound(f"There is no note with id {note_id}.")
        entry = Ref(*row[7:11]) if row[7] is not None else None
        return NoteDoc(
            id=row[0],
            uid=row[1],
            title=row[2],
            body=row[3],
            entry=entry,
            created_at=row[4],
            updated_at=row[5],
            deleted_at=row[6],
            tags=self.tags_of(note_id),
        )

    def tags_of(self, note_id: int) -> tuple[str, ...]:
        rows = self._conn.execute(
            "SELECT t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ? "
            "ORDER BY t.name COLLATE NOCASE",
            (note_id,),
        )
        return tuple(r[0] for r in rows)

    def revisions(self, note_id: int) -> tuple[RevisionSummary, ...]:
        """The note's earlier states, newest first (the note itself is the current state)."""
        rows = self._conn.execute(
            "SELECT id, note_id, created_at, title, length(body), substr(body, 1, 300) "
            "FROM note_revision WHERE note_id = ? ORDER BY created_at DESC, id DESC",
            (note_id,),
        )
        return tuple(RevisionSummary(*r) for r in rows)

    def revision(self, revision_id: int) -> Revision:
        row = self._conn.execute(
            "SELECT id, note_id, created_at, title, body FROM note_revision WHERE id = ?", (revision_id,)
        ).fetchone()
        if row is None:
            raise LookupError(f"There is no revision with id {revision_id}.")
        return Revision(*row)

    def links_in(self, body: str) -> dict[str, Ref | None]:
        """The entry each [[link]] in `body` names (None: no entry by that name)."""
        return resolve_all(self._conn, targets(body))

    def link_choices(self, typed: str) -> tuple[LinkCandidate, ...]:
        """What a [[link]] being typed may name."""
        return completions(self._conn, typed)

    # --- writing ------------------------------------------------------------------------------

    def create(
        self,
        *,
        entry_id: int | None = None,
        body: str = "",
        title: str | None = None,
        tags: Iterable[str] = (),
    ) -> NoteDoc:
        """A new note on an entry, or standalone (`entry_id` None)."""
        names = [normalize_tag(t) for t in tags]
        now = self._now()
        with self.writer.transaction() as conn:
            if (
                entry_id is not None
                and conn.execute("SELECT 1 FROM entity WHERE id = ?", (entry_id,)).fetchone() is None
            ):
                raise LookupError(f"There is no entry with id {entry_id}.")
            cur = conn.execute(
                "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), entry_id, note_title(title, body), body, now, now),
            )
            note_id = int(cur.lastrowid or 0)
            relink(conn, note_id, body)
            self._set_tags(conn, note_id, names)
        return self.get(note_id)

    def save(self, note_id: int, body: str, title: str | None = None) -> SaveResult:
        """Store the note's text (title None: its first line). Writes nothing when unchanged."""
        with self.writer.transaction() as conn:
            return self._write(conn, note_id, title, body, checkpoint=False)

    def restore_revision(self, note_id: int, revision_id: int) -> SaveResult:
        """Make a revision the current text; the text it replaces is kept as a revision first."""
        with self.writer.transaction() as conn:
            row = conn.execute(
                "SELECT title, body FROM note_revision WHERE id = ? AND note_id = ?", (revision_id, note_id)
            ).fetchone()
            if row is None:
                raise LookupError(f"Note {note_id} has no revision {revision_id}.")
            return self._write(conn, note_id, row[0], row[1], checkpoint=True)

    def set_tags(self, note_id: int, names: Iterable[str]) -> tuple[str, ...]:
        """Give the note exactly these tags (normalized; BadTag for one that cannot be a tag)."""
        wanted = [normalize_tag(n) for n in names]
        with self.writer.transaction() as conn:
            self._require(conn, note_id)
            self._set_tags(conn, note_id, wanted)
        return self.tags_of(note_id)

    def relink(self, note_id: int) -> Changed:
        """Bring the note's backlinks up to date with its text (after an entry it names was
        created or renamed; a save does this by itself)."""
        with self.writer.transaction() as conn:
            row = conn.execute("SELECT body FROM note WHERE id = ?", (note_id,)).fetchone()
            if row is None:
                raise NoteNotFound(f"There is no note with id {note_id}.")
            before, after = relink(conn, note_id, row[0])
            touched = _slugs(conn, before ^ after)
        return Changed(frozenset({note_id}), touched)

    def move_to_trash(self, note_id: int) -> Changed:
        return self._set_deleted(note_id, self._now())

    def restore_from_trash(self, note_id: int) -> Changed:
        return self._set_deleted(note_id, None)

    def purge(self, note_id: int) -> Changed:
        """Delete a note in the trash for good, with its history."""
        with self.writer.transaction() as conn:
            deleted = self._require(conn, note_id)[1]
            if deleted is None:
                raise NotInTrash("Only a note in the Trash can be deleted for good.")
            touched = self._touched(conn, note_id)
            conn.execute("DELETE FROM note WHERE id = ?", (note_id,))
            drop_unused_tags(conn)
        return Changed(frozenset({note_id}), touched)

    # --- inside a transaction ------------------------------------------------------------------

    def _write(
        self, conn: sqlite3.Connection, note_id: int, title: str | None, body: str, *, checkpoint: bool
    ) -> SaveResult:
        row = conn.execute(
            "SELECT title, body, updated_at, entity_id FROM note WHERE id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise NoteNotFound(f"There is no note with id {note_id}; it may have been deleted for good.")
        old_title, old_body, old_saved, entity_id = row
        new_title = note_title(title, body)
        if new_title == old_title and body == old_body:
            return SaveResult(note_id, False, old_title, old_saved)
        now = self._now()
        kept = False
        if checkpoint or starts_revision(old_saved, now, old_body, body):
            # Saved at `old_saved` as Roundtable writes times, so that revisions sort; one that
            # names no moment was saved before now, at the latest.
            kept = _keep_revision(conn, note_id, old_title, old_body, dates.stored(old_saved) or now)
        conn.execute(
            "UPDATE note SET title = ?, body = ?, updated_at = ? WHERE id = ?",
            (new_title, body, now, note_id),
        )
        before, after = relink(conn, note_id, body)
        touched = before ^ after
        if new_title != old_title:
            touched |= after | ({entity_id} if entity_id is not None else set())
        return SaveResult(note_id, True, new_title, now, kept, _slugs(conn, touched))

    def _require(self, conn: sqlite3.Connection, note_id: int) -> tuple[int | None, str | None]:
        row = conn.execute("SELECT entity_id, deleted_at FROM note WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NoteNotFound(f"There is no note with id {note_id}.")
        return row[0], row[1]

    def _set_tags(self, conn: sqlite3.Connection, note_id: int, names: list[str]) -> None:
        ids = tag_ids(conn, names)
        conn.execute("DELETE FROM note_tag WHERE note_id = ?", (note_id,))
        conn.executemany("INSERT INTO note_tag (note_id, tag_id) VALUES (?, ?)", [(note_id, t) for t in ids])
        drop_unused_tags(conn)

    def _set_deleted(self, note_id: int, when: str | None) -> Changed:
        with self.writer.transaction() as conn:
            self._require(conn, note_id)
            conn.execute("UPDATE note SET deleted_at = ? WHERE id = ?", (when, note_id))
            touched = self._touched(conn, note_id)
        return Changed(frozenset({note_id}), touched)

    def _touched(self, conn: sqlite3.Connection, note_id: int) -> frozenset[str]:
        """Entries that show this note: the one it is on and the ones it links to."""
        ids = {
            r[0]
            for r in conn.execute(
                "SELECT entity_id FROM note WHERE id = ? AND entity_id IS NOT NULL "
                "UNION SELECT entity_id FROM note_link WHERE note_id = ?",
                (note_id, note_id),
            )
        }
        return _slugs(conn, ids)


def _keep_revision(conn: sqlite3.Connection, note_id: int, title: str, body: str, saved_at: str) -> bool:
    """Store the note's previous state as a revision, unless it is blank or already the latest."""
    if not body.strip() and not title.strip():
        return False
    last = conn.execute(
        "SELECT title, body FROM note_revision WHERE note_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (note_id,),
    ).fetchone()
    if last is not None and (last[0], last[1]) == (title, body):
        return False
    conn.execute(
        "INSERT INTO note_revision (note_id, title, body, created_at) VALUES (?, ?, ?, ?)",
        (note_id, title, body, saved_at),
    )
    return True


def _slugs(conn: sqlite3.Connection, ids: set[int]) -> frozenset[str]:
    if not ids:
        return frozenset()
    marks = ", ".join("?" * len(ids))
    return frozenset(
        r[0] for r in conn.execute(f"SELECT slug FROM entity WHERE id IN ({marks})", sorted(ids))
    )
