"""The PyInstaller bundle (packaging/roundtable.spec), built as `make package` builds it: it starts
on a new database, creates and seeds it, reaches its main window and exits cleanly, and its
command-line program checks the database it made."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__
from app.db.schema_version import HEAD
from app.gui.smoke import ENV as SMOKE_ENV
from app.gui.smoke import LINE as SMOKE_LINE
from tests.builders.syscalls import network_syscalls, strace

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "bundle-test"  # kept between runs: PyInstaller reuses its analysis
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    pytest.importorskip("PyInstaller", reason="the `package` extra is not installed")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUILD / "dist"),
            "--workpath",
            str(BUILD / "work"),
            str(ROOT / "packaging" / "roundtable.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    yield BUILD / "dist" / "Roundtable"


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUNDTABLE_", "PYTHON"))}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "ROUNDTABLE_HOME": str(home), **extra}


def test_bundle_carries_its_data_and_no_networked_plugin(bundle: Path) -> None:
    internal = bundle / "_internal" / "app"
    assert (internal / "resources" / "dataset" / "roundtable-2025.yaml").is_file()
    assert (internal / "resources" / "icons" / "roundtable.svg").is_file()
    assert (internal / "migrations" / "env.py").is_file()
    assert list((internal / "migrations" / "versions").glob("0001_*.py"))
    # QtNetwork stays for its local sockets (a second launch hands over to the running window);
    # the plugins that would reach a network do not: VNC, TUIO over UDP, TLS, network status.
    networked = ("networkinformation", "tls", "qvnc", "qtuiotouch", "openssl")
    assert not [
        str(p.relative_to(bundle)) for p in bundle.rglob("*") if any(n in p.name.lower() for n in networked)
    ]


def test_bundle_starts_on_a_new_database_and_reaches_its_window(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    command = [str(bundle / f"roundtable{EXE}")]
    for start in ("first", "second"):  # the first creates, migrates and seeds; the second reuses
        done = subprocess.run(
            command, env=_env(home, **{SMOKE_ENV: "1"}), capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, f"{start} start: {done.stderr[-3000:]}"
        assert f"{SMOKE_LINE}: Roundtable; 13 of 13 officials" in done.stdout, f"{start} start: {done.stdout}"
        assert "Traceback" not in done.stderr
    assert (home / "data" / "roundtable.sqlite3").is_file()


def test_bundle_command_line_checks_the_database(bundle: Path, tmp_path: Path) -> None:
    cli = str(bundle / f"roundtable-cli{EXE}")
    env = _env(tmp_path / "home")
    version = subprocess.run([cli, "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"Roundtable {__version__}"
    check = subprocess.run([cli, "check"], env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    assert f"Schema revision: {HEAD}" in check.stdout and "All good." in check.stdout
    show = subprocess.run([cli, "show", "chen-gang"], env=env, capture_output=True, text=True, timeout=60)
    assert show.returncode == 0 and "陈刚" in show.stdout


@pytest.mark.skipif(strace() is None, reason="strace traces system calls on Linux only")
def test_bundle_opens_no_network_socket(bundle: Path, tmp_path: Path) -> None:
    done, calls = network_syscalls(
        [str(bundle / f"roundtable{EXE}")], _env(tmp_path / "home", **{SMOKE_ENV: "1"}), tmp_path
    )
    assert done.returncode == 0 and SMOKE_LINE in done.stdout, done.stderr[-3000:]
    assert calls == []
