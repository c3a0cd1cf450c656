"""The few read queries that the demo data need to decide what to add (demo mode only)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from smi_intake.db.models import CaseRow, IndicationRow, ProviderLocationRow
from smi_intake.db.uow import UnitOfWork


@dataclass(frozen=True)
class DemoStart:
    """Where the demo placement can start: the first case, and the first provider location."""

    reference: str
    status: str
    location_id: int | None


def has_cases(uow: UnitOfWork) -> bool:
    return bool(uow.session.scalar(select(func.count()).select_from(CaseRow)))


def has_indications(uow: UnitOfWork) -> bool:
    return bool(uow.session.scalar(select(func.count()).select_from(IndicationRow)))


def demo_start(uow: UnitOfWork) -> DemoStart | None:
    """The first case with a reference, with the first location of the register; None without."""
    first = uow.session.execute(
        select(CaseRow.reference, CaseRow.status).where(CaseRow.reference.is_not(None)).order_by(CaseRow.id)
    ).first()
    if first is None:
        return None
    location = uow.session.scalar(select(ProviderLocationRow.id).order_by(ProviderLocationRow.id))
    return DemoStart(reference=str(first.reference), status=first.status, location_id=location)


def case_version(uow: UnitOfWork, reference: str) -> int:
    return int(uow.session.scalar(select(CaseRow.version).where(CaseRow.reference == reference)) or 0)
