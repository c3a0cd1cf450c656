"""The care provider's side of the exchange, on a page that stands in for the provider's own
software: the toewijzingen (301) the municipality gave its organisation, and the start (305), stop
(307), change request (317) and assignment request (315) it answers them with, and the answers (319)
the municipality gave to its requests.

Real providers send files through the chain (VECOZO, the GGk), which the back office imports. What
a provider sends here goes through the same door: ``MessageService.receive_from_provider`` checks it
in levels 1-3, stores it and answers it with its retour, exactly as an imported file. A provider
sees only the messages between its own organisation (its AGB code) and the municipality.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ValidationError

from smi_core.access import Permission, may
from smi_core.errors import NotAllowed
from smi_core.istandaarden.codes import Domain, RedenVerzoek
from smi_core.istandaarden.common import Omvang, Product
from smi_core.istandaarden.messages import AntwoordBericht, HeenMessage, ToewijzingBericht
from smi_core.istandaarden.products import Antwoord
from smi_core.istandaarden.provider import (
    Referral,
    RequestedClient,
    assignment_request,
    change_request,
    start_message,
    stop_message,
)
from smi_core.istandaarden.xml import write
from smi_intake.db.messages import Direction, MessageFilter, MessageStore, StoredMessage
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import AssignmentState, ImportOutcome, assignment_state
from smi_intake.services.message_history import StoreHistory
from smi_intake.services.messages import MessageService

#: The kinds a provider sends about a toewijzing (its 315 names none yet).
ANSWER_KINDS = frozenset({"305", "307", "317"})
#: The series of the providers' BerichtIdentificaties on this page (``P`` and 11 digits): one
#: counter for every provider, so each identification is unique per sender and kind (TR056).
PROVIDER_SERIES = "P"
#: How many toewijzingen and sent messages the page lists.
LIST_LIMIT = 200


class MessageNotMade(ValueError):
    """What the provider filled in does not make a message of the standard (a value out of its
    range or too long); ``where`` names the field, never its value."""

    def __init__(self, where: str) -> None:
        super().__init__(f"the message cannot be made: {where}")
        self.where = where


@dataclass(frozen=True)
class AssignedProduct:
    """One product of a toewijzing, with what the provider already sent about its ToewijzingNummer."""

    number: int
    product: Product | None
    ingangsdatum: date
    einddatum: date | None
    omvang: Omvang | None
    state: AssignmentState
    sent: tuple[StoredMessage, ...]
    """The provider's 305, 307 and 317 about this number, oldest first, each with its state."""

    @property
    def last_sent(self) -> StoredMessage | None:
        return self.sent[-1] if self.sent else None


@dataclass(frozen=True)
class Assignment:
    """A toewijzing (301) to the provider: the client as the provider names it, and its products."""

    message: StoredMessage
    domain: Domain
    client_name: str
    born: date
    products: tuple[AssignedProduct, ...]


@dataclass(frozen=True)
class SentMessage:
    """A message the provider sent, and the municipality's retour to it (None: none yet)."""

    message: StoredMessage
    retour: StoredMessage | None


@dataclass(frozen=True)
class RequestAnswer:
    """A 319 the municipality sent the provider: its request (315 or 317) refused or in onderzoek."""

    message: StoredMessage
    antwoord: Antwoord


def client_name(toewijzing: ToewijzingBericht) -> str:
    """The client's short name: initials, prefix and surname (``T. de Wit``)."""
    name = toewijzing.client.naam
    surname = name.geslachtsnaam
    parts = [name.voorletters or "", surname.voorvoegsel or "", surname.achternaam]
    return " ".join(part for part in parts if part)


class ProviderExchange:
    """What a signed-in care provider reads and sends. Every call checks ``Permission.PROVIDE_CARE``
    and works on the account's own organisation (its AGB code) only."""

    def __init__(self, uows: UnitOfWorkFactory, messages: MessageService) -> None:
        self._uows = uows
        self._messages = messages

    @staticmethod
    def _agb(provider: Account) -> str:
        if not may(provider.role, Permission.PROVIDE_CARE):
            raise NotAllowed("only a care provider sees its assignments")
        return provider.organisation

    # -- reading ----------------------------------------------------------------------------------

    def assignments(self, provider: Account, now: datetime) -> list[Assignment]:
        """The 301s the municipality queued or sent to the provider's AGB code, newest first, each
        with what the provider sent about its products. Reading the clients' names is logged."""
        agb = self._agb(provider)
        found: list[Assignment] = []
        with self._uows() as uow:
            which = MessageFilter(direction=Direction.OUT, kinds=frozenset({"301"}), party=agb)
            for stored in uow.messages.listing(which, limit=LIST_LIMIT):
                if stored.receiver != agb:
                    continue
                toewijzing = self._toewijzing(uow.messages, stored, provider, now)
                found.append(self._assignment(uow.messages, stored, toewijzing, agb))
            uow.commit()
        return found

    def assignment(self, provider: Account, message_id: int, now: datetime) -> ToewijzingBericht:
        """One 301 to the provider, read (and the read logged); ``NotAllowed`` for any other message."""
        agb = self._agb(provider)
        with self._uows() as uow:
            stored = uow.messages.get(message_id)
            if stored is None or stored.kind != "301" or stored.receiver != agb:
                raise NotAllowed("this is no assignment to the provider's organisation")
            toewijzing = self._toewijzing(uow.messages, stored, provider, now)
            uow.commit()
        return toewijzing

    def sent(self, provider: Account) -> list[SentMessage]:
        """The messages the provider sent, newest first, each with the municipality's retour."""
        agb = self._agb(provider)
        with self._uows() as uow:
            which = MessageFilter(direction=Direction.IN, heen_only=True, party=agb)
            mine = [m for m in uow.messages.listing(which, limit=LIST_LIMIT) if m.sender == agb]
            return [SentMessage(m, uow.messages.retour_of(m.id)) for m in mine]

    def answers(self, provider: Account, now: datetime) -> list[RequestAnswer]:
        """The 319s the municipality queued or sent to the provider, newest first: the requests it
        refused or put in onderzoek, by the provider's own reference. Each read is logged."""
        agb = self._agb(provider)
        found: list[RequestAnswer] = []
        with self._uows() as uow:
            which = MessageFilter(direction=Direction.OUT, kinds=frozenset({"319"}), party=agb)
            for stored in uow.messages.listing(which, limit=LIST_LIMIT):
                if stored.receiver != agb:
                    continue
                _raw, parsed = uow.messages.content(stored.id, provider.username, now)
                found.append(RequestAnswer(stored, AntwoordBericht.model_validate(parsed).antwoord))
            uow.commit()
        return found

    @staticmethod
    def _toewijzing(
        store: MessageStore, stored: StoredMessage, provider: Account, now: datetime
    ) -> ToewijzingBericht:
        _raw, parsed = store.content(stored.id, provider.username, now)
        return ToewijzingBericht.model_validate(parsed)

    @staticmethod
    def _assignment(
        store: MessageStore, stored: StoredMessage, toewijzing: ToewijzingBericht, agb: str
    ) -> Assignment:
        products = []
        for product in toewijzing.client.toegewezen_producten:
            about = [
                m
                for m in store.for_assignment(stored.domain, product.toewijzing_nummer)
                if agb in (m.sender, m.receiver)
            ]
            sent = tuple(m for m in about if m.sender == agb and m.kind in ANSWER_KINDS)
            products.append(
                AssignedProduct(
                    number=product.toewijzing_nummer,
                    product=product.product,
                    ingangsdatum=product.ingangsdatum,
                    einddatum=product.einddatum,
                    omvang=product.omvang,
                    state=assignment_state(about),
                    sent=sent,
                )
            )
        return Assignment(
            message=stored,
            domain=toewijzing.domain,
            client_name=client_name(toewijzing),
            born=toewijzing.client.geboortedatum.datum,
            products=tuple(products),
        )

    # -- sending ----------------------------------------------------------------------------------

    def send_start(
        self, provider: Account, message_id: int, number: int, begindatum: date, now: datetime
    ) -> ImportOutcome:
        """A 305: the care of ToewijzingNummer ``number`` of the 301 ``message_id`` began on
        ``begindatum``."""
        toewijzing = self.assignment(provider, message_id, now)
        identification = self._identification()
        with _made():
            message = start_message(
                toewijzing, number, begindatum, identification=identification, on=now.date()
            )
        return self._send(message, provider, now)

    def send_stop(
        self,
        provider: Account,
        message_id: int,
        number: int,
        begindatum: date,
        einddatum: date,
        reason: str,
        now: datetime,
    ) -> ImportOutcome:
        """A 307: the care started on ``begindatum`` (the 305's date) ended on ``einddatum`` for
        ``reason`` (a RedenBeeindiging of the toewijzing's set)."""
        toewijzing = self.assignment(provider, message_id, now)
        identification = self._identification()
        with _made():
            message = stop_message(
                toewijzing,
                number,
                begindatum,
                einddatum,
                reason,
                identification=identification,
                on=now.date(),
            )
        return self._send(message, provider, now)

    def send_change_request(
        self,
        provider: Account,
        message_id: int,
        number: int,
        reason: RedenVerzoek,
        from_date: date,
        omvang: Omvang | None,
        einddatum: date | None,
        now: datetime,
    ) -> ImportOutcome:
        """A 317 asking to change ToewijzingNummer ``number`` from ``from_date``: a new volume, a new
        end date, or both. It lists the client's other current toewijzingen at the provider as
        unchanged (TR349), as the store knows them."""
        toewijzing = self.assignment(provider, message_id, now)
        identification = self._identification()
        with self._uows() as uow:
            state = StoreHistory(uow.messages, [(toewijzing, toewijzing.client.bsn)]).client_state(
                toewijzing.domain, toewijzing.municipality, toewijzing.provider, toewijzing.client.bsn
            )
        current = state.current_toewijzingen(now.date())
        with _made():
            message = change_request(
                toewijzing,
                number,
                reference=identification,
                reason=reason,
                from_date=from_date,
                omvang=omvang,
                einddatum=einddatum,
                unchanged=current,
                identification=identification,
                on=now.date(),
            )
        return self._send(message, provider, now)

    def send_assignment_request(
        self,
        provider: Account,
        domain: Domain,
        client: RequestedClient,
        product: Product,
        start: date,
        end: date | None,
        omvang: Omvang,
        referral: Referral,
        now: datetime,
    ) -> ImportOutcome:
        """A 315 asking the municipality to assign ``product`` to ``client`` from ``start``; its
        ReferentieAanbieder is its identification."""
        agb = self._agb(provider)
        identification = self._identification()
        with _made():
            message = assignment_request(
                domain,
                municipality=self._messages.municipality_code,
                provider=agb,
                client=client,
                product=product,
                start=start,
                end=end,
                omvang=omvang,
                referral=referral,
                reference=identification,
                identification=identification,
                on=now.date(),
            )
        return self._send(message, provider, now)

    def _identification(self) -> str:
        with self._uows() as uow:
            identification = uow.messages.next_identification(
                self._messages.municipality_code, PROVIDER_SERIES
            )
            uow.commit()
        return identification

    def _send(self, message: HeenMessage, provider: Account, now: datetime) -> ImportOutcome:
        name = f"{message.domain.prefix}{message.kind.value}-{message.identification}.xml"
        return self._messages.receive_from_provider(name, write(message), provider, now)


@contextmanager
def _made() -> Iterator[None]:
    """Turns the model's refusal of a value into ``MessageNotMade``, naming the field only."""
    try:
        yield
    except ValidationError as invalid:
        raise MessageNotMade(_where(invalid)) from None


def _where(invalid: ValidationError) -> str:
    errors = invalid.errors()
    location = errors[0].get("loc", ()) if errors else ()
    return "/".join(str(part) for part in location) or "the message"


__all__ = [
    "AssignedProduct",
    "Assignment",
    "MessageNotMade",
    "ProviderExchange",
    "SentMessage",
    "client_name",
]
