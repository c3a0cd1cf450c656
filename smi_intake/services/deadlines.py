"""The deadlines of the running indications, read from the date columns only.

Nothing is decrypted: an indication row keeps its dates in the clear for exactly this view, and
the case row gives the case owner (``smi_intake.db.deadlines``). The rules of what falls due
live in ``smi_core.deadlines``.
"""

from __future__ import annotations

from datetime import date

from smi_core import MunicipalityConfig, default_municipality
from smi_core.access import Permission, may
from smi_core.deadlines import Deadline, deadlines
from smi_core.errors import NotAllowed
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
        with self._uows() as uow:
            items = uow.deadlines.running(
                self._municipality.max_extensions, owner=viewer.username if mine_only else None
            )
        return deadlines(items, today)
