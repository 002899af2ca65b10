"""SIGKILL at random moments: every reopen passes the integrity check and loses at most the
transaction that was in flight.

50 writer kills run in the normal suite; ROUNDTABLE_CRASH_ITERATIONS=1000 runs more.
The seed is printed on failure (and can be fixed with ROUNDTABLE_CRASH_SEED) so a failing
sequence of kill moments can be replayed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.services.backups import backup_now, list_backups
from tests.conftest import live_entries

ROOT = Path(__file__).resolve().parents[2]
ITERATIONS = int(os.environ.get("ROUNDTABLE_CRASH_ITERATIONS", "50"))
SEED = int(os.environ.get("ROUNDTABLE_CRASH_SEED", str(random.SystemRandom().randrange(1 << 30))))


def start(mode: str, *args: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.builders.crash_worker", mode, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "ready", f"worker did not start: {line!r}"
    return child


def kill_after(child: subprocess.Popen[str], seconds: float) -> list[str]:
    """SIGKILL `child` after `seconds`; return every line it printed."""
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.stdout is not None
    lines = child.stdout.read().split()
    child.stdout.close()
    return lines


def examine(path: Path) -> tuple[list[str], int, int, int]:
    """(integrity_check, broken references, crash_seq, crash notes), read as a reopen would."""
    conn = sqlite3.connect(path)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        broken = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        row = conn.execute("SELECT value FROM meta WHERE key = 'crash_seq'").fetchone()
        notes = conn.execute("SELECT count(*) FROM note WHERE uid LIKE 'crash-%'").fetchone()[0]
        return integrity, broken, int(row[0]) if row else 0, notes
    finally:
        conn.close()


def test_writer_killed_at_random_moments(seeded_path: Path) -> None:
    rng = random.Random(SEED)
    outcomes = {"lost nothing": 0, "in-flight one also committed": 0}
    for i in range(ITERATIONS):
        mode = "orm" if i % 10 == 9 else "write"
        child = start(mode, seeded_path)
        printed = kill_after(child, rng.uniform(0.0, 0.25))
        reported = max((int(x) for x in printed if x.isdigit()), default=None)
        integrity, broken, seq, notes = examine(seeded_path)
        context = f"iteration {i} ({mode}), seed {SEED}: reported {reported}, found {seq}"
        assert integrity == ["ok"], context
        assert broken == 0, context
        assert notes == seq, context  # each transaction's two writes: both or neither
        if reported is not None:
            assert seq >= reported, "a committed transaction was lost: " + context
            assert seq <= reported + 1, context
            outcomes["lost nothing" if seq == reported else "in-flight one also committed"] += 1
    print(f"\n{ITERATIONS} SIGKILLs (seed {SEED}): {outcomes}")


def test_restore_killed_at_random_moments_leaves_one_whole_file(seeded_path: Path) -> None:
    rng = random.Random(SEED + 1)
    a = backup_now(seeded_path)
    conn = sqlite3.connect(seeded_path)
    note_counts = {conn.execute("SELECT count(*) FROM note").fetchone()[0], 0}
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()
    b = backup_now(seeded_path)
    restored = 0
    for i in range(max(5, ITERATIONS // 5)):
        child = start("restore", seeded_path, a, b)
        restored += len(kill_after(child, rng.uniform(0.0, 0.4)))
        assert child.returncode == -signal.SIGKILL, "the worker failed instead of being killed"
        conn = sqlite3.connect(seeded_path)
        try:
            assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"], f"iteration {i}"
            notes = conn.execute("SELECT count(*) FROM note").fetchone()[0]
        finally:
            conn.close()
        assert notes in note_counts, f"iteration {i}: neither backup's content ({notes} notes)"
    assert restored > 0  # the kills did land among finished restores, not only before them


def test_backup_killed_at_random_moments_never_leaves_a_half_backup(seeded_path: Path) -> None:
    entries = live_entries(seeded_path)
    rng = random.Random(SEED + 2)
    for _ in range(max(5, ITERATIONS // 5)):
        child = start("backup", seeded_path)
        kill_after(child, rng.uniform(0.0, 0.3))
        assert child.returncode == -signal.SIGKILL, "the worker failed instead of being killed"
    listed = list_backups(seeded_path)
    assert listed
    for info in listed:  # whatever carries a backup's name is a whole, sound backup
        conn = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
        try:
            assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"], info.path.name
        finally:
            conn.close()
        assert info.entries == entries


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_worker_really_dies_by_sigkill(seeded_path: Path) -> None:
    child = start("write", seeded_path)
    kill_after(child, 0.05)
    assert child.returncode == -signal.SIGKILL
