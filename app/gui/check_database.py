"""Help ▸ Check database: SQLite's full integrity and foreign-key checks, in the background,
reported in plain words (the same findings as `roundtable check`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app import APP_NAME
from app.gui.i18n import translate, translated
from app.gui.workers import Task
from app.i18n import N_
from app.records.entries import CheckReport

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

# The counts' keys in a CheckReport (app/services/checking.py), as the details show them.
_COUNT_LABELS = {
    "officials": N_("CheckDatabase", "officials"),
    "countries": N_("CheckDatabase", "countries"),
    "organizations": N_("CheckDatabase", "organizations"),
    "initiatives": N_("CheckDatabase", "initiatives"),
    "events": N_("CheckDatabase", "events"),
    "sources": N_("CheckDatabase", "sources"),
    "notes": N_("CheckDatabase", "notes"),
    "citations": N_("CheckDatabase", "citations"),
    "statements": N_("CheckDatabase", "statements"),
    "in trash": N_("CheckDatabase", "in trash"),
}


def check_database(window: MainWindow) -> Task:
    progress = QProgressDialog(
        translate("CheckDatabase", "Checking every page of the database…"), "", 0, 0, window
    )
    progress.setObjectName("checkProgress")
    progress.setWindowTitle(translate("CheckDatabase", "{app}: checking the database").format(app=APP_NAME))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    library = window.library

    def done(report: object) -> None:
        from app.services.checking import findings

        progress.close()
        assert isinstance(report, CheckReport)
        box = QMessageBox(window)
        box.setObjectName("checkResult")
        box.setWindowTitle(translate("CheckDatabase", "{app}: database check").format(app=APP_NAME))
        box.setIcon(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning)
        box.setText(
            translate("CheckDatabase", "The database is in good order.")
            if report.ok
            else translate("CheckDatabase", "The check found problems.")
        )
        box.setInformativeText("\n\n".join(translated(line) for line in findings(report)))
        details = translate(
            "CheckDatabase",
            "File: {path}\nIntegrity: {integrity}\nBroken references: {broken}\n"
            "Schema revision: {revision} (newest known: {head})",
        ).format(
            path=report.path,
            integrity="; ".join(report.integrity[:50]),
            broken=(
                report.foreign_key_problems
                if report.foreign_key_problems >= 0  # below 0: the file could not be read for it
                else translate("CheckDatabase", "could not be checked (the file is damaged)")
            ),
            revision=report.schema_revision,
            head=report.head_revision,
        )
        counts = [
            f"{translate('CheckDatabase', _COUNT_LABELS.get(label, label))}: {n}"
            for label, n in report.counts.items()
        ]
        box.setDetailedText("\n".join([details, *counts]))
        box.open()

    def failed(message: str) -> None:
        progress.close()
        QMessageBox.warning(
            window,
            translate("CheckDatabase", "{app}: database check").format(app=APP_NAME),
            translate("CheckDatabase", "The check could not run: {reason}").format(reason=message),
        )

    task = Task(lambda _progress: library.full_check(), parent=window)
    task.succeeded.connect(done)
    task.failed.connect(failed)
    task.start()
    return task


def install(window: MainWindow) -> None:
    action = QAction(translate("CheckDatabase", "&Check database"), window)
    action.setObjectName("checkDatabaseAction")
    action.setStatusTip(
        translate("CheckDatabase", "Check every page and reference of the database, and say what was found")
    )
    action.triggered.connect(lambda: check_database(window))
    window.help_menu.addAction(action)
