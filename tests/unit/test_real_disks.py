"""A really read-only folder and a really full disk, where the machine lets a test make them.

`unshare -r -m` gives the test a private mount namespace without needing root outside it;
inside, a read-only bind mount and a small tmpfs are real file systems, so SQLite and Python
meet EROFS and ENOSPC exactly as on a USB stick or a full laptop disk. Where user namespaces
are not allowed the tests skip; test_write_failures.py and test_opening.py cover the same
paths by injection everywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import MINI, live_entries

ROOT = Path(__file__).resolve().parents[2]


def _namespaces_work() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _namespaces_work(), reason="no user namespaces to mount in")


def in_namespace(setup: str, script: str, tmp_path: Path) -> dict[str, object]:
    """Run `setup` (shell, as root of a private mount namespace), then the Python `script`,
    which prints one JSON object as its last line."""
    code = tmp_path / "script.py"
    code.write_text(textwrap.dedent(script), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        ["unshare", "-r", "-m", "bash", "-c", f"set -e\n{setup}\nexec {sys.executable} {code}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_read_only_folder_reads_and_refuses_writes_plainly(seeded_path: Path, tmp_path: Path) -> None:
    folder = seeded_path.parent
    script = f"""
        import io, json, contextlib
        from pathlib import Path
        from app.__main__ import main
        from app.services.opening import assess
        from app.db.database import open_database

        path = Path({str(seeded_path)!r})
        out = {{}}
        found = assess(path)
        out["problem"] = found.problem.title if found.problem else None
        out["reason"] = found.read_only_reason
        db = open_database(path, read_only_reason=found.read_only_reason)
        out["entries"] = db.read().execute("SELECT count(*) FROM entity").fetchone()[0]
        db.close()

        def cli(*args):
            o, e = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
                code = main(list(args))
            return [code, o.getvalue(), e.getvalue()]

        out["list"] = cli("--db", str(path), "list", "countries")
        out["import"] = cli("--db", str(path), "import", {str(MINI)!r})
        out["backup"] = cli("--db", str(path), "backup")
        out["check"] = cli("--db", str(path), "check")
        print(json.dumps(out))
    """
    setup = f"mount --bind {folder} {folder}\nmount -o remount,bind,ro {folder}"
    before = seeded_path.read_bytes()
    entries = live_entries(seeded_path)
    out = in_namespace(setup, script, tmp_path)
    assert out["problem"] is None
    assert "Read-only file system" in str(out["reason"])
    assert out["entries"] == entries
    code, listed, _ = out["list"]  # type: ignore[misc]
    assert code == 0 and "Laos" in listed
    code, printed, err = out["import"]  # type: ignore[misc]
    assert (code, printed) == (1, "") and err.count("\n") == 1 and "Nothing was changed" in err
    code, _, err = out["backup"]  # type: ignore[misc]
    assert code == 1 and err.count("\n") == 1 and "read-only" in err
    code, checked, _ = out["check"]  # type: ignore[misc]
    assert code == 0 and "The file is sound" in checked
    assert seeded_path.read_bytes() == before


def test_a_full_disk_fails_the_write_visibly_and_loses_nothing(seeded_path: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = f"""
        import io, json, contextlib, os, shutil, sqlite3
        from pathlib import Path
        from sqlalchemy import text
        from app.__main__ import main
        from app.db.database import open_database
        from app.db.errors import explain

        disk = Path({str(disk)!r})
        path = disk / "roundtable.sqlite3"
        src = sqlite3.connect({str(seeded_path)!r}); dst = sqlite3.connect(path)
        src.backup(dst); dst.close(); src.close()

        def fill(leave):
            free = shutil.disk_usage(disk).free
            with open(disk / "filler", "wb") as fh:
                fh.write(b"\\0" * max(0, free - leave))

        def snapshot():
            conn = sqlite3.connect(path)
            try:
                return [conn.execute("SELECT count(*) FROM entity").fetchone()[0],
                        conn.execute("SELECT count(*) FROM note").fetchone()[0],
                        [r[0] for r in conn.execute("PRAGMA integrity_check")]]
            finally:
                conn.close()

        out = {{"before": snapshot()}}
        # 1. the app's write path on a full disk: SQLITE_FULL, rolled back, explained
        db = open_database(path)  # open while there is room (the window would have)
        db.read().execute("SELECT count(*) FROM entity").fetchone()
        fill(16 * 1024)
        try:
            with db.sessions.begin() as s:
                for i in range(200):
                    s.execute(text("INSERT INTO note (uid, title, body, created_at, updated_at) "
                                   "VALUES (:u, 't', :b, '', '')"), {{"u": f"n{{i}}", "b": "x" * 20000}})
            out["write"] = "succeeded"
        except Exception as exc:
            failure = explain(exc)
            out["write"] = [failure.trouble.value, failure.message]
        db.close()
        out["after_write"] = snapshot()
        # 2. the command line on the full disk: refused before anything is written
        o, e = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
            code = main(["--db", str(path), "import", {str(MINI)!r}])
        out["import"] = [code, o.getvalue(), e.getvalue()]
        out["after_import"] = snapshot()
        out["leftovers"] = sorted(p.name for p in disk.rglob("*") if p.name.endswith(".partial"))
        # 3. space freed: the same import works
        (disk / "filler").unlink()
        with contextlib.redirect_stdout(io.StringIO()):
            out["retry"] = main(["--db", str(path), "import", {str(MINI)!r}])
        out["after_retry"] = snapshot()
        print(json.dumps(out))
    """
    # Room for the seeded library (2.2 MB with its list columns and search index since the
    # dataset's second edition) and the backup an import takes first, once the filler is gone.
    out = in_namespace(f"mount -t tmpfs -o size=8m tmpfs {disk}", script, tmp_path)
    before = out["before"]
    assert out["write"][0] == "disk-full"  # type: ignore[index]
    assert "disk is full" in out["write"][1]  # type: ignore[index]
    assert out["after_write"] == before  # the whole transaction rolled back, file sound
    code, printed, err = out["import"]  # type: ignore[misc]
    assert (code, printed) == (1, "") and err.count("\n") == 1 and "full" in err
    assert out["after_import"] == before
    assert out["leftovers"] == []  # no half-written backup left behind
    assert out["retry"] == 0
    after = out["after_retry"]
    assert after[0] > before[0] and after[2] == ["ok"]  # type: ignore[index]
