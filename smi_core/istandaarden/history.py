"""The message store the level-3 checks read, as a Protocol, and an in-memory store that implements it.

The persistence layer implements ``MessageHistory`` over its own tables; ``InMemoryHistory`` serves
the tests and the app's demo. A store holds the *accepted heen messages* (301, 305, 307, 315, 317,
319): a message rejected by its retour counts as never sent (OP286), and is not added.

A 319 has no client: it belongs to the client of the 315 or 317 whose ReferentieAanbieder it
answers. A store files it under that client; ``InMemoryHistory.client_of_reference`` finds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from smi_core.istandaarden.client_state import ClientState, client_state, references_of
from smi_core.istandaarden.codes import Domain, MessageKind
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    HeenMessage,
    Message,
    ToewijzingBericht,
)


class MessageHistory(Protocol):
    """What the level-3 checks ask of the message store."""

    def identification_used(
        self, domain: Domain, sender: str, kind: MessageKind, identification: str
    ) -> bool:
        """Whether ``sender`` (a CBS or AGB code) used ``identification`` before for a message of ``kind``."""
        ...

    def client_state(self, domain: Domain, municipality: str, provider: str, bsn: str) -> ClientState:
        """The state of this client between this municipality and provider, folded from the earlier
        accepted heen messages (301, 305, 307, 315, 317, 319), oldest first."""
        ...

    def assignment_holder(self, domain: Domain, municipality: str, number: int) -> str | None:
        """The Bsn that holds this ToewijzingNummer in this municipality and domain, or None."""
        ...


class InMemoryHistory:
    """A ``MessageHistory`` in memory: add accepted messages with ``add``, oldest first."""

    def __init__(self) -> None:
        self._identifications: set[tuple[Domain, str, MessageKind, str]] = set()
        self._clients: dict[tuple[Domain, str, str, str], list[Message]] = {}
        self._holders: dict[tuple[Domain, str, int], str] = {}

    def add(self, message: Message) -> None:
        """Record an accepted message. A retour only records its Identificatie."""
        self._identifications.add((message.domain, message.sender, message.kind, message.identification))
        if not isinstance(message, HeenMessage):
            return
        bsn = message.bsn
        if isinstance(message, AntwoordBericht):
            bsn = self.client_of_reference(
                message.domain, message.municipality, message.provider, message.antwoord.referentie_aanbieder
            )
        if bsn is None:
            return
        key = (message.domain, message.municipality, message.provider, bsn)
        self._clients.setdefault(key, []).append(message)
        if isinstance(message, ToewijzingBericht):
            for product in message.client.toegewezen_producten:
                self._holders.setdefault(
                    (message.domain, message.municipality, product.toewijzing_nummer), bsn
                )

    def identification_used(
        self, domain: Domain, sender: str, kind: MessageKind, identification: str
    ) -> bool:
        return (domain, sender, kind, identification) in self._identifications

    def client_messages(
        self, domain: Domain, municipality: str, provider: str, bsn: str
    ) -> Sequence[Message]:
        return tuple(self._clients.get((domain, municipality, provider, bsn), ()))

    def client_state(self, domain: Domain, municipality: str, provider: str, bsn: str) -> ClientState:
        return client_state(self.client_messages(domain, municipality, provider, bsn))

    def assignment_holder(self, domain: Domain, municipality: str, number: int) -> str | None:
        return self._holders.get((domain, municipality, number))

    def client_of_reference(
        self, domain: Domain, municipality: str, provider: str, reference: str
    ) -> str | None:
        """The Bsn of the client whose 315 or 317 carried ``reference``, or None (for a 319)."""
        for (key_domain, key_municipality, key_provider, bsn), messages in self._clients.items():
            if (key_domain, key_municipality, key_provider) != (domain, municipality, provider):
                continue
            if any(reference in references_of(message) for message in messages):
                return bsn
        return None


__all__ = ["InMemoryHistory", "MessageHistory", "references_of"]


def _implements_the_protocol(history: InMemoryHistory) -> MessageHistory:
    """Lets mypy check that ``InMemoryHistory`` is a ``MessageHistory``."""
    return history
