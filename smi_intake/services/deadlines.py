"""The deadlines of the running indications, read from the date columns only.

Nothing is decrypted: an indication row keeps its dates in the clear for exactly this view, and
the case row gives the case owner. The rules of what falls due live in ``smi_core.deadlines``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from smi_core import MunicipalityConfig, default_municipality
from smi_core.access import Permission, may
from smi_core.deadlines import Deadline, IndicationDates, deadlines
from smi_core.errors import NotAllowed
from smi_intake.db.models import CaseRow, IndicationRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account


class DeadlineService:
    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig | None = None) -> None:
        self._uows = uows
        self._municipality = municipality or default_municipality()

    def deadlines(self, viewer: Account, today: date, mine_only: bool) -> list[Deadline]:
        """The open deadlines of the indications that have not ended, by due day then reference.

        ``mine_only``: only those of the cases the viewer owns. WIJzer workers and the
        coordinator only.
        """
        if not may(viewer.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator see the deadlines")
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
        if mine_only:
            statement = statement.where(CaseRow.owner == viewer.username)
        with self._uows() as uow:
            rows = uow.session.execute(statement).all()
        items = [
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
                max_extensions=self._municipality.max_extensions,
                ended_on=row.ended_on,
            )
            for row in rows
        ]
        return deadlines(items, today)
