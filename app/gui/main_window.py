"""The main window composes the sidebar, the list pane and the detail view; it holds no logic
of its own beyond wiring them together and the navigation between entries.

Features (editing, notes, search, export, backups ...) live in their own modules and install
themselves through app/gui/features.py: they add actions to the menus kept here as attributes
(`file_menu`, `edit_menu`, `view_menu`, `go_menu`, `help_menu`), places to the sidebar
(`sidebar.add_section` / `add_item`) with a page for the list pane (`add_list_page`,
`show_list_page`), pages to `preferences`, and listen to `changes`.

Start-up: features that show nothing in the first paint (menu items, the notes panel, which
starts closed) install once the window has been painted (`paint_first`, as the app starts it;
app/gui/features.py says which), all in one turn of the event loop; `finish()` installs them at
once if they are not yet, and `finished` fires when they are. Everything the first paint shows
is built before it, the places those features fill in too.

Read-only mode: `window.read_only` is True when nothing may be written to the database (a
read-only disk or folder, a damaged file opened for reading, another program holding the
writer lock); `window.library.read_only_reason` says why, and a banner tells the user.
`read_only_changed(bool)` fires when it changes (a start-up check that fails turns it on).
Every feature that writes must honour it — `app.gui.read_only.disable_when_read_only(window,
*actions_or_widgets)` does it in one line — and the database refuses writes anyway
(DatabaseReadOnly).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from app import APP_NAME
from app.gui import window_state
from app.gui.changes import Changes
from app.gui.detail_view import DetailView
from app.gui.entry_list import EntryList
from app.gui.first_paint import after_first_paint
from app.gui.i18n import kind_plural
from app.gui.navigation import History
from app.gui.preferences import Preferences
from app.gui.shortcuts import standard
from app.gui.sidebar import Sidebar
from app.gui.source_reader import SourceReader
from app.services.details import NotFound, reading_of
from app.services.kinds import KINDS
from app.services.library import Library


class LibraryHost(Protocol):
    """What the window's features ask of the Host that opened it (app/gui/host.py), handed to
    the window when it is made rather than looked up, so no feature imports the Host."""

    @property
    def can_replace(self) -> bool: ...

    def choose_and_restore(self) -> bool: ...


FINISH_AT_LATEST_MS = 1000  # the later features, if the window has not been painted by then


class MainWindow(QMainWindow):
    entry_opened = Signal(str)  # slug of the entry the detail view now shows
    read_only_changed = Signal(bool)
    finished = Signal()  # every feature is installed (see finish)

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        host: LibraryHost | None = None,
        paint_first: bool = False,
    ) -> None:
        super().__init__(parent)
        self.is_finished = False
        self._closed = False
        self.library = library  # the open file and its services: widgets ask it
        self.host = host  # None for a window made without one, as some tests do
        self.read_only = library.read_only
        self.lists = library.entries
        self.details = library.details
        self.history = History(self)
        self.changes = Changes(self)
        self.preferences = Preferences(self)
        self._extra_panes: list[QWidget] = []
        self._filtered: QObject | None = None  # the QWindow whose mouse presses are watched
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 760)

        self.sidebar = Sidebar(self)
        self.entry_list = EntryList(self.lists, self)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.entry_list)
        self.detail_view = DetailView(self)
        self.detail_view.names = library.entries.names_by_slug  # links in a chosen script
        # A source's text is read (and cited from) under its page; the reader hides otherwise.
        self.detail_view.with_text = False
        self.source_reader = SourceReader(self)
        self.source_reader.hide()
        self.detail_pane = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_pane.setObjectName("detailSplitter")
        self.detail_pane.setChildrenCollapsible(False)
        self.detail_pane.addWidget(self.detail_view)
        self.detail_pane.addWidget(self.source_reader)
        self._extra_panes.append(self.source_reader.text)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.sidebar, self.list_stack, self.detail_pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([180, 440, 560])
        self.setCentralWidget(self.splitter)
        self.setTabOrder(self.sidebar, self.entry_list.filter)
        self.setTabOrder(self.entry_list.filter, self.entry_list.table)
        self.setTabOrder(self.entry_list.table, self.detail_view)

        self._build_actions()
        self.sidebar.kind_selected.connect(self._show_kind)
        self.entry_list.entry_selected.connect(self.open_entry)
        self.detail_view.link_activated.connect(self.open_entry)
        self.detail_view.shown.connect(self._show_reading)
        self.source_reader.entry_chosen.connect(self.open_entry)
        self.history.changed.connect(self._update_nav)
        self.changes.entries_changed.connect(self._entries_changed)
        self.changes.entry_notes_changed.connect(self._reshow_detail)

        self._count()

        from app.gui.features import install_features

        install_features(self)
        if not paint_first:
            self.finish()  # at once, before the layout is restored (the notes dock's place)
        self._fit_detail_pane()

        window_state.restore_layout(self)
        start = window_state.last_entry()
        if not (start and self.open_entry(start)):
            self.sidebar.select_kind(KINDS[0].key)
        self._resting_status = str(library.path)  # what the status bar says when nothing happened
        self.statusBar().showMessage(self._resting_status)
        if paint_first:
            after_first_paint(self, self.finish, at_latest_ms=FINISH_AT_LATEST_MS)

    def finish(self) -> None:
        """Install the features that wait for the first paint, now if they are not yet (not
        for a window closed meanwhile: its file may be let go of)."""
        if self.is_finished or self._closed:
            return
        self.is_finished = True
        from app.gui.features import install_after_paint

        install_after_paint(self)
        self.finished.emit()

    def say_in_passing(self, message: str, timeout_ms: int) -> None:
        """Routine news (the daily backup) in the status bar, unless it is telling the
        researcher about something they did (a backup made by hand, an export)."""
        if self.statusBar().currentMessage() in ("", self._resting_status):
            self.statusBar().showMessage(message, timeout_ms)

    def _count(self) -> None:
        self.sidebar.set_counts(self.lists.counts())

    def set_read_only(self, read_only: bool) -> None:
        """Turn read-only mode on or off (the reason is `library.read_only_reason`)."""
        if read_only != self.read_only:
            self.read_only = read_only
            self.read_only_changed.emit(read_only)

    # --- actions ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar()
        style = self.style()
        self.file_menu = menu.addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts(standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = menu.addMenu(self.tr("&Edit"))
        self.find_action = QAction(self.tr("&Filter the List"), self)
        self.find_action.setShortcuts(standard(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.find_action.triggered.connect(self.focus_filter)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.preferences_action = QAction(self.tr("&Preferences…"), self)
        self.preferences_action.setShortcuts(standard(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.preferences.open)
        self.edit_menu.addAction(self.preferences_action)

        self.view_menu = menu.addMenu(self.tr("&View"))
        self.next_pane_action = QAction(self.tr("Next &Pane"), self, shortcut=QKeySequence("F6"))
        self.next_pane_action.triggered.connect(lambda: self._cycle_panes(1))
        self.previous_pane_action = QAction(
            self.tr("Pre&vious Pane"), self, shortcut=QKeySequence("Shift+F6")
        )
        self.previous_pane_action.triggered.connect(lambda: self._cycle_panes(-1))
        self.view_menu.addActions([self.next_pane_action, self.previous_pane_action])

        self.go_menu = menu.addMenu(self.tr("&Go"))
        self.back_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack), self.tr("&Back"), self
        )
        self.back_action.setShortcuts(standard(QKeySequence.StandardKey.Back, "Alt+Left"))
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("&Forward"), self
        )
        self.forward_action.setShortcuts(standard(QKeySequence.StandardKey.Forward, "Alt+Right"))
        self.forward_action.triggered.connect(self.go_forward)
        self.go_menu.addActions([self.back_action, self.forward_action])
        self.go_menu.addSeparator()
        for n, kind in enumerate(KINDS, 1):
            action = QAction(kind_plural(kind.key), self, shortcut=QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, k=kind.key: self.sidebar.select_kind(k))
            self.go_menu.addAction(action)

        self.help_menu = menu.addMenu(self.tr("&Help"))  # Help ▸ About comes from app/gui/about.py

        self.toolbar = QToolBar(self.tr("Navigation"), self)
        self.toolbar.setObjectName("navigationToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.back_action, self.forward_action])
        self.addToolBar(self.toolbar)
        self._update_nav()

    def focus_filter(self) -> None:
        page = self.list_stack.currentWidget()
        target = getattr(page, "filter", None)
        if isinstance(target, QWidget):
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if hasattr(target, "selectAll"):
                target.selectAll()

    def add_pane(self, widget: QWidget) -> None:
        """One more stop for F6 / Shift+F6 (a dock's content), skipped while hidden."""
        self._extra_panes.append(widget)

    def _cycle_panes(self, step: int) -> None:
        panes = [self.sidebar, self.list_stack.currentWidget() or self.entry_list, self.detail_view]
        panes += [p for p in self._extra_panes if p.isVisible()]
        focused = QApplication.focusWidget()
        at = next(
            (i for i, p in enumerate(panes) if focused is p or (focused and p.isAncestorOf(focused))), -1
        )
        panes[(at + step) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_nav(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _entries_changed(self, slugs: set[str], _origin: object | None = None) -> None:
        """Something was written: refresh counts, the visible list and the open entry."""
        self._count()
        self.entry_list.refresh()
        self._reshow_detail(slugs)

    def _reshow_detail(self, slugs: set[str], _origin: object | None = None) -> None:
        """Show the open entry again if it is one of `slugs` (empty: whatever it is)."""
        current = self.detail_view.detail
        if current is not None and (not slugs or current.ref.slug in slugs):
            try:
                self.detail_view.show_detail(self.details.get_by_id(current.ref.id))
            except NotFound:
                self.detail_view.show_empty(self.tr("This entry no longer exists."))

    def _fit_detail_pane(self) -> None:
        """Bars that features put between the page and the reader (the source's files) keep
        their own height; the page and the text share the rest, the text the larger part."""
        pane = self.detail_pane
        last = pane.count() - 1
        for i in range(pane.count()):
            widget = pane.widget(i)
            if widget is None:
                continue
            if 0 < i < last:
                widget.setMaximumHeight(widget.sizeHint().height())
                pane.setStretchFactor(i, 0)
            else:
                pane.setStretchFactor(i, 2 if i == 0 else 3)

    def _show_reading(self) -> None:
        """The reader under a source's page shows its text; it hides for any other entry."""
        detail = self.detail_view.detail
        reading = reading_of(detail) if detail is not None else None
        self.source_reader.show_reading(reading)
        self.source_reader.setVisible(reading is not None)

    # --- the list pane ----------------------------------------------------------------------

    def add_list_page(self, page: QWidget) -> None:
        """A page for the middle pane (a feature's list), shown with show_list_page."""
        self.list_stack.addWidget(page)

    def show_list_page(self, page: QWidget) -> None:
        self.list_stack.setCurrentWidget(page)

    # --- navigation -------------------------------------------------------------------------

    def _show_kind(self, kind: str) -> None:
        self.list_stack.setCurrentWidget(self.entry_list)
        self.entry_list.show_kind(kind)
        current = self.detail_view.detail
        if current is None or current.ref.kind != kind or not self.entry_list.select_slug(current.ref.slug):
            self.entry_list.select_first()

    def open_entry(self, slug: str, *, record: bool = True, reveal: bool = True) -> bool:
        """Show the entry. `reveal`: also show it in its kind's list (False keeps the list page
        shown, e.g. the Notes view opening a note's entry beside it)."""
        try:
            detail = self.details.get(slug)
        except NotFound:
            self.statusBar().showMessage(self.tr("No entry called “{slug}”.").format(slug=slug), 5000)
            return False
        # An entry in the trash is read where it was chosen; others show in their kind's list.
        if detail.deleted_at is None and reveal:
            if self.sidebar.current_kind() != detail.ref.kind:
                self.sidebar.blockSignals(True)
                self.sidebar.select_kind(detail.ref.kind)
                self.sidebar.blockSignals(False)
                self.sidebar.viewport().update()
                self.list_stack.setCurrentWidget(self.entry_list)
                self.entry_list.show_kind(detail.ref.kind)
            self.entry_list.select_slug(slug)
        self.detail_view.show_detail(detail)  # after the list, so listeners see the new kind
        if record:
            self.history.visit(slug)
        self.entry_opened.emit(slug)
        return True

    def go_back(self) -> None:
        slug = self.history.back()
        if slug:
            self.open_entry(slug, record=False)

    def go_forward(self) -> None:
        slug = self.history.forward()
        if slug:
            self.open_entry(slug, record=False)

    def showEvent(self, event: QShowEvent) -> None:
        # The mouse's Back and Forward buttons over any child: the window's QWindow sees every
        # press before a child does. (An application-wide filter would put a Python call in
        # front of every event of every widget, paints included: 3,000 before the first paint.)
        handle = self.windowHandle()
        if handle is not None and handle is not self._filtered:
            handle.installEventFilter(self)
            self._filtered = handle
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._filtered
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
        ):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save(self)
        self._closed = True
        event.accept()
