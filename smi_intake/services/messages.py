"""The iWmo/iJw message exchange of the municipality's back office: import what providers sent
(each message validated in levels, stored, and answered with its retour at once), queue and
export what the municipality sends, and list both with their retours and deadlines.

Files are the interface, as in a back office that uploads to the GGk portal: one XML message, a
StUF-GGk envelope, or a zip of those. Every file is one transaction: its message, its retour and
their links are stored together or not at all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from smi_core.access import Permission, may
from smi_core.errors import NotAllowed
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.crosschecks import check_against_history
from smi_core.istandaarden.deadlines import add_working_days, answer_due, final_answer_due
from smi_core.istandaarden.envelope import Envelope, EnvelopeKind, read_envelope, write_di01
from smi_core.istandaarden.errors import MessageRejected, MessageTooLarge
from smi_core.istandaarden.findings import Finding
from smi_core.istandaarden.messages import (
    HeenMessage,
    Message,
    RetourMessage,
    ToewijzingBericht,
)
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.rules import check_message
from smi_core.istandaarden.schemas import SchemaSet
from smi_core.istandaarden.xml import read, write
from smi_intake.db.messages import (
    Direction,
    IdentificationTaken,
    MessageFilter,
    MessageState,
    NewMessage,
    StoredMessage,
)
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import (
    RETOUR_WORKING_DAYS,
    ImportOutcome,
    MessageRefused,
    Numbering,
    RequestDeadline,
    files_in,
    first_line,
    is_envelope,
    new_message,
    retour_codes_of,
)
from smi_intake.services.message_history import StoreHistory

log = logging.getLogger(__name__)

#: How many files an import reads and checks together (one read of the store for the chunk; a
#: zip holds at most as many).
IMPORT_CHUNK = 500


#: Told of every accepted incoming message after its import committed: the message, its id in
#: the store, who imported it and when (e.g. a Wmo case records the provider's start and stop).
AcceptedListener = Callable[[HeenMessage, int, Account, datetime], None]


@dataclass(frozen=True)
class _Read:
    """A file read and checked in levels 1-2, waiting for level 3 and the store."""

    name: str
    data: bytes
    message: Message
    findings: list[Finding]


class MessageService:
    """The municipality's side of the exchange. Only the municipal back office uses it."""

    def __init__(self, uows: UnitOfWorkFactory, municipality_code: str, schemas: SchemaSet | None) -> None:
        self._uows = uows
        self.municipality_code = municipality_code
        self.schemas = schemas
        self._listeners: list[AcceptedListener] = []

    def on_accepted(self, listener: AcceptedListener) -> None:
        """Tell ``listener`` of every accepted incoming message, after its import committed. A
        listener that fails is logged (its error's kind only) and does not undo the import: the
        message is stored and answered whatever the listener does."""
        self._listeners.append(listener)

    def _tell(self, message: HeenMessage, message_id: int, worker: Account, now: datetime) -> None:
        for listener in self._listeners:
            try:
                listener(message, message_id, worker, now)
            except Exception as error:  # the import stands; the failure is logged
                log.error("message %s: a listener failed (%s)", message_id, type(error).__name__)

    @property
    def schema_check_on(self) -> bool:
        """Whether level 1 (the official XSDs) runs; without the folder, levels 2-3 still do."""
        return self.schemas is not None

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.EXCHANGE_MESSAGES):
            raise NotAllowed("only the municipality's back office exchanges messages")

    # -- importing --------------------------------------------------------------------------------

    def import_files(
        self, files: Sequence[tuple[str, bytes]], worker: Account, now: datetime
    ) -> list[ImportOutcome]:
        """Import each file (a message, or a zip of messages): every one validated, stored with its
        retour in one transaction, and its outcome returned in the order of the files.

        The messages are read and checked in chunks: what the cross-message checks ask of the
        store is read once for a chunk (``StoreHistory``), and every message accepted is seen by
        the later ones."""
        self._check(worker)
        outcomes: list[ImportOutcome] = []
        pending: list[tuple[str, bytes] | ImportOutcome] = []
        for name, data in files:
            for item in files_in(name, data):
                pending.append(item)
                if len(pending) == IMPORT_CHUNK:
                    outcomes += self._import_chunk(pending, worker, now)
                    pending = []
        outcomes += self._import_chunk(pending, worker, now)
        return outcomes

    def import_message(self, name: str, data: bytes, worker: Account, now: datetime) -> ImportOutcome:
        """Read, validate, store and answer one message (see ``import_files``)."""
        self._check(worker)
        [outcome] = self._import_chunk([(name, data)], worker, now)
        return outcome

    def receive_from_provider(
        self, name: str, data: bytes, provider: Account, now: datetime
    ) -> ImportOutcome:
        """One message a care provider sends from its own page (a 305, 307, 315 or 317 in XML),
        taken exactly as a file the back office imports: checked in levels 1-3, stored, and answered
        with its retour. The provider sends in its own name only (the Afzender is the AGB code of its
        account); an envelope, a zip or a retour is not what this page sends."""
        if not may(provider.role, Permission.PROVIDE_CARE):
            raise NotAllowed("only a care provider sends its messages here")
        if is_envelope(data):
            raise NotAllowed("a provider sends one message here, not an envelope")
        item = self._read_file(name, data, provider, now)
        if isinstance(item, _Read) and (
            not isinstance(item.message, HeenMessage) or item.message.sender != provider.organisation
        ):
            raise NotAllowed("a provider sends its own messages only")
        [outcome] = self._check_and_store([item], provider, now)
        return outcome

    def _import_chunk(
        self, files: Sequence[tuple[str, bytes] | ImportOutcome], worker: Account, now: datetime
    ) -> list[ImportOutcome]:
        read_in = [
            item if isinstance(item, ImportOutcome) else self._read_file(*item, worker, now) for item in files
        ]
        return self._check_and_store(read_in, worker, now)

    def _check_and_store(
        self, read_in: Sequence[_Read | ImportOutcome], worker: Account, now: datetime
    ) -> list[ImportOutcome]:
        """Level 3 for the files read (one read of the store for them all), then each stored with
        its retour in its own transaction."""
        heen = [
            (item.message, item.message.bsn)
            for item in read_in
            if isinstance(item, _Read) and isinstance(item.message, HeenMessage) and not item.findings
        ]
        history = None
        if heen:
            with self._uows() as uow:
                history = StoreHistory(uow.messages, heen)
        outcomes: list[ImportOutcome] = []
        for item in read_in:
            if isinstance(item, ImportOutcome):
                outcomes.append(item)
            elif isinstance(item.message, RetourMessage):
                outcomes.append(self._import_retour(item.name, item.data, item.message, worker, now))
            else:
                assert isinstance(item.message, HeenMessage)
                findings = item.findings
                if not findings and history is not None:
                    findings = check_against_history(item.message, history)
                outcome = self._import_heen(item.name, item.data, item.message, findings, worker, now)
                if outcome.accepted and history is not None:
                    history.add(item.message, item.message.bsn)
                if outcome.accepted and outcome.message_id is not None:
                    self._tell(item.message, outcome.message_id, worker, now)
                outcomes.append(outcome)
        return outcomes

    def _read_file(self, name: str, data: bytes, worker: Account, now: datetime) -> _Read | ImportOutcome:
        """One file read (levels 1-2 checked), or the outcome of a file that goes no further."""
        if is_envelope(data):
            try:
                envelope = read_envelope(data)
            except MessageRejected as refused:
                return ImportOutcome(
                    name, False, rule=refused.rule, level=refused.level, problem=refused.detail
                )
            if envelope.berichtcode is EnvelopeKind.FO01:
                return self._import_error_file(name, envelope, worker, now)
            data = envelope.payload or b""
        try:
            message = read(data, self.schemas)
        except MessageTooLarge as refused:
            return ImportOutcome(name, False, rule=refused.rule, level=refused.level, problem=refused.detail)
        except MessageRejected as refused:
            return ImportOutcome(
                name, False, rule=refused.rule, level=refused.level, path=refused.path, problem=refused.detail
            )
        except ValueError as invalid:  # the model refuses what the schema let through
            return ImportOutcome(name, False, level=2, problem=first_line(invalid))
        if message.municipality != self.municipality_code:
            return ImportOutcome.of(name, message, False, problem="the message is not for this municipality")
        if message.kind.sender.value != "aanbieder":
            return ImportOutcome.of(
                name, message, False, problem="the municipality sends this kind, not a provider"
            )
        return _Read(name, data, message, check_message(message))

    def _import_error_file(
        self, name: str, envelope: Envelope, worker: Account, now: datetime
    ) -> ImportOutcome:
        fout = envelope.fout
        problem = f"error file: {fout.code} {fout.omschrijving}"[:200] if fout else "error file"
        ours = None
        if envelope.crossrefnummer is not None:
            with self._uows() as uow:
                ours = uow.messages.by_envelope(str(envelope.crossrefnummer))
                if ours is not None:
                    uow.messages.record_retour(ours.id, (fout.code if fout else "Fo01",))
                    uow.audit_log.record(worker.username, "message.error_file", "message", str(ours.id), now)
                    uow.commit()
        return ImportOutcome(name, False, answered=ours.id if ours else None, problem=problem)

    def _import_heen(
        self,
        name: str,
        data: bytes,
        message: HeenMessage,
        findings: list[Finding],
        worker: Account,
        now: datetime,
    ) -> ImportOutcome:
        with self._uows() as uow:
            codes = tuple(sorted({f.retour_code.value for f in findings}))
            accepted = not findings
            duplicate = any(f.rule.value == "TR056" for f in findings)
            heen_id = None
            if not duplicate:  # a repeated identification is answered, and not stored twice
                state = MessageState.ACCEPTED if accepted else MessageState.REJECTED
                try:
                    heen_id = uow.messages.add(
                        new_message(message, data, Direction.IN, state, worker.username, codes), now
                    )
                except IdentificationTaken:  # imported at this moment by someone else
                    return ImportOutcome.of(
                        name,
                        message,
                        False,
                        rule="TR056",
                        level=3,
                        problem="the identification was used before",
                    )
            retour_id = uow.messages.next_identification(self.municipality_code, "R")
            retour = make_retour(message, findings, identification=retour_id, on=now.date())
            retour_bytes = write(retour)
            uow.messages.add(
                NewMessage(
                    direction=Direction.OUT,
                    domain=message.domain.value,
                    kind=retour.kind.value,
                    sender=self.municipality_code,
                    receiver=message.provider,
                    identification=retour_id,
                    dagtekening=now.date(),
                    raw=retour_bytes,
                    parsed=retour.model_dump(mode="json"),
                    bsn=message.bsn,
                    state=MessageState.RETOUR,
                    retour_of=heen_id,
                    retour_codes=codes,
                    created_by=worker.username,
                ),
                now,
            )
            uow.audit_log.record(worker.username, "message.imported", "message", str(heen_id or ""), now)
            uow.commit()
        first = findings[0] if findings else None
        log.info(
            "message %s imported: %s %s %s",
            heen_id,
            message.domain.value,
            message.kind.value,
            "accepted" if accepted else "rejected",
        )
        return ImportOutcome.of(
            name,
            message,
            accepted,
            message_id=heen_id,
            retour=retour_bytes,
            retour_name=f"{message.domain.prefix}{retour.kind.value}-{retour_id}.xml",
            rule=first.rule.value if first else "",
            level=first.level if first else None,
            path=first.path if first else "",
            retour_codes=codes,
        )

    def _import_retour(
        self, name: str, data: bytes, retour: RetourMessage, worker: Account, now: datetime
    ) -> ImportOutcome:
        codes = tuple(sorted(retour_codes_of(retour)))
        with self._uows() as uow:
            heen = uow.messages.find(
                retour.domain.value, self.municipality_code, retour.kind.heen.value, retour.identification
            )
            if heen is None:
                return ImportOutcome.of(
                    name, retour, False, problem="no message of ours has this identification"
                )
            try:
                retour_id = uow.messages.add(
                    NewMessage(
                        direction=Direction.IN,
                        domain=retour.domain.value,
                        kind=retour.kind.value,
                        sender=retour.provider,
                        receiver=self.municipality_code,
                        identification=retour.header.identificatie_retour,
                        dagtekening=retour.header.dagtekening_retour,
                        raw=data,
                        parsed=retour.model_dump(mode="json"),
                        bsn=retour.bsn,
                        state=MessageState.RETOUR,
                        retour_of=heen.id,
                        retour_codes=codes,
                        created_by=worker.username,
                    ),
                    now,
                )
            except IdentificationTaken:
                return ImportOutcome.of(
                    name, retour, False, rule="TR056", level=3, problem="this retour was imported before"
                )
            uow.messages.record_retour(heen.id, codes if not retour.accepted else ())
            uow.audit_log.record(worker.username, "message.retour_imported", "message", str(heen.id), now)
            uow.commit()
        return ImportOutcome.of(
            name, retour, retour.accepted, message_id=retour_id, answered=heen.id, retour_codes=codes
        )

    # -- sending ----------------------------------------------------------------------------------

    def send(
        self,
        message: HeenMessage,
        worker: Account,
        now: datetime,
        case_id: int | None = None,
        client_bsn: str | None = None,
    ) -> int:
        """Queue one of our messages (a 301 or 319) to send: checked in the same levels as an
        incoming one (a message we would refuse from a provider, we do not send), then stored as
        *to send* with its ToewijzingNummers recorded for the client. A 319 names no client: give
        the BSN of the request's client as ``client_bsn``. ``MessageRefused`` names the first rule
        it breaks."""
        [message_id] = self.send_all(
            lambda _issue: [message], worker, now, case_id=case_id, client_bsn=client_bsn
        )
        return message_id

    def send_all(
        self,
        compose: Callable[[Numbering], Sequence[HeenMessage]],
        worker: Account,
        now: datetime,
        *,
        case_id: int | None = None,
        client_bsn: str | None = None,
        permission: Permission = Permission.EXCHANGE_MESSAGES,
        alongside: Callable[[UnitOfWork, list[int]], None] | None = None,
    ) -> list[int]:
        """Queue several of our messages together, in order: all or none.

        ``compose`` makes the messages inside the transaction; it is given the ``Numbering`` that
        issues new ToewijzingNummers and identifications, so a number is only taken when its
        message is stored. Every message is checked in levels 1-3 before any is stored, each against the
        store and the messages before it; the first refused one raises ``MessageRefused`` (its
        ``position`` is its place, from 1), and then nothing is stored and no number is taken.
        ``alongside`` runs in the same transaction, after the messages are stored, with their ids.

        ``permission`` is what the worker needs: the back office's, unless the caller queues the
        messages of a decision another role takes (a conversion into one traject)."""
        if not may(worker.role, permission):
            raise NotAllowed("this role does not queue messages to the providers")
        with self._uows() as uow:

            def issue(domain: Domain, bsn: str, product: str) -> int:
                return uow.messages.issue_number(self.municipality_code, domain.value, bsn, product, now)

            def identify() -> str:
                return uow.messages.next_identification(self.municipality_code, "M")

            messages = list(compose(Numbering(issue, identify)))
            history = StoreHistory(uow.messages, [(m, m.bsn or client_bsn) for m in messages])
            written = []
            for position, message in enumerate(messages, start=1):
                written.append(self._checked(message, history, client_bsn, position))
            ids = []
            for message, data in zip(messages, written, strict=True):
                ids.append(self._queue(uow, message, data, worker, now, case_id, message.bsn or client_bsn))
            if alongside is not None:
                alongside(uow, ids)
            uow.commit()
        return ids

    def queue_in(
        self,
        uow: UnitOfWork,
        message: HeenMessage,
        worker: Account,
        now: datetime,
        case_id: int | None = None,
        client_bsn: str | None = None,
    ) -> int:
        """``send`` within the caller's unit of work, which commits it (with what else it changes,
        e.g. the case that the 301 assigns); nothing is stored when it refuses."""
        self._check(worker)
        bsn = message.bsn or client_bsn
        data = self._checked(message, StoreHistory(uow.messages, [(message, bsn)]), client_bsn, 1)
        return self._queue(uow, message, data, worker, now, case_id, bsn)

    def _checked(
        self, message: HeenMessage, history: StoreHistory, client_bsn: str | None, position: int
    ) -> bytes:
        """The XML of one of our messages, checked in levels 1-3; seen by the later ones."""
        if message.sender != self.municipality_code:
            raise MessageRefused("the municipality is not the sender of this message", "Afzender", position)
        data = write(message)
        if self.schemas is not None:
            self.schemas.validate(data, message.kind, message.domain)
        bsn = message.bsn or client_bsn
        findings = check_message(message) or check_against_history(message, history, client_bsn=bsn)
        if findings:
            raise MessageRefused(findings[0].rule.value, findings[0].path, position)
        history.add(message, bsn)
        return data

    def _queue(
        self,
        uow: UnitOfWork,
        message: HeenMessage,
        data: bytes,
        worker: Account,
        now: datetime,
        case_id: int | None,
        bsn: str | None,
    ) -> int:
        new = new_message(
            message, data, Direction.OUT, MessageState.TO_SEND, worker.username, case_id=case_id, bsn=bsn
        )
        message_id = uow.messages.add(new, now)
        if isinstance(message, ToewijzingBericht):
            for product in message.client.toegewezen_producten:
                uow.messages.record_number(
                    self.municipality_code,
                    message.domain.value,
                    product.toewijzing_nummer,
                    message.client.bsn,
                    product.product.code if product.product and product.product.code else "",
                    now,
                )
        uow.audit_log.record(worker.username, "message.queued", "message", str(message_id), now)
        return message_id

    def issue_number(self, worker: Account, domain: Domain, bsn: str, product: str, now: datetime) -> int:
        """A new ToewijzingNummer of this municipality in ``domain``, held by the client ``bsn`` for
        ``product`` (a product code, or "" without one)."""
        self._check(worker)
        with self._uows() as uow:
            number = uow.messages.issue_number(self.municipality_code, domain.value, bsn, product, now)
            uow.commit()
        return number

    def next_identification(self) -> str:
        """A new BerichtIdentificatie for one of our messages."""
        with self._uows() as uow:
            identification = uow.messages.next_identification(self.municipality_code, "M")
            uow.commit()
        return identification

    def export(self, worker: Account, now: datetime) -> list[tuple[str, bytes]]:
        """Every message to send, each as a StUF-GGk Di01 envelope file; they are then *sent*, their
        retour due in 3 working days (OP090). One transaction: all are marked, or none."""
        self._check(worker)
        files: list[tuple[str, bytes]] = []
        with self._uows() as uow:
            waiting = uow.messages.listing(
                MessageFilter(direction=Direction.OUT, states=frozenset({MessageState.TO_SEND})), limit=10_000
            )
            for stored in reversed(waiting):  # oldest first
                raw, _parsed = uow.messages.content(stored.id, worker.username, now)
                reference = uuid.uuid4()
                functie = f"{stored.domain.upper()}{stored.kind}"
                envelope = write_di01(raw, functie, stored.sender, stored.receiver, reference, sent_at=now)
                files.append((f"{functie}-{stored.identification}.xml", envelope))
                uow.messages.set_state(
                    stored.id,
                    MessageState.SENT,
                    sent_on=now.date(),
                    retour_due=add_working_days(now.date(), RETOUR_WORKING_DAYS),
                    envelope_ref=str(reference),
                )
            uow.audit_log.record(worker.username, "messages.exported", "message", str(len(files)), now)
            uow.commit()
        return files

    # -- reading ----------------------------------------------------------------------------------

    def messages(
        self, worker: Account, which: MessageFilter, limit: int = 100, offset: int = 0
    ) -> list[StoredMessage]:
        """A list of messages (no content), newest first."""
        self._check(worker)
        with self._uows() as uow:
            return uow.messages.listing(which, limit=limit, offset=offset)

    def count(self, worker: Account, which: MessageFilter) -> int:
        self._check(worker)
        with self._uows() as uow:
            return uow.messages.count(which)

    def assignment(self, worker: Account, domain: str, number: int) -> list[StoredMessage]:
        """Every message about one ToewijzingNummer, oldest first, with their retours."""
        self._check(worker)
        with self._uows() as uow:
            about = uow.messages.for_assignment(domain, number)
            retours = [r for m in about if (r := uow.messages.retour_of(m.id)) is not None]
        return sorted([*about, *retours], key=lambda m: (m.stored_at, m.id))

    def content(self, worker: Account, message_id: int, now: datetime) -> bytes:
        """The raw XML of a message, for its download; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            raw, _parsed = uow.messages.content(message_id, worker.username, now)
            uow.commit()
        return raw

    def open_requests(self, worker: Account, today: date) -> list[RequestDeadline]:
        """The providers' accepted 315 and 317 requests still waiting for a final answer, with the
        day it is due: a 301 or 319 within 5 working days, or after a 319 *in onderzoek* within
        8 weeks of the request (OP274, OP346). The access workers see these on their deadlines too:
        the list holds no personal data (kinds, providers, references, days)."""
        if not (may(worker.role, Permission.EXCHANGE_MESSAGES) or may(worker.role, Permission.HANDLE_CASES)):
            raise NotAllowed("only the back office and the access workers see the open requests")
        found: list[RequestDeadline] = []
        with self._uows() as uow:
            requests = uow.messages.listing(
                MessageFilter(
                    direction=Direction.IN,
                    states=frozenset({MessageState.ACCEPTED}),
                    kinds=frozenset({"315", "317"}),
                ),
                limit=10_000,
            )
            for request in requests:
                if request.referentie_aanbieder is None:
                    continue
                answers = uow.messages.answers_to(
                    request.domain, request.sender, request.referentie_aanbieder
                )
                if any(a.kind == "301" or a.answer == "1" for a in answers):
                    continue
                received = request.stored_at.date()
                in_onderzoek = any(a.answer == "2" for a in answers)
                due = final_answer_due(received) if in_onderzoek else answer_due(received)
                found.append(RequestDeadline(request, in_onderzoek, due, due < today))
        return sorted(found, key=lambda d: d.due)
