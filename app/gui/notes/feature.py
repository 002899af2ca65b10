"""Notes in the window, installed by app/gui/features.py: the notes panel (a dock, with the Notes
menu: app/gui/notes/panel.py), and around it

- "Your work" in the sidebar: the Notes view (every note, sorted and filtered) and the Tags view
  (tags as a tree with counts, the entries carrying one), with Go ▸ Notes (Ctrl+7) and Tags (Ctrl+8);
- the toolbar's tools for what the view shows: New Note (and, in the Notes view, Move Note to
  Trash) in the Notes and Tags views instead of the entries' New <kind> / Edit Entry / Move to
  Trash, which come back with an entry list (their keys work everywhere, as before);
- the notes part of the Trash (restore is undoable, like moving a note there);
- the detail page's note, tag and "New note on this entry" links;
- a [[link]] to no entry, clicked in the preview, offers to create that entry;
- Preferences ▸ Notes (how soon typing is stored).

Reachable as `window.notes`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.gui.detail_html import NEW_NOTE_SCHEME, NOTE_SCHEME, TAG_SCHEME
from app.gui.first_paint import after_first_paint
from app.gui.i18n import kind_singular, plain, translated
from app.gui.notes import panel as notes_panel
from app.gui.notes import preview_html
from app.gui.notes.places import NOTES_ITEM, SECTION, TAGS_ITEM
from app.gui.notes.preferences_page import save_within_seconds
from app.gui.notes.trash_part import NotesTrash
from app.gui.read_only import disable_when_read_only
from app.gui.workers import Task
from app.records.notes import NoteQuery, NoteRow
from app.services.kinds import KINDS
from app.services.notes import NoteNotFound
from app.services.writing import WriteFailed

if TYPE_CHECKING:
    from app.gui.editing import Editing
    from app.gui.main_window import MainWindow
    from app.gui.notes.notes_view import NotesView
    from app.gui.notes.tags_view import TagsView
    from app.gui.preferences import PreferencesPage

COUNTS_DELAY_MS = 300  # several announcements in a row (an undo, an import): count once after
TYPING_PAUSE_MS = 2000  # a list shown beside the editor follows the saves once typing pauses


class CreateEntryDialog(QDialog):
    """“No entry is called X. Create one?” with the kind to create."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create an entry?"))
        text = QLabel(
            self.tr("No entry is called “{name}”. Create one with that name?").format(name=name), self
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(kind_singular(kind.key), kind.key)
        label = QLabel(self.tr("&Kind:"), self)
        label.setBuddy(self.kind)
        self.kind.setAccessibleName(plain(label.text()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        create = self.buttons.addButton(self.tr("Create…"), QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(label, self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind.setFocus()

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())


class NotesFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel = notes_panel.install(window)
        editing: Editing = window.editing  # type: ignore[attr-defined]  # installed first
        self._editing = editing
        panel.undo_stack = editing.undo_stack
        self._lists = window.library.note_lists
        self.create_dialog: CreateEntryDialog | None = None  # open, if any (tests)

        # The preview's Markdown renderer takes ~0.1 s to load: in the background once the
        # window shows, rather than in the middle of writing the first note of the session.
        after_first_paint(window, lambda: Task(lambda _progress: preview_html.prepare(), parent=self).start())
        # The Notes and Tags views are built when first shown: reading and laying out 100,000
        # notes and every tag's counts cost 0.3 s that the first paint need not wait for.
        self._notes_view: NotesView | None = None
        self._tags_view: TagsView | None = None
        window.sidebar.add_section(SECTION, self.tr("Your work"))
        window.sidebar.add_item(SECTION, NOTES_ITEM, self.tr("Notes"), on_select=self.show_notes_view)
        window.sidebar.add_item(SECTION, TAGS_ITEM, self.tr("Tags"), on_select=self.show_tags_view)

        self._trash: NotesTrash | None = None  # built with the Trash view
        trashed = NoteQuery(trash=True)
        editing.add_trash_part(self.tr("Notes"), self._make_trash, lambda: self._lists.count(trashed))

        go = window.go_menu
        go.addSeparator()
        for text, keys, slot in (
            (self.tr("&Notes"), "Ctrl+7", self.show_notes_view),
            (self.tr("&Tags"), "Ctrl+8", self.show_tags_view),
        ):
            action = QAction(text, window, shortcut=QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=slot: self._go(s))
            go.addAction(action)

        self._toolbar_tools(window, editing)

        window.detail_view.action_link_activated.connect(self._detail_link)
        panel.editor.missing_link_activated.connect(self.offer_entry)
        panel.editor.autosave.save_within(round(save_within_seconds() * 1000))
        window.preferences.add_page(self.tr("Notes"), self._preferences_page)

        self._stale: set[QWidget] = set()
        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self._update_counts)
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing_timer.timeout.connect(self._refresh_shown)
        window.changes.notes_changed.connect(self._notes_changed)
        window.changes.entries_changed.connect(self._entries_changed)
        window.list_stack.currentChanged.connect(lambda _i: self._refresh_shown())
        window.installEventFilter(self)
        self._update_counts()

    # --- the toolbar ----------------------------------------------------------------------

    def _toolbar_tools(self, window: MainWindow, editing: Editing) -> None:
        style = window.style()
        self.new_note_tool = QAction(
            QIcon.fromTheme("document-new", style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)),
            self.tr("New Note"),
            self,
        )
        self.new_note_tool.setToolTip(self.tr("A new standalone note (Ctrl+Alt+N)"))
        self.new_note_tool.triggered.connect(self.panel.new_standalone_note)
        disable_when_read_only(window, self.new_note_tool)
        self.trash_note_tool = QAction(
            QIcon.fromTheme("edit-delete", style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon)),
            self.tr("Move Note to Trash"),
            self,
        )
        self.trash_note_tool.triggered.connect(self.panel.delete_note)
        self.panel.editor.note_opened.connect(lambda _id: self._update_note_tools())
        window.read_only_changed.connect(lambda _ro: self._update_note_tools())
        self._update_note_tools()
        self._entry_tools = [editing.new_action, editing.edit_action, editing.delete_action]
        window.list_stack.currentChanged.connect(lambda _i: self._fit_toolbar())

    def _update_note_tools(self) -> None:
        self.trash_note_tool.setEnabled(not self.window.read_only and self.panel.editor.note_id is not None)

    def _fit_toolbar(self) -> None:
        """The toolbar's tools for the view shown, where the entries' tools stood."""
        page = self.window.list_stack.currentWidget()
        if page is not None and page is self._notes_view:
            wanted = [self.new_note_tool, self.trash_note_tool]
        elif page is not None and page is self._tags_view:
            wanted = [self.new_note_tool]
        else:
            wanted = self._entry_tools
        toolbar = self.window.toolbar
        ours = {*self._entry_tools, self.new_note_tool, self.trash_note_tool}
        actions = toolbar.actions()
        shown = [a for a in actions if a in ours]
        if shown == wanted or not shown:
            return
        after = actions.index(shown[-1]) + 1
        anchor = actions[after] if after < len(actions) else None
        for action in shown:
            toolbar.removeAction(action)
        if anchor is None:
            toolbar.addActions(wanted)
        else:
            toolbar.insertActions(anchor, wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Nothing is read once the window closes: its database may be closed next.
            self._counts_timer.stop()
            self._typing_timer.stop()
        return False

    # --- the views ------------------------------------------------------------------------

    @property
    def trash(self) -> NotesTrash:
        """The notes part of the Trash (building the Trash view, if it was not yet)."""
        self._editing.trash_view  # noqa: B018  (builds the parts)
        assert self._trash is not None
        return self._trash

    def _make_trash(self, parent: QWidget) -> NotesTrash:
        self._trash = NotesTrash(self.window.library, self.panel, parent)
        return self._trash

    @property
    def notes_view(self) -> NotesView:
        if self._notes_view is None:
            from app.gui.notes.notes_view import NotesView

            window, panel = self.window, self.panel
            view = NotesView(self._lists, panel.tags, window)
            view.delete_requested.connect(panel.delete_note)  # the chosen note is the open one
            view.note_chosen.connect(self.open_note)
            view.new_button.clicked.connect(panel.new_standalone_note)
            disable_when_read_only(window, view.new_button)
            window.add_list_page(view)
            self._notes_view = view
        return self._notes_view

    @property
    def tags_view(self) -> TagsView:
        if self._tags_view is None:
            from app.gui.notes.tags_view import TagsView

            window = self.window
            view = TagsView(self.panel.tags, window)
            view.notes_requested.connect(self.show_notes_tagged)
            view.entry_chosen.connect(lambda slug: window.open_entry(slug, reveal=False))
            window.add_list_page(view)
            self._tags_view = view
        return self._tags_view

    def show_notes_view(self) -> None:
        self._select_item(NOTES_ITEM)
        self.window.show_list_page(self.notes_view)

    def show_tags_view(self) -> None:
        self._select_item(TAGS_ITEM)
        self.window.show_list_page(self.tags_view)

    def show_notes_tagged(self, tag: str) -> None:
        self.notes_view.show_tag(tag)
        self.show_notes_view()
        self.notes_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_tag(self, tag: str) -> None:
        """The Tags view with `tag` chosen (its entries listed below)."""
        self.show_tags_view()
        if not self.tags_view.show_tag(tag):
            self.panel.tell(self.tr("Nothing carries the tag “{tag}” any more.").format(tag=tag))
        self.tags_view.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go(self, show: Callable[[], None]) -> None:
        show()
        page = self.window.list_stack.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _select_item(self, key: str) -> None:
        sidebar = self.window.sidebar
        if sidebar.current_key() != key:
            sidebar.blockSignals(True)
            sidebar.select(key)
            sidebar.blockSignals(False)
            sidebar.viewport().update()

    def open_note(self, row: NoteRow, focus: bool) -> None:
        """A note chosen in the Notes view: its entry in the detail view, the note in the editor."""
        if row.entry is not None and (
            self.window.detail_view.detail is None or self.window.detail_view.detail.ref.id != row.entry.id
        ):
            self.window.open_entry(row.entry.slug, reveal=False)
        if not self.panel.show_note(row.id, focus=focus):
            self.notes_view.select_note(self.panel.editor.note_id or -1, fetch=False)

    # --- links ----------------------------------------------------------------------------

    def _detail_link(self, scheme: str, path: str) -> None:
        if scheme == NOTE_SCHEME:
            try:
                note_id = int(path)
            except ValueError:
                return
            self.panel.show_note(note_id)
        elif scheme == NEW_NOTE_SCHEME:
            entry = self.panel.entry
            if entry is None or entry.slug != path:
                self.window.open_entry(path, reveal=False)
            self.panel.new_note()
        elif scheme == TAG_SCHEME:
            self.show_tag(path)

    def offer_entry(self, name: str) -> CreateEntryDialog | None:
        """A [[link]] to no entry was clicked: offer to create it (the New form, name filled in)."""
        if self.window.read_only:
            reason = self.window.library.read_only_reason
            why = translated(reason) if reason else self.tr("it cannot be changed now")
            self.panel.tell(
                self.tr(
                    "No entry is called “{name}”, and none can be created: the database is open for "
                    "reading only ({reason})."
                ).format(name=name, reason=why)
            )
            return None
        note_id = self.panel.editor.note_id
        dialog = CreateEntryDialog(name, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._create_entry(name, dialog.chosen_kind(), note_id))
        dialog.finished.connect(lambda _r: setattr(self, "create_dialog", None))
        self.create_dialog = dialog
        dialog.open()
        return dialog

    def _create_entry(self, name: str, kind: str, note_id: int | None) -> None:
        editing: Editing = self.window.editing  # type: ignore[attr-defined]
        form = editing.new_entry(kind, name=name)
        if note_id is not None:
            form.accepted.connect(lambda: self._relink(note_id))

    def _relink(self, note_id: int) -> None:
        """The entry a note named now exists: the note's backlinks follow at once."""
        try:
            changed = self.panel.notes.relink(note_id)
        except (WriteFailed, NoteNotFound):
            return  # the next save of the note relinks it
        self.panel.announce(set(changed.note_ids), set(changed.entries))

    # --- preferences ----------------------------------------------------------------------

    def _preferences_page(self, parent: QWidget) -> PreferencesPage:
        from app.gui.notes.preferences_page import NotesPage

        return NotesPage(self.set_save_within, parent)

    def set_save_within(self, seconds: float) -> None:
        self.panel.editor.autosave.save_within(round(seconds * 1000))

    # --- keeping up -------------------------------------------------------------------------

    def _built_views(self) -> set[QWidget]:
        return {v for v in (self._notes_view, self._tags_view) if v is not None}

    def _notes_changed(self, _ids: set[int], origin: object | None) -> None:
        self._stale |= self._built_views()
        if origin is self.panel.editor:
            # An autosave, every second while typing: no note came or went and no tag changed;
            # the list shown catches up with titles and times once the typing pauses.
            self._typing_timer.start()
            return
        if self._trash is not None and self._trash.isVisible():
            self._trash.refresh()
        self._refresh_shown()
        self._counts_timer.start()

    def _entries_changed(self, _slugs: set[str], _origin: object | None) -> None:
        self._stale |= self._built_views()
        self._refresh_shown()
        self._counts_timer.start()

    def _refresh_shown(self) -> None:
        """Re-read the view on screen now; the other when it is next shown."""
        page = self.window.list_stack.currentWidget()
        if page is not None and page is self._notes_view and page in self._stale:
            self._stale.discard(page)
            self._notes_view.refresh()
            self._notes_view.refresh_tags()
        elif page is not None and page is self._tags_view and page in self._stale:
            self._stale.discard(page)
            self._tags_view.refresh()
        elif self._trash is not None and page is self._editing.trash_view:
            self._trash.refresh()

    def _update_counts(self) -> None:
        sidebar = self.window.sidebar
        # (No count beside Tags: counting tags with live carriers reads every tagged note, a
        # second on 100,000 notes; the Tags view does it when it is shown.)
        sidebar.set_count(NOTES_ITEM, self._lists.count(NoteQuery()))
        if self._trash is not None:
            self._trash.refresh()  # (it announces the Trash's new count)
        else:
            self._editing.count_trash()


def install(window: MainWindow) -> NotesFeature:
    feature = NotesFeature(window)
    window.notes = feature  # type: ignore[attr-defined]
    return feature
