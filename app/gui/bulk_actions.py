"""Many entries at once: on the entries chosen in a list (Shift or Ctrl with a click, Ctrl+A),
Add Tags…, Remove Tags…, Set Country… (or the parent organization), Move to Trash and Export
Selection…, from the list's context menu and the Edit menu. Each action is one undo step: one
Ctrl+Z takes it back on every entry, Ctrl+Shift+Z makes it again.

The work is app/services/bulk.py's, one transaction each. An action on more than
`IN_BACKGROUND` entries runs on a worker thread with a progress bar in the status bar (the
window stays responsive); smaller ones run at once. So do their undo and redo: Ctrl+Z on
10,000 entries moved to the Trash takes seconds, and a window must not freeze for them. While
one runs, Undo, Redo and these actions are off (the progress bar says what is under way).
Installed by app/gui/features.py; reachable as `window.bulk`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.gui.background_steps import WorkerStep, run_step
from app.gui.entry_picker import EntryPicker
from app.gui.i18n import kind_plural, plain, translate, translated
from app.gui.list_widgets import chosen_rows
from app.gui.notes.fields import TagEdit
from app.gui.workers import Task
from app.i18n import Explained
from app.services.entry_forms import EditingError, FieldSpec
from app.services.progress import NO_PROGRESS, Progress

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.bulk import Bulk, BulkChange

# More entries than this: the action runs off the window's thread (see the module's measures:
# 10,000 entries take longer than a frame should).
IN_BACKGROUND = 2_000


def install(window: MainWindow) -> None:
    window.bulk = BulkActions(window)  # type: ignore[attr-defined]


class _AskDialog(QDialog):
    """A question with one field and OK / Cancel."""

    def __init__(self, parent: QWidget, title: str, text: str, field: QLineEdit, hint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.field = field
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setBuddy(field)
        field.setAccessibleName(plain(title))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(field)
        if hint:
            small = QLabel(hint, self)
            small.setWordWrap(True)
            layout.addWidget(small)
        layout.addWidget(buttons)
        self.resize(max(420, self.sizeHint().width()), self.sizeHint().height())


class BulkActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.entries = window.entry_list
        self._running: Task | None = None
        self.dialog: _AskDialog | None = None  # the question asked, while open (tests)

        self.add_tags_action = self._action(self.tr("Add &Tags…"), self.add_tags, "Ctrl+T")
        self.remove_tags_action = self._action(self.tr("Re&move Tags…"), self.remove_tags, "Ctrl+Shift+T")
        self.set_country_action = self._action(self.tr("Set &Country…"), lambda: self.set_field("country"))
        self.set_parent_action = self._action(
            self.tr("Set &Parent Organization…"), lambda: self.set_field("parent")
        )
        self.trash_action = self._action(self.tr("Move to T&rash"), self.trash)
        self.export_action = self._action(self.tr("E&xport Selection…"), self.export)
        self._setters = {"country": self.set_country_action, "parent": self.set_parent_action}
        self.select_all_action = self.entries.select_all_action

        table = self.entries.table
        if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        mine = [
            self.add_tags_action,
            self.remove_tags_action,
            self.set_country_action,
            self.set_parent_action,
            self.trash_action,
            self.export_action,
        ]
        table.addActions(mine)
        separator = QAction(self)
        separator.setSeparator(True)
        table.addAction(separator)  # before what other features add (Export List to CSV…)

        menu = window.edit_menu.addMenu(self.tr("&Selected Entries"))
        menu.addAction(self.select_all_action)
        menu.addSeparator()
        menu.addActions(mine)
        for action in mine[:2]:
            window.addAction(action)  # their shortcuts work wherever the focus is in the window

        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)

        self.entries.selection_changed.connect(self._update)
        window.read_only_changed.connect(lambda _ro: self._update())
        self._update()

    def _action(self, text: str, run: Callable[[], Any], keys: str = "") -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(run)
        return action

    # --- state -----------------------------------------------------------------------------

    def _kind(self) -> str:
        model = self.entries.model
        return model.kind if model is not None else ""

    def _update(self) -> None:
        from app.services.bulk import settable_fields

        count = self.entries.selected_count()
        writable = not self.window.read_only and self._running is None
        for action in (self.add_tags_action, self.remove_tags_action, self.trash_action):
            action.setEnabled(writable and count > 0)
        fields = {f.key for f in settable_fields(self._kind())}
        for key, action in self._setters.items():
            action.setVisible(key in fields)
            action.setEnabled(writable and count > 0 and key in fields)
        self.export_action.setEnabled(count > 0 and self._running is None)

    @property
    def bulk(self) -> Bulk:
        """The service (it opens a connection per action, so a worker thread may use it)."""
        return self.window.library.bulk

    # --- the actions -------------------------------------------------------------------------

    def add_tags(self) -> None:
        self._tags(adding=True)

    def remove_tags(self) -> None:
        self._tags(adding=False)

    def _tags(self, *, adding: bool) -> None:
        ids = self.entries.selected_entry_ids()
        if not ids or self.window.read_only:
            return
        edit = TagEdit()
        edit.set_tag_names(list(self.window.library.tags.names()))
        n = len(ids)
        if adding:
            title = plain(self.add_tags_action.text())
            text = self.tr("Add these tags to the %n selected entries:", None, n)
        else:
            title = plain(self.remove_tags_action.text())
            text = self.tr("Remove these tags from the %n selected entries:", None, n)
        hint = self.tr("Separated by commas; policy/ethics nests under policy")

        def run(progress: Progress, tags: str) -> BulkChange:
            if adding:
                return self.bulk.add_tags(ids, tags, progress)
            return self.bulk.remove_tags(ids, tags, progress)

        self._ask(title, text, edit, hint, lambda: edit.text(), run, n)

    def set_field(self, key: str) -> None:
        from app.services.bulk import settable_fields

        ids = self.entries.selected_entry_ids()
        spec = next((f for f in settable_fields(self._kind()) if f.key == key), None)
        if not ids or spec is None or self.window.read_only:
            return
        picker = EntryPicker(self.window.lists, spec.kinds)
        n = len(ids)
        title = plain(self._setters[key].text())
        if key == "country":
            text = self.tr("The country of the %n selected entries:", None, n)
            hint = self.tr("Leave it empty to take their country away.")
        else:
            text = self.tr("The organization the %n selected organizations are part of:", None, n)
            hint = self.tr("Leave it empty to make them part of none.")

        def target() -> int | None:
            value = picker.value()
            if not value:
                return None
            ref = self.window.lists.ref(value)
            if ref is None or ref.kind not in spec.kinds:
                raise _none_called(spec, value)
            return ref.id

        def run(progress: Progress, chosen: int | None) -> BulkChange:
            return self.bulk.set_field(ids, key, chosen, progress)

        self._ask(title, text, picker, hint, target, run, n)

    def trash(self) -> None:
        ids = self.entries.selected_entry_ids()
        if not ids or self.window.read_only:
            return
        first = min((top for top, _last in chosen_rows(self.entries.table.selectionModel())), default=-1)

        def done(change: BulkChange) -> None:
            if first >= 0:
                self.entries.select_row(first)  # the next entry, as Move to Trash does for one

        self._start(lambda progress: self.bulk.trash(ids, progress), len(ids), done)

    def export(self) -> None:
        from app.gui.import_export_dialogs import ExportDialog

        dialog = ExportDialog(self.window)
        if dialog.selected.isEnabled():
            dialog.selected.setChecked(True)
        dialog.open()

    # --- asking and running --------------------------------------------------------------------

    def _ask(
        self,
        title: str,
        text: str,
        field: QLineEdit,
        hint: str,
        value: Callable[[], Any],
        run: Callable[[Progress, Any], BulkChange],
        count: int,
    ) -> None:
        dialog = _AskDialog(self.window, title, text, field, hint)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def accepted() -> None:
            try:
                chosen = value()
            except _Refused as exc:
                QMessageBox.warning(self.window, title, str(exc))
                return
            self._start(lambda progress: run(progress, chosen), count)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def _start(
        self,
        work: Callable[[Progress], BulkChange],
        count: int,
        then: Callable[[BulkChange], None] = lambda _c: None,
    ) -> None:
        if count <= IN_BACKGROUND:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                change = work(NO_PROGRESS)
            except Explained as exc:
                self._failed(translated(exc.message))
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
            self._done(change)
            then(change)
            return

        def succeeded(change: BulkChange) -> None:
            self._done(change)
            then(change)

        self.background(work, self.tr("Changing %n entries…", None, count), succeeded, self._failed)

    def background(
        self,
        work: Callable[[Progress], Any],
        label: str,
        succeeded: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run `work` on a worker, the progress bar in the status bar saying `label`. Meanwhile
        the window answers, but the actions here, Undo and Redo wait: nothing may start on the
        entries before it ends (one transaction at a time on the service's connection). Merges
        that thousands of rows point at run here too (app/gui/duplicates_view.py)."""
        task = Task(work, parent=self)
        self._running = task
        self._hold(True)
        self._update()
        self.progress.setRange(0, 0)
        self.progress.setFormat(label)
        self.progress.show()
        task.progressed.connect(self._progressed)

        def finished() -> None:
            self._running = None
            self.progress.hide()
            self._hold(False)
            self._update()
            task.deleteLater()

        def ok(result: Any) -> None:
            finished()
            succeeded(result)

        def bad(message: str) -> None:
            finished()
            failed(message)

        task.succeeded.connect(ok)
        task.failed.connect(bad)
        task.cancelled.connect(finished)
        task.start()

    @property
    def running(self) -> bool:
        """An action, or its undo or redo, is being written on a worker."""
        return self._running is not None

    def _hold(self, held: bool) -> None:
        self.window.editing.hold(held)  # type: ignore[attr-defined]

    def run_step(self, step: _BulkStep, *, forward: bool) -> None:
        """Redo (`forward`) or undo a large step on a worker (background_steps.run_step)."""
        change, bulk = step.change, self.bulk

        def succeeded(_result: BulkChange) -> None:
            self._announce()
            done = self.tr("Redone: {step}") if forward else self.tr("Undone: {step}")
            self.window.statusBar().showMessage(done.format(step=_step_text(change)), 8000)

        n = change.count
        label = (
            self.tr("Redoing %n entries…", None, n) if forward else self.tr("Undoing %n entries…", None, n)
        )
        self.window.statusBar().showMessage(label)  # (the bar shows it once the work has begun)
        run_step(
            step,
            forward=forward,
            stack=self.window.editing.undo_stack,  # type: ignore[attr-defined]
            background=self.background,
            work=lambda progress: bulk.redo(change, progress) if forward else bulk.undo(change, progress),
            label=label,
            succeeded=succeeded,
            failed=self._failed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, change: BulkChange) -> None:
        if change.count == 0:
            self.window.statusBar().showMessage(
                self.tr("Nothing to change: they were that way already."), 5000
            )
            return
        text = _step_text(change)
        self.window.editing.undo_stack.push(_BulkStep(self, change, text))  # type: ignore[attr-defined]
        self._announce()
        self.window.statusBar().showMessage(
            self.tr("{step}. Undo (Ctrl+Z) takes it back.").format(step=text), 8000
        )

    def _announce(self) -> None:
        self.window.changes.announce_entries(set(), origin=self)

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self.window, self.tr("Nothing was changed"), message)


def _step_text(change: BulkChange) -> str:
    """What the action did, as the Edit menu's Undo names it: 'Add policy to 3 entries'."""
    return _StepWords().of(change)


class _StepWords(QObject):
    """lupdate finds a plural message only in a self.tr call, so the steps' names live here."""

    def of(self, change: BulkChange) -> str:
        from app.services.bulk import ADD_TAGS, REMOVE_TAGS, TRASH

        n = change.count
        tags = ", ".join(change.tags)
        if change.action == ADD_TAGS:
            return self.tr("Add {tags} to %n entries", None, n).format(tags=tags)
        if change.action == REMOVE_TAGS:
            return self.tr("Remove {tags} from %n entries", None, n).format(tags=tags)
        if change.action == TRASH:
            return self.tr("Move %n entries to the Trash", None, n)
        if change.column == "parent_id":
            return self.tr("Set the parent organization of %n entries", None, n)
        return self.tr("Set the country of %n entries", None, n)


class _BulkStep(WorkerStep):
    """An action on many entries on the undo stack. A step on more than `IN_BACKGROUND`
    entries is undone and redone on a worker, as the action was (BulkActions.run_step)."""

    def __init__(self, actions: BulkActions, change: BulkChange, text: str) -> None:
        bulk = actions.bulk
        super().__init__(
            text,
            lambda: bulk.redo(change),
            lambda: bulk.undo(change),
            errors=(EditingError,),
            failed=actions.window.editing.failed,  # type: ignore[attr-defined]
            applied=lambda _c: actions._announce(),
            large=change.count > IN_BACKGROUND,
            on_worker=lambda _step, forward: actions.run_step(self, forward=forward),
        )
        self.actions = actions
        self.change = change


class _Refused(Exception):
    """What was typed names nothing the action can use; the message says so."""


def _none_called(spec: FieldSpec, value: str) -> _Refused:
    kinds = " / ".join(kind_plural(k) for k in spec.kinds)
    return _Refused(
        translate("Bulk", "No entry among {kinds} is called “{value}”.").format(kinds=kinds, value=value)
    )
