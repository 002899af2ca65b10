"""Notes made straight in the database, for tests and benchmarks (the notes editor is another
feature; export must carry whatever notes exist)."""

from __future__ import annotations

import uuid

from app.clock import now_iso
from app.db.database import Database

_BODIES = (
    "Met at the [[roundtable-2025]]; see [[chen-gang]] and [[Nobody Known]].\n\n- a point\n- another",
    "ความร่วมมือด้าน AI ระหว่างจีนและอาเซียน — [[thailand]]",
    "中国—东盟人工智能应用合作中心 [[ca-ai-application-cooperation-center|the centre]]",
    "ການປະຊຸມ [[laos]] # not a heading\n---\nyes: no",
)


def add_note(
    db: Database,
    body: str,
    *,
    title: str = "",
    entry: str | None = None,
    tags: tuple[str, ...] = (),
    when: str | None = None,
) -> str:
    """A live note, as the notes editor would save it; returns its uid."""
    conn = db.read()
    uid = str(uuid.uuid4())
    stamp = when or now_iso()
    entity = conn.execute("SELECT id FROM entity WHERE slug = ?", (entry,)).fetchone() if entry else None
    cur = conn.execute(
        "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (uid, entity[0] if entity else None, title, body, stamp, stamp),
    )
    for name in tags:
        conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (name,))
        conn.execute(
            "INSERT INTO note_tag (note_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
            (cur.lastrowid, name),
        )
    return uid


def add_many_notes(db: Database, n: int) -> None:
    """`n` notes in one transaction: a tenth on entries, the rest standalone, in many scripts."""
    conn = db.read()
    slugs = [r[0] for r in conn.execute("SELECT slug FROM entity ORDER BY id")]
    ids = dict(conn.execute("SELECT slug, id FROM entity").fetchall())
    stamp = now_iso()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                str(uuid.uuid4()),
                ids[slugs[i % len(slugs)]] if slugs and i % 10 == 0 else None,
                f"Note {i} {_BODIES[i % len(_BODIES)][:12]}",
                f"{_BODIES[i % len(_BODIES)]}\n\n{'Paragraph of notes. ' * (i % 30 + 5)}",
                stamp,
                stamp,
            )
            for i in range(n)
        ),
    )
    conn.execute("COMMIT")
