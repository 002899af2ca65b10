"""Composition root: parse arguments, then either run a command or open the window.

Nothing heavy is imported here: the GUI path must reach its first paint quickly
(benchmarks/), so Qt, SQLAlchemy and Alembic load only where a path needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app import __version__

_EPILOG = """Without a command, Roundtable opens its window.

environment:
  ROUNDTABLE_HOME  one folder for all of Roundtable's files (library, backups, settings),
                   instead of the platform's user folders: portable installs, trials
  ROUNDTABLE_DB    the database file (--db wins over it)

exit status:
  0 success, 1 failure (one line on stderr), 2 usage error (an unknown KIND too),
  130 interrupted (Ctrl+C), 141 the program reading the output stopped early

shell completion: roundtable --print-completion bash|zsh|tcsh (see the README)"""
# shtab's names for "complete a file name" and "a folder name", by shell (written out, so the
# parser does not import shtab: it loads only for --print-completion).
_FILE = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}
_DIR = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/", "tcsh": "d"}


class _PrintCompletion(argparse.Action):
    """Print a completion script for a shell, generated from this parser (shtab), and exit."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        import shtab

        print(shtab.complete(parser, shell=str(values)))
        parser.exit(0)


def _kind(text: str) -> str:
    """KIND, checked while parsing: an unknown one is a usage error (exit 2)."""
    from app.services.kinds import UnknownKind, kind_for

    try:
        kind_for(text)
    except UnknownKind as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _search_kind(text: str) -> str:
    """A kind of entry, or notes."""
    from app.services.search import NOTE_WORDS

    return text if text.strip().lower() in NOTE_WORDS else _kind(text)


def build_parser() -> argparse.ArgumentParser:
    db_help = "the database file (default: ROUNDTABLE_DB, else roundtable.sqlite3 in the user data folder)"
    parser = argparse.ArgumentParser(
        prog="roundtable",
        description="Roundtable: an offline research desk for China–ASEAN cooperation on AI.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Roundtable {__version__}")
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument(
        "--open",
        metavar="FILE",
        help="open FILE in the window: a library is opened, a data file is offered for import "
        "(what a file manager's Open with Roundtable runs)",
    )
    parser.add_argument(
        "--print-completion",
        choices=("bash", "zsh", "tcsh"),
        action=_PrintCompletion,
        help="print a shell completion script and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, run: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
        p.set_defaults(run=run)
        return p

    p = command("list", "list the entries of one kind", "cmd_list")
    p.add_argument(
        "kind",
        metavar="KIND",
        type=_kind,
        help="officials, countries, organizations, initiatives, events or sources",
    )
    p.add_argument(
        "--filter", metavar="TEXT", help="only entries whose name, aliases or columns contain TEXT"
    )
    p.add_argument("--trash", action="store_true", help="list the entries in the trash instead")
    p.add_argument(
        "--json", action="store_true", help="print JSON instead of a table (typed values, uid, kind)"
    )
    p.add_argument("--csv", action="store_true", help="print CSV (UTF-8) that `import-table` reads back")
    p.add_argument("--fields", metavar="A,B,C", help="these fields, in this order (columns, slug, uid, kind)")
    p.add_argument("--sort", metavar="FIELD", help="sort by this column; --sort=-FIELD sorts descending")
    p.add_argument("--limit", metavar="N", type=int, help="only the first N entries")

    p = command(
        "import-table",
        "import officials, organizations, countries, initiatives or events from CSV or XLSX, all or nothing",
        "cmd_import_table",
    )
    p.epilog = (
        "Columns map to fields by their titles (or a mapping file: {column title: field, or "
        "ignore}). Rows match entries by a uid column, else by name: importing again creates "
        "nothing twice. Any row problem and nothing is written."
    )
    p.add_argument("file", metavar="FILE", help="a .csv (any delimiter, UTF-8 or Windows-1252) or .xlsx file")
    p.add_argument("--kind", metavar="KIND", required=True, type=_kind, help="what each row is")
    p.add_argument(
        "--mapping", metavar="MAPPING", help="a .yaml or .json file mapping column titles to fields"
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would be created and updated and every problem; write nothing",
    )

    p = command("show", "show one entry with its facts and citations", "cmd_show")
    p.add_argument("slug", metavar="SLUG", help="the entry's slug, as `list` prints it")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = command("import", "import a Roundtable data file (JSON or YAML), all or nothing", "cmd_import")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--attachments",
        metavar="DIR",
        help="where the files its sources list are (default: the attachments folder beside FILE)",
    )

    p = command(
        "export",
        "export to Markdown (a vault folder and/or a digest file) or the whole database to JSON",
        "cmd_export",
    )
    p.epilog = (
        "Filters combine; without one, everything is exported. Re-exporting into a folder never "
        "overwrites a file you edited since the last export: it is skipped and reported, or with "
        "--on-conflict beside the new version is written next to it."
    )
    shape = p.add_argument_group("what to write (at least one)")
    shape.add_argument(
        "--out", metavar="DIR", help="a vault: a folder per kind, a file per entry, standalone notes"
    )
    shape.add_argument("--digest", metavar="FILE", help="one Markdown file with a section per entry")
    shape.add_argument("--json", metavar="FILE", help="the whole database as a data file (no filters apply)")
    shape.add_argument(
        "--bib",
        metavar="FILE",
        help="the sources as a bibliography: CSL-JSON (.json), BibLaTeX (.bib) or RIS (.ris), by citation key",
    )
    p.add_argument(
        "--bib-format",
        choices=("csl-json", "bibtex", "ris"),
        help="with --bib: the format, whatever FILE is called; with --citations pandoc: the bibliography's",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="with --json or --bib: replace FILE if it exists (else it is refused)",
    )
    p.add_argument(
        "--attachments",
        metavar="DIR",
        help="with --json: copy the files sources' texts came from into DIR, named by checksum",
    )
    scope = p.add_argument_group("what to export")
    scope.add_argument(
        "--kind", metavar="KIND", type=_kind, help="only entries of one kind (officials, countries, ...)"
    )
    scope.add_argument(
        "--tag", metavar="TAG", help="only entries and notes with this tag (or a tag under it)"
    )
    scope.add_argument(
        "--query", metavar="Q", help="only entries matching Q (name, other names, list columns)"
    )
    scope.add_argument("--notes-only", action="store_true", help="only notes, each in a file of its own")
    p.add_argument(
        "--links",
        choices=("wiki", "markdown"),
        default="wiki",
        help="[[wiki-links]] (default) or relative Markdown links",
    )
    p.add_argument(
        "--citations",
        choices=("footnotes", "pandoc"),
        default="footnotes",
        help="footnotes quoting each source (default), or Pandoc citations [@key, para. 6] against a "
        "bibliography written beside the files (references.json, or the --bib-format asked for)",
    )
    p.add_argument(
        "--on-conflict",
        choices=("skip", "beside"),
        default="skip",
        help="for a file you edited since the last export: leave it and report it (default), or write the new version beside it",
    )

    p = command(
        "import-notes",
        "bring back notes you edited in an exported vault (the old text is kept as a revision)",
        "cmd_import_notes",
    )
    p.add_argument("folder", metavar="DIR", help="the folder `roundtable export --out` wrote")

    p = command(
        "import-markdown",
        "import a folder of Markdown notes from another app (an Obsidian or Zettlr vault), all or nothing",
        "cmd_import_markdown",
    )
    p.epilog = (
        "Each file becomes a note: on the entry its front matter's entry:, its title, an alias or its "
        "file name names, else standalone; tags from its front matter and its #tags; [[links]] to "
        "entries become backlinks, the others stay as written. Importing the folder again skips the "
        "files imported before (known by their path and content)."
    )
    p.add_argument("folder", metavar="DIR", help="the folder of Markdown notes")
    p.add_argument("--dry-run", action="store_true", help="say what would be imported; write nothing")

    p = command(
        "import-bib",
        "import sources from a bibliography (CSL-JSON, BibTeX, RIS) or a Zotero data folder, all or nothing",
        "cmd_import_bib",
    )
    p.epilog = (
        "Sources match by citation key, DOI, web address, then title and date: importing again "
        "creates nothing twice, updates what the file changed and leaves what you changed. "
        "Zotero's database is read from a copy and never written."
    )
    p.add_argument(
        "source", metavar="FILE_OR_DIR", help="a .json, .bib or .ris file, or Zotero's data folder"
    )
    p.add_argument(
        "--format",
        choices=("csl-json", "bibtex", "ris", "zotero"),
        help="what FILE holds, whatever it is called",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="say what would be created, updated and skipped; write nothing"
    )

    p = command(
        "check",
        "check the database: integrity, references, schema revision, search index, counts",
        "cmd_check",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--reindex", action="store_true", help="rebuild the search index first (progress on stderr)"
    )

    p = command(
        "backup",
        "back up the database (a consistent copy, safe while the window is open)",
        "cmd_backup",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--out", metavar="FILE", help="write the copy to FILE (a new file) instead of the backups folder"
    )
    what.add_argument("--list", action="store_true", help="list the backups with their dates and counts")

    p = command(
        "restore",
        "replace the database with a backup, after checking it; the current file is backed up first",
        "cmd_restore",
    )
    p.add_argument("file", metavar="FILE", help="a backup: a path, or a file name from `backup --list`")

    p = command("search", "search names, aliases, facts, quotes, source texts and notes", "cmd_search")
    p.epilog = (
        'QUERY: words (all must appear, in any script, accents ignored), "exact phrases", '
        "-excluded words, and filters kind:official country:LA tag:policy/ethics "
        "source:people.cn (a minus excludes a filter). Put -- before a query that starts "
        "with a minus."
    )
    p.add_argument("query", metavar="QUERY", nargs="+", help="what to look for (see below)")
    p.add_argument(
        "--kind", metavar="K", type=_search_kind, help="only one kind: officials, countries ... or notes"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--limit", metavar="N", type=_positive, default=20, help="at most N results (default 20)")
    _complete_paths(parser)
    return parser


def _complete_paths(parser: argparse.ArgumentParser) -> None:
    """Let shell completion offer file names for FILE and PATH, folder names for DIR."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _complete_paths(child)
        elif action.metavar in ("FILE", "PATH"):
            action.complete = _FILE  # type: ignore[attr-defined]
        elif action.metavar == "DIR":
            action.complete = _DIR  # type: ignore[attr-defined]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.gui.launch import run_gui

        return run_gui(args.db, args.open)
    from app.cli import commands

    run: Callable[[argparse.Namespace], int] = getattr(commands, args.run)
    try:
        code = run(args)
        sys.stdout.flush()  # a short output meets a closed pipe only here
        return code
    except BrokenPipeError:
        return _output_closed()
    except commands.UsageError as exc:
        print(f"roundtable {args.command}: {exc}", file=sys.stderr)
        return 2
    except commands.CliError as exc:
        print(f"roundtable: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        message = commands.plain_failure(exc)
        if message is None:
            raise
        print(f"roundtable: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("roundtable: interrupted", file=sys.stderr)
        return 130


# What a shell reports for a command ended by SIGPIPE (128 + 13), as `yes | head -1` ends.
OUTPUT_CLOSED = 141


def _output_closed() -> int:
    """The reader of the output has gone (`roundtable list officials | head -1`): stop without a
    word, as Unix tools do; nothing is wrong with the disk or the database."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):  # (no file behind stdout: nothing to flush)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what is still buffered goes nowhere at exit
        os.close(devnull)
    return OUTPUT_CLOSED


if __name__ == "__main__":
    sys.exit(main())
