"""File ▸ Import Markdown Folder…: a preview that writes nothing, then the import, each on a
worker with a progress bar, and the report of what was linked and what was not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.markdown_import_dialog import MarkdownImportDialog
from tests.unit.test_markdown_import import foreign_vault


def _notes(window: MainWindow) -> int:
    return int(window.library.db.read().execute("SELECT count(*) FROM note").fetchone()[0])


def test_preview_then_import(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    action = window.findChild(QAction, "importMarkdownAction")
    assert action is not None and action.text() == "Import &Markdown Folder…"
    folder = foreign_vault(tmp_path / "vault")
    before = _notes(window)
    dialog = MarkdownImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(folder))
    assert dialog.run_button.text() == "&Preview"
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    # (the counts of one say "1 file" once the English translation has these messages' plurals)
    assert dialog.status.text().startswith(
        "4 notes to create (3 on entries); 5 links to entries, 1 left as written; 1 "
    )
    assert dialog.status.text().endswith("; 2 attachments left alone.")
    lines = dialog.details.toPlainText().splitlines()
    assert "Left as written in Trip/Vientiane meeting.md: [[Someone Unknown]]" in lines
    assert "Skipped binary.md: not UTF-8 text (byte 0)" in lines
    assert _notes(window) == before  # a preview writes nothing
    assert dialog.run_button.text() == "&Import"

    dialog.resize(1366 * 2 // 3, 768 * 2 // 3)
    dialog.grab().save(str(tmp_path / "preview.png"))
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert dialog.status.text().startswith("4 notes created (3 on entries)")
    assert dialog.details.toPlainText().startswith("Backed up first: ")
    assert _notes(window) == before + 4
    assert dialog.run_button.text() == "&Preview"


def test_a_folder_that_is_not_there_is_one_sentence(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = MarkdownImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "nowhere"))
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert dialog.status.text() == f"Stopped: {tmp_path / 'nowhere'} is not a folder"
