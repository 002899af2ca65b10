"""The one place that opens the app's settings (an INI file in the config folder that
ROUNDTABLE_HOME can move, so tests never touch the real one)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.paths import settings_file


def settings() -> QSettings:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)
