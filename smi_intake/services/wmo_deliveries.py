"""The provider's messages about a Wmo case's toewijzing, as the message service's import tells of
them (after the import committed): a 305 or 307 records the start or stop of the care, a 317 the
change request, on the case whose 301 holds the ToewijzingNummer. The import never waits for the
case: a message of no Wmo case changes nothing, and a case that changed at the same moment is
tried once more."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial

from smi_core import MunicipalityConfig
from smi_core.case import Case
from smi_core.errors import ConcurrentEdit
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.messages import (
    HeenMessage,
    StartZorgBericht,
    StopZorgBericht,
    VerzoekOmWijzigingBericht,
)
from smi_core.wmo.casework import (
    CareReported,
    ChangeRequest,
)
from smi_intake.db.messages import Direction
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account

log = logging.getLogger(__name__)


class WmoDeliveries:
    """Records the providers' accepted messages on their Wmo cases."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self.municipality = municipality

    def delivery_arrived(self, message: HeenMessage, message_id: int, worker: Account, now: datetime) -> None:
        """An accepted provider's message: a 305 or 307 (iWmo or iJw) records the start or stop of
        care on the case whose toewijzing it names (a message of no such case changes nothing)."""
        domain = message.domain
        if isinstance(message, VerzoekOmWijzigingBericht):
            self._change_requested(message, message_id, worker, now)
            return
        if not isinstance(message, StartZorgBericht | StopZorgBericht):
            return
        if isinstance(message, StartZorgBericht):
            for start in message.client.start_producten:
                if start.toewijzing_nummer is not None:
                    report = CareReported(
                        toewijzing_nummer=start.toewijzing_nummer,
                        message_id=message_id,
                        identification=message.identification,
                        begindatum=start.begindatum,
                    )
                    self._on_case(report, partial(_started, worker=worker, report=report, now=now), domain)
            return
        for stop in message.client.stop_producten:
            if stop.toewijzing_nummer is not None:
                report = CareReported(
                    toewijzing_nummer=stop.toewijzing_nummer,
                    message_id=message_id,
                    identification=message.identification,
                    begindatum=stop.begindatum,
                    einddatum=stop.einddatum,
                    reason=stop.reden_beeindiging.value,
                )
                self._on_case(report, partial(_ended, worker=worker, report=report, now=now), domain)

    def _change_requested(
        self, message: VerzoekOmWijzigingBericht, message_id: int, worker: Account, now: datetime
    ) -> None:
        verzoek = message.client.verzoek
        for product in verzoek.te_wijzigen_producten:
            omvang = product.omvang
            request = ChangeRequest(
                message_id=message_id,
                identification=message.identification,
                referentie_aanbieder=verzoek.referentie_aanbieder,
                toewijzing_nummer=product.toewijzing_nummer,
                from_date=product.gewenste_ingangsdatum,
                volume=omvang.volume if omvang else None,
                unit=omvang.eenheid if omvang else None,
                frequency=omvang.frequentie if omvang else None,
                einddatum=product.einddatum,
                new_products=len(verzoek.nieuwe_producten),
            )
            self._on_case(
                request, partial(_requested, worker=worker, request=request, now=now), message.domain
            )

    def _on_case(
        self, report: CareReported | ChangeRequest, action: Callable[[Case], int], domain: Domain
    ) -> None:
        for attempt in (1, 2):
            with self._uows() as uow:
                reference = self._case_of(uow, report.toewijzing_nummer, domain)
                if reference is None:
                    return
                case = uow.cases.get(reference, self.municipality)
                action(case)
                try:
                    uow.cases.save(case)
                    uow.commit()
                except ConcurrentEdit:
                    if attempt == 2:
                        raise
                    continue
                log.info(
                    "case %s: %s recorded (message %s)", reference, report.identification, report.message_id
                )
                return

    @staticmethod
    def _case_of(uow: UnitOfWork, number: int, domain: Domain) -> str | None:
        """The Wmo or youth-care case whose 301 of ``domain`` holds ToewijzingNummer ``number``."""
        for stored in uow.messages.for_assignment(domain.value, number):
            if stored.direction is Direction.OUT and stored.kind == "301" and stored.case_id is not None:
                return uow.wmo_cases.reference_of(stored.case_id)
        return None


def _started(case: Case, *, worker: Account, report: CareReported, now: datetime) -> int:
    return case.record_care_started(worker, report, now)


def _requested(case: Case, *, worker: Account, request: ChangeRequest, now: datetime) -> int:
    return case.record_change_request(worker, request, now)


def _ended(case: Case, *, worker: Account, report: CareReported, now: datetime) -> int:
    return case.record_care_ended(worker, report, now)


__all__ = ["WmoDeliveries"]
