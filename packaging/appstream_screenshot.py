"""Render the screenshot the AppStream metainfo shows: the main window on a new library with
one official open, 1280×720 (16:9, as software centres prefer), offscreen.

    python packaging/appstream_screenshot.py    # writes packaging/linux/screenshot-main-window.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "packaging" / "linux" / "screenshot-main-window.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        os.environ["ROUNDTABLE_HOME"] = home
        from PySide6.QtWidgets import QApplication

        from app.gui.launch import application
        from app.gui.main_window import MainWindow
        from app.paths import default_db_path
        from app.services.library import Library, open_library

        app = application()
        db = open_library(default_db_path())
        window = MainWindow(Library(db))
        window.resize(1280, 720)
        window.show()
        window.open_entry("chen-gang")
        window.statusBar().clearMessage()  # it shows the temporary database path
        QApplication.processEvents()
        ok = window.grab().save(str(TARGET))
        window.close()
        db.close()
        del app
    print(f"wrote {TARGET.relative_to(ROOT)}" if ok else f"could not write {TARGET}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
