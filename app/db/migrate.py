"""Schema migrations with Alembic, run from code on a connection of their own."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app import __version__
from app.db.backup import timestamped_backup
from app.db.engine import make_engine
from app.paths import migrations_dir


class MigrationFailed(Exception):
    pass


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def backup_before_migration(path: Path, revision: str) -> Path:
    return timestamped_backup(path, f"before-migrating-from-{revision}")


def upgrade(path: Path, revision: str = "head") -> None:
    """Bring `path` to `revision` in one transaction; foreign keys are checked before commit."""
    engine = make_engine(path, foreign_keys=False)  # batch mode rebuilds tables
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise MigrationFailed(f"migration left {len(broken)} broken references; nothing changed")
            conn.execute(
                text("INSERT OR REPLACE INTO meta (key, value) VALUES ('written_by', :v)"),
                {"v": __version__},
            )
    finally:
        engine.dispose()


def downgrade(path: Path, revision: str) -> None:
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()
