"""The providers' quarterly subsidy applications: checked per line, submitted, approved or
rejected, and paid.

A subsidy line for an indication whose parents do not consent to sharing with the municipality
is not checked against it: it gets ``NO_CONSENT``. The child's first name on a line is
encrypted (``smi_intake.db.subsidies``); audit records name the application and counts, never
a child. Deciding is one conditional UPDATE on the application's status, so of two people
approving and rejecting the same application at the same moment exactly one succeeds.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.errors import NotAllowed
from smi_core.funding import (
    MAX_LINES,
    ApplicationStatus,
    LineProblem,
    Quarter,
    SubsidyLine,
    check_application,
)
from smi_core.register_refusals import (
    ApplicationHasProblems,
    ApplicationInvalid,
    QuarterNotEnded,
    ReasonRequired,
    UnknownProvider,
    WrongStatus,
)
from smi_intake.db.subsidies import ApplicationView, ProviderChoice
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account

log = logging.getLogger(__name__)

MAX_REASON_LENGTH = 2000


def check_funding_role(account: Account) -> None:
    """Only municipality staff and the SMI coordinator handle the funding."""
    if not may(account.role, Permission.HANDLE_FUNDING):
        raise NotAllowed("only municipality staff and the SMI coordinator handle the funding")


def _require_lines(lines: Sequence[SubsidyLine]) -> None:
    if not lines:
        raise ApplicationInvalid("an application needs at least one line")
    if len(lines) > MAX_LINES:
        raise ApplicationInvalid(f"an application has at most {MAX_LINES} lines")


class SubsidyApplicationService:
    """The course of a provider's quarterly subsidy application, from its check to its payment."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._municipality = municipality

    def providers(self, viewer: Account) -> list[ProviderChoice]:
        """The providers of the register, by name (also inactive ones: they may still apply)."""
        check_funding_role(viewer)
        with self._uows() as uow:
            return uow.subsidies.providers()

    def applications(self, viewer: Account, quarter: Quarter | None = None) -> list[ApplicationView]:
        """The applications, newest first (of one quarter, or all), without their lines."""
        check_funding_role(viewer)
        with self._uows() as uow:
            return uow.subsidies.all(quarter)

    def application(self, viewer: Account, application_id: int, now: datetime) -> ApplicationView:
        """One application with its lines (the children's first names decrypted) and their problems.
        Audited."""
        check_funding_role(viewer)
        with self._uows() as uow:
            found = uow.subsidies.get(application_id)
            views = tuple(stored.view for stored in uow.subsidies.lines(application_id))
            count = sum(len(v.problems) for v in views)
            uow.audit_log.record(
                viewer.username, "subsidy.read", "subsidy_application", str(application_id), now
            )
            uow.commit()
            return replace(found, problem_count=count, lines=views)

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
        basis = uow.subsidies.check_basis(
            (line.reference for line in lines), quarter, at, self._municipality, before=application_id
        )
        return check_application(
            provider_id,
            quarter,
            lines,
            basis.funded,
            self._municipality,
            claimed_before=basis.claimed,
            withheld=basis.withheld,
        )

    @staticmethod
    def _require_provider(uow: UnitOfWork, provider_id: int) -> None:
        if not uow.subsidies.provider_exists(provider_id):
            raise UnknownProvider(provider_id)

    def check(
        self, actor: Account, provider_id: int, quarter: Quarter, lines: Sequence[SubsidyLine], now: datetime
    ) -> list[list[LineProblem]]:
        """The check of an application before it is submitted (nothing is stored but the audit)."""
        check_funding_role(actor)
        _require_lines(lines)
        with self._uows() as uow:
            self._require_provider(uow, provider_id)
            problems = self._check(uow, provider_id, quarter, lines, now)
            uow.audit_log.record(
                actor.username,
                "subsidy.checked",
                "provider",
                str(provider_id),
                now,
                f"quarter={quarter.label} lines={len(lines)}",
            )
            uow.commit()
        return problems

    def submit(
        self, actor: Account, provider_id: int, quarter: Quarter, lines: Sequence[SubsidyLine], now: datetime
    ) -> int:
        """Store a provider's application for ``quarter`` with each line's check; its id."""
        check_funding_role(actor)
        _require_lines(lines)
        with self._uows() as uow:
            self._require_provider(uow, provider_id)
            problems = self._check(uow, provider_id, quarter, lines, now)
            application_id = uow.subsidies.add(provider_id, quarter, lines, problems, actor.username, now)
            count = sum(len(found) for found in problems)
            uow.audit_log.record(
                actor.username,
                "subsidy.submitted",
                "subsidy_application",
                str(application_id),
                now,
                f"provider={provider_id} quarter={quarter.label} lines={len(lines)} problems={count}",
            )
            uow.commit()
            log.info(
                "subsidy application %s submitted (%s lines, %s problems)", application_id, len(lines), count
            )
            return application_id

    def approve(self, actor: Account, application_id: int, now: datetime) -> None:
        """Approve a submitted application whose lines all pass the check, done again now (an
        indication may have ended or a consent been withdrawn since it was submitted)."""
        check_funding_role(actor)
        with self._uows() as uow:
            found = uow.subsidies.get(application_id)
            if found.status is not ApplicationStatus.SUBMITTED:
                raise WrongStatus(application_id, found.status, ApplicationStatus.SUBMITTED)
            stored = uow.subsidies.lines(application_id)
            lines = [line.view.line() for line in stored]
            problems = self._check(uow, found.provider_id, found.quarter, lines, now, application_id)
            uow.subsidies.record_problems(
                (line.id, problem) for line, problem in zip(stored, problems, strict=True)
            )
            count = sum(len(problem) for problem in problems)
            if count:
                uow.audit_log.record(
                    actor.username,
                    "subsidy.approval_refused",
                    "subsidy_application",
                    str(application_id),
                    now,
                    f"problems={count}",
                )
                uow.commit()
                raise ApplicationHasProblems(application_id, count)
            uow.subsidies.move(
                application_id,
                ApplicationStatus.SUBMITTED,
                {"status": ApplicationStatus.APPROVED.value, "decided_by": actor.username, "decided_at": now},
            )
            uow.audit_log.record(
                actor.username, "subsidy.approved", "subsidy_application", str(application_id), now
            )
            uow.commit()

    def reject(self, actor: Account, application_id: int, reason: str, now: datetime) -> None:
        """Reject a submitted application with a reason the provider is told."""
        check_funding_role(actor)
        reason = reason.strip()
        if not reason or len(reason) > MAX_REASON_LENGTH:
            raise ReasonRequired(f"a rejection needs a reason of 1 to {MAX_REASON_LENGTH} characters")
        with self._uows() as uow:
            uow.subsidies.get(application_id)
            uow.subsidies.move(
                application_id,
                ApplicationStatus.SUBMITTED,
                {
                    "status": ApplicationStatus.REJECTED.value,
                    "reason": reason,
                    "decided_by": actor.username,
                    "decided_at": now,
                },
            )
            uow.audit_log.record(
                actor.username, "subsidy.rejected", "subsidy_application", str(application_id), now
            )
            uow.commit()

    def mark_paid(self, actor: Account, application_id: int, now: datetime) -> None:
        """Record the payment of an approved application, once its quarter has ended."""
        check_funding_role(actor)
        with self._uows() as uow:
            found = uow.subsidies.get(application_id)
            if found.status is not ApplicationStatus.APPROVED:
                raise WrongStatus(application_id, found.status, ApplicationStatus.APPROVED)
            if not found.quarter.has_ended(now.date()):
                raise QuarterNotEnded(found.quarter)
            uow.subsidies.move(
                application_id,
                ApplicationStatus.APPROVED,
                {"status": ApplicationStatus.PAID.value, "paid_at": now},
            )
            uow.audit_log.record(
                actor.username, "subsidy.paid", "subsidy_application", str(application_id), now
            )
            uow.commit()
