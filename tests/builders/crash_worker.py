"""A worker for the crash tests: it works on a database until it is killed with SIGKILL.

    python -m tests.builders.crash_worker MODE DB [EXTRA...]

MODE write   transactions through Roundtable's connection factory (its pragmas, BEGIN
             IMMEDIATE as the engine does), each inserting a note of ~4 KB and setting
             meta 'crash_seq' to its number, which it prints after COMMIT returns.
     orm     the same through the app's SQLAlchemy sessions.
     restore restores the backups EXTRA... over DB in turn, printing each one's name.
     backup  backs DB up again and again into its backups folder.
Frequent checkpoints (every 20 pages) make kills land inside checkpoints too.
"""

from __future__ import annotations

import sys
from pathlib import Path

BODY = "Notes on the roundtable. 陈刚 ການຮ່ວມມື " * 100


def write(db: Path) -> None:
    from app.db.connection import connect

    conn = connect(db)
    conn.execute("PRAGMA wal_autocheckpoint = 20")
    seq = int(
        conn.execute(
            "SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'crash_seq'"
        ).fetchone()[0]
    )
    print("ready", flush=True)
    while True:
        seq += 1
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES (?, ?, ?, '', '')",
            (f"crash-{seq}", f"Crash note {seq}", BODY),
        )
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('crash_seq', ?)", (str(seq),))
        conn.execute("COMMIT")
        print(seq, flush=True)


def write_orm(db: Path) -> None:
    from sqlalchemy import event, text

    from app.db.database import Database

    database = Database(db)

    @event.listens_for(database.engine, "connect")
    def _often(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.execute("PRAGMA wal_autocheckpoint = 20")  # type: ignore[attr-defined]

    with database.sessions.begin() as s:
        seq = int(
            s.execute(
                text("SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'crash_seq'")
            ).scalar_one()
        )
    print("ready", flush=True)
    while True:
        seq += 1
        with database.sessions.begin() as s:
            s.execute(
                text(
                    "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES (:u, :t, :b, '', '')"
                ),
                {"u": f"crash-{seq}", "t": f"Crash note {seq}", "b": BODY},
            )
            s.execute(
                text("INSERT OR REPLACE INTO meta (key, value) VALUES ('crash_seq', :v)"), {"v": str(seq)}
            )
        print(seq, flush=True)


def restore_loop(db: Path, sources: list[Path]) -> None:
    from app.services.backups import restore

    print("ready", flush=True)
    n = 0
    while True:
        source = sources[n % len(sources)]
        restore(db, source)
        print(source.name, flush=True)
        n += 1


def backup_loop(db: Path) -> None:
    from app.services.backups import backup_now

    print("ready", flush=True)
    while True:
        print(backup_now(db, "before-import").name, flush=True)


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        write(target)
    elif mode == "orm":
        write_orm(target)
    elif mode == "restore":
        restore_loop(target, [Path(p) for p in sys.argv[3:]])
    elif mode == "backup":
        backup_loop(target)
    else:
        raise SystemExit(f"unknown mode {mode}")
