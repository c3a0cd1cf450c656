"""The municipality's side of the funding: the granted indications and their costs, and (through
``smi_intake.services.subsidies``) the providers' quarterly subsidy applications.

The municipality sees an indication only while the parents' consent to share data with the
municipality is given (``Sharing.MUNICIPALITY``); the others are only counted
(``smi_intake.db.funding``). Audit records name counts, never a child.

``FundingService`` is what the funding screen holds: the two use cases side by side, each
method handed on unchanged to the one that does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from smi_core import MunicipalityConfig
from smi_core.constants import CareType
from smi_core.funding import (
    IndicationPhase,
    LineProblem,
    Quarter,
    SubsidyLine,
    estimated_total_cost,
    funded_indication,
    indication_phase,
)
from smi_core.placement import ConsentState
from smi_intake.db.subsidies import ApplicationView, LineView, ProviderChoice
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.subsidies import MAX_REASON_LENGTH, SubsidyApplicationService, check_funding_role


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


class IndicationCostService:
    """The granted indications the municipality may see, with their costs."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._municipality = municipality

    def indications(self, viewer: Account, now: datetime) -> IndicationOverview:
        """The granted indications whose families consent now to sharing with the municipality,
        with provider, dates and costs; the others only counted by consent state. Audited."""
        check_funding_role(viewer)
        on = now.date()
        rates = self._municipality.dagdeel_rates
        with self._uows() as uow:
            visible = uow.funding.visible_indications(now, decrypt=bool(rates))
            granted = uow.funding.granted_amounts([g.reference for g in visible.shown])
            costs: list[IndicationCost] = []
            for row in visible.shown:
                funded_last_day = row.last_day if row.ended_on is None else min(row.last_day, row.ended_on)
                estimate = None
                if rates and row.indication is not None:
                    funded = funded_indication(
                        row.reference, row.provider_id, row.indication, self._municipality, row.ended_on
                    )
                    estimate = estimated_total_cost(funded, rates)
                costs.append(
                    IndicationCost(
                        reference=row.reference,
                        provider=row.provider,
                        location=row.location,
                        care_type=row.care_type,
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
            uow.audit_log.record(
                viewer.username,
                "funding.indications_viewed",
                "indications",
                "all",
                now,
                f"shown={len(costs)} hidden={sum(visible.hidden.values())}",
            )
            uow.commit()
        return IndicationOverview(costs=costs, hidden=visible.hidden)


class FundingService:
    """The funding screen's services: the indications and costs (``overview``) and the subsidy
    applications (``subsidies``), with their methods under the names the screen uses."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self.overview = IndicationCostService(uows, municipality)
        self.subsidies = SubsidyApplicationService(uows, municipality)

    def indications(self, viewer: Account, now: datetime) -> IndicationOverview:
        return self.overview.indications(viewer, now)

    def providers(self, viewer: Account) -> list[ProviderChoice]:
        return self.subsidies.providers(viewer)

    def applications(self, viewer: Account, quarter: Quarter | None = None) -> list[ApplicationView]:
        return self.subsidies.applications(viewer, quarter)

    def application(self, viewer: Account, application_id: int, now: datetime) -> ApplicationView:
        return self.subsidies.application(viewer, application_id, now)

    def check(
        self, actor: Account, provider_id: int, quarter: Quarter, lines: Sequence[SubsidyLine], now: datetime
    ) -> list[list[LineProblem]]:
        return self.subsidies.check(actor, provider_id, quarter, lines, now)

    def submit(
        self, actor: Account, provider_id: int, quarter: Quarter, lines: Sequence[SubsidyLine], now: datetime
    ) -> int:
        return self.subsidies.submit(actor, provider_id, quarter, lines, now)

    def approve(self, actor: Account, application_id: int, now: datetime) -> None:
        self.subsidies.approve(actor, application_id, now)

    def reject(self, actor: Account, application_id: int, reason: str, now: datetime) -> None:
        self.subsidies.reject(actor, application_id, reason, now)

    def mark_paid(self, actor: Account, application_id: int, now: datetime) -> None:
        self.subsidies.mark_paid(actor, application_id, now)


__all__ = [
    "MAX_REASON_LENGTH",
    "ApplicationView",
    "FundingService",
    "IndicationCost",
    "IndicationCostService",
    "IndicationOverview",
    "LineView",
    "ProviderChoice",
]
