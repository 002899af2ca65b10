"""File ▸ Export… and File ▸ Import…, driven as a researcher would."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.import_export_dialogs import ExportDialog, ImportDialog
from app.gui.main_window import MainWindow
from app.services.progress import Progress
from tests.conftest import MINI

SHOTS = Path(os.environ.get("ROUNDTABLE_SHOTS", "")) if os.environ.get("ROUNDTABLE_SHOTS") else None


def _shot(widget: object, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def _export_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _finish(qtbot: QtBot, dialog: ExportDialog | ImportDialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.run_button.isEnabled(), timeout=30_000)


def test_the_file_menu_offers_import_and_export(window: MainWindow) -> None:
    names = [a.text() for a in window.file_menu.actions()]
    assert "&Import…" in names and names.index("&Export…") == names.index("&Import…") + 1
    assert names[-1] == "&Quit"


def test_export_a_kind_then_keep_an_edited_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.sidebar.select_kind("country")
    dialog = _export_dialog(qtbot, window)
    _shot(dialog, "export-dialog")
    assert dialog.kind_combo.currentData() == "country"  # the kind on screen is proposed
    dialog.one_kind.setChecked(True)
    vault = tmp_path / "vault"
    dialog.path_edit.setText(str(vault))
    _finish(qtbot, dialog)
    assert dialog.status.text().startswith("Exported 12 entries and 5 notes (Countries): 12 files written")
    assert sorted(p.name for p in (vault / "Countries").iterdir())[:2] == ["Brunei.md", "Cambodia.md"]
    assert dialog.cancel_button.text() == "Close" and not dialog.progress.isVisible()
    _shot(dialog, "export-done")

    laos = vault / "Countries" / "Laos.md"
    laos.write_text(laos.read_text(encoding="utf-8") + "\nmine\n", encoding="utf-8")
    dialog.beside.setChecked(True)
    _finish(qtbot, dialog)
    assert "1 new version written beside a file you edited" in dialog.status.text()
    assert (
        "You edited Countries/Laos.md; the new version is Countries/Laos (exported"
        in dialog.details.toPlainText()
    )
    assert laos.read_text(encoding="utf-8").endswith("mine\n")
    _shot(dialog, "export-beside")


def test_export_the_selected_entry_as_a_digest(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.open_entry("chen-gang")
    dialog = _export_dialog(qtbot, window)
    assert dialog.selected.isEnabled() and dialog.selected.text() == "The selected entry (1)"
    dialog.selected.setChecked(True)
    dialog.digest.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "digest.md"))
    dialog.links.setCurrentIndex(dialog.links.findData("markdown"))
    _finish(qtbot, dialog)
    assert "(the selected entry)" in dialog.status.text()
    text = (tmp_path / "digest.md").read_text(encoding="utf-8")
    assert "### Chen Gang" in text and "### Wang Changlin" not in text


def _running_slow_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ExportDialog:
    """The export dialog with an export running that would take 100 s, its progress shown."""
    import app.services.markdown_export as exporting

    def slow(_db: Database, _job: object, progress: Progress) -> None:
        for i in range(10_000):
            progress.step(i, 10_000)
            time.sleep(0.01)

    monkeypatch.setattr(exporting, "export_markdown", slow)
    dialog = _export_dialog(qtbot, window)
    dialog.path_edit.setText(str(tmp_path / "vault"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 10_000, timeout=10_000)
    return dialog


def test_cancel_stops_the_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _running_slow_export(qtbot, window, tmp_path, monkeypatch)
    _shot(dialog, "export-running")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert dialog.status.text().startswith("Cancelled.")
    assert dialog.isVisible()


@pytest.mark.parametrize("how", ["Esc", "close"])
def test_esc_or_closing_a_running_export_cancels_it_and_the_dialog_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    dialog = _running_slow_export(qtbot, window, tmp_path, monkeypatch)
    if how == "Esc":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    assert dialog.isVisible()  # not hidden over work that goes on
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert dialog.status.text().startswith("Cancelled.") and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing runs now: Esc closes it
    assert not dialog.isVisible()


def _library_state(db: Database) -> tuple[object, ...]:
    conn = db.read()
    counts = tuple(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("entity", "alias", "role", "citation", "note", "note_link", "search_doc", "list_row")
    )
    notes = conn.execute("SELECT group_concat(body, '|') FROM (SELECT body FROM note ORDER BY id)").fetchone()
    triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()
    return (*counts, notes[0], triggers[0])


def test_cancel_stops_a_data_file_import_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: a large import showed no progress and could not be cancelled. The import is
    held as it starts writing (its stage on the bar), cancelled, then let go: it stops at its
    next step and rolls back."""
    from app.services import importer
    from benchmarks import datafiles

    data = tmp_path / "big.json"
    datafiles.write(data, 3000)
    writing, release = threading.Event(), threading.Event()
    write = importer._Importer._write

    def held(self: importer._Importer) -> None:
        writing.set()
        release.wait(10)
        write(self)

    monkeypatch.setattr(importer._Importer, "_write", held)
    before = _library_state(window.library.db)
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(data))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled()  # a data file can be cancelled too
    qtbot.waitUntil(writing.is_set, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.progress.text().startswith("Writing: "), timeout=10_000)
    _shot(dialog, "import-running")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.task is not None  # still stopping: the dialog stays
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.status.text() == "Import cancelled; nothing was changed."
    assert _library_state(window.library.db) == before
    assert window.lists.ref("official-1") is None


def test_no_folder_chosen_is_said_plainly(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _export_dialog(qtbot, window)
    dialog.path_edit.clear()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Choose where to write the export." and dialog.task is None


def test_import_a_data_file_and_see_the_report(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    bad = folder / "bad.yaml"
    bad.write_text(
        (folder / "mini.yaml").read_text(encoding="utf-8").replace("slug: alpha", "slug: ALPHA!"), "utf-8"
    )
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(bad))
    _finish(qtbot, dialog)
    assert dialog.status.text().startswith("Nothing was imported; nothing was changed")
    assert "people[0]" in dialog.details.toPlainText()
    _shot(dialog, "import-bad")

    dialog.path_edit.setText(str(folder / "mini.yaml"))
    with qtbot.waitSignal(window.changes.entries_changed, timeout=30_000):
        _finish(qtbot, dialog)
    assert dialog.status.text().startswith("Imported from mini.yaml: events 1, initiatives 1")
    assert not dialog.details.isVisible()  # nothing to list: the earlier problems are gone
    assert window.lists.ref("alpha") is not None
    _shot(dialog, "import-done")


def test_import_notes_edited_in_a_vault(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from app.services.markdown_export import MarkdownExport, Scope, export_markdown

    vault = tmp_path / "vault"
    export_markdown(window.library.db, MarkdownExport(scope=Scope(kind="country"), folder=vault))
    singapore = vault / "Countries" / "Singapore.md"
    singapore.write_text(
        singapore.read_text(encoding="utf-8").replace("still not listed", "not listed"),
        encoding="utf-8",
    )
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.vault_notes.setChecked(True)
    dialog.path_edit.setText(str(vault))
    with qtbot.waitSignal(window.changes.notes_changed, timeout=30_000):
        _finish(qtbot, dialog)
    assert "1 note updated" in dialog.status.text()
    assert "Updated: Was Singapore represented?" in dialog.details.toPlainText()
