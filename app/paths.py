"""Where Roundtable keeps things: the one place that knows the folders.

Bundled files (resources/, migrations/) sit at the top of the source tree; a wheel or a
PyInstaller bundle carries them inside the package as app/resources and app/migrations.
User files live in the platform's folders (platformdirs), unless ROUNDTABLE_HOME moves all of
them (tests, portable installs) or --db / ROUNDTABLE_DB names the database file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from app import APP_NAME

PACKAGE_DIR = Path(__file__).resolve().parent
DB_FILENAME = "roundtable.sqlite3"
ENV_DB = "ROUNDTABLE_DB"
ENV_HOME = "ROUNDTABLE_HOME"


def _bundled(name: str) -> Path:
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    return _bundled("resources")


def migrations_dir() -> Path:
    return _bundled("migrations")


def icon_file(name: str = "roundtable.svg") -> Path:
    """The application icon (roundtable.svg, roundtable-small.svg, png/roundtable-N.png)."""
    return resources_dir() / "icons" / name


def dataset_file() -> Path:
    """The bundled dataset, loaded into every new database."""
    return resources_dir() / "dataset" / "roundtable-2025.yaml"


def schema_file() -> Path:
    return resources_dir() / "schema" / "roundtable-data.schema.json"


def user_path(text: str | os.PathLike[str]) -> Path:
    """A path as the user wrote it, `~` and `~name` expanded as a shell does: a `~name` no
    user has (or a `~` with no home) stays as written instead of failing."""
    path = Path(text)
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def _home() -> Path | None:
    home = os.environ.get(ENV_HOME)
    return user_path(home) if home else None


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "data"
    import platformdirs  # imported late: only a first start without --db needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def named_db_path(cli_value: str | os.PathLike[str] | None) -> Path | None:
    """The database file the user named (--db, else ROUNDTABLE_DB), as its real path; None when
    neither names one and the data folder's is meant."""
    chosen = cli_value or os.environ.get(ENV_DB)
    return real_path(user_path(chosen)) if chosen else None


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """--db wins over ROUNDTABLE_DB, which wins over the data folder; the real path, links
    resolved (see real_path)."""
    return named_db_path(cli_value) or real_path(default_db_path())


def real_path(path: Path) -> Path:
    """`path` absolute with every symlink resolved: the file itself. Whatever is keyed by a
    database's path must use this one: a writer lock keyed by a link's name let `import` write
    under a window holding the file by its real name, and a restore replaced the user's link
    with a file."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: left as written, for opening to refuse
        return path.absolute()


def backups_dir(db_path: Path) -> Path:
    """Backups sit beside the database they protect."""
    return db_path.parent / "backups"


def attachments_dir(db_path: Path) -> Path:
    """The files sources' texts came from sit beside their database, in a folder of its own
    (two libraries in one folder never share one, so neither can remove the other's files)."""
    return db_path.parent / f"{db_path.stem}-attachments"


# What Roundtable creates is this user's only, as password managers and mail clients keep their
# files: on a shared machine the notes are nobody else's to read. (SQLite gives the -wal and -shm
# files it makes beside a database the database file's own mode.)
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folder(folder: Path) -> None:
    """Create `folder`, and each missing folder above it, open to this user only. A folder that
    is already there keeps its mode: the user may have chosen it, and set it up to share.
    Raises OSError (FileExistsError when a file is in the way)."""
    try:
        folder.mkdir(mode=PRIVATE_FOLDER)
    except FileNotFoundError:
        if folder.parent == folder:
            raise
        make_private_folder(folder.parent)
        _mkdir_once(folder)
    except OSError:
        if not folder.is_dir():  # as Path.mkdir(exist_ok=True): a read-only parent, say
            raise


def _mkdir_once(folder: Path) -> None:
    try:
        folder.mkdir(mode=PRIVATE_FOLDER)
    except OSError:
        if not folder.is_dir():
            raise


def create_private_file(path: Path) -> bool:
    """Create `path` empty and open to this user only, for a program that fills it (SQLite
    creates a database with its own default mode, 0644, when it makes the file). False when
    something is there already: its mode stays as it is."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        os.close(os.open(path, flags, PRIVATE_FILE))
    except FileExistsError:
        return False
    return True


def runtime_dir() -> Path | None:
    """A folder for this user's sockets that no other user can enter, nor swap for one of their
    own: roundtable/ in $XDG_RUNTIME_DIR when that is the user's own and closed to others (as the
    XDG spec promises), else run/ in the user's cache folder; created 0700. None when neither is
    private (a folder there owned by someone else, or open to others), and on Windows, whose
    named pipes need no folder.

    Not under ROUNDTABLE_HOME: a socket belongs to this machine's session, and a portable home on
    a USB stick (FAT) can hold none."""
    if sys.platform == "win32":
        return None
    uid = os.geteuid()
    candidates = []
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", ""))
    if runtime.is_absolute():
        with contextlib.suppress(OSError):
            found = runtime.stat()
            if stat.S_ISDIR(found.st_mode) and found.st_uid == uid and not found.st_mode & 0o077:
                candidates.append(runtime / "roundtable")
    import platformdirs

    candidates.append(Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "run")
    for folder in candidates:
        if _private_folder(folder, uid):
            return folder
    return None


def _private_folder(folder: Path, uid: int) -> bool:
    """`folder` exists (made here if need be), is a folder rather than a link, is `uid`'s and is
    closed to everyone else; and the folder it sits in lets no one else rename it away."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        found = folder.lstat()
        parent = folder.parent.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != uid or found.st_mode & 0o077:
        return False
    others_may_rename = parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX
    return parent.st_uid in (uid, 0) and not others_may_rename
