"""The command-line commands. Each returns an exit status; failures raise CliError with one
clear line for stderr (exit 1). Usage errors are argparse's (exit 2).

Reading commands (list, show, search, export, check, backup) read beside a running window: WAL
lets them, and their connections cannot write. Writing commands (import, import-notes, import-bib,
restore, check --reindex, and export --bib when sources still need citation keys) take the writer lock
(app/db/lock.py) and refuse, changing nothing, while the window or another command holds it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import stat
import sys
import time
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from app.cli import render
from app.paths import backups_dir, default_db_path, named_db_path, real_path, user_path
from app.services.kinds import UnknownKind, kind_for
from app.services.library import (
    DatabaseRefused,
    FailedCheck,
    Inspection,
    Library,
    LockHeld,
    LockUnavailable,
    Purpose,
    Refusal,
    State,
    WriterLock,
    bring_up_to_date,
    inspect,
    lock_for_writing,
    require_file,
)

_RESTORE_HINT = " `roundtable backup --list` shows the backups that `roundtable restore` can bring back."


class CliError(Exception):
    """A failure the user can act on; its message is printed as one line."""


def plain_failure(exc: Exception) -> str | None:
    """One line for an error the user can act on (a full disk, a busy or damaged database), or
    None for a bug, which should show its traceback."""
    from app.i18n import Explained
    from app.services.failures import explain, is_database_error

    if isinstance(exc, Explained):  # already one sentence for people (a damaged library, say)
        return str(exc)
    if is_database_error(exc) or isinstance(exc, OSError):
        return str(explain(exc).message)
    return None


@contextlib.contextmanager
def _failing_as(what_failed: str, invalid: type[Exception]) -> Iterator[None]:
    """The ways a writing command fails, as one line: input that is invalid (every problem goes
    to stderr when there are several), or disk and database trouble. Anything else is a bug."""
    try:
        yield
    except invalid as exc:
        problems = getattr(exc, "problems", ())
        if len(problems) > 1:
            sys.stderr.write(exc.report() + "\n")  # type: ignore[attr-defined]
        raise CliError(f"{what_failed}; nothing was changed: {exc}") from exc
    except Exception as exc:
        message = plain_failure(exc)
        if message is None:
            raise
        raise CliError(f"{what_failed}. {message}") from exc


def _refused(exc: DatabaseRefused) -> CliError:
    hint = _RESTORE_HINT if exc.reason in (Refusal.DAMAGED, Refusal.EMPTY) else ""
    return CliError(f"{exc}{hint}")


class UsageError(CliError):
    """Options that do not go together (exit status 2, like argparse's own usage errors)."""


def _library(args: Namespace, *, may_be_missing: bool = False) -> Path:
    """The database file a command works on, as its real path (links resolved: the writer lock
    and a restore must name the file itself), refused at once, before anything opens it or
    takes its lock, when it is a folder, FIFO, device or socket.

    A path the user named (--db, ROUNDTABLE_DB) that names nothing is refused too: a mistyped
    one made a new library. Only the window starts a library at a new path; the default one
    is made by whichever comes first on a first run. `may_be_missing`: for bringing back a
    library that is gone (restore, backup --list)."""
    named = named_db_path(getattr(args, "db", None))
    path = named or real_path(default_db_path())
    try:
        exists = require_file(path)
    except DatabaseRefused as exc:
        raise _refused(exc) from exc
    if not exists and named is not None and not may_be_missing:
        raise CliError(
            f"No library at {path}; nothing was created. Check the path, or open it in the "
            "window (`roundtable --db PATH`) to start a new library there."
        )
    return path


def _inspected(path: Path) -> Inspection:
    try:
        return inspect(path)
    except DatabaseRefused as exc:
        raise _refused(exc) from exc


def _ours_if_any(path: Path, then: str) -> None:
    """Refuse another program's file, or a newer Roundtable's, for what is done only to a
    library of ours; a damaged one (restore and backup --list are its way out) or none passes."""
    try:
        inspect(path)
    except DatabaseRefused as exc:
        if exc.reason in (Refusal.FOREIGN, Refusal.NEWER):
            raise CliError(f"{exc} {then}") from exc


def _open(args: Namespace) -> Library:
    """The library for a reading command: read-only when it is ready, else set up first
    (created, migrated, seeded), which needs the writer lock for that moment."""
    path = _library(args)
    try:
        return Library.open(path, Purpose.READ)
    except DatabaseRefused as exc:
        raise _refused(exc) from exc
    except (LockHeld, LockUnavailable, FailedCheck) as exc:
        raise _not_written(path, exc) from exc


def _not_written(path: Path, exc: LockHeld | LockUnavailable | FailedCheck) -> CliError:
    if isinstance(exc, LockHeld):  # a window that is starting, or a short command, had its wait
        return CliError(f"{exc}; close it (or wait for it to finish) and try again. Nothing was changed.")
    if isinstance(exc, LockUnavailable):
        return CliError(f"{path} cannot be changed: {exc}. Nothing was changed.")
    return CliError(
        f"{path} is damaged ({exc.problems[0]}); nothing was changed. "
        "`roundtable check` gives the details." + _RESTORE_HINT
    )


def _take_lock(path: Path, program: str) -> WriterLock:
    try:
        return lock_for_writing(path, program)
    except (LockHeld, LockUnavailable) as exc:
        raise _not_written(path, exc) from exc


@contextlib.contextmanager
def _writing(path: Path, program: str) -> Iterator[Library]:
    """The library for a writing command, with the writer lock held, checked before use
    (app/services/library.py: another program's file, or a newer one, is refused before the
    lock, so not even the lock file appears beside it)."""
    try:
        library = Library.open(path, Purpose.WRITE, program=program)
    except DatabaseRefused as exc:
        raise _refused(exc) from exc
    except (LockHeld, LockUnavailable, FailedCheck) as exc:
        raise _not_written(path, exc) from exc
    with library:
        yield library


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_list(args: Namespace) -> int:
    out = sys.stdout
    from app.services.entries import BadQuery, columns
    from app.services.table_export import BadField, default_fields, export_list, parse_sort

    try:
        kind = kind_for(args.kind)
    except UnknownKind as exc:
        raise CliError(str(exc)) from exc
    if args.json and args.csv:
        raise UsageError("--json and --csv print different things; choose one")
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit takes a number of entries, 0 or more")
    if args.fields is not None:
        wanted = [f.strip() for f in args.fields.split(",") if f.strip()]
    elif args.csv:
        wanted = list(default_fields(kind.key))  # the slug and uid too: it imports back
    else:
        wanted = ["slug", *(c.key for c in columns(kind.key))]
    library = _open(args)
    try:
        try:
            sort, descending = parse_sort(kind.key, args.sort or "name")
            shown = export_list(
                library.entries,
                kind.key,
                text=args.filter or "",
                sort=sort,
                descending=descending,
                trash=args.trash,
                limit=args.limit,
                wanted=wanted,
                always=("uid", "kind") if args.json else (),  # JSON names each row's entry
            )
        except (BadField, BadQuery) as exc:
            raise UsageError(str(exc)) from exc
    finally:
        library.close()
    if args.json:
        _dump(shown.records(), out)
    elif args.csv:
        from app.io.tables import csv_bytes

        data = csv_bytes(shown.headers, shown.rows)
        if out.isatty():  # the byte-order mark is for a spreadsheet opening the file
            data = data.removeprefix(b"\xef\xbb\xbf")
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
    else:
        plain = [["" if v is None else str(v) for v in row] for row in shown.rows]
        out.write(render.table(list(shown.headers), plain) + "\n")
        count = len(shown.rows)
        out.write(f"{count} {kind.plural.lower() if count != 1 else kind.singular.lower()}\n")
    return 0


def cmd_import_table(args: Namespace) -> int:
    out = sys.stdout
    from app.io.tables import TableError, read_mapping, read_table
    from app.services.table_import import KINDS, MappingError, auto_mapping, mapping_from
    from app.user_files import UnreadableFile

    try:
        kind = kind_for(args.kind)
    except UnknownKind as exc:
        raise UsageError(str(exc)) from exc
    if kind.key not in KINDS:
        raise UsageError(f"{kind.plural.lower()} are not imported from tables; use `roundtable import-bib`")
    path = Path(args.file)
    try:
        table = read_table(path)
        given = read_mapping(Path(args.mapping)) if args.mapping else None
        mapping = (
            mapping_from(kind.key, table.headers, given) if given else auto_mapping(kind.key, table.headers)
        )
    except (TableError, UnreadableFile, MappingError) as exc:
        raise CliError(f"{path} was not imported; nothing was changed: {exc}") from exc
    with (
        _writing(_library(args), "import-table") as library,
        _failing_as(f"{path} was not imported", MappingError),
    ):
        report = library.tables.run(table, kind.key, mapping, dry_run=args.dry_run)
    ignored = [h for h, k in zip(table.headers, mapping, strict=True) if not k]
    out.write(str(report.summary()) + "\n")
    if ignored:
        out.write("  columns not imported: " + ", ".join(ignored) + "\n")
    for o in () if report.problems else report.outcomes:
        if o.outcome != "unchanged":
            verb = o.outcome if report.written else f"would be {o.outcome}"
            out.write(f"  row {o.row}: {o.name} ({o.slug}) {verb}\n")
    for problem in report.problems:
        sys.stderr.write(problem.text() + "\n")
    if report.backup is not None:
        out.write(f"  The library was backed up first: {report.backup}\n")
    return 1 if report.problems else 0


def cmd_show(args: Namespace) -> int:
    out = sys.stdout
    from app.services.details import NotFound

    library = _open(args)
    try:
        detail = library.details.get(args.slug)
    except NotFound as exc:
        raise CliError(f"no entry has the slug {args.slug!r} (see `roundtable list KIND`)") from exc
    finally:
        library.close()
    if args.json:
        _dump(dataclasses.asdict(detail), out)
    else:
        out.write(render.entry(detail) + "\n")
    return 0


def cmd_import(args: Namespace) -> int:
    out = sys.stdout
    from app.cli.interrupt import cancel_on_interrupt
    from app.io.datafile import InvalidDataFile
    from app.services.progress import Cancelled, Progress

    path = Path(args.file)
    if path.is_dir():
        raise CliError(
            f"{path} is a folder; to bring back notes from an exported vault, run `roundtable import-notes {path}`"
        )
    lines: dict[str, _StderrProgress] = {}  # on a terminal: a line for each stage, redrawn

    def shown(done: int, total: int) -> None:
        stage = str(progress.stage)
        lines.setdefault(stage, _StderrProgress(f"{path.name}: {stage}", sys.stderr)).step(done, total)

    progress = Progress(shown if sys.stderr.isatty() else None)
    try:
        with (
            cancel_on_interrupt(progress),  # Ctrl+C: the import stops and rolls back
            _writing(_library(args), "import") as library,
            _failing_as(f"{path} was not imported", InvalidDataFile),
        ):
            report = library.import_data(path, progress, _folder(args.attachments))
    except Cancelled:
        sys.stderr.write(("\n" if lines else "") + "Import cancelled; nothing was changed.\n")
        return 130
    out.write(report.summary() + "\n")
    for conflict in report.conflicts:
        out.write(f"  kept yours: {conflict}\n")
    for name in report.missing_files:
        out.write(f"  attached file not found: {name}\n")
    return 0


def _folder(given: str | None) -> Path | None:
    """The folder of attached files the user named, or None; one that is not a folder is refused
    before anything is opened."""
    if given is None:
        return None
    folder = Path(given)
    if not folder.is_dir():
        raise CliError(f"{folder} is not a folder; --attachments names the folder of attached files")
    return folder


class _StderrProgress:
    """Progress of a long command on stderr: a line redrawn in place on a terminal, a line
    per quarter otherwise (logs stay short)."""

    def __init__(self, what: str, err: TextIO) -> None:
        self._what = what
        self._err = err
        self._tty = err.isatty()
        self._shown = -1
        self._last = 0.0
        self._ended = False  # (100% is drawn once, however often it is reported)

    def step(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        now = time.monotonic()
        if self._tty:
            if self._ended:
                return
            self._ended = percent == 100
            if percent == 100 or now - self._last >= 0.1:
                self._last = now
                counted = f" ({done:,} of {total:,})" if total > 1 else ""  # (not for one step)
                self._err.write(f"\r{self._what}: {percent:3d}%{counted}")
                if percent == 100:
                    self._err.write("\n")
                self._err.flush()
        elif percent // 25 > self._shown:
            self._shown = percent // 25
            self._err.write(f"{self._what}: {percent}% ({done:,} of {total:,})\n")


def cmd_export(args: Namespace) -> int:
    out = sys.stdout
    filters = [name for name in ("kind", "tag", "query") if getattr(args, name)] + (
        ["notes-only"] if args.notes_only else []
    )
    pandoc = getattr(args, "citations", "footnotes") == "pandoc"
    if args.bib_format and not (args.bib or pandoc):
        raise UsageError("--bib-format is for --bib FILE or --citations pandoc")
    if pandoc and not (args.out or args.digest):
        raise UsageError("--citations pandoc is for --out DIR or --digest FILE")
    if args.bib:
        if args.out or args.digest or args.json or args.attachments or filters:
            raise UsageError("--bib writes every source; use it without --out, --digest, --json or filters")
        return _export_bib(args, out)
    if not (args.out or args.digest or args.json):
        raise UsageError("export needs --out DIR, --digest FILE, --json FILE or --bib FILE")
    if args.json and (args.out or args.digest or filters):
        raise UsageError("--json writes the whole database; use it without --out, --digest or filters")
    if args.overwrite and not args.json:
        raise UsageError("--overwrite is for --json FILE or --bib FILE")
    if args.attachments and not args.json:
        raise UsageError("--attachments is for --json FILE")
    if args.json:
        return _export_json(args, out)
    from app.services.markdown_export import (
        ExportError,
        MarkdownExport,
        Scope,
    )

    kind = None
    if args.kind:
        try:
            kind = kind_for(args.kind).key
        except UnknownKind as exc:
            raise CliError(str(exc)) from exc
    from app.services.search import SearchError

    keys_made = _give_keys(args) if pandoc else 0
    library = _open(args)
    try:
        try:
            entry_ids = library.entries_matching(args.query) if args.query else None
        except SearchError as exc:
            raise CliError(str(exc)) from exc
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
            citations=args.citations,
            bibliography_format=args.bib_format or "csl-json",
        )
        report = library.export_markdown(job)
    except ExportError as exc:
        raise CliError(f"export stopped: {exc}") from exc
    finally:
        library.close()
    out.write(report.summary() + "\n")
    if keys_made:
        out.write(f"  {keys_made} sources got a citation key, kept in the library from now on.\n")
    if report.manifest_problem:
        out.write(f"  note: {report.manifest_problem}\n")
    for rel in report.skipped:
        out.write(f"  kept your edited file: {rel}\n")
    for rel, beside in report.beside:
        out.write(f"  you edited {rel}; the new version is {beside}\n")
    return 0


def _may_write(target: Path, overwrite: bool) -> None:
    """Refuse, before anything is opened, an export's file that is already there (as `backup
    --out` refuses), unless --overwrite; even then only an ordinary file is replaced: a link
    (to a file of anyone's, anywhere) would be swapped for a file or written through, a FIFO
    or a device swapped for a file taking its mode."""
    try:
        status = target.lstat()
    except OSError:  # nothing there, or no way to look: the write says why it fails, if it does
        return
    if not overwrite:
        raise CliError(
            f"{target} already exists; give a new file name, or add --overwrite to replace it. "
            "Nothing was written."
        )
    if not stat.S_ISREG(status.st_mode):
        from app.user_files import kind_of

        what = "a symbolic link" if stat.S_ISLNK(status.st_mode) else kind_of(status.st_mode)
        raise CliError(
            f"{target} is {what}; --overwrite replaces only an ordinary file. Nothing was written."
        )


def _export_json(args: Namespace, out: TextIO) -> int:
    from app.services.json_export import DumpError

    target = Path(args.json)
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name for the JSON export")
    _may_write(target, args.overwrite)
    folder = Path(args.attachments) if args.attachments else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file; --attachments names a folder for the attached files")
    library = _open(args)
    try:
        counts = library.export_json(target, attachments=folder)
    except DumpError as exc:
        raise CliError(f"{target} was not written: {exc}") from exc
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        library.close()
    held = ", ".join(f"{n} {section.replace('_', ' ')}" for section, n in counts.items() if n)
    out.write(f"Wrote {target}: {held or 'an empty library'}.\n")
    if counts.files and folder is None:
        out.write(
            f"  The sources list {counts.files} attached files, not copied: add --attachments DIR "
            "to copy them beside the data file.\n"
        )
    elif counts.files:
        out.write(f"  Copied {counts.copied} attached files into {folder}.\n")
    for name in counts.left_out:
        out.write(f"  not copied (missing or changed in the library; see roundtable check): {name}\n")
    return 0


def _give_keys(args: Namespace) -> int:
    """Citation keys for the sources without one, before an export cites them by key: stored
    (so a draft's keys stay put), which needs the writer lock only when some are missing."""
    library = _open(args)
    try:
        missing = library.bibliography.keys_missing()
    finally:
        library.close()
    if not missing:
        return 0
    try:
        with _writing(_library(args), "export --citations pandoc") as writable:
            return writable.bibliography.give_keys()
    except CliError as exc:
        raise CliError(f"{missing} sources need a citation key, which the export stores: {exc}") from exc


def _export_bib(args: Namespace, out: TextIO) -> int:
    """The sources as a bibliography. A reading command, unless sources still need citation
    keys: those are stored (so a draft's keys stay put), which needs the writer lock."""
    from app.io.bibliography import EXTENSIONS

    target = Path(args.bib)
    fmt = args.bib_format or EXTENSIONS.get(target.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"{target.name}: name the file .json, .bib or .ris, or say --bib-format csl-json|bibtex|ris"
        )
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name for the bibliography")
    _may_write(target, args.overwrite)
    library = _open(args)
    try:
        missing = library.bibliography.keys_missing()
        report = None if missing else library.bibliography.export(target, fmt)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        library.close()
    if report is None:
        try:
            with _writing(_library(args), "export --bib") as writable:
                report = writable.bibliography.export(target, fmt)
        except CliError as exc:
            raise CliError(f"{missing} sources need a citation key, which the export stores: {exc}") from exc
        except OSError as exc:
            raise CliError(f"cannot write {target}: {exc.strerror or exc}") from exc
    out.write(f"Wrote {target}: {report.sources} sources ({fmt}).\n")
    if report.keys_made:
        out.write(f"  {report.keys_made} sources got a citation key, kept in the library from now on.\n")
    return 0


def cmd_import_bib(args: Namespace) -> int:
    out = sys.stdout
    from app.io.bibliography import BibliographyError

    path = Path(args.source)
    if args.dry_run:  # a reading command: nothing is written, not even a backup
        library = _open(args)
        try:
            with _failing_as(f"{path} was not read", BibliographyError):
                plan = library.bibliography.preview(path, args.format)
        finally:
            library.close()
    else:
        with (
            _writing(_library(args), "import-bib") as writable,
            _failing_as(f"{path} was not imported", BibliographyError),
        ):
            plan = writable.bibliography.run(path, args.format)
    out.write(plan.summary(done=not args.dry_run) + "\n")
    for line in plan.lines():
        out.write(f"  {line}\n")
    if plan.backup is not None:
        out.write(f"  The library was backed up first: {plan.backup}\n")
    return 0


def cmd_import_notes(args: Namespace) -> int:
    out = sys.stdout
    from app.services.vault_import import InvalidVault

    folder = Path(args.folder)
    with (
        _writing(_library(args), "import-notes") as library,
        _failing_as("no notes were imported", InvalidVault),
    ):
        report = library.import_vault_notes(folder)
    out.write(report.summary() + "\n")
    for title in report.updated:
        out.write(f"  updated: {title}\n")
    for conflict in report.conflicts:
        out.write(f"  not imported: {conflict}\n")
    for unknown in report.unknown:
        out.write(f"  not in this library: {unknown}\n")
    return 0


def cmd_import_markdown(args: Namespace) -> int:
    out = sys.stdout
    from app.services.markdown_import import NotAFolder

    folder = Path(args.folder)
    if args.dry_run:
        library = _open(args)
        try:
            with _failing_as("the notes were not imported", NotAFolder):
                report = library.import_markdown(folder, dry_run=True)
        finally:
            library.close()
    else:
        with (
            _writing(_library(args), "import-markdown") as library,
            _failing_as("the notes were not imported", NotAFolder),
        ):
            report = library.import_markdown(folder)
    out.write(report.summary() + "\n")
    if report.backup is not None:
        out.write(f"  backup first: {report.backup}\n")
    for link in report.unlinked:
        out.write(f"  left as written: {link.path}: {link.link}\n")
    for skipped in report.skipped:
        out.write(f"  skipped: {skipped.path}: {skipped.reason}\n")
    for dropped in report.dropped_tags:
        out.write(f"  tag left out: {dropped.path}: {dropped.reason}\n")
    for attachment in report.attachments:
        out.write(f"  attachment left alone: {attachment}\n")
    return 0


def cmd_check(args: Namespace) -> int:
    out = sys.stdout
    from app.services.checking import findings
    from app.services.progress import Progress

    if args.reindex:  # a write: under the writer lock, like import
        with _writing(_library(args), "check --reindex") as writable:
            shown = _StderrProgress("Rebuilding the search index", sys.stderr)
            documents = writable.reindex(Progress(shown.step))
            sys.stderr.write(f"Search index rebuilt: {documents:,} texts.\n")
    library = _open(args)
    try:
        report = library.check_report()
    finally:
        library.close()
    unchecked = report.foreign_key_problems < 0  # the reference check could not read the file
    if args.json:
        _dump(
            {
                **dataclasses.asdict(report),
                "foreign_key_problems": None if unchecked else report.foreign_key_problems,
                "ok": report.ok,
                "findings": findings(report),
            },
            out,
        )
    else:
        integrity = "ok" if report.integrity == ("ok",) else "; ".join(report.integrity[:10])
        references = (
            "could not be checked (the file is damaged)"
            if unchecked
            else f"{report.foreign_key_problems} broken"
            if report.foreign_key_problems
            else "ok"
        )
        out.write(f"Database: {report.path}\n")
        out.write(f"Integrity: {integrity}\n")
        out.write(f"References: {references}\n")
        out.write(
            f"Schema revision: {report.schema_revision} (this version's newest: {report.head_revision})\n"
        )
        index = "ok" if not report.search_index else "; ".join(report.search_index)
        if report.search_index:
            index += " (roundtable check --reindex rebuilds it)"
        out.write(f"Search index: {index}\n")
        lists = "ok" if not report.list_index else "; ".join(report.list_index)
        if report.list_index:
            lists += " (roundtable check --reindex rebuilds them)"
        out.write(f"Lists: {lists}\n")
        out.write("Holds: " + ", ".join(f"{n} {label}" for label, n in report.counts.items()) + "\n")
        out.write("\n".join(str(line) for line in findings(report)) + "\n")
        out.write("All good.\n" if report.ok else "Problems found (see above).\n")
    return 0 if report.ok else 1


def cmd_backup(args: Namespace) -> int:
    out = sys.stdout
    from app.services.backups import MANUAL, backup_now, backup_to_file, list_backups

    path = _library(args, may_be_missing=args.list)
    if args.list:  # (the way out of a damaged library: it need not be readable)
        _ours_if_any(path, "Nothing was listed.")
        backups = list_backups(path)
        if not backups:
            out.write(f"No backups of {path.name} in {backups_dir(path)}.\n")
            return 0
        rows = [
            (
                b.local_time.strftime("%Y-%m-%d %H:%M"),
                b.label,
                "?" if b.entries is None else str(b.entries),
                "?" if b.notes is None else str(b.notes),
                b.path.name,
            )
            for b in backups
        ]
        out.write(render.table(["Taken", "Why", "Entries", "Notes", "File"], rows) + "\n")
        out.write(f"{len(backups)} backups in {backups_dir(path)}\n")
        return 0
    found = _inspected(path)
    if found.state is State.MISSING:
        raise CliError(f"{path} does not exist; there is nothing to back up.")
    if args.out:
        target = user_path(args.out).absolute()
        if target.exists():
            raise CliError(f"{target} already exists; choose a new file name. Nothing was written.")
        made = backup_to_file(path, target)
    else:
        made = backup_now(path, MANUAL)
    out.write(f"Backed up {path.name} to {made}\n")
    return 0


def _backup_file(path: Path, given: str) -> Path:
    candidate = user_path(given)
    if not candidate.exists() and candidate.name == given:
        in_folder = backups_dir(path) / given  # a name as `backup --list` prints it
        if in_folder.exists():
            return in_folder
    return candidate.absolute()


def cmd_restore(args: Namespace) -> int:
    out = sys.stdout
    from app.services.backups import BackupUnusable, check_backup, restore

    path = _library(args, may_be_missing=True)
    _ours_if_any(path, "A restore replaces only a Roundtable library; nothing was changed.")
    source = _backup_file(path, args.file)
    try:
        checked = check_backup(source)  # before taking the lock: a bad file is refused at once
    except BackupUnusable as exc:
        raise CliError(f"{exc} Nothing was changed.") from exc
    with _take_lock(path, "restore"):
        try:
            result = restore(path, source, checked=checked)
        except BackupUnusable as exc:
            raise CliError(f"{exc} Nothing was changed.") from exc
        try:
            bring_up_to_date(path)  # an older backup, now, under the lock
        except DatabaseRefused as exc:
            raise _refused(exc) from exc
    b = result.backup
    out.write(
        f"Restored {path.name} from {source.name} (taken {b.local_time:%Y-%m-%d %H:%M}; "
        f"{b.entries} entries, {b.notes} notes).\n"
    )
    if result.previous_saved_as is not None:
        out.write(f"The database it replaced is kept as {result.previous_saved_as}\n")
    if result.files_restored:
        out.write(f"Sources' files brought back from the backups: {result.files_restored}.\n")
    if result.files_missing:
        out.write(
            "Sources' files no backup holds (roundtable check names their sources): "
            + ", ".join(result.files_missing)
            + "\n"
        )
    return 0


def cmd_search(args: Namespace) -> int:
    out = sys.stdout
    from app.services.search import SearchError

    text = " ".join(args.query)
    library = _open(args)
    try:
        results = library.search.run(text, per_kind=args.limit, kind=args.kind)
    except SearchError as exc:
        raise CliError(str(exc)) from exc
    finally:
        library.close()
    results = render.first_hits(results, args.limit)
    if args.json:
        _dump(dataclasses.asdict(results), out)
    else:
        out.write(render.search_results(results, highlight=out.isatty()) + "\n")
    return 0
