"""The dialogs of the start-up flow: a problem with its ways forward, choosing another file,
and the one-time warning about an unsafe location. What the options are is decided in
app/services/opening.py; these only ask."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app import APP_NAME
from app.gui.i18n import translate, translated
from app.gui.settings import settings
from app.i18n import N_, Message
from app.services.opening import Option, Problem

_LABELS = {
    Option.RESTORE: (N_("Recovery", "Restore a backup…"), QMessageBox.ButtonRole.AcceptRole),
    Option.READ_ONLY: (N_("Recovery", "Open read-only"), QMessageBox.ButtonRole.AcceptRole),
    Option.CHOOSE: (N_("Recovery", "Open another file…"), QMessageBox.ButtonRole.ActionRole),
    Option.RETRY: (N_("Recovery", "Try again"), QMessageBox.ButtonRole.ActionRole),
    Option.QUIT: (N_("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole),
}


def problem_box(problem: Problem, parent: QWidget | None = None, *, keep_open: bool = False) -> QMessageBox:
    """A message box for `problem` whose buttons are its options (in its order). With
    `keep_open` the window is already showing the file, so "read-only" means keep it so."""
    box = QMessageBox(parent)
    box.setObjectName("problemBox")
    box.setIcon(QMessageBox.Icon.Warning)
    title = translated(problem.title)
    box.setWindowTitle(f"{APP_NAME}: {title}")
    box.setText(title)
    # Escaped rich text: file names may hold < or &, and must not be taken for markup.
    explanation = html.escape(translated(problem.explanation))
    box.setInformativeText(f"<p style='white-space: pre-wrap'>{explanation}</p>")
    for option in problem.options:
        marked, role = _LABELS[option]
        label = translate("Recovery", marked)
        if option is Option.READ_ONLY and keep_open:
            label = translate("Recovery", "Keep it open read-only")
        button = box.addButton(label, role)
        button.setObjectName(f"option-{option.value}")
        button.setProperty("option", option.value)
        if option is problem.options[0]:
            box.setDefaultButton(button)
        if option is Option.QUIT:
            box.setEscapeButton(button)
    return box


def ask(problem: Problem, parent: QWidget | None = None, *, keep_open: bool = False) -> Option:
    """Show `problem` and return the option the user picked (QUIT, or READ_ONLY when the
    window is already open, if the box is closed another way)."""
    box = problem_box(problem, parent, keep_open=keep_open)
    box.exec()
    clicked = box.clickedButton()
    value = clicked.property("option") if clicked is not None else None
    if value:
        return Option(value)
    return Option.READ_ONLY if keep_open else Option.QUIT


def choose_database(parent: QWidget | None, start: Path) -> Path | None:
    """Pick a Roundtable database to open, or a new file name to start one."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("Recovery", "Open or create a Roundtable database"),
        str(start),
        translate("Recovery", "Roundtable databases (*.sqlite3 *.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def warn_about_location_once(parent: QWidget | None, path: Path, warning: Message) -> bool:
    """Show `warning` unless it was shown for this file before; True if it was shown now."""
    store = settings()
    key = "safety/warned-location/" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    if store.value(key, False, type=bool):
        return False
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("Recovery", "{app}: where this database is").format(app=APP_NAME),
        translated(warning),
    )
    box.setObjectName("locationWarning")
    box.setParent(parent, box.windowFlags())
    box.setInformativeText(f"{path}\n\n" + translate("Recovery", "This is said once for this file."))
    box.exec()
    store.setValue(key, True)
    store.sync()
    return True
