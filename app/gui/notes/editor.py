"""The note editor: a title, tags, the Markdown text with light highlighting and a live preview,
and autosave.

Autosave: the text is saved a moment after the last keystroke (autosave.DELAY_MS) and at once
on every way out: the field losing focus, opening another note, closing the note, the window
closing (the notes panel asks), the application losing focus or quitting. Each of those first
commits what an input method is still composing. A failed save is shown under the text, the
text stays, and saving is retried on a timer; the note cannot be switched away from until its
text is stored.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui import name_script
from app.gui.detail_html import ENTRY_SCHEME
from app.gui.i18n import kind_singular, translated
from app.gui.notes.autosave import Autosaver
from app.gui.notes.fields import MarkdownEdit, TagEdit, TitleEdit
from app.gui.notes.highlighter import MarkdownHighlighter
from app.gui.notes.preview import NotePreview
from app.gui.notes.times import local_time
from app.gui.settings import settings
from app.records.entries import Ref
from app.records.notes import NoteDoc, SaveResult
from app.services.notes import NoteNotFound, Notes, note_title
from app.services.tags import BadTag, Tags, parse_tags
from app.services.writing import WriteFailed

PREVIEW_DELAY_MS = 250
VIEWS = ("write", "split", "preview")
_VIEW_KEY = "notes/view"


class NoteEditor(QWidget):
    saved = Signal(object)  # SaveResult of every save that wrote something
    tags_saved = Signal(int)  # note id
    link_activated = Signal(str)  # slug of an entry a link in the note points to
    missing_link_activated = Signal(str)  # a [[target]] that names no entry
    note_opened = Signal(int)  # note id; 0 when the editor was emptied

    def __init__(self, notes: Notes, tags: Tags, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes = notes
        self._tags = tags
        self._note: NoteDoc | None = None
        self._stored = ("", "")  # (title field, body) as last stored
        self._stored_tags: tuple[str, ...] = ()
        self._loading = False
        self._links: dict[str, Ref | None] = {}
        # Entries' names in the chosen script (EntryLists.names_by_slug), set by the panel.
        self.names: name_script.NamesBySlug | None = None

        self.header = QLabel(self)
        self.header.setAccessibleName(self.tr("Note on"))
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.linkActivated.connect(self._header_link)
        self.title = TitleEdit(self)
        self.title.setAccessibleName(self.tr("Title"))
        self.tags = TagEdit(self)
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas (policy/ethics nests under policy)"))
        self.body = MarkdownEdit(self)
        self.body.setAccessibleName(self.tr("Note text"))
        self.body.setPlaceholderText(self.tr("Write in Markdown. Type [[ to link an entry."))
        self.body.set_link_choices(self._link_choices)
        self.preview = NotePreview(self)
        self.highlighter = MarkdownHighlighter(self.body.document(), self.body.palette(), self._link_state)

        self.view_buttons = QButtonGroup(self)
        self._view_row = view_row = QHBoxLayout()
        view_row.setSpacing(0)
        for n, (key, label, tip) in enumerate(
            (
                ("write", self.tr("Write"), self.tr("Only the text")),
                ("split", self.tr("Split"), self.tr("The text and its preview side by side")),
                ("preview", self.tr("Preview"), self.tr("Only the rendered note")),
            )
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setObjectName(f"view-{key}")
            self.view_buttons.addButton(button, n)
            view_row.addWidget(button)
        self.view_buttons.idClicked.connect(lambda n: self.set_view(VIEWS[n]))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)

        self.status_icon = QLabel(self)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Save status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addLayout(view_row)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.tags)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(status_row)

        self.autosave = Autosaver(self._save_now, self)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self._show_failure)
        self.autosave.recovered.connect(self._clear_failure)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self.body.textChanged.connect(self._edited)
        self.title.textEdited.connect(self._edited)
        self.tags.editingFinished.connect(self._save_tags)
        for field in (self.title, self.body, self.tags):
            field.focus_lost.connect(self.flush)
        self.preview.link_activated.connect(self.link_activated)
        self.preview.missing_link_activated.connect(self.missing_link_activated)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)
            app.aboutToQuit.connect(self.flush)

        self.set_view(str(settings().value(_VIEW_KEY, "split")))
        self._show_note(None)

    # --- what is open ----------------------------------------------------------------------

    @property
    def note(self) -> NoteDoc | None:
        return self._note

    @property
    def note_id(self) -> int | None:
        return self._note.id if self._note else None

    @property
    def is_dirty(self) -> bool:
        """The text differs from what is stored (including a failed save's text)."""
        return self._note is not None and self._current() != self._stored

    def add_view_button(self, button: QWidget) -> None:
        """One more button after Write / Split / Preview (the notes panel's "take the centre")."""
        self._view_row.addSpacing(4)
        self._view_row.addWidget(button)

    def open_note(self, note_id: int) -> bool:
        """Show a note, after storing the one open now. False (and nothing changes) when the open
        note's text could not be stored, or the note does not exist."""
        if self._note is not None and self._note.id == note_id:
            return True
        if not self.flush():
            return False
        try:
            doc = self._notes.get(note_id)
        except NoteNotFound as exc:
            self._show_failure(str(exc))
            return False
        self._show_note(doc)
        return True

    def close_note(self) -> bool:
        """Store the text and empty the editor. False (the note stays open) if it cannot be stored."""
        if not self.flush():
            return False
        self._show_note(None)
        return True

    def reload(self) -> None:
        """Show the stored state of the open note again if it was changed elsewhere (never over
        text not yet stored)."""
        if self._note is None or self.is_dirty:
            return
        try:
            doc = self._notes.get(self._note.id)
        except NoteNotFound:
            self._show_note(None)
            return
        if (self._title_field(doc), doc.body) == self._current() and doc.tags == self._stored_tags:
            self._note = doc  # nothing to show anew: keep the cursor and the undo history
            self._update_header()
        else:
            self._show_note(doc, keep_cursor=True)

    def set_read_only(self, read_only: bool) -> None:
        """Read-only database: the note can be read and previewed, not changed. Text typed before
        the switch stays in the editor (its save fails visibly and is retried)."""
        for field in (self.title, self.body, self.tags):
            field.setReadOnly(read_only)

    def flush(self) -> bool:
        """Store everything now, committing text an input method is composing first."""
        if self._note is None:
            return True
        for field in (self.title, self.body, self.tags):
            field.commit_preedit()
        stored = self.autosave.flush()
        return self._save_tags() and stored

    def restore_revision(self, revision_id: int) -> bool:
        """Make a revision the note's text. The edit is undoable in the editor (Ctrl+Z), and the
        replaced text is kept in the history either way."""
        if self._note is None or not self.flush():
            return False
        try:
            result = self._notes.restore_revision(self._note.id, revision_id)
            doc = self._notes.get(self._note.id)
        except (WriteFailed, LookupError) as exc:
            self._show_failure(translated(exc.reason) if isinstance(exc, WriteFailed) else str(exc))
            return False
        self._loading = True
        try:
            cursor = QTextCursor(self.body.document())
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(doc.body)
            cursor.endEditBlock()
            title = self._title_field(doc)
            if title != self.title.text():
                self.title.selectAll()
                self.title.insert(title)  # unlike setText, keeps the field's undo
        finally:
            self._loading = False
        self._note = doc
        self._stored = self._current()
        self._update_header()
        self.refresh_preview()
        if result.saved:
            self.saved.emit(result)
        return True

    # --- views ------------------------------------------------------------------------------

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            view = "split"
        self.view_buttons.button(VIEWS.index(view)).setChecked(True)
        self.body.setVisible(view != "preview")
        self.preview.setVisible(view != "write")
        settings().setValue(_VIEW_KEY, view)
        if view != "write":
            self.refresh_preview()

    @property
    def view(self) -> str:
        return VIEWS[max(self.view_buttons.checkedId(), 0)]

    def refresh_preview(self) -> None:
        """Resolve the note's links and render the preview (and mark unresolved links in the text)."""
        self._preview_timer.stop()
        if self._note is None:
            return
        body = self.body.toPlainText()
        links = self._notes.links_in(body)
        if links != self._links:
            self._links = links
            self.highlighter.rehighlight()
        if not self.preview.isHidden():
            self.preview.show_markdown(body, links)

    def entries_changed(self) -> None:
        """Entries were written: the note's links may name other entries now."""
        self._links = {}
        if self._note is not None:
            self._update_header()  # (its entry's name, or the script names are shown in, changed)
            self.refresh_preview()

    def _link_choices(self, typed: str) -> list[tuple[str, str, str]]:
        """For [[completion: the entries' names and other names holding `typed`, each entry
        named in the chosen script (Preferences); what is inserted stays as written."""
        out = []
        choices = self._notes.link_choices(typed)
        names = name_script.names_of(self.names, (c.slug for c in choices))
        for c in choices:
            kind = kind_singular(c.kind)
            name = names.get(c.slug, c.name)
            shown = f"{c.text}  —  {name} ({kind})" if c.text != name else f"{name} ({kind})"
            tip = self.tr("[[{text}]] links to {name}").format(text=c.text, name=c.name)
            out.append((shown, c.text, tip))
        return out

    # --- inside -----------------------------------------------------------------------------

    def _current(self) -> tuple[str, str]:
        return self.title.text().strip(), self.body.toPlainText()

    @staticmethod
    def _title_field(doc: NoteDoc) -> str:
        """Empty when the title is the body's first line (it then follows the text)."""
        return "" if doc.title == note_title(None, doc.body) else doc.title

    def _show_note(self, doc: NoteDoc | None, *, keep_cursor: bool = False) -> None:
        self.autosave.stop()
        self._clear_failure()
        position = self.body.textCursor().position()
        self._loading = True
        try:
            self._note = doc
            self.title.setText(self._title_field(doc) if doc else "")
            self.body.setPlainText(doc.body if doc else "")
            self.tags.setText(", ".join(doc.tags) if doc else "")
            if keep_cursor:
                cursor = self.body.textCursor()
                cursor.setPosition(min(position, len(self.body.toPlainText())))
                self.body.setTextCursor(cursor)
        finally:
            self._loading = False
        self._stored = self._current()
        self._stored_tags = doc.tags if doc else ()
        for w in (self.title, self.tags, self.body, self.preview):
            w.setEnabled(doc is not None)
        self._update_header()
        self._update_title_hint()
        if doc is not None:
            self.tags.set_tag_names(list(self._tags.names()))
            self.refresh_preview()
            self.status.setText(self.tr("Saved {time}").format(time=local_time(doc.updated_at, seconds=True)))
        else:
            self.preview.show_markdown("", {})
            self.status.setText(self.tr("No note open."))
        self.note_opened.emit(doc.id if doc else 0)

    def _update_header(self) -> None:
        doc = self._note
        if doc is None:
            self.header.setText("")
            return
        if doc.entry is not None:
            name = name_script.names_of(self.names, [doc.entry.slug]).get(doc.entry.slug, doc.entry.name)
            link = f'<a href="{ENTRY_SCHEME}:{escape(doc.entry.slug)}">{escape(name)}</a>'
            on = self.tr("On {entry} ({kind})").format(entry=link, kind=escape(kind_singular(doc.entry.kind)))
        else:
            on = self.tr("Standalone note")
        created = self.tr("created {time}").format(time=escape(local_time(doc.created_at)))
        self.header.setText(f"{on} · <small>{created}</small>")

    def _update_title_hint(self) -> None:
        first = note_title(None, self.body.toPlainText())
        self.title.setPlaceholderText(
            self.tr("Title: {first}").format(first=first)
            if first
            else self.tr("Title (the first line, if left empty)")
        )

    def _header_link(self, link: str) -> None:
        if link.startswith(f"{ENTRY_SCHEME}:"):
            self.link_activated.emit(link.split(":", 1)[1])

    def _edited(self) -> None:
        if self._loading or self._note is None:
            return
        self.autosave.changed()
        self._preview_timer.start()
        self._update_title_hint()

    def _save_now(self) -> SaveResult | None:
        if self._note is None:
            return None
        title, body = self._current()
        if (title, body) == self._stored:
            return None
        result = self._notes.save(self._note.id, body, title or None)
        self._stored = (title, body)
        return result

    def _saved(self, result: SaveResult) -> None:
        if self._note is not None and result.note_id == self._note.id:
            self._note = replace(self._note, title=result.title, updated_at=result.updated_at)
            self.status.setText(
                self.tr("Saved {time}").format(time=local_time(result.updated_at, seconds=True))
            )
        self.saved.emit(result)

    def _save_tags(self) -> bool:
        if self._note is None:
            return True
        try:
            wanted = parse_tags(self.tags.text())
        except BadTag as exc:
            self._show_failure(self.tr("Tags not saved: {reason}").format(reason=translated(exc.message)))
            return True  # nothing to retry until the tags are corrected; the text is stored
        if wanted == self._stored_tags:
            return True
        try:
            stored = self._notes.set_tags(self._note.id, wanted)
        except WriteFailed as exc:
            self._show_failure(self.tr("Tags not saved: {reason}").format(reason=translated(exc.reason)))
            return False
        except NoteNotFound as exc:
            self._show_failure(str(exc))
            return False
        self._stored_tags = stored
        if not self.tags.hasFocus():
            self.tags.setText(", ".join(stored))
        self.tags.set_tag_names(list(self._tags.names()))
        self.tags_saved.emit(self._note.id)
        return True

    def _show_failure(self, reason: str) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        size = self.status.fontMetrics().height()
        self.status_icon.setPixmap(icon.pixmap(size, size))
        self.status_icon.show()
        text = self.tr("<b>Not saved.</b> {reason}").format(reason=escape(reason))
        if self.autosave.retrying:
            text += " " + self.tr("Your text is kept here; saving is retried every few seconds.")
        self.status.setText(text)

    def _clear_failure(self) -> None:
        self.status_icon.clear()
        self.status_icon.hide()

    def _link_state(self, target: str) -> bool | None:
        if target not in self._links:
            return None
        return self._links[target] is not None

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.flush()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.body.palette())
