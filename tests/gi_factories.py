"""Builders for route G (a certified institution's bepaling jeugdhulp): fictional data only."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from smi_core.access import Role
from smi_core.accounts import Account
from smi_core.istandaarden.codes import Eenheid, Frequentie, Geslacht
from smi_core.jeugd.bepaling import Bepaling, Child, Measure, NotInTime, RegistrationForm

#: A test BSN that passes the elfproef.
BSN = "999900006"
OTHER_BSN = "999900018"
GI = "Jeugdbescherming Voorbeeld (test)"
OTHER_GI = "William Schrikker Voorbeeld (test)"
GI_AGB = "99990011"
FIRST_PROVIDER = "99990001"
SECOND_PROVIDER = "99990003"
DECIDED = date(2026, 12, 1)


def account(username: str, role: Role, organisation: str = "") -> Account:
    return Account(
        username=username, display_name=username, role=role, organisation=organisation, email="", active=True
    )


JEUGDBESCHERMER = account("j.bakker", Role.JEUGDBESCHERMER, GI)
OTHER_JEUGDBESCHERMER = account("o.smit", Role.JEUGDBESCHERMER, OTHER_GI)
FIRST = account("zorg-een", Role.PROVIDER, FIRST_PROVIDER)
SECOND = account("zorg-twee", Role.PROVIDER, SECOND_PROVIDER)


def child(**changes: Any) -> Child:
    values: dict[str, Any] = {
        "bsn": BSN,
        "surname": "Vries",
        "prefix": "de",
        "initials": "S",
        "given_name": "Sam",
        "gender": Geslacht.MANNELIJK,
        "date_of_birth": date(2014, 5, 3),
    }
    return Child(**(values | changes))


def registration(**changes: Any) -> RegistrationForm:
    values: dict[str, Any] = {
        "reason": "Ondertoezichtstelling; thuis lukt de opvoeding niet zonder hulp",
        "goals": "Sam gaat weer naar school en de ouders krijgen grip op de opvoeding",
        "contact_name": "J. Bakker",
        "contact_phone": "010-1234567",
    }
    return RegistrationForm(**(values | changes))


def bepaling(provider: str = FIRST_PROVIDER, organisation: str = GI, **changes: Any) -> Bepaling:
    values: dict[str, Any] = {
        "gi_organisation": organisation,
        "gi_code": GI_AGB,
        "jeugdbeschermer": "J. Bakker",
        "measure": Measure.OTS,
        "child": child(),
        "category": "45",
        "product_code": "45A01",
        "product_name": "Jeugdhulp ambulant, individueel",
        "volume": 3,
        "unit": Eenheid.UUR,
        "frequency": Frequentie.PER_WEEK,
        "start": DECIDED + timedelta(days=7),
        "end": DECIDED + timedelta(days=190),
        "provider_agb": provider,
        "provider_name": "",
        "motivation": "De jeugdbeschermer acht ambulante hulp thuis nodig",
        "decided_on": DECIDED,
        "registration": registration(),
    }
    return Bepaling(**(values | changes))


def not_in_time(provider: str = FIRST_PROVIDER, **changes: Any) -> NotInTime:
    values: dict[str, Any] = {
        "provider_agb": provider,
        "reported_on": DECIDED + timedelta(days=1),
        "earliest_start": DECIDED + timedelta(days=60),
        "note": "Wachtlijst van acht weken",
    }
    return NotInTime(**(values | changes))
