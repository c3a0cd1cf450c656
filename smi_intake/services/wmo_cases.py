"""A Wmo case along route T: the resident's melding, the access worker's investigation, plan,
provision and beschikking, the back office's toewijzing (301), the provider's start (305) and
stop (307), and a provider's change request (317), judged by the access worker and answered by
the back office with a new 301 or a 319 (``MSG-317-ANSWER``).

Each action loads the case, lets the core's ``Case`` check and record it, and saves it (one
version-checked UPDATE), as for SMI. The melding and everything the worker writes are sealed;
every read of them is audit-logged.

The toewijzing is one transaction: the ToewijzingNummer, the 301 (checked in levels 1-3 by the
message service) and the case's event are stored together or not at all, and only after a
granted beschikking (``MSG-301-AFTER-BESCHIKKING``).

The provider's 305, 307 and 317 arrive through the message service's import: it tells this
service of every accepted message after its import committed (``delivery_arrived``), which
records them on the case that holds the ToewijzingNummer (``wmo_deliveries``). The import does
not wait for the case: the message is stored and answered whatever happens to the case (a case
that changed at the same moment is tried once more). The case page also lists the messages of
its ToewijzingNummer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.case import Case, allowed_actions, timeline_entries
from smi_core.case.jeugd_records import JeugdRoute
from smi_core.case.route import LAWS, ROUTES, Provision, is_open
from smi_core.case.wmo_letter import beschikking_letter
from smi_core.case.wmo_records import WmoRecords, terms_of
from smi_core.cases import CaseSource, CaseStatus, ConsentRecord
from smi_core.deadlines import Deadline, term_deadlines
from smi_core.errors import NotAllowed
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.messages import (
    HeenMessage,
)
from smi_core.jeugd.youth_check import check_youth_request
from smi_core.wmo.assignment import answer_of, contact_comment, honoured_change, toewijzing_of
from smi_core.wmo.casework import (
    Assignment,
    Beschikking,
    ChangeAnswered,
    ChangeJudgement,
    InvestigationReport,
    ProvisionChoice,
    WmoClient,
    WmoSupportPlan,
)
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.melding import WmoMelding, check_melding
from smi_intake.db.messages import StoredMessage
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseChanges
from smi_intake.services.messages import MessageService
from smi_intake.services.wmo_deliveries import WmoDeliveries
from smi_intake.services.wmo_views import AssignedToewijzing, WmoCaseView, WmoMeldingView, WmoSubmitted
from smi_intake.wmo_letters import beschikking_pdf

log = logging.getLogger(__name__)

#: Who sent a melding, in the timeline and the audit (the resident themselves).
RESIDENT_ACTOR = "inwoner"


def contact_of(uow: UnitOfWork, municipality: MunicipalityConfig, owner: str | None) -> str:
    """A 301's Commentaar: the access worker who carries the case (by name), and the team's
    contact details (T5)."""
    account = uow.accounts.get(owner) if owner else None
    name = account.account.display_name if account is not None else ""
    return contact_comment(name, municipality.social_team, municipality.contact_details)


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
        self._deliveries = WmoDeliveries(uows, municipality)

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")

    @staticmethod
    def check_back_office(worker: Account) -> None:
        """``NotAllowed`` unless ``worker`` is the back office (it exchanges the messages)."""
        if not may(worker.role, Permission.EXCHANGE_MESSAGES):
            raise NotAllowed("only the back office sends the messages to the providers")

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
        urgent: bool = False,
        handover: dict[str, Any] | None = None,
        provision: Provision = Provision.WMO,
    ) -> WmoSubmitted:
        """A melding becomes a case in the queue: its preliminary check computed once (in the
        resident's language; the youth-care rules for a request for a child, ``provision``
        ``JEUGD``) and sealed with it, its consents recorded."""
        melding = WmoMelding.model_validate(melding.model_dump())
        checked = check_youth_request if provision is Provision.JEUGD else check_melding
        check = checked(melding, self.municipality, now.date(), locale)
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
                urgent=urgent,
                handover=handover,
                provision=provision,
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
            messages = self.messages_of(uow, records, case.domain)
            uow.cases.log_read(worker.username, "case.viewed", reference, now)
            uow.commit()
        return WmoCaseView(
            reference=reference,
            status=case.status,
            owner=case.owner,
            version=case.version,
            received_at=stored.received_at,
            locale=stored.locale,
            melding=stored.melding,
            check=stored.check,
            records=records,
            terms=records.terms(stored.received_at.date(), now.date(), case.law),
            timeline=timeline_entries(case.timeline),
            consents=case.consents,
            messages=messages,
            route_actions=frozenset(allowed_actions(case.status, ROUTES[case.provision])),
            may_change=case.may_change(worker),
            next_actions=case.next_actions(worker),
            handover=stored.handover,
            provision=case.provision,
        )

    @staticmethod
    def messages_of(uow: UnitOfWork, records: WmoRecords, domain: Domain) -> list[StoredMessage]:
        """The messages of the case's toewijzing, with their retours, oldest first."""
        if records.assignment is None:
            return []
        about = uow.messages.for_assignment(domain.value, records.assignment.toewijzing_nummer)
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
        """Start the investigation, with the client as identified (BSN, name, gender); the case is
        then known as the client's (``known_cases``)."""
        new_version = self._change(
            reference, lambda case: case.start_investigation(worker, version, client, now)
        )
        with self._uows() as uow:
            uow.wmo_cases.link_client(uow.wmo_cases.case_id(reference), client.bsn)
            uow.commit()
        return new_version

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

    def beschikking_pdf(self, reference: str, worker: Account, now: datetime) -> bytes:
        """The recorded beschikking as the letter to the resident, a PDF in the case's language
        (``beschikking_letter``); the read is logged. ``LetterIncomplete`` when it cannot be sent."""
        self._check(worker)
        with self._uows() as uow:
            stored = uow.wmo_cases.melding(reference)
            case = uow.cases.get(reference, self.municipality)
            letter = beschikking_letter(case.wmo, stored.melding, case.law)
            pdf = beschikking_pdf(letter, self.municipality, stored.locale)
            uow.cases.log_read(worker.username, "beschikking.exported", reference, now)
            uow.commit()
        return pdf

    def withdraw(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        return self._change(reference, lambda case: case.withdraw(worker, version, now))

    def close(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        return self._change(reference, lambda case: case.close(worker, version, now))

    # -- T5: the toewijzing ----------------------------------------------------------------------

    def awaiting_assignment(self, worker: Account) -> list[str]:
        """The references of the Wmo cases whose beschikking grants a provision that has no
        toewijzing yet: the back office's list (clear columns only)."""
        self.check_back_office(worker)
        with self._uows() as uow:
            return uow.wmo_cases.references_in(CaseStatus.DECIDED)

    def assign(self, reference: str, worker: Account, now: datetime) -> AssignedToewijzing:
        """The back office queues the 301 of the granted provision for its provider and records
        it on the case, in one transaction: the ToewijzingNummer, the message (checked in levels
        1-3) and the case's event are stored together or not at all.

        ``BeschikkingMissing`` without a granted beschikking; ``MessageRefused`` when the 301
        breaks a rule of the standard: then nothing is stored (not even the number)."""
        self.check_back_office(worker)
        with self._uows() as uow:
            stored = uow.wmo_cases.melding(reference)
            uow.cases.log_read(worker.username, "wmo_melding.read_for_301", reference, now)
            case = uow.cases.get(reference, self.municipality)
            provision = case.provision_to_assign()  # a granted beschikking's, or passed to the coalition
            client = case.wmo.client
            if client is None:  # the investigation records the client before any beschikking
                raise NotAllowed("the client is not identified")
            code = self._messages.municipality_code
            number = uow.messages.issue_number(
                code, case.domain.value, client.bsn, provision.product_code, now
            )
            message = toewijzing_of(
                municipality_code=code,
                melding=stored.melding,
                client=client,
                provision=provision,
                number=number,
                identification=uow.messages.next_identification(code, "M"),
                now=now,
                domain=case.domain,
                contact=contact_of(uow, self.municipality, case.owner),
            )
            message_id = self._messages.queue_in(uow, message, worker, now, case_id=stored.case_id)
            assignment = Assignment(
                toewijzing_nummer=number,
                message_id=message_id,
                identification=message.identification,
                provider_agb=provision.provider_agb,
                start=provision.start,
                volume=provision.volume,
                unit=provision.unit,
                frequency=provision.frequency,
                end=provision.end,
            )
            new_version = case.record_assignment(worker, assignment, now)
            uow.cases.save(case)
            uow.commit()
        log.info("case %s: toewijzing queued (message %s)", reference, message_id)
        return AssignedToewijzing(message_id, number, new_version)

    # -- T7-T9: the provider's start, stop and change request ------------------------------------

    def delivery_arrived(self, message: HeenMessage, message_id: int, worker: Account, now: datetime) -> None:
        """An accepted provider's message (the message service's listener): a Wmo 305, 307 or 317
        is recorded on the case whose toewijzing it names (``WmoDeliveries``)."""
        self._deliveries.delivery_arrived(message, message_id, worker, now)

    # -- T8: a change request (317) --------------------------------------------------------------

    def judge_change_request(
        self, reference: str, worker: Account, version: int, judgement: ChangeJudgement, now: datetime
    ) -> int:
        """The access worker judges the provider's open change request (``MSG-317-ANSWER``)."""
        return self._change(reference, lambda case: case.judge_change(worker, version, judgement, now))

    def awaiting_change_answer(self, worker: Account) -> list[str]:
        """The references of the Wmo cases whose change request is judged and not yet answered:
        the back office's list (clear columns only)."""
        self.check_back_office(worker)
        with self._uows() as uow:
            return uow.wmo_cases.references_judged()

    def answer_change_request(self, reference: str, worker: Account, now: datetime) -> int:
        """The back office answers the judged change request as the access worker decided: the
        301 that honours it exactly, or the 319 that refuses it with its reason. One transaction
        with the case's event; a refusal of the message service stores nothing."""
        self.check_back_office(worker)
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            melding, date_of_birth, case_id = self._client_source(uow, reference, case)
            uow.cases.log_read(worker.username, "wmo_melding.read_for_answer", reference, now)
            request, judgement = case.change_to_answer()
            records = case.wmo
            current, client, provision = records.assignment, records.client, records.provision
            if current is None or client is None or provision is None:
                raise NotAllowed("the case has no toewijzing")
            code = self._messages.municipality_code
            identification = uow.messages.next_identification(code, "M")
            after = None
            if judgement.honoured:
                new_number = (
                    uow.messages.issue_number(
                        code, case.domain.value, client.bsn, provision.product_code, now
                    )
                    if request.volume is not None
                    else None
                )
                message, after = honoured_change(
                    municipality_code=code,
                    melding=melding,
                    date_of_birth=date_of_birth,
                    client=client,
                    provision=provision,
                    current=current,
                    request=request,
                    new_number=new_number,
                    identification=identification,
                    now=now,
                    domain=case.domain,
                )
                message_id = self._messages.queue_in(uow, message, worker, now, case_id=case_id)
                after = after.model_copy(update={"message_id": message_id})
            else:
                assert judgement.refusal_reason is not None  # the judgement's own rule
                refusal = answer_of(
                    municipality_code=code,
                    provider=current.provider_agb,
                    referentie_aanbieder=request.referentie_aanbieder,
                    reason=judgement.refusal_reason,
                    identification=identification,
                    now=now,
                    domain=case.domain,
                )
                message_id = self._messages.queue_in(
                    uow, refusal, worker, now, case_id=case_id, client_bsn=client.bsn
                )
            answer = ChangeAnswered(
                referentie_aanbieder=request.referentie_aanbieder,
                message_id=message_id,
                honoured=judgement.honoured,
                assignment=after,
            )
            case.record_change_answer(worker, answer, now)
            uow.cases.save(case)
            uow.commit()
        return message_id

    @staticmethod
    def _client_source(
        uow: UnitOfWork, reference: str, case: Case
    ) -> tuple[WmoMelding | None, date | None, int]:
        """Where a 301 takes the client's date of birth: the melding of a route-T case, or the child
        of a youth-care case that came in without one (a provider's request, a bepaling)."""
        child = case.jeugd.child
        if child is not None and case.jeugd.route is not JeugdRoute.T:
            return None, child.date_of_birth, uow.wmo_cases.case_id(reference)
        stored = uow.wmo_cases.melding(reference)
        return stored.melding, None, stored.case_id

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
            for deadline in term_deadlines(
                row.reference, row.owner, terms_of(row.days, today, LAWS[row.provision]), LAWS[row.provision]
            )
        ]
        return sorted(found, key=lambda d: (d.due, d.reference))


__all__ = [
    "RESIDENT_ACTOR",
    "AssignedToewijzing",
    "WmoCaseService",
    "WmoCaseView",
    "WmoMeldingView",
    "WmoSubmitted",
    "contact_of",
]
