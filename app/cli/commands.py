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


class UsageError(CliError):
    """Options that do not go together (exit status 2, like argparse's own usage errors)."""


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
    if path.is_dir():
        raise CliError(
            f"{path} is a folder; to bring back notes from an exported vault, run `roundtable import-notes {path}`"
        )
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


def cmd_export(args: Namespace) -> int:
    out = sys.stdout
    filters = [name for name in ("kind", "tag", "query") if getattr(args, name)] + (
        ["notes-only"] if args.notes_only else []
    )
    if not (args.out or args.digest or args.json):
        raise UsageError("export needs --out DIR, --digest FILE or --json FILE")
    if args.json and (args.out or args.digest or filters):
        raise UsageError("--json writes the whole database; use it without --out, --digest or filters")
    if args.json:
        return _export_json(args, out)
    from app.services.exporting import ExportError, MarkdownExport, Scope, entries_matching, export_markdown

    kind = None
    if args.kind:
        try:
            kind = kind_for(args.kind).key
        except UnknownKind as exc:
            raise CliError(str(exc)) from exc
    db = _open(args)
    try:
        entry_ids = entries_matching(db, args.query) if args.query else None
        job = MarkdownExport(
            Scope(
                kind=kind,
                tag=args.tag,
                entry_ids=entry_ids,
                notes_only=args.notes_only,
                entries_label=f"entries matching {args.query!r}" if args.query else None,
            ),
            folder=Path(args.out) if args.out else None,
            digest=Path(args.digest) if args.digest else None,
            links=args.links,
            on_conflict=args.on_conflict,
        )
        report = export_markdown(db, job)
    except ExportError as exc:
        raise CliError(f"export stopped: {exc}") from exc
    finally:
        db.close()
    out.write(report.summary() + "\n")
    if report.manifest_problem:
        out.write(f"  note: {report.manifest_problem}\n")
    for rel in report.skipped:
        out.write(f"  kept your edited file: {rel}\n")
    for rel, beside in report.beside:
        out.write(f"  you edited {rel}; the new version is {beside}\n")
    return 0


def _export_json(args: Namespace, out: TextIO) -> int:
    from app.services.datadump import DumpError, export_json

    target = Path(args.json)
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name for the JSON export")
    db = _open(args)
    try:
        counts = export_json(db, target)
    except DumpError as exc:
        raise CliError(f"{target} was not written: {exc}") from exc
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        db.close()
    held = ", ".join(f"{n} {section.replace('_', ' ')}" for section, n in counts.items() if n)
    out.write(f"Wrote {target}: {held or 'an empty library'}.\n")
    return 0


def cmd_import_notes(args: Namespace) -> int:
    out = sys.stdout
    from app.services.vault_import import InvalidVault, import_vault_notes

    folder = Path(args.folder)
    db = _open(args)
    try:
        report = import_vault_notes(db, folder)
    except InvalidVault as exc:
        if len(exc.problems) > 1:
            sys.stderr.write(exc.report() + "\n")
        raise CliError(f"no notes were imported; nothing was changed: {exc}") from exc
    finally:
        db.close()
    out.write(report.summary() + "\n")
    for title in report.updated:
        out.write(f"  updated: {title}\n")
    for conflict in report.conflicts:
        out.write(f"  not imported: {conflict}\n")
    for unknown in report.unknown:
        out.write(f"  not in this library: {unknown}\n")
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
