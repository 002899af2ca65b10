"""The window's backups of a library that has been damaged since it opened: File ▸ Back up now,
the backups dialog's button and the daily backup each say it is damaged and what to do, and
write nothing (issue 16: a copy of a damaged file pushed the sound backups out)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.gui.backups import BackupsDialog, back_up_now
from app.gui.host import Host, Outcome
from app.gui.main_window import MainWindow
from app.services import backups
from tests.builders import damage
from tests.gui.conftest import click_in_next_dialog


def _damage(path: Path) -> None:
    damage.flip_page(path, "citation")


def _listed(path: Path) -> list[Path]:
    return sorted(b.path for b in backups.list_backups(path, counts=False))


def test_back_up_now_on_a_damaged_library_says_so(qtbot: QtBot, window: MainWindow) -> None:
    path = window.library.db.path
    kept = [backups.backup_now(path)]
    _damage(path)
    seen: list[str] = []
    click_in_next_dialog("OK", seen)
    back_up_now(window)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "backing up failed" in seen[0] and "is damaged" in seen[0]
    assert "roundtable check" in seen[0] and "Restore from backup" in seen[0]
    assert _listed(path) == kept


def test_the_backups_dialog_button_on_a_damaged_library_says_so(qtbot: QtBot, seeded_path: Path) -> None:
    kept = [backups.backup_now(seeded_path)]
    _damage(seeded_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = BackupsDialog(seeded_path, parent)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    click_in_next_dialog("OK", seen)
    dialog.back_up_button.click()  # (an exception here would reach Qt's event loop: a traceback)
    assert seen and "is damaged" in seen[0]
    assert _listed(seeded_path) == kept
    assert dialog.table.topLevelItemCount() == 1


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = Host()
    yield made
    if made.window is not None:
        made.window.close()
    made.release()
    QApplication.processEvents()


def test_the_daily_backup_of_a_damaged_library_says_so(
    qtbot: QtBot, host: Host, seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(host.daily_backup_done, timeout=20_000):
        assert host.start(seeded_path) is Outcome.OPENED
    kept = _listed(seeded_path)
    _damage(seeded_path)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    real = backups.backup_if_due  # (the window imports it when a backup is due)
    monkeypatch.setattr(backups, "backup_if_due", lambda path: real(path, tomorrow))
    window = host.window
    assert window is not None
    host.backup_if_due()
    qtbot.waitUntil(lambda: "daily backup failed" in window.statusBar().currentMessage(), timeout=20_000)
    message = window.statusBar().currentMessage()
    assert "is damaged" in message and "roundtable check" in message
    assert "The database reported a problem" not in message  # its own sentence, not wrapped
    assert _listed(seeded_path) == kept
