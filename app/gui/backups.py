"""File ▸ Back up now and File ▸ Restore from backup…, and the dialog that lists backups.

The backups themselves (taking, listing, retention, restoring) are app/services/backups.py;
replacing the open file and reopening the window is the Host's job (app/gui/host.py).
"""

from __future__ import annotations

import html
import locale
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.gui.failures import ask_retry, is_trouble
from app.gui.i18n import plain, translate, translated
from app.gui.workers import Task
from app.i18n import Explained
from app.paths import backups_dir

# The backups' service (and app/db/backup.py under it) loads with the first use of a backup:
# the menu items installed here are all the window's first paint needs.
if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.backups import BackupInfo


def _when(info: BackupInfo) -> str:
    # A Qt date format, translated: each language orders day, month and year its own way.
    pattern = translate("Backups", "ddd d MMM yyyy, HH:mm")
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(info.taken_at.timestamp())), pattern)


def _count(n: int | None) -> str:
    return "?" if n is None else locale.format_string("%d", n, grouping=True)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{max(1, n // 1000)} KB"


class BackupsDialog(QDialog):
    """The backups of one database, newest first; choosing one sets `chosen` and accepts."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, can_back_up: bool = True) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.chosen: Path | None = None
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("{app}: restore from a backup").format(app=APP_NAME))
        self.resize(760, 420)

        intro = QLabel(
            self.tr(
                "Backups of <b>{name}</b>, kept in {folder}. Restoring one replaces the database "
                "with it; the current database is backed up first, so you can come back."
            ).format(name=html.escape(db_path.name), folder=html.escape(str(backups_dir(db_path))))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTreeWidget(self)
        self.table.setObjectName("backupList")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        columns = [self.tr("Taken"), self.tr("Why"), self.tr("Entries"), self.tr("Notes"), self.tr("Size")]
        self.table.setHeaderLabels(columns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(columns)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("There are no backups of this database yet."))
        self.empty.setObjectName("noBackups")

        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.from_file_button = QPushButton(self.tr("Restore from a &file…"))
        self.from_file_button.setObjectName("restoreFromFileButton")
        self.back_up_button = QPushButton(self.tr("&Back up now"))
        self.back_up_button.setObjectName("backUpButton")
        self.back_up_button.setVisible(can_back_up)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.from_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.back_up_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        self.restore_button.clicked.connect(self._restore_selected)
        self.from_file_button.clicked.connect(self._restore_from_file)
        self.back_up_button.clicked.connect(self._back_up)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self._restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.refresh()

    @classmethod
    def pick(cls, db_path: Path, parent: QWidget | None = None) -> Path | None:
        dialog = cls(db_path, parent, can_back_up=parent is not None)
        dialog.exec()
        return dialog.chosen

    def refresh(self) -> None:
        from app.services.backups import list_backups

        self.backups = list_backups(self.db_path)
        self.table.clear()
        for info in self.backups:
            why = translate("Backups", info.label)
            if info.problem:
                why = self.tr("{why} (cannot be read)").format(why=why)
            item = QTreeWidgetItem(
                [_when(info), why, _count(info.entries), _count(info.notes), _size(info.size)]
            )
            for col in (2, 3, 4):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path) + (f"\n{translated(info.problem)}" if info.problem else ""))
            if info.problem:
                item.setDisabled(True)
            self.table.addTopLevelItem(item)
        self.empty.setVisible(not self.backups)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        item = self.table.currentItem()
        if item is None or item.isDisabled():
            return None
        return self.backups[self.table.indexOfTopLevelItem(item)]

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _restore_selected(self) -> None:
        info = self.selected()
        when = self.tr("taken {when}").format(when=_when(info)) if info is not None else ""
        if info is not None and self._confirm(info.path, when, info.entries, info.notes):
            self.chosen = info.path
            self.accept()

    def _restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup file"),
            str(backups_dir(self.db_path)),
            self.tr("Roundtable databases (*.sqlite3 *.db);;All files (*)"),
        )
        if name and self._confirm(Path(name), self.tr("from a file"), None, None):
            self.chosen = Path(name)
            self.accept()

    def _confirm(self, path: Path, when: str, entries: int | None, notes: int | None) -> bool:
        question = self.tr("Replace the database with the backup {when} ({name})?").format(
            when=when, name=path.name
        )
        if entries is not None:
            holds = self.tr("It holds {entries} entries and {notes} notes.")
            question += " " + holds.format(entries=_count(entries), notes=_count(notes))
        answer = QMessageBox.question(
            self,
            self.tr("{app}: restore this backup?").format(app=APP_NAME),
            question
            + "\n\n"
            + self.tr(
                "The current database is backed up first, so you can restore it again later. "
                "The backup is checked before anything is replaced."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _back_up(self) -> None:
        from app.services.backups import MANUAL, backup_now

        while True:
            try:
                backup_now(self.db_path, MANUAL)
            except Explained as exc:  # a damaged library: no retry makes a sound copy of it
                QMessageBox.warning(
                    self,
                    translate("Backups", "{app}: backing up failed").format(app=APP_NAME),
                    translated(exc.message),
                )
            except Exception as exc:
                if not is_trouble(exc):
                    raise
                if ask_retry(self, self.tr("Backing up"), exc):
                    continue
            break
        self.refresh()


def back_up_now(window: MainWindow) -> Task:
    """Back up the open database off the UI thread; the status bar says where it went, a
    dialog says why it failed (with Retry where retrying can help; a damaged library, which
    no retry mends, fails the task with its one sentence)."""
    path = window.library.path

    def work(_progress: object) -> object:
        from app.services.backups import MANUAL, backup_now

        try:
            return backup_now(path, MANUAL)
        except Exception as exc:
            if is_trouble(exc) and not isinstance(exc, Explained):
                return exc  # handed back so the dialog can explain it and offer Retry
            raise

    def done(result: object) -> None:
        if isinstance(result, BaseException):
            if ask_retry(window, translate("Backups", "Backing up"), result):
                back_up_now(window)
            return
        window.statusBar().showMessage(
            translate("Backups", "Backed up to {path}.").format(path=result), 15000
        )

    task = Task(work, parent=window)
    task.succeeded.connect(done)
    task.failed.connect(
        lambda message: QMessageBox.warning(
            window, translate("Backups", "{app}: backing up failed").format(app=APP_NAME), message
        )
    )
    task.start()
    return task


def restore_from_backup(window: MainWindow) -> None:
    host = window.host
    if host is None:
        QMessageBox.information(
            window,
            APP_NAME,
            translate(
                "Backups", "Restoring needs Roundtable started normally (this window has no library host)."
            ),
        )
        return
    host.choose_and_restore()


def install(window: MainWindow) -> None:
    back_up = QAction(translate("Backups", "&Back up now"), window)
    back_up.setObjectName("backUpAction")
    back_up.setStatusTip(
        translate("Backups", "Write a consistent copy of the database into its backups folder")
    )
    back_up.triggered.connect(lambda: back_up_now(window))
    restore = QAction(translate("Backups", "&Restore from backup…"), window)
    restore.setObjectName("restoreBackupAction")
    restore.setStatusTip(
        translate(
            "Backups", "Replace the database with one of its backups (the current one is backed up first)"
        )
    )
    restore.triggered.connect(lambda: restore_from_backup(window))
    window.file_menu.insertActions(window.quit_action, [back_up, restore])
    window.file_menu.insertSeparator(window.quit_action)
    window.file_menu.aboutToShow.connect(lambda: restore.setEnabled(_may_restore(window)))


def _may_restore(window: MainWindow) -> bool:
    """Only the process holding the writer lock, on a writable folder, may replace the file."""
    host = window.host
    return host is not None and host.can_replace
