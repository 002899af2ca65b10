"""`make screenshots`: PNGs of the main views, light and dark, in English and Chinese, into the git-ignored screenshots/.

Each kind's list with an entry open, the Trash, an edit form showing a validation error, and
the notes screens (editor and preview, revisions, backlinks: packaging/screenshots_notes.py).
Runs offscreen on a new database in a temporary ROUNDTABLE_HOME (the researcher's data and
settings are never touched), light and dark through the same switch as Preferences ▸ Appearance.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

ROOT = Path(__file__).resolve().parents[1]
SHOTS = (
    ("officials", "person", "boviengkham-vongdara"),
    ("countries", "country", "laos"),
    ("organizations", "organization", "ndrc"),
    ("initiatives", "initiative", "ca-ai-application-cooperation-center"),
    ("events", "event", "roundtable-2025"),
    ("sources", "source", "china-org-cn-2025-09-roundtable"),
)


def scheme(app: QApplication, dark: bool) -> None:
    """Light or dark whatever the platform says: Fusion, and the app's own theme switch (which
    falls back to a palette where the platform ignores the colour-scheme hint, as offscreen does)."""
    from app.gui import theme

    app.setStyle("Fusion")
    theme.apply(theme.DARK if dark else theme.LIGHT)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def take(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["ROUNDTABLE_HOME"] = home
        from app.gui import i18n
        from app.gui.launch import application
        from app.gui.main_window import MainWindow
        from app.services.library import Library, open_library

        app = application()
        db = open_library(Path(home) / "roundtable.sqlite3")
        try:
            # English light and dark, then the Simplified Chinese interface (light).
            for language, dark in ((i18n.ENGLISH, False), (i18n.ENGLISH, True), (i18n.CHINESE, False)):
                i18n.install(language.code)
                name_ = ("dark" if dark else "light") + (
                    "" if language is i18n.ENGLISH else f"-{language.code}"
                )
                scheme(app, dark)
                window = MainWindow(Library(db))
                window.resize(1440, 860)
                window.show()
                _settle(app)
                for n, (name, _kind, slug) in enumerate(SHOTS, 1):
                    window.open_entry(slug)
                    _settle(app)
                    _save(window, out / f"{name_}-{n}-{name}.png")
                editing = window.editing  # type: ignore[attr-defined]
                window.open_entry("chen-gang")
                editing.delete()
                window.sidebar.select("trash")
                editing.trash_view.list.select_first()
                _settle(app)
                _save(window, out / f"{name_}-7-trash.png")
                editing.undo_stack.undo()
                window.open_entry("wang-changlin")
                form = editing.edit_entry()
                form.resize(760, 820)
                _settle(app)
                role = form.role_rows[0]
                end = role.fields["end"]
                assert isinstance(end, QLineEdit)
                end.setText("2019-02-30")
                slug = form.slots["slug"].widget
                assert isinstance(slug, QLineEdit)
                slug.setText("Wang Changlin")
                form.submit()
                _settle(app)
                _save(form, out / f"{name_}-8-edit-form-error.png")
                form.reject()
                preferences = window.preferences.dialog()  # type: ignore[attr-defined]
                preferences.show()
                _settle(app)
                _save(preferences, out / f"{name_}-9-preferences.png")
                preferences.reject()
                timelines = window.timeline  # type: ignore[attr-defined]
                timelines.show()  # its lanes are read off the window's thread
                for _ in range(3000):
                    if timelines.view.canvas.lanes.ids:
                        break
                    time.sleep(0.01)
                    _settle(app)
                timelines.view.canvas.read_visible()
                _settle(app)
                for _ in range(200):  # a frame lays out a few names; the next ones the rest
                    if not timelines.view.canvas.text_left():
                        break
                    _settle(app)
                _save(window, out / f"{name_}-10-timeline.png")
                graphs = window.graph  # type: ignore[attr-defined]
                graphs.show()  # around the entry open, read and laid out off the window's thread
                for _ in range(3000):
                    if graphs.view.canvas.nodes:
                        break
                    time.sleep(0.01)
                    _settle(app)
                _settle(app)
                _save(window, out / f"{name_}-11-graph.png")
                window.close()
                window.deleteLater()
                _settle(app)
        finally:
            i18n.install(i18n.ENGLISH.code)
            db.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    take(out)
    sys.path.insert(0, str(Path(__file__).parent))
    import screenshots_notes

    screenshots_notes.main(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
