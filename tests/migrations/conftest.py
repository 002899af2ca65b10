"""pytest-alembic's fixtures: the app's own Alembic configuration, and an engine on a new file
in a temporary folder whose connections are the app's (app/db/connection.py: the search
index's triggers call the fold function it registers). Foreign keys are off as they are when
the app migrates (app/db/migrate.py): batch mode rebuilds tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_alembic.config import Config
from sqlalchemy import Engine

from app.db import migrate
from app.db.engine import make_engine


@pytest.fixture
def alembic_config() -> Config:
    return Config(alembic_config=migrate.alembic_config())


@pytest.fixture
def alembic_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(tmp_path / "alembic.sqlite3", foreign_keys=False)
    try:
        yield engine
    finally:
        engine.dispose()
