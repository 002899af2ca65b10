"""Composition root: parse arguments, then either run a command or open the window.

Nothing heavy is imported here: the GUI path must reach its first paint quickly
(benchmarks/), so Qt, SQLAlchemy and Alembic load only where a path needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app import __version__

_EPILOG = "Without a command, Roundtable opens its window."


def build_parser() -> argparse.ArgumentParser:
    db_help = "the database file (default: ROUNDTABLE_DB, else roundtable.sqlite3 in the user data folder)"
    parser = argparse.ArgumentParser(
        prog="roundtable",
        description="Roundtable: an offline research desk for China–ASEAN cooperation on AI.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"Roundtable {__version__}")
    parser.add_argument("--db", metavar="PATH", help=db_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, run: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
        p.set_defaults(run=run)
        return p

    p = command("list", "list the entries of one kind", "cmd_list")
    p.add_argument(
        "kind", metavar="KIND", help="officials, countries, organizations, initiatives, events or sources"
    )
    p.add_argument(
        "--filter", metavar="TEXT", help="only entries whose name, aliases or columns contain TEXT"
    )
    p.add_argument("--trash", action="store_true", help="list the entries in the trash instead")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("show", "show one entry with its facts and citations", "cmd_show")
    p.add_argument("slug", metavar="SLUG", help="the entry's slug, as `list` prints it")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = command("import", "import a Roundtable data file (JSON or YAML), all or nothing", "cmd_import")
    p.add_argument("file", metavar="FILE")

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
    p.add_argument("--kind", metavar="K", help="only one kind: officials, countries ... or notes")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--limit", metavar="N", type=_positive, default=20, help="at most N results (default 20)")
    return parser


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

        return run_gui(args.db)
    from app.cli import commands

    run: Callable[[argparse.Namespace], int] = getattr(commands, args.run)
    try:
        return run(args)
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


if __name__ == "__main__":
    sys.exit(main())
