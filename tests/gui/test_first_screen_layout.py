"""The first screen at a laptop's size (issue #19): at 1280×760 on a 1366×768 screen the notes
panel starts closed until a note is opened, the officials' columns fit (Country without a
horizontal scroll bar), and the split note editor can take the centre of the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QTableView
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.notes.panel import NotesPanel

_LAPTOP = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QDockWidget
app = QApplication([])
from app.gui.host import Host

def settle():
    for _ in range(30):
        app.processEvents()

def columns(window):
    table = window.entry_list.table
    header = table.horizontalHeader()
    last = header.count() - 1
    return {
        "scroll": table.horizontalScrollBar().maximum(),
        "right": header.sectionViewportPosition(last) + header.sectionSize(last),
        "room": table.viewport().width(),
        "country": header.model().headerData(last, header.orientation()),
        "least": min(header.sectionSize(c) for c in range(header.count())),
    }

host = Host()
host.start(Path(sys.argv[1]))
window = host.window
settle()
dock = window.findChild(QDockWidget, "notesDock")
report = {"window": [window.width(), window.height()], "dock_at_start": dock.isVisible()}
report["start"] = columns(window)
panel = window.notes_panel
window.open_entry("boviengkham-vongdara")
panel.show_note(panel.model.note_id_at(0))
settle()
report["dock_with_note"] = dock.isVisible()
report["with_note"] = columns(window)
report["halves"] = [panel.editor.body.width(), panel.editor.preview.width()]
panel.wide.set_wide(True)
settle()
report["wide_halves"] = [panel.editor.body.width(), panel.editor.preview.width()]
report["wide_hides"] = [not window.list_stack.isVisible(), not window.detail_view.isVisible()]
panel.wide.set_wide(False)
settle()
report["back"] = [window.list_stack.isVisible(), window.detail_view.isVisible(), dock.isVisible()]
window.close()
host.release()
print(json.dumps(report))
"""


def test_the_first_screen_at_1366_by_768(tmp_path: Path, seeded_path: Path) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", _LAPTOP, str(seeded_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["window"] == [1280, 728]
    assert report["dock_at_start"] is False  # "No note open" takes no third of the window
    for moment in ("start", "with_note"):
        columns = report[moment]
        assert columns["country"] == "Country"
        assert columns["scroll"] == 0, f"{moment}: a horizontal scroll bar"
        assert columns["right"] <= columns["room"], f"{moment}: Country is cut off"
        assert columns["least"] >= 40, f"{moment}: a column squeezed to nothing"
    assert report["dock_with_note"] is True  # opening a note opens the panel
    assert min(report["wide_halves"]) >= 400, report["wide_halves"]  # each half has room for a line
    assert min(report["wide_halves"]) > 1.5 * min(report["halves"])
    assert report["wide_hides"] == [True, True]
    assert report["back"] == [True, True, True]


def _overflows(table: QTableView) -> bool:
    header = table.horizontalHeader()
    last = header.count() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    return table.horizontalScrollBar().maximum() > 0 or right > table.viewport().width()


def test_the_columns_follow_the_pane_unless_sized_by_hand(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 728)
    dock = window.findChild(QDockWidget, "notesDock")
    assert dock is not None
    dock.hide()
    qtbot.waitUntil(lambda: window.entry_list.table.width() > 400)
    table = window.entry_list.table
    qtbot.waitUntil(lambda: not _overflows(table), timeout=1000)
    window.splitter.setSizes([180, 300, 800])  # the pane narrows (the notes panel opened)
    qtbot.waitUntil(lambda: table.width() < 320)
    qtbot.waitUntil(lambda: not _overflows(table), timeout=1000)  # (the scroll bar follows the layout)
    assert table.columnWidth(3) >= 40

    table.horizontalHeader().resizeSection(1, 200)  # the researcher drags a column wider
    window.splitter.setSizes([180, 500, 600])
    qtbot.waitUntil(lambda: table.width() > 450)
    assert table.columnWidth(1) == 200  # kept as they left it


def test_the_editor_takes_the_centre_and_gives_it_back(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 728)
    panel = window.findChild(NotesPanel)
    assert panel is not None and panel.wide is not None
    dock = window.findChild(QDockWidget, "notesDock")
    assert dock is not None
    window.open_entry("boviengkham-vongdara")
    panel.show_note(panel.model.note_id_at(0) or 0)
    qtbot.waitUntil(dock.isVisible)
    narrow = panel.editor.body.width()
    panel.wide.action.trigger()  # Notes ▸ Write in the Centre
    qtbot.waitUntil(lambda: panel.editor.body.width() > 1.5 * narrow)
    assert not window.list_stack.isVisible() and not window.detail_view.isVisible()
    assert panel.editor.body.hasFocus() or panel.editor.body.isVisible()

    window.open_entry("laos")  # an entry opened (search, a link): the page comes back to read it
    assert window.detail_view.isVisible() and window.list_stack.isVisible()
    assert not panel.wide.wide

    panel.wide.set_wide(True)
    dock.close()  # no panel, no centre: the list and the page come back
    assert window.list_stack.isVisible() and window.detail_view.isVisible()
    assert not panel.wide.wide
    assert panel.editor.findChild(type(panel.wide.button), "view-centre") is panel.wide.button
    assert panel.wide.button.text() == "Wide"
    assert panel.wide.action.shortcut().toString() == "Ctrl+Shift+M"
