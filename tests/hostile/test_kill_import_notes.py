"""`roundtable import-notes` killed with SIGKILL at random moments (as test_kill_backup.py does
for backups and tests/unit/test_note_crash.py for the editor's saves): each kill leaves the
library sound and the import all or nothing — every edited note still as it was, or every one
brought in — and running the command again completes it, with nothing brought in twice.

The seed is printed on failure and can be fixed with ROUNDTABLE_CRASH_SEED to replay it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.db.database import open_database
from tests.builders.notes_factory import add_many_notes
from tests.conftest import copy_db

KILLS = 6
NOTES = 200
EDIT = "Checked again in the field."
SEED = int(os.environ.get("ROUNDTABLE_CRASH_SEED", str(random.SystemRandom().randrange(1 << 30))))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _roundtable(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(db: Path, *args: str) -> str:
    proc = _roundtable(db, *args)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return out


def _bodies(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        assert [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        return dict(conn.execute("SELECT uid, body FROM note WHERE deleted_at IS NULL").fetchall())
    finally:
        conn.close()


def _edit_every_loose_note(vault: Path) -> int:
    """Add a line at the end of each standalone note's file (its body), as a researcher would."""
    files = sorted((vault / "Notes").glob("*.md"))
    for path in files:
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{EDIT}\n", encoding="utf-8")
    return len(files)


def _edited(bodies: dict[str, str]) -> int:
    return sum(body.rstrip().endswith(EDIT) for body in bodies.values())


def test_killed_import_notes_is_all_or_nothing_and_a_retry_completes(
    seeded_path: Path, tmp_path: Path
) -> None:
    db = open_database(seeded_path)
    add_many_notes(db, NOTES)
    db.close()
    pristine_vault = tmp_path / "pristine-vault"
    _finish(seeded_path, "export", "--out", str(pristine_vault))
    edited = _edit_every_loose_note(pristine_vault)
    assert edited > 100
    pristine_db = copy_db(seeded_path, tmp_path / "pristine.sqlite3")
    before = _bodies(pristine_db)
    assert _edited(before) == 0

    # How long a whole run takes, so the kills land across all of it.
    timing_db = copy_db(pristine_db, tmp_path / "timing.sqlite3")
    timing_vault = tmp_path / "timing-vault"
    shutil.copytree(pristine_vault, timing_vault)
    started = time.monotonic()
    _finish(timing_db, "import-notes", str(timing_vault))
    whole = time.monotonic() - started
    assert _edited(_bodies(timing_db)) == edited

    rng = random.Random(SEED)
    landed = 0
    for n in range(KILLS):
        db_path = copy_db(pristine_db, tmp_path / f"kill-{n}.sqlite3")
        vault = tmp_path / f"vault-{n}"
        shutil.copytree(pristine_vault, vault)
        proc = _roundtable(db_path, "import-notes", str(vault))
        time.sleep(rng.uniform(0.05, whole * 1.1))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            landed += 1
        proc.communicate(timeout=60)
        found = _edited(_bodies(db_path))
        assert found in (0, edited), f"seed {SEED}, kill {n}: {found} of {edited} notes brought in"
        # Running it again completes the work, and a third run finds nothing left to bring in.
        _finish(db_path, "import-notes", str(vault))
        after = _bodies(db_path)
        assert _edited(after) == edited, f"seed {SEED}, kill {n}"
        assert set(after) == set(before), f"seed {SEED}, kill {n}: notes appeared or vanished"
        again = _finish(db_path, "import-notes", str(vault))
        assert ": 0 notes updated" in again and " not imported" not in again, (SEED, n, again)
        assert _bodies(db_path) == after
    assert landed >= KILLS // 2, f"only {landed} kills landed before the command ended (seed {SEED})"
