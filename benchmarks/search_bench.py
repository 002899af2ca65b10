"""Search at scale: a generated multilingual library, its index size, and query timings.

    .venv/bin/python -m benchmarks.search_bench [--notes 100000] [--entries 5000] [--db PATH]

The floor is a plain substring scan of every folded text (what search must agree with); each
query prints its time and its ratio to that floor, measured in the same run. The database is
kept (default /tmp/roundtable-search-bench-N.sqlite3) so later runs skip the generation.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app.db import search_index
from app.db.database import open_database
from app.services.search import Search
from tests.builders.search_corpus import populate

QUERIES = (
    # (label, query)
    ("en 3+ common", "the"),
    ("en 3+ word", "ministry"),
    ("en 2 words", "digital economy"),
    ("en phrase", '"artificial intelligence"'),
    ("en 1 char", "a"),
    ("en 2 chars", "mi"),
    ("zh 1 char", "中"),
    ("zh 2 chars", "陈刚"),
    ("zh 3+", "人工智能"),
    ("th 1 char", "ก"),
    ("th 2 chars", "ผม"),
    ("th 3+", "เมือง"),
    ("lo 2 chars", "ນາ"),
    ("km 2 chars", "ខ្ម"),
    ("my 2 chars", "မြ"),
    ("vi folded", "phuong"),
    ("vi accented", "Phương"),
    ("rare 2 chars", "xq"),
    ("no match 3+", "zzqqxx"),
    ("filter only", "kind:note"),
    ("term + kind", "ministry kind:official"),
    ("excluded", "ministry -economy"),
)


def _time(fn: object, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=5_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--reindex", action="store_true", help="also time a full rebuild")
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/roundtable-search-bench-{args.notes}-{args.entries}.sqlite3")
    fresh = not path.exists()
    db = open_database(path)
    conn = db.connect()
    if fresh:
        start = time.perf_counter()
        populate(conn, entries=args.entries, notes=args.notes, seed=1)
        print(f"generated and indexed in {time.perf_counter() - start:.1f} s (triggers, one transaction)")
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def size(table: str) -> int:
        return int(
            conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?", (table,)).fetchone()[0]
        )

    text_bytes = sum(
        int(
            conn.execute(
                f"SELECT coalesce(sum(length(CAST({f.column} AS BLOB))), 0) FROM {f.table}"
            ).fetchone()[0]
        )
        for f in search_index.FIELDS
    )
    docs = int(conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])
    folded = size("search_doc")
    fts = sum(size(t) for t in ("search_fts_data", "search_fts_idx", "search_fts_config"))
    print(f"documents {docs:,}; searchable text {text_bytes / 1e6:.1f} MB (UTF-8)")
    print(
        f"folded copy {folded / 1e6:.1f} MB ({folded / text_bytes:.2f}x), trigram index {fts / 1e6:.1f} MB "
        f"({fts / text_bytes:.2f}x), together {(folded + fts) / text_bytes:.2f}x the text; "
        f"file {path.stat().st_size / 1e6:.1f} MB"
    )

    floor = _time(
        lambda: conn.execute("SELECT count(*) FROM search_doc WHERE instr(text, 'zzqqxx')").fetchone(), 3
    )
    print(f"floor: a full substring scan of the folded texts takes {floor * 1000:.1f} ms")
    search = Search(conn)
    print(f"{'query':28} {'8 per kind':>11} {'ratio':>6}   {'all hits':>9} {'docs':>8}")
    for label, query in QUERIES:
        t = _time(lambda q=query: search.run(q))
        t_all = _time(lambda q=query: search.documents(q), 1)
        n = len(search.documents(query))
        print(
            f"{label + ' ' + repr(query):28} {t * 1000:8.1f} ms {t / floor:6.2f}   {t_all * 1000:6.0f} ms {n:8,}"
        )
    if args.reindex:
        start = time.perf_counter()
        search_index.rebuild(conn)
        print(f"rebuild: {time.perf_counter() - start:.1f} s")
    conn.close()
    db.close()


if __name__ == "__main__":
    main()
