"""The municipality's funding on SQLite and PostgreSQL: it sees an indication only under the parents'
consent, checks a provider's quarterly subsidy application per line, approves only what passes,
rejects with a reason and pays only after the quarter; the child's name stays encrypted and out of
the audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from smi_core import default_municipality, load_municipality
from smi_core.access import Role
from smi_core.errors import NotAllowed as FundingNotAllowed
from smi_core.funding import (
    ApplicationStatus,
    IndicationPhase,
    LineProblem,
    Quarter,
    SubsidyLine,
    estimated_total_cost,
    funded_indication,
)
from smi_core.municipality import EXAMPLE_MUNICIPALITY_FILE
from smi_core.placement import ConsentState
from smi_core.register_refusals import (
    ApplicationHasProblems,
    ApplicationInvalid,
    ApplicationNotFound,
    QuarterNotEnded,
    ReasonRequired,
    UnknownProvider,
    WrongStatus,
)
from smi_intake.crypto import Cipher
from smi_intake.db.models import AuditEvent, SubsidyApplicationRow, SubsidyLineRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.funding import FundingService
from smi_intake.services.intake import IntakeService
from tests import funding_factories as make

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PASSWORD = "een-lang-wachtwoord"
EXAMPLE = load_municipality(EXAMPLE_MUNICIPALITY_FILE)
Q4 = Quarter(2026, 4)
#: Sam: 4 part-days from 1 December 2026; in Q4 2026 that is 31 days, so 5 weeks; at EUR 45 a part-day.
FULL_Q4 = 4 * 5 * 4500


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    """Overrides the conftest's new database per test: the module's database, emptied first."""
    return module_database


@pytest.fixture
def gemeente(accounts: AccountService) -> Account:
    return accounts.create_account("g.devries", "Gemeente De Vries", Role.GEMEENTE, PASSWORD, NOW)


@pytest.fixture
def funding(uows: UnitOfWorkFactory, cipher: Cipher) -> FundingService:
    return FundingService(uows, EXAMPLE)


@pytest.fixture
def location(uows: UnitOfWorkFactory) -> make.Location:
    return make.provider(uows, NOW)


def placed(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    location: make.Location,
    **changes: object,
) -> make.SentCase:
    return make.placed(
        uows,
        intake_service,
        cipher,
        EXAMPLE,
        location.location_id,
        NOW,
        consent_at=NOW - timedelta(days=1),
        **changes,
    )


def line(reference: str, **changes: object) -> SubsidyLine:
    data: dict[str, object] = {
        "reference": reference,
        "child": "Sam",
        "dagdelen_per_week": 4,
        "weeks": 5,
        "amount_cents": FULL_Q4,
    }
    data.update(changes)
    return SubsidyLine.model_validate(data)


@dataclass(frozen=True)
class Audited:
    actor: str
    action: str
    subject_id: str
    detail: str


def audit_rows(uows: UnitOfWorkFactory) -> list[Audited]:
    with uows() as uow:
        rows = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.subject_id, AuditEvent.detail).order_by(
                AuditEvent.id
            )
        )
        return [Audited(*row) for row in rows]


# -- what the municipality sees ---------------------------------------------------------------


def test_the_municipality_sees_only_the_indications_whose_parents_consent(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    shared = placed(uows, intake_service, cipher, location)
    placed(uows, intake_service, cipher, location, consent=None)
    placed(uows, intake_service, cipher, location, consent=False)

    overview = funding.indications(gemeente, NOW)

    assert [c.reference for c in overview.costs] == [shared.reference]
    assert overview.hidden == {ConsentState.MISSING: 1, ConsentState.REFUSED: 1}
    assert overview.hidden_count == 2
    cost = overview.costs[0]
    assert (cost.provider, cost.location) == (
        "Kinderopvang De Boomhut",
        "Kinderopvang De Boomhut, Dorpsstraat",
    )
    assert (cost.start, cost.last_day, cost.children, cost.dagdelen_per_week) == (
        date(2026, 12, 1),
        date(2027, 5, 31),
        1,
        4,
    )
    assert cost.phase is IndicationPhase.UPCOMING
    viewed = [a for a in audit_rows(uows) if a.action == "funding.indications_viewed"]
    assert [(a.actor, a.detail) for a in viewed] == [("g.devries", "shown=1 hidden=2")]


def test_a_withdrawn_consent_hides_the_indication_from_that_moment_on(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)
    withdrawn_at = NOW + timedelta(days=30)
    make.withdraw_consent(uows, case.case_id, withdrawn_at)

    before = funding.indications(gemeente, withdrawn_at - timedelta(seconds=1))
    after = funding.indications(gemeente, withdrawn_at)

    assert [c.reference for c in before.costs] == [case.reference]
    assert after.costs == []
    assert after.hidden == {ConsentState.WITHDRAWN: 1}


def test_the_costs_show_what_was_approved_paid_and_estimated(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location, extensions=1)
    other = placed(uows, intake_service, cipher, location, start=date(2026, 10, 1))
    first = funding.submit(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)
    second = funding.submit(
        gemeente,
        location.provider_id,
        Q4,
        [line(other.reference, weeks=13, amount_cents=100_000)],
        NOW,
    )
    funding.approve(gemeente, first, NOW)
    funding.approve(gemeente, second, NOW)
    funding.mark_paid(gemeente, second, datetime(2027, 1, 5, tzinfo=UTC))

    overview = funding.indications(gemeente, datetime(2027, 1, 5, tzinfo=UTC))

    costs = {c.reference: c for c in overview.costs}
    assert (costs[case.reference].approved_cents, costs[case.reference].paid_cents) == (FULL_Q4, 0)
    assert (costs[other.reference].approved_cents, costs[other.reference].paid_cents) == (100_000, 100_000)
    assert (overview.approved_cents, overview.paid_cents) == (FULL_Q4 + 100_000, 100_000)
    expected = funded_indication(
        case.reference, location.provider_id, make.indication(location.location_id, extensions=1), EXAMPLE
    )
    assert costs[case.reference].estimated_cents == estimated_total_cost(expected, EXAMPLE.dagdeel_rates)
    assert costs[case.reference].extensions == 1
    assert costs[case.reference].phase is IndicationPhase.ACTIVE


def test_without_rates_there_is_no_estimate_and_an_ended_indication_shows_as_ended(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    gemeente: Account,
    location: make.Location,
) -> None:
    funding = FundingService(uows, default_municipality())
    placed(uows, intake_service, cipher, location, ended_on=date(2027, 1, 31))

    overview = funding.indications(gemeente, datetime(2027, 2, 1, tzinfo=UTC))

    assert overview.costs[0].estimated_cents is None
    assert overview.estimated_cents is None
    assert overview.costs[0].last_day == date(2027, 1, 31)
    assert overview.costs[0].phase is IndicationPhase.ENDED
    assert not overview.costs[0].active


# -- the application --------------------------------------------------------------------------


def test_each_line_is_checked_and_its_problems_stored_with_the_child_encrypted(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location, children=(make.SAM, ("Noor", date(2024, 1, 5), 2)))
    hidden = placed(uows, intake_service, cipher, location, consent=None)
    elsewhere = make.provider(uows, NOW, name="Kinderopvang Het Anker")
    theirs = placed(uows, intake_service, cipher, elsewhere)
    lines = [
        line(case.reference),
        line(case.reference, child="Noor", dagdelen_per_week=3, weeks=6, amount_cents=3 * 6 * 4500 + 1),
        line(case.reference, child="Daan"),
        line("SMI-2026-999999"),
        line(hidden.reference),
        line(theirs.reference),
        line(case.reference, child="sam"),
    ]

    application_id = funding.submit(gemeente, location.provider_id, Q4, lines, NOW)
    view = funding.application(gemeente, application_id, NOW)

    assert [(x.child, x.problems) for x in view.lines] == [
        ("Sam", ()),
        ("Noor", (LineProblem.TOO_MANY_DAGDELEN, LineProblem.TOO_MANY_WEEKS, LineProblem.AMOUNT_ABOVE_RATE)),
        ("Daan", (LineProblem.UNKNOWN_CHILD,)),
        ("Sam", (LineProblem.UNKNOWN_REFERENCE,)),
        ("Sam", (LineProblem.NO_CONSENT,)),
        ("Sam", (LineProblem.OTHER_PROVIDER,)),
        ("sam", (LineProblem.DUPLICATE_LINE,)),
    ]
    assert view.problem_count == 8
    assert view.status is ApplicationStatus.SUBMITTED
    assert view.amount_cents == sum(x.amount_cents for x in lines)
    assert (view.provider, view.quarter, view.submitted_by) == ("Kinderopvang De Boomhut", Q4, "g.devries")
    with uows() as uow:
        stored = list(uow.session.scalars(select(SubsidyLineRow.child)))
    assert stored and all(b"Sam" not in child and b"Noor" not in child for child in stored)
    details = " ".join(f"{a.action} {a.subject_id} {a.detail}" for a in audit_rows(uows))
    assert "Sam" not in details and "Noor" not in details
    submitted = f"provider={location.provider_id} quarter=2026-Q4 lines=7 problems=8"
    assert f"subsidy.submitted {application_id} {submitted}" in details
    assert f"subsidy.read {application_id}" in details
    listed = funding.applications(gemeente, Q4)
    assert [(a.id, a.problem_count, a.lines) for a in listed] == [(application_id, 8, ())]
    assert funding.applications(gemeente, Quarter(2027, 1)) == []


def test_the_check_before_submitting_stores_nothing(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)

    problems = funding.check(gemeente, location.provider_id, Q4, [line(case.reference, weeks=6)], NOW)

    assert problems == [[LineProblem.TOO_MANY_WEEKS]]
    assert funding.applications(gemeente) == []


def test_a_child_asked_for_again_in_the_same_quarter_is_a_duplicate_until_the_first_is_rejected(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)
    first = funding.submit(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)

    again = funding.check(gemeente, location.provider_id, Q4, [line(case.reference, child="SAM")], NOW)
    next_quarter = funding.check(
        gemeente,
        location.provider_id,
        Quarter(2027, 1),
        [line(case.reference, weeks=13, amount_cents=0)],
        NOW,
    )
    funding.reject(gemeente, first, "Verkeerd bedrag", NOW)
    after_rejection = funding.check(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)

    assert again == [[LineProblem.DUPLICATE_LINE]]
    assert next_quarter == [[]]
    assert after_rejection == [[]]


def test_an_application_with_problems_cannot_be_approved(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)
    application_id = funding.submit(
        gemeente,
        location.provider_id,
        Q4,
        [line(case.reference), line(case.reference, child="Daan", weeks=9)],
        NOW,
    )

    with pytest.raises(ApplicationHasProblems) as refused:
        funding.approve(gemeente, application_id, NOW)

    assert refused.value.count == 1
    assert funding.application(gemeente, application_id, NOW).status is ApplicationStatus.SUBMITTED


def test_approval_checks_again_and_a_consent_withdrawn_since_blocks_it(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)
    application_id = funding.submit(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)
    make.withdraw_consent(uows, case.case_id, NOW + timedelta(hours=1))

    with pytest.raises(ApplicationHasProblems):
        funding.approve(gemeente, application_id, NOW + timedelta(hours=2))

    view = funding.application(gemeente, application_id, NOW)
    assert [x.problems for x in view.lines] == [(LineProblem.NO_CONSENT,)]
    assert view.status is ApplicationStatus.SUBMITTED


def test_an_approved_application_is_paid_only_after_its_quarter(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)
    application_id = funding.submit(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)
    with pytest.raises(WrongStatus):
        funding.mark_paid(gemeente, application_id, datetime(2027, 1, 2, tzinfo=UTC))
    funding.approve(gemeente, application_id, NOW)

    with pytest.raises(QuarterNotEnded) as early:
        funding.mark_paid(gemeente, application_id, datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
    funding.mark_paid(gemeente, application_id, datetime(2027, 1, 1, tzinfo=UTC))

    assert early.value.quarter == Q4
    view = funding.application(gemeente, application_id, NOW)
    assert view.status is ApplicationStatus.PAID
    assert view.paid_at == datetime(2027, 1, 1, tzinfo=UTC)
    assert (view.decided_by, view.decided_at) == ("g.devries", NOW)
    with pytest.raises(WrongStatus):
        funding.mark_paid(gemeente, application_id, datetime(2027, 1, 2, tzinfo=UTC))
    actions = [a.action for a in audit_rows(uows) if a.subject_id == str(application_id)]
    assert actions[:1] + [a for a in actions if a in {"subsidy.approved", "subsidy.paid"}] == [
        "subsidy.submitted",
        "subsidy.approved",
        "subsidy.paid",
    ]


def test_a_rejection_needs_a_reason_and_ends_the_application(
    uows: UnitOfWorkFactory,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    case = placed(uows, intake_service, cipher, location)
    application_id = funding.submit(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)

    for empty in ("", "   ", "x" * 2001):
        with pytest.raises(ReasonRequired):
            funding.reject(gemeente, application_id, empty, NOW)
    funding.reject(gemeente, application_id, "  Dubbel ingediend  ", NOW)

    view = funding.application(gemeente, application_id, NOW)
    assert (view.status, view.reason) == (ApplicationStatus.REJECTED, "Dubbel ingediend")
    with pytest.raises(WrongStatus) as late:
        funding.approve(gemeente, application_id, NOW)
    assert late.value.status is ApplicationStatus.REJECTED
    with pytest.raises(WrongStatus):
        funding.reject(gemeente, application_id, "Nog eens", NOW)


def test_an_application_needs_lines_and_a_known_provider(
    funding: FundingService, gemeente: Account, location: make.Location
) -> None:
    with pytest.raises(ApplicationInvalid):
        funding.submit(gemeente, location.provider_id, Q4, [], NOW)
    with pytest.raises(UnknownProvider):
        funding.submit(gemeente, location.provider_id + 100, Q4, [line("SMI-2026-000001")], NOW)
    with pytest.raises(ApplicationNotFound):
        funding.approve(gemeente, 12345, NOW)
    with pytest.raises(ApplicationNotFound):
        funding.application(gemeente, 12345, NOW)


@pytest.mark.parametrize("role", [Role.WIJZER, Role.AGENCY, Role.ADMIN])
def test_only_the_municipality_and_the_coordinator_handle_the_funding(
    accounts: AccountService, funding: FundingService, location: make.Location, role: Role
) -> None:
    other = accounts.create_account("iemand", "Iemand", role, PASSWORD, NOW, organisation="Instantie")

    with pytest.raises(FundingNotAllowed):
        funding.indications(other, NOW)
    with pytest.raises(FundingNotAllowed):
        funding.applications(other)
    with pytest.raises(FundingNotAllowed):
        funding.submit(other, location.provider_id, Q4, [line("SMI-2026-000001")], NOW)


def test_the_coordinator_may_decide_too(
    uows: UnitOfWorkFactory,
    accounts: AccountService,
    intake_service: IntakeService,
    cipher: Cipher,
    funding: FundingService,
    gemeente: Account,
    location: make.Location,
) -> None:
    coordinator = accounts.create_account("c.devos", "Coördinator", Role.COORDINATOR, PASSWORD, NOW)
    case = placed(uows, intake_service, cipher, location)
    application_id = funding.submit(gemeente, location.provider_id, Q4, [line(case.reference)], NOW)

    funding.approve(coordinator, application_id, NOW)

    with uows() as uow:
        row = uow.session.get(SubsidyApplicationRow, application_id)
        assert row is not None
        assert (row.status, row.decided_by) == ("approved", "c.devos")
    assert [p.name for p in funding.providers(coordinator)] == ["Kinderopvang De Boomhut"]
