"""The command-line commands. Each returns an exit status; failures raise CliError with one
clear line for stderr (exit 1). Usage errors are argparse's (exit 2)."""

from __future__ import annotations

import dataclasses
import json
import sys
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


def cmd_check(args: Namespace) -> int:
    out = sys.stdout
    from app.services.checking import check

    db = _open(args)
    try:
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
        out.write("Holds: " + ", ".join(f"{n} {label}" for label, n in report.counts.items()) + "\n")
        out.write("All good.\n" if report.ok else "Problems found (see above).\n")
    return 0 if report.ok else 1
