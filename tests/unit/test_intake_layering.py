"""The services of the resident's and the agency's side reach rows only through repositories."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("accounts", "documents", "handover", "intake", "resume_codes")


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("service", SERVICES)
def test_an_intake_side_service_imports_neither_sqlalchemy_nor_the_cipher(service: str) -> None:
    imported = _imported(ROOT / "smi_intake" / "services" / f"{service}.py")

    assert not {name for name in imported if name.split(".")[0] == "sqlalchemy"}
    assert "smi_intake.crypto" not in imported
