"""What changed in the library, broadcast to every open view (lists, details, sidebar counts).

Whoever writes (an edit, an import, a restore) calls `changes.announce(...)` after the
transaction commits; views refresh what they show. Services stay Qt-free: they return what
changed, and the GUI announces it here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    # slugs of entries that changed (empty set: anything may have changed, refresh everything)
    entries_changed = Signal(object)
    notes_changed = Signal(object)  # ids of notes that changed (empty set: all)
    # slugs of entries whose notes or mentions in notes changed, the entries themselves not:
    # what their detail pages show, not what any list of entries shows
    entry_notes_changed = Signal(object)

    def announce_entries(self, slugs: set[str] | None = None) -> None:
        self.entries_changed.emit(set(slugs or ()))

    def announce_entry_notes(self, slugs: set[str]) -> None:
        if slugs:
            self.entry_notes_changed.emit(set(slugs))

    def announce_notes(self, note_ids: set[int] | None = None) -> None:
        self.notes_changed.emit(set(note_ids or ()))
