"""Select to cited: a passage selected in a source's text, Cite… to its form painted, then the
form's Cite to the new highlight painted in the reader (the write, the undo step, the source's
page, its reader and the list all brought up to date). Run by benchmarks/run.py in a process of
its own (the window as `python -m app` builds it); prints one JSON object.

    python -m benchmarks.citing --db FILE --runs N

The floor is the same rows written with plain sqlite3: the fact and its citation, with the
quote's anchor, in one transaction on the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.clock import now_iso
from app.gui.cite_form import NEW_FACT, CiteForm
from app.gui.main_window import MainWindow
from app.records import anchors
from app.services.entry_forms import CitationInput, EntryInput, FactInput
from benchmarks.gui_probe import PaintWatch, idle, open_window, wait_for
from benchmarks.measure import stopwatch
from benchmarks.replay import plain_connection

PARAGRAPHS = 60
CITED_BEFORE = 40  # passages of the source cited before the timed ones


def _sentence(n: int) -> str:
    return f"Sentence {n} says the ministers agreed on point {n} of the digital cooperation plan."


def source_text() -> str:
    """A paged text, as a PDF's: twenty paragraphs a page, three sentences a paragraph."""
    pages = []
    for page in range(PARAGRAPHS // 20):
        paras = []
        for p in range(20):
            n = (page * 20 + p) * 3
            paras.append(" ".join(_sentence(n + i) for i in range(3)))
        pages.append("\n\n".join(paras))
    return "\f".join(pages)


def _setup(window: MainWindow) -> tuple[str, list[str]]:
    """A source with its text and earlier citations, and the officials to cite it for."""
    editor = window.library.editor
    text = source_text()
    change = editor.create(
        EntryInput(
            "source",
            "Benchmark report on the digital cooperation plan",
            values={"publisher": "Benchmark Daily", "reliability": "high", "archived_text": text},
        )
    )
    conn = window.library.db.read()
    people = [
        r[0] for r in conn.execute("SELECT slug FROM entity WHERE kind = 'person' ORDER BY id LIMIT 200")
    ]
    for n in range(CITED_BEFORE):
        words = _sentence(n * 4)
        start = text.index(words)
        person = conn.execute("SELECT id FROM entity WHERE slug = ?", (people[n],)).fetchone()[0]
        cite = CitationInput(change.slug, anchor=anchors.anchor_at(text, start, start + len(words)))
        editor.add_to(person, FactInput(f"Agreed on point {n * 4}.", citations=(cite,)))
    return change.slug, people[CITED_BEFORE:]


def cite_rows(window: MainWindow, db_path: Path, runs: int) -> dict[str, Any]:
    source, people = _setup(window)
    window.open_entry(source)
    idle(200)
    reader = window.source_reader
    citing = window.citing  # type: ignore[attr-defined]
    text = reader.reading.text if reader.reading else ""
    reader_watch = PaintWatch(reader.text.viewport())
    opened_ms: list[float] = []
    cited_ms: list[float] = []
    app_ms: list[float] = []
    floor_ms: list[float] = []
    plain = plain_connection(db_path)
    for run in range(runs):
        words = _sentence(run * 4 + 1)
        start = text.index(words)
        reader.text.select_span(start, start + len(words))
        QApplication.processEvents()
        began = time.perf_counter()
        citing.cite_action.trigger()
        form = cast(CiteForm, citing.form)
        form_watch = PaintWatch(form)
        form_watch.arm()
        wait_for(form_watch.painted)
        assert form_watch.at is not None
        opened = (form_watch.at - began) * 1000
        # The researcher names the entry and says what the passage supports (not timed).
        form.entry.set_value(people[run])
        form.choose(NEW_FACT)
        form.fact_text.setPlainText(f"Agreed on point {run * 4 + 1}.")
        idle(50)
        reader_watch.arm()
        began = time.perf_counter()
        QTest.mouseClick(form.ok, Qt.MouseButton.LeftButton)
        wait_for(reader_watch.painted)
        assert reader_watch.at is not None and citing.form is None, form.error.text()
        cited = (reader_watch.at - began) * 1000
        assert any(p.start == start for p in reader.text.passages), "the new highlight is shown"
        opened_ms.append(opened)
        cited_ms.append(cited)
        app_ms.append(opened + cited)
        idle(100)
        # The floor: the same fact and citation, plain sqlite3, one transaction.
        anchor = anchors.anchor_at(text, start, start + len(words))
        person = plain.execute("SELECT id FROM entity WHERE slug = ?", (people[run],)).fetchone()[0]
        source_id = plain.execute("SELECT id FROM entity WHERE slug = ?", (source,)).fetchone()[0]
        with stopwatch(floor_ms):
            plain.execute("BEGIN IMMEDIATE")
            fact_id = plain.execute(
                "INSERT INTO fact (entity_id, position, text, date) VALUES (?, 1, ?, NULL)",
                (person, f"Agreed again on point {run * 4 + 1}."),
            ).lastrowid
            plain.execute(
                "INSERT INTO citation (source_id, fact_id, quote, quote_prefix, quote_suffix, quote_start, "
                "quote_end, position, locator, reliability) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 'high')",
                (
                    source_id,
                    fact_id,
                    anchor.exact,
                    anchor.prefix,
                    anchor.suffix,
                    anchor.start,
                    anchor.end,
                    anchors.locator(text, start),
                ),
            )
            plain.execute("UPDATE entity SET updated_at = ? WHERE id = ?", (now_iso(), person))
            plain.execute("COMMIT")
    plain.close()
    return {
        "app": app_ms,
        "floor": floor_ms,
        "opened": opened_ms,
        "cited": cited_ms,
        "cited_before": CITED_BEFORE,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.citing")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    host, window = open_window(args.db)
    try:
        out = cite_rows(window, args.db, args.runs)
    finally:
        window.close()
        host.release()
    print(json.dumps(out), flush=True)
    os._exit(0)  # skip Qt's teardown: the numbers are out


if __name__ == "__main__":
    sys.exit(main())
