"""What the window remembers between launches: geometry, splitter positions and the last
entry opened (sort orders are kept by each list, app/gui/entry_list.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui.settings import settings

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/splitter"
LAST_ENTRY = "session/last_entry"
REOPEN_LAST_ENTRY = "preferences/reopen_last_entry"  # a preference (app/gui/preferences.py)


def restore_layout(window: MainWindow) -> None:
    stored = settings()
    geometry = stored.value(GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = stored.value(STATE)
    if state is not None:
        window.restoreState(state)
    splitter = stored.value(SPLITTER)
    if splitter is not None:
        window.splitter.restoreState(splitter)


def has_saved_layout() -> bool:
    """Has the window been laid out by the researcher before (closed at least once)?"""
    return settings().value(STATE) is not None


def last_entry() -> str | None:
    """The entry to open on start, if the researcher wants that and one was open."""
    stored = settings()
    if not stored.value(REOPEN_LAST_ENTRY, True, type=bool):
        return None
    slug = stored.value(LAST_ENTRY)
    return str(slug) if slug else None


def save(window: MainWindow) -> None:
    stored = settings()
    stored.setValue(GEOMETRY, window.saveGeometry())
    stored.setValue(STATE, window.saveState())
    stored.setValue(SPLITTER, window.splitter.saveState())
    detail = window.detail_view.detail
    if detail is not None and detail.deleted_at is None:
        stored.setValue(LAST_ENTRY, detail.ref.slug)
    else:
        stored.remove(LAST_ENTRY)
    stored.sync()
