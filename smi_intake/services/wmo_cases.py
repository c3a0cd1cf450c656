"""A Wmo case along route T: the resident's melding, the access worker's investigation, plan,
provision and beschikking, the back office's toewijzing (301), and the provider's start (305) and
stop (307).

Each action loads the case, lets the core's ``Case`` check and record it, and saves it (one
version-checked UPDATE), as for SMI. The melding and everything the worker writes are sealed;
every read of them is audit-logged.

The toewijzing is one transaction: the ToewijzingNummer, the 301 (checked in levels 1-3 by the
message service) and the case's event are stored together or not at all, and only after a
granted beschikking (``MSG-301-AFTER-BESCHIKKING``).

The provider's 305 and 307 arrive through the message service's import: it tells this service
of every accepted message after its import committed (``delivery_arrived``), which records the
start or stop on the case that holds the ToewijzingNummer. The import does not wait for the case:
the message is stored and answered whatever happens to the case (a case that changed at the same
moment is tried once more). The case page also lists the messages of its ToewijzingNummer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.case import Case, CaseAction, TimelineEntry, allowed_actions, timeline_entries
from smi_core.case.route import WMO_ROUTE, is_open
from smi_core.case.wmo_records import WmoRecords, terms_of
from smi_core.cases import CaseSource, CaseStatus, ConsentRecord
from smi_core.deadlines import Deadline, term_deadlines
from smi_core.errors import ConcurrentEdit, NotAllowed
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.messages import HeenMessage, StartZorgBericht, StopZorgBericht
from smi_core.wmo.assignment import toewijzing_of
from smi_core.wmo.casework import (
    Assignment,
    Beschikking,
    CareReported,
    InvestigationReport,
    ProvisionChoice,
    WmoClient,
    WmoSupportPlan,
)
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.melding import WmoCheck, WmoMelding, check_melding
from smi_core.wmo.terms import TermState
from smi_intake.db.messages import Direction, StoredMessage
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseChanges
from smi_intake.services.messages import MessageService

log = logging.getLogger(__name__)

#: Who sent a melding, in the timeline and the audit (the resident themselves).
RESIDENT_ACTOR = "inwoner"


@dataclass(frozen=True)
class WmoSubmitted:
    reference: str
    received_at: datetime


@dataclass(frozen=True)
class WmoMeldingView:
    """The melding as the resident sent it, and the check stored with it."""

    reference: str
    received_at: datetime
    melding: WmoMelding
    check: WmoCheck
    checked_on: date


@dataclass(frozen=True)
class WmoCaseView:
    """A Wmo case as the access worker sees it."""

    reference: str
    status: CaseStatus
    owner: str | None
    version: int
    received_at: datetime
    melding: WmoMelding
    check: WmoCheck
    records: WmoRecords
    terms: tuple[TermState, ...]
    timeline: list[TimelineEntry]
    consents: list[ConsentRecord]
    messages: list[StoredMessage]
    """The messages about the case's toewijzing (the 301, the provider's 305/307), oldest first."""
    route_actions: frozenset[CaseAction]
    may_change: bool
    next_actions: list[CaseAction]


@dataclass(frozen=True)
class AssignedToewijzing:
    message_id: int
    toewijzing_nummer: int
    version: int


class WmoCaseService:
    """Route T for Wmo cases."""

    def __init__(
        self,
        uows: UnitOfWorkFactory,
        municipality: MunicipalityConfig,
        catalogue: Catalogue,
        messages: MessageService,
    ) -> None:
        self._uows = uows
        self.municipality = municipality
        self.catalogue = catalogue
        self._messages = messages
        self._change = CaseChanges(uows, municipality)

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")

    # -- T1: the melding --------------------------------------------------------------------------

    def submit_melding(
        self,
        melding: WmoMelding,
        consents: Sequence[ConsentRecord],
        locale: str,
        now: datetime,
        *,
        resume_hash: str | None = None,
        source: CaseSource = CaseSource.OUDER,
        organisation: str = "",
        created_by: str = "",
    ) -> WmoSubmitted:
        """A melding becomes a case in the queue: its preliminary check computed once (in the
        resident's language) and sealed with it, its consents recorded."""
        melding = WmoMelding.model_validate(melding.model_dump())
        check = check_melding(melding, self.municipality, now.date(), locale)
        with self._uows() as uow:
            case_id, reference = uow.wmo_cases.create(
                melding,
                check,
                consents,
                locale,
                now,
                resume_hash=resume_hash,
                source=source,
                organisation=organisation,
                created_by=created_by or RESIDENT_ACTOR,
            )
            append_event(
                uow,
                case_id=case_id,
                reference=reference,
                actor=created_by or RESIDENT_ACTOR,
                kind="wmo_melding",
                now=now,
                to_status=CaseStatus.NEW.value,
                note=check.route.value,
            )
            uow.commit()
        log.info("case %s: wmo melding (source %s)", reference, source.value)
        return WmoSubmitted(reference, now)

    def is_wmo(self, reference: str) -> bool:
        """Whether ``reference`` is a Wmo case (its clear provision column; nothing is logged)."""
        with self._uows() as uow:
            return uow.wmo_cases.is_wmo(reference)

    def melding(self, reference: str, worker: Account, now: datetime) -> WmoMeldingView:
        """The melding and its stored check, decrypted for a case worker; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            stored = uow.wmo_cases.melding(reference)
            uow.cases.log_read(worker.username, "wmo_melding.viewed", reference, now)
            uow.commit()
        return WmoMeldingView(reference, stored.received_at, stored.melding, stored.check, stored.checked_on)

    def view(self, reference: str, worker: Account, now: datetime) -> WmoCaseView:
        """The whole Wmo case for its page, decrypted for a case worker; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            stored = uow.wmo_cases.melding(reference)
            case = uow.cases.get(reference, self.municipality)
            records = case.wmo
            messages = self._messages_of(uow, records)
            uow.cases.log_read(worker.username, "case.viewed", reference, now)
            uow.commit()
        return WmoCaseView(
            reference=reference,
            status=case.status,
            owner=case.owner,
            version=case.version,
            received_at=stored.received_at,
            melding=stored.melding,
            check=stored.check,
            records=records,
            terms=records.terms(stored.received_at.date(), now.date()),
            timeline=timeline_entries(case.timeline),
            consents=case.consents,
            messages=messages,
            route_actions=frozenset(allowed_actions(case.status, WMO_ROUTE)),
            may_change=case.may_change(worker),
            next_actions=case.next_actions(worker),
        )

    @staticmethod
    def _messages_of(uow: UnitOfWork, records: WmoRecords) -> list[StoredMessage]:
        if records.assignment is None:
            return []
        about = uow.messages.for_assignment(Domain.WMO.value, records.assignment.toewijzing_nummer)
        retours = [r for m in about if (r := uow.messages.retour_of(m.id)) is not None]
        return sorted([*about, *retours], key=lambda m: (m.stored_at, m.id))

    # -- the access worker's steps ---------------------------------------------------------------

    def take(self, reference: str, worker: Account, now: datetime) -> int:
        """Become the case owner of a new Wmo case."""
        self._check(worker)
        return self._change(reference, lambda case: case.take(worker, now))

    def start_investigation(
        self, reference: str, worker: Account, version: int, client: WmoClient, now: datetime
    ) -> int:
        """Start the investigation, with the client as identified (BSN, name, gender)."""
        return self._change(reference, lambda case: case.start_investigation(worker, version, client, now))

    def report_investigation(
        self, reference: str, worker: Account, version: int, report: InvestigationReport, now: datetime
    ) -> int:
        """Record the investigation and the day its written account went to the resident."""
        with self._uows() as uow:
            melding_on = uow.wmo_cases.received_at(reference).date()
        return self._change(
            reference, lambda case: case.report_investigation(worker, version, report, melding_on, now)
        )

    def save_plan(
        self, reference: str, worker: Account, version: int, plan: WmoSupportPlan, now: datetime
    ) -> int:
        """Save (a new version of) the support plan with the results to reach."""
        return self._change(reference, lambda case: case.save_wmo_plan(worker, version, plan, now))

    def choose_provision(
        self, reference: str, worker: Account, version: int, choice: ProvisionChoice, now: datetime
    ) -> int:
        """Choose the catalogue product and the provider (``TOE-CONTRACTED``)."""
        catalogue = self.catalogue
        return self._change(
            reference, lambda case: case.choose_provision(worker, version, choice, catalogue, now)
        )

    def record_beschikking(
        self, reference: str, worker: Account, version: int, beschikking: Beschikking, now: datetime
    ) -> int:
        """Record the beschikking with its motivation and objection clause (``TOE-BESCHIKKING-CONTENT``)."""
        return self._change(
            reference, lambda case: case.record_beschikking(worker, version, beschikking, now)
        )

    def withdraw(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        return self._change(reference, lambda case: case.withdraw(worker, version, now))

    def close(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        return self._change(reference, lambda case: case.close(worker, version, now))

    # -- T5: the toewijzing ----------------------------------------------------------------------

    def awaiting_assignment(self, worker: Account) -> list[str]:
        """The references of the Wmo cases whose beschikking grants a provision that has no
        toewijzing yet: the back office's list (clear columns only)."""
        if not may(worker.role, Permission.EXCHANGE_MESSAGES):
            raise NotAllowed("only the back office sends the toewijzingen")
        with self._uows() as uow:
            return uow.wmo_cases.references_in(CaseStatus.DECIDED)

    def assign(self, reference: str, worker: Account, now: datetime) -> AssignedToewijzing:
        """The back office queues the 301 of the granted provision for its provider and records
        it on the case, in one transaction: the ToewijzingNummer, the message (checked in levels
        1-3) and the case's event are stored together or not at all.

        ``BeschikkingMissing`` without a granted beschikking; ``MessageRefused`` when the 301
        breaks a rule of the standard: then nothing is stored (not even the number)."""
        with self._uows() as uow:
            stored = uow.wmo_cases.melding(reference)
            case = uow.cases.get(reference, self.municipality)
            _beschikking, provision = case.granted_beschikking()
            client = case.wmo.client
            if client is None:  # the investigation records the client before any beschikking
                raise NotAllowed("the client is not identified")
            code = self._messages.municipality_code
            number = uow.messages.issue_number(
                code, Domain.WMO.value, client.bsn, provision.product_code, now
            )
            message = toewijzing_of(
                municipality_code=code,
                melding=stored.melding,
                client=client,
                provision=provision,
                number=number,
                identification=uow.messages.next_identification(code, "M"),
                now=now,
            )
            message_id = self._messages.queue_in(uow, message, worker, now, case_id=stored.case_id)
            assignment = Assignment(
                toewijzing_nummer=number,
                message_id=message_id,
                identification=message.identification,
                provider_agb=provision.provider_agb,
                start=provision.start,
            )
            new_version = case.record_assignment(worker, assignment, now)
            uow.cases.save(case)
            uow.commit()
        log.info("case %s: toewijzing queued (message %s)", reference, message_id)
        return AssignedToewijzing(message_id, number, new_version)

    # -- T7-T9: the provider's start and stop ----------------------------------------------------

    def delivery_arrived(self, message: HeenMessage, message_id: int, worker: Account, now: datetime) -> None:
        """An accepted provider's message: a Wmo 305 or 307 records the start or stop of care on the
        case whose toewijzing it names (a message of no Wmo case changes nothing)."""
        if message.domain is not Domain.WMO or not isinstance(message, StartZorgBericht | StopZorgBericht):
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
                    self._on_case(report, partial(_started, worker=worker, report=report, now=now))
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
                self._on_case(report, partial(_ended, worker=worker, report=report, now=now))

    def _on_case(self, report: CareReported, action: Callable[[Case], int]) -> None:
        for attempt in (1, 2):
            with self._uows() as uow:
                reference = self._case_of(uow, report.toewijzing_nummer)
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
    def _case_of(uow: UnitOfWork, number: int) -> str | None:
        """The Wmo case whose 301 holds ToewijzingNummer ``number``."""
        for stored in uow.messages.for_assignment(Domain.WMO.value, number):
            if stored.direction is Direction.OUT and stored.kind == "301" and stored.case_id is not None:
                return uow.wmo_cases.reference_of(stored.case_id)
        return None

    # -- lists ------------------------------------------------------------------------------------

    def deadlines(self, viewer: Account, today: date, mine_only: bool) -> list[Deadline]:
        """The open legal terms of the Wmo cases (investigation, beschikking) as deadlines, from
        clear columns only; for the deadlines view."""
        self._check(viewer)
        statuses = [s for s in CaseStatus if is_open(s)]
        with self._uows() as uow:
            rows = uow.wmo_cases.open_terms(statuses, viewer.username if mine_only else None)
        found = [
            deadline
            for row in rows
            for deadline in term_deadlines(row.reference, row.owner, terms_of(row.days, today))
        ]
        return sorted(found, key=lambda d: (d.due, d.reference))


def _started(case: Case, *, worker: Account, report: CareReported, now: datetime) -> int:
    return case.record_care_started(worker, report, now)


def _ended(case: Case, *, worker: Account, report: CareReported, now: datetime) -> int:
    return case.record_care_ended(worker, report, now)


__all__ = [
    "RESIDENT_ACTOR",
    "AssignedToewijzing",
    "WmoCaseService",
    "WmoCaseView",
    "WmoMeldingView",
    "WmoSubmitted",
]
