"""Importing a data file into the database: all or nothing, in one transaction.

The bundled dataset is loaded through this same path. Entries match existing ones by uid,
then by slug: a matching entry with the same content is left alone; one that differs is kept
as the researcher has it and reported as a conflict. So importing a file twice changes nothing.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import now_iso
from app.db import models as m
from app.db.database import Database
from app.io.datafile import (
    REF_FIELDS,
    SCALAR_FIELDS,
    SECTION_OF_KIND,
    DataFile,
    InvalidDataFile,
    check_meaning,
)
from app.services.notes import note_title
from app.services.wikilinks import relink

_NAMESPACE = uuid.UUID("6f1c8a52-37d4-4c55-9a43-5e8f0d7b2a61")

_MODEL = m.MODEL_OF_KIND


@dataclass
class ImportReport:
    filename: str
    created: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    already_imported: bool = False

    def summary(self) -> str:
        made = ", ".join(f"{k} {n}" for k, n in sorted(self.created.items())) or "nothing new"
        same = sum(self.unchanged.values())
        text = f"Imported from {self.filename}: {made}"
        if same:
            text += f"; {same} already present"
        if self.conflicts:
            text += f"; {len(self.conflicts)} kept as you have them (they differ from the file)"
        return text + "."


class _Known:
    """What the database holds, for the file's references (see app.io.datafile.Known)."""

    def __init__(self, session: Session) -> None:
        self._kinds = dict(session.execute(select(m.Entity.slug, m.Entity.kind)).all())
        self._session = session

    def kind_of(self, slug: str) -> str | None:
        return self._kinds.get(slug)

    def archived_text(self, source_slug: str) -> str | None:
        return self._session.execute(
            select(m.Source.archived_text).where(m.Source.slug == source_slug)
        ).scalar_one_or_none()


def entry_uid(dataset_id: str | None, slug: str) -> str:
    if dataset_id:
        return str(uuid.uuid5(_NAMESPACE, f"{dataset_id}/{slug}"))
    return str(uuid.uuid4())


def note_uid(rec: dict[str, Any]) -> str:
    """Notes without a uid get one from their content, so a re-import matches them."""
    return str(
        uuid.uuid5(
            _NAMESPACE,
            "note/" + (rec.get("entry") or "") + "/" + (rec.get("title") or "") + "/" + rec["body"],
        )
    )


def import_file(db: Database, df: DataFile) -> ImportReport:
    """Write `df` into `db` in one transaction, or raise InvalidDataFile and write nothing.

    A library that holds anything is backed up first, once the file has passed validation
    (the backup reads the last committed state beside this write transaction, as WAL allows).
    """
    with db.sessions.begin() as session:
        problems = check_meaning(df, _Known(session))
        if problems:
            raise InvalidDataFile(df.path, problems)
        if _worth_a_backup(session, df):
            from app.services.backups import BEFORE_IMPORT, backup_now

            backup_now(db.path, BEFORE_IMPORT)
        return _Importer(session, df).run()


def _worth_a_backup(session: Session, df: DataFile) -> bool:
    """Not for a new, empty library (the first seed), nor for a file imported before (it
    changes nothing)."""
    holds = session.scalar(select(m.Entity.id).limit(1)) is not None or (
        session.scalar(select(m.Note.id).limit(1)) is not None
    )
    seen = session.scalar(select(m.DatasetImport.id).where(m.DatasetImport.sha256 == df.sha256))
    return holds and seen is None


class _Importer:
    def __init__(self, session: Session, df: DataFile) -> None:
        self.s = session
        self.df = df
        self.now = now_iso()
        self.report = ImportReport(df.path.name)
        self.ids: dict[str, int] = dict(session.execute(select(m.Entity.slug, m.Entity.id)).all())
        self._by_uid = dict(session.execute(select(m.Entity.uid, m.Entity.slug)).all())
        self.new_slugs: set[str] = set()
        self._tags: dict[str, m.Tag] = {t.name: t for t in session.scalars(select(m.Tag))}

    def run(self) -> ImportReport:
        df = self.df
        self.report.already_imported = (
            self.s.scalar(select(m.DatasetImport.id).where(m.DatasetImport.sha256 == df.sha256)) is not None
        )
        records = list(df.entries())
        for kind, _, rec in records:
            self._entry(kind, rec)
        self.s.flush()
        for kind, _, rec in records:
            if rec["slug"] in self.new_slugs:
                self._relations(kind, rec)
        self._statements(df.data.get("statements") or [])
        self._notes(df.data.get("notes") or [])
        self._saved_searches(df.data.get("saved_searches") or [])
        for tag in df.data.get("tags") or []:
            self._tag(tag)
        if not self.report.already_imported:
            self.s.add(
                m.DatasetImport(
                    dataset_id=df.dataset_id,
                    dataset_version=df.dataset_version,
                    sha256=df.sha256,
                    filename=df.path.name,
                    imported_at=self.now,
                    summary=self.report.summary(),
                )
            )
        self.s.flush()
        return self.report

    # --- entries ---------------------------------------------------------------------------

    def _entry(self, kind: str, rec: dict[str, Any]) -> None:
        slug = rec["slug"]
        existing_slug = self._by_uid.get(rec["uid"]) if rec.get("uid") else None
        existing_slug = existing_slug or (slug if slug in self.ids else None)
        if existing_slug is not None:
            self._compare(kind, rec, existing_slug)
            if existing_slug != slug:
                self.ids[slug] = self.ids[existing_slug]
            return
        model = _MODEL[kind]
        values: dict[str, Any] = {
            "uid": rec.get("uid") or entry_uid(self.df.dataset_id, slug),
            "slug": slug,
            "name": rec["name"],
            "summary": rec.get("summary", ""),
            "created_at": rec.get("created_at", self.now),
            "updated_at": rec.get("updated_at", self.now),
            "deleted_at": rec.get("deleted_at"),
        }
        for key, attr in SCALAR_FIELDS[kind]:
            if key in rec:
                values[attr] = rec[key]
        if kind == "source":
            values["archived_text"] = self.df.archived_texts.get(slug)
        obj = model(**values)
        self.s.add(obj)
        self.s.flush()
        self.ids[slug] = obj.id
        self.new_slugs.add(slug)
        self.report.created[SECTION_OF_KIND[kind]] += 1

    def _compare(self, kind: str, rec: dict[str, Any], slug: str) -> None:
        obj = self.s.get(_MODEL[kind], self.ids[slug])
        if obj is None or obj.kind != kind:
            self.report.conflicts.append(
                f"{slug}: is a {obj.kind if obj else 'missing entry'} here, a {kind} in the file"
            )
            return
        differing = [
            key
            for key, attr in (("name", "name"), ("summary", "summary"), *SCALAR_FIELDS[kind])
            if key in rec and getattr(obj, attr) != rec[key]
        ]
        if differing:
            self.report.conflicts.append(f"{slug}: {', '.join(differing)} differ; kept yours")
        else:
            self.report.unchanged[SECTION_OF_KIND[kind]] += 1

    def _relations(self, kind: str, rec: dict[str, Any]) -> None:
        eid = self.ids[rec["slug"]]
        obj = self.s.get(_MODEL[kind], eid)
        assert obj is not None
        for key, attr in REF_FIELDS[kind]:
            if key in rec:
                setattr(obj, attr, self.ids[rec[key]])
        self._cite(rec.get("citations"), entity_id=eid)
        for alias in rec.get("aliases") or []:
            row = m.Alias(
                entity_id=eid,
                value=alias["value"],
                language=alias.get("language"),
                script=alias.get("script"),
                kind=alias.get("kind", "name"),
            )
            self._add_cited(row, alias, "alias_id")
        for pos, fact in enumerate(rec.get("facts") or []):
            row_f = m.Fact(entity_id=eid, position=pos, text=fact["text"], date=fact.get("date"))
            self._add_cited(row_f, fact, "fact_id")
        for ms in rec.get("memberships") or []:
            row_m = m.Membership(
                member_id=eid,
                organization_id=self.ids[ms["organization"]],
                status=ms["status"],
                start_date=ms.get("start"),
                end_date=ms.get("end"),
            )
            self._add_cited(row_m, ms, "membership_id")
        for role in rec.get("roles") or []:
            row_r = m.Role(
                person_id=eid,
                title=role["title"],
                organization_id=self._opt(role.get("organization")),
                country_id=self._opt(role.get("country")),
                as_of=role.get("as_of"),
                start_date=role.get("start"),
                end_date=role.get("end"),
            )
            self._add_cited(row_r, role, "role_id")
        for part in rec.get("participants") or []:
            row_p = m.Participation(event_id=eid, entity_id=self.ids[part["entry"]], role=part["role"])
            self._add_cited(row_p, part, "participation_id")
        for party in rec.get("parties") or []:
            row_ip = m.InitiativeParty(
                initiative_id=eid, entity_id=self.ids[party["entry"]], role=party["role"]
            )
            self._add_cited(row_ip, party, "party_id")
        for tag in rec.get("tags") or []:
            self.s.add(m.EntityTag(entity_id=eid, tag_id=self._tag(tag).id))

    def _opt(self, slug: str | None) -> int | None:
        return self.ids[slug] if slug else None

    def _add_cited(self, row: Any, rec: dict[str, Any], owner: str) -> None:
        self.s.add(row)
        self.s.flush()
        self._cite(rec.get("citations"), **{owner: row.id})

    def _cite(self, citations: list[dict[str, Any]] | None, **owner: int) -> None:
        for c in citations or []:
            source_id = self.ids[c["source"]]
            reliability = c.get("reliability") or self.s.scalar(
                select(m.Source.reliability).where(m.Source.id == source_id)
            )
            self.s.add(
                m.Citation(
                    source_id=source_id,
                    field=c.get("field"),
                    quote=c.get("quote"),
                    locator=c.get("locator"),
                    reliability=reliability or "unverified",
                    note=c.get("note"),
                    **owner,
                )
            )

    def _tag(self, name: str) -> m.Tag:
        tag = self._tags.get(name)
        if tag is None:
            tag = m.Tag(name=name)
            self.s.add(tag)
            self.s.flush()
            self._tags[name] = tag
        return tag

    # --- statements, notes, saved searches ---------------------------------------------------

    def _statements(self, statements: list[dict[str, Any]]) -> None:
        existing: set[tuple[int | None, str | None, int | None, str]] = {
            tuple(row)  # type: ignore[misc]
            for row in self.s.execute(
                select(
                    m.Statement.speaker_id,
                    m.Statement.speaker_label,
                    m.Statement.event_id,
                    m.Statement.text,
                )
            )
        }
        for st in statements:
            key = (
                self._opt(st.get("speaker")),
                st.get("speaker_label"),
                self._opt(st.get("event")),
                st["text"],
            )
            if key in existing:
                self.report.unchanged["statements"] += 1
                continue
            existing.add(key)
            row = m.Statement(
                speaker_id=key[0],
                speaker_label=key[1],
                event_id=key[2],
                date=st.get("date"),
                text=st["text"],
                kind=st["kind"],
                language=st.get("language"),
            )
            self._add_cited(row, st, "statement_id")
            self.report.created["statements"] += 1

    def _notes(self, notes: list[dict[str, Any]]) -> None:
        known = dict(self.s.execute(select(m.Note.uid, m.Note.body)).all())
        for rec in notes:
            uid = rec.get("uid") or note_uid(rec)
            if uid in known:
                if known[uid] == rec["body"]:
                    self.report.unchanged["notes"] += 1
                else:
                    self.report.conflicts.append(
                        f"note {note_title(rec.get('title'), rec['body'])!r}: text differs; kept yours"
                    )
                continue
            note = m.Note(
                uid=uid,
                entity_id=self._opt(rec.get("entry")),
                # as given (an export's empty title stays empty); absent: from the body
                title=rec["title"] if "title" in rec else note_title(None, rec["body"]),
                body=rec["body"],
                created_at=rec.get("created_at", self.now),
                updated_at=rec.get("updated_at", self.now),
                deleted_at=rec.get("deleted_at"),
            )
            self.s.add(note)
            self.s.flush()
            known[uid] = rec["body"]
            for rev in rec.get("revisions") or []:
                self.s.add(
                    m.NoteRevision(
                        note_id=note.id,
                        title=rev.get("title", ""),
                        body=rev["body"],
                        created_at=rev["created_at"],
                    )
                )
            for tag in rec.get("tags") or []:
                self.s.add(m.NoteTag(note_id=note.id, tag_id=self._tag(tag).id))
            relink(_driver_connection(self.s), note.id, note.body)
            self.report.created["notes"] += 1

    def _saved_searches(self, searches: list[dict[str, Any]]) -> None:
        known = dict(self.s.execute(select(m.SavedSearch.name, m.SavedSearch.query)).all())
        for rec in searches:
            if rec["name"] in known:
                if known[rec["name"]] != rec["query"]:
                    self.report.conflicts.append(f"saved search {rec['name']!r}: query differs; kept yours")
                continue
            self.s.add(
                m.SavedSearch(
                    name=rec["name"], query=rec["query"], created_at=rec.get("created_at", self.now)
                )
            )
            self.report.created["saved searches"] += 1


def _driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under `session`, inside its transaction: backlinks are written by
    the same plain-SQL code as the autosave path (app/services/wikilinks.py)."""
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn
