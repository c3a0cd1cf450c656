"""The recorded consents of a case, and the gate every sharing passes through."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from smi_core.cases import ConsentKind, ConsentRecord
from smi_core.placement import ConsentState, Sharing, SharingCheck, check_sharing
from smi_intake.db.models import ConsentRow
from smi_intake.db.uow import UnitOfWork


class ConsentMissing(PermissionError):
    """A sharing without the consent it needs: names the consent and whether it is missing,
    refused or withdrawn (never any personal data)."""

    def __init__(self, check: SharingCheck) -> None:
        super().__init__(f"{check.sharing.value} needs {check.consent.value}, which is {check.state.value}")
        self.check = check


def consent_from_row(row: ConsentRow) -> ConsentRecord:
    return ConsentRecord(
        kind=ConsentKind(row.kind),
        given=row.given,
        text_version=row.text_version,
        text_sha256=row.text_sha256,
        locale=row.locale,
        recorded_at=row.recorded_at,
        given_by=row.given_by,
        withdrawn_at=row.withdrawn_at,
    )


def case_consents(uow: UnitOfWork, case_id: int, lock: bool = False) -> list[ConsentRecord]:
    """Every consent recorded for the case, oldest first; ``lock`` keeps a withdrawal from
    committing in between until this transaction ends (PostgreSQL; SQLite writes one at a time)."""
    query = select(ConsentRow).where(ConsentRow.case_id == case_id)
    if lock:
        query = query.with_for_update()
    rows = uow.session.scalars(query.order_by(ConsentRow.recorded_at, ConsentRow.id))
    return [consent_from_row(row) for row in rows]


def sharing_check(uow: UnitOfWork, case_id: int, sharing: Sharing, at: datetime) -> SharingCheck:
    """Whether the case's consents allow ``sharing`` at ``at``."""
    return check_sharing(case_consents(uow, case_id), sharing, at)


def require_sharing(uow: UnitOfWork, case_id: int, sharing: Sharing, at: datetime) -> None:
    """Raise ``ConsentMissing`` unless the consent for exactly this sharing is given at ``at``."""
    check = check_sharing(case_consents(uow, case_id, lock=True), sharing, at)
    if check.state is not ConsentState.GIVEN:
        raise ConsentMissing(check)
