"""The wheel must carry every package and the top-level resources/ and migrations/."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_app_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "app").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    resources = {
        ".".join(("app", *d.relative_to(ROOT).parts))
        for d in [ROOT / "resources", *(ROOT / "resources").rglob("*")]
        if d.is_dir() and "__pycache__" not in d.parts
    }
    on_disk |= resources
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    data = config["tool"]["setuptools"]["package-data"]
    assert resources <= set(data), f"add to [tool.setuptools.package-data]: {sorted(resources - set(data))}"
    assert {"app.resources", "app.migrations", "app.migrations.versions"} <= listed


def test_paths_find_bundled_files() -> None:
    from app import paths

    assert paths.dataset_file().is_file()
    assert paths.schema_file().is_file()
    assert (paths.migrations_dir() / "env.py").is_file()
