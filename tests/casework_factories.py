"""Builders for what WIJzer records on a case (``smi_core.casework``), next to ``tests/factories.py``.

Every builder returns a valid record and changes only what a test names. The texts are
recognisable on purpose, so a test can look for them in stored bytes and logs.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from smi_core.casework import (
    ConversationPlan,
    ConversationRecord,
    IndicationForm,
    MeetingRole,
    OtherRoute,
    TeamDecision,
)

#: Texts a worker types, each unique, for looking them up in stored bytes and in logs.
PLACE = "Keukentafel Dorpsstraat 12"
REQUEST = "Opvang voor Sam op vier ochtenden"
SITUATION = "Moeder herstelt van een heupoperatie"
NETWORK = "Oma woont in Groningen en kan niet oppassen"
ALTERNATIVES = "Peuteropvang via de gemeente is vol"
JUDGEMENT = "SMI past het best: tijdelijk en medisch onderbouwd"
ROUTE = "Schuldhulpverlening"
ADVICE = "Neem contact op met de schuldhulp van WIJzer"
MESSAGE_TO_FAMILY = "Wij helpen u liever via een andere weg. Bel ons gerust."
REASONS = "Het team is het eens: de opvang is nodig tijdens het herstel"
WHY = "Vader werkt fulltime en moeder mag niet tillen"
BOTTLENECK = "Moeder mag drie maanden niet tillen"
AGREEMENT = "Na drie maanden evalueren met WIJzer"


def plan(**changes: Any) -> ConversationPlan:
    data: dict[str, Any] = {"on": date(2026, 11, 25), "at": time(10, 0), "place": PLACE}
    data.update(changes)
    return ConversationPlan.model_validate(data)


def conversation(**changes: Any) -> ConversationRecord:
    data: dict[str, Any] = {
        "held_on": date(2026, 11, 25),
        "request": REQUEST,
        "situation": SITUATION,
        "network": NETWORK,
        "alternatives": ALTERNATIVES,
        "smi_most_fitting": True,
        "judgement": JUDGEMENT,
    }
    data.update(changes)
    return ConversationRecord.model_validate(data)


def other_route(**changes: Any) -> OtherRoute:
    data: dict[str, Any] = {"route": ROUTE, "advice": ADVICE, "message_to_family": MESSAGE_TO_FAMILY}
    data.update(changes)
    return OtherRoute.model_validate(data)


def decision(**changes: Any) -> TeamDecision:
    data: dict[str, Any] = {
        "granted": True,
        "reasons": REASONS,
        "decided_on": date(2026, 11, 30),
        "roles_present": [MeetingRole.INDICATION_OFFICER, MeetingRole.SMI_COORDINATOR],
    }
    data.update(changes)
    return TeamDecision.model_validate(data)


def indication_form(**changes: Any) -> IndicationForm:
    data: dict[str, Any] = {
        "family_name": "Jansen",
        "why_childcare_needed": WHY,
        "bottlenecks": [BOTTLENECK],
        "network_analysis_done": True,
        "parents_can_pay": False,
        "period_months": 6,
        "dagdelen_per_week": 4,
        "provider": "Kinderopvang De Boomhut, Dorpsstraat",
        "tick_child_file": False,
        "agreements": [AGREEMENT],
        "other_remarks": "",
    }
    data.update(changes)
    return IndicationForm.model_validate(data)
