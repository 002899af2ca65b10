"""The Linux desktop entry and AppStream metainfo agree with the app and with each other.
(`make desktop-check` runs desktop-file-validate and appstreamcli on them.)"""

from __future__ import annotations

import configparser
import contextlib
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import APP_ID, APP_NAME, __version__
from app.__main__ import build_parser
from app.db.connection import APPLICATION_ID
from app.db.database import open_database
from app.paths import named_db_path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def test_desktop_entry_starts_the_installed_program_with_its_icon() -> None:
    entry = _desktop()
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] in PYPROJECT["project"]["gui-scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_describes_this_release() -> None:
    root = _metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__, "newest release first"
    assert {(r.get("version"), r.get("date")) for r in releases} >= {("0.1.0", "2026-11-28")}
    assert root.find("content_rating") is not None
    images = [i.text or "" for i in root.findall("screenshots/screenshot/image")]
    assert images and all(i.startswith("https://") for i in images)


def test_screenshots_named_in_the_metainfo_are_in_the_repository() -> None:
    """The URLs point into the published repository; the files must be there to be served."""
    for image in _metainfo().findall("screenshots/screenshot/image"):
        path = (image.text or "").split("/main/", 1)[1]
        assert (ROOT / path).is_file(), path


def test_licence_file_is_the_mit_licence() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Roundtable contributors" in text


# --- issue 19: strict AppStream, Chinese, branding, and the library's file type -------------

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
LIBRARY_TYPE = "application/x-roundtable-library"
DATA_TYPE = "application/x-roundtable-data"


def _mime() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.xml").getroot()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_passes_appstream_strict() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--strict", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_desktop_entry_and_metainfo_speak_chinese() -> None:
    entry = _desktop()
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry[f"{key}[zh_CN]"]), key
    summaries = {
        s.get("{http://www.w3.org/XML/1998/namespace}lang"): s.text for s in _metainfo().findall("summary")
    }
    assert summaries[None] and summaries["zh_CN"] and "东盟" in summaries["zh_CN"]


def test_metainfo_has_brand_colours_for_light_and_dark() -> None:
    colours = {c.get("scheme_preference"): c.text or "" for c in _metainfo().findall("branding/color")}
    assert set(colours) == {"light", "dark"}
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values())


def test_a_library_file_opens_with_roundtable() -> None:
    """The desktop entry, the metainfo and the MIME definition name one type, the build copies
    the definition, and its magic is the application id Roundtable writes into the header."""
    mime_type = _mime().find(f"{MIME_NS}mime-type")
    assert mime_type is not None and mime_type.get("type") == LIBRARY_TYPE
    defined = [t.get("type") for t in _mime().findall(f"{MIME_NS}mime-type")]
    assert defined == [LIBRARY_TYPE, DATA_TYPE]
    assert _desktop()["MimeType"].split(";")[:-1] == defined
    assert [m.text for m in _metainfo().findall("provides/mediatype")] == defined
    inner = mime_type.find(f"{MIME_NS}magic/{MIME_NS}match/{MIME_NS}match")
    assert inner is not None and int(inner.get("value", ""), 16) == APPLICATION_ID
    assert inner.get("offset") == "68" and inner.get("type") == "big32"
    assert 'linux / f"{APP_ID}.xml"' in (ROOT / "packaging" / "roundtable.spec").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "chosen", [["/home/me/My Library/roundtable.sqlite3"], ["/home/me/Downloads/export.json"], []]
)
def test_the_exec_line_opens_the_chosen_file_or_the_usual_library(chosen: list[str]) -> None:
    """%f becomes the file's path, or nothing when Roundtable starts from the menu (the
    Desktop Entry spec); either way the command line must parse, open the window on the usual
    library and hand it the file (a library is opened, a data file offered for import)."""
    words = shlex.split(_desktop()["Exec"])
    args = [w.replace("%f", chosen[0] if chosen else "") for w in words[1:]]
    parsed = build_parser().parse_args(args)
    assert parsed.command is None  # the window
    assert named_db_path(parsed.db) is None
    assert (parsed.open or None) == (chosen[0] if chosen else None)


@pytest.mark.skipif(
    shutil.which("update-mime-database") is None or shutil.which("gio") is None,
    reason="shared-mime-info or gio is not installed",
)
def test_the_shared_mime_database_tells_a_library_from_other_sqlite_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = Path("/usr/share/mime/packages/freedesktop.org.xml")
    if not system.is_file():
        pytest.skip("no freedesktop.org MIME definitions")
    mime = tmp_path / "data" / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy2(system, mime / "packages")
    shutil.copy2(LINUX / f"{APP_ID}.xml", mime / "packages")
    subprocess.run(["update-mime-database", str(mime)], check=True, capture_output=True)
    library = tmp_path / "renamed library"  # no name to go by: the header's application id
    open_database(library).close()
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    named = tmp_path / "roundtable.sqlite3"
    shutil.copy2(other, named)  # the default file name is ours too
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_DATA_DIRS": str(tmp_path / "data")}

    def content_type(path: Path) -> str:
        done = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return done.stdout.split("standard::content-type:")[1].split()[0]

    assert content_type(library) == LIBRARY_TYPE
    assert content_type(named) == LIBRARY_TYPE
    assert content_type(other) != LIBRARY_TYPE
