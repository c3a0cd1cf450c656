"""Builders for a Wmo case along route T: the melding and what the access worker records.

Every builder returns a valid record (against the example catalogue) and changes only what a test
names. The texts are recognisable on purpose, so a test can look for them in stored bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from smi_core.istandaarden.codes import Eenheid, Frequentie, Geslacht
from smi_core.wmo.casework import (
    Beschikking,
    InvestigationReport,
    ProvisionChoice,
    WmoClient,
    WmoSupportPlan,
)
from smi_core.wmo.catalogue import EXAMPLE_CATALOGUE_FILE, Catalogue, load_catalogue
from smi_core.wmo.melding import LifeArea, OwnSolution, WmoMelding

#: A test BSN that passes the elfproef.
BSN = "999900006"
SURNAME = "Vermeulen-Wmotest"
NEED = "Ik kan sinds mijn beroerte de administratie niet meer zelf doen"
RESULT = "Mevrouw houdt haar post en rekeningen zelf bij, met steun"
MOTIVATION = "Eigen kracht en netwerk schieten tekort, zoals het onderzoek laat zien"
CLAUSE = "Bezwaar binnen 6 weken bij het college van de gemeente"

MELDING_DAY = date(2026, 11, 2)
MELDING_DAY_AT = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)
#: A product of the example catalogue, and the provider contracted for it (by its segment 2a).
PRODUCT = "02A01"
CONTRACTED = "99990002"
NOT_CONTRACTED = "99990001"


def catalogue() -> Catalogue:
    return load_catalogue(EXAMPLE_CATALOGUE_FILE)


def melding(**changes: Any) -> WmoMelding:
    data: dict[str, Any] = {
        "date_of_birth": date(1950, 3, 4),
        "postcode": "3341 AB",
        "registered_in_municipality": True,
        "needs": {LifeArea.SELF_RELIANCE: NEED},
        "own_possibilities": "Mijn dochter helpt soms",
        "network": "Buren zijn druk",
        "general_provisions_tried": "Formulierenhulp van de bibliotheek",
        "own_solution": OwnSolution.NO,
        "personal_plan": False,
        "wants_client_support": True,
    }
    data.update(changes)
    return WmoMelding(**data)


def client(**changes: Any) -> WmoClient:
    data: dict[str, Any] = {
        "bsn": BSN,
        "surname": SURNAME,
        "initials": "J",
        "gender": Geslacht.VROUWELIJK,
    }
    data.update(changes)
    return WmoClient(**data)


def report(held_on: date = MELDING_DAY + timedelta(days=10), **changes: Any) -> InvestigationReport:
    data: dict[str, Any] = {
        "held_on": held_on,
        "need": NEED,
        "own_possibilities": "Dochter komt eens per week",
        "network": "Klein netwerk",
        "general_provisions": "Formulierenhulp is niet genoeg",
        "maatwerk_needed": True,
        "account_sent_on": held_on + timedelta(days=3),
    }
    data.update(changes)
    return InvestigationReport(**data)


def plan(**changes: Any) -> WmoSupportPlan:
    data: dict[str, Any] = {"results": (RESULT,), "agreed_with_resident": True}
    data.update(changes)
    return WmoSupportPlan(**data)


def choice(
    provider: str = CONTRACTED, requested_on: date = MELDING_DAY + timedelta(days=20), **changes: Any
) -> ProvisionChoice:
    start = requested_on + timedelta(days=14)
    data: dict[str, Any] = {
        "product_code": PRODUCT,
        "category": "02",
        "product_name": "Begeleiding traject 2a",
        "volume": 1,
        "unit": Eenheid.STUKS_OUTPUT,
        "frequency": Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR,
        "requested_on": requested_on,
        "start": start,
        "end": start + timedelta(days=364),
        "provider_agb": provider,
        "evaluations": (start + timedelta(days=90), start + timedelta(days=300)),
    }
    data.update(changes)
    return ProvisionChoice(**data)


def beschikking(
    granted: bool = True, requested_on: date = MELDING_DAY + timedelta(days=20), **changes: Any
) -> Beschikking:
    data: dict[str, Any] = {
        "requested_on": requested_on,
        "decided_on": requested_on + timedelta(days=7),
        "granted": granted,
        "motivation": MOTIVATION,
        "objection_clause": CLAUSE,
    }
    data.update(changes)
    return Beschikking(**data)
