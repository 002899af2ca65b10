"""Read-only mode reaches every feature that writes: nothing can be started that would write."""

from __future__ import annotations

from app.gui.main_window import MainWindow
from app.gui.notes.panel import NotesPanel


def test_read_only_disables_editing_and_note_writing(window: MainWindow) -> None:
    editing = window.editing  # type: ignore[attr-defined]
    panel = window.findChild(NotesPanel)
    assert panel is not None
    window.open_entry("chen-gang")
    assert editing.edit_action.isEnabled() and editing.new_action.isEnabled()
    assert panel.new_button.isEnabled() and not panel.editor.body.isReadOnly()

    window.library.db.make_read_only("the test says so")
    window.set_read_only(True)
    assert not editing.edit_action.isEnabled()
    assert not editing.new_action.isEnabled()
    assert not editing.delete_action.isEnabled()
    assert not editing.undo_action.isEnabled()
    assert not panel.new_button.isEnabled() and not panel.standalone_button.isEnabled()
    assert panel.editor.body.isReadOnly() and panel.editor.title.isReadOnly()
    window.open_entry("wang-changlin")  # browsing still works
    assert not editing.edit_action.isEnabled()
    assert "Wang Changlin" in window.detail_view.toPlainText()
