"""The way to the first paint: what start-up leaves for later, and what it spares."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QMenu
from pytestqt.qtbot import QtBot

import app
import app.gui.launch  # spares PySide's source reads, as the app does on start
from app.db.database import Database
from app.gui.first_paint import after_first_paint
from app.gui.host import Host, Outcome
from app.gui.main_window import MainWindow
from app.gui.sidebar import KEY_ROLE
from app.services.library import Library
from tests.gui.conftest import wait_finished

ROOT = Path(app.__file__).resolve().parent


def _uses_pyside(module: types.ModuleType) -> bool:
    from shibokensupport import feature  # type: ignore[import-not-found]

    return bool(feature._mod_uses_pyside(module))


def test_no_module_of_ours_switches_pyside_features() -> None:
    """Why our modules may be answered from their name (launch._spare_pyside_source_reads)."""
    users = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "__feature__" in path.read_text(encoding="utf-8") and path.name != "launch.py"
    ]
    assert users == []


def test_our_modules_are_not_read_to_learn_that_they_use_pyside(tmp_path: Path) -> None:
    # A file that is not there: PySide's own test reads it, fails, and says "not PySide".
    module = types.ModuleType("app.start_path_probe")
    module.__file__ = str(tmp_path / "nowhere.py")
    assert _uses_pyside(module)


def test_other_modules_get_pysides_own_answer(tmp_path: Path) -> None:
    using, plain = tmp_path / "using.py", tmp_path / "plain.py"
    using.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    plain.write_text("import os\n", encoding="utf-8")
    answers = []
    for path in (using, plain, tmp_path / "missing.py"):
        module = types.ModuleType(f"elsewhere_{path.stem}")
        module.__file__ = str(path)
        answers.append(_uses_pyside(module))
    assert answers == [True, False, False]


# Run as `python -c` in a new process, the way `python -m app` starts: at the first paint it
# prints the modules loaded so far, then waits for the window to finish before quitting.
_PROBE = """
import sys
import app.gui.smoke as smoke

def report(window):
    print("LOADED " + " ".join(sorted(sys.modules)), flush=True)
    smoke.QApplication.quit()

smoke._report = report
from app.__main__ import main
sys.argv = ["roundtable", "--db", sys.argv[1]]
sys.exit(main())
"""


def test_what_waits_for_the_first_paint_is_not_loaded_before_it(seeded_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROUNDTABLE_SMOKE_TEST": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(seeded_path)],
        cwd=ROOT.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    assert lines, done.stderr[-2000:]
    loaded = set(lines[0].split()[1:])
    # The single-instance server listens, and the recovery dialogs load, only when needed.
    assert {"PySide6.QtNetwork", "app.gui.recovery"} & loaded == set()


def _menus(window: MainWindow) -> list[tuple[str, list[str]]]:
    """Every menu of the window, and the list's context menu, as a user reads them."""
    menus: list[tuple[str, list[str]]] = []
    todo = [a.menu() for a in window.menuBar().actions()]
    while todo:
        menu = todo.pop(0)
        if isinstance(menu, QMenu):
            menus.append((menu.title(), [a.text() for a in menu.actions()]))
            todo += [a.menu() for a in menu.actions() if a.menu() is not None]
    return [*menus, ("list", [a.text() for a in window.entry_list.table.actions()])]


def test_the_menus_are_whole_one_turn_after_the_first_paint(qtbot: QtBot, seeded_db: Database) -> None:
    whole = MainWindow(Library(seeded_db))  # built at once, as tests and a window never shown are
    qtbot.addWidget(whole)
    window = MainWindow(Library(seeded_db), paint_first=True)
    qtbot.addWidget(window)
    assert not window.is_finished and _menus(window) != _menus(whole)
    painted: list[bool] = []
    after_first_paint(window, lambda: painted.append(window.is_finished))
    window.show()
    wait_finished(qtbot, window)
    assert painted == [False]  # painted before the menus' features were installed
    assert _menus(window) == _menus(whole)


def test_the_app_paints_its_window_first(qtbot: QtBot, hosts: list[Host], seeded_path: Path) -> None:
    host = Host()
    hosts.append(host)
    assert host.start(seeded_path) is Outcome.OPENED
    window = host.window
    assert window is not None and not window.is_finished
    with qtbot.waitSignal(window.finished, timeout=10_000):
        pass
    assert window.is_finished


def _places(window: MainWindow) -> list[tuple[object, object]]:
    """The sidebar's rows (their keys) and where each is drawn, and the menu bar's titles."""
    sidebar = window.sidebar
    places: list[tuple[object, object]] = []
    for i in range(sidebar.topLevelItemCount()):
        item = sidebar.topLevelItem(i)
        assert item is not None
        places.append((item.data(0, KEY_ROLE) or item.text(0), sidebar.visualItemRect(item).getRect()))
    bar = window.menuBar()
    places += [(a.text(), bar.actionGeometry(a).getRect()) for a in bar.actions()]
    return places


def test_the_notes_panel_is_built_after_the_paint_into_places_kept_for_it(
    qtbot: QtBot, seeded_db: Database
) -> None:
    window = MainWindow(Library(seeded_db), paint_first=True)
    qtbot.addWidget(window)
    seen: dict[str, object] = {}

    def at_paint() -> None:
        seen["panel"] = hasattr(window, "notes_panel")
        seen["places"] = _places(window)

    after_first_paint(window, at_paint)
    window.show()
    wait_finished(qtbot, window)
    assert seen["panel"] is False
    assert seen["places"] == _places(window)  # nothing moved: Your work ▸ Notes, Tags; Notes menu
    dock = window.findChild(QDockWidget, "notesDock")
    assert dock is not None and not dock.isVisible()  # closed, as a window the app opens starts
