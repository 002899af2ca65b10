"""Possible duplicates, a place in the sidebar: groups of live entries of one kind that share a
name or other name, an ISO code, or a source's web address or DOI (app/services/duplicates.py),
each with why; Merge… opens the merge dialog on the group chosen. Edit ▸ Merge… does the same
there, and on two or more entries of one kind chosen in a list.

Installed by app/gui/features.py (after editing: merges are steps of its undo stack).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.background_steps import WorkerStep, run_step
from app.gui.i18n import kind_plural, plain, translated
from app.gui.sidebar import LIBRARY
from app.i18n import Explained
from app.records.duplicates import (
    NAME_AND_OTHER_NAME,
    SAME_DOI,
    SAME_ISO,
    SAME_NAME,
    SAME_URL,
    DuplicateGroup,
)
from app.services.entry_forms import EditingError
from app.services.progress import Progress
from app.services.writing import WriteFailed

if TYPE_CHECKING:
    from app.gui.bulk_actions import BulkActions
    from app.gui.main_window import MainWindow
    from app.services.merge import Merge, Merger

DUPLICATES_ITEM = "duplicates"
# A merge that moves more rows than this (what the dialog counts: the others' facts, titles,
# citations… and the references from other entries) runs on a worker, and so do its undo and
# redo: 10,000 officials' titles pointing at a country took 40 s, 84 s to undo.
IN_BACKGROUND = 2_000
IDS_ROLE = Qt.ItemDataRole.UserRole + 1


def install(window: MainWindow) -> None:
    window.merging = Merging(window)  # type: ignore[attr-defined]


class DuplicatesView(QWidget):
    def __init__(self, merging: Merging, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._merging = merging
        self.setObjectName("duplicatesView")
        heading = QLabel(self.tr("Possible duplicates"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Possible duplicates"))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Why, and the entries"), self.tr("Kind")])
        self.tree.itemSelectionChanged.connect(self._chosen)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.merge_chosen())
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.merge_button.setAccessibleName(plain(self.merge_button.text()))
        self.merge_button.clicked.connect(self.merge_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.tree)
        self.groups: list[DuplicateGroup] = []
        self._stale = True
        self._update_button()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        """The library changed: read the groups again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        chosen = self.chosen_ids()
        self.groups = self._merging.window.library.duplicates()
        self.tree.clear()
        for group in self.groups:
            ids = [r.id for r in group.entries]
            item = QTreeWidgetItem([self.reason(group), kind_plural(group.kind)])
            item.setData(0, IDS_ROLE, ids)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for ref in group.entries:  # choosing one shows it beside
                child = QTreeWidgetItem([ref.name, ref.slug])
                child.setData(0, IDS_ROLE, ids)
                child.setData(1, IDS_ROLE, ref.slug)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            if ids == chosen:
                item.setSelected(True)
                self.tree.setCurrentItem(item)
        self.tree.resizeColumnToContents(0)
        self.explanation.setText(
            self.tr(
                "%n groups of entries that may be one and the same. Choose one and Merge… to join them.",
                None,
                len(self.groups),
            )
            if self.groups
            else self.tr("No entries share a name, an other name, an ISO code or a web address.")
        )
        self._update_button()

    def reason(self, group: DuplicateGroup) -> str:
        words = {
            SAME_NAME: self.tr("Same name: {value}"),
            NAME_AND_OTHER_NAME: self.tr("Name or other name: {value}"),
            SAME_ISO: self.tr("Same ISO code: {value}"),
            SAME_URL: self.tr("Same web address: {value}"),
            SAME_DOI: self.tr("Same DOI: {value}"),
        }
        return words.get(group.reason, "{value}").format(value=group.value)

    def chosen_ids(self) -> list[int]:
        items = self.tree.selectedItems()
        return list(items[0].data(0, IDS_ROLE)) if items else []

    def _chosen(self) -> None:
        self._update_button()
        self._merging.update_action()
        items = self.tree.selectedItems()
        slug = items[0].data(1, IDS_ROLE) if items else None
        if slug:
            self._merging.window.open_entry(slug, reveal=False)

    def _update_button(self) -> None:
        self.merge_button.setEnabled(bool(self.chosen_ids()) and not self._merging.window.read_only)

    def merge_chosen(self) -> None:
        ids = self.chosen_ids()
        if ids:
            self._merging.merge(ids)


class Merging(QObject):
    """The Possible duplicates place, Edit ▸ Merge…, and merges as steps of Undo."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._view: DuplicatesView | None = None
        window.sidebar.add_item(LIBRARY, DUPLICATES_ITEM, self.tr("Possible duplicates"), on_select=self.show)
        self.merge_action = QAction(self.tr("&Merge…"), window)
        self.merge_action.setStatusTip(self.tr("Join entries that are one and the same into one"))
        self.merge_action.triggered.connect(self.merge_chosen)
        actions = window.edit_menu.actions()
        delete = getattr(getattr(window, "editing", None), "delete_action", None)
        after = actions.index(delete) + 1 if delete in actions else len(actions)
        if after < len(actions):
            window.edit_menu.insertAction(actions[after], self.merge_action)
        else:
            window.edit_menu.addAction(self.merge_action)
        table = window.entry_list.table  # the list's context menu, beside Selected Entries' actions
        if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.merge_action)
        window.changes.entries_changed.connect(self._entries_changed)
        window.read_only_changed.connect(lambda _ro: self.update_action())
        window.list_stack.currentChanged.connect(lambda _i: self.update_action())
        selection = getattr(window.entry_list, "selection_changed", None)
        if selection is not None:
            selection.connect(self.update_action)
        self.update_action()

    @property
    def view(self) -> DuplicatesView:
        if self._view is None:
            self._view = DuplicatesView(self, self.window)
            self.window.add_list_page(self._view)
        return self._view

    @property
    def merger(self) -> Merger:
        return self.window.library.merger

    def show(self) -> None:
        self.window.show_list_page(self.view)
        self.update_action()

    def _entries_changed(self, _slugs: set[str], _origin: object | None = None) -> None:
        if self._view is not None:
            self._view.mark_stale()

    # --- what Edit ▸ Merge… acts on -------------------------------------------------------------

    def chosen_ids(self) -> list[int]:
        """The group chosen in Possible duplicates, when that is shown; else the entries chosen
        in the list (two or more), when the list can say so."""
        shown = self.window.list_stack.currentWidget()
        if self._view is not None and shown is self._view:
            return self._view.chosen_ids()
        if shown is self.window.entry_list:
            selected = getattr(self.window.entry_list, "selected_entry_ids", None)
            if callable(selected):
                ids = list(selected())
                return ids if len(ids) >= 2 else []
        return []

    def update_action(self) -> None:
        self.merge_action.setEnabled(
            not self.window.read_only and not self.running and bool(self.chosen_ids())
        )
        if self._view is not None:
            self._view._update_button()

    def merge_chosen(self) -> None:
        ids = self.chosen_ids()
        if ids:
            self.merge(ids)

    # --- merging --------------------------------------------------------------------------------

    def merge(self, ids: list[int]) -> bool:
        """Show the merge dialog for `ids`; merge as chosen. True when merged (or, a large merge, being
        merged on a worker)."""
        from app.gui.merge_dialog import MergeDialog
        from app.services.merge import merge_fields

        window = self.window
        try:
            candidates = self.merger.candidates(ids)
        except Explained as exc:
            QMessageBox.warning(window, self.tr("Cannot merge"), translated(exc.message))
            return False
        dialog = MergeDialog(candidates, merge_fields(candidates[0].ref.kind), window)
        self.dialog = dialog  # tests and screenshots reach it
        if dialog.exec() != MergeDialog.DialogCode.Accepted:
            return False
        ids, survivor, choices = dialog.ids(), dialog.survivor().ref.id, dialog.choices()
        kept = dialog.survivor()
        rows = sum(n for c in dialog.candidates if c is not kept for n in c.holds.values())
        if rows > IN_BACKGROUND and self._bulk() is not None:
            # A merge moves every row that refers to the entries merged: 10,000 officials' titles
            # pointing at a country take 40 s, which the window must not freeze for.
            self._background(
                self._own_writer(lambda merger: merger.merge(ids, survivor, choices)),
                self.tr("Merging into “{name}”…").format(name=kept.ref.name),
                lambda merge: self._merged(merge, large=True),
                lambda message: self._cannot(message),
            )
            return True
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                merge = self.merger.merge(ids, survivor, choices)
            finally:
                QApplication.restoreOverrideCursor()
        except Explained as exc:
            self._cannot(translated(exc.message))
            return False
        self._merged(merge, large=False)
        return True

    def _cannot(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Cannot merge"), message)

    def _merged(self, merge: Merge, *, large: bool) -> None:
        """The merge is made: it becomes one step of Undo, undone and redone on a worker when
        it was made on one."""
        editing = getattr(self.window, "editing", None)
        step = WorkerStep(
            self.tr("Merge into “{name}”").format(name=merge.survivor.name),
            lambda: self.merger.redo(merge),
            lambda: self.merger.undo(merge),
            errors=(EditingError, WriteFailed),
            failed=editing.failed if editing is not None else lambda _m: None,
            applied=self._applied,
            large=large,
            on_worker=lambda s, forward: self._run_step(s, merge, forward=forward),
        )
        if editing is not None:
            editing.undo_stack.push(step)
        self._applied(merge)

    def _bulk(self) -> BulkActions | None:
        """Bulk actions' worker, progress bar and hold on edits (app/gui/bulk_actions.py)."""
        return getattr(self.window, "bulk", None)

    @property
    def running(self) -> bool:
        bulk = self._bulk()
        return bulk is not None and bulk.running

    def _background(
        self,
        work: Callable[[Progress], Any],
        label: str,
        succeeded: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        bulk = self._bulk()
        assert bulk is not None

        def ok(result: Any) -> None:
            self.update_action()
            succeeded(result)

        def bad(message: str) -> None:
            self.update_action()
            failed(message)

        self.window.statusBar().showMessage(label)
        bulk.background(work, label, ok, bad)
        self.update_action()

    def _own_writer(self, work: Callable[[Merger], Merge]) -> Callable[[Progress], Merge]:
        """`work` as a worker runs it: on a Writer of its own (a connection belongs to its thread)."""
        library = self.window.library

        def run(_progress: Progress) -> Merge:
            with library.own_merger() as merger:
                return work(merger)

        return run

    def _run_step(self, step: WorkerStep, merge: Merge, *, forward: bool) -> None:
        """Undo or redo a large merge on a worker (background_steps.run_step)."""
        name = merge.survivor.name
        label = (
            self.tr("Redoing the merge into “{name}”…")
            if forward
            else self.tr("Undoing the merge into “{name}”…")
        ).format(name=name)

        def succeeded(done: Merge) -> None:
            self._applied(done)
            words = self.tr("Redone: {step}") if forward else self.tr("Undone: {step}")
            self.window.statusBar().showMessage(words.format(step=step.text()), 8000)

        def failed(message: str) -> None:
            self.window.statusBar().showMessage(message, 10000)
            QMessageBox.warning(self.window, self.tr("Nothing was changed"), message)

        run_step(
            step,
            forward=forward,
            stack=self.window.editing.undo_stack,  # type: ignore[attr-defined]
            background=self._background,
            work=self._own_writer(lambda merger: merger.redo(merge) if forward else merger.undo(merge)),
            label=label,
            succeeded=succeeded,
            failed=failed,
        )

    def _applied(self, merge: Merge) -> None:
        window = self.window
        window.changes.announce_entries(set(), origin=self)  # everything that referred to them
        window.changes.announce_notes(set(), origin=self)
        shown = window.list_stack.currentWidget()
        if self._view is not None and shown is self._view:
            self._view.refresh()
        window.open_entry(merge.survivor.slug, reveal=shown is window.entry_list)
