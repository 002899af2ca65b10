"""The Linux desktop entry and AppStream metainfo agree with the app and with each other.
(`make desktop-check` runs desktop-file-validate and appstreamcli on them.)"""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from app import APP_ID, APP_NAME, __version__

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
