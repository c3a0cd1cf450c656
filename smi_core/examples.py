"""The example intake of ``intake-format.md``, verbatim: for documentation, tests and benchmarks."""

from __future__ import annotations

import copy
from typing import Any

_EXAMPLE_INTAKE: dict[str, Any] = {
    "postcode": "3341 AB",
    "registered_in_municipality": True,
    "parents": [
        {"name": "A. Jansen", "activity": "works"},
        {"name": "B. Jansen", "activity": "unable"},
    ],
    "children": [
        {
            "first_name": "Sam",
            "date_of_birth": "2023-04-02",
            "care_type": "kdv",
            "dagdelen_per_week": 4,
            "vve_indication": False,
        }
    ],
    "reasons": ["medical_physical"],
    "explanation": "Moeder herstelt van een operatie ...",
    "bottlenecks": ["Moeder mag 3 maanden niet tillen"],
    "medical_confirmation": "gp_consent",
    "mkd_requested": False,
    "network": {
        "analysis_done": True,
        "members": [{"relation": "grandparent", "can_help": "no", "why_not": "woont in Groningen"}],
    },
    "kinderopvangtoeslag": "no",
    "can_pay_partly": False,
    "cooperates_with_plan": True,
    "willing_to_evaluate": True,
    "requested_start": "2026-12-01",
}


def example_intake() -> dict[str, Any]:
    """A fresh copy of the example intake in the exchange format."""
    return copy.deepcopy(_EXAMPLE_INTAKE)
