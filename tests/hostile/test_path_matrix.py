"""Every command that takes a path, given every kind of hostile path, as a user would run it.

Each (command, path option, file kind) is its own test: `python -m app ...` in a subprocess with
ROUNDTABLE_HOME in the test's folder, a hard time limit (a hang is a failure) and a memory limit
(a read of /dev/zero ends in a MemoryError instead of eating the machine). The promises checked
are the README's: exit status 0, or 1/2 with exactly one short line on stderr; never a
traceback; and nothing written where it must not be: a refused command leaves the folder it was
pointed at as it found it (a database refused as damaged, foreign or newer keeps its bytes and
gets no -wal/-shm), a mistyped --db creates no library, a device stays a device, a link stays a
link, and the target of a link leaving the test's folder keeps its bytes. The whole file takes
about four minutes on two busy cores (409 cases, 231 s, load average 2), most of it Python
starting.

The path options are read from the argparse parser itself: a new one fails
test_every_path_option_is_in_the_matrix until it is given a row below.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.__main__ import build_parser
from tests.builders import damage
from tests.conftest import MINI, copy_db
from tests.unit.test_bibliography import BIBTEX, _zotero_folder

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 20.0
MEMORY_LIMIT = 2 << 30  # bytes of address space for the command: far above what it needs
SHORT_LINE = 600  # characters: a long temporary path, the message and its hint fit

# --- the path options ------------------------------------------------------------------------

PATH_METAVARS = {"PATH", "FILE", "DIR", "FILE_OR_DIR", "MAPPING"}
OTHER_METAVARS = {"KIND", "SLUG", "TEXT", "TAG", "Q", "K", "N", "QUERY", "A,B,C", "FIELD"}
# The window's own: `--open FILE` starts the window, which this matrix of commands cannot drive;
# tests/gui/test_open_from_file_manager.py gives it a FIFO, a missing file and a data file.
WINDOW_ONLY = {("*", "--open")}


@dataclass(frozen=True)
class Slot:
    """One path a command takes: the option (or the positional's metavar) and what it names."""

    command: str  # "*" for --db, which every command takes
    option: str
    role: str  # db, data-in, files-in, bib-in, table-in, mapping-in, backup-in, vault-in, dir-out, file-out
    suffix: str = ""  # the file name's ending, as a user would give it

    @property
    def label(self) -> str:
        return "db" if self.command == "*" else self.option


DB = Slot("*", "--db", "db", ".sqlite3")
IMPORT_FILE = Slot("import", "FILE", "data-in", ".yaml")
IMPORT_FILES = Slot("import", "--attachments", "files-in")
IMPORT_BIB = Slot("import-bib", "FILE_OR_DIR", "bib-in", ".bib")
NOTES_DIR = Slot("import-notes", "DIR", "vault-in")
MARKDOWN_DIR = Slot("import-markdown", "DIR", "vault-in")  # (a vault of Roundtable's: all skipped)
TABLE_FILE = Slot("import-table", "FILE", "table-in", ".csv")
TABLE_MAPPING = Slot("import-table", "--mapping", "mapping-in", ".yaml")
EXPORT_OUT = Slot("export", "--out", "dir-out")
EXPORT_DIGEST = Slot("export", "--digest", "file-out", ".md")
EXPORT_JSON = Slot("export", "--json", "file-out", ".json")
EXPORT_FILES = Slot("export", "--attachments", "dir-out")
EXPORT_BIB = Slot("export", "--bib", "file-out", ".bib")
BACKUP_OUT = Slot("backup", "--out", "file-out", ".sqlite3")
RESTORE_FILE = Slot("restore", "FILE", "backup-in", ".sqlite3")
SLOTS = [
    DB,
    IMPORT_FILE,
    IMPORT_FILES,
    IMPORT_BIB,
    NOTES_DIR,
    MARKDOWN_DIR,
    TABLE_FILE,
    TABLE_MAPPING,
    EXPORT_OUT,
    EXPORT_DIGEST,
    EXPORT_JSON,
    EXPORT_FILES,
    EXPORT_BIB,
    BACKUP_OUT,
    RESTORE_FILE,
]

# Each way of running a command; --db goes before the command, as `roundtable --db PATH list`.
VARIANTS: dict[str, tuple[str | Slot, ...]] = {
    "list": ("list", "officials"),
    "show": ("show", "{slug}"),
    "search": ("search", "china"),
    "check": ("check",),
    "check-reindex": ("check", "--reindex"),
    "import": ("import", IMPORT_FILE),
    "import-files": ("import", IMPORT_FILE, "--attachments", IMPORT_FILES),
    "import-bib": ("import-bib", IMPORT_BIB),
    "import-bib-dry": ("import-bib", "--dry-run", IMPORT_BIB),
    "import-notes": ("import-notes", NOTES_DIR),
    "import-markdown": ("import-markdown", MARKDOWN_DIR),
    "import-markdown-dry": ("import-markdown", "--dry-run", MARKDOWN_DIR),
    "import-table": ("import-table", TABLE_FILE, "--kind", "organizations"),
    "import-table-mapped": (
        "import-table",
        TABLE_FILE,
        "--kind",
        "organizations",
        "--mapping",
        TABLE_MAPPING,
    ),
    "export-out": ("export", "--out", EXPORT_OUT),
    "export-digest": ("export", "--digest", EXPORT_DIGEST),
    "export-json": ("export", "--json", EXPORT_JSON),
    "export-json-over": ("export", "--json", EXPORT_JSON, "--overwrite"),
    "export-json-files": ("export", "--json", EXPORT_JSON, "--attachments", EXPORT_FILES),
    "export-bib": ("export", "--bib", EXPORT_BIB),
    "export-bib-over": ("export", "--bib", EXPORT_BIB, "--overwrite"),
    "backup": ("backup",),
    "backup-out": ("backup", "--out", BACKUP_OUT),
    "backup-list": ("backup", "--list"),
    "restore": ("restore", RESTORE_FILE),
}
# They change the database; export --bib stores the citation keys the sources lacked.
WRITING = {
    "check-reindex",
    "import",
    "import-files",
    "import-bib",
    "import-notes",
    "import-markdown",
    "import-table",
    "import-table-mapped",
    "restore",
} | {
    "export-bib",
    "export-bib-over",
}

# --- the file kinds ---------------------------------------------------------------------------

KINDS = {
    "fifo": "a named pipe (FIFO)",
    "dev-zero": "a symlink to /dev/zero",
    "dev-null": "a symlink to /dev/null",
    "link-in": "a symlink to the right kind of thing inside the test's folder",
    "link-out": "for a file, a symlink to one outside the test's folder; for a folder, the "
    "right kind of folder with a file in it that links outside",
    "bad-page": "a Roundtable database with its entities' root page scribbled over",
    "truncated": "the first half of a Roundtable database",
    "foreign": "another application's SQLite file",
    "newer": "a Roundtable database from a newer version (schema and written_by)",
    "zero-bytes": "an empty file",
    "folder": "a folder (for a folder option, the ordinary one: a vault, an empty folder)",
    "missing": "nothing at all (a mistyped path)",
}

# --- what each combination must do ------------------------------------------------------------
# ok: exit 0.  no: refused, exit 1 or 2, one line on stderr, nothing on stdout, nothing written.
# rep: `check`'s verdict on a damaged file, exit 1: its report on stdout, or one line on stderr.
# any: ok or no; the guards decide (the file kept, the link left alone, nothing written outside).

# SQLite finds a damaged page only when it reads it: a reading command that never needs that page
# may answer (`any`), but leaves the file's bytes alone. A damaged or empty database is refused
# with a hint that `backup --list` and `restore` are the way out: both must work on it. Only
# `roundtable` without a command may create a library; `restore` onto a missing file may bring
# the backup back (a deleted library) or refuse. A foreign or newer file is never replaced.
DB_TABLE = """
                fifo  zero  null  in    out   page  half  forgn newer empty folder missing
list            no    no    no    ok    ok    any   no    no    no    no    no    no
show            no    no    no    ok    ok    any   no    no    no    no    no    no
search          no    no    no    ok    ok    any   no    no    no    no    no    no
check           no    no    no    ok    ok    rep   rep   no    no    no    no    no
check-reindex   no    no    no    ok    ok    no    no    no    no    no    no    no
import          no    no    no    ok    ok    no    no    no    no    no    no    no
import-files    no    no    no    ok    ok    no    no    no    no    no    no    no
import-bib      no    no    no    ok    ok    no    no    no    no    no    no    no
import-bib-dry  no    no    no    ok    ok    any   no    no    no    no    no    no
import-notes    no    no    no    ok    ok    no    no    no    no    no    no    no
import-markdown no    no    no    ok    ok    no    no    no    no    no    no    no
import-markdown-dry no no   no    ok    ok    any   no    no    no    no    no    no
import-table    no    no    no    ok    ok    no    no    no    no    no    no    no
import-table-mapped no no   no    ok    ok    no    no    no    no    no    no    no
export-out      no    no    no    ok    ok    no    no    no    no    no    no    no
export-digest   no    no    no    ok    ok    no    no    no    no    no    no    no
export-json     no    no    no    ok    ok    no    no    no    no    no    no    no
export-json-over no   no    no    ok    ok    no    no    no    no    no    no    no
export-json-files no  no    no    ok    ok    no    no    no    no    no    no    no
export-bib      no    no    no    ok    ok    no    no    no    no    no    no    no
export-bib-over no    no    no    ok    ok    no    no    no    no    no    no    no
backup          no    no    no    ok    ok    no    no    no    no    no    no    no
backup-out      no    no    no    ok    ok    no    no    no    no    no    no    no
backup-list     no    no    no    ok    ok    ok    ok    no    no    ok    no    ok
restore         no    no    no    ok    ok    ok    ok    no    no    ok    no    any
"""
# The other paths, the database being a sound library. An export never writes over a file it did
# not write (--digest keeps it as "edited" and reports it, or refuses); --json and backup --out
# refuse any existing file. A vault's file that links outside it is never followed by
# import-notes (import-markdown skips it and says so); export may refuse the vault or leave that
# file alone. import-bib reads a
# bibliography or a Zotero data folder (its folder) and refuses a file that holds neither; the
# attachments folders are folders or refused, one given to export may be new. --overwrite
# replaces an ordinary file only: a link (to a file of anyone's, anywhere), a FIFO or a device
# is refused, so it stays what it was.
SLOT_TABLE = """
                fifo  zero  null  in    out   page  half  forgn newer empty folder missing
import FILE     no    no    no    ok    ok    no    no    no    no    no    no    no
import --attachments no no  no    ok    ok    no    no    no    no    no    ok    no
import-bib FILE_OR_DIR no no no   ok    ok    no    no    no    no    no    ok    no
import-notes DIR no   no    no    ok    no    no    no    no    no    no    ok    no
import-markdown DIR no no   no    ok    ok    no    no    no    no    no    ok    no
import-table FILE no  no    no    ok    ok    no    no    no    no    no    no    no
import-table --mapping no no no   ok    ok    no    no    no    no    no    no    no
export --out    no    no    no    ok    any   no    no    no    no    no    ok    ok
export --digest no    no    no    any   any   any   any   any   any   any   no    ok
export --json   no    no    no    no    no    no    no    no    no    no    no    ok
export --json --overwrite no no no no no  ok    ok    ok    ok    ok    no    ok
export --attachments no no  no    ok    any   no    no    no    no    no    ok    ok
export --bib    no    no    no    no    no    no    no    no    no    no    no    ok
export --bib --overwrite no no no no  no    ok    ok    ok    ok    ok    no    ok
backup --out    no    no    no    no    no    no    no    no    no    no    no    ok
restore FILE    no    no    no    ok    ok    no    no    no    no    no    no    no
"""


def _parse(table: str) -> dict[str, dict[str, str]]:
    """Rows of cells under a header of the kinds' short names, in KINDS' order."""
    header, *lines = table.strip("\n").splitlines()
    assert len(header.split()) == len(KINDS), header
    rows: dict[str, dict[str, str]] = {}
    for line in lines:
        words = line.split()
        label, cells = words[: -len(KINDS)], words[-len(KINDS) :]
        assert set(cells) <= {"ok", "no", "rep", "any"}, line
        rows[" ".join(label)] = dict(zip(KINDS, cells, strict=True))
    return rows


_DB_EXPECT = _parse(DB_TABLE)
_SLOT_EXPECT = _parse(SLOT_TABLE)
_VARIANT_OF = {  # each row of SLOT_TABLE: the non-db slot it is about, and the variant run
    "import FILE": (IMPORT_FILE, "import"),
    "import --attachments": (IMPORT_FILES, "import-files"),
    "import-bib FILE_OR_DIR": (IMPORT_BIB, "import-bib"),
    "import-notes DIR": (NOTES_DIR, "import-notes"),
    "import-markdown DIR": (MARKDOWN_DIR, "import-markdown"),
    "import-table FILE": (TABLE_FILE, "import-table"),
    "import-table --mapping": (TABLE_MAPPING, "import-table-mapped"),
    "export --out": (EXPORT_OUT, "export-out"),
    "export --digest": (EXPORT_DIGEST, "export-digest"),
    "export --json": (EXPORT_JSON, "export-json"),
    "export --json --overwrite": (EXPORT_JSON, "export-json-over"),
    "export --attachments": (EXPORT_FILES, "export-json-files"),
    "export --bib": (EXPORT_BIB, "export-bib"),
    "export --bib --overwrite": (EXPORT_BIB, "export-bib-over"),
    "backup --out": (BACKUP_OUT, "backup-out"),
    "restore FILE": (RESTORE_FILE, "restore"),
}


@dataclass(frozen=True)
class Case:
    variant: str
    slot: Slot
    kind: str
    expect: str

    @property
    def id(self) -> str:
        return f"{self.variant}:{self.slot.label}:{self.kind}"


def _cases() -> list[Case]:
    cases = [Case(variant, DB, kind, _DB_EXPECT[variant][kind]) for variant in VARIANTS for kind in KINDS]
    for row, (slot, variant) in _VARIANT_OF.items():
        cases += [Case(variant, slot, kind, _SLOT_EXPECT[row][kind]) for kind in KINDS]
    return cases


CASES = _cases()


# --- the matrix covers the parser ----------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _valued(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """The arguments that take a value (not flags, --help, --version or the subcommands)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.nargs == 0:
            continue
        yield action


def _key(action: argparse.Action) -> str:
    return action.option_strings[0] if action.option_strings else str(action.metavar)


def test_every_path_option_is_in_the_matrix() -> None:
    parser = build_parser()
    found: set[tuple[str, str]] = set()
    unclassified: list[str] = []
    for command, sub in [("*", parser), *_subcommands(parser).items()]:
        for action in _valued(sub):
            if action.dest == "db":  # the same option before or after the command
                assert action.metavar == "PATH"
                found.add(("*", "--db"))
            elif action.metavar in PATH_METAVARS:
                found.add((command, _key(action)))
            elif action.metavar not in OTHER_METAVARS and action.choices is None:
                unclassified.append(f"{command} {_key(action)} ({action.metavar})")
    assert not unclassified, f"say whether these name a path (PATH_METAVARS) or not: {unclassified}"
    assert found - WINDOW_ONLY == {(s.command, s.option) for s in SLOTS}, (
        "a path option is missing from the matrix"
    )
    commands = set(_subcommands(parser))
    assert commands == {str(v[0]) for v in VARIANTS.values()}, "a command has no row in DB_TABLE"
    assert set(_DB_EXPECT) == set(VARIANTS)
    assert set(_SLOT_EXPECT) == set(_VARIANT_OF)
    for row, (slot, variant) in _VARIANT_OF.items():
        assert row.startswith(f"{slot.command} {slot.option}") and slot in VARIANTS[variant], row
    assert {s for v in VARIANTS.values() for s in v if isinstance(s, Slot)} == {
        s for s, _ in _VARIANT_OF.values()
    }


# --- building the paths ------------------------------------------------------------------------


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _settled(path: Path, journal: str | None = None) -> Path:
    """The file alone: no -wal or -shm beside it (SQLite removes them as the last user closes)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if journal:
        conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.close()
    return path


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ROUNDTABLE_DB"}
    env.update(ROUNDTABLE_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=TIMEOUT_S,
        preexec_fn=_limit_memory,
        check=False,
    )


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass(frozen=True)
class Templates:
    seeded: Path  # a sound library (WAL, as Roundtable leaves it)
    backup: Path  # a sound backup of it (one self-contained file, as `backup` writes)
    vault: Path  # `export --out` of it
    slug: str  # an entry it holds


@pytest.fixture(scope="session")
def templates(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Templates:
    folder = tmp_path_factory.mktemp("matrix")
    seeded = _settled(copy_db(seeded_template, folder / "seeded.sqlite3"))
    backup = _settled(copy_db(seeded_template, folder / "backup.sqlite3"), "DELETE")
    source = copy_db(seeded_template, folder / "source.sqlite3")
    done = _cli(folder / "home", "--db", str(source), "export", "--out", str(folder / "vault"))
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(seeded)
    slug = conn.execute("SELECT slug FROM entity ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    return Templates(seeded, backup, folder / "vault", str(slug))


def _note_file(vault: Path) -> Path:
    """A file of the vault that holds a note `import-notes` would read."""
    for path in sorted(vault.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "\nkind: note\n" in text or "<!-- roundtable note" in text:
            return path
    raise AssertionError(f"no note in {vault}")


def _device(folder: Path, name: str) -> Path:
    """A device to link to. As root, a node of our own made in `folder`: a command that writes
    through the link (restore replaced the link's target with its file) must never reach the real
    /dev/null or /dev/zero, on which every process on the machine relies (a first run of this
    suite did exactly that). Others cannot write into /dev: they link to the real ones."""
    if os.geteuid() != 0:
        return Path("/dev", name)
    node = folder / f"device-{name}"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, {"null": 3, "zero": 5}[name]))
    return node


ATTACHED = b"A scanned page of the test article.\n"
ATTACHED_NAME = hashlib.sha256(ATTACHED).hexdigest() + ".txt"
ATTACHED_LINE = (
    "archived_text_file: article.txt\n    attachments:\n"
    f"      - {{sha256: {ATTACHED_NAME[:-4]}, filename: scan.txt, media_type: text/plain, size: {len(ATTACHED)}}}\n"
)


def _attachments(folder: Path) -> Path:
    """A folder of attached files, as `export --json --attachments` writes it: the one the sound
    data file lists."""
    folder.mkdir()
    (folder / ATTACHED_NAME).write_bytes(ATTACHED)
    return folder


def _bibliography(path: Path) -> Path:
    path.write_text(BIBTEX, encoding="utf-8")
    return path


def _table(path: Path) -> Path:
    path.write_text(
        "Name,Summary\nPath Matrix Institute,An organization of the path matrix\n", encoding="utf-8"
    )
    return path


def _mapping(path: Path) -> Path:
    path.write_text("Name: name\nSummary: summary\n", encoding="utf-8")
    return path


@dataclass
class Bench:
    """The test's folders: `area` holds the path under test, `outside` is another temporary
    folder (what a link leaving the area points at), `lib` the sound library used when --db is
    not the path under test, `inputs` the other commands' sound arguments."""

    root: Path
    area: Path
    outside: Path
    lib: Path
    inputs: Path
    home: Path
    templates: Templates
    link: Path | None = None  # the link planted for link-in and link-out

    def sound(self, slot: Slot) -> Path:
        """The ordinary argument for `slot` (made on demand)."""
        if slot.role == "db":
            return copy_db(self.templates.seeded, self.lib / "roundtable.sqlite3")
        if slot.role == "data-in":  # its source lists a file, for import --attachments to find
            shutil.copytree(MINI.parent, self.inputs / "mini")
            data = self.inputs / "mini" / MINI.name
            text = data.read_text(encoding="utf-8")
            data.write_text(
                text.replace("archived_text_file: article.txt\n", ATTACHED_LINE, 1), encoding="utf-8"
            )
            assert ATTACHED_LINE in data.read_text(encoding="utf-8")
            return data
        if slot.role == "vault-in":
            return Path(shutil.copytree(self.templates.vault, self.inputs / "vault"))
        if slot.role == "files-in":
            return _attachments(self.inputs / "attachments")
        if slot.role == "bib-in":
            return _bibliography(self.inputs / "refs.bib")
        if slot.role == "table-in":
            return _table(self.inputs / "organizations.csv")
        if slot.role == "mapping-in":
            return _mapping(self.inputs / "mapping.yaml")
        if slot.role == "backup-in":
            return Path(shutil.copy(self.templates.backup, self.inputs / "backup.sqlite3"))
        return self.root / f"written{slot.suffix}"  # dir-out, file-out: a new name

    def hostile(self, slot: Slot, kind: str) -> Path:
        path = self.area / f"{kind}{slot.suffix}"
        folder_role = slot.role in ("vault-in", "files-in", "dir-out")
        if kind == "fifo":
            os.mkfifo(path)
        elif kind in ("dev-zero", "dev-null"):
            path.symlink_to(_device(self.area, kind[4:]))
        elif kind == "link-in":
            path.symlink_to(self._real(slot, self.area / "real"))
            self.link = path
        elif kind == "link-out":
            if slot.role == "files-in":  # the attached file links out
                folder = _attachments(path)
                theirs = _attachments(self.outside / "theirs") / ATTACHED_NAME
                (folder / ATTACHED_NAME).unlink()
                (folder / ATTACHED_NAME).symlink_to(theirs)
                self.link = folder / ATTACHED_NAME
            elif folder_role:  # an earlier export, one of its note files linking out
                shutil.copytree(self.templates.vault, path)
                inner = _note_file(path)
                theirs = self.outside / "theirs.md"
                text = inner.read_text(encoding="utf-8")
                theirs.write_text(text.rstrip("\n") + "\nWritten by someone else.\n", encoding="utf-8")
                inner.unlink()
                inner.symlink_to(theirs)
                self.link = inner
            else:
                path.symlink_to(self._real(slot, self.outside / "theirs"))
                self.link = path
        elif kind in ("bad-page", "truncated", "newer"):
            copy_db(self.templates.seeded, path)
            _settled(path)
            if kind == "bad-page":
                damage.flip_page(path, "entity")
            elif kind == "truncated":
                damage.truncate(path)
            else:
                conn = sqlite3.connect(path)
                conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
                conn.execute("UPDATE meta SET value = '7.0.0' WHERE key = 'written_by'")
                conn.commit()
                conn.close()
        elif kind == "foreign":
            conn = sqlite3.connect(path)
            conn.execute("CREATE TABLE recipes (name TEXT)")
            conn.execute("INSERT INTO recipes VALUES ('soup')")
            conn.execute("PRAGMA application_id = 1234")
            conn.commit()
            conn.close()
        elif kind == "zero-bytes":
            path.touch()
        elif kind == "folder":
            if slot.role == "vault-in":
                shutil.copytree(self.templates.vault, path)
            elif slot.role == "bib-in":  # Zotero's data folder
                _zotero_folder(self.root).rename(path)
            else:
                path.mkdir()
        else:
            assert kind == "missing"
        for side in ("-wal", "-shm", "-journal"):
            assert not path.with_name(path.name + side).exists(), f"{kind} is not a lone file"
        return path

    def _real(self, slot: Slot, where: Path) -> Path:
        """The right kind of thing for `slot`, at `where` (a folder) or `where` + suffix."""
        if slot.role == "db":
            return _settled(copy_db(self.templates.seeded, where.with_suffix(slot.suffix)))
        if slot.role == "data-in":
            shutil.copytree(MINI.parent, where)
            shutil.copy(MINI.parent / "article.txt", self.area)  # found beside the link or the file
            return where / MINI.name
        if slot.role == "backup-in":
            return Path(shutil.copy(self.templates.backup, where.with_suffix(slot.suffix)))
        if slot.role == "bib-in":
            return _bibliography(where.with_suffix(slot.suffix))
        if slot.role == "table-in":
            return _table(where.with_suffix(slot.suffix))
        if slot.role == "mapping-in":
            return _mapping(where.with_suffix(slot.suffix))
        if slot.role == "vault-in":
            return Path(shutil.copytree(self.templates.vault, where))
        if slot.role == "files-in":
            return _attachments(where)
        if slot.role == "dir-out":
            where.mkdir()
            return where
        mine = where.with_suffix(".md")  # file-out: a file of the user's that is already there
        mine.write_text("My own notes, not Roundtable's.\n", encoding="utf-8")
        return mine


@pytest.fixture
def bench(templates: Templates, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Bench:
    folders = [tmp_path / name for name in ("area", "lib", "inputs", "home")]
    for folder in folders:
        folder.mkdir()
    return Bench(
        tmp_path,
        area=folders[0],
        outside=tmp_path_factory.mktemp("outside"),
        lib=folders[1],
        inputs=folders[2],
        home=folders[3],
        templates=templates,
    )


# --- what was there --------------------------------------------------------------------------

Signature = tuple[str, str]


def _signature(path: Path) -> Signature | None:
    try:
        status = path.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode):
        return ("link", str(path.readlink()))
    if stat.S_ISREG(status.st_mode):
        return ("file", _sha(path))
    if stat.S_ISDIR(status.st_mode):
        return ("folder", "")
    return ("special", stat.filemode(status.st_mode)[0])


def _snapshot(folder: Path) -> dict[str, Signature]:
    seen: dict[str, Signature] = {}
    for here, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(here, name)
            signature = _signature(path)
            if signature is not None:
                seen[str(path.relative_to(folder))] = signature
    return seen


def _changes(before: dict[str, Signature], after: dict[str, Signature]) -> list[str]:
    return [
        f"{name}: {before.get(name, 'absent')} -> {after.get(name, 'absent')}"
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    ]


# --- the matrix --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_path(case: Case, bench: Bench) -> None:
    argv: list[str] = []
    target = bench.hostile(case.slot, case.kind)
    db = target if case.slot is DB else bench.sound(DB)
    for item in VARIANTS[case.variant]:
        if isinstance(item, Slot):
            argv.append(str(target if item is case.slot else bench.sound(item)))
        else:
            argv.append(item.format(slug=bench.templates.slug))
    argv = ["--db", str(db), *argv]

    area, outside = _snapshot(bench.area), _snapshot(bench.outside)
    library = _sha(db) if case.slot is not DB else None
    try:
        done = _cli(bench.home, *argv)
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(f"hung: `roundtable {' '.join(argv)}` still ran after {TIMEOUT_S:.0f} s")
    out, err = done.stdout, done.stderr
    command = f"`roundtable {' '.join(argv)}` exited {done.returncode}"
    said = f"{command}\nstdout: {out[-2000:]}\nstderr: {err[-3000:]}"

    assert "Traceback" not in out + err, f"traceback: {said}"

    expect = case.expect
    if expect == "any":
        expect = "ok" if done.returncode == 0 else "no"
    if expect == "rep" and done.returncode == 1 and err.count("\n") == 1 and not out:
        expect = "no"  # a one-line refusal is a fine verdict too
    if expect == "ok":
        assert done.returncode == 0, f"should work: {said}"
    elif expect == "rep":
        assert done.returncode == 1 and "Problems found" in out, f"should report damage: {said}"
        assert "-1 broken" not in out and err.count("\n") <= 1, f"a confused report: {said}"
    else:
        assert done.returncode in (1, 2), f"should refuse: {said}"
        lines = err.splitlines()
        assert len(lines) == 1 and 0 < len(lines[0]) <= SHORT_LINE, f"not one short line: {said}"
        assert not out, f"a refusal printed to stdout: {said}"

    _guards(case, expect, bench, target, area, outside, library, db, said)


def _guards(
    case: Case,
    expect: str,
    bench: Bench,
    target: Path,
    area: dict[str, Signature],
    outside: dict[str, Signature],
    library: str | None,
    db: Path,
    said: str,
) -> None:
    """Nothing written where it must not be."""
    slot, kind = case.slot, case.kind
    changes_outside = _changes(outside, _snapshot(bench.outside))
    if expect == "ok" and slot is DB and kind == "link-out":
        # A library elsewhere, through a link: writing commands change it (and put its backups
        # and lock beside it); reading ones leave its bytes alone.
        if case.variant not in WRITING:
            ignored = ("-wal", "-shm", ".lock")
            changes_outside = [c for c in changes_outside if not c.split(":")[0].endswith(ignored)]
            changes_outside = [c for c in changes_outside if not c.startswith("backups")]
        else:
            changes_outside = []
    assert not changes_outside, f"changed outside the test's folder: {changes_outside}; {said}"

    if kind.startswith("dev-"):
        device = bench.area / f"device-{kind[4:]}"
        real = device if device.exists() else Path("/dev", kind[4:])
        assert stat.S_ISCHR(real.lstat().st_mode), f"{real} is no longer a device; {said}"

    if bench.link is not None:
        link = bench.link
        assert link.is_symlink(), f"the link {link} was replaced; {said}"
        assert str(link.readlink()) == area[str(link.relative_to(bench.area))][1], said

    if slot is DB and case.variant not in WRITING:  # reading: every file keeps its bytes
        now = _snapshot(bench.area)
        changed = [n for n, sig in area.items() if sig[0] == "file" and now.get(n) != sig]
        assert not changed, f"a reading command changed {changed}; {said}"

    if expect == "no":
        # A lock file beside the database (the name given or the one it links to) may stay.
        locks = {f"{target.name}.lock", f"{target.resolve().name}.lock"}
        changes = [c for c in _changes(area, _snapshot(bench.area)) if c.split(":")[0] not in locks]
        assert not changes, f"a refused command wrote: {changes}; {said}"
        if library is not None:
            assert _sha(db) == library, f"a refused command changed the library; {said}"
    elif slot is DB and case.variant == "restore" and kind in ("bad-page", "truncated"):
        kept = {sig for sig in _snapshot(bench.area).values()}
        assert area[target.name] in kept, f"the damaged file was not kept; {said}"
    elif slot.role in ("dir-out", "file-out") and kind == "missing" and slot is not EXPORT_FILES:
        # (the sound library lists no attached files: nothing to copy, no folder to make)
        assert target.exists(), f"reported success but wrote nothing; {said}"
