"""Demo data for the embedded default: a few requests in the queue, clearly fictional.

Only in demo mode, and only into an empty database.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS
from smi_core.casework import ConversationPlan, ConversationRecord, MeetingRole, TeamDecision
from smi_core.constants import CareType
from smi_core.intake import IntakeDraft
from smi_core.placement import (
    IndicatedChild,
    Indication,
    ProviderAnswer,
    Sharing,
    Signature,
    Signer,
    SupportPlan,
)
from smi_core.providers import ProviderLocationEntry
from smi_intake.db.demo import case_version, demo_start, has_cases, has_indications
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.demo_messages import DEMO_PROVIDER_AGB
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.casework import CaseworkService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.placement import PlacementService
from smi_intake.services.providers import ProviderService
from smi_intake.services.queue import QueueService


def _family(name: str, child: str, born: str, care: str, **changes: Any) -> IntakeDraft:
    answers: dict[str, Any] = {
        "postcode": "3341 AB",
        "registered_in_municipality": True,
        "parents": [{"name": f"{name} (demo)", "activity": "unable", "phone": "06 00000000"}],
        "children": [{"first_name": child, "date_of_birth": born, "care_type": care, "dagdelen_per_week": 4}],
        "reasons": ["medical_physical"],
        "explanation": "Demo: a parent recovers from surgery and may not lift for three months.",
        "bottlenecks": ["Demo: may not lift"],
        "medical_confirmation": "gp_consent",
        "mkd_requested": False,
        "network": {
            "analysis_done": True,
            "members": [{"relation": "grandparent", "can_help": "no", "why_not": "Demo: lives far away"}],
        },
        "kinderopvangtoeslag": "no",
        "can_pay_partly": False,
        "cooperates_with_plan": True,
        "willing_to_evaluate": True,
    }
    answers.update(changes)
    return IntakeDraft.of(answers)


def demo_intakes(today: datetime) -> list[IntakeDraft]:
    start = (today + timedelta(days=21)).date().isoformat()
    return [
        _family("J. de Vries", "Noor", "2023-05-14", "kdv", requested_start=start),
        _family(
            "M. Yilmaz",
            "Emir",
            "2017-09-02",
            "bso",
            requested_start=start,
            reasons=["psychological"],
            medical_confirmation="none",
        ),
        _family(
            "A. Bakker", "Lotte", "2022-01-20", "psg", requested_start=start, kinderopvangtoeslag="unknown"
        ),
        _family("P. Jansen", "Daan", "2012-03-30", "bso", requested_start=start, kinderopvangtoeslag="yes"),
    ]


#: The demo jeugdbeschermer's certified institution (fictional).
DEMO_GI = "Jeugdbescherming Voorbeeldregio (demo)"

DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105  (demo mode only, listed in the README)

#: Demo accounts (demo mode only; listed in the README): user name, name, role, organisation.
DEMO_ACCOUNTS = (
    ("admin", "Demo beheerder", Role.ADMIN, ""),
    ("wijzer", "Demo WIJzer-medewerker", Role.WIJZER, ""),
    ("coordinator", "Demo SMI-coördinator", Role.COORDINATOR, ""),
    ("gemeente", "Demo beleidsmedewerker", Role.GEMEENTE, ""),
    ("huisarts", "Demo huisarts", Role.AGENCY, "Huisartsenpraktijk De Linde (demo)"),
    ("consultatiebureau", "Demo jeugdverpleegkundige", Role.AGENCY, "Consultatiebureau (demo)"),
    # care providers of the example catalogue, by their (fictional) AGB codes
    ("zorgaanbieder", "Demo zorgaanbieder", Role.PROVIDER, DEMO_PROVIDER_AGB),
    ("coalitie", "Demo coalitie van aanbieders", Role.PROVIDER, "99990002"),
    ("jeugdbeschermer", "Demo jeugdbeschermer", Role.JEUGDBESCHERMER, DEMO_GI),
)


def seed_demo_accounts(accounts: AccountService, now: datetime) -> int:
    """The demo accounts, when no account exists yet."""
    if accounts.count():
        return 0
    for username, name, role, organisation in DEMO_ACCOUNTS:
        accounts.create_account(username, name, role, DEMO_PASSWORD, now, organisation=organisation)
    return len(DEMO_ACCOUNTS)


#: Demo childcare providers (fictional names, streets, LRK numbers and contacts) and their locations.
DEMO_PROVIDERS = (
    (
        "Kinderopvang De Voorbeeldtuin (demo)",
        "Demo planner",
        "078 000 00 01",
        "planning@voorbeeldtuin.example",
        (
            ("Voorbeeldtuin Centrum", "Voorbeeldlaan 1, 3341 AA Hendrik-Ido-Ambacht", "100000001", "kdv psg"),
            (
                "Voorbeeldtuin Noord",
                "Proefstraat 12, 3342 BB Hendrik-Ido-Ambacht",
                "100000002",
                "vso tso bso",
            ),
        ),
    ),
    (
        "Stichting Oefenkind (demo)",
        "Demo plaatsingsbureau",
        "078 000 00 02",
        "plaatsing@oefenkind.example",
        (("Oefenkind De Wilgen", "Oefenweg 5, 3343 CC Hendrik-Ido-Ambacht", "100000003", "vso bso"),),
    ),
    (
        "Peuterspeelzaal Het Testhuisje (demo)",
        "",
        "078 000 00 03",
        "",
        (("Het Testhuisje", "Testerf 3, 3344 DD Hendrik-Ido-Ambacht", "100000004", "psg"),),
    ),
)


def demo_provider_entries() -> list[ProviderLocationEntry]:
    return [
        ProviderLocationEntry(
            provider_name=name,
            contact_name=contact,
            phone=phone,
            email=email,
            location_name=location,
            address=address,
            lrk_number=lrk,
            care_types=frozenset(CareType(c) for c in care.split()),
        )
        for name, contact, phone, email, locations in DEMO_PROVIDERS
        for location, address, lrk, care in locations
    ]


def seed_demo_providers(uows: UnitOfWorkFactory, now: datetime) -> int:
    """The demo providers and locations, when the register is empty."""
    providers = ProviderService(uows)
    if providers.locations(active_only=False):
        return 0
    seeder = Account(
        username="demo", display_name="Demo", role=Role.ADMIN, organisation="", email="", active=True
    )
    entries = demo_provider_entries()
    for entry in entries:
        providers.save(seeder, entry, now)
    return len(entries)


def seed_demo(uows: UnitOfWorkFactory, intake: IntakeService, now: datetime, team: str) -> int:
    """Send the demo requests through the normal intake service; nothing when cases exist.

    The demo providers are added too, when the register is empty.
    """
    seed_demo_providers(uows, now)
    with uows() as uow:
        if has_cases(uow):
            return 0
    consents = {kind.value: consent_record(kind, True, "nl", team, now) for kind in SMI_CONSENTS}
    for answers in demo_intakes(now):
        saved = intake.save_draft(None, "controleren", answers, consents, "nl", now)
        intake.submit(saved.draft_id, now)
    return len(demo_intakes(now))


def seed_demo_placement(
    uows: UnitOfWorkFactory, placement: PlacementService, accounts: AccountService, now: datetime
) -> str | None:
    """Carry the first demo request (Noor, day care) to a placement that started about four months
    ago, so the case page, the deadlines, the funding and the reports have a running indication.

    Only when the demo worker exists, no indication exists yet and that request is still new.
    Returns its reference, or None when nothing was done.
    """
    worker = next((a for a in accounts.accounts() if a.username == "wijzer"), None)
    if worker is None:
        return None
    with uows() as uow:
        if has_indications(uow):
            return None
        first = demo_start(uow)
    if first is None or first.status != "new" or first.location_id is None:
        return None
    reference, location = first.reference, first.location_id
    QueueService(uows, placement.municipality).claim(reference, worker, now)
    with uows() as uow:
        version = case_version(uow, reference)
    casework = CaseworkService(uows, placement.municipality)
    start = (now - timedelta(days=120)).date()
    before = now - timedelta(days=150)
    v = casework.plan_conversation(
        reference,
        worker,
        version,
        ConversationPlan(on=(before - timedelta(days=7)).date(), at=time(10, 0), place="Bij het gezin thuis"),
        now,
    )
    v = casework.record_conversation(
        reference,
        worker,
        v,
        ConversationRecord(
            held_on=(before - timedelta(days=7)).date(),
            request="Opvang voor Noor op vier dagdelen (demo)",
            situation="Moeder herstelt van een operatie (demo)",
            network="Familie woont ver weg (demo)",
            alternatives="Geen passend alternatief (demo)",
            smi_most_fitting=True,
            judgement="Tijdelijke opvang geeft rust voor herstel (demo)",
        ),
        now,
    )
    v = casework.to_team_meeting(reference, worker, v, now)
    v = casework.record_decision(
        reference,
        worker,
        v,
        TeamDecision(
            granted=True,
            reasons="Medisch onderbouwd en tijdelijk (demo)",
            decided_on=before.date(),
            roles_present=[MeetingRole.INDICATION_OFFICER, MeetingRole.SMI_COORDINATOR],
        ),
        now,
    )
    v = placement.ask_provider(reference, worker, v, location, now)
    v = placement.provider_answer(reference, worker, v, location, ProviderAnswer.PLACE_AVAILABLE, "", now)
    v = placement.parents_registered(reference, worker, v, location, now)
    v = placement.save_plan(
        reference, worker, v, SupportPlan(goals="Moeder herstelt en neemt de zorg weer op (demo)"), now
    )
    for signer, name in ((Signer.PARENT, "J. de Vries"), (Signer.WORKER, worker.display_name)):
        v = placement.sign_plan(
            reference, worker, v, Signature(signer=signer, name=name, signed_on=before.date()), now
        )
    v = placement.share(reference, worker, v, Sharing.MUNICIPALITY, now)
    placement.record_placement(
        reference,
        worker,
        v,
        Indication(
            start=start,
            period_months=placement.municipality.initial_period_months,
            care_type=CareType.KDV,
            location_id=location,
            children=[IndicatedChild(name="Noor", date_of_birth=date(2023, 5, 14), dagdelen_per_week=4)],
        ),
        now,
    )
    return reference
