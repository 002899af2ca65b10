"""Creating, editing and deleting entries in the window: the New / Edit / Move to Trash
actions, Undo and Redo (a QUndoStack of service calls), and the Trash in the sidebar.

Installed by app/gui/features.py; reachable as `window.editing`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMessageBox, QStyle, QWidget

from app.gui.i18n import kind_singular, translated
from app.gui.shortcuts import standard
from app.gui.sidebar import LIBRARY
from app.gui.trash_view import TrashPart, TrashView
from app.services.entries import TRASH
from app.services.kinds import BY_KEY, KINDS

# The forms, the undo commands and the editing service load on the first edit: the window's
# start need not wait for them.
if TYPE_CHECKING:
    from app.gui.entry_form import EntryForm
    from app.gui.main_window import MainWindow
    from app.records.entries import Ref
    from app.services.editing import Editor
    from app.services.entry_forms import Change, EntryInput

TRASH_ITEM = "trash"


def install(window: MainWindow) -> None:
    window.editing = Editing(window)  # type: ignore[attr-defined]


def _icon(theme: str, fallback: QStyle.StandardPixmap, window: MainWindow) -> QIcon:
    return QIcon.fromTheme(theme, window.style().standardIcon(fallback))


class Editing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = QUndoStack(self)
        self.form: EntryForm | None = None  # the open form, if any (tests and screenshots)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(standard(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(standard(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"))
        self.new_action = QAction(
            _icon("document-new", QStyle.StandardPixmap.SP_FileIcon, window), self.tr("&New…"), self
        )
        self.new_action.setShortcuts(standard(QKeySequence.StandardKey.New, "Ctrl+N"))
        self.new_action.triggered.connect(self.new_entry)
        self.edit_action = QAction(
            _icon("document-edit", QStyle.StandardPixmap.SP_FileDialogDetailedView, window),
            self.tr("&Edit Entry…"),
            self,
        )
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_action.triggered.connect(self.edit_entry)
        self.delete_action = QAction(
            _icon("edit-delete", QStyle.StandardPixmap.SP_TrashIcon, window), self.tr("Move to &Trash"), self
        )
        self.delete_action.setShortcuts(standard(QKeySequence.StandardKey.Delete, "Del"))
        self.delete_action.triggered.connect(self.delete)
        for action in (
            self.undo_action,
            self.redo_action,
            self.new_action,
            self.edit_action,
            self.delete_action,
        ):
            window.addAction(action)  # shortcuts work wherever the focus is in the window

        window.file_menu.insertAction(window.quit_action, self.new_action)
        window.file_menu.insertSeparator(window.quit_action)
        first = window.edit_menu.actions()[0]
        window.edit_menu.insertActions(first, [self.undo_action, self.redo_action])
        window.edit_menu.insertSeparator(first)
        window.edit_menu.insertActions(first, [self.edit_action, self.delete_action])
        window.edit_menu.insertSeparator(first)
        window.toolbar.addSeparator()
        window.toolbar.addActions([self.new_action, self.edit_action, self.delete_action])

        # The Trash view is built when first shown; until then the sidebar needs only its count.
        self._trash_view: TrashView | None = None
        self._trash_parts: list[tuple[str, Callable[[QWidget], TrashPart], Callable[[], int]]] = []
        window.sidebar.add_item(LIBRARY, TRASH_ITEM, self.tr("Trash"), on_select=self.show_trash)

        window.changes.entries_changed.connect(self._refresh)
        window.read_only_changed.connect(lambda _ro: self._update_actions())
        # QUndoStack re-enables its actions whenever it can undo; read-only mode overrules it.
        self._can_undo = self._can_redo = False
        # A change written on a worker (app/gui/bulk_actions.py): Undo, Redo and the edits here
        # wait for it.
        self.held = False
        self.undo_stack.canUndoChanged.connect(self._undo_changed)
        self.undo_stack.canRedoChanged.connect(self._redo_changed)
        window.detail_view.shown.connect(self._update_actions)
        window.sidebar.item_selected.connect(lambda _key: self._update_actions())
        window.list_stack.currentChanged.connect(lambda _i: self._update_actions())
        self._refresh(set())

    # --- the Trash ---------------------------------------------------------------------------

    @property
    def trash_view(self) -> TrashView:
        if self._trash_view is None:
            window = self.window
            view = TrashView(window.lists, window)
            window.add_list_page(view)
            view.list.entry_selected.connect(window.open_entry)
            view.restore_requested.connect(self.restore)
            view.purge_requested.connect(self.purge)
            view.count_changed.connect(self.count_trash)
            view.choice_changed.connect(self._update_actions)
            view.nothing_chosen.connect(lambda: window.detail_view.show_empty())
            view.set_writable(not window.read_only)
            self._trash_view = view
            for title, make, _count in self._trash_parts:
                view.add_part(title, make(view))
        return self._trash_view

    def add_trash_part(
        self, title: str, make: Callable[[QWidget], TrashPart], count: Callable[[], int]
    ) -> None:
        """Another kind of thing in the Trash (notes): `make(parent)` builds its part of the view
        when the Trash is first shown; `count()` counts it until then."""
        self._trash_parts.append((title, make, count))
        if self._trash_view is not None:
            self._trash_view.add_part(title, make(self._trash_view))
        self.count_trash()

    def count_trash(self) -> None:
        if self._trash_view is not None:
            total = self._trash_view.count()
        else:
            total = self.window.lists.count(TRASH) + sum(count() for _t, _m, count in self._trash_parts)
        self.window.sidebar.set_count(TRASH_ITEM, total)
        self._update_actions()

    # --- state -------------------------------------------------------------------------------

    def _kind(self) -> str:
        kind = self.window.sidebar.current_kind()
        if kind is None and self.window.entry_list.model is not None:
            kind = self.window.entry_list.model.kind
        return kind if kind in BY_KEY else KINDS[0].key

    def _in_trash(self) -> bool:
        shown = self.window.list_stack.currentWidget()
        return shown is not None and shown is self._trash_view

    def _current_id(self) -> int | None:
        detail = self.window.detail_view.detail
        return detail.ref.id if detail is not None and detail.deleted_at is None else None

    def _update_actions(self) -> None:
        # Nothing that writes while the file is read-only, or while a change is being written.
        writable = not self.window.read_only and not self.held
        live = self._current_id() is not None
        self.edit_action.setEnabled(writable and live)
        if self._in_trash():
            self.delete_action.setText(self.tr("Delete &Permanently…"))
            self.delete_action.setEnabled(writable and self.trash_view.has_choice())
        else:
            self.delete_action.setText(self.tr("Move to &Trash"))
            self.delete_action.setEnabled(writable and live)
        self.new_action.setText(self.tr("&New {kind}…").format(kind=kind_singular(self._kind())))
        self.new_action.setEnabled(writable)
        self.undo_action.setEnabled(writable and self._can_undo)
        self.redo_action.setEnabled(writable and self._can_redo)
        if self._trash_view is not None:
            self._trash_view.set_writable(writable)

    def hold(self, held: bool) -> None:
        """Keep Undo, Redo, New, Edit and Move to Trash off while a change is being written in
        the background: the next step must not start before it ends (nor the same one twice)."""
        self.held = held
        self._update_actions()

    def _undo_changed(self, can: bool) -> None:
        self._can_undo = can
        self._update_actions()

    def _redo_changed(self, can: bool) -> None:
        self._can_redo = can
        self._update_actions()

    @property
    def editor(self) -> Editor:
        """The library's editing service, built on the first edit: it brings SQLAlchemy (about
        0.5 s), which the window's start must not wait for."""
        return self.window.library.editor

    def _refresh(self, _slugs: set[str], _origin: object | None = None) -> None:
        if self._trash_view is not None:
            self._trash_view.refresh()
        self.count_trash()

    def show_trash(self) -> None:
        self.window.show_list_page(self.trash_view)
        self._update_actions()

    # --- Outcome (edit_commands) ------------------------------------------------------------

    def applied(self, change: Change) -> None:
        self._announce(change)
        after = change.after
        if after is not None and after.entity.get("deleted_at") is None:
            self.window.open_entry(after.slug)

    def failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self.window, self.tr("Cannot undo or redo"), message)

    def _announce(self, change: Change) -> None:
        if change.before is not None and change.after is not None and change.before.slug != change.after.slug:
            self.window.history.rename(change.before.slug, change.after.slug)
        self.window.changes.announce_entries(set(change.slugs), origin=self)

    # --- actions -----------------------------------------------------------------------------

    def new_entry(self, kind: str | None = None, *, name: str = "") -> EntryForm:
        """The New form for `kind` (the kind shown, by default), its name filled in if given."""
        from app.gui.edit_commands import create_command
        from app.gui.entry_form import EntryForm
        from app.services.entry_forms import EntryInput

        kind = kind or self._kind()

        def save(inp: EntryInput) -> None:
            change = self.editor.create(inp)
            self.undo_stack.push(create_command(self.editor, change, self))
            self._announce(change)
            self.window.open_entry(change.slug)
            self.window.statusBar().showMessage(
                self.tr("Created “{name}”.").format(name=inp.name.strip()), 5000
            )

        initial = EntryInput(kind, name) if name else None
        return self._open_form(
            EntryForm(
                self.window.lists,
                self.editor,
                kind,
                save,
                initial=initial,
                tag_names=self.window.library.tags.names(),  # (tags load on the first form)
                new_source=self._new_source,
                parent=self.window,
            )
        )

    def edit_entry(self) -> EntryForm | None:
        from app.gui.edit_commands import edit_command
        from app.gui.entry_form import EntryForm
        from app.services.entry_forms import EditingError

        entity_id = self._current_id()
        if entity_id is None:
            return None
        try:
            initial = self.editor.form(entity_id)
        except EditingError as exc:
            self.failed(translated(exc.message))
            return None

        def save(inp: EntryInput) -> None:
            change = self.editor.update(entity_id, inp)
            if not change.changed:
                return
            self.undo_stack.push(edit_command(self.editor, change, self))
            self._announce(change)
            self.window.open_entry(change.slug, record=False)
            self.window.statusBar().showMessage(
                self.tr("Saved “{name}”.").format(name=inp.name.strip()), 5000
            )

        form = EntryForm(
            self.window.lists,
            self.editor,
            initial.kind,
            save,
            initial=initial,
            entity_id=entity_id,
            tag_names=self.window.library.tags.names(),
            new_source=self._new_source,
            parent=self.window,
        )
        return self._open_form(form, entity_id)

    def _new_source(self, parent: QWidget) -> Ref | None:
        """A citation's New Source… button: the new source's form, over the entry form."""
        from app.gui.source_form import new_source

        return new_source(parent, self.window.library)

    def _open_form(self, form: EntryForm, entity_id: int | None = None) -> EntryForm:
        if "citation_key" in form.slots:  # a source's: the key export would give, while it has none
            from app.gui.source_form import KeySuggestion

            widgets = {key: slot.widget for key, slot in form.slots.items()}
            KeySuggestion(widgets, self.window.library, source_id=entity_id, parent=form)
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(lambda _r: setattr(self, "form", None))
        form.open()  # window-modal, without a nested event loop
        return form

    def delete(self) -> None:
        if self._in_trash():
            self.trash_view.request_purge()  # the entry or note chosen there, after asking
            return
        from app.gui.edit_commands import trash_command
        from app.services.entry_forms import EditingError

        if self.window.entry_list.selected_count() > 1 and hasattr(self.window, "bulk"):
            self.window.bulk.trash()  # every entry chosen, in one undo step (app/gui/bulk_actions.py)
            return
        entity_id = self._current_id()
        if entity_id is None:
            return
        entries = self.window.entry_list
        row = entries.table.currentIndex().row() if entries.current_slug() else -1
        try:
            change = self.editor.trash(entity_id)
        except EditingError as exc:
            self.failed(translated(exc.message))
            return
        self.undo_stack.push(trash_command(self.editor, change, self))
        self._announce(change)
        self.window.statusBar().showMessage(
            self.tr("Moved “{name}” to the Trash.").format(name=change.before.name if change.before else ""),
            5000,
        )
        if row >= 0:
            entries.select_row(row)  # the next entry, as a mail client does

    def restore(self, slug: str) -> None:
        from app.gui.edit_commands import restore_command
        from app.services.entry_forms import EditingError

        ref = self.window.lists.ref(slug)
        if ref is None:
            return
        row = self.trash_view.list.table.currentIndex().row()
        try:
            change = self.editor.restore(ref.id)
        except EditingError as exc:
            self.failed(translated(exc.message))
            return
        self.undo_stack.push(restore_command(self.editor, change, self))
        self._announce(change)
        self.window.statusBar().showMessage(self.tr("Restored “{name}”.").format(name=ref.name), 5000)
        self.trash_view.list.select_row(row)

    def confirm_purge(self, name: str) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete Permanently?"))
        box.setText(self.tr("Delete “{name}” permanently?").format(name=name))
        box.setInformativeText(
            self.tr(
                "Its other names, titles, facts and citations are deleted with it, and entries that "
                "refer to it lose the reference. Notes on it are kept. This cannot be undone."
            )
        )
        purge = box.addButton(self.tr("Delete Permanently"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is purge

    def purge(self, slug: str) -> None:
        from app.services.entry_forms import EditingError

        ref = self.window.lists.ref(slug)
        if ref is None or not self.confirm_purge(ref.name):
            return
        row = self.trash_view.list.table.currentIndex().row()
        try:
            change = self.editor.purge(ref.id)
        except EditingError as exc:
            self.failed(translated(exc.message))
            return
        self._announce(change)
        self.window.statusBar().showMessage(
            self.tr("Deleted “{name}” permanently.").format(name=ref.name), 5000
        )
        self.trash_view.list.select_row(row)
