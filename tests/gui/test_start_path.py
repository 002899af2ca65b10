"""The way to the first paint: what start-up leaves for later, and what it spares."""

from __future__ import annotations

import types
from pathlib import Path

import app
import app.gui.launch  # spares PySide's source reads, as the app does on start

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
