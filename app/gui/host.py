"""The library this process has open: its writer lock, its single-instance server, its
window — from start-up (with recovery) through restores and switching files to quitting.

Start-up: take the writer lock, or, when another process holds it, hand over to this user's
window on the file if that is what holds it (single_instance); assess the file
(app/services/opening.py) and, if something is wrong, ask the user the way forward
(app/gui/recovery.py) until the file opens or they quit.
Once the window shows, SQLite's quick_check runs in the background and writes wait for it
(Database.hold_writes); if it fails the window turns read-only and the user is told. A daily
backup is taken when due, at start and every hour after.

A restore closes the window (so editors flush into the old file, which is then backed up),
replaces the file, and opens a new window on the restored data: features are installed
afresh, so none keeps state from the file that was replaced.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME
from app.gui import smoke
from app.gui.entry_table_model import stop_background_reads
from app.gui.failures import describe
from app.gui.first_paint import after_first_paint
from app.gui.i18n import translate, translated
from app.gui.main_window import MainWindow
from app.gui.placement import fit_to_screen
from app.gui.single_instance import InstanceServer, hand_over
from app.gui.workers import Task
from app.i18n import Explained, Message
from app.paths import real_path
from app.services.library import DatabaseRefused, Library, Locked, Purpose, Unopened, WriterLock
from app.services.opening import Option, Problem, StartupCheck, failed_check_problem

# Backups (app/services/backups.py, app/db/backup.py) load once the start-up check has passed,
# or for a restore: the window's first paint waits for neither.
if TYPE_CHECKING:
    from app.services.backups import BackupInfo

HAND_OVER_PATIENCE_S = 3.0  # a first instance that is still starting gets this long to answer
DAILY_CHECK_MS = 60 * 60 * 1000
CHECK_AT_LATEST_MS = 1000  # the start-up check's start, if the window is not painted sooner


class Outcome(Enum):
    OPENED = "opened"
    HANDED_OVER = "handed-over"  # another instance has this file; it raised its window
    GAVE_UP = "gave-up"  # the user chose Quit


class Ask(Protocol):
    def __call__(self, problem: Problem, parent: QWidget | None, *, keep_open: bool = False) -> Option: ...


ChooseFile = Callable[[QWidget | None, Path], Path | None]
PickBackup = Callable[[QWidget | None, Path], Path | None]


def _ask_user(problem: Problem, parent: QWidget | None, *, keep_open: bool = False) -> Option:
    from app.gui import recovery  # its dialogs load when there is something to ask

    return recovery.ask(problem, parent, keep_open=keep_open)


def _choose_database(parent: QWidget | None, start: Path) -> Path | None:
    from app.gui import recovery

    return recovery.choose_database(parent, start)


def _warn_about_location(window: QWidget, path: Path, warning: Message) -> None:
    from app.gui import recovery

    recovery.warn_about_location_once(window, path, warning)


def _pick_backup(parent: QWidget | None, db_path: Path) -> Path | None:
    from app.gui.backups import BackupsDialog

    return BackupsDialog.pick(db_path, parent)


class Host(QObject):
    window_opened = Signal(object)  # the new MainWindow, at start and after each reopen
    check_finished = Signal(bool)  # the start-up quick_check passed (True) or failed
    daily_backup_done = Signal(object)  # the backup's Path, or None when none was due

    def __init__(
        self,
        *,
        ask: Ask | None = None,
        choose_file: ChooseFile | None = None,
        pick_backup: PickBackup | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ask: Ask = ask or _ask_user
        self._choose_file: ChooseFile = choose_file or _choose_database
        self._pick_backup: PickBackup = pick_backup or _pick_backup
        self.path: Path | None = None
        self.library: Library | None = None
        self.window: MainWindow | None = None
        self.check: StartupCheck | None = None
        self._lock: WriterLock | None = None  # the library's while it is open; ours while we ask
        self.server: InstanceServer | None = None
        self._tasks: set[Task] = set()
        self._pending_message = ""
        self._daily = QTimer(self)
        self._daily.setInterval(DAILY_CHECK_MS)
        self._daily.timeout.connect(self.backup_if_due)

    # --- start-up -------------------------------------------------------------------------

    def start(self, path: Path, *, open_file: Path | None = None) -> Outcome:
        """Open `path` (asking the user about any problem) and show its window; with
        `open_file` (a data file opened from a file manager), offer to import it once the
        window is painted, or ask the window already open on `path` to offer it."""
        unreadable: dict[Path, sqlite3.DatabaseError] = {}  # files the window failed to read
        path = real_path(path)  # the lock and a restore must name the file, not a link to it
        read_only: Message | None = None  # the user chose to read only, for the next try
        as_is = False  # ... whatever the file's state (a damaged file)
        deadline: float | None = None  # for handing over to a window that is still starting
        while True:
            if self._lock is not None and self._lock.db_path != path:
                self.release()
            try:
                library = Library.open(
                    path,
                    Purpose.WINDOW,
                    lock=self._lock,
                    read_only=read_only,
                    as_is=as_is,
                    damage=unreadable.get(path),
                    setting_up=_setting_up,
                )
            except Locked as exc:
                # Only a held lock may have a window of this user's to hand over to (its
                # socket is private); a free file is opened whatever listens anywhere.
                if hand_over(path, timeout_ms=500, open_file=open_file):
                    return Outcome.HANDED_OVER
                deadline = deadline or time.monotonic() + HAND_OVER_PATIENCE_S
                if time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                deadline, read_only, as_is = None, None, False
                problem = exc.problem()
                choice = self._ask(problem, self.window)
                if choice is Option.RETRY:
                    continue
                if choice is not Option.READ_ONLY:
                    return Outcome.GAVE_UP
                read_only = problem.read_only_reason
                continue
            except Unopened as exc:
                self._hold(exc.lock)
                read_only, as_is = None, False
                problem = exc.problem
                if path in unreadable:
                    kept = tuple(o for o in problem.options if o is not Option.READ_ONLY)
                    problem = replace(problem, options=kept)
                choice = self._ask(problem, self.window)
                if choice is Option.QUIT:
                    self.release()
                    return Outcome.GAVE_UP
                if choice is Option.RESTORE:
                    self._restore_before_opening(path)
                    unreadable.pop(path, None)
                elif choice is Option.CHOOSE:
                    chosen = self._choose_file(self.window, path)
                    if chosen is not None:
                        self.release()
                        path = real_path(chosen)
                elif choice is Option.READ_ONLY:
                    read_only, as_is = problem.read_only_reason, True
                continue
            except DatabaseRefused:
                read_only, as_is = None, False
                continue  # the file changed under us: look at it again
            self._hold(library.lock, serve_now=False)  # once the window is painted: _show
            try:
                self._show(library, open_file)
            except sqlite3.DatabaseError as exc:  # the window could not read what it shows first
                self._let_go_of_library()
                unreadable[path] = exc
                read_only, as_is = None, False
                continue
            return Outcome.OPENED

    def _hold(self, lock: WriterLock | None, *, serve_now: bool = True) -> None:
        """Keep the writer lock while the file is this process's, and serve later launches
        (with `serve_now` False, from the window's first paint on: see _show)."""
        if lock is None or lock is self._lock:
            return
        self._lock = lock
        self.server = InstanceServer(lock.db_path, self)
        self.server.activated.connect(self.raise_window)
        self.server.import_requested.connect(self.offer_import)
        if serve_now:
            self.server.listen()

    def _serve(self, server: InstanceServer) -> None:
        if server is self.server:  # not one let go of since
            server.listen()

    def _restore_before_opening(self, path: Path) -> None:
        chosen = self._pick_backup(None, path)
        if chosen is None:
            return
        error, saved = self._restore_file(path, chosen)
        if error:
            QMessageBox.warning(
                None, self.tr("{app}: the backup was not restored").format(app=APP_NAME), error
            )
        else:
            self._pending_message = self._restored(chosen, saved)  # said by the window that opens next

    def _show(self, library: Library, open_file: Path | None = None) -> None:
        path, location_warning = library.path, library.location_warning
        self.path, self.library = path, library
        library.before_close(lambda: stop_background_reads(library))
        check = self.check = library.check
        window = MainWindow(library, host=self, paint_first=True)
        self.window = window
        fit_to_screen(window)
        window.show()
        if check is not None:
            # Reading the whole file waits for the window's first paint (it would compete with
            # it for the processor and the disk); writes wait for the check, whenever it ends.
            after_first_paint(window, lambda: self._start_check(check), at_latest_ms=CHECK_AT_LATEST_MS)
        server = self.server
        if server is not None and not server.listening:
            # Serving (QtNetwork) waits for the paint too; a launch meanwhile waits for it
            # (HAND_OVER_PATIENCE_S).
            after_first_paint(window, lambda: self._serve(server), at_latest_ms=CHECK_AT_LATEST_MS)
        if smoke.requested():
            smoke.quit_after_first_paint(window)
        if open_file is not None:
            after_first_paint(window, lambda: self.offer_import(open_file))
        if self._pending_message:
            window.statusBar().showMessage(self._pending_message, 30000)
            self._pending_message = ""
        if location_warning:
            QTimer.singleShot(0, lambda: _warn_about_location(window, path, location_warning))
        self.window_opened.emit(window)

    def _start_check(self, check: StartupCheck) -> None:
        if check is not self.check:
            return  # another file was opened since
        self._run(Task(lambda _progress: check.run()), lambda problems: self._checked(check, problems))

    def _checked(self, check: StartupCheck, problems: object) -> None:
        if check is not self.check or self.library is None or self.window is None:
            return  # a check of a file that is no longer open
        if check.passed:
            self.check_finished.emit(True)
            self._daily.start()
            self.backup_if_due()
            return
        problem = failed_check_problem(check.path, check.problems or (self.tr("the check did not finish"),))
        self.library.make_read_only(problem.read_only_reason)
        self.window.set_read_only(True)
        self.check_finished.emit(False)
        QTimer.singleShot(0, lambda: self._after_failed_check(problem))

    def _after_failed_check(self, problem: Problem) -> None:
        if self.window is None:
            return
        choice = self._ask(problem, self.window, keep_open=True)
        if choice is Option.RESTORE:
            self.choose_and_restore()
        elif choice is Option.CHOOSE:
            chosen = self._choose_file(self.window, self.path or Path.home())
            if chosen is not None:
                self.switch_to(real_path(chosen))

    # --- while open -----------------------------------------------------------------------

    def raise_window(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def offer_import(self, path: object) -> None:
        """A file opened from a file manager: the Import dialog, filled in, for the researcher
        to look at and confirm (nothing is imported unasked)."""
        window = self.window
        if window is None or not isinstance(path, Path):
            return
        from app.gui.import_export_dialogs import offer_import

        offer_import(window, path)

    @property
    def can_replace(self) -> bool:
        """May this process replace the file (restore)? Only while holding the writer lock."""
        return self.library is not None and self.library.can_replace

    def backup_if_due(self) -> None:
        """The daily backup, in the background; only for a writable file that passed its check."""
        from app.services.backups import backup_if_due, list_backups  # after the paint and the check

        library, path = self.library, self.path
        if (
            library is None
            or path is None
            or library.read_only
            or self.check is None
            or not self.check.passed
        ):
            return

        def done(made: object) -> None:
            if isinstance(made, Path) and self.window is not None:
                if len(list_backups(path, counts=False)) == 1:  # a new library's first: say what it is
                    news = self.tr(
                        "Roundtable keeps a copy of your library each day in {folder}; "
                        "File ▸ Restore from backup… brings one back."
                    ).format(folder=made.parent)
                    self.window.say_in_passing(news, 20000)
                else:
                    news = self.tr("Backed up today's changes to {path}.").format(path=made)
                    self.window.say_in_passing(news, 8000)
            self.daily_backup_done.emit(made)

        def failed(message: str) -> None:
            if self.window is not None:
                self.window.statusBar().showMessage(
                    self.tr("The daily backup failed: {reason}").format(reason=message), 15000
                )

        self._run(
            Task(
                lambda _progress: backup_if_due(path),
                # A damaged library (DamagedSource) says so, and what to do, in a sentence of its own.
                describe=lambda exc: translated(
                    exc.message if isinstance(exc, Explained) else describe(exc).message
                ),
            ),
            done,
            failed,
        )

    def choose_and_restore(self) -> bool:
        """File ▸ Restore from backup…: pick a backup, then restore it and reopen."""
        if self.path is None:
            return False
        chosen = self._pick_backup(self.window, self.path)
        return chosen is not None and self.restore_and_reopen(chosen)

    def restore_and_reopen(self, backup: Path) -> bool:
        """Replace the open database with `backup` and reopen the window on it. True if
        restored; on any failure the user is told and the window reopens on what was there."""
        path, window = self.path, self.window
        if path is None or window is None:
            return False
        if not self.can_replace:
            QMessageBox.warning(
                window,
                self.tr("{app}: cannot restore").format(app=APP_NAME),
                self.tr(
                    "Another program holds this database, or its folder is read-only, so it cannot be "
                    "replaced. Nothing was changed."
                ),
            )
            return False
        from app.services.backups import BackupUnusable, check_backup

        try:
            with _wait_cursor():
                checked = check_backup(backup)
        except BackupUnusable as exc:
            QMessageBox.warning(
                window,
                self.tr("{app}: the backup was not restored").format(app=APP_NAME),
                self.tr("{reason} Nothing was changed.").format(reason=translated(exc.message)),
            )
            return False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        try:
            if not window.close():  # a feature refused to close (unsaved work the user kept)
                return False
            self._close_window(window)
            error, saved = self._restore_file(path, backup, checked)
            outcome = self.start(path)
            if outcome is not Outcome.OPENED:
                app.quit()
                return False
            assert self.window is not None
            if error:
                QMessageBox.warning(
                    self.window, self.tr("{app}: the backup was not restored").format(app=APP_NAME), error
                )
                return False
            self.window.statusBar().showMessage(self._restored(backup, saved), 30000)
            return True
        finally:
            app.setQuitOnLastWindowClosed(True)

    def _restore_file(
        self, path: Path, backup: Path, checked: BackupInfo | None = None
    ) -> tuple[str | None, Path | None]:
        """Restore with the writer lock held and no connection open: (error message or None,
        where the replaced file was kept)."""
        from app.services.backups import BackupUnusable, restore

        try:
            with _wait_cursor():
                result = restore(path, backup, checked=checked)
        except BackupUnusable as exc:
            return self.tr("{reason} Nothing was changed.").format(reason=translated(exc.message)), None
        except (OSError, sqlite3.Error) as exc:
            reason = translated(describe(exc).message)
            return self.tr("{reason} The database was not replaced.").format(reason=reason), None
        return None, result.previous_saved_as

    def _restored(self, backup: Path, saved: Path | None) -> str:
        if saved is None:
            return self.tr("Restored the backup {name}.").format(name=backup.name)
        return self.tr("Restored the backup {name}. The database it replaced is kept as {kept}.").format(
            name=backup.name, kept=saved.name
        )

    def switch_to(self, path: Path) -> Outcome:
        """Close this library and open `path` instead (Open another file…)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window = self.window
        app.setQuitOnLastWindowClosed(False)
        try:
            if window is not None:
                if not window.close():
                    return Outcome.GAVE_UP
                self._close_window(window)
            outcome = self.start(path)
            if outcome is not Outcome.OPENED:
                app.quit()
            return outcome
        finally:
            app.setQuitOnLastWindowClosed(True)

    def _close_window(self, window: MainWindow) -> None:
        self._daily.stop()
        self._stop_check()
        self.window = None
        window.deleteLater()
        self._let_go_of_library()

    def _let_go_of_library(self) -> None:
        """Close the file (once nothing reads it in the background any more), keeping the lock."""
        if self.library is not None:
            self.library.close(keep_lock=True)
            self.library = None

    def _stop_check(self) -> None:
        """A check of a file being let go of has no one to tell (on a large library it would
        keep Roundtable's process reading for seconds after its window closed)."""
        if self.check is not None:
            self.check.stop()
            self.check = None

    def release(self) -> None:
        """Let go of the file: database, server, lock."""
        self._daily.stop()
        self._stop_check()
        self._let_go_of_library()
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # --- background work -------------------------------------------------------------------

    def _run(
        self,
        task: Task,
        done: Callable[[object], None],
        failed: Callable[[str], None] | None = None,
    ) -> None:
        self._tasks.add(task)
        task.succeeded.connect(done)
        if failed is not None:
            task.failed.connect(failed)
        for signal in (task.succeeded, task.failed, task.cancelled):
            signal.connect(lambda *_args, t=task: self._tasks.discard(t))
        task.start()


@contextlib.contextmanager
def _setting_up(path: Path) -> Iterator[None]:
    """A first start (create, migrate, load the bundled dataset) or an upgrade takes a few
    seconds before there is a window: say what is happening meanwhile."""
    from PySide6.QtWidgets import QSplashScreen

    from app.gui.icon import app_icon

    splash = QSplashScreen(app_icon().pixmap(256, 256))
    splash.setObjectName("settingUp")
    message = (
        translate("Host", "Setting up your library…")
        if not path.exists()
        else translate("Host", "Bringing your library up to date…")
    )
    splash.showMessage(message, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
    splash.show()
    QApplication.processEvents()
    try:
        with _wait_cursor():
            yield
    finally:
        splash.close()
        splash.deleteLater()


@contextlib.contextmanager
def _wait_cursor() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
