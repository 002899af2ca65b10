"""Data-safety timings on a large generated database: the start-up quick_check, the full
check, a backup, the daily backup's change detection, a restore.

    .venv/bin/python -m benchmarks.safety [ENTRIES]      (default 100,000 officials)

Prints medians over 5 runs with the machine's versions. Timings are read here, never
asserted in tests (the machine is shared).
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.db.database import quick_check
from app.services.backups import backup_now, list_backups, restore, same_content
from tests.builders.bigdb import make_big_database

RUNS = 5


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ROUNDTABLE_HOME"] = folder
        path = Path(folder) / "big.sqlite3"
        started = time.perf_counter()
        make_big_database(path, entries)
        made_s = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6

        def integrity() -> None:
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("PRAGMA foreign_key_check").fetchall()
            conn.close()

        rows = [
            ("quick_check (every start, in the background)", *median_ms(lambda: quick_check(path))),
            ("integrity + foreign-key check (Check database)", *median_ms(integrity)),
            ("backup (SQLite backup API, fsync, rename)", *median_ms(lambda: backup_now(path, "manual"))),
        ]
        newest = list_backups(path, counts=False)[0].path
        twin = backup_now(path, "manual")
        rows.append(
            (
                "daily change detection (unchanged: compare all)",
                *median_ms(lambda: same_content(twin, newest)),
            )
        )
        rows.append(("list backups with counts", *median_ms(lambda: list_backups(path))))
        rows.append(
            ("restore (check backup, keep current, replace)", *median_ms(lambda: restore(path, newest), 3))
        )

        print(f"Roundtable data safety — {entries:,} officials, {entries // 10:,} notes, {size_mb:.1f} MB")
        print(
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"{os.cpu_count()} CPUs, {platform.machine()} ({made_s:.1f} s to generate)"
        )
        print(f"{'what':50} {'median ms':>10} {'max ms':>10}")
        for what, med, worst in rows:
            print(f"{what:50} {med:10.0f} {worst:10.0f}")


if __name__ == "__main__":
    main()
