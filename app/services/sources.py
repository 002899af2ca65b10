"""Sources as a researcher records them: a real title and publisher, and the text the source
holds (pasted, or taken from a saved file kept beside the library).

The rule for titles and publishers is checked by the editing service on every create and edit
(`check_source`); the text goes in through `SourceTexts`, one undoable edit of the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.clock import now_iso
from app.db.database import Database
from app.i18n import T_, Text
from app.io.attachments import AttachmentStore, FileState
from app.io.source_text import SourceFile, tidy
from app.services.entry_forms import Change, EditingError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.editing import Editor  # which imports this module's check_source

# SQLAlchemy (about 0.5 s to import) is loaded by the functions that write: a source's page asks
# for its files (`files`) as it is shown, and the window's start must not wait for it.

# What people write when they do not know a title or a publisher. A source carrying one of
# these cannot be told from the next one, nor found by its title in a bibliography.
PLACEHOLDERS = frozenset(
    {
        "unknown",
        "unknown title",
        "unknown publisher",
        "untitled",
        "no title",
        "none",
        "n/a",
        "na",
        "tbd",
        "tba",
        "todo",
        "not recorded",
        "title not recorded",
        "publisher not recorded",
        "not known",
        "anonymous",
        "various",
        "title",
        "publisher",
        "source",
        "xxx",
    }
)
_NOT_RECORDED = re.compile(r"\bnot\s+recorded\b|\bunknown\s+(title|publisher)\b", re.IGNORECASE)
_LETTER_OR_DIGIT = re.compile(r"\w")


def is_placeholder(value: str) -> bool:
    """Is `value` a stand-in for a title or publisher rather than one: blank, only punctuation
    ("-", "?", "…"), a word such as "unknown" or "n/a", or a note that it was "not recorded"."""
    bare = " ".join(value.split()).strip(" .,;:()[]{}<>\"'“”‘’").casefold()
    if not _LETTER_OR_DIGIT.search(bare):
        return True
    return bare in PLACEHOLDERS or bool(_NOT_RECORDED.search(bare))


def title_problem(value: str) -> Text | None:
    if not value.strip():
        return T_("Sources", "A title is required: the source's own title, as it is published.")
    if is_placeholder(value):
        return T_(
            "Sources",
            "“{value}” is not a title: write the source's own title, as it is published (an "
            "article's headline, a report's name).",
        ).format(value=value.strip())
    return None


def publisher_problem(value: str) -> Text | None:
    if not value.strip():
        return T_(
            "Sources",
            "A publisher is required: who published the source (a newspaper, a ministry, a website).",
        )
    if is_placeholder(value):
        return T_(
            "Sources",
            "“{value}” is not a publisher: write who published the source (a newspaper, a ministry, "
            "a website).",
        ).format(value=value.strip())
    return None


def authors_column(value: str | None) -> str | None:
    """Authors as stored: one name a line, each trimmed, blank lines dropped."""
    names = [line.strip() for line in (value or "").splitlines()]
    return "\n".join(n for n in names if n) or None


def check_source(
    session: Session, entity_id: int | None, name: str, columns: MutableMapping[str, Any]
) -> dict[str, Text]:
    """The problems with a source's title (`name`) and publisher, by field key; tidies the
    authors in `columns`. A title or publisher is checked when it is new or changed: sources
    recorded before the rule (whose titles say "(title not recorded)") can still be given
    their text, and the rule meets them when someone edits those fields."""
    from sqlalchemy import text

    columns["authors"] = authors_column(columns.get("authors"))
    stored: tuple[str, str] | None = None
    if entity_id is not None:
        row = session.execute(
            text(
                "SELECT e.name, coalesce(s.publisher, '') FROM entity e JOIN source s ON s.id = e.id "
                "WHERE e.id = :id"
            ),
            {"id": entity_id},
        ).first()
        stored = (str(row[0]), str(row[1])) if row is not None else None
    problems: dict[str, Text] = {}
    publisher = str(columns.get("publisher") or "")
    if stored is None or name != stored[0]:
        problem = title_problem(name)
        if problem is not None:
            problems["name"] = problem
    if stored is None or publisher != stored[1]:
        problem = publisher_problem(publisher)
        if problem is not None:
            problems["publisher"] = problem
    problems.update(_identifier_problems(session, entity_id, columns))
    return problems


# What the form takes as a DOI, once https://doi.org/ or doi: is taken off: the 10. prefix, a
# registrant's number, a slash and the item's own part.
_DOI = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")


def _identifier_problems(
    session: Session, entity_id: int | None, columns: MutableMapping[str, Any]
) -> dict[str, Text]:
    """The problems with a source's DOI and citation key; stores the DOI in `columns` as the
    library keeps it (lower case, bare). A key is one BibTeX and Pandoc both read, and cites one
    source: case aside, since BibTeX takes 'Smith2024' and 'smith2024' for one key."""
    from sqlalchemy import text

    from app.io.bibliography import clean_doi, clean_key

    problems: dict[str, Text] = {}
    raw_doi = str(columns.get("doi") or "")
    if raw_doi:
        doi = clean_doi(raw_doi)
        if doi is None or not _DOI.match(doi):
            problems["doi"] = T_(
                "Sources",
                "“{value}” is not a DOI: write one such as 10.1000/xyz123 (or its https://doi.org/ link).",
            ).format(value=raw_doi)
        columns["doi"] = doi
    key = columns.get("citation_key")
    if not key:
        return problems
    if clean_key(key) != key:
        problems["citation_key"] = T_(
            "Sources",
            "“{value}” cannot be a citation key: use letters, digits and _ (no spaces), with : . + ? < > / - "
            "only between them, e.g. smith2024digital.",
        ).format(value=key)
        return problems
    holder = session.execute(
        text(
            "SELECT e.name FROM source s JOIN entity e ON e.id = s.id "
            "WHERE lower(s.citation_key) = lower(:key) AND s.id != :id"
        ),
        {"key": key, "id": entity_id or -1},
    ).first()
    if holder is not None:
        problems["citation_key"] = T_("Sources", "“{key}” is already the citation key of {holder}.").format(
            key=key, holder=holder[0]
        )
    return problems


# --- a source's text and the files it came from ---------------------------------------------------


@dataclass(frozen=True)
class AttachedFile:
    """A file kept for a source (app/io/attachments.py names it by its checksum)."""

    id: int
    source_id: int
    sha256: str
    filename: str  # the name it had when it was added
    media_type: str
    size: int
    added_at: str
    path: Path  # where it is kept


class SourceTexts:
    """Giving sources their text: pasted, or from a file read by app/io/source_text.py (off
    the window's thread) and kept in the library's attachments folder."""

    def __init__(self, db: Database, editor: Callable[[], Editor], folder: Path) -> None:
        """`editor`: the library's editing service, asked for on the first write."""
        self._db = db
        self._editor = editor
        self.store = AttachmentStore(folder)

    def give_text(self, source_id: int, text_: str, file: SourceFile | None = None) -> Change:
        """Make `text_` the source's text: one edit of the source (the search index follows;
        Undo puts the text it had back). The file it came from, if any, is kept first (named by
        its checksum, so keeping it twice costs nothing) and listed under the source after.
        Raises EditingError (no text, not a source, gone) or OSError (the file could not be
        kept); nothing is changed then."""
        body = tidy(text_)
        if not body:
            raise EditingError(T_("Sources", "There is no text to give the source."))
        editor = self._editor()
        form = editor.form(source_id)
        if form.kind != "source":
            raise EditingError(T_("Sources", "Only a source holds a text."))
        kept = self.store.add(file.data, file.media_type) if file is not None else None
        values = {**form.values, "archived_text": body}
        change = editor.update(
            source_id,
            replace(
                form,
                values=values,
                facts=None,
                memberships=None,
                participants=None,
                parties=None,
                statements=None,
            ),
        )
        if file is not None and kept is not None:
            self._list(source_id, file, kept.sha256, kept.size)
        return change

    def _list(self, source_id: int, file: SourceFile, sha256: str, size: int) -> None:
        from sqlalchemy import select

        from app.db import models as m

        with self._db.sessions.begin() as session:
            there = session.execute(
                select(m.Attachment).where(m.Attachment.source_id == source_id, m.Attachment.sha256 == sha256)
            ).scalar_one_or_none()
            if there is None:
                session.add(
                    m.Attachment(
                        source_id=source_id,
                        sha256=sha256,
                        filename=file.name,
                        media_type=file.media_type,
                        size=size,
                        added_at=now_iso(),
                    )
                )
            else:  # the same bytes again: the row says when, and under which name, it came last
                there.filename, there.added_at = file.name, now_iso()

    def files(self, source_id: int) -> list[AttachedFile]:
        """The files kept for a source, the latest first."""
        rows = self._db.read().execute(
            "SELECT id, source_id, sha256, filename, media_type, size, added_at FROM attachment "
            "WHERE source_id = ? ORDER BY added_at DESC, id DESC",
            (source_id,),
        )
        return [
            AttachedFile(
                int(r[0]), int(r[1]), r[2], r[3], r[4], int(r[5]), r[6], path=self.store.path(r[2], r[4])
            )
            for r in rows
        ]

    def state(self, file: AttachedFile) -> FileState:
        return self.store.state(file.sha256, file.media_type)
