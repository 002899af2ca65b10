"""How long an autosave takes: the whole transaction (note row, revision when due, backlinks,
commit) for a 1 KB and a 50 KB note with links, typed into one character at a time. The clock
is simulated: a save every 2 s, and every 10th save after a pause, so one save in ten also
keeps a revision (far more often than real typing does).

    make bench            (or: python -m benchmarks.bench_note_save [--saves N])

The budget is one frame (16 ms) at the 95th percentile of wall time. CPU time is printed too: on a
machine busy with other work, wall-time outliers are mostly the scheduler, not the save. The
floor, measured in the same run on the same file, is a bare UPDATE of the body and COMMIT: the
ratio says what the save adds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.services.library import open_library
from app.services.notes import Notes

BUDGET_MS = 16.0
LINKS = "[[chen-gang]] [[Laos]] [[陈刚]] [[roundtable-2025]] [[Nobody Known]] [[asean]] "
PARAGRAPH = "中国—东盟 AI cooperation ความร่วมมือ ປັນຍາປະດິດ, Nanning roundtable notes. "


def body_of(size: int) -> str:
    text = "# Benchmark note\n" + LINKS + "\n"
    while len(text.encode()) < size:
        text += PARAGRAPH
    return text


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Clock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)
        self.ticks = 0

    def __call__(self) -> str:
        self.ticks += 1
        self.at += timedelta(minutes=5) if self.ticks % 10 == 0 else timedelta(seconds=2)
        return self.at.isoformat(timespec="microseconds")


def run(saves: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_library(Path(tmp) / "bench.sqlite3")  # the bundled dataset: real entries to link
        notes = Notes(db, now=Clock())
        failed = False
        for label, size in (("1 KB", 1024), ("50 KB", 50 * 1024)):
            note = notes.create(body=body_of(size))
            text = notes.get(note.id).body
            timings = []
            cpu = []
            floor = []
            revisions = 0
            for n in range(saves):
                text += "abcdefghij"[n % 10]
                start, start_cpu = time.perf_counter(), time.process_time()
                revisions += notes.save(note.id, text).revision_created
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            conn = notes.writer.conn
            for n in range(saves):
                text += "x"
                start = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE note SET body = ? WHERE id = ?", (text + str(n), note.id))
                conn.execute("COMMIT")
                floor.append((time.perf_counter() - start) * 1000)
            median, p95 = statistics.median(timings), percentile(timings, 0.95)
            base = statistics.median(floor)
            print(
                f"save {label:>5} note (6 links, {revisions} of {saves} saves kept a revision): "
                f"median {median:5.2f} ms, p95 {p95:5.2f} ms, max {max(timings):5.2f} ms "
                f"(CPU time: median {statistics.median(cpu):5.2f} ms, p95 {percentile(cpu, 0.95):5.2f} ms); "
                f"bare UPDATE+COMMIT median {base:5.2f} ms (x{median / base:.1f})"
            )
            failed |= p95 > BUDGET_MS
        notes.writer.close()
        db.close()
    print(f"budget: p95 <= {BUDGET_MS} ms: {'MISSED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    sys.exit(run(parser.parse_args().saves))
