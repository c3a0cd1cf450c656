"""The dates of the running indications, read from the clear date columns only (nothing decrypted)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smi_core.deadlines import IndicationDates
from smi_intake.db.models import CaseRow, IndicationRow


class DeadlineQueries:
    """The deadlines view's read, on the unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def running(self, max_extensions: int, owner: str | None = None) -> list[IndicationDates]:
        """The dates of every indication that has not ended (only ``owner``'s cases when given),
        with the case owner from the case row."""
        statement = (
            select(
                IndicationRow.reference,
                CaseRow.owner,
                IndicationRow.start,
                IndicationRow.contact_due,
                IndicationRow.contact_done_on,
                IndicationRow.last_day,
                IndicationRow.hard_stop,
                IndicationRow.age_limit_day,
                IndicationRow.extensions,
                IndicationRow.ended_on,
            )
            .join(CaseRow, CaseRow.id == IndicationRow.case_id)
            .where(IndicationRow.ended_on.is_(None))
        )
        if owner is not None:
            statement = statement.where(CaseRow.owner == owner)
        return [
            IndicationDates(
                reference=row.reference,
                owner=row.owner,
                start=row.start,
                contact_due=row.contact_due,
                contact_done_on=row.contact_done_on,
                last_day=row.last_day,
                hard_stop=row.hard_stop,
                age_limit_day=row.age_limit_day,
                extensions=row.extensions,
                max_extensions=max_extensions,
                ended_on=row.ended_on,
            )
            for row in self._session.execute(statement).all()
        ]
