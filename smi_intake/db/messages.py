"""The iStandaarden message store: every iWmo/iJw message sent and received, raw and parsed, with
its retour, its state and its links to the case and the assignments it is about; and the
ToewijzingNummers the municipality issues.

The store works on plain values (bytes, a parsed dict, the indexed facts); the core's message
models are the service's business. The raw XML and the parsed message are encrypted; the
client's BSN is kept only as a keyed hash, for the cross-message checks, which read one client's
messages between two parties (an index), so their cost does not grow with the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    String,
    Table,
    any_,
    bindparam,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from smi_intake.crypto import Cipher
from smi_intake.db.conflicts import insert_or_skip
from smi_intake.db.models import (
    AssignmentNumberRow,
    MessageAssignmentRow,
    MessageRow,
    NumberCounterRow,
    audit,
)

_MESSAGES = cast(Table, MessageRow.__table__)
_COUNTERS = cast(Table, NumberCounterRow.__table__)

#: The highest ToewijzingNummer the standard allows (an integer of at most 9 digits).
MAX_ASSIGNMENT_NUMBER = 999_999_999

#: The kinds that are heen messages (the others are retours).
HEEN_KINDS = frozenset({"301", "305", "307", "315", "317", "319"})


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class MessageState(StrEnum):
    """Where a message is. Outgoing heen: to send, sent, then accepted or rejected by its retour.
    Incoming heen: accepted or rejected by the retour we made. A retour is a retour."""

    TO_SEND = "to_send"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    RETOUR = "retour"


#: The heen messages that count for the cross-message checks (a rejected one counts as not sent).
_COUNTING = (MessageState.TO_SEND.value, MessageState.SENT.value, MessageState.ACCEPTED.value)


def _among(connection: Connection, column: Any, values: Iterable[str]) -> ColumnElement[bool]:
    """``column IN values`` with the values bound as one parameter (a JSON list read with
    ``json_each`` on SQLite, an array on PostgreSQL) rather than one each: a batch's hundreds of
    hashes or identifications then cost no statement building per value."""
    wanted = list(values)
    dialect = connection.dialect.name
    if dialect == "sqlite":
        listed = func.json_each(bindparam(None, json.dumps(wanted), type_=String)).table_valued("value")
        return cast(ColumnElement[bool], column.in_(select(listed.c.value)))
    if dialect == "postgresql":
        return cast(ColumnElement[bool], column == any_(bindparam(None, wanted, type_=ARRAY(String))))
    return cast(ColumnElement[bool], column.in_(wanted))


class IdentificationTaken(Exception):
    """A message with this sender, kind and identification is stored already (TR056), e.g. by a
    concurrent import of the same file. Carries no personal data."""

    def __init__(self, domain: str, sender: str, kind: str, identification: str) -> None:
        super().__init__(f"{domain} {kind} {identification} of {sender} is stored already")
        self.domain, self.sender, self.kind, self.identification = domain, sender, kind, identification


class NumbersExhausted(Exception):
    """Every ToewijzingNummer of this municipality and set is issued."""


@dataclass(frozen=True)
class NewMessage:
    """A message to store, with the facts the store indexes. ``bsn`` is hashed, never stored."""

    direction: Direction
    domain: str
    kind: str
    sender: str
    receiver: str
    identification: str
    dagtekening: date
    raw: bytes
    parsed: dict[str, Any]
    bsn: str | None
    state: MessageState
    case_id: int | None = None
    referentie_aanbieder: str | None = None
    answer: str | None = None
    numbers: tuple[int, ...] = ()
    retour_of: int | None = None
    retour_codes: tuple[str, ...] = ()
    retour_due: date | None = None
    sent_on: date | None = None
    created_by: str = ""
    envelope_ref: str | None = None
    facts: list[Any] | None = None
    """A heen message's part in its client's state (the core's ``client_state.facts_of``)."""


class ClientFacts(NamedTuple):
    """One stored heen message as the cross-message checks fold it: between whom, and its facts
    (None for a message stored without them: then ``parsed`` holds its content)."""

    sender: str
    receiver: str
    kind: str
    facts: list[Any] | None
    parsed: dict[str, Any] | None = None


@dataclass(frozen=True)
class StoredMessage:
    """A stored message without its content (no personal data): what lists and links show."""

    id: int
    direction: Direction
    domain: str
    kind: str
    sender: str
    receiver: str
    identification: str
    dagtekening: date
    stored_at: datetime
    state: MessageState
    retour_of: int | None
    retour_codes: tuple[str, ...]
    retour_due: date | None
    sent_on: date | None
    case_id: int | None
    referentie_aanbieder: str | None
    answer: str | None
    numbers: tuple[int, ...] = field(default=())
    envelope_ref: str | None = None

    def overdue(self, today: date) -> bool:
        """A sent heen message whose retour did not come by its due day (OP090)."""
        return self.state is MessageState.SENT and self.retour_due is not None and self.retour_due < today


@dataclass(frozen=True)
class MessageFilter:
    """Which messages a list shows; every field narrows it."""

    direction: Direction | None = None
    states: frozenset[MessageState] = frozenset()
    kinds: frozenset[str] = frozenset()
    overdue_on: date | None = None
    bsn: str | None = None
    party: str | None = None
    case_id: int | None = None
    heen_only: bool = False


class MessageStore:
    """The message store of one unit of work."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    @property
    def _connection(self) -> Connection:
        """The unit of work's connection, for the batch reads of the checks: a Core statement on
        it skips the ORM's work, which these reads (plain columns, many parameters) do not need."""
        return self._session.connection()

    # -- writing ----------------------------------------------------------------------------------

    def add(self, message: NewMessage, now: datetime) -> int:
        """Store ``message``; its id. ``IdentificationTaken`` (and nothing written, the unit of
        work still usable) when its sender, kind and identification are stored already."""
        values = message_row(message, now, self._cipher)
        # ON CONFLICT DO NOTHING rather than a savepoint: pysqlite starts no transaction before a
        # SAVEPOINT, whose RELEASE would then commit outside the unit of work's rollback.
        key = ["domain", "sender", "kind", "identification"]
        stored = self._session.execute(
            insert_or_skip(self._session, _MESSAGES, values, key).returning(MessageRow.id)
        ).scalar_one_or_none()
        if stored is None:
            raise IdentificationTaken(message.domain, message.sender, message.kind, message.identification)
        self._session.add_all(MessageAssignmentRow(message_id=stored, number=n) for n in set(message.numbers))
        self._session.flush()
        return int(stored)

    def set_state(
        self,
        message_id: int,
        state: MessageState,
        *,
        sent_on: date | None = None,
        retour_due: date | None = None,
        envelope_ref: str | None = None,
    ) -> None:
        """Move a message to ``state`` (when sending: the day it was sent, its retour's due day and
        the envelope it went in)."""
        values: dict[str, Any] = {"state": state.value}
        if envelope_ref is not None:
            values["envelope_ref"] = envelope_ref
        if sent_on is not None:
            values["sent_on"] = sent_on
        if retour_due is not None:
            values["retour_due"] = retour_due
        self._session.execute(update(MessageRow).where(MessageRow.id == message_id).values(**values))

    def record_retour(self, heen_id: int, codes: Sequence[str]) -> None:
        """A retour came for our heen message: accepted without codes, otherwise rejected."""
        rejected = any(code not in ("", "0200") for code in codes)
        self._session.execute(
            update(MessageRow)
            .where(MessageRow.id == heen_id)
            .values(
                state=(MessageState.REJECTED if rejected else MessageState.ACCEPTED).value,
                retour_codes=",".join(codes),
            )
        )

    # -- ToewijzingNummers ------------------------------------------------------------------------

    def issue_number(self, municipality: str, domain: str, bsn: str, product: str, now: datetime) -> int:
        """A new ToewijzingNummer for this municipality and set, recorded with the client and product.

        The counter row is updated in one statement, which holds the row until the transaction
        ends: a second app server numbering at once waits, then takes the next number. A number
        recorded from elsewhere (``record_number``) is passed over."""
        number = self._next(municipality, domain)
        while self.assignment_holder(domain, municipality, number) is not None:
            number = self._next(municipality, domain)
        if number > MAX_ASSIGNMENT_NUMBER:
            raise NumbersExhausted(f"{municipality} {domain}")
        self._session.add(
            AssignmentNumberRow(
                municipality=municipality,
                domain=domain,
                number=number,
                bsn_hash=self._cipher.lookup_hash(bsn),
                product=product,
                issued_at=now,
            )
        )
        self._session.flush()
        return int(number)

    def next_identification(self, municipality: str, series: str) -> str:
        """A new BerichtIdentificatie of ours for a series (``R`` retours, ``M`` other messages):
        the series letter and 11 digits, unique per sender and kind (TR056) by construction."""
        return f"{series}{self._next(municipality, series):011d}"

    def _next(self, municipality: str, counter: str) -> int:
        """The next value of a counter (a set's ToewijzingNummers, a series of identifications): one
        UPDATE that holds the row until the transaction ends, so two app servers never share one."""
        self._ensure_counter(municipality, counter)
        return int(
            self._session.execute(
                update(NumberCounterRow)
                .where(NumberCounterRow.municipality == municipality, NumberCounterRow.domain == counter)
                .values(last=NumberCounterRow.last + 1)
                .returning(NumberCounterRow.last)
            ).scalar_one()
        )

    def _ensure_counter(self, municipality: str, domain: str) -> None:
        exists = self._session.scalar(
            select(func.count())
            .select_from(NumberCounterRow)
            .where(NumberCounterRow.municipality == municipality, NumberCounterRow.domain == domain)
        )
        if exists:
            return
        row = {"municipality": municipality, "domain": domain, "last": 0}  # two first ones at once: one wins
        self._session.execute(insert_or_skip(self._session, _COUNTERS, row, ["municipality", "domain"]))

    def assignment_holder(self, domain: str, municipality: str, number: int) -> str | None:
        """The keyed hash of the BSN that holds this ToewijzingNummer, or None if it was never issued."""
        return self.assignment_holders(domain, municipality, [number]).get(number)

    def holds(self, holder_hash: str | None, bsn: str) -> bool:
        """Whether ``holder_hash`` (from ``assignment_holder``) is the hash of ``bsn``."""
        return holder_hash is not None and holder_hash == self.hash_of(bsn)

    def hash_of(self, bsn: str) -> str:
        """The keyed hash the store keeps of a BSN (the BSN itself is not stored)."""
        return self._cipher.lookup_hash(bsn)

    # -- the cross-message checks: each question asked for a whole batch of messages at once -----

    def identifications_used(
        self, domain: str, keys: Iterable[tuple[str, str, str]]
    ) -> set[tuple[str, str, str]]:
        """TR056: which of the (sender, kind, identification) keys are stored already, in one query."""
        wanted = set(keys)
        if not wanted:
            return set()
        columns = _MESSAGES.c
        groups: dict[tuple[str, str], set[str]] = {}
        for sender, kind, identification in wanted:
            groups.setdefault((sender, kind), set()).add(identification)
        rows = self._connection.execute(  # each group reads the unique key's index (TR056)
            select(columns.sender, columns.kind, columns.identification).where(
                columns.domain == domain,
                or_(
                    *(
                        (columns.sender == sender)
                        & (columns.kind == kind)
                        & _among(self._connection, columns.identification, ids)
                        for (sender, kind), ids in groups.items()
                    )
                ),
            )
        )
        return {(row.sender, row.kind, row.identification) for row in rows}

    def client_facts(self, domain: str, bsns: Iterable[str] | dict[str, str]) -> dict[str, list[ClientFacts]]:
        """Per BSN, the heen messages about that client that count (not rejected), oldest first,
        each with its facts; in one query (two when some were stored without facts). Reads the
        clients' rows only (an index), so the cost does not grow with the store. The BSNs may come
        as a dict from their ``hash_of`` to them, hashed already."""
        by_hash = bsns if isinstance(bsns, dict) else {self.hash_of(bsn): bsn for bsn in set(bsns)}
        found: dict[str, list[ClientFacts]] = {bsn: [] for bsn in by_hash.values()}
        if not by_hash:
            return found
        columns = _MESSAGES.c
        rows = self._connection.execute(
            select(columns.id, columns.bsn_hash, columns.sender, columns.receiver, columns.kind)
            .add_columns(columns.facts)
            .where(
                columns.domain == domain,
                _among(self._connection, columns.bsn_hash, by_hash),
                columns.kind.in_(HEEN_KINDS),
                columns.state.in_(_COUNTING),
            )
            .order_by(columns.stored_at, columns.id)
        ).all()
        without = [row.id for row in rows if row.facts is None]
        parsed = {}
        if without:
            parsed = {
                row.id: self._cipher.open_json(row.parsed)
                for row in self._connection.execute(
                    select(columns.id, columns.parsed).where(columns.id.in_(without))
                )
            }
        open_small = self._cipher.open_small
        for row_id, bsn_hash, sender, receiver, kind, sealed in rows:
            facts = None if sealed is None else _read_json(open_small(sealed).decode())
            found[by_hash[bsn_hash]].append(ClientFacts(sender, receiver, kind, facts, parsed.get(row_id)))
        return found

    def assignment_holders(self, domain: str, municipality: str, numbers: Iterable[int]) -> dict[int, str]:
        """The keyed hash of the BSN that holds each of these ToewijzingNummers (those issued), in
        one query. Compare with ``holds``; the BSN itself is not stored."""
        wanted = set(numbers)
        if not wanted:
            return {}
        table = cast(Table, AssignmentNumberRow.__table__)
        rows = self._connection.execute(
            select(table.c.number, table.c.bsn_hash).where(
                table.c.municipality == municipality, table.c.domain == domain, table.c.number.in_(wanted)
            )
        )
        return {row.number: row.bsn_hash for row in rows}

    def answers_to(self, domain: str, provider: str, referentie: str) -> list[StoredMessage]:
        """The 301s and 319s sent to ``provider`` that answer its request ``referentie``, oldest first."""
        rows = self._session.scalars(
            select(MessageRow)
            .where(
                MessageRow.domain == domain,
                MessageRow.receiver == provider,
                MessageRow.kind.in_(("301", "319")),
                MessageRow.referentie_aanbieder == referentie,
                MessageRow.state.in_(_COUNTING),
            )
            .order_by(MessageRow.stored_at, MessageRow.id)
        ).all()
        return [self._stored(row) for row in rows]

    # -- reading ----------------------------------------------------------------------------------

    def get(self, message_id: int) -> StoredMessage | None:
        row = self._session.get(MessageRow, message_id)
        return None if row is None else self._stored(row)

    def find(self, domain: str, sender: str, kind: str, identification: str) -> StoredMessage | None:
        """The message of this sender, kind and identification (e.g. the heen a retour answers)."""
        row = self._session.scalars(
            select(MessageRow).where(
                MessageRow.domain == domain,
                MessageRow.sender == sender,
                MessageRow.kind == kind,
                MessageRow.identification == identification,
            )
        ).one_or_none()
        return None if row is None else self._stored(row)

    def by_envelope(self, reference: str) -> StoredMessage | None:
        """Our heen message that went in the envelope ``reference`` (a Du01 or Fo01 answers it)."""
        row = self._session.scalars(
            select(MessageRow).where(MessageRow.envelope_ref == reference, MessageRow.retour_of.is_(None))
        ).first()
        return None if row is None else self._stored(row)

    def record_number(
        self, municipality: str, domain: str, number: int, bsn: str, product: str, now: datetime
    ) -> None:
        """Record a ToewijzingNummer as held by ``bsn`` (a number of ours issued before this store)."""
        if self.assignment_holder(domain, municipality, number) is not None:
            return
        self._session.add(
            AssignmentNumberRow(
                municipality=municipality,
                domain=domain,
                number=number,
                bsn_hash=self._cipher.lookup_hash(bsn),
                product=product,
                issued_at=now,
            )
        )
        self._session.flush()

    def content(self, message_id: int, actor: str, now: datetime) -> tuple[bytes, dict[str, Any]]:
        """The raw XML and the parsed message, decrypted; the read is logged (who read which message)."""
        row = self._session.get(MessageRow, message_id)
        if row is None:
            raise LookupError(f"message {message_id}")
        self._session.add(audit(actor, "message.read", "message", str(message_id), now))
        return self._cipher.decrypt(row.raw), self._cipher.open_json(row.parsed)

    def retour_of(self, heen_id: int) -> StoredMessage | None:
        """The newest retour stored for a heen message."""
        row = self._session.scalars(
            select(MessageRow).where(MessageRow.retour_of == heen_id).order_by(MessageRow.id.desc()).limit(1)
        ).first()
        return None if row is None else self._stored(row)

    def listing(self, which: MessageFilter, limit: int = 100, offset: int = 0) -> list[StoredMessage]:
        """The messages ``which`` selects, newest first."""
        query = self._filtered(select(MessageRow), which)
        rows = self._session.scalars(
            query.order_by(MessageRow.stored_at.desc(), MessageRow.id.desc()).limit(limit).offset(offset)
        ).all()
        return self._with_numbers([self._stored(row) for row in rows])

    def count(self, which: MessageFilter) -> int:
        return int(
            self._session.scalar(self._filtered(select(func.count()).select_from(MessageRow), which)) or 0
        )

    def for_assignment(self, domain: str, number: int) -> list[StoredMessage]:
        """Every message about one ToewijzingNummer, oldest first."""
        rows = self._session.scalars(
            select(MessageRow)
            .join(MessageAssignmentRow, MessageAssignmentRow.message_id == MessageRow.id)
            .where(MessageRow.domain == domain, MessageAssignmentRow.number == number)
            .order_by(MessageRow.stored_at, MessageRow.id)
        ).all()
        return self._with_numbers([self._stored(row) for row in rows])

    def _filtered(self, query: Any, which: MessageFilter) -> Any:
        if which.direction is not None:
            query = query.where(MessageRow.direction == which.direction.value)
        if which.states:
            query = query.where(MessageRow.state.in_([s.value for s in which.states]))
        if which.kinds:
            query = query.where(MessageRow.kind.in_(which.kinds))
        if which.heen_only:
            query = query.where(MessageRow.kind.in_(HEEN_KINDS))
        if which.overdue_on is not None:
            query = query.where(
                MessageRow.state == MessageState.SENT.value, MessageRow.retour_due < which.overdue_on
            )
        if which.bsn:
            query = query.where(MessageRow.bsn_hash == self._cipher.lookup_hash(which.bsn))
        if which.party:
            query = query.where(or_(MessageRow.sender == which.party, MessageRow.receiver == which.party))
        if which.case_id is not None:
            query = query.where(MessageRow.case_id == which.case_id)
        return query

    def _with_numbers(self, found: list[StoredMessage]) -> list[StoredMessage]:
        if not found:
            return found
        numbers: dict[int, list[int]] = {}
        for message_id, number in self._session.execute(
            select(MessageAssignmentRow.message_id, MessageAssignmentRow.number).where(
                MessageAssignmentRow.message_id.in_([m.id for m in found])
            )
        ):
            numbers.setdefault(message_id, []).append(number)
        return [_with(m, tuple(sorted(numbers.get(m.id, ())))) for m in found]

    @staticmethod
    def _stored(row: MessageRow) -> StoredMessage:
        return StoredMessage(
            id=row.id,
            direction=Direction(row.direction),
            domain=row.domain,
            kind=row.kind,
            sender=row.sender,
            receiver=row.receiver,
            identification=row.identification,
            dagtekening=row.dagtekening,
            stored_at=row.stored_at,
            state=MessageState(row.state),
            retour_of=row.retour_of,
            retour_codes=tuple(c for c in row.retour_codes.split(",") if c),
            retour_due=row.retour_due,
            sent_on=row.sent_on,
            case_id=row.case_id,
            referentie_aanbieder=row.referentie_aanbieder,
            answer=row.answer,
            envelope_ref=row.envelope_ref,
        )


def _with(message: StoredMessage, numbers: Iterable[int]) -> StoredMessage:
    return replace(message, numbers=tuple(numbers))


_read_json = json.JSONDecoder().decode


def _compact(facts: list[Any]) -> bytes:
    return json.dumps(facts, separators=(",", ":")).encode()


def message_row(message: NewMessage, now: datetime, cipher: Cipher) -> dict[str, Any]:
    """The values of the row that stores ``message``: content encrypted, the BSN hashed."""
    return dict(
        direction=message.direction.value,
        domain=message.domain,
        kind=message.kind,
        sender=message.sender,
        receiver=message.receiver,
        identification=message.identification,
        dagtekening=message.dagtekening,
        stored_at=now,
        raw=cipher.encrypt(message.raw),
        parsed=cipher.seal_json(message.parsed),
        facts=None if message.facts is None else cipher.seal_small(_compact(message.facts)),
        bsn_hash=cipher.lookup_hash(message.bsn) if message.bsn else None,
        state=message.state.value,
        retour_of=message.retour_of,
        retour_codes=",".join(message.retour_codes),
        retour_due=message.retour_due,
        sent_on=message.sent_on,
        case_id=message.case_id,
        referentie_aanbieder=message.referentie_aanbieder,
        answer=message.answer,
        created_by=message.created_by,
        envelope_ref=message.envelope_ref,
    )


__all__ = [
    "HEEN_KINDS",
    "MAX_ASSIGNMENT_NUMBER",
    "ClientFacts",
    "Direction",
    "IdentificationTaken",
    "MessageFilter",
    "MessageState",
    "MessageStore",
    "NewMessage",
    "NumbersExhausted",
    "StoredMessage",
    "message_row",
]
