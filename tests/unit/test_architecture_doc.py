"""docs/architecture.md draws the SMI route: the drawing shows every step that changes the status."""

from __future__ import annotations

import re
from pathlib import Path

from smi_core.case.route import SMI_ROUTE

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
ARROW = re.compile(r"^\s*(\w+) --> (\w+): (\w+)\s*$", re.M)


def drawn_steps() -> set[tuple[str, str, str]]:
    return {(m[1], m[2], m[3]) for m in ARROW.finditer(DOC.read_text(encoding="utf-8"))}


def route_steps() -> set[tuple[str, str, str]]:
    return {
        (source.value, target.value, action.value)
        for action, (sources, target) in SMI_ROUTE.items()
        if target is not None
        for source in sources
    }


def test_the_state_diagram_shows_exactly_the_status_changing_steps_of_the_smi_route() -> None:
    assert drawn_steps() == route_steps()


def test_the_diagram_reader_sees_an_arrow() -> None:
    assert ("new", "in_triage", "take") in drawn_steps()
