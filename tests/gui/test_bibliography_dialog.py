"""File ▸ Import Bibliography…, driven as a researcher would: choose a file, preview, import."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.bibliography_import import BibliographyDialog
from app.gui.main_window import MainWindow
from tests.unit.test_bibliography import BIBTEX


def _sources(window: MainWindow) -> int:
    conn = sqlite3.connect(window.library.path)
    try:
        return int(conn.execute("SELECT count(*) FROM source").fetchone()[0])
    finally:
        conn.close()


def _click(qtbot: QtBot, dialog: BibliographyDialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)


def _dialog(qtbot: QtBot, window: MainWindow) -> BibliographyDialog:
    dialog = BibliographyDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_menu_offers_it_before_import_and_export(window: MainWindow) -> None:
    names = [a.text() for a in window.file_menu.actions()]
    assert names.index("Import &Bibliography…") + 1 == names.index("Export Bi&bliography…")
    assert names.index("Export Bi&bliography…") + 1 == names.index("&Import…")


def test_export_bibliography_writes_every_source_by_a_key_it_keeps(
    window: MainWindow, tmp_path: Path
) -> None:
    import json

    from app.gui.bibliography_import import export_bibliography

    ok, message = export_bibliography(window, tmp_path / "references", "csl-json")
    sources = _sources(window)
    assert ok and message.startswith(f"Wrote {tmp_path / 'references.json'}: {sources} sources.")
    assert "got a citation key, kept in the library from now on." in message
    first = (tmp_path / "references.json").read_bytes()
    assert len({item["id"] for item in json.loads(first)}) == sources
    ok, message = export_bibliography(window, tmp_path / "references.json")
    assert ok and "got a citation key" not in message
    assert (tmp_path / "references.json").read_bytes() == first
    ok, message = export_bibliography(window, tmp_path / "no such folder" / "refs.bib")
    assert not ok and "could not be written" in message


def test_preview_writes_nothing_then_import_writes_all(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    refs = tmp_path / "refs.bib"
    refs.write_text(BIBTEX, encoding="utf-8")
    before = _sources(window)
    dialog = _dialog(qtbot, window)
    dialog.path_edit.setText(str(refs))
    assert dialog.run_button.text() == "Preview"
    _click(qtbot, dialog)
    assert dialog.status.text().startswith("refs.bib would give 3 new sources")
    assert "new: ASEAN and China sign AI pact" in dialog.details.toPlainText()
    assert dialog.run_button.text() == "&Import" and dialog.run_button.isEnabled()
    assert _sources(window) == before
    _click(qtbot, dialog)
    assert dialog.status.text().startswith("Imported refs.bib: 3 new sources")
    assert _sources(window) == before + 3
    assert not dialog.run_button.isEnabled()  # importing again would change nothing
    # Another look at the same file: all there already, nothing to import.
    dialog.path_edit.setText(str(refs) + " ")
    dialog.path_edit.setText(str(refs))
    _click(qtbot, dialog)
    assert "3 already up to date" in dialog.status.text()
    assert not dialog.run_button.isEnabled()


def test_a_bad_file_says_so_and_changes_nothing(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "refs.bib"
    bad.write_text(BIBTEX + "\n@misc{broken, title = {x}\n", encoding="utf-8")
    before = _sources(window)
    dialog = _dialog(qtbot, window)
    dialog.path_edit.setText(str(bad))
    _click(qtbot, dialog)
    assert dialog.status.text().startswith("Nothing was imported; nothing was changed:")
    assert "cannot be read as BibTeX" in dialog.status.text()
    assert dialog.run_button.text() == "Preview"
    assert _sources(window) == before


def test_changing_the_path_after_a_preview_previews_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    refs = tmp_path / "refs.bib"
    refs.write_text(BIBTEX, encoding="utf-8")
    before = _sources(window)
    dialog = _dialog(qtbot, window)
    dialog.path_edit.setText(str(refs))
    _click(qtbot, dialog)
    other = tmp_path / "other.bib"
    other.write_text("@book{solo, title = {Only one}}\n", encoding="utf-8")
    dialog.path_edit.setText(str(other))
    assert dialog.run_button.text() == "Preview"
    _click(qtbot, dialog)
    assert dialog.status.text().startswith("other.bib would give 1 new sources")
    assert _sources(window) == before
