"""Only the persistence package talks to the database: no other source module imports SQLAlchemy.

A scan of the source (not of what happens to be loaded), so a new module is covered without being
listed. The persistence package is ``smi_intake/db``; the migrations are Alembic's and belong to it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PERSISTENCE = ROOT / "smi_intake" / "db"
SOURCES = sorted(
    path
    for path in [
        ROOT / "app.py",
        *(ROOT / "pages").rglob("*.py"),
        *(ROOT / "smi_core").rglob("*.py"),
        *(ROOT / "smi_intake").rglob("*.py"),
        *(ROOT / "smi_web").rglob("*.py"),
    ]
    if PERSISTENCE not in path.parents
)


def imported_packages(path: Path) -> set[str]:
    """The top-level packages that ``path`` imports, anywhere in the module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_the_scan_covers_the_layers_above_the_persistence_package() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in SOURCES}

    assert {"app.py", "smi_core/__init__.py", "smi_intake/services/intake.py"} <= names
    assert not any(name.startswith("smi_intake/db/") for name in names)


def test_the_scan_sees_an_import_of_sqlalchemy(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from sqlalchemy.orm import Session\n", encoding="utf-8")

    assert "sqlalchemy" in imported_packages(module)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_outside_the_persistence_package_imports_sqlalchemy(path: Path) -> None:
    assert "sqlalchemy" not in imported_packages(path)
