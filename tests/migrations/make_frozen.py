"""Write the frozen databases of tests/migrations/frozen/: one small library per schema revision,
holding a little of everything a researcher keeps (entries of every kind, aliases in Lao and
Chinese, roles, memberships, citations, statements, tags, notes with their revisions, a note
and an entry in the trash).

    .venv/bin/python -m tests.migrations.make_frozen            # the revisions without a file
    .venv/bin/python -m tests.migrations.make_frozen 0009_x     # just these

Each file is made the way that revision's Roundtable made files: a new file is brought to the
revision by Alembic (app/db/migrate.py) and the data goes in with plain SQL written for that
revision's tables, through the app's connections (the search index's triggers need its fold
function). Nothing is checked out. A file, once committed, is never rewritten (an existing
file is skipped unless --force): it stands for the libraries that revision left on people's
disks, and test_frozen.py opens each one through the app's normal path and checks that
everything is still there. Write the head's file whenever a revision is added, while the
code that made that revision's files is the code at hand.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.db import migrate
from app.db.connection import connect
from app.db.schema_version import KNOWN_REVISIONS
from app.io.attachments import AttachmentStore, sha256_of
from app.paths import attachments_dir

FROZEN = Path(__file__).with_name("frozen")

# What test_frozen.py looks for after opening a file (one place for the generator and the test).
LAO_ALIAS = "ບົວວຽງຄຳ ວົງດາລາ"  # Boviengkham Vongdara in Lao script
CHINESE_ALIAS = "东南亚国家联盟"  # ASEAN in Chinese
NOTE_TITLE = "Vientiane digital roadmap"
NOTE_BODY = (
    "Met [[boviengkham-vongdara]] about the data centre plan.\n\n"
    "- ASEAN (东南亚国家联盟) working group in March\n"
    "- follow up: the *zanzibarite* cable quote\n"
)
FIRST_REVISION_BODY = "Met [[boviengkham-vongdara]]."
ATTACHED_PDF = b"%PDF-1.4\nThe ministry notes a zanzibarite cable agreement.\n%%EOF\n"
STAMP = "2026-11-20T09:30:00.000000+00:00"


def frozen_file(revision: str) -> Path:
    """Kept gzipped: a library's schema alone (the search index's triggers) takes 300-500 KB
    of mostly empty pages, 8-25 KB compressed."""
    return FROZEN / f"{revision}.sqlite3.gz"


def unpack(revision: str, path: Path) -> Path:
    """The frozen file of `revision`, as the SQLite file `path`, with the file its source keeps
    beside it from 0009 on (the attachments folder is not frozen: its one file is made here)."""
    with gzip.open(frozen_file(revision), "rb") as packed, path.open("wb") as out:
        shutil.copyfileobj(packed, out)
    if KNOWN_REVISIONS.index(revision) >= KNOWN_REVISIONS.index("0009_source_texts"):
        AttachmentStore(attachments_dir(path)).add(ATTACHED_PDF, "application/pdf")
    return path


def _entry(conn: sqlite3.Connection, n: int, kind: str, slug: str, name: str, summary: str = "") -> int:
    cur = conn.execute(
        "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (f"00000000-0000-4000-8000-{n:012d}", kind, slug, name, summary, STAMP, STAMP),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def _insert_since_0001(conn: sqlite3.Connection) -> None:
    """The tables as 0001_initial made them (later revisions added only indexes, the search
    index and the lists' columns, which their triggers fill)."""
    laos = _entry(conn, 1, "country", "laos", "Laos", "Landlocked; the digital economy plan to 2030.")
    conn.execute(
        "INSERT INTO country (id, iso_alpha2, iso_alpha3, iso_numeric, official_name, capital) "
        "VALUES (?, 'LA', 'LAO', '418', 'Lao People''s Democratic Republic', 'Vientiane')",
        (laos,),
    )
    china = _entry(conn, 2, "country", "china", "China")
    conn.execute(
        "INSERT INTO country (id, iso_alpha2, iso_alpha3, iso_numeric, official_name, capital) "
        "VALUES (?, 'CN', 'CHN', '156', 'People''s Republic of China', 'Beijing')",
        (china,),
    )
    asean = _entry(conn, 3, "organization", "asean", "Association of Southeast Asian Nations")
    conn.execute(
        "INSERT INTO organization (id, abbreviation, org_kind, country_id, parent_id) "
        "VALUES (?, 'ASEAN', 'intergovernmental', NULL, NULL)",
        (asean,),
    )
    ministry = _entry(conn, 4, "organization", "mtc-laos", "Ministry of Technology and Communications")
    conn.execute(
        "INSERT INTO organization (id, abbreviation, org_kind, country_id, parent_id) "
        "VALUES (?, 'MTC', 'ministry', ?, NULL)",
        (ministry, laos),
    )
    minister = _entry(conn, 5, "person", "boviengkham-vongdara", "Boviengkham Vongdara")
    conn.execute("INSERT INTO person (id, country_id) VALUES (?, ?)", (minister, laos))
    envoy = _entry(conn, 6, "person", "wang-lin", "Wang Lin")
    conn.execute("INSERT INTO person (id, country_id) VALUES (?, ?)", (envoy, china))
    forum = _entry(conn, 7, "event", "digital-forum-2025", "China-ASEAN Digital Forum 2025")
    conn.execute(
        "INSERT INTO event (id, event_kind, start_date, end_date, place, country_id, part_of_id) "
        "VALUES (?, 'forum', '2025-09-18', '2025-09-19', 'Nanning', ?, NULL)",
        (forum, china),
    )
    centre = _entry(conn, 8, "initiative", "ai-centre", "China-ASEAN AI Application Centre")
    conn.execute(
        "INSERT INTO initiative (id, initiative_kind, status, announced_at_id, announced_on) "
        "VALUES (?, 'centre', 'announced', ?, '2025-09')",
        (centre, forum),
    )
    report = _entry(conn, 9, "source", "mtc-report-2025", "MTC annual report 2025")
    conn.execute(
        "INSERT INTO source (id, source_kind, publisher, url, published, reliability, archived_text) "
        "VALUES (?, 'report', 'MTC', 'https://example.org/mtc-2025', '2025-12', 'high', "
        "'The ministry notes a zanzibarite cable agreement.')",
        (report,),
    )
    gone = _entry(conn, 10, "person", "left-in-trash", "Someone Trashed")
    conn.execute("INSERT INTO person (id, country_id) VALUES (?, NULL)", (gone,))
    conn.execute("UPDATE entity SET deleted_at = ? WHERE id = ?", (STAMP, gone))

    for entity, value, language, script, kind in (
        (minister, LAO_ALIAS, "lo", "Laoo", "name"),
        (minister, "Dr. Boviengkham", "en", "Latn", "variant"),
        (asean, CHINESE_ALIAS, "zh", "Hans", "name"),
        (laos, "ລາວ", "lo", "Laoo", "name"),
    ):
        conn.execute(
            "INSERT INTO alias (entity_id, value, language, script, kind) VALUES (?, ?, ?, ?, ?)",
            (entity, value, language, script, kind),
        )
    lao_alias = conn.execute("SELECT id FROM alias WHERE value = ?", (LAO_ALIAS,)).fetchone()[0]
    fact = conn.execute(
        "INSERT INTO fact (entity_id, position, text, date) VALUES (?, 0, 'Opened a national data centre.', '2025-06')",
        (laos,),
    ).lastrowid
    role = conn.execute(
        "INSERT INTO role (person_id, title, organization_id, country_id, as_of, start_date) "
        "VALUES (?, 'Minister of Technology and Communications', ?, ?, '2025-10', '2021-03')",
        (minister, ministry, laos),
    ).lastrowid
    membership = conn.execute(
        "INSERT INTO membership (member_id, organization_id, status, start_date) "
        "VALUES (?, ?, 'member', '1997-07-23')",
        (laos, asean),
    ).lastrowid
    participation = conn.execute(
        "INSERT INTO participation (event_id, entity_id, role) VALUES (?, ?, 'speaker')", (forum, minister)
    ).lastrowid
    party = conn.execute(
        "INSERT INTO initiative_party (initiative_id, entity_id, role) VALUES (?, ?, 'lead')", (centre, china)
    ).lastrowid
    statement = conn.execute(
        "INSERT INTO statement (speaker_id, event_id, date, text, kind, language) "
        "VALUES (?, ?, '2025-09-18', 'Laos will host the regional AI sandbox.', 'reported', 'en')",
        (minister, forum),
    ).lastrowid
    for owner, owner_id, quote in (
        ("role_id", role, "appointed minister in March 2021"),
        ("alias_id", lao_alias, None),
        ("fact_id", fact, "the national data centre opened in June"),
        ("membership_id", membership, None),
        ("participation_id", participation, None),
        ("party_id", party, None),
        ("statement_id", statement, "the regional AI sandbox"),
        ("entity_id", laos, None),
    ):
        conn.execute(
            f"INSERT INTO citation (source_id, {owner}, quote, locator, reliability) "
            "VALUES (?, ?, ?, 'p. 4', 'high')",
            (report, owner_id, quote),
        )

    conn.execute("INSERT INTO tag (name) VALUES ('digital-economy'), ('follow-up'), ('数据')")
    tags = dict(conn.execute("SELECT name, id FROM tag").fetchall())
    conn.execute("INSERT INTO entity_tag (entity_id, tag_id) VALUES (?, ?)", (laos, tags["digital-economy"]))
    conn.execute("INSERT INTO entity_tag (entity_id, tag_id) VALUES (?, ?)", (centre, tags["数据"]))

    note = conn.execute(
        "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        ("10000000-0000-4000-8000-000000000001", laos, NOTE_TITLE, NOTE_BODY, STAMP, STAMP),
    ).lastrowid
    for n, body in enumerate((FIRST_REVISION_BODY, NOTE_BODY.split("\n\n")[0])):
        conn.execute(
            "INSERT INTO note_revision (note_id, title, body, created_at) VALUES (?, ?, ?, ?)",
            (note, NOTE_TITLE, body, f"2026-11-1{n}T08:00:00.000000+00:00"),
        )
    conn.execute("INSERT INTO note_link (note_id, entity_id) VALUES (?, ?)", (note, minister))
    conn.execute("INSERT INTO note_tag (note_id, tag_id) VALUES (?, ?)", (note, tags["follow-up"]))
    conn.execute("INSERT INTO note_tag (note_id, tag_id) VALUES (?, ?)", (note, tags["数据"]))
    standalone = conn.execute(
        "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?)",
        ("10000000-0000-4000-8000-000000000002", "Questions", "Who funds the sandbox?", STAMP, STAMP),
    ).lastrowid
    conn.execute("INSERT INTO note_tag (note_id, tag_id) VALUES (?, ?)", (standalone, tags["follow-up"]))
    conn.execute(
        "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at, deleted_at) "
        "VALUES (?, NULL, 'Draft', 'thrown away', ?, ?, ?)",
        ("10000000-0000-4000-8000-000000000003", STAMP, STAMP, STAMP),
    )
    conn.execute(
        "INSERT INTO saved_search (name, query, created_at) VALUES ('Lao officials', 'kind:person country:laos', ?)",
        (STAMP,),
    )
    conn.execute(
        "INSERT INTO dataset_import (dataset_id, dataset_version, sha256, filename, imported_at, summary) "
        "VALUES ('frozen', 1, ?, 'frozen.yaml', ?, 'made by tests/migrations/make_frozen.py')",
        ("0" * 64, STAMP),
    )


# The SQL that fits each revision's tables, by the first revision it fits: a revision that
# changes the tables adds its own, and the files of earlier revisions keep theirs.
def _insert_since_0009(conn: sqlite3.Connection) -> None:
    """0009 gave sources their authors, language and saved files, and quotes their anchors."""
    _insert_since_0001(conn)
    conn.execute("UPDATE source SET authors = 'Ministry of Technology and Communications', language = 'en'")
    conn.execute(
        "INSERT INTO attachment (source_id, sha256, filename, media_type, size, added_at) "
        "SELECT id, ?, 'mtc-report-2025.pdf', 'application/pdf', ?, ? FROM source",
        (sha256_of(ATTACHED_PDF), len(ATTACHED_PDF), STAMP),
    )
    # A quote cited from the report's text is anchored where it stands; the others were typed
    # by hand from elsewhere and keep no anchor (as a library that upgraded has them).
    conn.execute(
        "UPDATE citation SET position = citation.id, quote_prefix = '', quote_suffix = '', "
        "quote_start = instr(s.archived_text, citation.quote) - 1, "
        "quote_end = instr(s.archived_text, citation.quote) - 1 + length(citation.quote) "
        "FROM source s WHERE s.id = citation.source_id AND instr(s.archived_text, citation.quote) > 0"
    )
    conn.execute(
        "INSERT INTO citation (source_id, entity_id, quote, quote_prefix, quote_suffix, quote_start, "
        "quote_end, locator, reliability) SELECT id, id, 'a zanzibarite cable agreement', "
        "'The ministry notes ', '.', 19, 48, '¶ 1', 'high' FROM source"
    )


def _insert_since_0010(conn: sqlite3.Connection) -> None:
    """0010 gave sources a citation key and a DOI, and kept what a bibliography import wrote."""
    _insert_since_0009(conn)
    conn.execute("UPDATE source SET citation_key = 'mtc2025digital', doi = '10.1234/mtc.2025.1'")
    conn.execute(
        "INSERT INTO source_import (source_id, origin, fields, imported_at) "
        "SELECT id, 'library.bib', '{\"citation_key\": \"mtc2025digital\"}', ? FROM source",
        (STAMP,),
    )


# Organizations named in scripts the lists sort by more than their code points (0012): by
# pinyin, and by the consonant after a Thai or Lao leading vowel.
COLLATED_NAMES = ("中国信息通信研究院", "เมืองอัจฉริยะประเทศไทย", "ແຂວງວຽງຈັນ")


def _insert_since_0012(conn: sqlite3.Connection) -> None:
    """0012 sorts names in the lists by a key made for their script: a library holds some."""
    _insert_since_0010(conn)
    for n, name in enumerate(COLLATED_NAMES, start=20):
        org = _entry(conn, n, "organization", f"collated-{n}", name)
        conn.execute("INSERT INTO organization (id, org_kind) VALUES (?, 'agency')", (org,))


INSERTS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001_initial": _insert_since_0001,
    "0009_source_texts": _insert_since_0009,
    "0010_source_citation_keys": _insert_since_0010,
    "0012_list_collation": _insert_since_0012,
}


def inserts_for(revision: str) -> Callable[[sqlite3.Connection], None]:
    at = KNOWN_REVISIONS.index(revision)
    fitting = [r for r in INSERTS if KNOWN_REVISIONS.index(r) <= at]
    return INSERTS[max(fitting, key=KNOWN_REVISIONS.index)]


def make(revision: str, path: Path) -> None:
    """A new SQLite file at `revision`, holding the data: one file, no -wal beside it."""
    migrate.upgrade(path, revision)
    conn = connect(path)
    try:
        conn.execute("BEGIN")
        inserts_for(revision)(conn)
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise SystemExit(f"{path.name}: the data breaks {len(problems)} references")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("revisions", nargs="*", help="revisions to write (default: those without a file)")
    parser.add_argument("--force", action="store_true", help="rewrite files that exist")
    args = parser.parse_args(argv)
    for revision in args.revisions:
        if revision not in KNOWN_REVISIONS:
            parser.error(f"{revision} is not a known revision ({', '.join(KNOWN_REVISIONS)})")
    FROZEN.mkdir(exist_ok=True)
    for revision in args.revisions or KNOWN_REVISIONS:
        target = frozen_file(revision)
        if target.exists() and not args.force:
            print(f"kept    {target} (frozen; --force rewrites it)")
            continue
        with tempfile.TemporaryDirectory() as folder:
            made = Path(folder) / "frozen.sqlite3"
            make(revision, made)
            # mtime 0: the same file packs to the same bytes
            with (
                made.open("rb") as raw,
                target.open("wb") as out,
                gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as packed,
            ):
                shutil.copyfileobj(raw, packed)
        print(f"written {target} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
