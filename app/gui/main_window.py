"""The main window composes the sidebar, the list and the detail view; it holds no logic of
its own beyond wiring them together and the navigation between entries.

Features (editing, notes, search, export, backups ...) live in their own modules and install
themselves through app/gui/features.py: they add actions to the menus kept here as attributes
(`file_menu`, `edit_menu`, `view_menu`, `go_menu`, `help_menu`), widgets to the sidebar or
the splitter, and listen to `changes`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QToolBar, QWidget

from app import APP_NAME
from app.db.database import Database
from app.gui.changes import Changes
from app.gui.detail_view import DetailView
from app.gui.entry_list import EntryList
from app.gui.navigation import History
from app.gui.sidebar import Sidebar
from app.services.details import EntryDetails, NotFound
from app.services.entries import EntryLists
from app.services.kinds import KINDS


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lists = EntryLists(db)
        self.details = EntryDetails(db)
        self.history = History(self)
        self.changes = Changes(self)
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 760)

        self.sidebar = Sidebar(self)
        self.entry_list = EntryList(self.lists, self)
        self.detail_view = DetailView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.sidebar, self.entry_list, self.detail_view):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([200, 520, 560])
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self.sidebar.kind_selected.connect(self._show_kind)
        self.entry_list.entry_selected.connect(self._entry_chosen)
        self.detail_view.link_activated.connect(self.open_entry)
        self.history.changed.connect(self._update_nav)
        self.changes.entries_changed.connect(self._entries_changed)

        self.sidebar.set_counts(self.lists.counts())
        self.sidebar.select_kind(KINDS[0].key)
        self.statusBar().showMessage(str(db.path))

        from app.gui.features import install_features

        install_features(self)

    # --- actions ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("&File")
        self.quit_action = QAction("&Quit", self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        edit_menu = menu.addMenu("&Edit")
        self.find_action = QAction(
            "&Filter the list", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find)
        )
        self.find_action.triggered.connect(self._focus_filter)
        edit_menu.addAction(self.find_action)

        go_menu = menu.addMenu("&Go")
        self.back_action = QAction("&Back", self, shortcut=QKeySequence(QKeySequence.StandardKey.Back))
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction(
            "&Forward", self, shortcut=QKeySequence(QKeySequence.StandardKey.Forward)
        )
        self.forward_action.triggered.connect(self.go_forward)
        go_menu.addActions([self.back_action, self.forward_action])
        go_menu.addSeparator()
        for n, kind in enumerate(KINDS, 1):
            action = QAction(kind.plural, self, shortcut=QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, k=kind.key: self.sidebar.select_kind(k))
            go_menu.addAction(action)

        self.help_menu = menu.addMenu("&Help")

        self.toolbar = QToolBar("Navigation", self)
        self.toolbar.setObjectName("navigationToolbar")
        self.toolbar.addActions([self.back_action, self.forward_action])
        self.addToolBar(self.toolbar)
        self._update_nav()

    def _focus_filter(self) -> None:
        self.entry_list.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry_list.filter.selectAll()

    def _update_nav(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _entries_changed(self, slugs: set[str]) -> None:
        """Something was written: refresh counts, the visible list and the open entry."""
        self.sidebar.set_counts(self.lists.counts())
        self.entry_list.refresh()
        current = self.detail_view.detail
        if current is not None and (not slugs or current.ref.slug in slugs):
            try:
                self.detail_view.show_detail(self.details.get_by_id(current.ref.id))
            except NotFound:
                self.detail_view.show_empty("This entry no longer exists.")

    # --- navigation -------------------------------------------------------------------------

    def _show_kind(self, kind: str) -> None:
        self.entry_list.show_kind(kind)
        current = self.detail_view.detail
        if current is None or current.ref.kind != kind:
            self.entry_list.select_first()
        else:
            self.entry_list.select_slug(current.ref.slug)

    def _entry_chosen(self, slug: str) -> None:
        self.open_entry(slug)

    def open_entry(self, slug: str, *, record: bool = True) -> bool:
        try:
            detail = self.details.get(slug)
        except NotFound:
            self.statusBar().showMessage(f"No entry called {slug!r}.", 5000)
            return False
        self.detail_view.show_detail(detail)
        if self.sidebar.current_kind() != detail.ref.kind:
            self.sidebar.blockSignals(True)
            self.sidebar.select_kind(detail.ref.kind)
            self.sidebar.blockSignals(False)
            self.entry_list.show_kind(detail.ref.kind)
        self.entry_list.select_slug(slug)
        if record:
            self.history.visit(slug)
        return True

    def go_back(self) -> None:
        slug = self.history.back()
        if slug:
            self.open_entry(slug, record=False)

    def go_forward(self) -> None:
        slug = self.history.forward()
        if slug:
            self.open_entry(slug, record=False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.go_forward()
        else:
            super().mousePressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
