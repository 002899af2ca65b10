"""The command-line commands. Each returns an exit status; failures raise CliError with one
clear line for stderr (exit 1). Usage errors are argparse's (exit 2)."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from argparse import Namespace
from pathlib import Path
from typing import Any, TextIO

from app.cli import render
from app.db.database import Database, DatabaseRefused
from app.paths import resolve_db_path
from app.services.kinds import UnknownKind, kind_for


class CliError(Exception):
    """A failure the user can act on; its message is printed as one line."""


def _open(args: Namespace) -> Database:
    from app.services.library import open_library

    path = resolve_db_path(getattr(args, "db", None))
    try:
        return open_library(path)
    except DatabaseRefused as exc:
        raise CliError(str(exc)) from exc


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_list(args: Namespace) -> int:
    out = sys.stdout
    from app.services.entries import EntryLists, columns

    try:
        kind = kind_for(args.kind)
    except UnknownKind as exc:
        raise CliError(str(exc)) from exc
    db = _open(args)
    try:
        lists = EntryLists(db)
        cols = columns(kind.key)
        rows = lists.page(kind.key, text=args.filter or "", limit=1_000_000_000, trash=args.trash).rows
    finally:
        db.close()
    if args.json:
        _dump(
            [{"slug": r.slug, **{c.key: v for c, v in zip(cols, r.values, strict=True)}} for r in rows],
            out,
        )
    else:
        out.write(
            render.table(["Slug", *(c.header for c in cols)], [(r.slug, *r.values) for r in rows]) + "\n"
        )
        out.write(f"{len(rows)} {kind.plural.lower() if len(rows) != 1 else kind.singular.lower()}\n")
    return 0


def cmd_show(args: Namespace) -> int:
    out = sys.stdout
    from app.services.details import EntryDetails, NotFound

    db = _open(args)
    try:
        detail = EntryDetails(db).get(args.slug)
    except NotFound as exc:
        raise CliError(f"no entry has the slug {args.slug!r} (see `roundtable list KIND`)") from exc
    finally:
        db.close()
    if args.json:
        _dump(dataclasses.asdict(detail), out)
    else:
        out.write(render.entry(detail) + "\n")
    return 0


def cmd_import(args: Namespace) -> int:
    out = sys.stdout
    from app.io.datafile import InvalidDataFile, read
    from app.services.importer import import_file

    path = Path(args.file)
    db = _open(args)
    try:
        report = import_file(db, read(path))
    except InvalidDataFile as exc:
        if len(exc.problems) > 1:
            sys.stderr.write(exc.report() + "\n")
        raise CliError(f"{path} was not imported; nothing was changed: {exc}") from exc
    finally:
        db.close()
    out.write(report.summary() + "\n")
    for conflict in report.conflicts:
        out.write(f"  kept yours: {conflict}\n")
    return 0


class _StderrProgress:
    """Progress of a long command on stderr: a line redrawn in place on a terminal, a line
    per quarter otherwise (logs stay short)."""

    def __init__(self, what: str, err: TextIO) -> None:
        self._what = what
        self._err = err
        self._tty = err.isatty()
        self._shown = -1
        self._last = 0.0

    def step(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        now = time.monotonic()
        if self._tty:
            if percent == 100 or now - self._last >= 0.1:
                self._last = now
                self._err.write(f"\r{self._what}: {percent:3d}% ({done:,} of {total:,})")
                if percent == 100:
                    self._err.write("\n")
                self._err.flush()
        elif percent // 25 > self._shown:
            self._shown = percent // 25
            self._err.write(f"{self._what}: {percent}% ({done:,} of {total:,})\n")


def cmd_check(args: Namespace) -> int:
    out = sys.stdout
    from app.services.checking import check, reindex
    from app.services.progress import Progress

    db = _open(args)
    try:
        if args.reindex:
            shown = _StderrProgress("Rebuilding the search index", sys.stderr)
            documents = reindex(db, Progress(shown.step))
            sys.stderr.write(f"Search index rebuilt: {documents:,} texts.\n")
        report = check(db)
    finally:
        db.close()
    if args.json:
        _dump({**dataclasses.asdict(report), "ok": report.ok}, out)
    else:
        integrity = "ok" if report.integrity == ("ok",) else "; ".join(report.integrity[:10])
        out.write(f"Database: {report.path}\n")
        out.write(f"Integrity: {integrity}\n")
        out.write(
            f"References: {'ok' if not report.foreign_key_problems else f'{report.foreign_key_problems} broken'}\n"
        )
        out.write(
            f"Schema revision: {report.schema_revision} (this version's newest: {report.head_revision})\n"
        )
        index = "ok" if not report.search_index else "; ".join(report.search_index)
        if report.search_index:
            index += " (roundtable check --reindex rebuilds it)"
        out.write(f"Search index: {index}\n")
        out.write("Holds: " + ", ".join(f"{n} {label}" for label, n in report.counts.items()) + "\n")
        out.write("All good.\n" if report.ok else "Problems found (see above).\n")
    return 0 if report.ok else 1


def cmd_search(args: Namespace) -> int:
    out = sys.stdout
    from app.services.search import Search, SearchError

    text = " ".join(args.query)
    db = _open(args)
    try:
        results = Search(db.read()).run(text, per_kind=args.limit, kind=args.kind)
    except SearchError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    results = render.first_hits(results, args.limit)
    if args.json:
        _dump(dataclasses.asdict(results), out)
    else:
        out.write(render.search_results(results, highlight=out.isatty()) + "\n")
    return 0
