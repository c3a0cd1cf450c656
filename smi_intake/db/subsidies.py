"""The providers' quarterly subsidy applications, as a repository.

The child's first name on a line is encrypted here and decrypted here only. Moving an
application on is one conditional UPDATE on its status, so of two people approving and
rejecting the same application at the same moment exactly one succeeds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from smi_core import MunicipalityConfig
from smi_core.funding import (
    CLAIMING_STATUSES,
    ApplicationStatus,
    FundedIndication,
    LineProblem,
    Quarter,
    SubsidyLine,
    funded_indication,
)
from smi_core.placement import ConsentState
from smi_core.register_refusals import ApplicationNotFound, WrongStatus
from smi_intake.crypto import Cipher
from smi_intake.db.funding import municipality_consents
from smi_intake.db.models import (
    IndicationRow,
    ProviderLocationRow,
    ProviderRow,
    SubsidyApplicationRow,
    SubsidyLineRow,
)
from smi_intake.db.rows import read_indication


@dataclass(frozen=True)
class ProviderChoice:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class LineView:
    reference: str
    child: str
    dagdelen_per_week: int
    weeks: int
    amount_cents: int
    problems: tuple[LineProblem, ...]

    def line(self) -> SubsidyLine:
        """The line as the check takes it."""
        return SubsidyLine(
            reference=self.reference,
            child=self.child,
            dagdelen_per_week=self.dagdelen_per_week,
            weeks=self.weeks,
            amount_cents=self.amount_cents,
        )


@dataclass(frozen=True)
class StoredLine:
    id: int
    view: LineView


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
    """Only in ``SubsidyApplicationService.application``; the list leaves them out."""


@dataclass(frozen=True)
class CheckBasis:
    """What the check of some lines stands on: the funded indications the municipality may see,
    the references it may not (withheld consent), and (reference, child) claimed before."""

    funded: dict[str, FundedIndication]
    withheld: set[str]
    claimed: set[tuple[str, str]]


def _problems_text(problems: Iterable[LineProblem]) -> str:
    return ",".join(p.value for p in problems)


def _problems(text: str) -> tuple[LineProblem, ...]:
    return tuple(LineProblem(value) for value in text.split(",") if value)


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


class SubsidyApplications:
    """The applications and their lines, on the unit of work's session."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher
        self._lines: dict[int, SubsidyLineRow] = {}
        """The lines read in this unit of work, by id, so their problems can be kept without a query."""

    def providers(self) -> list[ProviderChoice]:
        """The providers of the register, by name (also inactive ones: they may still apply)."""
        rows = self._session.execute(
            select(ProviderRow.id, ProviderRow.name, ProviderRow.active).order_by(ProviderRow.name)
        )
        return [ProviderChoice(id=r.id, name=r.name, active=r.active) for r in rows]

    def provider_exists(self, provider_id: int) -> bool:
        return self._session.get(ProviderRow, provider_id) is not None

    def all(self, quarter: Quarter | None = None) -> list[ApplicationView]:
        """The applications, newest first (of one quarter, or all), without their lines."""
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
        rows = self._session.execute(statement).all()
        counts: dict[int, int] = defaultdict(int)
        if rows:
            problem_rows = self._session.execute(
                select(SubsidyLineRow.application_id, SubsidyLineRow.problems).where(
                    SubsidyLineRow.application_id.in_([row.id for row, _ in rows]),
                    SubsidyLineRow.problems != "",
                )
            )
            for application_id, problems in problem_rows:
                counts[application_id] += len(_problems(problems))
        return [_view(row, provider, counts[row.id]) for row, provider in rows]

    def get(self, application_id: int) -> ApplicationView:
        """One application without its lines (nor their problem count); ``ApplicationNotFound`` if none."""
        found = self._session.execute(
            select(SubsidyApplicationRow, ProviderRow.name)
            .join(ProviderRow, SubsidyApplicationRow.provider_id == ProviderRow.id)
            .where(SubsidyApplicationRow.id == application_id)
        ).one_or_none()
        if found is None:
            raise ApplicationNotFound(application_id)
        return _view(found[0], found[1], 0)

    def lines(self, application_id: int) -> list[StoredLine]:
        """The application's lines in their order, the children's first names decrypted."""
        rows = list(
            self._session.scalars(
                select(SubsidyLineRow)
                .where(SubsidyLineRow.application_id == application_id)
                .order_by(SubsidyLineRow.id)
            )
        )
        self._lines.update((row.id, row) for row in rows)
        return [
            StoredLine(
                id=line.id,
                view=LineView(
                    reference=line.reference,
                    child=self._cipher.decrypt(line.child).decode(),
                    dagdelen_per_week=line.dagdelen_per_week,
                    weeks=line.weeks,
                    amount_cents=line.amount_cents,
                    problems=_problems(line.problems),
                ),
            )
            for line in rows
        ]

    def record_problems(self, found: Iterable[tuple[int, Sequence[LineProblem]]]) -> None:
        """Keep each line's (id's) problems of a new check; the lines were read in this unit of work."""
        for line_id, problems in found:
            self._lines[line_id].problems = _problems_text(problems)

    def check_basis(
        self,
        references: Iterable[str],
        quarter: Quarter,
        at: datetime,
        municipality: MunicipalityConfig,
        before: int | None = None,
    ) -> CheckBasis:
        """The indications of ``references`` as they stand at ``at``, and the lines of earlier
        (ids below ``before``), not rejected applications for the same quarter."""
        wanted = sorted(set(references))
        rows = self._session.execute(
            select(IndicationRow, ProviderLocationRow.provider_id)
            .outerjoin(ProviderLocationRow, IndicationRow.location_id == ProviderLocationRow.id)
            .where(IndicationRow.reference.in_(wanted))
        ).all()
        states = municipality_consents(self._session, (row.case_id for row, _ in rows), at)
        withheld = {row.reference for row, _ in rows if states[row.case_id] is not ConsentState.GIVEN}
        funded = {
            row.reference: funded_indication(
                row.reference,
                location_provider,
                read_indication(row, self._cipher),
                municipality,
                row.ended_on,
            )
            for row, location_provider in rows
            if row.reference not in withheld
        }
        earlier = (
            select(SubsidyLineRow.reference, SubsidyLineRow.child)
            .join(SubsidyApplicationRow, SubsidyLineRow.application_id == SubsidyApplicationRow.id)
            .where(
                SubsidyLineRow.reference.in_(wanted),
                SubsidyApplicationRow.year == quarter.year,
                SubsidyApplicationRow.quarter == quarter.number,
                SubsidyApplicationRow.status.in_([s.value for s in CLAIMING_STATUSES]),
            )
        )
        if before is not None:
            earlier = earlier.where(SubsidyApplicationRow.id < before)
        claimed = {
            (reference, self._cipher.decrypt(child).decode().casefold())
            for reference, child in self._session.execute(earlier)
        }
        return CheckBasis(funded=funded, withheld=withheld, claimed=claimed)

    def add(
        self,
        provider_id: int,
        quarter: Quarter,
        lines: Sequence[SubsidyLine],
        problems: Sequence[Sequence[LineProblem]],
        submitted_by: str,
        now: datetime,
    ) -> int:
        """Store a submitted application with each line's check (the child's name encrypted); its id."""
        application = SubsidyApplicationRow(
            provider_id=provider_id,
            year=quarter.year,
            quarter=quarter.number,
            status=ApplicationStatus.SUBMITTED.value,
            amount_cents=sum(line.amount_cents for line in lines),
            reason="",
            submitted_by=submitted_by,
            submitted_at=now,
            decided_by="",
        )
        self._session.add(application)
        self._session.flush()
        for line, found in zip(lines, problems, strict=True):
            self._session.add(
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
        return application.id

    def move(self, application_id: int, needed: ApplicationStatus, values: dict[str, object]) -> None:
        """Move the application from ``needed`` on, in one conditional UPDATE; ``WrongStatus`` (after
        a rollback) when it is no longer in ``needed``."""
        result = self._session.execute(
            update(SubsidyApplicationRow)
            .where(SubsidyApplicationRow.id == application_id, SubsidyApplicationRow.status == needed.value)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            self._session.rollback()
            raise WrongStatus(application_id, self.get(application_id).status, needed)
