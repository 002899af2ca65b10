"""Search, installed into the main window: the box in the toolbar, its shortcuts, saved
searches in the sidebar, and the syntax under Help.

Shortcuts: Ctrl+K always goes to the box. Find (Ctrl+F) filters the list shown, from the list
or the entry beside it, as the README's key table promises; it goes to the box only where the
list has no filter (the Tags view), and a text field keeps the key to itself (the box, the
list filter, a note being written). Ctrl+Shift+F filters the list too (an older shortcut).

Opening a note: a note found by search opens in the notes panel (`window.notes_panel`), beside
the entry it is written on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.gui import name_script
from app.gui.i18n import translated
from app.gui.saved_search_list import SavedSearchList
from app.gui.search_box import SearchBox, syntax_html
from app.gui.search_runner import SearchRunner
from app.services.saved_searches import NameTaken, SavedSearchError
from app.services.search import NOTE, Hit

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def _is_text_field(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


class SearchFeature(QObject):
    note_chosen = Signal(int, object)  # note id, its entry's slug (or None)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchFeature")
        self.window = window
        self.runner = SearchRunner(window.library, parent=self)
        self.box = SearchBox(self.runner, window)
        self.box.names = lambda results: name_script.in_results(window.library.entries, results)
        self.box.hit_chosen.connect(self._open)
        self.box.save_requested.connect(self.save)
        self.box.help_requested.connect(self.show_syntax)
        self.note_chosen.connect(self._open_note_entry)

        spacer = QWidget(window.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        window.toolbar.addWidget(spacer)
        window.toolbar.addWidget(self.box)

        self._actions()
        self.saved = SavedSearchList(window.library, window)
        self.saved.chosen.connect(self.box.summon)
        self._put_under_sidebar(self.saved)
        window.changes.entries_changed.connect(lambda _slugs, _origin: self.box.rerun())
        window.changes.notes_changed.connect(lambda _ids, _origin: self.box.rerun())
        window.installEventFilter(self)

    def _actions(self) -> None:
        window = self.window
        edit_menu = next(o for o in window.find_action.associatedObjects() if isinstance(o, QMenu))
        self.search_action = QAction(self.tr("&Search everything…"), window)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(lambda: self.box.summon())
        # Find keeps filtering the list; only where there is no list to filter does it search.
        window.find_action.triggered.disconnect()
        window.find_action.triggered.connect(self.find)
        window.find_action.setShortcuts([*window.find_action.shortcuts(), QKeySequence("Ctrl+Shift+F")])
        edit_menu.insertAction(window.find_action, self.search_action)
        self.syntax_action = QAction(self.tr("Search &syntax"), window)
        self.syntax_action.triggered.connect(self.show_syntax)
        window.help_menu.addAction(self.syntax_action)

    def _put_under_sidebar(self, section: QWidget) -> None:
        window = self.window
        at = window.splitter.indexOf(window.sidebar)
        column = QWidget(window)
        column.setObjectName("sidebarColumn")
        column.setMaximumWidth(window.sidebar.maximumWidth())
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        window.splitter.replaceWidget(at, column)
        layout.addWidget(window.sidebar, 1)
        layout.addWidget(section)

    # --- actions ---------------------------------------------------------------------------

    def find(self) -> None:
        focused = QApplication.focusWidget()
        if _is_text_field(focused):
            if isinstance(focused, QLineEdit):
                focused.selectAll()
        elif isinstance(getattr(self.window.list_stack.currentWidget(), "filter", None), QWidget):
            self.window.focus_filter()
        else:
            self.box.summon()

    def _open(self, hit: Hit) -> None:
        if hit.kind == NOTE:
            assert hit.note_id is not None
            self.note_chosen.emit(hit.note_id, hit.slug)
            return
        if hit.slug:
            self.window.open_entry(hit.slug)
            self.window.detail_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_note_entry(self, note_id: int, slug: str | None) -> None:
        """A note found: its entry opens in the detail view and the note in the notes panel."""
        if slug:
            self.window.open_entry(slug)
        panel = getattr(self.window, "notes_panel", None)
        if panel is not None:
            panel.show_note(note_id)
        elif slug:
            self.window.detail_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self, query: str) -> None:
        title = self.tr("Save search")
        name, ok = QInputDialog.getText(self.window, title, self.tr("Save “{query}” as:").format(query=query))
        if not ok:
            return
        try:
            self.window.library.saved_searches.save(name, query)
        except NameTaken as exc:
            question = self.tr("{problem} Replace it?").format(problem=translated(exc.message))
            answer = QMessageBox.question(self.window, title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.window.library.saved_searches.save(name, query, replace=True)
        except SavedSearchError as exc:
            QMessageBox.warning(self.window, title, translated(exc.message))
            return
        self.saved.refresh()
        self.window.statusBar().showMessage(
            self.tr("Saved the search as “{name}”.").format(name=" ".join(name.split())), 4000
        )

    def show_syntax(self) -> None:
        QMessageBox.information(self.window, self.tr("Search syntax"), syntax_html())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.runner.cancel()  # a running query must not hold up closing
        return False


def install(window: MainWindow) -> SearchFeature:
    feature = SearchFeature(window)
    window.search = feature  # type: ignore[attr-defined]  # other features read its query
    return feature
