"""The house rules of the layers, as a contract every test run checks.

The floors, each importing only the floors below it:

    app/gui, app/cli        the window and the command line (only app/gui imports Qt)
    app/services            queries and use cases
    app/io                  files in and out
    app/records             plain records and the [[link]] grammar
    app/db                  schema, connections, migrations
    base                    app/*.py: paths, clock, i18n, user_files, dates, quoting ...

Checked on the source (the AST), so an import inside a function counts as much as one at the
top of a file; app/__main__.py is the entry point above every floor. Within a floor, modules may
import each other, but never in a cycle (counted on the imports a module runs when it is loaded:
top-level ones outside `if TYPE_CHECKING:`; in app/gui, whose features once leaned on imports
deferred into functions to hold a cycle together, on those in functions too).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
QT = ("PySide6", "shiboken6", "pytestqt")

# Lower number, lower floor; a module may import its own floor and those below. gui and cli
# stand side by side: neither imports the other.
FLOORS = {"base": 0, "db": 1, "records": 2, "io": 3, "services": 4, "cli": 5, "gui": 5}
LAYERS = ("services", "io", "db", "gui", "cli", "records")
# Floors whose cycle rule counts the imports in functions too, not only those run on loading.
CYCLES_IN_FUNCTIONS_TOO = ("gui",)


def _module_name(path: Path, app: Path) -> str:
    rel = path.relative_to(app.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _is_module(name: str, app: Path) -> bool:
    base = app.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _names(node: ast.Import | ast.ImportFrom, app: Path) -> list[str]:
    """The modules an import statement loads: `from app import user_files` loads
    app.user_files, `from app.paths import real_path` loads app.paths."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not node.module or node.level:  # relative imports: the code base has none
        return []
    found = []
    for alias in node.names:
        sub = f"{node.module}.{alias.name}"
        found.append(sub if node.module.startswith("app") and _is_module(sub, app) else node.module)
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _loaded_on_import(
    body: list[ast.stmt], *, in_functions: bool = False
) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements that run when the module is loaded: at its top level, also under
    an `if` or `try` there, but not in functions or under `if TYPE_CHECKING:`. With
    `in_functions`, also those that run later, in functions and classes (still not those under
    `if TYPE_CHECKING:`, which never run)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                yield from _loaded_on_import(node.body, in_functions=in_functions)
            yield from _loaded_on_import(node.orelse, in_functions=in_functions)
        elif isinstance(node, ast.Try):
            for part in (node.body, node.orelse, node.finalbody, *[h.body for h in node.handlers]):
                yield from _loaded_on_import(part, in_functions=in_functions)
        elif in_functions:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    yield from _loaded_on_import([child], in_functions=True)
                elif isinstance(child, ast.excepthandler | ast.match_case):
                    yield from _loaded_on_import(child.body, in_functions=True)


def _imports(
    path: Path, app: Path = APP, *, on_load_only: bool = False, in_functions: bool = False
) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if on_load_only:
        nodes: list[ast.Import | ast.ImportFrom] = list(
            _loaded_on_import(tree.body, in_functions=in_functions)
        )
    else:  # every import, in functions and under `if TYPE_CHECKING:` too
        nodes = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    return [name for node in nodes for name in _names(node, app)]


def _floor(module: str, app: Path = APP) -> str | None:
    """The floor of a module of the application (None for __main__ and anything outside)."""
    parts = module.split(".")
    if parts[0] != "app" or module == "app.__main__":
        return None
    if len(parts) == 1 or (len(parts) == 2 and (app / f"{parts[1]}.py").is_file()):
        return "base"
    return parts[1] if parts[1] in FLOORS else None


def _sources(app: Path = APP) -> Iterator[tuple[str, Path]]:
    for path in sorted(app.rglob("*.py")):
        yield _module_name(path, app), path


def upward_imports(app: Path = APP) -> list[str]:
    """Every import of a module on a higher floor, or of the other of gui and cli."""
    found = []
    for module, path in _sources(app):
        here = _floor(module, app)
        if here is None:
            continue
        for name in _imports(path, app):
            there = _floor(name, app)
            if there is None or there == here:
                continue
            if FLOORS[there] >= FLOORS[here]:
                found.append(f"{path.relative_to(app.parent)} ({here}) imports {name} ({there})")
    return found


def foreign_imports_of_records(app: Path = APP) -> list[str]:
    """Imports in app/records of anything but the standard library, base and records."""
    found = []
    for module, path in _sources(app):
        if _floor(module, app) != "records":
            continue
        for name in _imports(path, app):
            top = name.split(".")[0]
            if top == "app" and _floor(name, app) in ("base", "records"):
                continue
            if top != "app" and top in sys.stdlib_module_names:
                continue
            found.append(f"{path.relative_to(app.parent)} imports {name}")
    return found


def import_cycles(
    layer: str, *, on_load_only: bool = True, in_functions: bool = False, app: Path = APP
) -> list[list[str]]:
    """The import cycles among the modules of one floor (app/<layer>, its sub-packages too),
    each as a path that ends where it began; one cycle for each knot of modules that import
    each other. `in_functions`: count the imports run in functions too."""
    paths = {module: path for module, path in _sources(app) if _floor(module, app) == layer}
    graph = {
        module: {
            n
            for n in _imports(path, app, on_load_only=on_load_only, in_functions=in_functions)
            if n in paths and n != module
        }
        for module, path in paths.items()
    }
    return sorted(_cycle_through(graph, knot) for knot in _knots(graph))


def _knots(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    knots: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            knot = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                knot.add(w)
                if w == v:
                    break
            if len(knot) > 1:
                knots.append(knot)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return knots


def _cycle_through(graph: dict[str, set[str]], knot: set[str]) -> list[str]:
    """A shortest way from the knot's first module back to itself, within the knot."""
    start = min(knot)
    paths = {start: [start]}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(graph[v] & knot):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                todo.append(w)
    raise AssertionError("a knot always holds a cycle")


# --- the rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize("floor", [f for f in FLOORS if f != "base"] + ["base"])
def test_a_floor_imports_nothing_above_it(floor: str) -> None:
    """io never imports services, db never imports services, io, gui or cli, services never the
    window or the command line ..., in functions too."""
    assert [o for o in upward_imports() if f" ({floor}) imports " in o] == []


def test_records_import_only_the_standard_library_and_the_base() -> None:
    assert foreign_imports_of_records() == []


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_cycles_within_a_floor(layer: str) -> None:
    assert import_cycles(layer, in_functions=layer in CYCLES_IN_FUNCTIONS_TOO) == []


def test_the_rules_see_each_kind_of_violation(tmp_path: Path) -> None:
    """The checks above find what they look for: a small tree that breaks every rule once."""
    files = {
        "__init__.py": "",
        "paths.py": "from app.services import x\n",  # base reaching up
        "db/__init__.py": "",
        "db/a.py": "def f() -> None:\n    from app.io import b\n",  # in a function, still counted
        "io/__init__.py": "",
        "io/b.py": "from app.services.x import thing\n",
        "records/__init__.py": "",
        "records/r.py": "import sqlite3\nimport yaml\nfrom app.paths import p\nfrom app.db import a\n",
        "services/__init__.py": "",
        "services/x.py": "from app.services import y\nfrom app.cli import c\n",
        "services/y.py": "import app.services.z\n",
        "services/z.py": "from typing import TYPE_CHECKING\nfrom app.services.x import thing\n",
        "cli/__init__.py": "",
        "cli/c.py": "from app.gui import w\n",
        "gui/__init__.py": "",
        "gui/w.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.gui import v\n",
        "gui/v.py": "def f() -> None:\n    from app.gui import w\n",
        "gui/t.py": "class T:\n    def f(self) -> None:\n        from app.gui import u\n",
        "gui/u.py": "def f() -> None:\n    if True:\n        import app.gui.t\n",
    }
    for name, text in files.items():
        (tmp_path / "app" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "app" / name).write_text(text, encoding="utf-8")
    app = tmp_path / "app"
    assert sorted(upward_imports(app)) == [
        "app/cli/c.py (cli) imports app.gui.w (gui)",
        "app/db/a.py (db) imports app.io.b (io)",
        "app/io/b.py (io) imports app.services.x (services)",
        "app/paths.py (base) imports app.services.x (services)",
        "app/services/x.py (services) imports app.cli.c (cli)",
    ]
    assert foreign_imports_of_records(app) == [
        "app/records/r.py imports yaml",
        "app/records/r.py imports app.db.a",
    ]
    assert import_cycles("services", app=app) == [
        ["app.services.x", "app.services.y", "app.services.z", "app.services.x"]
    ]
    # gui's knots are held by imports in functions (t, u) and by a function-level and a
    # TYPE_CHECKING import (v, w): neither is loaded in a cycle; t and u run in one later
    assert import_cycles("gui", app=app) == []
    assert import_cycles("gui", app=app, in_functions=True) == [["app.gui.t", "app.gui.u", "app.gui.t"]]
    assert import_cycles("gui", app=app, on_load_only=False) == [
        ["app.gui.t", "app.gui.u", "app.gui.t"],
        ["app.gui.v", "app.gui.w", "app.gui.v"],
    ]


# --- Qt and the start-up path --------------------------------------------------------------------


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


# --- the window and the command line hold a library ----------------------------------------------


def db_imports_from_the_top(app: Path = APP) -> list[str]:
    """Imports of app/db by the window or the command line, in functions too: they hold a
    Library (app/services/library.py) and ask it; what they need of the database (its error
    types, explanations) comes through the service that owns the concept."""
    found = []
    for module, path in _sources(app):
        if _floor(module, app) in ("gui", "cli"):
            found += [
                f"{path.relative_to(app.parent)} imports {name}"
                for name in dict.fromkeys(_imports(path, app))
                if _floor(name, app) == "db"
            ]
    return found


def test_gui_and_cli_never_import_db(tmp_path: Path) -> None:
    assert db_imports_from_the_top() == []
    files = {
        "db/__init__.py": "",
        "db/database.py": "",
        "gui/__init__.py": "",
        "gui/w.py": "def f() -> None:\n    from app.db.database import Database\n",  # in a function
        "cli/__init__.py": "",
        "cli/c.py": "from app import db\n",
    }
    for name, text in files.items():
        (tmp_path / "app" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "app" / name).write_text(text, encoding="utf-8")
    assert db_imports_from_the_top(tmp_path / "app") == [
        "app/cli/c.py imports app.db",
        "app/gui/w.py imports app.db.database",
    ]


def database_reaches(app: Path = APP) -> list[str]:
    """Uses of an attribute named `db` in the window or the command line. A Library's database
    (`library.db`) is its own business: widgets and commands ask the library (its services and
    use cases: `library.export_markdown(...)`, `library.saved_searches`, `library.about()`)."""
    found = []
    for module, path in _sources(app):
        if _floor(module, app) in ("gui", "cli"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += sorted(
                f"{path.relative_to(app.parent)}:{node.lineno} uses .db"
                for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and node.attr == "db"
            )
    return found


def test_gui_and_cli_never_reach_into_the_library_for_its_database(tmp_path: Path) -> None:
    assert database_reaches() == []
    files = {
        "gui/__init__.py": "",
        "gui/w.py": "def f(window):\n    return window.library.db\n",
        "gui/ok.py": "FILTER = '*.db'\ndb = None\nname = getattr(object(), 'db', None)\nself_db = 1\n",
        "cli/__init__.py": "",
        "cli/c.py": "def g(library):\n    x = 1\n    library.db.close()\n",
        "services/__init__.py": "",
        "services/s.py": "def h(library):\n    return library.db\n",  # the library's own floor may
    }
    for name, text in files.items():
        (tmp_path / "app" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "app" / name).write_text(text, encoding="utf-8")
    assert database_reaches(tmp_path / "app") == [
        "app/cli/c.py:3 uses .db",
        "app/gui/w.py:2 uses .db",
    ]
