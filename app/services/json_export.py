"""The whole database as a Roundtable data file: `roundtable export --json FILE`.

Everything a researcher has goes in — entries (trash included), their names, facts, roles,
memberships, participations and parties with every citation, statements, notes with their
revisions and tags, saved searches — in the documented schema that `roundtable import` reads,
so importing the file into an empty library gives the same library back.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.clock import now_iso
from app.db.database import Database
from app.db.vocabulary import CITATION_OWNERS
from app.io import atomic
from app.io.attachments import AttachmentStore, file_name, sha256_of
from app.io.datafile import KIND_SECTIONS, REF_FIELDS, SCALAR_FIELDS, check, dumps
from app.paths import attachments_dir, make_private_folder
from app.services.importer import MAX_ATTACHMENT_BYTES
from app.services.progress import NO_PROGRESS, Progress
from app.user_files import UnreadableFile, read_bytes


class DumpError(Exception):
    """The database holds something the data file format cannot carry; nothing was written."""


def _put(record: dict[str, Any], key: str, value: Any) -> None:
    """Optional fields are left out when empty, as a person writing the file would. (The
    schema allows no blank names, dates or codes, so for them empty and absent are one.)"""
    if value is not None and value != [] and value != "":
        record[key] = value


class _Dump:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.slugs: dict[int, str] = dict(conn.execute("SELECT id, slug FROM entity").fetchall())
        self.citations: dict[str, dict[int, list[dict[str, Any]]]] = {
            o: defaultdict(list) for o in CITATION_OWNERS
        }
        owned = len(CITATION_OWNERS)
        for row in conn.execute(
            f"SELECT {', '.join(CITATION_OWNERS)}, source_id, field, quote, locator, reliability, note, "
            "quote_prefix, quote_suffix, quote_start, quote_end "
            "FROM citation ORDER BY position, id"  # each owner's in the order the researcher gave
        ):
            owners = row[:owned]
            source_id, field, quote, locator, reliability, note, prefix, suffix, start, end = row[owned:]
            cite: dict[str, Any] = {"source": self.slugs[source_id]}
            if quote is not None:  # free text: an empty quote or note is kept as written
                cite["quote"] = quote
            _put(cite, "locator", locator)
            cite["reliability"] = reliability
            _put(cite, "field", field)
            if note is not None:
                cite["note"] = note
            parts = (("prefix", prefix), ("suffix", suffix), ("start", start), ("end", end))
            anchor = {key: value for key, value in parts if value is not None}  # "" is text too
            if anchor and quote is not None:
                cite["anchor"] = anchor
            owner, owner_id = next(
                (o, i) for o, i in zip(CITATION_OWNERS, owners, strict=True) if i is not None
            )
            self.citations[owner][owner_id].append(cite)

    def cited(self, record: dict[str, Any], owner: str, owner_id: int) -> dict[str, Any]:
        _put(record, "citations", self.citations[owner].get(owner_id, []))
        return record

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def grouped(self, sql: str, key: str) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in self.rows(sql):
            out[row[key]].append(row)
        return out


def dump_database(conn: sqlite3.Connection, progress: Progress = NO_PROGRESS) -> dict[str, Any]:
    """Everything in the database as a data-file mapping (see the module docstring)."""
    d = _Dump(conn)
    tags_of = defaultdict(list)
    for entity_id, name in conn.execute(
        "SELECT et.entity_id, t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id ORDER BY t.name"
    ):
        tags_of[entity_id].append(name)
    aliases = d.grouped("SELECT * FROM alias ORDER BY id", "entity_id")
    facts = d.grouped("SELECT * FROM fact ORDER BY position, id", "entity_id")
    memberships = d.grouped("SELECT * FROM membership ORDER BY id", "member_id")
    roles = d.grouped("SELECT * FROM role ORDER BY id", "person_id")
    participants = d.grouped("SELECT * FROM participation ORDER BY id", "event_id")
    parties = d.grouped("SELECT * FROM initiative_party ORDER BY id", "initiative_id")
    attachments: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for source_id, sha, filename, media_type, size in conn.execute(
        "SELECT source_id, sha256, filename, media_type, size FROM attachment ORDER BY id"
    ):
        attachments[source_id].append(
            {"sha256": sha, "filename": filename, "media_type": media_type, "size": size}
        )
    slug = d.slugs.get

    data: dict[str, Any] = {"format": "roundtable", "version": 1, "exported_at": now_iso()}
    sections = list(KIND_SECTIONS.items())
    for n, (section, kind) in enumerate(sections):
        progress.step(n, len(sections) + 2)
        scalars = SCALAR_FIELDS[kind] + REF_FIELDS[kind]
        extra = ", k.archived_text, k.authors" if kind == "source" else ""
        cols = "".join(f", k.{col}" for _, col in scalars)
        records = []
        for row in d.rows(
            f"SELECT e.id, e.uid, e.slug, e.name, e.summary, e.created_at, e.updated_at, e.deleted_at"
            f"{cols}{extra} FROM entity e JOIN {kind} k ON k.id = e.id ORDER BY e.id"
        ):
            eid = row["id"]
            rec: dict[str, Any] = {"slug": row["slug"], "uid": row["uid"], "name": row["name"]}
            _put(rec, "summary", row["summary"])
            for key, col in SCALAR_FIELDS[kind]:
                _put(rec, key, row[col])
            for key, col in REF_FIELDS[kind]:
                _put(rec, key, slug(row[col]) if row[col] is not None else None)
            if kind == "source":
                _put(rec, "authors", [a for a in (row["authors"] or "").split("\n") if a])
                _put(rec, "archived_text", row["archived_text"])
                _put(rec, "attachments", attachments.get(eid, []))
            _put(
                rec,
                "aliases",
                [
                    d.cited(
                        {
                            "value": a["value"],
                            **({"language": a["language"]} if a["language"] else {}),
                            **({"script": a["script"]} if a["script"] else {}),
                            "kind": a["kind"],
                        },
                        "alias_id",
                        a["id"],
                    )
                    for a in aliases.get(eid, [])
                ],
            )
            _put(rec, "tags", tags_of.get(eid, []))
            _put(
                rec,
                "facts",
                [
                    d.cited(
                        {"text": f["text"], **({"date": f["date"]} if f["date"] else {})}, "fact_id", f["id"]
                    )
                    for f in facts.get(eid, [])
                ],
            )
            d.cited(rec, "entity_id", eid)
            ms_records = []
            for ms in memberships.get(eid, []):
                ms_rec: dict[str, Any] = {"organization": slug(ms["organization_id"]), "status": ms["status"]}
                _put(ms_rec, "start", ms["start_date"])
                _put(ms_rec, "end", ms["end_date"])
                ms_records.append(d.cited(ms_rec, "membership_id", ms["id"]))
            _put(rec, "memberships", ms_records)
            role_records = []
            for r in roles.get(eid, []):
                role_rec: dict[str, Any] = {"title": r["title"]}
                _put(role_rec, "organization", slug(r["organization_id"]) if r["organization_id"] else None)
                _put(role_rec, "country", slug(r["country_id"]) if r["country_id"] else None)
                _put(role_rec, "as_of", r["as_of"])
                _put(role_rec, "start", r["start_date"])
                _put(role_rec, "end", r["end_date"])
                role_records.append(d.cited(role_rec, "role_id", r["id"]))
            _put(rec, "roles", role_records)
            _put(
                rec,
                "participants",
                [
                    d.cited({"entry": slug(p["entity_id"]), "role": p["role"]}, "participation_id", p["id"])
                    for p in participants.get(eid, [])
                ],
            )
            _put(
                rec,
                "parties",
                [
                    d.cited({"entry": slug(p["entity_id"]), "role": p["role"]}, "party_id", p["id"])
                    for p in parties.get(eid, [])
                ],
            )
            rec["created_at"] = row["created_at"]
            rec["updated_at"] = row["updated_at"]
            _put(rec, "deleted_at", row["deleted_at"])
            records.append(rec)
        _put(data, section, records)

    progress.step(len(sections), len(sections) + 2)
    statements = []
    for st in d.rows("SELECT * FROM statement ORDER BY id"):
        st_rec: dict[str, Any] = {}
        _put(st_rec, "speaker", slug(st["speaker_id"]) if st["speaker_id"] else None)
        _put(st_rec, "speaker_label", st["speaker_label"])
        _put(st_rec, "event", slug(st["event_id"]) if st["event_id"] else None)
        _put(st_rec, "date", st["date"])
        st_rec["text"] = st["text"]
        st_rec["kind"] = st["kind"]
        _put(st_rec, "language", st["language"])
        statements.append(d.cited(st_rec, "statement_id", st["id"]))
    _put(data, "statements", statements)

    progress.step(len(sections) + 1, len(sections) + 2)
    note_tags: dict[int, list[str]] = defaultdict(list)
    for note_id, name in conn.execute(
        "SELECT nt.note_id, t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id ORDER BY t.name"
    ):
        note_tags[note_id].append(name)
    revisions = d.grouped("SELECT * FROM note_revision ORDER BY id", "note_id")
    notes = []
    for nr in d.rows("SELECT * FROM note ORDER BY id"):
        nid = nr["id"]
        note: dict[str, Any] = {"uid": nr["uid"]}
        _put(note, "entry", slug(nr["entity_id"]) if nr["entity_id"] else None)
        note["title"] = nr["title"]
        note["body"] = nr["body"]
        _put(note, "tags", note_tags.get(nid, []))
        note["created_at"] = nr["created_at"]
        note["updated_at"] = nr["updated_at"]
        _put(note, "deleted_at", nr["deleted_at"])
        _put(
            note,
            "revisions",
            [
                {"title": r["title"], "body": r["body"], "created_at": r["created_at"]}
                for r in revisions.get(nid, [])
            ],
        )
        notes.append(note)
    _put(data, "notes", notes)
    _put(
        data,
        "saved_searches",
        [
            {"name": name, "query": query, "created_at": created}
            for name, query, created in conn.execute(
                "SELECT name, query, created_at FROM saved_search ORDER BY id"
            )
        ],
    )
    used = set().union(*tags_of.values(), *note_tags.values())
    _put(data, "tags", [t for (t,) in conn.execute("SELECT name FROM tag ORDER BY name") if t not in used])
    progress.step(len(sections) + 2, len(sections) + 2)
    return data


class Exported(dict[str, int]):
    """How many records of each section the file holds, and what became of the attached files."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__(counts)
        self.files = 0  # attached files the sources list
        self.copied = 0  # of them, copied beside the data file (or there already)
        self.left_out: list[str] = []  # missing or changed in the library: not copied


def export_json(
    db: Database, target: Path, progress: Progress = NO_PROGRESS, attachments: Path | None = None
) -> Exported:
    """Write the whole database to `target` (atomically); returns counts per section. With
    `attachments`, the files the sources list are copied into that folder first, named by
    their checksum, where `roundtable import` takes them back from.

    Raises DumpError, before writing, if the result would not import again (checked against
    the schema and its meaning), and OSError when a file cannot be written."""
    conn = db.connect()
    try:
        conn.execute("BEGIN")  # one consistent snapshot
        data = dump_database(conn, progress)
    finally:
        conn.close()
    problems = check(data, target)
    if problems:
        listed = "; ".join(p.describe(target.name) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise DumpError(f"the database holds data the file format cannot carry: {listed}{more}")
    exported = Exported({key: len(value) for key, value in data.items() if isinstance(value, list)})
    listed_files = {
        (a["sha256"], a["media_type"]): None
        for src in data.get("sources", ())
        for a in src.get("attachments", ())
    }
    exported.files = len(listed_files)
    if attachments is not None and listed_files:
        _copy_files(list(listed_files), AttachmentStore(attachments_dir(db.path)), attachments, exported)
    # (the files first: when the data file appears, what it lists is there)
    atomic.write_bytes(target, dumps(data))
    return exported


def _copy_files(
    files: list[tuple[str, str]], library: AttachmentStore, folder: Path, exported: Exported
) -> None:
    """Copy each file the library holds with the bytes its checksum promises; one missing or
    changed there is left out (the import takes the rest, and `roundtable check` names it)."""
    for sha, media_type in files:
        target = folder / file_name(sha, media_type)
        if _holds(target, sha):  # an earlier export's copy
            exported.copied += 1
            continue
        path = library.path(sha, media_type)
        if not _holds(path, sha):
            exported.left_out.append(path.name)
            continue
        make_private_folder(folder)
        atomic.write_bytes(target, read_bytes(path, limit=MAX_ATTACHMENT_BYTES))
        exported.copied += 1


def _holds(path: Path, sha: str) -> bool:
    """Whether `path` is a file with the bytes checksum `sha` promises (read as a user's file:
    a FIFO or a device in its place is refused, not waited on)."""
    try:
        return sha256_of(read_bytes(path, limit=MAX_ATTACHMENT_BYTES)) == sha
    except (OSError, UnreadableFile):
        return False
