"""What changed in the library, broadcast to every open view (lists, details, sidebar counts).

Whoever writes (an edit, an import, a restore) calls `changes.announce(...)` after the
transaction commits; views refresh what they show. Services stay Qt-free: they return what
changed, and the GUI announces it here.

Every announcement carries its origin, the object that made the change (None: no view in
particular, such as an import), as Anki's operations report which view made them: a view
recognises the echo of its own change by `origin is self` and skips what it has already done,
with no flag to set and reset around the broadcast.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    # Each signal sends (what changed, origin).
    # slugs of entries that changed (empty set: anything may have changed, refresh everything)
    entries_changed = Signal(object, object)
    notes_changed = Signal(object, object)  # ids of notes that changed (empty set: all)
    # slugs of entries whose notes or mentions in notes changed, the entries themselves not:
    # what their detail pages show, not what any list of entries shows
    entry_notes_changed = Signal(object, object)

    def announce_entries(self, slugs: set[str] | None = None, *, origin: object | None = None) -> None:
        self.entries_changed.emit(set(slugs or ()), origin)

    def announce_entry_notes(self, slugs: set[str], *, origin: object | None = None) -> None:
        if slugs:
            self.entry_notes_changed.emit(set(slugs), origin)

    def announce_notes(self, note_ids: set[int] | None = None, *, origin: object | None = None) -> None:
        self.notes_changed.emit(set(note_ids or ()), origin)
