"""Features plug into the main window here, each through one `install(window)` function in its
own module, so the window composes them rather than containing them.

Two moments: `install_features` before the window is first painted (what the first paint shows
and what other features build on), `install_after_paint` once it has been painted, for features
that show nothing in it (menu items, the notes panel, which starts closed): their modules (and
the dialogs and models they import) do not hold up the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui import (
    backups,
    bulk_actions,
    check_database,
    citing,
    duplicates_view,
    editing,
    preference_pages,
    read_only,
    search_feature,
    source_files,
)
from app.gui.graph import feature as graph
from app.gui.notes import places as notes_places
from app.gui.timeline import feature as timeline

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def install_features(window: MainWindow) -> None:
    """Called once at the end of MainWindow.__init__. Add one line per feature that shows in
    the first paint (a place in the sidebar, a tool, a panel) or that others build on."""
    preference_pages.install(window)  # Preferences ▸ Appearance and Data
    editing.install(window)
    bulk_actions.install(window)  # Edit ▸ Selected Entries: tags, country, Trash on many (its undo)
    duplicates_view.install(window)  # Possible duplicates, Edit ▸ Merge… (after editing: its undo)
    source_files.install(window)  # Edit ▸ Source Text: paste, add from a file, open the file
    citing.install(window)  # Edit ▸ Cite… from a source's text (after editing: its undo stack)
    notes_places.reserve(window)  # Your work ▸ Notes, Tags and the Notes menu, filled once painted
    backups.install(window)  # File ▸ Back up now, Restore from backup…
    check_database.install(window)  # Help ▸ Check database
    read_only.install(window)  # the read-only banner (after backups: it offers their restore)
    search_feature.install(window)
    timeline.install(window)  # the Timeline place, View ▸ Timeline (Ctrl+Shift+L)
    graph.install(window)  # the Graph place, View ▸ Graph (Ctrl+Shift+G)


def install_after_paint(window: MainWindow) -> None:
    """Called once, by MainWindow.finish (after the first paint, or at once), all in one turn
    of the event loop: no one sees a menu half built. Add one line per feature that shows
    nothing in the first paint: menu items (and actions of a context menu, after those above),
    a panel that starts closed in a place kept for it."""
    from app.gui import (
        about,
        bibliography_import,
        import_export_dialogs,
        list_export,
        markdown_import_dialog,
        printing,
        table_import,
    )
    from app.gui.notes import feature as notes

    notes.install(window)  # the notes panel (closed at start), the Notes and Tags views, the Trash's notes
    bibliography_import.install(window)  # File ▸ Import Bibliography… (before Import…, Export…)
    import_export_dialogs.install(window)  # File ▸ Import…, Export…
    table_import.install(window)  # File ▸ Import Table… (CSV, XLSX)
    markdown_import_dialog.install(window)  # File ▸ Import Markdown Folder… (Obsidian, Zettlr)
    list_export.install(window)  # File ▸ Export List to CSV…, and the list's context menu
    printing.install(window)  # File ▸ Print… (Ctrl+P), Save as PDF…
    about.install(window)  # last: Help ▸ About closes the Help menu
