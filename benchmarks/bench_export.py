"""Export of 10,000 notes: the vault export against writing the same bytes to the same files.

    .venv/bin/python -m benchmarks.bench_export [N]

Prints the export's time and its ratio to the floor measured in the same run: plain writes of
exactly the bytes the export produced (no temporary file, no fsync, no manifest, no database).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from app.db.database import open_database
from app.services.library import seed
from app.services.markdown_export import MarkdownExport, export_markdown
from tests.builders.notes_factory import add_many_notes


def main(n: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_database(root / "bench.sqlite3")
        seed(db)
        add_many_notes(db, n)
        vault = root / "vault"

        start = time.perf_counter()
        report = export_markdown(db, MarkdownExport(folder=vault))
        first = time.perf_counter() - start

        files = [p for p in vault.rglob("*.md")]
        contents = {p.relative_to(vault): p.read_bytes() for p in files}
        size = sum(len(b) for b in contents.values())

        start = time.perf_counter()
        again = export_markdown(db, MarkdownExport(folder=vault))
        unchanged = time.perf_counter() - start

        floor_dir = root / "floor"
        start = time.perf_counter()
        for rel, data in contents.items():
            target = floor_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        floor = time.perf_counter() - start
        shutil.rmtree(floor_dir)
        db.close()

    print(f"notes: {n}; files: {len(files)} ({size / 1e6:.1f} MB); {report.summary()}")
    print(f"export into an empty folder : {first:7.2f} s  ({first / floor:.1f}x the floor)")
    print(f"export again, nothing new   : {unchanged:7.2f} s  ({len(again.unchanged)} files unchanged)")
    print(f"floor: the same bytes, plain: {floor:7.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
