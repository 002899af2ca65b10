"""Help ▸ About, and a window that fits a 1366×768 laptop screen."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import __version__
from app.db.database import Database
from app.db.schema_version import HEAD
from app.gui.about import AboutDialog
from app.gui.main_window import MainWindow
from app.gui.placement import fit_to_screen
from app.services.library import Library
from tests.gui.conftest import UrlRecorder


@pytest.fixture
def about(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _about_action(window: MainWindow) -> QAction:
    actions = [a for a in window.help_menu.actions() if a.text().replace("&", "") == "About Roundtable"]
    assert len(actions) == 1
    return actions[0]


def test_help_menu_opens_the_about_dialog(qtbot: QtBot, window: MainWindow) -> None:
    shown: list[QWidget] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        shown.append(dialog)
        dialog.close()

    QTimer.singleShot(0, close_it)
    _about_action(window).trigger()
    assert [w.windowTitle() for w in shown] == ["About Roundtable"]
    assert _about_action(window).menuRole() == QAction.MenuRole.AboutRole


def test_about_tells_version_folder_revision_licence_and_sources(
    about: AboutDialog, seeded_db: Database
) -> None:
    text = " ".join(label.text() for label in about.findChildren(type(about.revision)))
    assert f"Version {__version__}" in text
    assert str(seeded_db.path.parent) == about.folder.text()
    assert seeded_db.path.name in text
    assert about.revision.text() == HEAD
    assert "MIT License" in about.licence.text()
    sources = about.sources.text()
    assert "China.org.cn report on the first China-ASEAN Ministerial Roundtable on AI" in sources
    assert "published by China.org.cn" in sources
    conn = sqlite3.connect(f"{seeded_db.path.as_uri()}?mode=ro", uri=True)
    try:  # the library's own counts: the bundled dataset grows with each edition
        held = conn.execute(
            "SELECT (SELECT count(*) FROM entity WHERE kind = 'source' AND deleted_at IS NULL),"
            " (SELECT count(*) FROM citation)"
        ).fetchone()
    finally:
        conn.close()
    assert f"holds {held[0]} sources and {held[1]} citations" in sources
    assert "china-asean-ai-roundtable-2025, version 1" in text


def test_open_data_folder_hands_a_file_url_to_the_desktop(
    qtbot: QtBot, about: AboutDialog, desktop: UrlRecorder
) -> None:
    qtbot.mouseClick(about.open_folder, Qt.MouseButton.LeftButton)
    assert [(u.scheme(), u.toLocalFile()) for u in desktop.urls] == [("file", str(about.facts.data_folder))]
    assert about.open_problem.isHidden()


def test_founding_article_link_opens_the_entry(window: MainWindow, about: AboutDialog) -> None:
    article = about.facts.founding_article
    assert article is not None
    about.sources.linkActivated.emit(f"entry:{article.slug}")
    assert not about.isVisible()
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == article.slug


def test_window_opened_by_the_app_fits_the_screen(window: MainWindow) -> None:
    window.resize(4000, 3000)
    fit_to_screen(window)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()


_LAPTOP = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.db.database import open_database
from app.gui.about import AboutDialog
from app.gui.placement import fit_to_screen
from app.gui.main_window import MainWindow
from app.services.library import Library
window = MainWindow(Library(open_database(Path(sys.argv[1]))))
fit_to_screen(window)
window.show()
about = AboutDialog(window)
screen = app.primaryScreen().availableGeometry()
print(json.dumps({
    "screen": [screen.width(), screen.height()],
    "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    "window": [window.frameGeometry().width(), window.frameGeometry().height()],
    "about": [about.sizeHint().width(), about.sizeHint().height()],
}))
"""


def test_window_and_about_fit_a_1366_by_768_laptop(tmp_path: Path, seeded_path: Path) -> None:
    """Qt's offscreen platform, told its screen is 1366×768, with room kept for a 32-pixel panel."""
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768 - 32}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", _LAPTOP, str(seeded_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    width, height = sizes["screen"]
    assert (width, height) == (1366, 736)
    for what in ("minimum", "window", "about"):
        w, h = sizes[what]
        assert w <= width and h <= height, f"{what} {w}×{h} does not fit {width}×{height}"


def test_a_first_start_on_a_narrow_screen_keeps_the_entry_readable(qtbot: QtBot, seeded_db: Database) -> None:
    """The notes dock would squeeze the detail view to a strip on a small screen: it starts
    closed (as on any screen until a note is opened: Notes ▸ Show the notes panel opens it)."""
    from PySide6.QtWidgets import QDockWidget

    win = MainWindow(Library(seeded_db))
    qtbot.addWidget(win)
    fit_to_screen(win)  # the offscreen screen is 800 pixels wide
    win.show()
    dock = win.findChild(QDockWidget, "notesDock")
    assert dock is not None and not dock.isVisible()
    assert win.detail_view.width() >= 250
