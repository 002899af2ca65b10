"""What the first paint does not wait for: modules (and their records) that only later work uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.gui.test_start_path import _PROBE, ROOT


def _loaded_at_first_paint(db: Path) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROUNDTABLE_SMOKE_TEST": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(db)],
        cwd=ROOT.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    assert lines, done.stderr[-2000:]
    return set(lines[0].split()[1:])


def test_the_first_paint_waits_for_no_records_it_does_not_show(seeded_path: Path) -> None:
    loaded = _loaded_at_first_paint(seeded_path)
    assert "app.gui.main_window" in loaded  # the probe did see the window
    # The notes' records load with the notes panel, after the paint; the check's with a check;
    # finding quotes in a source's text (anchors, difflib) with a source's page; backups with
    # the daily backup, after the start-up check; and the writer lock names its machine through
    # os.uname.
    later = {
        "app.records.notes",
        "app.records.data_quality",
        "app.records.source_checks",
        "app.records.anchors",
        "difflib",
        "platform",
        "app.services.backups",  # the daily backup waits for the start-up check
        "app.db.backup",
    }
    assert later & loaded == set()
