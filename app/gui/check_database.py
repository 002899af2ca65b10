"""Help ▸ Check database: SQLite's full integrity and foreign-key checks, in the background,
reported in plain words (the same findings as `roundtable check`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app import APP_NAME
from app.db.database import Database
from app.gui.main_window import MainWindow
from app.gui.workers import Task
from app.services.checking import check, findings
from app.services.dto import CheckReport


def _check_on_own_connection(path: Path) -> CheckReport:
    # Its own read-only connection: the check runs in a worker thread and must never write.
    db = Database(path, read_only_reason="checking")
    try:
        return check(db)
    finally:
        db.close()


def check_database(window: MainWindow) -> Task:
    progress = QProgressDialog("Checking every page of the database…", "", 0, 0, window)
    progress.setObjectName("checkProgress")
    progress.setWindowTitle(f"{APP_NAME}: checking the database")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    path = window.db.path

    def done(report: object) -> None:
        progress.close()
        assert isinstance(report, CheckReport)
        box = QMessageBox(window)
        box.setObjectName("checkResult")
        box.setWindowTitle(f"{APP_NAME}: database check")
        box.setIcon(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning)
        box.setText("The database is in good order." if report.ok else "The check found problems.")
        box.setInformativeText("\n\n".join(findings(report)))
        box.setDetailedText(
            f"File: {report.path}\nIntegrity: {'; '.join(report.integrity[:50])}\n"
            f"Broken references: {report.foreign_key_problems}\n"
            f"Schema revision: {report.schema_revision} (newest known: {report.head_revision})\n"
            + "\n".join(f"{label}: {n}" for label, n in report.counts.items())
        )
        box.open()

    def failed(message: str) -> None:
        progress.close()
        QMessageBox.warning(window, f"{APP_NAME}: database check", f"The check could not run: {message}")

    task = Task(lambda _progress: _check_on_own_connection(path), parent=window)
    task.succeeded.connect(done)
    task.failed.connect(failed)
    task.start()
    return task


def install(window: MainWindow) -> None:
    action = QAction("&Check database", window)
    action.setObjectName("checkDatabaseAction")
    action.setStatusTip("Check every page and reference of the database, and say what was found")
    action.triggered.connect(lambda: check_database(window))
    window.help_menu.addAction(action)
