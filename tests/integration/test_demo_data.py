"""Demo data go through the normal intake and cover every outcome of the check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import CaseSource
from smi_intake.crypto import Cipher
from smi_intake.db.messages import Direction, MessageFilter, MessageState
from smi_intake.db.models import CaseRow, IndicationRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.demo import seed_demo, seed_demo_accounts, seed_demo_placement
from smi_intake.demo_gi import seed_demo_gi
from smi_intake.demo_messages import DEMO_PROVIDER_AGB, seed_demo_messages
from smi_intake.demo_wmo import seed_demo_wmo
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.gi import GiService
from smi_intake.services.handover import HandoverService
from smi_intake.services.intake import IntakeService
from smi_intake.services.message_facts import AssignmentState, assignment_state
from smi_intake.services.messages import MessageService
from smi_intake.services.placement import PlacementService
from smi_intake.services.wmo_cases import WmoCaseService
from smi_intake.settings import get_settings

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_demo_requests_cover_every_outcome_and_are_added_only_once(
    uows: UnitOfWorkFactory, intake_service: IntakeService
) -> None:
    first = seed_demo(uows, intake_service, NOW, "WIJzer")
    second = seed_demo(uows, intake_service, NOW, "WIJzer")

    with uows() as uow:
        outcomes = sorted(uow.session.scalars(select(CaseRow.outcome)))
    assert (first, second) == (4, 0)
    assert outcomes == ["eligible", "incomplete", "needs_assessment", "not_eligible"]


def test_the_demo_placement_runs_once_through_the_normal_services(
    uows: UnitOfWorkFactory, intake_service: IntakeService, accounts: AccountService, cipher: Cipher
) -> None:
    seed_demo(uows, intake_service, NOW, "WIJzer")
    placement = PlacementService(uows, default_municipality())
    assert seed_demo_placement(uows, placement, accounts, NOW) is None  # no demo worker yet
    seed_demo_accounts(accounts, NOW)

    reference = seed_demo_placement(uows, placement, accounts, NOW)
    again = seed_demo_placement(uows, placement, accounts, NOW)

    assert reference is not None and again is None
    with uows() as uow:
        status = uow.session.scalar(select(CaseRow.status).where(CaseRow.reference == reference))
        row = uow.session.execute(
            select(
                IndicationRow.start,
                IndicationRow.contact_due,
                IndicationRow.contact_done_on,
                IndicationRow.last_day,
            )
        ).one()
    assert status == "placed"
    assert row.start == (NOW - timedelta(days=120)).date() and row.contact_done_on is None
    assert row.contact_due < NOW.date() < row.last_day  # the contact is overdue in the demo


def test_the_demo_messages_show_each_state_of_the_exchange_once(uows: UnitOfWorkFactory) -> None:
    messages = MessageService(uows, "0531", None)
    office = Account(
        username="gemeente", display_name="Demo", role=Role.GEMEENTE, organisation="", email="", active=True
    )

    first = seed_demo_messages(messages, office, NOW)
    again = seed_demo_messages(messages, office, NOW)

    assert (first, again) == (7, 0)
    out = messages.messages(office, MessageFilter(direction=Direction.OUT, heen_only=True))
    assert sorted((m.domain, m.state) for m in out) == [
        ("jw", MessageState.ACCEPTED),
        ("wmo", MessageState.SENT),
    ]
    assert [m.domain for m in out if m.overdue(NOW.date())] == ["wmo"]  # no retour after 3 working days
    [youth] = [m for m in out if m.domain == "jw"]
    assert assignment_state(messages.assignment(office, "jw", youth.numbers[0])) is AssignmentState.STARTED
    [waiting] = messages.open_requests(office, NOW.date())
    assert (waiting.request.kind, waiting.overdue) == ("315", False)


def test_the_demo_wmo_meldingen_and_the_youth_request_are_added_once_through_the_normal_services(
    uows: UnitOfWorkFactory, accounts: AccountService
) -> None:

    municipality = default_municipality()
    messages = MessageService(uows, municipality.cbs_code, None)
    wmo = WmoCaseService(uows, municipality, get_settings().catalogue(), messages)
    handovers = HandoverService(uows, municipality, wmo)
    seed_demo_accounts(accounts, NOW)
    agency = next(a for a in accounts.accounts() if a.role is Role.AGENCY)

    first = seed_demo_wmo(uows, wmo, handovers, agency, municipality, NOW)
    second = seed_demo_wmo(uows, wmo, handovers, agency, municipality, NOW)

    with uows() as uow:
        rows = uow.session.execute(
            select(CaseRow.source, CaseRow.urgent, CaseRow.reference).where(CaseRow.provision == "wmo")
        ).all()
    with uows() as uow:
        youth = uow.session.execute(
            select(CaseRow.source, CaseRow.outcome, CaseRow.reference).where(CaseRow.provision == "jeugd")
        ).all()
    assert (first, second) == (3, 0)
    [(source, outcome, reference)] = youth
    assert (source, outcome) == (CaseSource.OUDER.value, "youth_care") and reference.startswith("JEUGD-")
    assert sorted((source, urgent) for source, urgent, _ in rows) == [
        (CaseSource.INSTANTIE.value, True),
        (CaseSource.OUDER.value, False),
    ]
    assert all(reference.startswith("WMO-") for _, _, reference in rows)


def test_the_demo_bepaling_jeugdhulp_is_recorded_once_by_the_demo_jeugdbeschermer(
    uows: UnitOfWorkFactory, accounts: AccountService
) -> None:
    municipality = default_municipality()
    gi = GiService(uows, municipality, get_settings().catalogue())
    seed_demo_accounts(accounts, NOW)

    first = seed_demo_gi(gi, accounts.accounts(), NOW)
    second = seed_demo_gi(gi, accounts.accounts(), NOW)

    jeugdbeschermer = next(a for a in accounts.accounts() if a.role is Role.JEUGDBESCHERMER)
    [case] = gi.bepalingen(jeugdbeschermer, NOW)
    assert (first, second) == (1, 0)
    assert case.bepaling.provider_agb == DEMO_PROVIDER_AGB
    assert case.bepaling.gi_organisation == jeugdbeschermer.organisation
