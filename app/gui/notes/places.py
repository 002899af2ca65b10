"""The notes' places in the window, made before its first paint: their section in the sidebar
and their menu. The notes feature itself (its panel, views and actions) is installed once the
window has been painted (app/gui/features.py) and fills these in, so nothing moves then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui.i18n import translate

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

SECTION = "work"
NOTES_ITEM = "notes"
TAGS_ITEM = "tags"


def reserve(window: MainWindow) -> None:
    """The sidebar's "Your work" with Notes and Tags, and the Notes menu before Help (its
    actions come with the notes panel: app/gui/notes/panel.py)."""
    window.sidebar.add_section(SECTION, translate("NotesFeature", "Your work"))
    window.sidebar.add_item(SECTION, NOTES_ITEM, translate("NotesFeature", "Notes"))
    window.sidebar.add_item(SECTION, TAGS_ITEM, translate("NotesFeature", "Tags"))
    menu = window.menuBar().addMenu(translate("NotesPanel", "&Notes"))
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    window.notes_menu = menu  # type: ignore[attr-defined]  # filled by the notes panel
