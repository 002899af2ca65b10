"""The house rule: db, services, io and cli never import Qt; only app/gui does."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
QT = ("PySide6", "shiboken6", "pytestqt")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):  # includes imports inside functions
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


def test_no_qt_below_gui() -> None:
    offenders = []
    for path in APP.rglob("*.py"):
        rel = path.relative_to(APP)
        if rel.parts[0] == "gui" or rel.name == "__main__.py":
            continue
        offenders += [f"{rel}: {m}" for m in _imports(path) if m.split(".")[0] in QT]
        offenders += [f"{rel}: {m}" for m in _imports(path) if m.startswith("app.gui")]
    assert offenders == []


def test_main_imports_gui_only_when_opening_the_window() -> None:
    main = APP / "__main__.py"
    tree = ast.parse(main.read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [getattr(n, "module", None) or n.names[0].name for n in top_level]
    assert not [n for n in names if n and (n.split(".")[0] in QT or n.startswith("app.gui"))]


def test_command_line_runs_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from app.__main__ import main; "
        "rc = main(['list', 'countries', '--json']); "  # (a first command makes the default library)
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'; "
        "sys.exit(rc)"
    )
    env = {**os.environ, "ROUNDTABLE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr


def test_reading_a_current_database_needs_no_orm(tmp_path: Path) -> None:
    """The start-up path (open, first list page, detail) stays on plain sqlite3."""
    db = tmp_path / "data" / "roundtable.sqlite3"  # the default library, which a first command makes
    env = {**os.environ, "ROUNDTABLE_HOME": str(tmp_path)}
    subprocess.run(
        [sys.executable, "-m", "app", "check"], check=True, capture_output=True, timeout=120, env=env
    )
    code = (
        "import sys; from pathlib import Path; from app.services.library import open_library; "
        "from app.services.entries import EntryLists; from app.services.details import EntryDetails; "
        f"db = open_library(Path({str(db)!r})); EntryLists(db).page('person'); EntryDetails(db).get('chen-gang'); "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'yaml', 'jsonschema')]; "
        "assert not heavy, heavy"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
