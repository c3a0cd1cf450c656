"""The policy core stays pure: importing it pulls in neither Streamlit nor SQLAlchemy."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import smi_core

ROOT = Path(smi_core.__file__).resolve().parent.parent
FORBIDDEN = ("streamlit", "sqlalchemy")
CORE_MODULES = ["smi_core", *sorted(f"smi_core.{m.name}" for m in pkgutil.iter_modules(smi_core.__path__))]

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
forbidden = set(sys.argv[2:])
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in forbidden)))
"""


def modules_loaded_by_importing(module: str) -> list[str]:
    """The forbidden modules in ``sys.modules`` after importing ``module`` in a fresh interpreter."""
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, module, *FORBIDDEN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    loaded: list[str] = json.loads(completed.stdout)
    return loaded


def test_the_core_has_the_modules_this_test_expects() -> None:
    assert {"smi_core.eligibility", "smi_core.intake", "smi_core.timeline"} <= set(CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_importing_a_core_module_loads_neither_streamlit_nor_sqlalchemy(module: str) -> None:
    loaded = modules_loaded_by_importing(module)

    assert loaded == []


def test_the_probe_sees_a_forbidden_import() -> None:
    loaded = modules_loaded_by_importing("sqlalchemy")

    assert "sqlalchemy" in loaded
