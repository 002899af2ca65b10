"""The one place that opens the app's settings (an INI file in the config folder that
ROUNDTABLE_HOME can move, so tests never touch the real one).

Preferences live in the group `preferences`. Earlier builds kept them in a group called
`general`, which Qt's INI format reserves: it writes that group as `[%General]` and reads it
back as `General/…`, so every such preference was lost at the next start. `settings()` carries
what those versions wrote over to the new group, once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.paths import create_private_file, make_private_folder, settings_file

GROUP = "preferences"
_MANGLED = "General/"  # how Qt reads back a group that was written as `general`


def settings() -> QSettings:
    path = settings_file()
    make_private_folder(path.parent)
    create_private_file(path)  # QSettings would make it 0644: readable by every local user
    stored = QSettings(str(path), QSettings.Format.IniFormat)
    _carry_over(stored)
    return stored


def _carry_over(stored: QSettings) -> None:
    old = [key for key in stored.allKeys() if key.startswith(_MANGLED)]
    for key in old:
        new = f"{GROUP}/{key.removeprefix(_MANGLED)}"
        if not stored.contains(new):
            stored.setValue(new, stored.value(key))
        stored.remove(key)
