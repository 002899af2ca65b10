"""The vault export against its floors, measured in the same run (the `export` group of
benchmarks/run.py; also on its own):

    .venv/bin/python -m benchmarks.bench_export [--smoke] [--runs N]

- into an empty folder, on the benchmark's disk and on a RAM disk (/dev/shm), against writing
  the same bytes to the same files with plain Python (no temporary file, no flush, no manifest,
  no database): this machine's disk makes creating 10,000 files cost seconds of kernel time
  whatever the program does, so the RAM disk shows the program's own share;
- the export's own CPU (user + system, time.process_time), against the floor's;
- again with nothing changed, against listing the vault and reading its manifest (what any
  export must do to know what is there and what it wrote);
- again with one note changed, against the same plus writing that one file.

Every note tagged SAMPLE_TAG is exported, notes only (a file each): a tenth of the notes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.db.database import Database, open_database
from app.services.markdown_export import MarkdownExport, Scope, export_markdown
from app.services.notes import Notes
from app.services.writing import Writer
from benchmarks.dataset import FULL, SMOKE, Size, cached, working_copy
from benchmarks.generate import SAMPLE_TAG
from benchmarks.measure import Row, Stats, Verdict, median_within, table

RAM_DISK = Path("/dev/shm")
MANIFEST = ".roundtable-export.json"


@dataclass
class Exported:
    app: list[float] = field(default_factory=list)  # into an empty folder, on disk
    floor: list[float] = field(default_factory=list)
    ram_app: list[float] = field(default_factory=list)  # the same on a RAM disk
    ram_floor: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # the export's own CPU (user + system), on disk
    floor_cpu: list[float] = field(default_factory=list)
    user: list[float] = field(default_factory=list)  # of which user time (Python), export and floor
    floor_user: list[float] = field(default_factory=list)
    again: list[float] = field(default_factory=list)  # nothing changed
    again_cpu: list[float] = field(default_factory=list)
    again_floor: list[float] = field(default_factory=list)  # listing the vault, reading its manifest
    one: list[float] = field(default_factory=list)  # one note changed
    one_floor: list[float] = field(default_factory=list)  # the same + writing that one file
    one_written: list[int] = field(default_factory=list)  # files the export wrote
    one_touched: list[int] = field(default_factory=list)  # .md files whose inode or time changed
    files: int = 0
    megabytes: float = 0.0
    summary: str = ""
    again_summary: str = ""
    ram_folder: str = ""


@contextmanager
def _timed(
    wall: list[float], cpu: list[float] | None = None, user: list[float] | None = None
) -> Iterator[None]:
    used = time.process_time()
    in_user = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    start = time.perf_counter()
    yield
    wall.append((time.perf_counter() - start) * 1000)
    if cpu is not None:
        cpu.append((time.process_time() - used) * 1000)
    if user is not None:
        user.append((resource.getrusage(resource.RUSAGE_SELF).ru_utime - in_user) * 1000)


def _job(vault: Path) -> MarkdownExport:
    return MarkdownExport(scope=Scope(tag=SAMPLE_TAG, notes_only=True), folder=vault)


def _contents(vault: Path) -> dict[str, bytes]:
    return {
        p.relative_to(vault).as_posix(): p.read_bytes()
        for p in sorted(vault.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def _same_bytes(
    vault: Path,
    contents: dict[str, bytes],
    wall: list[float],
    cpu: list[float] | None,
    user: list[float] | None = None,
) -> None:
    """The floor: the same bytes to the same files, in an empty folder, with plain Python."""
    shutil.rmtree(vault, ignore_errors=True)
    with _timed(wall, cpu, user):
        for relative, data in contents.items():
            path = vault / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    shutil.rmtree(vault)


def _walk(root: str) -> int:
    """Every entry of the folder tree, by os.scandir (what an export must list at least)."""
    count = 0
    pending = [root]
    while pending:
        with os.scandir(pending.pop()) as found:
            for entry in found:
                count += 1
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return count


def _listed_and_read(vault: Path) -> None:
    _walk(str(vault))
    json.loads((vault / MANIFEST).read_bytes())


def _stamps(vault: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(vault).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in vault.rglob("*.md")
    }


def measure(db_path: Path, work: Path, runs: int) -> Exported:
    db = open_database(db_path)
    found = Exported()
    vault = work / "vault"
    ram = Path(tempfile.mkdtemp(prefix="roundtable-vault-", dir=RAM_DISK if RAM_DISK.is_dir() else None))
    found.ram_folder = str(RAM_DISK) if RAM_DISK.is_dir() else "the temporary folder (no RAM disk here)"
    try:
        contents: dict[str, bytes] = {}
        for _ in range(runs):
            shutil.rmtree(vault, ignore_errors=True)
            with _timed(found.app, found.cpu, found.user):
                report = export_markdown(db, _job(vault))
            found.summary = report.summary()
            contents = _contents(vault)
            _same_bytes(vault, contents, found.floor, found.floor_cpu, found.floor_user)
            shutil.rmtree(ram / "vault", ignore_errors=True)
            with _timed(found.ram_app):
                export_markdown(db, _job(ram / "vault"))
            _same_bytes(ram / "vault", contents, found.ram_floor, None)
        found.files = len(contents)
        found.megabytes = sum(len(b) for b in contents.values()) / 1e6
        shutil.rmtree(vault, ignore_errors=True)
        export_markdown(db, _job(vault))
        for _ in range(runs):
            with _timed(found.again, found.again_cpu):
                report = export_markdown(db, _job(vault))
            found.again_summary = report.summary()
            with _timed(found.again_floor):
                _listed_and_read(vault)
        _one_changed(db, vault, runs, found)
        shutil.rmtree(vault, ignore_errors=True)
    finally:
        shutil.rmtree(ram, ignore_errors=True)
        db.close()
    return found


def _one_changed(db: Database, vault: Path, runs: int, found: Exported) -> None:
    conn = db.connect()
    note_id = conn.execute(
        "SELECT n.id FROM note n JOIN note_tag nt ON nt.note_id = n.id JOIN tag t ON t.id = nt.tag_id "
        "WHERE t.name = ? ORDER BY n.id LIMIT 1",
        (SAMPLE_TAG,),
    ).fetchone()[0]
    conn.close()
    notes = Notes(db, Writer(db))
    try:
        for n in range(runs):
            note = notes.get(note_id)
            notes.save(note_id, note.body + f"\nchanged {n}")
            before = _stamps(vault)
            with _timed(found.one):
                report = export_markdown(db, _job(vault))
            after = _stamps(vault)
            found.one_written.append(len(report.written))
            found.one_touched.append(sum(1 for rel, stamp in after.items() if before.get(rel) != stamp))
            changed = [vault / rel for rel in report.written]
            data = [p.read_bytes() for p in changed]
            floor = vault.parent / "one-floor"
            floor.mkdir(exist_ok=True)
            with _timed(found.one_floor):
                _listed_and_read(vault)
                for k, content in enumerate(data):
                    (floor / f"{k}.md").write_bytes(content)
            shutil.rmtree(floor)
    finally:
        notes.writer.close()


def median_at_most(limit: float) -> Callable[[Stats, Stats], Verdict]:
    """A time the issue sets outright; the ratio to the floor is shown beside it."""

    def check(app: Stats, floor: Stats) -> Verdict:
        return Verdict(
            f"median ≤ {limit:,.0f} ms",
            app.median <= limit,
            f"median {app.median:.0f} ms, {app.median / floor.median:.1f}× floor",
        )

    return check


def rows(found: Exported, notes: int) -> list[Row]:
    cpu, floor_cpu = Stats.of(found.cpu), Stats.of(found.floor_cpu)
    again_cpu = Stats.of(found.again_cpu)
    return [
        Row(
            f"export {notes:,} notes to a vault (the benchmark's disk)",
            "ms",
            found.app,
            found.floor,
            median_within(1.5, 30_000),
            "the same bytes to the same files",
            [f"{found.files:,} files, {found.megabytes:.1f} MB: {found.summary}"],
        ),
        Row(
            f"export {notes:,} notes to a vault on a RAM disk",
            "ms",
            found.ram_app,
            found.ram_floor,
            median_within(3, 30_000),
            f"the same bytes to the same files, in {found.ram_folder}",
        ),
        Row(
            f"the export's own CPU (user + system) for {notes:,} notes",
            "ms",
            found.cpu,
            found.floor_cpu,
            median_at_most(1_000),  # the bound for 10,000 notes
            "the CPU of writing the same bytes to the same files",
            [
                f"{cpu.median / max(notes, 1) * 1000:.0f} µs a note (median), the floor "
                f"{floor_cpu.median / max(notes, 1) * 1000:.0f} µs a file; of which user time (the "
                f"Python) {Stats.of(found.user).median:.0f} ms, the floor's "
                f"{Stats.of(found.floor_user).median:.0f} ms: the rest is the kernel's, creating files"
            ],
        ),
        Row(
            f"export the {notes:,} notes again, nothing changed",
            "ms",
            found.again,
            found.again_floor,
            median_at_most(500),
            "listing the vault (os.scandir) and reading its manifest",
            [f"CPU {again_cpu.median:.0f} ms (median); {found.again_summary}"],
        ),
        Row(
            f"export the {notes:,} notes again, one note changed",
            "ms",
            found.one,
            found.one_floor,
            median_at_most(500),
            "listing the vault, reading its manifest and writing one file",
            [
                f"files written by each run: {found.one_written}; Markdown files whose inode or time "
                f"changed: {found.one_touched}"
            ],
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_export", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--smoke", action="store_true", help="the smoke run's database (200 notes exported)")
    parser.add_argument("--runs", type=int, default=None, help="repeats (default 5; smoke 1)")
    parser.add_argument("--db", type=Path, help="a generated database of this size to copy instead")
    args = parser.parse_args(argv)
    size: Size = SMOKE if args.smoke else FULL
    runs = args.runs or (1 if args.smoke else 5)
    with tempfile.TemporaryDirectory(prefix="roundtable-bench-") as folder:
        work = Path(folder)
        os.environ["ROUNDTABLE_HOME"] = str(work / "home")
        db = working_copy(args.db or cached(size), work)
        found = measure(db, work, runs)
    measured = rows(found, size.exported_notes)
    print(table(measured))
    for row in measured:
        for note in row.notes:
            print(f"  {row.what}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
