"""Roundtable's file types as the desktop reads them (issue #19): a library is known by its
header whatever it is called (mylib.sqlite3 too), a data file by its first lines (an export's
JSON, the bundled YAML) or its *.roundtable.json name, while other programs' SQLite, JSON and
YAML files keep their own types. Asked of both readers a file manager may use: GLib's (gio,
GNOME and most others) and Qt's (KDE), over a MIME database built from the definitions."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import APP_ID
from app.db.database import open_database
from app.io.datafile import dumps
from app.paths import dataset_file

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "packaging" / "linux" / f"{APP_ID}.xml"
SYSTEM = Path("/usr/share/mime/packages/freedesktop.org.xml")
LIBRARY = "application/x-roundtable-library"
DATA = "application/x-roundtable-data"

pytestmark = pytest.mark.skipif(
    shutil.which("update-mime-database") is None or not SYSTEM.is_file(),
    reason="shared-mime-info is not installed",
)


def _files(folder: Path) -> dict[str, str]:
    """Files of every kind, by name, each with the type it must have ('' for not ours)."""
    folder.mkdir()
    open_database(folder / "mylib.sqlite3").close()
    shutil.copy2(folder / "mylib.sqlite3", folder / "renamed")
    with sqlite3.connect(folder / "other.sqlite3") as conn:
        conn.execute("CREATE TABLE t (x)")
    exported = dumps({"format": "roundtable", "version": 1, "countries": []})
    (folder / "export.json").write_bytes(exported)
    (folder / "shared.roundtable.json").write_bytes(exported)
    shutil.copy2(dataset_file(), folder / "dataset.yaml")
    (folder / "other.json").write_text('{"format": "geojson", "features": []}\n', encoding="utf-8")
    (folder / "other.yaml").write_text("format: markdown\nitems: [1, 2]\n", encoding="utf-8")
    return {
        "mylib.sqlite3": LIBRARY,
        "renamed": LIBRARY,
        "other.sqlite3": "",
        "export.json": DATA,
        "shared.roundtable.json": DATA,
        "dataset.yaml": DATA,
        "other.json": "",
        "other.yaml": "",
    }


def _database(tmp_path: Path) -> dict[str, str]:
    data = tmp_path / "data"
    packages = data / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy2(SYSTEM, packages)
    shutil.copy2(DEFINITIONS, packages)
    subprocess.run(["update-mime-database", str(data / "mime")], check=True, capture_output=True)
    return {**os.environ, "XDG_DATA_HOME": str(data), "XDG_DATA_DIRS": str(data)}


def _check(found: dict[str, str], wanted: dict[str, str]) -> None:
    for name, kind in wanted.items():
        if kind:
            assert found[name] == kind, (name, found[name])
        else:
            assert not found[name].startswith("application/x-roundtable"), (name, found[name])


@pytest.mark.skipif(shutil.which("gio") is None, reason="gio is not installed")
def test_glib_tells_roundtable_files_from_others(tmp_path: Path) -> None:
    env = _database(tmp_path)
    wanted = _files(tmp_path / "files")
    found = {}
    for name in wanted:
        done = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(tmp_path / "files" / name)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        found[name] = done.stdout.split("standard::content-type:")[1].split()[0]
    _check(found, wanted)


def test_qt_tells_roundtable_files_from_others(tmp_path: Path) -> None:
    env = {**_database(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    wanted = _files(tmp_path / "files")
    # A process of its own: Qt reads the MIME database once, from the XDG folders it starts with.
    code = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for path in sys.argv[1:]:\n"
        "    print(db.mimeTypeForFile(path).name())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *(str(tmp_path / "files" / n) for n in wanted)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    _check(dict(zip(wanted, done.stdout.split(), strict=True)), wanted)
