"""Starting the window: open the library, report what cannot be opened in a dialog, run."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_ID, APP_NAME, __version__
from app.db.database import DatabaseRefused
from app.gui import smoke
from app.gui.icon import app_icon
from app.paths import resolve_db_path


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


# The title bar and borders, which a window's own size leaves out.
_FRAME = QSize(16, 40)


def fit_to_screen(window: QWidget) -> None:
    """Open no larger than the screen's free area (1280×760 is too tall for a 1366×768 laptop
    with a panel), and never below what the window needs."""
    free = window.screen().availableGeometry().size() - _FRAME
    window.resize(window.size().boundedTo(free).expandedTo(window.minimumSizeHint()))


def run_gui(db_arg: str | None) -> int:
    app = application()
    path = resolve_db_path(db_arg)
    from app.services.library import open_library

    try:
        db = open_library(path)
    except DatabaseRefused as exc:
        QMessageBox.critical(None, f"{APP_NAME} cannot open this database", str(exc))
        return 1
    from app.gui.main_window import MainWindow

    window = MainWindow(db)
    fit_to_screen(window)
    window.show()
    if smoke.requested():
        smoke.quit_after_first_paint(window)
    try:
        return app.exec()
    finally:
        db.close()
