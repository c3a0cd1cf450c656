"""Demo Wmo meldingen (demo mode only), sent through the normal services, so the queue, the case
page and *Termijnen* show route T from its start: one melding a resident sent through the front
door, one parent's request for youth care for a child, and one urgent warm handover by the demo
GP. The people are fictional; the postcode is taken from the active municipality's own ranges."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from smi_core.case.route import Provision
from smi_core.cases import JEUGD_CONSENTS, WMO_CONSENTS
from smi_core.handover import AgreementChannel, WmoHandover
from smi_core.municipality import MunicipalityConfig
from smi_core.wmo.melding import Household, LifeArea, OwnSolution, WmoMelding
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.handover import HandoverService
from smi_intake.services.intake import consent_record
from smi_intake.services.wmo_cases import WmoCaseService


def demo_postcode(municipality: MunicipalityConfig) -> str:
    """A postcode inside the municipality's first range."""
    return f"{municipality.postcode_ranges[0].first} AB"


def seed_demo_wmo(
    uows: UnitOfWorkFactory,
    wmo: WmoCaseService,
    handovers: HandoverService,
    agency: Account | None,
    municipality: MunicipalityConfig,
    now: datetime,
) -> int:
    """Add the demo meldingen when no Wmo case exists yet; returns how many were added."""
    with uows() as uow:
        if uow.wmo_cases.any():
            return 0
    team = municipality.social_team
    melding = WmoMelding(
        name="E. Bakker (demo)",
        phone="06 00000001",
        household=Household.ALONE,
        date_of_birth=date(1948, 5, 17),
        postcode=demo_postcode(municipality),
        registered_in_municipality=True,
        needs={
            LifeArea.HOUSEHOLD: "Sinds mijn heupoperatie kan ik niet meer stofzuigen of boodschappen doen.",
            LifeArea.PARTICIPATION: "Ik kom bijna de deur niet meer uit en zie weinig mensen.",
        },
        network="Mijn zoon woont in Groningen en komt eens per maand.",
        general_provisions_tried="De boodschappendienst van de kerk, maar die stopt.",
        own_solution=OwnSolution.PARTLY,
        wants_client_support=True,
    )
    consents = [consent_record(kind, True, "nl", team, now) for kind in WMO_CONSENTS]
    wmo.submit_melding(melding, consents, "nl", now - timedelta(days=3))
    child = WmoMelding(
        name="Noa Jansen (demo)",
        phone="06 00000003",
        asked_by="L. Jansen (demo)",
        asked_by_relation="moeder",
        date_of_birth=date(now.year - 11, 2, 14),
        postcode=demo_postcode(municipality),
        registered_in_municipality=True,
        needs={
            LifeArea.BEHAVIOUR: "Noa is vaak bang en wil 's avonds niet slapen.",
            LifeArea.SCHOOL: "Ze gaat steeds minder graag naar school.",
        },
        network="Oma past twee middagen per week op.",
        school="Basisschool (demo), groep 7; de juf weet ervan.",
        involved="De huisarts heeft ons naar het sociaal team gewezen.",
        own_solution=OwnSolution.NO,
    )
    youth_consents = [consent_record(kind, True, "nl", team, now) for kind in JEUGD_CONSENTS]
    wmo.submit_melding(child, youth_consents, "nl", now - timedelta(days=2), provision=Provision.JEUGD)
    if agency is None:
        return 2
    handover = WmoHandover(
        name="R. Visser (demo)",
        phone="06 00000002",
        date_of_birth=date(1961, 9, 2),
        postcode=demo_postcode(municipality),
        registered_in_municipality=True,
        needs={LifeArea.CARER_LOAD: "Zijn vrouw zorgt alleen voor hem sinds zijn beroerte en kan niet meer."},
        urgent=True,
        urgency_reason="De mantelzorger is overbelast.",
        parents_agreed_on=(now - timedelta(days=1)).date(),
        parents_agreed_how=AgreementChannel.IN_PERSON,
        professional_name="Demo Huisarts",
        professional_phone="078 0000000",
        availability="Op werkdagen tussen 12 en 13 uur.",
    )
    handovers.submit_wmo(agency, handover, now)
    return 3
