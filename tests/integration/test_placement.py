"""Carrying a granted case through placement on SQLite and PostgreSQL: asking providers, the
support plan and its signatures, every sharing gated by exactly its consent (and stopped by a
withdrawal on the parents' status page), the indication, the review, two extensions and the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case.errors import ConsentMissing, TransitionNotAllowed
from smi_core.cases import SMI_CONSENTS, CaseStatus, ConsentKind
from smi_core.constants import CareType
from smi_core.errors import ConcurrentEdit
from smi_core.placement import (
    ConsentState,
    Consultation,
    ConsultationRole,
    EndRecord,
    GpRequest,
    IndicatedChild,
    Indication,
    IndicationProblem,
    PlacementBlocker,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    Signer,
    SupportPlan,
)
from smi_core.timeline import ExtensionAnswers, ExtensionRefusal
from smi_intake.crypto import Cipher
from smi_intake.db.models import (
    AuditEvent,
    CaseEventRow,
    CaseRow,
    IndicationRow,
    ProviderLocationRow,
    ProviderRow,
)
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.cases import CaseService
from smi_intake.services.casework import CaseworkService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.placement import (
    ExtensionRefused,
    IndicationInvalid,
    PlacementBlocked,
    PlacementService,
    StepOutOfOrder,
)
from smi_intake.services.queue import QueueService
from tests import casework_factories as records
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()
PLAN_GOALS = "Moeder herstelt en pakt de zorg daarna weer op"
START = date(2027, 1, 4)
SAM_BORN = date(2023, 4, 2)


def later(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    return module_database


@pytest.fixture
def wijzer(accounts: AccountService) -> Account:
    return accounts.create_account("w.jansen", "WIJzer Jansen", Role.WIJZER, "een-lang-wachtwoord", NOW)


@pytest.fixture
def placement(uows: UnitOfWorkFactory, cipher: Cipher) -> PlacementService:
    return PlacementService(uows, MUNICIPALITY)


@pytest.fixture
def locations(uows: UnitOfWorkFactory) -> tuple[int, int]:
    """Two locations in the register: one without a place, one with."""
    with uows() as uow:
        provider = ProviderRow(name="Kinderopvang De Voorbeeldtuin", updated_at=NOW)
        uow.session.add(provider)
        uow.session.flush()
        full = ProviderLocationRow(
            provider_id=provider.id, name="Locatie Vol", lrk_number="111111111", care_types="kdv"
        )
        free = ProviderLocationRow(
            provider_id=provider.id, name="Locatie Ruimte", lrk_number="222222222", care_types="kdv,bso"
        )
        uow.session.add_all([full, free])
        uow.session.commit()
        return full.id, free.id


@dataclass(frozen=True)
class Granted:
    reference: str
    code: str
    version: int


def grant(
    intake: IntakeService,
    uows: UnitOfWorkFactory,
    placement: PlacementService,
    worker: Account,
    given: bool = True,
) -> Granted:
    consents = {kind.value: consent_record(kind, given, "nl", "WIJzer", NOW) for kind in SMI_CONSENTS}
    saved = intake.save_draft(None, "controleren", example_intake_data(), consents, "nl", NOW)
    assert saved.resume_code is not None
    reference = intake.submit(saved.draft_id, NOW).reference
    QueueService(uows, MUNICIPALITY).claim(reference, worker, NOW)
    version = status_and_version(uows, reference)[1]
    casework = CaseworkService(uows, placement.municipality)
    version = casework.plan_conversation(reference, worker, version, records.plan(), later(1))
    version = casework.record_conversation(reference, worker, version, records.conversation(), later(2))
    version = casework.to_team_meeting(reference, worker, version, later(3))
    version = casework.record_decision(reference, worker, version, records.decision(), later(4))
    return Granted(reference, saved.resume_code, version)


@pytest.fixture
def granted(
    intake_service: IntakeService, uows: UnitOfWorkFactory, placement: PlacementService, wijzer: Account
) -> Granted:
    return grant(intake_service, uows, placement, wijzer)


def status_and_version(uows: UnitOfWorkFactory, reference: str) -> tuple[str, int]:
    with uows() as uow:
        row = uow.session.execute(
            select(CaseRow.status, CaseRow.version).where(CaseRow.reference == reference)
        ).one()
        return row.status, row.version


def event_count(uows: UnitOfWorkFactory, reference: str) -> int:
    with uows() as uow:
        case_id = uow.session.scalar(select(CaseRow.id).where(CaseRow.reference == reference))
        return int(uow.session.scalar(select(func.count()).where(CaseEventRow.case_id == case_id)) or 0)


def indication(location_id: int, **changes: Any) -> Indication:
    data: dict[str, Any] = {
        "start": START,
        "period_months": 6,
        "care_type": CareType.KDV,
        "location_id": location_id,
        "children": [IndicatedChild(name="Sam", date_of_birth=SAM_BORN, dagdelen_per_week=4)],
    }
    data.update(changes)
    return Indication.model_validate(data)


def plan() -> SupportPlan:
    return SupportPlan(
        goals=PLAN_GOALS, smi_part="Vier dagdelen kinderdagverblijf", evaluation="Na drie maanden"
    )


def answers(**changes: Any) -> ExtensionAnswers:
    data: dict[str, Any] = {
        "family_cooperated": True,
        "why_no_improvement": "Het herstel duurt langer dan verwacht",
        "can_reduce_dagdelen": False,
    }
    data.update(changes)
    return ExtensionAnswers.model_validate(data)


FULL_CONSULTATION = Consultation(held_on=date(2027, 6, 20), present=frozenset(ConsultationRole))


def to_placed(placement: PlacementService, g: Granted, worker: Account, free: int) -> int:
    """Ask, hear 'place available', register, plan, sign, send: then record the placement."""
    v = placement.ask_provider(g.reference, worker, g.version, free, later(10))
    v = placement.provider_answer(g.reference, worker, v, free, ProviderAnswer.PLACE_AVAILABLE, "", later(11))
    v = placement.parents_registered(g.reference, worker, v, free, later(12))
    v = placement.save_plan(g.reference, worker, v, plan(), later(13))
    v = placement.sign_plan(
        g.reference,
        worker,
        v,
        Signature(signer=Signer.PARENT, name="A. Jansen", signed_on=date(2026, 12, 1)),
        later(14),
    )
    v = placement.sign_plan(
        g.reference,
        worker,
        v,
        Signature(signer=Signer.WORKER, name="WIJzer Jansen", signed_on=date(2026, 12, 1)),
        later(15),
    )
    v = placement.share(g.reference, worker, v, Sharing.MUNICIPALITY, later(16))
    return placement.record_placement(g.reference, worker, v, indication(free), later(17))


# -- the whole route ---------------------------------------------------------------------------


def test_a_granted_case_is_placed_reviewed_extended_twice_and_ended(
    placement: PlacementService,
    granted: Granted,
    wijzer: Account,
    locations: tuple[int, int],
    uows: UnitOfWorkFactory,
    cipher: Cipher,
    intake_service: IntakeService,
) -> None:
    full, free = locations
    g = granted
    v = placement.ask_provider(g.reference, wijzer, g.version, full, later(5))
    assert status_and_version(uows, g.reference)[0] == CaseStatus.PLACEMENT_REQUESTED
    v = placement.provider_answer(
        g.reference,
        wijzer,
        v,
        full,
        ProviderAnswer.NO_PLACE,
        "Er is helaas geen plek bij Locatie Vol.",
        later(6),
    )
    assert "Er is helaas geen plek bij Locatie Vol." in [
        m for _, m in intake_service.status(g.reference, g.code).messages
    ]
    v = to_placed(placement, Granted(g.reference, g.code, v), wijzer, free)
    assert status_and_version(uows, g.reference) == (CaseStatus.PLACED, v)

    with uows() as uow:
        row = uow.session.scalars(select(IndicationRow)).one()
        assert (row.start, row.contact_due, row.last_day, row.hard_stop) == (
            START,
            date(2027, 4, 4),
            date(2027, 7, 3),
            date(2028, 1, 3),
        )
        assert row.extensions == 0 and row.children == 1 and row.dagdelen_per_week == 4
        assert b"Sam" not in row.payload  # the children are encrypted

    v = placement.record_review(
        g.reference, wijzer, v, ReviewRecord(held_on=date(2027, 4, 5), summary="Gaat goed"), later(20)
    )
    v = placement.extend(g.reference, wijzer, v, answers(), FULL_CONSULTATION, later(21))
    v = placement.extend(g.reference, wijzer, v, answers(), FULL_CONSULTATION, later(22))
    with uows() as uow:
        row = uow.session.scalars(select(IndicationRow)).one()
        assert (row.extensions, row.contact_done_on, row.last_day) == (2, date(2027, 4, 5), date(2028, 1, 3))
    with pytest.raises(ExtensionRefused) as third:
        placement.extend(g.reference, wijzer, v, answers(), FULL_CONSULTATION, later(23))
    assert ExtensionRefusal.MAX_REACHED in third.value.refusals

    v = placement.end_indication(
        g.reference,
        wijzer,
        v,
        EndRecord(last_day=date(2027, 12, 31), reason="Moeder is hersteld"),
        "",
        later(24),
    )
    assert status_and_version(uows, g.reference)[0] == CaseStatus.ENDED
    view = CaseService(uows, MUNICIPALITY).view(g.reference, wijzer, later(25))
    assert view.placement.indication is not None
    assert view.placement.indication.ended_on == date(2027, 12, 31)
    assert view.placement.indication.indication.extensions == 2
    assert [a.answer for a in view.placement.asked] == [
        ProviderAnswer.NO_PLACE,
        ProviderAnswer.PLACE_AVAILABLE,
    ]
    assert len(view.placement.extensions) == 2 and view.placement.reviews[0].summary == "Gaat goed"
    assert view.placement.progress.plan_signed


def test_what_the_worker_writes_is_encrypted_and_never_in_the_audit_log(
    placement: PlacementService,
    granted: Granted,
    wijzer: Account,
    locations: tuple[int, int],
    uows: UnitOfWorkFactory,
) -> None:
    to_placed(placement, granted, wijzer, locations[1])
    with uows() as uow:
        stored = b"".join(bytes(p) for p in uow.session.scalars(select(CaseEventRow.payload)) if p)
        details = " ".join(uow.session.scalars(select(AuditEvent.detail)))
    assert PLAN_GOALS.encode() not in stored and b"A. Jansen" not in stored
    assert PLAN_GOALS not in details and "A. Jansen" not in details and "Sam" not in details


# -- consent decides what is shared ---------------------------------------------------------------


def test_a_withdrawn_consent_blocks_contacting_the_provider_and_nothing_is_written(
    placement: PlacementService,
    granted: Granted,
    wijzer: Account,
    locations: tuple[int, int],
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
) -> None:
    assert intake_service.withdraw_consent(
        granted.reference, granted.code, ConsentKind.PROVIDER_CONTACT, later(5)
    )
    assert not intake_service.withdraw_consent(
        granted.reference, granted.code, ConsentKind.PROVIDER_CONTACT, later(5)
    )
    before = (status_and_version(uows, granted.reference), event_count(uows, granted.reference))
    with pytest.raises(ConsentMissing) as blocked:
        placement.ask_provider(granted.reference, wijzer, granted.version, locations[1], later(6))
    assert blocked.value.check.consent is ConsentKind.PROVIDER_CONTACT
    assert blocked.value.check.state is ConsentState.WITHDRAWN
    assert (status_and_version(uows, granted.reference), event_count(uows, granted.reference)) == before
    summary = intake_service.status(granted.reference, granted.code)
    withdrawn = [c for c in summary.consents if c.kind is ConsentKind.PROVIDER_CONTACT]
    assert withdrawn and all(c.withdrawn_at == later(5) for c in withdrawn)
    with uows() as uow:
        assert uow.session.scalars(
            select(AuditEvent.action).where(
                AuditEvent.subject_id == granted.reference, AuditEvent.action == "consent.withdrawn"
            )
        ).all() == ["consent.withdrawn"]


def test_a_withdrawal_needs_the_right_resume_code(granted: Granted, intake_service: IntakeService) -> None:
    from smi_core.errors import CaseNotFound

    with pytest.raises(CaseNotFound):
        intake_service.withdraw_consent(
            granted.reference, "AAAA-BBBB-CCCC-DDDD", ConsentKind.GP_REQUEST, later(5)
        )


@pytest.mark.parametrize(
    ("kind", "sharing"),
    [
        (ConsentKind.MUNICIPALITY_SHARING, Sharing.MUNICIPALITY),
        (ConsentKind.PROVIDER_SHARING, Sharing.PROVIDER),
    ],
)
def test_each_plan_sharing_checks_exactly_its_own_consent(
    placement: PlacementService,
    granted: Granted,
    wijzer: Account,
    locations: tuple[int, int],
    intake_service: IntakeService,
    kind: ConsentKind,
    sharing: Sharing,
) -> None:
    g, free = granted, locations[1]
    v = placement.ask_provider(g.reference, wijzer, g.version, free, later(10))
    v = placement.provider_answer(g.reference, wijzer, v, free, ProviderAnswer.PLACE_AVAILABLE, "", later(11))
    v = placement.parents_registered(g.reference, wijzer, v, free, later(12))
    v = placement.save_plan(g.reference, wijzer, v, plan(), later(13))
    for signer in Signer:
        v = placement.sign_plan(
            g.reference, wijzer, v, Signature(signer=signer, name="X", signed_on=date(2026, 12, 1)), later(14)
        )
    intake_service.withdraw_consent(g.reference, g.code, kind, later(15))
    with pytest.raises(ConsentMissing) as blocked:
        placement.share(g.reference, wijzer, v, sharing, later(16))
    assert blocked.value.check.consent is kind
    other = Sharing.PROVIDER if sharing is Sharing.MUNICIPALITY else Sharing.MUNICIPALITY
    assert placement.share(g.reference, wijzer, v, other, later(17)) == v + 1


def test_refused_consents_block_every_sharing(
    placement: PlacementService,
    intake_service: IntakeService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    locations: tuple[int, int],
) -> None:
    g = grant(intake_service, uows, placement, wijzer, given=False)
    with pytest.raises(ConsentMissing) as contact:
        placement.ask_provider(g.reference, wijzer, g.version, locations[1], later(5))
    assert contact.value.check.state is ConsentState.REFUSED
    with pytest.raises(ConsentMissing) as gp:
        placement.ask_gp(
            g.reference, wijzer, g.version, GpRequest(question="Hoe lang duurt het herstel?"), later(6)
        )
    assert gp.value.check.consent is ConsentKind.GP_REQUEST
    # consent given later in writing at the kitchen table counts from then on
    v = placement.record_consent(
        g.reference, wijzer, g.version, ConsentKind.PROVIDER_CONTACT, True, "A. Jansen", later(7)
    )
    assert placement.ask_provider(g.reference, wijzer, v, locations[1], later(8)) == v + 1


# -- order of the steps ----------------------------------------------------------------------------


def test_the_placement_waits_for_the_place_the_registration_and_the_sent_signed_plan(
    placement: PlacementService, granted: Granted, wijzer: Account, locations: tuple[int, int]
) -> None:
    g, free = granted, locations[1]
    v = placement.ask_provider(g.reference, wijzer, g.version, free, later(10))
    with pytest.raises(PlacementBlocked) as early:
        placement.record_placement(g.reference, wijzer, v, indication(free), later(11))
    assert early.value.blockers == [
        PlacementBlocker.NO_PLACE,
        PlacementBlocker.NOT_REGISTERED,
        PlacementBlocker.NO_PLAN,
    ]
    with pytest.raises(StepOutOfOrder):
        placement.parents_registered(g.reference, wijzer, v, free, later(11))
    v = placement.provider_answer(g.reference, wijzer, v, free, ProviderAnswer.PLACE_AVAILABLE, "", later(12))
    v = placement.parents_registered(g.reference, wijzer, v, free, later(13))
    v = placement.save_plan(g.reference, wijzer, v, plan(), later(14))
    v = placement.sign_plan(
        g.reference,
        wijzer,
        v,
        Signature(signer=Signer.PARENT, name="A", signed_on=date(2026, 12, 1)),
        later(15),
    )
    with pytest.raises(PlacementBlocked) as unsigned:
        placement.record_placement(g.reference, wijzer, v, indication(free), later(16))
    assert unsigned.value.blockers == [PlacementBlocker.PLAN_NOT_SIGNED]
    v = placement.sign_plan(
        g.reference,
        wijzer,
        v,
        Signature(signer=Signer.WORKER, name="B", signed_on=date(2026, 12, 1)),
        later(16),
    )
    with pytest.raises(PlacementBlocked) as unsent:
        placement.record_placement(g.reference, wijzer, v, indication(free), later(17))
    assert unsent.value.blockers == [PlacementBlocker.PLAN_NOT_SENT]
    v = placement.share(g.reference, wijzer, v, Sharing.MUNICIPALITY, later(18))
    # a changed plan needs new signatures before it can be sent again
    v = placement.save_plan(g.reference, wijzer, v, plan(), later(19))
    with pytest.raises(StepOutOfOrder):
        placement.share(g.reference, wijzer, v, Sharing.MUNICIPALITY, later(20))
    with pytest.raises(IndicationInvalid) as invalid:
        placement.record_placement(g.reference, wijzer, v, indication(free, period_months=9), later(20))
    assert invalid.value.problems == [IndicationProblem.PERIOD_TOO_LONG]


def test_a_stale_version_is_refused(
    placement: PlacementService, granted: Granted, wijzer: Account, locations: tuple[int, int]
) -> None:
    placement.ask_provider(granted.reference, wijzer, granted.version, locations[1], later(10))
    with pytest.raises(ConcurrentEdit):
        placement.ask_provider(granted.reference, wijzer, granted.version, locations[0], later(11))


def test_reviews_and_extensions_need_a_placed_case(
    placement: PlacementService, granted: Granted, wijzer: Account
) -> None:
    with pytest.raises(TransitionNotAllowed):
        placement.extend(granted.reference, wijzer, granted.version, answers(), FULL_CONSULTATION, later(10))


# -- extensions --------------------------------------------------------------------------------


def test_an_extension_needs_the_three_answers_and_the_full_consultation(
    placement: PlacementService, granted: Granted, wijzer: Account, locations: tuple[int, int]
) -> None:
    v = to_placed(placement, granted, wijzer, locations[1])
    partial = Consultation(
        held_on=date(2027, 6, 20), present=frozenset({ConsultationRole.INDICATION_OFFICER})
    )
    with pytest.raises(ExtensionRefused) as refused:
        placement.extend(
            granted.reference,
            wijzer,
            v,
            answers(family_cooperated=None, why_no_improvement=" "),
            partial,
            later(30),
        )
    assert set(refused.value.refusals) == {
        ExtensionRefusal.COOPERATION_UNANSWERED,
        ExtensionRefusal.NO_IMPROVEMENT_REASON,
        ExtensionRefusal.NO_CONSULTATION,
    }


def test_no_extension_past_the_day_before_the_13th_birthday(
    placement: PlacementService, granted: Granted, wijzer: Account, locations: tuple[int, int]
) -> None:
    g, free = granted, locations[1]
    v = placement.ask_provider(g.reference, wijzer, g.version, free, later(10))
    v = placement.provider_answer(g.reference, wijzer, v, free, ProviderAnswer.PLACE_AVAILABLE, "", later(11))
    v = placement.parents_registered(g.reference, wijzer, v, free, later(12))
    v = placement.save_plan(g.reference, wijzer, v, plan(), later(13))
    for signer in Signer:
        v = placement.sign_plan(
            g.reference, wijzer, v, Signature(signer=signer, name="X", signed_on=date(2026, 12, 1)), later(14)
        )
    v = placement.share(g.reference, wijzer, v, Sharing.MUNICIPALITY, later(15))
    # turns 13 on 1 May 2027: the indication stops on 30 April, and cannot be extended
    older = [IndicatedChild(name="Noor", date_of_birth=date(2014, 5, 1), dagdelen_per_week=3)]
    v = placement.record_placement(
        g.reference, wijzer, v, indication(free, care_type=CareType.BSO, children=older), later(16)
    )
    with pytest.raises(ExtensionRefused) as refused:
        placement.extend(g.reference, wijzer, v, answers(), FULL_CONSULTATION, later(17))
    assert refused.value.refusals == [ExtensionRefusal.AGE_LIMIT]
