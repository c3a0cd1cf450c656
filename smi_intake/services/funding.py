"""The municipality's side of the funding: the granted indications and their costs, and the
providers' quarterly subsidy applications, checked per line, approved or rejected, and paid.

The municipality sees an indication only while the parents' consent to share data with the
municipality is given (``Sharing.MUNICIPALITY``); the others are only counted. A subsidy line for
such an indication is not checked against it: it gets ``NO_CONSENT``. The child's first name on a
line is encrypted; audit records name the application and counts, never a child.

Deciding is one conditional UPDATE on the application's status, so of two people approving and
rejecting the same application at the same moment exactly one succeeds.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select, update

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.constants import CareType
from smi_core.funding import (
    CLAIMING_STATUSES,
    GRANTED_STATUSES,
    MAX_LINES,
    ApplicationStatus,
    FundedIndication,
    IndicationPhase,
    LineProblem,
    Quarter,
    SubsidyLine,
    check_application,
    estimated_total_cost,
    funded_indication,
    indication_phase,
)
from smi_core.placement import ConsentState, Sharing, check_sharing
from smi_intake.crypto import Cipher
from smi_intake.db.models import (
    ConsentRow,
    IndicationRow,
    ProviderLocationRow,
    ProviderRow,
    SubsidyApplicationRow,
    SubsidyLineRow,
    audit,
)
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.consents import consent_from_row
from smi_intake.services.indications import read_indication

log = logging.getLogger(__name__)

MAX_REASON_LENGTH = 2000


class FundingNotAllowed(PermissionError):
    """Only municipality staff and the SMI coordinator handle the funding."""


class UnknownProvider(LookupError):
    """No provider with this id in the register."""


class ApplicationNotFound(LookupError):
    """No subsidy application with this id."""


class ApplicationInvalid(ValueError):
    """An application without lines, or with more than ``MAX_LINES``."""


class ReasonRequired(ValueError):
    """A rejection needs a reason (of at most ``MAX_REASON_LENGTH`` characters)."""


class ApplicationHasProblems(RuntimeError):
    """An application with problems on its lines cannot be approved; ``count`` says how many."""

    def __init__(self, application_id: int, count: int) -> None:
        super().__init__(f"application {application_id} has {count} problem(s) on its lines")
        self.application_id = application_id
        self.count = count


class WrongStatus(RuntimeError):
    """The application is not in the status this step needs (for instance decided by someone else)."""

    def __init__(self, application_id: int, status: ApplicationStatus, needed: ApplicationStatus) -> None:
        super().__init__(f"application {application_id} is {status.value}, not {needed.value}")
        self.application_id = application_id
        self.status = status
        self.needed = needed


class QuarterNotEnded(RuntimeError):
    """An application is paid only after its quarter has ended."""

    def __init__(self, quarter: Quarter) -> None:
        super().__init__(f"{quarter.label} has not ended yet")
        self.quarter = quarter


@dataclass(frozen=True)
class ProviderChoice:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class IndicationCost:
    """One granted indication as the municipality sees it, with what it costs."""

    reference: str
    provider: str
    location: str
    care_type: CareType
    start: date
    last_day: date
    """The last funded day: the end of the indication, or the early end if it came first."""
    extensions: int
    children: int
    dagdelen_per_week: int
    approved_cents: int
    """Asked in approved or paid applications."""
    paid_cents: int
    estimated_cents: int | None
    """At the configured rate over the whole indication; None without a rate."""
    phase: IndicationPhase

    @property
    def active(self) -> bool:
        return self.phase is not IndicationPhase.ENDED


@dataclass(frozen=True)
class IndicationOverview:
    """The indications the municipality may see, and how many it may not (by consent state)."""

    costs: list[IndicationCost]
    hidden: dict[ConsentState, int] = field(default_factory=dict)

    @property
    def hidden_count(self) -> int:
        return sum(self.hidden.values())

    @property
    def approved_cents(self) -> int:
        return sum(c.approved_cents for c in self.costs)

    @property
    def paid_cents(self) -> int:
        return sum(c.paid_cents for c in self.costs)

    @property
    def estimated_cents(self) -> int | None:
        estimates = [c.estimated_cents for c in self.costs if c.estimated_cents is not None]
        return sum(estimates) if estimates else None


@dataclass(frozen=True)
class LineView:
    reference: str
    child: str
    dagdelen_per_week: int
    weeks: int
    amount_cents: int
    problems: tuple[LineProblem, ...]


@dataclass(frozen=True)
class ApplicationView:
    id: int
    provider_id: int
    provider: str
    quarter: Quarter
    status: ApplicationStatus
    amount_cents: int
    reason: str
    submitted_by: str
    submitted_at: datetime
    decided_by: str
    decided_at: datetime | None
    paid_at: datetime | None
    problem_count: int
    lines: tuple[LineView, ...] = ()
    """Only in ``FundingService.application``; the list leaves them out."""


def _problems_text(problems: Iterable[LineProblem]) -> str:
    return ",".join(p.value for p in problems)


def _problems(text: str) -> tuple[LineProblem, ...]:
    return tuple(LineProblem(value) for value in text.split(",") if value)


class FundingService:
    """Indications and costs, and the quarterly subsidy applications, on one database."""

    def __init__(self, uows: UnitOfWorkFactory, cipher: Cipher, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._cipher = cipher
        self._municipality = municipality

    @staticmethod
    def _check_role(account: Account) -> None:
        if not may(account.role, Permission.HANDLE_FUNDING):
            raise FundingNotAllowed("only municipality staff and the SMI coordinator handle the funding")

    # -- reading ---------------------------------------------------------------------------------

    def providers(self, viewer: Account) -> list[ProviderChoice]:
        """The providers of the register, by name (also inactive ones: they may still apply)."""
        self._check_role(viewer)
        with self._uows() as uow:
            rows = uow.session.execute(
                select(ProviderRow.id, ProviderRow.name, ProviderRow.active).order_by(ProviderRow.name)
            )
            return [ProviderChoice(id=r.id, name=r.name, active=r.active) for r in rows]

    @staticmethod
    def _consent_states(uow: UnitOfWork, case_ids: Iterable[int], at: datetime) -> dict[int, ConsentState]:
        """The state of the municipality consent of each case at ``at``, read in one query."""
        records: dict[int, list[ConsentRow]] = defaultdict(list)
        ids = list(set(case_ids))
        if ids:
            rows = uow.session.scalars(
                select(ConsentRow)
                .where(ConsentRow.case_id.in_(ids))
                .order_by(ConsentRow.recorded_at, ConsentRow.id)
            )
            for row in rows:
                records[row.case_id].append(row)
        return {
            case_id: check_sharing(
                [consent_from_row(row) for row in records[case_id]], Sharing.MUNICIPALITY, at
            ).state
            for case_id in ids
        }

    def _funded(self, row: IndicationRow, provider_id: int | None) -> FundedIndication:
        return funded_indication(
            row.reference, provider_id, read_indication(row, self._cipher), self._municipality, row.ended_on
        )

    def indications(self, viewer: Account, now: datetime) -> IndicationOverview:
        """The granted indications whose families consent now to sharing with the municipality,
        with provider, dates and costs; the others only counted by consent state. Audited."""
        self._check_role(viewer)
        on = now.date()
        rates = self._municipality.dagdeel_rates
        with self._uows() as uow:
            rows = uow.session.execute(
                select(IndicationRow, ProviderLocationRow.name, ProviderRow.id, ProviderRow.name)
                .outerjoin(ProviderLocationRow, IndicationRow.location_id == ProviderLocationRow.id)
                .outerjoin(ProviderRow, ProviderLocationRow.provider_id == ProviderRow.id)
                .order_by(IndicationRow.start, IndicationRow.reference)
            ).all()
            states = self._consent_states(uow, (r[0].case_id for r in rows), now)
            shown = [r for r in rows if states[r[0].case_id] is ConsentState.GIVEN]
            granted = self._granted_amounts(uow, [r[0].reference for r in shown])
            costs: list[IndicationCost] = []
            for row, location, provider_id, provider in shown:
                funded_last_day = row.last_day if row.ended_on is None else min(row.last_day, row.ended_on)
                estimate = estimated_total_cost(self._funded(row, provider_id), rates) if rates else None
                costs.append(
                    IndicationCost(
                        reference=row.reference,
                        provider=provider or "",
                        location=location or "",
                        care_type=CareType(row.care_type),
                        start=row.start,
                        last_day=funded_last_day,
                        extensions=row.extensions,
                        children=row.children,
                        dagdelen_per_week=row.dagdelen_per_week,
                        approved_cents=granted.get((row.reference, True), 0)
                        + granted.get((row.reference, False), 0),
                        paid_cents=granted.get((row.reference, True), 0),
                        estimated_cents=estimate,
                        phase=indication_phase(row.start, funded_last_day, on),
                    )
                )
            hidden: dict[ConsentState, int] = defaultdict(int)
            for row, *_ in rows:
                if states[row.case_id] is not ConsentState.GIVEN:
                    hidden[states[row.case_id]] += 1
            uow.session.add(
                audit(
                    viewer.username,
                    "funding.indications_viewed",
                    "indications",
                    "all",
                    now,
                    f"shown={len(costs)} hidden={sum(hidden.values())}",
                )
            )
            uow.commit()
        return IndicationOverview(costs=costs, hidden=dict(hidden))

    @staticmethod
    def _granted_amounts(uow: UnitOfWork, references: Sequence[str]) -> dict[tuple[str, bool], int]:
        """(reference, paid?) -> the amount of its lines in approved (False) or paid (True) applications."""
        if not references:
            return {}
        rows = uow.session.execute(
            select(
                SubsidyLineRow.reference, SubsidyApplicationRow.status, func.sum(SubsidyLineRow.amount_cents)
            )
            .join(SubsidyApplicationRow, SubsidyLineRow.application_id == SubsidyApplicationRow.id)
            .where(
                SubsidyLineRow.reference.in_(references),
                SubsidyApplicationRow.status.in_([s.value for s in GRANTED_STATUSES]),
            )
            .group_by(SubsidyLineRow.reference, SubsidyApplicationRow.status)
        )
        return {
            (reference, status == ApplicationStatus.PAID.value): int(total or 0)
            for reference, status, total in rows
        }

    def applications(self, viewer: Account, quarter: Quarter | None = None) -> list[ApplicationView]:
        """The applications, newest first (of one quarter, or all), without their lines."""
        self._check_role(viewer)
        with self._uows() as uow:
            statement = (
                select(SubsidyApplicationRow, ProviderRow.name)
                .join(ProviderRow, SubsidyApplicationRow.provider_id == ProviderRow.id)
                .order_by(SubsidyApplicationRow.id.desc())
            )
            if quarter is not None:
                statement = statement.where(
                    SubsidyApplicationRow.year == quarter.year,
                    SubsidyApplicationRow.quarter == quarter.number,
                )
            rows = uow.session.execute(statement).all()
            counts: dict[int, int] = defaultdict(int)
            if rows:
                problem_rows = uow.session.execute(
                    select(SubsidyLineRow.application_id, SubsidyLineRow.problems).where(
                        SubsidyLineRow.application_id.in_([row.id for row, _ in rows]),
                        SubsidyLineRow.problems != "",
                    )
                )
                for application_id, problems in problem_rows:
                    counts[application_id] += len(_problems(problems))
            return [self._view(row, provider, counts[row.id]) for row, provider in rows]

    def application(self, viewer: Account, application_id: int, now: datetime) -> ApplicationView:
        """One application with its lines (the children's first names decrypted) and their problems.
        Audited."""
        self._check_role(viewer)
        with self._uows() as uow:
            row, provider = self._get(uow, application_id)
            lines = self._lines(uow, application_id)
            views = tuple(
                LineView(
                    reference=line.reference,
                    child=self._cipher.decrypt(line.child).decode(),
                    dagdelen_per_week=line.dagdelen_per_week,
                    weeks=line.weeks,
                    amount_cents=line.amount_cents,
                    problems=_problems(line.problems),
                )
                for line in lines
            )
            count = sum(len(v.problems) for v in views)
            uow.session.add(
                audit(viewer.username, "subsidy.read", "subsidy_application", str(application_id), now)
            )
            uow.commit()
            return self._view(row, provider, count, views)

    @staticmethod
    def _view(
        row: SubsidyApplicationRow, provider: str, problem_count: int, lines: tuple[LineView, ...] = ()
    ) -> ApplicationView:
        return ApplicationView(
            id=row.id,
            provider_id=row.provider_id,
            provider=provider,
            quarter=Quarter(row.year, row.quarter),
            status=ApplicationStatus(row.status),
            amount_cents=row.amount_cents,
            reason=row.reason,
            submitted_by=row.submitted_by,
            submitted_at=row.submitted_at,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
            paid_at=row.paid_at,
            problem_count=problem_count,
            lines=lines,
        )

    @staticmethod
    def _get(uow: UnitOfWork, application_id: int) -> tuple[SubsidyApplicationRow, str]:
        found = uow.session.execute(
            select(SubsidyApplicationRow, ProviderRow.name)
            .join(ProviderRow, SubsidyApplicationRow.provider_id == ProviderRow.id)
            .where(SubsidyApplicationRow.id == application_id)
        ).one_or_none()
        if found is None:
            raise ApplicationNotFound(application_id)
        return found[0], found[1]

    @staticmethod
    def _lines(uow: UnitOfWork, application_id: int) -> list[SubsidyLineRow]:
        return list(
            uow.session.scalars(
                select(SubsidyLineRow)
                .where(SubsidyLineRow.application_id == application_id)
                .order_by(SubsidyLineRow.id)
            )
        )

    # -- the check -------------------------------------------------------------------------------

    def _check(
        self,
        uow: UnitOfWork,
        provider_id: int,
        quarter: Quarter,
        lines: Sequence[SubsidyLine],
        at: datetime,
        application_id: int | None = None,
    ) -> list[list[LineProblem]]:
        """The check of ``lines`` against the indications as they stand at ``at`` and against the
        lines of earlier, not rejected applications for the same quarter."""
        references = sorted({line.reference for line in lines})
        rows = uow.session.execute(
            select(IndicationRow, ProviderLocationRow.provider_id)
            .outerjoin(ProviderLocationRow, IndicationRow.location_id == ProviderLocationRow.id)
            .where(IndicationRow.reference.in_(references))
        ).all()
        states = self._consent_states(uow, (row.case_id for row, _ in rows), at)
        withheld = {row.reference for row, _ in rows if states[row.case_id] is not ConsentState.GIVEN}
        funded = {
            row.reference: self._funded(row, location_provider)
            for row, location_provider in rows
            if row.reference not in withheld
        }
        earlier = (
            select(SubsidyLineRow.reference, SubsidyLineRow.child)
            .join(SubsidyApplicationRow, SubsidyLineRow.application_id == SubsidyApplicationRow.id)
            .where(
                SubsidyLineRow.reference.in_(references),
                SubsidyApplicationRow.year == quarter.year,
                SubsidyApplicationRow.quarter == quarter.number,
                SubsidyApplicationRow.status.in_([s.value for s in CLAIMING_STATUSES]),
            )
        )
        if application_id is not None:
            earlier = earlier.where(SubsidyApplicationRow.id < application_id)
        claimed = {
            (reference, self._cipher.decrypt(child).decode().casefold())
            for reference, child in uow.session.execute(earlier)
        }
        return check_application(
            provider_id,
            quarter,
            lines,
            funded,
            self._municipality,
            claimed_before=claimed,
            withheld=withheld,
        )

    def _require_provider(self, uow: UnitOfWork, provider_id: int) -> None:
        if uow.session.get(ProviderRow, provider_id) is None:
            raise UnknownProvider(provider_id)

    @staticmethod
    def _require_lines(lines: Sequence[SubsidyLine]) -> None:
        if not lines:
            raise ApplicationInvalid("an application needs at least one line")
        if len(lines) > MAX_LINES:
            raise ApplicationInvalid(f"an application has at most {MAX_LINES} lines")

    def check(
        self, actor: Account, provider_id: int, quarter: Quarter, lines: Sequence[SubsidyLine], now: datetime
    ) -> list[list[LineProblem]]:
        """The check of an application before it is submitted (nothing is stored but the audit)."""
        self._check_role(actor)
        self._require_lines(lines)
        with self._uows() as uow:
            self._require_provider(uow, provider_id)
            problems = self._check(uow, provider_id, quarter, lines, now)
            uow.session.add(
                audit(
                    actor.username,
                    "subsidy.checked",
                    "provider",
                    str(provider_id),
                    now,
                    f"quarter={quarter.label} lines={len(lines)}",
                )
            )
            uow.commit()
        return problems

    # -- the course of an application ------------------------------------------------------------

    def submit(
        self, actor: Account, provider_id: int, quarter: Quarter, lines: Sequence[SubsidyLine], now: datetime
    ) -> int:
        """Store a provider's application for ``quarter`` with each line's check; its id."""
        self._check_role(actor)
        self._require_lines(lines)
        with self._uows() as uow:
            self._require_provider(uow, provider_id)
            problems = self._check(uow, provider_id, quarter, lines, now)
            application = SubsidyApplicationRow(
                provider_id=provider_id,
                year=quarter.year,
                quarter=quarter.number,
                status=ApplicationStatus.SUBMITTED.value,
                amount_cents=sum(line.amount_cents for line in lines),
                reason="",
                submitted_by=actor.username,
                submitted_at=now,
                decided_by="",
            )
            uow.session.add(application)
            uow.session.flush()
            for line, found in zip(lines, problems, strict=True):
                uow.session.add(
                    SubsidyLineRow(
                        application_id=application.id,
                        reference=line.reference,
                        child=self._cipher.encrypt(line.child.encode()),
                        dagdelen_per_week=line.dagdelen_per_week,
                        weeks=line.weeks,
                        amount_cents=line.amount_cents,
                        problems=_problems_text(found),
                    )
                )
            count = sum(len(found) for found in problems)
            uow.session.add(
                audit(
                    actor.username,
                    "subsidy.submitted",
                    "subsidy_application",
                    str(application.id),
                    now,
                    f"provider={provider_id} quarter={quarter.label} lines={len(lines)} problems={count}",
                )
            )
            uow.commit()
            log.info(
                "subsidy application %s submitted (%s lines, %s problems)", application.id, len(lines), count
            )
            return application.id

    def _decide(
        self,
        uow: UnitOfWork,
        application_id: int,
        needed: ApplicationStatus,
        values: dict[str, object],
    ) -> None:
        """Move the application from ``needed`` on, in one conditional UPDATE."""
        result = uow.session.execute(
            update(SubsidyApplicationRow)
            .where(SubsidyApplicationRow.id == application_id, SubsidyApplicationRow.status == needed.value)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            uow.rollback()
            row, _ = self._get(uow, application_id)
            raise WrongStatus(application_id, ApplicationStatus(row.status), needed)

    def approve(self, actor: Account, application_id: int, now: datetime) -> None:
        """Approve a submitted application whose lines all pass the check, done again now (an
        indication may have ended or a consent been withdrawn since it was submitted)."""
        self._check_role(actor)
        with self._uows() as uow:
            row, _ = self._get(uow, application_id)
            status = ApplicationStatus(row.status)
            if status is not ApplicationStatus.SUBMITTED:
                raise WrongStatus(application_id, status, ApplicationStatus.SUBMITTED)
            stored = self._lines(uow, application_id)
            lines = [
                SubsidyLine(
                    reference=line.reference,
                    child=self._cipher.decrypt(line.child).decode(),
                    dagdelen_per_week=line.dagdelen_per_week,
                    weeks=line.weeks,
                    amount_cents=line.amount_cents,
                )
                for line in stored
            ]
            problems = self._check(
                uow, row.provider_id, Quarter(row.year, row.quarter), lines, now, application_id
            )
            for line, found in zip(stored, problems, strict=True):
                line.problems = _problems_text(found)
            count = sum(len(found) for found in problems)
            if count:
                uow.session.add(
                    audit(
                        actor.username,
                        "subsidy.approval_refused",
                        "subsidy_application",
                        str(application_id),
                        now,
                        f"problems={count}",
                    )
                )
                uow.commit()
                raise ApplicationHasProblems(application_id, count)
            self._decide(
                uow,
                application_id,
                ApplicationStatus.SUBMITTED,
                {"status": ApplicationStatus.APPROVED.value, "decided_by": actor.username, "decided_at": now},
            )
            uow.session.add(
                audit(actor.username, "subsidy.approved", "subsidy_application", str(application_id), now)
            )
            uow.commit()

    def reject(self, actor: Account, application_id: int, reason: str, now: datetime) -> None:
        """Reject a submitted application with a reason the provider is told."""
        self._check_role(actor)
        reason = reason.strip()
        if not reason or len(reason) > MAX_REASON_LENGTH:
            raise ReasonRequired(f"a rejection needs a reason of 1 to {MAX_REASON_LENGTH} characters")
        with self._uows() as uow:
            self._get(uow, application_id)
            self._decide(
                uow,
                application_id,
                ApplicationStatus.SUBMITTED,
                {
                    "status": ApplicationStatus.REJECTED.value,
                    "reason": reason,
                    "decided_by": actor.username,
                    "decided_at": now,
                },
            )
            uow.session.add(
                audit(actor.username, "subsidy.rejected", "subsidy_application", str(application_id), now)
            )
            uow.commit()

    def mark_paid(self, actor: Account, application_id: int, now: datetime) -> None:
        """Record the payment of an approved application, once its quarter has ended."""
        self._check_role(actor)
        with self._uows() as uow:
            row, _ = self._get(uow, application_id)
            quarter = Quarter(row.year, row.quarter)
            status = ApplicationStatus(row.status)
            if status is not ApplicationStatus.APPROVED:
                raise WrongStatus(application_id, status, ApplicationStatus.APPROVED)
            if not quarter.has_ended(now.date()):
                raise QuarterNotEnded(quarter)
            self._decide(
                uow,
                application_id,
                ApplicationStatus.APPROVED,
                {"status": ApplicationStatus.PAID.value, "paid_at": now},
            )
            uow.session.add(
                audit(actor.username, "subsidy.paid", "subsidy_application", str(application_id), now)
            )
            uow.commit()
