"""Features plug into the main window here, each through one `install(window)` function in its
own module, so the window composes them rather than containing them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui import (
    about,
    backups,
    bibliography_import,
    bulk_actions,
    check_database,
    citing,
    duplicates_view,
    editing,
    import_export_dialogs,
    list_export,
    markdown_import_dialog,
    preference_pages,
    read_only,
    search_feature,
    source_files,
    table_import,
)
from app.gui.notes import feature as notes

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def install_features(window: MainWindow) -> None:
    """Called once at the end of MainWindow.__init__. Add one line per feature."""
    preference_pages.install(window)  # Preferences ▸ Appearance and Data
    editing.install(window)
    bulk_actions.install(window)  # Edit ▸ Selected Entries: tags, country, Trash on many (its undo)
    duplicates_view.install(window)  # Possible duplicates, Edit ▸ Merge… (after editing: its undo)
    source_files.install(window)  # Edit ▸ Source Text: paste, add from a file, open the file
    citing.install(window)  # Edit ▸ Cite… from a source's text (after editing: its undo stack)
    notes.install(window)  # the notes panel, the Notes and Tags views, notes in the Trash
    backups.install(window)  # File ▸ Back up now, Restore from backup…
    check_database.install(window)  # Help ▸ Check database
    read_only.install(window)  # the read-only banner (after backups: it offers their restore)
    search_feature.install(window)
    bibliography_import.install(window)  # File ▸ Import Bibliography… (before Import…, Export…)
    import_export_dialogs.install(window)  # File ▸ Import…, Export…
    table_import.install(window)  # File ▸ Import Table… (CSV, XLSX)
    markdown_import_dialog.install(window)  # File ▸ Import Markdown Folder… (Obsidian, Zettlr)
    list_export.install(window)  # File ▸ Export List to CSV…, and the list's context menu
    about.install(window)  # last: Help ▸ About closes the Help menu
