"""The back office's answer to every provider's request for an assignment (315) in youth care:
route M (a medical referral, M4-M6) and route G's step G4 (a certified institution's bepaling).

An accepted iJw 315 (imported, or sent from the provider's page) is told to ``request_arrived``
after its import committed. Each requested product goes to the child's route-G case whose
bepaling names the sender as the provider (status DETERMINED), or else opens a new route-M case
(REQUESTED, organisation the provider's AGB code) with the request sealed in its event; the case
is linked to the child (``known_cases``). A child the access point knows shows in the queue for an
access worker, who may become involved (``INVOLVE``).

The back office sees each open request with the core's check (``smi_core.jeugd.request``) and
answers: the 301 with the request's ReferentieAanbieder (TR379) and the beschikking (Jeugdwet;
with objection clause on route M, without on route G: ``GI-BESCHIKKING-NO-BEZWAAR``); a 319 that
refuses it with its reason (8 names the responsible municipality: TR377/TR409); or a 319 that sets
it *in onderzoek* (once: TR360/TR365). Each message is queued with the case's event in one
transaction (the message service checks it in levels 1-3 first; a refusal stores nothing).
From the 301 on, the provider's 305, 307 and 317 go the route-T way (``WmoDeliveries``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.case import timeline_entries
from smi_core.case.jeugd_records import JeugdRoute
from smi_core.case.route import Provision
from smi_core.case.wmo_letter import beschikking_letter
from smi_core.case.wmo_records import TermDays, terms_of
from smi_core.cases import CaseSource, CaseStatus
from smi_core.dates import add_months
from smi_core.errors import NotAllowed
from smi_core.i18n import gettext
from smi_core.istandaarden.client_state import ClientState
from smi_core.istandaarden.codes import Domain, MessageKind, RedenAfwijzingVerzoek
from smi_core.istandaarden.messages import MESSAGE_TYPES, HeenMessage, VerzoekOmToewijzingBericht
from smi_core.jeugd.answers import (
    Involvement,
    JeugdRequest,
    RequestAnswered,
    RequestInOnderzoek,
    RequestRefused,
)
from smi_core.jeugd.request import (
    CurrentToewijzing,
    RequestCheck,
    RequestFacts,
    RequestRule,
    check_request,
)
from smi_core.wmo.assignment import answer_of, toewijzing_of
from smi_core.wmo.casework import OBJECTION_CLAUSE, Assignment, Beschikking, ProvisionChoice
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.terms import Law
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.db.wmo_cases import KnownCase
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseChanges
from smi_intake.services.messages import MessageService
from smi_intake.services.wmo_cases import WmoCaseService, contact_of
from smi_intake.services.wmo_views import JeugdCaseView
from smi_intake.wmo_letters import beschikking_pdf

log = logging.getLogger(__name__)


class RequestBlocked(ValueError):
    """The check refuses the request, so no 301 is sent (answer with a 319). Carries rule ids only."""

    def __init__(self, rules: list[str]) -> None:
        super().__init__(", ".join(rules))
        self.rules = rules


class AnswerIncomplete(ValueError):
    """The 301 cannot be made: ``missing`` names what (``motivation``, ``results``, ``product``,
    ``volume``: the last two are the request's own)."""

    def __init__(self, missing: str) -> None:
        super().__init__(missing)
        self.missing = missing


@dataclass(frozen=True)
class RequestAnswerForm:
    """What the back office adds to a 301: the motivation of the beschikking, the results to reach
    (the provider's, set with the family), the evaluation moment, and, for a provider that is not
    contracted for the product, why the municipality decides to assign it all the same
    (``MED-CONTRACTED``)."""

    motivation: str
    results: str
    evaluation: date | None = None
    non_contracted_reason: str = ""


@dataclass(frozen=True)
class OpenRequest:
    """An open 315 as the back office's section shows it."""

    reference: str
    version: int
    route: JeugdRoute
    request: JeugdRequest
    check: RequestCheck
    known: tuple[KnownCase, ...]
    """The child's other cases at the access point (clear columns)."""
    in_onderzoek_on: date | None
    owner: str | None


class JeugdRequestService:
    """The answer to every youth-care 315."""

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

    _check_back_office = staticmethod(WmoCaseService.check_back_office)

    # -- M4 / G4: the request arrives -------------------------------------------------------------

    def request_arrived(self, message: HeenMessage, message_id: int, worker: Account, now: datetime) -> None:
        """The message service's listener: each product of an accepted iJw 315 is recorded on the
        child's G case, or on a new M case."""
        if not isinstance(message, VerzoekOmToewijzingBericht) or message.domain is not Domain.JW:
            return
        for product in message.client.aangevraagde_producten:
            self._receive(JeugdRequest.of(message, product, message_id), worker, now)

    def _receive(self, request: JeugdRequest, worker: Account, now: datetime) -> None:
        with self._uows() as uow:
            bsn = request.child.bsn
            reference = self._g_case(uow, request, bsn)
            if reference is None:
                content = {"route": JeugdRoute.M.value, "provider": request.provider_agb}
                case_id, reference = uow.wmo_cases.create_without_melding(
                    Provision.JEUGD,
                    CaseStatus.REQUESTED,
                    content,
                    now,
                    source=CaseSource.INSTANTIE,
                    organisation=request.provider_agb,
                    created_by=worker.username,
                )
                uow.wmo_cases.link_client(case_id, bsn)
            case = uow.cases.get(reference, self.municipality)
            case.receive_request(worker, request, now)
            uow.cases.save(case)
            uow.commit()
        log.info("case %s: request for an assignment received (message %s)", reference, request.message_id)

    def _g_case(self, uow: UnitOfWork, request: JeugdRequest, bsn: str) -> str | None:
        """The child's route-G case whose bepaling names the sender, waiting for its 315."""
        for known in uow.wmo_cases.known_cases(bsn):
            if known.provision is not Provision.JEUGD or known.status is not CaseStatus.DETERMINED:
                continue
            bepaling = uow.cases.get(known.reference, self.municipality).jeugd.bepaling
            if bepaling is not None and bepaling.provider_agb == request.provider_agb:
                return known.reference
        return None

    # -- M5: the check ------------------------------------------------------------------------------

    def open_requests(self, worker: Account, today: date, now: datetime) -> list[OpenRequest]:
        """Every open 315 with its check, oldest first; each read is logged."""
        self._check_back_office(worker)
        found = []
        with self._uows() as uow:
            for reference in uow.wmo_cases.references_in(CaseStatus.REQUESTED):
                opened = self._open(uow, reference, today)
                if opened is not None:
                    uow.cases.log_read(worker.username, "jeugd_request.checked", reference, now)
                    found.append(opened)
            uow.commit()
        return sorted(found, key=lambda r: (r.check.due, r.reference))

    def _open(self, uow: UnitOfWork, reference: str, today: date) -> OpenRequest | None:
        case = uow.cases.get(reference, self.municipality)
        records = case.jeugd
        request = records.request
        if case.provision is not Provision.JEUGD or request is None:
            return None
        known = tuple(k for k in uow.wmo_cases.known_cases(request.child.bsn) if k.reference != reference)
        facts = RequestFacts(
            product=request.requested_product(),
            provider_agb=request.provider_agb,
            date_of_birth=request.child.date_of_birth,
            received_on=request.received_on,
            contracted=self._contracted(request),
            current=self._current(uow, request.child.bsn, request.received_on),
            known_to_team=bool(known),
            bepaling=records.bepaling,
            leap_day=self.municipality.leap_day_birthday,
        )
        onderzoek = records.set_in_onderzoek(request.referentie_aanbieder)
        return OpenRequest(
            reference=reference,
            version=case.version,
            route=records.route or JeugdRoute.M,
            request=request,
            check=check_request(facts),
            known=known,
            in_onderzoek_on=onderzoek.on if onderzoek else None,
            owner=case.owner,
        )

    def _contracted(self, request: JeugdRequest) -> bool:
        if request.product_code is None:
            return False
        product = self.catalogue.product(Domain.JW, request.product_code)
        return product is not None and self.catalogue.is_contracted(request.provider_agb, product)

    @staticmethod
    def _current(uow: UnitOfWork, bsn: str, on: date) -> tuple[CurrentToewijzing, ...]:
        """The child's current iJw toewijzingen of this municipality, of every provider."""
        states: dict[str, ClientState] = {}
        for stored in uow.messages.client_facts(Domain.JW.value, [bsn]).get(bsn, []):
            provider = stored.receiver if stored.kind == MessageKind.TOEWIJZING.value else stored.sender
            state = states.setdefault(provider, ClientState())
            if stored.facts is not None:
                state.apply_facts(stored.facts)
            else:
                state.apply(MESSAGE_TYPES[MessageKind(stored.kind)].model_validate(stored.parsed))
        return tuple(
            CurrentToewijzing(provider, number, assigned.product, assigned.start, assigned.end)
            for provider, state in sorted(states.items())
            for number, assigned in sorted(state.current_toewijzingen(on).items())
        )

    # -- M6 / G4: the answer ------------------------------------------------------------------------

    def assign(self, reference: str, worker: Account, form: RequestAnswerForm, now: datetime) -> int:
        """Honour the open request: the 301 (with its ReferentieAanbieder) and the beschikking,
        recorded with the case's event in one transaction. ``RequestBlocked`` when the check refuses
        it (a provider not contracted only with the municipality's reason); ``MessageRefused`` when
        the 301 breaks a rule of the standard: then nothing is stored."""
        self._check_back_office(worker)
        if not form.motivation.strip():
            raise AnswerIncomplete("motivation")
        if not form.results.strip():
            raise AnswerIncomplete("results")
        with self._uows() as uow:
            opened = self._open(uow, reference, now.date())
            if opened is None:
                raise NotAllowed("the case has no open request")
            request, check = opened.request, opened.check
            blocked = [
                f.rule.value
                for f in check.refusals
                if not (f.rule is RequestRule.CONTRACTED and form.non_contracted_reason.strip())
            ]
            if blocked:
                raise RequestBlocked(blocked)
            provision = self._provision(request, check, form)
            case = uow.cases.get(reference, self.municipality)
            code = self._messages.municipality_code
            number = uow.messages.issue_number(
                code, Domain.JW.value, request.child.bsn, provision.product_code, now
            )
            message = toewijzing_of(
                municipality_code=code,
                client=request.child,
                provision=provision,
                number=number,
                identification=uow.messages.next_identification(code, "M"),
                now=now,
                domain=Domain.JW,
                referentie_aanbieder=request.referentie_aanbieder,
                date_of_birth=request.child.date_of_birth,
                contact=contact_of(uow, self.municipality, case.owner),
            )
            case_id = uow.wmo_cases.case_id(reference)
            message_id = self._messages.queue_in(uow, message, worker, now, case_id=case_id)
            route_g = opened.route is JeugdRoute.G
            objection = (
                "" if route_g else gettext("nl", OBJECTION_CLAUSE, municipality=self.municipality.name)
            )
            answered = RequestAnswered(
                referentie_aanbieder=request.referentie_aanbieder,
                provision=provision,
                beschikking=Beschikking(
                    requested_on=request.received_on,
                    decided_on=now.date(),
                    granted=True,
                    motivation=form.motivation,
                    objection_clause=objection,
                ),
                assignment=Assignment(
                    toewijzing_nummer=number,
                    message_id=message_id,
                    identification=message.identification,
                    provider_agb=provision.provider_agb,
                    start=provision.start,
                    volume=provision.volume,
                    unit=provision.unit,
                    frequency=provision.frequency,
                    end=provision.end,
                ),
                results=(form.results.strip(),),
            )
            case.record_request_answered(worker, answered, now)
            uow.cases.save(case)
            uow.commit()
        log.info("case %s: request answered with a toewijzing (message %s)", reference, message_id)
        return message_id

    def _provision(
        self, request: JeugdRequest, check: RequestCheck, form: RequestAnswerForm
    ) -> ProvisionChoice:
        if request.product_code is None or request.category is None:
            raise AnswerIncomplete("product")
        if request.volume is None or request.unit is None or request.frequency is None:
            raise AnswerIncomplete("volume")
        product = self.catalogue.product(Domain.JW, request.product_code)
        provider = self.catalogue.provider(request.provider_agb)
        evaluation = form.evaluation or min(add_months(request.start, 3), check.end or date.max)
        return ProvisionChoice(
            product_code=request.product_code,
            category=request.category,
            product_name=product.name if product is not None else request.product_code,
            volume=request.volume,
            unit=request.unit,
            frequency=request.frequency,
            requested_on=request.received_on,
            start=request.start,
            end=check.end,
            provider_agb=request.provider_agb,
            provider_name=provider.name if provider is not None else "",
            non_contracted_reason=form.non_contracted_reason.strip(),
            evaluations=(evaluation,),
        )

    def refuse(
        self,
        reference: str,
        worker: Account,
        reason: RedenAfwijzingVerzoek,
        motivation: str,
        now: datetime,
        responsible_municipality: str | None = None,
    ) -> int:
        """Refuse the open request with a 319 and its reason (8 names the responsible municipality)."""
        self._check_back_office(worker)

        def record_of(message_id: int, referentie: str) -> RequestRefused:
            return RequestRefused(
                referentie_aanbieder=referentie,
                message_id=message_id,
                reason=reason,
                responsible_municipality=responsible_municipality or None,
                motivation=motivation,
            )

        # the record's own rules first, so a bad form stores nothing
        record_of(0, "-")
        return self._answer(reference, worker, now, reason, responsible_municipality or None, record_of)

    def set_in_onderzoek(self, reference: str, worker: Account, now: datetime) -> int:
        """Set the open request in onderzoek with a 319 (once; the final answer within 8 weeks)."""
        self._check_back_office(worker)

        def record_of(message_id: int, referentie: str) -> RequestInOnderzoek:
            return RequestInOnderzoek(referentie_aanbieder=referentie, message_id=message_id, on=now.date())

        return self._answer(reference, worker, now, None, None, record_of)

    def _answer(
        self,
        reference: str,
        worker: Account,
        now: datetime,
        reason: RedenAfwijzingVerzoek | None,
        responsible: str | None,
        record_of: Callable[[int, str], RequestRefused | RequestInOnderzoek],
    ) -> int:
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            request = case.request_to_answer(in_onderzoek=reason is None)
            uow.cases.log_read(worker.username, "jeugd_request.answered", reference, now)
            code = self._messages.municipality_code
            message = answer_of(
                municipality_code=code,
                provider=request.provider_agb,
                referentie_aanbieder=request.referentie_aanbieder,
                identification=uow.messages.next_identification(code, "M"),
                now=now,
                domain=Domain.JW,
                reason=reason,
                responsible_municipality=responsible,
            )
            message_id = self._messages.queue_in(
                uow,
                message,
                worker,
                now,
                case_id=uow.wmo_cases.case_id(reference),
                client_bsn=request.child.bsn,
            )
            record = record_of(message_id, request.referentie_aanbieder)
            if isinstance(record, RequestRefused):
                case.record_request_refused(worker, record, now)
            else:
                case.record_request_in_onderzoek(worker, record, now)
            uow.cases.save(case)
            uow.commit()
        return message_id

    def beschikking(self, reference: str, worker: Account, now: datetime) -> bytes:
        """The beschikking of the answered request as a PDF (Dutch); each export is logged."""
        self._check_back_office(worker)
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            records = case.jeugd
            if not records.answered:
                raise NotAllowed("the request has no beschikking")
            answered = records.answered[-1]
            letter = beschikking_letter(
                case.wmo,
                None,
                Law.JEUGDWET,
                results=answered.results,
                decided_by_certified_institution=records.route is JeugdRoute.G,
            )
            pdf = beschikking_pdf(letter, self.municipality, "nl")
            uow.cases.log_read(worker.username, "beschikking.exported", reference, now)
            uow.commit()
        return pdf

    # -- the case page ----------------------------------------------------------------------------

    def is_request_case(self, reference: str) -> bool:
        """Whether ``reference`` is a youth-care case that came in without a melding (route G or M):
        its clear column only, nothing is logged."""
        with self._uows() as uow:
            return uow.wmo_cases.came_in_as(reference) in {JeugdRoute.G.value, JeugdRoute.M.value}

    def view(self, reference: str, worker: Account, now: datetime) -> JeugdCaseView:
        """The case for its page, decrypted for a case worker or the back office; the read is logged."""
        if not (may(worker.role, Permission.HANDLE_CASES) or may(worker.role, Permission.EXCHANGE_MESSAGES)):
            raise NotAllowed("only WIJzer workers, the coordinator and the back office see a youth-care case")
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            records, jeugd = case.wmo, case.jeugd
            received_at = uow.wmo_cases.received_at(reference)
            messages = WmoCaseService.messages_of(uow, records, case.domain)
            uow.cases.log_read(worker.username, "case.viewed", reference, now)
            uow.commit()
        days = TermDays(
            received_at.date(),
            requested_on=jeugd.requests[0].received_on if jeugd.requests else None,
            decided_on=records.beschikking.decided_on if records.beschikking else None,
        )
        return JeugdCaseView(
            reference=reference,
            status=case.status,
            owner=case.owner,
            version=case.version,
            route=jeugd.route or JeugdRoute.M,
            received_at=received_at,
            records=records,
            jeugd=jeugd,
            terms=terms_of(days, now.date(), Law.JEUGDWET),
            timeline=timeline_entries(case.timeline),
            messages=messages,
            may_change=case.may_change(worker),
        )

    # -- the access worker -------------------------------------------------------------------------

    def involve(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        """An access worker becomes involved in the case (its owner); the status stays."""
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality)
            new_version = case.involve(worker, version, Involvement(), now)
            uow.cases.save(case)
            uow.commit()
        return new_version


__all__ = ["AnswerIncomplete", "JeugdRequestService", "OpenRequest", "RequestAnswerForm", "RequestBlocked"]
