"""app.paths.runtime_dir: where the single-instance socket lives, a folder no other user may
enter or replace."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import runtime_dir

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows named pipes need no folder")


@pytest.fixture
def base(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$XDG_RUNTIME_DIR and the cache folder (the fallback), both this test's own."""
    folder = Path(tempfile.mkdtemp(prefix="rt-"))
    (folder / "xdg").mkdir(mode=0o700)
    (folder / "cache").mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder / "xdg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def private(folder: Path) -> bool:
    found = folder.lstat()
    return (
        stat.S_ISDIR(found.st_mode) and found.st_uid == os.geteuid() and stat.S_IMODE(found.st_mode) == 0o700
    )


def test_it_is_made_private_in_the_session_runtime_folder(base: Path) -> None:
    os.umask(old := os.umask(0))  # whatever the umask says, the folder is closed to others
    try:
        found = runtime_dir()
    finally:
        os.umask(old)
    assert found == base / "xdg" / "roundtable"
    assert private(found)
    assert runtime_dir() == found  # and found again


def test_without_a_session_runtime_folder_it_is_in_the_cache(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    found = runtime_dir()
    assert found is not None and found.parent == base / "cache" / "Roundtable"
    assert private(found)


@pytest.mark.parametrize("mode", [0o755, 0o777, 0o1777], ids=oct)
def test_a_session_runtime_folder_open_to_others_is_not_used(base: Path, mode: int) -> None:
    """The XDG spec promises 0700; one that is not (XDG_RUNTIME_DIR=/tmp, say) is ignored."""
    (base / "xdg").chmod(mode)
    found = runtime_dir()
    assert found is not None and found.is_relative_to(base / "cache")


@pytest.mark.parametrize("mode", [0o701, 0o750, 0o777], ids=oct)
def test_a_roundtable_folder_open_to_others_is_refused(base: Path, mode: int) -> None:
    loose = base / "xdg" / "roundtable"
    loose.mkdir()
    loose.chmod(mode)
    found = runtime_dir()
    assert found is not None and found.is_relative_to(base / "cache")
    assert stat.S_IMODE(loose.stat().st_mode) == mode  # left as it is, not taken over


def test_a_link_in_its_place_is_refused(base: Path) -> None:
    elsewhere = base / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (base / "xdg" / "roundtable").symlink_to(elsewhere)
    found = runtime_dir()
    assert found is not None and found.is_relative_to(base / "cache")


def test_when_nothing_is_private_there_is_none(base: Path) -> None:
    for loose in (base / "xdg" / "roundtable", base / "cache" / "Roundtable" / "run"):
        loose.mkdir(parents=True)
        loose.chmod(0o755)
    assert runtime_dir() is None


def test_a_cache_folder_others_may_write_to_is_refused(base: Path) -> None:
    """Anyone who may write to the folder holding ours could rename ours away and put theirs in."""
    (base / "xdg").chmod(0o755)
    shared = base / "cache" / "Roundtable"
    shared.mkdir()
    shared.chmod(0o777)
    assert runtime_dir() is None
    shared.chmod(0o1777)  # sticky: no one may rename what is not theirs
    found = runtime_dir()
    assert found == shared / "run" and private(found)
