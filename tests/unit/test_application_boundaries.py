"""The application layer (services, persistence, documents, the composition root) stays free of the
screens: importing any module of ``smi_intake`` pulls in no Streamlit. The screens live in ``smi_web``."""

from __future__ import annotations

import pkgutil

import pytest

import smi_intake
from tests.unit.test_core_boundaries import modules_loaded_by_importing

APPLICATION_MODULES = [
    "smi_intake",
    *sorted(m.name for m in pkgutil.walk_packages(smi_intake.__path__, prefix="smi_intake.")),
]


def test_the_application_layer_has_the_modules_this_test_expects() -> None:
    assert {
        "smi_intake.composition",
        "smi_intake.cli",
        "smi_intake.services.casework",
        "smi_intake.db.uow",
        "smi_intake.receipt",
    } <= set(APPLICATION_MODULES)


@pytest.mark.parametrize("module", APPLICATION_MODULES)
def test_importing_an_application_module_loads_no_streamlit(module: str) -> None:
    loaded = modules_loaded_by_importing(module)

    assert [name for name in loaded if name.split(".")[0] == "streamlit"] == []


def test_the_probe_sees_streamlit_imported_by_a_screen_module() -> None:
    loaded = modules_loaded_by_importing("smi_web.services")

    assert "streamlit" in loaded
