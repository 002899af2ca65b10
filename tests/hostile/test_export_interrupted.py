"""A vault export killed outright (SIGKILL: no cleanup runs) leaves only whole files: killed
before its renames, it leaves none but hidden temporary files, which the next export clears;
killed half-way through its renames, the files already renamed are complete, and the next
export recognises them as its own and finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import frontmatter as python_frontmatter
import pytest

from app.db.database import Database
from app.io import manifest
from app.services.markdown_export import MarkdownExport, export_markdown

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and syncfs: Linux")

_KILLED = """
import os, signal, sys
from pathlib import Path
from app.db.database import open_database
from app.io import atomic
from app.services.markdown_export import MarkdownExport, export_markdown
mode, db_path, folder = sys.argv[1:4]
db = open_database(Path(db_path))
if mode == "before-renames":  # all the files staged and flushed, none renamed yet
    atomic._syncfs = lambda: (lambda fd: os.kill(os.getpid(), signal.SIGKILL))
else:  # five files renamed into place, then the kill
    real = os.replace
    done = [0]

    def replace(source, target):
        if done[0] == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        real(source, target)
        done[0] += 1

    os.replace = replace
export_markdown(db, MarkdownExport(folder=Path(folder)))
print("not killed")
"""


def _killed(mode: str, db: Database, vault: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _KILLED, mode, str(db.path), str(vault)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]


def _markdown(vault: Path) -> dict[str, bytes]:
    return {p.relative_to(vault).as_posix(): p.read_bytes() for p in vault.rglob("*.md")}


def _leftovers(vault: Path) -> list[Path]:
    return [p for p in vault.rglob(".roundtable-*.tmp")]


def test_killed_before_the_renames_it_leaves_no_file(mini_db: Database, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _killed("before-renames", mini_db, vault)
    assert _markdown(vault) == {}  # nothing half-written, and nothing under a note's name
    assert _leftovers(vault) and not (vault / manifest.MANIFEST_NAME).exists()
    report = export_markdown(mini_db, MarkdownExport(folder=vault))
    assert _leftovers(vault) == [] and report.skipped == [] and len(report.written) == len(_markdown(vault))


def test_killed_half_way_through_the_renames_it_leaves_whole_files(mini_db: Database, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _killed("during-renames", mini_db, vault)
    kept = _markdown(vault)
    assert len(kept) == 5
    for rel, data in kept.items():  # whole: front matter, body, the final line end
        assert python_frontmatter.loads(data.decode("utf-8"))["id"], rel
        assert data.endswith(b"\n"), rel
    report = export_markdown(mini_db, MarkdownExport(folder=vault))
    assert sorted(report.unchanged) == sorted(kept) and report.skipped == []  # known as ours
    assert _leftovers(vault) == []
    finished = _markdown(vault)
    assert len(finished) == len(kept) + len(report.written)
    assert {rel: finished[rel] for rel in kept} == kept  # the whole files were already final
