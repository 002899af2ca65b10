"""Importing a BibTeX file of 10,000 entries into an empty library, against the floor: the same
file parsed by bibtexparser alone (its default parse: @string references resolved, braces and
quotes taken off the values), nothing else.

    python -m benchmarks.bibliography [N] [--runs R]     (default 10,000 entries)

The app does what `roundtable import-bib FILE` does: read the file through app/user_files,
parse it, decode the LaTeX in its values and split the authors' names, match every entry with
the library's sources (key, DOI, web address, title and date), then write the new sources, their
tags and what the import read, in one transaction, the search index and the lists' rows
included. The file is made here: journal and newspaper articles and reports, two authors each
(some organisations, some names with accents written in LaTeX), a DOI on half, keywords. No Qt.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.db.database import open_database
from app.services.bibliography import Bibliographies, Outcome
from benchmarks.measure import stopwatch

_FAMILIES = ["Vongdara", "Chen", "Nguyen", "Sok", r"M\"uller", "Phan", "Li", "Tan", "Somsack", "Wang"]
_GIVEN = ["Boviengkham", "Gang", "Thi Lan", "Dara", r"J{\"u}rgen", "Minh", "Wei", "Mei Ling", "Anouk", "Yi"]
_ORGANISATIONS = [
    "{Lao Statistics Bureau}",
    "{ASEAN Secretariat}",
    "{Ministry of Technology and Communications}",
]
_WORDS = [
    "digital",
    "government",
    "cooperation",
    "artificial",
    "intelligence",
    "ASEAN",
    "China",
    "data",
    "centre",
    "strategy",
    "policy",
    "governance",
    "ethics",
    "innovation",
    "platform",
    "computing",
    "talent",
    "standards",
    "training",
    "agreement",
    "roundtable",
]
_VENUES = [
    "Asian Survey",
    "Vientiane Times",
    "The Diplomat",
    "Nikkei Asia",
    "Journal of Southeast Asian Economies",
]


def write_bibtex(path: Path, entries: int, seed: int = 7) -> None:
    """A BibLaTeX file of `entries` entries, the same for the same seed."""
    rnd = random.Random(seed)
    out: list[str] = []
    for n in range(entries):
        kind = ("article", "article", "report")[n % 3]
        authors = [f"{rnd.choice(_FAMILIES)}, {rnd.choice(_GIVEN)}"]
        authors.append(
            rnd.choice(_ORGANISATIONS) if n % 4 == 0 else f"{rnd.choice(_FAMILIES)}, {rnd.choice(_GIVEN)}"
        )
        title = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(4, 10))).capitalize()
        fields = [
            f"  author = {{{' and '.join(authors)}}}",
            f"  title = {{{{{title}}} \\& {n}}}",
            f"  date = {{{2015 + n % 11}-{1 + n % 12:02d}-{1 + n % 28:02d}}}",
            f"  {'journaltitle' if kind == 'article' else 'institution'} = {{{rnd.choice(_VENUES)}}}",
            f"  url = {{https://example.org/item/{n}}}",
            f"  keywords = {{{rnd.choice(_WORDS)}, {rnd.choice(_WORDS)}}}",
        ]
        if n % 2 == 0:
            fields.append(f"  doi = {{10.5555/bench.{n}}}")
        if kind == "article" and n % 5 == 0:
            fields.append("  entrysubtype = {newspaper}")
        out.append(f"@{kind}{{bench{n},\n" + ",\n".join(fields) + "\n}\n")
    path.write_text("\n".join(out), encoding="utf-8")


def floor_parse(path: Path) -> int:
    from bibtexparser.entrypoint import parse_string

    library = parse_string(path.read_text(encoding="utf-8"))
    return len(library.entries)


@dataclass(frozen=True)
class Measured:
    app: list[float]  # ms
    floor: list[float]
    read: list[float]  # ms: the app's reading alone (parse, LaTeX, names), no database
    entries: int
    megabytes: float
    summary: str


def measure(work: Path, entries: int, runs: int) -> Measured:
    """Import a BibTeX file of `entries` entries into a fresh copy of an empty library, `runs`
    times, against the parser alone."""
    from app.io import bibliography as bib

    work.mkdir(parents=True, exist_ok=True)
    empty_library = work / "empty.sqlite3"
    open_database(empty_library).close()
    source = work / f"library-{entries}.bib"
    write_bibtex(source, entries)
    floor_parse(source)  # untimed: the parser's modules loaded, as after a first import
    app_ms: list[float] = []
    floor_ms: list[float] = []
    read_ms: list[float] = []
    created = 0
    for run in range(runs):
        target = work / f"run-{run}.sqlite3"
        shutil.copyfile(empty_library, target)
        db = open_database(target)
        try:
            with stopwatch(app_ms):
                plan = Bibliographies(db).run(source)
            created = plan.count(Outcome.CREATED)
        finally:
            db.close()
        with stopwatch(floor_ms):
            parsed = floor_parse(source)
        with stopwatch(read_ms):
            bib.read(source)
        assert parsed == entries, (parsed, entries)
    summary = f"{created:,} sources created, with their tags and what the import read"
    return Measured(app_ms, floor_ms, read_ms, entries, source.stat().st_size / 1e6, summary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("entries", nargs="?", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roundtable-bench-bib-") as folder:
        started = time.perf_counter()
        m = measure(Path(folder), args.entries, args.runs)
        elapsed = time.perf_counter() - started
    app, floor, read = sorted(m.app), sorted(m.floor), sorted(m.read)
    print(
        f"import {m.entries:,} BibTeX entries ({m.megabytes:.1f} MB): app median {app[len(app) // 2]:.0f} ms, "
        f"parser alone {floor[len(floor) // 2]:.0f} ms, reading alone {read[len(read) // 2]:.0f} ms; "
        f"{m.summary} ({elapsed:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
