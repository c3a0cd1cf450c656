"""The back office's report to the CAK of the begeleiding the coalition started and ended
(``BEG-CAK``, step B4): the CAK levies the resident's own contribution from it.

The CAK's own message standard is not available here, so the report is a list of what is to be
reported (each start and each end the coalition's 305 and 307 recorded, with the client's BSN, the
dates, the product and the provider), a CSV export of it, and a mark per line that it was
reported, on the case's timeline. The list shows the BSN masked; the export, which goes to the CAK,
holds it whole. Every read and every mark is audit-logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.case import Case
from smi_core.case.kinds import EventKind
from smi_core.constants import N_
from smi_core.errors import NotAllowed
from smi_core.i18n import gettext
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.coalition import CakLine, CakReport
from smi_core.wmo.indications import mask_bsn
from smi_intake.db.coalition import CoalitionRows
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.documents.tables import csv_bytes
from smi_intake.services.accounts import Account

#: What a line is about, for the back office.
CAK_LINE_LABELS = {CakLine.START: N_("Start of care"), CakLine.END: N_("End of care")}


@dataclass(frozen=True)
class CakEntry:
    """One line of the report: a start or an end of one toewijzing."""

    reference: str
    line: CakLine
    bsn: str
    on: date
    """The start date (the 305's) or the end date (the 307's)."""
    product_code: str
    product_name: str
    provider_agb: str
    provider_name: str
    toewijzing_nummer: int
    reported_on: date | None

    @property
    def masked_bsn(self) -> str:
        return mask_bsn(self.bsn)


#: The export's columns (translated in the back office's language).
CSV_HEADER = (
    N_("Case"),
    N_("What"),
    N_("BSN"),
    N_("Date"),
    N_("Product code"),
    N_("Product"),
    N_("Provider AGB"),
    N_("Provider"),
    N_("Toewijzing number"),
    N_("Reported on"),
)


class CakReports:
    """The list, the export and the marks of the report to the CAK."""

    def __init__(
        self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig, catalogue: Catalogue
    ) -> None:
        self._uows = uows
        self.municipality = municipality
        self.catalogue = catalogue

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.EXCHANGE_MESSAGES):
            raise NotAllowed("only the back office reports to the CAK")

    def entries(self, worker: Account, now: datetime) -> list[CakEntry]:
        """Every start and end of begeleiding through the coalition, oldest case first; each case
        read is logged."""
        self._check(worker)
        with self._uows() as uow:
            found = self._entries(uow, worker, now, "cak.listed")
            uow.commit()
        return found

    def export(self, worker: Account, now: datetime, locale: str) -> bytes:
        """The report as a CSV file (cells that a spreadsheet would read as a formula made inert),
        with the whole BSN for the CAK; the export is logged per case."""
        self._check(worker)
        with self._uows() as uow:
            found = self._entries(uow, worker, now, "cak.exported")
            uow.commit()

        def _(message: str) -> str:
            return gettext(locale, message)

        rows = [
            (
                e.reference,
                _(CAK_LINE_LABELS[e.line]),
                e.bsn,
                e.on.isoformat(),
                e.product_code,
                e.product_name,
                e.provider_agb,
                e.provider_name,
                str(e.toewijzing_nummer),
                e.reported_on.isoformat() if e.reported_on is not None else "",
            )
            for e in found
        ]
        return csv_bytes([_(title) for title in CSV_HEADER], rows)

    def mark_reported(
        self, reference: str, line: CakLine, number: int, worker: Account, now: datetime
    ) -> int:
        """Mark one line as reported to the CAK today: an event on the case and an audit record, in
        one transaction."""
        self._check(worker)
        report = CakReport(line=line, toewijzing_nummer=number, reported_on=now.date())

        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            version = case.record_cak_report(worker, report, now)
            uow.cases.save(case)
            uow.audit_log.record(
                worker.username, "cak.reported", "case", reference, now, detail=f"{line.value}/{number}"
            )
            uow.commit()
        return version

    def _entries(self, uow: UnitOfWork, worker: Account, now: datetime, action: str) -> list[CakEntry]:
        found: list[CakEntry] = []
        for reference in CoalitionRows(uow.session).references_with(EventKind.CARE_STARTED):
            case = uow.cases.get(reference, self.municipality)
            uow.cases.log_read(worker.username, action, reference, now)
            found.extend(self._of(case))
        return found

    def _of(self, case: Case) -> list[CakEntry]:
        wmo, records = case.wmo, case.coalition
        provision, client = wmo.provision, wmo.client
        if provision is None or client is None or wmo.started is None:
            return []
        provider = self.catalogue.provider(provision.provider_agb)
        lines = [(CakLine.START, wmo.started.toewijzing_nummer, wmo.started.begindatum)]
        if wmo.ended is not None and wmo.ended.einddatum is not None:
            lines.append((CakLine.END, wmo.ended.toewijzing_nummer, wmo.ended.einddatum))
        return [
            CakEntry(
                reference=case.reference,
                line=line,
                bsn=client.bsn,
                on=on,
                product_code=provision.product_code,
                product_name=provision.product_name,
                provider_agb=provision.provider_agb,
                provider_name=provider.name if provider is not None else provision.provider_name,
                toewijzing_nummer=number,
                reported_on=records.reported.get((line, number)),
            )
            for line, number, on in lines
        ]


__all__ = ["CAK_LINE_LABELS", "CSV_HEADER", "CakEntry", "CakReports"]
