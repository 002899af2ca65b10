"""File ▸ Export List to CSV… (and the list's context menu): the list on screen as a CSV file,
with its columns, filter and order (app/services/table_export.py reads it by the list's own
query), plus each entry's slug and uid so File ▸ Import Table… brings it back onto the same
entries. Column titles are written as the window shows them; values as the library holds them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui.i18n import kind_plural, translate, translated
from app.i18n import Explained

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.records.notes import NoteQuery


def install(window: MainWindow) -> None:
    action = QAction(translate("Tables", "Export List to &CSV…"), window)
    action.setObjectName("exportListAction")
    action.setStatusTip(
        translate("Tables", "Write the list as shown (its columns, filter and order) to a CSV file")
    )
    action.triggered.connect(lambda: export_current_list(window))
    window.file_menu.insertAction(window.quit_action, action)
    table = window.entry_list.table
    # The list's context menu: its actions, unless another feature builds the menu itself.
    if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addAction(action)


def _notes_query(window: MainWindow) -> NoteQuery | None:
    """The query of the Notes view, when it is the list on screen."""
    from app.gui.notes.notes_view import NotesView

    page = window.list_stack.currentWidget()
    return page.model.query if isinstance(page, NotesView) else None


def export_current_list(window: MainWindow, target: Path | None = None) -> bool:
    """Ask where (unless `target` is given) and write the list on screen there (an entry list
    or the Notes view); whether it was written. The outcome is said in a message box."""
    model = window.entry_list.model
    notes = _notes_query(window)
    if model is None and notes is None:
        return False
    if target is None:
        if notes is not None:
            name = translate("Tables", "notes") + ".csv"
        else:
            assert model is not None
            name = f"{kind_plural(model.kind).lower() if model.kind != 'trash' else 'trash'}.csv"
        chosen, _ = QFileDialog.getSaveFileName(
            window, translate("Tables", "Export the list"), name, translate("Tables", "CSV files (*.csv)")
        )
        if not chosen:
            return False
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".csv")
    ok, message = write_list(window, target)
    if ok:
        window.statusBar().showMessage(message, 8000)
    else:
        QMessageBox.warning(window, translate("Tables", "List not exported"), message)
    return ok


def write_list(window: MainWindow, target: Path) -> tuple[bool, str]:
    from app.services.table_export import export_list, export_notes

    model = window.entry_list.model
    notes = _notes_query(window)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if notes is not None:
            shown = export_notes(window.library.note_lists, notes)
        else:
            assert model is not None
            shown = export_list(
                window.lists,
                model.kind,
                text=model.filter_text,
                sort=model.sort_key,
                descending=model.descending,
            )
        shown.write_csv(target, lambda header: translate("Fields", header))
    except Explained as exc:
        return False, translated(exc.message)
    except OSError as exc:
        return False, translate("Tables", "{path} could not be written: {error}").format(
            path=str(target), error=exc.strerror or str(exc)
        )
    finally:
        QGuiApplication.restoreOverrideCursor()
    return True, _Words().wrote(target, len(shown.rows))


class _Words(QObject):
    """lupdate finds a plural message only in a self.tr call, so this one lives in a class."""

    def wrote(self, target: Path, rows: int) -> str:
        return self.tr("Wrote {path}: %n rows.", None, rows).format(path=str(target))
