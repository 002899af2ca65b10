"""Roundtable against the floor: every row of the performance table, each app time next to the
floor this machine allows, measured in the same run.

    make bench                       the full run: 100,000 officials, initiatives and notes
    python -m benchmarks.run --smoke the same at a small size, in well under a minute (make test)

The database is generated once (benchmarks/generate.py) and cached under build/bench/ by
generator version, schema revision and size; each run works on a copy. Rows:

  start to the first painted list page   `python -m app` (writer lock, single instance, checks)
                                          in a new process, against a bare PySide6 window
  search as you type                      the real search box and runner, keys to painted results,
                                          against the same SQL replayed with plain sqlite3
  the UI thread's longest stall           a 5 ms heartbeat while typing, against the idle loop
  filter or sort a 100,000-row list       header clicks and the filter box, to the painted rows,
                                          against the same SQL read into a Python list
  open an entry's detail view             a click in the list to the painted page, against the
                                          primary-key query and the same HTML in a bare QTextBrowser
  save a note, index included             Notes.save as someone types, against the same
                                          statements replayed with plain sqlite3
  export 10,000 notes to a vault          against writing the same bytes to the same files (on
                                          the disk and on a RAM disk), its CPU, and again with
                                          nothing or one note changed (benchmarks/bench_export.py)
  import a data file of 100,000 entries   into an empty library, against parsing it with the same
                                          parser and writing the rows it left with executemany
  select to cited                         a passage selected in a source's text: Cite… to the form
                                          painted, its Cite to the highlight painted, against the
                                          same fact and citation inserted with plain sqlite3
  import 10,000 BibTeX entries            as new sources (import-bib), against bibtexparser's
                                          parse of the same file alone
  add a 300-page PDF as a source's text    read, paragraphs joined, file kept and text indexed,
                                          against pypdf's text of the same pages alone
  bulk tag 10,000 selected rows           Add Tags… on 10,000 officials (app/services/bulk.py), against
                                          the same tag links inserted by executemany in one transaction
  timeline over 100,000 officials' titles every frame painted while scrolling the lanes and zooming
                                          (benchmarks/timeline.py), against a bare widget painting
                                          as many rectangles
  graph of 1,000 and 10,000 entries       laying out 1,000 on a worker (benchmarks/graph.py), against
                                          igraph's own layout of the same graph; a frame while panning
                                          and zooming (the last sharp picture, scaled) and the sharp
                                          redraw once the zooming stops, against one bare widget
                                          painting as many ellipses and lines through the same transform
  peak memory                             after every list and one search, against a bare window

It prints the machine, the database and its search index, the table (median and p95 of the
app and of the floor, their ratio, the target, pass or fail) and the cases behind each row, and
saves everything as JSON under benchmarks/results/. It never fails on a timing: timings are
read, not asserted (the machine is shared); it fails only if something could not be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.gui.smoke import ENV as SMOKE_ENV
from app.gui.smoke import LINE as SMOKE_LINE
from benchmarks import bench_export, bibliography, bulk, importing, saving, source_pdf, tables
from benchmarks.bare_window import LINE as BARE_LINE
from benchmarks.dataset import FULL, SMOKE, Size, cached, index_size, working_copy
from benchmarks.measure import (
    Row,
    Stats,
    machine,
    markdown_table,
    median_within,
    no_target,
    p95_at_most,
    p95_within,
    peak_within,
    ratio_and_p95,
    table,
    worst_at_most,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SCREEN = "1920x1080x24"
# Qt's offscreen platform has an 800×800 screen unless told otherwise, which squeezes the
# window below the size it opens at on a laptop (and hides the notes panel): give it a real one.
OFFSCREEN_SCREEN = {
    "screens": [
        {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
}


# --- where the windows go ------------------------------------------------------------------


@contextmanager
def display(choice: str) -> Iterator[dict[str, str]]:
    """Environment for the GUI processes: the desktop's display, a private Xvfb server, or Qt's
    offscreen platform (which paints the same widgets into memory)."""
    # An installed app has its bytecode compiled (pip does it); a warm start reuses it.
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")}
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if choice == "auto":
        choice = "desktop" if has_display else "xvfb" if shutil.which("Xvfb") else "offscreen"
    if choice == "offscreen":
        with tempfile.TemporaryDirectory(prefix="roundtable-screen-") as folder:
            config = Path(folder) / "screen.json"
            config.write_text(json.dumps(OFFSCREEN_SCREEN), encoding="utf-8")
            yield {
                **env,
                "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
                "RT_BENCH_DISPLAY": "offscreen 1920x1080",
            }
        return
    if choice == "desktop":
        yield {**env, "RT_BENCH_DISPLAY": "the desktop's display"}
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield {**env, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb", "RT_BENCH_DISPLAY": f"Xvfb {SCREEN}"}
    finally:
        server.terminate()
        server.wait()


# --- start-up ------------------------------------------------------------------------------


def _time_to_line(command: list[str], env: dict[str, str], line: str) -> float:
    """Milliseconds from starting `command` to it printing `line`; waits for it to exit."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    elapsed = None
    for text in process.stdout:
        if line in text:
            elapsed = (time.perf_counter() - start) * 1000
            break
    _, errors = process.communicate(timeout=120)
    if elapsed is None:
        raise RuntimeError(f"{' '.join(command)} never said {line!r}:\n{errors[-2000:]}")
    return elapsed


def startup(db: Path, env: dict[str, str], size: Size, runs: int) -> Row:
    app_env = {**env, SMOKE_ENV: "1"}
    app = [sys.executable, "-m", "app", "--db", str(db)]
    bare = [sys.executable, "-m", "benchmarks.bare_window", "--rows", str(size.people)]
    _time_to_line(app, app_env, SMOKE_LINE)  # warm: the file and the modules in the page cache
    _time_to_line(bare, env, BARE_LINE)
    app_ms: list[float] = []
    floor_ms: list[float] = []
    for _ in range(runs):
        app_ms.append(_time_to_line(app, app_env, SMOKE_LINE))
        floor_ms.append(_time_to_line(bare, env, BARE_LINE))
    return Row(
        "start to the first painted list page (warm, new process)",
        "ms",
        app_ms,
        floor_ms,
        median_within(1.5, 500),
        f"bare QMainWindow + QTableView of {size.people:,} rows, painted",
    )


# --- the window, driven --------------------------------------------------------------------


def _probe(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if done.returncode != 0 or not last:
        raise RuntimeError(f"gui_probe {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(last[0])
    return result


def _cases(cases: dict[str, dict[str, list[float]]]) -> list[str]:
    lines = []
    for label, case in cases.items():
        a, f = Stats.of(case["app"]), Stats.of(case["floor"])
        lines.append(
            f"{label}: app {a.median:.1f} / {a.p95:.1f} ms, floor {f.median:.1f} / {f.p95:.1f} ms "
            f"(median / p95)"
        )
    return lines


def _whole_lists(times: list[float], floor: list[float]) -> list[str]:
    """The whole list: what the table above compares with (its first page) is a stricter floor
    than "the same SQL into a Python list" read as every id of the list."""
    if not times:
        return []
    s = Stats.of(times)
    line = (
        "the rows paint from the first page; every id (the count in the status line) arrives in "
        f"the background after {s.median:.0f} / {s.p95:.0f} ms (median / p95)"
    )
    if floor:
        f = Stats.of(floor)
        line += (
            f"; the same SQL for every id into a Python list: {f.median:.0f} / {f.p95:.0f} ms "
            f"({s.median / f.median:.2f}× at the median)"
        )
    return [line]


def interactive(db: Path, env: dict[str, str], size: Size, runs: int, smoke: bool) -> list[Row]:
    args = ["interactive", "--db", str(db), "--runs", str(runs)] + (["--smoke"] if smoke else [])
    found = _probe(args, env)
    search, stall, lists, detail = found["search"], found["stall"], found["list"], found["detail"]
    notes_view = found["notes"]
    note, edit = found["note"], found["edit"]
    return [
        Row(
            "search as you type: keys to painted results (after the debounce)",
            "ms",
            search["app"],
            search["floor"],
            p95_within(2, 15, 100),
            "the same SQL, plain sqlite3",
            _cases(search["cases"]),
        ),
        Row(
            "the UI thread's longest stall while typing a query",
            "ms",
            stall["app"],
            stall["floor"],
            p95_at_most(50),
            "the idle event loop",
            [f"worst of all: {max(stall['app']):.1f} ms (idle: {max(stall['floor']):.1f} ms)"],
        ),
        Row(
            f"filter or sort a list of {size.people:,}: action to painted rows",
            "ms",
            lists["app"],
            lists["floor"],
            ratio_and_p95(2, 150),
            "the first page's SQL + a bare QTableView painting the same cells",
            [*_whole_lists(lists["completed"], lists.get("whole_floor", [])), *_cases(lists["cases"])],
        ),
        Row(
            f"the Notes view over {size.notes:,} notes: sort or filter to painted rows",
            "ms",
            notes_view["app"],
            notes_view["floor"],
            p95_at_most(100),
            "the first page's SQL (and an index's count), plain sqlite3 + a bare QTableView painting the same cells",
            _cases(notes_view["cases"]),
        ),
        Row(
            "open an entry's detail view: click to painted page",
            "ms",
            detail["app"],
            detail["floor"],
            p95_at_most(50),
            "primary-key query + the same HTML in a bare QTextBrowser",
        ),
        Row(
            "the UI thread's longest stall while writing a note (autosaves included)",
            "ms",
            note["app"],
            note["floor"],
            p95_at_most(50),
            "the idle event loop",
            [f"worst of all: {max(note['app']):.1f} ms (idle: {max(note['floor']):.1f} ms)"],
        ),
        Row(
            "the UI thread's longest stall while linking an entry from a note and editing it",
            "ms",
            edit["app"],
            edit["floor"],
            p95_at_most(100),  # the answer to a click (Save): within 100 ms feels immediate
            "the idle event loop",
            [f"worst of all: {max(edit['app']):.1f} ms (idle: {max(edit['floor']):.1f} ms)"],
        ),
    ]


def cited(db: Path, env: dict[str, str], size: Size, runs: int) -> Row:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.citing", "--db", str(db), "--runs", str(max(runs * 4, 5))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if done.returncode != 0 or not last:
        raise RuntimeError(f"benchmarks.citing failed:\n{done.stderr[-3000:]}")
    found = json.loads(last[0])
    opened = Stats.of(found["opened"])
    return Row(
        f"select to cited at {size.people:,} officials: the form's Cite to the highlight painted",
        "ms",
        found["cited"],
        found["floor"],
        p95_at_most(100),
        "the same fact and citation, plain sqlite3",
        [
            f"Cite… (Ctrl+Shift+C) on the selection to the form painted: {opened.median:.0f} / "
            f"{opened.p95:.0f} ms (median / p95); {found['cited_before']} passages of the source cited "
            "before, so the highlights and 'Cited for' drawn again are not empty"
        ],
    )


def memory(db: Path, env: dict[str, str], size: Size, runs: int) -> Row:
    app_mb = [_probe(["memory", "--db", str(db)], env)["peak_mb"] for _ in range(runs)]
    floor_mb = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bare_window", "--rows", str(size.people), "--memory"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        floor_mb.append(json.loads(done.stdout.strip().splitlines()[-1])["peak_mb"])
    return Row(
        "peak memory after opening every list and one search",
        "MB",
        app_mb,
        floor_mb,
        peak_within(3),
        f"bare QMainWindow + QTableView of {size.people:,} rows",
    )


# --- writes --------------------------------------------------------------------------------


def writes(db: Path, work: Path, size: Size, runs: int, saves: int) -> list[Row]:
    saved = saving.note_save(db, saves)
    checked = saving.full_check(db, 1)
    imported = importing.measure(work / "import", size.people, min(runs, 3))
    parsed = Stats.of(imported.parse)
    bib = bibliography.measure(work / "bib", 1_000 if size is SMOKE else 10_000, min(runs, 3))
    pdf = source_pdf.measure(db, work / "pdf", 30 if size is SMOKE else 300, min(runs, 3))
    tabled = tables.measure(work / "tables", 1_000 if size is SMOKE else 10_000, min(runs, 3))
    return [
        Row(
            "save a note as someone types, search index included",
            "ms",
            saved["app"],
            saved["floor"],
            p95_at_most(16),
            "the same statements, plain sqlite3",
            [f"{saves} saves of a 1 KB note with 7 links; one in ten keeps a revision"],
        ),
        Row(
            "full check (roundtable check), search index included",
            "ms",
            checked["app"],
            checked["floor"],
            no_target(),
            "SQLite's integrity and foreign-key checks",
        ),
        Row(
            f"import a data file of {size.people:,} entries into an empty library",
            "ms",
            imported.app,
            imported.floor,
            median_within(3, 30_000),
            "parsing it + the same rows by executemany",
            [
                f"{imported.megabytes:.1f} MB of JSON, parsed in {parsed.median:.0f} ms (median): "
                f"{imported.summary}"
            ],
        ),
        Row(
            f"import {bib.entries:,} BibTeX entries as sources (import-bib)",
            "ms",
            bib.app,
            bib.floor,
            median_within(4, 15_000),
            "bibtexparser's parse of the same file, alone",
            [
                f"{bib.megabytes:.1f} MB of BibLaTeX; reading it (parse, LaTeX, names) took "
                f"{Stats.of(bib.read).median:.0f} ms (median); {bib.summary}"
            ],
        ),
        Row(
            f"import a table of {tabled.rows:,} officials (import-table)",
            "ms",
            tabled.app,
            tabled.floor,
            # (at 1,000 rows the backup and reading the library weigh more against the floor)
            median_within(6 if size is SMOKE else 3, 10_000),
            "csv parsing + the same rows by executemany",
            [
                f"{tabled.kilobytes:.0f} kB of CSV; the check alone (the dialog's, writing nothing) took "
                f"{Stats.of(tabled.check).median:.0f} ms (median); the import checks again, backs up, "
                f"writes; {tabled.summary}"
            ],
        ),
        Row(
            f"add a {pdf.pages}-page PDF as a source's text (Add Text from File…)",
            "ms",
            pdf.app,
            pdf.floor,
            median_within(1.5, 30_000),
            "pypdf's text of every page, alone",
            [
                f"{pdf.megabytes:.1f} MB PDF, {pdf.summary}; the app also joins lines into paragraphs, "
                "keeps the file and indexes the text for search"
            ],
        ),
    ]


def bulk_tag(db: Path, work: Path, size: Size, runs: int) -> Row:
    tagged = bulk.measure(db, work / "bulk", 1_000 if size is SMOKE else 10_000, runs)
    return Row(
        f"bulk tag {tagged.entries:,} selected rows (Add Tags…)",
        "ms",
        tagged.app,
        tagged.floor,
        median_within(4, 2_000),
        "the same tag links by executemany, one transaction",
        [f"one undo of it: {Stats.of(tagged.undo).median:.0f} ms (median)"],
    )


def timeline_frames(db: Path, env: dict[str, str], smoke: bool) -> list[Row]:
    """The Timeline scrolled and zoomed (benchmarks/timeline.py), in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.timeline", "--db", str(db), "--frames", "16" if smoke else "80"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if done.returncode != 0 or not last:
        raise RuntimeError(f"benchmarks.timeline failed:\n{done.stderr[-3000:]}")
    found = json.loads(last[0])
    cpu = Stats.of(found["cpu"])
    lanes = f"{found['lanes']:,} lanes, {found['titles']:,} titles"
    # "Never stall the window beyond one frame": every frame and every read the window's
    # thread does between frames within 16 ms, the worst of them, not the p95.
    return [
        Row(
            f"timeline over {found['titles']:,} titles: a frame while scrolling the lanes",
            "ms",
            found["scroll"],
            found["scroll_floor"],
            worst_at_most(16),
            "a bare widget painting as many rectangles",
            [
                f"{lanes}; the lanes' ids read once, off the window's thread: {found['lanes_ms']:.0f} ms; "
                f"at most {found['most_drawn']} items drawn in a frame; every frame (scrolling and "
                f"zooming) in the painting thread's processor time: {cpu.median:.1f} / {cpu.p95:.1f} / "
                f"{cpu.worst:.1f} ms (median / p95 / worst)"
            ],
        ),
        Row(
            f"timeline over {found['titles']:,} titles: a frame while zooming, decades to days",
            "ms",
            found["zoom"],
            found["zoom_floor"],
            worst_at_most(16),
            "a bare widget painting as many rectangles",
        ),
        Row(
            f"timeline over {found['titles']:,} titles: a read between frames while scrolling",
            "ms",
            found["reads"] or [0.0],
            found["read_floor"],
            worst_at_most(16),
            "one bare query of a read's first lanes' titles",
        ),
    ]


def graph_frames(env: dict[str, str], smoke: bool) -> list[Row]:
    """The Graph view laid out, panned and zoomed (benchmarks/graph.py), in a process of its own."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.graph",
            "--frames",
            "8" if smoke else "40",
            "--layouts",
            "1" if smoke else "3",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if done.returncode != 0 or not last:
        raise RuntimeError(f"benchmarks.graph failed:\n{done.stderr[-3000:]}")
    found = json.loads(last[0])
    rows = [
        Row(
            "graph of 1,000 entries: layout on a worker thread",
            "ms",
            found["layout"],
            found["layout_floor"],
            p95_at_most(1000),
            "igraph's layout of the same graph, called directly",
            [f"igraph imported when the view first opens: {found['import_ms']:.0f} ms"],
        )
    ]
    for nodes in (1000, 10000):
        for motion in ("pan", "zoom"):
            rows.append(
                Row(
                    f"graph of {nodes:,} entries: a frame while {'panning' if motion == 'pan' else 'zooming'}",
                    "ms",
                    found[f"{motion}_{nodes}"],
                    found[f"{motion}_floor_{nodes}"],
                    p95_at_most(16),
                    "one bare widget painting as many ellipses and lines, same transform",
                    [
                        f"{found[f'edges_{nodes}']:,} relations; scene built in {found[f'build_{nodes}_ms']:.0f} ms; "
                        f"{found[f'labels_{nodes}']:,} labels legible at the last zoom"
                    ]
                    if motion == "pan"
                    else [],
                )
            )
        rows.append(
            Row(
                f"graph of {nodes:,} entries: drawn sharp once the zooming stops",
                "ms",
                found[f"sharp_{nodes}"],
                found[f"zoom_floor_{nodes}"],
                p95_within(1.5, 4, 100),
                "the same bare widget's zoom frames",
                [
                    "a zoom frame shows the last sharp picture scaled; this redraw follows 120 ms after the last step"
                ],
            )
        )
    return rows


# --- the run -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a small database and few runs (CI)")
    parser.add_argument("--runs", type=int, help="repeats of each measurement (default 5; smoke 1)")
    parser.add_argument(
        "--display",
        choices=("auto", "xvfb", "offscreen", "desktop"),
        help="where windows paint (default: auto for a full run, offscreen for smoke)",
    )
    parser.add_argument(
        "--only",
        default="start,interactive,cite,memory,writes,export,bulk,timeline,graph",
        help="comma-separated groups: start, interactive, cite, memory, writes, export, bulk, timeline, graph",
    )
    args = parser.parse_args(argv)
    size = SMOKE if args.smoke else FULL
    runs = args.runs or (1 if args.smoke else 5)
    groups = set(args.only.split(","))
    started = time.perf_counter()
    info = machine()
    print(
        f"Roundtable benchmark ({size.name}): {info['cpus']} CPUs, Python {info['python']}, "
        f"PySide6/Qt {info['pyside6']}, SQLite {info['sqlite']}, {info['system']}, load {info['load']}",
        flush=True,
    )
    source = cached(size)
    index = index_size(source)
    print(
        f"data: {size.people:,} officials, {size.initiatives:,} initiatives, {size.notes:,} notes "
        f"(a tenth in Chinese, Thai, Lao or Khmer); {index.describe()}",
        flush=True,
    )
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="roundtable-bench-") as folder,
        display(args.display or ("offscreen" if args.smoke else "auto")) as env,
    ):
        work = Path(folder)
        db = working_copy(source, work)
        env = {**env, "ROUNDTABLE_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
        os.environ["ROUNDTABLE_HOME"] = env["ROUNDTABLE_HOME"]
        print(f"windows paint on: {env['RT_BENCH_DISPLAY']}; runs: {runs}", flush=True)
        if "start" in groups:
            rows.append(startup(db, env, size, max(2, runs * 2)))
            _progress(rows[-1])
        if "interactive" in groups:
            driven = interactive(db, env, size, runs, args.smoke)
            rows += driven
            for row in driven:
                _progress(row)
        if "cite" in groups:
            rows.append(cited(db, env, size, runs))
            _progress(rows[-1])
        if "writes" in groups:
            written = writes(db, work, size, runs, 20 if args.smoke else 300)
            rows += written
            for row in written:
                _progress(row)
        if "export" in groups:
            exported = bench_export.rows(bench_export.measure(db, work, runs), size.exported_notes)
            rows += exported
            for row in exported:
                _progress(row)
        if "bulk" in groups:
            rows.append(bulk_tag(db, work, size, runs))
            _progress(rows[-1])
            for row in bulk.rows(db, work, 1_000 if size is SMOKE else 10_000, runs):
                rows.append(row)
                _progress(row)
        if "timeline" in groups:
            drawn = timeline_frames(db, env, args.smoke)
            rows += drawn
            for row in drawn:
                _progress(row)
        if "graph" in groups:
            drawn = graph_frames(env, args.smoke)
            rows += drawn
            for row in drawn:
                _progress(row)
        if "memory" in groups:
            rows.append(memory(db, env, size, max(1, runs // 2 + 1)))
            _progress(rows[-1])
        display_name = env["RT_BENCH_DISPLAY"]
    print()
    print(table(rows))
    print()
    for row in rows:
        for note in row.notes:
            print(f"  {row.what}: {note}")
    elapsed = time.perf_counter() - started
    saved = _save(size, info, index.describe(), display_name, runs, rows, elapsed)
    print(f"\nsaved {saved.relative_to(ROOT)} ({elapsed:.0f} s)")
    return 0


def _progress(row: Row) -> None:
    a, f = row.app_stats, row.floor_stats
    print(
        f"  measured: {row.what}: app {a.median:.1f} {row.unit}, floor {f.median:.1f} {row.unit}",
        flush=True,
    )


def _save(
    size: Size,
    info: dict[str, str],
    index: str,
    display_name: str,
    runs: int,
    rows: list[Row],
    elapsed: float,
) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"{stamp}-{size.name}.json"
    record = {
        "size": size.name,
        "data": {"people": size.people, "initiatives": size.initiatives, "notes": size.notes},
        "machine": info,
        "index": index,
        "display": display_name,
        "window": "1280x760 (the app's default size; the screen is 1920x1080)",
        "bytecode_cache": "on (PYTHONDONTWRITEBYTECODE unset for every process timed)",
        "runs": runs,
        "seconds": elapsed,
        "rows": [row.as_json() for row in rows],
        "markdown": markdown_table(rows),
    }
    text = json.dumps(record, indent=1, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    if size is FULL:  # the run behind the README's table, kept in the repository
        (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
