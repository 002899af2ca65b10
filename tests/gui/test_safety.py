"""Data safety in the window: one instance per file, recovery at start-up, read-only mode,
backups and restore from the File menu, the database check, failed writes."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.db import lock
from app.db.connection import connect
from app.db.database import DatabaseReadOnly
from app.gui.backups import BackupsDialog
from app.gui.host import Host, Outcome
from app.gui.main_window import MainWindow
from app.gui.read_only import ReadOnlyBanner, disable_when_read_only
from app.gui.single_instance import hand_over
from app.paths import backups_dir
from app.services import backups
from app.services.library import Library
from app.services.opening import Option
from tests.builders import damage
from tests.conftest import live_entries, live_notes
from tests.gui.conftest import Answers, click_in_next_dialog, type_text

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("ROUNDTABLE_SCREENSHOTS", "/tmp/roundtable-safety"))


def make_host(hosts: list[Host], **kw: Any) -> Host:
    host = Host(**kw)
    hosts.append(host)
    return host


def shown(host: Host) -> MainWindow:
    assert host.window is not None
    return host.window


def entry_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM entity").fetchone()[0])
    finally:
        conn.close()


def banner(window: MainWindow) -> ReadOnlyBanner:
    found = window.findChild(ReadOnlyBanner)
    assert isinstance(found, ReadOnlyBanner)
    return found


def save_shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / name
    assert widget.grab().save(str(target))
    return target


# --- start, check, daily backup ------------------------------------------------------------


def test_a_good_file_opens_checks_and_gets_its_daily_backup(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    host = make_host(hosts, ask=Answers())
    with qtbot.waitSignal(host.daily_backup_done, timeout=20_000) as done:
        assert host.start(seeded_path) is Outcome.OPENED
    window = shown(host)
    assert not window.read_only and host.check is not None and host.check.passed
    assert isinstance(done.args[0], Path) and "daily" in done.args[0].name
    # the library's first backup: what the daily copies are, rather than routine news
    assert window.statusBar().currentMessage().startswith("Roundtable keeps a copy of your library each day")
    assert not banner(window).isVisible()
    assert lock.is_held(seeded_path) and host.can_replace


def test_the_daily_backup_does_not_replace_what_the_status_bar_is_saying(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    host = make_host(hosts, ask=Answers())
    assert host.start(seeded_path) is Outcome.OPENED
    window = shown(host)
    # what "Back up now" says when the researcher used it in the first seconds
    window.statusBar().showMessage("Backed up to /somewhere/manual.sqlite3.", 15000)
    with qtbot.waitSignal(host.daily_backup_done, timeout=20_000) as done:
        pass
    assert isinstance(done.args[0], Path)  # the daily backup was made ...
    assert window.statusBar().currentMessage() == "Backed up to /somewhere/manual.sqlite3."  # ... quietly


def test_writes_wait_for_the_start_up_check(qtbot: QtBot, hosts: list[Host], seeded_path: Path) -> None:
    host = make_host(hosts, ask=Answers())
    host.start(seeded_path)
    assert host.library.db is not None
    from sqlalchemy import text

    with host.library.db.sessions.begin() as session:  # blocks until the check is done, then writes
        session.execute(text("UPDATE entity SET name = 'Checked first' WHERE slug = 'chen-gang'"))
    assert host.check is not None and host.check.passed


def test_letting_go_of_a_file_stops_its_start_up_check(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    """Quitting before the check of a large library has finished does not leave Roundtable
    reading the whole file for seconds after its window has gone."""
    host = make_host(hosts, ask=Answers())
    assert host.start(seeded_path) is Outcome.OPENED
    check = host.check
    assert check is not None
    shown(host).close()
    host.release()
    assert host.check is None
    seeded_path.write_bytes(b"")  # were it still to read the file, the check would fail
    assert check.run() == () and check.problems is None  # stopped: no verdict either way


# --- one instance per file -------------------------------------------------------------------


def launch(db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "app", "--db", str(db)], cwd=ROOT, env=env)


def wait_until_serving(qtbot: QtBot, db: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert child.poll() is None, "the first instance exited"
        if lock.is_held(db) and hand_over(db, timeout_ms=2000):
            return
        qtbot.wait(200)
    raise AssertionError("the first instance never started serving")


def test_second_launch_raises_the_first_and_exits(qtbot: QtBot, hosts: list[Host], seeded_path: Path) -> None:
    host = make_host(hosts, ask=Answers())
    assert host.start(seeded_path) is Outcome.OPENED
    assert host.server is not None
    with qtbot.waitSignal(host.server.activated, timeout=60_000):
        second = launch(seeded_path)
    assert second.wait(timeout=60) == 0
    assert entry_count(seeded_path) > 0


def test_a_dead_first_instance_is_replaced_without_asking(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    first = launch(seeded_path)
    try:
        wait_until_serving(qtbot, seeded_path, first)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    # its lock died with it; its socket file (on Unix) did not
    assert not lock.is_held(seeded_path)
    host = make_host(hosts, ask=Answers())  # no answers: any question fails the test
    assert host.start(seeded_path) is Outcome.OPENED
    assert host.server is not None
    with qtbot.waitSignal(host.server.activated, timeout=60_000):
        second = launch(seeded_path)
    assert second.wait(timeout=60) == 0


def test_a_file_in_use_by_a_command_can_be_read_meanwhile(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.test_lock import hold_in_child, stop

    monkeypatch.setattr("app.gui.host.HAND_OVER_PATIENCE_S", 0.2)
    child = hold_in_child(seeded_path, "import")
    try:
        answers = Answers(Option.READ_ONLY)
        host = make_host(hosts, ask=answers)
        assert host.start(seeded_path) is Outcome.OPENED
        problem = answers.problems[0]
        assert problem.title == "This database is in use" and "`roundtable import`" in problem.explanation
        window = shown(host)
        assert window.read_only and banner(window).isVisible()
        assert "roundtable import" in banner(window).text.text()
        assert not host.can_replace
        assert window.library.db.read_only
        with pytest.raises(DatabaseReadOnly):
            window.library.db.sessions  # noqa: B018
    finally:
        stop(child)


# --- read-only mode ------------------------------------------------------------------------


def test_read_only_folder_opens_read_only_with_a_banner(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "app.services.opening.write_problem",
        lambda _p: "the folder /media/usb cannot be written to (Read-only file system)",
    )
    host = make_host(hosts, ask=Answers())
    assert host.start(seeded_path) is Outcome.OPENED
    window = shown(host)
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the banner settles once the window is fully built
    assert window.read_only
    shown_banner = banner(window)
    assert shown_banner.isVisible()
    assert "Read-only file system" in shown_banner.text.text()
    assert not shown_banner.restore_button.isVisible()  # restoring is no way out of a read-only disk
    # a feature's write actions follow the flag, now and when it changes
    edit = QAction("Edit", window)
    disable_when_read_only(window, edit)
    assert not edit.isEnabled()
    window.set_read_only(False)
    assert edit.isEnabled() and not shown_banner.isVisible()
    window.set_read_only(True)
    assert not edit.isEnabled() and shown_banner.isVisible()
    assert not shown_banner.restore_button.isVisible()
    path = save_shot(window, "read-only-banner.png")
    assert path.stat().st_size > 0


# --- damaged files ---------------------------------------------------------------------------


def test_damaged_header_at_start_restores_a_backup(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    good = backups.backup_now(seeded_path)
    damage.flip_header(seeded_path)
    answers = Answers(Option.RESTORE)
    host = make_host(hosts, ask=answers, pick_backup=lambda _parent, _db: good)
    assert host.start(seeded_path) is Outcome.OPENED
    assert answers.problems[0].title == "This database is damaged"
    assert answers.problems[0].options[0] is Option.RESTORE
    window = shown(host)
    assert not window.read_only
    assert window.entry_list.model is not None and window.entry_list.model.rowCount() == 13
    assert "Restored the backup" in window.statusBar().currentMessage()
    kept = [b for b in backups.list_backups(seeded_path, counts=False) if "damaged" in b.reason]
    assert len(kept) == 1  # the damaged file is kept, byte for byte


def test_damaged_header_can_be_left_by_choosing_another_file(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, tmp_path: Path
) -> None:
    damage.flip_header(seeded_path)
    before = seeded_path.read_bytes()
    other = tmp_path / "fresh" / "new.sqlite3"
    answers = Answers(Option.CHOOSE)
    host = make_host(hosts, ask=answers, choose_file=lambda _parent, _start: other)
    assert host.start(seeded_path) is Outcome.OPENED
    assert host.path == other and other.exists()
    assert seeded_path.read_bytes() == before
    assert not lock.is_held(seeded_path) and lock.is_held(other)


def test_damage_found_by_the_start_up_check_turns_the_window_read_only(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    backups.backup_now(seeded_path)
    damage.flip_page(seeded_path, "ix_note_revision_note_id_created_at")
    before = seeded_path.read_bytes()
    answers = Answers(Option.READ_ONLY)
    host = make_host(hosts, ask=answers)
    with qtbot.waitSignal(host.check_finished, timeout=20_000) as finished:
        assert host.start(seeded_path) is Outcome.OPENED
    assert finished.args == [False]
    window = shown(host)
    qtbot.waitUntil(lambda: bool(answers.problems))
    assert answers.problems[0].options[0] is Option.RESTORE
    assert window.read_only and banner(window).isVisible()
    assert banner(window).restore_button.isVisible()  # this process may replace the file
    with pytest.raises(DatabaseReadOnly):
        window.library.db.sessions  # noqa: B018
    assert window.library.db.read_only_reason is not None and "damage" in window.library.db.read_only_reason
    qtbot.waitExposed(window)
    save_shot(window, "damaged-read-only-banner.png")
    assert seeded_path.read_bytes() == before


def test_a_window_that_cannot_read_its_file_asks_without_offering_read_only(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    damage.flip_page(seeded_path, "ix_entity_kind_deleted_at_name")  # what the first list page reads
    answers = Answers(Option.QUIT)
    host = make_host(hosts, ask=answers)
    assert host.start(seeded_path) is Outcome.GAVE_UP
    assert answers.problems[0].title == "This database is damaged"
    assert Option.READ_ONLY not in answers.problems[0].options
    assert not lock.is_held(seeded_path)


def test_the_real_problem_dialog_answers_with_its_buttons(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    backups.backup_now(seeded_path)
    damage.flip_header(seeded_path)
    seen: list[str] = []
    click_in_next_dialog("option-quit", seen)
    host = make_host(hosts)  # the real dialogs
    assert host.start(seeded_path) is Outcome.GAVE_UP
    assert "This database is damaged" in seen[0] and "restore one of its backups" in seen[0]


# --- backups and restore from the menus ----------------------------------------------------


def test_restore_from_the_file_menu_reopens_on_the_restored_data(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path
) -> None:
    entries = live_entries(seeded_path)
    notes = live_notes(seeded_path)
    host = make_host(hosts, ask=Answers())
    host.start(seeded_path)
    first = shown(host)
    with qtbot.waitSignal(host.daily_backup_done, timeout=20_000):
        pass
    # the researcher deletes every official, then thinks better of it
    conn = connect(seeded_path)  # foreign keys on, and the functions the index triggers call
    conn.execute("DELETE FROM entity WHERE kind = 'person'")
    conn.commit()
    conn.close()
    first.changes.announce_entries()
    assert first.entry_list.model is not None and first.entry_list.model.rowCount() == 0

    restore = first.findChild(QAction, "restoreBackupAction")
    assert isinstance(restore, QAction) and restore.isEnabled()
    seen: list[str] = []
    click_in_next_dialog("restoreButton")
    click_in_next_dialog("Yes", seen)
    with qtbot.waitSignal(host.window_opened, timeout=20_000) as opened:
        restore.trigger()
    second = opened.args[0]
    assert isinstance(second, MainWindow) and second is not first
    assert f"holds {entries} entries and {notes} notes" in seen[0].replace(",", "")
    assert second.entry_list.model is not None and second.entry_list.model.rowCount() == 13
    assert "Restored the backup" in second.statusBar().currentMessage()
    before_restore = [b for b in backups.list_backups(seeded_path) if b.reason == "before-restore"]
    assert len(before_restore) == 1 and before_restore[0].entries == entries - 13


def test_backups_dialog_lists_dates_and_counts(qtbot: QtBot, seeded_path: Path) -> None:
    backups.backup_now(seeded_path)
    backups.backup_now(seeded_path, backups.BEFORE_IMPORT)
    (backups_dir(seeded_path) / "roundtable-20250101T000000-daily.sqlite3").write_text(
        "junk", encoding="utf-8"
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = BackupsDialog(seeded_path, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.table.topLevelItemCount() == 3
    rows = [
        [dialog.table.topLevelItem(i).text(c) for c in range(5)]  # type: ignore[union-attr]
        for i in range(dialog.table.topLevelItemCount())
    ]
    assert {r[1] for r in rows} == {"Backed up by you", "Before an import", "Daily backup (cannot be read)"}
    entries = str(live_entries(seeded_path))
    notes = str(live_notes(seeded_path))
    assert all(r[2] == entries and r[3] == notes for r in rows if not r[1].startswith("Daily"))
    junk = next(i for i, r in enumerate(rows) if r[1].startswith("Daily"))
    assert dialog.table.topLevelItem(junk).isDisabled()  # type: ignore[union-attr]
    assert rows[junk][2] == "?"
    assert dialog.restore_button.isEnabled()
    save_shot(dialog, "restore-dialog.png")


def test_back_up_now_on_a_full_disk_says_so_and_retries(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = make_host(hosts, ask=Answers())
    host.start(seeded_path)
    window = shown(host)
    # The start-up check and the day's first backup run once the window has painted; their
    # status line would replace the one this test reads.
    with qtbot.waitSignal(host.daily_backup_done, timeout=20_000):
        pass
    real = backups.backup_now  # (the window imports it when it backs up)
    calls = []

    def full_once(path: Path, reason: str) -> Path:
        calls.append(reason)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, reason)

    monkeypatch.setattr(backups, "backup_now", full_once)
    seen: list[str] = []
    click_in_next_dialog("retry", seen)
    action = window.findChild(QAction, "backUpAction")
    assert isinstance(action, QAction)
    action.trigger()
    qtbot.waitUntil(lambda: "-manual.sqlite3" in window.statusBar().currentMessage(), timeout=20_000)
    assert "The disk is full" in seen[0] and "Backing up failed" in seen[0]
    assert len(calls) == 2
    assert any(b.reason == "manual" for b in backups.list_backups(seeded_path, counts=False))


def test_a_failed_write_is_shown_and_retried(qtbot: QtBot, seeded_db: Any) -> None:
    """The helper features use for writes: a full disk (SQLITE_FULL by max_page_count)."""
    from sqlalchemy import text

    from app.gui.failures import attempt

    conn = sqlite3.connect(seeded_db.path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    limit = {"pages": pages}

    def save() -> str:
        with seeded_db.sessions.begin() as session:
            session.execute(text(f"PRAGMA max_page_count = {limit['pages']}"))
            session.execute(
                text(
                    "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES ('u', 't', :b, '', '')"
                ),
                {"b": "x" * 200_000},
            )
        return "saved"

    seen: list[str] = []

    def free_space_then_retry() -> None:
        limit["pages"] = 1_000_000
        click_in_next_dialog("retry", seen)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, free_space_then_retry)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert attempt(parent, "Saving the note", save) == "saved"
    assert "The disk is full" in seen[0] and "Saving the note failed" in seen[0]


# --- checking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("damaged", "expect"), [(False, "is sound"), (True, "is damaged")])
def test_help_check_database_reports_in_plain_words(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, damaged: bool, expect: str
) -> None:
    if damaged:
        damage.flip_page(seeded_path, "ix_note_revision_note_id_created_at")
    host = make_host(hosts, ask=Answers(Option.READ_ONLY))
    host.start(seeded_path)
    window = shown(host)
    action = window.findChild(QAction, "checkDatabaseAction")
    assert isinstance(action, QAction)
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "checkResult") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "checkResult")
    assert isinstance(box, QMessageBox)
    assert expect in box.informativeText()
    assert "Broken references: -1" not in box.detailedText()
    box.close()


# --- unsafe locations, hostile typing ------------------------------------------------------------


def test_an_unsafe_location_is_warned_about_once(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Dropbox" / "research"
    folder.mkdir(parents=True)
    path = folder / "roundtable.sqlite3"
    path.write_bytes(seeded_path.read_bytes())
    seen: list[str] = []
    click_in_next_dialog("OK", seen)
    host = make_host(hosts, ask=Answers())
    host.start(path)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "Dropbox" in seen[0]
    host.window.close()  # type: ignore[union-attr]
    host.release()
    again = make_host(hosts, ask=Answers())
    again.start(path)
    qtbot.wait(300)
    assert QApplication.activeModalWidget() is None  # not a second time
    assert len(seen) == 1


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE entity; --",
        "%_\\",
        "\u202eevil\u202c",
        "\u200d\u200c",
        "x" * 3000,
        "../../etc",
        "陈刚\u200d",
    ],
)
def test_hostile_text_in_the_filter(qtbot: QtBot, seeded_db: Any, text: str) -> None:
    window = MainWindow(Library(seeded_db))
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.entry_list.filter, text)
    qtbot.waitUntil(lambda: "of 13 officials" in window.entry_list.status.text())
    assert entry_count(seeded_db.path) > 0


def test_a_first_start_says_it_is_setting_up_the_library(
    qtbot: QtBot, hosts: list[Host], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QSplashScreen

    said: list[str] = []
    real = QSplashScreen.showMessage
    monkeypatch.setattr(
        QSplashScreen, "showMessage", lambda self, text, *a: (said.append(text), real(self, text, *a))[1]
    )
    host = make_host(hosts)
    assert host.start(tmp_path / "new" / "roundtable.sqlite3") is Outcome.OPENED
    assert said == ["Setting up your library…"]
    assert QApplication.activeModalWidget() is None
    host.release()
    said.clear()
    host = make_host(hosts)
    assert host.start(tmp_path / "new" / "roundtable.sqlite3") is Outcome.OPENED
    assert said == []  # a library that is ready opens without one


def test_a_new_librarys_first_backup_says_where_the_daily_copies_go(
    qtbot: QtBot, hosts: list[Host], tmp_path: Path
) -> None:
    """The very first window said "Backed up today's changes…" straight after creating the
    library; a newcomer is told instead what the daily copies are and how to bring one back."""
    host = make_host(hosts, ask=Answers())
    with qtbot.waitSignal(host.daily_backup_done, timeout=30_000) as done:
        assert host.start(tmp_path / "new.sqlite3") is Outcome.OPENED
    assert isinstance(done.args[0], Path)
    message = shown(host).statusBar().currentMessage()
    assert message.startswith("Roundtable keeps a copy of your library each day in ")
    assert "Backed up today's changes" not in message
