"""SQLAlchemy engine and sessions (imported only on paths that write: it costs ~0.3 s)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.db.connection import connect


def make_engine(path: Path | str, *, foreign_keys: bool = True) -> Engine:
    """An engine whose connections come from app.db.connection (same pragmas everywhere).

    Transactions are real: pysqlite's implicit BEGIN is off (isolation_level=None) and the
    engine emits BEGIN IMMEDIATE itself, so a write transaction takes the lock up front
    instead of failing half-way with 'database is locked'. Migrations run with foreign keys
    off (batch mode rebuilds tables) and check them afterwards.
    """
    db_path = Path(path)

    def creator() -> Any:
        conn = connect(db_path, check_same_thread=False)
        if not foreign_keys:
            conn.execute("PRAGMA foreign_keys = OFF")
        return conn

    engine = create_engine("sqlite://", creator=creator)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # Views keep plain values after commit; nothing lazy-loads behind their back.
    return sessionmaker(engine, expire_on_commit=False)
