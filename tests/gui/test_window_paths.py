"""The window given a database path that is not what it seems: a FIFO is refused in its start-up
dialog (it hung before), and a symlink opens, locks and restores the real file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db import lock
from app.gui.host import Host, Outcome
from app.services import backups
from app.services.opening import Option
from tests.conftest import live_notes
from tests.gui.conftest import Answers


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = Host(ask=Answers())
    yield made
    if made.window is not None:
        made.window.close()
    made.release()
    QApplication.processEvents()


def test_a_fifo_is_refused_in_the_start_up_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    fifo = tmp_path / "library.sqlite3"
    os.mkfifo(fifo)
    answers = Answers(Option.QUIT)
    host = Host(ask=answers)
    try:
        assert host.start(fifo) is Outcome.GAVE_UP
    finally:
        host.release()
    (problem,) = answers.problems
    assert problem.title == "This is not a Roundtable database"
    assert f"{fifo} is a named pipe (FIFO), not an ordinary file" in problem.explanation
    assert problem.options == (Option.CHOOSE, Option.QUIT)


def test_a_symlink_opens_locks_and_restores_the_real_file(
    qtbot: QtBot, host: Host, seeded_path: Path, tmp_path: Path
) -> None:
    made = backups.backup_now(seeded_path, backups.MANUAL)
    link = tmp_path / "links" / "link.sqlite3"
    link.parent.mkdir()
    link.symlink_to(seeded_path)
    assert host.start(link) is Outcome.OPENED
    assert host.path == seeded_path.resolve()
    assert lock.is_held(seeded_path)  # what a command given the real name meets
    assert sorted(p.name for p in link.parent.iterdir()) == ["link.sqlite3"]

    notes = live_notes(seeded_path)
    conn = sqlite3.connect(seeded_path)
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()
    with qtbot.waitSignal(host.window_opened, timeout=20_000):
        assert host.restore_and_reopen(made)
    assert link.is_symlink() and link.resolve() == seeded_path.resolve()
    conn = sqlite3.connect(seeded_path)
    assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == notes
    conn.close()
