"""The notes panel, docked in the main window: the notes on the entry open in the detail view (or
those mentioning it, the standalone notes, all notes), the editor, and the note's history.

`install(window)` docks it and adds a Notes menu (app/gui/notes/feature.py installs it with the
Notes and Tags views). It follows the open entry through
`window.entry_opened`, flushes the editor when the entry changes and before the window closes
(asking before closing with text that cannot be stored), and announces every write through
`window.changes` so the detail view's notes and backlinks stay current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui import name_script
from app.gui.changes import Changes
from app.gui.delete_key import delete_key_deletes
from app.gui.i18n import translate, translated
from app.gui.list_widgets import filter_box, select_quietly
from app.gui.notes.editor import NoteEditor
from app.gui.notes.models import NotesTableModel
from app.gui.notes.revisions import RevisionsPanel
from app.gui.notes.wide import WideEditor
from app.i18n import N_, Explained
from app.records.entries import Ref
from app.records.notes import Changed, NoteQuery, SaveResult
from app.services.library import Library
from app.services.notes import NoteNotFound
from app.services.writing import WriteFailed

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
from app.gui.read_only import disable_when_read_only

SCOPES = (
    ("entry", N_("NotesPanel", "Notes on this entry")),
    ("mentions", N_("NotesPanel", "Notes mentioning this entry")),
    ("standalone", N_("NotesPanel", "Standalone notes")),
    ("all", N_("NotesPanel", "All notes")),
)


class NotesPanel(QWidget):
    def __init__(self, library: Library, changes: Changes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._changes = changes
        self._entries = library.entries
        self._writer = library.writer
        self.notes = library.notes
        self.tags = library.tags
        self._entry: Ref | None = None
        self._read_only = False
        self.undo_stack: QUndoStack | None = None  # the window's; moves to the Trash go on it
        self.message = ""  # the last thing the panel told the user (the window shows it too)
        self.wide: WideEditor | None = None  # the editor taking the centre (install() makes it)

        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Which notes"))
        for key, label in SCOPES:
            self.scope.addItem(translate("NotesPanel", label), key)
        self.filter, _timer = filter_box(self, self.tr("Filter notes"), self._apply_query)
        self.scope.currentIndexChanged.connect(lambda _i: self._apply_query())

        self.model = NotesTableModel(library.note_lists, self._query(NoteQuery()), self)
        self.table = QTableView(self)
        delete_key_deletes(self.table, self.delete_note)  # the note, not the entry beside it
        self.table.setAccessibleName(self.tr("Notes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setAccessibleName(translate("Lists", "Columns"))
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.hideColumn(self.model.column_of("created"))  # shown in the editor's header
        self.table.hideColumn(self.model.column_of("deleted"))  # (this list shows no trash)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.new_button = QPushButton(self.tr("New note"), self)
        self.new_button.clicked.connect(self.new_note)
        self.standalone_button = QPushButton(self.tr("New standalone note"), self)
        self.standalone_button.clicked.connect(self.new_standalone_note)
        self.delete_button = QPushButton(self.tr("Move to Trash"), self)
        self.delete_button.clicked.connect(self.delete_note)

        self.editor = NoteEditor(self.notes, self.tags, self)
        self.model.loaded.connect(self._select_open_note)  # rows read in the background
        self.editor.names = library.entries.names_by_slug
        self.revisions = RevisionsPanel(self.notes, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, self.tr("Note"))
        self.tabs.addTab(self.revisions, self.tr("History"))
        self.tabs.currentChanged.connect(self._tab_changed)

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.standalone_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        list_area = QWidget(self)
        list_layout = QVBoxLayout(list_area)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(list_area)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.editor.saved.connect(self._saved)
        self.editor.tags_saved.connect(self._tags_saved)
        self.editor.note_opened.connect(self._note_opened)
        self.revisions.restore_requested.connect(self.restore_revision)
        self.setFocusProxy(self.table)
        changes.notes_changed.connect(self._notes_changed)
        changes.entries_changed.connect(self._entries_changed)
        self._update_buttons()

    # --- what the panel shows ------------------------------------------------------------------

    @property
    def entry(self) -> Ref | None:
        return self._entry

    def set_entry(self, slug: str | None) -> None:
        """The entry open in the detail view changed: a way out of the open note, so store it."""
        self.editor.flush()
        self._entry = self._entries.ref(slug) if slug else None
        self._apply_query()

    def show_note(self, note_id: int, *, focus: bool = True) -> bool:
        """Open a note in the editor (from search, a link ...): its entry's notes, or the
        standalone ones, are listed around it. `focus`: put the cursor in its text (not when
        the researcher is still moving through a list of notes)."""
        if not self.editor.open_note(note_id):
            self.tell(self._not_saved_yet())
            return False
        self.set_scope(
            "entry"
            if self._entry is not None
            and self.editor.note is not None
            and self.editor.note.entry is not None
            and self.editor.note.entry.id == self._entry.id
            else "all"
        )
        dock = self.parent()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        self.tabs.setCurrentWidget(self.editor)
        if focus:
            self.editor.body.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def set_scope(self, key: str) -> None:
        self.scope.setCurrentIndex([k for k, _ in SCOPES].index(key))

    def _scope(self) -> str:
        return str(self.scope.currentData())

    def _query(self, base: NoteQuery) -> NoteQuery:
        """The query for the scope and filter shown, in `base`'s order."""
        scope = self._scope()
        entry_id = self._entry.id if self._entry else -1  # no entry open: nothing on it
        return NoteQuery(
            text=self.filter.text(),
            entry_id=entry_id if scope == "entry" else None,
            links_to=entry_id if scope == "mentions" else None,
            standalone=scope == "standalone",
            sort=base.sort,
            descending=base.descending,
        )

    def _apply_query(self) -> None:
        self.model.set_query(self._query(self.model.query))
        self.table.setColumnHidden(1, self._scope() == "entry")  # they are all on the same entry
        self._select_open_note()
        self._update_buttons()

    def _select_open_note(self) -> None:
        """Show the open note selected when it is among the rows loaded, quietly (this runs after
        every save: it must not page in a long list)."""
        note_id = self.editor.note_id
        row = self.model.row_of(note_id, fetch=False) if note_id is not None else -1
        select_quietly(self.table, row, scroll=False)  # where the researcher scrolled to stays

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        note_id = self.model.note_id_at(indexes[0].row())
        if note_id is None or note_id == self.editor.note_id:
            return
        if not self.editor.open_note(note_id):
            self.tell(self._not_saved_yet())
            self._select_open_note()

    def _note_opened(self, note_id: int) -> None:
        # Where F6 lands: the note's text when one is open, else the list of notes.
        self.setFocusProxy(self.editor.body if note_id else self.table)
        dock = self.parent()
        if note_id and isinstance(dock, QDockWidget) and dock.isHidden():
            dock.show()  # the panel starts closed (app/gui/placement.py) until a note is opened
        self.revisions.show_note(note_id or None)
        self._update_buttons()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.revisions:
            self.editor.flush()
            self.revisions.refresh()

    def set_read_only(self, read_only: bool) -> None:
        """While the database is read-only notes can be read, not written."""
        self._read_only = read_only
        self.editor.set_read_only(read_only)
        self.standalone_button.setEnabled(not read_only)
        self.revisions.restore_button.setEnabled(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self._read_only
        self.new_button.setEnabled(writable and self._entry is not None)
        self.new_button.setToolTip(
            self.tr("A new note on {entry}").format(
                entry=name_script.names_of(self._library.entries.names_by_slug, [self._entry.slug]).get(
                    self._entry.slug, self._entry.name
                )
            )
            if self._entry
            else self.tr("Open an entry first")
        )
        self.delete_button.setEnabled(writable and self.editor.note is not None)
        self.tabs.setTabEnabled(1, self.editor.note is not None)

    # --- actions ----------------------------------------------------------------------------

    def _not_saved_yet(self) -> str:
        said = self.tr("The open note is not saved yet, so it stays open.")
        failure = self.editor.autosave.failure
        return f"{said} {failure}" if failure else said

    def _refuse_when_read_only(self, what: str) -> bool:
        if self._read_only:
            reason = self._library.read_only_reason
            why = translated(reason) if reason else self.tr("it cannot be changed now")
            self.tell(
                self.tr("{what} is not possible: the database is open for reading only ({reason}).").format(
                    what=what, reason=why
                )
            )
        return self._read_only

    def new_note(self) -> None:
        if self._refuse_when_read_only(self.tr("Writing a new note")):
            return
        if self._entry is None:
            self.tell(self.tr("Open an entry first: a new note is written on the entry shown."))
            return
        if self._scope() not in ("entry", "all"):
            self.set_scope("entry")
        self._create(self._entry.id)

    def new_standalone_note(self) -> None:
        if self._refuse_when_read_only(self.tr("Writing a new note")):
            return
        if self._scope() not in ("standalone", "all"):
            self.set_scope("standalone")
        self._create(None)

    def _create(self, entry_id: int | None) -> None:
        if not self.editor.close_note():
            self.tell(self.tr("The open note is not saved yet; a new one is not started until it is."))
            return
        try:
            doc = self.notes.create(entry_id=entry_id)
        except WriteFailed as exc:
            self.tell(
                self.tr("The note could not be created: {reason}").format(reason=translated(exc.reason))
            )
            return
        self.filter.clear()
        self._apply_query()
        self.editor.open_note(doc.id)
        self._select_open_note()
        self.tabs.setCurrentWidget(self.editor)
        self.editor.title.setFocus(Qt.FocusReason.OtherFocusReason)  # the form reads title, tags, text
        self.announce({doc.id}, {doc.entry.slug} if doc.entry else set())

    def delete_note(self) -> None:
        """Move the open note to the Trash (it can be restored from there, or with Undo)."""
        doc = self.editor.note
        if doc is None or self._refuse_when_read_only(self.tr("Moving a note to the Trash")):
            return
        try:
            self.trash_note(doc.id)
        except (WriteFailed, NoteNotFound) as exc:
            self.tell(
                self.tr("The note could not be moved to the Trash: {reason}").format(reason=_reason(exc))
            )
            if self.editor.note is None:
                self.editor.open_note(doc.id)  # stored, but not moved: it stays in front of you
            return
        from app.gui.notes.note_commands import trash_command  # the undo machinery: on first use

        title = self.notes.get(doc.id).title or self.tr("untitled note")
        self._push(
            trash_command(title, lambda: self.trash_note(doc.id), lambda: self.restore_note(doc.id), self)
        )
        self.tell(self.tr("Moved “{title}” to the Trash (Ctrl+Z brings it back).").format(title=title))

    def restore_from_trash(self, note_id: int) -> bool:
        """Take a note out of the Trash (undoable); False, and the reason shown, if it failed."""
        if self._refuse_when_read_only(self.tr("Restoring a note")):
            return False
        try:
            self.restore_note(note_id)
        except (WriteFailed, NoteNotFound) as exc:
            self.tell(self.tr("The note could not be restored: {reason}").format(reason=_reason(exc)))
            return False
        from app.gui.notes.note_commands import restore_command

        title = self.notes.get(note_id).title or self.tr("untitled note")
        self._push(
            restore_command(title, lambda: self.trash_note(note_id), lambda: self.restore_note(note_id), self)
        )
        self.tell(self.tr("Restored “{title}”.").format(title=title))
        return True

    def trash_note(self, note_id: int) -> Changed:
        """Move a note to the Trash now (the undo stack's step too). The note is closed first,
        its text stored; WriteFailed when that, or the move, cannot be written."""
        if self.editor.note_id == note_id and not self.editor.close_note():
            raise WriteFailed(self.editor.autosave.failure or self.tr("the note's text could not be stored"))
        changed = self.notes.move_to_trash(note_id)
        self.announce(set(changed.note_ids), set(changed.entries))
        return changed

    def restore_note(self, note_id: int) -> Changed:
        """Take a note out of the Trash now (the undo stack's step too) and show it."""
        changed = self.notes.restore_from_trash(note_id)
        self.announce(set(changed.note_ids), set(changed.entries))
        if self.editor.note is None:
            self.show_note(note_id, focus=False)
        return changed

    def _push(self, command: QUndoCommand) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(command)

    def failed(self, message: str) -> None:
        """An undo or redo could not be carried out (NoteOutcome)."""
        self.tell(message)
        QMessageBox.warning(self.window(), self.tr("Cannot undo or redo"), message)

    def restore_revision(self, revision_id: int) -> None:
        self.tabs.setCurrentWidget(self.editor)
        if self.editor.restore_revision(revision_id):
            self.tell(
                self.tr(
                    "Restored an earlier version; the text it replaced is in the history (Ctrl+Z undoes)."
                )
            )
            self.revisions.refresh()
        else:
            said = self.tr("That version could not be restored.")
            failure = self.editor.autosave.failure
            self.tell(f"{said} {failure}" if failure else said)

    def show_history(self, dock: QDockWidget) -> None:
        dock.show()
        self.tabs.setCurrentWidget(self.revisions)

    def tell(self, text: str) -> None:
        self.message = text
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 8000)

    # --- change broadcast ---------------------------------------------------------------------

    def _saved(self, result: SaveResult) -> None:
        # The editor is the origin of a save of a note's text: no note came or went and no tag
        # changed, so views that count (the sidebar, the notes lists) may wait for a pause.
        self.announce({result.note_id}, set(result.entries), origin=self.editor)

    def _tags_saved(self, note_id: int) -> None:
        self.announce({note_id}, set())

    def announce(self, note_ids: set[int], slugs: set[str], *, origin: object | None = None) -> None:
        """Tell every view these notes (and these entries' notes sections) changed; the origin
        is this panel unless said otherwise."""
        made_by = self if origin is None else origin
        self._changes.announce_notes(note_ids, origin=made_by)
        # Not announce_entries: that re-reads the list of entries, which a note does not
        # change (at 100,000 entries that was 180-260 ms on every autosave while typing).
        self._changes.announce_entry_notes(slugs, origin=made_by)

    def _notes_changed(self, _note_ids: set[int], origin: object | None) -> None:
        self.model.refresh()
        self._select_open_note()
        if origin is not self and origin is not self.editor:
            self.editor.reload()  # changed elsewhere; what this panel wrote, its editor holds
        if self.tabs.currentWidget() is self.revisions:
            self.revisions.refresh()
        self._update_buttons()

    def _entries_changed(self, _slugs: set[str], _origin: object | None) -> None:
        self.editor.entries_changed()
        self.model.refresh()

    # --- leaving ----------------------------------------------------------------------------

    def may_close(self) -> bool:
        """Store the open note before the window closes; if that fails, ask before losing text."""
        if self.editor.flush():
            return True
        answer = QMessageBox.warning(
            self.window(),
            self.tr("Your note is not saved"),
            self.tr(
                "The open note could not be saved:\n\n{reason}\n\n"
                "If you close now, what you wrote since the last save is lost. "
                "Cancel to keep the window open (copy the text elsewhere if the problem persists)."
            ).format(reason=self.editor.autosave.failure or self.tr("the database cannot be written.")),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def close_writer(self) -> None:
        self._writer.close()


def _reason(exc: Exception) -> str:
    return translated(exc.message) if isinstance(exc, Explained) else str(exc)


class _CloseGuard(QObject):
    """Sees the window's close before the window does, so the note is stored first."""

    def __init__(self, panel: NotesPanel, parent: QObject) -> None:
        super().__init__(parent)
        self._panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Close:
            return False
        if not self._panel.may_close():
            event.ignore()
            return True
        self._panel.close_writer()  # reopened on the next write, should the window come back
        return False


def install(window: MainWindow) -> NotesPanel:
    panel = NotesPanel(window.library, window.changes, window)
    dock = QDockWidget(translate("NotesPanel", "Notes"), window)
    dock.setObjectName("notesDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    # A third of the window at most on a first start: the entry being read keeps its room.
    window.resizeDocks([dock], [max(320, window.width() * 3 // 10)], Qt.Orientation.Horizontal)
    # Installed after the first paint (app/gui/features.py), after the window's layout was
    # restored: where the researcher left it, and closed, as placement.fit_to_screen leaves
    # the docks of a window it opens.
    window.restoreDockWidget(dock)
    if window.isVisible():
        dock.hide()

    window.entry_opened.connect(panel.set_entry)
    window.notes_panel = panel  # type: ignore[attr-defined]  # search opens the notes it finds
    panel.set_read_only(window.read_only)
    window.read_only_changed.connect(panel.set_read_only)
    panel.editor.link_activated.connect(window.open_entry)
    panel.revisions.link_activated.connect(window.open_entry)
    current = window.detail_view.detail
    panel.set_entry(current.ref.slug if current else None)
    window.installEventFilter(_CloseGuard(panel, window))

    menu = getattr(window, "notes_menu", None)  # kept in the menu bar since before the paint
    if not isinstance(menu, QMenu):
        menu = window.menuBar().addMenu(translate("NotesPanel", "&Notes"))
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    actions = (
        (translate("NotesPanel", "New &note on this entry"), "Ctrl+Shift+N", panel.new_note),
        (translate("NotesPanel", "New &standalone note"), "Ctrl+Alt+N", panel.new_standalone_note),
    )
    for text, keys, slot in actions:
        action = QAction(text, window, shortcut=QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        disable_when_read_only(window, action)
    history = QAction(translate("NotesPanel", "Note &history"), window, shortcut=QKeySequence("Ctrl+Shift+H"))
    history.triggered.connect(lambda: panel.show_history(dock))
    menu.addAction(history)
    trash = QAction(translate("NotesPanel", "Move the note to the &Trash"), window)
    trash.triggered.connect(panel.delete_note)
    menu.addAction(trash)
    disable_when_read_only(window, trash)
    panel.wide = WideEditor(window, dock, panel)
    menu.addAction(panel.wide.action)
    menu.addSeparator()
    toggle = dock.toggleViewAction()
    toggle.setText(translate("NotesPanel", "Show the notes &panel"))
    menu.addAction(toggle)
    window.add_pane(panel)  # F6 reaches the notes panel too
    return panel
