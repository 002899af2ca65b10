"""Developer tool: write a new Alembic revision from the difference between the models and a
scratch database at the current head (`make revision m="what changed"`)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from app.db import migrate
from app.db.engine import make_engine


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scratch.sqlite3"
        migrate.upgrade(path)
        engine = make_engine(path, foreign_keys=False)
        try:
            with engine.begin() as conn:
                cfg = migrate.alembic_config()
                cfg.attributes["connection"] = conn
                command.revision(cfg, message=message, autogenerate=True)
        finally:
            engine.dispose()
    print("Now add the new revision id to KNOWN_REVISIONS in app/db/schema_version.py.")


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "unnamed")
