"""Begeleiding through the coalition (B2-B5) as the access worker, the coalition and the back
office do it.

- The access worker passes a request whose provision goes the coalition's way to the coalition,
  with part 1 of the plan van aanpak (``pass_to_coalition``), and gives the resident the DAT letter
  in the resident's language (``dat_letter``). The back office's 301 then goes the usual way
  (``WmoCaseService.assign``), to the coalition's AGB code.
- The coalition's counsellor (a provider account of the coalition) sees the cases assigned to its
  organisation (``cases_of``), records the contact (``BEG-CONTACT-1W``), the plan of approach (the
  beschikking under mandate, ``BEG-MANDATE``) and the ending plan; its 305 and 307 go through the
  provider's page like any provider's, the 305 with the in-depth conversation's day
  (``BEG-START-DATE``).
- The contact term is on the deadlines view from the clear columns (``deadlines``).

Every read of a case's sealed records is audit-logged. The report to the CAK is in ``cak``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.case import Case
from smi_core.case.coalition_records import CoalitionRecords
from smi_core.case.coalition_refusals import CoalitionStepOutOfOrder
from smi_core.case.kinds import EventKind
from smi_core.case.route import is_open
from smi_core.case.wmo_records import WmoRecords
from smi_core.cases import CaseStatus
from smi_core.deadlines import Deadline, term_deadlines
from smi_core.errors import NotAllowed
from smi_core.wmo.casework import ProvisionChoice, WmoClient
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.coalition import (
    CoalitionContact,
    CoalitionHandover,
    EndingPlan,
    PlanOfApproach,
    goes_to_coalition,
)
from smi_core.wmo.letters import DatLetter, Resident
from smi_core.wmo.terms import TermState
from smi_intake.db.coalition import CoalitionRows
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseChanges
from smi_intake.wmo_letters import dat_letter_pdf


@dataclass(frozen=True)
class CoalitionCase:
    """A case that went the coalition's way, as the coalition and the access worker see it."""

    reference: str
    status: CaseStatus
    client_name: str
    provision: ProvisionChoice | None
    records: CoalitionRecords
    wmo: WmoRecords
    contact_term: TermState | None

    @property
    def toewijzing_nummer(self) -> int | None:
        return self.wmo.assignment.toewijzing_nummer if self.wmo.assignment is not None else None


def client_name(client: WmoClient | None) -> str:
    """The client's short name (``J. de Vries``), as a letter or a list names them."""
    if client is None:
        return ""
    initials = ".".join(client.initials) + "." if client.initials else ""
    return " ".join(part for part in (initials, client.prefix, client.surname) if part)


class CoalitionService:
    """The coalition's route on the Wmo cases."""

    def __init__(
        self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig, catalogue: Catalogue
    ) -> None:
        self._uows = uows
        self.municipality = municipality
        self.catalogue = catalogue
        self._change = CaseChanges(uows, municipality)

    @staticmethod
    def _check_worker(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")

    @staticmethod
    def _agb(provider: Account) -> str:
        if not may(provider.role, Permission.PROVIDE_CARE):
            raise NotAllowed("only the coalition records its contact and plans")
        return provider.organisation

    def goes_to_coalition(self, provision: ProvisionChoice | None) -> bool:
        """Whether the chosen provision goes the coalition's way (B2)."""
        return provision is not None and goes_to_coalition(
            self.catalogue, provision.product_code, provision.provider_agb
        )

    def coalition_name(self, agb: str) -> str:
        provider = self.catalogue.provider(agb)
        return provider.name if provider is not None else agb

    # -- the access worker -----------------------------------------------------------------------

    def pass_to_coalition(
        self, reference: str, worker: Account, version: int, handover: CoalitionHandover, now: datetime
    ) -> int:
        """Pass the request to the coalition with part 1 of the plan van aanpak (B2)."""
        self._check_worker(worker)
        catalogue = self.catalogue
        return self._change(
            reference, lambda case: case.pass_to_coalition(worker, version, handover, catalogue, now)
        )

    def case(self, reference: str, worker: Account, now: datetime) -> CoalitionCase:
        """The coalition's part of a Wmo case, for the access worker's case page; the read is logged."""
        self._check_worker(worker)
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            uow.cases.log_read(worker.username, "wmo_coalition.viewed", reference, now)
            uow.commit()
        return self._view(case, now.date())

    def dat_letter(self, reference: str, worker: Account, now: datetime) -> tuple[bytes, str]:
        """The DAT letter of a case passed to the coalition as a PDF in the resident's language,
        and that language (``BEG-DAT-NOT-BESCHIKKING``); the read is logged."""
        self._check_worker(worker)
        with self._uows() as uow:
            locale = uow.wmo_cases.melding(reference).locale
            case = uow.cases.get(reference, self.municipality)
            uow.cases.log_read(worker.username, "wmo_dat_letter.made", reference, now)
            uow.commit()
        records, provision = case.coalition, case.wmo.provision
        if records.handover is None or provision is None:
            raise CoalitionStepOutOfOrder("not_passed")
        letter = DatLetter(
            resident=Resident(client_name(case.wmo.client)),
            passed_on=records.handover.passed_on,
            coalition=self.coalition_name(provision.provider_agb),
            letter_date=max(now.date(), records.handover.passed_on),
        )
        return dat_letter_pdf(letter, self.municipality, locale), locale

    # -- the coalition ---------------------------------------------------------------------------

    def cases_of(self, provider: Account, now: datetime) -> list[CoalitionCase]:
        """The cases passed to the coalition whose toewijzing went to the provider's own AGB code,
        longest waiting first; each read is logged."""
        agb = self._agb(provider)
        found = []
        with self._uows() as uow:
            for reference in CoalitionRows(uow.session).references_with(EventKind.WMO_ASSIGNED):
                case = uow.cases.get(reference, self.municipality)
                assignment = case.wmo.assignment
                if assignment is None or assignment.provider_agb != agb:
                    continue
                uow.cases.log_read(provider.username, "wmo_coalition.viewed", reference, now)
                found.append(self._view(case, now.date()))
            uow.commit()
        return found

    def record_contact(
        self, reference: str, provider: Account, contact: CoalitionContact, now: datetime
    ) -> int:
        """The counsellor contacted the resident: it closes the contact term (``BEG-CONTACT-1W``)."""
        agb = self._agb(provider)
        return self._change(
            reference, lambda case: case.record_coalition_contact(provider, agb, contact, now)
        )

    def record_plan(self, reference: str, provider: Account, plan: PlanOfApproach, now: datetime) -> int:
        """The plan van aanpak sent to the resident: the beschikking under mandate (``BEG-MANDATE``)."""
        agb = self._agb(provider)
        return self._change(reference, lambda case: case.record_plan_of_approach(provider, agb, plan, now))

    def record_ending(self, reference: str, provider: Account, ending: EndingPlan, now: datetime) -> int:
        """The ending plan sent to the resident: the ending beschikking under mandate (B5)."""
        agb = self._agb(provider)
        return self._change(reference, lambda case: case.record_ending_plan(provider, agb, ending, now))

    def start_dates(self, provider: Account, now: datetime) -> dict[int, date]:
        """``BEG-START-DATE``: per ToewijzingNummer of the provider's coalition cases, the day of the
        in-depth conversation, for the 305's start date."""
        return {
            case.toewijzing_nummer: case.records.plan.conversation_on
            for case in self.cases_of(provider, now)
            if case.toewijzing_nummer is not None and case.records.plan is not None
        }

    # -- the deadlines -----------------------------------------------------------------------------

    def deadlines(self, viewer: Account, today: date, mine_only: bool) -> list[Deadline]:
        """The open contact terms of the coalition's cases as deadlines, from clear columns only."""
        self._check_worker(viewer)
        statuses = [s for s in CaseStatus if is_open(s)]
        with self._uows() as uow:
            rows = CoalitionRows(uow.session).contact_terms(statuses, viewer.username if mine_only else None)
        found = [
            deadline
            for row in rows
            if (term := row.days.term(today)) is not None
            for deadline in term_deadlines(row.reference, row.owner, [term])
        ]
        return sorted(found, key=lambda d: (d.due, d.reference))

    @staticmethod
    def _view(case: Case, today: date) -> CoalitionCase:
        records, wmo = case.coalition, case.wmo
        return CoalitionCase(
            reference=case.reference,
            status=case.status,
            client_name=client_name(wmo.client),
            provision=wmo.provision,
            records=records,
            wmo=wmo,
            contact_term=records.contact_term(today),
        )


__all__ = ["CoalitionCase", "CoalitionService", "client_name"]
