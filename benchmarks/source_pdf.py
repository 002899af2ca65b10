"""Adding a 300-page PDF as a source's text, against the floor: extracting the same text with
the PDF library alone (pypdf's `extract_text` of every page, joined).

    python -m benchmarks.source_pdf [PAGES] [--runs R] [--db LIBRARY]   (default 300 pages)

The app does what Add Text from File… does once the file is chosen: read it through
app/user_files, take each page's text with the lines' heights and join them into paragraphs,
keep the file in the attachments folder, write the text as one edit of the source (the search
index's rows included) and list the file under the source. The floor reads the same bytes and
asks pypdf for the same pages' text, nothing else. The PDF is written here (tests/builders/pdfs.py):
11-point text, 50 lines a page, a blank line between paragraphs. No Qt, no network.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.db.database import open_database
from app.io.source_text import read_source_file
from app.services.library import Library
from benchmarks.measure import stopwatch
from tests.builders.pdfs import LINE_WIDTH, LINES_A_PAGE, pdf_of_paragraphs

_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "cooperation",
    "ASEAN",
    "China",
    "artificial",
    "intelligence",
    "ministry",
    "strategy",
    "data",
    "centre",
    "partners",
    "models",
    "language",
    "digital",
    "economy",
    "forum",
    "minister",
    "said",
    "would",
    "governance",
    "ethics",
    "Guangxi",
    "Nanning",
    "Laos",
    "Vientiane",
    "Cambodia",
    "Thailand",
    "Vietnam",
    "innovation",
    "platform",
    "computing",
    "talent",
    "standards",
    "training",
    "agreement",
    "roundtable",
    "expo",
    "initiative",
    "launched",
    "announced",
    "development",
]


@dataclass(frozen=True)
class Measured:
    app: list[float]  # ms
    floor: list[float]
    pages: int
    megabytes: float  # of the PDF
    characters: int  # of the text the app kept
    summary: str


def write_pdf(path: Path, pages: int, seed: int = 18) -> None:
    """A PDF of about `pages` pages of paragraphs of 20 to 120 words."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    lines = 0
    while lines < pages * LINES_A_PAGE:
        words = rng.randint(20, 120)
        paragraph = " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."
        paragraphs.append(paragraph)
        lines += len(paragraph) // LINE_WIDTH + 2  # its wrapped lines and the blank one
    path.write_bytes(pdf_of_paragraphs(paragraphs))


def floor_text(path: Path) -> str:
    """The PDF library alone: every page's text, pages apart by a form feed."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\f".join(page.extract_text() for page in reader.pages)


def measure(library_file: Path, work: Path, pages: int, runs: int) -> Measured:
    """Add a PDF of `pages` pages to a new source of (a copy of) `library_file`, `runs` times,
    against the floor; each run gives the text to a source of its own."""
    work.mkdir(parents=True, exist_ok=True)
    pdf = work / f"report-{pages}-pages.pdf"
    write_pdf(pdf, pages)
    target = work / "library.sqlite3"
    shutil.copyfile(library_file, target)
    db = open_database(target)
    app_ms: list[float] = []
    floor_ms: list[float] = []
    kept = 0
    found_pages = 0
    try:
        library = Library(db)
        from app.services.entry_forms import EntryInput

        floor_text(pdf)  # untimed: pypdf's modules loaded, as in a window that has read a PDF
        for run in range(runs):
            made = library.editor.create(
                EntryInput(
                    "source",
                    f"A long report, read {run + 1}",
                    values={"publisher": "Benchmark Press", "reliability": "medium"},
                )
            )
            start = time.perf_counter()
            found = read_source_file(pdf)
            library.sources.give_text(made.entity_id, found.text, found)
            app_ms.append((time.perf_counter() - start) * 1000)
            kept, found_pages = len(found.text), found.pages
            with stopwatch(floor_ms):
                floor_text(pdf)
    finally:
        db.close()
    summary = f"{found_pages} pages, {kept:,} characters kept as the source's text"
    return Measured(app_ms, floor_ms, found_pages, pdf.stat().st_size / 1e6, kept, summary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.source_pdf", description=__doc__.splitlines()[0]
    )
    parser.add_argument("pages", nargs="?", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="the library to add it to (default: a new one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roundtable-pdf-") as folder:
        work = Path(folder)
        library_file = args.db
        if library_file is None:
            library_file = work / "new.sqlite3"
            open_database(library_file).close()
        found = measure(library_file, work / "run", args.pages, args.runs)
    for n, (app, floor) in enumerate(zip(found.app, found.floor, strict=True), 1):
        print(
            f"run {n}: app {app / 1000:.2f} s; pypdf alone {floor / 1000:.2f} s; {app / floor:.2f}× the floor"
        )
    print(f"{found.megabytes:.1f} MB PDF: {found.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
