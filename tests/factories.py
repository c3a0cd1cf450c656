"""Builders for test data: the intake of ``intake-format.md`` and variations on it.

Every builder starts from a valid, provisionally eligible request and changes
only what a test names, so a test shows just the data that matters to it.
Builders of parts (``child``, ``parent``, ``member``, ``network``) return the
exchange-format dicts; ``intake`` returns validated ``IntakeAnswers`` and
``intake_data`` the dict it is validated from.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from smi_core import IntakeAnswers, MunicipalityConfig, default_municipality
from smi_core.examples import example_intake

#: The day the checks in the unit tests are run ("today").
CHECK_DATE = date(2026, 11, 22)
#: The requested start of the example intake; ages count on this later date.
REQUESTED_START = date(2026, 12, 1)


def example_intake_data() -> dict[str, Any]:
    """The example of ``intake-format.md``, verbatim; a fresh copy on every call."""
    return example_intake()


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def child(**overrides: Any) -> dict[str, Any]:
    """A child in the exchange format: Sam, born 2 April 2023, 4 dagdelen of day care."""
    data: dict[str, Any] = {
        "first_name": "Sam",
        "date_of_birth": "2023-04-02",
        "care_type": "kdv",
        "dagdelen_per_week": 4,
        "vve_indication": False,
    }
    data.update({key: _iso(value) for key, value in overrides.items()})
    return data


def parent(**overrides: Any) -> dict[str, Any]:
    """A parent in the exchange format."""
    data: dict[str, Any] = {"name": "A. Jansen", "activity": "works"}
    data.update(overrides)
    return data


def member(can_help: str = "no", relation: str = "grandparent", **overrides: Any) -> dict[str, Any]:
    """A person in the network analysis."""
    data: dict[str, Any] = {"relation": relation, "can_help": can_help, "why_not": ""}
    data.update(overrides)
    return data


def network(*members: dict[str, Any], analysis_done: bool = True) -> dict[str, Any]:
    """A network analysis with the given members."""
    return {"analysis_done": analysis_done, "members": list(members)}


def intake_data(**overrides: Any) -> dict[str, Any]:
    """The example intake as a dict, with top-level fields replaced (dates may be ``date``)."""
    data = example_intake_data()
    data.update({key: _iso(value) for key, value in copy.deepcopy(overrides).items()})
    return data


def intake(*, today: date = CHECK_DATE, **overrides: Any) -> IntakeAnswers:
    """Validated ``IntakeAnswers``: the example intake with top-level fields replaced."""
    return IntakeAnswers.model_validate(intake_data(**overrides), context={"today": today})


def municipality(**overrides: Any) -> MunicipalityConfig:
    """The default municipality (Hendrik-Ido-Ambacht) with settings replaced, validated."""
    data = default_municipality().model_dump()
    data.update(overrides)
    return MunicipalityConfig.model_validate(data)
