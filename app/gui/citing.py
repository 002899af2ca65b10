"""Edit ▸ Cite… (Ctrl+Shift+C, the toolbar, the reader's context menu and its button): the
passage selected in a source's text becomes a citation through the cite form
(app/gui/cite_form.py), one step on the window's undo stack.

The window stays on the source after citing: its highlights and "Cited for" are drawn again at
once, and Undo or Redo (Ctrl+Z / Ctrl+Shift+Z) takes the citation away or back there too.

Installed by app/gui/features.py; reachable as `window.citing`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle

from app.gui.i18n import translate

if TYPE_CHECKING:
    from app.gui.cite_form import CiteForm
    from app.gui.main_window import MainWindow
    from app.services.entry_forms import Change

SHORTCUT = "Ctrl+Shift+C"


def install(window: MainWindow) -> None:
    window.citing = Citing(window)  # type: ignore[attr-defined]


class _Outcome:
    """What an undo or redo of a citation tells the window: the entry and the source changed
    (so the source's page and reader show it), with no jump away from the source being read."""

    def __init__(self, citing: Citing, source_slug: str) -> None:
        self._citing = citing
        self._source = source_slug

    def applied(self, change: Change) -> None:
        self._citing.announce(change, self._source)

    def failed(self, message: str) -> None:
        self._citing.window.editing.failed(message)  # type: ignore[attr-defined]


class Citing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.form: CiteForm | None = None  # the open form, if any (tests and screenshots)
        icon = QIcon.fromTheme(
            "insert-link", window.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        )
        self.cite_action = QAction(icon, self.tr("&Cite…"), self)
        self.cite_action.setShortcut(QKeySequence(SHORTCUT))
        self.cite_action.setToolTip(
            self.tr("Cite the selected passage for an entry ({key})").format(key=SHORTCUT)
        )
        self.cite_action.triggered.connect(self.cite)
        window.addAction(self.cite_action)
        window.edit_menu.insertAction(window.edit_menu.actions()[-1], self.cite_action)
        window.toolbar.addAction(self.cite_action)
        reader = window.source_reader
        reader.set_cite_action(self.cite_action)
        reader.selection_changed.connect(lambda _has: self._update())
        window.read_only_changed.connect(lambda _ro: self._update())
        self._update()

    def _writable(self) -> bool:
        """Nothing is cited while the file is read-only, nor from a source in the Trash."""
        detail = self.window.detail_view.detail
        return not self.window.read_only and detail is not None and detail.deleted_at is None

    def _update(self) -> None:
        self.cite_action.setEnabled(self._writable() and self.window.source_reader.has_selection())

    def cite(self) -> CiteForm | None:
        """The cite form for the passage selected in the reader (None when nothing is)."""
        from app.gui.cite_form import CiteForm

        reader = self.window.source_reader
        reading, span = reader.reading, reader.selected_span()
        if not self._writable() or reading is None or span is None:
            return None
        form = CiteForm(
            reading,
            span,
            self.window.lists,
            self.window.details,
            lambda: self.window.library.editor,
            self.window,
        )
        source = reading.source.slug

        def done() -> None:
            self.form = None
            if form.cited is None:
                return
            self.push(form.cited.change, source)
            self.window.statusBar().showMessage(
                self.tr("Cited for “{name}”.").format(name=form.cited.entry.name), 5000
            )

        form.finished.connect(lambda _result: done())
        self.form = form
        form.open()
        return form

    def push(self, change: Change, source_slug: str) -> None:
        """Put a citation already written on the undo stack, and show it."""
        from app.gui.edit_commands import EntryCommand

        editor = self.window.library.editor
        before, after = change.before, change.after
        assert before is not None and after is not None
        command = EntryCommand(
            translate("Undo", "Cite for “{name}”").format(name=after.name),
            lambda: editor.apply(after),
            lambda: editor.apply(before),
            _Outcome(self, source_slug),
        )
        self.window.editing.undo_stack.push(command)  # type: ignore[attr-defined]
        self.announce(change, source_slug)

    def announce(self, change: Change, source_slug: str) -> None:
        self.window.changes.announce_entries(set(change.slugs) | {source_slug}, origin=self)
