"""A large generated database for the safety tests and measurements (quick_check, backup).

Deterministic: the same arguments give the same rows. Writes with plain sqlite3 in a few big
transactions (the ORM would take minutes for 100,000 entries). Run it directly to make one:

    .venv/bin/python -m tests.builders.bigdb /tmp/big.sqlite3 100000
"""

from __future__ import annotations

import random
import sqlite3
import sys
import uuid
from pathlib import Path

from app.db.connection import connect
from app.db.database import open_database

_SCRIPTS = ("陈刚 广西 人工智能 合作", "ความร่วมมือ ปัญญาประดิษฐ์", "ການຮ່ວມມື ປັນຍາປະດິດ", "កិច្ចសហប្រតិបត្តិការ")


def make_big_database(path: Path, entries: int = 100_000, notes: int | None = None, seed: int = 7) -> Path:
    """Create `path` holding `entries` officials (each with a role and an alias) and `notes`
    notes of about 1 KB (a tenth of the entries by default)."""
    open_database(path).close()
    rng = random.Random(seed)
    notes = entries // 10 if notes is None else notes
    conn = connect(path)
    now = "2025-09-18T00:00:00.000000+00:00"
    try:
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
            "VALUES (?, 'country', 'big-country', 'Big Country', '', ?, ?)",
            (str(uuid.UUID(int=rng.getrandbits(128))), now, now),
        )
        country = conn.execute("SELECT id FROM entity WHERE slug = 'big-country'").fetchone()[0]
        conn.execute("INSERT INTO country (id, iso_alpha2) VALUES (?, 'ZZ')", (country,))
        for i in range(entries):
            cur = conn.execute(
                "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
                "VALUES (?, 'person', ?, ?, ?, ?, ?)",
                (
                    str(uuid.UUID(int=rng.getrandbits(128))),
                    f"official-{i:06d}",
                    f"Official {i:06d} {rng.choice(_SCRIPTS)}",
                    "A generated official for large-database tests.",
                    now,
                    now,
                ),
            )
            eid = cur.lastrowid
            conn.execute("INSERT INTO person (id, country_id) VALUES (?, ?)", (eid, country))
            conn.execute(
                "INSERT INTO role (person_id, title, country_id, as_of) VALUES (?, ?, ?, '2025-09')",
                (eid, f"Deputy director {i % 97}", country),
            )
            conn.execute(
                "INSERT INTO alias (entity_id, value, language) VALUES (?, ?, 'zh')",
                (eid, f"官员{i}"),
            )
        body = ("Notes on cooperation. " + " ".join(_SCRIPTS) + " ") * 8
        for i in range(notes):
            conn.execute(
                "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (str(uuid.UUID(int=rng.getrandbits(128))), None, f"Note {i}", body[:1000], now, now),
            )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    make_big_database(target, count)
    print(f"{target}: {count} officials, {target.stat().st_size / 1e6:.1f} MB")
