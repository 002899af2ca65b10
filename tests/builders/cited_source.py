"""A library with one source that holds its text (two pages), an attached file, authors and a
language, and a person whose fact and title cite passages of that text, anchored where they
were selected (the fact's two citations in an order other than their rows'). Written row by row,
not through the importer or the editor, so that tests of those can compare against it."""

from __future__ import annotations

from app.db.database import Database
from app.io.attachments import AttachmentStore
from app.paths import attachments_dir
from app.records.anchors import anchor_at

TEXT = (
    "The minister arrived in Vientiane on Monday.\n\n"
    "Chen Gang, Party Secretary of Zhejiang, met the delegation.\f"
    "On the second day the talks turned to the railway.\n\n"
    "Chen Gang said the railway would open in 2027."
)
PDF = b"%PDF-1.4 a stand-in for the file the text came from\n"
NOW = "2026-12-07T18:00:00.000000+00:00"


def passage(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def build(db: Database) -> None:
    """A library written row by row (not through the importer it is to test)."""
    stored = AttachmentStore(attachments_dir(db.path)).add(PDF, "application/pdf")
    conn = db.connect()
    with conn:
        entity = "INSERT INTO entity (id, uid, kind, slug, name, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)"
        conn.execute(
            entity,
            (1, "00000000-0000-4000-8000-000000000001", "source", "visit-report", "Visit report", NOW, NOW),
        )
        conn.execute(
            "INSERT INTO source (id, publisher, reliability, archived_text, authors, language) VALUES (1, ?, 'high', ?, ?, ?)",
            ("Vientiane Times", TEXT, "Somchai Phommavong\n王小明", "en"),
        )
        conn.execute(
            "INSERT INTO attachment (source_id, sha256, filename, media_type, size, added_at) VALUES (1, ?, ?, ?, ?, ?)",
            (stored.sha256, "visit report.pdf", "application/pdf", stored.size, NOW),
        )
        conn.execute(
            entity, (2, "00000000-0000-4000-8000-000000000002", "person", "li-ming-test", "Li Ming", NOW, NOW)
        )
        conn.execute("INSERT INTO person (id) VALUES (2)")
        conn.execute(
            "INSERT INTO fact (id, entity_id, position, text) VALUES (1, 2, 0, 'Announced the railway.')"
        )
        conn.execute(
            "INSERT INTO role (id, person_id, title, as_of, start_date, end_date) VALUES (1, 2, 'Party Secretary of Zhejiang', '2025-09', '2022', '2026-01-15')"
        )
        cite = (
            "INSERT INTO citation (id, source_id, fact_id, role_id, quote, locator, reliability, quote_prefix, "
            "quote_suffix, quote_start, quote_end, position) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        # The fact's citations were reordered: the later row comes first.
        for cid, fact, role, words, locator, reliability, position in (
            (1, 1, None, "the talks turned to the railway", "p. 2, ¶ 1", "medium", 1),
            (2, 1, None, "the railway would open in 2027", "p. 2, ¶ 2", "high", 0),
            (3, None, 1, "Party Secretary of Zhejiang", "p. 1, ¶ 2", "high", 0),
        ):
            a = anchor_at(TEXT, *passage(words))
            conn.execute(
                cite,
                (
                    cid,
                    fact,
                    role,
                    a.exact,
                    locator,
                    reliability,
                    a.prefix,
                    a.suffix,
                    a.start,
                    a.end,
                    position,
                ),
            )
    conn.close()
